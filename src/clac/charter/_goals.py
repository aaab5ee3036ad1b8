"""What CLAC is for: its two objectives, its two guiding principles and its eight policy goals."""

from __future__ import annotations

import re
from typing import Any

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.errors import InvalidData
from clac.text import Text

__all__ = ["Objective", "PolicyGoal", "Principle"]


def _numbered(prefix: str) -> Any:
    pattern = re.compile(rf"^{prefix}-[1-9][0-9]*$")

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not pattern.match(value):
            raise InvalidData(
                f"must look like '{prefix}-1', '{prefix}-2' …", path=attribute.name, value=value
            )

    return check


@attrs.frozen
class Objective:
    """One of CLAC's objectives (Introduction, items 9-10), ``OBJ-1`` and ``OBJ-2``."""

    id: str = attrs.field(validator=_numbered("OBJ"))
    text: Text = attrs.field(validator=v.instance_of(Text))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)


@attrs.frozen
class Principle:
    """A guiding principle CLAC bases its actions, discussions and decisions on."""

    id: str = attrs.field(validator=v.identifier)
    name: Text = attrs.field(validator=v.instance_of(Text))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)


@attrs.frozen
class PolicyGoal:
    """One of the eight policy goals (``PG-1`` … ``PG-8``) Members commit to act on.

    ``text`` is the goal as the document words it; ``short`` is clac's own short label for
    tables and charts ("Regional gaps and trends").
    """

    id: str = attrs.field(validator=_numbered("PG"))
    text: Text = attrs.field(validator=v.instance_of(Text))
    short: Text = attrs.field(validator=v.instance_of(Text))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)

    @property
    def number(self) -> int:
        """The goal's position in the document's list, 1 to 8."""
        return int(self.id.split("-")[1])
