"""``evaluate``: every rule of the catalogue over a coalition on one day.

clac's own rules are trusted: they are tested to return a verdict for every valid registry,
with evidence every output can hold, and their cost grows with the registry (a rule over the
whole coalition may rightly take seconds on a large one), so they run as they are. A rule
from anywhere else (a plugin, :meth:`Catalogue.register`, ``evaluate(rules=...)``) is checked
at the boundary, once per verdict: a call that outlasts its time budget is stopped
(:mod:`clac.rules._budget`), evidence that no output can hold is shown as a short ``repr``
(or, when even that fails, refused with an ``error`` finding), and what it prints is kept off
standard output (:func:`clac._plugins.plugin_output`).
"""

from __future__ import annotations

import contextlib
import enum
import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from clac._bulk import paused_gc
from clac._plugins import PluginOutput, described, plugin_output
from clac._progress import task
from clac.errors import InvalidData, short_repr
from clac.periods import ApproximateDate
from clac.registry import Coalition
from clac.rules._assessment import Assessment
from clac.rules._budget import DEFAULT_RULE_TIMEOUT, Budget, RuleTimeout, budget, checked_timeout
from clac.rules._catalogue import CATALOGUE
from clac.rules._context import Context
from clac.rules._engine import (
    Fact,
    Finding,
    Outcome,
    Rule,
    Subject,
    SubjectKind,
    Verdict,
    failure,
    is_verdict,
    not_run,
    timed_out,
    unshowable,
)
from clac.text import Text

__all__ = ["evaluate"]


