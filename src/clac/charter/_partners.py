"""The organisations the Proposed Structure names: founding partners and expected partners."""

from __future__ import annotations

from datetime import date

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.charter._vocabulary import Sector
from clac.text import Text

__all__ = ["LaterName", "Partner"]


@attrs.frozen(slots=True)
class LaterName:
    """A name a partner took after the charter was written, from ``since`` (Facebook became
    Meta on 2021-10-28). ``id`` is the id a registry may use for it (``meta``)."""

    id: str = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    since: date = attrs.field(validator=v.a_date)


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
    enforcement agencies") rather than one organisation. ``later_names`` are the names it took
    after the charter was written, oldest first: a registry may name the partner by its charter
    id or a later one (``facebook`` or ``meta``), and outputs show "Meta (Facebook in the
    charter)".
    """

    id: str = attrs.field(validator=v.identifier)
    name: Text = attrs.field(validator=v.instance_of(Text))
    sector: Sector | None = attrs.field(validator=v.optional(v.instance_of(Sector)))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)
    founding: bool = attrs.field(default=False, validator=v.instance_of(bool), kw_only=True)
    generic: bool = attrs.field(default=False, validator=v.instance_of(bool), kw_only=True)
    later_names: tuple[LaterName, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=v.each(v.instance_of(LaterName)),
        kw_only=True,
    )

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id a registry may name the partner by: the charter's first, then later ones."""
        return (self.id, *(n.id for n in self.later_names))

    def name_on(self, day: date | None = None) -> str | None:
        """The later name the partner bore on ``day`` (the latest one without a day), or None
        while it still bore the charter's name."""
        names = [n for n in self.later_names if day is None or n.since <= day]
        return names[-1].name if names else None

    def display_name(self, day: date | None = None) -> Text:
        """The partner's name for an output: "Meta (Facebook in the charter)" once renamed, the
        charter's own name otherwise."""
        later = self.name_on(day)
        if later is None:
            return self.name
        return Text(
            f"{later} ({self.name.en} in the charter)",
            f"{later} ({self.name.es} en la carta)",
            pt=f"{later} ({self.name.in_('pt')} na carta)",
        )

    @property
    def sector_is_clacs(self) -> bool:
        """Whether ``sector`` is clac's classification rather than a heading of the document."""
        return self.founding and self.sector is not None
