"""The offices of CLAC's governance: the Secretariat, the Chair and the Steering Committee."""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Any

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.errors import InvalidData
from clac.text import Text

__all__ = ["ICMEC_LAC", "Role", "RoleDefinition", "Unit"]


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


_CONNECTIVES = re.compile(r"\b(and|y|e|the|el|la|o|a)\b")


def _normalised(name: str) -> str:
    """``name`` compared loosely: accents, case, punctuation, "&" and the connectives
    ("and", "y", "e", "the", "el" …) do not count."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = plain.replace("&", " ")
    plain = re.sub(r"[^a-z0-9]+", " ", plain)
    return " ".join(_CONNECTIVES.sub(" ", plain).split())


@attrs.frozen
class Unit:
    """A part of a partner organization the charter names (ICMEC's regional office, ICMEC LAC),
    with the names it is known by in English, Spanish and Portuguese and its id.

    :meth:`matches` compares a name as a registry writes it ignoring case, accents,
    punctuation, "&"/"and"/"y"/"e" and articles, so that "ICMEC Latin America & Caribbean",
    "ICMEC América Latina y el Caribe" and ``icmec-lac`` are all the same unit.
    """

    id: str = attrs.field(validator=v.identifier)
    names: tuple[str, ...] = attrs.field(validator=v.each(v.instance_of(str)))

    def matches(self, name: str | None) -> bool:
        """Whether ``name`` is one of the unit's names (or its id), loosely compared."""
        if not isinstance(name, str):
            return False
        wanted = _normalised(name)
        return any(wanted == _normalised(known) for known in (self.id, *self.names))


ICMEC_LAC = Unit(
    id="icmec-lac",
    names=(
        "ICMEC LAC",
        "ICMEC Latin America and the Caribbean",
        "ICMEC Latin America & Caribbean",
        "ICMEC Latin America and Caribbean",
        "ICMEC América Latina y el Caribe",
        "ICMEC América Latina e Caribe",
        "ICMEC América Latina e o Caribe",
        "ICMEC ALC",
        "ICMEC Latinoamérica",
        "International Centre for Missing & Exploited Children Latin America and the Caribbean",
        "Centro Internacional para Niños Desaparecidos y Explotados América Latina y el Caribe",
        "Centro Internacional para Crianças Desaparecidas e Exploradas América Latina e Caribe",
    ),
)
"""ICMEC's office for Latin America and the Caribbean, which the Base Document names as the
Chair's unit ("A representative of ICMEC LAC")."""


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
    gathered from ``duty_clauses``, the clauses that give the office work to do. ``unit`` is
    the part of the holder that holds the office, where the charter names one (the Chair:
    :data:`ICMEC_LAC`). An amendment may hand an office over (:class:`Amendment`
    ``hand_over``): then ``holder_organization`` is None and whoever the registry assigns holds
    it.
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
    unit: Unit | None = attrs.field(default=None, validator=v.optional(v.instance_of(Unit)))
