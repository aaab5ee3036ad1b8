"""The changes that make a valid coalition break one rule (`VIOLATIONS`), and the rules
no registry can break (`NOT_VIOLABLE`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import Charter, Role
from clac.errors import InvalidData
from clac.model import (
    DocumentKind,
    Meeting,
    MeetingKind,
    Member,
    MemberStatus,
    Minutes,
    Participation,
    PolicyKind,
    ProposalEvent,
    ProposalEventKind,
    ProposalState,
    QuarterlyReport,
    Recommendation,
    RepresentativeLevel,
    StrategicPlan,
    Target,
    WorkingGroup,
)
from clac.periods import Month, Quarter
from clac.registry import Coalition
from clac.reporting import annual_report_due
from clac.testing import _pools
from clac.testing._core import (
    _country,
    _day,
    _flag,
    _int,
    _maybe_day,
    _pick,
    _Refs,
    _subset,
)
from clac.testing._genes import (
    _SHAPE,
    _SMALL,
    _at,
    _fresh_id,
    _fresh_organization,
    _gene,
    _plans_of,
    _proposal_of,
    _report_of,
    _representative_of,
    _steps_of,
    _word,
    _words,
)
from clac.testing._proposals import (
    _DECISIONS,
    _E,
    _REVISED_ROUND,
    _S,
    Step,
    _path_to,
)
from clac.testing._registry import (
    _MODES,
    _OTHER_MEETING_KINDS,
    _working_group,
)
from clac.testing._reporting import _activity

# --------------------------------------------------------------------------- violations


def _minutes_grace(charter: Charter) -> timedelta:
    """The longest grace for minutes any version of `charter` gives."""
    return timedelta(days=max(c.parameters.minutes_grace_days for c in charter.history))


Violation = Callable[[st.DrawFn, Coalition, date, date], Coalition]
"""Turn a valid coalition with at least one member, drawn from `start` to `end` (the last
two arguments), into one breaking a rule as of `end`."""


def _on(coalition: Coalition, end: date, joined: date | None = None) -> tuple[Coalition, Member]:
    """The coalition with its first member made an active member on `end` (and, if given,
    joined no later than `joined`: callers keep that from `start`), and that member."""
    first = coalition.members[0]
    member = attrs.evolve(
        first,
        joined=min(
            end if first.joined is None else first.joined, end if joined is None else joined
        ),
        status=MemberStatus.ACTIVE,
        left=None,
    )
    return _replace(coalition, member), member


def _replace(coalition: Coalition, member: Member) -> Coalition:
    """The coalition with `member` in place of the member of its organization (the same
    coalition, not checked again, when nothing changes)."""
    if member in coalition.members:
        return coalition
    members = tuple(
        member if m.organization == member.organization else m for m in coalition.members
    )
    return coalition.evolve(members=members)


def _member_change(**changes: Any) -> Violation:
    def violate(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
        coalition, member = _on(coalition, end)
        return _replace(coalition, attrs.evolve(member, **changes))

    return violate


def _institutional(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, member = _on(coalition, end)
    name = coalition.organization(member.organization).name
    twin = attrs.evolve(_representative_of(draw), name=name)
    return _replace(
        coalition, attrs.evolve(member, representatives=(*member.representatives, twin))
    )


def _junior_representatives(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, member = _on(coalition, end)
    people = member.representatives or (_representative_of(draw),)
    juniors = tuple(attrs.evolve(r, level=RepresentativeLevel.JUNIOR) for r in people)
    return _replace(coalition, attrs.evolve(member, representatives=juniors))


def _absent(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, member = _on(coalition, end)
    meets = tuple(
        attrs.evolve(m, attendees=tuple(a for a in m.attendees if a != member.organization))
        for m in coalition.meetings
    )
    held = Meeting(
        id=_fresh_id(draw, {m.id for m in meets}),
        date=end,
        kind=_pick(draw, (MeetingKind.ANNUAL, MeetingKind.REGIONAL)),
        mode=_pick(draw, _MODES),
        organizer=_pick(draw, tuple(o.id for o in coalition.organizations)),
        attendees=tuple(
            o for o in tuple(m.organization for m in coalition.members) if o != member.organization
        )[:3]
        if _flag(draw)
        else (),
    )
    return coalition.evolve(meetings=(*meets, held))


def _working_group_count(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, member = _on(coalition, end)
    high = coalition.charter_in_force(end).parameters.max_working_groups_per_member
    groups = tuple(g.id for g in coalition.working_groups)
    chosen: tuple[str, ...] = ()
    if len(groups) > high and _flag(draw):
        chosen = _subset(draw, groups, len(groups), high + 1)
    return _replace(coalition, attrs.evolve(member, working_groups=chosen))


def _few_hours(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    from clac.rules import Context
    from clac.rules.membership import hours_window

    coalition, member = _on(coalition, end, Month.of(end).minus(1).first_day)
    window = hours_window(Context(coalition, end), member)
    low = coalition.charter_in_force(end).parameters.min_hours_per_month
    kept = tuple(p for p in coalition.participation if p.member != member.organization)
    added = tuple(
        Participation(member=member.organization, month=month, hours=_int(draw, 0, 2 * low - 1) / 2)
        for month in window
    )
    return coalition.evolve(participation=(*kept, *added))


def _without_role(role: Role) -> Violation:
    def violate(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
        coalition, _ = _on(coalition, end)
        return coalition.evolve(roles=tuple(r for r in coalition.roles if r.role != role.value))

    return violate


def _no_annual_meeting(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, _ = _on(coalition, end, max(start, date(end.year - 1, 1, 1)))
    meets = tuple(
        attrs.evolve(m, kind=MeetingKind.REGIONAL) if m.kind is MeetingKind.ANNUAL else m
        for m in coalition.meetings
    )
    return coalition.evolve(meetings=meets)


def _no_strategic_plan(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, _ = _on(coalition, end)
    return coalition.evolve(plans=attrs.evolve(coalition.plans, strategic=()))


def _no_operational_plan(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, _ = _on(coalition, end)
    kept = tuple(p for p in coalition.plans.operational if p.year != end.year)
    return coalition.evolve(plans=attrs.evolve(coalition.plans, operational=kept))


def _unassessed_plan(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    year = end.year - 1
    coalition, _ = _on(coalition, end, max(start, date(year, 1, 1)))
    who = tuple(m.organization for m in coalition.members)
    kept = tuple(p for p in coalition.plans.operational if p.year != year)
    plan = attrs.evolve(
        _plans_of([], [(year - start.year, draw(_SHAPE))], (), who, start, end).operational[0],
        assessed=None,
        assessment=None,
    )
    operational = tuple(sorted((*kept, plan), key=lambda p: p.year))
    return coalition.evolve(plans=attrs.evolve(coalition.plans, operational=operational))


def _goal_without_indicators(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, _ = _on(coalition, end)
    goals = tuple(g.id for g in coalition.charter_in_force(end).policy_goals)
    covered = _subset(draw, goals, len(goals) - 1)
    plan = StrategicPlan(
        start_year=end.year,
        years=5,
        targets=tuple(
            Target(
                goal=g,
                description=_word(draw),
                indicators=(_at(draw(_SMALL), _pools.INDICATORS),),
            )
            for g in covered
        ),
        adopted=_maybe_day(draw, max(start, date(end.year, 1, 1)), end),
    )
    return coalition.evolve(plans=attrs.evolve(coalition.plans, strategic=(plan,)))


def _unaligned_activity(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, _ = _on(coalition, end)
    groups = coalition.working_groups
    if not groups:
        definition = coalition.charter.working_groups[0]
        groups = (_working_group(draw, definition.id, definition.name, end, end),)
    group = _pick(draw, groups)
    period = Quarter.of(end)
    goals = tuple(g.id for g in coalition.charter_in_force(end).policy_goals)
    who = tuple(m.organization for m in coalition.members)
    report = _report_of(draw(_SHAPE), group.id, period, goals, who)
    unaligned = attrs.evolve(_activity(draw, goals, who), goals=())
    report = attrs.evolve(report, submitted=end, activities=(*report.activities, unaligned))
    kept = tuple(r for r in coalition.reports if (r.working_group, r.period) != (group.id, period))
    return coalition.evolve(working_groups=groups, reports=(*kept, report))


def _uncirculated_minutes(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, member = _on(coalition, end)
    held = Meeting(
        id=_fresh_id(draw, {m.id for m in coalition.meetings}),
        date=_day(draw, start, end - _minutes_grace(coalition.charter)),
        kind=_pick(draw, _OTHER_MEETING_KINDS),
        mode=_pick(draw, _MODES),
        organizer=_pick(draw, tuple(o.id for o in coalition.organizations)),
        attendees=(member.organization,) if _flag(draw) else (),
        minutes=Minutes() if _flag(draw) else None,
    )
    return coalition.evolve(meetings=(*coalition.meetings, held))


def _few_coalition_meetings(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    year = end.year - 1
    coalition, _ = _on(coalition, end, max(start, date(year, 1, 1)))
    meets = tuple(
        attrs.evolve(m, kind=MeetingKind.STEERING_COMMITTEE)
        if m.date.year == year and m.kind in {MeetingKind.ANNUAL, MeetingKind.REGIONAL}
        else m
        for m in coalition.meetings
    )
    return coalition.evolve(meetings=meets)


def _annual_report_year(end: date, charter: Charter) -> int:
    """The latest year whose annual report is overdue on `end` under `charter`."""
    probe = Coalition(name="probe", charter=charter)
    year = end.year - 1
    while year > end.year - 3 and annual_report_due(year, probe) >= end:
        year -= 1
    return year


def _no_annual_report(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    year = _annual_report_year(end, coalition.charter)
    coalition, _ = _on(coalition, end, max(start, date(year, 1, 1)))
    docs = tuple(
        attrs.evolve(d, kind=DocumentKind.OTHER)
        if d.kind is DocumentKind.ANNUAL_REPORT and d.year == year
        else d
        for d in coalition.documents
    )
    return coalition.evolve(documents=docs)


def _new_group(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> WorkingGroup:
    """A working group that is none of the charter's (in any version) nor the coalition's,
    formed between the dates with no recorded consultation."""
    taken = {g.id for c in coalition.charter.history for g in c.working_groups}
    taken |= {g.id for g in coalition.working_groups}
    return WorkingGroup(
        id=_fresh_id(draw, taken), name=_words(draw), formed=_day(draw, start, end), consulted=None
    )


def _unconsulted_group(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, _ = _on(coalition, end)
    group = _new_group(draw, coalition, start, end)
    return coalition.evolve(working_groups=(*coalition.working_groups, group))


_OWED: dict[tuple[int, date, date], tuple[Charter, tuple[Quarter, ...]]] = {}


def _owed_quarters(coalition: Coalition, start: date, end: date) -> tuple[Quarter, ...]:
    """Quarters from `start`'s (and the charter's first) whose report is overdue on `end`.

    They depend on the charter alone, which is the same for every coalition one strategy
    draws: the last few answers are kept.
    """
    key = (id(coalition.charter), start, end)
    kept = _OWED.get(key)
    if kept is not None and kept[0] is coalition.charter:
        return kept[1]
    if len(_OWED) > 64:
        _OWED.clear()
    owed = _owed_quarters_of(coalition, start, end)
    _OWED[key] = (coalition.charter, owed)
    return owed


def _owed_quarters_of(coalition: Coalition, start: date, end: date) -> tuple[Quarter, ...]:
    from clac.reporting import report_due

    quarter = max(Quarter.of(start), Quarter.of(coalition.charter.original.effective))
    owed = []
    while quarter <= Quarter.of(end):
        if report_due(coalition, quarter) < end:
            owed.append(quarter)
        quarter = quarter.next()
    return tuple(owed)


def _report_slot(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> tuple[Coalition, WorkingGroup, Quarter]:
    """A working group formed by a quarter whose report is overdue on `end`, and that
    quarter; the group is one of the coalition's, or a charter group added to it."""
    quarter = _pick(draw, _owed_quarters(coalition, start, end))
    groups = coalition.working_groups
    if groups:
        group = _pick(draw, groups)
    else:
        definition = _pick(draw, coalition.charter_in_force(end).working_groups)
        group = _working_group(draw, definition.id, definition.name, start, end)
    formed = min(group.formed, max(start, quarter.first_day))
    consulted = None if group.consulted is None else min(group.consulted, formed)
    group = attrs.evolve(group, formed=formed, consulted=consulted)
    kept = tuple(g for g in groups if g.id != group.id)
    return coalition.evolve(working_groups=(*kept, group)), group, quarter


