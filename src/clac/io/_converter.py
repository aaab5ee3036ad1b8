"""The cattrs configuration every registry-file format shares: :func:`make_converter`.

Each format module (``_yaml``, ``_json``, ``_toml``) builds its own converter from a
:mod:`cattrs.preconf` one with :func:`make_converter`; nothing is ever registered on cattrs'
global converter. On top of the preconfigured hooks this module makes structuring strict and
its errors speak the file's language:

- unknown keys are errors (``forbid_extra_keys``) and every error of a file is collected
  (``detailed_validation``), each with the path where it happened;
- text holds no NUL, other control character or lone surrogate, and single-line fields (names,
  ids, titles) no line break or tab; multi-line fields (:data:`MULTI_LINE_FIELDS`: notes,
  descriptions …) keep tab and newline (:func:`clac.io._guards.text_problem`);
- whole numbers are at most :data:`~clac.io._guards.DIGIT_LIMIT` digits long;
- primitives are never coerced: ``"5"`` is not a number, ``1`` is not text, ``"false"`` is not
  a boolean, a string is not a list;
- dates are ISO 8601 ``YYYY-MM-DD`` strings, or native dates where the format has them (YAML,
  TOML); a date and time, or an impossible date (2024-02-30), is refused;
- enums are written by value, except :class:`~clac.model.RepresentativeLevel`, an ``IntEnum``,
  which is written by its lower-case name (``middle``);
- :class:`~clac.periods.Month` is ``"YYYY-MM"``;
- a date the user may know only roughly (:data:`~clac.periods.DateValue`: joined, formed,
  signed, evidence …) is a date, a month ``"YYYY-MM"`` or a year (``2016``, or ``"2016"``); a
  month is written ``"YYYY-MM"`` and a year as the number, so each keeps its precision;
- ``None`` is never written (TOML has no null): a missing key reads as the field's default, or
  as ``None`` for an optional field without one.

Type errors raise :class:`~clac.errors.InvalidData` without a path; cattrs' notes say where
they happened and :mod:`clac.io._problems` joins the two.
"""

from __future__ import annotations

import contextvars
import functools
import operator
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from enum import Enum, IntEnum, StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from clac.errors import ClacError, InvalidData
from clac.io._guards import DIGIT_LIMIT, HugeNumber, huge_number_problem, text_problem
from clac.io._keys import FILE_KEYS, OMITTED_FIELDS, file_fields, file_key
from clac.model import RepresentativeLevel
from clac.periods import (
    MAX_YEAR,
    MIN_YEAR,
    ApproximateDate,
    DateValue,
    Month,
    Precision,
    check_day,
)
from clac.text import Text

__all__ = [
    "DATE_PATTERN",
    "FILE_KEYS",
    "MAX_LIST_PROBLEMS",
    "MULTI_LINE_FIELDS",
    "OMITTED_FIELDS",
    "enum_file_values",
    "file_fields",
    "file_key",
    "kind_of",
    "make_converter",
    "optional_arm",
]

C = TypeVar("C", bound=cattrs.Converter)

#: How a date is written in a file (the JSON Schema uses the same pattern).
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE = re.compile(DATE_PATTERN)

#: Fields whose text may span lines (and hold tabs): prose rather than names. Any other text
#: field must be one line. A model field can also say so itself with
#: ``metadata={"multi_line": True}``.
MULTI_LINE_FIELDS: frozenset[str] = frozenset(
    {
        "assessment",
        "body",
        "comment",
        "comments",
        "description",
        "explanation",
        "note",
        "notes",
        "summary",
        "text",
        "track_record",
        "why",
    }
)

# Whether the text being structured belongs to a multi-line field (set around such fields).
_MULTI_LINE: contextvars.ContextVar[bool] = contextvars.ContextVar("multi_line", default=False)

# Enums written by name rather than value (IntEnums, whose values mean nothing to a reader).
_BY_NAME: frozenset[type[Enum]] = frozenset({RepresentativeLevel})


