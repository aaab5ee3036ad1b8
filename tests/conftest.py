"""Shared test configuration: the Hypothesis profiles.

``ci`` (the default) runs 50 examples a property and no deadline, since shared CI machines
time unevenly; ``thorough`` runs 500, for nightly runs. Choose one with the environment
variable ``HYPOTHESIS_PROFILE`` (``HYPOTHESIS_PROFILE=thorough pytest``).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's language follows CLAC_LANG and the locale: tests run in English whatever
    the machine's locale, and set these variables themselves where they test them."""
    for name in ("CLAC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
