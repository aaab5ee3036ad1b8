"""The matplotlib figure clac's pictures are drawn on: one that shows itself in Jupyter.

clac draws without pyplot (no global state, no display needed). A plain ``Figure`` made that
way shows in Jupyter only once matplotlib's inline backend has registered its formatter, which
happens after a first pyplot plot; until then a notebook printed ``<Figure size 1300x650 with
2 Axes>`` instead of the picture. :class:`ClacFigure` adds ``_repr_png_``, so a returned
figure displays as an image whether or not pyplot was used first (where the inline backend's
formatter is registered, it is the one used, once). Import this module only where matplotlib
is needed: it imports matplotlib.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["ClacFigure"]


class ClacFigure(Figure):
    """A matplotlib ``Figure`` that Jupyter shows as a PNG (``_repr_png_``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        FigureCanvasAgg(self)  # draws off-screen; never a window

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100, facecolor="white")
        return buffer.getvalue()