@functools.cache
def enum_file_values(enum: type[Enum]) -> Mapping[str, Enum]:
    """How each member of ``enum`` is written in a registry file, in definition order."""
    if enum in _BY_NAME:
        return MappingProxyType({member.name.lower(): member for member in enum})
    return MappingProxyType({str(member.value): member for member in enum})


def optional_arm(hint: Any) -> Any | None:
    """``X`` for a hint ``X | None`` (``X`` may be a union itself); ``None`` for any other
    hint."""
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return None
    arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
    if len(arms) == len(typing.get_args(hint)):
        return None
    return functools.reduce(operator.or_, arms)


def kind_of(value: object) -> str:
    """What ``value`` is, in a file's words: ``text``, ``a list``, ``a mapping`` …"""
    if value is None:
        return "null"
    # bool before int and datetime before date: each is a subclass of the other.
    for cls, kind in _KINDS:
        if isinstance(value, cls):
            return kind
    return type(value).__name__


_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "true/false"),
    (int, "a whole number"),
    (float, "a number"),
    (str, "text"),
    (datetime, "a date and time"),
    (date, "a date"),
    (time, "a time"),
    ((list, tuple), "a list"),
    (Mapping, "a mapping"),
)


def _wrong(value: object, expected: str) -> InvalidData:
    shown = value.isoformat() if isinstance(value, date | time) else value
    return InvalidData(f"must be {expected}, not {kind_of(value)}", value=shown)


# ------------------------------------------------------------------------------- primitives


def _structure_str(value: Any, _type: Any) -> str:
    if not isinstance(value, str):
        raise _wrong(value, "text")
    if value.isprintable() and value.isascii():  # the common case, at C speed
        return value
    problem = text_problem(value, multi_line=_MULTI_LINE.get())
    if problem is not None:
        raise InvalidData(problem, value=value)
    return value


def _structure_int(value: Any, _type: Any) -> int:
    if isinstance(value, HugeNumber):
        raise InvalidData(problems=[huge_number_problem(value.digits, ())])
    if not isinstance(value, int) or isinstance(value, bool):
        raise _wrong(value, "a whole number")
    if value.bit_length() > _BITS_LIMIT:  # written in hexadecimal or binary, past the limit
        digits = int(value.bit_length() * 0.30103) + 1
        raise InvalidData(problems=[huge_number_problem(digits, ())])
    return value


_BITS_LIMIT = int(DIGIT_LIMIT * 3.3219) - 1  # a little under 10 ** DIGIT_LIMIT


