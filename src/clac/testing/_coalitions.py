"""Strategies for whole coalitions: valid, compliant, or breaking one rule."""

from __future__ import annotations

import enum
import functools
from datetime import date
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import BASE_DOCUMENT, Charter, Role
from clac.model import (
    Member,
    MemberStatus,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    QuarterlyReport,
    RecordKind,
    RecordsSince,
    RoleAssignment,
    StrategicPlan,
    Target,
    WorkingGroup,
)
from clac.periods import Month, Quarter, earliest
from clac.registry import Coalition
from clac.testing import _pools
from clac.testing._core import (
    END,
    START,
    _check_dates,
    _check_size,
    _maybe_day,
    _strategy,
)
from clac.testing._genes import (
    _RECORD,
    _SHAPE,
    _assessments_of,
    _at,
    _bits,
    _by_kind_of,
    _day_and_shape,
    _day_in,
    _document_of,
    _fresh_organization,
    _meeting_of,
    _member_of,
    _plans_of,
    _proposal_of,
    _report_of,
    _role_of,
)
from clac.testing._violations import _violation

T = TypeVar("T")


# Whole coalitions are assembled bottom-up from genes. A record (a member, a meeting, a report
# …) is one integer drawn on its own: its low 12 bits place a day between two bounds, and the
# others (its shape) choose the record's other fields (clac.testing._genes). Members come in
# one list and every other record in a second one, each of a few records, so shrinking
# deletes whole records first, then lowers what remains towards 0, the simplest record. What
# a record refers to (a member, a document, a meeting) is read from the records built so far
# by position, modulo their number, so a record stays valid when the shrinker deletes
# another. Text, ids and people come from precomputed pools (clac.testing._pools). A
# coalition takes a few dozen choices, and no draw can grow large.

_OTHER_ORGANIZATIONS = st.lists(st.integers(0, 255), max_size=2)
_MAX_RECORDS = 8


class _Kind(enum.IntEnum):
    """What a record of the second list is (the low bits of its shape)."""

    MEETING = 0
    DOCUMENT = 1
    PARTICIPATION = 2
    REPORT = 3
    PROPOSAL = 4
    ROLE = 5
    STRATEGIC_PLAN = 6
    OPERATIONAL_PLAN = 7
    ASSESSMENT = 8
    WORKING_GROUP = 9


@functools.cache
def _members_genes(min_size: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_RECORD, min_size=min_size, max_size=max_size)


def _split(records: list[int]) -> list[tuple[int, int]]:
    """Each record's day and shape."""
    return [_day_and_shape(record) for record in records]


_RECORDS = st.lists(_RECORD, max_size=_MAX_RECORDS)


