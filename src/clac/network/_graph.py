"""The stakeholder network as networkx graphs: the full typed graph and its projections.

:func:`build_graph` is a :class:`networkx.MultiGraph` whose nodes are organizations, working
groups and countries, with ids namespaced by kind (``"org:icmec"``, ``"wg:hotlines"``,
``"country:BR"``), and whose edges are keyed by what they record (:class:`EdgeKind`): an
organization in a working group, two organizations at the same meetings, two organizations
that wrote something together, an organization working in a country. Two organizations can be
tied both ways, hence a multigraph; ``graph.edges(keys=True, data=True)`` shows each tie.

:func:`organization_graph` projects it onto the members: one :class:`networkx.Graph` edge per
pair of members that share any activity, weighted by meetings shared + working groups shared +
joint works (+ 1 where the partnership survey reports a tie). Every analysis of
:mod:`clac.network` reads that projection.

No node or edge holds personal data: representatives (names, e-mail addresses) are never read.
"""

from __future__ import annotations

import enum
from collections import Counter
from datetime import date
from typing import Any

import attrs
import networkx as nx

from clac.charter import Sector
from clac.countries import LAC, country_name
from clac.model import Organization
from clac.network._frames import HtmlTable, data_frame
from clac.network._reported import edge_attributes
from clac.network._snapshot import Pair, Snapshot, snapshot
from clac.registry import Coalition

__all__ = [
    "EdgeKind",
    "NodeKind",
    "SectorTies",
    "build_graph",
    "country_node",
    "node_id",
    "organization_graph",
    "organization_node",
    "sector_ties",
    "working_group_node",
]

ORGANIZATION_PREFIX, WORKING_GROUP_PREFIX, COUNTRY_PREFIX = "org:", "wg:", "country:"


class NodeKind(enum.StrEnum):
    """What a node of the stakeholder graph is (its ``kind`` attribute)."""

    ORGANIZATION = "organization"
    WORKING_GROUP = "working-group"
    COUNTRY = "country"


class EdgeKind(enum.StrEnum):
    """What an edge of the stakeholder graph records (its key and its ``kind`` attribute)."""

    MEMBERSHIP = "membership"
    """An organization belongs to a working group (weight 1)."""
    CO_ATTENDANCE = "co-attendance"
    """Two organizations attended the same meetings (weight: meetings shared; ``plenary``: how
    many of them were annual or regional meetings)."""
    CO_AUTHORSHIP = "co-authorship"
    """Two organizations wrote a proposal or carried out a reported activity together
    (weight: joint works)."""
    OPERATES_IN = "operates-in"
    """An organization works in a country (weight 1)."""
    REPORTED = "reported"
    """Two organizations report working together in the last partnership-survey round (weight
    1; ``frequency`` and ``collaboration``: the higher either reports; ``trust`` and
    ``value``: the pair's standing when shown, never their ratings of each other; see
    ``docs/survey.md``)."""


# The region's states and territories (a country node says whether it lies in the region).
_REGION = frozenset(LAC.countries(include_territories=True))


def organization_node(organization: str) -> str:
    """The node id of an organization: ``"org:<id>"``."""
    return f"{ORGANIZATION_PREFIX}{organization}"


def working_group_node(working_group: str) -> str:
    """The node id of a working group: ``"wg:<id>"``."""
    return f"{WORKING_GROUP_PREFIX}{working_group}"


def country_node(code: str) -> str:
    """The node id of a country: ``"country:<ISO 3166-1 alpha-2>"``."""
    return f"{COUNTRY_PREFIX}{code}"


def node_id(node: str) -> str:
    """The registry id a node id stands for (``"org:icmec"`` → ``"icmec"``)."""
    return node.partition(":")[2]


def _organization_attributes(
    organization: Organization, view: Snapshot, founding: frozenset[str]
) -> dict[str, Any]:
    status = view.status[organization.id]
    joined = view.joined.get(organization.id)
    return {
        "kind": NodeKind.ORGANIZATION.value,
        "label": organization.name,
        "sector": organization.sector.value,
        "sectors": tuple(s.value for s in organization.sectors),
        "countries": organization.countries,
        "scope": "unknown" if (scope := organization.effective_scope) is None else scope.value,
        "partner": organization.partner or "",
        "founding": organization.partner in founding,
        "status": status.value,
        "member": status.in_coalition,
        "joined": joined.isoformat() if joined is not None else "",
    }


def _founding(view: Snapshot) -> frozenset[str]:
    return frozenset(p.id for p in view.charter.partners if p.founding)


