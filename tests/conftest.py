"""Shared test configuration: the Hypothesis profiles.

``ci`` (the default) runs 50 examples a property and no deadline, since shared CI machines
time unevenly; ``thorough`` runs 500, for nightly runs. Choose one with the environment
variable ``HYPOTHESIS_PROFILE`` (``HYPOTHESIS_PROFILE=thorough pytest``).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
