"""What changed in the stakeholder network between two dates."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import attrs
import networkx as nx

from clac.charter import Sector
from clac.errors import InvalidData
from clac.network._analyses import EXACT_BETWEENNESS_LIMIT, SAMPLED_BETWEENNESS_SOURCES
from clac.network._coverage import CountryCoverage
from clac.network._frames import data_frame
from clac.network._graph import node_id
from clac.network._health import DEFAULT_KEY_PLAYERS
from clac.network._summary import NetworkSummary, analyse
from clac.registry import Coalition

__all__ = ["NetworkChange", "compare"]

Tie = tuple[str, str]
CountryGap = tuple[str, Sector]


def _ties(graph: nx.Graph[str]) -> set[Tie]:
    return {tuple(sorted((node_id(a), node_id(b)))) for a, b in graph.edges()}  # type: ignore[misc]


def _covered(coverage: CountryCoverage) -> set[CountryGap]:
    covered: set[CountryGap] = set()
    for row in coverage.countries:
        for sector, present in (
            (Sector.HOTLINE, row.has_hotline),
            (Sector.LAW_ENFORCEMENT, row.has_law_enforcement),
            (Sector.NGO, row.has_ngo),
        ):
            if present:
                covered.add((row.code, sector))
    return covered


def _gone(before: set[Any], after: set[Any]) -> tuple[Any, ...]:
    return tuple(sorted(before - after))


@attrs.frozen
class NetworkChange:
    """The network on two dates (:attr:`before`, :attr:`after`) and what changed between them.

    Organization ids, ties (pairs of organization ids), isolates, sectors, partners and
    countries that appeared or disappeared are listed in sorted order;
    ``coverage_gained`` / ``coverage_lost`` hold ``(country code, sector)`` pairs for the
    hotline, law-enforcement and NGO coverage of the region.
    """

    before: NetworkSummary
    after: NetworkSummary
    members_joined: tuple[str, ...]
    members_left: tuple[str, ...]
    ties_added: tuple[Tie, ...]
    ties_removed: tuple[Tie, ...]
    isolates_added: tuple[str, ...]
    isolates_removed: tuple[str, ...]
    sectors_covered: tuple[Sector, ...]
    sectors_uncovered: tuple[Sector, ...]
    partners_joined: tuple[str, ...]
    partners_lost: tuple[str, ...]
    coverage_gained: tuple[CountryGap, ...]
    coverage_lost: tuple[CountryGap, ...]
    brokers_entered: tuple[str, ...]
    brokers_left: tuple[str, ...]

    @property
    def density_change(self) -> float:
        """Density after minus density before."""
        return self.after.density - self.before.density

    @property
    def centralization_change(self) -> float:
        """Degree centralization after minus before."""
        return self.after.centralization - self.before.centralization

    @property
    def cross_sector_change(self) -> float:
        """Cross-sector tie ratio after minus before."""
        return self.after.cross_sector_ties.ratio - self.before.cross_sector_ties.ratio

    def metrics(self) -> list[tuple[str, float | int, float | int]]:
        """(metric, before, after) for every number of :meth:`NetworkSummary.metrics`."""
        before, after = self.before.metrics(), self.after.metrics()
        return [(name, before[name], after[name]) for name in before]

    def to_dataframe(self) -> Any:
        """One row per metric: metric, before, after, change."""
        return data_frame(
            [
                {"metric": name, "before": b, "after": a, "change": a - b}
                for name, b, a in self.metrics()
            ],
            columns=["metric", "before", "after", "change"],
        )

    def _repr_html_(self) -> str:
        def day(summary: NetworkSummary) -> str:
            return summary.as_of.isoformat() if summary.as_of else "all records"

        def shown(value: float | int) -> str:
            return f"{value:.3f}" if isinstance(value, float) else str(value)

        head = (
            f"<tr><th>metric</th><th>{html.escape(day(self.before))}</th>"
            f"<th>{html.escape(day(self.after))}</th><th>change</th></tr>"
        )
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(name)}</th><td>{shown(b)}</td>"
            f"<td>{shown(a)}</td><td>{shown(a - b)}</td></tr>"
            for name, b, a in self.metrics()
        )
        lists = "".join(
            f"<tr><th style='text-align:left'>{html.escape(name)}</th>"
            f"<td colspan='3'>{html.escape(', '.join(map(str, values)) or '—')}</td></tr>"
            for name, values in (
                ("members joined", self.members_joined),
                ("members left", self.members_left),
                ("brokers entered", self.brokers_entered),
                ("brokers left", self.brokers_left),
                ("partners joined", self.partners_joined),
            )
        )
        caption = html.escape(f"Stakeholder network: {self.after.name}")
        return (
            f'<table class="clac-network-change"><caption>{caption}</caption>'
            f"<thead>{head}</thead><tbody>{body}{lists}</tbody></table>"
        )


def compare(
    coalition: Coalition,
    before: date,
    after: date,
    *,
    seed: int = 0,
    key_players: int = DEFAULT_KEY_PLAYERS,
    top: int = 5,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    k: int = SAMPLED_BETWEENNESS_SOURCES,
) -> NetworkChange:
    """What changed in ``coalition``'s network between the dates ``before`` and ``after``.

    Both dates are analysed as :func:`summarize` would (same ``seed``, so a difference in
    communities or sampled brokers is a difference in the network, not in the draw).
    """
    if after < before:
        raise InvalidData(
            f"is before the first date ({before.isoformat()})", path="after", value=after
        )

    def analysed(day: date) -> tuple[NetworkSummary, Any]:
        return analyse(
            coalition,
            day,
            seed=seed,
            key_players=key_players,
            top=top,
            exact_limit=exact_limit,
            k=k,
        )

    first, first_graph = analysed(before)
    second, second_graph = analysed(after)
    members = ({node_id(n) for n in first_graph}, {node_id(n) for n in second_graph})
    ties = (_ties(first_graph), _ties(second_graph))
    isolated = (set(first.isolates.organizations), set(second.isolates.organizations))
    missing = (
        set(first.sector_coverage.missing_sectors),
        set(second.sector_coverage.missing_sectors),
    )
    partners = (
        {p.id for p in first.sector_coverage.missing_partners},
        {p.id for p in second.sector_coverage.missing_partners},
    )
    covered = (_covered(first.country_coverage), _covered(second.country_coverage))
    brokers = (
        {b.organization for b in first.brokers.top(top)},
        {b.organization for b in second.brokers.top(top)},
    )
    return NetworkChange(
        before=first,
        after=second,
        members_joined=_gone(members[1], members[0]),
        members_left=_gone(members[0], members[1]),
        ties_added=_gone(ties[1], ties[0]),
        ties_removed=_gone(ties[0], ties[1]),
        isolates_added=_gone(isolated[1], isolated[0]),
        isolates_removed=_gone(isolated[0], isolated[1]),
        sectors_covered=_gone(missing[0], missing[1]),
        sectors_uncovered=_gone(missing[1], missing[0]),
        partners_joined=_gone(partners[0], partners[1]),
        partners_lost=_gone(partners[1], partners[0]),
        coverage_gained=_gone(covered[1], covered[0]),
        coverage_lost=_gone(covered[0], covered[1]),
        brokers_entered=_gone(brokers[1], brokers[0]),
        brokers_left=_gone(brokers[0], brokers[1]),
    )
