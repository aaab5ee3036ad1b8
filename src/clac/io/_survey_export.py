"""Survey answers as survey tools export them: Google Forms, SurveyMonkey, KoboToolbox/ODK.

:func:`read_survey_export` reads an export (a CSV or XLSX file, a pandas DataFrame, or for
KoboToolbox a pair of them) with a mapping file (:mod:`clac.io._survey_mapping`) into clac's
:class:`~clac.survey.SurveyAnswer` values, the same as the long CSV would give:

- *Google Forms*: one row per response; a grid question is one column per partner, headed
  ``Question [Partner name]``; a ``Timestamp`` and often an ``Email Address`` column.
- *SurveyMonkey*: the same wide layout with two header rows (the question, carried over the
  blank cells of its block, then the partner or ``Response``).
- *KoboToolbox/ODK*: one row per submission in the main sheet, the partners in a repeat
  group's sheet (or CSV file) whose ``_parent_index`` is the main row's ``_index``.

Partner names (in headers or answers) and the respondent's answer are matched to the
registry's organizations by id or name, ignoring case and accents (and the mapping's
``names``); answer words are read in English, Spanish or Portuguese (and the mapping's
``answers``). A cell left empty is an unanswered question; a partner with no answer at all gives
no row. Columns the mapping does not name are ignored and listed in the result's notes; no
other value of theirs (an e-mail address, say) is read, kept or shown.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import attrs

from clac.errors import ClacError, CrossReferenceError, FileFormatError, Problem
from clac.io._files import read_bytes, read_utf8
from clac.io._survey import loads_survey
from clac.io._survey_mapping import Layout, RoundRule, SurveyMapping, load_mapping
from clac.io._survey_words import SCALES, NameIndex, normalise
from clac.registry import Coalition, survey_problems
from clac.survey import SurveyAnswer
from clac.text import Text

__all__ = ["SurveyImport", "read_survey_export", "read_survey_frame"]

_GRID: Final = re.compile(r"^(?P<question>.*?)\s*\[(?P<row>[^\[\]]*)\]\s*$")
_DATE: Final = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_LIST_SEPARATORS: Final = re.compile(r"[;,\n]")


@attrs.frozen
class SurveyImport:
    """What an export gave: the ``answers`` (as the long CSV would), the columns it ignored
    (not named by the mapping), and ``notes`` to show the person importing."""

    answers: tuple[SurveyAnswer, ...]
    ignored: tuple[str, ...] = ()
    notes: tuple[Text, ...] = ()


@attrs.frozen
class _Table:
    """A sheet: column headers as (question, row) pairs, and rows of text cells each with where
    it is (``FILE:LINE``)."""

    columns: tuple[tuple[str, str | None], ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    source: str
    header_where: str


# ----------------------------------------------------------------------------- reading cells


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN: pandas' empty cell  # noqa: PLR0124
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "" if text in {"nan", "NaT", "<NA>"} else text.strip()


def _csv_rows(path: Path, max_size: int | None) -> list[tuple[int, list[str]]]:
    source = os.fspath(path)
    text = read_utf8(path, max_size)
    if "\x00" in text:
        raise FileFormatError(
            Text("contains a NUL character: is it a binary file?", "contiene un carácter NUL"),
            value=source,
        )
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for row in reader:
            rows.append((start, [cell.strip() for cell in row]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileFormatError(f"is not valid CSV: {error}", value=source) from None
    if not rows:
        raise FileFormatError(
            Text("is empty (an export starts with a header row)", "está vacío"), value=source
        )
    return rows


def _xlsx_sheets(path: Path, max_size: int | None) -> dict[str, list[tuple[int, list[str]]]]:
    read_bytes(path, max_size)  # the size and access checks
    try:
        import openpyxl
    except ImportError:
        raise FileFormatError(
            Text(
                "is an XLSX workbook: reading one needs openpyxl (pip install 'clac[xlsx]'), "
                "or save each sheet as CSV",
                "es un libro XLSX: leerlo necesita openpyxl (pip install 'clac[xlsx]'), o "
                "guarde cada hoja como CSV",
                pt="é uma pasta XLSX: lê-la precisa de openpyxl (pip install 'clac[xlsx]'), ou "
                "salve cada planilha como CSV",
            ),
            value=os.fspath(path),
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - a damaged workbook is bad input
        raise FileFormatError(
            f"is not a readable XLSX workbook: {error}", value=os.fspath(path)
        ) from None
    try:
        return {
            sheet.title: [
                (number, [_cell_text(v) for v in row])
                for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
            ]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def _frame_rows(frame: Any) -> list[tuple[int, list[str]]]:
    """A DataFrame's rows as text cells, its header rows first, numbered as in a CSV file."""
    columns = list(frame.columns)
    levels = getattr(frame.columns, "nlevels", 1)
    if levels > 1:
        headers = [
            ["" if str(c[level]).startswith("Unnamed:") else _cell_text(c[level]) for c in columns]
            for level in range(levels)
        ]
    else:
        headers = [["" if str(c).startswith("Unnamed:") else _cell_text(c) for c in columns]]
    rows = [(i + 1, h) for i, h in enumerate(headers)]
    for offset, values in enumerate(frame.itertuples(index=False, name=None)):
        rows.append((len(headers) + offset + 1, [_cell_text(v) for v in values]))
    return rows


