"""The shared calendar as an RFC 5545 iCalendar file (Reporting: "The Secretariat also will
develop a shared calendar with events relevant to CLAC Members, which will be updated regularly
with the support of all Members").

Events: every meeting (annual, regional, working-group and Steering Committee), each working
group's quarterly report due date, each year's annual report due date, and each operational
plan's annual assessment. All are all-day events.

The file is reproducible and safe to re-import:

- each event's ``UID`` is derived from registry ids (``meeting-<id>@clac``,
  ``report-<group>-<year>-q<n>@clac``, ``annual-report-<year>@clac``,
  ``plan-assessment-<year>@clac``), so importing a newer file updates events in place instead
  of duplicating them;
- ``SEQUENCE`` counts the event's recorded revisions (0, then 1 once the minutes are
  circulated, the report submitted, the annual report published or the plan assessed);
- ``DTSTAMP`` is the date of the last such revision (or of the event itself before any), at
  00:00 UTC — taken from the data, never from the clock.

Like every export, the calendar takes an :class:`~clac.reporting.Audience`: a minutes document
or an annual report is named only when the audience may see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import attrs

from clac._schedule import (
    ReportState,
    ReportStatus,
    annual_report_documents,
    annual_report_due,
    first_quarter,
    report_status,
)
from clac.errors import InvalidData
from clac.model import Document, Meeting, RecordKind
from clac.periods import Quarter
from clac.reporting._folder import Audience, community, may_see
from clac.reporting._labels import MEETING_KINDS, MEETING_MODES, TLP_LABELS, label
from clac.rules import Context
from clac.text import Language

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = ["CalendarEvent", "calendar", "calendar_events"]

PRODID = "-//clac//CLAC shared calendar//EN"
UID_DOMAIN = "clac"


@attrs.frozen(slots=True)
class CalendarEvent:
    """One all-day event of the shared calendar, before it is written as a VEVENT."""

    uid: str
    day: date
    summary: str
    description: str
    category: str
    sequence: int
    stamp: date
    transparent: bool = False
    state: ReportState | None = None
    """For a quarterly report's due date, the report's state on the calendar's day (the one
    ``clac check`` gives it); None for other events."""


def _horizon(as_of: date) -> date:
    """The last day the due dates run to by default: the end of ``as_of``'s year (the reports
    of its quarters and its annual report, due the next year, are the next due dates)."""
    return date(as_of.year, 12, 31)


def _first_complete_quarter(coalition: Coalition) -> Quarter | None:
    """The first quarter the registry's report records are complete for, begun or not."""
    since = coalition.records_since_for(RecordKind.REPORTS)
    if since is None:
        return None
    first = Quarter.of(since)
    return first if first.first_day >= since else first.next()


