"""Strategies for strategic and operational plans, their targets and indicators."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.model import Indicator, OperationalPlan, PlannedAction, Plans, StrategicPlan, Target
from clac.testing._core import (
    _OFTEN,
    END,
    START,
    Refs,
    _check_dates,
    _check_size,
    _flag,
    _goal_refs,
    _int,
    _many,
    _maybe_day,
    _maybe_string,
    _pick,
    _Refs,
    _refs,
    _repeat,
    _strategy,
    _string,
    _subset,
)

# -------------------------------------------------------------------------------- plans


def _number(draw: st.DrawFn) -> float | None:
    return _int(draw, -2000, 2000) / 2 if _flag(draw) else None


def _indicator(draw: st.DrawFn) -> Indicator:
    return Indicator(name=_string(draw), baseline=_number(draw), target=_number(draw))


def indicators() -> st.SearchStrategy[Indicator]:
    """Indicators (`clac.model.Indicator`), baseline and target optional (multiples of
    0.5)."""
    return _strategy("indicators", _indicator)


def _target(draw: st.DrawFn, goals: tuple[str, ...]) -> Target:
    return Target(
        goal=_pick(draw, goals),
        description=_string(draw),
        indicators=_repeat(draw, lambda: _indicator(draw), 2),
    )


def targets(*, goals: Refs = None) -> st.SearchStrategy[Target]:
    """Strategic-plan targets (`clac.model.Target`) for a policy goal, with up to two
    indicators.

    Args:
        goals: Policy-goal ids the target may be for.

    Raises:
        InvalidArgument: When `goals` is empty.
    """
    choices = _goal_refs(goals)
    if not choices:
        raise InvalidArgument("goals must name at least one policy goal")
    return _strategy("targets", lambda draw: _target(draw, choices))


def _strategic_plan(draw: st.DrawFn, goals: tuple[str, ...], start_year: int) -> StrategicPlan:
    years = 5 if _flag(draw) else _int(draw, 1, 10)
    return StrategicPlan(
        start_year=start_year,
        years=years,
        targets=_repeat(draw, lambda: _target(draw, goals), 2) if goals else (),
        adopted=_maybe_day(draw, date(start_year - 1, 1, 1), date(start_year, 12, 31)),
    )


def strategic_plans(
    *, goals: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[StrategicPlan]:
    """Strategic plans (`clac.model.StrategicPlan`), often for five years, adopted (if
    the day is known) in the year before they start or their first year.

    Args:
        goals: Policy-goal ids its targets are for (`()`: no targets).
        start: A day of the earliest year it may start in.
        end: A day of the latest year it may start in.
    """
    _check_dates(start, end)
    choices = _goal_refs(goals)
    return _strategy(
        "strategic_plans",
        lambda draw: _strategic_plan(draw, choices, _int(draw, start.year, end.year)),
    )


def _planned_action(draw: st.DrawFn, goals: tuple[str, ...], members: _Refs) -> PlannedAction:
    return PlannedAction(
        description=_string(draw), goals=_subset(draw, goals, 3), members=_many(draw, members, 3)
    )


def planned_actions(
    *, goals: Refs = None, members: Refs = None
) -> st.SearchStrategy[PlannedAction]:
    """Actions of an operational plan (`clac.model.PlannedAction`).

    Args:
        goals: Policy-goal ids the action may aim at.
        members: Member ids the action may name.
    """
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy("planned_actions", lambda draw: _planned_action(draw, goal_ids, who))


def _operational_plan(
    draw: st.DrawFn, year: int, goals: tuple[str, ...], members: _Refs
) -> OperationalPlan:
    assessed = _maybe_day(draw, date(year, 1, 1), date(year, 12, 31))
    return OperationalPlan(
        year=year,
        actions=_repeat(draw, lambda: _planned_action(draw, goals, members), 3),
        assessed=assessed,
        assessment=None if assessed is None else _maybe_string(draw),
    )


def operational_plans(
    *, goals: Refs = None, members: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[OperationalPlan]:
    """Annual operational plans (`clac.model.OperationalPlan`); an assessment always
    has the day it was made, within the plan's year.

    Args:
        goals: Policy-goal ids its actions may aim at.
        members: Member ids its actions may name.
        start: A day of the earliest year.
        end: A day of the latest year.
    """
    _check_dates(start, end)
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy(
        "operational_plans",
        lambda draw: _operational_plan(draw, _int(draw, start.year, end.year), goal_ids, who),
    )


def _plans(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    goals: tuple[str, ...],
    members: _Refs,
    start: date,
    end: date,
    max_strategic: int = 2,
    max_operational: int = 3,
) -> Plans:
    strategic: list[StrategicPlan] = []
    first = start.year
    while len(strategic) < max_strategic and first <= end.year and draw(_OFTEN):
        plan = _strategic_plan(draw, goals, _int(draw, first, end.year))
        strategic.append(plan)
        first = plan.end_year + 1
    years = _subset(draw, range(start.year, end.year + 1), max_operational)
    return Plans(
        strategic=tuple(strategic),
        operational=tuple(_operational_plan(draw, year, goals, members) for year in sorted(years)),
    )


def plans(
    *,
    goals: Refs = None,
    members: Refs = None,
    start: date = START,
    end: date = END,
    max_strategic: int = 2,
    max_operational: int = 3,
) -> st.SearchStrategy[Plans]:
    """A coalition's plans (`clac.model.Plans`): strategic plans that do not overlap and
    operational plans for distinct years.

    Args:
        goals: Policy-goal ids the plans' targets and actions aim at.
        members: Member ids the operational plans' actions may name.
        start: A day of the earliest year a plan may be for.
        end: A day of the latest year a plan may be for.
        max_strategic: The most strategic plans.
        max_operational: The most operational plans.
    """
    _check_dates(start, end)
    _check_size(0, max_strategic, name="strategic")
    _check_size(0, max_operational, name="operational")
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy(
        "plans",
        lambda draw: _plans(draw, goal_ids, who, start, end, max_strategic, max_operational),
    )