def _is_frame(value: Any) -> bool:
    return hasattr(value, "columns") and hasattr(value, "itertuples")


def _table(rows: Sequence[tuple[int, list[str]]], layout: Layout, source: str) -> _Table:
    if not rows:
        raise FileFormatError(Text("is empty", "está vacío"), value=source)
    width = max(len(cells) for _, cells in rows)
    padded = [(n, [*cells, *[""] * (width - len(cells))]) for n, cells in rows]
    if layout is Layout.SURVEYMONKEY:
        if len(padded) < 2:
            raise FileFormatError(
                Text(
                    "has fewer than the two header rows of a SurveyMonkey export",
                    "tiene menos de las dos filas de encabezado de una exportación de SurveyMonkey",
                ),
                value=source,
            )
        first, second = padded[0][1], padded[1][1]
        columns: list[tuple[str, str | None]] = []
        question = ""
        for top, sub in zip(first, second, strict=True):
            question = top or question
            row = sub if sub and sub not in _SM_PLAIN else None
            columns.append((question, row))
        body = padded[2:]
        where = f"{source}:{padded[0][0]}-{padded[1][0]}"
    else:
        columns = []
        for header in padded[0][1]:
            grid = _GRID.match(header)
            columns.append((grid["question"], grid["row"].strip()) if grid else (header, None))
        body = padded[1:]
        where = f"{source}:{padded[0][0]}"
    return _Table(
        columns=tuple(columns),
        rows=tuple((f"{source}:{n}", tuple(cells)) for n, cells in body if any(cells)),
        source=source,
        header_where=where,
    )


# SurveyMonkey's second header row for a question with one column: not a partner.
_SM_PLAIN: Final = frozenset(
    {
        "Response",
        "Open-Ended Response",
        "Respuesta",
        "Respuesta abierta",
        "Resposta",
        "Resposta aberta",
    }
)


# ----------------------------------------------------------------------------- dates and rounds


def _date_parts(text: str) -> tuple[int, int, int, bool] | None:
    """(a, b, year, year_first) of the first date in ``text``."""
    found = _DATE.search(text)
    if not found:
        return None
    one, two, three = found.groups()
    if len(one) == 4:
        return int(two), int(three), int(one), True
    year = int(three)
    return int(one), int(two), year + 2000 if year < 100 else year, False


def _to_date(parts: tuple[int, int, int, bool], day_first: bool) -> date | None:
    a, b, year, year_first = parts
    month, day = (a, b) if year_first or not day_first else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        return None


_NOT_A_ROUND_DATE = Text(
    "is not a date or timestamp (YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY)",
    "no es una fecha ni una marca temporal (AAAA-MM-DD, AAAA/MM/DD, DD/MM/AAAA o MM/DD/AAAA)",
    pt="não é uma data nem um carimbo de data/hora (AAAA-MM-DD, AAAA/MM/DD, DD/MM/AAAA ou "
    "MM/DD/AAAA)",
)


