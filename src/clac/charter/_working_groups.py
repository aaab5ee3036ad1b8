"""The working groups the Base Document lists, as definitions a coalition can instantiate."""

from __future__ import annotations

import datetime as dt

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.text import Text

__all__ = ["WorkingGroupDefinition"]


@attrs.frozen
class WorkingGroupDefinition:
    """A working group a charter defines: the Base Document's four, or one an amendment adds.

    ``clause`` is the bullet that lists it (Structure and Governance, items 6-9); a group added
    by an :class:`Amendment` has none. ``formed`` is when the group was formed, where a charter
    says so; the Base Document lists its four groups as "current" without a date, so theirs is
    ``None``.
    """

    id: str = attrs.field(validator=v.identifier)
    name: Text = attrs.field(validator=v.instance_of(Text))
    clause: Clause | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Clause)), repr=False
    )
    formed: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date))
