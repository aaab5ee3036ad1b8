# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: -all
#     notebook_metadata_filter: kernelspec,jupytext
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Mapping the stakeholder network
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/01_stakeholder_network.ipynb
# ```
#
# then *Run → Run All Cells*. It uses the fictional demonstration coalition that ships with
# clac (`clac.demo()`), assessed on its check date `clac.DEMO_AS_OF`, and writes its exports
# to a fresh temporary folder, never into the repository.
#
# `clac.network` turns the registry into a [networkx](https://networkx.org) graph of who works
# with whom — shared working groups, meetings attended together, work written together — and
# runs the analyses network evaluators use on coalitions: coverage gaps, brokers, communities,
# density and key players. No graph, table or picture here holds a person's name or e-mail
# address: representatives are never read. See `docs/network.md` for every definition.

# %%
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import IPython.display as ipd
import matplotlib.pyplot as plt

import clac
import clac.network as net

coalition = clac.demo()
AS_OF = clac.DEMO_AS_OF
OUTPUT = Path(tempfile.mkdtemp(prefix="clac-network-"))
print(f"{coalition.name}: {len(coalition.members)} members on {AS_OF}")

# %% [markdown]
# ## The graph
#
# `build_graph` returns a `networkx.MultiGraph` with three kinds of node (organizations,
# working groups, countries) and four kinds of edge. Node ids are namespaced by kind
# (`org:icmec`, `wg:research-data`, `country:BR`).

# %%
graph = net.build_graph(coalition, as_of=AS_OF)
print(graph)
print("nodes:", dict(Counter(kind for _, kind in graph.nodes(data="kind"))))
print("edges:", dict(Counter(key for _, _, key in graph.edges(keys=True))))
graph.nodes["org:icmec"]

# %% [markdown]
# Every analysis reads the **organization graph**: the members on the day, tied when they
# share a working group, met outside the plenary meetings, or wrote something together. An
# edge says what the tie is made of.

# %%
members = net.organization_graph(coalition, AS_OF)
print(members)
members.edges["org:icmec", "org:hotline-alliance"]

# %% [markdown]
# ## Everything at a glance
#
# `summarize` runs every analysis on one snapshot. In JupyterLab a `NetworkSummary` shows
# itself as a table; `to_html("es")` gives the same table in Spanish.

# %%
summary = net.summarize(coalition, AS_OF)
summary

# %%
ipd.HTML(summary.to_html("es"))

# %% [markdown]
# ## Coverage gaps
#
# The charter's Proposed Structure names the sectors and partners the coalition should bring
# together. `sector_coverage` says which sectors have members and which named partners have
# not joined yet.

# %%
sectors = summary.sector_coverage
ipd.display(sectors.to_dataframe())
print("Socios previstos que aún no son miembros:")
for partner in sectors.missing_partners:
    sector = partner.sector.value if partner.sector else "—"
    print(f"  - {partner.name.in_(clac.Language.ES)} ({sector})")

# %% [markdown]
# `country_coverage` looks at the 52 countries and territories of Latin America and the
# Caribbean and counts, in each, the members of *national* scope by sector. A regional network
# listing a country does not close its gap: it is not an in-country hotline.

# %%
countries = summary.country_coverage
table = countries.to_dataframe()
present = table[(table["hotlines"] + table["law_enforcement"] + table["ngos"]) > 0]
ipd.display(present)
print(
    f"{len(countries.without_hotline)} of {len(table)} countries have no national hotline "
    f"member; {len(countries.without_any_member)} have no national member at all."
)

# %% [markdown]
# ## Brokers, key players and communities
#
# **Brokers** sit on the shortest paths between other members (betweenness centrality).
# **Key players** are the members whose removal would fragment the network most: if they
# left, how many pairs of members could no longer reach each other?

# %%
ipd.display(summary.brokers.to_dataframe().head(8))
players = summary.health.key_players
print(
    f"Key players: {', '.join(players.organizations)} — removing them raises fragmentation "
    f"from {players.before:.3f} to {players.after:.3f}"
)

# %% [markdown]
# **Communities** (Louvain, seeded so the partition is reproducible) group the members that
# work together most. A healthy coalition has communities that cross sectors.

# %%
groups = summary.communities
print(f"{len(groups.groups)} communities, modularity {groups.modularity:.3f}")
for number, group in enumerate(groups.groups, start=1):
    sectors_in = sorted({coalition.organization(o).sector.value for o in group})
    print(f"  {number}. {', '.join(group)}  [{'; '.join(sectors_in)}]")

