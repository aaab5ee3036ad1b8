"""The pydantic v2 baseline of the ``load`` scenario: the registry file's layout as pydantic
models, generated from the same attrs classes clac structures a file into.

The models hold what clac's converter holds: every field of
:data:`clac.io._layout.RegistryFile` and of the model classes under it (the same names,
defaults, optional fields, nested objects and tuples), unknown keys refused, objects frozen,
:class:`~clac.model.RepresentativeLevel` written by its lower-case name, a month as
``YYYY-MM``. They do not hold clac's own checks (ids that are slugs, country codes, dates in
order, references that point somewhere): the baseline is what a user would write with
pydantic in an afternoon, not a second clac. JSON is read with ``model_validate_json`` in
strict mode (no coercion, like clac); YAML data with ``model_validate`` in pydantic's default
lax mode, since strict Python mode refuses a list for a tuple and an enum's value for the
enum.

Needs pydantic (``pip install -e '.[bench]'``): import this module only when it is installed.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import attrs
import pydantic

from clac.io._converter import FILE_KEYS, enum_file_values, file_fields, optional_arm
from clac.io._layout import RegistryFile
from clac.periods import ApproximateDate, Month

__all__ = ["load_json", "load_yaml_data", "registry_model"]

_CONFIG = pydantic.ConfigDict(extra="forbid", frozen=True)
_MONTH = Annotated[str, pydantic.StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}$")]
# A date known to the year or the month: "2016", "2016-05" (YAML may read a year as a number).
_ROUGH = Annotated[str, pydantic.StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2})?$")] | int


def _annotation(hint: Any) -> Any:  # noqa: PLR0911 - one branch per kind of hint
    """The pydantic annotation for an attrs field's type hint."""
    arm = optional_arm(hint)
    if arm is not None:
        return _annotation(arm) | None
    if hint is Month:
        return _MONTH
    if isinstance(hint, type) and issubclass(hint, enum.IntEnum):
        # Written by name in a file (RepresentativeLevel): the names are the choices.
        return Literal[tuple(enum_file_values(hint))]
    if isinstance(hint, type) and attrs.has(hint):
        return _model(hint)
    origin = typing.get_origin(hint)
    if origin is tuple:
        return tuple[_annotation(typing.get_args(hint)[0]), ...]  # type: ignore[misc]
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        key, value = typing.get_args(hint)
        return dict[_annotation(key), _annotation(value)]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType) and ApproximateDate in typing.get_args(hint):
        others = [a for a in typing.get_args(hint) if a is not ApproximateDate]
        return typing.Union[(*(_annotation(a) for a in others), _ROUGH)]
    if origin in (typing.Union, types.UnionType):  # pragma: no cover - not in the layout
        raise TypeError(f"no pydantic equivalent for {hint!r}")
    return hint  # str, int, float, bool, date and the str enums, as pydantic reads them


@functools.cache
def _model(cls: type[Any]) -> type[pydantic.BaseModel]:
    """A pydantic model with the fields a registry file holds for the attrs class ``cls``."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for field in file_fields(cls):
        annotation = _annotation(hints[field.name])
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            spec: Any = pydantic.Field(default_factory=default.factory)  # type: ignore[union-attr]
        elif default is attrs.NOTHING:
            # An optional field without a default reads as None when its key is missing.
            spec = None if optional_arm(hints[field.name]) is not None else ...
        elif isinstance(default, enum.Enum) and isinstance(default, enum.IntEnum):
            spec = default.name.lower()
        else:
            spec = default
        key = FILE_KEYS.get(cls, {}).get(field.name)
        if key is not None:  # written under another key, as one value or a list (sector)
            one = _annotation(typing.get_args(hints[field.name])[0])
            annotation = one | annotation
            spec = pydantic.Field(alias=key) if spec is ... else pydantic.Field(spec, alias=key)
        fields[field.name] = (annotation, spec)
    return pydantic.create_model(cls.__name__, __config__=_CONFIG, **fields)


def registry_model() -> type[pydantic.BaseModel]:
    """The pydantic model of a whole registry file."""
    return _model(RegistryFile)  # type: ignore[arg-type] # a class is hashable


def load_json(data: bytes) -> pydantic.BaseModel:
    """A registry file's JSON bytes, validated in strict mode (no coercion)."""
    return registry_model().model_validate_json(data, strict=True)


def load_yaml_data(data: Any) -> pydantic.BaseModel:
    """A registry's data as PyYAML read it (native dates), validated in lax mode."""
    return registry_model().model_validate(data)