def _graph_attributes(view: Snapshot) -> dict[str, Any]:
    return {
        "name": view.coalition.name,
        "charter": view.coalition.charter.id,
        "as_of": view.as_of.isoformat() if view.as_of is not None else "",
    }


def graph_of(view: Snapshot) -> nx.MultiGraph[str]:
    """The full stakeholder graph of a snapshot (see :func:`build_graph`)."""
    graph: nx.MultiGraph[str] = nx.MultiGraph(**_graph_attributes(view))
    founding = _founding(view)
    countries: dict[str, None] = {}
    for organization in view.coalition.organizations:
        graph.add_node(
            organization_node(organization.id),
            **_organization_attributes(organization, view, founding),
        )
        countries.update(dict.fromkeys(organization.where))
    for group in view.working_groups:
        graph.add_node(
            working_group_node(group.id),
            kind=NodeKind.WORKING_GROUP.value,
            label=group.name.en,
            name_es=group.name.es,
            name_pt=group.name.in_("pt"),
            formed=group.formed.isoformat(),
        )
    for code in countries:
        name = country_name(code)
        graph.add_node(
            country_node(code),
            kind=NodeKind.COUNTRY.value,
            label=name.en,
            name_es=name.es,
            name_pt=name.in_("pt"),
            code=code,
            latin_america_and_caribbean=code in _REGION,
        )
    for group_id, organization_ids in view.group_members.items():
        for organization_id in organization_ids:
            _tie(
                graph,
                organization_node(organization_id),
                working_group_node(group_id),
                EdgeKind.MEMBERSHIP,
                1,
            )
    for (a, b), weight in view.attendance.items():
        _tie(
            graph,
            organization_node(a),
            organization_node(b),
            EdgeKind.CO_ATTENDANCE,
            weight,
            plenary=view.plenary_attendance[(a, b)],
        )
    for (a, b), weight in view.coauthorship.items():
        _tie(graph, organization_node(a), organization_node(b), EdgeKind.CO_AUTHORSHIP, weight)
    for (a, b), reported in view.reported.items():
        if organization_node(a) in graph and organization_node(b) in graph:
            graph.add_edge(
                organization_node(a),
                organization_node(b),
                key=EdgeKind.REPORTED.value,
                **edge_attributes(reported),
            )
    for organization in view.coalition.organizations:
        for code in organization.where:  # a region (LAC) ties it to every country of it
            _tie(
                graph,
                organization_node(organization.id),
                country_node(code),
                EdgeKind.OPERATES_IN,
                1,
            )
    return graph


def _tie(
    graph: nx.MultiGraph[str], a: str, b: str, kind: EdgeKind, weight: int, **extra: int
) -> None:
    graph.add_edge(a, b, key=kind.value, kind=kind.value, weight=weight, **extra)


def build_graph(coalition: Coalition, as_of: date | None = None) -> nx.MultiGraph[str]:
    """The stakeholder network of ``coalition`` as it stood on ``as_of`` (all records if None).

    Every organization of the registry is a node, with its ``status`` on the date
    (member/active/inactive/withdrawn/non-member); working groups formed by the date and the
    countries organizations work in are nodes too. Edges are keyed by :class:`EdgeKind`.
    Working-group membership edges are drawn for members on the date; co-attendance and
    co-authorship edges for meetings held and work done by the date, between whoever took part.

    >>> from clac import Coalition
    >>> from clac.model import Member, Organization
    >>> from datetime import date
    >>> c = Coalition(
    ...     name="Tiny",
    ...     organizations=[Organization(id="a", name="A", sector="ngo", countries=["BR"])],
    ...     members=[Member(organization="a", joined=date(2020, 1, 1))],
    ... )
    >>> sorted(n for n in build_graph(c).nodes if not n.startswith("wg:"))
    ['country:BR', 'org:a']
    >>> build_graph(c, as_of=date(2019, 1, 1)).nodes["org:a"]["status"]
    'non-member'
    """
    return graph_of(snapshot(coalition, as_of))


