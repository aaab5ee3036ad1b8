"""The mapping file: how to read a survey tool's export as clac's survey answers.

A small YAML (or TOML, or JSON) file says which layout the export has, which column names the
respondent, how the round is found, which question holds each measure, and, when needed, what
partner names and answer words mean (``docs/survey.md`` describes every key with a worked
example). It is read with clac's safe loaders; every problem is reported at once, each as
``FILE:LINE: key: 'value' reason``.

>>> mapping = loads_mapping('''
... layout: google-forms
... respondent: Organización
... round: {date: 2024-03-01}
... questions: {frequency: Frecuencia, collaboration: Colaboración}
... ''')
>>> mapping.layout.value, mapping.questions["frequency"], mapping.round.date
('google-forms', 'Frecuencia', datetime.date(2024, 3, 1))
"""

from __future__ import annotations

import datetime as _dt
import enum
import importlib
import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import attrs

from clac.errors import FileFormatError, Problem
from clac.io._files import read_utf8
from clac.io._format import Format
from clac.io._survey_words import SCALES, WORDS, normalise
from clac.text import Text

__all__ = [
    "MEASURES",
    "Layout",
    "RoundRule",
    "SurveyMapping",
    "load_mapping",
    "loads_mapping",
]

#: Every measure of clac's survey answers a question can hold (``docs/survey.md``).
MEASURES: Final = tuple(SCALES)
_REQUIRED_MEASURES: Final = ("frequency", "collaboration")
_KEYS: Final = (
    "layout",
    "respondent",
    "round",
    "questions",
    "names",
    "answers",
    "ignore",
    "repeat",
    "repeat_file",
    "partner",
)
_ROUND_KEYS: Final = ("date", "column", "rounds", "values", "day_first")


class Layout(enum.StrEnum):
    """How a survey tool lays out its export."""

    GOOGLE_FORMS = "google-forms"
    """One row per response; a grid question is one column per partner, ``Question [Partner]``."""
    SURVEYMONKEY = "surveymonkey"
    """The same wide layout with two header rows: the question, then the partner (or option)."""
    KOBO = "kobo"
    """KoboToolbox/ODK: the partners in a repeat group, a sheet or file of its own joined to the
    main one by ``_parent_index`` = ``_index``."""


@attrs.frozen
class RoundRule:
    """How an export's rows find their survey round: one ``date`` for every row, or the date
    in ``column`` (a date or timestamp), placed in the last of ``rounds`` on or before it, or
    looked up in ``values`` (a label → date)."""

    date: _dt.date | None = None
    column: str | None = None
    rounds: tuple[_dt.date, ...] = ()
    values: Mapping[str, _dt.date] = attrs.field(factory=dict)
    day_first: bool | None = None


@attrs.frozen
class SurveyMapping:
    """A mapping file, read (see the module and ``docs/survey.md``)."""

    layout: Layout
    respondent: str
    round: RoundRule
    questions: Mapping[str, str]
    names: Mapping[str, str] = attrs.field(factory=dict)
    answers: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    ignore: tuple[str, ...] = ()
    repeat: str | None = None
    repeat_file: str | None = None
    partner: str | None = None
    source: str = "<mapping>"
    folder: Path | None = None

    def word(self, scale: str, text: str) -> str | None:
        """clac's value for the answer word ``text`` on ``scale`` (the mapping's words first,
        then the built-in EN/ES/PT words), or None."""
        key = normalise(text)
        own = self.answers.get(scale, {})
        if key in own:
            return own[key]
        if key in WORDS[scale]:
            return WORDS[scale][key]
        return _within(key, {**WORDS[scale], **own})


# Words an answer may add around a known word ("Nivel cooperativo", "4 (Mucho)") and still read
# as it; any other word ("Casi nunca") leaves the answer to the mapping's answers.
_FILLER: Final = frozenset(
    {
        "nivel",
        "level",
        "de",
        "colaboracion",
        "collaboration",
        "colaboracao",
        "da",
        "do",
        "del",
        "la",
        "el",
        "lo",
        "a",
        "the",
        "of",
        "trabajo",
        "work",
        "relacion",
        "relationship",
        "relacao",
    }
)


