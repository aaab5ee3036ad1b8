"""ISO 3166-1 countries through pycountry, with Spanish and Portuguese names.

The region CLAC covers is Latin America and the Caribbean; :data:`LATIN_AMERICA_AND_CARIBBEAN`
lists it as the UN M49 geoscheme does (the "Latin America and the Caribbean" region, code 419).
"""

from __future__ import annotations

import functools
import gettext

import pycountry

from clac.errors import InvalidData
from clac.text import Text

__all__ = ["LATIN_AMERICA_AND_CARIBBEAN", "country_name", "is_country"]

# UN M49 "Latin America and the Caribbean" (419): Caribbean, Central America and South America.
LATIN_AMERICA_AND_CARIBBEAN: tuple[str, ...] = (
    # Caribbean
    "AG", "AI", "AW", "BB", "BL", "BQ", "BS", "CU", "CW", "DM", "DO", "GD", "GP", "HT", "JM",
    "KN", "KY", "LC", "MF", "MQ", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI",
    # Central America
    "BZ", "CR", "GT", "HN", "MX", "NI", "PA", "SV",
    # South America
    "AR", "BO", "BR", "BV", "CL", "CO", "EC", "FK", "GF", "GS", "GY", "PE", "PY", "SR", "UY",
    "VE",
)  # fmt: skip


@functools.cache
def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (upper case)."""
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


@functools.cache
def _translator(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@functools.cache
def country_name(code: str) -> Text:
    """The country's common name in English, Spanish and Portuguese."""
    country = pycountry.countries.get(alpha_2=code) if isinstance(code, str) else None
    if country is None:
        raise InvalidData("is not an ISO 3166-1 alpha-2 country code", path="country", value=code)
    english: str = getattr(country, "common_name", None) or country.name
    # pycountry's catalogues translate common names too ("Bolivia" → "Bolívia" in Portuguese).
    spanish = _translator("es").gettext(english)
    portuguese = _translator("pt_BR").gettext(english)
    return Text(english, spanish, pt=portuguese)
