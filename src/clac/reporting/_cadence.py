"""The quarterly reporting cadence: which report each working group owes, when, and its state.

Reporting: "each Working Group will provide brief quarterly reports to the Secretariat". The
charter sets no deadline; clac assumes a report is due ``report_due_days`` (30) days after its
quarter ends — :class:`~clac.charter.Parameters` marks that number as clac's, not the charter's.

A working group owes a report for every quarter from the one it was formed in. As of a day,
each quarter's report is **submitted** (on time), **late** (submitted after its due date),
**missing** (not submitted and past due) or **not yet due**. One more state keeps the registry
honest: the quarters before the first quarter the registry holds any report for are
**unrecorded** — a registry often starts partway through a coalition's life, and there a report
never sent cannot be told from one never entered, so clac does not call it missing.
"""

from __future__ import annotations

import enum
import html
import importlib
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from clac.errors import CrossReferenceError, InvalidData, Problem, UnknownReference
from clac.model import QuarterlyReport, WorkingGroup
from clac.periods import DateValue, Quarter, latest
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.charter import Charter
    from clac.registry import Coalition

__all__ = [
    "Cadence",
    "ReportState",
    "ReportStatus",
    "cadence",
    "records_begin",
    "report_due",
    "reports_after",
    "validate_report",
]


class ReportState(enum.StrEnum):
    """Where one quarter's report stands on a day."""

    SUBMITTED = "submitted"
    LATE = "late"
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
    ReportState.MISSING: Text("missing", "faltante", pt="ausente"),
    ReportState.NOT_YET_DUE: Text("not yet due", "aún no vence", pt="ainda não vence"),
    ReportState.UNRECORDED: Text(
        "not recorded (before the registry's records)",
        "sin registro (antes de los registros)",
        pt="sem registro (antes dos registros)",
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

    def counts(self) -> dict[ReportState, int]:
        """How many statuses have each state (every state present, zero included)."""
        counter = Counter(s.state for s in self)
        return {state: counter.get(state, 0) for state in ReportState}

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
        counts = ", ".join(f"{n} {state.label.en}" for state, n in self.counts().items() if n)
        return (
            f"<p>Quarterly reports as of {self.as_of.isoformat()}: {html.escape(counts)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {state.value}" for state, n in self.counts().items() if n)
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
    """The first quarter the registry holds any working group's report for, among quarters
    begun by ``as_of``; ``None`` when it holds none."""
    last = Quarter.of(as_of)
    now = (last.year, last.quarter)
    begun = [(r.year, r.quarter) for r in coalition.reports if (r.year, r.quarter) <= now]
    return Quarter(*min(begun)) if begun else None


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
    if submitted is not None and submitted <= as_of:
        if submitted <= due:
            return ReportStatus(group, period, due, ReportState.SUBMITTED, submitted)
        late_by = (submitted - due).days
        return ReportStatus(group, period, due, ReportState.LATE, submitted, late_by)
    if as_of <= due:
        return ReportStatus(group, period, due, ReportState.NOT_YET_DUE)
    if begin is None or period < begin:
        return ReportStatus(group, period, due, ReportState.UNRECORDED)
    return ReportStatus(group, period, due, ReportState.MISSING, None, (as_of - due).days)


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
    of a past day reads as it did then. ``working_group`` limits it to one group, ``year`` to
    the quarters of one year.
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


# --------------------------------------------------------------------------- validation


def _after(day: date) -> Text:
    return Text(
        f"is after {day.isoformat()}, the day of the check",
        f"es posterior al {day.isoformat()}, el día de la verificación",
        pt=f"é posterior a {day.isoformat()}, o dia da verificação",
    )


def _after_the_day(report: QuarterlyReport, as_of: date) -> Iterator[Problem]:
    """What ``report`` records after ``as_of``: a quarter not begun, a submission or a
    legislative advance dated later."""
    period = report.period
    if period.first_day > as_of:
        yield Problem(
            Text(
                f"is a quarter that has not begun on {as_of.isoformat()}",
                f"es un trimestre que no ha comenzado el {as_of.isoformat()}",
                pt=f"é um trimestre que não começou em {as_of.isoformat()}",
            ),
            path="quarter",
            value=str(period),
        )
    if report.submitted is not None and report.submitted > as_of:
        yield Problem(_after(as_of), path="submitted", value=report.submitted.isoformat())
    for i, advance in enumerate(report.legislative_advances):
        if advance.date > as_of:
            yield Problem(
                _after(as_of),
                path=f"legislative_advances[{i}].date",
                value=advance.date.isoformat(),
            )


def _joining_problems(coalition: Coalition, report: QuarterlyReport) -> Iterator[Problem]:
    """What would stop ``report`` from joining the registry: a second report for its group and
    quarter, or references the registry's own cross-reference check refuses."""
    existing = coalition.report(report.working_group, report.year, report.quarter)
    if existing is not None:
        if existing != report:
            yield Problem(
                Text(
                    f"the registry already holds a report of {report.working_group} for "
                    f"{report.period}",
                    f"el registro ya tiene un informe de {report.working_group} para "
                    f"{report.period}",
                ),
                path="quarter",
                value=str(report.period),
            )
        return
    prefix = f"reports[{len(coalition.reports)}]"
    try:
        coalition.evolve(reports=(*coalition.reports, report))
    except CrossReferenceError as error:
        for problem in error.problems:
            path = problem.path.removeprefix(prefix).removeprefix(".")
            yield Problem(problem.reason, path=path, value=problem.value)


def validate_report(coalition: Coalition, report: QuarterlyReport, as_of: date) -> None:
    """Check ``report`` against the registry and the day, beyond what the model checks itself.

    Raises :class:`~clac.errors.UnknownReference` for a working group the registry does not
    know, and :class:`~clac.errors.InvalidData` listing every other problem: a quarter that has
    not begun on ``as_of``, a submission or legislative advance dated after ``as_of`` (a new
    report cannot record the future), and whatever would stop the registry from holding it —
    a quarter before the group was formed, a second report for the same group and quarter,
    goals, members or organizations the charter or registry do not know.
    """
    if not isinstance(report, QuarterlyReport):
        raise InvalidData("must be a QuarterlyReport", path="report", value=report)
    try:
        coalition.working_group(report.working_group)
    except UnknownReference as error:
        raise error.under("working_group") from None
    problems = [*_after_the_day(report, as_of), *_joining_problems(coalition, report)]
    if problems:
        raise InvalidData(problems=problems)


def reports_after(coalition: Coalition, as_of: date) -> tuple[Problem, ...]:
    """What the registry's reports record after ``as_of``, each under ``reports[i]``: a quarter
    that has not begun, a submission or a legislative advance dated later.

    These are warnings, never a verdict on the registry: whether a registry is valid does not
    depend on the day it is read (:class:`~clac.registry.Coalition` alone decides, the same
    for every command and function). Seen "as of" an earlier day, such records had simply not
    happened yet: the cadence counts a later submission as not yet made, and the annual report
    leaves later reports out. ``clac check``, ``clac report annual`` and ``clac calendar`` print
    them as warnings.

    >>> from datetime import date
    >>> from clac import demo
    >>> [p.message() for p in reports_after(demo(), date(2026, 11, 1))]
    []
    >>> reports_after(demo(), date(2026, 8, 1))[0].message()
    "reports[59].submitted: '2026-10-22' is after 2026-08-01, the day of the check"
    """
    return tuple(
        problem.under(f"reports[{index}]")
        for index, report in enumerate(coalition.reports)
        for problem in _after_the_day(report, as_of)
    )
