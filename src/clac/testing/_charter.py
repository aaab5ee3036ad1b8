"""Strategies for charter elements, amendments and whole charters."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import (
    BASE_DOCUMENT,
    Amendment,
    Charter,
    Clause,
    Divergence,
    LaterName,
    Objective,
    Parameters,
    Partner,
    PolicyGoal,
    Principle,
    Requirement,
    Role,
    RoleDefinition,
    Section,
    Sector,
    Severity,
    Unit,
    WorkingGroupDefinition,
)
from clac.testing._core import (
    _OFTEN,
    END,
    START,
    _check_dates,
    _check_size,
    _day,
    _flag,
    _fresh,
    _identifier,
    _int,
    _maybe_day,
    _pick,
    _plus,
    _refs,
    _repeat,
    _strategy,
    _string,
    _subset,
    _text,
)
from clac.testing._registry import _SECTORS
from clac.text import Language

# ------------------------------------------------------------------------ charter elements

_SECTIONS = tuple(Section)
_SEVERITIES = tuple(Severity)
_ROLE_KINDS = tuple(Role)
_DOCUMENT_LANGUAGES = (Language.EN, Language.ES)
_OPTIONAL_SECTORS: tuple[Sector | None, ...] = (None, *_SECTORS)
_PERIODS = (1, 2, 3, 4, 6, 12)
_AFTER_BASE_DOCUMENT = BASE_DOCUMENT.effective + timedelta(days=1)


def _divergence(draw: st.DrawFn) -> Divergence:
    return Divergence(
        summary=_text(draw), follows=_pick(draw, _DOCUMENT_LANGUAGES), why=_text(draw)
    )


def divergences() -> st.SearchStrategy[Divergence]:
    """Where a clause's English and Spanish differ (`clac.charter.Divergence`), following
    one of the two."""
    return _strategy("divergences", _divergence)


def _clause(draw: st.DrawFn, sections: tuple[Section, ...] = _SECTIONS) -> Clause:
    return Clause(
        section=_pick(draw, sections),
        item=_int(draw, 1, 40),
        text=_text(draw, 60),
        divergence=None if draw(_OFTEN) else _divergence(draw),
    )


def clauses(*, sections: Sequence[Section | str] | None = None) -> st.SearchStrategy[Clause]:
    """Clauses (`clac.charter.Clause`): an item of a section, in English and Spanish, now and
    then with a `Divergence`. They are made up; `BASE_DOCUMENT.clauses` holds the real ones.

    Args:
        sections: The sections to draw from (default: every `clac.charter.Section`).

    Raises:
        InvalidArgument: For an unknown or empty list of sections.
    """
    try:
        chosen = _SECTIONS if sections is None else tuple(Section(s) for s in sections)
    except ValueError as error:
        raise InvalidArgument(f"sections={sections!r}: {error}") from None
    if not chosen:
        raise InvalidArgument("sections must name at least one section")
    return _strategy("clauses", lambda draw: _clause(draw, chosen))


def objectives() -> st.SearchStrategy[Objective]:
    """Objectives (`clac.charter.Objective`) numbered `OBJ-1`, `OBJ-2` …, each citing a
    clause."""
    return _strategy(
        "objectives",
        lambda draw: Objective(
            id=f"OBJ-{_int(draw, 1, 9)}", text=_text(draw), clause=_clause(draw)
        ),
    )


def principles() -> st.SearchStrategy[Principle]:
    """Guiding principles (`clac.charter.Principle`) with an id such as `transparency`."""
    return _strategy(
        "principles",
        lambda draw: Principle(id=_identifier(draw), name=_text(draw), clause=_clause(draw)),
    )


def policy_goals() -> st.SearchStrategy[PolicyGoal]:
    """Policy goals (`clac.charter.PolicyGoal`) numbered `PG-1`, `PG-2` …, with a short
    label."""
    return _strategy(
        "policy_goals",
        lambda draw: PolicyGoal(
            id=f"PG-{_int(draw, 1, 9)}", text=_text(draw), short=_text(draw), clause=_clause(draw)
        ),
    )


def _later_name(draw: st.DrawFn, since: date) -> LaterName:
    return LaterName(id=_identifier(draw), name=_string(draw), since=since)


def later_names(*, start: date = START, end: date = END) -> st.SearchStrategy[LaterName]:
    """Names a partner took after the charter (`clac.charter.LaterName`), e.g. Meta for
    Facebook, dated between `start` and `end`.

    Args:
        start: The earliest date of the new name.
        end: The latest date of the new name.
    """
    _check_dates(start, end)
    return _strategy("later_names", lambda draw: _later_name(draw, _day(draw, start, end)))


def _partner(draw: st.DrawFn) -> Partner:
    renamed = not _flag(draw) and not _flag(draw)  # one partner in four was renamed
    return Partner(
        id=_identifier(draw),
        name=_text(draw),
        sector=_pick(draw, _OPTIONAL_SECTORS),
        clause=_clause(draw),
        founding=_flag(draw),
        generic=_flag(draw),
        later_names=(_later_name(draw, _day(draw, START, END)),) if renamed else (),
    )


def partners() -> st.SearchStrategy[Partner]:
    """Founding or expected partners (`clac.charter.Partner`), with or without a sector,
    some generic ("Universities")."""
    return _strategy("partners", _partner)


def _requirement(draw: st.DrawFn) -> Requirement:
    severity = _pick(draw, _SEVERITIES)
    return Requirement(
        id=_identifier(draw),
        severity=severity,
        text=_text(draw),
        clause=_clause(draw),
        condition_of_membership=severity is not Severity.ENCOURAGED,
    )


def requirements() -> st.SearchStrategy[Requirement]:
    """Membership requirements (`clac.charter.Requirement`) of any severity; the required and
    expected ones are conditions of membership, the encouraged ones are not."""
    return _strategy("requirements", _requirement)


def _role_definition(draw: st.DrawFn) -> RoleDefinition:
    return RoleDefinition(
        role=_pick(draw, _ROLE_KINDS),
        holder=_text(draw),
        holder_organization=_identifier(draw) if _flag(draw) else None,
        anticipated=_flag(draw),
        duties=_text(draw, 60),
        clause=_clause(draw),
        duty_clauses=_repeat(draw, lambda: _clause(draw), 2),
    )


def _unit(draw: st.DrawFn) -> Unit:
    return Unit(id=_identifier(draw), names=_repeat(draw, lambda: _string(draw), 3))


def units() -> st.SearchStrategy[Unit]:
    """Parts of a partner organization the charter names (`clac.charter.Unit`, such as
    `ICMEC_LAC`), with an id and a few names."""
    return _strategy("units", _unit)


def role_definitions() -> st.SearchStrategy[RoleDefinition]:
    """Offices (`clac.charter.RoleDefinition`): the Secretariat, the Chair or the Steering
    Committee, held by a partner id or by none, with the clauses that give it duties."""
    return _strategy("role_definitions", _role_definition)


def _working_group_definition(draw: st.DrawFn, start: date, end: date) -> WorkingGroupDefinition:
    return WorkingGroupDefinition(
        id=_identifier(draw),
        name=_text(draw),
        clause=_clause(draw) if _flag(draw) else None,
        formed=_maybe_day(draw, start, end),
    )


def working_group_definitions(
    *, start: date = START, end: date = END
) -> st.SearchStrategy[WorkingGroupDefinition]:
    """Working groups a charter defines (`clac.charter.WorkingGroupDefinition`), with or
    without the clause that lists them and the day they were formed.

    Args:
        start: The earliest formation date.
        end: The latest formation date.
    """
    _check_dates(start, end)
    return _strategy(
        "working_group_definitions", lambda draw: _working_group_definition(draw, start, end)
    )


def _parameters(draw: st.DrawFn) -> Parameters:
    low_groups, low_hours = _int(draw, 1, 3), _int(draw, 1, 8)
    return Parameters(
        min_meetings_per_year=_int(draw, 1, 6),
        min_working_groups_per_member=low_groups,
        max_working_groups_per_member=_int(draw, low_groups, 4),
        min_hours_per_month=low_hours,
        max_hours_per_month=_int(draw, low_hours, 16),
        reporting_period_months=_pick(draw, _PERIODS),
        strategic_plan_years=_int(draw, 1, 10),
        report_due_days=_int(draw, 1, 120),
        attendance_window_months=_int(draw, 1, 24),
        hours_window_months=_int(draw, 1, 24),
        sharing_window_months=_int(draw, 1, 24),
        minutes_grace_days=_int(draw, 1, 90),
        annual_report_due_months=_int(draw, 1, 12),
    )


def parameters() -> st.SearchStrategy[Parameters]:
    """The charter's numbers (`clac.charter.Parameters`): every minimum no larger than its
    maximum, and a reporting period that divides the year."""
    return _strategy("parameters", _parameters)


# ---------------------------------------------------------------------- charters, coalitions


def _amendment(draw: st.DrawFn, effective: date, taken: frozenset[str]) -> Amendment:
    parameters: dict[str, int] = {}
    if _flag(draw):
        parameters["min_meetings_per_year"] = _int(draw, 1, 4)
    if _flag(draw):
        low = _int(draw, 1, 8)
        parameters["min_hours_per_month"] = low
        parameters["max_hours_per_month"] = _int(draw, low, 12)
    if _flag(draw):
        parameters["reporting_period_months"] = _pick(draw, _PERIODS)
    if _flag(draw):
        parameters["report_due_days"] = _int(draw, 7, 90)
    if _flag(draw):
        parameters["minutes_grace_days"] = _int(draw, 7, 90)
    if _flag(draw):
        parameters["annual_report_due_months"] = _int(draw, 1, 12)
    added: tuple[WorkingGroupDefinition, ...] = ()
    if _flag(draw):
        group = WorkingGroupDefinition(id=_fresh(draw, taken), name=_text(draw), formed=effective)
        added = (group,)
    hand_over = tuple(r for r in (Role.SECRETARIAT, Role.CHAIR) if not _int(draw, 0, 7))
    return Amendment(
        effective=effective,
        summary=_text(draw),
        parameters=parameters,
        add_working_groups=added,
        hand_over=hand_over,
    )


def amendments(
    *,
    start: date = _AFTER_BASE_DOCUMENT,
    end: date = END,
    taken: Sequence[str] | None = None,
) -> st.SearchStrategy[Amendment]:
    """Amendments (`clac.charter.Amendment`) that `Charter.amend` accepts.

    Each may change meetings a year, hours a month, the reporting period and the report
    deadline (keeping each minimum no larger than its maximum), and may add a working group
    whose id is not `taken`.

    Args:
        start: The earliest effective date (default: the day after the Base Document took
            effect, so that `BASE_DOCUMENT.amend` accepts every amendment drawn).
        end: The latest effective date.
        taken: Working-group ids an added group must not use (default: the Base Document's).
    """
    _check_dates(start, end)
    used = frozenset(
        [g.id for g in BASE_DOCUMENT.working_groups]
        if taken is None
        else _refs(taken, "taken") or ()
    )
    return _strategy("amendments", lambda draw: _amendment(draw, _day(draw, start, end), used))


def _charter(draw: st.DrawFn, max_amendments: int, end: date) -> Charter:
    charter = BASE_DOCUMENT
    first = _plus(charter.effective, 1)
    if end < first:
        return charter
    days = _subset(draw, range((end - first).days + 1), max_amendments)
    for offset in sorted(days):
        taken = frozenset(group.id for group in charter.working_groups)
        charter = charter.amend(_amendment(draw, first + timedelta(days=offset), taken))
    return charter


def charters(*, max_amendments: int = 2, end: date = END) -> st.SearchStrategy[Charter]:
    """Charters (`clac.charter.Charter`): the Base Document as amended by `end`.

    Amendments change parameter values (meetings a year, hours a month, reporting period,
    report deadline) and add working groups.

    Args:
        max_amendments: The most amendments.
        end: The latest day an amendment takes effect.
    """
    _check_size(0, max_amendments, name="amendments")
    _check_dates(min(end, START), end)
    return _strategy("charters", lambda draw: _charter(draw, max_amendments, end))
