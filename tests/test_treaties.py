"""Treaties and other evidence: frameworks defined in data files, and per-country evidence."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker

from clac import frameworks as fw
from clac.cli import cli
from clac.errors import ClacError, CrossReferenceError
from clac.io import dumps, loads
from clac.model import (
    Confidence,
    CountryAssessment,
    LegislativeAdvance,
    Outcome,
    QuarterlyReport,
    WorkingGroup,
)
from clac.periods import ApproximateDate
from clac.registry import Coalition
from clac.text import Text

TREATIES = ("budapest", "lanzarote", "opsc")

REGISTRY = """\
clac: 1
name: Treaty watch
assessments:
  - {country: DO, framework: budapest, item: in-force, outcome: met, date: 2013-06-01,
     source: "Council of Europe Treaty Office", confidence: high}
  - {country: DO, framework: budapest, item: ratified, outcome: met, date: 2013-02,
     source: "Council of Europe Treaty Office", confidence: medium}
  - {country: MX, framework: opsc, item: signed, outcome: met, date: 2000,
     source: "UN Treaty Collection", confidence: low}
"""

CUSTOM = """\
id = "hotline-network"
name = {en = "Hotline network", es = "Red de líneas de denuncia"}
outcomes = ["met", "not-met", "unknown"]

[[sources]]
publisher = "A fictional network"
title = "Membership criteria"
year = 2020

