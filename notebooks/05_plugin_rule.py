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
# # Writing a plugin rule in a notebook
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/05_plugin_rule.ipynb
# ```
#
# then *Run → Run All Cells*. It uses the fictional demonstration coalition (`clac.demo()`) on
# its check date `clac.DEMO_AS_OF`.
#
# Every duty clac checks is a **rule**: a plain function, decorated with `clac.rules.rule`,
# that cites the clause of the Base Document it comes from, says how strongly the charter words
# the duty, and returns a bilingual verdict for one subject. A national chapter or an
# evaluator can add rules of their own. Here we write one in a cell, try it on the demo, and see
# its findings next to the charter's own in the assessment. At the end: how to ship it as an
# installable plugin that `clac check` picks up (`docs/rules.md`, "Writing a plugin").

# %%
from collections import Counter

import IPython.display as ipd

import clac
from clac.charter import Section, Severity
from clac.errors import ClacError
from clac.model import WorkingGroup
from clac.rules import (
    CATALOGUE,
    Context,
    Outcome,
    SubjectKind,
    Verdict,
    evaluate,
    met,
    rule,
    unmet,
)
from clac.text import Text

coalition = clac.demo()
AS_OF = clac.DEMO_AS_OF
ES = clac.Language.ES

# %% [markdown]
# ## The catalogue
#
# clac's own rules come first, then those of every installed plugin (found through the
# `clac.rules` entry-point group). `CATALOGUE.errors` lists plugins that failed to load.

# %%
print(CATALOGUE)
print("families:", dict(Counter(r.family for r in CATALOGUE)))
print("sources:", dict(Counter(r.source for r in CATALOGUE)))
print("plugin problems:", CATALOGUE.errors or "none")

# %% [markdown]
# ## A rule of our own
#
# The charter's Introduction (item 11) says its objectives "will be accomplished by bringing
# together and facilitating an open exchange between leaders and decision makers from
# Electronic Service Providers (ESPs), ISPs, NGOs, government, and law enforcement agencies".
# Suppose a chapter reads that as a duty of each working group: bring together members of at
# least three sectors.
#
# The decorator checks, when the cell runs, that the clause exists and that every parameter
# named is a charter parameter. The function receives a `Context` (the coalition, the day,
# the charter in force) and one subject — here a `WorkingGroup` — and returns `met(...)` or
# `unmet(...)` with a message in English and Spanish and the facts it looked at.

# %%
MIN_SECTORS = 3


@rule(
    "NB-01",
    clause=(Section.INTRODUCTION, 11),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.WORKING_GROUP,
    title=Text(
        f"A working group brings together at least {MIN_SECTORS} sectors",
        f"Un grupo de trabajo reúne al menos {MIN_SECTORS} sectores",
    ),
    explanation=Text(
        "An example chapter's reading of the Introduction: each working group gathers members "
        "of several sectors, so that hotlines, industry, NGOs and law enforcement meet.",
        "La lectura de un capítulo de ejemplo de la Introducción: cada grupo de trabajo reúne "
        "miembros de varios sectores, para que se encuentren líneas de denuncia, industria, "
        "ONG y fuerzas del orden.",
    ),
    source="notebook",
)
def several_sectors(ctx: Context, group: WorkingGroup) -> Verdict:
    """Members of at least MIN_SECTORS sectors are in the working group on the day."""
    members = [m for m in ctx.coalition.members_of(group.id) if m.is_member_on(ctx.as_of)]
    sectors = sorted({ctx.coalition.organization(m.organization).sector.value for m in members})
    facts = {"sectors": sectors, "members": len(members)}
    listed = ", ".join(sectors) or "—"
    if len(sectors) >= MIN_SECTORS:
        return met(
            Text(f"{len(sectors)} sectors: {listed}", f"{len(sectors)} sectores: {listed}"),
            **facts,
        )
    return unmet(
        Text(
            f"only {len(sectors)} sector(s): {listed}; the chapter asks for {MIN_SECTORS}",
            f"solo {len(sectors)} sector(es): {listed}; el capítulo pide {MIN_SECTORS}",
        ),
        **facts,
    )


# %% [markdown]
# `several_sectors` is now a `Rule`, with its clause in both languages:

# %%
print(repr(several_sectors)[:60], "…")
print(several_sectors.clause.ref, "/", several_sectors.clause.ref_in(ES))
print(several_sectors.title.in_(ES))

# %% [markdown]
# A rule that cites a clause the charter does not have is refused at once:

# %%
try:
    rule(
        "NB-02",
        clause=(Section.MEMBERSHIP, 99),
        severity=Severity.EXPECTED,
        applies_to=SubjectKind.MEMBER,
        title=Text("Nothing", "Nada"),
        explanation=Text("Cites a clause that does not exist.", "Cita una cláusula inexistente."),
    )
except ClacError as error:
    print(type(error).__name__, "—", error.message(ES))

