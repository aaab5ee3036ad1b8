"""The annual report's chart: activities per policy goal, stacked by quarter (matplotlib).

matplotlib is an optional dependency (``pip install clac[plot]``) imported only here, when a
chart is drawn. The figure is drawn through the Agg canvas directly, without pyplot, so it
neither needs a display nor touches global backend state; the PNG carries no software or date
metadata, so the same report gives the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from clac.reporting._labels import label, quarter_label
from clac.text import Language

if TYPE_CHECKING:
    from clac.reporting._annual import AnnualReport

__all__ = ["activities_chart_png", "chart_available"]

# Colour-blind-safe colours for the four quarters (Okabe-Ito).
_QUARTER_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")


def chart_available() -> bool:
    """Whether matplotlib is installed."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def activities_chart_png(report: AnnualReport, language: Language) -> bytes:
    """A PNG bar chart of the report's activities per policy goal and quarter.

    Raises ImportError when matplotlib is not installed (see :func:`chart_available`).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.ticker import MaxNLocator

    from clac._figures import ClacFigure

    goals = report.goals
    names = [f"{g.goal} · {g.name.in_(language)}" for g in goals]
    counts = [g.per_quarter() for g in goals]
    height = 0.9 + 0.45 * max(len(goals), 1)
    figure = ClacFigure(figsize=(9.0, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(goals)))
    left = [0] * len(goals)
    for quarter in range(4):
        widths = [c[quarter] for c in counts]
        axes.barh(
            positions,
            widths,
            left=left,
            color=_QUARTER_COLOURS[quarter],
            label=quarter_label(quarter + 1, language),
            height=0.65,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_yticks(positions, labels=names)
    axes.invert_yaxis()
    axes.set_xlabel(label("chart_axis", language))
    axes.set_title(f"{label('chart', language)} — {report.year}")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    figure.legend(ncols=4, loc="outside lower center", frameon=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