def _coalition(  # noqa: PLR0917, PLR0915 - every knob of coalitions(), in order
    draw: st.DrawFn,
    min_members: int,
    max_members: int,
    charter: Charter,
    start: date,
    end: date,
    *,
    complete: bool = False,
) -> Coalition:
    """A valid coalition; with `complete`, one declaring its records complete from the first
    day of `start`'s year, its members' own entries included (a duty is unmet only where the
    registry says its records are complete, docs/rules.md), whose first member is active, as
    violations start from."""
    goals = tuple(g.id for g in charter.policy_goals)
    objectives = tuple(o.id for o in charter.objectives)
    partners = tuple(p.id for p in charter.partners if p.id == p.id.lower())

    head = draw(_SHAPE)
    member_genes = _split(draw(_members_genes(min_members, max_members)))
    other_genes = draw(_OTHER_ORGANIZATIONS)
    records = _split(draw(_RECORDS))
    by_kind: dict[_Kind, list[tuple[int, int]]] = {kind: [] for kind in _Kind}
    for day, shape in records:
        by_kind[_at(shape, tuple(_Kind))].append((day, shape // len(_Kind)))

    # Members, each with its organization; then up to two organizations that are not members.
    pool = _pools.organizations()
    taken: dict[str, Organization] = {}
    for gene in (*(shape for _, shape in member_genes), *other_genes):
        index = gene % len(pool)
        while pool[index].id in taken:
            index = (index + 1) % len(pool)
        taken[pool[index].id] = pool[index]
    org_ids = tuple(taken)
    member_ids = org_ids[: len(member_genes)]
    claims = _bits(head, 0, 2)
    orgs = tuple(
        attrs.evolve(o, partner=partners[i]) if i < min(claims, len(partners)) else o
        for i, o in enumerate(taken.values())
    )

    definitions = charter.working_groups
    groups: dict[str, WorkingGroup] = {}
    for day, shape in by_kind[_Kind.WORKING_GROUP] if definitions else ():
        d = _at(shape, definitions)
        if d.id not in groups:
            formed = _day_in(day, start, end)
            consulted = None if shape & 16 else _day_in(shape >> 5, start, formed)
            groups[d.id] = WorkingGroup(id=d.id, name=d.name, formed=formed, consulted=consulted)
    group_ids = tuple(groups)

    docs = tuple(
        _document_of(gene, _pools.IDS[-1 - i], org_ids, start, end)
        for i, gene in enumerate(by_kind[_Kind.DOCUMENT])
    )
    doc_ids = tuple(d.id for d in docs)

    mems = tuple(
        _member_of(gene, m, member_ids, group_ids, doc_ids, goals, start, end)
        for gene, m in zip(member_genes, member_ids, strict=True)
    )
    if complete and mems:  # a violation starts from its first member, active on `end`
        mems = (attrs.evolve(mems[0], status=MemberStatus.ACTIVE, left=None), *mems[1:])

    meets = tuple(
        _meeting_of(gene, f"m{i + 1}", org_ids, member_ids, group_ids, doc_ids, start, end)
        for i, gene in enumerate(by_kind[_Kind.MEETING] if org_ids else ())
    )
    meeting_ids = tuple(m.id for m in meets)

    participation: dict[tuple[str, Month], Participation] = {}
    first, last = Month.of(start), Month.of(end)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    for day, shape in by_kind[_Kind.PARTICIPATION] if member_ids else ():
        who, month = _at(shape, member_ids), last.minus(day % months)
        hours = _bits(shape, 4, 6) % 33 / 2
        participation.setdefault((who, month), Participation(member=who, month=month, hours=hours))

    reports: dict[tuple[str, Quarter], QuarterlyReport] = {}
    first_q, last_q = Quarter.of(start), Quarter.of(end)
    quarters = (last_q.year - first_q.year) * 4 + last_q.quarter - first_q.quarter + 1
    for day, shape in by_kind[_Kind.REPORT] if group_ids else ():
        group = groups[_at(shape, group_ids)]
        quarter = _quarter_before(last_q, day % quarters)
        if quarter.last_day >= group.formed and (group.id, quarter) not in reports:
            reports[group.id, quarter] = _report_of(
                shape >> 2, group.id, quarter, goals, member_ids
            )

    proposals = tuple(
        _proposal_of(
            gene, f"p{i + 1}", member_ids, org_ids, meeting_ids, goals, objectives, start, end
        )
        for i, gene in enumerate(by_kind[_Kind.PROPOSAL] if member_ids else ())
    )
    roles = tuple(
        _role_of(gene, org_ids, start, end) for gene in (by_kind[_Kind.ROLE] if org_ids else ())
    )
    plans = _plans_of(
        by_kind[_Kind.STRATEGIC_PLAN][:1],
        by_kind[_Kind.OPERATIONAL_PLAN],
        goals,
        member_ids,
        start,
        end,
    )
    return Coalition(
        name=_at(_bits(head, 2, 6), _pools.STRINGS),
        charter=charter,
        records_since=date(start.year, 1, 1)
        if complete
        else _day_in(head >> 12, start, end)
        if head & 256
        else None,
        records_since_by_kind=RecordsSince(members=date(start.year, 1, 1))
        if complete
        else _by_kind_of(head >> 12, start, end)
        if head & 512
        else None,
        organizations=orgs,
        members=mems,
        working_groups=tuple(groups.values()),
        meetings=meets,
        participation=tuple(sorted(participation.values())),
        documents=docs,
        reports=tuple(reports.values()),
        proposals=proposals,
        plans=plans,
        roles=roles,
        assessments=_assessments_of(by_kind[_Kind.ASSESSMENT], start, end),
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
    `start` to `end`, except minutes circulated and reports submitted a little after. Some
    members have no known joining day (`joined` is `None`), and some entries say from which
    day their own facts are complete (`record_complete`).

    Each record is drawn on its own from a few small choices and text comes from a fixed
    pool, so a coalition draws in about a millisecond and shrinks by deleting whole records
    (docs/testing.md).

    `violating` is the id of a rule (a key of `VIOLATIONS`, e.g. `"MEM-03"`) that the
    coalition breaks: `evaluate(coalition, as_of=end)` finds it unmet for at least one
    subject. Such a coalition says its records are complete (`records_since` and
    `records_since_by_kind.members` are the first day of `start`'s year), since what a
    registry does not record is never unmet. The violation
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
            _coalition(draw, max(min_members, 1), max_members, under, start, end, complete=True),
            start,
            end,
        ),
    )


# --------------------------------------------------------------------------- compliance


def _compliant(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    """`coalition` changed so that no required rule is unmet as of `end` (what it adds is
    chosen by one drawn shape, so compliance costs a few choices whatever the coalition)."""
    shape = draw(_SHAPE)
    charter = coalition.charter_in_force(end)
    goals = tuple(g.id for g in charter.policy_goals)
    who = tuple(m.organization for m in coalition.members)

    # GOV-01, GOV-02: the ICMEC partner holds the Secretariat and chairs for ICMEC LAC.
    orgs = coalition.organizations
    holder = next((o for o in orgs if o.partner == "icmec"), None)
    if holder is None:
        holder = attrs.evolve(_fresh_organization(draw, {o.id for o in orgs}), partner="icmec")
        orgs = (*orgs, holder)
    roles = (
        *coalition.roles,
        RoleAssignment(
            role=Role.SECRETARIAT.value, organization=holder.id, since=_day_in(shape, start, end)
        ),
        RoleAssignment(
            role=Role.CHAIR.value,
            organization=holder.id,
            since=_day_in(shape >> 3, start, end),
            unit="ICMEC LAC",
        ),
    )

    # MEM-01 and POL-01 for every member.
    names = {o.id: " ".join(o.name.split()).casefold() for o in orgs}
    complete = tuple(c for c in _pools.commitments(goals) if c.indicators)
    members: list[Member] = []
    for m in coalition.members:
        people = tuple(
            r
            for r in m.representatives
            if " ".join(r.name.split()).casefold() != names[m.organization]
        )
        promises = (_at(shape + len(members), complete),) if complete else ()
        members.append(
            attrs.evolve(m, representatives=people, commitments=(*m.commitments, *promises))
        )
    changed: dict[str, Any] = {"organizations": orgs, "members": tuple(members), "roles": roles}
    if not who:  # no year to judge, once no strategic plan says when the plans begin
        return coalition.evolve(**changed, plans=attrs.evolve(coalition.plans, strategic=()))

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
            Target(
                goal=g,
                description=_at(shape + i, _pools.STRINGS),
                indicators=(_at(shape + i, _pools.INDICATORS),),
            )
            for i, g in enumerate(goals)
        )
        strategic.append(StrategicPlan(start_year=year, years=length, targets=targets))
        year += length
    existing = {p.year: p for p in coalition.plans.operational}
    operational = []
    for year in range(first, end.year + 1):
        plan = existing.get(year) or _operational_plan_of(shape + year, year, goals, who)
        if year == end.year:
            everyone = PlannedAction(
                description=_at(shape >> 5, _pools.STRINGS), goals=goals[:1], members=who
            )
            plan = attrs.evolve(plan, actions=(*plan.actions, everyone))
        operational.append(plan)
    operational.extend(p for y, p in existing.items() if y < first)
    coalition = coalition.evolve(
        **changed,
        plans=Plans(
            strategic=tuple(strategic),
            operational=tuple(sorted(operational, key=lambda p: p.year)),
        ),
    )

    # PRO-01, PRO-04, PRO-06: leave out proposals that break them.
    if not coalition.proposals:
        return coalition
    from clac.rules import CATALOGUE, Outcome, evaluate

    required = [CATALOGUE.get(i) for i in ("PRO-01", "PRO-04", "PRO-06")]
    broken = {
        f.subject.id
        for f in evaluate(coalition, end, rules=required).findings
        if f.outcome is Outcome.UNMET
    }
    if not broken:
        return coalition
    return coalition.evolve(proposals=tuple(p for p in coalition.proposals if p.id not in broken))


def _operational_plan_of(
    shape: int, year: int, goals: tuple[str, ...], who: tuple[str, ...]
) -> OperationalPlan:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return _plans_of([], [(0, shape)], goals, who, first, last).operational[0]
