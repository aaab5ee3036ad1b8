"""A partnership survey's analysis as text or Markdown, in English, Spanish or Portuguese.

Every figure shown is an aggregate: measures per round, scores each organization received
from at least the anonymity threshold of respondents, counts of ties. Text from the registry
(the coalition's name, organization ids) is escaped for the terminal in the text form and for
Markdown in the Markdown form (:mod:`clac._escape`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from clac._escape import markdown, terminal
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.network._survey import Partnership, RoundChange, SurveyRound

__all__ = ["MEASURES", "SUPPRESSED", "to_markdown", "to_text"]

#: What a score below the anonymity threshold shows instead of a number.
SUPPRESSED: Final = "suppressed"

#: The measures of a round, in the order tables show them.
MEASURES: Final = (
    "invited",
    "respondents",
    "response_rate",
    "ties",
    "density",
    "degree_centralization",
    "reciprocity",
    "trust",
    "value",
)

_LABELS: dict[str, Text] = {
    "title": Text("Partnership survey", "Encuesta de colaboración", pt="Pesquisa de parcerias"),
    "round": Text("Round", "Ronda", pt="Rodada"),
    "invited": Text("invited", "invitadas", pt="convidadas"),
    "respondents": Text("respondents", "respondieron", pt="responderam"),
    "response_rate": Text("response rate", "tasa de respuesta", pt="taxa de resposta"),
    "ties": Text("ties", "vínculos", pt="vínculos"),
    "density": Text("density", "densidad", pt="densidade"),
    "degree_centralization": Text(
        "degree centralization", "centralización de grado", pt="centralização de grau"
    ),
    "reciprocity": Text("reciprocity", "reciprocidad", pt="reciprocidade"),
    "trust": Text("trust (% of 4)", "confianza (% de 4)", pt="confiança (% de 4)"),
    "value": Text("value (% of 4)", "valor (% de 4)", pt="valor (% de 4)"),
    "received": Text(
        "received trust / value", "confianza / valor recibidos", pt="confiança / valor recebidos"
    ),
    "organization": Text("organization", "organización", pt="organização"),
    "hidden": Text(SUPPRESSED, "suprimido", pt="suprimido"),
    "suppressed": Text(
        "suppressed (fewer than {n} respondents)",
        "suprimido (menos de {n} respuestas)",
        pt="suprimido (menos de {n} respostas)",
    ),
    "goals_without": Text(
        "policy goals without ties",
        "objetivos de política sin vínculos",
        pt="objetivos de política sem vínculos",
    ),
    "goals": Text("ties per policy goal", "vínculos por objetivo", pt="vínculos por objetivo"),
    "groups": Text(
        "ties within working groups",
        "vínculos dentro de los grupos de trabajo",
        pt="vínculos nos grupos de trabalho",
    ),
    "resources": Text("resources by kind", "recursos por tipo", pt="recursos por tipo"),
    "excluded": Text(
        "reported ties naming an organization not invited in the round (not in the density)",
        "vínculos que nombran una organización no invitada en la ronda (fuera de la densidad)",
        pt="vínculos que citam uma organização não convidada na rodada (fora da densidade)",
    ),
    "change": Text("Change", "Cambio", pt="Mudança"),
    "new": Text("new ties", "vínculos nuevos", pt="vínculos novos"),
    "lost": Text("lost ties", "vínculos perdidos", pt="vínculos perdidos"),
    "strengthened": Text("strengthened", "fortalecidos", pt="fortalecidos"),
    "weakened": Text("weakened", "debilitados", pt="enfraquecidos"),
    "closer": Text(
        "the coalition is growing closer",
        "la coalición se está acercando",
        pt="a coalizão está se aproximando",
    ),
    "apart": Text(
        "the coalition is drifting apart",
        "la coalición se está distanciando",
        pt="a coalizão está se afastando",
    ),
    "steady": Text("ties are steady", "los vínculos se mantienen", pt="os vínculos se mantêm"),
    "none": Text("no survey rounds", "ninguna ronda de encuesta", pt="nenhuma rodada de pesquisa"),
    "measure": Text("measure", "medida", pt="medida"),
    "before": Text("before", "antes", pt="antes"),
    "after": Text("after", "después", pt="depois"),
}


def _t(key: str, lang: Language) -> str:
    return _LABELS[key].in_(lang)


def _number(value: float | int | str | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _measure(round_: SurveyRound, name: str, lang: Language) -> str:
    value = round_.measure(name)
    if name in {"trust", "value"}:
        return _t("hidden", lang) if value is None else f"{value:.1f}"
    if name == "response_rate" and value is not None:
        return f"{value:.0%}"
    return _number(value)


def _signed(value: float | int | None, name: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:+d}"
    return f"{value:+.1f}" if name in {"trust", "value"} else f"{value:+.3f}"


def _received(round_: SurveyRound, lang: Language) -> list[tuple[str, str, str]]:
    def score(value: float | None) -> str:
        return _t("hidden", lang) if value is None else f"{value:.1f}"

    return [(r.organization, score(r.trust), score(r.value)) for r in round_.received]


def _change_line(change: RoundChange, lang: Language) -> list[str]:
    head = (
        f"{_t('change', lang)} {change.before.round.isoformat()} → "
        f"{change.after.round.isoformat()}: {_t(change.direction, lang)}"
    )
    ties = ", ".join(
        f"{_t(key, lang)} {len(getattr(change, key))}"
        for key in ("new", "lost", "strengthened", "weakened")
    )
    measures = ", ".join(
        f"{_t(name, lang)} {_signed(change.change(name), name)}" for name in MEASURES
    )
    return [head, f"  {ties}", f"  {measures}"]


def _charter_lines(round_: SurveyRound, lang: Language) -> list[tuple[str, str]]:
    """Ties within working groups and per policy goal, goals without ties, resources."""
    groups = ", ".join(
        f"{w.working_group} {w.ties} ({w.density:.2f})" for w in round_.working_groups
    )
    goals = ", ".join(f"{g.goal} {g.ties}" for g in round_.goals if g.ties)
    resources = ", ".join(f"{kind.value} {n}" for kind, n in round_.resources.items() if n)
    return [
        (_t("groups", lang), groups or "—"),
        (_t("goals", lang), goals or "—"),
        (_t("goals_without", lang), ", ".join(round_.goals_without_ties) or "—"),
        (_t("resources", lang), resources or "—"),
    ]


def to_text(partnership: Partnership, lang: Language | str = Language.EN) -> str:
    """The analysis as plain text: one block per round, then the changes."""
    lang = Language.parse(lang)
    lines = [f"{_t('title', lang)}: {terminal(partnership.name)}"]
    if not partnership.rounds:
        lines.append(f"  {_t('none', lang)}")
    for r in partnership.rounds:
        lines.append(f"{_t('round', lang)} {r.round.isoformat()}")
        lines.extend(f"  {_t(name, lang)}: {_measure(r, name, lang)}" for name in MEASURES)
        lines.append(f"  {_t('received', lang)}:")
        lines.extend(f"    {org}: {trust} / {value}" for org, trust, value in _received(r, lang))
        lines.extend(f"  {label}: {text}" for label, text in _charter_lines(r, lang))
        if r.beyond_invited:
            lines.append(f"  {_t('excluded', lang)}: {r.beyond_invited}")
    for change in partnership.changes:
        lines.extend(_change_line(change, lang))
    lines.append(_t("suppressed", lang).format(n=partnership.threshold))
    return "\n".join(lines)


_escape = markdown


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [
        "| " + " | ".join(_escape(h) for h in head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(_escape(c) for c in row) + " |" for row in rows),
    ]


def to_markdown(partnership: Partnership, lang: Language | str = Language.EN) -> str:
    """The analysis as Markdown: a table of measures by round, then one table per round of
    received scores, then the changes."""
    lang = Language.parse(lang)
    lines = [f"# {_t('title', lang)}: {_escape(partnership.name)}", ""]
    if not partnership.rounds:
        return "\n".join([*lines, _t("none", lang), ""])
    lines += _table(
        [_t("measure", lang), *(r.round.isoformat() for r in partnership.rounds)],
        [
            [_t(name, lang), *(_measure(r, name, lang) for r in partnership.rounds)]
            for name in MEASURES
        ],
    )
    for r in partnership.rounds:
        lines += ["", f"## {_t('round', lang)} {r.round.isoformat()}", ""]
        lines += _table(
            [_t("organization", lang), _t("trust", lang), _t("value", lang)], _received(r, lang)
        )
        lines.append("")
        lines.extend(f"- {label}: {_escape(text)}" for label, text in _charter_lines(r, lang))
    for change in partnership.changes:
        head, ties, measures = _change_line(change, lang)
        lines += ["", f"## {_escape(head)}", "", f"- {_escape(ties.strip())}"]
        lines += [f"- {_escape(measures.strip())}"]
    lines += ["", _escape(_t("suppressed", lang).format(n=partnership.threshold)), ""]
    return "\n".join(lines)