# %% [markdown]
# ## The picture
#
# `draw` colours members by sector (the colour-blind-safe Okabe-Ito palette), sizes them by
# their ties and thickens edges with more shared activity. Here with its legend in Spanish.

# %%
figure, axes = plt.subplots(figsize=(13, 9), layout="constrained")
net.draw(members, lang="es", ax=axes)
plt.show()

# %% [markdown]
# The fictional domain registry (`registro-dominios`) sits apart. It is in no working group
# (the dashboard notebook shows MEM-08 unmet for it) and met the others only at annual and
# regional meetings, which make no tie on their own. So it has no tie in the organization
# graph, and that is what makes an *isolate* in clac: `net.isolates()` and the summary both
# list it.

# %%
registry = "org:registro-dominios"
print("ties:", members.degree(registry))
print("isolates:", net.isolates(coalition).organizations or "none")
print("the summary agrees:", net.isolates(coalition) == summary.isolates)

# %% [markdown]
# ## Over time
#
# `health_over_time` computes density and centralization on several dates, and `compare`
# says what changed between two of them.

# %%
years = [date(year, 12, 31) for year in range(2016, AS_OF.year)] + [AS_OF]
timeline = net.health_over_time(coalition, years, k=1).to_dataframe()
ipd.display(timeline)

figure, axes = plt.subplots(figsize=(8, 3.5), layout="constrained")
axes.plot(timeline["as_of"], timeline["density"], marker="o", label="density")
axes.plot(timeline["as_of"], timeline["centralization"], marker="s", label="centralization")
axes.set_ylim(0, 1)
axes.set_title("Network health of the demo coalition over time")
axes.legend()
plt.show()

change = net.compare(coalition, date(2020, 12, 31), AS_OF)
print("joined since 2020:", ", ".join(change.members_joined) or "nobody")
print(f"density change: {change.density_change:+.3f}")

# %% [markdown]
# ## Explore it interactively
#
# `net.widget` shows the same members in an interactive view: colour by sector, size by a
# measure you choose, filters by country, working group and sector, and hovering an
# organization lists its ties. (It needs the `notebooks` extra, for anywidget. Where no widget
# can run, as in a notebook viewer, the same view shows as a self-contained page.)
# `net.write_html` — or `clac network --export html -o network.html` — writes it as one
# HTML file that works offline, to send around.

# %%
net.widget(coalition, seed=1)

# %% [markdown]
# ## Where the members work
#
# `net.region_map` counts the members working in each of the region's 33 states, by sector,
# and draws them on a map (`.draw()`; small island states are circles so that none vanishes).
# With a framework it adds each state's gap verdict, as in the regional-gaps notebook.

# %%
region = net.region_map(coalition, as_of=AS_OF)
region.to_dataframe().query("members > 0 or regional > 0")[
    ["code", "name", "members", "regional", "ngo", "hotline", "law-enforcement"]
]

# %%
region.draw()

# %% [markdown]
# ## Exports
#
# `export` writes the full graph for Gephi (GEXF), Cytoscape or yEd (GraphML), a dashboard
# (node-link JSON), or a picture (PNG), choosing by the file's suffix. Files are written
# atomically. Here they go to a temporary folder.

# %%
for name in ("clac.gexf", "clac.graphml", "clac.json", "clac.png"):
    written = net.export(coalition, OUTPUT / name, as_of=AS_OF, lang="es")
    print(f"{written.name:14} {written.stat().st_size:>9,} bytes")
ipd.Image(filename=OUTPUT / "clac.png", width=700)

# %% [markdown]
# ## What to try next
#
# - Move the date back: `net.summarize(coalition, date(2018, 12, 31))` shows the network as it
#   stood then; `net.compare` between any two dates lists who joined, ties gained and lost,
#   and brokers entering or leaving the top.
# - Load your own registry with `clac.load("my-coalition.yaml")` and run the same cells.
# - Count the plenary meetings too: `net.organization_graph(coalition, AS_OF, plenary=True)`
#   — and see why clac leaves them out by default (docs/network.md).
# - Open `clac.gexf` in Gephi, or use `net.write_graphml` on a subgraph you filtered yourself.
# - From the shell: `clac network --lang es`, `clac network --export png --output clac.png`,
#   `clac network --export html -o network.html`, `clac network map -o map.png`.
