"""clac.reporting: the quarterly cadence, report validation, minutes and plan years."""

from __future__ import annotations

import pickle
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac import testing
from clac.charter import BASE_DOCUMENT, Amendment
from clac.errors import ClacError, InvalidData, UnknownReference
from clac.model import (
    Activity,
    ActivityScope,
    ActivityStatus,
    LegislativeAdvance,
    Meeting,
    MeetingKind,
    MeetingMode,
    Minutes,
    OperationalPlan,
    PlannedAction,
    Plans,
    QuarterlyReport,
    RecordsSince,
)
from clac.periods import Quarter
from clac.registry import Coalition
from clac.reporting import (
    MINUTES_GRACE_DAYS,
    ActionState,
    Cadence,
    DutyKind,
    MinutesState,
    ReportState,
    assess_plan,
    cadence,
    coalition_meetings,
    min_meetings_for,
    minutes_state,
    plan_year,
    records_begin,
    report_due,
    reports_after,
    validate_report,
)
from clac.rules import Outcome
from clac.text import Text
from tests.factories import (
    AS_OF,
    coalition,
    member,
    operational_plans,
    organization,
    strategic_plans,
)

GROUP = "prevention-awareness"


def report(
    quarter: Quarter,
    submitted: date | None,
    *,
    group: str = GROUP,
    goals: tuple[str, ...] = ("PG-1",),
    members: tuple[str, ...] = ("org-a",),
) -> QuarterlyReport:
    """A report with one activity toward ``goals`` naming ``members``."""
    return QuarterlyReport(
        working_group=group,
        year=quarter.year,
        quarter=quarter.quarter,
        submitted=submitted,
        activities=(
            Activity(
                description="Regional awareness webinar",
                scope=ActivityScope.REGIONAL,
                status=ActivityStatus.IMPLEMENTED,
                goals=goals,
                members=members,
            ),
        ),
    )


def with_reports(*reports: QuarterlyReport, base: Coalition | None = None) -> Coalition:
    return (base or coalition()).evolve(reports=reports)


def statuses_of(c: Coalition, as_of: date = AS_OF, group: str = GROUP) -> dict[str, ReportState]:
    return {str(s.period): s.state for s in cadence(c, as_of, working_group=group)}


class TestDueDates:
    def test_a_report_is_due_thirty_days_after_its_quarter_ends(self) -> None:
        assert report_due(coalition(), Quarter(2024, 1)) == date(2024, 4, 30)

    def test_the_fourth_quarter_is_due_on_the_thirtieth_of_january(self) -> None:
        assert report_due(coalition(), Quarter(2023, 4)) == date(2024, 1, 30)

    def test_an_amendment_changes_the_due_date_only_of_quarters_ending_after_it(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2023, 7, 1),
                summary=Text("Reports within 60 days", "Informes en 60 días"),
                parameters={"report_due_days": 60},
            )
        )
        c = coalition(charter=amended)
        assert report_due(c, Quarter(2023, 1)) == date(2023, 4, 30)
        assert report_due(c, Quarter(2023, 3)) == date(2023, 9, 30) + timedelta(days=60)

    @given(testing.quarters(), st.integers(min_value=1, max_value=120))
    def test_due_date_is_the_quarter_end_plus_report_due_days(
        self, quarter: Quarter, days: int
    ) -> None:
        charter = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2016, 1, 2),
                summary=Text("Due days", "Días"),
                parameters={"report_due_days": days},
            )
        )
        c = Coalition(name="c", charter=charter)
        if quarter.last_day >= date(2016, 1, 2):
            assert report_due(c, quarter) == quarter.last_day + timedelta(days=days)


