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
# # The regional gap matrix against the ICMEC and WeProtect frameworks
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/06_regional_gaps.ipynb
# ```
#
# then *Run → Run All Cells*. It uses the fictional demonstration coalition (`clac.demo()`)
# on its check date `clac.DEMO_AS_OF`, and writes its pictures to a fresh temporary folder.
#
# The charter's first policy goal is *"jointly identifying regional gaps, challenges and
# trends"*. `clac.frameworks` carries two of the field's yardsticks as data — ICMEC's five
# model-legislation criteria and the 21 capabilities of the WeProtect Global Alliance Model
# National Response — and compares the region with them from the country assessments a
# registry records.
#
# > **The demo's assessments are illustrative.** They were made up so that these analyses
# > have something to show. They are not ICMEC's or WeProtect's findings and say nothing about
# > any real country. Every table and picture below says so.

# %%
import tempfile
from datetime import date
from pathlib import Path

import IPython.display as ipd

import clac
from clac import frameworks as fw
from clac.model import CountryAssessment, Outcome

coalition = clac.demo()
AS_OF = clac.DEMO_AS_OF
OUTPUT = Path(tempfile.mkdtemp(prefix="clac-gaps-"))
print(f"{len(coalition.assessments)} country assessments in {coalition.name!r}")

# %% [markdown]
# ## The frameworks as data
#
# Each item has its place in the source, a bilingual label and the sectors whose national
# members can carry it in a country (that last part is clac's interpretation).

# %%
for framework in (fw.ICMEC_LEGISLATION, fw.MNR):
    print(f"{framework.id}: {len(framework.items)} items — {framework.source}")
for item in fw.ICMEC_LEGISLATION.items:
    print(f"  {item.ref.en:12} {item.label.en:34} | {item.label.es}")

# %%
print(fw.ICMEC_LEGISLATION.sufficiency.rationale.es)
for goal, link in fw.GOAL_LINKS.items():
    print(goal, "→", ", ".join(link.items))

# %% [markdown]
# ## Entering an assessment
#
# An assessment is a dated judgement of one country against one item, with its source. A
# registry is immutable: `evolve` returns a new one, checked again (an unknown framework or
# item would be refused here).

# %%
entered = CountryAssessment(
    country="HN",
    framework="mnr",
    item="hotline",
    outcome=Outcome.PARTLY_MET,
    date=date(2026, 10, 15),
    source="Notebook example (illustrative)",
    illustrative=True,
)
coalition = coalition.evolve(assessments=(*coalition.assessments, entered))
cell = fw.matrix(coalition, "mnr", as_of=AS_OF).cell("HN", "hotline")
print(cell.outcome.label.es, "—", cell.evidence.source if cell.evidence else "no evidence")

# %% [markdown]
# ## The regional matrix (ICMEC criteria)
#
# Every country and territory of Latin America and the Caribbean × the five criteria, on one
# day; a country with no evidence stands at "unknown". Here we keep the assessed countries.
# In Jupyter the matrix shows itself as a coloured table.

# %%
icmec = fw.matrix(coalition, "icmec-legislation", as_of=AS_OF)
icmec = icmec.restricted_to(icmec.assessed_countries)
icmec

# %%
frame = icmec.to_dataframe("es")
frame[["name", "met", "partly_met", "not_met", "verdict"]].sort_values("met", ascending=False)

# %%
print({verdict.value: list(icmec.verdicts.values()).count(verdict) for verdict in fw.Verdict})

# %% [markdown]
# ## The heat map, in Spanish

# %%
path = fw.write_heatmap(icmec, OUTPUT / "icmec.png", language="es")
print("written:", path)
ipd.Image(filename=str(path))

# %% [markdown]
# ## The Model National Response, and where the coalition is thin
#
# A *thin spot* is a gap (not met or partly met) in a country where no national member of a
# sector the capability needs works — for example no hotline member where the hotline
# capability is unmet. Regional members working there are listed but close no in-country gap.

# %%
mnr = fw.matrix(coalition, "mnr", as_of=AS_OF)
mnr = mnr.restricted_to(mnr.assessed_countries)
spots = fw.thin_spots(coalition, mnr)
print(spots)
spots.to_dataframe("es").head(12)

# %%
ipd.Markdown(fw.thin_markdown(spots, "es"))

# %% [markdown]
# `heatmap()` returns the matplotlib figure itself, to adjust before saving;
# `heatmap_bytes()` gives PNG or SVG bytes.

# %%
figure = mnr.heatmap("en")
print(figure.axes[0].get_title())
ipd.Image(data=fw.heatmap_bytes(mnr, language="en"))

# %% [markdown]
# ## Trends: what changed, and what came before
#
# Each change lists the quarterly-report entries of the same country that preceded it —
# legislative advances (those citing the item first), and activities and policies whose policy
# goals are linked to the item. They are context, never a claimed cause.

# %%
trend = fw.trends(coalition, "icmec-legislation", start=date(2022, 1, 1), end=AS_OF)
for change in trend.changes[:6]:
    print(
        change.date,
        change.country,
        change.item,
        f"{change.before.value} → {change.after.value}",
        f"({len(change.preceded_by)} precursors)",
    )

# %%
ipd.Markdown(fw.trend_markdown(trend, "es"))

# %% [markdown]
# ## What to try next
#
# - Load your own registry with `clac.load("my-coalition.yaml")`, add `assessments:` entries
#   (see `docs/frameworks.md`) and rerun the notebook.
# - Cite criteria in a quarterly report's legislative advance (`criteria:` and `outcome:`) and
#   watch it move the matrix from its date.
# - From the shell: `clac gaps -f mnr --lang es --since 2022-01-01`, or `-o gaps.png` for the
#   heat map.
# - Add a member in a thin-spot country and check that the spot closes
#   (`fw.thin_spots(...)` never grows when members are added).
# - Define your own `fw.Framework` and `fw.FRAMEWORKS.register(...)` it.