class _Events:
    def __init__(
        self, coalition: Coalition, audience: Audience, lang: Language, as_of: date
    ) -> None:
        self.coalition = coalition
        self.as_of = as_of
        self.audience = audience
        self.lang = lang
        self.members = community(coalition)

    def visible(self, document: Document) -> bool:
        return may_see(self.audience, document, self.members)

    def meetings(self) -> Iterator[CalendarEvent]:
        for meeting in self.coalition.meetings:
            yield self.meeting(meeting)

    def meeting(self, meeting: Meeting) -> CalendarEvent:
        lang = self.lang
        summary = MEETING_KINDS[meeting.kind].in_(lang)
        if meeting.working_group is not None:
            group = self.coalition.working_group(meeting.working_group).name.in_(lang)
            summary = f"{summary}: {group}"
        lines = [f"{label('mode', lang)}: {MEETING_MODES[meeting.mode].in_(lang)}."]
        if meeting.attendees:
            lines.append(label("attendees", lang, count=len(meeting.attendees)))
        minutes = meeting.minutes
        circulated = None if minutes is None else minutes.circulated
        if minutes is not None and circulated is not None:
            day = circulated.isoformat()
            line = f"{label('minutes', lang)}: {label('circulated_on', lang, day=day)}"
            if minutes.document is not None:
                document = self.coalition.document(minutes.document)
                if self.visible(document):
                    line += f" — {document.title} ({TLP_LABELS[document.classification]})"
            lines.append(f"{line}.")
        return CalendarEvent(
            uid=f"meeting-{meeting.id}@{UID_DOMAIN}",
            day=meeting.date,
            summary=summary,
            description="\n".join(lines),
            category=meeting.kind.value,
            sequence=0 if circulated is None else 1,
            stamp=meeting.date if circulated is None else max(meeting.date, circulated),
        )

    def reports(self, horizon: date) -> Iterator[CalendarEvent]:
        """Each group's report due dates to ``horizon``'s quarter, in the state ``clac check``
        gives them as of the day; a quarter before the registry's complete report records
        (``records_since``) only when a report is recorded for it."""
        coalition = self.coalition
        begin = _first_complete_quarter(coalition)
        last = Quarter.of(horizon)
        for group in coalition.working_groups:
            if group.formed > horizon:
                continue
            period = first_quarter(coalition, group.formed)
            while period <= last:
                status = report_status(coalition, group.id, period, self.as_of)
                before = begin is not None and period < begin
                if not (before and status.state is ReportState.UNRECORDED):
                    yield self.report(group.name.in_(self.lang), status)
                period = period.next()

    def report(self, name: str, status: ReportStatus) -> CalendarEvent:
        lang, period, due = self.lang, status.period, status.due
        days = (due - period.last_day).days
        state = label("report_state", lang, day=self.as_of.isoformat())
        line = f"{state}: {status.state.label.in_(lang)}"
        if status.submitted is not None:
            line += f" — {label('report_submitted_on', lang, day=status.submitted.isoformat())}"
        elif status.state is ReportState.MISSING and status.days_overdue is not None:
            line += f" — {label('days_overdue', lang, count=status.days_overdue)}."
        else:
            line += "."
        recorded = status.state in (ReportState.SUBMITTED, ReportState.LATE, ReportState.RECEIVED)
        return CalendarEvent(
            uid=f"report-{status.working_group}-{period.year}-q{period.quarter}@{UID_DOMAIN}",
            day=due,
            summary=label("report_due", lang, group=name, quarter=str(period)),
            description=f"{line}\n{label('due_assumption', lang, days=days)}",
            category="report-due",
            sequence=1 if recorded else 0,
            stamp=period.first_day if status.submitted is None else status.submitted,
            transparent=True,
            state=status.state,
        )

    def annual_reports(self, horizon: date) -> Iterator[CalendarEvent]:
        lang = self.lang
        if horizon < self.coalition.charter.original.effective:
            return
        since = Context(self.coalition, horizon).first_year
        if since is None:  # no member yet: no coalition owes an annual report
            return
        for year in range(since, horizon.year + 1):
            due = annual_report_due(year, self.coalition)
            published = sorted(
                annual_report_documents(self.coalition, year), key=lambda d: (d.date, d.id)
            )
            lines = []
            if published:
                first = published[0]
                lines.append(label("annual_report_published", lang, day=first.date.isoformat()))
                visible = [d for d in published if self.visible(d)]
                if visible:
                    lines.append(f"{visible[0].title} ({TLP_LABELS[visible[0].classification]})")
            lines.append(label("annual_report_assumption", lang))
            yield CalendarEvent(
                uid=f"annual-report-{year}@{UID_DOMAIN}",
                day=due,
                summary=label("annual_report_due", lang, year=year),
                description="\n".join(lines),
                category="annual-report",
                sequence=1 if published else 0,
                stamp=published[0].date if published else date(year + 1, 1, 1),
                transparent=True,
            )

    def assessments(self) -> Iterator[CalendarEvent]:
        lang = self.lang
        for plan in self.coalition.plans.operational:
            assessed = plan.assessed
            yield CalendarEvent(
                uid=f"plan-assessment-{plan.year}@{UID_DOMAIN}",
                day=date(plan.year, 12, 31) if assessed is None else assessed,
                summary=label("plan_assessment", lang, year=plan.year),
                description=(
                    label("assessment_due", lang)
                    if assessed is None
                    else label("assessment_done", lang, day=assessed.isoformat())
                ),
                category="plan-assessment",
                sequence=0 if assessed is None else 1,
                stamp=date(plan.year, 1, 1) if assessed is None else assessed,
                transparent=True,
            )


def calendar_events(
    coalition: Coalition,
    *,
    audience: Audience | str | None = None,
    start: date | None = None,
    end: date | None = None,
    language: Language | str = Language.EN,
    as_of: date | None = None,
) -> tuple[CalendarEvent, ...]:
    """The shared calendar's events from ``start`` to ``end`` (inclusive), by day then UID.

    Each quarterly report's event says its state as of ``as_of`` (today by default) — the
    state ``clac check`` gives it: submitted, late, received, missing, not yet due, or not
    recorded. Without ``end``, the due dates run through ``as_of``'s year: the reports of its
    quarters and its annual report, whose due dates fall early the next year, are the next
    ones.
    """
    who = Audience.members() if audience is None else Audience.parse(audience)
    who.check(coalition)
    if start is not None and end is not None and end < start:
        raise InvalidData(f"is before the start ({start.isoformat()})", path="end", value=end)
    day = date.today() if as_of is None else as_of
    horizon = _horizon(day) if end is None else end
    events = _Events(coalition, who, Language.parse(language), day)
    found = [
        *events.meetings(),
        *events.reports(horizon),
        *events.annual_reports(horizon),
        *events.assessments(),
    ]
    return tuple(
        sorted(
            (
                e
                for e in found
                if (start is None or e.day >= start) and (end is None or e.day <= end)
            ),
            key=lambda e: (e.day, e.uid),
        )
    )


def _stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def calendar(
    coalition: Coalition,
    *,
    audience: Audience | str | None = None,
    start: date | None = None,
    end: date | None = None,
    language: Language | str = Language.EN,
    as_of: date | None = None,
) -> bytes:
    """The shared calendar as iCalendar bytes (RFC 5545), for ``audience`` (the members by
    default), with the events of :func:`calendar_events` as of ``as_of`` (today by
    default)."""
    from icalendar import Calendar, Event

    lang = Language.parse(language)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = f"{label('calendar_name', lang)} — {coalition.name}"
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    found = calendar_events(
        coalition, audience=audience, start=start, end=end, language=lang, as_of=as_of
    )
    for item in found:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", _stamp(item.stamp))
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("categories", [item.category])
        event.add("sequence", item.sequence)
        event.add("transp", "TRANSPARENT" if item.transparent else "OPAQUE")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
