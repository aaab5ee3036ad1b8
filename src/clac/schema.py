"""The JSON Schema of a registry file, generated from the attrs model.

:func:`json_schema` walks the registry-file layout (:data:`clac.io._layout.RegistryFile`) and
every class it holds with :func:`attrs.fields` and :func:`typing.get_type_hints`; nothing in the
schema is written by hand:

- an attrs class is an object in ``$defs`` (named after the class, described by its docstring)
  with ``additionalProperties: false``; its keys are the field names, and ``required`` lists the
  fields without a default (an optional field without one reads as null when missing);
- ``tuple[X, ...]`` is an array of ``X``; ``Mapping[str, X]`` an object of ``X``; ``X | None``
  is ``anyOf [X, null]``; an enum is the ``enum`` of the values a file writes;
- a date is a string of ``format: date`` with a ``YYYY-MM-DD`` pattern (years 1900 to 2999), a
  :class:`~clac.periods.Month` a string with the model's ``YYYY-MM`` pattern, a date the user
  may know only roughly (:data:`~clac.periods.DateValue`) any of a date, ``YYYY-MM``, ``YYYY``
  or a year number;
- bounds and patterns come from the fields' validators, which carry them as their
  ``json_schema`` attribute (``clac._validators.with_schema``): hours between 0 and 744, quarters
  1-4, ids as slugs, countries as the ``enum`` of ISO 3166-1 codes …

The schema says what JSON Schema can of what loading checks: text holds no control character,
and a one-line field (a name, id or title: every field outside
:data:`~clac.io._converter.MULTI_LINE_FIELDS`) no line break or tab either; a policy goal is
one of the charter's (``PG-1`` … ``PG-8``) and a charter partner one of its partners' ids;
a country code may be written in any case (``br`` is read as ``BR``); an organization recorded
as national names exactly one country (``if``/``then``). Cross-references (an attendee is a member),
uniqueness of ids, and days in order are beyond JSON Schema; loading the file checks them
(``docs/schema.md`` lists every such check).
Point an editor at the schema to get completion and checking while editing a registry (see
``docs/schema.md``).
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any, Final

import attrs

from clac._validators import policy_goal_id, schema_of
from clac.charter import BASE_DOCUMENT, Charter
from clac.countries import REGIONS
from clac.io._converter import (
    MULTI_LINE_FIELDS,
    enum_file_values,
    file_fields,
    file_key,
    optional_arm,
)
from clac.io._layout import FORMAT_VERSION, RegistryFile
from clac.model import Organization
from clac.periods import MAX_YEAR, MIN_YEAR, DateValue, Month
from clac.rules._formats import ASSESSMENT_SCHEMA_ID, assessment_schema

__all__ = [
    "ASSESSMENT_SCHEMA_ID",
    "SCHEMA_DIALECT",
    "SCHEMA_ID",
    "assessment_schema",
    "json_schema",
    "json_schema_of",
]

#: The JSON Schema dialect of :func:`json_schema`.
SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


#: The ``$id`` of the schema of the current registry-file format (a name, not a web address:
#: editors are pointed at a copy of the schema, see ``docs/schema.md``).
SCHEMA_ID: Final = f"urn:clac:schema:registry-file:{FORMAT_VERSION}"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a registry file of the current format.

    >>> schema = json_schema()
    >>> schema["properties"]["clac"]
    {'type': 'integer', 'const': 1}
    >>> schema["$defs"]["Participation"]["properties"]["hours"]
    {'type': 'number', 'minimum': 0, 'maximum': 744}
    """
    generator = _Generator()
    root = generator.object_schema(RegistryFile)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": f"clac registry file (format {FORMAT_VERSION})",
        **root,
        "$defs": dict(sorted(generator.defs.items())),
    }


