"""Meetings as the reporting duties see them: minutes circulated, coalition meetings per year,
and the Secretariat's annual report for a year.

- Reporting: "The Secretariat will be responsible for circulating meeting minutes". The charter
  sets no delay; clac allows :data:`MINUTES_GRACE_DAYS` (30) days after a meeting before its
  minutes count as not circulated (clac's assumption).
- Membership: CLAC meetings "take place at least twice a year". clac counts the coalition's own
  meetings (annual and regional, :data:`~clac.rules.COALITION_MEETING_KINDS`) per calendar year,
  against the minimum of the charter in force on the year's first day, so an amendment changes
  only the years that begin after it takes effect.
- Reporting: "The Secretariat will produce an electronic annual report". clac looks for a
  document of kind ``annual-report`` whose ``year`` is the year, and allows until the end of the
  next year's first quarter (:func:`annual_report_due`) to publish it (clac's assumption).
"""

from __future__ import annotations

import enum
from datetime import date, timedelta
from typing import TYPE_CHECKING

from clac.model import Document, DocumentKind, Meeting
from clac.rules._context import COALITION_MEETING_KINDS
from clac.text import Text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = [
    "COALITION_MEETING_KINDS",
    "MINUTES_GRACE_DAYS",
    "MinutesState",
    "annual_report_documents",
    "annual_report_due",
    "coalition_meetings",
    "min_meetings_for",
    "minutes_state",
]

MINUTES_GRACE_DAYS = 30
"""Days after a meeting within which uncirculated minutes are not yet a gap (clac's choice)."""


class MinutesState(enum.StrEnum):
    """Whether a meeting's minutes have been circulated, as of a day."""

    CIRCULATED = "circulated"
    PENDING = "pending"
    NOT_CIRCULATED = "not-circulated"
    UPCOMING = "upcoming"

    @property
    def label(self) -> Text:
        """The state in words."""
        return _MINUTES_LABELS[self]


_MINUTES_LABELS = {
    MinutesState.CIRCULATED: Text("circulated", "circuladas", pt="circuladas"),
    MinutesState.PENDING: Text(
        "not yet circulated (within the grace period)",
        "aún no circuladas (dentro del plazo de gracia)",
        pt="ainda não circuladas (dentro do prazo de carência)",
    ),
    MinutesState.NOT_CIRCULATED: Text("not circulated", "no circuladas", pt="não circuladas"),
    MinutesState.UPCOMING: Text(
        "meeting not yet held", "reunión aún no celebrada", pt="reunião ainda não realizada"
    ),
}


def minutes_state(meeting: Meeting, as_of: date) -> MinutesState:
    """Whether ``meeting``'s minutes were circulated by ``as_of``.

    A meeting after ``as_of`` is upcoming; minutes circulated after ``as_of`` count as not yet
    circulated on that day; a meeting less than :data:`MINUTES_GRACE_DAYS` days before
    ``as_of`` without circulated minutes is pending, not yet a gap.
    """
    if meeting.date > as_of:
        return MinutesState.UPCOMING
    circulated = None if meeting.minutes is None else meeting.minutes.circulated
    if circulated is not None and circulated <= as_of:
        return MinutesState.CIRCULATED
    if as_of - meeting.date < timedelta(days=MINUTES_GRACE_DAYS):
        return MinutesState.PENDING
    return MinutesState.NOT_CIRCULATED


def coalition_meetings(
    coalition: Coalition, year: int, *, as_of: date | None = None
) -> tuple[Meeting, ...]:
    """The annual and regional meetings held in ``year`` (up to ``as_of``), by date."""
    return tuple(
        sorted(
            (
                m
                for m in coalition.meetings
                if m.date.year == year
                and m.kind in COALITION_MEETING_KINDS
                and (as_of is None or m.date <= as_of)
            ),
            key=lambda m: (m.date, m.id),
        )
    )


def min_meetings_for(coalition: Coalition, year: int) -> int:
    """``min_meetings_per_year`` of the charter in force on the first day of ``year`` (or of
    the first charter, for a year before it)."""
    first = coalition.charter.original.effective
    return coalition.charter_in_force(max(date(year, 1, 1), first)).parameters.min_meetings_per_year


def annual_report_due(year: int) -> date:
    """The last day to publish ``year``'s annual report: the end of the next year's first
    quarter (clac's assumption; the charter sets no date)."""
    return date(year + 1, 3, 31)


def annual_report_documents(
    coalition: Coalition, year: int, *, as_of: date | None = None
) -> tuple[Document, ...]:
    """Documents of kind ``annual-report`` for ``year`` (dated up to ``as_of``)."""
    return tuple(
        d
        for d in coalition.documents
        if d.kind is DocumentKind.ANNUAL_REPORT
        and d.year == year
        and (as_of is None or d.date <= as_of)
    )
