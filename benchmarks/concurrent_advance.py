"""Pairs of ``clac proposal advance`` run at the same moment on one registry: none may be lost.

    python -m benchmarks.concurrent_advance             # 100 pairs on the demo registry
    python -m benchmarks.concurrent_advance --pairs 10

Each pair starts two real ``clac`` processes on a fresh copy of the demo registry (as
``clac demo -o`` writes it, comments and all). In even pairs they advance two different
proposals (both events must be kept); in odd pairs they send the same event to the same
proposal (the second must be refused with exit status 2, since the proposal has moved on).
A pair is *lost* when a process printed "wrote" and its event is not in the file, or the file
lost a comment. The script prints the tally and exits 1 if any pair was lost.

``tests/test_editing.py`` runs 10 pairs (20 forked processes) in the test suite.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import clac
from clac.model import ProposalState

# Two proposals of the demo that can move as of the demo's day, with who moves them.
_SHARE = ("awareness-toolkit-caribbean", "share", "icmec", ProposalState.SHARED)
_SUBMIT = ("isp-safety-settings-guide", "submit", "conectademo", ProposalState.SUBMITTED)


def _start(path: Path, proposal: str, event: str, actor: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - this interpreter, clac's own CLI
        [
            *(sys.executable, "-m", "clac", "proposal", "advance", str(path), proposal, event),
            *("--actor", actor, "--date", "2026-11-02", "--lock-timeout", "120"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def _shares(coalition: clac.Coalition) -> int:
    return [e.event.value for e in coalition.proposal(_SHARE[0]).history].count("share")


def run_pair(folder: Path, number: int) -> str:
    """One pair: "both kept", "one refused" or "lost" (with why)."""
    path = folder / f"pair-{number}.yaml"
    path.write_text(clac.demo_text(), encoding="utf-8")
    moves = [_SHARE, _SUBMIT] if number % 2 == 0 else [_SHARE, _SHARE]
    processes = [_start(path, proposal, event, actor) for proposal, event, actor, _ in moves]
    results = [(p.wait(), *p.communicate()) for p in processes]
    final = clac.load(path)
    if _comments(path.read_text(encoding="utf-8")) != _comments(clac.demo_text()):
        return "lost: a comment line"
    refused = 0
    for (proposal, event, _actor, state), (status, out, err) in zip(moves, results, strict=True):
        record = final.proposal(proposal)
        events = [e.event.value for e in record.history]
        if status == 0:
            if "wrote" not in out or record.state is not state or event not in events:
                return f"lost: {proposal} {event} reported written but is not in the file"
        elif status == 2:
            refused += 1
        else:
            return f"lost: exit status {status}: {err.strip()}"
    if number % 2 == 1 and _shares(final) != _shares(clac.demo()) + 1:
        return "lost: the same event recorded twice, or not at all"
    return "both kept" if refused == 0 else "one refused"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100)
    args = parser.parse_args(argv)
    tally: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.pairs):
            outcome = run_pair(Path(folder), number)
            tally[outcome] = tally.get(outcome, 0) + 1
            if outcome.startswith("lost"):
                print(f"pair {number}: {outcome}", file=sys.stderr)
    for outcome, count in sorted(tally.items()):
        print(f"{outcome}: {count}")
    return 1 if any(o.startswith("lost") for o in tally) else 0


if __name__ == "__main__":
    sys.exit(main())
