"""Calendar periods the charter counts in: months (for hours) and quarters (for reports), and
the approximate dates a user may only know roughly (``2016``, ``2016-05``).

An :class:`ApproximateDate` is a date known to the year, the month or the day. It keeps its
precision (``2016`` stays ``2016``: clac never invents a month or a day) and is *ordered
conservatively*: a comparison with a day or another date is true only when it holds for every
day the value may stand for. ``ApproximateDate(2016) < date(2017, 1, 1)`` is true,
``ApproximateDate(2016) < date(2016, 6, 1)`` and ``ApproximateDate(2016) >= date(2016, 6, 1)``
are both false: whether 2016 is before June 2016 is not known. Code that must decide anyway
uses the bounds :attr:`~ApproximateDate.earliest` and :attr:`~ApproximateDate.latest` (or the
module's :func:`earliest` and :func:`latest`, which accept a plain :class:`~datetime.date`
too), and a rule that needs the day answers ``insufficient_data``.

The model's roughly-known dates are :data:`DateValue`: a plain :class:`~datetime.date` when the
day is known, an :class:`ApproximateDate` otherwise (:func:`date_value` makes the choice, so an
``ApproximateDate`` known to the day is stored as a plain date).
"""

from __future__ import annotations

import calendar
import enum
import re
from datetime import date, datetime
from typing import Any, TypeAlias

import attrs

from clac import _validators as v
from clac.errors import InvalidData

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "ApproximateDate",
    "DateValue",
    "Month",
    "Precision",
    "Quarter",
    "check_day",
    "date_value",
    "earliest",
    "is_date_value",
    "latest",
]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_APPROXIMATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
MIN_YEAR = 1900
MAX_YEAR = 2999
#: The first and the last day clac handles: those of the years :class:`Month`,
#: :class:`Quarter` and :class:`ApproximateDate` hold. A day outside them is refused where it
#: is read (a registry file, an option such as ``--as-of``), so that no deadline, window or
#: quarter computed from it runs past what :class:`~datetime.date` holds (year 9999).
FIRST_DAY = date(MIN_YEAR, 1, 1)
LAST_DAY = date(MAX_YEAR, 12, 31)


def check_day(day: date, path: str = "") -> date:
    """``day``, if clac handles it (:data:`FIRST_DAY` to :data:`LAST_DAY`); else
    :class:`~clac.errors.InvalidData` naming ``path``.

    >>> check_day(date(2016, 1, 1))
    datetime.date(2016, 1, 1)
    >>> try:
    ...     check_day(date(9999, 12, 31), "as_of")
    ... except InvalidData as error:
    ...     print(error)
    as_of: '9999-12-31' is outside the days clac handles (1900-01-01 to 2999-12-31)
    """
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidData(outside_days(), path=path, value=day.isoformat())
    return day


def outside_days() -> str:
    """Why a day outside :data:`FIRST_DAY` … :data:`LAST_DAY` is refused."""
    return f"is outside the days clac handles ({FIRST_DAY} to {LAST_DAY})"


#: The years a :class:`Month` or :class:`Quarter` may hold: every year of
#: :class:`~datetime.date`. What is *read* as a month or quarter (:meth:`Month.parse`, a
#: registry file) lies within :data:`MIN_YEAR` … :data:`MAX_YEAR`; the periods computed from
#: it (a deadline a quarter later, the year after the last) may run past them.
_PERIOD_YEARS = v.integer(minimum=date.min.year, maximum=date.max.year)


