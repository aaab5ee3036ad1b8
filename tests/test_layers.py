"""The layers of DESIGN.md hold: no module imports from a layer above its own, not even inside
a function (the contract is ``[tool.importlinter]`` in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


class TestLayers:
    def test_every_import_points_downward(self) -> None:
        pytest.importorskip("importlinter", reason="import-linter is in the dev extra")
        lint_imports = Path(sys.executable).parent / "lint-imports"
        result = subprocess.run(  # noqa: S603 - the lint-imports of this environment
            [str(lint_imports), "--no-cache"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Contracts: 1 kept, 0 broken." in result.stdout
