"""A CI or pre-commit script: check one or more registry files, write a JUnit report and a SARIF
log for each, and exit as ``clac check`` would for the worst of them.

Run: ``python examples/ci_check.py [--reports DIR] [--as-of YYYY-MM-DD] REGISTRY...``

- exit 0: every required rule met in every registry; 1: a required rule unmet somewhere;
  2: a registry could not be read (its problems are printed, one per line, with their path);
- ``DIR/<name>.junit.xml`` and ``DIR/<name>.sarif`` for each registry (default ``reports``).

As a pre-commit hook of your own (``language: system``, ``pass_filenames: true``) it checks
every registry file staged. Without REGISTRY it checks a copy of the built-in demo in a
temporary folder and exits 0 whatever it finds: a demonstration, which the test suite runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import clac
from clac.io import Format, locate, write_text_atomically
from clac.rules import evaluate

OK, UNMET, BAD_INPUT = 0, 1, 2


def check(path: Path, reports: Path, as_of: date | None) -> int:
    """Check one registry, write its reports, print one line; its exit status."""
    try:
        coalition = clac.load(path)
    except clac.ClacError as error:
        for problem in error.problems:
            print(f"{path}: {problem.message()}", file=sys.stderr)
        return BAD_INPUT
    assessment = evaluate(coalition, as_of=as_of)
    reports.mkdir(parents=True, exist_ok=True)
    write_text_atomically(reports / f"{path.stem}.junit.xml", assessment.to_junit())
    # a path from the repository root (where pre-commit and CI run), and where the file
    # records each subject: code-scanning views annotate those lines
    regions = locate(path.read_text(encoding="utf-8"), Format.from_path(path))
    sarif = assessment.to_sarif(artifact=path.as_posix(), regions=regions)
    write_text_atomically(reports / f"{path.stem}.sarif", json.dumps(sarif, indent=2) + "\n")
    print(f"{path}: {assessment.summary()}")
    return OK if assessment.ok else UNMET


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("registries", nargs="*", type=Path, metavar="REGISTRY")
    parser.add_argument("--reports", type=Path, default=Path("reports"), metavar="DIR")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    args = parser.parse_args(argv)
    if not args.registries:
        with tempfile.TemporaryDirectory() as folder:
            demo = Path(folder) / "demo.yaml"
            clac.dump(clac.demo(), demo)
            status = check(demo, Path(folder) / "reports", clac.DEMO_AS_OF)
            written = sorted(p.name for p in (Path(folder) / "reports").iterdir())
            print(f"would exit {status}; wrote {', '.join(written)}")
        return OK
    return max(check(path, args.reports, args.as_of) for path in args.registries)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
