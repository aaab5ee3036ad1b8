"""attrs validators and converters that raise :class:`~clac.errors.InvalidData`.

attrs' own validators raise ``TypeError``/``ValueError`` with messages about Python types; clac's
users need the field path and the offending value, in the ``ClacError`` hierarchy.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, NoReturn, TypeVar

import attrs

from clac.errors import ClacError, InvalidData
from clac.text import Text

E = TypeVar("E", bound=Enum)
V = TypeVar("V", bound=Callable[..., Any])
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
#: What a validator says about the JSON Schema of the values it accepts: a dict of JSON Schema
#: keywords, or a function returning one (for constraints that are costly to list, like countries).
SchemaSource = dict[str, Any] | Callable[[], dict[str, Any]]
SCHEMA_ATTRIBUTE = "json_schema"

_IDENTIFIER = re.compile(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*")
_SLUG = re.compile(r"^(?=.{1,80}$)[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
POLICY_GOAL_ID = re.compile(r"^PG-[1-9][0-9]*$")
OBJECTIVE_ID = re.compile(r"^OBJ-[1-9][0-9]*$")
_SLUG_BODY = r"[a-z0-9]+(?:[-_.][a-z0-9]+)*"
#: A framework item named across frameworks: ``framework/item``, e.g. 'mnr/hotline'.
ITEM_REF = re.compile(rf"^(?=.{{1,161}}$){_SLUG_BODY}/{_SLUG_BODY}$")


def with_schema(validator: V, schema: SchemaSource) -> V:
    """Attach ``schema`` to ``validator`` as its ``json_schema`` attribute, and return it.

    This is metadata only: :mod:`clac.schema` reads it to put the model's bounds and patterns
    into the registry file's JSON Schema; the validator behaves exactly as before.
    """
    vars(validator)[SCHEMA_ATTRIBUTE] = schema
    return validator


def schema_of(validator: object) -> dict[str, Any]:
    """The JSON Schema keywords ``validator`` carries (``{}`` when it carries none)."""
    source = getattr(validator, SCHEMA_ATTRIBUTE, None)
    if source is None:
        return {}
    return dict(source() if callable(source) else source)


def fail(attribute: attrs.Attribute[Any] | str, value: Any, reason: str | Text) -> NoReturn:
    """Raise InvalidData for ``value`` at ``attribute``."""
    name = attribute if isinstance(attribute, str) else attribute.name
    raise InvalidData(reason, path=name, value=value)


def missing(path: str, reason: str | Text) -> NoReturn:
    """Raise InvalidData for a value that should be there and is not."""
    raise InvalidData(reason, path=path)


def _type_name(value: object) -> str:
    return type(value).__name__


def text(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-blank string."""
    if not isinstance(value, str):
        fail(attribute, value, f"must be text, not {_type_name(value)}")
    if not value.strip():
        fail(attribute, value, "must not be empty")


