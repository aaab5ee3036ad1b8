"""The numbers the charter fixes, which rules read instead of hard-coding them.

Each is the Base Document's value unless an :class:`Amendment` changes it. All are whole
numbers of at least 1, and each minimum is no larger than its maximum.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.charter._clauses import clause_at
from clac.charter._vocabulary import Section
from clac.errors import InvalidData, UnknownReference

__all__ = ["ASSUMPTIONS", "Parameters"]


def _at_least(other: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: a positive int no smaller than the field ``other`` of the same instance."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        v.integer(minimum=1)(instance, attribute, value)
        low = getattr(instance, other)
        if isinstance(low, int) and value < low:
            raise InvalidData(
                f"must not be less than {other} ({low})", path=attribute.name, value=value
            )

    return check


def _divides_a_year(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.integer(minimum=1)(instance, attribute, value)
    if 12 % value:
        raise InvalidData(
            "must divide the year evenly (1, 2, 3, 4, 6 or 12 months)",
            path=attribute.name,
            value=value,
        )


@attrs.frozen(kw_only=True)
class Parameters:
    """The charter's numbers; construct with no arguments for the Base Document's.

    - ``min_meetings_per_year``: CLAC meetings "take place at least twice a year".
    - ``min_working_groups_per_member`` / ``max_working_groups_per_member``: Members join
      "1-2 Working Groups".
    - ``min_hours_per_month`` / ``max_hours_per_month``: a representative participates
      "approximately 4-7 hours per month" (approximately: rules should treat the range as a
      guide, not a hard limit).
    - ``reporting_period_months``: Working Groups report quarterly (3 months); it must divide
      the year, so that reporting periods are calendar quarters, halves and so on.
    - ``strategic_plan_years``: the strategic plan sets goals "for the next five years".
    - ``report_due_days``: days after the end of a reporting period by which its report is
      due. This is **not charter text** but clac's assumption: the Base Document asks for
      quarterly reports and sets no deadline, so 30 days is a default an amendment may change;
      :meth:`clause_of` returns ``None`` for it.
    - ``attendance_window_months``: the span over which a member's attendance of CLAC meetings
      is looked for (clac's assumption: the 12 months before the day).
    - ``hours_window_months``: the span over which a member's monthly hours are averaged
      (clac's assumption: the 12 complete months before the day).
    - ``sharing_window_months``: the span in which a member must appear in a report or plan to
      have shared progress with the Secretariat (clac's assumption: 12 months).
    - ``minutes_grace_days``: days after a meeting within which uncirculated minutes are not
      yet a gap (clac's assumption: 30).
    - ``annual_report_due_months``: the annual report of a year is due by the end of this
      month of the next year (clac's assumption: 3, i.e. 31 March).

    :data:`ASSUMPTIONS` names the parameters that are clac's assumptions rather than charter
    text (:meth:`is_assumption`); each is a default an :class:`Amendment` may change.
    """

    min_meetings_per_year: int = attrs.field(default=2, validator=v.integer(minimum=1))
    min_working_groups_per_member: int = attrs.field(default=1, validator=v.integer(minimum=1))
    max_working_groups_per_member: int = attrs.field(
        default=2, validator=_at_least("min_working_groups_per_member")
    )
    min_hours_per_month: int = attrs.field(default=4, validator=v.integer(minimum=1))
    max_hours_per_month: int = attrs.field(default=7, validator=_at_least("min_hours_per_month"))
    reporting_period_months: int = attrs.field(default=3, validator=_divides_a_year)
    strategic_plan_years: int = attrs.field(default=5, validator=v.integer(minimum=1))
    report_due_days: int = attrs.field(default=30, validator=v.integer(minimum=1))
    attendance_window_months: int = attrs.field(default=12, validator=v.integer(minimum=1))
    hours_window_months: int = attrs.field(default=12, validator=v.integer(minimum=1))
    sharing_window_months: int = attrs.field(default=12, validator=v.integer(minimum=1))
    minutes_grace_days: int = attrs.field(default=30, validator=v.integer(minimum=1))
    annual_report_due_months: int = attrs.field(
        default=3, validator=v.integer(minimum=1, maximum=12)
    )

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every parameter's name, in declaration order."""
        return tuple(field.name for field in attrs.fields(cls))

    @classmethod
    def clause_of(cls, name: str) -> Clause | None:
        """The Base Document clause that sets parameter ``name``; ``None`` if no clause does.

        Raises :class:`UnknownReference` for a name that is not a parameter.
        """
        if name not in _CLAUSE_OF:
            raise UnknownReference("is not a charter parameter", path="parameters", value=name)
        where = _CLAUSE_OF[name]
        return None if where is None else clause_at(*where)

    @classmethod
    def is_assumption(cls, name: str) -> bool:
        """Whether parameter ``name`` is clac's assumption rather than a number the charter
        states (:class:`UnknownReference` for a name that is not a parameter)."""
        cls.clause_of(name)
        return name in ASSUMPTIONS

    def as_dict(self) -> dict[str, int]:
        """The parameters as a plain ``{name: value}`` dict."""
        return {name: getattr(self, name) for name in self.names()}

    def __str__(self) -> str:
        return ", ".join(f"{name}={value}" for name, value in self.as_dict().items())


_CLAUSE_OF: Mapping[str, tuple[Section, int] | None] = MappingProxyType(
    {
        "min_meetings_per_year": (Section.MEMBERSHIP, 6),
        "min_working_groups_per_member": (Section.MEMBERSHIP, 7),
        "max_working_groups_per_member": (Section.MEMBERSHIP, 7),
        "min_hours_per_month": (Section.MEMBERSHIP, 5),
        "max_hours_per_month": (Section.MEMBERSHIP, 5),
        "reporting_period_months": (Section.REPORTING, 2),
        "strategic_plan_years": (Section.STRUCTURE_AND_GOVERNANCE, 15),
        "report_due_days": None,
        "attendance_window_months": (Section.MEMBERSHIP, 6),
        "hours_window_months": (Section.MEMBERSHIP, 5),
        "sharing_window_months": (Section.REPORTING, 1),
        "minutes_grace_days": (Section.REPORTING, 6),
        "annual_report_due_months": (Section.REPORTING, 8),
    }
)

ASSUMPTIONS: frozenset[str] = frozenset(
    {
        "report_due_days",
        "attendance_window_months",
        "hours_window_months",
        "sharing_window_months",
        "minutes_grace_days",
        "annual_report_due_months",
    }
)
"""The parameters whose values are clac's assumptions: the charter states no such number
(Reporting asks for quarterly reports, minutes and an annual report without deadlines;
Membership asks for participation without saying over what span it is counted)."""
