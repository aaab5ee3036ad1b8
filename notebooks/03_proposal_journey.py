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
# # A proposal's journey through the state machine
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/03_proposal_journey.ipynb
# ```
#
# then *Run → Run All Cells*. The lifecycle diagram is drawn by Graphviz: install its `dot`
# program too (`apt install graphviz`, `brew install graphviz` or `conda install graphviz`)
# to see it as a picture. Without it this notebook still runs and shows the same lifecycle
# as Mermaid text (JupyterLab 4.1 and later draw Mermaid blocks) and as a table.
#
# The charter says (Structure and Governance, items 11-14) that any Member may submit a
# project proposal; it is shared with the other Members, discussed at a regional meeting
# organized by ICMEC LAC, and approved — or returned to the Member who introduced it, with
# recommendations based on CLAC's objectives. `clac.proposals` makes that paragraph a state
# machine whose guards are the PRO rules (`docs/proposals.md`). We follow one new proposal of
# the fictional demo coalition from draft to approval, with a detour.

# %%
from datetime import date

import IPython.display as ipd

import clac
from clac.errors import ClacError, TransitionNotAllowed, UnsupportedFormat
from clac.model import Recommendation
from clac.proposals import TRANSITIONS, ProposalMachine, replace_proposal, restore_all
from clac.rules import evaluate
from clac.rules.proposals import EVENT_LABELS, PROPOSAL_RULES, STATE_LABELS

coalition = clac.demo()
ES = clac.Language.ES


def show_lifecycle(machine: ProposalMachine) -> None:
    """The lifecycle with the machine's state highlighted: SVG from Graphviz when it is
    installed, otherwise the Mermaid text and the transition table clac also provides."""
    try:
        ipd.display(ipd.SVG(machine.diagram("svg")))
    except UnsupportedFormat as error:
        print(f"No Graphviz picture here ({error}).")
        print("The same lifecycle as Mermaid text, the current state highlighted:")
        ipd.display(ipd.Markdown(f"```mermaid\n{machine.mermaid(ES)}```"))
        rows = [
            f"| {STATE_LABELS[source].in_(ES)} | {EVENT_LABELS[event].in_(ES)} "
            f"| {STATE_LABELS[target].in_(ES)} |"
            for (source, event), target in TRANSITIONS.items()
        ]
        table = ["| estado | evento | estado siguiente |", "|---|---|---|", *rows]
        ipd.display(ipd.Markdown("\n".join(table)))


def refused(error: ClacError | None) -> None:
    """Print a refusal in both languages, with the rule that refused it."""
    if error is None:
        print("allowed")
        return
    rule = error.rule if isinstance(error, TransitionNotAllowed) else None
    print(f"refused by {rule or 'the lifecycle'}:")
    print("  en:", error.message("en"))
    print("  es:", error.message(ES))


# %% [markdown]
# ## The proposals of the demo coalition
#
# `restore_all` restores every saved proposal lazily: its state and the events it allows next.

# %%
for view in restore_all(coalition):
    allowed = ", ".join(event.value for event in view.allowed_events) or "none (final)"
    print(f"{view.id:30} {view.state.value:10} next: {allowed}")

# %% [markdown]
# ## A new draft
#
# Rede Segura (demo), a fictional hotline, drafts a proposal toward policy goal PG-2
# (hotlines). The diagram shows the whole lifecycle, the current state highlighted.

# %%
machine = ProposalMachine.new(
    coalition,
    id="caribbean-analyst-training",
    title="Hotline analyst training for the Caribbean",
    proposer="rede-segura",
    goals=["PG-2"],
)
print(machine, "— allowed:", [event.value for event in machine.allowed_events])
show_lifecycle(machine)

# %% [markdown]
# ## Submitted and shared
#
# Only the Member that introduced a proposal may submit it (PRO-01); the Secretariat (ICMEC)
# shares it with the other Members. Trying to approve it now is refused: the state does not
# allow it, and the message says what is allowed.