def _rounds_of(  # noqa: PLR0912 - one branch per way a round is found
    rule: RoundRule,
    cells: Sequence[tuple[str, str]],
    problems: list[Problem],
    month_first: bool = False,
) -> list[date | None]:
    """The round of each (where, cell) of the round column; ``month_first``: read dates that
    could be either way as month-first (SurveyMonkey's MM/DD/YYYY)."""
    if rule.date is not None:
        return [rule.date] * len(cells)
    column = rule.column or ""
    if rule.values:
        found: list[date | None] = []
        for where, cell in cells:
            day = rule.values.get(normalise(cell))
            if day is None:
                labels = ", ".join(sorted(rule.values))
                problems.append(
                    Problem(
                        Text(
                            f"is not one of the round values of the mapping ({labels})",
                            f"no es uno de los valores de ronda del mapeo ({labels})",
                        ),
                        path=f"{where}: {column}",
                        value=cell,
                    )
                )
            found.append(day)
        return found
    parts = [_date_parts(cell) for _, cell in cells]
    for (where, cell), part in zip(cells, parts, strict=True):
        if part is None:
            problems.append(Problem(_NOT_A_ROUND_DATE, path=f"{where}: {column}", value=cell))
    orders = [rule.day_first] if rule.day_first is not None else _possible_orders(parts)
    if month_first and orders == [False, True]:
        orders = [False]
    if not orders:
        problems.append(
            Problem(
                Text(
                    "holds dates both day-first and month-first: set round.day_first in the "
                    "mapping",
                    "tiene fechas con el día primero y con el mes primero: indique "
                    "round.day_first en el mapeo",
                ),
                path=cells[0][0].rsplit(":", 1)[0] + f": {column}",
                value=column,
            )
        )
        return [None] * len(cells)
    readings = [
        [_round_of(rule, None if p is None else _to_date(p, order)) for p in parts]
        for order in orders
    ]
    if any(reading != readings[0] for reading in readings[1:]):
        # The reading under which every dated response falls in a round, if only one does.
        whole = [
            (order, reading)
            for order, reading in zip(orders, readings, strict=True)
            if all(r is not None for r, p in zip(reading, parts, strict=True) if p is not None)
        ]
        if len(whole) == 1:
            orders, readings = [whole[0][0]], [whole[0][1]]
    if any(reading != readings[0] for reading in readings[1:]):
        problems.append(
            Problem(
                Text(
                    "holds dates that read as day-first or month-first and give different "
                    "rounds: set round.day_first (true or false) in the mapping",
                    "tiene fechas que se leen con el día o con el mes primero y dan rondas "
                    "distintas: indique round.day_first (true o false) en el mapeo",
                ),
                path=cells[0][0].rsplit(":", 1)[0] + f": {column}",
                value=column,
            )
        )
        return [None] * len(cells)
    result = readings[0]
    order = orders[0]
    for (where, cell), part, found_round in zip(cells, parts, result, strict=True):
        if part is None:
            continue
        day = _to_date(part, order)
        if day is None:
            problems.append(Problem(_NOT_A_ROUND_DATE, path=f"{where}: {column}", value=cell))
        elif found_round is None:
            first = rule.rounds[0].isoformat()
            problems.append(
                Problem(
                    Text(
                        f"is before the first round of the mapping ({first})",
                        f"es anterior a la primera ronda del mapeo ({first})",
                    ),
                    path=f"{where}: {column}",
                    value=cell,
                )
            )
    return result


def _possible_orders(parts: Sequence[tuple[int, int, int, bool] | None]) -> list[bool]:
    day_first_possible = month_first_possible = True
    for part in parts:
        if part is None or part[3]:
            continue
        a, b = part[0], part[1]
        if a > 12:
            month_first_possible = False
        if b > 12:
            day_first_possible = False
    return [
        order for order, ok in ((False, month_first_possible), (True, day_first_possible)) if ok
    ]


def _round_of(rule: RoundRule, day: date | None) -> date | None:
    if day is None or not rule.rounds:
        return day
    held = [r for r in rule.rounds if r <= day]
    return held[-1] if held else None


# ----------------------------------------------------------------------------- the answers


_UNMATCHED = (
    "is not an organization of the registry{hint}; name it under names: in the mapping "
    "(name: organization-id)"
)


