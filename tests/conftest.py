"""Shared test configuration: the Hypothesis profiles.

``fast`` (the default) runs 25 examples a property: enough for every property to meet the
cases its strategy is built to reach, quick enough for the whole suite to run in about a
minute on two cores (``pytest -n auto``). ``ci`` runs 100, for continuous integration, and
``thorough`` runs 1,000, for nightly runs. None has a deadline, since shared machines time
unevenly. Choose one with the environment variable ``HYPOTHESIS_PROFILE``
(``HYPOTHESIS_PROFILE=thorough pytest -n auto``). A test that asks for more examples than
the default (``@settings(max_examples=...)``) keeps its number in every profile.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("fast", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=1_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
