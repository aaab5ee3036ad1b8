"""Records built from genes: one integer each, whose bits choose the record's fields
(see `clac.testing._coalitions`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from clac.charter import Role
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Contribution,
    ContributionKind,
    CountryAssessment,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    MemberStatus,
    Minutes,
    OperationalPlan,
    Organization,
    Outcome,
    PlannedAction,
    Plans,
    Policy,
    PolicyKind,
    ProposalEvent,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    Recommendation,
    RecordKind,
    RecordsSince,
    Representative,
    RoleAssignment,
    StrategicPlan,
    Subscription,
    Target,
)
from clac.periods import DateValue, Quarter
from clac.testing import _pools
from clac.testing._core import (
    _plus,
)
from clac.testing._frameworks import _item_refs
from clac.testing._proposals import (
    _AT_MEETINGS,
    _BY_PROPOSER,
    _E,
    _OPEN_STATES,
    _RESCHEDULE,
    _REVISED_ROUND,
    _S,
    Step,
    _path_to,
)
from clac.text import Language, Text

T = TypeVar("T")

_SHAPE = st.integers(0, 2**30 - 1)
"""A record's fields, a few bits each (0: the simplest record)."""
_RECORD = st.integers(0, 2**42 - 1)
"""A day (the low 12 bits: where it falls between two bounds) and a shape."""
_SMALL = st.integers(0, 255)
"""A pick among a few."""


def _day_and_shape(record: int) -> tuple[int, int]:
    return record & 4095, record >> 12


def _gene(draw: st.DrawFn) -> tuple[int, int]:
    """One record's day and shape."""
    return _day_and_shape(draw(_RECORD))


def _word(draw: st.DrawFn) -> str:
    """A short text from the pool."""
    return _at(draw(_SMALL), _pools.STRINGS)


def _words(draw: st.DrawFn) -> Text:
    """Bilingual text from the pool."""
    shape = draw(_SHAPE)
    return Text(_at(shape, _pools.STRINGS), _at(shape >> 6, _pools.STRINGS))


def _fresh_id(draw: st.DrawFn, taken: Collection[str]) -> str:
    """An id from the pool that is not `taken`."""
    start = draw(_SMALL)
    for k in range(len(_pools.IDS)):
        candidate = _at(start + k, _pools.IDS)
        if candidate not in taken:
            return candidate
    candidate = _pools.IDS[0]
    while candidate in taken:
        candidate += "x"
    return candidate


def _fresh_organization(draw: st.DrawFn, taken: Collection[str]) -> Organization:
    """An organization of the pool whose id is not `taken` (no charter partner)."""
    pool = _pools.organizations()
    start = draw(_SMALL)
    for k in range(len(pool)):
        candidate = _at(start + k, pool)
        if candidate.id not in taken:
            return candidate
    return attrs.evolve(pool[0], id=_fresh_id(draw, taken))


def _representative_of(draw: st.DrawFn) -> Representative:
    return _at(draw(_SMALL), _pools.representatives())


def _bits(value: int, offset: int, width: int) -> int:
    return value >> offset & (1 << width) - 1


def _at(gene: int, choices: Sequence[T]) -> T:
    return choices[gene % len(choices)]


def _day_in(gene: int, low: date, high: date) -> date:
    return low + timedelta(days=gene * 7919 % ((high - low).days + 1))


def _mask(gene: int, choices: Sequence[T], most: int) -> tuple[T, ...]:
    """At most `most` of `choices`, those whose bit is set in `gene`."""
    return tuple(c for i, c in enumerate(choices[:16]) if gene >> i & 1)[:most]


_STATUSES = tuple(MemberStatus)
_LISTED = (True, None, False)
_CONTRIBUTION_KINDS = tuple(ContributionKind)


