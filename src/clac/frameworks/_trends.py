"""Trends: what changed in the region's standing between two dates, and what came before it.

Policy Goals, item 2 (PG-1: "… gaps, challenges and trends"). A *change* is a piece of
evidence, dated after ``start`` and on or before ``end``, that moves a country's outcome on an
item. Its
*precursors* are the quarterly-report entries (Reporting, items 3-5) of the same country that
the coalition reported in a quarter overlapping ``(start, change date]`` and that the framework
links to the item — never merely because they came earlier in the same country:

- legislative advances in that country citing the item itself (``cites_item``, listed first),
  an item the framework declares a precursor of it (:attr:`FrameworkItem.precursors`:
  ``ratified`` before ``in-force``), or an item of the same area (an advance citing a Budapest
  Convention item is no precursor of a hotline);
- activities naming that country and policies of that country whose policy goals are linked
  to the item by :data:`~clac.frameworks.GOAL_LINKS` (an activity naming no country is
  regional work and is not counted for any one country).

A precursor is context, not a cause: clac shows what preceded a change, never why it happened.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from clac.errors import InvalidData
from clac.frameworks._catalogue import FRAMEWORKS
from clac.frameworks._evidence import Evidence, evidence, standing
from clac.frameworks._framework import Framework
from clac.frameworks._goals import goals_for
from clac.frameworks._matrix import check_countries, check_date
from clac.model import Outcome, QuarterlyReport
from clac.periods import DateValue, latest
from clac.registry import Coalition
from clac.text import Text

__all__ = ["Change", "Direction", "Precursor", "PrecursorKind", "Trend", "trends"]

_ORDER = {Outcome.NOT_MET: 0, Outcome.PARTLY_MET: 1, Outcome.MET: 2}


class Direction(enum.StrEnum):
    """Which way a change moved a country's standing."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    FIRST_ASSESSED = "first-assessed"
    NO_LONGER_KNOWN = "no-longer-known"

    @property
    def label(self) -> Text:
        """The direction in English, Spanish and Portuguese."""
        return _DIRECTION_LABELS[self]


_DIRECTION_LABELS = {
    Direction.IMPROVED: Text("improved", "mejoró", pt="melhorou"),
    Direction.WORSENED: Text("worsened", "empeoró", pt="piorou"),
    Direction.FIRST_ASSESSED: Text("first assessed", "primera evaluación", pt="primeira avaliação"),
    Direction.NO_LONGER_KNOWN: Text("no longer known", "ya sin datos", pt="sem dados agora"),
}


class PrecursorKind(enum.StrEnum):
    """The section of a quarterly report a precursor comes from (Reporting, items 3-5)."""

    ACTIVITY = "activity"
    POLICY = "policy"
    LEGISLATIVE_ADVANCE = "legislative-advance"


@attrs.frozen(slots=True)
class Precursor:
    """A quarterly-report entry reported before a change, in the same country."""

    kind: PrecursorKind
    working_group: str
    year: int
    quarter: int
    description: str
    goals: tuple[str, ...] = ()
    cites_item: bool = False


@attrs.frozen(slots=True)
class Change:
    """A country's outcome on an item moving from ``before`` to ``after`` on ``date``."""

    country: str
    item: str
    before: Outcome
    after: Outcome
    date: DateValue
    evidence: Evidence
    preceded_by: tuple[Precursor, ...]

    @property
    def direction(self) -> Direction:
        """Improved, worsened, first assessed, or no longer known."""
        if self.before is Outcome.UNKNOWN:
            return Direction.FIRST_ASSESSED
        if self.after is Outcome.UNKNOWN:
            return Direction.NO_LONGER_KNOWN
        if _ORDER[self.after] > _ORDER[self.before]:
            return Direction.IMPROVED
        return Direction.WORSENED


