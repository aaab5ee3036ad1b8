"""The stakeholder network of a coalition: a networkx graph, its analyses, exports and pictures.

For analysts in JupyterLab and for tools that embed clac. networkx is imported here and only
here (``import clac`` stays fast); pandas (``to_dataframe()``) and matplotlib (pictures) are
optional and imported when used.

- :func:`build_graph` — organizations, working groups and countries, with membership,
  co-attendance, co-authorship, operates-in and (from a partnership survey) reported edges, as
  of a date;
  :func:`organization_graph` its projection onto the members, weighted by shared activity;
  :func:`sector_ties` the sector-by-sector tie matrix.
- Analyses, each returning frozen data with ``to_dataframe()``: :func:`sector_coverage`,
  :func:`country_coverage`, :func:`brokers`, :func:`communities`, :func:`isolates`,
  :func:`cross_sector_ties`, :func:`health` (density, degree centralization, connectivity,
  :func:`key_players`), :func:`health_over_time`, and :func:`compare` between two dates.
- :func:`summarize` runs them all into a :class:`NetworkSummary`, which shows itself as a table
  in Jupyter.
- :func:`export` writes GEXF, GraphML, node-link JSON or PNG (atomically); :func:`draw` returns
  a matplotlib figure. Every analysis, :func:`export` and :func:`draw` take a coalition or a
  graph clac made as their first argument.
- :func:`widget` shows the network interactively in Jupyter (colour by sector, size by a
  measure, filters by country, working group, sector and survey round; anywidget, from the
  ``notebooks`` extra) and :func:`to_html` / :func:`write_html` (``export(..., "html")``) make
  the same view one self-contained page that works offline; :func:`view_data` is what both show.
- :func:`region_map` counts the members per state of Latin America and the Caribbean (by
  sector, and with a framework the gap verdicts): ``to_dataframe()``, ``draw()``;
  :func:`write_map` saves the map as PNG, SVG or HTML (outlines shipped, drawn offline).
- :func:`partnership` measures the rounds of a member survey (density, degree centralization,
  reciprocity, trust and value, with anonymity) and the change between them;
  :func:`survey_graph` and :func:`draw_rounds` give each round's graph and picture
  (``docs/survey.md``).

No graph, result or export holds personal data: representatives are never read.

>>> import clac.network as net
>>> from clac import Coalition
>>> for node in sorted(net.build_graph(Coalition(name="Empty")).nodes):
...     print(node)  # the charter's working groups, declared or not
wg:latin-american-hotlines
wg:law-enforcement-investigation
wg:prevention-awareness
wg:private-sector-collaboration
"""

from clac.network._analyses import (
    EXACT_BETWEENNESS_LIMIT,
    SAMPLED_BETWEENNESS_SOURCES,
    Broker,
    Brokers,
    Communities,
    CrossSectorTies,
    Isolate,
    Isolates,
    brokers,
    communities,
    cross_sector_ties,
    isolates,
)
from clac.network._compare import NetworkChange, compare
from clac.network._coverage import (
    CountryCoverage,
    CountryPresence,
    SectorCoverage,
    SectorPresence,
    country_coverage,
    sector_coverage,
)
from clac.network._exports import (
    ExportFormat,
    UnsupportedExport,
    export,
    node_link,
    write_gexf,
    write_graphml,
    write_json,
)
from clac.network._figure import SECTOR_COLOURS, draw, write_png
from clac.network._frames import MissingDependency
from clac.network._graph import (
    EdgeKind,
    NodeKind,
    SectorTies,
    build_graph,
    country_node,
    node_id,
    organization_graph,
    organization_node,
    sector_ties,
    working_group_node,
)
from clac.network._health import (
    DEFAULT_KEY_PLAYERS,
    Connectivity,
    Health,
    HealthTimeline,
    KeyPlayers,
    degree_centralization,
    fragmentation,
    health,
    health_over_time,
    key_players,
)
from clac.network._map import (
    MAP_FORMATS,
    CountryMembers,
    RegionMap,
    draw_map,
    region_map,
    write_map,
)
from clac.network._snapshot import MembershipStatus
from clac.network._summary import NetworkSummary, summarize
from clac.network._survey import (
    ANONYMITY_THRESHOLD,
    MEASURES,
    SUPPRESSED,
    GoalTies,
    Partnership,
    ReceivedScores,
    RoundChange,
    SurveyRound,
    Symmetrization,
    TieChange,
    WorkingGroupTies,
    partnership,
    survey_graph,
)
from clac.network._survey_figure import COLLABORATION_COLOURS, draw_rounds, write_rounds_png
from clac.network._view import SIZE_MEASURES, to_html, view_data, widget, write_html

__all__ = [
    "ANONYMITY_THRESHOLD",
    "COLLABORATION_COLOURS",
    "DEFAULT_KEY_PLAYERS",
    "EXACT_BETWEENNESS_LIMIT",
    "MAP_FORMATS",
    "MEASURES",
    "SAMPLED_BETWEENNESS_SOURCES",
    "SECTOR_COLOURS",
    "SIZE_MEASURES",
    "SUPPRESSED",
    "Broker",
    "Brokers",
    "Communities",
    "Connectivity",
    "CountryCoverage",
    "CountryMembers",
    "CountryPresence",
    "CrossSectorTies",
    "EdgeKind",
    "ExportFormat",
    "GoalTies",
    "Health",
    "HealthTimeline",
    "Isolate",
    "Isolates",
    "KeyPlayers",
    "MembershipStatus",
    "MissingDependency",
    "NetworkChange",
    "NetworkSummary",
    "NodeKind",
    "Partnership",
    "ReceivedScores",
    "RegionMap",
    "RoundChange",
    "SectorCoverage",
    "SectorPresence",
    "SectorTies",
    "SurveyRound",
    "Symmetrization",
    "TieChange",
    "UnsupportedExport",
    "WorkingGroupTies",
    "brokers",
    "build_graph",
    "communities",
    "compare",
    "country_coverage",
    "country_node",
    "cross_sector_ties",
    "degree_centralization",
    "draw",
    "draw_map",
    "draw_rounds",
    "export",
    "fragmentation",
    "health",
    "health_over_time",
    "isolates",
    "key_players",
    "node_id",
    "node_link",
    "organization_graph",
    "organization_node",
    "partnership",
    "region_map",
    "sector_coverage",
    "sector_ties",
    "summarize",
    "survey_graph",
    "to_html",
    "view_data",
    "widget",
    "working_group_node",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
    "write_map",
    "write_png",
    "write_rounds_png",
]