def _unmatched(name: str, where: str, index: NameIndex, role: str) -> Problem:
    close = index.suggest(name)
    hint_en = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    hint_es = f" (¿quiso decir {', '.join(repr(c) for c in close)}?)" if close else ""
    return Problem(
        Text(
            f"({role}) " + _UNMATCHED.format(hint=hint_en),
            f"({role}) no es una organización del registro{hint_es}; nómbrela bajo names: en "
            "el mapeo (nombre: id-de-organización)",
            pt=f"({role}) não é uma organização do registro{hint_es.replace('quiso', 'quis')}; "
            "nomeie-a sob names: no mapeamento (nome: id-da-organização)",
        ),
        path=where,
        value=name,
        personal="@" in name,  # an e-mail address given where a name was expected
    )


@attrs.define
class _Builder:
    mapping: SurveyMapping
    index: NameIndex
    problems: list[Problem] = attrs.field(factory=list)
    unmatched: list[Problem] = attrs.field(factory=list)
    answers: list[SurveyAnswer] = attrs.field(factory=list)
    wheres: list[str] = attrs.field(factory=list)
    self_answers: int = 0
    left_out: int = 0

    def organization(self, name: str, where: str, role: str) -> str | None:
        if not name:
            self.problems.append(
                Problem(
                    Text(
                        f"is empty: the {role} is not named",
                        "está vacío: no se nombra "
                        + ("al encuestado" if role == "respondent" else "al socio"),
                    ),
                    path=where,
                    value=name,
                )
            )
            return None
        found = self.index.find(name)
        if found is None:
            self.unmatched.append(_unmatched(name, where, self.index, role))
        return found

    def answer(  # noqa: PLR0912 - one branch per kind of answer
        self,
        where: str,
        round_: date | None,
        respondent: str | None,
        partner: str | None,
        cells: Mapping[str, tuple[str, str]],
    ) -> None:
        """One answer from the ``cells`` (measure -> (where, text)) of one partner."""
        if not any(text for _, text in cells.values()):
            return
        if respondent == "" or partner == "":  # a name the mapping's names set to null
            self.left_out += 1
            return
        before = len(self.problems)
        values: dict[str, Any] = {}
        for measure, (at, text) in cells.items():
            scale = SCALES[measure]
            if not text:
                continue
            if scale in {"resources", "goals"}:
                items = [i.strip() for i in _LIST_SEPARATORS.split(text) if i.strip()]
                if len(items) == 1 and self.mapping.layout is Layout.KOBO:
                    items = self._spaced(scale, items[0])
                read = []
                for item in items:
                    meaning = self.mapping.word(scale, item)
                    if meaning is None:
                        self._bad_word(at, measure, scale, item)
                    else:
                        read.append(meaning)
                values[measure] = tuple(dict.fromkeys(read))
                continue
            meaning = self.mapping.word(scale, text)
            if meaning is None:
                self._bad_word(at, measure, scale, text)
            else:
                values[measure] = int(meaning) if scale == "rating" else meaning
        for measure in ("frequency", "collaboration"):
            if measure not in values and not cells.get(measure, ("", ""))[1]:
                self.problems.append(
                    Problem(
                        Text(
                            f"is not answered although other questions about this partner are "
                            f"({measure} is required)",
                            f"no está respondida aunque otras preguntas sobre este socio sí lo "
                            f"están ({measure} es obligatoria)",
                        ),
                        path=cells.get(measure, (where, ""))[0]
                        if measure in cells
                        else f"{where}: {measure}",
                        value="",
                    )
                )
        if len(self.problems) > before or round_ is None or respondent is None or partner is None:
            return
        if respondent == partner:
            self.self_answers += 1
            return
        try:
            self.answers.append(
                SurveyAnswer(round=round_, respondent=respondent, partner=partner, **values)
            )
            self.wheres.append(where)
        except ClacError as error:
            self.problems.extend(p.under(where) for p in error.problems)

    def _spaced(self, scale: str, text: str) -> list[str]:
        """A KoboToolbox select_multiple cell: its choices separated by spaces (names, or
        labels of several words: the longest known phrase at each point)."""
        if self.mapping.word(scale, text) is not None:
            return [text]
        tokens, items, start = text.split(), [], 0
        while start < len(tokens):
            for end in range(len(tokens), start, -1):
                phrase = " ".join(tokens[start:end])
                if end == start + 1 or self.mapping.word(scale, phrase) is not None:
                    items.append(phrase)
                    start = end
                    break
        return items

    def _bad_word(self, at: str, measure: str, scale: str, text: str) -> None:
        from clac.io._survey_words import WORDS

        values = ", ".join(sorted(set(WORDS[scale].values())))
        self.problems.append(
            Problem(
                Text(
                    f"is not an answer clac knows for {measure} ({values}, or their EN/ES/PT "
                    f"words); say what it means under answers.{scale} in the mapping",
                    f"no es una respuesta que clac conozca para {measure} ({values}, o sus "
                    f"palabras en EN/ES/PT); diga qué significa bajo answers.{scale} en el mapeo",
                ),
                path=at,
                value=text,
            )
        )


