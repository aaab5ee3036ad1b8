"""A starting mapping file guessed from a survey tool's export (``clac network survey-mapping``).

The layout from the headers (SurveyMonkey's ``Respondent ID``, KoboToolbox's ``_index`` or a
sheet with ``_parent_index``, else Google Forms); the respondent column from its words
(organization, institution, respondent … in EN/ES/PT); the timestamp column and the rounds (the
first day of each group of response dates, groups more than 60 days apart); each question's
measure from its words; and the partner names that match no organization by themselves, with
the closest one filled in and marked for checking. Everything guessed is to be read through:
the text says so.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Final

from clac.io._survey_export import (
    _TIMESTAMPS,
    _csv_rows,
    _date_parts,
    _Table,
    _table,
    _to_date,
    _xlsx_sheets,
    charter_names,
)
from clac.io._survey_mapping import MEASURES, Layout
from clac.io._survey_words import NameIndex, normalise
from clac.registry import Coalition

__all__ = ["guess_mapping"]

# Words that place a question (normalised; the first measure not yet placed whose words the
# question holds wins, so "which resources" comes before "resources").
_GUESSES: Final = (
    ("frequency", ("frecuencia", "frequency", "frequencia", "how often")),
    ("collaboration", ("colaboracion", "collaborat", "colaboracao", "closely", "estrech")),
    ("trust_reliable", ("confiable", "reliab", "confiavel", "fiable")),
    ("trust_mission", ("mision", "mission", "missao")),
    ("trust_open", ("dialogo", "discussion", "abiert", "aberta", "open")),
    ("value_influence", ("influencia", "influence", "poder", "power")),
    ("value_involvement", ("participa", "involve", "envolv")),
    ("resources", ("que recursos", "which resources", "what resources", "recursos aporta su")),
    ("value_resources", ("recursos", "resources", "contribu")),
    ("goals", ("metas", "goals", "objetivos")),
)
_RESPONDENT_WORDS: Final = ("organiza", "respondent", "institu", "entidad")
_PARTNER_WORDS: Final = ("partner", "socio", "parceir", "organiza")
_ROUND_GAP_DAYS: Final = 60
_SURVEYMONKEY_META: Final = frozenset(
    normalise(h)
    for h in (
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    )
)


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _place(questions: Iterable[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    """(measure -> header, headers not placed) for (header, words to read) pairs."""
    placed: dict[str, str] = {}
    unplaced: list[str] = []
    for header, words in questions:
        key = normalise(words)
        measure = next(
            (m for m in MEASURES if m not in placed and key == normalise(m)),
            next(
                (m for m, w in _GUESSES if m not in placed and any(x in key for x in w)),
                None,
            ),
        )
        if measure is None:
            unplaced.append(header)
        else:
            placed[measure] = header
    return placed, unplaced


def _rounds(table: _Table, column: int) -> list[date]:
    days = sorted(
        {
            day
            for _, cells in table.rows
            if (parts := _date_parts(cells[column]))
            and (day := _to_date(parts, False) or _to_date(parts, True))
        }
    )
    return [d for i, d in enumerate(days) if i == 0 or (d - days[i - 1]).days > _ROUND_GAP_DAYS]


def _last(header: str) -> str:
    return header.rsplit("/", 1)[-1]


def _first(headers: Sequence[str], words: Sequence[str]) -> str | None:
    return next((h for h in headers if any(w in normalise(_last(h)) for w in words)), None)


def _round_lines(table: _Table, plain: Sequence[str]) -> list[str]:
    stamps = [q for q in plain if normalise(q) in _TIMESTAMPS]
    stamp = next((q for q in stamps if normalise(q) == "end date"), stamps[0] if stamps else None)
    if stamp is None:
        return ["round:", "  date: YYYY-MM-DD   # CHECK: the round of every row"]
    column = [q for q, _ in table.columns].index(stamp)
    listed = ", ".join(d.isoformat() for d in _rounds(table, column))
    return [
        "round:",
        f"  column: {_quoted(stamp)}",
        f"  rounds: [{listed}]   # CHECK: each round's date (each response goes to the last "
        "round on or before its date)",
    ]


def _names_lines(names: Iterable[str], index: NameIndex) -> list[str]:
    lines: list[str] = []
    for name in dict.fromkeys(n for n in names if n and index.find(n) is None):
        close = index.suggest(name)
        found = index.find(close[0]) if close else None
        lines.append(
            f"  {_quoted(name)}: {found}   # CHECK: the closest organization, {close[0]!r}"
            if found
            else f"  # {_quoted(name)}: organization-id   # no organization is close"
        )
    return ["names:", *lines] if lines else []


def _question_lines(placed: dict[str, str], unplaced: Sequence[str]) -> list[str]:
    return [
        "questions:",
        *(f"  {m}: {_quoted(q)}" for m, q in placed.items()),
        *(
            f"  # ?: {_quoted(q)}   # not placed: name its measure, or leave it out"
            for q in unplaced
        ),
    ]


def guess_mapping(
    export: str | os.PathLike[str], coalition: Coalition, *, max_size: int | None = None
) -> str:
    """A starting mapping file (YAML text) for ``export`` (CSV or XLSX), guessed from its
    headers and the organizations of ``coalition``: read it through before use
    (``docs/survey.md``)."""
    path = Path(export)
    source = os.fspath(export)
    repeat_file = None
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        sheets = _xlsx_sheets(path, max_size)
    else:
        sheets = {path.stem: _csv_rows(path, max_size)}
        beside = _repeat_beside(path)
        if beside is not None and "index" in {normalise(c) for c in sheets[path.stem][0][1]}:
            repeat_file = beside.name
            sheets[beside.stem] = _csv_rows(beside, max_size)
    names = list(sheets)
    first = [normalise(c) for c in sheets[names[0]][0][1]]
    repeat = next(
        (n for n in names[1:] if "parent index" in {normalise(c) for c in sheets[n][0][1]}),
        None,
    )
    if "respondent id" in first:
        layout = Layout.SURVEYMONKEY
    elif repeat is not None or "index" in first or "submission time" in first:
        layout = Layout.KOBO
    else:
        layout = Layout.GOOGLE_FORMS
    table = _table(sheets[names[0]], layout, source)
    plain = [q for q, r in table.columns if r is None and q]
    index = NameIndex(
        ((o.id, o.name) for o in coalition.organizations), also=charter_names(coalition)
    )
    head = [
        f"# clac survey mapping guessed from {path.name}: CHECK every line (docs/survey.md)",
        f"layout: {layout.value}",
    ]
    if layout is Layout.KOBO:
        lines = _kobo_lines(
            table, plain, sheets=sheets, repeat=repeat, index=index, repeat_file=repeat_file
        )
        return "\n".join(head + lines) + "\n"
    asked = [q for q in plain if normalise(q) not in _TIMESTAMPS | _SURVEYMONKEY_META]
    who = _first(asked, _RESPONDENT_WORDS)
    grids = dict.fromkeys(q for q, r in table.columns if r is not None)
    placed, unplaced = _place((q, q) for q in grids)
    partners = [r for _, r in table.columns if r is not None]
    lines = [
        *head,
        f"respondent: {_quoted(who)}"
        if who
        else 'respondent: ""   # CHECK: the column naming the responding organization',
        *_round_lines(table, plain),
        *_question_lines(placed, unplaced),
        *_names_lines(partners, index),
    ]
    meta = [q for q in plain if normalise(q) in _SURVEYMONKEY_META - {"end date"}]
    if layout is Layout.SURVEYMONKEY and meta:
        lines.append(f"ignore: [{', '.join(_quoted(q) for q in meta)}]")
    return "\n".join(lines) + "\n"


def _repeat_beside(path: Path) -> Path | None:
    """A CSV file beside ``path`` whose header has ``_parent_index``: a KoboToolbox export's
    repeat group saved as CSV (the first 50 files looked at)."""
    for number, other in enumerate(sorted(path.parent.glob("*.csv"))):
        if number >= 50:  # a folder of exports, not a data lake
            break
        if other == path:
            continue
        try:
            with other.open(encoding="utf-8-sig") as file:
                header = file.readline(10_000)
        except (OSError, UnicodeDecodeError):
            continue
        if "_parent_index" in header:
            return other
    return None


def _kobo_lines(
    main: _Table,
    plain: Sequence[str],
    *,
    sheets: dict[str, list[tuple[int, list[str]]]],
    repeat: str | None,
    index: NameIndex,
    repeat_file: str | None,
) -> list[str]:
    asked = [q for q in plain if not q.startswith("_") and normalise(q) not in _TIMESTAMPS]
    who = _first(asked, _RESPONDENT_WORDS)
    lines = [
        f"respondent: {_quoted(_last(who))}"
        if who
        else 'respondent: ""   # CHECK: the question naming the responding organization',
        *_round_lines(main, plain),
    ]
    if repeat is None:
        return [
            *lines,
            "repeat: partners   # CHECK: the repeat group of the partners",
            "repeat_file: partners.csv   # CHECK: its sheet saved as CSV, beside the export",
            'partner: ""   # CHECK: the repeat group\'s question naming the partner',
            "questions:   # CHECK: the repeat group's question names",
            *(f"  # {m}: ?" for m in MEASURES),
        ]
    table = _table(sheets[repeat], Layout.KOBO, repeat)
    headers = [q for q, _ in table.columns if q and not q.startswith("_")]
    partner = _first(headers, _PARTNER_WORDS)
    rest = [h for h in headers if h != partner]
    rest = [h for h in rest if not any(h.startswith(f"{o}/") for o in rest)]
    placed, unplaced = _place((_last(h), _last(h)) for h in rest)
    column = [q for q, _ in table.columns].index(partner) if partner else None
    partners = [cells[column] for _, cells in table.rows] if column is not None else []
    group = partner.rsplit("/", 1)[0] if partner and "/" in partner else repeat
    return [
        *lines,
        f"repeat: {_quoted(group)}",
        *([f"repeat_file: {_quoted(repeat_file)}"] if repeat_file else []),
        f"partner: {_quoted(_last(partner))}"
        if partner
        else 'partner: ""   # CHECK: the question naming the partner',
        *_question_lines(placed, unplaced),
        *_names_lines(partners, index),
    ]
