"""``python -m benchmarks --smoke`` runs once; its table and JSON hold every scenario.

No timing is asserted: the figures depend on the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {"import", "load", "evaluate", "check", "network", "proposals", "reporting"}
OWN = {"import", "load", "evaluate", "check"}


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
