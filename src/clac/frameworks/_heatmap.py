"""The regional matrix as a heat map: matplotlib, drawn off-screen, saved as PNG or SVG.

Countries run down, items across; each cell is coloured by outcome and carries a symbol too
(✓ met, ◐ partly met, ✗ not met, ? unknown), so the picture reads without colour. The
framework's verdict, when it has a sufficiency rule, is written at the end of each row. Any
illustrative evidence puts a warning under the title. pyplot is never imported.
"""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Final

from clac._escape import literal_figure_text
from clac.countries import country_name
from clac.errors import InvalidData, require
from clac.frameworks._framework import Verdict
from clac.io import write_atomically
from clac.model import Outcome
from clac.text import Language, Text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from clac.frameworks._matrix import RegionalMatrix

__all__ = ["OUTCOME_COLOURS", "OUTCOME_SYMBOLS", "heatmap", "heatmap_bytes", "write_heatmap"]

#: The colour of each outcome (colour-blind-safe: blue, light orange, vermilion, light grey).
OUTCOME_COLOURS: Final = {
    Outcome.MET: "#0072B2",
    Outcome.PARTLY_MET: "#F5C163",
    Outcome.NOT_MET: "#D55E00",
    Outcome.UNKNOWN: "#E6E6E6",
}

#: The symbol written in each cell, so the map also reads in black and white.
OUTCOME_SYMBOLS: Final = {
    Outcome.MET: "✓",
    Outcome.PARTLY_MET: "◐",
    Outcome.NOT_MET: "✗",
    Outcome.UNKNOWN: "?",
}

_ORDER = (Outcome.MET, Outcome.PARTLY_MET, Outcome.NOT_MET, Outcome.UNKNOWN)
_AS_OF = Text("as of {day}", "al {day}", pt="em {day}")
_ILLUSTRATIVE = Text(
    "ILLUSTRATIVE DATA: not an assessment of any real country",
    "DATOS ILUSTRATIVOS: no es una evaluación de ningún país real",
    pt="DADOS ILUSTRATIVOS: não é uma avaliação de nenhum país real",
)
_VERDICT = Text("Verdict", "Veredicto", pt="Veredito")
_VERDICT_COLOURS = {
    Verdict.SUFFICIENT: "#0072B2",
    Verdict.INSUFFICIENT: "#D55E00",
    Verdict.UNDETERMINED: "#666666",
}


@literal_figure_text
def heatmap(grid: RegionalMatrix, language: Language | str = Language.EN) -> Figure:
    """The heat map of ``grid`` as a matplotlib ``Figure`` (needs matplotlib)."""
    require("matplotlib", "The heat map", "plot")
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    from clac._figures import ClacFigure

    lang = Language.parse(language)
    framework = grid.framework
    items = framework.items
    rows = grid.countries
    values = [[_ORDER.index(grid.outcome(c, item.id)) for item in items] for c in rows]
    verdicts = grid.verdicts

    width = 3.2 + 0.42 * len(items) + (1.4 if verdicts else 0)
    height = 2.6 + 0.26 * len(rows)
    figure = ClacFigure(figsize=(max(width, 7.0), max(height, 4.0)), layout="constrained")
    ax = figure.add_subplot()
    colours = ListedColormap([OUTCOME_COLOURS[o] for o in _ORDER])
    ax.imshow(values, cmap=colours, vmin=-0.5, vmax=len(_ORDER) - 0.5, aspect="auto")
    for r, row in enumerate(values):
        for c, index in enumerate(row):
            outcome = _ORDER[index]
            ax.text(
                c,
                r,
                OUTCOME_SYMBOLS[outcome],
                ha="center",
                va="center",
                fontsize=8,
                color="white" if outcome in (Outcome.MET, Outcome.NOT_MET) else "#333333",
            )
    ax.set_xticks(range(len(items)))
    ax.set_xticklabels(
        [textwrap.fill(item.label.in_(lang), 28) for item in items],
        rotation=55,
        ha="right",
        rotation_mode="anchor",
        fontsize=8,
    )
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{country_name(c).in_(lang)} ({c})" for c in rows], fontsize=8)
    ax.set_xticks([x - 0.5 for x in range(1, len(items))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="minor", length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    if verdicts:
        ax.text(
            len(items) - 0.3,
            -0.9,
            _VERDICT.in_(lang),
            ha="left",
            va="bottom",
            fontsize=8,
            fontweight="bold",
        )
        for r, country in enumerate(rows):
            verdict = verdicts[country]
            ax.text(
                len(items) - 0.3,
                r,
                verdict.label.in_(lang),
                ha="left",
                va="center",
                fontsize=8,
                color=_VERDICT_COLOURS[verdict],
            )
    title = f"{framework.name.in_(lang)}\n{_AS_OF.format(day=grid.as_of.isoformat()).in_(lang)}"
    ax.set_title(title, fontsize=10, loc="left", pad=16)
    if grid.illustrative:
        figure.suptitle(_ILLUSTRATIVE.in_(lang), color="#B00020", fontsize=10, fontweight="bold")
    figure.legend(
        handles=[
            Patch(
                facecolor=OUTCOME_COLOURS[o],
                edgecolor="#999999",
                label=f"{OUTCOME_SYMBOLS[o]} {o.label.in_(lang)}",
            )
            for o in _ORDER
        ],
        loc="outside lower center",
        ncols=4,
        fontsize=8,
        frameon=False,
    )
    return figure


def heatmap_bytes(
    grid: RegionalMatrix,
    *,
    language: Language | str = Language.EN,
    image_format: str = "png",
    dpi: int = 150,
) -> bytes:
    """The heat map encoded as PNG or SVG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = heatmap(grid, language)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=image_format, dpi=dpi, facecolor="white")
    return buffer.getvalue()


def write_heatmap(
    grid: RegionalMatrix,
    path: str | os.PathLike[str],
    *,
    language: Language | str = Language.EN,
    dpi: int = 150,
) -> Path:
    """Write the heat map to ``path`` (PNG or SVG, by suffix) atomically; return the path."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise InvalidData("must end in .png or .svg", path="path", value=str(path))
    data = heatmap_bytes(grid, language=language, image_format=suffix, dpi=dpi)
    return write_atomically(path, data)
