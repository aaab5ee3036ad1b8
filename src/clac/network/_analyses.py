"""Who connects the coalition: brokers, communities, isolates and ties across sectors.

Each reads the organization graph (:func:`clac.network.organization_graph`) and returns plain,
frozen data with a ``to_dataframe()`` method.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

import attrs
import networkx as nx

from clac.charter import Sector
from clac.network._frames import HtmlTable, data_frame
from clac.network._graph import node_id, projection_of
from clac.network._snapshot import snapshot
from clac.network._subject import check_subject, organizations_of, project
from clac.registry import Coalition

__all__ = [
    "EXACT_BETWEENNESS_LIMIT",
    "SAMPLED_BETWEENNESS_SOURCES",
    "Broker",
    "Brokers",
    "Communities",
    "CrossSectorTies",
    "Isolate",
    "Isolates",
    "brokers",
    "communities",
    "cross_sector_ties",
    "isolates",
]

#: Betweenness is exact for organization graphs of up to this many members (Brandes'
#: algorithm, O(members × ties)); above it, it is estimated from a sample of source nodes.
EXACT_BETWEENNESS_LIMIT: Final = 500

#: How many source nodes the estimate samples by default (``k`` of
#: :func:`networkx.betweenness_centrality`).
SAMPLED_BETWEENNESS_SOURCES: Final = 100


@attrs.frozen
class Broker:
    """A member and its betweenness centrality (normalized, 0-1)."""

    organization: str
    name: str
    sector: Sector
    betweenness: float


@attrs.frozen
class Brokers(HtmlTable):
    """Every member ranked by betweenness centrality, highest first (ties by id).

    ``exact`` is False when betweenness was estimated from ``sample_size`` sources drawn with
    ``seed``.
    """

    ranking: tuple[Broker, ...]
    exact: bool
    sample_size: int | None = None
    seed: int | None = None

    def top(self, count: int = 5) -> tuple[Broker, ...]:
        """The ``count`` members with the highest betweenness that have any (above zero)."""
        return tuple(b for b in self.ranking[:count] if b.betweenness > 0)

    def to_dataframe(self) -> Any:
        """One row per member: organization, name, sector, betweenness."""
        return data_frame(
            [
                {
                    "organization": b.organization,
                    "name": b.name,
                    "sector": b.sector.value,
                    "betweenness": b.betweenness,
                }
                for b in self.ranking
            ],
            columns=["organization", "name", "sector", "betweenness"],
        )


def brokers_of(
    graph: nx.Graph[str],
    *,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    k: int = SAMPLED_BETWEENNESS_SOURCES,
    seed: int = 0,
) -> Brokers:
    """Betweenness brokers of an organization graph."""
    exact = len(graph) <= exact_limit or k >= len(graph)
    if exact:
        scores = nx.betweenness_centrality(graph)
    else:
        scores = nx.betweenness_centrality(graph, k=k, seed=seed)
    ranking = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return Brokers(
        ranking=tuple(
            Broker(
                organization=node_id(node),
                name=graph.nodes[node]["label"],
                sector=Sector(graph.nodes[node]["sector"]),
                betweenness=score,
            )
            for node, score in ranking
        ),
        exact=exact,
        sample_size=None if exact else k,
        seed=None if exact else seed,
    )


def brokers(
    coalition: Coalition | nx.Graph[Any],
    as_of: date | None = None,
    *,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    k: int = SAMPLED_BETWEENNESS_SOURCES,
    seed: int = 0,
) -> Brokers:
    """Members that lie on the shortest paths between others: betweenness centrality.

    Ties count as links of equal length (shared-activity weights measure closeness, not
    distance, so they are not used as path lengths). Betweenness is exact for graphs of at
    most ``exact_limit`` members (:data:`EXACT_BETWEENNESS_LIMIT`) and otherwise estimated
    from ``k`` sources (:data:`SAMPLED_BETWEENNESS_SOURCES`) drawn with ``seed``, so the
    same seed gives the same ranking.
    """
    return brokers_of(organizations_of(coalition, as_of), exact_limit=exact_limit, k=k, seed=seed)


# ---------------------------------------------------------------------------- communities


@attrs.frozen
class Communities(HtmlTable):
    """A partition of the members into communities (Louvain), largest first.

    Each community lists organization ids in order; ``modularity`` scores the partition on the
    weighted organization graph.
    """

    groups: tuple[tuple[str, ...], ...]
    modularity: float
    seed: int
    resolution: float = 1.0

    def community_of(self, organization: str) -> int:
        """The index in :attr:`groups` of the community ``organization`` belongs to."""
        for index, group in enumerate(self.groups):
            if organization in group:
                return index
        raise KeyError(organization)

    def to_dataframe(self) -> Any:
        """One row per member: organization and community index."""
        return data_frame(
            [
                {"organization": organization, "community": index}
                for index, group in enumerate(self.groups)
                for organization in group
            ],
            columns=["organization", "community"],
        )


def communities_of(graph: nx.Graph[str], *, seed: int = 0, resolution: float = 1.0) -> Communities:
    """Louvain communities of an organization graph."""
    if graph.number_of_edges() == 0:
        found: list[set[str]] = [{node} for node in graph]
        modularity = 0.0
    else:
        found = nx.community.louvain_communities(
            graph, weight="weight", resolution=resolution, seed=seed
        )
        modularity = nx.community.modularity(graph, found, weight="weight", resolution=resolution)
    groups = sorted(
        (tuple(sorted(node_id(node) for node in group)) for group in found),
        key=lambda group: (-len(group), group),
    )
    return Communities(
        groups=tuple(groups), modularity=float(modularity), seed=seed, resolution=resolution
    )


def communities(
    coalition: Coalition | nx.Graph[Any],
    as_of: date | None = None,
    *,
    seed: int = 0,
    resolution: float = 1.0,
) -> Communities:
    """Communities of members that work more with each other than with the rest (Louvain).

    The Louvain method is randomized: the same ``seed`` gives the same partition.
    ``resolution`` above 1 favours smaller communities, below 1 larger ones.
    """
    return communities_of(organizations_of(coalition, as_of), seed=seed, resolution=resolution)


# ------------------------------------------------------------------------------- isolates


@attrs.frozen
class Isolate:
    """A member tied to no other member in the organization graph."""

    organization: str
    name: str
    sector: Sector


@attrs.frozen
class Isolates(HtmlTable):
    """Members tied to no other member in the organization graph (by the date): no shared
    working group, working meeting, co-authored work or surveyed tie. Plenary meetings (annual
    and regional) make no tie, so a member that only attended those is an isolate."""

    members: tuple[Isolate, ...]

    @property
    def organizations(self) -> tuple[str, ...]:
        """The isolated members' organization ids."""
        return tuple(i.organization for i in self.members)

    def to_dataframe(self) -> Any:
        """One row per isolated member: organization, name, sector."""
        return data_frame(
            [
                {"organization": i.organization, "name": i.name, "sector": i.sector.value}
                for i in self.members
            ],
            columns=["organization", "name", "sector"],
        )


