"""The rule engine with the charter's rules: the catalogue, findings, amendments, plugins and
the demo's assessment."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from importlib.metadata import EntryPoint, PackageNotFoundError, distribution
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clac
from clac import DEMO_AS_OF, demo, demo_text
from clac.charter import BASE_DOCUMENT, Amendment, Parameters, Section, Severity
from clac.errors import InvalidData, UnknownReference
from clac.model import Member
from clac.registry import Coalition
from clac.rules import (
    CATALOGUE,
    ENTRY_POINT_GROUP,
    Assessment,
    Context,
    Outcome,
    Rule,
    SubjectKind,
    Verdict,
    evaluate,
    rule,
)
from clac.rules._formats import CSV_COLUMNS
from clac.testing import coalitions
from clac.text import Text
from tests.factories import (
    AS_OF,
    coalition,
    finding,
    member,
    organization,
    representative,
)

MET, UNMET, NA = Outcome.MET, Outcome.UNMET, Outcome.NOT_APPLICABLE
OURS = ("MEM", "GOV", "POL")

#: Every membership, governance and policy rule: severity and the clause it cites.
EXPECTED_RULES = {
    "MEM-01": (Severity.REQUIRED, "membership.1"),
    "MEM-02": (Severity.EXPECTED, "membership.2"),
    "MEM-03": (Severity.EXPECTED, "membership.3"),
    "MEM-04": (Severity.EXPECTED, "membership.4"),
    "MEM-05": (Severity.EXPECTED, "membership.5"),
    "MEM-06": (Severity.EXPECTED, "membership.5"),
    "MEM-07": (Severity.EXPECTED, "membership.6"),
    "MEM-08": (Severity.EXPECTED, "membership.7"),
    "MEM-09": (Severity.EXPECTED, "membership.5"),
    "MEM-10": (Severity.ENCOURAGED, "membership.8"),
    "MEM-11": (Severity.ENCOURAGED, "membership.9"),
    "MEM-12": (Severity.ENCOURAGED, "membership.10"),
    "GOV-01": (Severity.REQUIRED, "structure-and-governance.1"),
    "GOV-02": (Severity.REQUIRED, "structure-and-governance.1"),
    "GOV-03": (Severity.EXPECTED, "structure-and-governance.4"),
    "GOV-04": (Severity.EXPECTED, "structure-and-governance.10"),
    "GOV-05": (Severity.REQUIRED, "structure-and-governance.15"),
    "GOV-06": (Severity.REQUIRED, "structure-and-governance.15"),
    "GOV-07": (Severity.EXPECTED, "structure-and-governance.15"),
    "POL-01": (Severity.REQUIRED, "policy-goals.11"),
    "POL-02": (Severity.REQUIRED, "policy-goals.10"),
}


def _installed(name: str) -> bool:
    try:
        distribution(name)
    except PackageNotFoundError:
        return False
    return True


PLUGIN = "clac-plugin-example"
needs_plugin = pytest.mark.skipif(
    not _installed(PLUGIN), reason=f"{PLUGIN} is not registered (tests/conftest.py does it)"
)
FAILING_VARIABLE = "CLAC_PLUGIN_EXAMPLE_FAILING"


@pytest.fixture
def fresh_catalogue() -> Iterator[None]:
    """Reload the catalogue after the test, whatever it did to plugins."""
    yield
    CATALOGUE.reload()


@pytest.fixture
def failing_plugin(monkeypatch: pytest.MonkeyPatch, fresh_catalogue: None) -> Iterator[None]:
    """The example plugin offering XMPL-99, the rule that always raises."""
    monkeypatch.setenv(FAILING_VARIABLE, "1")
    CATALOGUE.reload()
    yield
    monkeypatch.delenv(FAILING_VARIABLE)


# --------------------------------------------------------------------------- catalogue


class TestCatalogue:
    """Every rule cites the charter and speaks both languages."""

    @pytest.mark.parametrize("r", list(CATALOGUE), ids=lambda r: r.id)
    def test_every_rule_cites_a_clause_of_the_base_document(self, r: Rule) -> None:
        assert r.clause in BASE_DOCUMENT.clauses
        assert BASE_DOCUMENT.clause(r.clause.section, r.clause.item) == r.clause

    @pytest.mark.parametrize("r", list(CATALOGUE), ids=lambda r: r.id)
    def test_every_rule_has_a_bilingual_title_and_explanation(self, r: Rule) -> None:
        for text in (r.title, r.explanation):
            assert text.en.strip()
            assert text.es.strip()
            if r.family in OURS:
                assert text.en != text.es

    @pytest.mark.parametrize("r", list(CATALOGUE), ids=lambda r: r.id)
    def test_every_parameter_a_rule_reads_is_a_charter_parameter(self, r: Rule) -> None:
        assert set(r.parameters) <= set(Parameters.names())

    def test_rule_ids_are_unique(self) -> None:
        ids = [r.id for r in CATALOGUE]
        assert len(ids) == len(set(ids))

    def test_the_membership_governance_and_policy_rules_are_exactly_these(self) -> None:
        ours = {r.id: (r.severity, r.clause.id) for r in CATALOGUE if r.family in OURS}
        assert ours == EXPECTED_RULES

    def test_built_in_rules_have_clac_as_their_source(self) -> None:
        assert {r.source for r in CATALOGUE if r.family in OURS} == {"clac"}

    def test_a_rule_is_found_by_id_and_family(self) -> None:
        assert CATALOGUE.get("MEM-05").title.en == "At least one designated representative"
        assert [r.id for r in CATALOGUE.family("POL")] == ["POL-01", "POL-02"]
        assert len(CATALOGUE.family("MEM")) == 12

    def test_an_unknown_rule_id_is_refused(self) -> None:
        with pytest.raises(UnknownReference, match="MEM-99"):
            CATALOGUE.get("MEM-99")

    def test_a_rule_citing_a_clause_the_charter_lacks_is_refused(self) -> None:
        with pytest.raises(UnknownReference):
            rule(
                "TEST-01",
                clause=(Section.MEMBERSHIP, 99),
                severity=Severity.EXPECTED,
                applies_to=SubjectKind.MEMBER,
                title=Text("t", "t"),
                explanation=Text("e", "e"),
            )

    def test_a_rule_reading_an_unknown_parameter_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="not a charter parameter"):
            rule(
                "TEST-01",
                clause=(Section.MEMBERSHIP, 5),
                severity=Severity.EXPECTED,
                applies_to=SubjectKind.MEMBER,
                title=Text("t", "t"),
                explanation=Text("e", "e"),
                parameters=["max_hours_per_week"],
            )

    def test_membership_severities_follow_the_english_requested(self) -> None:
        clause = BASE_DOCUMENT.clause(Section.MEMBERSHIP, 1)
        assert "requested" in clause.text.en
        assert clause.divergence is not None
        expected = {r.severity for r in CATALOGUE.family("MEM") if r.id not in {"MEM-01"}}
        assert Severity.REQUIRED not in expected


# --------------------------------------------------------------------------- findings


def raising(ctx: Context, subject: Any) -> Verdict:
    raise ValueError("boom")


BROKEN = rule(
    "TEST-99",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    title=Text("Broken", "Rota"),
    explanation=Text("Always raises.", "Siempre falla."),
)(raising)


class TestFindings:
    """Findings carry their evidence and the parameters in force."""

    def test_findings_show_the_parameters_in_force(self) -> None:
        result = finding(coalition(), "MEM-09", "org-a")
        assert {p.name: p.value for p in result.parameters} == {
            "min_hours_per_month": 4,
            "max_hours_per_month": 7,
            "hours_window_months": 12,
        }

    def test_every_finding_of_our_rules_has_a_bilingual_message(self) -> None:
        for f in evaluate(coalition(), AS_OF):
            if f.rule.family in OURS:
                assert f.message.en.strip()
                assert f.message.es.strip()

    def test_unmet_findings_give_their_evidence(self) -> None:
        base = coalition([member("org-a", working_groups=())])
        result = finding(base, "MEM-08", "org-a")
        assert {f.name: f.value for f in result.evidence} == {"working_groups": (), "count": 0}

    def test_a_raising_rule_becomes_an_error_finding_and_the_rest_go_on(self) -> None:
        base = coalition([member("org-a"), member("org-b")])
        assessment = evaluate(base, AS_OF, rules=[BROKEN, CATALOGUE.get("MEM-05")])
        assert [(f.rule.id, f.outcome) for f in assessment] == [
            ("TEST-99", Outcome.ERROR),
            ("TEST-99", Outcome.ERROR),
            ("MEM-05", MET),
            ("MEM-05", MET),
        ]
        assert "ValueError: boom" in assessment.errors[0].message.en

    def test_evaluate_refuses_what_is_not_a_coalition(self) -> None:
        with pytest.raises(InvalidData, match=r"clac\.Coalition"):
            evaluate({"members": []}, AS_OF)  # type: ignore[arg-type]

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(base=coalitions(), as_of=st.dates(date(2016, 1, 1), date(2027, 12, 31)))
    def test_our_rules_never_fail_on_a_valid_coalition(self, base: Coalition, as_of: date) -> None:
        rules = [r for r in CATALOGUE if r.family in OURS]
        assessment = evaluate(base, as_of, rules=rules)
        assert not assessment.errors, [f.describe() for f in assessment.errors]
        for f in assessment:
            assert f.message.en.strip()
            assert f.message.es.strip()


# --------------------------------------------------------------------------- amendments


WIDER_GROUPS = Amendment(
    effective=date(2022, 1, 1),
    summary=Text("Up to three working groups", "Hasta tres grupos de trabajo"),
    parameters={"max_working_groups_per_member": 3},
)
SHORTER_WINDOW = Amendment(
    effective=date(2024, 1, 1),
    summary=Text("Attendance over six months", "Asistencia en seis meses"),
    parameters={"attendance_window_months": 6},
)
THREE_GROUPS = ("prevention-awareness", "latin-american-hotlines", "private-sector-collaboration")


class TestAmendments:
    """An amendment changes outcomes from its effective date on, and only then."""

    def test_three_groups_become_acceptable_from_the_amendment_on(self) -> None:
        base = coalition(
            [member("org-a", working_groups=THREE_GROUPS)],
            charter=BASE_DOCUMENT.amend(WIDER_GROUPS),
        )
        before = finding(base, "MEM-08", "org-a", as_of=date(2021, 12, 31))
        after = finding(base, "MEM-08", "org-a", as_of=date(2022, 1, 1))
        assert (before.outcome, after.outcome) == (UNMET, MET)
        assert before.parameters[1].value == 2
        assert after.parameters[1].value == 3

    @given(as_of=st.dates(date(2016, 6, 1), date(2027, 12, 31)))
    def test_the_groups_amendment_changes_outcomes_only_after_its_date(self, as_of: date) -> None:
        members = [member("org-a", working_groups=THREE_GROUPS)]
        amended = coalition(members, charter=BASE_DOCUMENT.amend(WIDER_GROUPS))
        original = coalition(members)
        new = finding(amended, "MEM-08", "org-a", as_of=as_of).outcome
        old = finding(original, "MEM-08", "org-a", as_of=as_of).outcome
        assert old is UNMET
        assert new is (MET if as_of >= WIDER_GROUPS.effective else UNMET)

    def test_a_shorter_attendance_window_applies_from_its_date(self) -> None:
        two = [member("org-a"), member("org-b")]
        base = coalition(two, charter=BASE_DOCUMENT.amend(SHORTER_WINDOW))
        base = base.evolve(
            meetings=tuple(
                attrs.evolve(m, attendees=("org-b",)) if m.date > date(2023, 6, 1) else m
                for m in base.meetings
            )
        )
        original = base.evolve(charter=BASE_DOCUMENT)
        # 2023-12-31: twelve months back reaches the annual meeting of 2023-05-24.
        assert finding(base, "MEM-07", "org-a", as_of=date(2023, 12, 31)).outcome is MET
        # 2024-03-01: the amended six months do not; the original twelve still do.
        after = finding(base, "MEM-07", "org-a", as_of=date(2024, 3, 1))
        assert after.outcome is UNMET
        assert after.parameters[0].value == 6
        assert finding(original, "MEM-07", "org-a", as_of=date(2024, 3, 1)).outcome is MET


# --------------------------------------------------------------------------- plugins


def chapter_coalition() -> Coalition:
    return coalition(
        [member("org-a"), member("org-bo")],
        organizations=[organization("org-bo", countries=["BO"])],
    )


@needs_plugin
class TestPlugins:
    """A third-party package adds rules through the ``clac.rules`` entry-point group."""

    def test_the_plugins_rules_join_the_catalogue_with_its_distribution_as_source(self) -> None:
        rule_ = CATALOGUE.get("XMPL-01")
        assert rule_.source == PLUGIN
        assert rule_.clause == BASE_DOCUMENT.clause(Section.MEMBERSHIP, 5)
        assert CATALOGUE.errors == ()

    def test_evaluate_includes_the_plugins_findings(self) -> None:
        assessment = evaluate(chapter_coalition(), AS_OF).where(rule="XMPL-01")
        assert {f.subject.id: f.outcome for f in assessment} == {"org-a": NA, "org-bo": UNMET}

    def test_the_plugins_rule_is_met_with_two_representatives(self) -> None:
        people = (representative("Ana Ejemplo"), representative("Bruno Muestra"))
        base = coalition(
            [member("org-bo", representatives=people)],
            organizations=[organization("org-bo", countries=["BO"])],
        )
        assert finding(base, "XMPL-01", "org-bo").outcome is MET

    @pytest.mark.usefixtures("failing_plugin")
    def test_a_raising_plugin_rule_yields_error_findings_and_the_rest_are_intact(self) -> None:
        base = chapter_coalition()
        assessment = evaluate(base, AS_OF)
        errors = assessment.errors
        assert {f.rule.id for f in errors} == {"XMPL-99"}
        assert {f.subject.id for f in errors} == {"org-a", "org-bo"}
        assert "RuntimeError" in errors[0].message.en
        assert "RuntimeError" in errors[0].message.es
        others = tuple(f for f in assessment if f.rule.id != "XMPL-99")
        without = evaluate(base, AS_OF, rules=[r for r in CATALOGUE if r.id != "XMPL-99"])
        assert others == without.findings

    @pytest.mark.usefixtures("fresh_catalogue")
    def test_reload_picks_up_a_changed_plugin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        before = len(CATALOGUE)
        monkeypatch.setenv(FAILING_VARIABLE, "1")
        assert len(CATALOGUE) == before  # loaded once, kept
        CATALOGUE.reload()
        assert len(CATALOGUE) == before + 1
        assert CATALOGUE.get("XMPL-99").source == PLUGIN
        monkeypatch.delenv(FAILING_VARIABLE)
        CATALOGUE.reload()
        assert len(CATALOGUE) == before
        with pytest.raises(UnknownReference):
            CATALOGUE.get("XMPL-99")


def fake_entry_points(*values: str) -> Any:
    points = [
        EntryPoint(name=f"fake-{i}", value=v, group=ENTRY_POINT_GROUP) for i, v in enumerate(values)
    ]

    def entry_points(*, group: str) -> list[EntryPoint]:
        return points if group == ENTRY_POINT_GROUP else []

    return entry_points


@pytest.mark.usefixtures("fresh_catalogue")
class TestBrokenPlugins:
    """A broken plugin is reported in ``CATALOGUE.errors`` and never breaks clac."""

    def use(self, monkeypatch: pytest.MonkeyPatch, *values: str) -> None:
        monkeypatch.setattr("clac._plugins.entry_points", fake_entry_points(*values))
        CATALOGUE.reload()

    def test_a_plugin_that_fails_to_import_is_reported(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.use(monkeypatch, "clac_no_such_plugin:RULES")
        # errors are known right after a reload, before any rule is asked for
        assert len(CATALOGUE.errors) == 1
        assert "clac_no_such_plugin" in CATALOGUE.errors[0]
        assert CATALOGUE.get("MEM-01").source == "clac"

    def test_a_plugin_repeating_a_built_in_rule_id_is_refused(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.use(monkeypatch, "clac.rules.membership:institutional")
        assert [r.source for r in CATALOGUE if r.id == "MEM-01"] == ["clac"]
        assert "repeats an existing rule id" in CATALOGUE.errors[0]

    def test_a_plugin_offering_something_else_than_rules_is_reported(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.use(monkeypatch, "clac.rules.membership:HOURS_WINDOW_MONTHS")
        assert "expected a Rule" in CATALOGUE.errors[0]
        assert len(CATALOGUE.family("MEM")) == 12


# --------------------------------------------------------------------------- demo


#: The demo header's gaps that membership, governance and policy rules find (gap number, rule,
#: subject, outcome); gaps 14-21 belong to the reporting and proposal rules.
DEMO_GAPS = {
    (1, "MEM-03", "movilred", UNMET),
    (2, "MEM-04", "softworks", UNMET),
    (3, "MEM-05", "consejo-hemisferico", UNMET),
    (4, "MEM-06", "linea-andina", UNMET),
    (5, "MEM-07", "children-first", UNMET),
    (6, "MEM-08", "rede-segura", UNMET),
    (7, "MEM-08", "registro-dominios", UNMET),
    (8, "MEM-09", "buscaweb", UNMET),
    (9, "MEM-09", "child-rights-network", Outcome.INSUFFICIENT_DATA),
    (10, "MEM-02", "unidad-ficticia-delitos-informaticos", UNMET),
    (11, "GOV-04", "legislative-monitoring", UNMET),
    (12, "GOV-07", "2024", UNMET),
    (13, "POL-01", "ninez-conectada", UNMET),
}


class TestDemoAssessment:
    """The demo, as of DEMO_AS_OF, shows exactly the deliberate gaps its header lists."""

    def test_the_header_names_each_gap_as_mapped_here(self) -> None:
        header = {
            int(m[1]): m[2]
            for m in re.finditer(r"^#\s+(\d+)\.\s+(.*)$", demo_text(), flags=re.MULTILINE)
        }
        for number, _rule, subject, _outcome in DEMO_GAPS:
            assert subject in header[number], (number, header.get(number))

    def test_our_rules_find_exactly_the_deliberate_gaps(self) -> None:
        assessment = evaluate(demo(), DEMO_AS_OF)
        found = {
            (f.rule.id, f.subject.id, f.outcome)
            for f in assessment
            if f.rule.family in OURS and f.outcome not in (MET, NA)
        }
        assert found == {(r, s, o) for _, r, s, o in DEMO_GAPS}

    def test_every_required_rule_of_ours_is_met_by_the_demo_except_the_policy_gap(self) -> None:
        assessment = evaluate(demo(), DEMO_AS_OF)
        required = {
            (f.rule.id, f.subject.id)
            for f in assessment.unmet
            if f.rule.family in OURS and f.rule.severity is Severity.REQUIRED
        }
        assert required == {("POL-01", "ninez-conectada")}

    def test_the_front_door_evaluates_as_clac_rules_does(self) -> None:
        assert clac.evaluate is evaluate
        assert isinstance(clac.evaluate(demo(), as_of=DEMO_AS_OF), Assessment)
        assert "evaluate" in clac.__all__

    def test_every_demo_member_is_assessed(self) -> None:
        coalition_ = demo()
        assessed = {f.subject.id for f in evaluate(coalition_, DEMO_AS_OF).where(rule="MEM-01")}
        current = {m.organization for m in coalition_.members if Member.is_member_on(m, DEMO_AS_OF)}
        assert assessed == current


class TestRuntimeRules:
    """A rule defined in a notebook or a test: registered for the process, then removed."""

    def test_a_registered_rule_is_applied_by_every_evaluation_until_unregistered(self) -> None:
        before = len(CATALOGUE)
        assert CATALOGUE.register(BROKEN) is BROKEN
        try:
            assert len(CATALOGUE) == before + 1
            assert CATALOGUE.get("TEST-99") is BROKEN
            outcomes = {
                f.outcome for f in evaluate(coalition(), AS_OF).where(rule="TEST-99").findings
            }
            assert outcomes == {Outcome.ERROR}
            with pytest.raises(InvalidData, match=r"rule\.id: 'TEST-99' is already a rule id"):
                CATALOGUE.register(BROKEN)
            with pytest.raises(InvalidData, match=r"rule\.id: 'MEM-01' is already a rule id"):
                CATALOGUE.register(attrs.evolve(BROKEN, id="MEM-01"))
        finally:
            CATALOGUE.unregister("TEST-99")
        assert len(CATALOGUE) == before
        assert not evaluate(coalition(), AS_OF).where(rule="TEST-99").findings
        with pytest.raises(UnknownReference, match="was not registered at run time"):
            CATALOGUE.unregister("MEM-01")
        with pytest.raises(InvalidData, match="must be a clac Rule"):
            CATALOGUE.register("MEM-01")  # type: ignore[arg-type]

    def test_explicit_rules_are_checked(self) -> None:
        mem01 = CATALOGUE.get("MEM-01")
        with pytest.raises(
            InvalidData, match=r"rules\[1\]\.id: 'MEM-01' repeats the id of rules\[0\]"
        ):
            evaluate(coalition(), AS_OF, rules=[mem01, mem01])
        with pytest.raises(InvalidData, match=r"rules\[0\]: 'MEM-01' must be a clac Rule"):
            evaluate(coalition(), AS_OF, rules=["MEM-01"])  # type: ignore[list-item]
        with pytest.raises(InvalidData, match="as_of: '2026-01-01' must be a date"):
            evaluate(coalition(), "2026-01-01")  # type: ignore[arg-type]


class TestAssessmentOutputs:
    """An assessment renders itself: rows, a DataFrame, text, Markdown, HTML and JSON."""

    def test_every_output_in_spanish(self) -> None:
        assessment = evaluate(demo(), DEMO_AS_OF)
        rows = assessment.to_rows("es")
        assert len(rows) == len(assessment)
        assert list(rows[0]) == list(CSV_COLUMNS)
        frame = assessment.to_dataframe("es")
        assert list(frame.columns) == list(CSV_COLUMNS)
        sheet = list(csv.reader(io.StringIO(assessment.to_csv("es"), newline="")))
        assert [list(row) for row in frame.itertuples(index=False)] == [
            [
                cell[1:] if cell[:1] == "'" and cell[1:2] in tuple("=+-@\t\r") else cell
                for cell in row
            ]
            for row in sheet[1:]
        ]
        assert len(frame) == len(assessment)
        assert assessment.summary("es").startswith(f"{len(assessment)} hallazgos: ")
        assert assessment.summary("en").startswith(f"{len(assessment)} findings: ")
        assert "movilred" in assessment.to_text("es")
        assert "|" in assessment.to_markdown("es")
        assert "<table>" in assessment.to_html("es")
        assert assessment._repr_html_() == assessment.to_html()
        assert '"rule"' in assessment.to_json("es")
        assert len(assessment.to_text(everything=True)) > len(assessment.to_text())
