"""The coalition as it stood on one date: who was a member, which groups and meetings existed,
and who worked with whom. Every graph and analysis of :mod:`clac.network` starts here.

Dates (``as_of``):

- a member counts from the day it ``joined`` until the day it ``left`` (exclusive), as
  :meth:`clac.model.Member.is_member_on` says; with no date, every member that has not withdrawn;
- a working group exists from the day it was ``formed``; a meeting from the day it was held;
- a proposal's authors count from the date of their ``submit`` or ``revise`` event; an activity
  of a quarterly report from the day the report was submitted (the quarter's last day when the
  submission date is not recorded).

Co-attendance counts every meeting held, and separately the *plenary* ones (annual and
regional meetings, to which every member is invited): see :func:`clac.network.organization_graph`
for why plenary meetings alone make no tie between two members.

Reported ties come from the coalition's partnership survey (:attr:`clac.Coalition.survey`):
those of the last round held by the date (of the last round when there is no date), between
members active on the round's date, as :mod:`clac.network._reported` says.

Co-authorship is joint work: (a) the proposer of a proposal with every other organization that
*authored* a step of its history (``submit`` or ``revise``), and (b) the members named together
on one activity of a working group's quarterly report. The procedural steps of a proposal
(share, schedule, discuss, approve, return, withdraw) are the Secretariat's and the Steering
Committee's work on everyone's proposals, not authorship, so they make no tie: counting them
would tie the Secretariat to every proposer and make it a broker by office rather than by work.
"""

from __future__ import annotations

import enum
import itertools
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import attrs

from clac.model import Meeting, MeetingKind, Member, MemberStatus, ProposalEventKind, WorkingGroup
from clac.network._reported import ReportedTie, latest_round, reported_ties
from clac.periods import DateValue
from clac.registry import Coalition

if TYPE_CHECKING:
    from clac.charter import Charter

__all__ = ["PLENARY", "MembershipStatus", "Snapshot", "snapshot"]

Pair = tuple[str, str]

#: Meetings every member is invited to: attending one together makes no tie by itself.
PLENARY = frozenset({MeetingKind.ANNUAL, MeetingKind.REGIONAL})

_AUTHORING = frozenset({ProposalEventKind.SUBMIT, ProposalEventKind.REVISE})


class MembershipStatus(enum.StrEnum):
    """An organization's standing in the coalition on the date a graph describes.

    ``MEMBER`` is a member on that date whose active/inactive status then is not recorded: it
    withdrew later, and the registry keeps only its status today.
    """

    MEMBER = "member"
    ACTIVE = "active"
    INACTIVE = "inactive"
    WITHDRAWN = "withdrawn"
    NON_MEMBER = "non-member"

    @property
    def in_coalition(self) -> bool:
        """Whether the organization belonged to the coalition on the date."""
        return self in {MembershipStatus.MEMBER, MembershipStatus.ACTIVE, MembershipStatus.INACTIVE}


def status_of(member: Member | None, as_of: date | None) -> MembershipStatus:
    """``member``'s standing on ``as_of`` (its recorded status when there is no date)."""
    if member is None:
        return MembershipStatus.NON_MEMBER
    if as_of is not None:
        # As Member.is_member_on reads an approximate day, so that every command counts the
        # same members: a member that joined in "2016" is one for certain from 2017-01-01, and
        # one whose joining day is not known counts until it leaves.
        if member.joined is not None and not member.joined <= as_of:
            return MembershipStatus.NON_MEMBER
        if member.left is not None and not as_of < member.left:
            return MembershipStatus.WITHDRAWN
        if member.status is MemberStatus.WITHDRAWN:
            return MembershipStatus.MEMBER
    return MembershipStatus(member.status.value)


@attrs.frozen
class Snapshot:
    """What existed on ``as_of`` (everything recorded when it is None), and the ties it made."""

    coalition: Coalition
    as_of: date | None
    status: dict[str, MembershipStatus]
    members: dict[str, Member]
    joined: dict[str, DateValue]
    working_groups: tuple[WorkingGroup, ...]
    meetings: tuple[Meeting, ...]
    group_members: dict[str, tuple[str, ...]]
    attendance: Counter[Pair]
    plenary_attendance: Counter[Pair]
    coauthorship: Counter[Pair]
    attended: frozenset[str]
    survey_round: date | None = None
    reported: dict[Pair, ReportedTie] = attrs.field(factory=dict)

    @property
    def charter(self) -> Charter:
        """The charter in force on the date (the first version for a date before it took
        effect, when the coalition had no other; the current one when there is no date)."""
        charter = self.coalition.charter
        if self.as_of is None:
            return charter
        if self.as_of < charter.original.effective:
            return charter.original
        return charter.in_force(self.as_of)

    def working_attendance(self) -> Counter[Pair]:
        """For each pair, the working meetings (not annual or regional) both attended."""
        return self.attendance - self.plenary_attendance

    def shared_groups(self) -> Counter[Pair]:
        """For each pair of members, the number of working groups both belong to."""
        return _pairs(self.group_members.values())


def _pairs(groups: Iterable[Iterable[str]]) -> Counter[Pair]:
    counts: Counter[Pair] = Counter()
    for group in groups:
        counts.update(itertools.combinations(sorted(set(group)), 2))
    return counts


def _on(day: DateValue | None, as_of: date | None) -> bool:
    return as_of is None or (day is not None and day <= as_of)


def snapshot(coalition: Coalition, as_of: date | None = None) -> Snapshot:
    """The coalition as it stood on ``as_of``."""
    members_by_org = {m.organization: m for m in coalition.members}
    status = {o.id: status_of(members_by_org.get(o.id), as_of) for o in coalition.organizations}
    members = {org: member for org, member in members_by_org.items() if status[org].in_coalition}
    groups = tuple(g for g in coalition.working_groups if _on(g.formed, as_of))
    group_ids = {g.id for g in groups}
    group_members: dict[str, list[str]] = {g.id: [] for g in groups}
    for org, member in members.items():
        for group in member.working_groups:
            if group in group_ids:
                group_members[group].append(org)
    meetings = tuple(m for m in coalition.meetings if _on(m.date, as_of))
    attendance = _pairs(m.attendees for m in meetings)
    plenary = _pairs(m.attendees for m in meetings if m.kind in PLENARY)
    attended = frozenset(org for m in meetings for org in m.attendees)
    survey_round = latest_round(coalition.survey, as_of)
    reported = (
        {}
        if survey_round is None
        else reported_ties(
            (a for a in coalition.survey if a.round == survey_round),
            (m.organization for m in coalition.members_on(survey_round)),
        )
    )
    return Snapshot(
        coalition=coalition,
        as_of=as_of,
        status=status,
        members=members,
        joined={m.organization: m.joined for m in coalition.members if m.joined is not None},
        working_groups=groups,
        meetings=meetings,
        group_members={g: tuple(orgs) for g, orgs in group_members.items()},
        attendance=attendance,
        plenary_attendance=plenary,
        coauthorship=_pairs(_joint_works(coalition, as_of)),
        attended=attended,
        survey_round=survey_round,
        reported=reported,
    )


def _joint_works(coalition: Coalition, as_of: date | None) -> Iterable[set[str]]:
    for proposal in coalition.proposals:
        authors = {
            event.actor
            for event in proposal.history
            if event.event in _AUTHORING and _on(event.date, as_of)
        }
        if authors:
            yield authors | {proposal.proposer}
    for report in coalition.reports:
        reported = report.submitted if report.submitted is not None else report.period.last_day
        if _on(reported, as_of):
            for activity in report.activities:
                yield set(activity.members)
