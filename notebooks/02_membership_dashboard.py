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
# # A membership compliance dashboard
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/02_membership_dashboard.ipynb
# ```
#
# then *Run → Run All Cells*. It assesses the fictional demonstration coalition
# (`clac.demo()`) on its check date `clac.DEMO_AS_OF`.
#
# `clac.rules.evaluate` applies every rule of the charter to every subject — each member, each
# working group, each year, the coalition itself — and returns an `Assessment` of findings.
# Each finding cites its clause, carries the evidence the rule looked at, and explains itself
# in English and Spanish. This notebook turns the findings about **members** into a dashboard:
# who meets which duty of the Membership section, and what is missing. The rules are listed
# in `docs/rules.md`.

# %%
from collections import Counter
from collections.abc import Mapping, Sequence

import IPython.display as ipd
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

import clac
from clac.rules import CATALOGUE, Outcome, SubjectKind, evaluate

try:  # pandas makes the tables nicer; without it they print as text
    import pandas as pd
except ImportError:
    pd = None


def show(rows: Sequence[Mapping[str, object]]) -> None:
    """Show rows as a pandas DataFrame when pandas is installed, as plain text otherwise."""
    if pd is not None:
        ipd.display(pd.DataFrame(rows))
        return
    for row in rows:
        print(" | ".join(f"{key}: {value}" for key, value in row.items()))


coalition = clac.demo()
AS_OF = clac.DEMO_AS_OF
ES = clac.Language.ES

# %% [markdown]
# ## The assessment
#
# `Assessment.ok` is true when no *required* rule is unmet. Expected and encouraged duties
# are reported but never make an assessment fail: the charter only requests or welcomes them.
# In JupyterLab an `Assessment` shows itself as a table of the findings that need attention.

# %%
assessment = evaluate(coalition, AS_OF)
print(assessment.summary())
print(assessment.summary(ES))
assessment

# %% [markdown]
# Outcomes by severity: `not-applicable` covers, for instance, encouraged duties a member has
# not taken up, and `insufficient-data` a registry that lacks the records to decide — never
# reported as unmet.

# %%
show(
    [
        {"severity": severity.value} | {o.value: n for o, n in counts.items()}
        for severity, counts in assessment.counts_by_severity().items()
    ]
)

# %% [markdown]
# ## Findings per member and rule
#
# The rules that judge members: the Membership rules (MEM), the members' commitments (POL-01),
# their sharing of information (REP-07) and any rule a plugin adds.

# %%
about_members = [f for f in assessment if f.subject.kind is SubjectKind.MEMBER]
rule_ids = list(dict.fromkeys(f.rule.id for f in about_members))
show(
    [
        {
            "rule": rule_id,
            "severity": CATALOGUE.get(rule_id).severity.value,
            "clause": CATALOGUE.get(rule_id).clause.ref,
            "título": CATALOGUE.get(rule_id).title.in_(ES),
        }
        for rule_id in rule_ids
    ]
)

# %% [markdown]
# One row per member, one column per rule, each cell the outcome. Members with the most unmet
# duties come first.

# %%
outcome_of = {(f.subject.id, f.rule.id): f.outcome for f in about_members}
unmet_count = Counter(f.subject.id for f in about_members if f.outcome is Outcome.UNMET)
member_ids = sorted({f.subject.id for f in about_members}, key=lambda m: (-unmet_count[m], m))
grid = [
    {"member": m} | {r: outcome_of[m, r].value if (m, r) in outcome_of else "" for r in rule_ids}
    for m in member_ids
]
show(grid)

# %% [markdown]
# The same grid as a chart, in the colour-blind-safe Okabe-Ito palette.

# %%
ORDER = [
    Outcome.MET,
    Outcome.NOT_APPLICABLE,
    Outcome.INSUFFICIENT_DATA,
    Outcome.UNMET,
    Outcome.ERROR,
]
COLOURS = ["#009E73", "#D9D9D9", "#F0E442", "#D55E00", "#000000"]
codes = [
    [ORDER.index(outcome_of[m, r]) if (m, r) in outcome_of else 1 for r in rule_ids]
    for m in member_ids
]