# %%
machine.submit(actor="rede-segura", on=date(2026, 1, 12))
machine.share(actor="icmec", on=date(2026, 1, 19))
try:
    machine.approve(actor="icmec", on=date(2026, 1, 20))
except TransitionNotAllowed as error:
    refused(error)

# %% [markdown]
# ## Discussed at the regional meeting, and returned
#
# The proposal is scheduled for the regional meeting of March 2026 and discussed there. The
# Members do not approve it yet: it goes back to Rede Segura with a recommendation tied to a
# policy goal — a return without one is refused by PRO-04.

# %%
machine.schedule(actor="icmec", on=date(2026, 1, 26), meeting="regional-2026")
machine.discuss(actor="icmec", on=date(2026, 3, 17))
bare_return = machine.check("return-with-recommendations", actor="icmec", on=date(2026, 3, 17))
refused(bare_return)
machine.return_with_recommendations(
    actor="icmec",
    on=date(2026, 3, 17),
    recommendations=[Recommendation("Add a budget for each participating country", goal="PG-2")],
)
show_lifecycle(machine)

# %% [markdown]
# Only the proposer may revise a returned proposal (PRO-06). The Secretariat cannot do it for
# them:

# %%
try:
    machine.revise(actor="icmec", on=date(2026, 4, 6))
except TransitionNotAllowed as error:
    refused(error)

# %% [markdown]
# ## Revised, submitted again, approved
#
# Rede Segura revises and submits it again. It must be discussed at a meeting held *after* it
# was shared (PRO-03), so March's meeting will not do; September's annual meeting will.

# %%
machine.revise(actor="rede-segura", on=date(2026, 4, 6))
machine.submit(actor="rede-segura", on=date(2026, 5, 4))
machine.share(actor="icmec", on=date(2026, 5, 11))
too_early = machine.check("schedule", actor="icmec", on=date(2026, 5, 18), meeting="regional-2026")
refused(too_early)
machine.schedule(actor="icmec", on=date(2026, 5, 18), meeting="annual-2026")
machine.discuss(actor="icmec", on=date(2026, 9, 22))
machine.approve(actor="icmec", on=date(2026, 9, 22))
print(machine, "— final:", machine.is_final)
show_lifecycle(machine)

# %% [markdown]
# ## The record
#
# A registry keeps the record, not the machine: every event appended to an immutable history.

# %%
record = machine.record
for step in record.history:
    print(
        f"{step.date}  {step.actor:9} {step.event.value:27} "
        f"{STATE_LABELS[step.source].in_(ES)} → {STATE_LABELS[step.target].in_(ES)}"
        + (f"  @ {step.meeting}" if step.meeting else "")
    )
print("recommendations:", [r.text for r in record.recommendations])

# %% [markdown]
# ## The PRO rules agree
#
# Put the record back into the coalition and assess it: the same guards that drove the machine
# judge the saved history, and find nothing to object to. The demo's own deliberate gaps
# (an approval that skipped sharing and discussion, a return without recommendations) are
# still there.

# %%
updated = replace_proposal(coalition, record)
found = evaluate(updated, clac.DEMO_AS_OF, rules=PROPOSAL_RULES)
for finding in found.where(subject=record.id):
    print(finding.describe(ES))
print()
for finding in found.unmet:
    print(finding.describe())

# %% [markdown]
# ## What to try next
#
# - Withdraw a proposal instead: `machine.withdraw(actor=..., on=...)` — and see PRO-05 refuse
#   a withdrawal by anyone but the proposer.
# - Restore a saved proposal and carry it on: `ProposalMachine.restore(coalition.proposal(
#   "investigator-exchange"), coalition)` (`docs/proposals.md` does exactly that).
# - `ProposalMachine.replay(record, coalition)` sends a saved history through today's guards
#   again; `restore(..., strict=True)` refuses a history that is not a path of the lifecycle.
# - Save the diagram: `clac.proposals.lifecycle_diagram("png")`, or from the shell
#   `clac proposal diagram --format svg -o lifecycle.svg`.
