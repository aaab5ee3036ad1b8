"""Coverage gaps: the charter's sectors and partners, and the region's countries, without members.

Sector coverage reads the charter's Proposed Structure: the sectors its partners are listed
under are the *expected* sectors, and its named partners (not the generic entries such as
"Universities") are expected to become members. A partner has joined when an organization whose
``partner`` is that partner's id is a member on the date.

Country coverage counts, for each country of Latin America and the Caribbean (UN M49 region
419), the members on the date of *national* scope that work in it, by sector (hotline, law
enforcement, NGO). Regional and global members (Red NATIC, INHOPE, INTERPOL …) list the
countries they work in too, but a regional network's presence is not an in-country hotline or
police unit: they are listed separately, in ``regional``, and close no in-country gap.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from clac.charter import MatchKind, Partner, Sector, match_partner
from clac.countries import country_name, region_countries
from clac.model import Scope
from clac.network._frames import HtmlTable, data_frame
from clac.network._snapshot import Snapshot, snapshot
from clac.registry import Coalition
from clac.text import Text

__all__ = [
    "CountryCoverage",
    "CountryPresence",
    "SectorCoverage",
    "SectorPresence",
    "country_coverage",
    "sector_coverage",
]


@attrs.frozen
class SectorPresence:
    """One sector: whether the charter expects it, its members, its named partners."""

    sector: Sector
    expected: bool
    members: tuple[str, ...]
    partners: tuple[str, ...]
    partners_missing: tuple[str, ...]

    @property
    def covered(self) -> bool:
        """Whether the sector has at least one member."""
        return bool(self.members)


@attrs.frozen
class SectorCoverage(HtmlTable):
    """The coalition's members against the sectors and partners of the Proposed Structure.

    ``missing_sectors`` are expected sectors without a member; ``missing_partners`` the named
    (non-generic) partners, founding or expected, that are not members. A member is a partner
    when its organization says so (``partner: <id>``) or bears the partner's name, ignoring
    case and accents (:func:`clac.charter.match_partner`); a member with a close name
    ("SaferNet Brasil" for the charter's Safernet) is likely the partner but not certainly:
    that partner is in ``possible_partners``, with the members that may be it, and not among
    the missing ones — to confirm, add ``partner: <id>`` to the organization.
    """

    as_of: date | None
    sectors: tuple[SectorPresence, ...]
    missing_sectors: tuple[Sector, ...]
    missing_partners: tuple[Partner, ...]
    possible_partners: tuple[tuple[Partner, tuple[str, ...]], ...] = ()

    def to_dataframe(self) -> Any:
        """One row per sector: expected, members, named partners joined and missing."""
        return data_frame(
            [
                {
                    "sector": s.sector.value,
                    "expected": s.expected,
                    "members": len(s.members),
                    "partners": len(s.partners),
                    "partners_joined": len(s.partners) - len(s.partners_missing),
                    "partners_missing": ", ".join(s.partners_missing),
                }
                for s in self.sectors
            ],
            columns=[
                "sector",
                "expected",
                "members",
                "partners",
                "partners_joined",
                "partners_missing",
            ],
        )


def coverage_of_sectors(view: Snapshot) -> SectorCoverage:
    """The sector coverage of a snapshot."""
    coalition = view.coalition
    charter = view.charter
    organizations = {o.id: o for o in coalition.organizations}
    joined_partners = {  # a registry may name a renamed partner by its later id (meta)
        charter.partner_id(partner)
        for org in view.members
        if (partner := organizations[org].partner)
    }
    possible: dict[str, list[str]] = {}
    for org in view.members:  # a member not linked to a partner may still be one, by name
        organization = organizations[org]
        if organization.partner is not None:
            continue
        found = match_partner(organization.name, charter.partners, id=organization.id)
        if found is None or found.partner.id in joined_partners:
            continue
        if found.kind is MatchKind.SAME:
            joined_partners.add(found.partner.id)
        else:
            possible.setdefault(found.partner.id, []).append(org)
    expected = {p.sector for p in charter.partners if p.sector is not None}
    named = [p for p in charter.partners if not p.generic]
    rows = []
    for sector in Sector:
        members = tuple(org for org in view.members if organizations[org].in_sector(sector))
        partners = tuple(p.id for p in named if p.sector is sector)
        rows.append(
            SectorPresence(
                sector=sector,
                expected=sector in expected,
                members=members,
                partners=partners,
                partners_missing=tuple(
                    p for p in partners if p not in joined_partners and p not in possible
                ),
            )
        )
    return SectorCoverage(
        as_of=view.as_of,
        sectors=tuple(rows),
        missing_sectors=tuple(r.sector for r in rows if r.expected and not r.covered),
        missing_partners=tuple(
            p for p in named if p.id not in joined_partners and p.id not in possible
        ),
        possible_partners=tuple(
            (p, tuple(possible[p.id]))
            for p in named
            if p.id in possible and p.id not in joined_partners
        ),
    )


def sector_coverage(coalition: Coalition, as_of: date | None = None) -> SectorCoverage:
    """Which expected sectors and which named partners have no member on ``as_of``.

    >>> from clac import Coalition
    >>> coverage = sector_coverage(Coalition(name="Empty"))
    >>> [s.value for s in coverage.missing_sectors][:3]
    ['private-sector', 'ngo', 'hotline']
    >>> coverage.missing_partners[0].id
    'icmec'
    """
    return coverage_of_sectors(snapshot(coalition, as_of))


# ------------------------------------------------------------------------------ countries


@attrs.frozen
class CountryPresence:
    """The members working in one country: national ones by sector, and regional/global ones."""

    code: str
    name: Text
    hotlines: tuple[str, ...]
    law_enforcement: tuple[str, ...]
    ngos: tuple[str, ...]
    regional: tuple[str, ...]

    @property
    def has_hotline(self) -> bool:
        """Whether a national hotline member works in the country."""
        return bool(self.hotlines)

    @property
    def has_law_enforcement(self) -> bool:
        """Whether a national law-enforcement member works in the country."""
        return bool(self.law_enforcement)

    @property
    def has_ngo(self) -> bool:
        """Whether a national NGO member works in the country."""
        return bool(self.ngos)


@attrs.frozen
class CountryCoverage(HtmlTable):
    """Every country of Latin America and the Caribbean and the members working in it."""

    as_of: date | None
    countries: tuple[CountryPresence, ...]

    @property
    def without_hotline(self) -> tuple[str, ...]:
        """ISO codes of the countries with no national hotline member."""
        return tuple(c.code for c in self.countries if not c.has_hotline)

    @property
    def without_law_enforcement(self) -> tuple[str, ...]:
        """ISO codes of the countries with no national law-enforcement member."""
        return tuple(c.code for c in self.countries if not c.has_law_enforcement)

    @property
    def without_ngo(self) -> tuple[str, ...]:
        """ISO codes of the countries with no national NGO member."""
        return tuple(c.code for c in self.countries if not c.has_ngo)

    @property
    def without_any_member(self) -> tuple[str, ...]:
        """ISO codes of the countries no member, national or regional, works in."""
        return tuple(
            c.code
            for c in self.countries
            if not (c.hotlines or c.law_enforcement or c.ngos or c.regional)
        )

    def country(self, code: str) -> CountryPresence:
        """The row of the country ``code`` (``KeyError`` outside the region)."""
        for row in self.countries:
            if row.code == code:
                return row
        raise KeyError(code)

    def to_dataframe(self) -> Any:
        """One row per country: code, names (en/es/pt) and member counts by sector."""
        return data_frame(
            [
                {
                    "code": c.code,
                    "name_en": c.name.en,
                    "name_es": c.name.es,
                    "name_pt": c.name.in_("pt"),
                    "hotlines": len(c.hotlines),
                    "law_enforcement": len(c.law_enforcement),
                    "ngos": len(c.ngos),
                    "regional": len(c.regional),
                }
                for c in self.countries
            ],
            columns=[
                "code",
                "name_en",
                "name_es",
                "name_pt",
                "hotlines",
                "law_enforcement",
                "ngos",
                "regional",
            ],
        )


_COUNTED = {
    Sector.HOTLINE: "hotlines",
    Sector.LAW_ENFORCEMENT: "law_enforcement",
    Sector.NGO: "ngos",
}


def coverage_of_countries(view: Snapshot, *, include_territories: bool = False) -> CountryCoverage:
    """The country coverage of a snapshot: the region's 33 sovereign states, and its dependent
    territories when ``include_territories``."""
    region = region_countries(include_territories=include_territories)
    found: dict[str, dict[str, list[str]]] = {
        code: {"hotlines": [], "law_enforcement": [], "ngos": [], "regional": []} for code in region
    }
    for organization in view.coalition.organizations:
        if organization.id not in view.members:
            continue
        if organization.effective_scope is Scope.NATIONAL:
            # Every sector counts: a hotline that is also an NGO covers both columns.
            columns = [_COUNTED[s] for s in organization.sectors if s in _COUNTED]
        else:
            columns = ["regional"]
        for code in organization.where:  # a region (LAC) counts in every country of it
            if code in found:
                for column in columns:
                    found[code][column].append(organization.id)
    return CountryCoverage(
        as_of=view.as_of,
        countries=tuple(
            CountryPresence(
                code=code,
                name=country_name(code),
                hotlines=tuple(found[code]["hotlines"]),
                law_enforcement=tuple(found[code]["law_enforcement"]),
                ngos=tuple(found[code]["ngos"]),
                regional=tuple(found[code]["regional"]),
            )
            for code in region
        ),
    )


def country_coverage(
    coalition: Coalition, as_of: date | None = None, *, include_territories: bool = False
) -> CountryCoverage:
    """Which countries of the region have a hotline, law-enforcement and NGO member on ``as_of``.

    >>> from clac import Coalition
    >>> coverage = country_coverage(Coalition(name="Empty"))
    >>> coverage.country("BR").name.in_("pt")
    'Brasil'
    >>> len(coverage.without_hotline) == len(coverage.countries)
    True
    """
    return coverage_of_countries(
        snapshot(coalition, as_of), include_territories=include_territories
    )
