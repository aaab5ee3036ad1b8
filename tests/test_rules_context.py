"""The rules' Context: its indexes give what a scan of the registry gives, and ``skip_year``
says which years a YEAR rule judges (GOV-* and REP-* alike)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from clac import testing
from clac.model import Member
from clac.periods import Month, Quarter, earliest
from clac.registry import Coalition
from clac.reporting import cadence, report_due
from clac.rules import Outcome
from clac.rules._context import COALITION_MEETING_KINDS, Context
from clac.rules.governance import first_year
from clac.rules.membership import HOURS_WINDOW_MONTHS, hours_window
from tests.factories import AS_OF, FIRST_YEAR, coalition, member

DAYS = st.dates(min_value=date(2016, 1, 1), max_value=date(2027, 12, 31))  # the charter's
ANY_DAY = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))
SOME = settings(deadline=None, max_examples=40)


class TestIndexes:
    """Each index equals the scan it replaces, on any coalition and any day."""

    @SOME
    @given(registry=testing.coalitions(min_members=1), day=DAYS)
    def test_referrals_are_the_members_each_referred_by_the_day(
        self, registry: Coalition, day: date
    ) -> None:
        ctx = Context(registry, day)
        for m in registry.members:
            scanned = tuple(
                o.organization
                for o in registry.members
                # A member whose joining day is not recorded counts as joined by the day.
                if o.referred_by == m.organization and (o.joined is None or o.joined <= day)
            )
            assert ctx.referrals.get(m.organization, ()) == scanned

    @SOME
    @given(registry=testing.coalitions(min_members=1), day=DAYS)
    def test_documents_by_author_are_those_dated_by_the_day(
        self, registry: Coalition, day: date
    ) -> None:
        ctx = Context(registry, day)
        for m in registry.members:
            scanned = tuple(
                d for d in registry.documents if m.organization in d.authors and d.date <= day
            )
            assert ctx.documents_by_author.get(m.organization, ()) == scanned

    @SOME
    @given(registry=testing.coalitions(min_members=1), day=DAYS, since=ANY_DAY)
    def test_coalition_meetings_since_a_day_are_found_by_date(
        self, registry: Coalition, day: date, since: date
    ) -> None:
        ctx = Context(registry, day)
        scanned = tuple(
            m
            for m in ctx.meetings_until_today
            if m.kind in COALITION_MEETING_KINDS and m.date >= since
        )
        assert ctx.coalition_meetings_since(since) == scanned

    @SOME
    @given(registry=testing.coalitions(min_members=1), day=DAYS)
    def test_report_statuses_are_each_groups_cadence(self, registry: Coalition, day: date) -> None:
        ctx = Context(registry, day)
        for group in registry.working_groups:
            if group.formed <= day:
                own = cadence(registry, day, working_group=group.id)
                assert ctx.report_statuses.get(group.id, ()) == own

    @SOME
    @given(registry=testing.coalitions(), day=DAYS, joined=ANY_DAY)
    def test_report_due_is_the_reporting_due_date(
        self, registry: Coalition, day: date, joined: date
    ) -> None:
        ctx = Context(registry, day)
        quarter = Quarter.of(joined)
        assert ctx.report_due(quarter) == report_due(registry, quarter)
        assert ctx.report_due(quarter) == report_due(registry, quarter)  # from the memo

    @SOME
    @given(registry=testing.coalitions(), day=DAYS)
    def test_first_year_is_the_later_of_the_charter_and_the_first_member(
        self, registry: Coalition, day: date
    ) -> None:
        ctx = Context(registry, day)
        if not registry.members:
            assert ctx.first_year is None
        else:
            # A member whose joining day is not recorded counts as joined by the day of the
            # check (clac.testing draws such members too).
            joins = [day if m.joined is None else earliest(m.joined) for m in registry.members]
            assert ctx.first_year == max(ctx.years[0], min(joins).year)
        assert first_year(ctx) == ctx.first_year

    @given(joined=ANY_DAY, day=DAYS)
    def test_the_hours_window_is_the_complete_months_since_joining(
        self, joined: date, day: date
    ) -> None:
        ctx = Context(coalition(as_of=AS_OF), day)
        first = Month.of(joined) if joined.day == 1 else Month.of(joined).next()
        expected = tuple(m for m in ctx.months_back(HOURS_WINDOW_MONTHS) if m >= first)
        assert hours_window(ctx, Member("org-a", joined)) == expected

    def test_subjects_are_the_same_on_every_call(self) -> None:
        from clac.rules import SubjectKind

        ctx = Context(coalition(), AS_OF)
        first = list(ctx.subjects(SubjectKind.MEMBER))
        assert first == list(ctx.subjects(SubjectKind.MEMBER))
        assert [s.id for s, _ in first] == ["org-a"]


class TestSkipYear:
    """Which years a YEAR rule judges, for GOV-* and REP-* alike."""

    def test_a_coalition_without_members_judges_no_year(self) -> None:
        ctx = Context(coalition(members=()), AS_OF)
        verdict = ctx.skip_year(AS_OF.year - 1)
        assert verdict is not None
        assert verdict.outcome is Outcome.NOT_APPLICABLE
        assert "no members" in verdict.message.en

    def test_a_year_before_the_first_is_not_judged(self) -> None:
        ctx = Context(coalition(), AS_OF)
        verdict = ctx.skip_year(FIRST_YEAR - 1)
        assert verdict is not None
        assert verdict.outcome is Outcome.NOT_APPLICABLE
        assert {f.name: f.value for f in verdict.facts}["first_year"] == FIRST_YEAR

    def test_the_current_year_is_judged_unless_the_rule_waits_for_it_to_end(self) -> None:
        ctx = Context(coalition(), AS_OF)
        assert ctx.skip_year(AS_OF.year) is None
        waiting = ctx.skip_year(AS_OF.year, complete=True)
        assert waiting is not None
        assert "not over" in waiting.message.en

    def test_a_past_year_since_the_first_is_judged(self) -> None:
        ctx = Context(coalition(members=[member(joined=date(2018, 3, 1))]), AS_OF)
        assert ctx.first_year == 2018
        for year in range(2018, AS_OF.year):
            assert ctx.skip_year(year) is None
            assert ctx.skip_year(year, complete=True) is None
        assert ctx.skip_year(2017) is not None