class TestCadence:
    def test_a_group_owes_a_report_for_every_quarter_from_the_one_it_was_formed_in(self) -> None:
        c = with_reports(report(Quarter(2016, 2), date(2016, 7, 1)))
        periods = [s.period for s in cadence(c, AS_OF, working_group=GROUP)]
        assert periods[0] == Quarter(2016, 2)
        assert periods[-1] == Quarter.of(AS_OF)
        assert len(periods) == len(set(periods)) == (2024 - 2016) * 4 + 1

    def test_a_report_submitted_by_its_due_date_is_submitted(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 4, 30)))
        assert statuses_of(c)["2024-Q1"] is ReportState.SUBMITTED

    def test_a_report_submitted_after_its_due_date_is_late(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 5, 1)))
        status = cadence(c, AS_OF, working_group=GROUP).where(year=2024)[0]
        assert status.state is ReportState.LATE
        assert status.days_overdue == 1

    def test_a_report_not_submitted_and_past_due_is_missing(self) -> None:
        c = with_reports(report(Quarter(2023, 4), date(2024, 1, 20)))
        status = cadence(c, AS_OF, working_group=GROUP).where(year=2024)[0]
        assert status.state is ReportState.MISSING
        assert status.days_overdue == (AS_OF - date(2024, 4, 30)).days

    def test_a_report_of_the_current_quarter_is_not_yet_due(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 4, 2)))
        assert statuses_of(c)["2024-Q2"] is ReportState.NOT_YET_DUE

    def test_a_filed_report_without_a_submission_date_is_received(self) -> None:
        c = with_reports(report(Quarter(2023, 4), date(2024, 1, 2)), report(Quarter(2024, 1), None))
        assert statuses_of(c)["2024-Q1"] is ReportState.RECEIVED
        assert not cadence(c, AS_OF, working_group=GROUP).where(year=2024, state="missing")

    def test_quarters_before_records_since_are_unrecorded_and_after_it_missing(self) -> None:
        base = coalition(records_since_by_kind=RecordsSince(reports=date(2023, 1, 1)))
        c = with_reports(report(Quarter(2023, 1), date(2023, 4, 2)), base=base)
        states = statuses_of(c)
        assert states["2022-Q4"] is ReportState.UNRECORDED
        assert states["2016-Q2"] is ReportState.UNRECORDED
        assert states["2023-Q1"] is ReportState.SUBMITTED
        assert states["2023-Q2"] is ReportState.MISSING
        assert records_begin(c, AS_OF) == Quarter(2023, 1)

    def test_records_beginning_mid_quarter_count_from_the_next_quarter(self) -> None:
        base = coalition(records_since_by_kind=RecordsSince(reports=date(2023, 2, 1)))
        assert records_begin(base, AS_OF) == Quarter(2023, 2)
        assert statuses_of(base)["2023-Q1"] is ReportState.UNRECORDED

    def test_without_records_since_no_report_is_ever_missing(self) -> None:
        c = with_reports(
            report(Quarter(2023, 1), date(2023, 4, 2)), base=coalition(records_since=None)
        )
        assert not cadence(c, AS_OF).missing
        assert records_begin(c, AS_OF) is None
        assert statuses_of(c)["2023-Q2"] is ReportState.UNRECORDED

    def test_a_report_submitted_after_as_of_counts_as_not_yet_submitted(self) -> None:
        c = with_reports(
            report(Quarter(2023, 4), date(2024, 1, 5)), report(Quarter(2024, 1), date(2024, 6, 1))
        )
        assert statuses_of(c, date(2024, 5, 15))["2024-Q1"] is ReportState.MISSING
        assert statuses_of(c, AS_OF)["2024-Q1"] is ReportState.LATE

    def test_a_group_formed_after_as_of_owes_nothing(self) -> None:
        assert not cadence(coalition(), date(2016, 5, 1))

    def test_an_unknown_working_group_is_refused(self) -> None:
        with pytest.raises(UnknownReference):
            cadence(coalition(), AS_OF, working_group="no-such-group")

    def test_the_cadence_filters_counts_and_pickles(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 5, 10)))
        found = cadence(c, AS_OF)
        assert isinstance(found, Cadence)
        assert isinstance(found, tuple)
        assert found.late == found.where(state="late")
        assert sum(found.counts.values()) == len(found)
        copy = pickle.loads(pickle.dumps(found))  # noqa: S301 - our own bytes
        assert copy == found
        assert copy.as_of == found.as_of

    def test_the_cadence_shows_itself_as_an_html_table(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 5, 10)))
        shown = cadence(c, AS_OF)._repr_html_()
        assert shown.count("<tr>") == len(cadence(c, AS_OF)) + 1
        assert "late" in shown
        assert "<Cadence as of 2024-06-15" in repr(cadence(c, AS_OF))

    def test_the_cadence_becomes_a_dataframe(self) -> None:
        pytest.importorskip("pandas")
        c = with_reports(report(Quarter(2024, 1), date(2024, 5, 10)))
        frame = cadence(c, AS_OF).to_dataframe()
        assert len(frame) == len(cadence(c, AS_OF))
        assert set(frame["state"]) <= {s.value for s in ReportState}

    @given(testing.coalitions(max_members=4), st.dates(date(2016, 1, 1), date(2026, 12, 31)))
    def test_every_state_agrees_with_the_dates(self, c: Coalition, as_of: date) -> None:
        begin = records_begin(c, as_of)
        for s in cadence(c, as_of):
            assert s.due == report_due(c, s.period)
            filed = c.report(s.working_group, s.period.year, s.period.quarter)
            sent = None if filed is None else filed.submitted
            if filed is not None and sent is None:
                assert s.state is ReportState.RECEIVED
            elif sent is not None and sent <= as_of:
                assert s.state is (ReportState.SUBMITTED if sent <= s.due else ReportState.LATE)
            elif as_of <= s.due:
                assert s.state is ReportState.NOT_YET_DUE
            elif begin is None or s.period < begin:
                assert s.state is ReportState.UNRECORDED
            else:
                assert s.state is ReportState.MISSING
            assert s.period.first_day <= as_of


