"""A picture of each survey round: the reported ties coloured by collaboration level.

One panel per round, side by side, with the same layout in every panel (computed on all the
rounds' ties together, seeded) so that the eye follows each organization from round to round.
Ties are coloured from light (awareness) to dark (integrated) on a colour-blind-safe ramp and
drawn thicker the closer the collaboration; nodes are the organizations invited in the round,
coloured by sector as in :func:`clac.network.draw`. No rating is drawn. matplotlib is imported
only here (never pyplot).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import networkx as nx

from clac._escape import literal_figure_text
from clac.charter import Sector
from clac.io import write_atomically
from clac.network._figure import SECTOR_COLOURS, _matplotlib, _short
from clac.network._reported import Symmetrization
from clac.network._survey import answers_of, survey_graph
from clac.registry import Coalition
from clac.survey import Collaboration, SurveyAnswer
from clac.text import Language, Text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["COLLABORATION_COLOURS", "draw_rounds", "write_rounds_png"]

#: The colour of a tie at each collaboration level (a sequential blue ramp, light to dark).
COLLABORATION_COLOURS: Final = {
    Collaboration.AWARENESS: "#9ECAE1",
    Collaboration.COOPERATIVE: "#4292C6",
    Collaboration.COORDINATED: "#08519C",
    Collaboration.INTEGRATED: "#08306B",
}

_LEVELS = {
    Collaboration.AWARENESS: Text("awareness", "conocimiento", pt="conhecimento"),
    Collaboration.COOPERATIVE: Text("cooperative", "cooperación", pt="cooperação"),
    Collaboration.COORDINATED: Text("coordinated", "coordinación", pt="coordenação"),
    Collaboration.INTEGRATED: Text("integrated", "integración", pt="integração"),
}
_ROUND = Text("Round {day}", "Ronda {day}", pt="Rodada {day}")
_NO_ROUNDS = Text("No survey rounds", "Ninguna ronda de encuesta", pt="Nenhuma rodada de pesquisa")


@literal_figure_text
def draw_rounds(
    coalition: Coalition,
    answers: Iterable[SurveyAnswer] | None = None,
    *,
    rule: Symmetrization | str = Symmetrization.EITHER,
    lang: Language | str = Language.EN,
    seed: int = 0,
) -> Figure:
    """One panel per survey round of the reported ties, coloured by collaboration level."""
    _matplotlib()
    from matplotlib.lines import Line2D

    from clac._figures import ClacFigure

    lang = Language.parse(lang)
    chosen = answers_of(coalition, answers)
    days = sorted({a.round for a in chosen})
    graphs = [survey_graph(coalition, day, chosen, rule=rule) for day in days]
    figure = ClacFigure(figsize=(6.5 * max(len(days), 1), 6.5), layout="constrained")
    if not graphs:
        ax = figure.add_subplot()
        ax.set_title(_NO_ROUNDS.in_(lang))
        ax.set_axis_off()
        return figure
    union: nx.Graph[str] = nx.Graph()
    for graph in graphs:
        union.add_nodes_from(graph)
        union.add_edges_from(graph.edges())
    positions = nx.spring_layout(union, seed=seed) if len(union) else {}
    for index, (day, graph) in enumerate(zip(days, graphs, strict=True)):
        ax = figure.add_subplot(1, len(graphs), index + 1)
        _panel(ax, graph, positions, lang)
        ax.set_title(_ROUND.format(day=day.isoformat()).in_(lang), fontsize=13)
    handles = [
        Line2D([], [], color=colour, linewidth=1 + level.rank, label=_LEVELS[level].in_(lang))
        for level, colour in COLLABORATION_COLOURS.items()
    ]
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)
    return figure


def _panel(ax: Any, graph: nx.Graph[str], positions: dict[Any, Any], lang: Language) -> None:
    for level, colour in COLLABORATION_COLOURS.items():
        edges = [
            (a, b) for a, b, data in graph.edges(data=True) if data["collaboration"] == level.value
        ]
        if edges:
            nx.draw_networkx_edges(
                graph, positions, edgelist=edges, ax=ax, edge_color=colour, width=1 + level.rank
            )
    for sector in Sector:
        nodes = [n for n, data in graph.nodes(data=True) if data.get("sector") == sector.value]
        if nodes:
            nx.draw_networkx_nodes(
                graph,
                positions,
                nodelist=nodes,
                ax=ax,
                node_color=SECTOR_COLOURS[sector],
                node_size=260,
                edgecolors="#333333",
                linewidths=0.6,
            )
    nx.draw_networkx_labels(
        graph,
        positions,
        labels={n: _short(data, n, lang) for n, data in graph.nodes(data=True)},
        ax=ax,
        font_size=7,
    )
    ax.set_axis_off()
    ax.margins(0.08)


def write_rounds_png(
    coalition: Coalition,
    path: str | os.PathLike[str],
    answers: Iterable[SurveyAnswer] | None = None,
    *,
    rule: Symmetrization | str = Symmetrization.EITHER,
    lang: Language | str = Language.EN,
    seed: int = 0,
    dpi: int = 120,
) -> Path:
    """Draw every round (:func:`draw_rounds`) and save the picture to ``path``, atomically."""
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = draw_rounds(coalition, answers, rule=rule, lang=lang, seed=seed)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return write_atomically(path, buffer.getvalue())
