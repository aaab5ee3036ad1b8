"""The Secretariat's electronic annual report, compiled from the minutes of the meetings and the
Working Groups' quarterly reports (Reporting: "The Secretariat will produce an electronic annual
report based on the minutes of the meetings and the quarterly reports produced by Working
Groups, which will be distributed to other members. The annual report will describe the
implementation status of and assess progress made toward reaching CLAC's goals.").

:func:`annual_report` returns plain data (:class:`AnnualReport`); ``to_markdown`` and
``to_html`` render it in English, Spanish or Portuguese (:mod:`clac.reporting._render`).

What goes in, for the year:

- for each policy goal of the charter: the activities reported toward it (implemented or
  planned, in-country or regional, by country), the policies, the strategic plan's targets and
  indicators for it, and the operational plan's actions for it with the activities answering
  them (:func:`~clac.reporting.assess_plan`);
- activities tied to no goal, and the legislative advances (which the charter does not tie to
  a goal), by country;
- the meetings held, whether their minutes were circulated, and the shared-folder documents of
  the year the audience may see;
- the inputs that were missing: reports not received, late, or not recorded, and meetings
  whose minutes were not circulated.

Only what the audience may see is included (:func:`~clac.reporting.visible_documents`);
representatives' names and e-mail addresses never are.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

import attrs

from clac._schedule import (
    COALITION_MEETING_KINDS,
    MinutesState,
    ReportState,
    ReportStatus,
    ReportTally,
    cadence,
    min_meetings_for,
    minutes_state,
    records_begin,
)
from clac.errors import InvalidData
from clac.model import (
    ActivityScope,
    ActivityStatus,
    Document,
    Meeting,
    OperationalPlan,
    QuarterlyReport,
    RecordKind,
    StrategicPlan,
    Target,
)
from clac.periods import Quarter
from clac.reporting import _render
from clac.reporting._entries import ActivityEntry, AdvanceEntry, PolicyEntry, year_entries
from clac.reporting._folder import Audience, community, may_see
from clac.reporting._plans import ActionProgress, PlanAssessment, assess_plan
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = ["AnnualReport", "GoalSummary", "MeetingEntry", "annual_report"]


@attrs.frozen(slots=True)
class GoalSummary:
    """One policy goal's year: what was reported toward it and what the plans set for it."""

    goal: str
    name: Text
    text: Text
    activities: tuple[ActivityEntry, ...]
    policies: tuple[PolicyEntry, ...]
    targets: tuple[Target, ...]
    actions: tuple[ActionProgress, ...]

    def count(
        self, *, status: ActivityStatus | None = None, scope: ActivityScope | None = None
    ) -> int:
        """How many activities have ``status`` and ``scope`` (either may be left out)."""
        return sum(
            1
            for e in self.activities
            if (status is None or e.activity.status is status)
            and (scope is None or e.activity.scope is scope)
        )

    def by_country(self) -> dict[str, int]:
        """In-country activities per country code, most first then by code."""
        counter = Counter(c for e in self.activities for c in e.activity.countries)
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    def per_quarter(self) -> tuple[int, int, int, int]:
        """Activities reported in each quarter of the year."""
        counter = Counter(e.period.quarter for e in self.activities)
        return (counter[1], counter[2], counter[3], counter[4])


@attrs.frozen(slots=True)
class MeetingEntry:
    """A meeting of the year as the report shows it; ``minutes`` is the minutes document only
    when the audience may see it."""

    meeting: Meeting
    minutes_state: MinutesState
    minutes: Document | None

    @property
    def is_coalition_meeting(self) -> bool:
        """An annual or regional meeting of the whole coalition."""
        return self.meeting.kind in COALITION_MEETING_KINDS


@attrs.frozen(slots=True)
class AnnualReport:
    """The annual report of :attr:`year`, compiled as of :attr:`as_of` for :attr:`audience`.

    Plain data: render it with :meth:`to_markdown` or :meth:`to_html`.
    """

    coalition: str
    year: int
    as_of: date
    audience: Audience
    charter_version: int
    received: tuple[QuarterlyReport, ...]
    goals: tuple[GoalSummary, ...]
    activities: tuple[ActivityEntry, ...]
    policies: tuple[PolicyEntry, ...]
    unaligned: tuple[ActivityEntry, ...]
    advances: tuple[AdvanceEntry, ...]
    meetings: tuple[MeetingEntry, ...]
    min_meetings: int
    documents: tuple[Document, ...]
    reports: tuple[ReportStatus, ...]
    records_begin: Quarter | None
    strategic_plan: StrategicPlan | None
    operational_plan: OperationalPlan | None
    assessment: PlanAssessment
    group_names: tuple[tuple[str, Text], ...] = ()
    organization_names: tuple[tuple[str, str], ...] = ()
    records_since: date | None = None
    """The day the registry's report records are complete from (``records_since`` for reports),
    even when its first complete quarter (:attr:`records_begin`) has not begun by
    :attr:`as_of`."""

    @property
    def complete(self) -> bool:
        """Whether the year was over on :attr:`as_of`."""
        return self.year < self.as_of.year

    @property
    def coalition_meetings(self) -> tuple[MeetingEntry, ...]:
        """The annual and regional meetings of the year."""
        return tuple(m for m in self.meetings if m.is_coalition_meeting)

    @property
    def tally(self) -> ReportTally:
        """How many of the year's quarterly reports fell due by :attr:`as_of` and what became
        of them: the count ``clac check`` (REP-01) and the calendar give too."""
        return ReportTally.of(self.reports)

    @property
    def missing_reports(self) -> tuple[ReportStatus, ...]:
        """Reports of the year not received and past due."""
        return tuple(s for s in self.reports if s.state is ReportState.MISSING)

    @property
    def late_reports(self) -> tuple[ReportStatus, ...]:
        """Reports of the year received after their due date."""
        return tuple(s for s in self.reports if s.state is ReportState.LATE)

    @property
    def unrecorded_reports(self) -> tuple[ReportStatus, ...]:
        """Quarters of the year before the registry's reports begin."""
        return tuple(s for s in self.reports if s.state is ReportState.UNRECORDED)

    @property
    def meetings_without_minutes(self) -> tuple[MeetingEntry, ...]:
        """Meetings of the year whose minutes were not circulated (past the grace period)."""
        return tuple(m for m in self.meetings if m.minutes_state is MinutesState.NOT_CIRCULATED)

    def activities_per_goal_per_quarter(self) -> dict[str, tuple[int, int, int, int]]:
        """For the chart: activities per quarter, for each goal id."""
        return {g.goal: g.per_quarter() for g in self.goals}

    def to_markdown(self, language: Language | str = Language.EN) -> str:
        """The report as Markdown."""
        return _render.to_markdown(self, Language.parse(language))

    def to_html(self, language: Language | str = Language.EN, *, chart: bool = True) -> str:
        """The report as one self-contained HTML page (inline CSS, the chart embedded as a PNG
        when matplotlib is installed and ``chart`` is true)."""
        return _render.to_html(self, Language.parse(language), chart=chart)

    def _repr_html_(self) -> str:
        return _render.to_html(self, Language.EN, chart=False, fragment=True)


