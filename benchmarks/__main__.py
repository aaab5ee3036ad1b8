"""All of clac's benchmarks in one run, each figure next to a baseline timed in the same run.

    python -m benchmarks                      # 1,000 / 10,000 / 100,000 members; medians
    python -m benchmarks --smoke              # smallest sizes, once: a quick check (< 1 min)
    python -m benchmarks --json results.json  # also write every figure as JSON

Scenarios:

- ``import``: ``python -c "import clac"`` and ``clac --help`` as whole processes, against
  ``python -c pass`` and ``python -c "import attrs, cattrs"``;
- ``load``: ``clac.load`` of a registry of N members from JSON and from YAML, against
  ``json.loads`` of the same registry's JSON file (the floor) and against an equivalent
  pydantic v2 model loading the same file (``benchmarks/_pydantic.py``; pydantic is not a
  dependency of clac: ``pip install -e '.[bench]'``, which ``nox -s bench`` does);
- ``dump``: ``clac.dumps`` to JSON and YAML, against ``json.dumps`` and libyaml's
  ``yaml.dump`` of the same plain data; up to 10,000 members, also clac's YAML through the
  pure-Python emitter it used before (what the C emitter saves);
- ``evaluate``: ``clac.rules.evaluate`` over the same registries (up to ``--evaluate-up-to``
  members, all by default), against the same floor;
- ``check``: ``clac check`` end to end on the 10,000-member JSON file (the smallest in smoke
  mode), against a process that only ``json.load``-s it;
- ``network``, ``proposals``, ``reporting``: the per-capability benchmarks in
  ``benchmarks/bench_*.py``, through their own functions.

The registries are the seeded synthetic coalitions of ``bench_network.synthetic`` (model
objects, no ``clac.testing``), written with ``clac.dumps``. A file over
``clac.io.MAX_FILE_SIZE`` (the 100,000-member JSON file) is read with ``max_size``.

After the table, the growth of every figure measured at two sizes is printed: ten times the
work should take at most twelve times as long.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks._runner import (
    CLOCKS,
    Result,
    compiled,
    growth,
    median_time,
    peak_memory,
    process_time,
    table,
    use_clock,
    write_json,
)
from benchmarks._targets import CHECK_SMALL, targets
from benchmarks._targets import table as targets_table

FULL_SIZES = (1_000, 10_000, 100_000)
SMOKE_SIZES = (200,)  # smoke mode checks that every scenario runs; it times nothing
SMOKE_NETWORK_SIZE = 200
CHECK_SIZE = 10_000
EVALUATE_UP_TO = 100_000
PURE_PYTHON_YAML_UP_TO = 10_000
AS_OF = date(2025, 6, 1)
ROOT = Path(__file__).resolve().parent.parent


def _repeats(size: int, smoke: bool) -> int:
    if smoke:
        return 1
    return 5 if size <= 1_000 else 3 if size <= 10_000 else 1


def bench_import(smoke: bool) -> list[Result]:
    """Start-up: ``import clac`` and ``clac --help`` as whole processes."""
    repeats = 1 if smoke else 10
    python = sys.executable
    bare = process_time([python, "-c", "pass"], repeats)
    deps = process_time([python, "-c", "import attrs, cattrs"], repeats)
    clac_import = process_time([python, "-c", "import clac"], repeats)
    clac_help = process_time([python, "-m", "clac", "--help"], repeats)
    scenario = "import"
    return [
        Result(scenario, "python -c 'import clac'", clac_import, "python -c pass", bare),
        Result(
            scenario,
            "python -c 'import clac'",
            clac_import,
            "python -c 'import attrs, cattrs'",
            deps,
        ),
        Result(scenario, "clac --help", clac_help, "python -c pass", bare),
        Result(scenario, "python -c 'import attrs, cattrs'", deps, "python -c pass", bare),
    ]


def _pydantic_available() -> bool:
    return importlib.util.find_spec("pydantic") is not None


def bench_registries(  # noqa: PLR0915 - one registry size after another, scenario by scenario
    sizes: Sequence[int],
    smoke: bool,
    folder: Path,
    notes: list[str],
    evaluate_up_to: int = EVALUATE_UP_TO,
) -> tuple[list[Result], dict[int, Path]]:
    """Loading, writing and evaluating registries of every size; returns the JSON files.

    A file over ``clac.io.MAX_FILE_SIZE`` is loaded with a ``max_size`` that fits it;
    registries over ``evaluate_up_to`` members are not evaluated (see the notes printed).
    """
    import yaml

    import clac
    from benchmarks.bench_network import synthetic
    from clac.io import MAX_FILE_SIZE, _yaml
    from clac.io._layout import RegistryFile
    from clac.rules import evaluate

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    c_dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    pydantic = _pydantic_available()
    if pydantic:
        from benchmarks import _pydantic
    else:
        notes.append(
            "pydantic is not installed in this environment (and is not a dependency of clac; "
            "pip install -e '.[bench]'): the pydantic baseline is skipped."
        )
    results: list[Result] = []
    files: dict[int, Path] = {}
    for size in sizes:
        repeats = _repeats(size, smoke)
        started = time.perf_counter()
        coalition = synthetic(size)
        built = time.perf_counter() - started
        json_file = folder / f"registry-{size}.json"
        yaml_file = folder / f"registry-{size}.yaml"
        json_text = clac.dumps(coalition, "json")
        json_file.write_text(json_text, encoding="utf-8")
        yaml_file.write_text(clac.dumps(coalition, "yaml"), encoding="utf-8")
        files[size] = json_file
        floor_name = "json.loads of the JSON file"
        json_bytes = json_file.read_bytes()
        yaml_text = yaml_file.read_text(encoding="utf-8")
        largest = max(len(json_bytes), len(yaml_text.encode("utf-8")))
        max_size = largest if largest > MAX_FILE_SIZE else None

        def floor(data: bytes = json_bytes) -> object:
            return json.loads(data)

        def load(path: Path, limit: int | None = max_size) -> Callable[[], object]:
            return lambda: clac.load(path, max_size=limit)

        def yaml_only(text: str = yaml_text) -> object:
            return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader

        base = median_time(floor, repeats)
        notes.append(
            f"{size:,} members: {len(coalition.meetings):,} meetings, "
            f"{len(coalition.working_groups):,} working groups, {len(coalition.reports):,} "
            f"reports; built in {built:.2f} s; {len(json_bytes):,} bytes of JSON and "
            f"{len(yaml_text.encode('utf-8')):,} of YAML."
        )
        if max_size is not None:
            notes.append(
                f"{size:,} members: a file is over clac.io.MAX_FILE_SIZE "
                f"({MAX_FILE_SIZE // 2**20} MB), so clac.load is given max_size={max_size:,}."
            )
        for path, label in ((json_file, "JSON"), (yaml_file, "YAML")):
            seconds = median_time(load(path), repeats)
            name = f"clac.load ({label})"
            results.append(Result("load", name, seconds, floor_name, base, size, repeats))
            if not pydantic:
                continue
            if label == "JSON":
                theirs = median_time(partial(_pydantic.load_json, json_bytes), repeats, paused=True)
                baseline = "pydantic v2 model_validate_json (strict)"
            else:
                theirs = median_time(partial(_yaml_then_pydantic, yaml_only), repeats, paused=True)
                baseline = f"yaml.load ({loader.__name__}) + pydantic v2 model_validate"
            results.append(Result("load", name, seconds, baseline, theirs, size, repeats))
        parse_yaml = median_time(yaml_only, repeats)
        results.append(
            Result(
                "load",
                f"yaml.load ({loader.__name__}) only",
                parse_yaml,
                floor_name,
                base,
                size,
                repeats,
            )
        )
        results += _bench_dump(
            coalition, size, repeats, c_dumper=c_dumper, yaml_module=_yaml, layout=RegistryFile
        )
        if size > evaluate_up_to:
            notes.append(
                f"{size:,} members: evaluate not timed (over --evaluate-up-to {evaluate_up_to:,})."
            )
            continue
        assessed = median_time(partial(evaluate, coalition, AS_OF), repeats)
        results.append(
            Result("evaluate", "clac.rules.evaluate", assessed, floor_name, base, size, repeats)
        )
    return results, files


def _yaml_then_pydantic(parse: Callable[[], object]) -> object:
    from benchmarks import _pydantic

    return _pydantic.load_yaml_data(parse())


def _bench_dump(
    coalition: Any, size: int, repeats: int, *, c_dumper: Any, yaml_module: Any, layout: Any
) -> list[Result]:
    """``clac.dumps`` to JSON and YAML against the bare libraries on the same plain data."""
    import yaml

    import clac
    from clac.io import _json
    from clac.io._layout import from_coalition

    data = _json.CONVERTER.unstructure(from_coalition(coalition), layout)
    native = yaml_module.CONVERTER.unstructure(from_coalition(coalition), layout)
    json_floor = median_time(lambda: json.dumps(data, indent=2, ensure_ascii=False), repeats)
    yaml_floor = median_time(
        lambda: yaml.dump(native, Dumper=c_dumper, sort_keys=False, allow_unicode=True),
        repeats,
    )
    json_name = "json.dumps of the same data"
    yaml_name = f"yaml.dump ({c_dumper.__name__}) of the same data"
    results = [
        Result(
            "dump",
            "clac.dumps (JSON)",
            median_time(partial(clac.dumps, coalition, "json"), repeats),
            json_name,
            json_floor,
            size,
            repeats,
        ),
        Result(
            "dump",
            "clac.dumps (YAML)",
            median_time(partial(clac.dumps, coalition, "yaml"), repeats),
            yaml_name,
            yaml_floor,
            size,
            repeats,
        ),
    ]
    if size <= PURE_PYTHON_YAML_UP_TO and yaml_module._CSafeDumper is not None:
        fast = yaml_module._CSafeDumper
        yaml_module._CSafeDumper = None  # what clac wrote YAML with before: pure Python
        try:
            slow = median_time(partial(clac.dumps, coalition, "yaml"), 1)
        finally:
            yaml_module._CSafeDumper = fast
        results.append(
            Result(
                "dump", "clac.dumps (YAML), pure-Python emitter", slow, yaml_name, yaml_floor, size
            )
        )
    return results


def bench_check(
    files: dict[int, Path], smoke: bool, folder: Path
) -> tuple[list[Result], dict[int, float]]:
    """``clac check`` end to end as a process: a 100-member registry against ``python -c pass``
    (start-up), the 10,000-member file (the smallest in smoke mode) against a process that only
    reads it, and a 100,000-member file when one was made (with ``--max-size``); and the peak
    memory of each check, in MB."""
    import clac
    from benchmarks.bench_network import synthetic

    repeats = 1 if smoke else 3
    python = sys.executable
    small = folder / f"registry-{CHECK_SMALL}.json"
    small.write_text(clac.dumps(synthetic(CHECK_SMALL), "json"), encoding="utf-8")
    results: list[Result] = []
    peaks: dict[int, float] = {}
    name = "clac check FILE.json"
    if not smoke:
        bare = process_time([python, "-c", "pass"], 10)
        seconds = process_time(_check_command(small), 10, accept=(0, 1))
        results.append(Result("check", name, seconds, "python -c pass", bare, CHECK_SMALL, 10))
    large = CHECK_SIZE if CHECK_SIZE in files else min(files)
    for size in sorted({large, *(s for s in files if s > CHECK_SIZE)}):
        path = files[size]
        floor = process_time(
            [
                python,
                "-c",
                f"import json, pathlib; json.loads(pathlib.Path({str(path)!r}).read_bytes())",
            ],
            repeats if size <= CHECK_SIZE else 1,
        )
        check = process_time(
            _check_command(path), repeats if size <= CHECK_SIZE else 1, accept=(0, 1)
        )
        baseline = "python -c 'json.loads(FILE.json)'"
        results.append(Result("check", name, check, baseline, floor, size, repeats))
        peaks[size] = peak_memory(_check_command(path))
    return results, peaks


def _check_command(path: Path) -> list[str]:
    size = path.stat().st_size
    limit = ["--max-size", str(size)] if size > 50 * 2**20 else []
    return [sys.executable, "-m", "clac", "check", "--as-of", AS_OF.isoformat(), *limit, str(path)]


def bench_capabilities(smoke: bool) -> list[Result]:
    """The per-capability benchmarks of ``benchmarks/bench_*.py``, through their functions."""
    from benchmarks import bench_network, bench_proposals, bench_reporting

    results: list[Result] = []
    for size in [SMOKE_NETWORK_SIZE] if smoke else bench_network.SIZES:
        repeats = 1 if smoke else (5 if size <= 1_000 else 1)  # 10,000: minutes per run
        for _size, name, ours, baseline, theirs in bench_network.bench(size, repeats, 2016):
            if theirs is None and not baseline:
                continue  # a note row (the synthetic coalition's build, the graph's size)
            results.append(Result("network", name, ours, baseline, theirs, size, repeats))

    for size in [200] if smoke else [10_000, 100_000]:
        repeats = 1 if smoke else 5
        measured = bench_proposals.measure(size, repeats, 50 if smoke else 2_000, 0)
        base = measured["baseline"]
        baseline = "dict {state: events} lookup"
        results += [
            Result(
                "proposals",
                "restore_all + allowed_events (lazy)",
                measured["lazy"],
                baseline,
                base,
                size,
                repeats,
            ),
            Result(
                "proposals",
                "ProposalMachine.restore (eager, scaled)",
                measured["eager"],
                baseline,
                base,
                size,
                repeats,
            ),
        ]

    years = 3 if smoke else 10
    repeats = 1 if smoke else 5
    coalition = bench_reporting.synthetic(years=years, seed=2016)
    last_year = bench_reporting.FIRST_YEAR + years - 1
    as_of = date(last_year + 1, 6, 1)
    members = len(coalition.members)
    for name, ours, baseline, theirs in bench_reporting.bench(coalition, last_year, as_of, repeats):
        results.append(Result("reporting", name, ours, baseline, theirs, members, repeats))
    return results


def run(
    sizes: Sequence[int],
    smoke: bool,
    notes: list[str],
    evaluate_up_to: int = EVALUATE_UP_TO,
    capabilities: bool = True,
) -> tuple[list[Result], dict[int, float]]:
    """Every scenario, in order (with progress on stderr when it is a terminal)."""
    from clac._progress import task
    from clac.text import Text

    with task(Text("Benchmarks", "Pruebas de rendimiento", pt="Benchmarks"), total=4) as progress:
        results = bench_import(smoke)
        progress.advance()
        with tempfile.TemporaryDirectory(prefix="clac-bench-") as folder:
            registries, files = bench_registries(sizes, smoke, Path(folder), notes, evaluate_up_to)
            results += registries
            progress.advance()
            checked, peaks = bench_check(files, smoke, Path(folder))
            results += checked
            progress.advance()
        if capabilities:
            results += bench_capabilities(smoke)
        progress.advance()
    return results, peaks


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the table and, if asked, write the JSON; return 0."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, measured once")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument(
        "--sizes", type=int, nargs="+", help="registry sizes (members) for load/evaluate"
    )
    parser.add_argument(
        "--evaluate-up-to",
        type=int,
        default=EVALUATE_UP_TO,
        metavar="N",
        help="evaluate only registries of at most N members (default %(default)s)",
    )
    parser.add_argument(
        "--clock",
        choices=CLOCKS,
        default="wall",
        help="wall-clock time (default) or CPU time, steadier on a shared machine",
    )
    parser.add_argument(
        "--no-capabilities",
        action="store_true",
        help="leave out the network, proposals and reporting benchmarks (minutes at full size; "
        "benchmarks/bench_*.py run them alone)",
    )
    options = parser.parse_args(argv)
    use_clock(options.clock)
    import clac
    from clac import _progress

    compiled(Path(clac.__file__).parent)  # processes start from bytecode, as installed

    _progress.enable(_progress.wanted())
    sizes = options.sizes or (SMOKE_SIZES if options.smoke else FULL_SIZES)
    mode = "smoke" if options.smoke else "full"
    notes: list[str] = []
    started = time.perf_counter()
    results, peaks = run(
        sizes, options.smoke, notes, options.evaluate_up_to, not options.no_capabilities
    )
    elapsed = time.perf_counter() - started
    print(
        f"clac benchmarks ({mode}, {options.clock} clock), Python {sys.version.split()[0]}, "
        f"in {elapsed:.0f} s"
    )
    print(table(results))
    print("ratio = median / baseline median, both measured in this run")
    grown = growth(results)
    if grown:
        print()
        print(grown)
    for note in notes:
        print(f"- {note}")
    met = targets(results, peaks)
    print()
    print("Targets (each a ratio of two figures of this run, or a peak of memory):")
    print()
    print(targets_table(met))
    if peaks:
        shown = ", ".join(f"{size:,} members {mb:,.0f} MB" for size, mb in sorted(peaks.items()))
        print(f"- peak memory of clac check: {shown}")
    if options.json is not None:
        write_json(
            options.json, results, mode=mode, notes=notes, targets=[t.as_dict() for t in met]
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
