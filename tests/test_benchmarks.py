"""``python -m benchmarks --smoke`` runs once; its table and JSON hold every scenario.

No timing is asserted: the figures depend on the machine.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {"import", "load", "dump", "evaluate", "check", "network", "proposals", "reporting"}
OWN = {"import", "load", "dump", "evaluate", "check"}


class TestRunner:
    def test_the_smoke_run_prints_the_table_and_writes_every_scenario(self, tmp_path: Path) -> None:
        if not (ROOT / "benchmarks" / "__main__.py").exists():  # an sdist ships no benchmarks
            pytest.skip("benchmarks/ is not here")
        output = tmp_path / "results.json"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
        result = subprocess.run(  # noqa: S603 - our own runner
            [sys.executable, "-m", "benchmarks", "--smoke", "--json", str(output)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert "| scenario | size | measured | median |" in result.stdout
        assert "| import |" in result.stdout
        assert "ratio" in result.stdout

        document = json.loads(output.read_text(encoding="utf-8"))
        assert document["mode"] == "smoke"
        assert document["clock"] == "wall"
        results = document["results"]
        assert set(document["scenarios"]) == SCENARIOS
        for scenario in SCENARIOS:
            rows = [r for r in results if r["scenario"] == scenario]
            compared = [r for r in rows if r["baseline"] and r["ratio"] is not None]
            assert compared, f"{scenario} has no figure with a baseline and a ratio"
            if scenario in OWN:
                assert compared == rows, f"a {scenario} figure lacks its baseline"
        for row in results:
            assert row["seconds"] > 0
            if row["baseline_seconds"]:
                assert row["ratio"] == pytest.approx(row["seconds"] / row["baseline_seconds"])
        # Every target is printed, with a verdict or why the smoke run did not measure it.
        assert "| target | measured | limit | verdict |" in result.stdout
        assert len(document["targets"]) == 9
        for target in document["targets"]:
            assert target["met"] in (True, False) or target["not_measured"]


class TestTargets:
    def _targets(self) -> Any:
        if not (ROOT / "benchmarks" / "_targets.py").exists():  # an sdist ships no benchmarks
            pytest.skip("benchmarks/ is not here")
        return importlib.import_module("benchmarks._targets")

    def test_a_ratio_within_its_limit_is_met_and_one_over_it_missed(self) -> None:
        targets = self._targets()
        runner = _runner()
        check = "clac check FILE.json"
        floor = "python -c 'json.loads(FILE.json)'"
        results = [
            runner.Result("check", check, 0.8, floor, 0.1, size=10_000),
            runner.Result("check", check, 1.6, "python -c pass", 0.1, size=100),
            runner.Result("dump", "clac.dumps (JSON)", 1.0, size=1_000),
            runner.Result("dump", "clac.dumps (JSON)", 11.0, size=10_000),
        ]
        found = {t.name: t for t in targets.targets(results, {10_000: 130.0})}
        assert len(found) == 9
        verdicts = {name: t.met for name, t in found.items() if t.met is not None}
        assert verdicts == {
            "`clac check` 10,000 members (JSON) / a process that only `json.loads` the file": True,
            "`clac check` 100 members / `python -c pass`": False,
            "`clac.dumps` (JSON) growth, 1,000 → 10,000 members": True,
            "peak memory of `clac check`, 10,000 members (JSON)": False,
        }
        table = targets.table(list(found.values()))
        assert "| 16.00× | ≤ 15.00× | **missed** |" in table
        assert "not measured: needs pydantic" in table


def _runner() -> Any:
    if not (ROOT / "benchmarks" / "_runner.py").exists():  # an sdist ships no benchmarks
        pytest.skip("benchmarks/ is not here")
    return importlib.import_module("benchmarks._runner")


class TestGrowth:
    def test_ten_times_the_work_in_at_most_twelve_times_the_time_is_linear(self) -> None:
        runner = _runner()
        results = [
            runner.Result("evaluate", "fast", 1.0, size=1_000),
            runner.Result("evaluate", "fast", 11.9, size=10_000),
            runner.Result("evaluate", "slow", 1.0, size=1_000),
            runner.Result("evaluate", "slow", 31.0, size=10_000),
        ]
        table = runner.growth(results)
        assert "| evaluate | fast | 1,000 → 10,000 | 10× | 11.9× | yes |" in table
        assert "| evaluate | slow | 1,000 → 10,000 | 10× | 31.0× | **no** |" in table

    def test_one_size_shows_no_growth(self) -> None:
        runner = _runner()
        assert runner.growth([runner.Result("load", "x", 1.0, size=1_000)]) == ""


class TestClock:
    def test_cpu_time_leaves_out_waiting(self) -> None:
        runner = _runner()
        try:
            runner.use_clock("cpu")
            assert runner.clock() == "cpu"
            assert runner.median_time(lambda: time.sleep(0.05), 1) < 0.04
        finally:
            runner.use_clock("wall")
        assert runner.median_time(lambda: time.sleep(0.05), 1) >= 0.05

    def test_an_unknown_clock_is_refused(self) -> None:
        with pytest.raises(ValueError, match="clock must be one of"):
            _runner().use_clock("sundial")


class TestPydanticBaseline:
    """The pydantic model of the load baseline reads what clac reads, and is as strict."""

    def _pydantic(self) -> Any:
        pytest.importorskip("pydantic")
        if not (ROOT / "benchmarks" / "_pydantic.py").exists():
            pytest.skip("benchmarks/ is not here")
        return importlib.import_module("benchmarks._pydantic")

    def test_it_reads_the_demo_as_clac_does(self) -> None:
        import clac

        baseline = self._pydantic()
        text = clac.dumps(clac.demo(), "json")
        model = baseline.load_json(text.encode("utf-8"))
        demo = clac.demo()
        assert [m.organization for m in model.members] == [m.organization for m in demo.members]
        assert len(model.meetings) == len(demo.meetings)
        assert len(model.reports) == len(demo.reports)
        data = yaml.safe_load(clac.dumps(demo, "yaml"))
        assert baseline.load_yaml_data(data) == model

    def test_it_refuses_unknown_keys_and_coercion(self) -> None:
        baseline = self._pydantic()  # skips without pydantic (not in the test extra)
        import pydantic

        import clac

        data = json.loads(clac.dumps(clac.demo(), "json"))
        with pytest.raises(pydantic.ValidationError):
            baseline.load_json(json.dumps({**data, "extra": 1}).encode("utf-8"))
        data["members"][0]["listed_in_materials"] = "yes"
        with pytest.raises(pydantic.ValidationError):
            baseline.load_json(json.dumps(data).encode("utf-8"))
