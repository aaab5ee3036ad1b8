"""What a rule sees: the coalition, the day of the assessment and the charter in force that day,
with indexes computed once per evaluation rather than once per rule and subject."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from clac.model import Meeting, MeetingKind
from clac.periods import Month
from clac.rules._engine import Subject, SubjectKind

if TYPE_CHECKING:
    from clac.charter import Charter, Parameters
    from clac.registry import Coalition

__all__ = ["COALITION_MEETING_KINDS", "Context"]

COALITION_MEETING_KINDS = frozenset({MeetingKind.ANNUAL, MeetingKind.REGIONAL})
"""Meetings of the whole coalition ('CLAC meetings, which take place at least twice a year');
working-group and steering-committee meetings are not counted toward that minimum."""


class Context:
    """The coalition as of one day, under the charter in force that day."""

    def __init__(self, coalition: Coalition, as_of: date) -> None:
        self.coalition = coalition
        self.as_of = as_of
        self.charter: Charter = coalition.charter_in_force(as_of)

    @property
    def parameters(self) -> Parameters:
        """The charter parameters in force on the day."""
        return self.charter.parameters

    # -------------------------------------------------------------- subjects

    def subjects(self, kind: SubjectKind) -> Iterator[tuple[Subject, Any]]:  # noqa: PLR0912
        """Every subject of ``kind`` that exists on the day, with the object it names."""
        c, day = self.coalition, self.as_of
        if kind is SubjectKind.MEMBER:
            for m in c.members:
                if m.is_member_on(day):
                    yield Subject(kind, m.organization), m
        elif kind is SubjectKind.WORKING_GROUP:
            for w in c.working_groups:
                if w.formed <= day:
                    yield Subject(kind, w.id), w
        elif kind is SubjectKind.COALITION:
            yield Subject(kind, c.name), c
        elif kind is SubjectKind.PROPOSAL:
            for p in c.proposals:
                yield Subject(kind, p.id), p
        elif kind is SubjectKind.REPORT:
            for r in c.reports:
                if r.period.first_day <= day:
                    yield Subject(kind, f"{r.working_group}/{r.period}"), r
        elif kind is SubjectKind.MEETING:
            for mt in c.meetings:
                if mt.date <= day:
                    yield Subject(kind, mt.id), mt
        elif kind in (SubjectKind.YEAR, SubjectKind.PLAN):
            for year in self.years:
                yield Subject(kind, str(year)), year

    @functools.cached_property
    def years(self) -> tuple[int, ...]:
        """Every calendar year from the charter's first effective date to the day's year."""
        first = self.charter
        while first.predecessor is not None:
            first = first.predecessor
        return tuple(range(first.effective.year, self.as_of.year + 1))

    # -------------------------------------------------------------- indexes

    @functools.cached_property
    def meetings_until_today(self) -> tuple[Meeting, ...]:
        """Meetings held on or before the day, by date."""
        return tuple(
            sorted(
                (m for m in self.coalition.meetings if m.date <= self.as_of), key=lambda m: m.date
            )
        )

    @functools.cached_property
    def attendance(self) -> dict[str, tuple[Meeting, ...]]:
        """For each member, the meetings it attended up to the day."""
        table: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings_until_today:
            for attendee in meeting.attendees:
                table[attendee].append(meeting)
        return {k: tuple(v) for k, v in table.items()}

    @functools.cached_property
    def participation(self) -> dict[str, dict[Month, float]]:
        """For each member, hours per month, up to the day's month."""
        current = Month.of(self.as_of)
        table: dict[str, dict[Month, float]] = defaultdict(dict)
        for record in self.coalition.participation:
            if record.month <= current:
                table[record.member][record.month] = record.hours
        return dict(table)

    @functools.cached_property
    def coalition_meetings_by_year(self) -> dict[int, tuple[Meeting, ...]]:
        """Annual and regional meetings held on or before the day, by year."""
        table: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings_until_today:
            if meeting.kind in COALITION_MEETING_KINDS:
                table[meeting.date.year].append(meeting)
        return {k: tuple(v) for k, v in table.items()}

    def months_back(self, count: int) -> tuple[Month, ...]:
        """The ``count`` complete months before the day's month, oldest first."""
        last = Month.of(self.as_of).minus(1)
        return tuple(last.minus(i) for i in reversed(range(count)))

    def hours(self, member: str) -> dict[Month, float]:
        """A member's hours per month (empty if it has no records)."""
        return self.participation.get(member, {})