def isolates_in(graph: nx.Graph[str]) -> Isolates:
    """The organizations of an organization graph without a tie."""
    return Isolates(
        members=tuple(
            Isolate(
                organization=node_id(node),
                name=graph.nodes[node]["label"],
                sector=Sector(graph.nodes[node]["sector"]),
            )
            for node in sorted(graph)
            if graph.degree(node) == 0
        )
    )


def isolates(coalition: Coalition | nx.Graph[Any], as_of: date | None = None) -> Isolates:
    """Members on ``as_of`` tied to no other member in the organization graph
    (:func:`~clac.network.organization_graph`): in no working group with another member, at
    no working meeting with one, in no co-authored work and in no surveyed tie. The same
    members :func:`~clac.network.summarize` lists as isolated.

    Given a graph instead of a coalition: its member organizations tied to no other.
    """
    check_subject(coalition, as_of)
    if isinstance(coalition, Coalition):
        return isolates_in(projection_of(snapshot(coalition, as_of)))
    return isolates_in(project(coalition))


# -------------------------------------------------------------------------- cross-sector


@attrs.frozen
class CrossSectorTies(HtmlTable):
    """Ties within and across sectors in the organization graph.

    ``ratio`` is the share of ties that join two sectors, ``weighted_ratio`` the share of
    shared activity they carry, and ``ei_index`` Krackhardt and Stern's E-I index,
    ``(across - within) / (across + within)``: -1 when every tie stays inside a sector, 1 when
    every tie crosses one. All three are 0 without ties.
    """

    within: int
    across: int
    within_weight: int
    across_weight: int

    @property
    def ratio(self) -> float:
        """The share of ties that join two different sectors."""
        total = self.within + self.across
        return self.across / total if total else 0.0

    @property
    def weighted_ratio(self) -> float:
        """The share of tie weight (shared activity) across sectors."""
        total = self.within_weight + self.across_weight
        return self.across_weight / total if total else 0.0

    @property
    def ei_index(self) -> float:
        """Krackhardt and Stern's E-I index of the ties."""
        total = self.within + self.across
        return (self.across - self.within) / total if total else 0.0

    def to_dataframe(self) -> Any:
        """Two rows, within and across, with ties and weight."""
        return data_frame(
            [
                {"ties": "within", "count": self.within, "weight": self.within_weight},
                {"ties": "across", "count": self.across, "weight": self.across_weight},
            ],
            columns=["ties", "count", "weight"],
        )


def cross_sector_of(graph: nx.Graph[str]) -> CrossSectorTies:
    """The cross-sector ties of an organization graph."""
    counts = {True: [0, 0], False: [0, 0]}
    nodes = graph.nodes

    def sectors(node: str) -> set[str]:
        return set(nodes[node].get("sectors") or (nodes[node]["sector"],))

    for a, b, weight in graph.edges(data="weight", default=1):
        # Within a sector when the two share one (an organization may have several).
        entry = counts[not sectors(a) & sectors(b)]
        entry[0] += 1
        entry[1] += weight
    return CrossSectorTies(
        within=counts[False][0],
        across=counts[True][0],
        within_weight=counts[False][1],
        across_weight=counts[True][1],
    )


def cross_sector_ties(
    coalition: Coalition | nx.Graph[Any], as_of: date | None = None
) -> CrossSectorTies:
    """How much of the members' shared activity joins different sectors."""
    return cross_sector_of(organizations_of(coalition, as_of))
