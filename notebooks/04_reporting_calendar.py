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
# # The reporting calendar and the annual report
#
# **How to open this notebook.** From the root of a clac checkout:
#
# ```sh
# pip install -e '.[notebooks]'
# jupyter lab notebooks/04_reporting_calendar.ipynb
# ```
#
# then *Run → Run All Cells*. It uses the fictional demonstration coalition (`clac.demo()`) on
# its check date `clac.DEMO_AS_OF`, and writes its calendar and report files to a fresh
# temporary folder, never into the repository.
#
# The charter's Reporting section asks each working group for brief quarterly reports to the
# Secretariat, and the Secretariat for a shared calendar and an electronic annual report based
# on the minutes and the quarterly reports. `clac.reporting` has one piece for each
# (`docs/reporting.md`).

# %%
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import IPython.display as ipd
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

import clac
from clac.reporting import (
    Audience,
    ReportState,
    annual_report,
    cadence,
    calendar,
    calendar_events,
    plan_year,
    visible_documents,
)

coalition = clac.demo()
AS_OF = clac.DEMO_AS_OF
ES = clac.Language.ES
OUTPUT = Path(tempfile.mkdtemp(prefix="clac-reporting-"))

# %% [markdown]
# ## The quarterly cadence
#
# A working group owes a report for every quarter from the one it was formed in. On a given day
# each quarter's report is *submitted*, *late*, *missing* or *not yet due*. Quarters before the
# registry's first records are *unrecorded*: a report never sent cannot be told from one never
# entered. The due date — 30 days after the quarter — is clac's assumption; the charter sets
# none.

# %%
reports = cadence(coalition, AS_OF)
for state, count in reports.counts.items():
    print(f"{count:4}  {state.label.en} / {state.label.in_(ES)}")
print()
for status in (*reports.missing, *reports.late):
    print(status.describe())
    print(status.describe(ES))

# %% [markdown]
# `to_dataframe()` gives the cadence as a pandas table; here the recorded quarters only.

# %%
table = reports.to_dataframe()
table[table["state"] != ReportState.UNRECORDED.value].tail(12)

# %% [markdown]
# ## The reporting calendar at a glance
#
# Each working group's quarters since the registry's records begin, coloured by the state of
# their report on the day.

# %%
STATES = [
    ReportState.SUBMITTED,
    ReportState.LATE,
    ReportState.MISSING,
    ReportState.NOT_YET_DUE,
]
COLOURS = ["#009E73", "#E69F00", "#D55E00", "#D9D9D9"]
recorded = [s for s in reports if s.state is not ReportState.UNRECORDED]
quarters = sorted({s.period for s in recorded}, key=lambda q: (q.year, q.quarter))
groups = sorted({s.working_group for s in recorded})
state_of = {(s.working_group, s.period): s.state for s in recorded}
codes = [[STATES.index(state_of[g, q]) for q in quarters] for g in groups]
names = {wg.id: wg.name.in_(ES) for wg in coalition.working_groups}

figure, axes = plt.subplots(figsize=(11, 4), layout="constrained")
axes.imshow(codes, cmap=ListedColormap(COLOURS), vmin=-0.5, vmax=len(STATES) - 0.5, aspect="auto")
axes.set_xticks(range(len(quarters)), [str(q) for q in quarters], rotation=45, ha="right")
axes.set_yticks(range(len(groups)), [names[g] for g in groups])
axes.set_xticks([x - 0.5 for x in range(1, len(quarters))], minor=True)
axes.set_yticks([y - 0.5 for y in range(1, len(groups))], minor=True)
axes.grid(which="minor", color="white", linewidth=2)
axes.tick_params(which="minor", length=0)
axes.set_title(f"Informes trimestrales por grupo de trabajo, al {AS_OF}")
axes.legend(
    handles=[
        Patch(facecolor=c, edgecolor="#555555", label=s.label.in_(ES))
        for s, c in zip(STATES, COLOURS, strict=True)
    ],
    loc="upper left",
    bbox_to_anchor=(1.01, 1),
    frameon=False,
)
plt.show()

# %% [markdown]
# ## The shared calendar
#
# `calendar_events` lists what falls due or takes place — meetings, quarterly report due dates,
# the annual report, the assessment of the operational plan — in the chosen language;
# `calendar` writes the same events as an iCalendar (RFC 5545) file that Outlook, Google
# Calendar or Thunderbird import. Event UIDs come from ids, so importing a newer file updates
# events instead of duplicating them. What is coming up after the assessment day:

# %%
upcoming = calendar_events(coalition, start=AS_OF, end=date(AS_OF.year + 1, 6, 30), language=ES)
for event in upcoming:
    print(f"{event.day}  [{event.category}]  {event.summary}")

