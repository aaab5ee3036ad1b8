"""Small hand-made coalitions for tests.

:func:`coalition` builds a registry that meets every membership, governance and policy rule as
of :data:`AS_OF`: ICMEC holds the Secretariat and the Chair for ICMEC LAC, the charter's four
working groups exist, there are an annual and a regional meeting every year, strategic and
operational plans cover every year, and each member is fully compliant (:func:`member`).
A test changes one thing, with the keyword arguments or :meth:`Coalition.evolve`, and watches
one rule. :func:`finding` runs one rule on one subject.

Every name, person and e-mail here is fictional.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from clac.charter import BASE_DOCUMENT, Charter, Sector
from clac.model import (
    Commitment,
    Indicator,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    RecordsSince,
    Representative,
    RepresentativeLevel,
    RoleAssignment,
    Scope,
    StrategicPlan,
    Subscription,
    Target,
    WorkingGroup,
)
from clac.periods import Month, earliest
from clac.registry import Coalition
from clac.rules import CATALOGUE, Finding, evaluate
from clac.text import Text

__all__ = [
    "AS_OF",
    "FIRST_YEAR",
    "FOUNDED",
    "ICMEC",
    "charter_working_groups",
    "coalition",
    "coalition_meetings",
    "commitment",
    "evolve_member",
    "finding",
    "findings",
    "icmec_organization",
    "meeting",
    "member",
    "monthly_hours",
    "operational_plans",
    "organization",
    "representative",
    "roles",
    "strategic_plans",
    "with_member",
    "working_group",
]

AS_OF = date(2024, 6, 15)
"""The day :func:`coalition` is compliant on."""

FOUNDED = date(2016, 5, 24)
"""When the charter's working groups were formed and the default member joined."""

FIRST_YEAR = FOUNDED.year

ICMEC = "icmec"
"""The id of the ICMEC organization (whose ``partner`` is the charter's ``icmec``)."""

_GOALS = tuple(g.id for g in BASE_DOCUMENT.policy_goals)


# ------------------------------------------------------------------------- organizations


def organization(
    id: str = "org-a",  # noqa: A002 - the model's own word
    *,
    name: str | None = None,
    sector: Sector | tuple[Sector, ...] = Sector.NGO,
    countries: Sequence[str] = ("AR",),
    scope: Scope = Scope.NATIONAL,
    partner: str | None = None,
) -> Organization:
    """A national NGO named after its id unless ``name`` is given."""
    return Organization(
        id=id,
        name=name or f"Organización {id.upper()}",
        sector=sector,
        countries=tuple(countries),
        scope=scope,
        partner=partner,
    )


def icmec_organization() -> Organization:
    """ICMEC, the charter's founding partner that holds the Secretariat and the Chair."""
    return Organization(
        id=ICMEC,
        name="International Centre for Missing & Exploited Children (ICMEC)",
        sector=Sector.NGO,
        countries=("US", "BR"),
        scope=Scope.GLOBAL,
        partner="icmec",
    )


# ------------------------------------------------------------------------------ members


def representative(
    name: str = "Ana Ejemplo",
    *,
    position: str = "Coordinadora (demo)",
    level: RepresentativeLevel = RepresentativeLevel.MIDDLE,
) -> Representative:
    """A fictional representative of middle level."""
    return Representative(name=name, position=position, level=level)


def commitment(
    goal: str = "PG-1",
    *,
    indicators: Sequence[str] = ("reviews published",),
    made: date | None = None,
) -> Commitment:
    """A commitment with an action, a target and (by default) one indicator."""
    return Commitment(
        goal=goal,
        action="Compile the regional gaps review",
        target="One review a year",
        indicators=tuple(indicators),
        made=made,
    )


