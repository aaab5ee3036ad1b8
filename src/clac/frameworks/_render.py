"""The gap analyses as Markdown (for the terminal and files) and HTML (for Jupyter), in EN/ES/PT.

Every rendering states the framework's source, labels the sector and goal mappings as clac's
interpretation, and opens with a warning when any figure rests on illustrative evidence.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from clac._escape import markdown
from clac._labels import WORDS
from clac.countries import country_name
from clac.frameworks._goals import INTERPRETATION
from clac.frameworks._heatmap import OUTCOME_COLOURS, OUTCOME_SYMBOLS
from clac.model import Outcome
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.frameworks._matrix import RegionalMatrix
    from clac.frameworks._thin import ThinSpots
    from clac.frameworks._trends import Trend

__all__ = ["gaps_markdown", "matrix_html", "matrix_markdown", "thin_markdown", "trend_markdown"]

_T = {
    "matrix": Text("Regional matrix", "Matriz regional", pt="Matriz regional"),
    "as_of": Text("as of {day}", "al {day}", pt="em {day}"),
    "source": WORDS["source"],
    "country": WORDS["country"],
    "verdict": Text("Verdict", "Veredicto", pt="Veredito"),
    "per_item": Text(
        "Countries per outcome, by item",
        "Países por resultado, por ítem",
        pt="Países por resultado, por item",
    ),
    "item": WORDS["item"],
    "legend": Text("Legend", "Leyenda", pt="Legenda"),
    "illustrative": Text(
        "**Illustrative data**: these assessments are made up for the demonstration and say "
        "nothing about any real country's law or capabilities.",
        "**Datos ilustrativos**: estas evaluaciones se inventaron para la demostración y no "
        "dicen nada de la legislación ni de las capacidades de ningún país real.",
        pt="**Dados ilustrativos**: estas avaliações foram inventadas para a demonstração e não "
        "dizem nada sobre a legislação nem sobre as capacidades de nenhum país real.",
    ),
    "thin": Text(
        "Thin spots: gaps with no national member of a needed sector",
        "Puntos débiles: brechas sin un miembro nacional del sector necesario",
        pt="Pontos fracos: lacunas sem membro nacional do setor necessário",
    ),
    "none_thin": Text(
        "No thin spots: no known gap lacks a national member of a needed sector (an item with "
        "no data is no known gap).",
        "Sin puntos débiles: ninguna brecha conocida carece de un miembro nacional de un sector "
        "necesario (un ítem sin datos no es una brecha conocida).",
        pt="Sem pontos fracos: nenhuma lacuna conhecida carece de um membro nacional de um setor "
        "necessário (um item sem dados não é uma lacuna conhecida).",
    ),
    "outcome": WORDS["outcome"],
    "needs": Text("Sectors needed", "Sectores necesarios", pt="Setores necessários"),
    "regional": Text(
        "Regional members there", "Miembros regionales presentes", pt="Membros regionais presentes"
    ),
    "sectors_note": Text(
        "Which sectors carry an item is {interpretation}.",
        "Qué sectores asumen cada ítem es {interpretation}.",
        pt="Quais setores assumem cada item é {interpretation}.",
    ),
    "trend": Text(
        "Changes from {start} to {end}",
        "Cambios del {start} al {end}",
        pt="Mudanças de {start} a {end}",
    ),
    "none_changed": Text(
        "Nothing changed in this period.",
        "Nada cambió en este periodo.",
        pt="Nada mudou neste período.",
    ),
    "date": WORDS["date"],
    "change": Text("Change", "Cambio", pt="Mudança"),
    "preceded": Text("Preceded by", "Precedido por", pt="Precedido por"),
    "evidence": WORDS["evidence"],
    "confidence": Text("confidence: {level}", "confianza: {level}", pt="confiança: {level}"),
    "reported": Text(
        "quarterly report of {group}, {period}",
        "informe trimestral de {group}, {period}",
        pt="relatório trimestral de {group}, {period}",
    ),
    "cites": Text("cites this item", "cita este ítem", pt="cita este item"),
    "goals_note": Text(
        "Precursors are linked to items through the policy goals, {interpretation}; they "
        "preceded a change and are not shown to have caused it.",
        "Los precedentes se vinculan a los ítems mediante los objetivos de política, "
        "{interpretation}; precedieron un cambio y no se afirma que lo causaran.",
        pt="Os precedentes se vinculam aos itens pelos objetivos de política, "
        "{interpretation}; precederam uma mudança e não se afirma que a tenham causado.",
    ),
}

_KIND = {
    "activity": Text("activity", "actividad", pt="atividade"),
    "policy": Text("policy", "política", pt="política"),
    "legislative-advance": Text(
        "legislative advance", "avance legislativo", pt="avanço legislativo"
    ),
}


_T["shipped"] = Text(
    "Treaty facts shipped with clac (source, day read, confidence)",
    "Datos de tratados incluidos en clac (fuente, día de consulta, confianza)",
    pt="Dados de tratados incluídos no clac (fonte, dia de consulta, confiança)",
)
_T["disagree"] = Text(
    "Sources disagree on: {cells}.",
    "Las fuentes discrepan en: {cells}.",
    pt="As fontes divergem em: {cells}.",
)
_T["shipped-cells"] = Text(
    "Cells resting on them: {count}; entry into force derived from the treaty's rule: "
    "{derived}; sources that disagree: {conflicts}. A registry's own assessment of a country "
    "and item replaces them.",
    "Celdas basadas en ellos: {count}; entrada en vigor derivada de la regla del tratado: "
    "{derived}; fuentes discrepantes: {conflicts}. La evaluación propia de un registro para un "
    "país e ítem los reemplaza.",
    pt="Células baseadas neles: {count}; entrada em vigor derivada da regra do tratado: "
    "{derived}; fontes divergentes: {conflicts}. A avaliação própria de um registro para um "
    "país e item os substitui.",
)


def evidence_rows(grid: RegionalMatrix) -> list[dict[str, object]]:
    """Every cell's deciding evidence as plain data: country, item, outcome, date, source,
    confidence, whether clac ships it, derived it or its sources disagree, its note and every
    source of a shipped fact (URL, day read, confidence)."""
    rows: list[dict[str, object]] = []
    for cell in grid.cells:
        e = cell.evidence
        if e is None:
            continue
        rows.append(
            {
                "country": e.country,
                "item": e.item,
                "outcome": e.outcome.value,
                "date": str(e.date) if not isinstance(e.date, date) else e.date.isoformat(),
                "source": e.source,
                "confidence": None if e.confidence is None else e.confidence.value,
                "illustrative": e.illustrative,
                "shipped": e.shipped,
                "derived": e.derived,
                "conflict": e.conflict,
                "note": e.note,
                "sources": [
                    {"url": url, "retrieved": day.isoformat(), "confidence": level.value}
                    for url, day, level in e.sources
                ],
            }
        )
    return rows


def _link(url: str) -> str:
    # An autolink takes the URL as it is (no backslash escapes inside); anything that could
    # break out of one is shown as escaped text instead.
    if url.startswith(("https://", "http://")) and not any(c in url for c in "<> \t\r\n`"):
        return f"<{url}>"
    return _escape(url)


def _shipped_section(grid: RegionalMatrix, lang: Language) -> list[str]:
    shipped = [c.evidence for c in grid.cells if c.evidence is not None and c.evidence.shipped]
    if not shipped:
        return []
    sources = dict.fromkeys(s for e in shipped for s in e.sources)
    lines = ["", f"### {_t('shipped', lang)}", ""]
    lines += [
        f"- {_link(url)} ({day.isoformat()}; {level.label.in_(lang)})"
        for url, day, level in sources
    ]
    derived = sum(1 for e in shipped if e.derived)
    conflicts = sum(1 for e in shipped if e.conflict)
    lines += [
        "",
        _t("shipped-cells", lang, count=len(shipped), derived=derived, conflicts=conflicts),
    ]
    return lines


def _t(key: str, lang: Language, **values: object) -> str:
    text = _T[key]
    return (text.format(**values) if values else text).in_(lang)


def _country(code: str, lang: Language) -> str:
    return f"{country_name(code).in_(lang)} ({code})"


_escape = markdown  # the Markdown escaper every output of clac shares


def _header(grid: RegionalMatrix | ThinSpots | Trend, lang: Language) -> list[str]:
    framework = grid.framework
    lines = [f"_{_t('source', lang)}: {framework.source}_", ""]
    if grid.illustrative:
        lines[:0] = [f"> {_t('illustrative', lang)}", ""]
    return lines


def matrix_markdown(grid: RegionalMatrix, language: Language | str = Language.EN) -> str:
    """The matrix as a Markdown table, with per-item counts and a legend."""
    lang = Language.parse(language)
    framework = grid.framework
    day = grid.as_of.isoformat()
    lines = [
        f"## {_t('matrix', lang)}: {framework.short_name.in_(lang)} ({_t('as_of', lang, day=day)})",
        "",
        *_header(grid, lang),
    ]
    numbers = [str(i) for i in range(1, len(framework.items) + 1)]
    head = [_t("country", lang), *numbers, "✓", "◐", "✗", "?"]
    if framework.sufficiency is not None:
        head.append(_t("verdict", lang))
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "|".join([":--", *[":-:"] * (len(head) - 1)]) + "|")
    for country in grid.countries:
        counts = grid.country_counts(country)
        cells = [OUTCOME_SYMBOLS[c.outcome] for c in grid.row(country)]
        row = [
            _escape(_country(country, lang)),
            *cells,
            str(counts.met),
            str(counts.partly_met),
            str(counts.not_met),
            str(counts.unknown),
        ]
        verdict = grid.verdict(country)
        if verdict is not None:
            row.append(verdict.label.in_(lang))
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f"### {_t('per_item', lang)}", ""]
    lines.append(f"| # | {_t('item', lang)} | ✓ | ◐ | ✗ | ? |")
    lines.append("|--:|:--|--:|--:|--:|--:|")
    for number, item in zip(numbers, framework.items, strict=True):
        counts = grid.item_counts(item.id)
        ref, name = item.ref.in_(lang), item.label.in_(lang)
        # A treaty's items are named by their reference alone ("Signed"): say it once.
        label = name if ref == name else f"{ref}: {name}"
        lines.append(
            f"| {number} | {_escape(label)} | {counts.met} | {counts.partly_met} | "
            f"{counts.not_met} | {counts.unknown} |"
        )
    legend = ", ".join(f"{OUTCOME_SYMBOLS[o]} {o.label.in_(lang)}" for o in Outcome)
    lines += ["", f"{_t('legend', lang)}: {legend}."]
    if framework.sufficiency is not None:
        lines += ["", framework.sufficiency.rationale.in_(lang)]
    lines += _shipped_section(grid, lang)
    disagreeing = [
        f"{_escape(_country(c.country, lang))} {c.item}"
        for c in grid.cells
        if c.evidence is not None and c.evidence.conflict
    ]
    if disagreeing:
        lines += ["", _t("disagree", lang, cells=", ".join(disagreeing))]
    return "\n".join(lines) + "\n"


def thin_markdown(spots: ThinSpots, language: Language | str = Language.EN) -> str:
    """The thin spots as a Markdown table."""
    lang = Language.parse(language)
    framework = spots.framework
    lines = [
        f"## {_t('thin', lang)} ({framework.short_name.in_(lang)}, "
        f"{_t('as_of', lang, day=spots.as_of.isoformat())})",
        "",
        *_header(spots, lang),
    ]
    if not spots.spots:
        lines.append(_t("none_thin", lang))
    else:
        lines.append(
            f"| {_t('country', lang)} | {_t('item', lang)} | {_t('outcome', lang)} | "
            f"{_t('needs', lang)} | {_t('regional', lang)} |"
        )
        lines.append("|:--|:--|:--|:--|:--|")
        for s in spots.spots:
            item = framework.item(s.item)
            needs = ", ".join(x.label.in_(lang) for x in s.sectors)
            lines.append(
                f"| {_escape(_country(s.country, lang))} | {_escape(item.label.in_(lang))} | "
                f"{s.outcome.label.in_(lang)} | {_escape(needs)} | {', '.join(s.regional) or '—'} |"
            )
    interpretation = INTERPRETATION.in_(lang)
    lines += ["", _t("sectors_note", lang, interpretation=interpretation)]
    return "\n".join(lines) + "\n"


def trend_markdown(trend: Trend, language: Language | str = Language.EN) -> str:
    """The changes of a trend as a Markdown table, each with its precursors."""
    lang = Language.parse(language)
    framework = trend.framework
    lines = [
        f"## {_t('trend', lang, start=trend.start.isoformat(), end=trend.end.isoformat())} "
        f"({framework.short_name.in_(lang)})",
        "",
        *_header(trend, lang),
    ]
    if not trend.changes:
        lines.append(_t("none_changed", lang))
    else:
        lines.append(
            f"| {_t('date', lang)} | {_t('country', lang)} | {_t('item', lang)} | "
            f"{_t('change', lang)} | {_t('evidence', lang)} | {_t('preceded', lang)} |"
        )
        lines.append("|:--|:--|:--|:--|:--|:--|")
        for c in trend.changes:
            item = framework.item(c.item)
            move = (
                f"{c.before.label.in_(lang)} → {c.after.label.in_(lang)} "
                f"({c.direction.label.in_(lang)})"
            )
            before = "; ".join(
                f"{_KIND[p.kind.value].in_(lang)} ({p.working_group} {p.year}-Q{p.quarter}"
                f"{', ' + _t('cites', lang) if p.cites_item else ''}): {p.description}"
                for p in c.preceded_by
            )
            source = c.evidence.source
            if c.evidence.report is not None:
                group, year, quarter = c.evidence.report
                where = _t("reported", lang, group=group, period=f"{year}-Q{quarter}")
                source = f"{source} ({where})"
            if c.evidence.confidence is not None:
                level = c.evidence.confidence.label.in_(lang)
                source = f"{source} ({_t('confidence', lang, level=level)})"
            lines.append(
                f"| {c.date.isoformat()} | {_escape(_country(c.country, lang))} | "
                f"{_escape(item.label.in_(lang))} | {move} | {_escape(source)} | "
                f"{_escape(before) or '—'} |"
            )
    interpretation = INTERPRETATION.in_(lang)
    lines += ["", _t("goals_note", lang, interpretation=interpretation)]
    return "\n".join(lines) + "\n"


def gaps_markdown(
    grid: RegionalMatrix,
    spots: ThinSpots,
    trend: Trend | None = None,
    language: Language | str = Language.EN,
) -> str:
    """The matrix, the thin spots and (optionally) the trend, as one Markdown document."""
    parts = [matrix_markdown(grid, language), thin_markdown(spots, language)]
    if trend is not None:
        parts.append(trend_markdown(trend, language))
    return "\n".join(parts)


def matrix_html(grid: RegionalMatrix, language: Language | str = Language.EN) -> str:
    """The matrix as an HTML table with coloured cells (Jupyter's rich display)."""
    lang = Language.parse(language)
    framework = grid.framework
    esc = html.escape
    head = "".join(
        f'<th title="{esc(item.description.in_(lang))}">{esc(item.label.in_(lang))}</th>'
        for item in framework.items
    )
    verdict_head = (
        f"<th>{esc(_t('verdict', lang))}</th>" if framework.sufficiency is not None else ""
    )
    rows = []
    for country in grid.countries:
        cells = "".join(
            f'<td style="background:{OUTCOME_COLOURS[c.outcome]};text-align:center" '
            f'title="{esc(c.outcome.label.in_(lang))}">{OUTCOME_SYMBOLS[c.outcome]}</td>'
            for c in grid.row(country)
        )
        verdict = grid.verdict(country)
        verdict_cell = f"<td>{esc(verdict.label.in_(lang))}</td>" if verdict is not None else ""
        rows.append(f"<tr><th>{esc(_country(country, lang))}</th>{cells}{verdict_cell}</tr>")
    warning = (
        f'<p style="color:#B00020"><b>{esc(_t("illustrative", lang).replace("**", ""))}</b></p>'
        if grid.illustrative
        else ""
    )
    title = (
        f"{esc(framework.name.in_(lang))} — {esc(_t('as_of', lang, day=grid.as_of.isoformat()))}"
    )
    return (
        f"<div><p><b>{title}</b></p>{warning}<table><thead><tr><th></th>{head}{verdict_head}"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p><i>{esc(_t('source', lang))}: {esc(str(framework.source))}</i></p></div>"
    )
