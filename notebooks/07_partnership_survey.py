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
# # The partnership network from a member survey
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/07_partnership_survey.ipynb
# ```
#
# then *Run → Run All Cells*. It uses the fictional demonstration coalition (`clac.demo()`)
# and a fictional two-round survey of its members that ships with clac
# (`clac/data/partnership_survey.csv`, made by `clac.testing.fictional_survey`). Every
# organization and every answer is invented.
#
# In each round, members said how often they work with each partner, how closely
# (awareness, cooperative, coordinated, integrated), how far they trust it and how much they
# value it, which resources the relationship brings and which policy goals it serves — the
# questions of the PARTNER tool. `clac.network` measures each round, follows the change, ties
# it to the charter, and never shows one respondent's rating of one partner. Every definition
# is in `docs/survey.md`.

# %%
import tempfile
from importlib import resources
from pathlib import Path

import IPython.display as ipd
import matplotlib.pyplot as plt

import clac
import clac.network as net
from clac.io import load_survey

coalition = clac.demo()
OUTPUT = Path(tempfile.mkdtemp(prefix="clac-survey-"))
with resources.as_file(resources.files("clac.data") / "partnership_survey.csv") as survey_csv:
    answers = load_survey(survey_csv, coalition)
rounds = sorted({a.round for a in answers})
print(f"{len(answers)} answers in {len(rounds)} rounds: {', '.join(map(str, rounds))}")

# %% [markdown]
# ## Rounds and response
#
# The members invited to a round are those active on its date; the response rate is the
# share of them that answered. `partnership` measures every round at once.

# %%
survey = net.partnership(coalition, answers)
survey

# %% [markdown]
# The same as a pandas `DataFrame`, one row per round:

# %%
frame = survey.to_dataframe()
frame[["round", "invited", "respondents", "response_rate", "ties", "density"]]

# %% [markdown]
# ## Density, centralization, reciprocity, trust and value
#
# - *density*: the share of possible ties that exist (either side reporting one);
# - *degree centralization*: how much the ties hang on a few members (Freeman);
# - *reciprocity*: the share of reported ties the partner reports back;
# - *trust* and *value*: the mean rating over the reported ties, as a percentage of the top
#   score 4.

# %%
frame[["round", "degree_centralization", "reciprocity", "trust", "value"]]

# %% [markdown]
# ## What each organization received — only when three or more rated it
#
# Each organization's received trust and value are shown only when at least three
# respondents rated it; otherwise they are suppressed (`None` here, "suppressed" in the
# command's output). The threshold can be raised, never lowered.

# %%
latest = survey.rounds[-1]
received = latest.to_dataframe().sort_values("trust", ascending=False)
received.head(8)

# %%
print("suppressed:", ", ".join(r.organization for r in latest.received if r.trust is None))

# %% [markdown]
# ## What changed between the rounds
#
# Ties made, lost, strengthened and weakened (by collaboration level), and each measure's
# change. `direction` says at a glance whether the coalition is growing closer.

# %%
change = survey.changes[0]
print(f"{change.before.round} → {change.after.round}: {change.direction}")
print(
    f"new {len(change.new)}, lost {len(change.lost)}, "
    f"strengthened {len(change.strengthened)}, weakened {len(change.weakened)}"
)
change.to_dataframe()

# %% [markdown]
# ## A picture of each round
#
# Ties are coloured by collaboration level, from awareness (light) to integrated (dark);
# organizations keep their place from one round to the next.

# %%
figure = net.draw_rounds(coalition, answers, seed=1)
figure

# %% [markdown]
# ## Tied to the charter
#
# Which working groups work closely inside, which policy goals the members' collaboration
# serves — and which none of it does — and which resources flow.

# %%
groups = {w.working_group: (w.members, w.ties, round(w.density, 2)) for w in latest.working_groups}
goals = {g.goal: g.ties for g in latest.goals}
print("working groups (members, ties, density):", groups)
print("ties per policy goal:", goals)
print("policy goals no tie serves:", ", ".join(latest.goals_without_ties) or "none")
print("resources:", {kind.value: n for kind, n in latest.resources.items() if n})

# %% [markdown]
# ## One network
#
# Kept in the registry (or joined with `evolve`), the last round's reported ties become edges
# of kind `reported` of the stakeholder graph, so brokers, key players and every export see
# them. Every analysis takes the coalition or a graph alike.

# %%
surveyed = coalition.evolve(survey=answers)
graph = net.organization_graph(surveyed)
print("brokers before the survey:", [b.organization for b in net.brokers(coalition).top(3)])
print("brokers with it:          ", [b.organization for b in net.brokers(graph).top(3)])
net.key_players(surveyed)

# %%
fig, ax = plt.subplots(figsize=(10, 7))
net.draw(surveyed, ax=ax, title="The stakeholder network with the reported ties")
plt.show()
written = net.export(surveyed, OUTPUT / "surveyed.gexf")
print(f"{written.name}: {written.stat().st_size:,} bytes (no individual rating in it)")
ipd.display(ipd.Markdown(survey.to_markdown()[:600] + "\n\n…"))

# %% [markdown]
# ## Explore the rounds interactively
#
# `net.widget` puts the registry's shared activity and each survey round side by side: pick
# the round under *Ties*, size organizations by a measure, filter by country, working group
# or sector. Hovering an organization lists its ties and the trust and value it received —
# only where at least three respondents rated it, as everywhere else. The same view as one
# offline HTML file: `net.write_html(...)` or
# `clac network REGISTRY --survey SURVEY.csv --export html -o survey.html`.

# %%
net.widget(coalition, answers, seed=1)

# %% [markdown]
# ## What to try next
#
# - From the shell, in a clac checkout: `clac demo --output start.yaml`, then
#   `clac network survey start.yaml src/clac/data/partnership_survey.csv --format json`,
#   `--format markdown --lang es`, `--picture rounds.png`.
# - Count only mutual ties: `net.partnership(coalition, answers, rule="both")`.
# - Raise the anonymity threshold: `net.partnership(coalition, answers, threshold=5)`.
# - Make another fictional survey: `clac.testing.fictional_survey(coalition, rounds=[...],
#   seed=7)`, or property-test your own analysis with `clac.testing.surveys(coalition=...)`.
