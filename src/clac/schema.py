"""The JSON Schema of a registry file, generated from the attrs model.

:func:`json_schema` walks the registry-file layout (:data:`clac.io._layout.RegistryFile`) and
every class it holds with :func:`attrs.fields` and :func:`typing.get_type_hints`; nothing in the
schema is written by hand:

- an attrs class is an object in ``$defs`` (named after the class, described by its docstring)
  with ``additionalProperties: false``; its keys are the field names, and ``required`` lists the
  fields without a default (an optional field without one reads as null when missing);
- ``tuple[X, ...]`` is an array of ``X``; ``Mapping[str, X]`` an object of ``X``; ``X | None``
  is ``anyOf [X, null]``; an enum is the ``enum`` of the values a file writes;
- a date is a string of ``format: date`` with a ``YYYY-MM-DD`` pattern, a
  :class:`~clac.periods.Month` a string with the model's ``YYYY-MM`` pattern, a date the user
  may know only roughly (:data:`~clac.periods.DateValue`) any of a date, ``YYYY-MM``, ``YYYY``
  or a year number;
- bounds and patterns come from the fields' validators, which carry them as their
  ``json_schema`` attribute (``clac._validators.with_schema``): hours between 0 and 744, quarters
  1-4, ids as slugs, countries as the ``enum`` of ISO 3166-1 codes …

Checks that span several fields (a national organization works in one country) and
cross-references (an attendee is a member) are beyond JSON Schema; loading the file checks them.
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

from clac._validators import schema_of
from clac.charter import Charter
from clac.io._converter import DATE_PATTERN, enum_file_values, file_fields, file_key, optional_arm
from clac.io._layout import FORMAT_VERSION, RegistryFile
from clac.periods import _MONTH, MAX_YEAR, MIN_YEAR, DateValue, Month

__all__ = ["SCHEMA_DIALECT", "SCHEMA_ID", "json_schema", "json_schema_of"]

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

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        """A ``$ref`` to ``cls``'s definition, generating it on first use."""
        name = cls.__name__
        if self._names.setdefault(name, cls) is not cls:
            msg = f"two classes are named {name}: {self._names[name]!r} and {cls!r}"
            raise RuntimeError(msg)
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
            properties[key] = self.field_schema(hint, schema_of(field.validator))
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
        return schema

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
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if hint is Month:
            return {"type": "string", "pattern": _MONTH.pattern}
        if hint == DateValue:
            return {
                "anyOf": [
                    {"type": "string", "format": "date", "pattern": DATE_PATTERN},
                    {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2})?$"},
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
