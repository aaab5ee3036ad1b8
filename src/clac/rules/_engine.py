"""The rule engine's types: a :class:`Rule` encodes one charter duty, a :class:`Finding` is
its verdict on one subject on one day (:class:`~clac.rules.Assessment`, in ``_assessment``,
gathers every finding).

A rule is a plain function decorated with :func:`rule`; it receives a :class:`Context` (the
coalition, the day, the charter in force that day) and one subject, and returns a
:class:`Verdict` built with :func:`met`, :func:`unmet`, :func:`not_applicable` or
:func:`insufficient_data`. The engine adds the rule, the subject and the charter parameters the
rule reads, so a reader of a finding sees why.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, SupportsIndex, TypeGuard, overload

import attrs

from clac.charter import ASSUMPTIONS, Clause, Severity
from clac.errors import short_repr
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.rules._context import Context

__all__ = [
    "STRENGTH",
    "Evidence",
    "Fact",
    "Finding",
    "Outcome",
    "Rule",
    "Subject",
    "SubjectKind",
    "Verdict",
    "failure",
    "insufficient_data",
    "is_verdict",
    "met",
    "not_applicable",
    "severity_rank",
    "unmet",
]


class Outcome(enum.StrEnum):
    """A rule's verdict on one subject."""

    MET = "met"
    UNMET = "unmet"
    NOT_APPLICABLE = "not-applicable"
    INSUFFICIENT_DATA = "insufficient-data"
    ERROR = "error"  # the rule itself failed (a plugin that raised); never hides other findings

    @property
    def label(self) -> Text:
        """The outcome in words."""
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.MET: Text("met", "cumplido", pt="cumprido"),
    Outcome.UNMET: Text("unmet", "no cumplido", pt="não cumprido"),
    Outcome.NOT_APPLICABLE: Text("not applicable", "no aplica", pt="não se aplica"),
    Outcome.INSUFFICIENT_DATA: Text(
        "insufficient data", "datos insuficientes", pt="dados insuficientes"
    ),
    Outcome.ERROR: Text("rule failed", "la regla falló", pt="a regra falhou"),
}


class SubjectKind(enum.StrEnum):
    """What a rule applies to."""

    MEMBER = "member"
    WORKING_GROUP = "working-group"
    COALITION = "coalition"
    PROPOSAL = "proposal"
    REPORT = "report"
    MEETING = "meeting"
    PLAN = "plan"
    YEAR = "year"

    @property
    def label(self) -> Text:
        """The kind in words."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SubjectKind.MEMBER: Text("member", "miembro", pt="membro"),
    SubjectKind.WORKING_GROUP: Text("working group", "grupo de trabajo", pt="grupo de trabalho"),
    SubjectKind.COALITION: Text("coalition", "coalición", pt="coalizão"),
    SubjectKind.PROPOSAL: Text("proposal", "propuesta", pt="proposta"),
    SubjectKind.REPORT: Text("quarterly report", "informe trimestral", pt="relatório trimestral"),
    SubjectKind.MEETING: Text("meeting", "reunión", pt="reunião"),
    SubjectKind.PLAN: Text("plan", "plan", pt="plano"),
    SubjectKind.YEAR: Text("year", "año", pt="ano"),
}

FactValue = str | int | float | bool | date | None


class Fact(NamedTuple):
    """One piece of evidence: a named value the rule looked at.

    A named tuple rather than an attrs class: an assessment of a large registry holds hundreds
    of thousands of facts, and a tuple is several times cheaper to make.
    """

    name: str
    value: FactValue | tuple[FactValue, ...]

    def __str__(self) -> str:
        value = self.value
        if isinstance(value, tuple):
            shown = ", ".join(str(v) for v in value) or "—"
        else:
            shown = "—" if value is None else str(value)
        return f"{self.name}={shown}"


class Evidence(tuple[Fact, ...]):
    """The facts a rule looked at, in order — and read by name, as ``to_dict()`` shows them.

    A tuple of :class:`Fact` (``finding.evidence[0]``, ``for fact in finding.evidence``), and,
    like the mapping of a finding in ``Assessment.to_dict()``, looked up by a fact's name:
    ``finding.evidence["members"]``, ``.keys()``, ``.values()``, ``.items()``, ``.get()``,
    ``.as_dict()``.
    """

    __slots__ = ()

    @overload
    def __getitem__(self, key: SupportsIndex) -> Fact: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Fact, ...]: ...
    @overload
    def __getitem__(self, key: str) -> FactValue | tuple[FactValue, ...]: ...
    def __getitem__(
        self, key: SupportsIndex | slice | str
    ) -> Fact | tuple[Fact, ...] | FactValue | tuple[FactValue, ...]:
        if isinstance(key, str):
            for fact in self:
                if fact.name == key:
                    return fact.value
            raise KeyError(key)
        return super().__getitem__(key)

    def keys(self) -> tuple[str, ...]:
        """The facts' names, in order."""
        return tuple(fact.name for fact in self)

    def values(self) -> tuple[FactValue | tuple[FactValue, ...], ...]:
        """The facts' values, in order."""
        return tuple(fact.value for fact in self)

    def items(self) -> tuple[tuple[str, FactValue | tuple[FactValue, ...]], ...]:
        """(name, value) pairs, in order."""
        return tuple((fact.name, fact.value) for fact in self)

    def get(
        self, name: str, default: FactValue | tuple[FactValue, ...] = None
    ) -> FactValue | tuple[FactValue, ...]:
        """The value of the fact ``name``, or ``default``."""
        for fact in self:
            if fact.name == name:
                return fact.value
        return default

    def as_dict(self) -> dict[str, FactValue | tuple[FactValue, ...]]:
        """The facts as a ``dict`` by name."""
        return dict(self.items())