def _within(key: str, words: Mapping[str, str]) -> str | None:
    """The one value whose words appear, as whole words, in ``key`` when what else ``key``
    holds is numbers and filler words; None otherwise."""
    padded = f" {key} "
    found = {word: value for word, value in words.items() if word and f" {word} " in padded}
    if len(set(found.values())) != 1:
        return None
    rest = padded
    for word in sorted(found, key=len, reverse=True):
        rest = rest.replace(f" {word} ", " ")
    if all(token.isdigit() or token in _FILLER for token in rest.split()):
        return next(iter(found.values()))
    return None


def _reason(en: str, es: str, pt: str) -> Text:
    return Text(en, es, pt=pt)


_NOT_A_MAPPING = _reason(
    "must be a mapping (key: value)", "debe ser un mapeo (clave: valor)", "deve ser um mapeamento"
)
_NOT_TEXT = _reason(
    "must be a non-empty text", "debe ser un texto no vacío", "deve ser um texto não vazio"
)
_NOT_DATE = _reason(
    "is not a date (YYYY-MM-DD)", "no es una fecha (AAAA-MM-DD)", "não é uma data (AAAA-MM-DD)"
)


def _choices(values: Any) -> str:
    return ", ".join(str(v) for v in values)


class _Reader:
    """Checks the parsed mapping, collecting every problem with its key path and line."""

    def __init__(self, text: str, source: str, format_: Format) -> None:
        self.text = text
        self.source = source
        self.format = format_
        self.problems: list[Problem] = []

    def line_of(self, keys: tuple[str, ...]) -> int | None:
        if not keys:
            return None
        if self.format is Format.YAML:
            return _yaml_line(self.text, keys)
        # TOML and JSON: the line where the last key is written (first match after its table).
        last = re.escape(keys[-1])
        pattern = re.compile(rf"^\s*[\"']?{last}[\"']?\s*[=:]|[\[{{,]\s*[\"']?{last}[\"']?\s*[=:]")
        for number, line in enumerate(self.text.splitlines(), 1):
            if pattern.search(line):
                return number
        return None

    def bad(self, keys: tuple[str, ...], value: Any, reason: Text | str) -> None:
        line = self.line_of(keys)
        where = self.source if line is None else f"{self.source}:{line}"
        dotted = ".".join(keys)
        self.problems.append(
            Problem(reason, path=f"{where}: {dotted}" if dotted else where, value=value)
        )

    def text_at(self, keys: tuple[str, ...], value: Any) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        self.bad(keys, value, _NOT_TEXT)
        return None

    def date_at(self, keys: tuple[str, ...], value: Any) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                if len(value.strip()) == 10:
                    return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.bad(keys, value, _NOT_DATE)
        return None

    def mapping_at(self, keys: tuple[str, ...], value: Any) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.bad(keys, value, _NOT_A_MAPPING)
            return {}
        return value

    def unknown_keys(self, keys: tuple[str, ...], raw: Mapping[str, Any], known: Any) -> None:
        for key in raw:
            if key not in known:
                self.bad(
                    (*keys, str(key)),
                    key,
                    _reason(
                        f"is not a key of the mapping here (choose {_choices(known)})",
                        f"no es una clave del mapeo aquí (elija {_choices(known)})",
                        f"não é uma chave do mapeamento aqui (escolha {_choices(known)})",
                    ),
                )


def _yaml_line(text: str, keys: tuple[str, ...]) -> int | None:
    """The line (1-based) of the key path ``keys`` in the YAML ``text``, or of its deepest
    existing parent; None if the text does not compose."""
    import yaml

    try:
        node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        for key_node, value_node in node.value:
            if str(key_node.value) == key:
                line = key_node.start_mark.line + 1
                node = value_node
                break
        else:
            break
    return line


