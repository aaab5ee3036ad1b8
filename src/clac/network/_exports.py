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
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from clac._escape import json_safe, xml
from clac.errors import ClacError
from clac.io import write_text_atomically
from clac.network._graph import build_graph, organization_graph
from clac.network._subject import check_subject
from clac.network._view import write_html
from clac.registry import Coalition
from clac.text import Language

__all__ = [
    "ExportFormat",
    "UnsupportedExport",
    "export",
    "node_link",
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


def gexf_bytes(graph: nx.Graph[Any]) -> bytes:
    """``graph`` as a GEXF 1.2 document."""
    buffer = io.BytesIO()
    nx.write_gexf(_xml_ids(exportable(graph)), buffer)
    return buffer.getvalue()


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


def write_gexf(graph: nx.Graph[Any], path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` to ``path`` as GEXF (opens in Gephi), atomically."""
    return _write_text(path, gexf_bytes(graph))


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
    writer = {
        ExportFormat.GEXF: write_gexf,
        ExportFormat.GRAPHML: write_graphml,
        ExportFormat.JSON: write_json,
    }[chosen]
    return writer(graph, path)
