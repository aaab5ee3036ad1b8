"""``clac proposal``: list, show and advance project proposals; draw their lifecycle.

Registered on the main group by :mod:`clac.cli`. The lifecycle and its guards live in
:mod:`clac.proposals` and :mod:`clac.rules.proposals` (imported when a command runs); this
module only parses, calls and prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from clac.cli._common import (
    DAY,
    LANG_OPTION,
    MAX_SIZE_OPTION,
    command_day,
    complete_path,
    fail,
    load_registry,
    max_size,
    reports_errors,
    tr,
    wrote,
)
from clac.cli._plugins import RULE_TIMEOUT_OPTION, refuse_broken_plugins, rule_timeout
from clac.text import Text

if TYPE_CHECKING:
    from clac.model import ProposalRecord, Recommendation
    from clac.registry import Coalition

__all__ = ["proposal"]

_NONE = "—"
_ARGV = "clac.proposal.argv"
_PAIRED = ("--recommendation", "--objective", "--goal")
_TAKES_VALUE = frozenset({"--actor", "--date", "--meeting", "--note", "--lang", *_PAIRED})

_H = {
    "id": Text("id", "id", pt="id"),
    "state": Text("state", "estado", pt="estado"),
    "proposer": Text("proposer", "proponente", pt="proponente"),
    "next": Text("next events", "próximos eventos", pt="próximos eventos"),
    "title": Text("title", "título", pt="título"),
    "goals": Text("policy goals", "objetivos de política", pt="objetivos de política"),
    "history": Text("history", "historial", pt="histórico"),
    "recommendations": Text("recommendations", "recomendaciones", pt="recomendações"),
    "findings": Text("findings", "hallazgos", pt="constatações"),
    "final": Text("final", "definitiva", pt="definitiva"),
    "by": Text("by", "por", pt="por"),
}
_EMPTY = Text("no proposals", "no hay propuestas", pt="nenhuma proposta")
_MOVED = Text(
    "{id}: {source} → {target} ({event}, {day}, {actor})",
    "{id}: {source} → {target} ({event}, {day}, {actor})",
    pt="{id}: {source} → {target} ({event}, {day}, {actor})",
)
_WROTE = Text("wrote {path}", "escrito {path}", pt="gravado {path}")


@click.group("proposal")
def proposal() -> None:
    """List, show and advance project proposals (Structure and Governance, items 11-14).

    With no FILE, list and show use the built-in demo coalition.
    """


# ---------------------------------------------------------------------------------- list


@proposal.command("list")
@click.argument("file", required=False, shell_complete=complete_path)
@click.option("--state", "state", help="Only proposals in this state (draft, shared …).")
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def list_command(file: str | None, state: str | None, lang: str) -> None:
    """List every proposal: id, state, proposer and the events allowed next."""
    from clac.model import ProposalState
    from clac.proposals import restore_all

    wanted = None
    if state is not None:
        try:
            wanted = ProposalState(state.strip().lower())
        except ValueError:
            fail(
                f"--state: {state!r} is not a proposal state "
                f"({', '.join(s.value for s in ProposalState)})"
            )
    views = [v for v in restore_all(load_registry(file)) if wanted in (None, v.state)]
    if not views:
        click.echo(tr(_EMPTY, lang))
        return
    rows = [
        (
            v.id,
            v.state.value,
            v.record.proposer,
            ", ".join(e.value for e in v.allowed_events) or _NONE,
        )
        for v in views
    ]
    headings = tuple(tr(_H[k], lang) for k in ("id", "state", "proposer", "next"))
    _print_table(headings, rows)


def _print_table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(row[i])) for row in (headings, *rows)) for i in range(len(headings))]
    for row in (headings, *rows):
        click.echo(
            "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        )


# ---------------------------------------------------------------------------------- show


@proposal.command("show")
@click.argument("proposal_id", metavar="ID")
@click.argument("file", required=False, shell_complete=complete_path)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="Judge the PRO-* rules as of this date (YYYY-MM-DD); default today (the demo's own day "
    "for the demo).",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@RULE_TIMEOUT_OPTION
@reports_errors
def show(proposal_id: str, file: str | None, as_of: dt.datetime | None, lang: str) -> None:
    """Show one proposal: its history, recommendations, next events and PRO-* findings."""
    from clac.proposals import ProposalView
    from clac.rules import CATALOGUE, evaluate
    from clac.rules.proposals import EVENT_LABELS, STATE_LABELS

    coalition = load_registry(file)
    refuse_broken_plugins(CATALOGUE.errors)  # before a word of the answer
    index, record = _find(coalition, proposal_id)
    view = ProposalView(record, coalition, path=f"proposals[{index}]")
    state = tr(STATE_LABELS[record.state], lang)
    if record.state.is_final:
        state = f"{state} ({tr(_H['final'], lang)})"
    click.echo(f"{record.id} — {record.title}")
    click.echo(f"{tr(_H['state'], lang)}: {record.state.value} · {state}")
    click.echo(f"{tr(_H['proposer'], lang)}: {record.proposer}")
    click.echo(f"{tr(_H['goals'], lang)}: {', '.join(record.goals) or _NONE}")
    click.echo(f"{tr(_H['history'], lang)}:")
    for event in record.history:
        extra = "".join(
            f"  [{value}]" for value in (event.meeting, event.note) if value is not None
        )
        click.echo(
            f"  {event.date.isoformat()}  {tr(EVENT_LABELS[event.event], lang)}: "
            f"{event.source.value} → {event.target.value}  {tr(_H['by'], lang)} {event.actor}"
            f"{extra}"
        )
    if not record.history:
        click.echo(f"  {_NONE}")
    click.echo(f"{tr(_H['recommendations'], lang)}:")
    for rec in record.recommendations:
        tie = ", ".join(t for t in (rec.objective, rec.goal) if t is not None)
        click.echo(f"  - {rec.text} ({tie})")
    if not record.recommendations:
        click.echo(f"  {_NONE}")
    allowed = ", ".join(e.value for e in view.allowed_events) or _NONE
    click.echo(f"{tr(_H['next'], lang)}: {allowed}")
    day = command_day(coalition, None if as_of is None else as_of.date(), lang, file=file)
    pro = CATALOGUE.family("PRO")
    assessment = evaluate(coalition, day, rules=pro, rule_timeout=rule_timeout())
    click.echo(f"{tr(_H['findings'], lang)} ({day.isoformat()}):")
    for finding in assessment.where(subject=f"proposal:{record.id}"):
        click.echo(
            f"  {finding.rule.id} [{finding.severity.value}] "
            f"{tr(finding.outcome.label, lang)}: {tr(finding.message, lang)}"
        )


def _find(coalition: Coalition, proposal_id: str) -> tuple[int, ProposalRecord]:
    for index, record in enumerate(coalition.proposals):
        if record.id == proposal_id:
            return index, record
    coalition.proposal(proposal_id)  # raises UnknownReference naming the id
    raise AssertionError  # pragma: no cover - unreachable


# ------------------------------------------------------------------------------- advance


class _AdvanceCommand(click.Command):
    """Keeps the raw arguments, so each --objective/--goal can be tied to the
    --recommendation before it (click gathers repeated options into separate lists)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_ARGV] = list(args)
        return super().parse_args(ctx, args)


