"""Real organisations: several sectors, intergovernmental organisations and the region as data."""

from __future__ import annotations

import json
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac.charter import BASE_DOCUMENT, Sector
from clac.countries import (
    LAC_TERRITORIES,
    LATIN_AMERICA_AND_CARIBBEAN,
    expand,
    region_countries,
)
from clac.errors import ClacError, InvalidData
from clac.frameworks import MNR, matrix, thin_spots
from clac.io import Format, dumps, loads
from clac.model import CountryAssessment, Organization, Outcome, Scope
from clac.network import country_coverage, sector_coverage, sector_ties
from clac.registry import Coalition
from clac.schema import json_schema
from clac.testing import organizations
from tests.factories import coalition, meeting, member, organization

HOTLINE_NGO = (Sector.HOTLINE, Sector.NGO)


def with_organizations(*orgs: Organization) -> Coalition:
    """A compliant coalition whose members are ``orgs`` (each a member from the founding)."""
    return coalition([member(o.id) for o in orgs], organizations=orgs)


class TestSeveralSectors:
    def test_the_first_sector_given_is_the_primary_one(self) -> None:
        org = organization("safernet", sector=HOTLINE_NGO, countries=["BR"])
        assert org.sectors == HOTLINE_NGO
        assert org.sector is Sector.HOTLINE
        assert org.in_sector(Sector.NGO)

    def test_one_sector_is_a_list_of_one(self) -> None:
        assert organization(sector=Sector.NGO).sectors == (Sector.NGO,)

    @pytest.mark.parametrize(
        ("sector", "path"),
        [([], "sector"), (["ngo", "ngo"], "sector[1]"), (["ngo", "church"], "sector[1]")],
    )
    def test_a_bad_list_is_refused_under_the_files_key(self, sector: object, path: str) -> None:
        with pytest.raises(InvalidData) as caught:
            Organization(id="a", name="A", sector=sector, countries=["BR"])
        assert caught.value.path == path

    @pytest.mark.parametrize("fmt", list(Format))
    @given(org=organizations(partners=()))
    def test_every_format_round_trips_one_or_several_sectors(
        self, fmt: Format, org: Organization
    ) -> None:
        base = Coalition(name="C", organizations=(org,))
        text = dumps(base, fmt)
        assert loads(text, fmt) == base
        raw = loads(text, fmt).organizations[0]
        assert raw.sectors == org.sectors

    @pytest.mark.parametrize("fmt", list(Format))
    def test_a_single_sector_stays_single_and_a_list_stays_a_list(self, fmt: Format) -> None:
        single = organization("one", sector=Sector.NGO, countries=["AR"])
        several = organization("two", sector=HOTLINE_NGO, countries=["BR"])
        raw = json.loads(dumps(Coalition(name="C", organizations=(single, several)), "json"))
        assert raw["organizations"][0]["sector"] == "ngo"
        assert raw["organizations"][1]["sector"] == ["hotline", "ngo"]
        assert "sectors" not in raw["organizations"][1]
        text = dumps(Coalition(name="C", organizations=(single, several)), fmt)
        assert loads(text, fmt).organizations[1].sectors == HOTLINE_NGO

    def test_a_bad_sector_in_a_file_names_the_files_key(self) -> None:
        raw = json.loads(dumps(coalition(), "json"))
        raw["organizations"][0]["sector"] = ["hotline", "church"]
        with pytest.raises(ClacError) as caught:
            loads(json.dumps(raw), "json")
        assert "organizations[0].sector[1]: 'church'" in str(caught.value)

    def test_the_schema_accepts_one_sector_or_a_list(self) -> None:
        from jsonschema import Draft202012Validator

        sector = json_schema()["$defs"]["Organization"]["properties"]["sector"]
        check = Draft202012Validator(sector)
        assert check.is_valid("ngo")
        assert check.is_valid(["hotline", "ngo"])
        assert not check.is_valid([])
        assert not check.is_valid(["ngo", "ngo"])

    def test_a_hotline_that_is_an_ngo_closes_the_national_ngo_gap(self) -> None:
        org = organization("safernet", sector=HOTLINE_NGO, countries=["BR"])
        coverage = country_coverage(with_organizations(org)).country("BR")
        assert coverage.hotlines == ("safernet",)
        assert coverage.ngos == ("safernet",)

    def test_sector_coverage_lists_the_member_under_every_sector(self) -> None:
        org = organization("safernet", sector=HOTLINE_NGO, countries=["BR"])
        rows = {r.sector: r.members for r in sector_coverage(with_organizations(org)).sectors}
        assert "safernet" in rows[Sector.HOTLINE]
        assert "safernet" in rows[Sector.NGO]

    def test_thin_spots_count_every_sector(self) -> None:
        org = organization("safernet", sector=HOTLINE_NGO, countries=["BR"])
        gap = CountryAssessment(
            country="BR",
            framework="mnr",
            item="child-helpline",
            outcome=Outcome.NOT_MET,
            date=date(2020, 1, 1),
            source="test",
        )
        base = attrs.evolve(with_organizations(org), assessments=(gap,))
        spots = thin_spots(base, "mnr", as_of=date(2024, 6, 1))
        assert ("BR", "child-helpline") not in {(s.country, s.item) for s in spots}
        alone = organization("safernet", sector=Sector.HOTLINE, countries=["BR"])
        base = attrs.evolve(with_organizations(alone), assessments=(gap,))
        spots = thin_spots(base, "mnr", as_of=date(2024, 6, 1))
        assert ("BR", "child-helpline") in {(s.country, s.item) for s in spots}

    def test_sector_ties_count_every_sector_of_each_end(self) -> None:
        a = organization("a", sector=HOTLINE_NGO, countries=["BR"])
        b = organization("b", sector=Sector.GOVERNMENT, countries=["BR"])
        members = [member("a"), member("b")]
        base = coalition(
            members,
            organizations=(a, b),
            meetings=(meeting("m1", date(2024, 3, 1), attendees=("a", "b")),),
        )
        ties = sector_ties(base)
        assert ties.between(Sector.HOTLINE, Sector.GOVERNMENT) == 1
        assert ties.between(Sector.NGO, Sector.GOVERNMENT) == 1


