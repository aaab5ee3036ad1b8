"""The organisations the Proposed Structure names: founding partners and expected partners."""

from __future__ import annotations

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.charter._vocabulary import Sector
from clac.text import Text

__all__ = ["Partner"]


@attrs.frozen
class Partner:
    """A founding or expected partner as the Proposed Structure lists it.

    ``name`` is the entry exactly as the document writes it in each language (both the same
    where it gives one name). An expected partner's ``sector`` is the heading it is listed
    under. The document lists the founding partners without a sector; theirs is clac's own
    classification (ICMEC an NGO, INHOPE the international association of hotlines,
    INTERPOL an intergovernmental organization, Red NATIC a regional network), see
    :attr:`sector_is_clacs`.
    ``generic`` marks an entry naming a kind of organisation ("Universities", "Other law
    enforcement agencies") rather than one organisation.
    """

    id: str = attrs.field(validator=v.identifier)
    name: Text = attrs.field(validator=v.instance_of(Text))
    sector: Sector | None = attrs.field(validator=v.optional(v.instance_of(Sector)))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)
    founding: bool = attrs.field(default=False, validator=v.instance_of(bool), kw_only=True)
    generic: bool = attrs.field(default=False, validator=v.instance_of(bool), kw_only=True)

    @property
    def sector_is_clacs(self) -> bool:
        """Whether ``sector`` is clac's classification rather than a heading of the document."""
        return self.founding and self.sector is not None
