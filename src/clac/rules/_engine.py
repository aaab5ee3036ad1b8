"""The rule engine's types: a :class:`Rule` encodes one charter duty, a :class:`Finding` is
its verdict on one subject on one day, an :class:`Assessment` gathers every finding.

A rule is a plain function decorated with :func:`rule`; it receives a :class:`Context` (the
coalition, the day, the charter in force that day) and one subject, and returns a
:class:`Verdict` built with :func:`met`, :func:`unmet`, :func:`not_applicable` or
:func:`insufficient_data`. The engine adds the rule, the subject and the charter parameters the
rule reads, so a reader of a finding sees why.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from clac.charter import ASSUMPTIONS, Clause, Severity
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.rules._context import Context

__all__ = [
    "Assessment",
    "Fact",
    "Finding",
    "Outcome",
    "Rule",
    "Subject",
    "SubjectKind",
    "Verdict",
    "insufficient_data",
    "met",
    "not_applicable",
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


_SEQUENCES = (list, tuple, set, frozenset)


def _facts(values: Mapping[str, Any]) -> tuple[Fact, ...]:
    if not values:
        return ()
    return tuple(
        [
            Fact(name, tuple(value) if isinstance(value, _SEQUENCES) else value)
            for name, value in values.items()
        ]
    )


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
    evidence: tuple[Fact, ...] = ()
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


@attrs.frozen(slots=True)
class Assessment:
    """Every finding of an evaluation, with filters and a summary.

    ``ok`` is True when no *required* rule is unmet: by design, expected and encouraged duties
    are reported but never make an assessment fail (the charter only requests or welcomes
    them). ``ok_at(Severity.EXPECTED)`` also fails on an unmet expected rule, and
    ``ok_at(Severity.ENCOURAGED)`` on any unmet rule: a test of a custom expected rule asks
    ``ok_at(Severity.EXPECTED)``, or it would pass whatever the rule says.
    """

    as_of: date
    coalition: str
    charter_version: int
    findings: tuple[Finding, ...]

    def where(
        self,
        *,
        subject: Subject | str | None = None,
        rule: str | None = None,
        severity: Severity | str | None = None,
        outcome: Outcome | str | None = None,
        family: str | None = None,
    ) -> Assessment:
        """The findings matching every given filter (``subject`` as Subject, 'member:x' or id)."""

        def keep(f: Finding) -> bool:
            if subject is not None and subject not in (f.subject, str(f.subject), f.subject.id):
                return False
            if rule is not None and f.rule.id != rule:
                return False
            if severity is not None and f.rule.severity != Severity(severity):
                return False
            if outcome is not None and f.outcome != Outcome(outcome):
                return False
            return family is None or f.rule.family == family

        return attrs.evolve(self, findings=tuple(f for f in self.findings if keep(f)))

    @property
    def ok(self) -> bool:
        """No required rule is unmet (expected and encouraged ones may be: see :meth:`ok_at`)."""
        return self.ok_at(Severity.REQUIRED)

    def ok_at(self, severity: Severity | str) -> bool:
        """No rule of ``severity`` or a stronger one is unmet.

        ``ok_at(Severity.REQUIRED)`` is :attr:`ok`; ``ok_at(Severity.EXPECTED)`` also counts
        expected rules, ``ok_at(Severity.ENCOURAGED)`` every rule.
        """
        weakest = _STRENGTH[Severity(severity)]
        return not any(
            f.outcome is Outcome.UNMET and _STRENGTH[f.rule.severity] <= weakest
            for f in self.findings
        )

    @property
    def unmet(self) -> tuple[Finding, ...]:
        """Findings whose outcome is unmet, any severity."""
        return tuple(f for f in self.findings if f.outcome is Outcome.UNMET)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of rules that failed to run."""
        return tuple(f for f in self.findings if f.outcome is Outcome.ERROR)

    def counts(self) -> dict[Outcome, int]:
        """How many findings have each outcome (every outcome present, zero included)."""
        counter = Counter(f.outcome for f in self.findings)
        return {outcome: counter.get(outcome, 0) for outcome in Outcome}

    def counts_by_severity(self) -> dict[Severity, dict[Outcome, int]]:
        """Outcome counts for each severity."""
        return {s: self.where(severity=s).counts() for s in Severity}

    def subjects(self) -> tuple[Subject, ...]:
        """Every subject with a finding, in first-seen order."""
        return tuple(dict.fromkeys(f.subject for f in self.findings))

    def by_subject(self) -> dict[Subject, tuple[Finding, ...]]:
        """Findings grouped by subject."""
        grouped: dict[Subject, list[Finding]] = {}
        for f in self.findings:
            grouped.setdefault(f.subject, []).append(f)
        return {k: tuple(v) for k, v in grouped.items()}

    def by_rule(self) -> dict[str, tuple[Finding, ...]]:
        """Findings grouped by rule id."""
        grouped: dict[str, list[Finding]] = {}
        for f in self.findings:
            grouped.setdefault(f.rule.id, []).append(f)
        return {k: tuple(v) for k, v in grouped.items()}

    def summary(self, language: Language | str = Language.EN) -> str:
        """One line: counts per outcome and whether every required rule is met."""
        counts = self.counts()
        parts = [
            f"{n} {o.label.in_(language)}" for o, n in counts.items() if n or o is Outcome.UNMET
        ]
        verdict = (
            Text(
                "every required rule met",
                "todas las reglas obligatorias cumplidas",
                pt="todas as regras obrigatórias cumpridas",
            )
            if self.ok
            else Text(
                "a required rule is unmet",
                "una regla obligatoria no se cumple",
                pt="uma regra obrigatória não foi cumprida",
            )
        )
        head = Text("{n} findings", "{n} hallazgos", pt="{n} constatações").format(
            n=len(self.findings)
        )
        return f"{head.in_(language)}: {', '.join(parts)} — {verdict.in_(language)}"

    def to_rows(self, language: Language | str = Language.EN) -> list[dict[str, Any]]:
        """Plain data, one dict per finding: subject, rule, severity, outcome, message."""
        return [
            {
                "subject_kind": f.subject.kind.value,
                "subject": f.subject.id,
                "rule": f.rule.id,
                "severity": f.rule.severity.value,
                "outcome": f.outcome.value,
                "message": f.message.in_(language),
            }
            for f in self.findings
        ]

    def to_dataframe(self, language: Language | str = Language.EN) -> Any:
        """:meth:`to_rows` as a pandas ``DataFrame`` (needs pandas)."""
        from clac.errors import require

        pandas = require("pandas", "Assessment.to_dataframe()", "pandas")
        columns = ["subject_kind", "subject", "rule", "severity", "outcome", "message"]
        return pandas.DataFrame(self.to_rows(language), columns=columns)

    def to_text(self, language: Language | str = Language.EN, *, everything: bool = False) -> str:
        """Plain text grouped by subject (``clac check``); only findings not met unless
        ``everything``."""
        from clac.rules._render import to_text

        return to_text(self, language, everything=everything)

    def to_markdown(
        self, language: Language | str = Language.EN, *, everything: bool = False
    ) -> str:
        """Markdown: a section per subject and a table per rule, then the summary."""
        from clac.rules._render import to_markdown

        return to_markdown(self, language, everything=everything)

    def to_html(self, language: Language | str = Language.EN, *, everything: bool = False) -> str:
        """An HTML table, as Jupyter shows an assessment (in English there)."""
        from clac.rules._render import to_html

        return to_html(self, language, everything=everything)

    def to_json(self, language: Language | str = Language.EN) -> str:
        """:meth:`to_dict` as a JSON document (``clac check --format json``)."""
        from clac.rules._render import to_json

        return to_json(self, language)

    def to_dict(self, language: Language | str = Language.EN) -> dict[str, Any]:
        """Every finding as plain JSON-ready data (str, int, bool, None, lists, dicts), messages
        in ``language``; ``clac schema --assessment`` prints its JSON Schema."""
        from clac.rules._formats import to_dict

        return to_dict(self, language)

    def to_sarif(
        self,
        language: Language | str = Language.EN,
        *,
        artifact: str | None = None,
        everything: bool = False,
    ) -> dict[str, Any]:
        """A SARIF 2.1.0 log as JSON-ready data, for code-scanning views: the findings not met
        (every finding if ``everything``); ``artifact`` is the registry file's path, relative
        to the repository root."""
        from clac.rules._formats import to_sarif

        return to_sarif(self, language, artifact=artifact, everything=everything)

    def to_junit(self, language: Language | str = Language.EN) -> str:
        """JUnit XML, for CI test reports: a test case per finding."""
        from clac.rules._formats import to_junit

        return to_junit(self, language)

    def to_csv(self, language: Language | str = Language.EN) -> str:
        """CSV for spreadsheets: a header row, then a row per finding."""
        from clac.rules._formats import to_csv

        return to_csv(self, language)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)


#: Lower is stronger: the order of :meth:`Assessment.ok_at`.
_STRENGTH = {Severity.REQUIRED: 0, Severity.EXPECTED: 1, Severity.ENCOURAGED: 2}


def severity_rank(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered for display: unmet required first, then by rule id and subject."""
    order = _STRENGTH
    outcome_order = {
        Outcome.ERROR: 0,
        Outcome.UNMET: 1,
        Outcome.INSUFFICIENT_DATA: 2,
        Outcome.MET: 3,
        Outcome.NOT_APPLICABLE: 4,
    }
    return sorted(
        findings,
        key=lambda f: (outcome_order[f.outcome], order[f.rule.severity], f.rule.id, str(f.subject)),
    )