def _member_of(  # noqa: PLR0917 - the gene, then one argument per kind of reference
    gene: tuple[int, int],
    organization: str,
    member_ids: tuple[str, ...],
    group_ids: tuple[str, ...],
    doc_ids: tuple[str, ...],
    goals: tuple[str, ...],
    start: date,
    end: date,
) -> Member:
    day, shape = gene
    shape >>= 5  # the low bits chose the organization
    # One member in sixteen has no known joining day (the registry does not know it).
    known = _day_in(day, start, end)
    joined = None if day & 15 == 15 else known
    status = _at(_bits(shape, 0, 2), _STATUSES)
    left = None
    if status is MemberStatus.WITHDRAWN or (status is MemberStatus.INACTIVE and shape & 4):
        left = _day_in(day >> 3, known, end)
    subscription = None
    if _bits(shape, 3, 2):
        signed = _day_in(day >> 2, known, max(known, min(end, _plus(known, 90))))
        document = _at(shape >> 20, doc_ids) if doc_ids and shape & 32 else None
        subscription = Subscription(signed=signed, document=document)
    reps = _pools.representatives()
    promises = _pools.commitments(goals) if goals else ()
    others = tuple(m for m in member_ids if m != organization)
    referrer = _bits(shape, 17, 3)
    return Member(
        organization=organization,
        joined=joined,
        status=status,
        left=left,
        charter_subscription=subscription,
        listed_in_materials=_at(_bits(shape, 6, 2), _LISTED),
        track_record=(_at(shape >> 21, _pools.STRINGS),) if shape & 256 else (),
        representatives=tuple(
            reps[(_bits(shape, 9, 3) + k) % len(reps)] for k in range(_bits(shape, 12, 2))
        ),
        working_groups=_mask(shape >> 22, group_ids, 2),
        commitments=tuple(
            promises[(shape >> 20) * (k + 1) % len(promises)]
            for k in range(_bits(shape, 14, 2) % 3)
        )
        if promises
        else (),
        contributions=(
            Contribution(
                date=_day_in(day >> 1, known, end),
                kind=_at(shape >> 23, _CONTRIBUTION_KINDS),
                description=_at(shape >> 19, _pools.STRINGS),
            ),
        )
        if shape & 65536
        else (),
        referred_by=_at(referrer - 1, others) if others and referrer else None,
        # The entry says its own facts are complete from a day, one member in two.
        record_complete=_day_in(day >> 5, known, end) if shape & 2**24 else None,
    )


_DOCUMENT_KINDS = tuple(DocumentKind)
_LANGUAGES = tuple(Language)
_LABELS = tuple(TLP)


def _document_of(
    gene: tuple[int, int], id_: str, org_ids: tuple[str, ...], start: date, end: date
) -> Document:
    day_gene, shape = gene
    day = _day_in(day_gene, start, end)
    label = _at(_bits(shape, 0, 2), _LABELS)
    return Document(
        id=id_,
        title=_at(shape >> 12, _pools.STRINGS),
        kind=_at(_bits(shape, 2, 4), _DOCUMENT_KINDS),
        language=_at(_bits(shape, 6, 2), _LANGUAGES),
        classification=label,
        date=day,
        authors=_mask(shape >> 9, org_ids, 2),
        recipients=_mask(shape >> 14, org_ids, 3) if label is TLP.RED else (),
        year=day.year if shape & 256 else None,
    )


_MEETING_KINDS = tuple(MeetingKind)
_OTHER_MEETING_KINDS = tuple(k for k in MeetingKind if k is not MeetingKind.WORKING_GROUP)
_MODES = tuple(MeetingMode)


def _meeting_of(  # noqa: PLR0917 - the gene, then one argument per kind of reference
    gene: tuple[int, int],
    id_: str,
    org_ids: tuple[str, ...],
    member_ids: tuple[str, ...],
    group_ids: tuple[str, ...],
    doc_ids: tuple[str, ...],
    start: date,
    end: date,
) -> Meeting:
    day_gene, shape = gene
    kind = _at(_bits(shape, 0, 2), _MEETING_KINDS if group_ids else _OTHER_MEETING_KINDS)
    day = _day_in(day_gene, start, end)
    minutes = _bits(shape, 3, 2)
    return Meeting(
        id=id_,
        date=day,
        kind=kind,
        mode=_at(_bits(shape, 2, 1), _MODES),
        organizer=_at(shape >> 20, org_ids),
        attendees=_mask(shape >> 8, member_ids, 8),
        working_group=_at(shape >> 16, group_ids) if kind is MeetingKind.WORKING_GROUP else None,
        minutes=None
        if minutes == 0
        else Minutes(
            document=_at(shape >> 24, doc_ids) if doc_ids and shape & 32 else None,
            circulated=_day_in(shape >> 6, day, _plus(day, 60)) if minutes >= 2 else None,
        ),
    )


