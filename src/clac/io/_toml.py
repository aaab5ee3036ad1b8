"""TOML registry files: :mod:`tomllib` to read, ``tomli_w`` to write."""

from __future__ import annotations

import tomllib
from typing import Any

import cattrs.preconf.tomllib
import tomli_w

from clac.errors import FileFormatError
from clac.io._converter import make_converter

__all__ = ["CONVERTER", "parse", "serialize"]

#: TOML has dates of its own (and no null: None-valued keys are never written).
CONVERTER = make_converter(cattrs.preconf.tomllib.make_converter, native_dates=True)


def parse(text: str) -> Any:
    """The data of a TOML document; FileFormatError, with line and column, if it is not one."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line L, column C)".
        raise FileFormatError(f"has a TOML syntax error: {error}") from None
    except RecursionError:
        raise FileFormatError("is nested too deeply to read") from None


def serialize(data: Any) -> str:
    """``data`` as a TOML document."""
    text: str = tomli_w.dumps(data)
    return text