class TestIntergovernmentalOrganizations:
    def test_is_a_sector_with_its_names(self) -> None:
        label = Sector.INTERGOVERNMENTAL.label
        assert (label.en, label.es) == (
            "Intergovernmental Organizations",
            "Organismos Intergubernamentales",
        )
        assert label.in_("pt") == "Organismos Intergovernamentais"

    def test_interpol_is_classified_intergovernmental(self) -> None:
        founding = {p.id: p.sector for p in BASE_DOCUMENT.founding_partners}
        assert founding["interpol"] is Sector.INTERGOVERNMENTAL

    def test_has_a_place_in_the_mnr_mapping(self) -> None:
        carried = {i.id for i in MNR.items if Sector.INTERGOVERNMENTAL in i.sectors}
        assert {"image-databases", "research"} <= carried

    def test_prosecutors_and_judges_can_cover_the_judiciary_capability(self) -> None:
        judiciary = MNR.item("judiciary")
        assert Sector.LAW_ENFORCEMENT in judiciary.sectors
        assert Sector.GOVERNMENT in judiciary.sectors

    def test_an_organization_may_be_intergovernmental_and_a_regional_network(self) -> None:
        oas = Organization(
            id="oas",
            name="OAS",
            sector=[Sector.INTERGOVERNMENTAL, Sector.REGIONAL_NETWORK],
            countries=["LAC"],
            scope=Scope.REGIONAL,
            partner="oas",
        )
        rows = {r.sector: r.members for r in sector_coverage(with_organizations(oas)).sectors}
        assert rows[Sector.INTERGOVERNMENTAL] == ("oas",)
        assert rows[Sector.REGIONAL_NETWORK] == ("oas",)


