"""The test suite's own set-up: the README's test command installs nothing but clac, and the
example plugin of tests/plugin is registered for the test session only (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import distribution
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "clac-plugin-example"


def _test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- test-command -->", 1)[1].split("```sh", 1)[1]
    return block.split("```", 1)[0].strip()


class TestTheReadmeTestCommand:
    def test_installs_clac_with_its_test_tools_and_nothing_else(self) -> None:
        if not (ROOT / "README.md").exists():  # an installed copy of the tests
            pytest.skip("README.md is not here")
        command = _test_command()
        assert "pip install -q -e '.[test]'" in command
        assert "tests/plugin" not in command


class TestTheExamplePlugin:
    def test_is_found_in_a_temporary_folder_not_in_the_environment(self) -> None:
        found = distribution(PLUGIN)
        where = Path(str(found.locate_file(""))).resolve()
        assert not where.is_relative_to(Path(sys.prefix).resolve())
        assert found.entry_points.select(group="clac.rules")

    def test_commands_the_tests_run_see_it_too(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "clac", "rules"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "XMPL-01" in result.stdout
