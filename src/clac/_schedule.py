"""The duty calendar both :mod:`clac.rules` and :mod:`clac.reporting` read: the quarterly report
cadence, meetings and their minutes, and the annual report's due date.

It lives below both (DESIGN.md: layers import downward only), so a finding and the report or
calendar a user prints can never disagree, and neither capability imports the other to get it.
:mod:`clac.reporting` re-exports every public name here.

- Reporting: "each Working Group will provide brief quarterly reports to the Secretariat". The
  charter sets no deadline; clac assumes a report is due ``report_due_days`` (30) days after its
  quarter ends — a parameter :class:`~clac.charter.Parameters` marks as clac's assumption.
  A working group owes a report for every quarter from the one it was formed in. As of a day,
  each quarter's report is **submitted** (on time), **late**, **received** (recorded without
  its submission date: received, but when is unknown), **missing** (not recorded and past due,
  where the registry's records of reports are complete: ``records_since``), **not yet due**,
  or **unrecorded** (not recorded where the registry does not say its records are complete:
  unknown, never missing).
- Reporting: "The Secretariat will be responsible for circulating meeting minutes". The charter
  sets no delay; clac allows ``minutes_grace_days`` (30) days (its assumption, a parameter).
- Membership: CLAC meetings "take place at least twice a year": the coalition's own meetings
  (annual and regional, :data:`COALITION_MEETING_KINDS`) per calendar year, against the minimum
  of the charter in force on the year's first day.
- Reporting: "The Secretariat will produce an electronic annual report". The charter sets no
  date; clac allows until the end of the ``annual_report_due_months``-th month (3: 31 March) of
  the next year (its assumption, a parameter).
"""

from __future__ import annotations

import calendar as _calendar
import enum
import html
import importlib
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from clac._deprecation import Counts
from clac.model import (
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    QuarterlyReport,
    RecordKind,
    WorkingGroup,
)
from clac.periods import DateValue, Quarter, latest
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.charter import Charter
    from clac.registry import Coalition

__all__ = [
    "COALITION_MEETING_KINDS",
    "MINUTES_GRACE_DAYS",
    "RECEIVED_STATES",
    "Cadence",
    "MinutesState",
    "ReportState",
    "ReportStatus",
    "ReportTally",
    "annual_report_documents",
    "annual_report_due",
    "cadence",
    "coalition_meetings",
    "first_quarter",
    "min_meetings_for",
    "minutes_grace_days",
    "minutes_state",
    "records_begin",
    "report_due",
    "report_status",
]

COALITION_MEETING_KINDS = frozenset({MeetingKind.ANNUAL, MeetingKind.REGIONAL})
"""Meetings of the whole coalition ('CLAC meetings, which take place at least twice a year');
working-group and steering-committee meetings are not counted toward that minimum."""


