"""Strategies for working groups' quarterly reports: activities, policies and
legislative advances."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from clac.model import (
    Activity,
    ActivityScope,
    ActivityStatus,
    LegislativeAdvance,
    Outcome,
    Policy,
    PolicyKind,
    QuarterlyReport,
)
from clac.periods import Quarter
from clac.testing._core import (
    END,
    START,
    Refs,
    _check_dates,
    _check_size,
    _countries,
    _country,
    _day,
    _flag,
    _goal_refs,
    _many,
    _maybe,
    _maybe_day,
    _one,
    _pick,
    _plus,
    _Refs,
    _refs,
    _repeat,
    _required,
    _strategy,
    _string,
    _subset,
    quarters,
)
from clac.testing._frameworks import _item_refs

# ---------------------------------------------------------------------- quarterly reports

_ACTIVITY_SCOPES = tuple(ActivityScope)
_ACTIVITY_STATUSES = tuple(ActivityStatus)
_POLICY_KINDS = tuple(PolicyKind)


def _activity(draw: st.DrawFn, goals: tuple[str, ...], members: _Refs) -> Activity:
    scope = _pick(draw, _ACTIVITY_SCOPES)
    least = 1 if scope is ActivityScope.IN_COUNTRY else 0
    return Activity(
        description=_string(draw),
        scope=scope,
        status=_pick(draw, _ACTIVITY_STATUSES),
        goals=_subset(draw, goals, 3),
        countries=_countries(draw, least, least + 2),
        members=_many(draw, members, 3),
    )


def activities(*, goals: Refs = None, members: Refs = None) -> st.SearchStrategy[Activity]:
    """Activities a quarterly report lists (`clac.model.Activity`); an in-country one
    names at least one country.

    Args:
        goals: Policy-goal ids the activity may aim at (it may aim at none).
        members: Member ids that may take part.
    """
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy("activities", lambda draw: _activity(draw, goal_ids, who))


def _policy(draw: st.DrawFn, goals: tuple[str, ...], organizations: _Refs) -> Policy:
    kind = PolicyKind.IN_COUNTRY if organizations == () else _pick(draw, _POLICY_KINDS)
    if kind is PolicyKind.ORGANIZATIONAL:
        organization: str | None = _one(draw, organizations)
        country = _country(draw) if _flag(draw) else None
    else:
        organization = _maybe(draw, organizations)
        country = _country(draw)
    return Policy(
        description=_string(draw),
        kind=kind,
        goals=_subset(draw, goals, 3),
        country=country,
        organization=organization,
    )


def policies(*, goals: Refs = None, organizations: Refs = None) -> st.SearchStrategy[Policy]:
    """Policies a quarterly report lists (`clac.model.Policy`): an in-country one names
    its country, an organizational one its organization.

    Args:
        goals: Policy-goal ids the policy may aim at.
        organizations: Organization ids a policy may name (`()`: only in-country policies).
    """
    goal_ids, orgs = _goal_refs(goals), _refs(organizations, "organizations")
    return _strategy("policies", lambda draw: _policy(draw, goal_ids, orgs))


def _legislative_advance(draw: st.DrawFn, start: date, end: date) -> LegislativeAdvance:
    criteria: tuple[str, ...] = ()
    outcome = None
    if _flag(draw):
        criteria = tuple(
            draw(st.lists(st.sampled_from(_item_refs()), min_size=1, max_size=2, unique=True))
        )
        outcome = draw(st.none() | st.sampled_from(list(Outcome)))
    return LegislativeAdvance(
        country=_country(draw),
        instrument=_string(draw),
        date=_day(draw, start, end),
        description=_string(draw),
        criteria=criteria,
        outcome=outcome,
        illustrative=_flag(draw),
    )


def legislative_advances(
    *, start: date = START, end: date = END
) -> st.SearchStrategy[LegislativeAdvance]:
    """Legislative advances a quarterly report lists
    (`clac.model.LegislativeAdvance`).

    Args:
        start: The earliest date drawn.
        end: The latest date drawn.
    """
    _check_dates(start, end)
    return _strategy("legislative_advances", lambda draw: _legislative_advance(draw, start, end))


def _quarterly_report(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    working_group: str,
    period: Quarter,
    goals: tuple[str, ...],
    members: _Refs,
    organizations: _Refs,
    max_items: int = 2,
) -> QuarterlyReport:
    first, last = period.first_day, period.last_day
    return QuarterlyReport(
        working_group=working_group,
        year=period.year,
        quarter=period.quarter,
        submitted=_maybe_day(draw, first, _plus(first, 150)),
        activities=_repeat(draw, lambda: _activity(draw, goals, members), max_items),
        policies=_repeat(draw, lambda: _policy(draw, goals, organizations), max_items),
        legislative_advances=_repeat(
            draw, lambda: _legislative_advance(draw, first, last), max_items
        ),
    )


def quarterly_reports(
    *,
    working_groups: Refs = None,
    goals: Refs = None,
    members: Refs = None,
    organizations: Refs = None,
    start: date = START,
    end: date = END,
    max_items: int = 2,
) -> st.SearchStrategy[QuarterlyReport]:
    """Working groups' quarterly reports (`clac.model.QuarterlyReport`), submitted (if at
    all) on or after the day their quarter began, up to 150 days later.

    Args:
        working_groups: Working-group ids the report is by.
        goals: Policy-goal ids its activities and policies may aim at.
        members: Member ids its activities may name.
        organizations: Organization ids its policies may name.
        start: A day of the earliest quarter.
        end: A day of the latest quarter.
        max_items: The most activities, policies and legislative advances (each).
    """
    _check_dates(start, end)
    _check_size(0, max_items, name="items")
    groups = _required(_refs(working_groups, "working_groups"), "working_groups")
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    orgs = _refs(organizations, "organizations")
    periods = quarters(min_value=Quarter.of(start), max_value=Quarter.of(end))
    return _strategy(
        "quarterly_reports",
        lambda draw: _quarterly_report(
            draw, _one(draw, groups), draw(periods), goal_ids, who, orgs, max_items
        ),
    )
