"""Strategies for proposals: lifecycle events, recommendations and whole records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.model import (
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    Recommendation,
)
from clac.proposals import TRANSITIONS as _LIFECYCLE
from clac.testing._core import (
    _OFTEN,
    END,
    START,
    Refs,
    _check_dates,
    _day,
    _flag,
    _goal_refs,
    _identifier,
    _maybe,
    _maybe_string,
    _objective_refs,
    _one,
    _pick,
    _Refs,
    _refs,
    _repeat,
    _required,
    _strategy,
    _string,
    _subset,
)

# ---------------------------------------------------------------------------- proposals

_S, _E = ProposalState, ProposalEventKind
Step = tuple[ProposalState, ProposalEventKind, ProposalState]
"""One transition of the proposal lifecycle: `(source, event, target)`."""

# Every transition of the lifecycle, read from clac.proposals so the two cannot drift apart.
_TRANSITIONS: tuple[Step, ...] = tuple(
    (source, event, target) for (source, event), target in _LIFECYCLE.items()
)
_MAIN_LINE: tuple[Step, ...] = (
    (_S.DRAFT, _E.SUBMIT, _S.SUBMITTED),
    (_S.SUBMITTED, _E.SHARE, _S.SHARED),
    (_S.SHARED, _E.SCHEDULE, _S.SCHEDULED),
    (_S.SCHEDULED, _E.DISCUSS, _S.DISCUSSED),
)
_DECISIONS = {_S.APPROVED: _E.APPROVE, _S.RETURNED: _E.RETURN_WITH_RECOMMENDATIONS}
_RESCHEDULE: Step = (_S.SCHEDULED, _E.SCHEDULE, _S.SCHEDULED)
_REVISED_ROUND: tuple[Step, ...] = (
    *_MAIN_LINE,
    (_S.DISCUSSED, _E.RETURN_WITH_RECOMMENDATIONS, _S.RETURNED),
    (_S.RETURNED, _E.REVISE, _S.DRAFT),
)
_AT_MEETINGS = frozenset({_E.SCHEDULE, _E.DISCUSS, _E.APPROVE, _E.RETURN_WITH_RECOMMENDATIONS})
_BY_PROPOSER = frozenset({_E.SUBMIT, _E.REVISE, _E.WITHDRAW})
_OPEN_STATES = tuple(s for s in ProposalState if not s.is_final)


def _path_to(state: ProposalState) -> list[Step]:
    """The steps of one round from draft to `state`; withdrawal is not on this path."""
    if state is _S.DRAFT:
        return []
    if state in _DECISIONS:
        return [*_MAIN_LINE, (_S.DISCUSSED, _DECISIONS[state], state)]
    index = [target for _, _, target in _MAIN_LINE].index(state)
    return list(_MAIN_LINE[: index + 1])


def _steps(draw: st.DrawFn, state: ProposalState) -> list[Step]:
    """A legal history ending in `state`: perhaps a round returned and revised first, perhaps
    a meeting rescheduled, and for a withdrawn proposal a withdrawal from an open state."""
    steps: list[Step] = []
    if not draw(_OFTEN):
        steps.extend(_REVISED_ROUND)
    if state is _S.WITHDRAWN:
        steps.extend([*_path_to(_pick(draw, _OPEN_STATES)), (_S.DRAFT, _E.WITHDRAW, _S.WITHDRAWN)])
    else:
        steps.extend(_path_to(state))
    if _S.SCHEDULED in {target for _, _, target in steps} and not draw(_OFTEN):
        at = next(i for i, (_, _, target) in enumerate(steps) if target is _S.SCHEDULED)
        steps.insert(at + 1, _RESCHEDULE)
    # The withdrawal's source is the state before it.
    if steps and steps[-1][1] is _E.WITHDRAW:
        before = steps[-2][2] if len(steps) > 1 else _S.DRAFT
        steps[-1] = (before, _E.WITHDRAW, _S.WITHDRAWN)
    return steps


def _proposal_event(  # noqa: PLR0917 - one argument per part of the event, passed in order
    draw: st.DrawFn,
    step: Step,
    day: date,
    organizations: _Refs,
    meetings: _Refs,
    proposer: str | None = None,
) -> ProposalEvent:
    source, event, target = step
    if proposer is not None and event in _BY_PROPOSER and draw(_OFTEN):
        actor = proposer  # the proposer's own acts are usually its own
    else:
        actor = _one(draw, organizations)
    return ProposalEvent(
        event=event,
        source=source,
        target=target,
        date=day,
        actor=actor,
        meeting=_maybe(draw, meetings) if event in _AT_MEETINGS else None,
        note=_maybe_string(draw),
    )


def proposal_events(
    *,
    organizations: Refs = None,
    meetings: Refs = None,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[ProposalEvent]:
    """One legal step of a proposal's life, as `clac.model.ProposalEvent`.

    The step is a transition of the lifecycle (`clac.proposals.TRANSITIONS`): submit, share,
    schedule (or reschedule), discuss, approve, return with recommendations, revise, withdraw.

    Args:
        organizations: Ids the actor is drawn from (see References in the module doc).
        meetings: Ids a step taken at a meeting (schedule, discuss, approve, return) may name.
        start: The earliest date of the step.
        end: The latest date of the step.
    """
    _check_dates(start, end)
    orgs = _required(_refs(organizations, "organizations"), "organizations")
    meeting_ids = _refs(meetings, "meetings")
    return _strategy(
        "proposal_events",
        lambda draw: _proposal_event(
            draw, _pick(draw, _TRANSITIONS), _day(draw, start, end), orgs, meeting_ids
        ),
    )


def _recommendation(
    draw: st.DrawFn, goals: tuple[str, ...], objectives: tuple[str, ...]
) -> Recommendation:
    objective = _pick(draw, objectives) if objectives and (not goals or _flag(draw)) else None
    goal = _pick(draw, goals) if goals and (objective is None or _flag(draw)) else None
    return Recommendation(_string(draw), objective=objective, goal=goal)


def recommendations(
    *, goals: Refs = None, objectives: Refs = None
) -> st.SearchStrategy[Recommendation]:
    """Recommendations for improvement (`clac.model.Recommendation`) that a returned proposal
    carries, each tied to an objective, a policy goal, or both.

    Args:
        goals: Policy-goal ids to tie to (default: the Base Document's `PG-1` … `PG-8`).
        objectives: Objective ids to tie to (default: `OBJ-1`, `OBJ-2`).

    Raises:
        InvalidArgument: When both `goals` and `objectives` are empty.
    """
    goal_ids, objective_ids = _goal_refs(goals), _objective_refs(objectives)
    if not goal_ids and not objective_ids:
        raise InvalidArgument("a recommendation needs an objective or a goal to be tied to")
    return _strategy("recommendations", lambda draw: _recommendation(draw, goal_ids, objective_ids))


def _history(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    steps: Sequence[Step],
    proposer: str | None,
    organizations: _Refs,
    meetings: _Refs,
    start: date,
    end: date,
) -> tuple[ProposalEvent, ...]:
    """Events for `steps`, dated in order between `start` and `end`."""
    days = sorted(_day(draw, start, end) for _ in steps)
    return tuple(
        _proposal_event(draw, step, day, organizations, meetings, proposer)
        for step, day in zip(steps, days, strict=True)
    )


def _proposal_record(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    id_: str,
    proposers: _Refs,
    organizations: _Refs,
    meetings: _Refs,
    goals: tuple[str, ...],
    objectives: tuple[str, ...],
    states: tuple[ProposalState, ...],
    start: date,
    end: date,
    steps: Sequence[Step] | None = None,
) -> ProposalRecord:
    proposer = _one(draw, proposers)
    if steps is None:
        steps = _steps(draw, _pick(draw, states))
    acting = proposer if organizations is None or proposer in organizations else None
    history = _history(draw, steps, acting, organizations, meetings, start, end)
    recs: tuple[Recommendation, ...] = ()
    if goals or objectives:
        recs = _repeat(draw, lambda: _recommendation(draw, goals, objectives), 2)
    return ProposalRecord(
        id=id_,
        title=_string(draw),
        proposer=proposer,
        goals=_subset(draw, goals, 3, min_size=1),
        state=steps[-1][2] if steps else _S.DRAFT,
        history=history,
        recommendations=recs,
    )


def proposal_records(
    *,
    ids: st.SearchStrategy[str] | None = None,
    proposers: Refs = None,
    organizations: Refs = None,
    meetings: Refs = None,
    goals: Refs = None,
    objectives: Refs = None,
    states: Sequence[ProposalState | str] | None = None,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[ProposalRecord]:
    """Project proposals (`clac.model.ProposalRecord`) with a legal history from draft.

    Every history follows the lifecycle (`clac.proposals.lifecycle_problems` finds nothing):
    submit, share, schedule, discuss, then approve or return with recommendations; sometimes
    an earlier round returned and revised first, or a meeting rescheduled; a withdrawn
    proposal is withdrawn from a state that is not final. Events are dated in order. The
    proposer usually submits, revises and withdraws itself; when another organization does,
    the record breaks PRO-01, PRO-06 or PRO-05, as a registry may.

    Args:
        ids: A strategy for the proposal's id (default: `identifiers()`).
        proposers: Member ids the proposer is drawn from.
        organizations: Organization ids each event's actor is drawn from.
        meetings: Meeting ids the steps taken at a meeting may name.
        goals: Policy-goal ids the proposal aims at (at least one) and recommendations cite.
        objectives: Objective ids recommendations cite.
        states: The states the proposal may end in (default: any `ProposalState`).
        start: The earliest event date.
        end: The latest event date.

    Raises:
        InvalidArgument: For an unknown state or empty `proposers`, `organizations` or
            `states`.
    """
    _check_dates(start, end)
    orgs = _required(_refs(organizations, "organizations"), "organizations")
    who = _required(_refs(proposers, "proposers"), "proposers")
    meeting_ids = _refs(meetings, "meetings")
    goal_ids, objective_ids = _goal_refs(goals), _objective_refs(objectives)
    try:
        chosen = tuple(ProposalState) if states is None else tuple(ProposalState(s) for s in states)
    except ValueError as error:
        raise InvalidArgument(f"states={states!r}: {error}") from None
    if not chosen:
        raise InvalidArgument("states must name at least one proposal state")
    return _strategy(
        "proposal_records",
        lambda draw: _proposal_record(
            draw,
            _identifier(draw) if ids is None else draw(ids),
            who,
            orgs,
            meeting_ids,
            goal_ids,
            objective_ids,
            chosen,
            start,
            end,
        ),
    )
