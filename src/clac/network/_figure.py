"""A picture of the stakeholder network: matplotlib, drawn off-screen (Agg), saved as PNG.

Organizations are circles coloured by sector (the Okabe-Ito palette, readable with colour
blindness) and sized by their number of ties; working groups are dark squares and countries
light diamonds when the graph has them. Edges are drawn thicker the more activity they carry.
The legend names the sectors in the chosen language. matplotlib is optional
(``pip install 'clac[plot]'``); it is imported only here, and pyplot never is, so drawing
touches no global state and needs no display.
"""

from __future__ import annotations

import io
import math
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import networkx as nx

from clac._escape import literal_figure_text
from clac.charter import Sector
from clac.io import write_atomically
from clac.network._frames import require
from clac.network._graph import NodeKind, node_id, organization_graph
from clac.network._subject import check_subject
from clac.network._summary import label as summary_label
from clac.registry import Coalition
from clac.text import Language, Text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SECTOR_COLOURS", "draw", "png_bytes", "write_png"]

#: The colour of each sector's nodes (Okabe & Ito's colour-blind-safe palette).
SECTOR_COLOURS: Final = {
    Sector.PRIVATE_SECTOR: "#E69F00",
    Sector.NGO: "#56B4E9",
    Sector.HOTLINE: "#009E73",
    Sector.REGIONAL_NETWORK: "#F0E442",
    Sector.UN_AGENCY: "#0072B2",
    Sector.LAW_ENFORCEMENT: "#D55E00",
    Sector.ACADEMIC: "#CC79A7",
    Sector.GOVERNMENT: "#999999",
    Sector.INTERGOVERNMENTAL: "#000000",
}
_WORKING_GROUP_COLOUR, _COUNTRY_COLOUR = "#3B3B3B", "#D9D9D9"

#: Above this many nodes the picture has no text labels (they would only overlap).
LABEL_LIMIT: Final = 120

_KIND_LABELS = {
    NodeKind.WORKING_GROUP: Text("Working group", "Grupo de trabajo", pt="Grupo de trabalho"),
    NodeKind.COUNTRY: Text("Country", "País", pt="País"),
}
_AS_OF = Text("as of {day}", "al {day}", pt="em {day}")


def _matplotlib() -> Any:
    return require("matplotlib", "Drawing the network", "plot")


def _short(data: dict[str, Any], node: str, lang: Language) -> str:
    kind = data.get("kind")
    if kind == NodeKind.WORKING_GROUP:
        key = {Language.EN: "label", Language.ES: "name_es", Language.PT: "name_pt"}[lang]
        return str(data.get(key) or data.get("label") or node_id(node))
    if kind == NodeKind.COUNTRY:
        return str(data.get("code") or node_id(node))
    name = str(data.get("label") or node_id(node))
    return name if len(name) <= 22 else node_id(node)


def _spring(graph: nx.Graph[Any], seed: int) -> dict[Any, Any]:
    """A spring layout of one connected graph, centred on (0, 0) within radius 1.

    Edge weights (shared activity, up to dozens) would pull tied members on top of each
    other, so the layout uses ``1 + log(weight)`` instead.
    """
    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    layout: nx.Graph[Any] = nx.Graph()
    layout.add_nodes_from(graph)
    layout.add_weighted_edges_from(
        (a, b, 1.0 + math.log(max(float(w), 1.0)))
        for a, b, w in graph.edges(data="weight", default=1)
    )
    try:
        positions: dict[Any, Any] = nx.spring_layout(
            layout, k=1.6 / math.sqrt(len(layout)), weight="weight", seed=seed, iterations=200
        )
    except ImportError:  # networkx needs scipy for 500 nodes or more
        positions = nx.circular_layout(layout)
    return nx.rescale_layout_dict(positions, scale=1.0)


def _layout(graph: nx.Graph[Any], seed: int) -> dict[Any, Any]:
    """Each connected component laid out on its own, the largest on top and the others in
    rows beneath it (a force layout of the whole would fling isolated members to the edges
    and crush the rest into the middle)."""
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(map(str, c))))
    if not parts:
        return {}
    largest = len(parts[0])
    width = 2.0
    positions: dict[Any, Any] = {}
    x, y, row_height = -width / 2, 0.0, 0.0
    for index, part in enumerate(parts):
        radius = max(math.sqrt(len(part) / largest), 0.12)
        if index == 1 or (index > 1 and x + 2 * radius > width / 2 + 1e-9):
            x, y, row_height = -width / 2, y - row_height - 0.1, 0.0
        if index == 0:
            centre, row_height = (0.0, 0.0), 2 * radius
            y = radius
        else:
            centre = (x + radius, y - radius)
            row_height = max(row_height, 2 * radius)
        x += 2 * radius
        sub = graph.subgraph(part)
        for node, (px, py) in _spring(sub, seed).items():
            positions[node] = (centre[0] + radius * 0.9 * px, centre[1] + radius * 0.9 * py)
    return positions


