"""Shared test configuration: the Hypothesis profiles.

``fast`` (the default) runs 25 examples a property: enough for every property to meet the
cases its strategy is built to reach, quick enough for the whole suite to run in about a
minute on two cores (``pytest -n auto``). ``ci`` runs 100, for continuous integration, and
``thorough`` runs 1,000, for nightly runs. Choose one with the environment variable
``HYPOTHESIS_PROFILE`` (``HYPOTHESIS_PROFILE=thorough pytest -n auto``). A test that asks for
more examples than the default (``@settings(max_examples=...)``) keeps its number in every
profile.

No outcome of the suite depends on how fast the machine is: no profile has a deadline, and
none runs the health checks that time or weigh input generation (``too_slow``,
``data_too_large``, ``large_base_example``): a shared or busy machine times unevenly, and how
much a run happens to draw is chance. How fast ``clac.testing`` draws, and that its strategies
pass those health checks with margin, is measured by ``python benchmarks/bench_testing.py``
instead (docs/testing.md). The other health checks (``filter_too_much`` …) stay on.

The example plugin of ``tests/plugin`` (the distribution ``clac-plugin-example``, its rules
and framework) is registered here for the test session only, never installed: its source
folder and a temporary ``*.dist-info`` holding its entry points go on ``sys.path`` before any
test module is imported, and on ``PYTHONPATH`` for the commands the tests run, and the
temporary folder is removed when the session ends. The user's environment keeps the clac it
had: ``clac check`` there reports what a plain install reports.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, settings

PLUGIN = Path(__file__).resolve().parent / "plugin"
"""The example plugin's project (its pyproject.toml and src/)."""


def register_example_plugin(project: Path = PLUGIN) -> list[Path]:
    """Put the plugin ``project`` on ``sys.path`` and ``PYTHONPATH`` with its entry points
    visible to ``importlib.metadata``, as if installed; return the folders added."""
    meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    folder = Path(tempfile.mkdtemp(prefix="clac-test-plugin-"))
    atexit.register(shutil.rmtree, folder, True)
    name, version = meta["name"], meta["version"]
    info = folder / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    groups = meta.get("entry-points", {})
    (info / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{key} = {value}\n" for key, value in points.items()) + "\n"
            for group, points in groups.items()
        ),
        encoding="utf-8",
    )
    added = [project / "src", folder]
    sys.path[:0] = [str(path) for path in added]
    inherited = [os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []
    os.environ["PYTHONPATH"] = os.pathsep.join([*(str(path) for path in added), *inherited])
    return added


register_example_plugin()

SPEED_DEPENDENT = (HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example)
"""The health checks whose outcome depends on the machine's speed or load, or on chance."""

for _name, _examples in (("fast", 25), ("ci", 100), ("thorough", 1_000)):
    settings.register_profile(
        _name, max_examples=_examples, deadline=None, suppress_health_check=SPEED_DEPENDENT
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
