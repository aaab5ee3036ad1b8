"""clac's pytest plugin: fixtures for a suite that tests a coalition's registry or its own rules.

It is off unless a suite enables it, in its `conftest.py`:

```python
pytest_plugins = ["clac.testing.pytest_plugin"]
```

or on the command line (`pytest -p clac.testing.pytest_plugin`, or in `addopts`). Installing
clac only registers a pytest entry point (`clac`) whose module imports nothing of clac and
declares the `clac_coalition` ini option and marker, so a project that does not enable the
plugin runs exactly as before, and `--strict-config` / `--strict-markers` accept them.

Fixtures:

- `clac_coalition`: the registry the test asks for: the file named by the test's marker
  `@pytest.mark.clac_coalition("registry.yaml")`, else by the `clac_coalition` ini option,
  else `clac.demo()`. Paths are relative to pytest's rootdir. Each file is read once per
  session (a `Coalition` is immutable).
- `clac_demo`: `clac.demo()`, read once per session.

The assertion helpers (`assert_met`, `assert_unmet`, `assert_outcome`) are plain functions
of `clac.testing`, usable with or without the plugin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import clac
from clac.registry import Coalition

__all__ = ["clac_coalition", "clac_demo"]

INI = "clac_coalition"
"""The ini option naming the registry file `clac_coalition` reads."""
MARKER = "clac_coalition"
"""The marker naming the registry file for one test: `@pytest.mark.clac_coalition(path)`."""
HELP = "the registry file the clac_coalition fixture reads (default: clac.demo())"
MARKER_HELP = "clac_coalition(path): the registry file the clac_coalition fixture reads"

_LOADED: dict[Path, Coalition] = {}
_DEMO: list[Coalition] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ini option (again, when the entry point already did: harmless)."""
    parser.addini(INI, HELP, default="")


def pytest_configure(config: pytest.Config) -> None:
    """Declare the marker."""
    config.addinivalue_line("markers", MARKER_HELP)


def _demo() -> Coalition:
    if not _DEMO:
        _DEMO.append(clac.demo())
    return _DEMO[0]


def _load(path: Path) -> Coalition:
    resolved = path.resolve()
    if resolved not in _LOADED:
        _LOADED[resolved] = clac.load(resolved)
    return _LOADED[resolved]


@pytest.fixture
def clac_coalition(request: pytest.FixtureRequest) -> Coalition:
    """The registry of the test's `clac_coalition` marker, else of the `clac_coalition` ini
    option, else `clac.demo()` (paths relative to pytest's rootdir)."""
    marker = request.node.get_closest_marker(MARKER)
    root = request.config.rootpath
    if marker is not None:
        if len(marker.args) != 1 or not isinstance(marker.args[0], str | Path):
            raise pytest.UsageError(f"@pytest.mark.{MARKER} takes one path, got {marker.args!r}")
        return _load(root / marker.args[0])
    configured = str(request.config.getini(INI) or "").strip()
    if configured:
        return _load(root / configured)
    return _demo()


@pytest.fixture(scope="session")
def clac_demo() -> Coalition:
    """`clac.demo()`, read once per session."""
    return _demo()
