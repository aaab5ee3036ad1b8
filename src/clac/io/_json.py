"""JSON registry files, with the standard library's :mod:`json`; dates are ISO 8601 strings."""

from __future__ import annotations

import json
from typing import Any

import cattrs.preconf.json

from clac.errors import FileFormatError
from clac.io._converter import make_converter

__all__ = ["CONVERTER", "parse", "serialize"]

#: JSON has no dates: they are written as ISO 8601 strings.
CONVERTER = make_converter(cattrs.preconf.json.make_converter, native_dates=False)


def parse(text: str) -> Any:
    """The data of a JSON document; FileFormatError, with line and column, if it is not one."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FileFormatError(
            f"has a JSON syntax error at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise FileFormatError("is nested too deeply to read") from None


def serialize(data: Any) -> str:
    """``data`` as indented JSON, keys in the order given, non-ASCII text as it is."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