def _matches(header: str, wanted: str, kobo: bool) -> bool:
    """Whether ``header`` is the column ``wanted`` names; for KoboToolbox/ODK also when its
    last group segment is (``partners/frequency``, ODK Central's ``partners-frequency``)."""
    if normalise(header) == normalise(wanted):
        return True
    if not kobo:
        return False
    return normalise(wanted) in {
        normalise(header.rsplit("/", 1)[-1]),
        normalise(header.rsplit("-", 1)[-1]),
    }


#: The headers survey tools give the time of a response (Google Forms in each language,
#: SurveyMonkey, KoboToolbox): a mapping naming one finds whichever the export has.
_TIMESTAMPS: Final = frozenset(
    normalise(h)
    for h in (
        "Timestamp",
        "Marca temporal",
        "Marca de tiempo",
        "Carimbo de data/hora",
        "Start Date",
        "End Date",
        "_submission_time",
        "SubmissionDate",
    )
)


def _round_column(headers: Sequence[str], wanted: str, kobo: bool = False) -> int | None:
    """The column ``wanted`` names, or, when it names a timestamp (``Timestamp``, ``Marca
    temporal`` …), the export's own timestamp column."""
    exact = next((i for i, h in enumerate(headers) if _matches(h, wanted, kobo)), None)
    if exact is not None or normalise(wanted) not in _TIMESTAMPS:
        return exact
    return next((i for i, h in enumerate(headers) if normalise(h) in _TIMESTAMPS), None)


def _wide(table: _Table, builder: _Builder) -> list[str]:
    """Answers from a Google Forms or SurveyMonkey table; the headers it ignored."""
    mapping = builder.mapping
    respondent_col = round_col = None
    grid: dict[str, dict[str, int]] = {}  # partner name -> measure -> column
    ignored: list[str] = []
    measures_found: set[str] = set()
    headers = [q if r is None else f"{q} [{r}]" for q, r in table.columns]
    if mapping.round.column:
        round_col = _round_column(headers, mapping.round.column)
    for i, (question, row) in enumerate(table.columns):
        header = headers[i]
        if i == round_col:
            continue
        if _matches(header, mapping.respondent, False) or (
            row is None and _matches(question, mapping.respondent, False)
        ):
            respondent_col = i
            continue
        measure = next(
            (m for m, q in mapping.questions.items() if _matches(question, q, False)), None
        )
        if measure is not None and row is not None:
            grid.setdefault(row, {})[measure] = i
            measures_found.add(measure)
            continue
        if header and not any(
            _matches(header, name, False) or _matches(question, name, False)
            for name in mapping.ignore
        ):
            # A grid question the mapping does not name is noted once, not once per partner.
            shown = question if row is None else f"{question} […]"
            if shown not in ignored:
                ignored.append(shown)
    _missing_columns(table, builder, respondent_col, round_col, measures_found)
    if builder.problems:
        return ignored
    partners = {name: builder.organization(name, table.header_where, "partner") for name in grid}
    round_cells = [
        (w, cells[round_col] if round_col is not None else "") for w, cells in table.rows
    ]
    rounds = _rounds_of(
        mapping.round, round_cells, builder.problems, mapping.layout is Layout.SURVEYMONKEY
    )
    for (where, cells), round_ in zip(table.rows, rounds, strict=True):
        assert respondent_col is not None  # noqa: S101 - checked by _missing_columns
        respondent = builder.organization(
            cells[respondent_col], f"{where}: {mapping.respondent}", "respondent"
        )
        for name, columns in grid.items():
            builder.answer(
                where,
                round_,
                respondent,
                partners[name],
                {
                    m: (f"{where}: {table.columns[c][0]} [{name}]", cells[c])
                    for m, c in columns.items()
                },
            )
    return ignored


