"""Where the tests find the official schemas and the real readers of clac's outputs.

The schemas are the verbatim copies in ``../shared/schemas/`` beside the repository, or under
``CLAC_SHARED_SCHEMAS``, else the same copies vendored in ``tests/schemas/`` (``SOURCES``
names each public repository and commit), so a bare clone validates against them too. The npm
tools (Microsoft's SARIF Multitool, graphology-gexf) are installed by ``.ci/run`` under
``CLAC_NPM_PREFIX`` (default ``~/.cache/clac/npm``). A test needing one that is missing skips,
saying which, so the suite passes from a bare clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


#: The official schemas vendored with the tests (verbatim copies; ``SOURCES`` names each one).
VENDORED = ROOT / "tests" / "schemas"


def schemas_dir() -> Path | None:
    """``CLAC_SHARED_SCHEMAS``, else the first ``shared/schemas`` beside the repository or one
    of the folders holding it (a worktree sits deeper than a clone), else :data:`VENDORED`."""
    given = os.environ.get("CLAC_SHARED_SCHEMAS")
    if given:
        return Path(given) if Path(given).is_dir() else None
    for folder in ROOT.parents:
        candidate = folder / "shared" / "schemas"
        if (candidate / "SOURCES").is_file():
            return candidate
    return VENDORED if (VENDORED / "SOURCES").is_file() else None


def schema(name: str) -> Path:
    """The official schema file ``name`` (a path under ``shared/schemas``), or a skip."""
    folder = schemas_dir()
    if folder is None or not (folder / name).is_file():
        pytest.skip(f"needs the official schema {name} (../shared/schemas or CLAC_SHARED_SCHEMAS)")
    return folder / name


def npm_prefix() -> Path:
    given = os.environ.get("CLAC_NPM_PREFIX")
    return Path(given) if given else Path.home() / ".cache" / "clac" / "npm"


def multitool() -> Path:
    """Microsoft's SARIF Multitool (npm ``@microsoft/sarif-multitool``), or a skip."""
    scope = npm_prefix() / "node_modules" / "@microsoft"
    found = sorted(scope.glob("sarif-multitool-*/Sarif.Multitool"))
    if not found:
        pytest.skip(f"needs @microsoft/sarif-multitool under {npm_prefix()} (.ci/run installs it)")
    tool = found[0]
    if not os.access(tool, os.X_OK):  # npm may skip the package's chmod (install scripts off)
        tool.chmod(0o755)
    return tool


def node_with(package: str) -> tuple[str, Path]:
    """node and the ``node_modules`` folder holding ``package``, or a skip."""
    node = shutil.which("node")
    modules = npm_prefix() / "node_modules"
    if node is None:
        pytest.skip("needs node")
    if not (modules / package).is_dir():
        pytest.skip(f"needs the npm package {package} under {npm_prefix()} (.ci/run installs it)")
    return node, modules


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]  # noqa: S603