def member(organization: str = "org-a", **changes: Any) -> Member:
    """A member meeting every membership requirement; ``changes`` override any field."""
    fields: dict[str, Any] = {
        "organization": organization,
        "joined": FOUNDED,
        "charter_subscription": Subscription(signed=FOUNDED),
        "listed_in_materials": True,
        "track_record": ("Runs online-safety programmes",),
        "representatives": (representative(),),
        "working_groups": ("prevention-awareness",),
        "commitments": (commitment(),),
    }
    fields.update(changes)
    return Member(**fields)


# ------------------------------------------------------------------------ working groups


def working_group(
    id: str,  # noqa: A002
    *,
    formed: date = FOUNDED,
    consulted: date | None = None,
    name: Text | None = None,
) -> WorkingGroup:
    """A working group (not necessarily one of the charter's)."""
    return WorkingGroup(
        id=id,
        name=name or Text(f"Group {id}", f"Grupo {id}"),
        formed=formed,
        consulted=consulted,
    )


def charter_working_groups(
    charter: Charter = BASE_DOCUMENT, *, formed: date = FOUNDED
) -> tuple[WorkingGroup, ...]:
    """The charter's own working groups, formed on ``formed``."""
    return tuple(working_group(w.id, formed=formed, name=w.name) for w in charter.working_groups)


# ----------------------------------------------------------------------------- meetings


def meeting(
    id: str,  # noqa: A002
    day: date,
    *,
    kind: MeetingKind = MeetingKind.ANNUAL,
    organizer: str = ICMEC,
    attendees: Iterable[str] = (),
    working_group: str | None = None,
) -> Meeting:
    """A meeting (annual, organized by ICMEC, unless told otherwise)."""
    return Meeting(
        id=id,
        date=day,
        kind=kind,
        mode=MeetingMode.TELECONFERENCE,
        organizer=organizer,
        attendees=tuple(attendees),
        working_group=working_group,
    )


def coalition_meetings(
    members: Iterable[Member], *, first_year: int = FIRST_YEAR, as_of: date = AS_OF
) -> tuple[Meeting, ...]:
    """An annual meeting (24 May) and a regional one (20 November) each year up to ``as_of``,
    organized by ICMEC and attended by every member that had joined."""
    members = tuple(members)
    out = []
    for year in range(first_year, as_of.year + 1):
        for kind, day in (
            (MeetingKind.ANNUAL, date(year, 5, 24)),
            (MeetingKind.REGIONAL, date(year, 11, 20)),
        ):
            if day > as_of:
                continue
            attendees = tuple(
                m.organization for m in members if m.joined is None or m.joined <= day
            )
            out.append(meeting(f"{kind.value}-{year}", day, kind=kind, attendees=attendees))
    return tuple(out)


def monthly_hours(
    member: str, hours: float | Sequence[float], *, last: Month | None = None, months: int = 12
) -> tuple[Participation, ...]:
    """Participation records for the ``months`` months ending with ``last`` (default: the
    month before :data:`AS_OF`); ``hours`` is one value for every month or one per month."""
    last = last or Month.of(AS_OF).minus(1)
    values = [float(hours)] * months if isinstance(hours, int | float) else list(hours)
    first = last.minus(len(values) - 1)
    return tuple(
        Participation(member=member, month=first.minus(-i), hours=h) for i, h in enumerate(values)
    )


# -------------------------------------------------------------------------------- plans


def strategic_plans(
    first_year: int = FIRST_YEAR, *, until: int = AS_OF.year, years: int = 5
) -> tuple[StrategicPlan, ...]:
    """Back-to-back strategic plans of ``years`` years from ``first_year`` covering ``until``,
    each with a target and an indicator for every policy goal."""
    targets = tuple(
        Target(goal=g, description=f"Progress on {g}", indicators=(Indicator(name="actions"),))
        for g in _GOALS
    )
    return tuple(
        StrategicPlan(start_year=start, years=years, targets=targets)
        for start in range(first_year, until + 1, years)
    )


