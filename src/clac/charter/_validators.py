"""attrs validators for the charter's value objects that raise :class:`~clac.errors.InvalidData`.

attrs' own ``instance_of`` raises ``TypeError``; clac promises that every impossible value is an
``InvalidData`` naming the field, so the charter validates with these instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import attrs

from clac.errors import InvalidData

__all__ = [
    "date_only",
    "instance_of",
    "optional_date",
    "optional_instance_of",
    "positive_int",
    "slug",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SLUG = re.compile(r"^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$")


def _type_names(types: tuple[type, ...]) -> str:
    return " or ".join(t.__name__ for t in types)


def instance_of(*types: type) -> Validator:
    """A validator accepting instances of ``types`` (never ``bool`` where ``int`` is asked)."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) and bool not in types:
            raise InvalidData(f"must be a {_type_names(types)}", path=attribute.name, value=value)
        if not isinstance(value, types):
            raise InvalidData(f"must be a {_type_names(types)}", path=attribute.name, value=value)

    return check


def optional_instance_of(*types: type) -> Validator:
    """Like :func:`instance_of`, also accepting ``None``."""
    inner = instance_of(*types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def positive_int(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ``int`` (not a ``bool``) of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidData("must be a whole number", path=attribute.name, value=value)
    if value < 1:
        raise InvalidData("must be at least 1", path=attribute.name, value=value)


def date_only(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A calendar ``date``; a ``datetime`` is refused because it does not compare with a date."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidData("must be a date (not a datetime)", path=attribute.name, value=value)


def optional_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Like :func:`date_only`, also accepting ``None``."""
    if value is not None:
        date_only(instance, attribute, value)


def slug(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An identifier: letters and digits, joined by ``-``, ``_`` or ``.``."""
    if not isinstance(value, str) or not _SLUG.match(value):
        raise InvalidData(
            "must be an identifier of letters and digits joined by '-'",
            path=attribute.name,
            value=value,
        )


def tuple_of(*types: type) -> Validator:
    """A ``tuple`` whose every element is one of ``types``; errors name ``field[index]``."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise InvalidData("must be a tuple", path=attribute.name, value=value)
        for index, element in enumerate(value):
            if not isinstance(element, types):
                raise InvalidData(
                    f"must be a {_type_names(types)}",
                    path=f"{attribute.name}[{index}]",
                    value=element,
                )

    return check
