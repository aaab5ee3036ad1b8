"""Shared pieces of clac.testing: date bounds, argument checks, draw helpers and the
primitive strategies (strings, texts, ids, emails, countries, months, quarters, hours)."""

from __future__ import annotations

import functools
import math
import string
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import BASE_DOCUMENT
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.periods import ApproximateDate, DateValue, Month, Precision, Quarter
from clac.text import Text

T = TypeVar("T")

START = date(2016, 1, 1)
"""The default earliest date drawn: the Base Document's effective date."""
END = date(2025, 12, 31)
"""The default latest date drawn."""

_FIRST_MONTH, _LAST_MONTH = Month(1900, 1), Month(2999, 12)
_FIRST_QUARTER, _LAST_QUARTER = Quarter(1900, 1), Quarter(2999, 4)
_LAST_DAY = date(2999, 12, 31)

Refs = Sequence[str] | None
"""Ids to draw references from: `None` any id, `()` no reference (see the module doc)."""
_Refs = tuple[str, ...] | None

# ------------------------------------------------------------------- argument checking


def _check_size(min_size: int, max_size: int, *, least: int = 0, name: str = "size") -> None:
    for label, value in ((f"min_{name}", min_size), (f"max_{name}", max_size)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgument(f"{label}={value!r} must be a whole number")
    if min_size < least:
        raise InvalidArgument(f"min_{name}={min_size} must be at least {least}")
    if max_size < min_size:
        raise InvalidArgument(f"max_{name}={max_size} must be at least min_{name}={min_size}")


def _check_dates(start: date, end: date) -> None:
    from datetime import datetime

    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, date) or isinstance(value, datetime):
            raise InvalidArgument(f"{name}={value!r} must be a date")
    if end < start:
        raise InvalidArgument(f"end={end} must not be before start={start}")
    if start.year < 1901 or end.year > 2998:
        raise InvalidArgument("start and end must lie within the years 1901-2998")


def _refs(value: Refs, name: str) -> _Refs:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidArgument(f"{name}={value!r} must be a sequence of ids, not one string")
    return tuple(dict.fromkeys(value))


def _required(value: _Refs, name: str) -> _Refs:
    if value == ():
        raise InvalidArgument(f"{name} must name at least one id")
    return value


def _goal_refs(goals: Refs) -> tuple[str, ...]:
    resolved = _refs(goals, "goals")
    return tuple(g.id for g in BASE_DOCUMENT.policy_goals) if resolved is None else resolved


def _objective_refs(objectives: Refs) -> tuple[str, ...]:
    resolved = _refs(objectives, "objectives")
    return tuple(o.id for o in BASE_DOCUMENT.objectives) if resolved is None else resolved


def _strategy(name: str, fn: Callable[[st.DrawFn], T]) -> st.SearchStrategy[T]:
    """A strategy drawing `fn(draw)`; internal draws are plain functions, which is much faster
    than building a strategy per drawn object."""

    def run(draw: st.DrawFn) -> T:
        return fn(draw)

    run.__name__ = run.__qualname__ = name
    return st.composite(run)()


# ----------------------------------------------------------------------- draw helpers

_BOOL = st.booleans()
# Another element of a list? Nested lists say yes half the time, so they stay short and
# drawing stays fast; the registry's own lists (meetings, reports …) say yes 3 times in 4.
_MORE = st.booleans()
_OFTEN = st.integers(0, 3)
_LETTERS = string.ascii_letters + "áéíóúÁÉÍÓÚñÑüÜçÇãõâêôàÃÕÂÊÔÀ"
_WORD = _LETTERS + string.digits + ".,-'"
_HEAD = st.sampled_from(_LETTERS)
_SLUG_HEAD = st.sampled_from(string.ascii_lowercase)
_SLUG_TAIL = string.ascii_lowercase + string.digits + "-"


def _flag(draw: st.DrawFn) -> bool:
    return draw(_BOOL)


def _int(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(st.integers(low, high))


def _pick(draw: st.DrawFn, choices: Sequence[T]) -> T:
    return choices[_int(draw, 0, len(choices) - 1)]


def _plus(day: date, days: int) -> date:
    """`day` plus `days` days, no later than the last day clac accepts."""
    return min(day + timedelta(days=days), _LAST_DAY)


def _day(draw: st.DrawFn, low: date, high: date) -> date:
    return low + timedelta(days=_int(draw, 0, (high - low).days))


def _maybe_day(draw: st.DrawFn, low: date, high: date) -> date | None:
    return _day(draw, low, high) if _flag(draw) else None


def _repeat(
    draw: st.DrawFn, item: Callable[[], T], max_size: int, min_size: int = 0, *, often: bool = False
) -> tuple[T, ...]:
    more = _OFTEN if often else _MORE
    out: list[T] = []
    while len(out) < max_size and (len(out) < min_size or draw(more)):
        out.append(item())
    return tuple(out)


@functools.cache
def _index_lists(count: int, min_size: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, count - 1), min_size=min_size, max_size=max_size, unique=True)