def projection_of(view: Snapshot, *, plenary: bool = False) -> nx.Graph[str]:
    """The organization graph of a snapshot (see :func:`organization_graph`)."""
    graph: nx.Graph[str] = nx.Graph(**_graph_attributes(view))
    founding = _founding(view)
    for organization in view.coalition.organizations:
        if organization.id in view.members:
            graph.add_node(
                organization_node(organization.id),
                **_organization_attributes(organization, view, founding),
            )
    components: tuple[tuple[str, Counter[Pair]], ...] = (
        ("meetings", view.attendance if plenary else view.working_attendance()),
        ("working_groups", view.shared_groups()),
        ("coauthored", view.coauthorship),
    )
    ties: dict[Pair, dict[str, int]] = {}
    for name, counts in components:
        for pair, count in counts.items():
            a, b = pair
            if a in view.members and b in view.members:
                tie = ties.setdefault(pair, {"meetings": 0, "working_groups": 0, "coauthored": 0})
                tie[name] += count
    for pair in view.reported:
        a, b = pair
        if a in view.members and b in view.members:
            ties.setdefault(pair, {"meetings": 0, "working_groups": 0, "coauthored": 0})
            ties[pair]["reported"] = 1
    graph.add_edges_from(
        (organization_node(a), organization_node(b), {**tie, "weight": sum(tie.values())})
        for (a, b), tie in ties.items()
    )
    for (a, b), reported in view.reported.items():
        if graph.has_edge(organization_node(a), organization_node(b)):
            extra = edge_attributes(reported)
            del extra["kind"], extra["weight"]
            graph.edges[organization_node(a), organization_node(b)].update(extra)
    return graph


def organization_graph(
    coalition: Coalition, as_of: date | None = None, *, plenary: bool = False
) -> nx.Graph[str]:
    """The members of ``coalition`` on ``as_of``, tied by the activity they share.

    Nodes are the members on the date (active or inactive; not withdrawn), with the same
    attributes as in :func:`build_graph`. Two members are tied when they attended the same
    working meetings (working-group and Steering Committee meetings), belong to the same
    working group or wrote something together (see :func:`build_graph`); the edge's
    ``weight`` is ``meetings + working_groups + coauthored``, each also an attribute.

    Annual and regional meetings are plenary: every member is invited, and most attend, so
    counting them would tie nearly every member to every other (the demo coalition's graph
    would be complete: density 1, no brokers, nothing to fragment) and drown the working ties
    in attendance counts. Pass ``plenary=True`` to count them as co-attendance anyway; every
    analysis of :mod:`clac.network` uses the default.
    """
    return projection_of(snapshot(coalition, as_of), plenary=plenary)


# --------------------------------------------------------------------- sector by sector


@attrs.frozen
class SectorTies(HtmlTable):
    """The sector-by-sector tie matrix of the organization graph.

    ``ties[i][j]`` counts ties between members of ``sectors[i]`` and ``sectors[j]``;
    ``weights[i][j]`` adds their weights (shared activity). The matrix is symmetric; the
    diagonal holds ties within a sector.
    """

    sectors: tuple[Sector, ...]
    ties: tuple[tuple[int, ...], ...]
    weights: tuple[tuple[int, ...], ...]

    def between(self, a: Sector | str, b: Sector | str, *, weighted: bool = False) -> int:
        """The ties (or their total weight) between sectors ``a`` and ``b``."""
        i, j = self.sectors.index(Sector(a)), self.sectors.index(Sector(b))
        return (self.weights if weighted else self.ties)[i][j]

    def to_dataframe(self, *, weighted: bool = False) -> Any:
        """A square ``pandas.DataFrame`` indexed and headed by sector."""
        matrix = self.weights if weighted else self.ties
        names = [s.value for s in self.sectors]
        frame = data_frame([dict(zip(names, row, strict=True)) for row in matrix], columns=names)
        frame.index = names
        return frame


def ties_of(graph: nx.Graph[str]) -> SectorTies:
    """The sector tie matrix of an organization graph."""
    sectors = tuple(Sector)
    index = {s.value: i for i, s in enumerate(sectors)}
    size = len(sectors)
    ties = [[0] * size for _ in range(size)]
    weights = [[0] * size for _ in range(size)]
    for a, b, weight in graph.edges(data="weight", default=1):
        # Every sector of each end counts: a tie between a hotline that is also an NGO and a
        # government agency is a hotline-government tie and an NGO-government tie.
        pairs = {
            (x, y)
            for i in _sector_indexes(graph, a, index)
            for j in _sector_indexes(graph, b, index)
            for x, y in ((i, j), (j, i))
        }
        for x, y in pairs:
            ties[x][y] += 1
            weights[x][y] += weight
    return SectorTies(
        sectors=sectors,
        ties=tuple(tuple(row) for row in ties),
        weights=tuple(tuple(row) for row in weights),
    )


def _sector_indexes(graph: nx.Graph[str], node: str, index: dict[str, int]) -> list[int]:
    data = graph.nodes[node]
    return [index[s] for s in data.get("sectors") or (data["sector"],)]


def sector_ties(coalition: Coalition, as_of: date | None = None) -> SectorTies:
    """How the members of each sector are tied to those of every other (and their own)."""
    return ties_of(organization_graph(coalition, as_of))