def _as_evidence(facts: Iterable[Fact]) -> Evidence:
    return facts if type(facts) is Evidence else Evidence(facts)


_SEQUENCES = (list, tuple, set, frozenset)


def _facts(values: Mapping[str, Any]) -> tuple[Fact, ...]:
    if not values:
        return ()
    # Most values are plain (a string, a number, a date, None): one set lookup of the type,
    # the isinstance test only for the rest.
    plain = _PLAIN
    sequences = _SEQUENCES
    new = _new_fact
    return tuple(
        [
            new(
                Fact,
                (
                    name,
                    value
                    if value.__class__ in plain or not isinstance(value, sequences)
                    else tuple(value),
                ),
            )
            for name, value in values.items()
        ]
    )


_PLAIN = frozenset({str, int, bool, float, type(None), date})
_new_fact = tuple.__new__


@attrs.frozen(slots=True)
class Verdict:
    """What a rule function returns: an outcome, a bilingual message and the facts used."""

    outcome: Outcome
    message: Text
    facts: tuple[Fact, ...] = ()


def met(message: Text, **facts: Any) -> Verdict:
    """The subject meets the rule."""
    return Verdict(Outcome.MET, message, _facts(facts))


def unmet(message: Text, **facts: Any) -> Verdict:
    """The subject does not meet the rule."""
    return Verdict(Outcome.UNMET, message, _facts(facts))


def not_applicable(message: Text, **facts: Any) -> Verdict:
    """The rule does not apply to the subject (e.g. a member that joined last week)."""
    return Verdict(Outcome.NOT_APPLICABLE, message, _facts(facts))


def insufficient_data(message: Text, **facts: Any) -> Verdict:
    """The registry lacks the records to decide (never reported as unmet)."""
    return Verdict(Outcome.INSUFFICIENT_DATA, message, _facts(facts))


def is_verdict(value: object) -> TypeGuard[Verdict]:
    """Whether ``value`` is a well-formed :class:`Verdict` (a plugin's check may return
    anything: a dict, ``None``, a verdict holding a plain string)."""
    return (
        isinstance(value, Verdict)
        and isinstance(value.outcome, Outcome)
        and value.outcome is not Outcome.ERROR
        and isinstance(value.message, Text)
        and isinstance(value.facts, tuple)
        and all(isinstance(fact, Fact) for fact in value.facts)
    )