class ReportState(enum.StrEnum):
    """Where one quarter's report stands on a day."""

    SUBMITTED = "submitted"
    LATE = "late"
    RECEIVED = "received"
    MISSING = "missing"
    NOT_YET_DUE = "not-yet-due"
    UNRECORDED = "unrecorded"

    @property
    def label(self) -> Text:
        """The state in words."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    ReportState.SUBMITTED: Text("submitted", "presentado", pt="enviado"),
    ReportState.LATE: Text("late", "atrasado", pt="atrasado"),
    ReportState.RECEIVED: Text(
        "received (submission date not recorded)",
        "recibido (sin fecha de presentación registrada)",
        pt="recebido (sem data de envio registrada)",
    ),
    ReportState.MISSING: Text("missing", "faltante", pt="ausente"),
    ReportState.NOT_YET_DUE: Text("not yet due", "aún no vence", pt="ainda não vence"),
    ReportState.UNRECORDED: Text(
        "not recorded (unknown: outside the registry's complete records)",
        "sin registro (desconocido: fuera de los registros completos)",
        pt="sem registro (desconhecido: fora dos registros completos)",
    ),
}


@attrs.frozen(slots=True)
class ReportStatus:
    """One working group's report for one quarter, as of a day.

    ``days_overdue`` is how many days after its due date a late report came in, or a missing
    one is overdue on the day; ``None`` otherwise.
    """

    working_group: str
    period: Quarter
    due: date
    state: ReportState
    submitted: date | None = None
    days_overdue: int | None = None

    @property
    def is_gap(self) -> bool:
        """Late or missing: something the Secretariat did not receive on time."""
        return self.state in (ReportState.LATE, ReportState.MISSING)

    def describe(self, language: Language | str = Language.EN) -> str:
        """One line: group, quarter, state and dates."""
        text = f"{self.working_group} {self.period}: {self.state.label.in_(language)}"
        due = Text("due", "vence", pt="vence").in_(language)
        text += f" ({due} {self.due.isoformat()}"
        if self.submitted is not None:
            sent = Text("submitted", "presentado", pt="enviado").in_(language)
            text += f", {sent} {self.submitted.isoformat()}"
        return text + ")"


RECEIVED_STATES = frozenset({ReportState.SUBMITTED, ReportState.LATE, ReportState.RECEIVED})
"""States of a quarter whose report the registry records as received (on time, late, or on a
day not recorded)."""


@attrs.frozen(slots=True)
class ReportTally:
    """How many quarterly reports fell due by a day, and what became of them: the one count
    ``clac check`` (REP-01), the annual report and the calendar all give.

    ``due`` is every quarter whose due date has passed: ``received`` (``late`` and ``undated``
    among them) plus ``missing`` plus ``unrecorded`` (no report, outside the registry's
    complete records: unknown, never missing).
    """

    received: int = 0
    late: int = 0
    undated: int = 0
    missing: int = 0
    unrecorded: int = 0
    not_yet_due: int = 0

    @property
    def due(self) -> int:
        """Quarters past their due date, whatever became of their report."""
        return self.received + self.missing + self.unrecorded

    @classmethod
    def of(cls, statuses: Iterable[ReportStatus]) -> ReportTally:
        """The tally of ``statuses``."""
        counter = Counter(s.state for s in statuses)
        return cls(
            received=sum(counter[state] for state in RECEIVED_STATES),
            late=counter[ReportState.LATE],
            undated=counter[ReportState.RECEIVED],
            missing=counter[ReportState.MISSING],
            unrecorded=counter[ReportState.UNRECORDED],
            not_yet_due=counter[ReportState.NOT_YET_DUE],
        )


class Cadence(tuple[ReportStatus, ...]):
    """Report statuses, one per working group and quarter, as of :attr:`as_of`.

    A tuple (``len``, iteration and indexing work as usual) with filters, a pandas view and an
    HTML table for notebooks.
    """

    as_of: date

    def __new__(cls, statuses: Iterable[ReportStatus] = (), *, as_of: date) -> Cadence:
        self = super().__new__(cls, tuple(statuses))
        self.as_of = as_of
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (tuple(self), self.as_of))

    def where(
        self,
        *,
        state: ReportState | str | None = None,
        working_group: str | None = None,
        year: int | None = None,
    ) -> Cadence:
        """The statuses matching every given filter."""
        wanted = None if state is None else ReportState(state)
        return Cadence(
            (
                s
                for s in self
                if (wanted is None or s.state is wanted)
                and (working_group is None or s.working_group == working_group)
                and (year is None or s.period.year == year)
            ),
            as_of=self.as_of,
        )

    @property
    def missing(self) -> Cadence:
        """Reports not submitted and past due."""
        return self.where(state=ReportState.MISSING)

    @property
    def late(self) -> Cadence:
        """Reports submitted after their due date."""
        return self.where(state=ReportState.LATE)

    @property
    def received(self) -> Cadence:
        """Reports the registry records as received (on time, late or on an unrecorded day)."""
        return Cadence((s for s in self if s.state in RECEIVED_STATES), as_of=self.as_of)

    def tally(self) -> ReportTally:
        """How many reports fell due and what became of them (:class:`ReportTally`)."""
        return ReportTally.of(self)

    @property
    def counts(self) -> Counts[ReportState]:
        """How many statuses have each state (every state present, zero included); calling
        it, ``counts()``, is deprecated."""
        counter = Counter(s.state for s in self)
        return Counts({state: counter.get(state, 0) for state in ReportState}, "Cadence")

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame``, one row per status (needs pandas installed)."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise ImportError("Cadence.to_dataframe() needs pandas: pip install pandas") from None
        rows = [
            {
                "working_group": s.working_group,
                "period": str(s.period),
                "year": s.period.year,
                "quarter": s.period.quarter,
                "due": s.due,
                "state": s.state.value,
                "submitted": s.submitted,
                "days_overdue": s.days_overdue,
            }
            for s in self
        ]
        columns = [
            "working_group",
            "period",
            "year",
            "quarter",
            "due",
            "state",
            "submitted",
            "days_overdue",
        ]
        return pandas.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th>{h}</th>"
            for h in ("working group", "quarter", "due", "state", "submitted", "days overdue")
        )
        rows = "".join(
            "<tr>"
            f"<td>{html.escape(s.working_group)}</td><td>{s.period}</td>"
            f"<td>{s.due.isoformat()}</td>"
            f'<td class="clac-{s.state.value}">{html.escape(s.state.label.en)}</td>'
            f"<td>{'' if s.submitted is None else s.submitted.isoformat()}</td>"
            f"<td>{'' if s.days_overdue is None else s.days_overdue}</td>"
            "</tr>"
            for s in self
        )
        counts = ", ".join(f"{n} {state.label.en}" for state, n in self.counts.items() if n)
        return (
            f"<p>Quarterly reports as of {self.as_of.isoformat()}: {html.escape(counts)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {state.value}" for state, n in self.counts.items() if n)
        return f"<Cadence as of {self.as_of.isoformat()}: {len(self)} reports ({counts or 'none'})>"


def _rebuild(statuses: tuple[ReportStatus, ...], as_of: date) -> Cadence:
    return Cadence(statuses, as_of=as_of)


# --------------------------------------------------------------------------- computing


def _first_charter(coalition: Coalition) -> Charter:
    return coalition.charter.original


def report_due(coalition: Coalition, period: Quarter) -> date:
    """The day ``period``'s report is due: the quarter's last day plus ``report_due_days`` of
    the charter in force that day (clac's assumption, 30 days, unless amended)."""
    first = _first_charter(coalition)
    day = max(period.last_day, first.effective)
    days = coalition.charter_in_force(day).parameters.report_due_days
    return period.last_day + timedelta(days=days)


def records_begin(coalition: Coalition, as_of: date) -> Quarter | None:
    """The first quarter whose reports the registry records completely: the first quarter
    that begins on or after its ``records_since`` for reports, if that quarter has begun by
    ``as_of``; ``None`` when the registry does not say (then no report is ever *missing*,
    only *unrecorded*)."""
    since = coalition.records_since_for(RecordKind.REPORTS)
    if since is None:
        return None
    first = Quarter.of(since)
    if first.first_day < since:
        first = first.next()
    return first if first.first_day <= as_of else None


def _quarters(first: Quarter, last: Quarter) -> Iterator[Quarter]:
    quarter = first
    while quarter <= last:
        yield quarter
        quarter = quarter.next()


def first_quarter(coalition: Coalition, formed: DateValue) -> Quarter:
    """The first quarter a group formed on ``formed`` reports for (not before the charter).

    A group formed on an approximate date (``2016``) reports from the quarter it had certainly
    been formed by (2016-Q4): clac never counts a report due that may not have been owed.
    """
    return Quarter.of(max(latest(formed), _first_charter(coalition).effective))


def _status(
    group: str,
    period: Quarter,
    due: date,
    report: QuarterlyReport | None,
    *,
    as_of: date,
    begin: Quarter | None,
) -> ReportStatus:
    submitted = None if report is None else report.submitted
    if report is not None and submitted is None:
        return ReportStatus(group, period, due, ReportState.RECEIVED)
    if submitted is not None and submitted <= as_of:
        if submitted <= due:
            return ReportStatus(group, period, due, ReportState.SUBMITTED, submitted)
        late_by = (submitted - due).days
        return ReportStatus(group, period, due, ReportState.LATE, submitted, late_by)
    if as_of <= due:
        return ReportStatus(group, period, due, ReportState.NOT_YET_DUE)
    if begin is None or period < begin:  # the registry does not say it would know
        return ReportStatus(group, period, due, ReportState.UNRECORDED)
    return ReportStatus(group, period, due, ReportState.MISSING, None, (as_of - due).days)


def report_status(
    coalition: Coalition, working_group: str, period: Quarter, as_of: date
) -> ReportStatus:
    """The state of ``working_group``'s report for ``period`` as of ``as_of`` — the one
    :func:`cadence` gives for a quarter up to ``as_of``'s, and *not yet due* for a later one
    (what a calendar shows ahead)."""
    report = coalition.report(working_group, period.year, period.quarter)
    begin = records_begin(coalition, as_of)
    return _status(
        working_group,
        period,
        report_due(coalition, period),
        report,
        as_of=as_of,
        begin=begin,
    )


def cadence(
    coalition: Coalition,
    as_of: date,
    *,
    working_group: str | None = None,
    year: int | None = None,
) -> Cadence:
    """Every working group's report status for each quarter from the one it was formed in to
    the quarter of ``as_of``, ordered by group (registry order) then quarter.

    A report submitted after ``as_of`` counts as not yet submitted on that day, so the cadence
    of a past day reads as it did then; a report recorded without its submission date is
    *received*. A quarter with no report is *missing* only from :func:`records_begin` on.
    ``working_group`` limits it to one group, ``year`` to the quarters of one year.
    """
    groups: tuple[WorkingGroup, ...] = (
        coalition.working_groups
        if working_group is None
        else (coalition.working_group(working_group),)
    )
    begin = records_begin(coalition, as_of)
    last = Quarter.of(as_of)
    statuses: list[ReportStatus] = []
    dues: dict[Quarter, date] = {}  # every group shares the quarters' due dates
    for group in groups:
        if group.formed > as_of:
            continue
        first = first_quarter(coalition, group.formed)
        if year is not None:
            first = max(first, Quarter(year, 1))
        until = last if year is None else min(last, Quarter(year, 4))
        for period in _quarters(first, until):
            report = coalition.report(group.id, period.year, period.quarter)
            due = dues.get(period) or dues.setdefault(period, report_due(coalition, period))
            statuses.append(_status(group.id, period, due, report, as_of=as_of, begin=begin))
    return Cadence(statuses, as_of=as_of)


# ------------------------------------------------------------------------- meetings


MINUTES_GRACE_DAYS = 30
"""The default of the parameter ``minutes_grace_days``: days after a meeting within which
uncirculated minutes are not yet a gap (clac's assumption; the charter sets no delay)."""


class MinutesState(enum.StrEnum):
    """Whether a meeting's minutes have been circulated, as of a day."""

    CIRCULATED = "circulated"
    PENDING = "pending"
    NOT_CIRCULATED = "not-circulated"
    UNRECORDED = "unrecorded"
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
    MinutesState.UNRECORDED: Text(
        "circulation not recorded",
        "circulación no registrada",
        pt="circulação não registrada",
    ),
    MinutesState.UPCOMING: Text(
        "meeting not yet held", "reunión aún no celebrada", pt="reunião ainda não realizada"
    ),
}