def _subset(
    draw: st.DrawFn, choices: Sequence[T], max_size: int, min_size: int = 0
) -> tuple[T, ...]:
    high = min(max_size, len(choices))
    if high == 0:
        return ()
    return tuple(choices[i] for i in draw(_index_lists(len(choices), min(min_size, high), high)))


@functools.cache
def _tails(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_WORD + " ", min_size=min_size, max_size=max_size)


def _single_inside(chars: str, separator: str) -> str:
    """Keep `separator` single and inside: one after another or at the end becomes an 'a'."""
    out = list(chars)
    for index, char in enumerate(out):
        if char == separator and (index == len(out) - 1 or out[index - 1] == separator):
            out[index] = "a"
    return "".join(out)


def _string(draw: st.DrawFn, min_size: int = 1, max_size: int = 24) -> str:
    return _single_inside(draw(_HEAD) + draw(_tails(min_size - 1, max_size - 1)), " ")


def _maybe_string(draw: st.DrawFn) -> str | None:
    return _string(draw) if _flag(draw) else None


def _text(draw: st.DrawFn, max_size: int = 24, portuguese: bool | None = None) -> Text:
    en, es = _string(draw, max_size=max_size), _string(draw, max_size=max_size)
    with_pt = _flag(draw) if portuguese is None else portuguese
    return Text(en, es, pt=_string(draw, max_size=max_size) if with_pt else None)


@functools.cache
def _slug_tails(max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_SLUG_TAIL, max_size=max_size)


def _identifier(draw: st.DrawFn, max_size: int = 12) -> str:
    return _single_inside(draw(_SLUG_HEAD) + draw(_slug_tails(max_size - 1)), "-")


def _identifiers(
    draw: st.DrawFn, max_size: int, min_size: int = 0, *, often: bool = False
) -> tuple[str, ...]:
    """Distinct ids, usually few."""
    return _distinct(draw, len(_repeat(draw, lambda: None, max_size, min_size, often=often)))


def _distinct(draw: st.DrawFn, count: int) -> tuple[str, ...]:
    """`count` distinct ids."""
    out: list[str] = []
    for _ in range(count):
        out.append(_fresh(draw, out))
    return tuple(out)


def _fresh(draw: st.DrawFn, taken: Collection[str]) -> str:
    """An id that is not `taken`."""
    value = _identifier(draw)
    while value in taken:
        value += "x"
    return value


def _one(draw: st.DrawFn, choices: _Refs) -> str:
    """A required reference."""
    return _identifier(draw) if choices is None else _pick(draw, choices)


def _maybe(draw: st.DrawFn, choices: _Refs) -> str | None:
    """An optional reference."""
    if choices == () or not _flag(draw):
        return None
    return _one(draw, choices)


def _many(draw: st.DrawFn, choices: _Refs, max_size: int, min_size: int = 0) -> tuple[str, ...]:
    """Distinct references."""
    if choices is None:
        return _identifiers(draw, max_size, min_size)
    return _subset(draw, choices, max_size, min_size)


# ------------------------------------------------------------------------------ primitives