class TestTheRegion:
    def test_is_its_33_sovereign_states_by_default(self) -> None:
        assert len(LATIN_AMERICA_AND_CARIBBEAN) == 33
        assert region_countries() == LATIN_AMERICA_AND_CARIBBEAN
        assert not {"BV", "GS", "FK", "PR", "AW"} & set(LATIN_AMERICA_AND_CARIBBEAN)

    def test_territories_come_only_on_request(self) -> None:
        everything = region_countries(include_territories=True)
        assert len(everything) == 52
        assert set(LAC_TERRITORIES) <= set(everything)

    def test_an_unknown_region_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="region"):
            region_countries("EU")

    def test_country_coverage_has_a_row_per_state_unless_territories_are_asked(self) -> None:
        assert len(country_coverage(Coalition(name="E")).countries) == 33
        with_territories = country_coverage(Coalition(name="E"), include_territories=True)
        assert len(with_territories.countries) == 52

    def test_a_matrix_has_the_33_states_by_default(self) -> None:
        assert len(matrix(Coalition(name="E"), "mnr", as_of=date(2024, 1, 1)).countries) == 33
        grid = matrix(Coalition(name="E"), "mnr", as_of=date(2024, 1, 1), countries=["LAC"])
        assert grid.countries == LATIN_AMERICA_AND_CARIBBEAN

    def test_unknown_outcomes_give_at_most_one_thin_spot_per_state_and_item(self) -> None:
        spots = thin_spots(Coalition(name="E"), "mnr", as_of=date(2024, 1, 1), include_unknown=True)
        needing = sum(1 for i in MNR.items if i.sectors)
        assert len(spots) == 33 * needing

    @given(st.sampled_from(LATIN_AMERICA_AND_CARIBBEAN))
    def test_a_regional_organization_naming_the_region_counts_in_every_state(
        self, code: str
    ) -> None:
        network = Organization(
            id="red",
            name="Red",
            sector=Sector.REGIONAL_NETWORK,
            countries=["lac"],
            scope=Scope.REGIONAL,
        )
        assert code in network.where
        coverage = country_coverage(with_organizations(network)).country(code)
        assert coverage.regional == ("red",)

    def test_a_region_keeps_its_id_in_every_format(self) -> None:
        network = Organization(
            id="red",
            name="Red",
            sector=Sector.REGIONAL_NETWORK,
            countries=["LAC"],
            scope=Scope.REGIONAL,
        )
        base = Coalition(name="C", organizations=(network,))
        for fmt in Format:
            assert loads(dumps(base, fmt), fmt).organizations[0].countries == ("LAC",)

    def test_a_national_organization_cannot_name_a_region(self) -> None:
        with pytest.raises(InvalidData, match="countries"):
            Organization(id="a", name="A", sector="ngo", countries=["LAC"], scope="national")

    def test_expanding_keeps_order_and_drops_repeats(self) -> None:
        assert expand(["BR", "LAC"])[0] == "BR"
        assert len(expand(["BR", "LAC"])) == 52


class TestRenamedPartners:
    def test_the_charter_partners_carry_their_later_names_with_dates(self) -> None:
        facebook = BASE_DOCUMENT.partner("facebook")
        assert [(n.id, n.name, n.since) for n in facebook.later_names] == [
            ("meta", "Meta", date(2021, 10, 28))
        ]
        twitter = BASE_DOCUMENT.partner("twitter")
        assert [(n.name, n.since) for n in twitter.later_names] == [("X", date(2023, 7, 23))]

    def test_the_charter_keeps_its_own_wording(self) -> None:
        assert BASE_DOCUMENT.partner("facebook").name.en == "Facebook"

    def test_outputs_name_the_later_name_and_the_charters(self) -> None:
        facebook = BASE_DOCUMENT.partner("facebook")
        assert facebook.display_name().en == "Meta (Facebook in the charter)"
        assert facebook.display_name().es == "Meta (Facebook en la carta)"
        assert facebook.display_name(date(2020, 1, 1)).en == "Facebook"
        assert BASE_DOCUMENT.partner("twitter").display_name(date(2024, 1, 1)).in_("pt") == (
            "X (Twitter na carta)"
        )

    @pytest.mark.parametrize("partner_id", ["facebook", "meta"])
    def test_the_registry_accepts_either_name(self, partner_id: str) -> None:
        meta = organization(
            "meta-lac", sector=Sector.PRIVATE_SECTOR, countries=["US"], partner=partner_id
        )
        base = with_organizations(meta)
        assert BASE_DOCUMENT.partner(partner_id).id == "facebook"
        missing = {p.id for p in sector_coverage(base).missing_partners}
        assert "facebook" not in missing

    def test_two_organizations_for_one_renamed_partner_are_refused(self) -> None:
        first = organization("a", sector=Sector.PRIVATE_SECTOR, countries=["US"], partner="meta")
        second = organization(
            "b", sector=Sector.PRIVATE_SECTOR, countries=["US"], partner="facebook"
        )
        with pytest.raises(ClacError, match="partner"):
            Coalition(name="C", organizations=(first, second))

    def test_the_network_summary_shows_the_later_name(self) -> None:
        from clac.network import summarize

        rows = dict(summarize(Coalition(name="E")).rows("en"))
        missing = next(v for k, v in rows.items() if "partner" in k.lower())
        assert "Meta (Facebook in the charter)" in missing
        assert "X (Twitter in the charter)" in missing