@attrs.frozen(slots=True)
class Month:
    """A calendar month, written ``2024-03``."""

    year: int = attrs.field(validator=_PERIOD_YEARS)
    month: int = attrs.field(validator=v.integer(minimum=1, maximum=12))

    @classmethod
    def parse(cls, value: str | Month) -> Month:
        """Read ``YYYY-MM``; raise InvalidData for anything else."""
        if isinstance(value, Month):
            return value
        match = _MONTH.match(value) if isinstance(value, str) else None
        year, month = (int(match[1]), int(match[2])) if match else (0, 0)
        if match is None or not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            raise InvalidData(
                f"is not a month (YYYY-MM, years {MIN_YEAR}-{MAX_YEAR})", path="month", value=value
            )
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> Month:
        """The month ``day`` falls in."""
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        """The first day of the month."""
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        """The last day of the month."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def next(self) -> Month:
        """The following month."""
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def minus(self, months: int) -> Month:
        """The month ``months`` before this one."""
        index = self.year * 12 + (self.month - 1) - months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    # Ordering compares (year, month) directly: attrs' generated ordering builds tuples
    # through generators, and report cadences compare quarters and months by the million.
    def __lt__(self, other: object) -> bool:
        if type(other) is not Month:
            return NotImplemented
        return (self.year, self.month) < (other.year, other.month)

    def __le__(self, other: object) -> bool:
        if type(other) is not Month:
            return NotImplemented
        return (self.year, self.month) <= (other.year, other.month)

    def __gt__(self, other: object) -> bool:
        if type(other) is not Month:
            return NotImplemented
        return (self.year, self.month) > (other.year, other.month)

    def __ge__(self, other: object) -> bool:
        if type(other) is not Month:
            return NotImplemented
        return (self.year, self.month) >= (other.year, other.month)


@attrs.frozen(slots=True)
class Quarter:
    """A calendar quarter, written ``2024-Q1``: the charter's reporting period."""

    year: int = attrs.field(validator=_PERIOD_YEARS)
    quarter: int = attrs.field(validator=v.integer(minimum=1, maximum=4))

    @classmethod
    def parse(cls, value: str | Quarter) -> Quarter:
        """Read ``YYYY-Qn``; raise InvalidData for anything else."""
        if isinstance(value, Quarter):
            return value
        match = _QUARTER.match(value) if isinstance(value, str) else None
        if match is None or not MIN_YEAR <= int(match[1]) <= MAX_YEAR:
            raise InvalidData(
                f"is not a quarter (YYYY-Q1 … YYYY-Q4, years {MIN_YEAR}-{MAX_YEAR})",
                path="quarter",
                value=value,
            )
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: date) -> Quarter:
        """The quarter ``day`` falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        """The first day of the quarter."""
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last_day(self) -> date:
        """The last day of the quarter."""
        return Month(self.year, 3 * self.quarter).last_day

    def next(self) -> Quarter:
        """The following quarter."""
        return Quarter(self.year + self.quarter // 4, self.quarter % 4 + 1)

    def __contains__(self, day: Any) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.quarter}"

    # Ordering compares (year, quarter) directly: attrs' generated ordering builds tuples
    # through generators, and report cadences compare quarters and months by the million.
    def __lt__(self, other: object) -> bool:
        if type(other) is not Quarter:
            return NotImplemented
        return (self.year, self.quarter) < (other.year, other.quarter)

    def __le__(self, other: object) -> bool:
        if type(other) is not Quarter:
            return NotImplemented
        return (self.year, self.quarter) <= (other.year, other.quarter)

    def __gt__(self, other: object) -> bool:
        if type(other) is not Quarter:
            return NotImplemented
        return (self.year, self.quarter) > (other.year, other.quarter)

    def __ge__(self, other: object) -> bool:
        if type(other) is not Quarter:
            return NotImplemented
        return (self.year, self.quarter) >= (other.year, other.quarter)


# ------------------------------------------------------------------------ approximate dates


class Precision(enum.StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@attrs.frozen(slots=True, order=False)
class ApproximateDate:
    """A date known to the year (``2016``), the month (``2016-05``) or the day (``2016-05-04``).

    >>> joined = ApproximateDate.parse("2016-05")
    >>> joined.precision, joined.earliest, joined.latest
    (<Precision.MONTH: 'month'>, datetime.date(2016, 5, 1), datetime.date(2016, 5, 31))
    >>> joined < date(2016, 6, 1), joined < date(2016, 5, 20), joined > date(2016, 5, 20)
    (True, False, False)
    >>> str(ApproximateDate(2016))
    '2016'
    """

    year: int = attrs.field(validator=v.integer(minimum=MIN_YEAR, maximum=MAX_YEAR))
    month: int | None = attrs.field(
        default=None, validator=v.optional(v.integer(minimum=1, maximum=12))
    )
    day: int | None = attrs.field(
        default=None, validator=v.optional(v.integer(minimum=1, maximum=31))
    )

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                v.fail("day", self.day, "a day needs its month")
            if self.day > calendar.monthrange(self.year, self.month)[1]:
                v.fail("day", self.day, f"is not a day of {self.year:04d}-{self.month:02d}")

    @classmethod
    def parse(cls, value: str | int | date | ApproximateDate) -> ApproximateDate:
        """Read ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a year number or a date."""
        if isinstance(value, ApproximateDate):
            return value
        if isinstance(value, date) and not isinstance(value, datetime):
            return cls.of(value)
        if isinstance(value, int) and not isinstance(value, bool):
            if MIN_YEAR <= value <= MAX_YEAR:
                return cls(value)
        elif isinstance(value, str) and (match := _APPROXIMATE.match(value)):
            year = int(match[1])
            month = None if match[2] is None else int(match[2])
            day = None if match[3] is None else int(match[3])
            if (
                MIN_YEAR <= year <= MAX_YEAR
                and (month is None or 1 <= month <= 12)
                and (day is None or (month is not None and 1 <= day <= _days_in(year, month)))
            ):
                return cls(year, month, day)
        raise InvalidData(
            f"is not a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), years "
            f"{MIN_YEAR}-{MAX_YEAR}",
            path="date",
            value=value.isoformat() if isinstance(value, date) else value,
        )

    @classmethod
    def of(cls, day: date) -> ApproximateDate:
        """``day``, known to the day."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """Whether the year, the month or the day is known."""
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    @property
    def earliest(self) -> date:
        """The first day the value may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day the value may stand for."""
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, self.day or _days_in(self.year, self.month))

    @property
    def exact(self) -> date | None:
        """The day, when it is known."""
        return self.earliest if self.day is not None else None

    def may_be(self, day: date) -> bool:
        """Whether ``day`` is one of the days the value may stand for."""
        return self.earliest <= day <= self.latest

    def isoformat(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: only what is known."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    # Conservative ordering: true only when it holds for every day the value may stand for.
    # ``date`` returns NotImplemented for an ApproximateDate, so ``day < approximate`` comes
    # here as ``approximate > day``.
    def __lt__(self, other: object) -> bool:
        bounds = _bounds(other)
        return NotImplemented if bounds is None else self.latest < bounds[0]

    def __le__(self, other: object) -> bool:
        bounds = _bounds(other)
        return NotImplemented if bounds is None else self.latest <= bounds[0]

    def __gt__(self, other: object) -> bool:
        bounds = _bounds(other)
        return NotImplemented if bounds is None else self.earliest > bounds[1]

    def __ge__(self, other: object) -> bool:
        bounds = _bounds(other)
        return NotImplemented if bounds is None else self.earliest >= bounds[1]


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _bounds(value: object) -> tuple[date, date] | None:
    if isinstance(value, ApproximateDate):
        return value.earliest, value.latest
    if isinstance(value, date) and not isinstance(value, datetime):
        return value, value
    return None


#: A date the user may know only roughly: a :class:`~datetime.date` when the day is known, an
#: :class:`ApproximateDate` (year or month) otherwise.
DateValue: TypeAlias = date | ApproximateDate


def earliest(value: DateValue) -> date:
    """The first day ``value`` may stand for (``value`` itself for a date)."""
    return value.earliest if isinstance(value, ApproximateDate) else value


def latest(value: DateValue) -> date:
    """The last day ``value`` may stand for (``value`` itself for a date)."""
    return value.latest if isinstance(value, ApproximateDate) else value


def date_value(value: Any) -> Any:
    """Convert to a :data:`DateValue`: an approximate date known to the day becomes the plain
    date; anything else is left for :func:`is_date_value` to judge (text such as ``"2016"`` is
    read by :meth:`ApproximateDate.parse` and by the registry-file loaders, not here)."""
    if isinstance(value, ApproximateDate):
        return value.exact or value
    return value


def _is_date_value(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, ApproximateDate) or (
        isinstance(value, date) and not isinstance(value, datetime)
    ):
        return
    v.fail(attribute, value, "is not a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)")


#: The validator of a :data:`DateValue` field.
is_date_value = v.with_schema(_is_date_value, {})