def failure(rule: Rule, *, raised: BaseException | None = None, returned: object = None) -> Text:
    """The message of an ``error`` finding: ``rule`` raised ``raised``, or returned
    ``returned`` instead of a verdict."""
    if raised is not None:
        said = _said(raised)
        what = type(raised).__name__ + (f": {said}" if said else "")
        return Text(
            f"rule {rule.id} failed: {what}",
            f"la regla {rule.id} falló: {what}",
            pt=f"a regra {rule.id} falhou: {what}",
        )
    kind = type(returned).__name__
    shown = short_repr(returned, 60)
    return Text(
        f"rule {rule.id} returned {kind} {shown} instead of a verdict (met, unmet, "
        "not_applicable or insufficient_data)",
        f"la regla {rule.id} devolvió {kind} {shown} en lugar de un veredicto (met, unmet, "
        "not_applicable o insufficient_data)",
        pt=f"a regra {rule.id} retornou {kind} {shown} em vez de um veredito (met, unmet, "
        "not_applicable ou insufficient_data)",
    )


def timed_out(rule: Rule, seconds: float) -> Text:
    """The message of the ``error`` finding of a call of ``rule`` stopped after ``seconds``."""
    return Text(
        f"rule {rule.id} did not return within its time budget of {seconds:g} s and was "
        "stopped (--rule-timeout, CLAC_RULE_TIMEOUT)",
        f"la regla {rule.id} no terminó dentro de su tiempo de {seconds:g} s y se detuvo "
        "(--rule-timeout, CLAC_RULE_TIMEOUT)",
        pt=f"a regra {rule.id} não terminou dentro do seu tempo de {seconds:g} s e foi "
        "interrompida (--rule-timeout, CLAC_RULE_TIMEOUT)",
    )


def not_run(rule: Rule, seconds: float, stopped: Subject) -> Text:
    """The message of the ``error`` finding of a subject ``rule`` was not applied to, having
    outlasted its budget of ``seconds`` on ``stopped``."""
    return Text(
        f"rule {rule.id} was not applied: it already exceeded its time budget of {seconds:g} s "
        f"on {stopped}",
        f"la regla {rule.id} no se aplicó: ya excedió su tiempo de {seconds:g} s con {stopped}",
        pt=f"a regra {rule.id} não foi aplicada: já excedeu seu tempo de {seconds:g} s "
        f"com {stopped}",
    )


def unshowable(rule: Rule, problem: str) -> Text:
    """The message of the ``error`` finding of a verdict of ``rule`` whose evidence cannot be
    shown (``problem`` says why), or whose failure cannot be described."""
    return Text(
        f"rule {rule.id} gave a result clac cannot show: {problem}",
        f"la regla {rule.id} dio un resultado que clac no puede mostrar: {problem}",
        pt=f"a regra {rule.id} deu um resultado que o clac não pode mostrar: {problem}",
    )


def _said(error: BaseException) -> str:
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - an exception whose message itself fails
        return "(its message cannot be shown)"
    return text if len(text) <= 120 else text[:119] + "…"


@attrs.frozen(slots=True)
class Subject:
    """What a finding is about: its kind and id (a member's organization id, a group id …)."""

    kind: SubjectKind
    id: str

    def __str__(self) -> str:
        # ``_value_`` is the enum member's plain attribute; ``.value`` is a property, and a
        # report renders this once or twice per finding.
        return f"{self.kind._value_}:{self.id}"


Check = Callable[["Context", Any], Verdict]


@attrs.frozen(slots=True)
class Rule:
    """One duty of the charter, encoded.

    ``check`` is called once per subject of kind ``applies_to``; ``parameters`` names the charter
    parameters it reads, whose values in force on the day go into each finding's evidence.
    ``source`` is ``"clac"`` for built-in rules and the distribution name for plugins.
    ``assumption`` says what the rule takes from clac rather than from the charter (None when
    nothing); ``facts`` are the registry fields it reads, as file paths: a fact not recorded
    gives *insufficient data* naming where to record it, never *unmet*.
    """

    id: str
    clause: Clause
    severity: Severity
    title: Text
    explanation: Text
    applies_to: SubjectKind
    check: Check = attrs.field(eq=False, repr=False)
    parameters: tuple[str, ...] = ()
    source: str = "clac"
    assumption: Text | None = None
    facts: tuple[str, ...] = ()

    @property
    def assumed_parameters(self) -> tuple[str, ...]:
        """The parameters the rule reads whose values are clac's assumptions, not charter
        text (:data:`clac.charter.ASSUMPTIONS`)."""
        return tuple(name for name in self.parameters if name in ASSUMPTIONS)

    @property
    def charter_only(self) -> bool:
        """Whether the rule rests on the charter's word alone: no assumption of clac's, in
        the rule itself (``assumption``) or in a parameter it reads. ``clac check
        --charter-only`` applies only these rules."""
        return self.assumption is None and not self.assumed_parameters

    @property
    def family(self) -> str:
        """The id's prefix: MEM, GOV, PRO, REP, POL, or a plugin's own."""
        return self.id.split("-", 1)[0]


