"""The offices of CLAC's governance: the Secretariat, the Chair and the Steering Committee."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.errors import InvalidData
from clac.text import Text

__all__ = ["Role", "RoleDefinition"]


class Role(enum.StrEnum):
    """An office of CLAC's governance (Structure and Governance, items 1-2)."""

    SECRETARIAT = "secretariat"
    CHAIR = "chair"
    STEERING_COMMITTEE = "steering-committee"

    @property
    def label(self) -> Text:
        """The office's name as the Base Document writes it."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.SECRETARIAT: Text("Secretariat", "Secretaría", pt="Secretariado"),
    Role.CHAIR: Text("Chair", "Presidencia", pt="Presidência"),
    Role.STEERING_COMMITTEE: Text("Steering Committee", "Comité Directivo", pt="Comitê Diretor"),
}


def _organization_id(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidData("must be a partner id or None", path=attribute.name, value=value)


@attrs.frozen
class RoleDefinition:
    """Who holds an office under the charter and what it does.

    ``holder`` is as the document words it ("ICMEC", "A representative of ICMEC LAC");
    ``holder_organization`` is the id of the partner that holds the office, if one does.
    ``anticipated`` marks an office the charter foresees but that does not exist yet (the
    Steering Committee). ``duties`` is clac's summary of what the charter asks of the office,
    gathered from ``duty_clauses``, the clauses that give the office work to do.
    """

    role: Role = attrs.field(validator=v.instance_of(Role))
    holder: Text = attrs.field(validator=v.instance_of(Text))
    holder_organization: str | None = attrs.field(validator=_organization_id)
    anticipated: bool = attrs.field(validator=v.instance_of(bool))
    duties: Text = attrs.field(validator=v.instance_of(Text))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)
    duty_clauses: tuple[Clause, ...] = attrs.field(
        default=(), validator=v.each(v.instance_of(Clause)), repr=False
    )