def _structure_float(value: Any, _type: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _wrong(value, "a number")
    return value


def _structure_bool(value: Any, _type: Any) -> bool:
    if not isinstance(value, bool):
        raise _wrong(value, "true or false")
    return value


def _structure_date(value: Any, _type: Any) -> date:
    if isinstance(value, datetime):
        raise InvalidData(
            "is a date and time; give the date alone (YYYY-MM-DD)", value=value.isoformat()
        )
    if isinstance(value, date):
        return check_day(value)
    if not isinstance(value, str):
        raise _wrong(value, "a date (YYYY-MM-DD)")
    if not _DATE.match(value):
        raise InvalidData("is not a date (YYYY-MM-DD)", value=value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidData("is not a real date (YYYY-MM-DD)", value=value) from None
    return check_day(day)


def _structure_month(value: Any, _type: Any) -> Month:
    if not isinstance(value, str):
        raise _wrong(value, "a month (YYYY-MM)")
    try:
        return Month.parse(value)
    except ClacError:
        raise InvalidData("is not a month (YYYY-MM, from 01 to 12)", value=value) from None


def _structure_date_value(value: Any, _type: Any) -> DateValue:
    rough = "a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)"
    if isinstance(value, date) or (isinstance(value, str) and _DATE.match(value)):
        return _structure_date(value, date)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _wrong(value, rough)
    if isinstance(value, int) and not MIN_YEAR <= value <= MAX_YEAR:
        raise InvalidData(
            f"is not a year between {MIN_YEAR} and {MAX_YEAR} (a date is YYYY-MM-DD)", value=value
        )
    try:
        approximate = ApproximateDate.parse(value)
    except ClacError:
        raise InvalidData(f"is not {rough}", value=value) from None
    return approximate.exact or approximate


def _unstructure_date_value(native_dates: bool) -> Callable[[DateValue], Any]:
    def unstructure(value: DateValue) -> Any:
        if isinstance(value, ApproximateDate):
            if value.exact is not None:
                value = value.exact
            else:
                return value.year if value.precision is Precision.YEAR else value.isoformat()
        return value if native_dates else value.isoformat()

    return unstructure


def _structure_enum(value: Any, enum: type[Enum]) -> Enum:
    table = enum_file_values(enum)
    if isinstance(value, str) and value in table:
        return table[value]
    choices = ", ".join(repr(name) for name in table)
    raise InvalidData(f"is not one of {choices}", value=value)


def _unstructure_enum(member: Enum) -> str:
    return member.name.lower() if type(member) in _BY_NAME else str(member.value)


# ------------------------------------------------------------------------------ containers

#: The most wrong items of one list a file's error lists; the items after them are left
#: unchecked (and counted), so that a huge file of wrong values is refused in bounded time.
MAX_LIST_PROBLEMS = 1000


def _unchecked(count: int) -> InvalidData:
    return InvalidData(
        Text(
            f"has {count:,} more items, not checked after {MAX_LIST_PROBLEMS:,} wrong ones",
            f"tiene {count:,} elementos más, sin revisar tras {MAX_LIST_PROBLEMS:,} erróneos",
            pt=f"tem mais {count:,} itens, não verificados após {MAX_LIST_PROBLEMS:,} errados",
        )
    )


def _is_homogeneous_tuple(hint: Any) -> bool:
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_mapping(hint: Any) -> bool:
    origin = typing.get_origin(hint)
    return origin is not None and isinstance(origin, type) and issubclass(origin, Mapping)


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Enum)


def _tuple_hooks(converter: cattrs.Converter) -> None:
    def structure_factory(hint: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = typing.get_args(hint)[0]
        item_hook = converter.get_structure_hook(item_type)

        def structure(value: Any, _type: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _wrong(value, "a list")
            # The common case, a valid list, without the bookkeeping below; on any error the
            # list is structured again item by item, to collect every error with its index.
            try:  # not contextlib.suppress: a context manager per list is a cost of its own
                return tuple([item_hook(item, item_type) for item in value])
            except Exception:  # noqa: BLE001, S110 - structured again below, errors collected
                pass
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as error:  # noqa: BLE001 - collected, reported with its index
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(f"Structuring item {index}", index, item_type),
                    ]
                    errors.append(error)
                    if len(errors) == MAX_LIST_PROBLEMS and index + 1 < len(value):
                        errors.append(_unchecked(len(value) - index - 1))
                        break
            if errors:
                raise IterableValidationError(f"While structuring {hint!r}", errors, hint)
            return tuple(items)

        return structure

    def unstructure_factory(hint: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item_hook = converter.get_unstructure_hook(typing.get_args(hint)[0])
        return lambda value: [item_hook(item) for item in value]

    converter.register_structure_hook_factory(_is_homogeneous_tuple, structure_factory)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, unstructure_factory)


def _mapping_hooks(converter: cattrs.Converter) -> None:
    def structure_factory(hint: Any) -> Callable[[Any, Any], dict[str, Any]]:
        key_type, value_type = typing.get_args(hint)
        key_hook = converter.get_structure_hook(key_type)
        value_hook = converter.get_structure_hook(value_type)

        def structure(value: Any, _type: Any) -> dict[str, Any]:
            if not isinstance(value, Mapping):
                raise _wrong(value, "a mapping")
            result: dict[str, Any] = {}
            errors: list[Exception] = []
            for key, item in value.items():
                try:
                    result[key_hook(key, key_type)] = value_hook(item, value_type)
                except Exception as error:  # noqa: BLE001 - collected, reported with its key
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(
                            f"Structuring mapping value @ key {key!r}", key, value_type
                        ),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {hint!r}", errors, hint)
            return result

        return structure

    def unstructure_factory(hint: Any) -> Callable[[Mapping[Any, Any]], dict[Any, Any]]:
        key_type, value_type = typing.get_args(hint)
        key_hook = converter.get_unstructure_hook(key_type)
        value_hook = converter.get_unstructure_hook(value_type)
        return lambda value: {key_hook(k): value_hook(v) for k, v in value.items()}

    converter.register_structure_hook_factory(_is_mapping, structure_factory)
    converter.register_unstructure_hook_factory(_is_mapping, unstructure_factory)


def _optional_hooks(converter: cattrs.Converter) -> None:
    def is_optional(hint: Any) -> bool:
        return optional_arm(hint) is not None

    def structure_factory(hint: Any) -> Callable[[Any, Any], Any]:
        arm = optional_arm(hint)
        arm_hook = converter.get_structure_hook(arm)
        return lambda value, _type: None if value is None else arm_hook(value, arm)

    def unstructure_factory(hint: Any) -> Callable[[Any], Any]:
        arm_hook = converter.get_unstructure_hook(optional_arm(hint))
        return lambda value: None if value is None else arm_hook(value)

    converter.register_structure_hook_factory(is_optional, structure_factory)
    converter.register_unstructure_hook_factory(is_optional, unstructure_factory)


# --------------------------------------------------------------------------- attrs classes


def _one_or_many_overrides(
    converter: cattrs.Converter, cls: type[Any], hints: Mapping[str, Any], *, structure: bool
) -> dict[str, Any]:
    """cattrs overrides for the fields of ``cls`` a file writes under another key, as one value
    or a list (:data:`FILE_KEYS`): one value is read as a list of one and written back alone."""
    overrides: dict[str, Any] = {}
    for name, key in FILE_KEYS.get(cls, {}).items():
        hint = hints[name]
        item_type = typing.get_args(hint)[0]
        if structure:
            many = converter.get_structure_hook(hint)
            one = converter.get_structure_hook(item_type)

            def read(
                value: Any, _type: Any, many: Any = many, one: Any = one, t: Any = hint
            ) -> Any:
                if isinstance(value, list | tuple):
                    return many(value, t)
                return (one(value, typing.get_args(t)[0]),)

            overrides[name] = override(rename=key, struct_hook=read)
        else:
            each = converter.get_unstructure_hook(item_type)

            def write(value: tuple[Any, ...], each: Any = each) -> Any:
                items = [each(item) for item in value]
                return items[0] if len(items) == 1 else items

            overrides[name] = override(rename=key, unstruct_hook=write)
    return overrides


def _attrs_hooks(converter: cattrs.Converter) -> None:
    def structure_factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        hints = typing.get_type_hints(cls)
        omitted = OMITTED_FIELDS.get(cls, frozenset())
        overrides: dict[str, Any] = {name: override(omit=True) for name in omitted}
        overrides.update(_one_or_many_overrides(converter, cls, hints, structure=True))
        for field in file_fields(cls):
            if field.name in MULTI_LINE_FIELDS or field.metadata.get("multi_line"):
                hook = converter.get_structure_hook(hints[field.name])
                overrides[field.name] = override(struct_hook=_multi_line(hook))
        generated = make_dict_structure_fn(cls, converter, **overrides)
        # An optional field without a default reads as None when its key is missing, since
        # None is never written.
        nullable = frozenset(
            f.name
            for f in file_fields(cls)
            if f.default is attrs.NOTHING and optional_arm(hints[f.name]) is not None
        )
        # A field whose metadata says ``null: False`` may be left out but never given as null
        # (an accepted key always means something: records_since_by_kind).
        not_null = tuple(
            file_key(cls, f.name) for f in file_fields(cls) if f.metadata.get("null") is False
        )
        article = "an" if cls.__name__[:1].lower() in "aeiou" else "a"
        what = f"a mapping of keys to values ({article} {cls.__name__})"

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, Mapping):
                raise _wrong(value, what)
            nulls = [k for k in not_null if k in value and value[k] is None]
            if nulls:
                raise InvalidData(
                    "is null, which would mean nothing: give a day (YYYY-MM-DD), or leave the "
                    "key out",
                    path=nulls[0],
                )
            if nullable and not value.keys() >= nullable:
                value = {**dict.fromkeys(nullable), **value}
            return generated(value, cls)

        return structure

    def unstructure_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        omitted = OMITTED_FIELDS.get(cls, frozenset())
        overrides: dict[str, Any] = {name: override(omit=True) for name in omitted}
        hints = typing.get_type_hints(cls)
        overrides.update(_one_or_many_overrides(converter, cls, hints, structure=False))
        generated = make_dict_unstructure_fn(cls, converter, **overrides)

        def unstructure(value: Any) -> dict[str, Any]:
            return {k: v for k, v in generated(value).items() if v is not None}

        return unstructure

    converter.register_structure_hook_factory(attrs.has, structure_factory)
    converter.register_unstructure_hook_factory(attrs.has, unstructure_factory)


# ---------------------------------------------------------------------------------- public


def make_converter(factory: Callable[..., C], *, native_dates: bool) -> C:
    """A converter for one registry-file format.

    ``factory`` is the format's :mod:`cattrs.preconf` ``make_converter``; ``native_dates``
    says whether the format writes dates natively (YAML, TOML) or as ISO 8601 strings (JSON).
    Hooks registered later take precedence, so these override the preconfigured ones.
    """
    converter = factory(forbid_extra_keys=True, detailed_validation=True)
    # cattrs consults hooks registered by class (singledispatch, which follows the MRO) before
    # predicates and factories, and registers primitives and enums that way itself: replace
    # those the same way. StrEnum and IntEnum are registered apart from str and int so that an
    # enum finds its own hook first in its MRO.
    for cls, structure, unstructure in (
        (str, _structure_str, _identity),
        (int, _structure_int, _identity),
        (bool, _structure_bool, _identity),
        (float, _structure_float, _identity),
        (date, _structure_date, _identity if native_dates else date.isoformat),
        (Enum, _structure_enum, _unstructure_enum),
        (StrEnum, _structure_enum, _unstructure_enum),
        (IntEnum, _structure_enum, _unstructure_enum),
    ):
        converter.register_structure_hook(cls, structure)
        converter.register_unstructure_hook(cls, unstructure)

    _optional_hooks(converter)
    _tuple_hooks(converter)
    _mapping_hooks(converter)
    _attrs_hooks(converter)
    # After the attrs factory, so that Month (an attrs class) is written as "YYYY-MM".
    converter.register_structure_hook_func(_exactly(Month), _structure_month)
    converter.register_unstructure_hook_func(_exactly(Month), str)
    converter.register_structure_hook_func(_is_date_value, _structure_date_value)
    converter.register_unstructure_hook_func(_is_date_value, _unstructure_date_value(native_dates))
    return converter


def _is_date_value(hint: Any) -> bool:
    return bool(hint == DateValue)


def _multi_line(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """``hook``, reading the text in its value as multi-line text."""

    def structure(value: Any, hint: Any) -> Any:
        token = _MULTI_LINE.set(True)
        try:
            return hook(value, hint)
        finally:
            _MULTI_LINE.reset(token)

    return structure


def _exactly(cls: type[Any]) -> Callable[[Any], bool]:
    return lambda hint: hint is cls


def _identity(value: Any) -> Any:
    return value