def operational_plans(
    first_year: int = FIRST_YEAR, *, as_of: date = AS_OF
) -> tuple[OperationalPlan, ...]:
    """An operational plan for each year to ``as_of``'s, each past year's assessed in February
    of the next year."""
    plans = []
    for year in range(first_year, as_of.year + 1):
        assessed = date(year + 1, 2, 10) if date(year + 1, 2, 10) <= as_of else None
        plans.append(
            OperationalPlan(
                year=year,
                actions=(PlannedAction(description=f"Regional review {year}", goals=("PG-1",)),),
                assessed=assessed,
                assessment="Delivered." if assessed else None,
            )
        )
    return tuple(plans)


def roles(since: date = date(2016, 1, 1)) -> tuple[RoleAssignment, ...]:
    """ICMEC holds the Secretariat, and the Chair for its unit ICMEC LAC."""
    return (
        RoleAssignment(role="secretariat", organization=ICMEC, since=since),
        RoleAssignment(role="chair", organization=ICMEC, since=since, unit="ICMEC LAC"),
    )


# --------------------------------------------------------------------------- coalitions


def coalition(
    members: Iterable[Member] | None = None,
    *,
    organizations: Iterable[Organization] = (),
    charter: Charter = BASE_DOCUMENT,
    as_of: date = AS_OF,
    **changes: Any,
) -> Coalition:
    """A compliant coalition as of ``as_of`` with ``members`` (default: one, ``org-a``).

    Each member gets an organization unless ``organizations`` has one with its id; ICMEC is
    always an organization (not a member unless given). Meetings, participation (5 hours a
    month over the last 12 months), plans and roles follow the members; the records are
    complete from the first year (``records_since``); ``changes`` replace any field of the
    :class:`Coalition` afterwards.
    """
    members = (member(),) if members is None else tuple(members)
    orgs = {o.id: o for o in (icmec_organization(), *organizations)}
    for m in members:
        orgs.setdefault(m.organization, organization(m.organization))
    fields: dict[str, Any] = {
        "name": "Coalición de prueba",
        "charter": charter,
        # The records are complete from the first year: a missing record is a duty not done
        # (tests of the open world take this away or move it).
        "records_since": date(FIRST_YEAR, 1, 1),
        "organizations": tuple(orgs.values()),
        "members": members,
        "working_groups": charter_working_groups(charter),
        "meetings": coalition_meetings(members, as_of=as_of),
        "participation": tuple(
            p
            for m in members
            for p in monthly_hours(m.organization, 5, last=Month.of(as_of).minus(1))
            if m.joined is None or p.month >= Month.of(earliest(m.joined))
        ),
        "plans": Plans(
            strategic=strategic_plans(until=as_of.year),
            operational=operational_plans(as_of=as_of),
        ),
        "roles": roles(),
    }
    fields.update(changes)
    if "records_since_by_kind" not in changes and fields["records_since"] is not None:
        # records_since covers dated events only: the members' own facts are declared complete
        # from the same day (tests of member records take this away or move it).
        fields["records_since_by_kind"] = RecordsSince(members=fields["records_since"])
    return Coalition(**fields)


def with_member(base: Coalition, changed: Member) -> Coalition:
    """``base`` with the member of the same organization replaced by ``changed``."""
    return base.evolve(
        members=tuple(
            changed if m.organization == changed.organization else m for m in base.members
        )
    )


# ----------------------------------------------------------------------------- findings


def findings(base: Coalition, rule_id: str, as_of: date = AS_OF) -> dict[str, Finding]:
    """One rule's findings on ``base`` as of ``as_of``, by subject id."""
    assessment = evaluate(base, as_of, rules=[CATALOGUE.get(rule_id)])
    return {f.subject.id: f for f in assessment.findings}


def finding(base: Coalition, rule_id: str, subject: str, as_of: date = AS_OF) -> Finding:
    """One rule's finding on one subject (a member's organization id, a year, a group id …)."""
    return findings(base, rule_id, as_of)[subject]


def evolve_member(m: Member, **changes: Any) -> Member:
    """``m`` with ``changes`` (attrs.evolve, checked again)."""
    return attrs.evolve(m, **changes)
