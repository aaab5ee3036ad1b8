"""Survey files: one CSV row per respondent's answer about one partner.

Columns (a header row names them; their order is free): ``round`` (YYYY-MM-DD),
``respondent``, ``partner`` (organization ids), ``frequency``, ``collaboration``, the six
ratings ``trust_reliable``, ``trust_mission``, ``trust_open``, ``value_influence``,
``value_involvement``, ``value_resources`` (1-4, empty when not answered), ``resources`` and
``goals`` (``;``-separated). Only the first five are required. Every problem of the file is
reported at once, each naming the file, the line, the column and the value found there.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Final

from clac._escape import csv_text
from clac.errors import ClacError, CrossReferenceError, FileFormatError, Problem
from clac.io._files import REGISTRY_MODE, read_utf8, write_atomically
from clac.registry import Coalition, survey_problems
from clac.survey import (
    TRUST_ITEMS,
    VALUE_ITEMS,
    Collaboration,
    Frequency,
    ResourceKind,
    SurveyAnswer,
)
from clac.text import Text

__all__ = [
    "COLUMNS",
    "MAX_SURVEY_PROBLEMS",
    "REQUIRED_COLUMNS",
    "dump_survey",
    "dumps_survey",
    "load_survey",
    "loads_survey",
]

#: The columns of a survey file, in the order clac writes them.
COLUMNS: Final = (
    "round",
    "respondent",
    "partner",
    "frequency",
    "collaboration",
    *TRUST_ITEMS,
    *VALUE_ITEMS,
    "resources",
    "goals",
)
#: The columns every survey file must have.
REQUIRED_COLUMNS: Final = ("round", "respondent", "partner", "frequency", "collaboration")

_SEPARATOR = ";"


def _choices(values: Iterable[str]) -> str:
    return ", ".join(values)


_REASONS: Final[Mapping[str, Text]] = {
    "round": Text("is not a date (YYYY-MM-DD)", "no es una fecha (AAAA-MM-DD)"),
    "frequency": Text(
        f"is not a frequency ({_choices(f.value for f in Frequency)})",
        f"no es una frecuencia ({_choices(f.value for f in Frequency)})",
    ),
    "collaboration": Text(
        f"is not a collaboration level ({_choices(c.value for c in Collaboration)})",
        f"no es un nivel de colaboración ({_choices(c.value for c in Collaboration)})",
    ),
    "rating": Text(
        "is not a rating (a whole number 1-4, or empty when not answered)",
        "no es una valoración (un entero 1-4, o vacío si no se respondió)",
    ),
    "resources": Text(
        f"is not a resource kind ({_choices(r.value for r in ResourceKind)})",
        f"no es un tipo de recurso ({_choices(r.value for r in ResourceKind)})",
    ),
}


def _where(source: str, line: int, column: str | None = None) -> str:
    return f"{source}:{line}" if column is None else f"{source}:{line}:{column}"


def _cell(raw: Mapping[str, str | None], column: str) -> str:
    value = raw.get(column)
    return (value or "").strip()


def _parse_row(  # noqa: PLR0912 - one branch per kind of column
    raw: Mapping[str, str | None], source: str, line: int, problems: list[Problem]
) -> SurveyAnswer | None:
    values: dict[str, Any] = {}
    before = len(problems)

    def bad(column: str, value: str, reason: Text) -> None:
        problems.append(Problem(reason, path=_where(source, line, column), value=value))

    text = _cell(raw, "round")
    try:
        values["round"] = date.fromisoformat(text)
        if len(text) != 10:
            raise ValueError(text)
    except ValueError:
        bad("round", text, _REASONS["round"])
    for column in ("respondent", "partner"):
        values[column] = _cell(raw, column)
    for column, enum_cls in (("frequency", Frequency), ("collaboration", Collaboration)):
        text = _cell(raw, column)
        try:
            values[column] = enum_cls(text.lower())
        except ValueError:
            bad(column, text, _REASONS[column])
    for column in (*TRUST_ITEMS, *VALUE_ITEMS):
        text = _cell(raw, column)
        if not text:
            values[column] = None
        elif text in {"1", "2", "3", "4"}:
            values[column] = int(text)
        else:
            bad(column, text, _REASONS["rating"])
    kinds = []
    for item in _items(_cell(raw, "resources")):
        try:
            kinds.append(ResourceKind(item.lower()))
        except ValueError:
            bad("resources", item, _REASONS["resources"])
    values["resources"] = tuple(kinds)
    values["goals"] = tuple(item.upper() for item in _items(_cell(raw, "goals")))
    if len(problems) > before:
        return None
    try:
        return SurveyAnswer(**values)
    except ClacError as error:
        for problem in error.problems:
            column = problem.path.split(".")[0].split("[")[0] or "row"
            value = problem.value if problem.has_value else values.get(column)
            problems.append(Problem(problem.reason, path=_where(source, line, column), value=value))
        return None


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(_SEPARATOR) if item.strip()]


def _rows(text: str, source: str) -> Iterator[tuple[int, dict[str, str | None]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="\x00extra")
    header = reader.fieldnames
    if not header:
        raise FileFormatError(
            Text(
                "is empty (a survey file starts with a header row: round, respondent, partner, …)",
                "está vacío (un archivo de encuesta empieza con la fila de encabezado: round, "
                "respondent, partner, …)",
            ),
            value=source,
        )
    names = [name.strip() for name in header]
    problems = [
        Problem(
            Text(
                f"is not a survey column (choose {_choices(COLUMNS)})",
                f"no es una columna de encuesta (elija {_choices(COLUMNS)})",
            ),
            path=_where(source, 1),
            value=name,
        )
        for name in names
        if name not in COLUMNS
    ]
    problems += [
        Problem(
            Text("appears twice in the header", "aparece dos veces en el encabezado"),
            path=_where(source, 1),
            value=name,
        )
        for index, name in enumerate(names)
        if name in names[:index]
    ]
    problems += [
        Problem(
            Text(
                f"is missing from the header (required: {_choices(REQUIRED_COLUMNS)})",
                f"falta en el encabezado (obligatorias: {_choices(REQUIRED_COLUMNS)})",
            ),
            path=_where(source, 1),
            value=name,
        )
        for name in REQUIRED_COLUMNS
        if name not in names
    ]
    if problems:
        raise FileFormatError(problems=problems)
    reader.fieldnames = names
    for raw in reader:
        yield reader.line_num, raw


def loads_survey(
    text: str, coalition: Coalition | None = None, *, source: str = "<survey>"
) -> tuple[SurveyAnswer, ...]:
    """The answers of a survey CSV given as text (see :func:`load_survey`)."""
    if "\x00" in text:
        raise FileFormatError(
            Text("contains a NUL character: is it a binary file?", "contiene un carácter NUL"),
            value=source,
        )
    answers: list[SurveyAnswer] = []
    lines: list[int] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], int] = {}
    repeated: list[Problem] = []  # rows repeating a (round, respondent, partner)
    stopped: list[Problem] = []
    try:
        for line, raw in _rows(text.removeprefix("\ufeff"), source):
            if len(problems) + len(repeated) >= MAX_SURVEY_PROBLEMS:
                stopped.append(_stopped(source, line))
                break
            if "\x00extra" in raw or None in raw.values():
                problems.append(
                    Problem(
                        Text(
                            "has a different number of cells than the header",
                            "tiene otro número de celdas que el encabezado",
                        ),
                        path=_where(source, line),
                        value=[v for v in raw.values() if isinstance(v, str)],
                    )
                )
                continue
            if not any((v or "").strip() for v in raw.values()):
                continue  # a blank line
            # A row repeating one already read is refused before it is parsed: a file of a
            # million copies of one row costs what its first rows cost.
            key = tuple((raw.get(name) or "").strip() for name in _KEY_COLUMNS)
            first = seen.setdefault(key, line)
            if first != line:
                repeated.append(_repeated(key, _where(source, first), _where(source, line)))
                continue
            answer = _parse_row(raw, source, line, problems)
            if answer is not None:
                answers.append(answer)
                lines.append(line)
    except csv.Error as error:
        raise FileFormatError(f"is not valid CSV: {error}", value=source) from None
    if problems:
        raise FileFormatError(problems=[*stopped, *problems, *repeated])
    if repeated:
        raise CrossReferenceError(problems=[*stopped, *repeated])
    if coalition is not None:
        found = list(
            survey_problems(
                answers,
                (o.id for o in coalition.organizations),
                (g.id for g in coalition.charter.policy_goals),
                lambda i: _where(source, lines[i]),
            )
        )
        if found:
            raise CrossReferenceError(problems=[_columned(p) for p in found])
    return tuple(answers)


#: After this many problems a survey file is read no further: they are reported, and the
#: rest of the file is not looked at (a file of a million bad or repeated rows is refused in
#: the time its first rows take).
MAX_SURVEY_PROBLEMS = 1000
_KEY_COLUMNS = ("round", "respondent", "partner")


def _repeated(key: tuple[str, ...], first: str, here: str) -> Problem:
    day, who, whom = key
    return Problem(
        Text(
            f"repeats the answer of {who!r} about {whom!r} in the round of {day} "
            f"(first given at {first})",
            f"repite la respuesta de {who!r} sobre {whom!r} en la ronda del {day} "
            f"(dada primero en {first})",
            pt=f"repete a resposta de {who!r} sobre {whom!r} na rodada de {day} "
            f"(dada primeiro em {first})",
        ),
        path=here,
    )


def _stopped(source: str, line: int) -> Problem:
    count = f"{MAX_SURVEY_PROBLEMS:,}"
    return Problem(
        Text(
            f"reading stopped here, after {count} problems: the rest of the file was not checked",
            f"la lectura se detuvo aquí, tras {count} problemas: el resto del archivo no se revisó",
            pt=f"a leitura parou aqui, após {count} problemas: o resto do arquivo não foi "
            "verificado",
        ),
        path=_where(source, line),
    )


def _columned(problem: Problem) -> Problem:
    """``file:line.partner`` (the registry's path style) as ``file:line:partner``."""
    head, dot, column = problem.path.rpartition(".")
    if not dot or ":" not in head:
        return problem
    return Problem(
        problem.reason,
        path=f"{head}:{column.split('[')[0]}",
        value=problem.value if problem.has_value else None,
    )


def load_survey(
    path: str | os.PathLike[str], coalition: Coalition | None = None, *, max_size: int | None = None
) -> tuple[SurveyAnswer, ...]:
    """The answers of the survey CSV at ``path`` (UTF-8, a header row, one answer a row).

    With ``coalition``, respondents and partners must be its organizations and goals its
    charter's policy goals. A (round, respondent, partner) may appear once. Raises
    :class:`~clac.errors.FileFormatError` (every bad cell: file, line, column and value) or
    :class:`~clac.errors.CrossReferenceError` (unknown ids, repeated rows), both exit 2 in the
    ``clac`` command.
    """
    text = read_utf8(Path(path), max_size)
    return loads_survey(text, coalition, source=os.fspath(path))


def _rating(value: int | None) -> str:
    return "" if value is None else str(value)


def dumps_survey(answers: Iterable[SurveyAnswer]) -> str:
    """``answers`` as survey CSV text (header and one row per answer), as :func:`load_survey`
    reads it (:func:`clac._escape.csv_text`: CRLF line ends, no cell a spreadsheet would run)."""
    return csv_text(
        [
            COLUMNS,
            *(
                [
                    a.round.isoformat(),
                    a.respondent,
                    a.partner,
                    a.frequency.value,
                    a.collaboration.value,
                    *(_rating(getattr(a, item)) for item in (*TRUST_ITEMS, *VALUE_ITEMS)),
                    _SEPARATOR.join(r.value for r in a.resources),
                    _SEPARATOR.join(a.goals),
                ]
                for a in answers
            ),
        ]
    )


def dump_survey(answers: Iterable[SurveyAnswer], path: str | os.PathLike[str]) -> Path:
    """Write ``answers`` to ``path`` as survey CSV, atomically. The answers hold each
    respondent's ratings of each partner, so a new file is readable by its owner only, as a
    registry file is."""
    return write_atomically(path, dumps_survey(answers), mode=REGISTRY_MODE)
