"""The items of the quarterly reports received for a year, each with the report it came from."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import attrs

from clac.model import Activity, LegislativeAdvance, Policy, QuarterlyReport
from clac.periods import Quarter

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = ["ActivityEntry", "AdvanceEntry", "PolicyEntry", "YearEntries", "year_entries"]


@attrs.frozen(slots=True)
class ActivityEntry:
    """An activity, with the working group and quarter whose report gave it."""

    working_group: str
    period: Quarter
    activity: Activity


@attrs.frozen(slots=True)
class PolicyEntry:
    """A policy, with the working group and quarter whose report gave it."""

    working_group: str
    period: Quarter
    policy: Policy


@attrs.frozen(slots=True)
class AdvanceEntry:
    """A legislative advance, with the working group and quarter whose report gave it."""

    working_group: str
    period: Quarter
    advance: LegislativeAdvance


@attrs.frozen(slots=True)
class YearEntries:
    """Everything the reports received for one year say, in group and quarter order."""

    reports: tuple[QuarterlyReport, ...]
    activities: tuple[ActivityEntry, ...]
    policies: tuple[PolicyEntry, ...]
    advances: tuple[AdvanceEntry, ...]


def received(coalition: Coalition, as_of: date) -> Iterator[QuarterlyReport]:
    """Reports received by ``as_of``: submitted on or before it, or recorded without a
    submission date for a quarter begun by then (received, on a day the registry does not
    record: a report in the registry was received, whenever that was)."""
    for report in coalition.reports:
        if report.submitted is None:
            if report.period.first_day <= as_of:
                yield report
        elif report.submitted <= as_of:
            yield report


def year_entries(coalition: Coalition, year: int, as_of: date) -> YearEntries:
    """The reports for ``year``'s quarters received by ``as_of``, and their items."""
    order = {w.id: i for i, w in enumerate(coalition.working_groups)}
    reports = sorted(
        (r for r in received(coalition, as_of) if r.year == year),
        key=lambda r: (r.quarter, order.get(r.working_group, len(order))),
    )
    activities: list[ActivityEntry] = []
    policies: list[PolicyEntry] = []
    advances: list[AdvanceEntry] = []
    for r in reports:
        period = r.period
        activities.extend(ActivityEntry(r.working_group, period, a) for a in r.activities)
        policies.extend(PolicyEntry(r.working_group, period, p) for p in r.policies)
        advances.extend(AdvanceEntry(r.working_group, period, a) for a in r.legislative_advances)
    return YearEntries(tuple(reports), tuple(activities), tuple(policies), tuple(advances))
