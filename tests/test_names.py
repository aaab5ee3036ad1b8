"""One name for one thing: the names issue 28 aligned, the old ones still working with a
DeprecationWarning; and the small command-line gaps it found (clac demo -o -, clac rules
--format)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import clac
import clac.network as net
import clac.rules
from clac import DEMO_AS_OF, demo
from clac.cli import cli
from clac.io import Format, loads
from clac.reporting import cadence
from clac.rules import CATALOGUE, Outcome
from clac.rules._formats import CSV_COLUMNS
from clac.schema import assessment_schema, json_schema


class TestOneNameForOneThing:
    def test_isolates_and_the_summary_list_the_same_members(self) -> None:
        coalition = demo()
        assert net.isolates(coalition) == net.summarize(coalition).isolates
        assert net.isolates(coalition).organizations == ("registro-dominios",)

    def test_the_summary_field_has_the_function_s_name(self) -> None:
        summary = net.summarize(demo())
        assert summary.cross_sector_ties == net.cross_sector_ties(demo())
        with pytest.deprecated_call(match="cross_sector_ties"):
            assert summary.cross_sector == summary.cross_sector_ties

    def test_counts_is_a_property_like_ok_and_calling_it_warns(self) -> None:
        assessment = clac.evaluate(demo(), DEMO_AS_OF)
        assert isinstance(assessment.ok, bool)
        assert sum(assessment.counts.values()) == len(assessment)
        assert assessment.counts[Outcome.UNMET] == len(assessment.unmet)
        with pytest.deprecated_call(match=r"Assessment.counts\(\)"):
            assert assessment.counts() == dict(assessment.counts)

    def test_the_report_cadence_counts_the_same_way(self) -> None:
        statuses = cadence(demo(), DEMO_AS_OF)
        assert sum(statuses.counts.values()) == len(statuses)
        with pytest.deprecated_call():
            assert statuses.counts() == dict(statuses.counts)

    def test_both_schemas_live_in_clac_schema_and_the_old_place_warns(self) -> None:
        assert assessment_schema()["$id"].startswith("urn:clac:schema:assessment")
        assert json_schema()["$id"].startswith("urn:clac:schema:registry-file")
        with pytest.deprecated_call(match="clac.schema.assessment_schema"):
            old = clac.rules.assessment_schema
        assert old() == assessment_schema()

    def test_the_data_frame_has_the_columns_of_the_csv(self) -> None:
        assessment = clac.evaluate(demo(), DEMO_AS_OF)
        frame = assessment.to_dataframe()
        header = next(csv.reader(io.StringIO(assessment.to_csv(), newline="")))
        assert list(frame.columns) == header == list(CSV_COLUMNS)

    def test_evidence_reads_by_name_as_to_dict_shows_it(self) -> None:
        assessment = clac.evaluate(demo(), DEMO_AS_OF)
        finding = next(f for f in assessment.findings if f.evidence)
        shown = assessment.to_dict()["findings"][assessment.findings.index(finding)]["evidence"]
        assert set(finding.evidence.keys()) == set(shown)
        first = finding.evidence[0]
        assert finding.evidence[first.name] == first.value
        assert dict(finding.evidence.items()) == {f.name: f.value for f in finding.evidence}


class TestCommands:
    def test_demo_writes_the_registry_to_standard_output(self) -> None:
        result = CliRunner().invoke(cli, ["demo", "-o", "-"])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("# CLAC demonstration registry")
        assert loads(result.stdout, Format.YAML).name == demo().name

    def test_demo_on_standard_output_takes_a_format(self) -> None:
        result = CliRunner().invoke(cli, ["demo", "-o", "-", "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["name"] == demo().name

    def test_rules_as_csv_and_json_list_every_rule(self) -> None:
        as_csv = CliRunner().invoke(cli, ["rules", "--format", "csv"])
        rows = list(csv.DictReader(io.StringIO(as_csv.output, newline="")))
        assert [r["id"] for r in rows] == [r.id for r in CATALOGUE]
        as_json = CliRunner().invoke(cli, ["rules", "--format", "json", "--lang", "es"])
        data = json.loads(as_json.output)
        assert [r["id"] for r in data] == [r.id for r in CATALOGUE]
        assert data[0]["title"] == CATALOGUE.get(data[0]["id"]).title.es

    def test_the_piped_table_is_never_cut_at_eighty_columns(self) -> None:
        result = CliRunner().invoke(cli, ["rules"], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert len(lines) == len(CATALOGUE) + 1  # one line per rule, under the heading
        assert max(map(len, lines)) > 80
        for r in CATALOGUE:
            assert any(line.split()[0] == r.id and r.title.en in line for line in lines)
