"""JSON registry files, with the standard library's :mod:`json`; dates are ISO 8601 strings.

Reading refuses what :mod:`json` lets through silently: a key given twice in an object (the
last would win) and a whole number too long to read; each is reported with its path
(:mod:`clac.io._guards`).
"""

from __future__ import annotations

import json
from typing import Any

import cattrs.preconf.json

from clac.errors import FileFormatError
from clac.io._converter import make_converter
from clac.io._guards import DIGIT_LIMIT, HugeNumber, Repeated, refuse_marked
from clac.io._messages import syntax_error, too_deep

__all__ = ["CONVERTER", "parse", "serialize"]

#: JSON has no dates: they are written as ISO 8601 strings.
CONVERTER = make_converter(cattrs.preconf.json.make_converter, native_dates=False)


def parse(text: str) -> Any:
    """The data of a JSON document; FileFormatError, with line and column, if it is not one."""
    marks = _Marks()
    try:
        data = json.loads(text, object_pairs_hook=marks.mapping, parse_int=marks.integer)
    except json.JSONDecodeError as error:
        raise FileFormatError(syntax_error("JSON", error.lineno, error.colno, error.msg)) from None
    except RecursionError:
        raise FileFormatError(too_deep()) from None
    if marks.found:
        refuse_marked(data)
    return data


class _Marks:
    """Hooks for :func:`json.loads` that mark repeated keys and huge numbers."""

    __slots__ = ("found",)

    def __init__(self) -> None:
        self.found = False

    def mapping(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        data = dict(pairs)
        if len(data) == len(pairs):
            return data
        self.found = True
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        return Repeated(data, list(repeated))

    def integer(self, digits: str) -> int | HugeNumber:
        count = len(digits) - digits.startswith("-")
        if count <= DIGIT_LIMIT:
            return int(digits)
        self.found = True
        return HugeNumber(count)


def serialize(data: Any) -> str:
    """``data`` as indented JSON, keys in the order given, non-ASCII text as it is."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
