"""Short, readable text for registry objects: what a failing property test prints.

A counterexample is read by a person, so it shows only what is there: an attrs object's
fields that differ from their defaults, dates as ISO days, enumerations by their value,
bilingual text by its first language, and long strings and long lists shortened
(``… +12 more``). The text is bounded by the number of items shown, never by the size of
the objects behind them.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, Protocol

import attrs

#: At most this many items of a list are shown, then ``… +N more``.
ITEMS = 3
#: At most this many characters of a string are shown.
CHARACTERS = 24
#: Objects and lists nested deeper than this are elided: ``Member(…)``, ``[…]``.
DEPTH = 3


class Printer(Protocol):
    """What ``_repr_pretty_`` is given by IPython and Hypothesis: something to write text to."""

    def text(self, text: str) -> None:
        """Write ``text``."""


def compact(value: Any, depth: int = 0) -> str:
    """``value`` as short, readable text (see the module's doc).

    >>> from datetime import date
    >>> compact((date(2024, 5, 1), "a" * 40, *range(6)))
    "[2024-05-01, 'aaaaaaaaaaaaaaaaaaaaaaa…', 0, … +5 more]"
    """
    if isinstance(value, dict):
        return _mapping(value, depth)
    if isinstance(value, (tuple, list, frozenset, set)):
        return _sequence(list(value), depth)
    if attrs.has(type(value)):
        if depth > DEPTH:  # deeper parts are elided, so nesting cannot blow the text up
            return f"{type(value).__name__}(…)"
        return f"{type(value).__name__}({', '.join(changed_fields(value, depth + 1))})"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, str):
        return repr(value if len(value) <= CHARACTERS else value[: CHARACTERS - 1] + "…")
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def _sequence(values: list[Any], depth: int) -> str:
    if depth > DEPTH:
        return "[…]" if values else "[]"
    return "[" + ", ".join(_cut([compact(v, depth + 1) for v in values[:ITEMS]], values)) + "]"


def _mapping(value: dict[Any, Any], depth: int) -> str:
    if depth > DEPTH:
        return "{…}" if value else "{}"
    pairs = list(value.items())
    shown = [f"{compact(k, depth + 1)}: {compact(v, depth + 1)}" for k, v in pairs[:ITEMS]]
    return "{" + ", ".join(_cut(shown, pairs)) + "}"


def changed_fields(value: Any, depth: int = 0, skip: frozenset[str] = frozenset()) -> list[str]:
    """``name=text`` for each of an attrs object's fields that differs from its default."""
    shown = []
    for field in attrs.fields(type(value)):
        if not field.init or field.name in skip or field.name.startswith("_"):
            continue
        current = getattr(value, field.name)
        if _is_default(field, current):
            continue
        shown.append(f"{field.name}={compact(current, depth)}")
    return shown


def _is_default(field: attrs.Attribute[Any], current: Any) -> bool:
    default: Any = field.default
    if default is attrs.NOTHING:
        return False
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type] # attrs' Factory is a class
        if default.takes_self:
            return False
        default = default.factory()
    if current is default:
        return True
    try:
        return bool(current == default) or (current == () and default == [])
    except Exception:  # noqa: BLE001 - an odd value is shown rather than compared
        return False


def _cut(shown: list[str], values: list[Any]) -> list[str]:
    if len(values) <= ITEMS:
        return shown
    return [*shown, f"… +{len(values) - ITEMS} more"]
