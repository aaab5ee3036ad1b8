"""How fast the annual report and the shared calendar are over ten years of synthetic history.

A seeded coalition is built from model objects (not timed): 200 members, 12 working groups
reporting every quarter for ten years (3-8 activities, 1-3 policies and 0-2 legislative
advances a report, a few reports late or missing), two coalition meetings a year and a monthly
call per working group, each with minutes in the shared folder, yearly plans and annual
reports. Then, in the same run, each step is timed ``--repeat`` times (the median is printed)
next to a baseline on the same data:

- baseline "raw reports": one pass over the raw report tuples counting a year's activities per
  goal and quarter — the core of what the annual report compiles;
- ``annual_report`` (the data), ``to_markdown`` and ``to_html`` (without and with the chart);
- baseline "raw events": one pass over the meetings and the group-quarters making
  ``(uid, day)`` pairs — the core of what the calendar lists;
- ``calendar_events`` and ``calendar`` (the iCalendar bytes).

The ratio is clac's median over the baseline's: what the typed model, the status logic, the
audience filter and the rendering cost on top of a bare loop.

    python benchmarks/bench_reporting.py            # ten years, 5 repeats
    python benchmarks/bench_reporting.py --smoke    # three years, once: a quick check
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta

try:  # python -m benchmarks: the runner's clock (wall by default, or CPU time)
    from benchmarks._runner import median_time
except ImportError:  # python benchmarks/bench_*.py: benchmarks/ itself is on the path
    from _runner import median_time  # type: ignore[import-not-found, no-redef]

from clac.charter import BASE_DOCUMENT, Sector
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Document,
    DocumentKind,
    Indicator,
    LegislativeAdvance,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    Minutes,
    OperationalPlan,
    Organization,
    PlannedAction,
    Plans,
    Policy,
    PolicyKind,
    QuarterlyReport,
    Scope,
    StrategicPlan,
    Target,
    WorkingGroup,
)
from clac.periods import Quarter
from clac.registry import Coalition
from clac.reporting import annual_report, calendar, calendar_events
from clac.text import Language, Text

FIRST_YEAR = 2016
GOALS = tuple(g.id for g in BASE_DOCUMENT.policy_goals)
COUNTRIES = ("AR", "BR", "CL", "CO", "CR", "MX", "PE", "PY", "UY", "GT")

Row = tuple[str, float, str, float | None]


def synthetic(years: int = 10, members: int = 200, groups: int = 12, seed: int = 2016) -> Coalition:
    """A valid coalition with ``years`` years of history; the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - synthetic benchmark data, not a secret
    last_year = FIRST_YEAR + years - 1
    orgs = [
        Organization(
            id=f"o{i:04d}",
            name=f"Organization {i}",
            sector=rng.choice(tuple(Sector)),
            countries=[rng.choice(COUNTRIES)],
            scope=Scope.NATIONAL,
        )
        for i in range(members)
    ]
    ids = [o.id for o in orgs]
    group_ids = [f"group-{j:02d}" for j in range(groups)]
    working_groups = [
        WorkingGroup(id=g, name=Text(f"Group {j}", f"Grupo {j}"), formed=date(FIRST_YEAR, 1, 1))
        for j, g in enumerate(group_ids)
    ]
    the_members = [
        Member(
            organization=o,
            joined=date(FIRST_YEAR, 1, 1),
            working_groups=tuple(rng.sample(group_ids, rng.randint(1, 2))),
        )
        for o in ids
    ]
    meetings: list[Meeting] = []
    documents: list[Document] = []

    def minuted(meeting_id: str, day: date, kind: MeetingKind, group: str | None) -> None:
        doc = f"minutes-{meeting_id}"
        circulated = None if rng.random() < 0.02 else day + timedelta(days=rng.randint(1, 20))
        documents.append(
            Document(
                id=doc,
                title=f"Minutes of {meeting_id}",
                kind=DocumentKind.MINUTES,
                language=Language.ES,
                classification=rng.choice((TLP.GREEN, TLP.GREEN, TLP.AMBER, TLP.CLEAR)),
                date=day + timedelta(days=1),
                authors=("o0000",),
            )
        )
        meetings.append(
            Meeting(
                id=meeting_id,
                date=day,
                kind=kind,
                mode=MeetingMode.TELECONFERENCE,
                organizer="o0000",
                attendees=tuple(rng.sample(ids, 12)),
                working_group=group,
                minutes=Minutes(document=doc, circulated=circulated),
            )
        )

    reports: list[QuarterlyReport] = []
    for year in range(FIRST_YEAR, last_year + 1):
        minuted(f"annual-{year}", date(year, 5, 20), MeetingKind.ANNUAL, None)
        minuted(f"regional-{year}", date(year, 11, 10), MeetingKind.REGIONAL, None)
        for month in range(1, 13):
            for g in group_ids:
                day = date(year, month, 1 + group_ids.index(g))
                minuted(f"{g}-{year}-{month:02d}", day, MeetingKind.WORKING_GROUP, g)
        for quarter in range(1, 5):
            period = Quarter(year, quarter)
            for g in group_ids:
                if rng.random() < 0.03:
                    continue  # a missing report
                reports.append(_report(rng, g, period, ids))
        documents.append(
            Document(
                id=f"annual-report-{year}",
                title=f"Annual report {year}",
                kind=DocumentKind.ANNUAL_REPORT,
                language=Language.ES,
                classification=TLP.CLEAR,
                date=date(year + 1, 3, 1),
                authors=("o0000",),
                year=year,
            )
        )
    targets = tuple(
        Target(goal=g, description=f"Target for {g}", indicators=(Indicator(name="n", target=5),))
        for g in GOALS
    )
    plans = Plans(
        strategic=tuple(
            StrategicPlan(start_year=y, targets=targets)
            for y in range(FIRST_YEAR, last_year + 1, 5)
        ),
        operational=tuple(
            OperationalPlan(
                year=y,
                actions=tuple(
                    PlannedAction(
                        description=f"Action {k} of {y}",
                        goals=(g,),
                        members=tuple(rng.sample(ids, 2)),
                    )
                    for k, g in enumerate(GOALS)
                ),
                assessed=date(y + 1, 2, 1) if y < last_year else None,
            )
            for y in range(FIRST_YEAR, last_year + 1)
        ),
    )
    return Coalition(
        name="Synthetic coalition",
        organizations=tuple(orgs),
        members=tuple(the_members),
        working_groups=tuple(working_groups),
        meetings=tuple(meetings),
        documents=tuple(documents),
        reports=tuple(reports),
        plans=plans,
    )