_ACTIVITY_SCOPES = tuple(ActivityScope)
_ACTIVITY_STATUSES = tuple(ActivityStatus)
_COUNTRIES = tuple(LATIN_AMERICA_AND_CARIBBEAN)


def _report_of(
    content: int,
    group: str,
    quarter: Quarter,
    goals: tuple[str, ...],
    member_ids: tuple[str, ...],
) -> QuarterlyReport:
    first = quarter.first_day
    activities: tuple[Activity, ...] = ()
    if content & 3:
        scope = _at(_bits(content, 2, 2), _ACTIVITY_SCOPES)
        activities = (
            Activity(
                description=_at(content >> 12, _pools.STRINGS),
                scope=scope,
                status=_at(_bits(content, 4, 2), _ACTIVITY_STATUSES),
                goals=(_at(content >> 8, goals),) if goals and content & 3 == 1 else (),
                countries=(_at(content >> 10, _COUNTRIES),)
                if scope is ActivityScope.IN_COUNTRY or content & 64
                else (),
                members=_mask(content >> 14, member_ids, 3),
            ),
        )
    policies: tuple[Policy, ...] = ()
    if content & 128:
        policies = (
            Policy(
                description=_at(content >> 11, _pools.STRINGS),
                kind=PolicyKind.IN_COUNTRY,
                goals=(_at(content >> 9, goals),) if goals else (),
                country=_at(content >> 13, _COUNTRIES),
            ),
        )
    submitted = _bits(content, 18, 8)
    return QuarterlyReport(
        working_group=group,
        year=quarter.year,
        quarter=quarter.quarter,
        submitted=None if submitted % 4 == 0 else _day_in(submitted, first, _plus(first, 150)),
        activities=activities,
        policies=policies,
    )


_PROPOSAL_STATES = tuple(ProposalState)


def _steps_of(shape: int, state: ProposalState | None = None) -> list[Step]:
    """A legal history ending in `state` (by default one the shape chooses): perhaps a round
    returned and revised first, perhaps a meeting rescheduled."""
    if state is None:
        state = _at(_bits(shape, 3, 3), _PROPOSAL_STATES)
    steps: list[Step] = list(_REVISED_ROUND) if shape & 64 else []
    if state is ProposalState.WITHDRAWN:
        open_path = _path_to(_at(_bits(shape, 7, 3), _OPEN_STATES))
        before = open_path[-1][2] if open_path else (steps[-1][2] if steps else _S.DRAFT)
        steps.extend([*open_path, (before, _E.WITHDRAW, _S.WITHDRAWN)])
    else:
        steps.extend(_path_to(state))
    targets = [t for _, _, t in steps]
    if shape & 1024 and _S.SCHEDULED in targets and steps[-1][1] is not _E.WITHDRAW:
        steps.insert(targets.index(_S.SCHEDULED) + 1, _RESCHEDULE)
    return steps


def _proposal_of(  # noqa: PLR0917 - the gene, then one argument per kind of reference
    gene: tuple[int, int],
    id_: str,
    member_ids: tuple[str, ...],
    org_ids: tuple[str, ...],
    meeting_ids: tuple[str, ...],
    goals: tuple[str, ...],
    objectives: tuple[str, ...],
    start: date,
    end: date,
    steps: Sequence[Step] | None = None,
) -> ProposalRecord:
    """A proposal whose history follows the lifecycle to a state the gene chooses, or takes
    the given `steps`."""
    day, shape = gene
    proposer = _at(_bits(shape, 0, 3), member_ids)
    if steps is None:
        steps = _steps_of(shape)
    first = _day_in(day, start, end)
    gap = _bits(shape, 11, 5) + 1
    other = _at(shape >> 16, org_ids)
    meeting = _bits(shape, 19, 3)
    history = tuple(
        ProposalEvent(
            event=event,
            source=source,
            target=target,
            date=min(first + timedelta(days=gap * k), end),
            actor=proposer if event in _BY_PROPOSER else other,
            meeting=_at(meeting + k, meeting_ids)
            if meeting_ids and event in _AT_MEETINGS and meeting
            else None,
        )
        for k, (source, event, target) in enumerate(steps)
    )
    recommendations: tuple[Recommendation, ...] = ()
    if shape & 2**22 and (goals or objectives):
        with_goal = bool(goals) and (shape & 2**23 or not objectives)
        recommendations = (
            Recommendation(
                _at(shape >> 24, _pools.STRINGS),
                objective=_at(shape >> 25, objectives) if objectives else None,
                goal=_at(shape >> 24, goals) if with_goal else None,
            ),
        )
    return ProposalRecord(
        id=id_,
        title=_at(shape >> 20, _pools.STRINGS),
        proposer=proposer,
        goals=(_at(shape >> 26, goals),) if goals else (),
        state=steps[-1][2] if steps else _S.DRAFT,
        history=history,
        recommendations=recommendations,
    )


