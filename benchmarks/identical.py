"""Are clac's outputs byte for byte those of a reference revision?

    python -m benchmarks.identical                 # against HEAD, demo + 300 members
    python -m benchmarks.identical --ref main~3    # against another revision
    python -m benchmarks.identical --sizes 300 10000

Speed work must not change a byte of what clac writes. This script runs every output of
``clac check`` (text, json, sarif, junit, csv, markdown; with and without ``--all``; in
English and Spanish) and of the other commands (``report annual``, ``calendar``, ``gaps``,
``network`` summary and its GEXF/GraphML/JSON exports) twice, as whole processes: once with
the reference revision's ``src`` (extracted with ``git archive`` into a temporary directory)
first on ``PYTHONPATH``, once with the working tree's, on the demo coalition and on seeded
synthetic registries (``bench_network.synthetic``, written once as JSON by the working tree),
and compares standard output, standard error, exit status and every file written. It prints
each difference and exits 1 when there is one.

Both sides run on the same tree of tests and data, so an output someone changes on purpose
in the working tree (a new SARIF field) shows up as a difference against an older
reference: compare against the revision just before the change being measured (the default
is ``HEAD``, that is: the uncommitted work).
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

import clac
from benchmarks.bench_network import synthetic

ROOT = Path(__file__).resolve().parent.parent

FORMATS = ("text", "json", "sarif", "junit", "csv", "markdown")


def _commands(registry: str | None, as_of: str) -> list[tuple[str, list[str], str | None]]:
    """(name, arguments, written file) of every output compared for one registry."""
    given = [] if registry is None else [registry]
    day = ["--as-of", as_of]
    commands: list[tuple[str, list[str], str | None]] = []
    for fmt in FORMATS:
        commands.append((f"check-{fmt}", ["check", *given, *day, "--format", fmt], None))
        commands.append(
            (
                f"check-{fmt}-all-es",
                ["check", *given, *day, "--format", fmt, "--all", "--lang", "es"],
                None,
            )
        )
    commands.append(("check-charter-only", ["check", *given, *day, "--charter-only"], None))
    year = as_of[:4]
    previous = str(int(year) - 1)
    for y in (previous, year):
        commands.append(
            (f"report-{y}", ["report", "annual", *given, "-y", y, "--as-of", as_of], None)
        )
        commands.append(
            (
                f"report-{y}-html",
                ["report", "annual", *given, "-y", y, "--as-of", as_of, "-o", "{out}.html"],
                "html",
            )
        )
    commands.append(("calendar", ["calendar", *given, "--as-of", as_of], None))
    commands.append(("gaps", ["gaps", *given, "--as-of", as_of], None))
    commands.append(("gaps-json", ["gaps", *given, "--as-of", as_of, "-o", "{out}.json"], "json"))
    commands.append(("network", ["network", "summary", *given], None))
    for fmt in ("gexf", "graphml", "json"):
        commands.append(
            (
                f"network-{fmt}",
                ["network", "summary", *given, "--export", fmt, "-o", "{out}." + fmt],
                fmt,
            )
        )
    return commands


def _outputs(src: Path, registry: str | None, as_of: str, scratch: Path) -> dict[str, bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src)
    env.pop("CLAC_LANG", None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env["COLUMNS"] = "100"
    results: dict[str, bytes] = {}
    for name, arguments, suffix in _commands(registry, as_of):
        argv = [a.replace("{out}", name) for a in arguments]  # relative: the same text
        done = subprocess.run(  # noqa: S603 - this interpreter running clac
            [sys.executable, "-m", "clac", *argv],
            capture_output=True,
            env=env,
            cwd=scratch,
            check=False,
        )
        results[f"{name} (status)"] = str(done.returncode).encode()
        results[f"{name} (stdout)"] = done.stdout
        results[f"{name} (stderr)"] = done.stderr
        if suffix is not None:
            written = scratch / f"{name}.{suffix}"
            results[f"{name} (file)"] = written.read_bytes() if written.exists() else b"(none)"
    return results


def _extract(ref: str, into: Path) -> Path:
    archive = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "src"],  # noqa: S607
        capture_output=True,
        check=True,
    ).stdout
    tar = into / "ref.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as opened:
        opened.extractall(into, filter="data")
    return into / "src"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="the reference git revision (default HEAD)")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[300], help="synthetic registries (members)"
    )
    parser.add_argument("--as-of", default="2026-06-30", help="the day of the synthetic runs")
    args = parser.parse_args(argv)
    differences = 0
    compared = 0
    with tempfile.TemporaryDirectory(prefix="clac-identical-") as tmp:
        scratch = Path(tmp)
        reference = _extract(args.ref, scratch)
        registries: list[tuple[str | None, str]] = [(None, clac.DEMO_AS_OF.isoformat())]
        for size in args.sizes:
            path = scratch / f"registry-{size}.json"
            path.write_text(clac.dumps(synthetic(size), "json"), encoding="utf-8")
            registries.append((str(path), args.as_of))
        for registry, as_of in registries:
            label = "demo" if registry is None else Path(registry).name
            (scratch / "a").mkdir(exist_ok=True)
            (scratch / "b").mkdir(exist_ok=True)
            before = _outputs(reference, registry, as_of, scratch / "a")
            after = _outputs(ROOT / "src", registry, as_of, scratch / "b")
            for key in before:
                compared += 1
                if before[key] == after.get(key):
                    continue
                differences += 1
                print(f"DIFFERENT: {label}: {key}")
                old = before[key].decode(errors="replace").splitlines()
                new = after.get(key, b"").decode(errors="replace").splitlines()
                for line in list(
                    difflib.unified_diff(old, new, args.ref, "working tree", lineterm="")
                )[:20]:
                    print("   ", line)
    print(f"{compared} outputs compared with {args.ref}: {differences} different")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