# %% [markdown]
# ## Try it alone
#
# `evaluate(..., rules=[...])` applies only the rules given.

# %%
alone = evaluate(coalition, AS_OF, rules=[several_sectors])
for finding in alone:
    print(finding.describe(ES))

# %% [markdown]
# ## See it in the assessment
#
# To assess everything plus the new rule, pass the catalogue and the rule together. Its
# findings sit next to the charter's own — same outcomes, same filters, same rendering — and
# the unmet ones show in the assessment's table.

# %%
everything = evaluate(coalition, AS_OF, rules=[*CATALOGUE, several_sectors])
baseline = evaluate(coalition, AS_OF)
print("without NB-01:", baseline.summary())
print("with NB-01:   ", everything.summary())
print("con NB-01:    ", everything.summary(ES))
everything.where(family="NB")

# %% [markdown]
# The new rule changes no other finding, and it is expected rather than required, so it cannot
# make the assessment fail (`Assessment.ok` is about required rules only). To hold a test to
# an expected rule, ask `ok_at(Severity.EXPECTED)`, which fails on any unmet required or
# expected rule:

# %%
others = everything.findings[: len(baseline)]
print("other findings unchanged:", others == baseline.findings)
print("ok before / after:", baseline.ok, everything.ok)
only_nb01 = everything.where(family="NB")
print("NB-01 alone: ok", only_nb01.ok, "· ok_at(expected)", only_nb01.ok_at(Severity.EXPECTED))
ipd.display(
    ipd.Markdown(
        "\n".join(
            f"- **{f.subject.id}** — {f.outcome.label.in_(ES)}: {f.message.in_(ES)}"
            for f in everything.where(rule="NB-01", outcome=Outcome.UNMET)
        )
    )
)

# %% [markdown]
# ## A rule that fails does not break the assessment
#
# If a rule raises, `evaluate` records an `error` finding for that rule and subject and goes
# on with every other rule.


# %%
@rule(
    "NB-99",
    clause=(Section.INTRODUCTION, 11),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.WORKING_GROUP,
    title=Text("A broken rule", "Una regla rota"),
    explanation=Text("Divides by zero.", "Divide por cero."),
    source="notebook",
)
def broken(ctx: Context, group: WorkingGroup) -> Verdict:
    """Raise, to show what an error finding looks like."""
    return met(Text("never", "nunca"), ratio=1 / 0)


with_error = evaluate(coalition, AS_OF, rules=[*CATALOGUE, several_sectors, broken])
print(with_error.summary())
print(with_error.errors[0].describe(ES))

# %% [markdown]
# ## Registering it for the whole session
#
# `CATALOGUE.register(rule)` adds the rule for this kernel: every `evaluate(coalition)` without
# `rules=` applies it from then on, until `CATALOGUE.unregister("NB-01")`. An id already taken
# is refused.

# %%
CATALOGUE.register(several_sectors)
print("registered:", CATALOGUE.get("NB-01").title.in_(ES))
print(evaluate(coalition, AS_OF).where(rule="NB-01").summary(ES))
CATALOGUE.unregister("NB-01")
print("after unregister:", len(evaluate(coalition, AS_OF).where(rule="NB-01").findings), "findings")

# %% [markdown]
# ## Shipping it as a plugin
#
# A registered rule lives as long as the kernel. To have every front end — `clac check`, any
# other process — apply it, put the rule in a package and declare it in the `clac.rules`
# entry-point group:
#
# ```toml
# # pyproject.toml of your package
# [project.entry-points."clac.rules"]
# chapter = "my_chapter:RULES"    # a Rule, a list of Rules, a module, or a callable
# ```
#
# After `pip install -e .` the rule is in `CATALOGUE` (call `CATALOGUE.reload()` in a running
# kernel), with its distribution's name as `source`. clac's repository has a working example in
# `tests/plugin/` (`clac-plugin-example`, rule `XMPL-01`); when it is installed it shows here:

# %%
for r in CATALOGUE:
    if r.source != "clac":
        print(f"{r.id}  from {r.source}: {r.title.in_(ES)}")
print("plugin rules installed:", sum(r.source != "clac" for r in CATALOGUE))

# %% [markdown]
# ## What to try next
#
# - Change `MIN_SECTORS`, run the rule's cell again and re-assess.
# - Write a member rule (`applies_to=SubjectKind.MEMBER`, the function receives a
#   `clac.model.Member`) that reads a charter parameter: name it in `parameters=(...)` and read
#   it from `ctx.parameters`; its value in force on the day then appears in each finding.
# - Add your rule to the dashboard of `02_membership_dashboard.ipynb`: register it with
#   `CATALOGUE.register(your_rule)`, or pass `rules=[*CATALOGUE, your_rule]` to its `evaluate`.
# - Package it as a plugin (see above and `tests/plugin/`) and run `clac check --lang es`.
