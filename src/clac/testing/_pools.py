"""Precomputed values that whole coalitions are assembled from, so that drawing one takes a
few dozen small choices instead of hundreds.

A coalition's text, ids, e-mail addresses, organizations and representatives never matter to
a governance rule, so `coalitions()` picks them from the pools below with one choice each
(the index), and spends its choices on what rules read: dates, statuses, counts, references.
The pools still hold what a file format or an escape routine must survive: accented letters,
apostrophes, commas, digits, words YAML would read as booleans or null, the longest strings
the safe alphabet allows. Single objects (`members()`, `strings()` …) still draw freely.
"""

from __future__ import annotations

import functools
import random

from clac.charter import Sector
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.model import (
    Commitment,
    Indicator,
    Organization,
    Representative,
    RepresentativeLevel,
    Scope,
)

# Hand-picked values first (the ones shrinking reaches), then seeded ones from the alphabet.
_NAMED = (
    "Red",
    "Fundación Niñez Segura",
    "Instituto Protección",
    "No",
    "null",
    "Yes",
    "true",
    "Off",
    "O'Higgins, Chile",
    "Associação Brasileira",
    "SaferNet 2",
    "Ação Criança",
    "Red PaPaz, Colômbia",
    "a",
    "Aaaaaaaaaaaaaaaaaaaaaaaa",
    "Línea 145",
    "Über.Net - Perú",
    "ÇÃÕÂÊÔÀ ñÑüÜ",
)
_LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñüçãõâêôà"


def _seeded_strings(count: int, seed: int) -> tuple[str, ...]:
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    out = []
    for _ in range(count):
        words = [
            "".join(rng.choice(_LETTERS) for _ in range(rng.randint(1, 7)))
            for _ in range(rng.randint(1, 3))
        ]
        out.append(" ".join(words).capitalize()[:24].rstrip())
    return tuple(out)


STRINGS: tuple[str, ...] = (*_NAMED, *_seeded_strings(30, 2016))
"""Short safe texts (every one starts with a letter, has single inner spaces, at most 24
characters)."""

IDS: tuple[str, ...] = (
    "a",
    "red",
    "safernet",
    "red-papaz",
    "fundacion-2",
    "icmec-lac",
    "b",
    "x1",
    "linea-145",
    "no",
    "null",
    "true",
    *(f"org-{i}" for i in range(2, 30)),
)
"""Distinct ids the model accepts (lower-case slugs)."""

EMAILS: tuple[str, ...] = (
    "a@b.org",
    "ana@safernet.org.br",
    "info@red.gob.mx",
    "x1@y2.cl",
    "punto@red.net",
)

_SECTORS = tuple(Sector)
_SCOPES = tuple(Scope)
_LEVELS = tuple(RepresentativeLevel)
_COUNTRIES = tuple(LATIN_AMERICA_AND_CARIBBEAN)


@functools.cache
def organizations() -> tuple[Organization, ...]:
    """One organization per id of `IDS`, none a charter partner (claims are added apart)."""
    out = []
    for i, id_ in enumerate(IDS):
        scope = _SCOPES[i % len(_SCOPES)]
        if scope is Scope.NATIONAL:
            countries: tuple[str, ...] = (_COUNTRIES[i % len(_COUNTRIES)],)
        else:
            countries = tuple(_COUNTRIES[(i + k) % len(_COUNTRIES)] for k in range(i % 4))
        sector = _SECTORS[i % len(_SECTORS)]
        second = _SECTORS[(i + 3) % len(_SECTORS)]
        out.append(
            Organization(
                id=id_,
                name=STRINGS[i % len(STRINGS)],
                sector=(sector, second) if i % 4 == 3 and second is not sector else (sector,),
                countries=countries,
                scope=scope,
            )
        )
    return tuple(out)


@functools.cache
def representatives() -> tuple[Representative, ...]:
    """Representatives of every level, with and without an e-mail address."""
    return tuple(
        Representative(
            name=STRINGS[(3 * i + 1) % len(STRINGS)],
            position=STRINGS[(5 * i + 2) % len(STRINGS)],
            level=_LEVELS[i % len(_LEVELS)],
            email=EMAILS[i % len(EMAILS)] if i % 3 else None,
        )
        for i in range(8)
    )


@functools.cache
def commitments(goals: tuple[str, ...]) -> tuple[Commitment, ...]:
    """For each goal, a commitment with an indicator and one without (no day made)."""
    out = []
    for i, goal in enumerate(goals):
        for bare in (False, True):
            out.append(
                Commitment(
                    goal=goal,
                    action=STRINGS[(i + 7) % len(STRINGS)],
                    target=STRINGS[(i + 11) % len(STRINGS)],
                    indicators=() if bare else (STRINGS[(i + 13) % len(STRINGS)],),
                )
            )
    return tuple(out)


INDICATORS: tuple[Indicator, ...] = (
    Indicator(name="Reports filed"),
    Indicator(name="Hotlines", baseline=0.0, target=3.5),
    Indicator(name="Línea 145", baseline=-2.5),
)