def _parse(text: str, format_: Format, source: str) -> Any:
    codec = importlib.import_module(f"clac.io._{format_.value}")
    try:
        return codec.parse(text)
    except FileFormatError as error:
        raise FileFormatError(problems=[p.under(source) for p in error.problems]) from None


def loads_mapping(
    text: str,
    format: Format | str = Format.YAML,  # noqa: A002 - the name the other loaders use
    *,
    source: str = "<mapping>",
    folder: Path | None = None,
) -> SurveyMapping:
    """The mapping file given as text (see :func:`load_mapping`)."""
    format_ = Format.parse(format) if isinstance(format, str) else format
    raw = _parse(text, format_, source)
    reader = _Reader(text, source, format_)
    if not isinstance(raw, dict):
        reader.bad((), raw, _NOT_A_MAPPING)
        raise FileFormatError(problems=reader.problems)
    reader.unknown_keys((), raw, _KEYS)
    layout = _layout(reader, raw.get("layout"))
    respondent = None
    if "respondent" not in raw:
        reader.bad((), "respondent", _missing("respondent"))
    else:
        respondent = reader.text_at(("respondent",), raw["respondent"])
    round_rule = _round(reader, raw.get("round"))
    questions = _questions(reader, raw.get("questions"))
    names = _names(reader, raw.get("names"))
    answers = _answers(reader, raw.get("answers"))
    ignore = _ignore(reader, raw.get("ignore"))
    optional = {
        key: reader.text_at((key,), raw[key]) if key in raw else None
        for key in ("repeat", "repeat_file", "partner")
    }
    if layout is Layout.KOBO:
        for key in ("repeat", "partner"):
            if key not in raw:
                reader.bad((), key, _missing(key, "for layout kobo"))
    if reader.problems:
        raise FileFormatError(problems=reader.problems)
    assert layout is not None  # noqa: S101 - checked above
    assert respondent is not None  # noqa: S101 - checked above
    assert round_rule is not None  # noqa: S101 - checked above
    return SurveyMapping(
        layout=layout,
        respondent=respondent,
        round=round_rule,
        questions=questions,
        names=names,
        answers=answers,
        ignore=ignore,
        repeat=optional["repeat"],
        repeat_file=optional["repeat_file"],
        partner=optional["partner"],
        source=source,
        folder=folder,
    )


def _missing(key: str, why: str = "") -> Text:
    tail = f" {why}" if why else ""
    return _reason(
        f"is missing (the mapping needs {key}{tail})",
        f"falta (el mapeo necesita {key}{tail})",
        f"falta (o mapeamento precisa de {key}{tail})",
    )


def _layout(reader: _Reader, value: Any) -> Layout | None:
    if value is None:
        reader.bad((), "layout", _missing("layout", f"({_choices(Layout)})"))
        return None
    try:
        return Layout(str(value).strip().lower())
    except ValueError:
        reader.bad(
            ("layout",),
            value,
            _reason(
                f"is not a layout (choose {_choices(Layout)})",
                f"no es un formato de exportación (elija {_choices(Layout)})",
                f"não é um formato de exportação (escolha {_choices(Layout)})",
            ),
        )
        return None