def json_schema_of(cls: type[Any], *, schema_id: str, title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a file holding one ``cls``, an attrs class, read with
    the registry file's rules (e.g. a framework definition, see
    :func:`clac.frameworks.framework_schema`)."""
    generator = _Generator()
    root = generator.object_schema(cls)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id,
        "title": title,
        **root,
        "$defs": dict(sorted(generator.defs.items())),
    }


class _Generator:
    """Builds the schema of one class after another, collecting ``$defs`` on the way."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._names: dict[str, type[Any]] = {}
        self._multi_line = False  # inside a multi-line field: its texts keep tabs and newlines

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        """A ``$ref`` to ``cls``'s definition, generating it on first use (a class held by a
        multi-line field has its own definition, ``<Name>MultiLine``, whose texts keep tabs
        and line breaks)."""
        name = cls.__name__
        if self._names.setdefault(name, cls) is not cls:
            msg = f"two classes are named {name}: {self._names[name]!r} and {cls!r}"
            raise RuntimeError(msg)
        if self._multi_line:
            name = f"{name}MultiLine"
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a class may refer to itself
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        """The schema of an attrs class: an object with a property per field."""
        hints = _hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in file_fields(cls):
            hint = hints[field.name]
            if field.metadata.get("null") is False:  # may be left out, never null
                hint = optional_arm(hint)
            key = file_key(cls, field.name)
            outer = self._multi_line
            # as clac.io._converter reads it: a multi-line field's texts, all the way down
            self._multi_line = outer or (
                field.name in MULTI_LINE_FIELDS or bool(field.metadata.get("multi_line"))
            )
            try:
                properties[key] = _texts(
                    _goal_ids(self.field_schema(hint, schema_of(field.validator))),
                    self._multi_line,
                )
            finally:
                self._multi_line = outer
            if field.default is attrs.NOTHING and optional_arm(hint) is None:
                required.append(key)
        schema: dict[str, Any] = {"type": "object"}
        description = _description(cls)
        if description:
            schema["description"] = description
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        for name, values in _ENUMS.get(cls, {}).items():
            properties[file_key(cls, name)] = _enumerated(properties[file_key(cls, name)], values())
        return {**schema, **_extra(cls)}

    def field_schema(self, hint: Any, constraints: dict[str, Any]) -> dict[str, Any]:
        """The schema of a value of type ``hint`` with the validator's ``constraints``."""
        arm = optional_arm(hint)
        if arm is not None:
            return {"anyOf": [self.field_schema(arm, constraints), {"type": "null"}]}
        if "anyOf" in constraints:  # the validator describes every form the value takes
            return constraints
        return _merge(self.type_schema(hint), constraints)

    def type_schema(self, hint: Any) -> dict[str, Any]:  # noqa: PLR0911 - one return per kind
        """The schema a type hint alone gives."""
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint is Any:
            return {}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is float:
            return {"type": "number"}
        if hint is str:
            return {"type": "string"}
        if hint is date:
            return {"type": "string", "format": "date", "pattern": _DAY}
        if hint is Month:
            return {"type": "string", "pattern": f"^{_YEAR}-{_MONTH_NUMBER}$"}
        if hint == DateValue:
            return {
                "anyOf": [
                    {"type": "string", "format": "date", "pattern": _DAY},
                    {"type": "string", "pattern": f"^{_YEAR}(-{_MONTH_NUMBER})?$"},
                    {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                ],
                "description": "a date (YYYY-MM-DD), or a month (YYYY-MM) or year (YYYY) "
                "when only that is known",
            }
        if isinstance(hint, type) and issubclass(hint, Enum):
            return {"type": "string", "enum": list(enum_file_values(hint))}
        if isinstance(hint, type) and attrs.has(hint):
            return self.ref(hint)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if isinstance(origin, type) and issubclass(origin, Mapping):
            return {"type": "object", "additionalProperties": self.type_schema(args[1])}
        msg = f"clac.schema cannot describe the type {hint!r}"
        raise TypeError(msg)


# -- what loading checks that the validators' own schemas do not say -------------------------

# Characters no registry text may hold (clac.io._guards.text_problem), as ECMA-262 / Python
# regular-expression classes: C0 controls but tab and newline, DEL and C1 controls; a carriage
# return only before a newline. A one-line text holds no tab, line break or separator either.
_MULTI_LINE_CHAR = r"[^\x00-\x08\x0b-\x1f\x7f-\x9f]|\r\n"
_ONE_LINE_CHAR = r"[^\x00-\x1f\x7f-\x9f\u2028\u2029]"
_NOT_BLANK = r"\S"
# A year (MIN_YEAR to MAX_YEAR, 1900 to 2999, as clac.periods reads a month or a year; the
# tests hold the two together) and a month number.
_YEAR: Final = "(?:19[0-9]{2}|2[0-9]{3})"
_MONTH_NUMBER: Final = "(?:0[1-9]|1[0-2])"
# A day in that range (format: date checks the calendar; the loader refuses 0394-01-16 too).
_DAY: Final = f"^{_YEAR}-{_MONTH_NUMBER}-(?:0[1-9]|[12][0-9]|3[01])$"
_GOAL_PATTERN: Final = schema_of(policy_goal_id)["pattern"]


def _text_pattern(multi_line: bool, *, not_blank: bool) -> str:
    if multi_line:
        char, solid = f"(?:{_MULTI_LINE_CHAR})", r"[^\s\x00-\x08\x0b-\x1f\x7f-\x9f]"
    else:
        char, solid = _ONE_LINE_CHAR, r"[^\s\x00-\x1f\x7f-\x9f\u2028\u2029]"
    return f"^{char}*{solid}{char}*$" if not_blank else f"^{char}*$"


def _goal_ids(schema: Any) -> Any:
    """``schema`` with every policy goal id (the validator's ``PG-n`` pattern) the enum of the
    charter's goals: an amendment adds working groups, never goals."""
    if not isinstance(schema, dict):
        return schema
    if schema.get("pattern") == _GOAL_PATTERN:
        return {"type": "string", "enum": [g.id for g in BASE_DOCUMENT.policy_goals]}
    return {
        k: _goal_ids(v) if k != "anyOf" else [_goal_ids(a) for a in v] for k, v in schema.items()
    }


def _enumerated(schema: dict[str, Any], values: list[str]) -> dict[str, Any]:
    """``schema`` (a string, or anyOf a string and null) as one of ``values``."""
    if "anyOf" in schema:
        return {**schema, "anyOf": [_enumerated(arm, values) for arm in schema["anyOf"]]}
    if schema.get("type") == "string":
        return {"type": "string", "enum": values}
    return schema


def _partner_ids() -> list[str]:
    """Every id a charter partner goes by (``meta`` for ``facebook`` too)."""
    return [i for p in BASE_DOCUMENT.partners for i in p.ids]


_ENUMS: Final[Mapping[type[Any], Mapping[str, Any]]] = {Organization: {"partner": _partner_ids}}


def _texts(schema: Any, multi_line: bool) -> Any:
    """``schema`` with every free text (a string with no enum, format or pattern of its own
    but "not blank") limited to the characters loading accepts in a one-line or a
    multi-line field."""
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    if out.get("type") == "string" and not {"enum", "format", "const", "anyOf"} & out.keys():
        pattern = out.get("pattern")
        if pattern in {None, _NOT_BLANK}:
            out["pattern"] = _text_pattern(multi_line, not_blank=pattern == _NOT_BLANK)
    for key in ("items", "additionalProperties"):
        if isinstance(out.get(key), dict):
            out[key] = _texts(out[key], multi_line)
    if out.get("type") == "object" and "properties" not in out and "propertyNames" not in out:
        out["propertyNames"] = {"pattern": _text_pattern(multi_line=False, not_blank=False)}
    if "anyOf" in out:
        out["anyOf"] = [_texts(arm, multi_line) for arm in out["anyOf"]]
    return out


def _any_case(code: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in code)


def _national_needs_one_country() -> dict[str, Any]:
    """An organization recorded as national names exactly one country, not a region (a
    missing scope is read from the countries, so it constrains nothing)."""
    regions = "|".join(_any_case(region) for region in REGIONS)
    return {
        "if": {"required": ["scope"], "properties": {"scope": {"const": "national"}}},
        "then": {
            "required": ["countries"],
            "properties": {
                "countries": {
                    "minItems": 1,
                    "maxItems": 1,
                    "items": {"not": {"pattern": f"^(?:{regions})$"}},
                }
            },
        },
    }


_SET: Final = {"not": {"type": "null"}}
_LISTED: Final = {"type": "array", "minItems": 1}


def _when(condition: dict[str, Any], **needed: dict[str, Any]) -> dict[str, Any]:
    """``if`` the object matches ``condition`` (properties that must be present), ``then``
    each of ``needed`` is present and matches its schema."""
    return {
        "if": {"required": list(condition), "properties": condition},
        "then": {"required": list(needed), "properties": needed},
    }


def _given(key: str, value: str, **needed: dict[str, Any]) -> dict[str, Any]:
    return _when({key: {"const": value}}, **needed)


# What a record needs given another of its fields (the classes' __attrs_post_init__ checks),
# as if/then; a record with several such needs holds them under allOf.
_CONDITIONS: Final[Mapping[str, Any]] = {
    "Member": lambda: [_given("status", "withdrawn", left=_SET)],
    "Meeting": lambda: [_given("kind", "working-group", working_group=_SET)],
    "Activity": lambda: [_given("scope", "in-country", countries=_LISTED)],
    "Policy": lambda: [
        _given("kind", "in-country", country=_SET),
        _given("kind", "organizational", organization=_SET),
    ],
    "LegislativeAdvance": lambda: [_when({"outcome": _SET}, criteria=_LISTED)],
    "OperationalPlan": lambda: [_when({"assessment": _SET}, assessed=_SET)],
    "Recommendation": lambda: [
        {
            "anyOf": [
                {"required": ["objective"], "properties": {"objective": _SET}},
                {"required": ["goal"], "properties": {"goal": _SET}},
            ]
        }
    ],
}


def _extra(cls: type[Any]) -> dict[str, Any]:
    conditions = [
        *([] if cls is not Organization else [_national_needs_one_country()]),
        *_CONDITIONS.get(cls.__name__, list)(),
    ]
    if not conditions:
        return {}
    return conditions[0] if len(conditions) == 1 else {"allOf": conditions}


def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls, localns={"Charter": Charter})


def _description(cls: type[Any]) -> str:
    """The first paragraph of ``cls``'s docstring, on one line."""
    doc = inspect.getdoc(cls) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra``'s keywords added; nested schemas (``items``) merged in turn."""
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
