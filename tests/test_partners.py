"""The charter's partners: the listing (``clac partners``), matching organisations to them by
name, and where a partner is counted as a member; and an organization's scope read from its
countries when the registry leaves it out."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import clac
from clac.charter import BASE_DOCUMENT, MatchKind, match_partner
from clac.cli import cli
from clac.errors import InvalidData
from clac.model import Organization, Scope
from clac.network import sector_coverage
from clac.text import normalise_name

REGISTRY = """\
clac: 1
name: Partners by name
charter: base-document
organizations:
  - {id: icmec, name: ICMEC, sector: ngo, scope: global, partner: icmec}
  - {id: safernet-brasil, name: SaferNet Brasil, sector: [hotline, ngo], countries: [BR]}
  - {id: buscador, name: GOOGLE, sector: private-sector, scope: global}
  - {id: rcpi, name: rcpi peru, sector: hotline, countries: [PE]}
  - {id: linea-ejemplo, name: Línea Ejemplo (example), sector: hotline, countries: [PY]}
members:
  - {organization: icmec, joined: 2016-01-01}
  - {organization: safernet-brasil, joined: 2016-01-01}
  - {organization: buscador, joined: 2017-01-01}
  - {organization: rcpi, joined: 2017-01-01}
"""


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "clac.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


class TestMatching:
    @pytest.mark.parametrize(
        ("name", "partner", "kind"),
        [
            ("Safernet", "safernet", MatchKind.SAME),
            ("SAFERNET", "safernet", MatchKind.SAME),
            ("rcpi peru", "rcpi-peru", MatchKind.SAME),  # accents and punctuation ignored
            ("Meta", "facebook", MatchKind.SAME),  # a later name
            ("OEA", "oas", MatchKind.SAME),  # the Spanish acronym
            ("Te Protejo", "red-papaz-te-protejo", MatchKind.SAME),  # one half of a slash
            ("SaferNet Brasil", "safernet", MatchKind.CLOSE),
            ("Fundación Paniamor", "paniamor", MatchKind.CLOSE),
            ("Microsof", "microsoft", MatchKind.CLOSE),
        ],
    )
    def test_a_name_finds_its_partner(self, name: str, partner: str, kind: MatchKind) -> None:
        found = match_partner(name, BASE_DOCUMENT.partners)
        assert found is not None
        assert (found.partner.id, found.kind) == (partner, kind)

    @pytest.mark.parametrize(
        "name", ["Línea Ejemplo", "Red", "X Corp", "Universities", "Policía Nacional"]
    )
    def test_other_names_and_kinds_of_organization_match_none(self, name: str) -> None:
        assert match_partner(name, BASE_DOCUMENT.partners) is None

    def test_an_id_matches_too(self) -> None:
        found = match_partner("Some other name", BASE_DOCUMENT.partners, id="red-natic")
        assert found is not None
        assert (found.partner.id, found.kind) == ("red-natic", MatchKind.SAME)

    def test_names_compare_without_case_accents_or_punctuation(self) -> None:
        assert normalise_name("  Fundación  Ñandú! ") == "fundacion nandu"


class TestWhoIsNotYetAMember:
    def test_a_member_with_a_partners_name_is_that_partner(self) -> None:
        coverage = sector_coverage(clac.loads(REGISTRY, "yaml"), date(2020, 1, 1))
        missing = {p.id for p in coverage.missing_partners}
        assert "google" not in missing  # GOOGLE is Google
        assert "rcpi-peru" not in missing

    def test_a_close_name_is_a_possible_partner_not_a_missing_one(self) -> None:
        coverage = sector_coverage(clac.loads(REGISTRY, "yaml"), date(2020, 1, 1))
        assert "safernet" not in {p.id for p in coverage.missing_partners}
        assert [(p.id, orgs) for p, orgs in coverage.possible_partners] == [
            ("safernet", ("safernet-brasil",))
        ]
        assert "inhope" in {p.id for p in coverage.missing_partners}

    def test_the_network_summary_suggests_the_id(self, registry: Path) -> None:
        result = CliRunner().invoke(cli, ["network", str(registry)])
        assert result.exit_code == 0, result.output
        assert "Safernet: safernet-brasil (partner: safernet?)" in result.stdout


class TestTheListing:
    def test_text_lists_every_partner_with_its_id(self) -> None:
        result = CliRunner().invoke(cli, ["partners"])
        assert result.exit_code == 0, result.output
        for partner in BASE_DOCUMENT.partners:
            assert f"\n{partner.id} " in result.stdout
        assert "Meta (meta, 2021-10-28)" in result.stdout

    @pytest.mark.parametrize(("lang", "word"), [("es", "fundador"), ("pt", "esperado")])
    def test_it_speaks_the_language(self, lang: str, word: str) -> None:
        result = CliRunner().invoke(cli, ["partners", "--lang", lang])
        assert word in result.stdout

    def test_csv_and_json_hold_the_same_partners(self) -> None:
        rows = list(
            csv.DictReader(
                io.StringIO(CliRunner().invoke(cli, ["partners", "--format", "csv"]).stdout)
            )
        )
        data = json.loads(CliRunner().invoke(cli, ["partners", "--format", "json"]).stdout)
        assert [r["id"] for r in rows] == [p["id"] for p in data["partners"]]
        assert [r["id"] for r in rows] == [p.id for p in BASE_DOCUMENT.partners]
        twitter = next(p for p in data["partners"] if p["id"] == "twitter")
        assert twitter["later_names"] == [{"id": "x", "name": "X", "since": "2023-07-23"}]
        assert next(r for r in rows if r["id"] == "universities")["generic"] == "true"

    def test_with_a_registry_it_says_which_organization_is_which_partner(
        self, registry: Path
    ) -> None:
        result = CliRunner().invoke(cli, ["partners", str(registry), "--format", "json"])
        data = {p["id"]: p["registry"] for p in json.loads(result.stdout)["partners"]}
        assert data["icmec"] == ["icmec (partner: icmec)"]
        assert data["google"] == [
            "buscador: same name as the charter's google; add partner: google to link it"
        ]
        assert data["safernet"] == [
            "safernet-brasil (SaferNet Brasil) may be the charter's safernet: if it is, add "
            "partner: safernet"
        ]
        assert data["inhope"] == []

    def test_the_charter_command_lists_the_ids(self) -> None:
        result = CliRunner().invoke(cli, ["charter"])
        assert "safernet" in result.stdout
        assert "clac partners" in result.stdout


class TestScope:
    @pytest.mark.parametrize(
        ("countries", "scope"),
        [
            (["BR"], Scope.NATIONAL),
            (["AR", "CL"], Scope.REGIONAL),
            (["LAC"], Scope.REGIONAL),
            (["US", "BR"], Scope.GLOBAL),
            ([], None),
        ],
    )
    def test_a_missing_scope_is_read_from_the_countries(
        self, countries: list[str], scope: Scope | None
    ) -> None:
        organization = Organization(id="x", name="X", sector="private-sector", countries=countries)
        assert organization.scope is None
        assert organization.effective_scope is scope
        assert organization.scope_inferred is (scope is not None)

    def test_a_recorded_scope_wins(self) -> None:
        organization = Organization(
            id="x", name="X", sector="ngo", countries=["AR", "CL"], scope="global"
        )
        assert organization.effective_scope is Scope.GLOBAL
        assert not organization.scope_inferred

    def test_a_company_without_countries_is_no_national_member(self) -> None:
        text = REGISTRY.replace("sector: private-sector, scope: global}", "sector: private-sector}")
        coalition = clac.loads(text, "yaml")  # once refused: 'a national organization ...'
        assert coalition.organization("buscador").effective_scope is None
        assert clac.loads(clac.dumps(coalition, "yaml"), "yaml") == coalition

    def test_a_recorded_national_scope_still_needs_one_country(self) -> None:
        with pytest.raises(InvalidData, match="exactly one country"):
            Organization(id="x", name="X", sector="ngo", countries=["AR", "CL"], scope="national")

    @pytest.mark.parametrize(
        ("lang", "words"),
        [
            ("en", "organizations[1].scope (safernet-brasil): not recorded; read as national"),
            ("es", "organizations[1].scope (safernet-brasil): no registrado; se lee como national"),
            ("pt", "organizations[1].scope (safernet-brasil): não registrado; lido como national"),
        ],
    )
    def test_every_command_says_how_it_read_a_missing_scope(
        self, registry: Path, lang: str, words: str
    ) -> None:
        result = CliRunner().invoke(cli, ["check", str(registry), "--lang", lang])
        assert result.exit_code in {0, 1}, result.output
        assert f"clac: note: {words}" in result.stderr
        assert "organizations[2].scope" not in result.stderr  # recorded: nothing to say

    def test_an_organization_without_countries_is_said_to_be_unknown(self, tmp_path: Path) -> None:
        path = tmp_path / "clac.yaml"
        path.write_text(
            REGISTRY.replace("sector: private-sector, scope: global}", "sector: private-sector}"),
            encoding="utf-8",
        )
        result = CliRunner().invoke(cli, ["check", str(path)])
        assert "organizations[2].scope (buscador): not recorded and no countries" in result.stderr


class TestCountryNames:
    @pytest.mark.parametrize(("name", "code"), [("Brasil", "BR"), ("Perú", "PE"), ("Mexico", "MX")])
    def test_a_country_name_instead_of_a_code_suggests_the_code(self, name: str, code: str) -> None:
        with pytest.raises(InvalidData, match=f"did you mean {code}"):
            Organization(id="x", name="X", sector="ngo", countries=[name])

    def test_an_unknown_name_suggests_nothing(self) -> None:
        with pytest.raises(InvalidData) as caught:
            Organization(id="x", name="X", sector="ngo", countries=["Atlantis"])
        assert "did you mean" not in str(caught.value)