@attrs.frozen(slots=True)
class Trend:
    """Every change of one framework between ``start`` (exclusive) and ``end`` (inclusive)."""

    framework: Framework
    start: date
    end: date
    changes: tuple[Change, ...]

    def net(self) -> tuple[Change, ...]:
        """One change per (country, item) that ended elsewhere than it began, the last kept.

        Its ``before`` is the outcome on ``start``, so a back-and-forth that returned to where
        it began is not a net change.
        """
        first: dict[tuple[str, str], Outcome] = {}
        last: dict[tuple[str, str], Change] = {}
        for change in self.changes:
            key = (change.country, change.item)
            first.setdefault(key, change.before)
            last[key] = change
        return tuple(
            attrs.evolve(change, before=first[key])
            for key, change in last.items()
            if first[key] is not change.after
        )

    def by_direction(self, direction: Direction) -> tuple[Change, ...]:
        """The changes that moved in ``direction``."""
        return tuple(c for c in self.changes if c.direction is direction)

    @property
    def illustrative(self) -> bool:
        """Whether any change rests on illustrative evidence."""
        return any(c.evidence.illustrative for c in self.changes)


def _overlaps(report: QuarterlyReport, start: date, end: date) -> bool:
    period = report.period
    return bool(period.first_day <= end and period.last_day > start)


def _precursors(
    reports: Iterable[QuarterlyReport],
    country: str,
    framework: Framework,
    item: str,
    *,
    start: date,
    end: date,
) -> Iterator[Precursor]:
    ref = f"{framework.id}/{item}"
    linked = set(goals_for(ref))
    for report in reports:
        if not _overlaps(report, start, end):
            continue
        where = (report.working_group, report.year, report.quarter)
        for advance in report.legislative_advances:
            if (
                advance.country == country
                and start < latest(advance.date) <= end
                and any(framework.related(cited, item) for cited in advance.criteria)
            ):
                yield Precursor(
                    PrecursorKind.LEGISLATIVE_ADVANCE,
                    *where,
                    description=f"{advance.instrument}: {advance.description}",
                    cites_item=ref in advance.criteria,
                )
        for activity in report.activities:
            if country in activity.countries and linked & set(activity.goals):
                yield Precursor(
                    PrecursorKind.ACTIVITY, *where, activity.description, goals=activity.goals
                )
        for policy in report.policies:
            if policy.country == country and linked & set(policy.goals):
                yield Precursor(
                    PrecursorKind.POLICY, *where, policy.description, goals=policy.goals
                )


def trends(
    coalition: Coalition,
    framework: Framework | str,
    *,
    start: date,
    end: date,
    countries: Iterable[str] | None = None,
) -> Trend:
    """The changes of ``framework`` between ``start`` (exclusive) and ``end`` (inclusive).

    Every change lists its precursors, citing ones first. ``countries`` limits the countries
    (default: every country with evidence).
    """
    fw = FRAMEWORKS.get_framework(framework)
    check_date(start, path="start")
    check_date(end, path="end")
    if end < start:
        raise InvalidData(f"is before the start, {start}", path="end", value=end)
    chosen = None if countries is None else set(check_countries(countries, path="countries"))
    found = evidence(coalition, fw)
    current = dict(standing(found, start))
    changes = []
    for e in found:  # ordered by the last day each may stand for, as standing() counts them
        if latest(e.date) <= start:
            continue
        if latest(e.date) > end:
            break
        key = (e.country, e.item)
        before = current[key].outcome if key in current else Outcome.UNKNOWN
        current[key] = e
        if e.outcome is before or (chosen is not None and e.country not in chosen):
            continue
        found_before = _precursors(
            coalition.reports, e.country, fw, e.item, start=start, end=latest(e.date)
        )
        changes.append(
            Change(
                country=e.country,
                item=e.item,
                before=before,
                after=e.outcome,
                date=e.date,
                evidence=e,
                preceded_by=tuple(sorted(found_before, key=lambda p: not p.cites_item)),
            )
        )
    return Trend(framework=fw, start=start, end=end, changes=tuple(changes))