def evaluate(
    coalition: Coalition,
    as_of: date | None = None,
    *,
    rules: Iterable[Rule] | None = None,
    charter_only: bool = False,
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> Assessment:
    """Assess ``coalition`` on ``as_of`` (today by default) under the charter in force that day.

    Every rule is applied to every subject of its kind. A rule that raises, or returns anything
    but a :class:`Verdict` (a plugin's dict, ``None``), yields a finding with outcome ``error``
    naming the rule and what went wrong, and the assessment goes on. With ``charter_only`` only
    the rules that rest on the charter's word alone are applied (:attr:`Rule.charter_only`):
    none that reads a deadline, window or reading clac assumes.

    A rule clac does not ship (a plugin's) is held to ``rule_timeout`` seconds per call, that
    is per rule and subject: a call that has not returned by then is stopped and becomes an
    ``error`` finding, and the rule is not applied to its remaining subjects (each gets an
    ``error`` finding saying so). ``None`` or 0 means no limit. The budget is kept in the main
    thread where ``SIGALRM`` exists and is not otherwise in use (:mod:`clac.rules._budget`).
    ``KeyboardInterrupt`` in a rule stops the evaluation.
    """
    given: object = coalition  # callers may pass anything
    if not isinstance(given, Coalition):
        raise InvalidData("must be a clac.Coalition", path="coalition", value=given)
    day: object = date.today() if as_of is None else as_of  # callers may pass anything
    if not isinstance(day, date):
        raise InvalidData("must be a date (datetime.date)", path="as_of", value=as_of)
    seconds = checked_timeout(rule_timeout)
    chosen = tuple(CATALOGUE) if rules is None else _checked(rules)
    if charter_only:
        chosen = tuple(r for r in chosen if r.charter_only)
    with paused_gc():  # a finding per rule and subject: many small acyclic objects (clac._bulk)
        return _assess(coalition, day, chosen, seconds)


def _assess(
    coalition: Coalition, day: date, chosen: tuple[Rule, ...], seconds: float | None
) -> Assessment:
    context = Context(coalition, day)
    findings: list[Finding] = []
    shared: dict[object, Any] = {}  # equal messages and evidence, made once (see _apply)
    trusted = [_trusted(r) for r in chosen]
    with (
        _guarded(all(trusted), seconds) as (kept, output),
        task(_CHECKING, total=len(chosen)) as progress,
    ):
        for r, own in zip(chosen, trusted, strict=True):
            if own:
                _apply(r, context, findings, shared)
            else:
                _apply_foreign(r, context, findings, kept)
                output.forward(f"rule {r.id} ({r.source})")
            progress.advance()
    return Assessment(
        as_of=day,
        coalition=coalition.name,
        charter_version=context.charter.version,
        findings=tuple(findings),
    )


_CHECKING = Text("Checking the rules", "Verificando las reglas", pt="Verificando as regras")


def _prepared(
    r: Rule, context: Context, findings: list[Finding]
) -> tuple[tuple[Fact, ...], list[tuple[Subject, Any]]] | None:
    """Rule ``r``'s parameters and its (subject, value) pairs; None, after adding one ``error``
    finding, when the rule names a parameter or a kind of subject that does not exist."""
    try:
        parameters = tuple(Fact(name, getattr(context.parameters, name)) for name in r.parameters)
        subjects = list(context.subjects(r.applies_to))
    except Exception as error:  # noqa: BLE001 - a broken rule never breaks the rest
        subject = Subject(SubjectKind.COALITION, context.coalition.name)
        findings.append(Finding(r, subject, Outcome.ERROR, failure(r, raised=error)))
        return None
    return parameters, subjects


def _apply(r: Rule, context: Context, findings: list[Finding], shared: dict[object, Any]) -> None:
    """Every finding of rule ``r``, added to ``findings``; a rule that fails, or returns
    what is not a verdict, gives ``error`` findings (:func:`~clac.rules._engine.failure`)."""
    prepared = _prepared(r, context, findings)
    if prepared is None:
        return
    parameters, subjects = prepared
    append = findings.append
    make = Finding
    share = shared.setdefault
    for subject, item in subjects:
        try:
            verdict: object = r.check(context, item)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - one failing rule never breaks the rest
            findings.append(
                Finding(r, subject, Outcome.ERROR, failure(r, raised=error), (), parameters)
            )
            continue
        # clac's own rules are trusted: a Verdict is taken as it is, its types not re-checked.
        if verdict.__class__ is not Verdict and not is_verdict(verdict):
            findings.append(
                Finding(r, subject, Outcome.ERROR, failure(r, returned=verdict), (), parameters)
            )
            continue
        # Equal messages and evidence are shared within the evaluation: a third of a large
        # registry's findings repeat one, and each copy would stay alive with the assessment.
        message = verdict.message
        message = share(message, message)
        facts = verdict.facts
        if facts:
            facts = share(facts, facts)
        append(make(r, subject, verdict.outcome, message, facts, parameters))


def _trusted(r: Rule) -> bool:
    """Whether ``r`` is one of clac's own rules: its source is clac and its check is defined
    in clac's own code."""
    module = getattr(r.check, "__module__", None)
    return r.source == "clac" and isinstance(module, str) and module.startswith("clac.")


@contextlib.contextmanager
def _guarded(
    trusted: bool, seconds: float | None
) -> Iterator[tuple[Budget, PluginOutput | _NoOutput]]:
    """The time budget and the caught standard output of an evaluation, when a rule clac
    does not ship takes part; nothing at all otherwise."""
    if trusted:
        yield Budget(None), _NoOutput()
        return
    with budget(seconds) as kept, plugin_output() as output:
        yield kept, output


class _NoOutput:
    def forward(self, name: str) -> None:
        """Nothing is caught: nothing to forward."""


def _apply_foreign(r: Rule, context: Context, findings: list[Finding], kept: Budget) -> None:
    """:func:`_apply` for a rule clac does not ship: each call within the budget, anything
    it raises (but Ctrl-C) an ``error`` finding, its evidence made safe to show."""
    prepared = _prepared(r, context, findings)
    if prepared is None:
        return
    parameters, subjects = prepared
    seconds = kept.seconds or 0.0
    stopped = len(subjects)
    with kept.watch(findings):
        for index, (subject, item) in enumerate(subjects):
            try:
                findings.append(_decide(r, context, subject, item, parameters))
            except RuleTimeout:
                message = timed_out(r, seconds)
                findings.append(Finding(r, subject, Outcome.ERROR, message, (), parameters))
                stopped = index
                break
    for rest, _item in subjects[stopped + 1 :]:  # every subject still gets a finding, saying why
        message = not_run(r, seconds, subjects[stopped][0])
        findings.append(Finding(r, rest, Outcome.ERROR, message, (), parameters))


def _decide(
    r: Rule, context: Context, subject: Subject, item: object, parameters: tuple[Fact, ...]
) -> Finding:
    """The finding of a foreign rule ``r`` on one subject; raises only ``RuleTimeout`` and
    ``KeyboardInterrupt``."""
    try:
        try:
            verdict: object = r.check(context, item)
        except (KeyboardInterrupt, RuleTimeout):
            raise
        except BaseException as error:  # noqa: BLE001 - SystemExit too: an error finding
            return Finding(r, subject, Outcome.ERROR, failure(r, raised=error), (), parameters)
        if not is_verdict(verdict):
            message = failure(r, returned=verdict)
            return Finding(r, subject, Outcome.ERROR, message, (), parameters)
        facts = safe_facts(verdict.facts)
        return Finding(r, subject, verdict.outcome, verdict.message, facts, parameters)
    except (KeyboardInterrupt, RuleTimeout):
        raise
    except BaseException as error:  # noqa: BLE001 - its evidence or failure cannot be shown
        message = unshowable(r, described(error))
        return Finding(r, subject, Outcome.ERROR, message, (), parameters)


#: The largest whole number every JSON reader holds exactly (a double's 53 bits).
_SAFE_INTEGER = 2**53


def safe_facts(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """``facts`` with every value every output can hold: a string, a boolean, a whole number
    of at most 53 bits, a finite number, a date, None, or a tuple of those. Any other value
    (an object, NaN, infinity, bytes, a huge number, a nested list) is shown as a short
    ``repr``. A name that is not a string raises :class:`TypeError`.

    >>> safe_facts((Fact("ratio", float("nan")), Fact("tags", ("a", {"b"}))))
    (Fact(name='ratio', value='nan'), Fact(name='tags', value=('a', "{'b'}")))
    """
    vetted = []
    for fact in facts:
        name = fact.name
        if not isinstance(name, str):
            raise TypeError(f"a fact's name is {type(name).__name__} {short_repr(name, 40)}")
        value = fact.value
        if type(value) is tuple:
            shown: object = tuple([_safe(v) for v in value])
        else:
            shown = _safe(value)
        vetted.append(Fact(str.__str__(name), shown))  # type: ignore[arg-type]
    return tuple(vetted)


def _safe(value: object) -> object:
    kind = type(value)
    if kind in _SAFE_KINDS:
        return value
    if kind is int:
        safe = -_SAFE_INTEGER <= value <= _SAFE_INTEGER  # type: ignore[operator]
        return value if safe else short_repr(value)
    if kind is float:
        return value if math.isfinite(value) else repr(value)  # type: ignore[arg-type]
    if isinstance(value, enum.Enum):
        return _safe(value.value)
    if isinstance(value, str):  # a subclass: its characters, not its own __str__
        return str.__str__(value)
    return short_repr(value)


#: Values every output holds as they are (a whole number and a float need a look).
_SAFE_KINDS = frozenset({str, bool, type(None), date, datetime, ApproximateDate})


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
