"""A change to the charter from a date on: new parameter values, new working groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from clac import _validators as v
from clac.charter._parameters import Parameters
from clac.charter._roles import Role
from clac.charter._working_groups import WorkingGroupDefinition
from clac.errors import InvalidData
from clac.text import Text

__all__ = ["Amendment"]


def _freeze(value: Any) -> Any:
    """A read-only copy of a mapping, sorted by key; anything else is left for the validator."""
    if isinstance(value, Mapping):
        return MappingProxyType(dict(sorted(value.items(), key=lambda kv: str(kv[0]))))
    return value


def _parameter_values(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping):
        raise InvalidData("must be a mapping of parameter names to values", path=attribute.name)
    known = Parameters.names()
    for name, number in value.items():
        path = f"{attribute.name}.{name}"
        if name not in known:
            raise InvalidData(
                f"is not a charter parameter (known: {', '.join(known)})", path=path, value=name
            )
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise InvalidData("must be a whole number of at least 1", path=path, value=number)


v.with_schema(
    _parameter_values,
    lambda: {
        "propertyNames": {"enum": list(Parameters.names())},
        "additionalProperties": {"type": "integer", "minimum": 1},
    },
)


def _to_roles(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(v.to_enum(Role)(item) for item in value)
    return value


@attrs.frozen
class Amendment:
    """A change to a charter that takes effect on ``effective``.

    ``parameters`` maps parameter names (see :class:`Parameters`) to their new values and is
    read-only; ``add_working_groups`` are groups the amendment forms; ``hand_over`` are
    offices the amendment takes from the partner the charter names (the Secretariat is ICMEC's
    only "initially"): from ``effective`` on, whoever the registry's ``roles`` assign holds
    them. Apply one with :meth:`Charter.amend`, which checks it against the charter it amends.
    """

    effective: dt.date = attrs.field(validator=v.a_date)
    summary: Text = attrs.field(validator=v.instance_of(Text))
    parameters: Mapping[str, int] = attrs.field(
        factory=dict, converter=_freeze, validator=_parameter_values, hash=False
    )
    add_working_groups: tuple[WorkingGroupDefinition, ...] = attrs.field(
        default=(), validator=v.each(v.instance_of(WorkingGroupDefinition))
    )
    hand_over: tuple[Role, ...] = attrs.field(
        default=(),
        converter=_to_roles,
        validator=v.each(v.instance_of(Role), unique=True),
    )
