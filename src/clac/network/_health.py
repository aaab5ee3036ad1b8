"""Coalition health as network evaluators measure it.

The PARTNER tool, used to evaluate public-health coalitions, reports a network's *density*
(the share of possible ties that exist), its *degree centralization* (how much the ties hang on
a few members) and each member's *connectivity* (degree centrality), and follows them over
time. This module computes the same on the organization graph, plus the *key players*: the
members whose removal would fragment the coalition most (Borgatti's key-player problem).

Definitions, for an organization graph of ``n`` members:

- density: ties / (n (n - 1) / 2); 0 for fewer than two members;
- Freeman degree centralization: Σ (d_max - d_i) / ((n - 1)(n - 2)), where d_i is member
  i's degree and d_max the largest; 1 for a star, 0 when every member has the same degree
  (and for fewer than three members);
- fragmentation (Borgatti 2006): F = 1 - Σ_k s_k (s_k - 1) / (n (n - 1)) over the sizes s_k of
  the connected components, the share of pairs of members that cannot reach each other; 0 for
  fewer than two members;
- key players (KPP-Neg): the set of ``k`` members whose removal maximizes F of the remaining
  graph, found greedily (the member whose removal raises F most, then the next on what is left,
  :data:`DEFAULT_KEY_PLAYERS` of them by default). Where several removals fragment equally
  (as when no member is a cut point) the member with the most ties is taken, then the
  smallest id, so the result is deterministic. The search stops once no tie is left: a member
  without ties holds nothing together, so with no ties at all there are no key players (and
  never a "1.000 → 0.000" from removing every member of an empty graph). Each step is one
  depth-first search: removing a cut vertex splits its component into the pieces the search
  finds below it, so F after removing every member is known in O(n + ties).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final

import attrs
import networkx as nx

from clac.charter import Sector
from clac.errors import InvalidData
from clac.network._frames import HtmlTable, data_frame
from clac.network._graph import node_id
from clac.network._subject import organizations_of
from clac.registry import Coalition

__all__ = [
    "DEFAULT_KEY_PLAYERS",
    "Connectivity",
    "Health",
    "HealthTimeline",
    "KeyPlayers",
    "degree_centralization",
    "fragmentation",
    "health",
    "health_over_time",
    "key_players",
]

#: How many key players :func:`key_players` and :func:`health` look for by default.
DEFAULT_KEY_PLAYERS: Final = 3


def degree_centralization(graph: nx.Graph[Any]) -> float:
    """Freeman's degree centralization of ``graph``, in [0, 1].

    >>> import networkx as nx
    >>> degree_centralization(nx.star_graph(4))
    1.0
    >>> degree_centralization(nx.cycle_graph(5))
    0.0
    """
    n = graph.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = [d for _, d in graph.degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def _unreachable_complement(sizes: Iterable[int]) -> int:
    return sum(s * (s - 1) for s in sizes)


def _fragmentation(n: int, reachable_pairs: int) -> float:
    return 0.0 if n < 2 else 1.0 - reachable_pairs / (n * (n - 1))


def fragmentation(graph: nx.Graph[Any]) -> float:
    """Borgatti's fragmentation: the share of pairs of nodes that cannot reach each other.

    >>> import networkx as nx
    >>> fragmentation(nx.path_graph(3))
    0.0
    >>> fragmentation(nx.empty_graph(3))
    1.0
    """
    sizes = (len(c) for c in nx.connected_components(graph))
    return _fragmentation(graph.number_of_nodes(), _unreachable_complement(sizes))


def _pairs_after_removal(graph: nx.Graph[Any]) -> dict[Any, int]:
    """For every node, Σ s (s - 1) over the components left after removing it alone.

    One iterative depth-first search per component (Hopcroft-Tarjan low points): a child
    ``c`` of ``v`` with ``low[c] >= disc[v]`` is cut off when ``v`` goes, taking its whole
    subtree; what remains of the component stays together.
    """
    disc: dict[Any, int] = {}
    low: dict[Any, int] = {}
    size: dict[Any, int] = {}
    cut_off: dict[Any, int] = {}
    cut_off_pairs: dict[Any, int] = {}
    components: list[tuple[list[Any], int]] = []
    timer = 0
    for root in graph:
        if root in disc:
            continue
        disc[root] = low[root] = timer
        timer += 1
        size[root], cut_off[root], cut_off_pairs[root] = 1, 0, 0
        visited = [root]
        stack: list[tuple[Any, Any, Any]] = [(root, None, iter(graph[root]))]
        while stack:
            v, parent, neighbours = stack[-1]
            for w in neighbours:
                if w == parent:
                    continue
                if w in disc:
                    low[v] = min(low[v], disc[w])
                    continue
                disc[w] = low[w] = timer
                timer += 1
                size[w], cut_off[w], cut_off_pairs[w] = 1, 0, 0
                visited.append(w)
                stack.append((w, v, iter(graph[w])))
                break
            else:
                stack.pop()
                if parent is not None:
                    size[parent] += size[v]
                    low[parent] = min(low[parent], low[v])
                    if low[v] >= disc[parent]:
                        cut_off[parent] += size[v]
                        cut_off_pairs[parent] += size[v] * (size[v] - 1)
        components.append((visited, size[root]))
    total = _unreachable_complement(s for _, s in components)
    result: dict[Any, int] = {}
    for nodes, s in components:
        others = total - s * (s - 1)
        for v in nodes:
            rest = s - 1 - cut_off[v]
            result[v] = others + cut_off_pairs[v] + rest * (rest - 1)
    return result


@attrs.frozen
class KeyPlayers(HtmlTable):
    """The members whose removal fragments the organization graph most (KPP-Neg, greedy).

    ``fragmentation`` holds F before any removal and after each one, in order, so
    ``fragmentation[-1]`` is F once all of :attr:`organizations` are gone.
    """

    organizations: tuple[str, ...]
    fragmentation: tuple[float, ...]

    @property
    def before(self) -> float:
        """Fragmentation of the whole organization graph."""
        return self.fragmentation[0]

    @property
    def after(self) -> float:
        """Fragmentation once the key players are removed."""
        return self.fragmentation[-1]

    def to_dataframe(self) -> Any:
        """One row per key player, in the order found, with F after its removal."""
        return data_frame(
            [
                {"rank": rank, "organization": org, "fragmentation_after": f}
                for rank, (org, f) in enumerate(
                    zip(self.organizations, self.fragmentation[1:], strict=True), start=1
                )
            ],
            columns=["rank", "organization", "fragmentation_after"],
        )


def key_players_of(graph: nx.Graph[str], k: int = DEFAULT_KEY_PLAYERS) -> KeyPlayers:
    """The greedy KPP-Neg key players of an organization graph."""
    if k < 0:
        raise InvalidData("must be zero or more", path="k", value=k)
    remaining: nx.Graph[str] = nx.Graph(graph.edges())
    remaining.add_nodes_from(graph)
    chosen: list[str] = []
    scores = [fragmentation(remaining)]
    for _ in range(min(k, len(remaining))):
        if remaining.number_of_edges() == 0:
            break  # nothing left to fragment: no member without ties is a key player
        after = _pairs_after_removal(remaining)
        degree = remaining.degree
        best = min(after, key=lambda node: (after[node], -degree[node], node))
        remaining.remove_node(best)
        chosen.append(best)
        scores.append(_fragmentation(len(remaining), after[best]))
    return KeyPlayers(organizations=tuple(node_id(n) for n in chosen), fragmentation=tuple(scores))


def key_players(
    coalition: Coalition | nx.Graph[Any], as_of: date | None = None, *, k: int = DEFAULT_KEY_PLAYERS
) -> KeyPlayers:
    """The ``k`` members whose removal would fragment the organization graph most."""
    return key_players_of(organizations_of(coalition, as_of), k)


# -------------------------------------------------------------------------------- health


@attrs.frozen
class Connectivity:
    """One member's connectivity: its ties (degree), degree centrality and tie weight."""

    organization: str
    name: str
    sector: Sector
    degree: int
    degree_centrality: float
    strength: int


