"""How fast a large registry's proposals are restored and asked what may happen next.

A seeded registry of N proposals in every state is built from model objects (not timed). Then,
in the same run, each measured ``--repeat`` times (the median is printed):

- baseline: a plain ``{state: events}`` dict looked up for every record;
- lazy: ``clac.proposals.restore_all(coalition)`` and every view's ``allowed_events`` (state
  checked, transition table read, the approval guards run on discussed proposals);
- eager: ``ProposalMachine.restore(record, coalition).allowed_events`` on a sample of records
  (a python-statemachine instance each), scaled to N.

    python benchmarks/bench_proposals.py            # 10,000 and 100,000 proposals
    python benchmarks/bench_proposals.py --smoke    # 200 proposals, once: a quick check
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from datetime import date, timedelta

try:  # python -m benchmarks: the runner's clock (wall by default, or CPU time)
    from benchmarks._runner import median_time
except ImportError:  # python benchmarks/bench_*.py: benchmarks/ itself is on the path
    from _runner import median_time  # type: ignore[import-not-found, no-redef]

from clac.charter import Sector
from clac.model import (
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    Organization,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    Recommendation,
    Scope,
)
from clac.registry import Coalition

K = ProposalEventKind
S = ProposalState

BASELINE: dict[str, tuple[str, ...]] = {
    "draft": ("submit", "withdraw"),
    "submitted": ("share", "withdraw"),
    "shared": ("schedule", "withdraw"),
    "scheduled": ("schedule", "discuss", "withdraw"),
    "discussed": ("schedule", "approve", "return-with-recommendations", "withdraw"),
    "approved": (),
    "returned": ("revise", "withdraw"),
    "withdrawn": (),
}
"""The lifecycle as the simplest program would hold it: a dict from state to events."""

# Each path is the events from draft; a record stops after a random number of them.
_PATHS: tuple[tuple[ProposalEventKind, ...], ...] = (
    (K.SUBMIT, K.SHARE, K.SCHEDULE, K.DISCUSS, K.APPROVE),
    (K.SUBMIT, K.SHARE, K.SCHEDULE, K.DISCUSS, K.RETURN_WITH_RECOMMENDATIONS, K.REVISE),
    (K.SUBMIT, K.SHARE, K.WITHDRAW),
)
_NEXT = {
    (S.DRAFT, K.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, K.SHARE): S.SHARED,
    (S.SHARED, K.SCHEDULE): S.SCHEDULED,
    (S.SCHEDULED, K.DISCUSS): S.DISCUSSED,
    (S.DISCUSSED, K.APPROVE): S.APPROVED,
    (S.DISCUSSED, K.RETURN_WITH_RECOMMENDATIONS): S.RETURNED,
    (S.RETURNED, K.REVISE): S.DRAFT,
    (S.SHARED, K.WITHDRAW): S.WITHDRAWN,
}
_MEMBERS = 40
_YEARS = range(2016, 2027)


def build(size: int, seed: int = 0) -> Coalition:
    """A registry with ``size`` proposals of ``_MEMBERS`` members, seeded."""
    rng = random.Random(seed)  # noqa: S311 - seeded test data, not secrets
    icmec = Organization(
        id="icmec",
        name="ICMEC",
        sector=Sector.NGO,
        countries=("US", "BR"),
        scope=Scope.GLOBAL,
        partner="icmec",
    )
    orgs = [
        Organization(id=f"org-{i}", name=f"Organization {i}", sector=Sector.NGO, countries=("AR",))
        for i in range(_MEMBERS)
    ]
    members = [Member(organization=o.id, joined=date(2016, 1, 1)) for o in orgs]
    meetings = [
        Meeting(
            id=f"regional-{year}",
            date=date(year, 11, 20),
            kind=MeetingKind.REGIONAL,
            mode=MeetingMode.TELECONFERENCE,
            organizer="icmec",
        )
        for year in _YEARS
    ]
    recommendation = Recommendation("Tie it to the shared repository", objective="OBJ-1")
    proposals = []
    for index in range(size):
        proposer = orgs[rng.randrange(_MEMBERS)].id
        path = rng.choice(_PATHS)
        steps = rng.randint(0, len(path))
        year = rng.choice(_YEARS[:-1])
        day = date(year, 1, 1) + timedelta(days=rng.randrange(200))
        meeting = f"regional-{year}"
        state, history = S.DRAFT, []
        for kind in path[:steps]:
            target = _NEXT[state, kind]
            if kind is K.DISCUSS:
                day = date(year, 11, 20)
            actor = proposer if kind in {K.SUBMIT, K.REVISE, K.WITHDRAW} else "icmec"
            with_meeting = meeting if kind in {K.SCHEDULE, K.DISCUSS, K.APPROVE} else None
            history.append(ProposalEvent(kind, state, target, day, actor, with_meeting))
            state = target
        returned = any(e.event is K.RETURN_WITH_RECOMMENDATIONS for e in history)
        proposals.append(
            ProposalRecord(
                id=f"proposal-{index}",
                title=f"Project {index}",
                proposer=proposer,
                goals=("PG-1",),
                state=state,
                history=tuple(history),
                recommendations=(recommendation,) if returned else (),
            )
        )
    return Coalition(
        name="Benchmark coalition",
        organizations=(icmec, *orgs),
        members=tuple(members),
        meetings=tuple(meetings),
        proposals=tuple(proposals),
    )


def measure(size: int, repeat: int, sample: int, seed: int) -> dict[str, float]:
    """Times for one registry size (seconds), and the ratios."""
    from clac.proposals import ProposalMachine, restore_all

    coalition = build(size, seed)
    records = coalition.proposals

    def baseline() -> list[tuple[str, ...]]:
        return [BASELINE[r.state.value] for r in records]

    def lazy() -> list[tuple[ProposalEventKind, ...]]:
        return [v.allowed_events for v in restore_all(coalition)]

    some = records[: min(sample, size)]

    def eager() -> list[tuple[ProposalEventKind, ...]]:
        return [ProposalMachine.restore(r, coalition).allowed_events for r in some]

    check = [tuple(e.value for e in events) for events in lazy()]
    if check != baseline() and not _differs_only_by_guards(check, baseline(), records):
        raise SystemExit("the lazy views disagree with the transition table")
    base = median_time(baseline, repeat)
    lazy_time = median_time(lazy, repeat)
    eager_time = median_time(eager, max(1, repeat // 2)) * size / len(some)
    return {
        "baseline": base,
        "lazy": lazy_time,
        "eager": eager_time,
        "lazy_ratio": lazy_time / base,
        "eager_ratio": eager_time / base,
    }


def _differs_only_by_guards(
    got: Sequence[tuple[str, ...]],
    table: Sequence[tuple[str, ...]],
    records: Sequence[ProposalRecord],
) -> bool:
    """The lazy views may drop 'approve' where the approval guards already refuse it."""
    return all(
        g == t or (r.state is S.DISCUSSED and set(t) - set(g) == {"approve"})
        for g, t, r in zip(got, table, records, strict=True)
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true", help="200 proposals, measured once.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5, help="Runs per measure (median).")
    parser.add_argument("--sample", type=int, default=2_000, help="Records for the eager run.")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes, repeat, sample = args.sizes, args.repeat, args.sample
    if args.smoke:
        sizes, repeat, sample = [200], 1, 50
    print(
        f"{'proposals':>10}  {'baseline':>10}  {'lazy':>10}  {'eager (scaled)':>15}  "
        f"{'lazy ratio':>10}  {'eager ratio':>11}"
    )
    for size in sizes:
        r = measure(size, repeat, sample, args.seed)
        print(
            f"{size:>10,}  {r['baseline'] * 1e3:>8.1f}ms  {r['lazy'] * 1e3:>8.1f}ms  "
            f"{r['eager'] * 1e3:>13.0f}ms  {r['lazy_ratio']:>9.1f}x  {r['eager_ratio']:>10.0f}x"
        )
    print("medians of", repeat, "runs; ratio = time / baseline time (same run)")


if __name__ == "__main__":
    main()