@attrs.frozen(slots=True)
class Finding:
    """A rule's verdict on one subject, with the evidence that led to it."""

    rule: Rule
    subject: Subject
    outcome: Outcome
    message: Text
    evidence: Evidence = attrs.field(default=Evidence(), converter=_as_evidence)
    parameters: tuple[Fact, ...] = ()

    @property
    def severity(self) -> Severity:
        """The rule's severity."""
        return self.rule.severity

    @property
    def assumption(self) -> Text | None:
        """What the finding takes from clac rather than from the charter: the rule's own
        assumption and the assumed parameters it read, with their values; None when the
        finding rests on the charter's word alone."""
        parts_en: list[str] = []
        parts_es: list[str] = []
        parts_pt: list[str] = []
        if self.rule.assumption is not None:
            parts_en.append(self.rule.assumption.en)
            parts_es.append(self.rule.assumption.es)
            parts_pt.append(self.rule.assumption.in_(Language.PT))
        assumed = [str(f) for f in self.parameters if f.name in ASSUMPTIONS]
        if assumed:
            shown = ", ".join(assumed)
            parts_en.append(f"parameters set by clac, not the charter: {shown}")
            parts_es.append(f"parámetros fijados por clac, no por la carta: {shown}")
            parts_pt.append(f"parâmetros fixados pelo clac, não pela carta: {shown}")
        if not parts_en:
            return None
        return Text("; ".join(parts_en), "; ".join(parts_es), pt="; ".join(parts_pt))

    def describe(self, language: Language | str = Language.EN) -> str:
        """One line: rule, subject, outcome and message."""
        return (
            f"{self.rule.id} {self.subject}: {self.outcome.label.in_(language)} — "
            f"{self.message.in_(language)}"
        )


#: Lower is stronger: the order of ``Assessment.ok_at`` and of :func:`severity_rank`.
STRENGTH = {Severity.REQUIRED: 0, Severity.EXPECTED: 1, Severity.ENCOURAGED: 2}


#: Lower is shown first: the order of :func:`severity_rank`.
OUTCOME_ORDER = {
    Outcome.ERROR: 0,
    Outcome.UNMET: 1,
    Outcome.INSUFFICIENT_DATA: 2,
    Outcome.MET: 3,
    Outcome.NOT_APPLICABLE: 4,
}


def rank_key(finding: Finding) -> tuple[int, int, str]:
    """Where ``finding`` goes in :func:`severity_rank`, but for its subject."""
    return (OUTCOME_ORDER[finding.outcome], STRENGTH[finding.rule.severity], finding.rule.id)


def severity_rank(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered for display: unmet required first, then by rule id and subject."""
    order = STRENGTH
    outcome_order = OUTCOME_ORDER
    # Bucketed by (outcome, severity, rule), then each bucket sorted by subject: the same order
    # as one sort on the whole key, without building and comparing a tuple per finding.
    buckets: dict[tuple[int, int, str], list[Finding]] = {}
    for f in findings:
        rule = f.rule
        key = (outcome_order[f.outcome], order[rule.severity], rule.id)
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = [f]
        else:
            bucket.append(f)
    ranked: list[Finding] = []
    for key in sorted(buckets):
        bucket = buckets[key]
        bucket.sort(key=_subject_key)
        ranked += bucket
    return ranked


def _subject_key(finding: Finding) -> str:
    return str(finding.subject)
