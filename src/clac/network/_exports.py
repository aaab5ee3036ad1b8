"""The stakeholder graph in files other tools open: GEXF and GraphML (Gephi, Cytoscape, yEd),
node-link JSON (D3, dashboards), a PNG picture and an interactive page (HTML, self-contained:
see :mod:`clac.network._view`; it needs a coalition, not a bare graph).

GEXF and GraphML hold only scalar attribute values (strings, numbers, booleans), so on the way
out tuples are joined with ``";"`` (``countries: ("BR", "US")`` → ``"BR;US"``), enums become
their values, dates ISO 8601 strings and ``None`` an empty string. JSON keeps lists. Every file
is written atomically by :func:`clac.io.write_atomically`, the package's one writer.

The graph :func:`~clac.network.build_graph` makes holds no personal data (it never reads
representatives), so neither does any export of it.
"""

from __future__ import annotations

import enum
import io
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from clac._escape import json_safe, xml
from clac.errors import ClacError
from clac.io import write_text_atomically
from clac.network._graph import build_graph, organization_graph, organization_node
from clac.network._reported import reported_ties
from clac.network._subject import check_subject
from clac.network._view import write_html
from clac.registry import Coalition
from clac.text import Language

__all__ = [
    "ExportFormat",
    "UnsupportedExport",
    "export",
    "node_link",
    "survey_spells",
    "write_gexf",
    "write_graphml",
    "write_json",
]


class UnsupportedExport(ClacError, ValueError):
    """A graph export format (or file suffix) clac does not write."""