[[items]]
id = "member"
label = {en = "Member hotline", es = "Línea miembro"}
sectors = ["hotline"]
"""


def shipped(name: str) -> Any:
    text = (resources.files("clac.frameworks") / "data" / f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _ev(grid: fw.RegionalMatrix, country: str, item: str) -> fw.Evidence:
    found = grid.cell(country, item).evidence
    assert found is not None
    return found


class TestTheShippedTreaties:
    @pytest.mark.parametrize("name", TREATIES)
    def test_each_file_is_valid_against_the_framework_schema(self, name: str) -> None:
        validator = Draft202012Validator(fw.framework_schema(), format_checker=FormatChecker())
        assert list(validator.iter_errors(shipped(name))) == []

    def test_the_schema_is_itself_valid(self) -> None:
        Draft202012Validator.check_schema(fw.framework_schema())

    @pytest.mark.parametrize("name", TREATIES)
    def test_each_has_signed_ratified_and_in_force(self, name: str) -> None:
        treaty = fw.FRAMEWORKS.get_framework(name)
        assert treaty.item_ids == ("signed", "ratified", "in-force")
        assert Outcome.PARTLY_MET not in treaty.outcomes
        assert treaty.item("in-force").precursors == ("ratified",)

    @pytest.mark.parametrize("name", TREATIES)
    def test_the_files_define_items_only_never_country_data(self, name: str) -> None:
        assert set(shipped(name)) <= {
            "id",
            "name",
            "short_name",
            "sources",
            "outcomes",
            "items",
            "sufficiency",
        }


class TestEvidence:
    def test_is_recorded_with_rough_dates_and_confidence_and_round_trips(self) -> None:
        registry = fw.check_references(loads(REGISTRY, "yaml"))
        first, second, third = registry.assessments
        assert first.confidence is Confidence.HIGH
        assert second.date == ApproximateDate(2013, 2)
        assert third.date == ApproximateDate(2000)
        for fmt in ("yaml", "json", "toml"):
            assert loads(dumps(registry, fmt), fmt) == registry

    def test_may_predate_the_coalition_and_shows_in_the_matrix(self) -> None:
        registry = loads(REGISTRY, "yaml")
        grid = fw.matrix(registry, "budapest", as_of=ApproximateDate(2014).latest)
        assert grid.outcome("DO", "in-force") is Outcome.MET
        assert grid.outcome("DO", "ratified") is Outcome.MET
        # The registry says nothing of DO's signature: the shipped facts do (a party by 2013).
        assert grid.outcome("DO", "signed") is Outcome.MET
        assert _ev(grid, "DO", "signed").shipped
        assert not _ev(grid, "DO", "ratified").shipped
        bare = fw.matrix(registry, "budapest", as_of=ApproximateDate(2014).latest, shipped=False)
        assert bare.outcome("DO", "signed") is Outcome.UNKNOWN

    def test_an_evidence_date_known_to_the_month_counts_from_its_last_day(self) -> None:
        registry = loads(REGISTRY, "yaml")
        early = fw.matrix(registry, "budapest", as_of=ApproximateDate(2013, 2).earliest)
        assert early.outcome("DO", "ratified") is Outcome.UNKNOWN

    def test_clac_gaps_shows_a_treatys_matrix(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text(REGISTRY, encoding="utf-8")
        result = CliRunner().invoke(
            cli, ["gaps", str(path), "-f", "budapest", "--as-of", "2020-01-01"]
        )
        assert result.exit_code == 0, result.output
        assert "Dominican Republic (DO)" in result.output
        assert "Budapest Convention" in result.output

    def test_a_registry_citing_an_unknown_framework_is_bad_input(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text(REGISTRY.replace("framework: opsc", "framework: nope"), encoding="utf-8")
        result = CliRunner().invoke(cli, ["check", str(path)])
        assert result.exit_code == 2
        assert "assessments[2].framework: 'nope' is not a framework clac knows" in result.output

    def test_the_framework_check_lives_above_the_registry(self) -> None:
        Coalition(name="C", assessments=(assessment("elsewhere"),))
        with pytest.raises(CrossReferenceError):
            fw.check_references(Coalition(name="C", assessments=(assessment("elsewhere"),)))


def assessment(framework: str) -> CountryAssessment:
    return CountryAssessment(
        country="BR",
        framework=framework,
        item="member",
        outcome=Outcome.MET,
        date=ApproximateDate(2020),
        source="test",
    )


class TestFrameworkFiles:
    def test_a_toml_file_defines_a_framework_usable_without_python(self, tmp_path: Path) -> None:
        definition = tmp_path / "network.toml"
        definition.write_text(CUSTOM, encoding="utf-8")
        framework = fw.load_framework(definition)
        assert framework.id == "hotline-network"
        assert framework.item("member").description == framework.item("member").label
        registry = tmp_path / "registry.json"
        registry.write_text(
            json.dumps(
                {
                    "clac": 1,
                    "name": "C",
                    "assessments": [
                        {
                            "country": "BR",
                            "framework": "hotline-network",
                            "item": "member",
                            "outcome": "met",
                            "date": "2019",
                            "source": "the network's list",
                        }
                    ],
                }
            ),
            encoding="utf-8",
        )
        args = ["gaps", str(registry), "-f", "hotline-network", "--as-of", "2024-01-01"]
        without = CliRunner().invoke(cli, args)
        assert without.exit_code == 2
        result = CliRunner().invoke(cli, [*args, "--framework-file", str(definition)])
        assert result.exit_code == 0, result.output
        assert "Brazil (BR)" in result.output
        assert "hotline-network" not in fw.FRAMEWORKS  # registered for the command only

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            (lambda d: d.pop("items"), "items"),
            (lambda d: d.update(colour="red"), "colour"),
            (lambda d: d["items"][0].update(sectors=["church"]), "items[0].sectors[0]"),
            (lambda d: d.update(outcomes=["met"]), "outcomes"),
        ],
    )
    def test_a_bad_file_names_the_path_of_its_problem(self, change: Any, path: str) -> None:
        data = shipped("budapest")
        change(data)
        with pytest.raises(ClacError) as caught:
            fw.loads_framework(json.dumps(data), "json")
        assert path in str(caught.value)


class TestTrendsMeanSomething:
    def advance(self, *criteria: str) -> LegislativeAdvance:
        return LegislativeAdvance(
            country="DO",
            instrument="Ley 1",
            date=date(2025, 2, 10),
            description="An advance",
            criteria=criteria,
        )

    def trend_of(self, framework: str, item: str, *advances: LegislativeAdvance) -> Any:
        report = QuarterlyReport(
            working_group="wg", year=2025, quarter=1, legislative_advances=advances
        )
        changes = (
            CountryAssessment(
                country="DO",
                framework=framework,
                item=item,
                outcome=Outcome.MET,
                date=date(2025, 6, 1),
                source="test",
            ),
        )
        base = Coalition(
            name="C",
            working_groups=(WorkingGroup(id="wg", name=Text("W", "W"), formed=date(2020, 1, 1)),),
            reports=(report,),
            assessments=changes,
        )
        trend = fw.trends(base, framework, start=date(2025, 1, 1), end=date(2025, 12, 31))
        return [p.description for p in trend.changes[0].preceded_by]

    def test_a_treaty_ratification_is_no_precursor_of_a_hotline(self) -> None:
        assert self.trend_of("mnr", "hotline", self.advance("budapest/ratified")) == []

    def test_a_declared_precursor_counts(self) -> None:
        found = self.trend_of("budapest", "in-force", self.advance("budapest/ratified"))
        assert found == ["Ley 1: An advance"]

    def test_an_item_of_the_same_area_counts(self) -> None:
        # takedown and industry-reporting are both in the MNR's industry area
        found = self.trend_of("mnr", "takedown", self.advance("mnr/industry-reporting"))
        assert found == ["Ley 1: An advance"]

    def test_an_advance_citing_nothing_is_no_precursor(self) -> None:
        assert self.trend_of("mnr", "hotline", self.advance()) == []

    def test_a_framework_relates_items_only_through_declared_links_or_areas(self) -> None:
        budapest = fw.FRAMEWORKS.get_framework("budapest")
        assert budapest.related("ratified", "in-force")
        assert not budapest.related("signed", "in-force")  # declared links are one step
        assert not fw.MNR.related("budapest/ratified", "hotline")


class TestConfidenceIsShown:
    def test_a_changes_evidence_says_how_sure_its_source_is(self) -> None:
        registry = loads(REGISTRY, "yaml")
        trend = fw.trends(registry, "opsc", start=date(1999, 1, 1), end=date(2001, 1, 1))
        (mexico,) = (c for c in trend.changes if c.country == "MX")
        assert mexico.evidence.confidence is Confidence.LOW
        assert "UN Treaty Collection (confidence: low)" in fw.trend_markdown(trend, "en")
        assert "(confianza: baja)" in fw.trend_markdown(trend, "es")


class TestFrameworkFilesForEveryCommand:
    def test_clac_framework_file_lets_any_command_read_a_registry_citing_it(
        self, tmp_path: Path
    ) -> None:
        definition = tmp_path / "network.toml"
        definition.write_text(CUSTOM, encoding="utf-8")
        registry = tmp_path / "registry.yaml"
        registry.write_text(
            "clac: 1\nname: C\nassessments:\n"
            "  - {country: BR, framework: hotline-network, item: member, outcome: met,"
            " date: 2019, source: the list}\n",
            encoding="utf-8",
        )
        refused = CliRunner().invoke(cli, ["check", str(registry)])
        assert refused.exit_code == 2
        result = CliRunner().invoke(
            cli, ["--framework-file", str(definition), "check", str(registry)]
        )
        assert result.exit_code in (0, 1), result.output
        assert "hotline-network" not in fw.FRAMEWORKS  # for that run only

    def test_a_bad_framework_file_is_bad_input(self, tmp_path: Path) -> None:
        definition = tmp_path / "bad.yaml"
        definition.write_text("id: x\nname: {en: X, es: X}\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["--framework-file", str(definition), "rules"])
        assert result.exit_code == 2
        assert "sources" in result.output


class TestTheFrameworkSchemaCommand:
    def test_clac_schema_framework_prints_the_framework_files_schema(self) -> None:
        result = CliRunner().invoke(cli, ["schema", "--framework"])
        assert result.exit_code == 0
        assert json.loads(result.output) == fw.framework_schema()

    def test_it_cannot_be_asked_with_the_assessments(self) -> None:
        result = CliRunner().invoke(cli, ["schema", "--framework", "--assessment"])
        assert result.exit_code == 2
