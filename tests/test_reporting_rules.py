"""REP-* rules: the Reporting section and the meetings sub-bullet of Membership."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac import DEMO_AS_OF, demo, testing
from clac.charter import BASE_DOCUMENT, Amendment, Parameters, Section, Severity
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Document,
    DocumentKind,
    MeetingKind,
    Minutes,
    OperationalPlan,
    PlannedAction,
    Plans,
    Policy,
    PolicyKind,
    QuarterlyReport,
    RecordKind,
    RecordsSince,
)
from clac.periods import Quarter
from clac.registry import Coalition
from clac.reporting import (
    MinutesState,
    annual_report_documents,
    annual_report_due,
    cadence,
    coalition_meetings,
    min_meetings_for,
    minutes_state,
    report_due,
)
from clac.rules import CATALOGUE, Finding, Outcome, evaluate
from clac.rules.membership import months_before
from clac.text import Language, Text
from tests.factories import (
    AS_OF,
    coalition,
    finding,
    findings,
    meeting,
    member,
    operational_plans,
    organization,
    strategic_plans,
)

MET, UNMET = Outcome.MET, Outcome.UNMET
NA, INSUFFICIENT = Outcome.NOT_APPLICABLE, Outcome.INSUFFICIENT_DATA
GROUP = "prevention-awareness"
DATES = st.dates(date(2016, 1, 1), date(2026, 12, 31))
COALITIONS = testing.coalitions(max_members=4)


def report(
    quarter: Quarter,
    submitted: date | None,
    *,
    group: str = GROUP,
    goals: tuple[str, ...] = ("PG-1",),
    members: tuple[str, ...] = (),
    policy_of: str | None = None,
) -> QuarterlyReport:
    activity = Activity(
        description="Awareness webinar",
        scope=ActivityScope.REGIONAL,
        status=ActivityStatus.IMPLEMENTED,
        goals=goals,
        members=members,
    )
    policies: tuple[Policy, ...] = ()
    if policy_of is not None:
        policies = (
            Policy(
                description="Safeguarding policy",
                kind=PolicyKind.ORGANIZATIONAL,
                goals=("PG-6",),
                organization=policy_of,
            ),
        )
    return QuarterlyReport(
        working_group=group,
        year=quarter.year,
        quarter=quarter.quarter,
        submitted=submitted,
        activities=(activity,),
        policies=policies,
    )


def rep_findings(c: Coalition, rule_id: str, as_of: date) -> tuple[Finding, ...]:
    return evaluate(c, as_of, rules=[CATALOGUE.get(rule_id)]).findings


class TestCatalogue:
    @pytest.mark.parametrize(
        ("rule_id", "clause", "severity"),
        [
            ("REP-01", "reporting.2", Severity.EXPECTED),
            ("REP-02", "reporting.2", Severity.EXPECTED),
            ("REP-03", "reporting.3", Severity.EXPECTED),
            ("REP-04", "reporting.6", Severity.EXPECTED),
            ("REP-05", "membership.6", Severity.EXPECTED),
            ("REP-06", "reporting.8", Severity.EXPECTED),
            ("REP-07", "reporting.1", Severity.REQUIRED),
        ],
    )
    def test_each_rule_cites_its_clause_with_its_severity(
        self, rule_id: str, clause: str, severity: Severity
    ) -> None:
        r = CATALOGUE.get(rule_id)
        assert r.clause.id == clause
        assert r.severity is severity
        for text in (r.title, r.explanation):
            assert text.in_(Language.EN) != text.in_(Language.ES)

    def test_the_family_is_exactly_seven_rules(self) -> None:
        assert [r.id for r in CATALOGUE.family("REP")] == [f"REP-0{i}" for i in range(1, 8)]

    def test_rep_02_cites_the_due_days_and_says_they_are_clacs_assumption(self) -> None:
        r = CATALOGUE.get("REP-02")
        assert r.parameters == ("report_due_days",)
        assert Parameters.clause_of("report_due_days") is None
        assert "30 days" in r.explanation.en
        assert "clac's assumption, not charter text" in r.explanation.en
        assert "supuesto de clac, no texto de la carta" in r.explanation.es

    def test_rep_05_cites_the_minimum_meetings_parameter(self) -> None:
        r = CATALOGUE.get("REP-05")
        assert r.parameters == ("min_meetings_per_year",)
        assert Parameters.clause_of("min_meetings_per_year") == BASE_DOCUMENT.clause(
            Section.MEMBERSHIP, 6
        )


REPORTS_FROM_2024 = RecordsSince(reports=date(2024, 1, 1))


class TestRep01QuarterlyReports:
    def test_a_missing_quarter_is_unmet_and_listed(self) -> None:
        c = coalition(records_since_by_kind=RecordsSince(reports=date(2023, 7, 1))).evolve(
            reports=(
                report(Quarter(2023, 3), date(2023, 10, 5)),
                report(Quarter(2024, 1), date(2024, 4, 5)),
            )
        )
        f = finding(c, "REP-01", GROUP)
        assert f.outcome is UNMET
        assert {e.name: e.value for e in f.evidence}["missing"] == ("2023-Q4",)
        assert "2023-Q4" in f.message.en
        assert "2023-Q4" in f.message.es

    def test_a_group_with_every_report_is_met(self) -> None:
        c = coalition(records_since_by_kind=REPORTS_FROM_2024).evolve(
            reports=(report(Quarter(2024, 1), date(2024, 5, 20)),)
        )
        f = finding(c, "REP-01", GROUP)
        assert f.outcome is MET
        assert ("late", ("2024-Q1",)) in [(e.name, e.value) for e in f.evidence]

    def test_another_group_with_no_report_since_the_records_began_is_unmet(self) -> None:
        c = coalition(records_since_by_kind=REPORTS_FROM_2024).evolve(
            reports=(report(Quarter(2024, 1), date(2024, 4, 5)),)
        )
        assert finding(c, "REP-01", "latin-american-hotlines").outcome is UNMET

    def test_without_records_since_another_group_with_no_report_is_insufficient(self) -> None:
        c = coalition(records_since=None).evolve(
            reports=(report(Quarter(2024, 1), date(2024, 4, 5)),)
        )
        f = finding(c, "REP-01", "latin-american-hotlines")
        assert f.outcome is INSUFFICIENT
        assert "reports[]" in f.message.en

    def test_a_registry_without_reports_or_records_since_has_insufficient_data(self) -> None:
        assert finding(coalition(records_since=None), "REP-01", GROUP).outcome is INSUFFICIENT

    def test_quarters_before_records_since_are_never_missing(self) -> None:
        c = coalition(records_since_by_kind=REPORTS_FROM_2024)
        f = finding(c, "REP-01", GROUP)
        assert f.outcome is UNMET
        assert {e.name: e.value for e in f.evidence}["missing"] == ("2024-Q1",)

    def test_a_report_without_a_submission_date_counts_as_received(self) -> None:
        c = coalition(records_since_by_kind=REPORTS_FROM_2024).evolve(
            reports=(report(Quarter(2024, 1), None),)
        )
        f = finding(c, "REP-01", GROUP)
        assert f.outcome is MET
        assert ("undated", ("2024-Q1",)) in [(e.name, e.value) for e in f.evidence]

    def test_a_group_whose_first_report_is_not_due_is_not_applicable(self) -> None:
        c = coalition()
        c = c.evolve(
            working_groups=tuple(
                attrs.evolve(w, formed=date(2024, 5, 1)) if w.id == GROUP else w
                for w in c.working_groups
            )
        )
        assert finding(c, "REP-01", GROUP).outcome is NA

    @given(COALITIONS, DATES)
    def test_unmet_exactly_when_the_cadence_has_a_missing_quarter(
        self, c: Coalition, as_of: date
    ) -> None:
        for f in rep_findings(c, "REP-01", as_of):
            missing = cadence(c, as_of, working_group=f.subject.id).missing
            assert (f.outcome is UNMET) == bool(missing)
            if missing:
                facts = {e.name: e.value for e in f.evidence}
                assert facts["missing"] == tuple(str(s.period) for s in missing)


class TestRep02OnTime:
    def test_a_report_after_its_due_date_is_unmet_with_the_days_late(self) -> None:
        c = coalition().evolve(reports=(report(Quarter(2024, 1), date(2024, 5, 15)),))
        f = finding(c, "REP-02", f"{GROUP}/2024-Q1")
        assert f.outcome is UNMET
        facts = {e.name: e.value for e in f.evidence}
        assert (facts["due"], facts["days_late"], facts["due_days"]) == (date(2024, 4, 30), 15, 30)
        assert [(p.name, p.value) for p in f.parameters] == [("report_due_days", 30)]

    def test_a_report_on_its_due_date_is_met(self) -> None:
        c = coalition().evolve(reports=(report(Quarter(2024, 1), date(2024, 4, 30)),))
        assert finding(c, "REP-02", f"{GROUP}/2024-Q1").outcome is MET

    def test_a_report_without_a_submission_date_is_insufficient_data_naming_the_field(
        self,
    ) -> None:
        c = coalition().evolve(reports=(report(Quarter(2024, 1), None),))
        f = finding(c, "REP-02", f"{GROUP}/2024-Q1")
        assert f.outcome is INSUFFICIENT
        assert "reports[0].submitted" in f.message.en

    def test_an_amendment_giving_more_days_makes_a_later_report_on_time(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2024, 1, 1),
                summary=Text("60 days", "60 días"),
                parameters={"report_due_days": 60},
            )
        )
        c = coalition(charter=amended).evolve(
            reports=(report(Quarter(2024, 1), date(2024, 5, 15)),)
        )
        assert finding(c, "REP-02", f"{GROUP}/2024-Q1").outcome is MET

    @given(COALITIONS, DATES)
    def test_unmet_exactly_when_submitted_by_the_day_after_the_due_date(
        self, c: Coalition, as_of: date
    ) -> None:
        reports = {f"{r.working_group}/{r.period}": r for r in c.reports}
        since = c.records_since_for(RecordKind.REPORTS)
        for f in rep_findings(c, "REP-02", as_of):
            r = reports[f.subject.id]
            sent = r.submitted
            late = sent is not None and sent <= as_of and sent > report_due(c, r.period)
            # A report for a quarter that began before the records did is not assessed.
            assessed = since is None or r.period.first_day >= since
            assert (f.outcome is UNMET) == (late and assessed)


class TestRep03Aligned:
    def test_an_activity_without_a_goal_is_unmet(self) -> None:
        c = coalition().evolve(reports=(report(Quarter(2024, 1), date(2024, 4, 5), goals=()),))
        f = finding(c, "REP-03", f"{GROUP}/2024-Q1")
        assert f.outcome is UNMET
        assert "Awareness webinar" in f.message.es

    def test_activities_with_goals_are_met(self) -> None:
        c = coalition().evolve(reports=(report(Quarter(2024, 1), date(2024, 4, 5)),))
        assert finding(c, "REP-03", f"{GROUP}/2024-Q1").outcome is MET

    @given(COALITIONS, DATES)
    def test_unmet_exactly_when_a_received_report_has_an_activity_without_goals(
        self, c: Coalition, as_of: date
    ) -> None:
        reports = {f"{r.working_group}/{r.period}": r for r in c.reports}
        since = c.records_since_for("reports")
        for f in rep_findings(c, "REP-03", as_of):
            r = reports[f.subject.id]
            received = r.submitted is None or r.submitted <= as_of
            complete = since is not None and since <= r.period.first_day
            expected = received and complete and any(not a.goals for a in r.activities)
            assert (f.outcome is UNMET) == expected


class TestRep04Minutes:
    def with_meeting(self, day: date, circulated: date | None) -> Coalition:
        m = meeting("wg", day, kind=MeetingKind.WORKING_GROUP, working_group=GROUP)
        minutes = None if circulated is None else Minutes(circulated=circulated)
        return coalition().evolve(meetings=(attrs.evolve(m, minutes=minutes),))

    def test_minutes_never_circulated_are_unmet(self) -> None:
        f = finding(self.with_meeting(date(2024, 3, 1), None), "REP-04", "wg")
        assert f.outcome is UNMET

    def test_a_meeting_in_the_last_30_days_is_not_yet_unmet(self) -> None:
        f = finding(self.with_meeting(AS_OF - timedelta(days=29), None), "REP-04", "wg")
        assert f.outcome is NA

    def test_circulated_minutes_are_met(self) -> None:
        f = finding(self.with_meeting(date(2024, 3, 1), date(2024, 3, 5)), "REP-04", "wg")
        assert f.outcome is MET

    @given(COALITIONS, DATES)
    def test_never_unmet_within_the_grace_period_and_unmet_once_past_it(
        self, c: Coalition, as_of: date
    ) -> None:
        meetings = {m.id: m for m in c.meetings}
        for f in rep_findings(c, "REP-04", as_of):
            m = meetings[f.subject.id]
            if as_of - m.date < timedelta(days=30):
                assert f.outcome is not UNMET
            state = minutes_state(m, as_of, coalition=c)
            assert (f.outcome is UNMET) == (state is MinutesState.NOT_CIRCULATED)


class TestRep05Meetings:
    def test_a_year_with_one_coalition_meeting_is_unmet(self) -> None:
        c = coalition()
        c = c.evolve(meetings=tuple(m for m in c.meetings if m.id != "regional-2020"))
        f = finding(c, "REP-05", "2020")
        assert f.outcome is UNMET
        assert {e.name: e.value for e in f.evidence}["minimum"] == 2

    def test_a_year_with_two_coalition_meetings_is_met(self) -> None:
        assert finding(coalition(), "REP-05", "2021").outcome is MET

    def test_the_current_year_is_not_judged(self) -> None:
        assert finding(coalition(), "REP-05", str(AS_OF.year)).outcome is NA

    def test_working_group_meetings_do_not_count(self) -> None:
        c = coalition()
        extra = meeting(
            "wg-2020", date(2020, 7, 1), kind=MeetingKind.WORKING_GROUP, working_group=GROUP
        )
        c = c.evolve(meetings=(*(m for m in c.meetings if m.id != "regional-2020"), extra))
        assert finding(c, "REP-05", "2020").outcome is UNMET

    def test_an_amendment_raising_the_minimum_changes_only_the_years_after_it(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2022, 7, 1),
                summary=Text("Three meetings a year", "Tres reuniones al año"),
                parameters={"min_meetings_per_year": 3},
            )
        )
        before = findings(coalition(), "REP-05")
        after = findings(coalition(charter=amended), "REP-05")
        changed = sorted(year for year in before if before[year].outcome != after[year].outcome)
        assert changed == ["2023"]
        assert after["2022"].outcome is MET
        assert after["2023"].outcome is UNMET

    @given(COALITIONS, DATES)
    def test_unmet_only_for_complete_years_below_their_minimum(
        self, c: Coalition, as_of: date
    ) -> None:
        for f in rep_findings(c, "REP-05", as_of):
            year = int(f.subject.id)
            if f.outcome is UNMET:
                assert year < as_of.year
                held = coalition_meetings(c, year, as_of=as_of)
                assert len(held) < min_meetings_for(c, year)
            if f.outcome is MET:
                assert len(coalition_meetings(c, year)) >= min_meetings_for(c, year)


def annual(year: int, published: date) -> Document:
    return Document(
        id=f"annual-report-{year}",
        title=f"Annual report {year}",
        kind=DocumentKind.ANNUAL_REPORT,
        language=Language.ES,
        classification=TLP.CLEAR,
        date=published,
        authors=("icmec",),
        year=year,
    )


class TestRep06AnnualReport:
    def test_a_year_without_an_annual_report_is_unmet(self) -> None:
        assert finding(coalition(), "REP-06", "2022").outcome is UNMET

    def test_a_year_with_its_annual_report_is_met(self) -> None:
        c = coalition().evolve(documents=(annual(2022, date(2023, 3, 1)),))
        assert finding(c, "REP-06", "2022").outcome is MET

    def test_the_report_has_until_the_end_of_the_next_first_quarter(self) -> None:
        c = coalition()
        assert finding(c, "REP-06", "2023", as_of=date(2024, 3, 31)).outcome is NA
        assert finding(c, "REP-06", "2023", as_of=date(2024, 4, 1)).outcome is UNMET

    def test_a_document_of_another_year_does_not_count(self) -> None:
        c = coalition().evolve(documents=(annual(2021, date(2023, 3, 1)),))
        assert finding(c, "REP-06", "2022").outcome is UNMET

    @given(COALITIONS, DATES)
    def test_never_unmet_before_the_due_date_nor_with_a_report(
        self, c: Coalition, as_of: date
    ) -> None:
        for f in rep_findings(c, "REP-06", as_of):
            year = int(f.subject.id)
            if f.outcome is UNMET:
                assert as_of > annual_report_due(year)
                assert not annual_report_documents(c, year, as_of=as_of)


class TestRep07SharesProgress:
    def base(self) -> Coalition:
        members = (member("org-a"), member("org-b"))
        return coalition(members, organizations=[organization("org-a"), organization("org-b")])

    def test_a_member_named_in_an_activity_shares_progress(self) -> None:
        c = self.base().evolve(
            reports=(report(Quarter(2024, 1), date(2024, 4, 5), members=("org-a",)),)
        )
        assert finding(c, "REP-07", "org-a").outcome is MET
        assert finding(c, "REP-07", "org-b").outcome is UNMET

    def test_a_member_named_as_a_policys_organization_shares_progress(self) -> None:
        c = self.base().evolve(
            reports=(report(Quarter(2024, 1), date(2024, 4, 5), policy_of="org-b"),)
        )
        assert finding(c, "REP-07", "org-b").outcome is MET

    def test_a_member_named_in_an_operational_plan_action_shares_progress(self) -> None:
        plan = OperationalPlan(
            year=2024,
            actions=(PlannedAction(description="Hotline peer support", members=("org-b",)),),
        )
        c = self.base().evolve(
            reports=(report(Quarter(2024, 1), date(2024, 4, 5), members=("org-a",)),),
            plans=Plans(
                strategic=strategic_plans(),
                operational=(*operational_plans(as_of=date(2023, 12, 31)), plan),
            ),
        )
        assert finding(c, "REP-07", "org-b").outcome is MET

    def test_reports_older_than_twelve_months_do_not_count(self) -> None:
        c = self.base().evolve(
            reports=(
                report(Quarter(2023, 1), date(2023, 4, 5), members=("org-a", "org-b")),
                report(Quarter(2024, 1), date(2024, 4, 5), members=("org-a",)),
            )
        )
        assert finding(c, "REP-07", "org-b").outcome is UNMET

    def test_no_report_in_the_window_without_records_since_is_insufficient_data(self) -> None:
        base = self.base().evolve(records_since=None)
        assert finding(base, "REP-07", "org-a").outcome is INSUFFICIENT

    def test_no_report_in_the_window_of_complete_records_is_unmet(self) -> None:
        assert finding(self.base(), "REP-07", "org-a").outcome is UNMET

    def test_a_member_whose_first_report_is_not_due_is_not_judged(self) -> None:
        c = self.base()
        c = c.evolve(
            members=(c.members[0], member("org-b", joined=date(2024, 5, 1))),
            reports=(report(Quarter(2024, 1), date(2024, 4, 5), members=("org-a",)),),
        )
        assert finding(c, "REP-07", "org-b").outcome is NA

    @given(COALITIONS, DATES)
    def test_unmet_only_on_complete_records_that_do_not_name_the_member(
        self, c: Coalition, as_of: date
    ) -> None:
        start = months_before(as_of, 12)
        window = [
            r
            for r in c.reports
            if (r.submitted is not None and start < r.submitted <= as_of)
            or (r.submitted is None and start < r.period.last_day and r.period.first_day <= as_of)
        ]
        named = {m for r in window for a in r.activities for m in a.members}
        named |= {p.organization for r in window for p in r.policies if p.organization}
        planned = {
            m
            for plan in c.plans.operational
            if start.year <= plan.year <= as_of.year
            for action in plan.actions
            for m in action.members
        }
        reports, plans = c.records_since_for("reports"), c.records_since_for("plans")
        complete = reports is not None and plans is not None and max(reports, plans) <= start
        for f in rep_findings(c, "REP-07", as_of):
            if f.subject.id in named | planned:
                assert f.outcome is MET
            elif f.outcome is UNMET:
                assert complete  # no report in the window is unmet only on complete records


class TestDemo:
    def test_the_demo_has_exactly_the_reporting_gaps_14_to_19(self) -> None:
        assessment = evaluate(demo(), DEMO_AS_OF, rules=CATALOGUE.family("REP"))
        unmet = sorted((f.rule.id, f.subject.id) for f in assessment.unmet)
        assert unmet == [
            ("REP-01", "law-enforcement-investigation"),  # gap 14
            ("REP-02", "private-sector-collaboration/2024-Q4"),  # gap 15
            ("REP-03", "prevention-awareness/2025-Q2"),  # gap 16
            ("REP-04", "private-sector-2025-05"),  # gap 17
            ("REP-05", "2020"),  # gap 18
            ("REP-06", "2022"),  # gap 19
        ]
        assert not assessment.where(outcome=Outcome.INSUFFICIENT_DATA).findings
        assert not assessment.errors

    def test_every_demo_member_shares_progress(self) -> None:
        assessment = evaluate(demo(), DEMO_AS_OF, rules=[CATALOGUE.get("REP-07")])
        assert {f.outcome for f in assessment} == {MET}
        assert len(assessment) == len(demo().members_on(DEMO_AS_OF, active_only=False))