def _with_report(coalition: Coalition, report: QuarterlyReport) -> Coalition:
    """The coalition with `report` in place of its group's report for the same quarter."""
    slot = (report.working_group, report.year, report.quarter)
    kept = tuple(r for r in coalition.reports if (r.working_group, r.year, r.quarter) != slot)
    return coalition.evolve(reports=(*kept, report))


def _report_for(
    draw: st.DrawFn, coalition: Coalition, group: str, quarter: Quarter, members: _Refs = None
) -> QuarterlyReport:
    goals = tuple(g.id for g in coalition.charter.policy_goals)
    who = tuple(m.organization for m in coalition.members) if members is None else members
    return _report_of(draw(_SHAPE), group, quarter, goals, who or ())


def _missing_report(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, _ = _on(coalition, end)
    coalition, group, quarter = _report_slot(draw, coalition, start, end)
    # Recorded but never submitted: the quarter counts (records begin by then) and is missing.
    report = attrs.evolve(_report_for(draw, coalition, group.id, quarter), submitted=None)
    return _with_report(coalition, report)


def _late_report(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    from clac.reporting import report_due

    coalition, _ = _on(coalition, end)
    coalition, group, quarter = _report_slot(draw, coalition, start, end)
    late = _day(draw, report_due(coalition, quarter) + timedelta(days=1), end)
    report = attrs.evolve(_report_for(draw, coalition, group.id, quarter), submitted=late)
    return _with_report(coalition, report)


def _unnamed(report: QuarterlyReport, who: str, draw: st.DrawFn) -> QuarterlyReport:
    """`report` with the member `who` named in none of its activities or policies."""
    activities = tuple(
        attrs.evolve(a, members=tuple(m for m in a.members if m != who)) for a in report.activities
    )
    policies = tuple(
        p
        if p.organization != who
        else attrs.evolve(
            p, kind=PolicyKind.IN_COUNTRY, organization=None, country=p.country or _country(draw)
        )
        for p in report.policies
    )
    return attrs.evolve(report, activities=activities, policies=policies)


def _silent_member(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    quarter = _pick(draw, _owed_quarters(coalition, start, end))
    coalition, member = _on(coalition, end, max(start, quarter.first_day))
    who = member.organization
    reports = tuple(_unnamed(r, who, draw) for r in coalition.reports)
    operational = tuple(
        attrs.evolve(
            p,
            actions=tuple(
                attrs.evolve(a, members=tuple(m for m in a.members if m != who)) for a in p.actions
            ),
        )
        for p in coalition.plans.operational
    )
    coalition = coalition.evolve(
        reports=reports, plans=attrs.evolve(coalition.plans, operational=operational)
    )
    # A report submitted in the last twelve months, so the registry can tell.
    coalition, group, _ = _report_slot(draw, coalition, start, end)
    current = Quarter.of(end)
    others = tuple(m.organization for m in coalition.members if m.organization != who)
    report = _unnamed(_report_for(draw, coalition, group.id, current, others), who, draw)
    report = attrs.evolve(report, submitted=_day(draw, max(start, current.first_day), end))
    return _with_report(coalition, report)


# Proposals. Each violation adds one proposal by the first member, made active on `end`.


def _other_organization(draw: st.DrawFn, coalition: Coalition, than: str) -> tuple[Coalition, str]:
    """An organization other than `than`, added (as no charter partner) if there is none."""
    others = tuple(o.id for o in coalition.organizations if o.id != than)
    if others:
        return coalition, _pick(draw, others)
    added = _fresh_organization(draw, {o.id for o in coalition.organizations})
    return coalition.evolve(organizations=(*coalition.organizations, added)), added.id


def _add_proposal(  # noqa: PLR0917 - the history's parts, passed in order
    draw: st.DrawFn,
    coalition: Coalition,
    start: date,
    end: date,
    steps: Sequence[Step],
    change: Callable[[ProposalEvent], ProposalEvent] | None = None,
    recommendations: tuple[Recommendation, ...] | None = None,
) -> Coalition:
    """The coalition with a proposal by its first member whose history takes `steps`;
    `change` is applied to each event (it returns the event unchanged to keep it)."""
    coalition, member = _on(coalition, end)
    charter = coalition.charter
    record = _proposal_of(
        _gene(draw),
        _fresh_id(draw, {p.id for p in coalition.proposals}),
        (member.organization,),
        tuple(o.id for o in coalition.organizations),
        tuple(m.id for m in coalition.meetings),
        tuple(g.id for g in charter.policy_goals),
        tuple(o.id for o in charter.objectives),
        start,
        end,
        steps,
    )
    if change is not None:
        record = attrs.evolve(record, history=tuple(change(e) for e in record.history))
    if recommendations is not None:
        record = attrs.evolve(record, recommendations=recommendations)
    return coalition.evolve(proposals=(*coalition.proposals, record))


def _by_other(
    draw: st.DrawFn, coalition: Coalition, kind: ProposalEventKind
) -> tuple[Coalition, Callable[[ProposalEvent], ProposalEvent]]:
    """A change giving every `kind` event to an organization other than the proposer."""
    coalition, other = _other_organization(draw, coalition, coalition.members[0].organization)

    def change(event: ProposalEvent) -> ProposalEvent:
        return attrs.evolve(event, actor=other) if event.event is kind else event

    return coalition, change


def _submitted_by_another(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    states = (_S.SUBMITTED, _S.SHARED, _S.SCHEDULED, _S.DISCUSSED, _S.APPROVED, _S.RETURNED)
    coalition, change = _by_other(draw, coalition, _E.SUBMIT)
    return _add_proposal(draw, coalition, start, end, _steps_for(draw, states), change)


def _steps_for(draw: st.DrawFn, states: Sequence[ProposalState]) -> list[Step]:
    """A legal history ending in one of `states`."""
    shape = draw(_SHAPE)
    return _steps_of(shape, _at(shape >> 12, states))


_UNSHARED: tuple[Step, ...] = (
    (_S.DRAFT, _E.SUBMIT, _S.SUBMITTED),
    (_S.SUBMITTED, _E.SCHEDULE, _S.SCHEDULED),  # not a transition of the lifecycle
    (_S.SCHEDULED, _E.DISCUSS, _S.DISCUSSED),
    (_S.DISCUSSED, _E.APPROVE, _S.APPROVED),
)


def _approved_unshared(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    return _add_proposal(draw, coalition, start, end, _UNSHARED)


def _scheduled_nowhere(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    states = (_S.SCHEDULED, _S.DISCUSSED, _S.APPROVED, _S.RETURNED)

    def change(event: ProposalEvent) -> ProposalEvent:
        return attrs.evolve(event, meeting=None) if event.event is _E.SCHEDULE else event

    return _add_proposal(draw, coalition, start, end, _steps_for(draw, states), change)


def _returned_bare(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    steps = _steps_for(draw, (_S.RETURNED,))
    return _add_proposal(draw, coalition, start, end, steps, recommendations=())


def _withdrawn_by_another(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, change = _by_other(draw, coalition, _E.WITHDRAW)
    return _add_proposal(draw, coalition, start, end, _steps_for(draw, (_S.WITHDRAWN,)), change)


def _revised_by_another(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, change = _by_other(draw, coalition, _E.REVISE)
    steps = [*_REVISED_ROUND, *_path_to(_pick(draw, (_S.DRAFT, *_DECISIONS)))]
    return _add_proposal(draw, coalition, start, end, steps, change)


VIOLATIONS: Mapping[str, Violation] = {
    "MEM-01": _institutional,
    "MEM-02": _member_change(track_record=()),
    "MEM-03": _member_change(charter_subscription=None),
    "MEM-04": _member_change(listed_in_materials=False),
    "MEM-05": _member_change(representatives=()),
    "MEM-06": _junior_representatives,
    "MEM-07": _absent,
    "MEM-08": _working_group_count,
    "MEM-09": _few_hours,
    "GOV-01": _without_role(Role.SECRETARIAT),
    "GOV-02": _without_role(Role.CHAIR),
    "GOV-03": _no_annual_meeting,
    "GOV-04": _unconsulted_group,
    "GOV-05": _no_strategic_plan,
    "GOV-06": _no_operational_plan,
    "GOV-07": _unassessed_plan,
    "POL-01": _member_change(commitments=()),
    "POL-02": _goal_without_indicators,
    "PRO-01": _submitted_by_another,
    "PRO-02": _approved_unshared,
    "PRO-03": _scheduled_nowhere,
    "PRO-04": _returned_bare,
    "PRO-05": _withdrawn_by_another,
    "PRO-06": _revised_by_another,
    "REP-01": _missing_report,
    "REP-02": _late_report,
    "REP-03": _unaligned_activity,
    "REP-04": _uncirculated_minutes,
    "REP-05": _few_coalition_meetings,
    "REP-06": _no_annual_report,
    "REP-07": _silent_member,
}
"""The rules `coalitions(violating=...)` can break, each with the change that breaks it.

A change is a function of Hypothesis' `draw`, a valid coalition with at least one member,
`start` and `end`; it returns a coalition in which the rule is unmet as of `end`. Most
changes touch the first member (made an active member on `end`) or add one object:

| Rule | The change |
| --- | --- |
| MEM-01 | a representative named like the member's organization |
| MEM-02, -03, -04, -05 | no track record, no written subscription, not listed, no representative |
| MEM-06 | only junior representatives |
| MEM-07 | absent from every meeting; a coalition meeting held on `end` |
| MEM-08 | no working group, or more than the charter allows |
| MEM-09 | fewer hours than the minimum in every month of its window |
| GOV-01, GOV-02 | no Secretariat, no Chair |
| GOV-03 | no annual meeting (they become regional) |
| GOV-04 | a working group outside the charter's, formed with no consultation |
| GOV-05, GOV-06 | no strategic plan; no operational plan for `end`'s year |
| GOV-07 | last year's operational plan unassessed |
| POL-01, POL-02 | no commitments; a strategic plan leaving a policy goal without indicators |
| PRO-01, PRO-05, PRO-06 | a proposal submitted, withdrawn or revised by another organization |
| PRO-02 | a proposal approved without being shared (a hand-edited history, see below) |
| PRO-03 | a proposal scheduled with no meeting named |
| PRO-04 | a proposal returned with no recommendation |
| REP-01, REP-02 | a quarter's report recorded but never submitted; one submitted late |
| REP-03, REP-04 | a report activity with no policy goal; a meeting's minutes never circulated |
| REP-05, REP-06 | too few coalition meetings last year; no annual report for an overdue year |
| REP-07 | the member named in no report or plan of the last twelve months |

PRO-02 cannot be broken by a history that follows the lifecycle: approval comes only after a
discussion, a discussion after a scheduling, and the only way out of "submitted" (but
withdrawal) is sharing. So its violation is a record edited by hand, whose history goes from
"submitted" straight to "scheduled". The registry accepts it and `clac check` judges it (that
is what the rule is for), but `clac.proposals.lifecycle_problems` reports that step and
`ProposalMachine.restore` refuses the record. Every other drawn history follows the lifecycle.
"""

NOT_VIOLABLE: Mapping[str, str] = {
    "MEM-10": "encouraged: the rule reports met (the member authored best-practice content) or "
    "not applicable (not taken up), never unmet",
    "MEM-11": "encouraged: the rule reports met (another member joined on the member's referral) "
    "or not applicable (not taken up), never unmet",
    "MEM-12": "encouraged: the rule reports met (in-kind support or a source of support "
    "identified) or not applicable (not taken up), never unmet",
}
"""clac's rules that no registry can leave unmet, each with the reason.

`coalitions(violating=...)` raises `RuleNotViolable` for them. Every rule of clac's catalogue
is in `VIOLATIONS` or here (clac's own test suite checks it).
"""


class RuleNotViolable(InvalidArgument, InvalidData):
    """`coalitions(violating=...)` names a rule no registry can leave unmet (`NOT_VIOLABLE`).

    It is a Hypothesis `InvalidArgument` (a `TypeError`) and a clac `InvalidData` (a
    `ValueError` and a `ClacError`) naming the argument and the rule id.
    """

    def __init__(self, reason: str, *, path: str, value: str) -> None:
        InvalidData.__init__(self, reason, path=path, value=value)


def _violation(
    rule_id: str, charter: Charter, start: date, end: date, max_members: int
) -> Violation:
    if isinstance(rule_id, str) and rule_id in NOT_VIOLABLE:
        raise RuleNotViolable(
            f"cannot be violated: {NOT_VIOLABLE[rule_id]}", path="violating", value=rule_id
        )
    if not isinstance(rule_id, str) or rule_id not in VIOLATIONS:
        raise InvalidArgument(
            f"violating={rule_id!r} is not a supported rule id; supported: "
            + ", ".join(sorted(VIOLATIONS))
        )
    if max_members < 1:
        raise InvalidArgument(f"violating={rule_id!r} needs max_members of at least 1")
    if rule_id == "MEM-09" and Month.of(end).minus(1).first_day < start:
        raise InvalidArgument("violating='MEM-09' needs end in a later month than start")
    first = max(start.year, charter.original.effective.year)
    if rule_id in {"GOV-03", "GOV-07", "REP-05"} and end.year - 1 < first:
        raise InvalidArgument(
            f"violating={rule_id!r} needs a whole year from start, within the charter, before end"
        )
    if rule_id == "REP-06" and _annual_report_year(end, charter) < first:
        raise InvalidArgument(
            "violating='REP-06' needs a year, from start and within the charter, whose annual "
            "report is overdue on end"
        )
    if rule_id == "REP-04" and end - _minutes_grace(charter) < start:
        raise InvalidArgument(
            f"violating='REP-04' needs end at least {_minutes_grace(charter).days} days after start"
        )
    if rule_id in {"REP-01", "REP-02", "REP-07"} and not _owed_quarters(
        Coalition(name="probe", charter=charter), start, end
    ):
        raise InvalidArgument(
            f"violating={rule_id!r} needs a quarter, from start and within the charter, whose "
            "report is overdue on end"
        )
    return VIOLATIONS[rule_id]