def slug(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An identifier: lower-case letters, digits, '.', '_' or '-', at most 80 characters."""
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        fail(
            attribute,
            value,
            "is not a valid id (lower-case letters and digits, joined by single '-', '_' or "
            "'.', at most 80 characters)",
        )


def email(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Something shaped like an e-mail address."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        fail(attribute, value, "is not an e-mail address")


def policy_goal_id(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A policy-goal id such as 'PG-3'."""
    if not isinstance(value, str) or not POLICY_GOAL_ID.fullmatch(value):
        fail(attribute, value, "is not a policy goal id (PG-1 … PG-8)")


def objective_id(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An objective id such as 'OBJ-1'."""
    if not isinstance(value, str) or not OBJECTIVE_ID.fullmatch(value):
        fail(attribute, value, "is not an objective id (OBJ-1, OBJ-2)")


def item_ref(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A framework item reference such as 'icmec-legislation/definition'."""
    if not isinstance(value, str) or not ITEM_REF.fullmatch(value):
        fail(attribute, value, "is not a framework item reference ('framework/item')")


def a_date(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A calendar date (not a datetime)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        fail(attribute, value, "is not a date (YYYY-MM-DD)")


def boolean(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """True or False, not a truthy string."""
    if not isinstance(value, bool):
        fail(attribute, value, "must be true or false")


def member_of(enum: type[E]) -> Validator:
    """A member of ``enum``."""
    choices = ", ".join(repr(m.value) for m in enum)

    def check(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, enum):
            fail(attribute, value, f"is not one of {choices}")

    return check


def integer(*, minimum: int | None = None, maximum: int | None = None) -> Validator:
    """An int (not a bool) within the bounds."""

    def check(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            fail(attribute, value, "must be a whole number")
        _within(attribute, value, minimum, maximum)

    return with_schema(check, _bounds_schema("integer", minimum, maximum))


def number(*, minimum: float | None = None, maximum: float | None = None) -> Validator:
    """A finite int or float within the bounds."""

    def check(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not math.isfinite(value)
        ):
            fail(attribute, value, "must be a finite number")
        _within(attribute, value, minimum, maximum)

    return with_schema(check, _bounds_schema("number", minimum, maximum))


def _bounds_schema(kind: str, minimum: float | None, maximum: float | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


def _within(
    attribute: attrs.Attribute[Any], value: float, minimum: float | None, maximum: float | None
) -> None:
    if minimum is not None and value < minimum:
        fail(attribute, value, f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        fail(attribute, value, f"must be at most {maximum}")


def instance(cls: type[Any], what: str) -> Validator:
    """An instance of ``cls``, described to the user as ``what``."""

    def check(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            fail(attribute, value, f"must be {what}, not {_type_name(value)}")

    return check


def instance_of(*types: type) -> Validator:
    """An instance of one of ``types`` (never a ``bool`` where an ``int`` is asked)."""
    names = " or ".join(t.__name__ for t in types)

    def check(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            fail(attribute, value, f"must be a {names}")

    return check


def identifier(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A charter identifier: letters (either case) and digits joined by '-', '_' or '.'."""
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        fail(attribute, value, "must be an identifier of letters and digits joined by '-'")


def optional(validator: Validator) -> Validator:
    """``None`` or whatever ``validator`` accepts."""

    def check(instance_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance_, attribute, value)

    # The schema of the value when present; clac.schema adds the null from the type hint.
    return with_schema(check, lambda: schema_of(validator))


def each(validator: Validator, *, unique: bool = False) -> Validator:
    """A tuple whose every item ``validator`` accepts; paths name the index (``goals[2]``)."""

    def check(instance_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            fail(attribute, value, f"must be a list, not {_type_name(value)}")
        seen: set[Any] = set()
        for index, item in enumerate(value):
            try:
                validator(instance_, attribute, item)
            except ClacError as error:
                raise _reroot(error, attribute.name, f"{attribute.name}[{index}]") from None
            if unique:
                key = repr(item)
                if key in seen:
                    fail(f"{attribute.name}[{index}]", item, "appears twice")
                seen.add(key)

    def schema() -> dict[str, Any]:
        array: dict[str, Any] = {"type": "array", "items": schema_of(validator)}
        if unique:
            array["uniqueItems"] = True
        return array

    return with_schema(check, schema)


def _reroot(error: ClacError, name: str, path: str) -> ClacError:
    """Re-label an error raised for a whole field as raised for one of its items."""
    problems = [
        p.under(path) if p.path == "" else (p.under(path) if p.path != name else _rename(p, path))
        for p in error.problems
    ]
    rerooted = error.__class__.__new__(error.__class__)
    ClacError.__init__(rerooted, problems=problems)
    return rerooted


def _rename(problem: Any, path: str) -> Any:
    from clac.errors import Problem

    return (
        Problem(problem.reason, path=path, value=problem.value)
        if problem.has_value
        else (Problem(problem.reason, path=path))
    )


def country(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-1 alpha-2 country code, upper case."""
    if not isinstance(value, str) or not _is_country(value):
        fail(attribute, value, "is not an ISO 3166-1 alpha-2 country code")


@functools.cache
def _is_country(code: str) -> bool:
    from clac.countries import is_country  # pycountry is imported on first use only

    return is_country(code)


def country_or_region(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-1 alpha-2 country code, or a region's id (``LAC``: every country of it);
    a country's name instead suggests its code."""
    from clac.countries import REGIONS, code_for_name

    if not isinstance(value, str) or not (value in REGIONS or _is_country(value)):
        reason = f"is not an ISO 3166-1 alpha-2 country code or a region ({', '.join(REGIONS)})"
        code = code_for_name(value) if isinstance(value, str) else None
        if code is not None:
            reason += f"; did you mean {code}?"
        fail(attribute, value, reason)


def _country_or_region_schema() -> dict[str, Any]:
    from clac.countries import REGIONS

    return _codes_schema([*_country_codes(), *REGIONS])


def _country_schema() -> dict[str, Any]:
    return _codes_schema(_country_codes())


def _country_codes() -> list[str]:
    import pycountry

    return sorted(country.alpha_2 for country in pycountry.countries)


def _codes_schema(codes: list[str]) -> dict[str, Any]:
    """The codes as written (upper case, what editors offer), or in any case: loading reads
    ``br`` as ``BR`` (:func:`to_upper`)."""
    any_case = "|".join(
        "".join(f"[{c}{c.lower()}]" if c.isalpha() else c for c in code) for code in codes
    )
    return {
        "anyOf": [
            {"type": "string", "enum": codes},
            {"type": "string", "pattern": f"^(?:{any_case})$"},
        ],
        "description": "an ISO 3166-1 alpha-2 code, in any case (read as upper case)",
    }


# The schema each plain validator stands for (read by clac.schema; behaviour is unchanged).
with_schema(text, {"type": "string", "pattern": r"\S"})
with_schema(slug, {"type": "string", "pattern": _SLUG.pattern})
# (the schema's address also holds no control character: loading refuses one in any text)
_ADDRESS_PART = r"[^@\s\x00-\x1f\x7f-\x9f]+"
with_schema(
    email, {"type": "string", "pattern": f"^{_ADDRESS_PART}@{_ADDRESS_PART}\\.{_ADDRESS_PART}$"}
)
with_schema(identifier, {"type": "string", "pattern": f"^{_IDENTIFIER.pattern}$"})
with_schema(policy_goal_id, {"type": "string", "pattern": POLICY_GOAL_ID.pattern})
with_schema(objective_id, {"type": "string", "pattern": OBJECTIVE_ID.pattern})
with_schema(item_ref, {"type": "string", "pattern": ITEM_REF.pattern})
with_schema(a_date, {"type": "string", "format": "date"})
with_schema(boolean, {"type": "boolean"})
with_schema(country, _country_schema)
with_schema(country_or_region, _country_or_region_schema)


# Converters: accept the friendly spellings Python callers use, leave anything else unchanged
# so that the validator reports it with its path.


def to_tuple(value: Any) -> Any:
    """A list or tuple becomes a tuple; a string or anything else is left for the validator."""
    if isinstance(value, list | tuple):
        return tuple(value)
    return value


def to_enum(enum: type[E]) -> Callable[[Any], Any]:
    """A value of ``enum`` given as the enum member or its string value."""

    def convert(value: Any) -> Any:
        if isinstance(value, enum):
            return value
        try:
            return enum(value)
        except (ValueError, TypeError):
            return value

    return convert


def to_upper(value: Any) -> Any:
    """Country codes are upper case; 'br' is read as 'BR'."""
    return value.upper() if isinstance(value, str) else value


def to_upper_tuple(value: Any) -> Any:
    """A list of country codes, each upper-cased."""
    value = to_tuple(value)
    if isinstance(value, tuple):
        return tuple(to_upper(v) for v in value)
    return value