def _missing_columns(
    table: _Table,
    builder: _Builder,
    respondent_col: int | None,
    round_col: int | None,
    measures_found: set[str],
) -> None:
    mapping = builder.mapping
    wanted: list[tuple[str, str]] = []
    if respondent_col is None:
        wanted.append(("respondent", mapping.respondent))
    if mapping.round.column and round_col is None:
        wanted.append(("round.column", mapping.round.column))
    wanted += [
        (f"questions.{m}", q) for m, q in mapping.questions.items() if m not in measures_found
    ]
    for key, header in wanted:
        builder.problems.append(
            Problem(
                Text(
                    f"is not a column of the export (the mapping's {key}; a grid question's "
                    "columns are headed 'Question [Partner]')",
                    f"no es una columna de la exportación ({key} del mapeo; las columnas de una "
                    "pregunta de cuadrícula se titulan 'Pregunta [Socio]')",
                ),
                path=f"{table.header_where} ({mapping.source})",
                value=header,
            )
        )


def _column(table: _Table, wanted: str) -> int | None:
    return next(
        (i for i, (q, r) in enumerate(table.columns) if r is None and _matches(q, wanted, True)),
        None,
    )


def _kobo(main: _Table, repeat: _Table, builder: _Builder) -> list[str]:
    """Answers from a KoboToolbox main table and its partners' repeat table."""
    mapping = builder.mapping
    problems = builder.problems
    respondent_col = _column(main, mapping.respondent)
    round_col = (
        _round_column([q for q, _ in main.columns], mapping.round.column, kobo=True)
        if mapping.round.column
        else None
    )
    # KoboToolbox joins by _parent_index = _index; ODK Central's CSV by PARENT_KEY = KEY.
    main_index = _column(main, "_index")
    parent_col = _column(repeat, "_parent_index")
    if main_index is None and parent_col is None:
        main_index, parent_col = _column(main, "KEY"), _column(repeat, "PARENT_KEY")
    partner_col = _column(repeat, mapping.partner or "")
    measures = {m: _column(repeat, q) for m, q in mapping.questions.items()}
    for table, key, header, found in (
        (main, "respondent", mapping.respondent, respondent_col),
        (main, "round.column", mapping.round.column, round_col if mapping.round.column else 0),
        (main, "_index", "_index", main_index),
        (repeat, "_parent_index", "_parent_index", parent_col),
        (repeat, "partner", mapping.partner, partner_col),
        *((repeat, f"questions.{m}", mapping.questions[m], c) for m, c in measures.items()),
    ):
        if found is None:
            problems.append(
                Problem(
                    Text(
                        f"is not a column of this sheet (the mapping's {key})",
                        f"no es una columna de esta hoja ({key} del mapeo)",
                    ),
                    path=table.header_where,
                    value=header,
                )
            )
    if problems:
        return []
    assert main_index is not None  # noqa: S101 - checked above
    assert respondent_col is not None  # noqa: S101
    assert parent_col is not None  # noqa: S101
    assert partner_col is not None  # noqa: S101
    used = {respondent_col, main_index, *([round_col] if round_col is not None else [])}
    ignored = [
        q for i, (q, _) in enumerate(main.columns) if i not in used and q and not q.startswith("_")
    ]
    used_repeat = {parent_col, partner_col, *(c for c in measures.values() if c is not None)}
    ignored += [
        q
        for i, (q, _) in enumerate(repeat.columns)
        if i not in used_repeat and q and not q.startswith("_")
    ]
    # A select_multiple's one-column-per-choice detail ("partners/resources/funding": 1 or 0)
    # repeats what its own column says: not a column the mapping leaves out.
    details = tuple(f"{repeat.columns[c][0]}/" for c in measures.values() if c is not None)
    ignored = [
        q
        for q in ignored
        if not any(_matches(q, n, True) for n in mapping.ignore) and not q.startswith(details)
    ]
    round_cells = [(w, cells[round_col] if round_col is not None else "") for w, cells in main.rows]
    rounds = _rounds_of(mapping.round, round_cells, problems)
    parents: dict[str, tuple[date | None, str | None]] = {}
    for (where, cells), round_ in zip(main.rows, rounds, strict=True):
        respondent = builder.organization(
            cells[respondent_col], f"{where}: {main.columns[respondent_col][0]}", "respondent"
        )
        parents[cells[main_index]] = (round_, respondent)
    for where, cells in repeat.rows:
        parent = parents.get(cells[parent_col])
        if parent is None:
            problems.append(
                Problem(
                    Text(
                        "names no row of the main sheet (no _index there has this value)",
                        "no nombra ninguna fila de la hoja principal (ningún _index tiene este "
                        "valor)",
                    ),
                    path=f"{where}: _parent_index",
                    value=cells[parent_col],
                )
            )
            continue
        partner = builder.organization(
            cells[partner_col], f"{where}: {repeat.columns[partner_col][0]}", "partner"
        )
        builder.answer(
            where,
            parent[0],
            parent[1],
            partner,
            {
                m: (f"{where}: {repeat.columns[c][0]}", cells[c])
                for m, c in measures.items()
                if c is not None
            },
        )
    return ignored