class TestValidateReport:
    def test_a_report_for_a_quarter_that_has_not_begun_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="has not begun"):
            validate_report(coalition(), report(Quarter(2024, 3), None), AS_OF)

    def test_a_second_report_for_the_same_group_and_quarter_is_refused(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 4, 10)))
        with pytest.raises(InvalidData, match="already holds a report"):
            validate_report(c, report(Quarter(2024, 1), date(2024, 4, 11)), AS_OF)

    def test_two_reports_for_the_same_group_and_quarter_make_no_registry(self) -> None:
        with pytest.raises(ClacError, match="repeats"):
            with_reports(
                report(Quarter(2024, 1), date(2024, 4, 10)),
                report(Quarter(2024, 1), date(2024, 4, 11)),
            )

    def test_the_registrys_own_report_is_not_a_duplicate_of_itself(self) -> None:
        filed = report(Quarter(2024, 1), date(2024, 4, 10))
        validate_report(with_reports(filed), filed, AS_OF)

    def test_a_report_for_an_unknown_working_group_is_refused(self) -> None:
        with pytest.raises(UnknownReference, match="working_group"):
            validate_report(coalition(), report(Quarter(2024, 1), None, group="nope"), AS_OF)

    def test_a_submission_after_the_day_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="submitted"):
            validate_report(coalition(), report(Quarter(2024, 2), date(2024, 7, 1)), AS_OF)

    def test_a_quarter_before_the_group_was_formed_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="before its working group was formed"):
            validate_report(coalition(), report(Quarter(2016, 1), None), AS_OF)

    def test_unknown_members_and_future_advances_are_all_listed(self) -> None:
        bad = QuarterlyReport(
            working_group=GROUP,
            year=2024,
            quarter=1,
            activities=report(Quarter(2024, 1), None, members=("ghost",)).activities,
            legislative_advances=(
                LegislativeAdvance(
                    country="AR", instrument="Bill", date=date(2025, 1, 1), description="d"
                ),
            ),
        )
        with pytest.raises(InvalidData) as raised:
            validate_report(coalition(), bad, AS_OF)
        paths = [p.path for p in raised.value.problems]
        assert paths == ["legislative_advances[0].date", "activities[0].members[0]"]

    def test_an_impossible_quarter_or_date_is_refused_by_the_model(self) -> None:
        with pytest.raises(InvalidData):
            Quarter(2024, 5)
        with pytest.raises(InvalidData):
            QuarterlyReport(working_group=GROUP, year=2024, quarter=2, submitted=date(2024, 1, 1))

    def test_what_reports_record_after_the_day_is_listed_under_each_report(self) -> None:
        c = with_reports(
            report(Quarter(2024, 1), date(2024, 4, 10)),
            report(Quarter(2024, 3), None, group="latin-american-hotlines"),
        )
        assert [p.path for p in reports_after(c, AS_OF)] == ["reports[1].quarter"]
        assert reports_after(c, Quarter(2024, 3).first_day) == ()

    def test_a_submission_after_the_day_is_listed_with_its_date(self) -> None:
        c = with_reports(report(Quarter(2024, 1), date(2024, 4, 10)))
        (late,) = reports_after(c, date(2024, 4, 9))
        assert late.path == "reports[0].submitted"
        assert late.value == "2024-04-10"

    def test_something_that_is_not_a_report_is_refused(self) -> None:
        with pytest.raises(InvalidData):
            validate_report(coalition(), "report", AS_OF)  # type: ignore[arg-type]


def held(day: date, circulated: date | None, kind: MeetingKind = MeetingKind.REGIONAL) -> Meeting:
    return Meeting(
        id=f"m-{day.isoformat()}",
        date=day,
        kind=kind,
        mode=MeetingMode.TELECONFERENCE,
        organizer="icmec",
        minutes=None if circulated is None else Minutes(circulated=circulated),
    )