def _report(rng: random.Random, group: str, period: Quarter, ids: list[str]) -> QuarterlyReport:
    late = rng.random() < 0.05
    submitted = period.last_day + timedelta(
        days=rng.randint(31, 60) if late else rng.randint(1, 30)
    )
    activities = []
    for _ in range(rng.randint(3, 8)):
        in_country = rng.random() < 0.4
        activities.append(
            Activity(
                description=f"Activity of {group} in {period}",
                scope=ActivityScope.IN_COUNTRY if in_country else ActivityScope.REGIONAL,
                status=rng.choice(tuple(ActivityStatus)),
                goals=tuple(rng.sample(GOALS, rng.randint(1, 2))),
                countries=[rng.choice(COUNTRIES)] if in_country else [],
                members=tuple(rng.sample(ids, rng.randint(1, 3))),
            )
        )
    policies = [
        Policy(
            description=f"Policy of {group}",
            kind=PolicyKind.ORGANIZATIONAL,
            goals=tuple(rng.sample(GOALS, 1)),
            organization=rng.choice(ids),
        )
        for _ in range(rng.randint(1, 3))
    ]
    advances = [
        LegislativeAdvance(
            country=rng.choice(COUNTRIES),
            instrument="Bill",
            date=period.first_day + timedelta(days=rng.randint(0, 80)),
            description="Bill advanced",
        )
        for _ in range(rng.randint(0, 2))
    ]
    return QuarterlyReport(
        working_group=group,
        year=period.year,
        quarter=period.quarter,
        submitted=submitted,
        activities=tuple(activities),
        policies=tuple(policies),
        legislative_advances=tuple(advances),
    )


