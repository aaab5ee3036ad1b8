"""How fast ``clac.testing`` draws, how small its counterexamples are, and whether its
strategies pass Hypothesis' health checks on a machine whose cores are all busy.

    python benchmarks/bench_testing.py            # every strategy, 200 examples each, under load
    python benchmarks/bench_testing.py --smoke    # a few strategies, a few examples, no load

Four measures, each printed against its target:

- **generation**: examples drawn per second of CPU time spent drawing (``time.process_time``
  around each ``data.draw``, so Hypothesis' engine and the machine's other work are left
  out), for ``coalitions()``, ``coalitions(compliant=True)`` and ``coalitions(violating=R)``
  for every rule R, against the same strategies of ``clac.testing`` as they were at
  ``BASELINE`` (read with ``git show`` into a temporary package, ``clac_testing_baseline``),
  in the same run: three rounds of 100 examples each, alternating the two, the best round of
  each counting (the one the machine's other work disturbed least). Target: every strategy
  at least 10 times faster (draw time at most 0.1 of the baseline's).
- **entropy**: random draws (Hypothesis' ``ConjectureData`` with a seeded ``Random``, as its
  generator makes them): how many ran out of Hypothesis' buffer (an overrun, "exceeded the
  maximum allowed entropy") and the largest draw's share of the buffer. Target: no overrun.
- **health checks**: each strategy under Hypothesis' default settings (its health checks on,
  10 examples) while two busy-loop processes per core run beside it; the figure is the worst
  strategy's draw time over its first 10 valid examples as a share of the ``too_slow`` limit
  (1 s). Target: at most 0.5 (a margin of 2) and no health check failed. This is the only
  place clac asserts the health checks: its test suite turns them off (tests/conftest.py).
- **shrinking**: a one-line bug put into a rule (the catalogue's ``Rule`` with a broken
  ``check``, through ``attrs.evolve``: nothing is patched in place), and a property of that
  rule over ``coalitions()``. Figures: CPU seconds until Hypothesis reports the shrunk
  failure (target 10; the wall-clock time, longer on a busy machine, is printed beside),
  the members of the counterexample (target 2), its printed size (target 2,048 bytes), and
  whether it prints the facts the rule reads (``Rule.facts``).

Without git or the baseline commit (an sdist), generation is printed without its baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from random import Random
from types import ModuleType
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, StopTest
from hypothesis.internal.conjecture.data import ConjectureData
from hypothesis.internal.conjecture.engine import BUFFER_SIZE
from hypothesis.statistics import collector

from clac import testing
from clac.model import Member, RepresentativeLevel
from clac.registry import Coalition
from clac.rules import CATALOGUE, Outcome, Rule, evaluate

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "205683a26e0a73f72a122ec711f827193c76de56"
"""The last commit before clac.testing drew coalitions from genes and pools (issue 27)."""
BASELINE_PACKAGE = "clac_testing_baseline"

SPEED_UP = 10.0
HEALTH_SHARE = 0.5
SHRINK_SECONDS = 10.0
SHRINK_MEMBERS = 2
COUNTEREXAMPLE_BYTES = 2048
TOO_SLOW = 1.0  # seconds of drawing for the first 10 valid examples (Hypothesis' limit)

Strategy = st.SearchStrategy[Any]


# ------------------------------------------------------------------------------ baseline


def load_baseline(root: Path = ROOT, commit: str = BASELINE) -> ModuleType | None:
    """``clac.testing`` as it was at ``commit``, imported as ``clac_testing_baseline`` from a
    temporary folder; ``None`` when git or the commit is not available."""
    try:
        listing = subprocess.run(  # noqa: S603 - git, on our own repository
            ["git", "ls-tree", "--name-only", commit, "src/clac/testing/"],  # noqa: S607
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None
    folder = Path(tempfile.mkdtemp(prefix="clac-bench-testing-")) / BASELINE_PACKAGE
    folder.mkdir()
    for path in listing:
        if not path.endswith(".py"):
            continue
        text = subprocess.run(  # noqa: S603 - git, on our own repository
            ["git", "show", f"{commit}:{path}"],  # noqa: S607
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (folder / Path(path).name).write_text(
            text.replace("clac.testing", BASELINE_PACKAGE), encoding="utf-8"
        )
    sys.path.insert(0, str(folder.parent))
    try:
        module = importlib.import_module(BASELINE_PACKAGE)
    except Exception:  # noqa: BLE001 - a baseline that no longer imports is reported, not fatal
        return None
    finally:
        testing._hypothesis_setup_hook()  # st.from_type stays with today's strategies
    return module


# ---------------------------------------------------------------------------- generation


def strategies(module: Any, rules: Sequence[str]) -> dict[str, Strategy]:
    """The strategies measured, by name, from ``module`` (clac.testing or the baseline)."""
    found: dict[str, Strategy] = {
        "coalitions()": module.coalitions(),
        "coalitions(compliant=True)": module.coalitions(compliant=True),
    }
    for rule_id in rules:
        found[f"violating={rule_id}"] = module.coalitions(violating=rule_id)
    return found


def draw_rate(strategy: Strategy, examples: int) -> float:
    """Examples drawn per CPU second of drawing, over ``examples`` examples of Hypothesis'
    generation phase (its engine's own time left out)."""
    spent = [0.0, 0]

    @settings(
        max_examples=examples,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        started = time.process_time()
        data.draw(strategy)
        spent[0] += time.process_time() - started
        spent[1] += 1

    draw()
    return spent[1] / max(spent[0], 1e-9)


@dataclass(frozen=True)
class Rate:
    """Examples a second, today and at the baseline."""

    name: str
    today: float
    baseline: float | None

    @property
    def speed_up(self) -> float | None:
        """How many times faster today's strategy draws."""
        return None if self.baseline is None else self.today / self.baseline


def generation(
    today: dict[str, Strategy], before: dict[str, Strategy] | None, examples: int, rounds: int
) -> list[Rate]:
    """Each strategy's rate, today's and the baseline's, measured alternately (so both see the
    same load) in ``rounds`` rounds; the best round of each counts, as the one the machine's
    other work disturbed least."""
    rates = []
    for name, strategy in today.items():
        draw_rate(strategy, 5)  # warm caches and imports for both
        if before is not None:
            draw_rate(before[name], 5)
        new, old = [], []
        for _ in range(rounds):
            if before is not None:
                old.append(draw_rate(before[name], examples))
            new.append(draw_rate(strategy, examples))
        rates.append(Rate(name, max(new), max(old) if old else None))
    return rates


# ------------------------------------------------------------------------------- entropy


@dataclass(frozen=True)
class Entropy:
    """Random draws of a strategy: how many overran the buffer, and the largest's share."""

    name: str
    draws: int
    overruns: int
    largest_share: float


def entropy(name: str, strategy: Strategy, draws: int, seed: int = 0) -> Entropy:
    """``draws`` random draws of ``strategy`` as Hypothesis' generator makes them."""
    overruns, largest = 0, 0
    for i in range(draws):
        data = ConjectureData(random=Random(seed + i))  # noqa: S311 - not secrets
        try:
            data.draw(strategy)
        except StopTest:
            overruns += 1
            continue
        largest = max(largest, data.length)
    return Entropy(name, draws, overruns, largest / BUFFER_SIZE)


# ------------------------------------------------------------------------- health checks


@contextmanager
def busy(per_core: int) -> Iterator[int]:
    """``per_core`` busy-loop processes per core running beside the block; yields their
    number."""
    count = per_core * (os.cpu_count() or 1)
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield count
    finally:
        for process in loops:
            process.kill()
        for process in loops:
            process.wait()


@dataclass(frozen=True)
class Health:
    """One strategy under Hypothesis' default settings."""

    name: str
    draw_seconds: float
    failed: str | None

    @property
    def share(self) -> float:
        """The draw time of the first 10 valid examples as a share of Hypothesis' limit."""
        return self.draw_seconds / TOO_SLOW


def health(name: str, strategy: Strategy) -> Health:
    """Run ``strategy`` under Hypothesis' default settings (health checks on, 10 examples)."""
    stats: list[Any] = []

    @settings(settings.get_profile("default"), max_examples=10, database=None)
    @given(strategy)
    def check(value: object) -> None:
        assert isinstance(value, Coalition)  # noqa: S101 - a Hypothesis property

    failed = None
    with collector.with_value(stats.append):  # type: ignore[arg-type] # typed for None only
        try:
            check()
        except FailedHealthCheck as error:
            failed = str(error).splitlines()[0]
    drawn, valid = 0.0, 0
    for case in stats[0]["generate-phase"]["test-cases"] if stats else ():
        if valid >= 10:
            break
        drawn += case["drawtime"]
        valid += case["status"] == "valid"
    return Health(name, drawn, failed)


# ----------------------------------------------------------------------------- shrinking


def _lowest_level(rule: Rule) -> Rule:
    """MEM-06 reading the member's lowest representative instead of its highest."""

    def check(ctx: Any, member: Member) -> Any:
        if member.representatives:
            lowest = min(member.representatives, key=lambda r: r.level)
            member = attrs.evolve(member, representatives=(lowest,))  # the one-line bug
        return rule.check(ctx, member)

    return attrs.evolve(rule, check=check)


def _one_too_few(rule: Rule) -> Rule:
    """MEM-05 counting one representative too few."""

    def check(ctx: Any, member: Member) -> Any:
        return rule.check(ctx, attrs.evolve(member, representatives=member.representatives[1:]))

    return attrs.evolve(rule, check=check)


def _has_middle(member: Member) -> bool:
    return any(r.level >= RepresentativeLevel.MIDDLE for r in member.representatives)


def _has_any(member: Member) -> bool:
    return bool(member.representatives)


BUGS: dict[str, tuple[Callable[[Rule], Rule], Callable[[Member], bool]]] = {
    "MEM-06": (_lowest_level, _has_middle),
    "MEM-05": (_one_too_few, _has_any),
}
"""Rule id: the bug put into it, and when the rule must not be unmet for a member."""


ALSO_SHOWN_AS = {"record_complete": ("record_complete", "records_since_by_kind")}
"""Facts a counterexample may show through another field: a member's entry is complete by its
own `record_complete` or by the registry's `records_since_by_kind.members`."""


@dataclass(frozen=True)
class Shrunk:
    """A property broken by a one-line bug, as Hypothesis reported it."""

    rule: str
    seconds: float
    wall_seconds: float
    members: int
    size: int
    facts_shown: bool
    report: str


def shrink(rule_id: str) -> Shrunk:
    """Find and shrink the failure a one-line bug in ``rule_id`` causes."""
    breaking, safe = BUGS[rule_id]
    rule = CATALOGUE.get(rule_id)
    broken = breaking(rule)

    @settings(database=None, max_examples=1_000, deadline=None, suppress_health_check=[])
    @given(testing.coalitions())
    def never_unmet_when_safe(coalition: Coalition) -> None:
        for finding in evaluate(coalition, as_of=testing.END, rules=[broken]).findings:
            if finding.outcome is Outcome.UNMET:
                assert not safe(coalition.member(finding.subject.id)), finding  # noqa: S101

    started, wall = time.process_time(), time.perf_counter()
    try:
        never_unmet_when_safe()
    except AssertionError as error:
        seconds = time.process_time() - started
        wall_seconds = time.perf_counter() - wall
        report = "\n".join(getattr(error, "__notes__", []))
    else:
        raise RuntimeError(f"the bug in {rule_id} was not found")
    fields = {fact.rsplit(".", 1)[-1].removesuffix("[]") for fact in rule.facts}
    return Shrunk(
        rule_id,
        seconds,
        wall_seconds,
        report.count("Member("),
        len(report.encode("utf-8")),
        all(any(f"{shown}=" in report for shown in ALSO_SHOWN_AS.get(n, (n,))) for n in fields),
        report,
    )


# -------------------------------------------------------------------------------- report


def _table(rows: Sequence[tuple[str, str, str, bool | None]]) -> str:
    lines = ["| target | measured | limit | verdict |", "|---|---:|---:|---|"]
    for name, measured, limit, met in rows:
        verdict = "not measured" if met is None else "met" if met else "**missed**"
        lines.append(f"| {name} | {measured} | {limit} | {verdict} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0915 - one report
    """Measure, print every figure and the targets; return 0 (1 when a target is missed and
    ``--strict`` is given)."""
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_testing.py")
    parser.add_argument("--smoke", action="store_true", help="a few strategies, no load")
    parser.add_argument("--examples", type=int, default=100, help="examples a round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds a strategy (best counts)")
    parser.add_argument("--busy", type=int, default=2, help="busy processes per core")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args(argv)
    rules = ["MEM-05", "REP-02"] if options.smoke else sorted(testing.VIOLATIONS)
    examples = 20 if options.smoke else options.examples
    started = time.perf_counter()

    baseline = load_baseline()
    today = strategies(testing, rules)
    before = None if baseline is None else strategies(baseline, rules)
    rates = generation(today, before, examples, 1 if options.smoke else options.rounds)
    print(
        f"clac.testing benchmark ({'smoke' if options.smoke else 'full'}), "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    print()
    print("| strategy | examples/s today | at the baseline | faster |")
    print("|---|---:|---:|---:|")
    for r in rates:
        old = "—" if r.baseline is None else f"{r.baseline:,.0f}"
        times = "—" if r.speed_up is None else f"{r.speed_up:,.1f}×"
        print(f"| {r.name} | {r.today:,.0f} | {old} | {times} |")
    if baseline is None:
        print("- the baseline could not be read (no git, or not a clone): no speed-up measured")

    entropies = [entropy(name, s, 50 if options.smoke else 300) for name, s in today.items()]
    overruns = sum(e.overruns for e in entropies)
    largest = max(e.largest_share for e in entropies)

    per_core = 0 if options.smoke else options.busy
    with busy(per_core) as loops:
        checked = [health(name, s) for name, s in today.items()]
        with contextlib.redirect_stdout(io.StringIO()):  # Hypothesis' "reproduce with" lines
            checked_before = (
                [health(name, s) for name, s in before.items()] if before is not None else []
            )
    worst = max(checked, key=lambda h: h.share)
    print()
    print(f"Health checks at Hypothesis' default settings, {loops} busy processes beside:")
    failed = [h for h in checked if h.failed]
    for h in failed:
        print(f"- today: {h.name}: {h.failed}")
    failed_before = [h for h in checked_before if h.failed]
    print(
        f"- today: {len(checked) - len(failed)} of {len(checked)} strategies pass; the slowest, "
        f"{worst.name}, drew its first 10 examples in {worst.draw_seconds:.2f} s"
    )
    if checked_before:
        print(
            f"- at the baseline: {len(checked_before) - len(failed_before)} of "
            f"{len(checked_before)} pass"
        )

    shrunk = [shrink(rule_id) for rule_id in BUGS]
    print()
    for s in shrunk:
        print(
            f"Shrunk counterexample for a bug in {s.rule} ({s.size} bytes, {s.seconds:.1f} s "
            f"of CPU, {s.wall_seconds:.1f} s of wall-clock time):"
        )
        print(s.report)
        print()

    slowest = min(
        (r for r in rates if r.speed_up is not None), key=lambda r: r.speed_up or 0.0, default=None
    )
    rows: list[tuple[str, str, str, bool | None]] = [
        (
            f"generation: slowest speed-up ({slowest.name})" if slowest else "generation",
            "—" if slowest is None else f"{slowest.speed_up:,.1f}×",
            f"≥ {SPEED_UP:.0f}×",
            None if slowest is None else (slowest.speed_up or 0.0) >= SPEED_UP,
        ),
        (
            "generation: median speed-up",
            "—"
            if slowest is None
            else f"{statistics.median(r.speed_up or 0.0 for r in rates):,.1f}×",
            f"≥ {SPEED_UP:.0f}×",
            None
            if slowest is None
            else statistics.median(r.speed_up or 0.0 for r in rates) >= SPEED_UP,
        ),
        ("entropy: draws that overran the buffer", f"{overruns}", "0", overruns == 0),
        ("entropy: largest draw, share of the buffer", f"{largest:.3f}", "≤ 0.5", largest <= 0.5),
        (
            f"health checks under load: slowest draw, share of the limit ({worst.name})",
            f"{worst.share:.2f}",
            f"≤ {HEALTH_SHARE}",
            worst.share <= HEALTH_SHARE and not failed,
        ),
    ]
    for s in shrunk:
        rows += [
            (
                f"shrinking {s.rule}: CPU seconds to the shrunk failure",
                f"{s.seconds:.1f}",
                f"≤ {SHRINK_SECONDS:.0f}",
                s.seconds <= SHRINK_SECONDS,
            ),
            (
                f"shrinking {s.rule}: members in the counterexample",
                f"{s.members}",
                f"≤ {SHRINK_MEMBERS}",
                s.members <= SHRINK_MEMBERS,
            ),
            (
                f"shrinking {s.rule}: bytes printed",
                f"{s.size:,}",
                f"≤ {COUNTEREXAMPLE_BYTES:,}",
                s.size <= COUNTEREXAMPLE_BYTES,
            ),
            (
                f"shrinking {s.rule}: the facts the rule reads are printed",
                "yes" if s.facts_shown else "no",
                "yes",
                s.facts_shown,
            ),
        ]
    print(f"Targets ({time.perf_counter() - started:.0f} s in all):")
    print()
    print(_table(rows))
    missed = [row for row in rows if row[3] is False]
    return 1 if options.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
