"""ISO 3166-1 countries through pycountry, with Spanish and Portuguese names, and the region
CLAC covers as data.

The region is Latin America and the Caribbean: by default its 33 sovereign states
(:data:`LATIN_AMERICA_AND_CARIBBEAN`, the members of CELAC); the 19 dependent territories the
UN M49 geoscheme also places in region 419 (Aruba, Puerto Rico, the Falklands, Bouvet Island …,
:data:`LAC_TERRITORIES`) only on request (``include_territories=True``, the command line's
``--include-territories``). A regional organization may name the region instead of its
countries (``countries: [LAC]``): it then works in every country of it (see :func:`expand`).
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterable

import attrs

from clac.errors import InvalidData
from clac.text import Text, normalise_name

__all__ = [
    "LAC",
    "LAC_TERRITORIES",
    "LATIN_AMERICA_AND_CARIBBEAN",
    "REGIONS",
    "Region",
    "code_for_name",
    "country_name",
    "expand",
    "is_country",
    "is_region",
    "region_countries",
]

#: The 33 sovereign states of Latin America and the Caribbean (the members of CELAC).
LATIN_AMERICA_AND_CARIBBEAN: tuple[str, ...] = (
    # Caribbean
    "AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT",
    # Central America
    "BZ", "CR", "GT", "HN", "MX", "NI", "PA", "SV",
    # South America
    "AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE",
)  # fmt: skip

#: The dependent territories UN M49 places in Latin America and the Caribbean (region 419).
LAC_TERRITORIES: tuple[str, ...] = (
    # Caribbean
    "AI", "AW", "BL", "BQ", "CW", "GP", "KY", "MF", "MQ", "MS", "PR", "SX", "TC", "VG", "VI",
    # South America (and the South Atlantic)
    "BV", "FK", "GF", "GS",
)  # fmt: skip


@attrs.frozen(slots=True)
class Region:
    """A region an organization may name instead of its countries: its sovereign states, and
    the dependent territories counted only on request."""

    id: str
    name: Text
    states: tuple[str, ...]
    territories: tuple[str, ...] = ()

    def countries(self, *, include_territories: bool = False) -> tuple[str, ...]:
        """The region's states, and its territories when asked."""
        return (*self.states, *self.territories) if include_territories else self.states


#: Latin America and the Caribbean, the region of the charter.
LAC = Region(
    id="LAC",
    name=Text(
        "Latin America and the Caribbean",
        "América Latina y el Caribe",
        pt="América Latina e o Caribe",
    ),
    states=LATIN_AMERICA_AND_CARIBBEAN,
    territories=LAC_TERRITORIES,
)

#: Every region by its id, as a registry names it (``countries: [LAC]``).
REGIONS: dict[str, Region] = {LAC.id: LAC}


def is_region(code: str) -> bool:
    """Whether ``code`` names a region (``"LAC"``)."""
    return code in REGIONS


def region_countries(
    region: str | Region = LAC, *, include_territories: bool = False
) -> tuple[str, ...]:
    """The countries of ``region`` (default Latin America and the Caribbean): its sovereign
    states, and its dependent territories when ``include_territories``."""
    if isinstance(region, str):
        if region not in REGIONS:
            raise InvalidData(
                f"is not a region ({', '.join(REGIONS)})", path="region", value=region
            )
        region = REGIONS[region]
    return region.countries(include_territories=include_territories)


def expand(codes: Iterable[str]) -> tuple[str, ...]:
    """``codes`` with every region replaced by all its countries (territories included), in
    order and without repeats: where an organization naming ``LAC`` works."""
    found: dict[str, None] = {}
    for code in codes:
        if code in REGIONS:
            found.update(dict.fromkeys(REGIONS[code].countries(include_territories=True)))
        else:
            found[code] = None
    return tuple(found)


#: Every ISO 3166-1 alpha-2 code, as pycountry lists them (tests/test_startup.py checks that
#: the two agree): checking a code is then a set lookup, not pycountry's database loaded (about
#: 40 ms of every ``clac check``).
_ALPHA_2: frozenset[str] = frozenset((
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW",
    "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN",
    "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG",
    "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ",
    "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI",
    "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL",
    "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR",
    "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA",
    "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
    "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU",
    "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP",
    "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR",
    "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD",
    "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE",
    "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
))  # fmt: skip


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (upper case)."""
    return code in _ALPHA_2


@functools.cache
def _translator(language: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@functools.cache
def country_name(code: str) -> Text:
    """The country's common name in English, Spanish and Portuguese."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if isinstance(code, str) else None
    if country is None:
        raise InvalidData("is not an ISO 3166-1 alpha-2 country code", path="country", value=code)
    english: str = getattr(country, "common_name", None) or country.name
    # pycountry's catalogues translate common names too ("Bolivia" → "Bolívia" in Portuguese).
    spanish = _translator("es").gettext(english)
    portuguese = _translator("pt_BR").gettext(english)
    return Text(english, spanish, pt=portuguese)


def code_for_name(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country called ``name`` in English, Spanish or
    Portuguese (case and accents ignored), or None: for an error message to suggest the code
    ("Brasil" is BR).

    >>> code_for_name("Brasil"), code_for_name("méxico"), code_for_name("Atlantis")
    ('BR', 'MX', None)
    """
    import pycountry

    wanted = normalise_name(name)
    if not wanted:
        return None
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        names = (
            country.name,
            english,
            getattr(country, "official_name", None),
            _translator("es").gettext(english),
            _translator("pt_BR").gettext(english),
        )
        if any(n and normalise_name(n) == wanted for n in names):
            code: str = country.alpha_2
            return code
    return None
