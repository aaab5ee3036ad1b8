"""Benchmark of clac.network on synthetic coalitions of 1,000 and 10,000 organizations.

Run from the repository root::

    python -m benchmarks.bench_network            # 1,000 and 10,000 organizations
    python -m benchmarks.bench_network --smoke    # 1,000 organizations, once (what CI runs)

Each step of clac.network is timed next to a baseline measured in the same run on the same
data: bare networkx doing the core of the work (building a graph from the same edge list,
running the same algorithm on the already-built organization graph). The ratio is clac's
median over the baseline's: what the typed model, the dates and the plain results cost on top.
Where the nx-parallel backend is installed, betweenness is also timed with it.

The synthetic coalitions are made directly as model objects with a fixed seed: organizations
of every sector (nine in ten national, in one country of the region), working groups of about
ten members (each member in one or two, as the charter asks), working-group meetings of 3-10
members, yearly plenary meetings, and quarterly reports whose activities name 2-4 members.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import networkx as nx

import clac.network as net

try:  # python -m benchmarks: the runner's clock (wall by default, or CPU time)
    from benchmarks._runner import median_time
except ImportError:  # python benchmarks/bench_*.py: benchmarks/ itself is on the path
    from _runner import median_time  # type: ignore[import-not-found, no-redef]

from clac.charter import Sector
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.model import (
    Activity,
    ActivityScope,
    ActivityStatus,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    Organization,
    QuarterlyReport,
    Scope,
    WorkingGroup,
)
from clac.network._graph import organization_node
from clac.registry import Coalition
from clac.text import Text

SIZES = (1_000, 10_000)
START = date(2016, 1, 1)
SECTORS = tuple(Sector)


def synthetic(size: int, seed: int = 2016) -> Coalition:
    """A valid coalition of ``size`` member organizations, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - synthetic test data, not a secret
    countries = LATIN_AMERICA_AND_CARIBBEAN
    organizations = []
    for i in range(size):
        regional = rng.random() < 0.1
        organizations.append(
            Organization(
                id=f"o{i:05d}",
                name=f"Organization {i}",
                sector=rng.choice(SECTORS),
                countries=rng.sample(countries, rng.randint(2, 5))
                if regional
                else [rng.choice(countries)],
                scope=Scope.REGIONAL if regional else Scope.NATIONAL,
            )
        )
    group_count = max(4, size // 10)
    groups = [
        WorkingGroup(
            id=f"g{j:04d}",
            name=Text(f"Group {j}", f"Grupo {j}"),
            formed=START + timedelta(days=rng.randrange(365)),
        )
        for j in range(group_count)
    ]
    membership: dict[str, list[str]] = {g.id: [] for g in groups}
    members = []
    for organization in organizations:
        chosen = rng.sample(groups, rng.randint(1, 2))
        for group in chosen:
            membership[group.id].append(organization.id)
        members.append(
            Member(
                organization=organization.id,
                joined=START + timedelta(days=rng.randrange(8 * 365)),
                working_groups=tuple(g.id for g in chosen),
            )
        )
    meetings = []
    for k in range(size // 5):
        group = rng.choice(groups)
        pool = membership[group.id] or [organizations[0].id]
        attendees = rng.sample(pool, min(len(pool), rng.randint(3, 10)))
        meetings.append(
            Meeting(
                id=f"m{k:05d}",
                date=START + timedelta(days=rng.randrange(9 * 365)),
                kind=MeetingKind.WORKING_GROUP,
                mode=MeetingMode.TELECONFERENCE,
                organizer=attendees[0],
                attendees=tuple(attendees),
                working_group=group.id,
            )
        )
    everyone = [o.id for o in organizations]
    for year in range(2016, 2025):
        attendees = rng.sample(everyone, min(size, 60))
        meetings.append(
            Meeting(
                id=f"annual-{year}",
                date=date(year, 11, 15),
                kind=MeetingKind.ANNUAL,
                mode=MeetingMode.IN_PERSON,
                organizer=attendees[0],
                attendees=tuple(attendees),
            )
        )
    reports = []
    for group in groups[: max(1, group_count // 4)]:
        pool = membership[group.id]
        if len(pool) < 2:
            continue
        for year, quarter in ((2023, 1), (2023, 2), (2023, 3), (2023, 4)):
            reports.append(
                QuarterlyReport(
                    working_group=group.id,
                    year=year,
                    quarter=quarter,
                    activities=(
                        Activity(
                            description="Joint activity",
                            scope=ActivityScope.REGIONAL,
                            status=ActivityStatus.IMPLEMENTED,
                            members=tuple(rng.sample(pool, min(len(pool), rng.randint(2, 4)))),
                        ),
                    ),
                )
            )
    return Coalition(
        name=f"Synthetic {size}",
        organizations=tuple(organizations),
        members=tuple(members),
        working_groups=tuple(groups),
        meetings=tuple(meetings),
        reports=tuple(reports),
    )


Row = tuple[int, str, float, str, float | None]


def _nx_parallel() -> str | None:
    """Why the nx-parallel backend cannot be used, or None when it can."""
    if importlib.util.find_spec("nx_parallel") is None:
        return "not installed"
    try:
        nx.betweenness_centrality(nx.path_graph(3), backend="parallel")
    except Exception as error:  # noqa: BLE001 - any failure means: benchmark without it
        return f"installed but unusable ({type(error).__name__}: {error})"
    return None


def bench(size: int, repeats: int, seed: int) -> list[Row]:
    """Time every step on a synthetic coalition of ``size`` organizations."""
    rows: list[Row] = []
    started = time.perf_counter()
    coalition = synthetic(size, seed)
    rows.append((size, "synthetic Coalition (once)", time.perf_counter() - started, "", None))

    full = net.build_graph(coalition)
    multi_edges = list(full.edges(keys=True, data=True))
    nodes = list(full.nodes(data=True))
    projection = net.organization_graph(coalition)
    weighted = list(projection.edges(data=True))

    def bare_multigraph() -> None:
        graph: nx.MultiGraph[str] = nx.MultiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(multi_edges)  # type: ignore[arg-type] # (u, v, key, data): valid

    def bare_graph() -> None:
        graph: nx.Graph[str] = nx.Graph()
        graph.add_nodes_from(organization_node(m.organization) for m in coalition.members)
        graph.add_edges_from(weighted)

    exact = len(projection) <= net.EXACT_BETWEENNESS_LIMIT
    k = None if exact else net.SAMPLED_BETWEENNESS_SOURCES

    def bare_everything() -> None:
        bare_graph()
        nx.betweenness_centrality(projection, k=k, seed=seed)
        nx.community.louvain_communities(projection, weight="weight", seed=seed)

    steps: list[tuple[str, Callable[[], Any], str, Callable[[], Any] | None]] = [
        (
            "build_graph",
            lambda: net.build_graph(coalition),
            "nx.MultiGraph from edge list",
            bare_multigraph,
        ),
        (
            "organization_graph",
            lambda: net.organization_graph(coalition),
            "nx.Graph from edge list",
            bare_graph,
        ),
        (
            "brokers",
            lambda: net.brokers(coalition, seed=seed),
            f"nx.betweenness_centrality(k={k})",
            lambda: nx.betweenness_centrality(projection, k=k, seed=seed),
        ),
        (
            "communities",
            lambda: net.communities(coalition, seed=seed),
            "nx louvain_communities",
            lambda: nx.community.louvain_communities(projection, weight="weight", seed=seed),
        ),
        (
            "health (+3 key players)",
            lambda: net.health(coalition),
            "nx.articulation_points (1 DFS)",
            lambda: list(nx.articulation_points(projection)),
        ),
        (
            "sector + country coverage",
            lambda: (net.sector_coverage(coalition), net.country_coverage(coalition)),
            "",
            None,
        ),
        (
            "isolates + cross-sector",
            lambda: (net.isolates(coalition), net.cross_sector_ties(coalition)),
            "",
            None,
        ),
        (
            "summarize (everything)",
            lambda: net.summarize(coalition, seed=seed),
            "nx: graph + betweenness + louvain",
            bare_everything,
        ),
    ]
    if _nx_parallel() is None:
        # Convert the graph for nx-parallel on every call, as a fresh caller would, and
        # without networkx's warning about reusing a cached conversion.
        nx.config.cache_converted_graphs = False
        steps.append(
            (
                "nx.betweenness_centrality, nx-parallel",
                lambda: nx.betweenness_centrality(projection, k=k, seed=seed, backend="parallel"),
                f"nx.betweenness_centrality(k={k})",
                lambda: nx.betweenness_centrality(projection, k=k, seed=seed),
            )
        )
    for name, function, baseline_name, baseline in steps:
        ours = median_time(function, repeats)
        theirs = median_time(baseline, repeats) if baseline is not None else None
        rows.append((size, name, ours, baseline_name, theirs))
    info = (
        f"{len(projection)} members, {projection.number_of_edges()} ties, "
        f"{full.number_of_nodes()} nodes and {full.number_of_edges()} edges in the full graph"
    )
    rows.insert(1, (size, info, 0.0, "", None))
    return rows


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table of medians and ratios."""
    lines = [
        "| organizations | step | median (s) | baseline | baseline median (s) | ratio |",
        "|---:|---|---:|---|---:|---:|",
    ]
    for size, name, ours, baseline_name, theirs in rows:
        if ours == 0.0 and theirs is None and not baseline_name:
            lines.append(f"| {size:,} | *{name}* | | | | |")
            continue
        ratio = f"{ours / theirs:.1f}×" if theirs else ""
        shown = f"{theirs:.4f}" if theirs is not None else ""
        lines.append(f"| {size:,} | {name} | {ours:.4f} | {baseline_name} | {shown} | {ratio} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_network")
    parser.add_argument("--smoke", action="store_true", help="smallest size, once")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2016)
    options = parser.parse_args(argv)
    sizes = [min(options.sizes)] if options.smoke else options.sizes
    rows: list[Row] = []
    for size in sizes:
        repeats = 1 if options.smoke else (options.repeats if size <= 1_000 else 3)
        rows.extend(bench(size, repeats, options.seed))
    parallel = _nx_parallel() or "installed"
    print(
        f"clac.network benchmark — networkx {nx.__version__}, nx-parallel {parallel}, "
        f"Python {sys.version.split()[0]}"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
