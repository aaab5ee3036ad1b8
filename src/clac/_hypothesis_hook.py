"""The target of clac's ``hypothesis`` entry point: registers clac's strategies for ``from_type``.

It lives apart from :mod:`clac.testing` because Hypothesis runs its entry points while it is
first imported, which may happen from inside ``import clac.testing``; the module then registers
its strategies itself when it finishes loading.
"""

from __future__ import annotations

import sys


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public clac type (called by Hypothesis at import)."""
    loading = sys.modules.get("clac.testing")
    if loading is not None and not hasattr(loading, "_hypothesis_setup_hook"):
        return  # clac.testing is being imported right now and registers when it is done
    from clac.testing import _hypothesis_setup_hook as register

    register()
