"""Evidence of a country's standing on a framework item, and its standing on a given day.

Two things in a registry say where a country stands on an item:

- a :class:`~clac.model.CountryAssessment` entered in the registry's ``assessments``;
- a :class:`~clac.model.LegislativeAdvance` of a quarterly report (Reporting, item 5) that
  cites the item in ``criteria`` and gives an ``outcome``.

A country's standing on a day is the latest evidence dated on or before that day; with none, it
is ``unknown``. On the same day an entered assessment outranks an advance, and later entries in
the registry outrank earlier ones. Evidence dated after the day never changes the standing.
Evidence dated only roughly (``2013``, ``2013-06``) counts from the last day it may stand for
(2013-12-31, 2013-06-30): clac never invents the day a treaty entered into force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from clac.frameworks._catalogue import FRAMEWORKS
from clac.frameworks._framework import Framework
from clac.frameworks._references import check_references
from clac.model import Confidence, CountryAssessment, LegislativeAdvance, Outcome, QuarterlyReport
from clac.periods import DateValue, latest
from clac.registry import Coalition

__all__ = ["Evidence", "evidence", "standing"]


@attrs.frozen(slots=True)
class Evidence:
    """One dated statement of a country's outcome on an item, and where it comes from.

    Exactly one of ``assessment`` and ``advance`` is set; ``report`` is the quarterly report
    ``(working group, year, quarter)`` an advance was reported in.
    """

    country: str
    item: str
    outcome: Outcome
    date: DateValue
    source: str
    illustrative: bool
    assessment: CountryAssessment | None = None
    advance: LegislativeAdvance | None = None
    report: tuple[str, int, int] | None = None
    confidence: Confidence | None = None

    @property
    def _rank(self) -> tuple[dt.date, int]:
        # On one day an entered assessment outranks an advance.
        return (latest(self.date), 1 if self.assessment is not None else 0)


def _from_assessment(a: CountryAssessment) -> Evidence:
    return Evidence(
        country=a.country,
        item=a.item,
        outcome=a.outcome,
        date=a.date,
        source=a.source,
        illustrative=a.illustrative,
        assessment=a,
        confidence=a.confidence,
    )


def _from_advances(framework: Framework, report: QuarterlyReport) -> Iterable[Evidence]:
    prefix = f"{framework.id}/"
    for advance in report.legislative_advances:
        if advance.outcome is None:
            continue
        for ref in advance.criteria:
            if ref.startswith(prefix):
                yield Evidence(
                    country=advance.country,
                    item=ref[len(prefix) :],
                    outcome=advance.outcome,
                    date=advance.date,
                    source=advance.instrument,
                    illustrative=advance.illustrative,
                    advance=advance,
                    report=(report.working_group, report.year, report.quarter),
                )


def evidence(coalition: Coalition, framework: Framework) -> tuple[Evidence, ...]:
    """Every piece of evidence on ``framework`` in the registry, oldest first.

    Sorting is stable, so among equals the registry's order is kept and the later entry wins.
    """
    check_references(coalition, {**FRAMEWORKS, framework.id: framework})
    found = [_from_assessment(a) for a in coalition.assessments if a.framework == framework.id]
    for report in coalition.reports:
        found.extend(_from_advances(framework, report))
    return tuple(sorted(found, key=lambda e: e._rank))


def standing(found: Iterable[Evidence], on: dt.date) -> Mapping[tuple[str, str], Evidence]:
    """The deciding evidence per ``(country, item)`` on the day ``on`` (oldest-first input)."""
    decided: dict[tuple[str, str], Evidence] = {}
    for e in found:
        if latest(e.date) > on:
            break
        decided[(e.country, e.item)] = e
    return decided