@attrs.frozen
class Health(HtmlTable):
    """The PARTNER-style health measures of the organization graph on one date."""

    as_of: date | None
    members: int
    ties: int
    density: float
    centralization: float
    connectivity: tuple[Connectivity, ...]
    key_players: KeyPlayers

    def to_dataframe(self) -> Any:
        """One row per member: degree, degree centrality and strength (most connected first)."""
        return data_frame(
            [
                {
                    "organization": c.organization,
                    "name": c.name,
                    "sector": c.sector.value,
                    "degree": c.degree,
                    "degree_centrality": c.degree_centrality,
                    "strength": c.strength,
                }
                for c in self.connectivity
            ],
            columns=["organization", "name", "sector", "degree", "degree_centrality", "strength"],
        )


def health_of(graph: nx.Graph[str], as_of: date | None, *, k: int = DEFAULT_KEY_PLAYERS) -> Health:
    """The health measures of an organization graph."""
    n = graph.number_of_nodes()
    scale = 1 / (n - 1) if n > 1 else 0.0
    strength = dict(graph.degree(weight="weight"))
    connectivity = sorted(
        (
            Connectivity(
                organization=node_id(node),
                name=graph.nodes[node]["label"],
                sector=Sector(graph.nodes[node]["sector"]),
                degree=degree,
                degree_centrality=degree * scale,
                strength=int(strength[node]),
            )
            for node, degree in graph.degree()
        ),
        key=lambda c: (-c.degree, -c.strength, c.organization),
    )
    return Health(
        as_of=as_of,
        members=n,
        ties=graph.number_of_edges(),
        density=float(nx.density(graph)),
        centralization=degree_centralization(graph),
        connectivity=tuple(connectivity),
        key_players=key_players_of(graph, k),
    )


def health(
    coalition: Coalition | nx.Graph[Any], as_of: date | None = None, *, k: int = DEFAULT_KEY_PLAYERS
) -> Health:
    """Density, degree centralization, per-member connectivity and ``k`` key players."""
    return health_of(organizations_of(coalition, as_of), as_of, k=k)


@attrs.frozen
class HealthTimeline(HtmlTable):
    """:class:`Health` on several dates, oldest first: the PARTNER tool's view over time."""

    points: tuple[Health, ...]

    def to_dataframe(self) -> Any:
        """One row per date: members, ties, density, centralization, key players."""
        return data_frame(
            [
                {
                    "as_of": h.as_of,
                    "members": h.members,
                    "ties": h.ties,
                    "density": h.density,
                    "centralization": h.centralization,
                    "key_players": ", ".join(h.key_players.organizations),
                    "fragmentation": h.key_players.before,
                }
                for h in self.points
            ],
            columns=[
                "as_of",
                "members",
                "ties",
                "density",
                "centralization",
                "key_players",
                "fragmentation",
            ],
        )


def health_over_time(
    coalition: Coalition, dates: Iterable[date], *, k: int = DEFAULT_KEY_PLAYERS
) -> HealthTimeline:
    """:func:`health` on each of ``dates``, in date order."""
    return HealthTimeline(points=tuple(health(coalition, day, k=k) for day in sorted(dates)))
