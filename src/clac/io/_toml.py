"""TOML registry files: :mod:`tomllib` to read, ``tomli_w`` to write.

:mod:`tomllib` refuses a key given twice itself; its message is given with a hint. A whole
number longer than Python reads (4,300 digits) makes it fail with a bare ``ValueError``: the
document is then read again with each such number replaced by a marker, to report the path
of every one (:mod:`clac.io._guards`).
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import cattrs.preconf.tomllib
import tomli_w

from clac.errors import FileFormatError, Problem
from clac.io._converter import make_converter
from clac.io._guards import DIGIT_LIMIT, HugeNumber, huge_number_problem, refuse_marked
from clac.io._messages import syntax_error, too_deep
from clac.text import Text

__all__ = ["CONVERTER", "parse", "serialize"]

#: TOML has dates of its own (and no null: None-valued keys are never written).
CONVERTER = make_converter(cattrs.preconf.tomllib.make_converter, native_dates=True)

_WHERE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")
_OVERWRITE = ("Cannot overwrite a value", "Cannot declare", "Cannot mutate")


def parse(text: str) -> Any:
    """The data of a TOML document; FileFormatError, with line and column, if it is not one."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if message.startswith(_OVERWRITE):
            repeated = _repeated_key(text)
            if repeated is not None:
                raise FileFormatError(problems=[repeated]) from None
        raise FileFormatError(_syntax_reason(message)) from None
    except RecursionError:
        raise FileFormatError(too_deep()) from None
    except ValueError:  # a whole number past the int-string limit
        raise FileFormatError(problems=_huge_numbers(text)) from None


def _syntax_reason(message: str) -> Text:
    where = _WHERE.search(message)
    detail = message[: where.start()] if where else message
    line = column = None
    if where and where.group(1):
        line, column = int(where.group(1)), int(where.group(2))
    if detail.startswith(_OVERWRITE):
        detail += " (a key or table given twice?)"
    return syntax_error("TOML", line, column, detail)


_TABLE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_BARE_OR_QUOTED = r"""(?:[A-Za-z0-9_-]+|"[^"\\]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_MULTI_LINE_QUOTES = ('"' * 3, "'" * 3)


def _repeated_key(text: str) -> Problem | None:
    """The first key (or table) the TOML text gives twice in one table, with its path and its
    lines; None when a simple reading of the lines does not find it (tomllib's own message is
    given then)."""
    where = ""
    elements: dict[str, int] = {}
    tables: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    in_string = False
    for number, line in enumerate(text.splitlines(), 1):
        opens_or_closes = any(line.count(quotes) % 2 for quotes in _MULTI_LINE_QUOTES)
        if in_string:  # inside a multi-line string: not a key
            in_string = not opens_or_closes
            continue
        in_string = opens_or_closes
        header = _TABLE.match(line)
        if header is not None:
            name = header.group(2).replace(" ", "")
            if header.group(1) == "[[":
                elements[name] = elements.get(name, -1) + 1
                where = f"{name}[{elements[name]}]"
            else:
                if name in tables:
                    parent, _, last = name.rpartition(".")
                    return _twice(last, parent, tables[name], number)
                tables[name] = number
                where = name
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        name = "".join(key.group(1).split()).strip("\"'")
        if (where, name) in seen:
            return _twice(name, where, seen[where, name], number)
        seen[where, name] = number
    return None


def _twice(key: str, at: str, first: int, second: int) -> Problem:
    return Problem(
        Text(
            f"is given twice in this table (lines {first} and {second}; the second would "
            "replace the first)",
            f"aparece dos veces en esta tabla (líneas {first} y {second}; la segunda "
            "reemplazaría a la primera)",
            pt=f"aparece duas vezes nesta tabela (linhas {first} e {second}; a segunda "
            "substituiria a primeira)",
        )
        if at
        else Text(
            f"is given twice at the top level (lines {first} and {second}; the second would "
            "replace the first)",
            f"aparece dos veces en el nivel superior (líneas {first} y {second}; la segunda "
            "reemplazaría a la primera)",
            pt=f"aparece duas vezes no nível superior (linhas {first} e {second}; a segunda "
            "substituiria a primeira)",
        ),
        path=at,
        value=key,
        personal=False,
    )


# A bare decimal whole number: digits, possibly signed, possibly with underscores.
_LONG_NUMBER = re.compile(rf"(?<![\w.])[+-]?[0-9](?:_?[0-9]){{{DIGIT_LIMIT},}}(?![\w.])")
_MARKER = "0.987654321012345678"


def _huge_numbers(text: str) -> list[Problem]:
    """Every whole number too long to read, with its path (or its line, failing that)."""
    found = list(_LONG_NUMBER.finditer(text))
    replaced = text
    markers: dict[str, int] = {}
    for index, match in reversed(list(enumerate(found))):
        marker = f"{_MARKER}{index}"
        markers[marker] = len(match.group().lstrip("+-").replace("_", ""))
        replaced = replaced[: match.start()] + marker + replaced[match.end() :]

    def parse_float(literal: str) -> Any:
        return HugeNumber(markers[literal]) if literal in markers else float(literal)

    try:
        refuse_marked(tomllib.loads(replaced, parse_float=parse_float))
    except FileFormatError as error:
        return list(error.problems)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        pass
    problems = []
    for match in found:
        line = text.count("\n", 0, match.start()) + 1
        digits = len(match.group().lstrip("+-").replace("_", ""))
        problems.append(huge_number_problem(digits, (), where=f" (line {line})"))
    return problems or [huge_number_problem(DIGIT_LIMIT + 1, ())]


def serialize(data: Any) -> str:
    """``data`` as a TOML document."""
    text: str = tomli_w.dumps(data)
    return text
