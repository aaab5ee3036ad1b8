"""pandas, when it is installed: every analysis result can become a ``DataFrame``.

pandas is optional (``pip install clac[pandas]``); without it ``to_dataframe()`` raises
:class:`MissingDependency` with the command that installs it, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from clac.errors import MissingDependency, require

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MissingDependency", "data_frame", "require"]


def data_frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A ``DataFrame`` of ``rows`` with ``columns`` in this order (empty rows keep them)."""
    pandas = require("pandas", "to_dataframe()", "pandas")
    frame: pd.DataFrame = pandas.DataFrame([dict(row) for row in rows], columns=list(columns))
    return frame