def _round(reader: _Reader, value: Any) -> RoundRule | None:
    if value is None:
        reader.bad((), "round", _missing("round", "(date, or column)"))
        return None
    if isinstance(value, (date, str)):
        found = reader.date_at(("round",), value)
        return RoundRule(date=found) if found else None
    raw = reader.mapping_at(("round",), value)
    reader.unknown_keys(("round",), raw, _ROUND_KEYS)
    fixed = reader.date_at(("round", "date"), raw["date"]) if "date" in raw else None
    column = reader.text_at(("round", "column"), raw["column"]) if "column" in raw else None
    rounds: list[date] = []
    listed = raw.get("rounds", [])
    if not isinstance(listed, list):
        reader.bad(("round", "rounds"), listed, "must be a list of dates (YYYY-MM-DD)")
        listed = []
    for item in listed:
        found = reader.date_at(("round", "rounds"), item)
        if found:
            rounds.append(found)
    values: dict[str, date] = {}
    for label, day in reader.mapping_at(("round", "values"), raw.get("values")).items():
        found = reader.date_at(("round", "values", str(label)), day)
        if found:
            values[normalise(str(label))] = found
    day_first = raw.get("day_first")
    if day_first is not None and not isinstance(day_first, bool):
        reader.bad(("round", "day_first"), day_first, "must be true or false")
        day_first = None
    if ("date" in raw) == ("column" in raw):
        reader.bad(
            ("round",),
            sorted(raw),
            _reason(
                "needs either date (one round for every row) or column (a date per row)",
                "necesita date (una ronda para todas las filas) o column (una fecha por fila)",
                "precisa de date (uma rodada para todas as linhas) ou column (uma data por linha)",
            ),
        )
        return None
    return RoundRule(
        date=fixed, column=column, rounds=tuple(sorted(rounds)), values=values, day_first=day_first
    )


def _questions(reader: _Reader, value: Any) -> dict[str, str]:
    raw = reader.mapping_at(("questions",), value)
    if value is None:
        reader.bad((), "questions", _missing("questions", "(at least frequency and collaboration)"))
    reader.unknown_keys(("questions",), raw, MEASURES)
    found: dict[str, str] = {}
    for measure in MEASURES:
        if measure in raw:
            text = reader.text_at(("questions", measure), raw[measure])
            if text:
                found[measure] = text
        elif measure in _REQUIRED_MEASURES and value is not None:
            reader.bad(("questions",), measure, _missing(f"questions.{measure}"))
    return found


def _names(reader: _Reader, value: Any) -> dict[str, str]:
    """name -> organization id; "" for a name set to null (not an organization: left out)."""
    found: dict[str, str] = {}
    for name, org_id in reader.mapping_at(("names",), value).items():
        if org_id is None:
            found[str(name)] = ""
            continue
        text = reader.text_at(("names", str(name)), org_id)
        if text:
            found[str(name)] = text
    return found


def _answers(reader: _Reader, value: Any) -> dict[str, dict[str, str]]:
    scales = sorted(set(SCALES.values()))
    raw = reader.mapping_at(("answers",), value)
    reader.unknown_keys(("answers",), raw, scales)
    found: dict[str, dict[str, str]] = {}
    for scale in scales:
        words = reader.mapping_at(("answers", scale), raw.get(scale))
        table: dict[str, str] = {}
        for word, meaning in words.items():
            text = reader.text_at(("answers", scale, str(word)), meaning)
            if text is None:
                continue
            known = set(WORDS[scale].values())
            canonical = WORDS[scale].get(normalise(text))
            if canonical is None or normalise(canonical) != normalise(text):
                reader.bad(
                    ("answers", scale, str(word)),
                    meaning,
                    _reason(
                        f"is not a value of {scale} (choose {_choices(sorted(known))})",
                        f"no es un valor de {scale} (elija {_choices(sorted(known))})",
                        f"não é um valor de {scale} (escolha {_choices(sorted(known))})",
                    ),
                )
                continue
            table[normalise(str(word))] = canonical
        if table:
            found[scale] = table
    return found


def _ignore(reader: _Reader, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        reader.bad(("ignore",), value, "must be a list of column names")
        return ()
    found = []
    for item in value:
        text = reader.text_at(("ignore",), item)
        if text:
            found.append(text)
    return tuple(found)


def load_mapping(path: str | os.PathLike[str]) -> SurveyMapping:
    """The mapping file at ``path`` (``.yaml``/``.yml``, ``.toml`` or ``.json``).

    Raises :class:`~clac.errors.FileFormatError` listing every problem as
    ``FILE:LINE: key: 'value' reason`` (exit status 2 in the ``clac`` command).
    """
    source = os.fspath(path)
    format_ = Format.from_path(path)
    text = read_utf8(Path(path), None)
    return loads_mapping(text, format_, source=source, folder=Path(path).parent)