@proposal.command("advance", cls=_AdvanceCommand)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("proposal_id", metavar="ID")
@click.argument("event", metavar="EVENT")
@click.option("--actor", required=True, help="The organization that acts (its id).")
@click.option(
    "--date",
    "on",
    required=True,
    type=DAY,
    help="When it happened (YYYY-MM-DD).",
)
@click.option("--meeting", help="The regional meeting (schedule, discuss, approve, return).")
@click.option("--note", help="A note kept with the event.")
@click.option(
    "--recommendation",
    "texts",
    multiple=True,
    help="A recommendation of a return; follow it with --objective or --goal. Repeatable.",
)
@click.option(
    "--objective", "objectives", multiple=True, help="The objective (OBJ-n) of the last one."
)
@click.option("--goal", "goals", multiple=True, help="The policy goal (PG-n) of the last one.")
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=10.0,  # clac.editing.DEFAULT_LOCK_TIMEOUT, without importing it for --help
    show_default=True,
    help="Seconds to wait while another edit of FILE finishes.",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def advance(  # noqa: PLR0917 - click passes every option as an argument
    file: str,
    proposal_id: str,
    event: str,
    actor: str,
    on: dt.datetime,
    meeting: str | None,
    note: str | None,
    texts: tuple[str, ...],
    objectives: tuple[str, ...],
    goals: tuple[str, ...],
    lock_timeout: float,
    lang: str,
) -> None:
    """Send EVENT to proposal ID of registry FILE and save FILE (atomically).

    EVENT is one of submit, share, schedule, discuss, approve, return-with-recommendations,
    revise, withdraw. A refused event changes nothing and exits with status 2, naming the
    PRO-* rule that refused it.

    FILE is edited in place (clac.edit): its comments and layout stay as they were, and only
    the new event (and the proposal's state) is written. Two edits of FILE at once happen one
    after the other; a FILE another program changed meanwhile is not overwritten (status 2).
    """
    from clac.editing import edit
    from clac.proposals import ProposalMachine, replace_proposal

    argv: list[str] = click.get_current_context().meta.get(_ARGV, [])
    recommendations = _recommendations(argv, texts, objectives, goals)
    # One transaction: locked, checked unchanged before writing, only the new event written.
    with edit(file, timeout=lock_timeout, max_size=max_size()) as registry:
        coalition = registry.coalition
        index, record = _find(coalition, proposal_id)
        machine = ProposalMachine.restore(record, coalition, path=f"proposals[{index}]")
        updated = machine.send(
            event,
            actor=actor,
            on=on.date(),
            meeting=meeting,
            note=note,
            recommendations=recommendations,
        )
        registry.coalition = replace_proposal(coalition, updated)
    last = updated.history[-1]
    click.echo(
        tr(_MOVED, lang).format(
            id=updated.id,
            source=last.source.value,
            target=last.target.value,
            event=last.event.value,
            day=last.date.isoformat(),
            actor=last.actor,
        )
    )
    click.echo(tr(_WROTE, lang).format(path=file))


