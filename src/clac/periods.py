"""Calendar periods the charter counts in: months (for hours) and quarters (for reports)."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

import attrs

from clac import _validators as v
from clac.errors import InvalidData

__all__ = ["Month", "Quarter"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
MIN_YEAR = 1900
MAX_YEAR = 2999


@attrs.frozen(slots=True)
class Month:
    """A calendar month, written ``2024-03``."""

    year: int = attrs.field(validator=v.integer(minimum=MIN_YEAR, maximum=MAX_YEAR))
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

    year: int = attrs.field(validator=v.integer(minimum=MIN_YEAR, maximum=MAX_YEAR))
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