def bench(coalition: Coalition, year: int, as_of: date, repeats: int) -> list[Row]:
    """Time each step and its baseline; return ``(step, median, baseline, baseline median)``."""

    def raw_reports() -> Counter[tuple[str, int]]:
        counts: Counter[tuple[str, int]] = Counter()
        for r in coalition.reports:
            if r.year == year and r.submitted is not None and r.submitted <= as_of:
                for a in r.activities:
                    for g in a.goals:
                        counts[g, r.quarter] += 1
        return counts

    def raw_events() -> list[tuple[str, date]]:
        out = [(f"meeting-{m.id}", m.date) for m in coalition.meetings]
        for w in coalition.working_groups:
            quarter = Quarter.of(w.formed)
            while quarter.year <= as_of.year + 1:
                out.append((f"report-{w.id}-{quarter}", quarter.last_day + timedelta(days=30)))
                quarter = quarter.next()
        return sorted(out, key=lambda e: (e[1], e[0]))

    compiled = annual_report(coalition, year, as_of=as_of)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("annual_report (data)", lambda: annual_report(coalition, year, as_of=as_of)),
        ("to_markdown", lambda: compiled.to_markdown(Language.ES)),
        ("to_html (no chart)", lambda: compiled.to_html(Language.ES, chart=False)),
        ("to_html (with chart)", lambda: compiled.to_html(Language.ES)),
    ]
    rows: list[Row] = []
    baseline = median_time(raw_reports, repeats)
    for name, function in steps:
        rows.append((name, median_time(function, repeats), "raw reports", baseline))
    baseline = median_time(raw_events, repeats)
    for name, function in (
        ("calendar_events", lambda: calendar_events(coalition)),
        ("calendar (iCalendar bytes)", lambda: calendar(coalition)),
    ):
        rows.append((name, median_time(function, repeats), "raw events", baseline))
    return rows


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table of medians and ratios."""
    lines = [
        "| step | median (s) | baseline | baseline median (s) | ratio |",
        "|---|---:|---|---:|---:|",
    ]
    for name, ours, base_name, base in rows:
        ratio = "—" if not base else f"{ours / base:,.1f}×"
        shown = "—" if base is None else f"{base:.4f}"
        lines.append(f"| {name} | {ours:.4f} | {base_name} | {shown} | {ratio} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table; return the exit status."""
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_reporting.py")
    parser.add_argument("--smoke", action="store_true", help="three years, once")
    parser.add_argument("--repeat", type=int, default=5, help="timings per step (median)")
    parser.add_argument("--seed", type=int, default=2016)
    options = parser.parse_args(argv)
    years = 3 if options.smoke else 10
    repeats = 1 if options.smoke else options.repeat
    start = time.perf_counter()
    coalition = synthetic(years=years, seed=options.seed)
    built = time.perf_counter() - start
    last_year = FIRST_YEAR + years - 1
    as_of = date(last_year + 1, 6, 1)
    print(
        f"synthetic coalition: {years} years, {len(coalition.members)} members, "
        f"{len(coalition.working_groups)} working groups, {len(coalition.reports)} reports, "
        f"{len(coalition.meetings)} meetings, {len(coalition.documents)} documents "
        f"(built in {built:.2f} s); annual report of {last_year} as of {as_of}, "
        f"median of {repeats}"
    )
    print(table(bench(coalition, last_year, as_of, repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
