"""What an analysis of :mod:`clac.network` is run on: a coalition or a graph.

Every analysis (:func:`~clac.network.brokers`, :func:`~clac.network.communities`,
:func:`~clac.network.isolates`, :func:`~clac.network.cross_sector_ties`,
:func:`~clac.network.key_players`, :func:`~clac.network.health`,
:func:`~clac.network.sector_ties`), :func:`~clac.network.export` and
:func:`~clac.network.draw` take the same first argument: either

- a :class:`~clac.Coalition`, analysed as it stood on ``as_of`` through its organization graph
  (:func:`~clac.network.organization_graph`); or
- a networkx graph made by clac (:func:`~clac.network.build_graph`,
  :func:`~clac.network.organization_graph`, :func:`~clac.network.survey_graph`, or a subgraph
  or edited copy of one), analysed as it is: its member organization nodes and the ties
  among them (parallel edges of a multigraph add their weights, directions are ignored).
  ``as_of`` does not apply to a graph, which is already of one date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from clac.errors import InvalidData
from clac.network._graph import NodeKind, projection_of
from clac.network._snapshot import snapshot
from clac.registry import Coalition

__all__ = ["check_subject", "organizations_of", "project"]

_NEEDED = ("label", "sector")


def check_subject(subject: Any, as_of: date | None) -> None:
    """Refuse anything but a coalition or a graph, and a date with a graph."""
    if not isinstance(subject, Coalition | nx.Graph):
        raise InvalidData(
            f"must be a clac Coalition or a networkx graph, not {type(subject).__name__}",
            path="coalition",
            value=type(subject).__name__,
        )
    if isinstance(subject, nx.Graph) and as_of is not None:
        raise InvalidData(
            "applies to a coalition only: a graph is already of one date "
            "(build it with as_of instead)",
            path="as_of",
            value=as_of.isoformat(),
        )


def organizations_of(subject: Coalition | nx.Graph[Any], as_of: date | None) -> nx.Graph[str]:
    """The organization graph an analysis reads (see the module)."""
    check_subject(subject, as_of)
    if isinstance(subject, Coalition):
        return projection_of(snapshot(subject, as_of))
    return project(subject)


def project(graph: nx.Graph[Any]) -> nx.Graph[str]:
    """The member organizations of a clac graph and the ties among them, as a simple graph."""
    kept = {
        node: data
        for node, data in graph.nodes(data=True)
        if data.get("kind", NodeKind.ORGANIZATION.value) == NodeKind.ORGANIZATION.value
        and data.get("member", True)
    }
    for node, data in kept.items():
        missing = [name for name in _NEEDED if name not in data]
        if missing:
            raise InvalidData(
                f"has no {' or '.join(missing)}: analyse a graph clac made "
                "(build_graph, organization_graph, survey_graph)",
                path="graph.nodes",
                value=node,
            )
    result: nx.Graph[str] = nx.Graph(**graph.graph)
    result.add_nodes_from(kept.items())
    for a, b, data in graph.edges(data=True):
        if a in kept and b in kept and a != b:
            weight = data.get("weight", 1)
            if result.has_edge(a, b):
                result.edges[a, b]["weight"] += weight
            else:
                result.add_edge(a, b, weight=weight)
    return result
