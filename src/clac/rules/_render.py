"""An :class:`Assessment` as text, Markdown, JSON or HTML, in English, Spanish or Portuguese.

Rendering returns strings; printing is the front end's job.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from clac._escape import markdown
from clac._labels import SEVERITIES, WORDS
from clac.rules._engine import Fact, Finding, Outcome, rank_key, severity_rank
from clac.rules._formats import to_dict
from clac.text import Language, Text, plural

if TYPE_CHECKING:
    from clac.rules._assessment import Assessment

__all__ = ["to_html", "to_json", "to_markdown", "to_text"]

_T = {
    "title": Text(
        "Assessment of {name} on {day} (charter v{version})",
        "Evaluación de {name} al {day} (carta v{version})",
        pt="Avaliação de {name} em {day} (carta v{version})",
    ),
    "by_subject": Text(
        "Findings by subject", "Hallazgos por sujeto", pt="Constatações por sujeito"
    ),
    "by_rule": Text("Findings by rule", "Hallazgos por regla", pt="Constatações por regra"),
    "rule": WORDS["rule"],
    "subject": WORDS["subject"],
    "outcome": WORDS["outcome"],
    "severity": WORDS["severity"],
    "message": WORDS["message"],
    "clause": WORDS["clause"],
    "evidence": WORDS["evidence"],
}

#: The note under a list of the findings that are not met: singular and plural.
_ONLY_ISSUES = (
    Text(
        "(showing findings that are not met; {count} met or not applicable finding hidden)",
        "(se muestran los hallazgos no cumplidos; {count} hallazgo cumplido o que no aplica "
        "se oculta)",
        pt="(mostrando constatações não cumpridas; {count} cumprida ou não aplicável oculta)",
    ),
    Text(
        "(showing findings that are not met; {count} met or not applicable findings hidden)",
        "(se muestran los hallazgos no cumplidos; {count} hallazgos cumplidos o "
        "que no aplican se ocultan)",
        pt="(mostrando constatações não cumpridas; {count} cumpridas ou não aplicáveis ocultas)",
    ),
)


_NOTEWORTHY = (Outcome.UNMET, Outcome.INSUFFICIENT_DATA, Outcome.ERROR)


def _noteworthy(assessment: Assessment, everything: bool) -> list[Finding]:
    found = (
        assessment.findings
        if everything
        else [f for f in assessment.findings if f.outcome in _NOTEWORTHY]
    )
    return severity_rank(found)


def _title(a: Assessment, lang: Language | str) -> str:
    return (
        _T["title"]
        .format(name=a.coalition, day=a.as_of.isoformat(), version=a.charter_version)
        .in_(lang)
    )


def _assumed(assumption: Text, lang: Language | str) -> str:
    """``clac's assumption: …`` in ``lang``: what a finding takes from clac, not the charter."""
    return f"[{WORDS['assumption'].in_(lang)}: {assumption.in_(lang)}]"


def _evidence(facts: Iterable[Fact]) -> str:
    return "; ".join(str(f) for f in facts)


def to_text(
    assessment: Assessment, language: Language | str = Language.EN, *, everything: bool = False
) -> str:
    """Plain text grouped by subject, then a summary line."""
    return "".join(text_chunks(assessment, language, everything=everything))


#: Lines per chunk of :func:`text_chunks`.
CHUNK_LINES = 4096


