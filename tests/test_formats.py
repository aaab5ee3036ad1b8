"""An assessment for other tools: plain data and its JSON Schema, SARIF, JUnit XML and CSV,
``Assessment.ok_at``, and ``clac check --format``."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clac
from clac.charter import Severity
from clac.cli import cli
from clac.rules import (
    CATALOGUE,
    Assessment,
    Context,
    Fact,
    Finding,
    Outcome,
    Rule,
    Subject,
    SubjectKind,
    Verdict,
    evaluate,
    unmet,
)
from clac.rules._formats import CSV_COLUMNS, assessment_schema
from clac.testing import coalitions
from clac.text import Text

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json"


@cache
def demo_assessment() -> Assessment:
    return evaluate(clac.demo(), clac.DEMO_AS_OF)


@cache
def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


@cache
def assessment_validator() -> jsonschema.Draft202012Validator:
    schema = assessment_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# -- hostile findings: text with every character a format has to escape ------------------------

hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(str.strip)
SPICE = ("<b>&amp;\"'</b>", '=HYPERLINK("x")', "a,b\r\nc", "\x00\x1b]", "-1+1", "@SUM(A1)")


def _rule(rule_id: str, severity: Severity, title: Text) -> Rule:
    base = CATALOGUE.get("MEM-05")
    return Rule(
        id=rule_id,
        clause=base.clause,
        severity=severity,
        title=title,
        explanation=title,
        applies_to=SubjectKind.MEMBER,
        check=base.check,
    )


@st.composite
def hostile_assessments(draw: st.DrawFn) -> Assessment:
    texts = st.one_of(hostile_text, st.sampled_from(SPICE))
    findings = []
    for n in range(draw(st.integers(1, 6))):
        title = draw(texts)
        rule = _rule(f"X{n}-0{n}", draw(st.sampled_from(Severity)), Text(title, title))
        message = draw(texts)
        findings.append(
            Finding(
                rule=rule,
                subject=Subject(draw(st.sampled_from(SubjectKind)), draw(texts)),
                outcome=draw(st.sampled_from(Outcome)),
                message=Text(message, f"es {message}", pt=f"pt {message}"),
                evidence=(Fact("note", draw(texts)), Fact("n", draw(st.integers()))),
            )
        )
    return Assessment(date(2026, 1, 1), draw(texts), 1, tuple(findings))


def _xml_safe(text: str) -> str:
    return "".join(
        c
        if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff"
        else "\ufffd"
        for c in text
    )


# -- plain data -------------------------------------------------------------------------------


class TestPlainData:
    def test_the_demo_assessment_as_data_fits_its_published_schema(self) -> None:
        data = demo_assessment().to_dict("es")
        assessment_validator().validate(data)
        assert data["language"] == "es"
        assert len(data["findings"]) == len(demo_assessment())
        assert data["ok_at"] == {"required": False, "expected": False, "encouraged": False}

    def test_to_json_is_to_dict_as_json(self) -> None:
        a = demo_assessment()
        assert json.loads(a.to_json("pt")) == a.to_dict("pt")

    def test_the_data_holds_plain_json_types_only(self) -> None:
        def plain(value: object) -> bool:
            if isinstance(value, dict):
                return all(isinstance(k, str) and plain(v) for k, v in value.items())
            if isinstance(value, list):
                return all(plain(v) for v in value)
            return value is None or type(value) in (str, int, float, bool)

        assert plain(demo_assessment().to_dict())

    @settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
    @given(coalitions(), st.sampled_from(["en", "es", "pt"]))
    def test_any_coalitions_assessment_fits_the_schema(self, coalition: Any, lang: str) -> None:
        assessment = evaluate(coalition, as_of=date(2026, 6, 30))
        assessment_validator().validate(assessment.to_dict(lang))

    @given(hostile_assessments())
    def test_hostile_text_fits_the_schema_and_survives_json(self, assessment: Assessment) -> None:
        data = assessment.to_dict()
        assessment_validator().validate(data)
        assert json.loads(json.dumps(data)) == data
        assert [f["message"] for f in data["findings"]] == [
            f.message.en for f in assessment.findings
        ]

    def test_clac_schema_assessment_prints_the_schema_check_json_fits(self) -> None:
        runner = CliRunner()
        schema = json.loads(runner.invoke(cli, ["schema", "--assessment"]).stdout)
        assert schema == assessment_schema()
        checked = runner.invoke(cli, ["check", "--format", "json"])
        jsonschema.validate(json.loads(checked.stdout), schema)


# -- ok and ok_at -----------------------------------------------------------------------------


def _never(_context: Context, _subject: Any) -> Verdict:
    return unmet(Text("never done", "nunca hecho"))


class TestOkAt:
    def test_an_unmet_expected_rule_passes_ok_but_not_ok_at_expected(self) -> None:
        custom = _rule("TST-01", Severity.EXPECTED, Text("Custom", "Propia"))
        custom = Rule(
            id=custom.id,
            clause=custom.clause,
            severity=custom.severity,
            title=custom.title,
            explanation=custom.explanation,
            applies_to=SubjectKind.COALITION,
            check=_never,
        )
        assessment = evaluate(clac.demo(), clac.DEMO_AS_OF, rules=[custom])
        assert assessment.unmet
        assert assessment.ok
        assert assessment.ok_at(Severity.REQUIRED)
        assert not assessment.ok_at(Severity.EXPECTED)
        assert not assessment.ok_at("encouraged")

    @given(hostile_assessments())
    def test_ok_at_a_weaker_severity_asks_more(self, assessment: Assessment) -> None:
        required = assessment.ok_at(Severity.REQUIRED)
        expected = assessment.ok_at(Severity.EXPECTED)
        encouraged = assessment.ok_at(Severity.ENCOURAGED)
        assert assessment.ok == required
        assert expected or not encouraged
        assert required or not expected
        assert encouraged == (not assessment.unmet)

    def test_an_unknown_severity_is_refused(self) -> None:
        with pytest.raises(ValueError, match="'strict'"):
            demo_assessment().ok_at("strict")


# -- SARIF ------------------------------------------------------------------------------------


class TestSarif:
    def test_the_demo_log_is_valid_sarif_with_one_result_per_finding_not_met(self) -> None:
        a = demo_assessment()
        log = a.to_sarif("es", artifact="registro/coalición.yaml")
        sarif_validator().validate(log)
        (run,) = log["runs"]
        noteworthy = [f for f in a if f.outcome not in (Outcome.MET, Outcome.NOT_APPLICABLE)]
        assert len(run["results"]) == len(noteworthy)
        fail = next(r for r in run["results"] if r["properties"]["subject"] == "member:movilred")
        assert fail["kind"] == "fail"
        assert fail["level"] == "warning"  # MEM-03 is expected
        assert run["artifacts"][0]["location"]["uri"] == "registro/coalici%C3%B3n.yaml"
        ids = [d["id"] for d in run["tool"]["driver"]["rules"]]
        assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])

    def test_everything_adds_passes_and_not_applicable(self) -> None:
        log = demo_assessment().to_sarif(everything=True)
        sarif_validator().validate(log)
        kinds = {r["kind"] for r in log["runs"][0]["results"]}
        assert kinds == {"pass", "fail", "notApplicable", "open"}
        assert len(log["runs"][0]["results"]) == len(demo_assessment())

    def test_a_rule_that_failed_is_a_tool_notification(self) -> None:
        def broken(_context: Context, _subject: Any) -> Verdict:
            raise RuntimeError("plugin bug")

        rule = Rule(
            id="BRK-01",
            clause=CATALOGUE.get("MEM-01").clause,
            severity=Severity.REQUIRED,
            title=Text("Broken", "Rota"),
            explanation=Text("Broken", "Rota"),
            applies_to=SubjectKind.COALITION,
            check=broken,
        )
        log = evaluate(clac.demo(), clac.DEMO_AS_OF, rules=[rule]).to_sarif()
        sarif_validator().validate(log)
        (invocation,) = log["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "BRK-01"
        assert log["runs"][0]["results"] == []

    @given(hostile_assessments(), st.booleans())
    def test_hostile_text_is_valid_sarif(self, assessment: Assessment, everything: bool) -> None:
        log = assessment.to_sarif(artifact="a b/c#d.yaml", everything=everything)
        sarif_validator().validate(log)
        assert json.loads(json.dumps(log)) == log


# -- JUnit ------------------------------------------------------------------------------------

SUITES_ATTRIBUTES = {"name", "tests", "failures", "errors", "time"}  # junit-10.xsd: no skipped
SUITE_ATTRIBUTES = {"name", "tests", "failures", "errors", "skipped", "time", "timestamp"}


def check_junit(document: str) -> ET.Element:
    """The structure of JUnit XML as Jenkins' junit-10.xsd and GitLab read it: testsuites of
    testsuite of (properties?, testcase*), each testcase holding at most one of failure, error
    and skipped; counts that add up; numeric times."""
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(document.encode("utf-8"))  # noqa: S314 - our own output
    assert root.tag == "testsuites"
    assert set(root.attrib) <= SUITES_ATTRIBUTES
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root:
        assert suite.tag == "testsuite"
        assert SUITE_ATTRIBUTES - {"time", "timestamp"} <= set(suite.attrib) <= SUITE_ATTRIBUTES
        float(suite.attrib["time"])
        children = list(suite)
        assert [c.tag for c in children[:1]] == ["properties"]
        for prop in children[0]:
            assert prop.tag == "property"
            assert set(prop.attrib) == {"name", "value"}
        counted = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
        for case in children[1:]:
            assert case.tag == "testcase"
            assert {"name", "classname"} <= set(case.attrib) <= {"name", "classname", "time"}
            outcome = [c.tag for c in case]
            assert outcome in ([], ["failure"], ["error"], ["skipped"])
            counted["tests"] += 1
            for tag, key in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
                counted[key] += outcome == [tag]
            for element in case:
                assert "message" in element.attrib
                assert set(element.attrib) <= {"message", "type"}
                assert element.text  # Codecov's parser reads an empty <skipped/> as a pass
        for key, n in counted.items():
            assert int(suite.attrib[key]) == n
            totals[key] += n
    for key, n in totals.items():
        if key != "skipped":
            assert int(root.attrib[key]) == n
    return root


class TestJunit:
    def test_the_demo_is_a_junit_report_with_a_failure_per_unmet_finding(self) -> None:
        a = demo_assessment()
        root = check_junit(a.to_junit("es"))
        assert int(root.attrib["tests"]) == len(a)
        assert int(root.attrib["failures"]) == len(a.unmet)
        assert [s.attrib["name"] for s in root] == list(dict.fromkeys(f.rule.family for f in a))
        failed = root.find(".//testcase[@name='member:movilred']/failure")
        assert failed is not None
        assert failed.attrib["type"] == "expected"

    @given(hostile_assessments())
    def test_hostile_text_is_well_formed_and_kept(self, assessment: Assessment) -> None:
        root = check_junit(assessment.to_junit())
        cases = root.findall(".//testcase")
        assert [c.attrib["name"] for c in cases] == [
            _xml_safe(str(f.subject))
            for family in dict.fromkeys(f.rule.family for f in assessment)
            for f in assessment
            if f.rule.family == family
        ]
        for case in cases:
            for element in case:
                assert element.attrib["message"]


# -- CSV --------------------------------------------------------------------------------------


def _unguard(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


class TestCsv:
    def test_the_demo_is_a_row_per_finding_under_a_header(self) -> None:
        a = demo_assessment()
        rows = list(csv.reader(io.StringIO(a.to_csv("pt"), newline="")))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert len(rows) == len(a) + 1
        columns = {name: i for i, name in enumerate(CSV_COLUMNS)}
        for row, f in zip(rows[1:], a, strict=True):
            assert row[columns["rule"]] == f.rule.id
            assert row[columns["clause"]] == f.rule.clause.id
            assert row[columns["subject"]] == f.subject.id
            assert row[columns["message"]] == f.message.in_("pt")

    @given(hostile_assessments())
    def test_hostile_text_reads_back_and_never_starts_a_formula(
        self, assessment: Assessment
    ) -> None:
        rows = list(csv.reader(io.StringIO(assessment.to_csv(), newline="")))
        assert len(rows) == len(assessment) + 1
        for row, f in zip(rows[1:], assessment, strict=True):
            assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row)
            assert _unguard(row[CSV_COLUMNS.index("subject")]) == f.subject.id
            assert _unguard(row[CSV_COLUMNS.index("message")]) == f.message.en


# -- the command ------------------------------------------------------------------------------


class TestCheckFormats:
    @pytest.mark.parametrize("fmt", ["sarif", "junit", "csv"])
    def test_each_format_keeps_the_exit_status(self, fmt: str) -> None:
        result = CliRunner().invoke(cli, ["check", "--format", fmt, "--lang", "es"])
        assert result.exit_code == 1
        assert result.stdout

    def test_sarif_from_a_file_names_the_file_and_validates(self, tmp_path: Path) -> None:
        registry = tmp_path / "coalition.yaml"
        clac.dump(clac.demo(), registry)
        result = CliRunner().invoke(
            cli, ["check", str(registry), "--as-of", "2026-11-01", "--format", "sarif"]
        )
        log = json.loads(result.stdout)
        sarif_validator().validate(log)
        assert log["runs"][0]["artifacts"][0]["location"]["uri"].endswith("coalition.yaml")

    def test_junit_and_csv_from_the_command_match_the_library(self) -> None:
        runner = CliRunner()
        junit = runner.invoke(cli, ["check", "--format", "junit"]).stdout
        assert junit == demo_assessment().to_junit()
        check_junit(junit)
        csv_bytes = runner.invoke(cli, ["check", "--format", "csv"]).stdout_bytes
        assert csv_bytes.decode("utf-8") == demo_assessment().to_csv()


class TestAssumptionsAreMarked:
    """What a finding takes from clac rather than the charter is marked in every format."""

    def test_csv_sarif_and_junit_carry_each_findings_assumption(self) -> None:
        a = demo_assessment()
        assumed = [f for f in a if f.assumption is not None]
        assert assumed
        assert len(assumed) < len(a)
        rows = list(csv.reader(io.StringIO(a.to_csv("es"), newline="")))[1:]
        column = CSV_COLUMNS.index("assumption")
        for row, f in zip(rows, a, strict=True):
            expected = "" if f.assumption is None else f.assumption.in_("es")
            assert _unguard(row[column]) == expected
        log = a.to_sarif(everything=True)
        for result, f in zip(log["runs"][0]["results"], a, strict=True):
            marked = result["properties"].get("assumption")
            assert marked == (None if f.assumption is None else f.assumption.en)
        charter_only = {
            d["id"]: d["properties"]["charterOnly"]
            for d in log["runs"][0]["tool"]["driver"]["rules"]
        }
        assert charter_only == {f.rule.id: f.rule.charter_only for f in a}
        root = check_junit(a.to_junit("pt"))
        unmet_assumed = [f for f in assumed if f.outcome is Outcome.UNMET]
        texts = [e.text or "" for e in root.iter("failure")]
        assert sum("suposição do clac" in t for t in texts) == len(unmet_assumed)
