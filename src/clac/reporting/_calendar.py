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
    annual_report_documents,
    annual_report_due,
    first_quarter,
    records_begin,
    report_due,
)
from clac.errors import InvalidData
from clac.model import Document, Meeting
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


def _horizon(coalition: Coalition) -> date:
    """The end of the year after the registry's latest dated record."""
    years = [coalition.charter.original.effective.year]
    years += [m.date.year for m in coalition.meetings]
    years += [r.year for r in coalition.reports]
    years += [d.date.year for d in coalition.documents]
    years += [p.year for p in coalition.plans.operational]
    years += [m.joined.year for m in coalition.members if m.joined is not None]
    return date(max(years) + 1, 12, 31)


class _Events:
    def __init__(self, coalition: Coalition, audience: Audience, lang: Language) -> None:
        self.coalition = coalition
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
        coalition, lang = self.coalition, self.lang
        begin = records_begin(coalition, horizon)
        last = Quarter.of(horizon)
        for group in coalition.working_groups:
            period = first_quarter(coalition, group.formed)
            if begin is not None:
                period = max(period, begin)
            name = group.name.in_(lang)
            while period <= last:
                due = report_due(coalition, period)
                report = coalition.report(group.id, period.year, period.quarter)
                submitted = None if report is None else report.submitted
                days = (due - period.last_day).days
                state = (
                    label("report_not_submitted", lang)
                    if submitted is None
                    else label("report_submitted_on", lang, day=submitted.isoformat())
                )
                yield CalendarEvent(
                    uid=f"report-{group.id}-{period.year}-q{period.quarter}@{UID_DOMAIN}",
                    day=due,
                    summary=label("report_due", lang, group=name, quarter=str(period)),
                    description=f"{state}\n{label('due_assumption', lang, days=days)}",
                    category="report-due",
                    sequence=0 if submitted is None else 1,
                    stamp=period.first_day if submitted is None else submitted,
                    transparent=True,
                )
                period = period.next()

    def annual_reports(self, horizon: date) -> Iterator[CalendarEvent]:
        lang = self.lang
        if horizon < self.coalition.charter.original.effective:
            return
        since = Context(self.coalition, horizon).first_year
        for year in range(horizon.year if since is None else since, horizon.year):
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
) -> tuple[CalendarEvent, ...]:
    """The shared calendar's events from ``start`` to ``end`` (inclusive), by day then UID.

    Without ``end``, report and annual-report due dates run to the end of the year after the
    registry's latest dated record.
    """
    who = Audience.members() if audience is None else Audience.parse(audience)
    who.check(coalition)
    if start is not None and end is not None and end < start:
        raise InvalidData(f"is before the start ({start.isoformat()})", path="end", value=end)
    horizon = _horizon(coalition) if end is None else end
    events = _Events(coalition, who, Language.parse(language))
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
) -> bytes:
    """The shared calendar as iCalendar bytes (RFC 5545), for ``audience`` (the members by
    default), with the events of :func:`calendar_events`."""
    from icalendar import Calendar, Event

    lang = Language.parse(language)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = f"{label('calendar_name', lang)} — {coalition.name}"
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    for item in calendar_events(coalition, audience=audience, start=start, end=end, language=lang):
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