def text_chunks(
    assessment: Assessment, language: Language | str = Language.EN, *, everything: bool = False
) -> Iterator[str]:
    """:func:`to_text` in pieces of whole lines, each ending with a line break: ``clac check``
    writes them as they come, so the report of a large registry is never held whole."""
    lang = Language.parse(language)
    shown = (
        assessment.findings
        if everything
        else [f for f in assessment.findings if f.outcome in _NOTEWORTHY]
    )
    lines = [_title(assessment, lang), ""]
    grouped: dict[str, list[Finding]] = {}
    for f in shown:
        subject = str(f.subject)
        group = grouped.get(subject)
        if group is None:
            grouped[subject] = [f]
        else:
            group.append(f)
    # What repeats for every finding of a rule is rendered once per rule, and the parameters
    # once per rule too (an assessment of a large registry has a line pair per finding).
    heads: dict[str, tuple[str, str]] = {}
    parameters: dict[int, str] = {}
    outcomes = {o: o.label.in_(lang) for o in Outcome}
    for subject in sorted(grouped):
        if len(lines) >= CHUNK_LINES:
            yield "\n".join(lines) + "\n"
            lines = []
        lines.append(subject)
        group = grouped[subject]
        group.sort(key=rank_key)  # severity_rank's order, within one subject
        for f in group:
            head = heads.get(f.rule.id)
            if head is None:
                assumption = f.assumption
                head = heads[f.rule.id] = (
                    f"  {f.rule.id} [{SEVERITIES[f.rule.severity].in_(lang)}] ",
                    f"      {f.rule.clause.ref_in(lang)}"
                    + ("" if assumption is None else f" · {_assumed(assumption, lang)}"),
                )
            lines.append(f"{head[0]}{outcomes[f.outcome]}: {f.message.in_(lang)}")
            evidence = _evidence(f.evidence)
            if f.parameters:
                shared = parameters.get(id(f.parameters))
                if shared is None:
                    shared = parameters[id(f.parameters)] = _evidence(f.parameters)
                evidence = f"{evidence}; {shared}" if evidence else shared
            lines.append(f"{head[1]} · {evidence}" if evidence else head[1])
    if not everything:
        hidden = len(assessment.findings) - len(shown)
        lines += ["", plural(hidden, *_ONLY_ISSUES).in_(lang)]
    lines += ["", assessment.summary(lang)]
    yield "\n".join(lines) + "\n"


_md_cell = markdown  # every value escaped: registry and plugin text reads as plain text


def to_markdown(
    assessment: Assessment, language: Language | str = Language.EN, *, everything: bool = False
) -> str:
    """Markdown: a section per subject and a table per rule, then the summary."""
    lang = Language.parse(language)
    shown = _noteworthy(assessment, everything)
    out = [
        f"# {markdown(_title(assessment, lang))}",
        "",
        f"**{markdown(assessment.summary(lang))}**",
        "",
        f"## {_T['by_subject'].in_(lang)}",
        "",
    ]
    grouped: dict[str, list[Finding]] = {}
    for f in shown:
        grouped.setdefault(str(f.subject), []).append(f)
    head = [_T[k].in_(lang) for k in ("rule", "severity", "outcome", "message", "clause")]
    for subject in sorted(grouped):
        out += [
            f"### {markdown(subject)}",
            "",
            "| " + " | ".join(markdown(h) for h in head) + " |",
            "|" + "---|" * len(head),
        ]
        for f in grouped[subject]:
            cells = [
                f.rule.id,
                SEVERITIES[f.rule.severity].in_(lang),
                f.outcome.label.in_(lang),
                f.message.in_(lang),
                f.rule.clause.ref_in(lang)
                + ("" if f.assumption is None else f" {_assumed(f.assumption, lang)}"),
            ]
            out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        out.append("")
    out += [f"## {_T['by_rule'].in_(lang)}", ""]
    by_rule: dict[str, list[Finding]] = {}
    for f in shown:
        by_rule.setdefault(f.rule.id, []).append(f)
    for rule_id in sorted(by_rule):
        first = by_rule[rule_id][0].rule
        subjects = ", ".join(markdown(str(f.subject)) for f in by_rule[rule_id])
        out.append(f"- **{markdown(rule_id)}** {markdown(first.title.in_(lang))}: {subjects}")
    return "\n".join(out) + "\n"


def to_json(assessment: Assessment, language: Language | str = Language.EN) -> str:
    """Every finding as JSON (:meth:`Assessment.to_dict`), for tools; messages in ``language``."""
    return json.dumps(to_dict(assessment, language), ensure_ascii=False, indent=2) + "\n"


def to_html(
    assessment: Assessment, language: Language | str = Language.EN, *, everything: bool = False
) -> str:
    """An HTML table (Jupyter shows an Assessment with this)."""
    lang = Language.parse(language)
    shown = _noteworthy(assessment, everything)
    esc = html.escape
    head = "".join(
        f"<th>{esc(_T[k].in_(lang))}</th>"
        for k in ("subject", "rule", "severity", "outcome", "message")
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{esc(c)}</td>"
            for c in (
                str(f.subject),
                f.rule.id,
                SEVERITIES[f.rule.severity].in_(lang),
                f.outcome.label.in_(lang),
                f.message.in_(lang),
            )
        )
        + "</tr>"
        for f in shown
    )
    return (
        f"<div><strong>{esc(_title(assessment, lang))}</strong>"
        f"<p>{esc(assessment.summary(lang))}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
