"""Checking a quarterly report against the registry and the day.

The cadence itself — which report each working group owes, when, and its state — is computed
in :mod:`clac._schedule`, below both :mod:`clac.rules` and :mod:`clac.reporting`, and
re-exported from :mod:`clac.reporting`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from clac.errors import CrossReferenceError, InvalidData, Problem, UnknownReference
from clac.model import QuarterlyReport
from clac.text import Text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = ["reports_after", "validate_report"]


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
