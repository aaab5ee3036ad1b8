"""The performance targets clac holds itself to, read off one run's figures: met or missed.

Every target is a ratio of two figures measured in the same run (or a peak of memory), so it
holds on a machine whose speed drifts. A target whose figures the run did not measure (a
smoke run, no pydantic installed, no 100,000-member registry) says so instead of a verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks._runner import Result

CHECK_SMALL = 100
CHECK_LARGE = 10_000
CHECK_HUGE = 100_000
PYDANTIC = "pydantic v2 model_validate_json (strict)"


@dataclass(frozen=True)
class Target:
    """A target: ``measured`` (a ratio, or megabytes) at most ``limit``."""

    name: str
    limit: float
    measured: float | None
    unit: str = "×"
    why_unmeasured: str = ""

    @property
    def met(self) -> bool | None:
        """Whether the figure is within the limit; None when it was not measured."""
        return None if self.measured is None else self.measured <= self.limit

    def as_dict(self) -> dict[str, Any]:
        """The target as plain JSON data."""
        return {
            "target": self.name,
            "limit": self.limit,
            "unit": self.unit,
            "measured": self.measured,
            "met": self.met,
            "not_measured": self.why_unmeasured or None,
        }


def _find(results: Sequence[Result], scenario: str, name: str, size: int) -> list[Result]:
    return [r for r in results if r.scenario == scenario and r.name == name and r.size == size]


def _ratio(
    results: Sequence[Result], scenario: str, name: str, size: int, baseline: str
) -> float | None:
    for r in _find(results, scenario, name, size):
        if r.baseline == baseline and r.ratio is not None:
            return r.ratio
    return None


def _seconds(results: Sequence[Result], scenario: str, name: str, size: int) -> float | None:
    found = _find(results, scenario, name, size)
    return found[0].seconds if found else None


def _quotient(top: float | None, bottom: float | None) -> float | None:
    return None if top is None or not bottom else top / bottom


def targets(results: Sequence[Result], peaks: Mapping[int, float]) -> list[Target]:
    """Every target, from the run's ``results`` and the peak memory (MB) of ``clac check``
    by registry size (``peaks``)."""
    check = "clac check FILE.json"
    made: list[Target] = []

    def add(name: str, limit: float, measured: float | None, why: str, unit: str = "×") -> None:
        made.append(Target(name, limit, measured, unit, "" if measured is not None else why))

    full_run = "measured by the full run (`--sizes 1000 10000`)"
    add(
        "`clac check` 10,000 members (JSON) / a process that only `json.loads` the file",
        15,
        _ratio(results, "check", check, CHECK_LARGE, "python -c 'json.loads(FILE.json)'"),
        full_run,
    )
    add(
        "`clac check` 100 members / `python -c pass`",
        15,
        _ratio(results, "check", check, CHECK_SMALL, "python -c pass"),
        "measured by every run but --smoke",
    )
    for size in (1_000, 10_000):
        add(
            f"`clac.load` (JSON) {size:,} members / pydantic v2 (strict)",
            3,
            _ratio(results, "load", "clac.load (JSON)", size, PYDANTIC),
            f"needs pydantic (`pip install -e '.[bench]'`) and {size:,} in --sizes",
        )
    add(
        "`clac.load` (YAML) 10,000 members / `clac.load` (JSON) 10,000 members",
        3.5,
        _quotient(
            _seconds(results, "load", "clac.load (YAML)", 10_000),
            _seconds(results, "load", "clac.load (JSON)", 10_000),
        ),
        full_run,
    )
    for label in ("JSON", "YAML"):
        add(
            f"`clac.dumps` ({label}) growth, 1,000 → 10,000 members",
            11,
            _quotient(
                _seconds(results, "dump", f"clac.dumps ({label})", 10_000),
                _seconds(results, "dump", f"clac.dumps ({label})", 1_000),
            ),
            full_run,
        )
    add(
        "`clac check --max-size` 100,000 members / `clac check` 10,000 members",
        12,
        _quotient(
            _seconds(results, "check", check, CHECK_HUGE),
            _seconds(results, "check", check, CHECK_LARGE),
        ),
        "needs 100000 in --sizes (about 60 MB of JSON)",
    )
    add(
        "peak memory of `clac check`, 10,000 members (JSON)",
        100,
        peaks.get(CHECK_LARGE),
        full_run,
        unit="MB",
    )
    return made


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}×" if unit == "×" else f"{value:,.0f} {unit}"


def _verdict(target: Target) -> str:
    if target.met is None:
        return f"not measured: {target.why_unmeasured}"
    return "met" if target.met else "**missed**"


def table(found: Sequence[Target]) -> str:
    """The targets as a Markdown table: target, measured, limit, met or missed."""
    lines = ["| target | measured | limit | verdict |", "|---|---:|---:|---|"]
    for t in found:
        shown = _verdict(t)
        lines.append(
            f"| {t.name} | {_shown(t.measured, t.unit)} | ≤ {_shown(t.limit, t.unit)} | {shown} |"
        )
    return "\n".join(lines)