class ExportFormat(enum.StrEnum):
    """A file format the stakeholder graph can be exported to."""

    GEXF = "gexf"
    GRAPHML = "graphml"
    JSON = "json"
    PNG = "png"
    HTML = "html"

    @classmethod
    def of(
        cls,
        path: str | os.PathLike[str],
        format: ExportFormat | str | None = None,  # noqa: A002 - the word users know
    ) -> ExportFormat:
        """The format named, or else the one ``path``'s suffix names."""
        choices = ", ".join(f.value for f in cls)
        if format is not None:
            try:
                return cls(str(format).lower())
            except ValueError:
                raise UnsupportedExport(
                    f"is not an export format (choose {choices})", path="format", value=format
                ) from None
        suffix = Path(path).suffix.lower().lstrip(".")
        try:
            return cls(suffix)
        except ValueError:
            raise UnsupportedExport(
                f"has no export suffix (.{', .'.join(f.value for f in cls)}); name the format",
                path="output",
                value=os.fspath(path),
            ) from None


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, tuple | list | set | frozenset):
        return ";".join(str(_scalar(item)) for item in value)
    if isinstance(value, enum.Enum):
        value = value.value
    elif isinstance(value, date):
        value = value.isoformat()
    elif value is None:
        value = ""
    if isinstance(value, bool | int | float):
        return value
    # XML 1.0 cannot hold most control characters, even escaped: shown as escapes instead.
    return xml(str(value))


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_json_value(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(_json_value(item) for item in value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _converted(graph: nx.Graph[Any], convert: Any) -> nx.Graph[Any]:
    copy = graph.__class__()
    copy.graph.update({k: convert(v) for k, v in graph.graph.items()})
    copy.add_nodes_from(
        (node, {k: convert(v) for k, v in data.items()}) for node, data in graph.nodes(data=True)
    )
    if isinstance(graph, nx.MultiGraph) and isinstance(copy, nx.MultiGraph):
        for a, b, key, data in graph.edges(keys=True, data=True):
            copy.add_edge(a, b, key=key, **{k: convert(v) for k, v in data.items()})
    else:
        copy.add_edges_from(
            (a, b, {k: convert(v) for k, v in data.items()})
            for a, b, data in graph.edges(data=True)
        )
    return copy


def exportable(graph: nx.Graph[Any]) -> nx.Graph[Any]:
    """A copy of ``graph`` whose attribute values are all GEXF/GraphML scalars."""
    return _converted(graph, _scalar)


def _xml_ids(graph: nx.Graph[Any]) -> nx.Graph[Any]:
    """``graph`` with node ids fit for XML (ids are slugs; this guards a graph built by hand)."""
    unfit = [node for node in graph if isinstance(node, str) and xml(node) != node]
    return nx.relabel_nodes(graph, {node: xml(node) for node in unfit}) if unfit else graph


#: GEXF 1.2draft's namespace, the version networkx writes and the schema clac is tested against.
GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"

#: What a reported tie was in each survey round: (round day, next round's day or None).
Spells = Mapping[tuple[str, str], Sequence[tuple[str, str | None]]]


def gexf_bytes(graph: nx.Graph[Any], *, spells: Spells | None = None) -> bytes:
    """``graph`` as a GEXF 1.2draft document, valid against the official XSD.

    Where the graph holds days it is dynamic (``mode="dynamic"``, ``timeformat="date"``), so
    Gephi's timeline plays its history: an organization appears on the day it joined, a
    working group on the day it was formed, a tie when both its ends are there, and a reported
    tie (``spells``: node pair to survey rounds) during each round that reported it.
    """
    copy = _xml_ids(exportable(graph))
    _timeline(copy, spells or {})
    buffer = io.BytesIO()
    nx.write_gexf(copy, buffer)
    return _schema_valid_gexf(buffer.getvalue())


def _day(value: Any) -> str | None:
    """An ISO day (a year or a month taken as its first day), or None."""
    if not isinstance(value, str) or not value:
        return None
    if len(value) == 4:
        return f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-01"
    return value[:10]


def _timeline(graph: nx.Graph[Any], spells: Spells) -> None:
    start: dict[Any, str] = {}
    for node, data in graph.nodes(data=True):
        day = _day(data.get("joined")) or _day(data.get("formed"))
        if day is not None:
            data["start"] = start[node] = day
    for a, b, data in graph.edges(data=True):
        rounds = spells.get((a, b)) or spells.get((b, a))
        if data.get("kind") == "reported" and rounds:
            data["spells"] = [(day, end) for day, end in rounds]
            continue
        days = [start[n] for n in (a, b) if n in start]
        if days:
            data["start"] = max(days)


def _schema_valid_gexf(document: bytes) -> bytes:
    """networkx's GEXF without what the GEXF 1.2draft XSD refuses: a ``name`` attribute on
    ``<graph>`` (the graph's name goes into ``<meta><description>`` instead)."""
    ET.register_namespace("", GEXF_NAMESPACE)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.fromstring(document)  # noqa: S314 - networkx's own output, just written
    graph = root.find(f"{{{GEXF_NAMESPACE}}}graph")
    if graph is not None and "name" in graph.attrib:
        name = graph.attrib.pop("name")
        meta = root.find(f"{{{GEXF_NAMESPACE}}}meta")
        if meta is not None and name:
            description = meta.find(f"{{{GEXF_NAMESPACE}}}description")
            if description is None:
                description = ET.SubElement(meta, f"{{{GEXF_NAMESPACE}}}description")
            description.text = name
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def graphml_bytes(graph: nx.Graph[Any]) -> bytes:
    """``graph`` as a GraphML document (parallel edges get unique ids ``e0``, ``e1`` …)."""
    copy = _xml_ids(exportable(graph))
    if copy.is_multigraph():
        for index, (_, _, data) in enumerate(copy.edges(data=True)):
            data["id"] = f"e{index}"
    buffer = io.BytesIO()
    nx.write_graphml(copy, buffer, infer_numeric_types=True, edge_id_from_attribute="id")
    return buffer.getvalue()


def node_link(graph: nx.Graph[Any]) -> dict[str, Any]:
    """``graph`` as node-link data (``nodes`` and ``edges``) ready for :func:`json.dumps`."""
    data: dict[str, Any] = nx.node_link_data(_converted(graph, _json_value), edges="edges")
    return data


def json_bytes(graph: nx.Graph[Any]) -> bytes:
    """``graph`` as indented node-link JSON (UTF-8)."""
    text = json.dumps(node_link(graph), ensure_ascii=False, indent=2) + "\n"
    return json_safe(text).encode("utf-8")


def _write_text(path: str | os.PathLike[str], data: bytes) -> Path:
    write_text_atomically(path, data.decode("utf-8"))
    return Path(path)


def write_gexf(
    graph: nx.Graph[Any], path: str | os.PathLike[str], *, spells: Spells | None = None
) -> Path:
    """Write ``graph`` to ``path`` as GEXF (opens in Gephi), atomically (see
    :func:`gexf_bytes`)."""
    return _write_text(path, gexf_bytes(graph, spells=spells))


def survey_spells(coalition: Coalition, as_of: date | None = None) -> dict[tuple[str, str], Any]:
    """For each pair of organization nodes the partnership survey tied, the rounds (held by
    ``as_of``) that reported the tie: (the round's day, the next round's day or None)."""
    rounds = sorted({a.round for a in coalition.survey if as_of is None or a.round <= as_of})
    spells: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for index, day in enumerate(rounds):
        end = rounds[index + 1].isoformat() if index + 1 < len(rounds) else None
        ties = reported_ties(
            (a for a in coalition.survey if a.round == day),
            (m.organization for m in coalition.members_on(day)),
        )
        for a, b in ties:
            key = (organization_node(a), organization_node(b))
            spells.setdefault(key, []).append((day.isoformat(), end))
    return spells


def write_graphml(graph: nx.Graph[Any], path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` to ``path`` as GraphML, atomically."""
    return _write_text(path, graphml_bytes(graph))


def write_json(graph: nx.Graph[Any], path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` to ``path`` as node-link JSON, atomically."""
    return _write_text(path, json_bytes(graph))


def export(
    coalition: Coalition | nx.Graph[Any],
    path: str | os.PathLike[str],
    format: ExportFormat | str | None = None,  # noqa: A002 - the word users know
    *,
    as_of: date | None = None,
    lang: Language | str = Language.EN,
    seed: int = 0,
) -> Path:
    """Write ``coalition``'s network on ``as_of`` to ``path``, in ``format`` or by suffix.

    HTML is the interactive page of :func:`~clac.network.to_html` (members, shared activity and
    the registry's survey rounds). GEXF, GraphML and JSON hold the full graph
    (:func:`~clac.network.build_graph`); the PNG
    shows the members and their ties (:func:`~clac.network.organization_graph`), coloured by
    sector, labelled in ``lang``, laid out with ``seed``. Given a graph instead of a
    coalition (as every analysis accepts), it writes (or draws) that graph as it is.
    """
    chosen = ExportFormat.of(path, format)
    lang = Language.parse(lang)
    check_subject(coalition, as_of)
    if chosen is ExportFormat.HTML:
        if not isinstance(coalition, Coalition):
            raise UnsupportedExport(
                "needs a coalition (its members, ties and survey), not a bare graph",
                path="format",
                value=chosen.value,
            )
        return write_html(coalition, path, as_of=as_of, lang=lang, seed=seed)
    if chosen is ExportFormat.PNG:
        from clac.network._figure import write_png

        drawn = (
            organization_graph(coalition, as_of) if isinstance(coalition, Coalition) else coalition
        )
        return write_png(drawn, path, lang=lang, seed=seed)
    graph = build_graph(coalition, as_of) if isinstance(coalition, Coalition) else coalition
    if chosen is ExportFormat.GEXF and isinstance(coalition, Coalition) and coalition.survey:
        return write_gexf(graph, path, spells=survey_spells(coalition, as_of))
    writer = {
        ExportFormat.GEXF: write_gexf,
        ExportFormat.GRAPHML: write_graphml,
        ExportFormat.JSON: write_json,
    }[chosen]
    return writer(graph, path)