class TestMinutesAndMeetings:
    def test_minutes_circulated_by_the_day_are_circulated(self) -> None:
        assert minutes_state(held(date(2024, 1, 10), date(2024, 1, 12)), AS_OF) is (
            MinutesState.CIRCULATED
        )

    def test_minutes_within_the_grace_period_are_pending(self) -> None:
        day = AS_OF - timedelta(days=MINUTES_GRACE_DAYS - 1)
        assert minutes_state(held(day, None), AS_OF) is MinutesState.PENDING

    def test_minutes_missing_after_the_grace_period_are_not_circulated(self) -> None:
        day = AS_OF - timedelta(days=MINUTES_GRACE_DAYS)
        assert minutes_state(held(day, None), AS_OF) is MinutesState.NOT_CIRCULATED

    def test_minutes_circulated_after_the_day_are_not_yet_circulated(self) -> None:
        meeting = held(date(2024, 1, 10), date(2024, 7, 1))
        assert minutes_state(meeting, AS_OF) is MinutesState.NOT_CIRCULATED

    def test_a_meeting_after_the_day_is_upcoming(self) -> None:
        assert minutes_state(held(date(2024, 9, 1), None), AS_OF) is MinutesState.UPCOMING

    def test_only_annual_and_regional_meetings_are_coalition_meetings(self) -> None:
        meetings = (
            held(date(2023, 3, 1), None),
            held(date(2023, 5, 1), None, MeetingKind.STEERING_COMMITTEE),
        )
        c = coalition().evolve(meetings=meetings)
        assert [m.id for m in coalition_meetings(c, 2023)] == ["m-2023-03-01"]

    def test_the_minimum_is_the_one_in_force_on_the_years_first_day(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2022, 6, 1),
                summary=Text("Three meetings", "Tres reuniones"),
                parameters={"min_meetings_per_year": 3},
            )
        )
        c = coalition(charter=amended)
        assert (min_meetings_for(c, 2022), min_meetings_for(c, 2023)) == (2, 3)
        assert min_meetings_for(c, 2010) == 2


class TestPlans:
    def plan_coalition(self) -> Coalition:
        action = PlannedAction(description="Regional webinar", goals=("PG-1",), members=("org-a",))
        plans = Plans(
            strategic=strategic_plans(until=2024),
            operational=(
                *operational_plans(as_of=date(2023, 12, 31)),
                OperationalPlan(year=2024, actions=(action,)),
            ),
        )
        return coalition(plans=plans).evolve(reports=(report(Quarter(2024, 1), date(2024, 4, 10)),))

    def test_a_plan_year_lists_its_duties_with_the_governance_verdicts(self) -> None:
        year = plan_year(self.plan_coalition(), AS_OF)
        kinds = [d.kind for d in year.duties]
        assert kinds == [DutyKind.STRATEGIC_PLAN, DutyKind.OPERATIONAL_PLAN, DutyKind.ASSESSMENT]
        assert [d.rule for d in year.duties] == ["GOV-05", "GOV-06", "GOV-07"]
        assert [d.outcome for d in year.duties] == [
            Outcome.MET,
            Outcome.MET,
            Outcome.NOT_APPLICABLE,
        ]
        assert year.duties[-1].due == date(2024, 12, 31)

    def test_the_last_year_of_a_strategic_plan_asks_for_the_next_one(self) -> None:
        year = plan_year(self.plan_coalition(), date(2020, 3, 1))
        assert year.last_strategic_year
        assert DutyKind.NEXT_STRATEGIC_PLAN in [d.kind for d in year.duties]

    def test_an_activity_sharing_a_goal_and_a_member_answers_an_action(self) -> None:
        assessment = assess_plan(self.plan_coalition(), 2024, AS_OF)
        assert [a.state for a in assessment.actions] == [ActionState.IMPLEMENTED]
        assert assessment.counts[ActionState.IMPLEMENTED] == 1

    def test_an_activity_of_another_member_does_not_answer_an_action(self) -> None:
        c = self.plan_coalition()
        c = c.evolve(
            members=(*c.members, member("org-b")),
            organizations=(*c.organizations, organization("org-b")),
            reports=(report(Quarter(2024, 1), date(2024, 4, 10), members=("org-b",)),),
        )
        assert [a.state for a in assess_plan(c, 2024, AS_OF).actions] == [ActionState.NOT_REPORTED]

    def test_a_year_without_an_operational_plan_has_nothing_to_assess(self) -> None:
        assessment = assess_plan(coalition(), 2030, AS_OF)
        assert assessment.plan is None
        assert assessment.actions == ()