# ----------------------------------------------------------------------------- the front door


def _tables(
    export: Any, mapping: SurveyMapping, max_size: int | None
) -> tuple[_Table, _Table | None]:
    layout = mapping.layout
    kobo = layout is Layout.KOBO
    if _is_frame(export) or (isinstance(export, Mapping) and kobo):
        frames = export if isinstance(export, Mapping) else {"main": export}
        names = [n for n in frames if n != mapping.repeat] or list(frames)
        main_rows = _frame_rows(frames[names[0]])
        main = _table(main_rows, layout, f"<DataFrame {names[0]}>")
        if not kobo:
            return main, None
        repeat_name = mapping.repeat or ""
        if repeat_name not in frames:
            raise FileFormatError(
                Text(
                    f"has no table named {repeat_name!r} (the mapping's repeat): pass "
                    "{'main': frame, '<repeat>': frame}",
                    f"no tiene una tabla llamada {repeat_name!r} (repeat del mapeo)",
                ),
                value=sorted(frames),
            )
        repeat_rows = _frame_rows(frames[repeat_name])
        return main, _table(repeat_rows, layout, f"<DataFrame {repeat_name}>")
    path = Path(export)
    source = os.fspath(export)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        sheets = _xlsx_sheets(path, max_size)
        first = next(iter(sheets))
        main = _table(sheets[first], layout, f"{source}[{first}]")
        if not kobo:
            return main, None
        name = mapping.repeat or ""
        sheet = next((s for s in sheets if s == name or s == name[:31]), None)
        if sheet is None:
            raise FileFormatError(
                Text(
                    f"has no sheet {name!r} (the mapping's repeat group)",
                    f"no tiene la hoja {name!r} (el grupo de repetición del mapeo)",
                ),
                value=source,
            )
        return main, _table(sheets[sheet], layout, f"{source}[{sheet}]")
    main = _table(_csv_rows(path, max_size), layout, source)
    if not kobo:
        return main, None
    repeat_path = path.parent / (mapping.repeat_file or f"{path.stem}-{mapping.repeat}.csv")
    return main, _table(_csv_rows(repeat_path, max_size), layout, os.fspath(repeat_path))


def charter_names(coalition: Coalition) -> Iterator[tuple[str, str]]:
    """(name, organization id) for the charter's partners the registry has: a form may name
    one as the charter does, in English or Spanish, or by a later name (Facebook, Meta)."""
    ids = {o.id for o in coalition.organizations}
    for partner in coalition.charter.partners:
        if partner.generic:
            continue
        for org_id in (i for i in partner.ids if i in ids):
            names = [partner.name.en, partner.name.es, *(n.name for n in partner.later_names)]
            yield from ((name, org_id) for name in (*names, *partner.ids))