def _recommendations(
    argv: Sequence[str],
    texts: Sequence[str],
    objectives: Sequence[str],
    goals: Sequence[str],
) -> list[Recommendation]:
    """Tie each --objective/--goal to the --recommendation before it, in command-line order."""
    from clac.model import Recommendation

    order: list[str] = []
    position = 0
    while position < len(argv):
        arg = argv[position]
        if arg == "--":
            break
        name, equals, _ = arg.partition("=")
        if name in _PAIRED:
            order.append(name)
        position += 2 if name in _TAKES_VALUE and not equals else 1
    values = {
        "--recommendation": iter(texts),
        "--objective": iter(objectives),
        "--goal": iter(goals),
    }
    pending: list[dict[str, Any]] = []
    for name in order:
        value = next(values[name])
        if name == "--recommendation":
            pending.append({"text": value})
            continue
        field = name.removeprefix("--")
        if not pending:
            fail(f"{name} {value}: give it after the --recommendation it supports")
        if field in pending[-1]:
            fail(f"{name} {value}: the recommendation {pending[-1]['text']!r} already has one")
        pending[-1][field] = value
    out = []
    for fields in pending:
        if "objective" not in fields and "goal" not in fields:
            fail(
                f"--recommendation {fields['text']!r}: follow it with --objective OBJ-n or "
                "--goal PG-n (recommendations are based on CLAC's objectives)"
            )
        out.append(Recommendation(**fields))
    return out


# ------------------------------------------------------------------------------- diagram


@proposal.command("diagram")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "svg", "png"]),
    default="mermaid",
    show_default=True,
    help="Mermaid text needs nothing; svg and png need clac[diagrams] and Graphviz.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@LANG_OPTION
@reports_errors
def diagram(fmt: str, output: str | None, lang: str) -> None:
    """Draw the proposal lifecycle (states and the charter's events)."""
    from clac.io import write_atomically
    from clac.proposals import lifecycle_diagram, lifecycle_mermaid

    data = lifecycle_mermaid(lang).encode("utf-8") if fmt == "mermaid" else lifecycle_diagram(fmt)
    if output is None:
        if fmt == "png":
            fail("--format png needs --output PATH")
        click.echo(data.decode("utf-8"), nl=False)
        return
    write_atomically(output, data)
    wrote(tr(_WROTE, lang).format(path=output), output)
