"""Helpers of ``python -m benchmarks``: medians, subprocess timings, the table and the JSON.

Every figure is a :class:`Result`: what was timed, its median, the baseline timed in the same
run on the same data, and the ratio of the two.
"""

from __future__ import annotations

import compileall
import gc
import itertools
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Result:
    """One figure: ``seconds`` for ``name`` against ``baseline_seconds`` for ``baseline``."""

    scenario: str
    name: str
    seconds: float
    baseline: str = ""
    baseline_seconds: float | None = None
    size: int | None = None
    repeats: int = 1

    @property
    def ratio(self) -> float | None:
        """``seconds / baseline_seconds``, or ``None`` without a baseline."""
        if not self.baseline_seconds:
            return None
        return self.seconds / self.baseline_seconds

    def as_dict(self) -> dict[str, Any]:
        """The figure as plain JSON data."""
        return {
            "scenario": self.scenario,
            "name": self.name,
            "size": self.size,
            "seconds": self.seconds,
            "baseline": self.baseline or None,
            "baseline_seconds": self.baseline_seconds,
            "ratio": self.ratio,
            "repeats": self.repeats,
        }


CLOCKS = ("wall", "cpu")
_clock = {"name": "wall"}


def use_clock(name: str) -> None:
    """Time with the wall clock (the default: what users wait for) or with CPU time.

    CPU time (this process's, and its finished children's for whole processes) leaves out the
    time other programs take the processor away on a shared machine; on an idle one the two
    agree for clac's single-threaded work.
    """
    if name not in CLOCKS:
        raise ValueError(f"clock must be one of {CLOCKS}, not {name!r}")
    _clock["name"] = name


def clock() -> str:
    """The clock in use: ``wall`` or ``cpu``."""
    return _clock["name"]


def _now() -> float:
    if _clock["name"] == "cpu":
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime
    return time.perf_counter()


def median_time(function: Callable[[], object], repeats: int, *, paused: bool = False) -> float:
    """The median time of ``repeats`` calls of ``function``, in seconds (see :func:`use_clock`);
    with ``paused`` the garbage collector is paused during each call, as ``clac.load`` pauses
    it itself (so a baseline loader is timed on the same terms)."""
    times = []
    for _ in range(max(1, repeats)):
        gc.collect()
        if paused:
            gc.disable()
        try:
            start = _now()
            function()
            times.append(_now() - start)
        finally:
            if paused:
                gc.enable()
    return statistics.median(times)


def compiled(package: Path) -> None:
    """Compile ``package``'s modules to bytecode, as a wheel install has them: an environment
    with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile clac anew in every process
    (about a third more start-up)."""
    compileall.compile_dir(str(package), quiet=1)


def process_time(
    arguments: Sequence[str], repeats: int, *, accept: Sequence[int] = (0,), cwd: Path | None = None
) -> float:
    """The median time of running ``arguments`` as a whole process, in seconds.

    An exit status outside ``accept`` stops the benchmark: a failing command is not a figure.
    """

    def run() -> None:
        done = subprocess.run(  # noqa: S603 - our own interpreter and commands
            list(arguments), capture_output=True, text=True, check=False, cwd=cwd
        )
        if done.returncode not in accept:
            raise RuntimeError(
                f"{' '.join(arguments)} exited with {done.returncode}: {done.stderr[-2000:]}"
            )

    return median_time(run, repeats)


def peak_memory(arguments: Sequence[str]) -> float:
    """The peak memory (resident set, in MB) of running ``arguments`` as a whole process, as
    the operating system accounts it: a child process runs it and reports its own child's."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and commands
        [sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True
    )
    peak = int(done.stdout.split()[-1])
    # Linux counts kilobytes, macOS bytes.
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1e3:,.1f} ms" if value < 1 else f"{value:,.2f} s"


def table(results: Sequence[Result]) -> str:
    """The results as a Markdown table: figure, baseline, ratio."""
    lines = [
        "| scenario | size | measured | median | baseline (same run) | baseline median | ratio |",
        "|---|---:|---|---:|---|---:|---:|",
    ]
    for r in results:
        size = f"{r.size:,}" if r.size is not None else ""
        ratio = f"{r.ratio:,.2f}×" if r.ratio is not None else "—"
        lines.append(
            f"| {r.scenario} | {size} | {r.name} | {_seconds(r.seconds)} | {r.baseline or '—'} "
            f"| {_seconds(r.baseline_seconds)} | {ratio} |"
        )
    return "\n".join(lines)


#: Ten times the work may take at most this many times as long (the issue's target).
LINEAR_SLACK = 1.2


def growth(results: Sequence[Result]) -> str:
    """How each figure measured at several sizes grew, as a Markdown table ('' if none did).

    A step from size a to size b is linear when the time grew at most
    ``LINEAR_SLACK * b / a`` times (ten times the work, at most twelve times the time).
    """
    times: dict[tuple[str, str], dict[int, float]] = {}
    for r in results:
        if r.size is not None:
            times.setdefault((r.scenario, r.name), {})[r.size] = r.seconds
    lines = [
        "| scenario | measured | sizes | work grew | time grew | linear? |",
        "|---|---|---|---:|---:|---|",
    ]
    for (scenario, name), by_size in times.items():
        sizes = sorted(by_size)
        for small, large in itertools.pairwise(sizes):
            work = large / small
            grew = by_size[large] / by_size[small]
            verdict = "yes" if grew <= LINEAR_SLACK * work else "**no**"
            lines.append(
                f"| {scenario} | {name} | {small:,} → {large:,} | {work:,.0f}× | {grew:,.1f}× "
                f"| {verdict} |"
            )
    return "\n".join(lines) if len(lines) > 2 else ""


def environment() -> dict[str, str]:
    """What the figures were measured on."""
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def write_json(
    path: Path,
    results: Sequence[Result],
    *,
    mode: str,
    notes: Sequence[str] = (),
    targets: Sequence[dict[str, Any]] = (),
) -> None:
    """Write the results, the mode, the environment, the notes and the targets to ``path`` as
    JSON."""
    scenarios = sorted({r.scenario for r in results})
    document = {
        "mode": mode,
        "clock": clock(),
        "environment": environment(),
        "scenarios": scenarios,
        "results": [r.as_dict() for r in results],
        "notes": list(notes),
        "targets": list(targets),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