figure, axes = plt.subplots(figsize=(10, 9), layout="constrained")
axes.imshow(codes, cmap=ListedColormap(COLOURS), vmin=-0.5, vmax=len(ORDER) - 0.5, aspect="auto")
axes.xaxis.tick_top()
axes.set_xticks(range(len(rule_ids)), rule_ids, rotation=90)
# Names without their parenthesised expansion, so the grid keeps its width.
names = [coalition.organization(m).name.split(" (")[0] for m in member_ids]
axes.set_yticks(range(len(member_ids)), names)
axes.set_xticks([x - 0.5 for x in range(1, len(rule_ids))], minor=True)
axes.set_yticks([y - 0.5 for y in range(1, len(member_ids))], minor=True)
axes.grid(which="minor", color="white", linewidth=1.5)
axes.tick_params(which="minor", length=0)
axes.set_title(f"Membership duties of {coalition.name} on {AS_OF}", pad=12)
axes.legend(
    handles=[
        Patch(facecolor=c, edgecolor="#555555", label=f"{o.label.en} / {o.label.in_(ES)}")
        for o, c in zip(ORDER, COLOURS, strict=True)
    ],
    loc="upper center",
    bbox_to_anchor=(0.5, -0.01),
    ncols=3,
    frameon=False,
)
plt.show()

# %% [markdown]
# ## What is missing, in Spanish
#
# Every finding about a member that is unmet, or that the registry lacks the data to decide,
# with the rule's own message. Rules write their messages in English and Spanish.

# %%
show(
    [
        {
            "miembro": f.subject.id,
            "regla": f.rule.id,
            "severidad": f.severity.value,
            "hallazgo": f.message.in_(ES),
        }
        for f in about_members
        if f.outcome is not Outcome.MET and f.outcome is not Outcome.NOT_APPLICABLE
    ]
)

# %% [markdown]
# ## One member in detail
#
# Every finding carries its evidence and the charter parameters it read, with their values in
# force on the day — so a reader sees *why*.

# %%
for finding in assessment.where(subject="buscaweb", family="MEM"):
    print(finding.describe(ES))
    if finding.outcome is Outcome.UNMET:
        print("    evidence:", "; ".join(str(fact) for fact in finding.evidence))
        print("    parameters:", "; ".join(str(fact) for fact in finding.parameters))

# %% [markdown]
# ## Rule by rule
#
# How each member rule fares across the coalition, and what a rule says about itself (here
# MEM-09, the one BuscaWeb misses).

# %%
per_rule = assessment.by_rule()
show(
    [
        {"rule": rule_id} | {o.value: sum(f.outcome is o for f in per_rule[rule_id]) for o in ORDER}
        for rule_id in rule_ids
    ]
)
hours = CATALOGUE.get("MEM-09")
ipd.display(
    ipd.Markdown(
        "\n\n".join(
            f"**{hours.title.in_(lang)}** ({hours.clause.ref_in(lang)}) — "
            f"{hours.explanation.in_(lang)}"
            for lang in (clac.Language.EN, ES)
        )
    )
)

# %% [markdown]
# ## What to try next
#
# - Assess an earlier day — `evaluate(coalition, date(2022, 6, 30))` — and watch members that
#   had not joined yet drop out of the grid.
# - Filter differently: `assessment.where(severity="required", outcome="unmet")`, or
#   `assessment.where(family="REP")` for the reporting duties of working groups and years.
# - Fix one of the demo's gaps (say, give `consejo-hemisferico` a representative with
#   `coalition.evolve(...)`) and run the dashboard again.
# - Add a rule of your own and see it in this grid: `05_plugin_rule.ipynb`.
# - From the shell: `clac check --lang es`.
