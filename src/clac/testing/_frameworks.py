"""Strategies for country assessments against the field's frameworks."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.model import CountryAssessment, Outcome
from clac.periods import DateValue
from clac.testing._core import (
    END,
    START,
    _check_dates,
    _day,
    _flag,
    _int,
    _maybe_string,
    _pick,
    _strategy,
    _string,
)


@functools.cache
def _item_refs() -> tuple[str, ...]:
    """``framework/item`` for every item of clac's own frameworks (never a plugin's)."""
    from clac.frameworks import ICMEC_LEGISLATION, MNR

    return tuple(f"{fw.id}/{item}" for fw in (ICMEC_LEGISLATION, MNR) for item in fw.item_ids)


def _country_assessment(
    draw: st.DrawFn, refs: tuple[str, ...], countries: tuple[str, ...], start: date, end: date
) -> CountryAssessment:
    framework, item = _pick(draw, refs).split("/")
    return CountryAssessment(
        country=_pick(draw, countries),
        framework=framework,
        item=item,
        outcome=_pick(draw, list(Outcome)),
        date=_day(draw, start, end),
        source=_string(draw),
        note=_maybe_string(draw),
        illustrative=_flag(draw),
    )


def country_assessments(
    *,
    frameworks: Sequence[str] | None = None,
    countries: Sequence[str] | None = None,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[CountryAssessment]:
    """Dated assessments of a country against one framework item
    (`clac.model.CountryAssessment`).

    Args:
        frameworks: The framework ids to draw items from (default: clac's own,
            `icmec-legislation` and `mnr`); each must be known to `clac.frameworks.FRAMEWORKS`.
        countries: The ISO codes to draw from (default: Latin America and the Caribbean).
        start: The earliest date drawn.
        end: The latest date drawn.

    Raises:
        InvalidArgument: For an unknown framework id, an empty choice or dates out of order.
    """
    _check_dates(start, end)
    if frameworks is None:
        refs = _item_refs()
    else:
        from clac.frameworks import FRAMEWORKS

        chosen = list(frameworks)
        unknown = [f for f in chosen if f not in FRAMEWORKS]
        if unknown or not chosen:
            raise InvalidArgument(
                f"frameworks={frameworks!r} must name frameworks clac knows ({list(FRAMEWORKS)})"
            )
        refs = tuple(f"{f}/{item}" for f in chosen for item in FRAMEWORKS[f].item_ids)
    codes = LATIN_AMERICA_AND_CARIBBEAN if countries is None else tuple(countries)
    if not codes:
        raise InvalidArgument("countries=() leaves no country to draw")
    return _strategy(
        "country_assessments",
        lambda draw: _country_assessment(draw, refs, codes, start, end),
    )


def _assessments(draw: st.DrawFn, start: date, end: date) -> tuple[CountryAssessment, ...]:
    """A few assessments, never two of one country, item and day (the registry refuses that)."""
    found: dict[tuple[str, str, DateValue], CountryAssessment] = {}
    for _ in range(_int(draw, 0, 4)):
        a = _country_assessment(draw, _item_refs(), LATIN_AMERICA_AND_CARIBBEAN, start, end)
        found.setdefault((a.country, a.ref, a.date), a)
    return tuple(found.values())
