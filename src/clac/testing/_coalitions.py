"""Strategies for whole coalitions: valid, compliant, or breaking one rule."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import BASE_DOCUMENT, Charter, Role
from clac.model import (
    Meeting,
    Participation,
    PlannedAction,
    Plans,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    RecordKind,
    RecordsSince,
    RoleAssignment,
    StrategicPlan,
    Target,
)
from clac.periods import Month, Quarter, earliest
from clac.registry import Coalition
from clac.testing._core import (
    END,
    START,
    _check_dates,
    _check_size,
    _day,
    _distinct,
    _flag,
    _fresh,
    _identifiers,
    _int,
    _maybe_day,
    _pick,
    _repeat,
    _strategy,
    _string,
    _subset,
)
from clac.testing._frameworks import _assessments
from clac.testing._plans import _indicator, _operational_plan, _plans
from clac.testing._proposals import _proposal_record
from clac.testing._registry import (
    _commitment,
    _document,
    _meeting,
    _member,
    _organization,
    _role_assignment,
    _working_group,
)
from clac.testing._reporting import _quarterly_report
from clac.testing._violations import _violation


def _coalition(  # noqa: PLR0917 - every knob of coalitions(), passed in order
    draw: st.DrawFn,
    min_members: int,
    max_members: int,
    charter: Charter,
    start: date,
    end: date,
) -> Coalition:
    goals = tuple(g.id for g in charter.policy_goals)
    objectives = tuple(o.id for o in charter.objectives)
    partners = tuple(p.id for p in charter.partners if p.id == p.id.lower())

    # Organizations first; the first `count` of them are the members.
    org_ids = _distinct(draw, _int(draw, min_members, max_members + 2))
    claimed = _subset(draw, partners, len(org_ids))
    orgs = tuple(
        _organization(draw, oid, (claimed[i],) if i < len(claimed) else ())
        for i, oid in enumerate(org_ids)
    )
    count = _int(draw, min_members, min(max_members, len(org_ids)))
    member_ids = org_ids[:count]

    definitions = _subset(draw, charter.working_groups, len(charter.working_groups))
    groups = tuple(_working_group(draw, d.id, d.name, start, end) for d in definitions)
    group_ids = tuple(g.id for g in groups)

    docs = tuple(_document(draw, i, org_ids, start, end) for i in _identifiers(draw, 4, often=True))
    doc_ids = tuple(d.id for d in docs)

    mems = tuple(
        _member(draw, m, group_ids, goals, doc_ids, member_ids, start, end, 2, 2)
        for m in member_ids
    )

    meets: tuple[Meeting, ...] = ()
    if org_ids:
        meets = tuple(
            _meeting(draw, i, org_ids, member_ids, group_ids, doc_ids, start, end)
            for i in _identifiers(draw, 5, often=True)
        )
    meeting_ids = tuple(m.id for m in meets)

    participation: tuple[Participation, ...] = ()
    if member_ids:
        first, last = Month.of(start), Month.of(end)
        span = (last.year - first.year) * 12 + last.month - first.month
        slots = {
            (_pick(draw, member_ids), last.minus(_int(draw, 0, span)))
            for _ in _repeat(draw, lambda: None, 12, often=True)
        }
        participation = tuple(
            Participation(member=m, month=month, hours=_int(draw, 0, 32) / 2)
            for m, month in sorted(slots)
        )

    reports: tuple[QuarterlyReport, ...] = ()
    if group_ids:
        first_q, last_q = Quarter.of(start), Quarter.of(end)
        span = (last_q.year - first_q.year) * 4 + last_q.quarter - first_q.quarter
        periods = {
            (_pick(draw, group_ids), _quarter_before(last_q, _int(draw, 0, span)))
            for _ in _repeat(draw, lambda: None, 4, often=True)
        }
        formed = {g.id: g.formed for g in groups}
        reports = tuple(
            _quarterly_report(draw, g, q, goals, member_ids, org_ids)
            for g, q in sorted(periods, key=lambda gq: (gq[0], str(gq[1])))
            if q.last_day >= formed[g]  # a report before its group was formed is no registry
        )

    proposals: tuple[ProposalRecord, ...] = ()
    if member_ids:
        proposals = tuple(
            _proposal_record(
                draw,
                i,
                member_ids,
                org_ids,
                meeting_ids,
                goals,
                objectives,
                tuple(ProposalState),
                start,
                end,
            )
            for i in _identifiers(draw, 3, often=True)
        )

    roles: tuple[RoleAssignment, ...] = ()
    if org_ids:
        roles = _repeat(draw, lambda: _role_assignment(draw, org_ids, start, end), 3, often=True)

    return Coalition(
        name=_string(draw),
        charter=charter,
        records_since=_maybe_day(draw, start, end),
        records_since_by_kind=_records_since_by_kind(draw, start, end) if _flag(draw) else None,
        organizations=orgs,
        members=mems,
        working_groups=groups,
        meetings=meets,
        participation=participation,
        documents=docs,
        reports=reports,
        proposals=proposals,
        plans=_plans(draw, goals, member_ids, start, end),
        roles=roles,
        assessments=_assessments(draw, start, end),
    )


def _quarter_before(quarter: Quarter, count: int) -> Quarter:
    index = quarter.year * 4 + quarter.quarter - 1 - count
    return Quarter(index // 4, index % 4 + 1)


def _records_since_by_kind(draw: st.DrawFn, start: date, end: date) -> RecordsSince:
    return RecordsSince(**{kind.value: _maybe_day(draw, start, end) for kind in RecordKind})


def records_since_by_kind(
    *, start: date = START, end: date = END
) -> st.SearchStrategy[RecordsSince]:
    """Per-kind record horizons (`clac.model.RecordsSince`): each kind's day, or `None`.

    Args:
        start: The earliest day drawn.
        end: The latest day drawn.
    """
    _check_dates(start, end)
    return _strategy("records_since_by_kind", lambda draw: _records_since_by_kind(draw, start, end))


def coalitions(
    *,
    min_members: int = 0,
    max_members: int = 8,
    charter: Charter | None = None,
    start: date = START,
    end: date = END,
    violating: str | None = None,
    compliant: bool = False,
) -> st.SearchStrategy[Coalition]:
    """Whole `clac.Coalition` registries whose cross-references all hold.

    Organizations come first, and between `min_members` and `max_members` of them are
    members. Working groups are some of the charter's; meetings are organized by
    organizations and attended by members; participation, proposals and plans name members;
    reports are for the coalition's working groups, with goals among the charter's;
    proposals have legal histories; roles are held by organizations. Every date lies from
    `start` to `end`, except minutes circulated and reports submitted a little after.

    `violating` is the id of a rule (a key of `VIOLATIONS`, e.g. `"MEM-03"`) that the
    coalition breaks: `evaluate(coalition, as_of=end)` finds it unmet for at least one
    subject. Such a coalition says its records are complete (`records_since` is the first day
    of `start`'s year), since what a registry does not record is never unmet. The violation
    is guaranteed as of `end`, not on other days. Such a coalition is a valid one with a
    small change (see `VIOLATIONS`), and has at least one member. Some
    rules need room between the dates: a month (MEM-09), 30 days (REP-04), a whole year
    (GOV-03, GOV-07, REP-05), a year whose annual report is overdue (REP-06) or a quarter
    whose report is overdue (REP-01, REP-02, REP-07) by `end`.

    `compliant=True` draws a coalition with no *required* rule unmet as of `end`:
    `evaluate(coalition, as_of=end).ok` holds. The organization that is the ICMEC partner
    holds the Secretariat and (for ICMEC LAC) the Chair; strategic plans with indicators for
    every policy goal and operational plans cover every year from the coalition's first to
    `end`'s; every member has a complete commitment, is named in the plan for `end`'s year
    and has no representative named like its organization; proposals that would break a
    required proposal rule are left out. Expected and encouraged rules may still be unmet.

    Args:
        min_members: The fewest members.
        max_members: The most members (at least 1 with `violating`).
        charter: The coalition's charter (default: the Base Document); `charters()` draws
            amended ones.
        start: The earliest date drawn.
        end: The latest date drawn, and the day as of which `violating` and `compliant`
            hold.
        violating: A rule id the coalition breaks as of `end`.
        compliant: Whether to leave no required rule unmet as of `end`.

    Raises:
        RuleNotViolable: When `violating` is a rule no registry can leave unmet (a key of
            `NOT_VIOLABLE`).
        InvalidArgument: For an unknown rule id, `violating` together with `compliant`, or
            sizes and dates that leave no room for what is asked.

    Examples:
        >>> from hypothesis import given, settings
        >>> from clac.rules import evaluate
        >>> @settings(max_examples=5, database=None)
        ... @given(coalitions(violating="GOV-01", max_members=3))
        ... def test_a_missing_secretariat_is_reported(coalition):
        ...     unmet = evaluate(coalition, as_of=END).unmet
        ...     assert "GOV-01" in {finding.rule.id for finding in unmet}
        >>> test_a_missing_secretariat_is_reported()
    """
    _check_size(min_members, max_members, name="members")
    _check_dates(start, end)
    if charter is not None and not isinstance(charter, Charter):
        raise InvalidArgument(f"charter={charter!r} must be a clac Charter")
    under = BASE_DOCUMENT if charter is None else charter
    if compliant and violating is not None:
        raise InvalidArgument("compliant=True and violating= cannot be combined")
    if compliant:
        return _strategy(
            "coalitions",
            lambda draw: _compliant(
                draw, _coalition(draw, min_members, max_members, under, start, end), start, end
            ),
        )
    if violating is None:
        return _strategy(
            "coalitions",
            lambda draw: _coalition(draw, min_members, max_members, under, start, end),
        )
    violation = _violation(violating, under, start, end, max_members)
    return _strategy(
        "coalitions",
        lambda draw: violation(
            draw,
            _complete_records(
                _coalition(draw, max(min_members, 1), max_members, under, start, end), start
            ),
            start,
            end,
        ),
    )


def _complete_records(coalition: Coalition, start: date) -> Coalition:
    """`coalition` declaring its records complete from the first day of `start`'s year, its
    members' own entries included: a duty is unmet only where the registry says its records
    are complete (docs/rules.md)."""
    first = date(start.year, 1, 1)
    return coalition.evolve(records_since=first, records_since_by_kind=RecordsSince(members=first))


# --------------------------------------------------------------------------- compliance


def _compliant(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    """`coalition` changed so that no required rule is unmet as of `end`."""
    charter = coalition.charter_in_force(end)
    goals = tuple(g.id for g in charter.policy_goals)
    who = tuple(m.organization for m in coalition.members)

    # GOV-01, GOV-02: the ICMEC partner holds the Secretariat and chairs for ICMEC LAC.
    orgs = coalition.organizations
    holder = next((o for o in orgs if o.partner == "icmec"), None)
    if holder is None:
        holder = attrs.evolve(
            _organization(draw, _fresh(draw, {o.id for o in orgs}), ()), partner="icmec"
        )
        orgs = (*orgs, holder)
    roles = (
        *coalition.roles,
        RoleAssignment(
            role=Role.SECRETARIAT.value, organization=holder.id, since=_day(draw, start, end)
        ),
        RoleAssignment(
            role=Role.CHAIR.value,
            organization=holder.id,
            since=_day(draw, start, end),
            unit="ICMEC LAC",
        ),
    )

    # MEM-01 and POL-01 for every member.
    names = {o.id: " ".join(o.name.split()).casefold() for o in orgs}
    members = []
    for m in coalition.members:
        people = tuple(
            r
            for r in m.representatives
            if " ".join(r.name.split()).casefold() != names[m.organization]
        )
        promise = attrs.evolve(
            _commitment(
                draw,
                goals,
                coalition.charter.original.effective if m.joined is None else earliest(m.joined),
                end,
            ),
            made=None,
            indicators=(_string(draw),),
        )
        members.append(
            attrs.evolve(m, representatives=people, commitments=(*m.commitments, promise))
        )
    coalition = coalition.evolve(organizations=orgs, members=tuple(members), roles=roles)
    if not who:  # no year to judge, once no strategic plan says when the plans begin
        return coalition.evolve(plans=attrs.evolve(coalition.plans, strategic=()))

    # GOV-05, GOV-06, POL-02, REP-07: plans for every year from the first to end's.
    joins = [earliest(m.joined).year for m in members if m.joined is not None]
    first = max(coalition.charter.original.effective.year, min(joins, default=end.year))
    strategic: list[StrategicPlan] = []
    year = first
    while year <= end.year:
        length = coalition.charter_in_force(
            max(date(year, 1, 1), coalition.charter.original.effective)
        ).parameters.strategic_plan_years
        targets = tuple(
            Target(goal=g, description=_string(draw), indicators=(_indicator(draw),)) for g in goals
        )
        strategic.append(StrategicPlan(start_year=year, years=length, targets=targets))
        year += length
    existing = {p.year: p for p in coalition.plans.operational}
    operational = []
    for year in range(first, end.year + 1):
        plan = existing.get(year) or _operational_plan(draw, year, goals, who)
        if year == end.year:
            everyone = PlannedAction(description=_string(draw), goals=goals[:1], members=who)
            plan = attrs.evolve(plan, actions=(*plan.actions, everyone))
        operational.append(plan)
    operational.extend(p for y, p in existing.items() if y < first)
    coalition = coalition.evolve(
        plans=Plans(
            strategic=tuple(strategic),
            operational=tuple(sorted(operational, key=lambda p: p.year)),
        )
    )

    # PRO-01, PRO-04, PRO-06: leave out proposals that break them.
    from clac.rules import CATALOGUE, Outcome, evaluate

    required = [CATALOGUE.get(i) for i in ("PRO-01", "PRO-04", "PRO-06")]
    broken = {
        f.subject.id
        for f in evaluate(coalition, end, rules=required).findings
        if f.outcome is Outcome.UNMET
    }
    return coalition.evolve(proposals=tuple(p for p in coalition.proposals if p.id not in broken))