def strings(*, min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[str]:
    """Short non-blank text from the safe alphabet, e.g. `"Red PaPaz, Colômbia"`.

    Args:
        min_size: The fewest characters (at least 1).
        max_size: The most characters.
    """
    _check_size(min_size, max_size, least=1)
    return _strategy("strings", lambda draw: _string(draw, min_size, max_size))


def texts(*, max_size: int = 24, portuguese: bool | None = None) -> st.SearchStrategy[Text]:
    """Bilingual `clac.text.Text` (English and Spanish, sometimes Portuguese).

    Args:
        max_size: The most characters in each language.
        portuguese: `True` always draws `pt`, `False` never does, `None` sometimes.
    """
    _check_size(1, max_size)
    return _strategy("texts", lambda draw: _text(draw, max_size, portuguese))


def identifiers(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Ids the model and the charter accept, such as `"red-papaz-2"`.

    Lower-case letters and digits, starting with a letter, words joined by single hyphens.

    Args:
        max_size: The most characters.
    """
    _check_size(1, max_size)
    return _strategy("identifiers", lambda draw: _identifier(draw, max_size))


_EMAIL_PART = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_TLDS = ("org", "com", "net", "org.br", "gob.mx", "cl")


def emails() -> st.SearchStrategy[str]:
    """E-mail addresses such as `"ana@safernet.org.br"`."""
    return _strategy("emails", _email)


def _email(draw: st.DrawFn) -> str:
    return f"{draw(_EMAIL_PART)}@{draw(_EMAIL_PART)}.{_pick(draw, _TLDS)}"


@functools.cache
def _all_countries() -> tuple[str, ...]:
    import pycountry

    region = set(LATIN_AMERICA_AND_CARIBBEAN)
    rest = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in region)
    return (*LATIN_AMERICA_AND_CARIBBEAN, *rest)


def _country(draw: st.DrawFn) -> str:
    return _pick(draw, _all_countries())


def _countries(draw: st.DrawFn, min_size: int, max_size: int) -> tuple[str, ...]:
    return _subset(draw, _all_countries(), max_size, min_size)


def country_codes(*, within: Sequence[str] | None = None) -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 country codes in upper case.

    Latin American and Caribbean codes come first, so examples shrink toward the region.

    Args:
        within: The codes to draw from (default: every country).

    Raises:
        InvalidArgument: When `within` is empty.
    """
    if within is None:
        return _strategy("country_codes", _country)
    codes = _refs(within, "within")
    if not codes:
        raise InvalidArgument("within must name at least one country")
    return st.sampled_from(codes)


def months(
    *, min_value: Month = _FIRST_MONTH, max_value: Month = _LAST_MONTH
) -> st.SearchStrategy[Month]:
    """Calendar months (`clac.periods.Month`).

    Args:
        min_value: The earliest month.
        max_value: The latest month.
    """
    low = min_value.year * 12 + min_value.month - 1
    high = max_value.year * 12 + max_value.month - 1
    if high < low:
        raise InvalidArgument(f"max_value={max_value} must not be before min_value={min_value}")
    return st.integers(low, high).map(lambda n: Month(n // 12, n % 12 + 1))


def approximate_dates(
    *,
    min_value: date = START,
    max_value: date = END,
    precisions: Sequence[Precision | str] = (Precision.YEAR, Precision.MONTH),
) -> st.SearchStrategy[ApproximateDate]:
    """Dates known only roughly (`clac.periods.ApproximateDate`): `2016`, `2016-05` …

    Every value may stand for some day between `min_value` and `max_value` (its year or month
    contains one of them).

    Args:
        min_value: The earliest day a value may stand for.
        max_value: The latest day a value may stand for.
        precisions: The precisions to draw (`"year"`, `"month"`, `"day"`).
    """
    _check_dates(min_value, max_value)
    chosen = tuple(Precision(p) for p in precisions)
    if not chosen:
        raise InvalidArgument("precisions must name at least one precision")

    def draw_one(draw: st.DrawFn) -> ApproximateDate:
        day = _day(draw, min_value, max_value)
        precision = _pick(draw, chosen)
        if precision is Precision.YEAR:
            return ApproximateDate(day.year)
        if precision is Precision.MONTH:
            return ApproximateDate(day.year, day.month)
        return ApproximateDate.of(day)

    return _strategy("approximate_dates", draw_one)


def date_values(*, min_value: date = START, max_value: date = END) -> st.SearchStrategy[DateValue]:
    """What a roughly-known date field of the model holds (`clac.periods.DateValue`): a plain
    `date`, or an `ApproximateDate` known to the year or the month.

    Args:
        min_value: The earliest day a value may stand for.
        max_value: The latest day a value may stand for.
    """
    _check_dates(min_value, max_value)
    return st.one_of(
        st.dates(min_value, max_value),
        approximate_dates(min_value=min_value, max_value=max_value),
    )


def quarters(
    *, min_value: Quarter = _FIRST_QUARTER, max_value: Quarter = _LAST_QUARTER
) -> st.SearchStrategy[Quarter]:
    """Calendar quarters (`clac.periods.Quarter`).

    Args:
        min_value: The earliest quarter.
        max_value: The latest quarter.
    """
    low = min_value.year * 4 + min_value.quarter - 1
    high = max_value.year * 4 + max_value.quarter - 1
    if high < low:
        raise InvalidArgument(f"max_value={max_value} must not be before min_value={min_value}")
    return st.integers(low, high).map(lambda n: Quarter(n // 4, n % 4 + 1))


def hours(*, min_value: float = 0.0, max_value: float = 744.0) -> st.SearchStrategy[float]:
    """Hours in a month, as multiples of 0.5 (which YAML, JSON and TOML keep exactly).

    Args:
        min_value: The fewest hours (at least 0).
        max_value: The most hours (at most 744, a month of 31 days).
    """
    low, high = math.ceil(min_value * 2), math.floor(max_value * 2)
    if low < 0 or high > 1488 or high < low:
        raise InvalidArgument(f"no multiple of 0.5 in [{min_value}, {max_value}] within 0-744")
    return st.integers(low, high).map(lambda n: n / 2)
