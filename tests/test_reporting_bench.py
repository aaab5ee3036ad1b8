"""The reporting benchmark runs (once, in smoke mode; no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "bench_reporting.py"


class TestBenchmark:
    def test_the_benchmark_runs_in_smoke_mode(self) -> None:
        if not SCRIPT.exists():  # an sdist ships tests but not benchmarks
            pytest.skip("benchmarks/ is not here")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        result = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, str(SCRIPT), "--smoke"],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert "| annual_report (data) |" in result.stdout
        assert "| calendar (iCalendar bytes) |" in result.stdout
        assert "ratio" in result.stdout
