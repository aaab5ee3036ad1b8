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
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SPEED_DEPENDENT = (HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example)
"""The health checks whose outcome depends on the machine's speed or load, or on chance."""

for _name, _examples in (("fast", 25), ("ci", 100), ("thorough", 1_000)):
    settings.register_profile(
        _name, max_examples=_examples, deadline=None, suppress_health_check=SPEED_DEPENDENT
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
