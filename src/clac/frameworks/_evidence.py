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

For the treaties clac ships facts about (:mod:`clac.frameworks._treaty`), those facts are
evidence too (``shipped``), each with its sources; a registry's own evidence on a country and
an item (an assessment or an advance) replaces the shipped evidence on that country and item.
Pass ``shipped=False`` to :func:`evidence` to leave the shipped facts out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from clac.frameworks._catalogue import FRAMEWORKS
from clac.frameworks._framework import Framework
from clac.frameworks._references import check_references
from clac.frameworks._treaty import FactEvidence, facts_evidence, shipped_facts
from clac.model import Confidence, CountryAssessment, LegislativeAdvance, Outcome, QuarterlyReport
from clac.periods import DateValue, latest
from clac.registry import Coalition

__all__ = ["Evidence", "evidence", "shipped_evidence", "standing"]


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
    #: Shipped with clac (a treaty fact), not entered in the registry.
    shipped: bool = False
    #: Computed from the treaty's rule (entry into force), not stated by a source.
    derived: bool = False
    #: The sources disagree about the day (see :func:`clac.frameworks.treaty_conflicts`).
    conflict: bool = False
    #: Every source of a shipped fact: ``(url, day read, confidence)``.
    sources: tuple[tuple[str, dt.date, Confidence], ...] = ()
    note: str | None = None

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


_CONFIDENCE_ORDER = {
    Confidence.HIGH: 3,
    Confidence.MEDIUM_HIGH: 2,
    Confidence.MEDIUM: 1,
    Confidence.LOW: 0,
}


def _from_fact(framework: Framework, found: FactEvidence) -> Evidence:
    facts = shipped_facts(framework.id)
    assert facts is not None  # noqa: S101 - called only for a framework with shipped facts
    sources = tuple(
        dict.fromkeys(
            (facts.source(f.source).url, facts.source(f.source).retrieved, facts.confidence(f))
            for f in found.facts
        )
    )
    confidence = min((c for _, _, c in sources), key=_CONFIDENCE_ORDER.__getitem__)
    return Evidence(
        country=found.country,
        item=found.item,
        outcome=found.outcome,
        date=found.date,
        source=sources[0][0],
        illustrative=False,
        confidence=confidence,
        shipped=True,
        derived=found.derived,
        conflict=found.conflict,
        sources=sources,
        note=found.note,
    )


def shipped_evidence(framework: Framework) -> tuple[Evidence, ...]:
    """The evidence clac ships on ``framework`` (treaty facts), in no particular order; empty
    for a framework clac ships no facts about."""
    facts = shipped_facts(framework.id)
    if facts is None:
        return ()
    items = set(framework.item_ids)
    return tuple(
        _from_fact(framework, e) for e in facts_evidence(framework.id, facts) if e.item in items
    )


def _flag_disagreements(found: list[Evidence]) -> list[Evidence]:
    """Assessments of one country and item on one day from several sources: kept, and flagged
    as a conflict (with every source and outcome in the note) when their outcomes differ."""
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    for e in found:
        if e.assessment is not None:
            groups.setdefault((e.country, e.item, str(e.date)), []).append(e)
    flagged: dict[int, Evidence] = {}
    for group in groups.values():
        if len({e.outcome for e in group}) < 2:
            continue
        said = "; ".join(f"{e.source}: {e.outcome.value}" for e in group)
        for e in group:
            flagged[id(e)] = attrs.evolve(
                e, conflict=True, note=f"sources disagree ({said}); the registry's last counts"
            )
    return [flagged.get(id(e), e) for e in found]


def evidence(
    coalition: Coalition, framework: Framework, *, shipped: bool = True
) -> tuple[Evidence, ...]:
    """Every piece of evidence on ``framework`` in the registry, oldest first, with the facts
    clac ships (``shipped``) on the countries and items the registry says nothing of.

    Sorting is stable, so among equals the registry's order is kept and the later entry wins.
    """
    check_references(coalition, {**FRAMEWORKS, framework.id: framework})
    found = [_from_assessment(a) for a in coalition.assessments if a.framework == framework.id]
    for report in coalition.reports:
        found.extend(_from_advances(framework, report))
    found = _flag_disagreements(found)
    if shipped:
        own = {(e.country, e.item) for e in found}
        found[:0] = [e for e in shipped_evidence(framework) if (e.country, e.item) not in own]
    return tuple(sorted(found, key=lambda e: e._rank))


def standing(found: Iterable[Evidence], on: dt.date) -> Mapping[tuple[str, str], Evidence]:
    """The deciding evidence per ``(country, item)`` on the day ``on`` (oldest-first input)."""
    decided: dict[tuple[str, str], Evidence] = {}
    for e in found:
        if latest(e.date) > on:
            break
        decided[(e.country, e.item)] = e
    return decided