class TestTheNetworkOnSparseData:
    def three_untied_members(self) -> Coalition:
        orgs = [organization(i, countries=["BR"]) for i in ("a", "b", "c")]
        return coalition(
            [member(i, working_groups=()) for i in ("a", "b", "c")],
            organizations=orgs,
            meetings=(),
        )

    def test_members_without_ties_are_no_key_players(self) -> None:
        from clac.network import key_players

        players = key_players(self.three_untied_members())
        assert players.organizations == ()
        assert players.fragmentation == (1.0,)

    def test_the_summary_lists_untied_members_as_isolated(self) -> None:
        from clac.network import summarize

        summary = summarize(self.three_untied_members())
        assert summary.health.ties == 0
        assert set(summary.isolates.organizations) == {"a", "b", "c"}
        rows = dict(summary.rows("en"))
        players = next(v for k, v in rows.items() if "key" in k.lower())
        assert "→" not in players

    def test_a_single_tie_has_one_key_player_and_then_stops(self) -> None:
        from clac.network import key_players

        orgs = [organization(i, countries=["BR"]) for i in ("a", "b", "c")]
        grouped = ("prevention-awareness",)
        base = coalition(
            [
                member("a", working_groups=grouped),
                member("b", working_groups=grouped),
                member("c", working_groups=()),
            ],
            organizations=orgs,
            meetings=(),
        )
        players = key_players(base)
        assert len(players.organizations) == 1
        assert players.before == pytest.approx(1 - 2 / 6)
        assert players.after == 1.0

    @given(st.integers(min_value=0, max_value=6))
    def test_an_empty_graph_never_has_key_players(self, n: int) -> None:
        import networkx as nx

        from clac.network._health import key_players_of

        graph: nx.Graph[str] = nx.empty_graph([f"org:{i}" for i in range(n)])
        players = key_players_of(graph)
        assert players.organizations == ()
        assert players.fragmentation == ((1.0,) if n >= 2 else (0.0,))


class TestTerritoriesOnTheCommandLine:
    def rows(self, *args: str) -> int:
        from click.testing import CliRunner

        from clac.cli import cli

        result = CliRunner().invoke(cli, ["gaps", "-f", "mnr", "--all-countries", *args])
        assert result.exit_code == 0, result.output
        table = result.output.split("### ")[0]
        return sum(1 for line in table.splitlines() if line.startswith("| ") and "(" in line)

    def test_gaps_shows_the_33_states_and_the_territories_on_request(self) -> None:
        assert self.rows() == 33
        assert self.rows("--include-territories") == 52

    def test_network_counts_territories_on_request(self) -> None:
        from click.testing import CliRunner

        from clac.cli import cli

        plain = CliRunner().invoke(cli, ["network"])
        wide = CliRunner().invoke(cli, ["network", "--include-territories"])
        assert plain.exit_code == wide.exit_code == 0
        assert " of 33" in plain.output
        assert " of 52" in wide.output
