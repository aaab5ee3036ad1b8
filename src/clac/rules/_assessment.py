"""An :class:`Assessment`: every finding of one evaluation, with filters, a summary and its
renderings (text, Markdown, HTML and JSON in ``_render``; plain data, SARIF, JUnit and CSV in
``_formats``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from clac._deprecation import Counts
from clac.charter import Severity
from clac.errors import require
from clac.rules import _formats, _render
from clac.rules._engine import STRENGTH, Finding, Outcome, Subject
from clac.text import Language, Text, plural

if TYPE_CHECKING:
    from clac.io import Region

__all__ = ["Assessment"]


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
        weakest = STRENGTH[Severity(severity)]
        return not any(
            f.outcome is Outcome.UNMET and STRENGTH[f.rule.severity] <= weakest
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

    @property
    def counts(self) -> Counts[Outcome]:
        """How many findings have each outcome (every outcome present, zero included); a
        property like :attr:`ok` (calling it, ``counts()``, is deprecated)."""
        counter = Counter(f.outcome for f in self.findings)
        return Counts({o: counter.get(o, 0) for o in Outcome}, "Assessment")

    def counts_by_severity(self) -> dict[Severity, dict[Outcome, int]]:
        """Outcome counts for each severity."""
        return {s: self.where(severity=s).counts for s in Severity}

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
        counts = self.counts
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
        head = plural(
            len(self.findings),
            Text("{count} finding", "{count} hallazgo", pt="{count} constatação"),
            Text("{count} findings", "{count} hallazgos", pt="{count} constatações"),
        )
        return f"{head.in_(language)}: {', '.join(parts)} — {verdict.in_(language)}"

    def to_rows(self, language: Language | str = Language.EN) -> list[dict[str, Any]]:
        """Plain data, one dict per finding, with the columns of :meth:`to_csv` in its order
        (:data:`~clac.rules._formats.CSV_COLUMNS`): rule, severity, clause, clause_ref,
        subject_kind, subject, outcome, message, evidence, assumption."""
        return [dict(zip(_formats.CSV_COLUMNS, _formats.row_of(f, language), strict=True))
                for f in self.findings]  # fmt: skip

    def to_dataframe(self, language: Language | str = Language.EN) -> Any:
        """:meth:`to_rows` as a pandas ``DataFrame`` (needs pandas): the columns of
        :meth:`to_csv`, the same values (without the CSV's guard against formulas)."""
        pandas = require("pandas", "Assessment.to_dataframe()", "pandas")
        return pandas.DataFrame(self.to_rows(language), columns=list(_formats.CSV_COLUMNS))

    def to_text(self, language: Language | str = Language.EN, *, everything: bool = False) -> str:
        """Plain text grouped by subject (``clac check``); only findings not met unless
        ``everything``."""
        return _render.to_text(self, language, everything=everything)

    def to_markdown(
        self, language: Language | str = Language.EN, *, everything: bool = False
    ) -> str:
        """Markdown: a section per subject and a table per rule, then the summary."""
        return _render.to_markdown(self, language, everything=everything)

    def to_html(self, language: Language | str = Language.EN, *, everything: bool = False) -> str:
        """An HTML table, as Jupyter shows an assessment (in English there)."""
        return _render.to_html(self, language, everything=everything)

    def to_json(self, language: Language | str = Language.EN) -> str:
        """:meth:`to_dict` as a JSON document (``clac check --format json``)."""
        return _render.to_json(self, language)

    def to_dict(self, language: Language | str = Language.EN) -> dict[str, Any]:
        """Every finding as plain JSON-ready data (str, int, bool, None, lists, dicts), messages
        in ``language``; ``clac schema --assessment`` prints its JSON Schema."""
        return _formats.to_dict(self, language)

    def to_sarif(
        self,
        language: Language | str = Language.EN,
        *,
        artifact: str | None = None,
        regions: Mapping[str, Region] | None = None,
        root_uri: str | None = None,
        everything: bool = False,
    ) -> dict[str, Any]:
        """A SARIF 2.1.0 log as JSON-ready data, for code-scanning views: the findings not met
        (every finding if ``everything``); ``artifact`` is the registry file's path, relative
        to the repository root (whose ``file:`` URI is ``root_uri``), ``regions`` where the
        file records each subject (:func:`clac.io.locate`)."""
        return _formats.to_sarif(
            self,
            language,
            artifact=artifact,
            regions=regions,
            root_uri=root_uri,
            everything=everything,
        )

    def to_junit(self, language: Language | str = Language.EN) -> str:
        """JUnit XML, for CI test reports: a test case per finding."""
        return _formats.to_junit(self, language)

    def to_csv(self, language: Language | str = Language.EN) -> str:
        """CSV for spreadsheets: a header row, then a row per finding."""
        return _formats.to_csv(self, language)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)