@literal_figure_text
def draw(
    graph: Coalition | nx.Graph[Any],
    *,
    as_of: date | None = None,
    lang: Language | str = Language.EN,
    title: str | None = None,
    seed: int = 0,
    ax: Axes | None = None,
) -> Figure:
    """Draw ``graph`` (a stakeholder graph or organization graph) and return the figure.

    Like every analysis, it also takes a :class:`~clac.Coalition`, drawn as its organization
    graph on ``as_of`` (:func:`~clac.network.organization_graph`). Pass ``ax`` to draw into
    an existing matplotlib ``Axes`` (e.g. in a notebook); otherwise a
    new figure is made, without pyplot. The layout is a spring layout seeded with ``seed``.
    """
    _matplotlib()
    from matplotlib.lines import Line2D

    from clac._figures import ClacFigure

    lang = Language.parse(lang)
    check_subject(graph, as_of)
    if isinstance(graph, Coalition):
        graph = organization_graph(graph, as_of)
    if ax is None:
        figure = ClacFigure(figsize=(13, 9), layout="constrained")
        ax = figure.add_subplot()
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
    positions = _layout(graph, seed)
    weights = [float(w) for _, _, w in graph.edges(data="weight", default=1)]
    heaviest = max(weights, default=1.0) or 1.0
    nx.draw_networkx_edges(
        graph,
        positions,
        ax=ax,
        width=[0.4 + 3.0 * w / heaviest for w in weights],
        edge_color="#7F7F7F",
        alpha=0.35,
    )
    degrees = dict(graph.degree())
    most = max(degrees.values(), default=1) or 1
    handles: list[Any] = []
    for sector in Sector:
        nodes = [
            n
            for n, data in graph.nodes(data=True)
            if data.get("kind", NodeKind.ORGANIZATION) == NodeKind.ORGANIZATION
            and data.get("sector") == sector.value
        ]
        if not nodes:
            continue
        nx.draw_networkx_nodes(
            graph,
            positions,
            nodelist=nodes,
            ax=ax,
            node_color=SECTOR_COLOURS[sector],
            node_size=[180 + 720 * degrees[n] / most for n in nodes],
            edgecolors="#333333",
            linewidths=0.6,
        )
        handles.append(_handle(Line2D, "o", SECTOR_COLOURS[sector], sector.label.in_(lang)))
    for kind, marker, colour in (
        (NodeKind.WORKING_GROUP, "s", _WORKING_GROUP_COLOUR),
        (NodeKind.COUNTRY, "D", _COUNTRY_COLOUR),
    ):
        nodes = [n for n, data in graph.nodes(data=True) if data.get("kind") == kind]
        if nodes:
            nx.draw_networkx_nodes(
                graph,
                positions,
                nodelist=nodes,
                ax=ax,
                node_color=colour,
                node_shape=marker,
                node_size=420,
                edgecolors="#333333",
                linewidths=0.6,
            )
            handles.append(_handle(Line2D, marker, colour, _KIND_LABELS[kind].in_(lang)))
    if 0 < len(graph) <= LABEL_LIMIT:
        nx.draw_networkx_labels(
            graph,
            positions,
            labels={n: _short(data, n, lang) for n, data in graph.nodes(data=True)},
            ax=ax,
            font_size=8,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    ax.set_title(title if title is not None else _title(graph, lang), fontsize=14)
    if handles:
        ax.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10
        )
    ax.set_axis_off()
    ax.margins(0.06)
    return figure


def _handle(line: Any, marker: str, colour: str, text: str) -> Any:
    return line(
        [],
        [],
        marker=marker,
        linestyle="",
        markersize=10,
        markerfacecolor=colour,
        markeredgecolor="#333333",
        label=text,
    )


def _title(graph: nx.Graph[Any], lang: Language) -> str:
    title = summary_label("title", lang)
    name = graph.graph.get("name")
    if name:
        title = f"{title}: {name}"
    day = graph.graph.get("as_of")
    if day:
        title = f"{title} ({_AS_OF.format(day=day).in_(lang)})"
    return title


def png_bytes(
    graph: nx.Graph[Any],
    *,
    lang: Language | str = Language.EN,
    title: str | None = None,
    seed: int = 0,
    dpi: int = 150,
) -> bytes:
    """``graph`` drawn (see :func:`draw`) as PNG bytes."""
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = draw(graph, lang=lang, title=title, seed=seed)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def write_png(
    graph: nx.Graph[Any],
    path: str | os.PathLike[str],
    *,
    lang: Language | str = Language.EN,
    title: str | None = None,
    seed: int = 0,
    dpi: int = 150,
) -> Path:
    """Draw ``graph`` and save it to ``path`` as PNG, atomically."""
    return write_atomically(path, png_bytes(graph, lang=lang, title=title, seed=seed, dpi=dpi))