past_year = calendar_events(coalition, start=date(AS_OF.year, 1, 1), end=AS_OF)
print()
print(
    f"{len(past_year)} events so far in {AS_OF.year}:", dict(Counter(e.category for e in past_year))
)

# %%
ics = OUTPUT / "clac.ics"
ics.write_bytes(calendar(coalition, language=ES))
lines = ics.read_text(encoding="utf-8").splitlines()
print(f"{ics.name}: {ics.stat().st_size:,} bytes, {lines.count('BEGIN:VEVENT')} events")
print("\n".join(lines[:12]))

# %% [markdown]
# ## Plan years
#
# The planning duties of the year — a strategic plan covering it, the operational plan and its
# annual assessment — each with the governance rule's own verdict.

# %%
year = plan_year(coalition, AS_OF)
for duty in year.duties:
    verdict = duty.outcome.label.in_(ES) if duty.outcome else "—"
    print(f"{duty.kind.value:18} due {duty.due}  {duty.rule or '':7} {verdict}")

# %% [markdown]
# ## The annual report
#
# `annual_report` compiles plain data from the quarterly reports received and the meetings of
# the year: activities per policy goal, policies, legislative advances, meetings and their
# minutes, the documents the audience may see, and the missing inputs. By default it is made
# for the members, the audience the charter distributes it to.

# %%
report = annual_report(coalition, 2025, as_of=AS_OF)
print("missing reports:", [f"{s.working_group} {s.period}" for s in report.missing_reports])
print("meetings without minutes:", [e.meeting.id for e in report.meetings_without_minutes])
print("activities tied to no goal:", len(report.unaligned))

# %% [markdown]
# Activities reported toward each policy goal, quarter by quarter, with the goals' Spanish
# names from the charter.

# %%
per_goal = report.activities_per_goal_per_quarter()
goal_names = {g.id: g.short.in_(ES) for g in clac.BASE_DOCUMENT.policy_goals}

figure, axes = plt.subplots(figsize=(10, 4.5), layout="constrained")
left = [0] * len(per_goal)
labels = [f"{goal} · {goal_names[goal]}" for goal in per_goal]
QUARTER_COLOURS = ["#56B4E9", "#009E73", "#E69F00", "#CC79A7"]
for quarter, colour in enumerate(QUARTER_COLOURS):
    counts = [per_goal[goal][quarter] for goal in per_goal]
    axes.barh(labels, counts, left=left, color=colour, label=f"T{quarter + 1}")
    left = [a + b for a, b in zip(left, counts, strict=True)]
axes.invert_yaxis()
axes.set_xlabel("actividades informadas")
axes.set_title("Informe anual 2025: actividades por objetivo de política y trimestre")
axes.legend(title="trimestre", loc="lower right")
plt.show()

# %% [markdown]
# The report renders to Markdown or to one self-contained HTML page (inline CSS, the chart
# embedded), in English or Spanish. Here the opening of the Spanish Markdown:

# %%
markdown_es = report.to_markdown(ES)
ipd.display(ipd.Markdown(markdown_es.split("\n## Avance")[0]))

# %% [markdown]
# And the full report as the members would receive it, in English (the notebook view of an
# `AnnualReport`). The Spanish HTML page is written to the temporary folder.

# %%
page = OUTPUT / "informe-anual-2025.html"
page.write_text(report.to_html(ES), encoding="utf-8")
print(f"{page}: {page.stat().st_size:,} bytes")
report

# %% [markdown]
# ## Who may see what
#
# Documents carry a Traffic Light Protocol 2.0 label; a rendering includes a document only if
# its label lets the Secretariat pass it to every party of the audience. The public sees less
# than the members:

# %%
for audience in (Audience.public(), Audience.members()):
    shown = visible_documents(coalition, audience)
    by_label = Counter(d.classification.value for d in shown)
    print(f"{audience.kind.value:8} {len(shown):3} documents {dict(by_label)}")
public_report = annual_report(coalition, 2025, audience="public", as_of=AS_OF)
print(f"the public annual report lists {len(public_report.documents)} of {len(report.documents)}")

# %% [markdown]
# ## What to try next
#
# - Step back in time: `cadence(coalition, date(2025, 1, 15))` shows the cadence as it read
#   that day — the late 2024-Q4 report is then merely missing.
# - Make the report for one organization: `annual_report(coalition, 2025,
#   audience="organization:icmec", as_of=AS_OF)` and compare its documents.
# - Import `clac.ics` into your calendar application, then regenerate it after adding a
#   meeting: the events update in place.
# - Run the reporting rules alone: `evaluate(coalition, AS_OF, rules=CATALOGUE.family("REP"))`.
# - From the shell: `clac report annual --year 2025 --lang es --output informe.html` and
#   `clac calendar --lang es --output clac.ics`.