_ROLES = tuple(role.value for role in Role)


def _role_of(
    gene: tuple[int, int], org_ids: tuple[str, ...], start: date, end: date
) -> RoleAssignment:
    day, shape = gene
    since = _day_in(day, start, end)
    until = _bits(shape, 2, 2)
    return RoleAssignment(
        role=_at(_bits(shape, 0, 2), _ROLES),
        organization=_at(shape >> 8, org_ids),
        since=since,
        until=_day_in(shape >> 4, since, end) if until == 2 else None,
        unit=_at(shape >> 4, _pools.STRINGS) if until == 1 else None,
    )


def _plans_of(  # noqa: PLR0917 - the genes, then one argument per kind of reference
    strategic_genes: list[tuple[int, int]],
    operational_genes: list[tuple[int, int]],
    goals: tuple[str, ...],
    member_ids: tuple[str, ...],
    start: date,
    end: date,
) -> Plans:
    years = end.year - start.year + 1
    strategic = tuple(
        StrategicPlan(
            start_year=start.year + day % years,
            years=5 if shape & 1 else _bits(shape, 1, 4) % 10 + 1,
            targets=tuple(
                Target(
                    goal=g,
                    description=_at(shape >> 5, _pools.STRINGS),
                    indicators=(_at(shape >> 6, _pools.INDICATORS),) if shape & 2048 else (),
                )
                for g in _mask(shape >> 12, goals, 2)
            ),
        )
        for day, shape in strategic_genes
    )
    operational: dict[int, OperationalPlan] = {}
    for day, shape in operational_genes:
        year = start.year + day % years
        assessed = _day_in(shape >> 4, date(year, 1, 1), date(year, 12, 31)) if shape & 1 else None
        operational.setdefault(
            year,
            OperationalPlan(
                year=year,
                actions=(
                    PlannedAction(
                        description=_at(shape >> 8, _pools.STRINGS),
                        goals=_mask(shape >> 10, goals, 3),
                        members=_mask(shape >> 18, member_ids, 3),
                    ),
                )
                if shape & 6
                else (),
                assessed=assessed,
                assessment=_at(shape >> 3, _pools.STRINGS) if assessed and shape & 8 else None,
            ),
        )
    return Plans(
        strategic=strategic, operational=tuple(operational[y] for y in sorted(operational))
    )


_OUTCOMES = tuple(Outcome)


def _assessments_of(
    genes: list[tuple[int, int]], start: date, end: date
) -> tuple[CountryAssessment, ...]:
    found: dict[tuple[str, str, DateValue], CountryAssessment] = {}
    refs = _item_refs()
    for day, shape in genes:
        framework, item = _at(shape >> 8, refs).split("/")
        a = CountryAssessment(
            country=_at(shape >> 2, _COUNTRIES),
            framework=framework,
            item=item,
            outcome=_at(_bits(shape, 0, 2), _OUTCOMES),
            date=_day_in(day, start, end),
            source=_at(shape >> 14, _pools.STRINGS),
            note=_at(shape >> 15, _pools.STRINGS) if shape & 2**20 else None,
            illustrative=bool(shape & 2**21),
        )
        found.setdefault((a.country, a.ref, a.date), a)
    return tuple(found.values())


def _by_kind_of(gene: int, start: date, end: date) -> RecordsSince:
    return RecordsSince(
        **{
            kind.value: _day_in(gene * (i + 3), start, end) if gene >> i & 1 else None
            for i, kind in enumerate(RecordKind)
        }
    )
