"""clac's pytest entry point (``pytest11``): it enables nothing.

pytest loads this module in every run of every project installed beside clac, so it imports
nothing of clac and only declares the ``clac_coalition`` ini option and marker that
``clac.testing.pytest_plugin`` reads, so that configurations using them pass
``--strict-config`` and ``--strict-markers``. The fixtures come with the plugin itself, which a
suite enables with ``pytest_plugins = ["clac.testing.pytest_plugin"]`` (docs/testing.md).
"""

from __future__ import annotations

from typing import Any

HELP = "the registry file the clac_coalition fixture reads (default: clac.demo())"
MARKER_HELP = "clac_coalition(path): the registry file the clac_coalition fixture reads"


def pytest_addoption(parser: Any) -> None:
    """Declare the ini option of clac's plugin."""
    parser.addini("clac_coalition", HELP, default="")


def pytest_configure(config: Any) -> None:
    """Declare the marker of clac's plugin."""
    config.addinivalue_line("markers", MARKER_HELP)