def minutes_grace_days(coalition: Coalition | None, meeting: Meeting) -> int:
    """``minutes_grace_days`` of the charter in force on the meeting's day (the default
    without a coalition)."""
    if coalition is None:
        return MINUTES_GRACE_DAYS
    day = max(meeting.date, coalition.charter.original.effective)
    return coalition.charter_in_force(day).parameters.minutes_grace_days


def minutes_state(
    meeting: Meeting, as_of: date, *, coalition: Coalition | None = None
) -> MinutesState:
    """Whether ``meeting``'s minutes were circulated by ``as_of``.

    A meeting after ``as_of`` is upcoming; minutes circulated after ``as_of`` count as not yet
    circulated on that day; a meeting less than ``minutes_grace_days`` days before ``as_of``
    without circulated minutes is pending, not yet a gap. Past that, minutes without a
    circulation date are *not circulated* where the coalition's meeting records are complete
    (its ``records_since`` is on or before the meeting), and *unrecorded* — unknown —
    elsewhere. Without ``coalition`` the records count as complete and the grace is
    :data:`MINUTES_GRACE_DAYS`.
    """
    if meeting.date > as_of:
        return MinutesState.UPCOMING
    circulated = None if meeting.minutes is None else meeting.minutes.circulated
    if circulated is not None and circulated <= as_of:
        return MinutesState.CIRCULATED
    if as_of - meeting.date < timedelta(days=minutes_grace_days(coalition, meeting)):
        return MinutesState.PENDING
    if coalition is not None:
        since = coalition.records_since_for(RecordKind.MEETINGS)
        if since is None or meeting.date < since:
            return MinutesState.UNRECORDED
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


def annual_report_due(year: int, coalition: Coalition | None = None) -> date:
    """The last day to publish ``year``'s annual report: the last day of the
    ``annual_report_due_months``-th month of the next year — 31 March by default (clac's
    assumption; the charter sets no date), as the charter in force on that year's first day
    sets it (the default without ``coalition``)."""
    months = 3
    if coalition is not None:
        first = coalition.charter.original.effective
        charter = coalition.charter_in_force(max(date(year + 1, 1, 1), first))
        months = charter.parameters.annual_report_due_months
    due_year, month = year + 1 + (months - 1) // 12, (months - 1) % 12 + 1
    return date(due_year, month, _calendar.monthrange(due_year, month)[1])


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
