"""``evaluate``: every rule of the catalogue over a coalition on one day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from clac._bulk import paused_gc
from clac._progress import task
from clac.errors import InvalidData
from clac.registry import Coalition
from clac.rules._assessment import Assessment
from clac.rules._catalogue import CATALOGUE
from clac.rules._context import Context
from clac.rules._engine import (
    Fact,
    Finding,
    Outcome,
    Rule,
    Subject,
    SubjectKind,
    failure,
    is_verdict,
)
from clac.text import Text

__all__ = ["evaluate"]


def evaluate(
    coalition: Coalition,
    as_of: date | None = None,
    *,
    rules: Iterable[Rule] | None = None,
    charter_only: bool = False,
) -> Assessment:
    """Assess ``coalition`` on ``as_of`` (today by default) under the charter in force that day.

    Every rule is applied to every subject of its kind. A rule that raises, or returns anything
    but a :class:`Verdict` (a plugin's dict, ``None``), yields a finding with outcome ``error``
    naming the rule and what went wrong, and the assessment goes on. With ``charter_only`` only
    the rules that rest on the charter's word alone are applied (:attr:`Rule.charter_only`):
    none that reads a deadline, window or reading clac assumes.
    """
    given: object = coalition  # callers may pass anything
    if not isinstance(given, Coalition):
        raise InvalidData("must be a clac.Coalition", path="coalition", value=given)
    day: object = date.today() if as_of is None else as_of  # callers may pass anything
    if not isinstance(day, date):
        raise InvalidData("must be a date (datetime.date)", path="as_of", value=as_of)
    chosen = tuple(CATALOGUE) if rules is None else _checked(rules)
    if charter_only:
        chosen = tuple(r for r in chosen if r.charter_only)
    with paused_gc():  # a finding per rule and subject: many small acyclic objects (clac._bulk)
        return _assess(coalition, day, chosen)


def _assess(coalition: Coalition, day: date, chosen: tuple[Rule, ...]) -> Assessment:
    context = Context(coalition, day)
    findings: list[Finding] = []
    with task(_CHECKING, total=len(chosen)) as progress:
        for r in chosen:
            _apply(r, context, findings)
            progress.advance()
    return Assessment(
        as_of=day,
        coalition=coalition.name,
        charter_version=context.charter.version,
        findings=tuple(findings),
    )


_CHECKING = Text("Checking the rules", "Verificando las reglas", pt="Verificando as regras")


def _apply(r: Rule, context: Context, findings: list[Finding]) -> None:
    """Every finding of rule ``r``, added to ``findings``; a rule that fails, or returns
    what is not a verdict, gives ``error`` findings (:func:`~clac.rules._engine.failure`)."""
    try:
        parameters = tuple(Fact(name, getattr(context.parameters, name)) for name in r.parameters)
        subjects = list(context.subjects(r.applies_to))
    except Exception as error:  # noqa: BLE001 - a broken rule never breaks the rest
        # The rule names a parameter or a kind of subject that does not exist.
        subject = Subject(SubjectKind.COALITION, context.coalition.name)
        findings.append(Finding(r, subject, Outcome.ERROR, failure(r, raised=error)))
        return
    for subject, item in subjects:
        try:
            verdict: object = r.check(context, item)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - one failing rule never breaks the rest
            findings.append(
                Finding(r, subject, Outcome.ERROR, failure(r, raised=error), (), parameters)
            )
            continue
        if not is_verdict(verdict):
            findings.append(
                Finding(r, subject, Outcome.ERROR, failure(r, returned=verdict), (), parameters)
            )
            continue
        findings.append(
            Finding(r, subject, verdict.outcome, verdict.message, verdict.facts, parameters)
        )


def _checked(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``rules`` as a tuple, each a Rule and no id twice (:class:`InvalidData` otherwise)."""
    chosen = tuple(rules)
    seen: dict[str, int] = {}
    for index, r in enumerate(chosen):
        if not isinstance(r, Rule):
            raise InvalidData("must be a clac Rule", path=f"rules[{index}]", value=r)
        if r.id in seen:
            raise InvalidData(
                f"repeats the id of rules[{seen[r.id]}]", path=f"rules[{index}].id", value=r.id
            )
        seen[r.id] = index
    return chosen