def read_survey_export(
    export: str | os.PathLike[str] | Any,
    coalition: Coalition,
    mapping: SurveyMapping | str | os.PathLike[str],
    *,
    max_size: int | None = None,
) -> SurveyImport:
    """The survey answers of a survey tool's ``export``, read as ``mapping`` says.

    ``export`` is a CSV or XLSX file (XLSX needs openpyxl: ``pip install 'clac[xlsx]'``), a
    pandas DataFrame, or for KoboToolbox a mapping of table name to DataFrame (the main one
    first, the repeat group's under its name); a KoboToolbox CSV export's repeat group is
    the file the mapping's ``repeat_file`` names, beside it. ``mapping`` is a
    :class:`~clac.io.SurveyMapping` or the path of a mapping file. Organizations are matched
    to ``coalition``'s.

    Raises :class:`~clac.errors.FileFormatError` (a bad mapping, a column it names that the
    export lacks, an answer word clac does not know: each with its file, line and column) or
    :class:`~clac.errors.CrossReferenceError` (a name that is no organization, with
    suggestions; a repeated answer), both exit 2 in the ``clac`` command.
    """
    if not isinstance(mapping, SurveyMapping):
        mapping = load_mapping(mapping)
    if (
        mapping.layout is Layout.KOBO
        and not _is_frame(export)
        and not isinstance(export, Mapping)
        and mapping.repeat_file is None
        and Path(export).suffix.lower() not in {".xlsx", ".xlsm"}
    ):
        raise FileFormatError(
            Text(
                "is a CSV file: a KoboToolbox export's repeat group is a second CSV file, "
                "named by repeat_file in the mapping (or read the XLSX export)",
                "es un archivo CSV: el grupo de repetición de una exportación de "
                "KoboToolbox es un segundo archivo CSV, nombrado por repeat_file en el "
                "mapeo (o lea la exportación XLSX)",
            ),
            value=os.fspath(export),
        )
    index = NameIndex(
        ((o.id, o.name) for o in coalition.organizations),
        mapping.names,
        also=charter_names(coalition),
    )
    builder = _Builder(mapping=mapping, index=index)
    main, repeat = _tables(export, mapping, max_size)
    ignored = _kobo(main, repeat, builder) if repeat is not None else _wide(main, builder)
    if builder.problems or builder.unmatched:
        every = _unique([*builder.unmatched, *builder.problems])
        kind = FileFormatError if builder.problems else CrossReferenceError
        raise kind(problems=every)
    found = list(
        survey_problems(
            builder.answers,
            (o.id for o in coalition.organizations),
            (g.id for g in coalition.charter.policy_goals),
            lambda i: builder.wheres[i],
        )
    )
    if found:
        raise CrossReferenceError(problems=found)
    notes: list[Text] = []
    if ignored:
        shown = ", ".join(repr(h) for h in ignored)
        notes.append(
            Text(
                f"{len(ignored)} column(s) not named by the mapping, ignored: {shown}",
                f"{len(ignored)} columna(s) que el mapeo no nombra, ignorada(s): {shown}",
                pt=f"{len(ignored)} coluna(s) que o mapeamento não nomeia, ignorada(s): {shown}",
            )
        )
    if builder.left_out:
        n = builder.left_out
        notes.append(
            Text(
                f"{n} answer(s) left out: their respondent or partner is set to null under "
                "names in the mapping",
                f"{n} respuesta(s) omitida(s): su encuestado o socio es null bajo names en el "
                "mapeo",
                pt=f"{n} resposta(s) omitida(s): seu respondente ou parceiro é null sob names no "
                "mapeamento",
            )
        )
    if builder.self_answers:
        n = builder.self_answers
        notes.append(
            Text(
                f"{n} answer(s) of a respondent about itself left out (no self-ties)",
                f"{n} respuesta(s) de un encuestado sobre sí mismo omitida(s) (sin autolazos)",
                pt=f"{n} resposta(s) de um respondente sobre si mesmo omitida(s)",
            )
        )
    return SurveyImport(answers=tuple(builder.answers), ignored=tuple(ignored), notes=tuple(notes))


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for p in problems:
        key = (p.path, p.reason.en, repr(p.value) if p.has_value else "")
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def read_survey_frame(frame: Any, coalition: Coalition | None = None) -> tuple[SurveyAnswer, ...]:
    """The answers of a pandas DataFrame holding clac's long survey table (the columns of
    :func:`clac.io.load_survey`), read as the CSV would be: pandas' empty cells are unanswered
    questions, and a rating pandas made a float (``3.0``) is the whole number it was."""
    # Text for the long CSV's reader, never a file or an output: no formula guard (it would
    # change the values read).
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for _, cells in _frame_rows(frame):
        writer.writerow(cells)
    return loads_survey(buffer.getvalue(), coalition, source="<DataFrame>")
