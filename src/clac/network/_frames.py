"""pandas, when it is installed: every analysis result can become a ``DataFrame``.

pandas is optional (``pip install clac[pandas]``); without it ``to_dataframe()`` raises
:class:`MissingDependency` with the command that installs it, and nothing else changes.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from clac.errors import MissingDependency, require

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HtmlTable", "MissingDependency", "data_frame", "require"]


def data_frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A ``DataFrame`` of ``rows`` with ``columns`` in this order (empty rows keep them)."""
    pandas = require("pandas", "to_dataframe()", "pandas")
    frame: pd.DataFrame = pandas.DataFrame([dict(row) for row in rows], columns=list(columns))
    return frame


class HtmlTable:
    """Mixin: a result that shows itself in Jupyter as the table of its ``to_dataframe()``.

    Without pandas it returns None, and Jupyter shows the plain ``repr`` instead.
    """

    __slots__ = ()

    def to_dataframe(self) -> pd.DataFrame:  # pragma: no cover - every result defines it
        raise NotImplementedError

    def _repr_html_(self) -> str | None:
        try:
            frame = self.to_dataframe()
        except MissingDependency:
            return None
        caption = html.escape(type(self).__name__)
        table: str = frame.to_html(index=False, escape=True, na_rep="—", border=0)
        return f'<div class="clac-result"><strong>{caption}</strong>{table}</div>'