def check_year(coalition: Coalition, year: int, as_of: date) -> None:
    """Refuse a year after ``as_of``'s or before the charter's first year."""
    first = coalition.charter.original.effective.year
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidData("must be a year", path="year", value=year)
    if year > as_of.year:
        raise InvalidData(
            Text(
                f"is in the future (as of {as_of.isoformat()})",
                f"está en el futuro (al {as_of.isoformat()})",
            ),
            path="year",
            value=year,
        )
    if year < first:
        raise InvalidData(
            Text(
                f"is before the charter took effect ({first})",
                f"es anterior a la entrada en vigor de la carta ({first})",
            ),
            path="year",
            value=year,
        )


def annual_report(
    coalition: Coalition,
    year: int,
    *,
    audience: Audience | str | None = None,
    as_of: date | None = None,
) -> AnnualReport:
    """Compile the annual report of ``year`` as of ``as_of`` (today by default) for
    ``audience`` (the members by default: the charter distributes it to them).

    Raises :class:`~clac.errors.InvalidData` for a year after ``as_of``'s or before the
    charter. Reports recorded after ``as_of`` (:func:`~clac.reporting.reports_after`) had not
    happened yet on that day: they are left out, never a reason to refuse the registry.
    """
    day = date.today() if as_of is None else as_of
    who = Audience.members() if audience is None else Audience.parse(audience)
    who.check(coalition)
    check_year(coalition, year, day)

    charter = coalition.charter_in_force(min(day, date(year, 12, 31)))
    entries = year_entries(coalition, year, day)
    assessment = assess_plan(coalition, year, day)
    strategic = coalition.plans.strategic_plan_for(year)
    goals = tuple(
        GoalSummary(
            goal=g.id,
            name=g.short,
            text=g.text,
            activities=tuple(e for e in entries.activities if g.id in e.activity.goals),
            policies=tuple(e for e in entries.policies if g.id in e.policy.goals),
            targets=()
            if strategic is None
            else tuple(t for t in strategic.targets if t.goal == g.id),
            actions=assessment.for_goal(g.id),
        )
        for g in charter.policy_goals
    )
    members = community(coalition)
    meetings = tuple(
        MeetingEntry(
            m,
            minutes_state(m, day, coalition=coalition),
            _minutes_document(coalition, m, who, members),
        )
        for m in sorted(coalition.meetings, key=lambda m: (m.date, m.id))
        if m.date.year == year and m.date <= day
    )
    documents = tuple(
        d
        for d in sorted(coalition.documents, key=lambda d: (d.date, d.id))
        if d.date.year == year and d.date <= day and may_see(who, d, members)
    )
    return AnnualReport(
        coalition=coalition.name,
        year=year,
        as_of=day,
        audience=who,
        charter_version=charter.version,
        received=entries.reports,
        goals=goals,
        activities=entries.activities,
        policies=entries.policies,
        unaligned=tuple(e for e in entries.activities if not e.activity.goals),
        advances=tuple(sorted(entries.advances, key=lambda e: (e.advance.date, e.advance.country))),
        meetings=meetings,
        min_meetings=min_meetings_for(coalition, year),
        documents=documents,
        reports=tuple(cadence(coalition, day, year=year)),
        records_begin=records_begin(coalition, day),
        strategic_plan=strategic,
        operational_plan=coalition.plans.operational_plan_for(year),
        assessment=assessment,
        group_names=tuple((w.id, w.name) for w in coalition.working_groups),
        organization_names=tuple((o.id, o.name) for o in coalition.organizations),
        records_since=coalition.records_since_for(RecordKind.REPORTS),
    )


def _minutes_document(
    coalition: Coalition, meeting: Meeting, audience: Audience, members: frozenset[str]
) -> Document | None:
    if meeting.minutes is None or meeting.minutes.document is None:
        return None
    document = coalition.document(meeting.minutes.document)
    return document if may_see(audience, document, members) else None
