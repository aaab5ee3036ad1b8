"""The organisations the Proposed Structure names: founding partners and expected partners."""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.charter._vocabulary import Sector
from clac.text import Text, normalise_name

__all__ = ["LaterName", "MatchKind", "Partner", "PartnerMatch", "match_partner"]


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

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the partner goes by: the charter's in each language, the parts of an
        entry with an acronym ("OAS", "Organization of American States") or a slash ("Red
        PaPaz", "Te Protejo"), and its later names — for :func:`match_partner`."""
        found: list[str] = []
        for name in (
            self.name.en,
            self.name.es,
            self.name.in_("pt"),
            *(n.name for n in self.later_names),
        ):
            found.append(name)
            outside = re.sub(r"\([^)]*\)", " ", name).strip()
            found.append(outside)
            found.extend(re.findall(r"\(([^)]*)\)", name))
            found.extend(part for part in re.split(r"/", outside) if part.strip())
        return tuple(dict.fromkeys(n.strip() for n in found if n.strip()))


class MatchKind(enum.StrEnum):
    """How an organization's name matches a partner's."""

    SAME = "same"
    """The same name or id, once case, accents and punctuation are ignored."""
    CLOSE = "close"
    """A close name (the partner's name followed by more words, "SaferNet Brasil", or a near
    spelling): likely the partner, to be confirmed with ``partner: <id>``."""


class PartnerMatch(NamedTuple):
    """The partner an organization's name matches, how well, and the partner's ``name`` (or
    id) it matched: the answer of :func:`match_partner`, a plain tuple."""

    partner: Partner
    kind: MatchKind
    name: str


_CLOSE_RATIO = 0.85
"""How similar two normalised names must be to count as close (difflib's ratio)."""


def match_partner(
    name: str,
    partners: Iterable[Partner],
    *,
    id: str | None = None,  # noqa: A002 - a record's id
) -> PartnerMatch | None:
    """The named (non-generic) partner ``name`` (or the organization ``id``) stands for, by
    name, later name or id, ignoring case and accents: a :attr:`MatchKind.SAME` match, else
    the closest :attr:`MatchKind.CLOSE` one, else None.

    >>> from clac.charter import BASE_DOCUMENT
    >>> found = match_partner("SaferNet Brasil", BASE_DOCUMENT.partners)
    >>> found.partner.id, found.kind.value
    ('safernet', 'close')
    >>> match_partner("rcpi peru", BASE_DOCUMENT.partners).kind.value
    'same'
    >>> match_partner("Meta", BASE_DOCUMENT.partners).partner.id
    'facebook'
    >>> match_partner("Línea Ejemplo", BASE_DOCUMENT.partners) is None
    True
    """
    wanted = normalise_name(name)
    ids = {normalise_name(i) for i in ((id,) if id else ())}
    best: tuple[float, PartnerMatch] | None = None
    for partner in partners:
        if partner.generic:
            continue
        for candidate in (*partner.names, *(i.replace("-", " ") for i in partner.ids)):
            known = normalise_name(candidate)
            if not known:
                continue
            if known == wanted or known in ids:
                return PartnerMatch(partner, MatchKind.SAME, candidate)
            score = _closeness(wanted, known)
            if score >= _CLOSE_RATIO and (best is None or score > best[0]):
                best = (score, PartnerMatch(partner, MatchKind.CLOSE, candidate))
    return None if best is None else best[1]


def _closeness(name: str, known: str) -> float:
    """How close ``name`` is to a partner's ``known`` name: 1 when one holds the whole of the
    other as words ("safernet brasil" and "safernet", "fundacion paniamor" and "paniamor"),
    else difflib's ratio. A short name (three letters or fewer) must match exactly."""
    if not name:
        return 0.0
    words, known_words = name.split(), known.split()
    shorter, longer = sorted((words, known_words), key=len)
    if len("".join(shorter)) >= 4 and any(
        longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)
    ):
        return 1.0
    if len(known) <= 3 or len(name) <= 3:
        return 0.0
    return difflib.SequenceMatcher(None, name, known).ratio()
