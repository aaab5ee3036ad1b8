"""Strategies for the registry's records: organizations, members and what they hold,
role assignments, working groups, meetings, participation and documents."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import Role, Sector
from clac.model import (
    TLP,
    Commitment,
    Contribution,
    ContributionKind,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    MemberStatus,
    Minutes,
    Organization,
    Participation,
    Representative,
    RepresentativeLevel,
    RoleAssignment,
    Scope,
    Subscription,
    WorkingGroup,
)
from clac.periods import Month
from clac.testing._core import (
    END,
    START,
    Refs,
    _check_dates,
    _check_size,
    _countries,
    _country,
    _day,
    _email,
    _flag,
    _goal_refs,
    _identifier,
    _int,
    _many,
    _maybe,
    _maybe_day,
    _maybe_string,
    _one,
    _pick,
    _plus,
    _Refs,
    _refs,
    _repeat,
    _required,
    _strategy,
    _string,
    _text,
    hours,
    identifiers,
    months,
)
from clac.text import Language, Text

# --------------------------------------------------------------------------- organizations

_SCOPES = tuple(Scope)
_SECTORS = tuple(Sector)


def _sectors(draw: st.DrawFn) -> tuple[Sector, ...]:
    """One sector; one organization in four has a second (the first is the primary one)."""
    first = _pick(draw, _SECTORS)
    if _int(draw, 0, 3):
        return (first,)
    others = [s for s in _SECTORS if s is not first]
    return (first, others[_int(draw, 0, len(others) - 1)])


def _organization(draw: st.DrawFn, id_: str, partners: _Refs) -> Organization:
    scope = _pick(draw, _SCOPES)
    countries = (_country(draw),) if scope is Scope.NATIONAL else _countries(draw, 0, 3)
    return Organization(
        id=id_,
        name=_string(draw),
        sector=_sectors(draw),
        countries=countries,
        scope=scope,
        partner=_maybe(draw, partners),
    )


def organizations(
    *, ids: st.SearchStrategy[str] | None = None, partners: Refs = None
) -> st.SearchStrategy[Organization]:
    """Organizations (`clac.model.Organization`); a national one works in exactly one
    country, a regional or global one in up to three.

    Args:
        ids: A strategy for the id (default: `identifiers()`).
        partners: Charter partner ids the organization may be (`()`: none).
    """
    choices = _refs(partners, "partners")
    return _strategy(
        "organizations",
        lambda draw: _organization(draw, _identifier(draw) if ids is None else draw(ids), choices),
    )


_LEVELS = tuple(RepresentativeLevel)


def _representative(draw: st.DrawFn) -> Representative:
    return Representative(
        name=_string(draw),
        position=_string(draw),
        level=_pick(draw, _LEVELS),
        email=_email(draw) if _flag(draw) else None,
    )


def representatives() -> st.SearchStrategy[Representative]:
    """Representatives (`clac.model.Representative`) of any level, with or without an
    e-mail address."""
    return _strategy("representatives", _representative)


def _subscription(draw: st.DrawFn, documents: _Refs, start: date, end: date) -> Subscription:
    return Subscription(signed=_day(draw, start, end), document=_maybe(draw, documents))


def subscriptions(
    *, documents: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[Subscription]:
    """Written subscriptions to the charter (`clac.model.Subscription`).

    Args:
        documents: Document ids the subscription may be filed as.
        start: The earliest date drawn.
        end: The latest date drawn.
    """
    _check_dates(start, end)
    docs = _refs(documents, "documents")
    return _strategy("subscriptions", lambda draw: _subscription(draw, docs, start, end))


_CONTRIBUTION_KINDS = tuple(ContributionKind)


def _contribution(draw: st.DrawFn, start: date, end: date) -> Contribution:
    return Contribution(
        date=_day(draw, start, end),
        kind=_pick(draw, _CONTRIBUTION_KINDS),
        description=_string(draw),
    )


def contributions(*, start: date = START, end: date = END) -> st.SearchStrategy[Contribution]:
    """A member's contributions (`clac.model.Contribution`) of any kind.

    Args:
        start: The earliest date drawn.
        end: The latest date drawn.
    """
    _check_dates(start, end)
    return _strategy("contributions", lambda draw: _contribution(draw, start, end))


def _commitment(draw: st.DrawFn, goals: tuple[str, ...], start: date, end: date) -> Commitment:
    return Commitment(
        goal=_pick(draw, goals),
        action=_string(draw),
        target=_string(draw),
        indicators=_repeat(draw, lambda: _string(draw), 2),
        made=_maybe_day(draw, start, end),
    )


def commitments(
    *, goals: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[Commitment]:
    """A member's commitments (`clac.model.Commitment`) toward a policy goal, with or
    without indicators and the day they were made.

    Args:
        goals: Policy-goal ids to commit to (default: the Base Document's).
        start: The earliest date drawn.
        end: The latest date drawn.

    Raises:
        InvalidArgument: When `goals` is empty.
    """
    _check_dates(start, end)
    choices = _goal_refs(goals)
    if not choices:
        raise InvalidArgument("goals must name at least one policy goal")
    return _strategy("commitments", lambda draw: _commitment(draw, choices, start, end))


_STATUSES = tuple(MemberStatus)


def _member(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    organization: str,
    working_groups: _Refs,
    goals: tuple[str, ...],
    documents: _Refs,
    referrers: _Refs,
    start: date,
    end: date,
    max_representatives: int = 3,
    max_working_groups: int = 2,
) -> Member:
    joined = _day(draw, start, end)
    status = _pick(draw, _STATUSES)
    left = None
    if status is MemberStatus.WITHDRAWN or (status is MemberStatus.INACTIVE and _flag(draw)):
        left = _day(draw, joined, end)
    subscription = None
    if _flag(draw):
        subscription = _subscription(
            draw, documents, joined, max(joined, min(end, _plus(joined, 90)))
        )
    others = None if referrers is None else tuple(r for r in referrers if r != organization)
    referred_by = _maybe(draw, others)
    if referred_by == organization:
        referred_by = None
    return Member(
        organization=organization,
        joined=joined,
        status=status,
        left=left,
        charter_subscription=subscription,
        listed_in_materials=_pick(draw, (True, False, None)),
        track_record=_repeat(draw, lambda: _string(draw), 2),
        representatives=_repeat(draw, lambda: _representative(draw), max_representatives),
        working_groups=_many(draw, working_groups, max_working_groups),
        commitments=_repeat(draw, lambda: _commitment(draw, goals, joined, end), 2)
        if goals
        else (),
        contributions=_repeat(draw, lambda: _contribution(draw, joined, end), 2),
        referred_by=referred_by,
    )


def members(
    *,
    organizations: Refs = None,
    working_groups: Refs = None,
    goals: Refs = None,
    documents: Refs = None,
    referrers: Refs = None,
    start: date = START,
    end: date = END,
    max_representatives: int = 3,
    max_working_groups: int = 2,
) -> st.SearchStrategy[Member]:
    """Memberships (`clac.model.Member`) that began between `start` and `end`.

    A withdrawn member always has the day it left, on or after the day it joined; a
    subscription is signed within 90 days of joining; a member is never referred by itself.

    Args:
        organizations: Ids the member may be (`["icmec"]` for ICMEC's membership).
        working_groups: Working-group ids it may join.
        goals: Policy-goal ids its commitments aim at (`()`: no commitments).
        documents: Document ids its subscription may be filed as.
        referrers: Member ids that may have referred it.
        start: The earliest day it joined.
        end: The latest date drawn.
        max_representatives: The most representatives it designates.
        max_working_groups: The most working groups it joins.
    """
    _check_dates(start, end)
    _check_size(0, max_representatives, name="representatives")
    _check_size(0, max_working_groups, name="working_groups")
    orgs = _required(_refs(organizations, "organizations"), "organizations")
    groups, goal_ids = _refs(working_groups, "working_groups"), _goal_refs(goals)
    docs, referring = _refs(documents, "documents"), _refs(referrers, "referrers")
    return _strategy(
        "members",
        lambda draw: _member(
            draw,
            _one(draw, orgs),
            groups,
            goal_ids,
            docs,
            referring,
            start,
            end,
            max_representatives,
            max_working_groups,
        ),
    )


_ROLES = tuple(role.value for role in Role)


def _role_assignment(
    draw: st.DrawFn, organizations: _Refs, start: date, end: date
) -> RoleAssignment:
    since = _day(draw, start, end)
    return RoleAssignment(
        role=_pick(draw, _ROLES),
        organization=_one(draw, organizations),
        since=since,
        until=_maybe_day(draw, since, end),
        unit=_maybe_string(draw),
    )


def role_assignments(
    *, organizations: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[RoleAssignment]:
    """Charter offices held (`clac.model.RoleAssignment`): the Secretariat, the Chair or
    the Steering Committee, held from a day and perhaps until a later one.

    Args:
        organizations: Ids of the organizations that may hold the office.
        start: The earliest date drawn.
        end: The latest date drawn.
    """
    _check_dates(start, end)
    orgs = _required(_refs(organizations, "organizations"), "organizations")
    return _strategy("role_assignments", lambda draw: _role_assignment(draw, orgs, start, end))


# ---------------------------------------------------------------- working groups, meetings


def _working_group(
    draw: st.DrawFn, id_: str, name: Text | None, start: date, end: date
) -> WorkingGroup:
    formed = _day(draw, start, end)
    return WorkingGroup(
        id=id_,
        name=_text(draw) if name is None else name,
        formed=formed,
        consulted=_maybe_day(draw, start, formed),
    )


def working_groups(
    *, ids: st.SearchStrategy[str] | None = None, start: date = START, end: date = END
) -> st.SearchStrategy[WorkingGroup]:
    """A coalition's working groups (`clac.model.WorkingGroup`), with the day active
    members were consulted, if they were, on or before the day the group was formed.

    Args:
        ids: A strategy for the id (default: `identifiers()`).
        start: The earliest date drawn.
        end: The latest date drawn.
    """
    _check_dates(start, end)
    return _strategy(
        "working_groups",
        lambda draw: _working_group(
            draw, _identifier(draw) if ids is None else draw(ids), None, start, end
        ),
    )


def _minutes(draw: st.DrawFn, documents: _Refs, start: date, end: date) -> Minutes:
    return Minutes(document=_maybe(draw, documents), circulated=_maybe_day(draw, start, end))


def minutes(
    *, documents: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[Minutes]:
    """Meeting minutes (`clac.model.Minutes`), filed as a document or not, circulated or
    not.

    Args:
        documents: Document ids the minutes may be filed as.
        start: The earliest date drawn.
        end: The latest date drawn.
    """
    _check_dates(start, end)
    docs = _refs(documents, "documents")
    return _strategy("minutes", lambda draw: _minutes(draw, docs, start, end))


_MEETING_KINDS = tuple(MeetingKind)
_OTHER_MEETING_KINDS = tuple(k for k in MeetingKind if k is not MeetingKind.WORKING_GROUP)
_MODES = tuple(MeetingMode)


def _meeting(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    id_: str,
    organizations: _Refs,
    members: _Refs,
    working_groups: _Refs,
    documents: _Refs,
    start: date,
    end: date,
    max_attendees: int = 8,
) -> Meeting:
    kind = _pick(draw, _OTHER_MEETING_KINDS if working_groups == () else _MEETING_KINDS)
    day = _day(draw, start, end)
    return Meeting(
        id=id_,
        date=day,
        kind=kind,
        mode=_pick(draw, _MODES),
        organizer=_one(draw, organizations),
        attendees=_many(draw, members, max_attendees),
        working_group=_one(draw, working_groups) if kind is MeetingKind.WORKING_GROUP else None,
        minutes=_minutes(draw, documents, day, _plus(day, 60)) if _flag(draw) else None,
    )


def meetings(
    *,
    ids: st.SearchStrategy[str] | None = None,
    organizations: Refs = None,
    members: Refs = None,
    working_groups: Refs = None,
    documents: Refs = None,
    start: date = START,
    end: date = END,
    max_attendees: int = 8,
) -> st.SearchStrategy[Meeting]:
    """Meetings (`clac.model.Meeting`) held between `start` and `end`.

    A working-group meeting names its group; minutes, if any, are circulated on or after
    the meeting (up to 60 days after).

    Args:
        ids: A strategy for the id (default: `identifiers()`).
        organizations: Ids the organizer is drawn from.
        members: Member ids the attendees are drawn from.
        working_groups: Working-group ids a working-group meeting names (`()`: no such
            meeting is drawn).
        documents: Document ids the minutes may be filed as.
        start: The earliest meeting date.
        end: The latest meeting date.
        max_attendees: The most attendees.
    """
    _check_dates(start, end)
    _check_size(0, max_attendees, name="attendees")
    orgs = _required(_refs(organizations, "organizations"), "organizations")
    who, groups = _refs(members, "members"), _refs(working_groups, "working_groups")
    docs = _refs(documents, "documents")
    return _strategy(
        "meetings",
        lambda draw: _meeting(
            draw,
            _identifier(draw) if ids is None else draw(ids),
            orgs,
            who,
            groups,
            docs,
            start,
            end,
            max_attendees,
        ),
    )


def participations(
    *,
    members: Refs = None,
    start: date = START,
    end: date = END,
    min_hours: float = 0.0,
    max_hours: float = 744.0,
) -> st.SearchStrategy[Participation]:
    """Monthly participation records (`clac.model.Participation`): one member's hours in
    a month.

    Args:
        members: Member ids the record is for.
        start: A day of the earliest month.
        end: A day of the latest month.
        min_hours: The fewest hours.
        max_hours: The most hours.
    """
    _check_dates(start, end)
    who = _required(_refs(members, "members"), "members")
    return st.builds(
        Participation,
        member=identifiers() if who is None else st.sampled_from(who),
        month=months(min_value=Month.of(start), max_value=Month.of(end)),
        hours=hours(min_value=min_hours, max_value=max_hours),
    )


# ----------------------------------------------------------------------------- documents

_DOCUMENT_KINDS = tuple(DocumentKind)
_LANGUAGES = tuple(Language)
_LABELS = tuple(TLP)


def _document(draw: st.DrawFn, id_: str, organizations: _Refs, start: date, end: date) -> Document:
    day = _day(draw, start, end)
    classification = _pick(draw, _LABELS)
    return Document(
        id=id_,
        title=_string(draw),
        kind=_pick(draw, _DOCUMENT_KINDS),
        language=_pick(draw, _LANGUAGES),
        classification=classification,
        date=day,
        authors=_many(draw, organizations, 2),
        recipients=_many(draw, organizations, 3) if classification is TLP.RED else (),
        year=day.year if _flag(draw) else None,
    )


def documents(
    *,
    ids: st.SearchStrategy[str] | None = None,
    organizations: Refs = None,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[Document]:
    """Shared-folder documents (`clac.model.Document`) of any kind, language and TLP
    label; only TLP:RED ones have recipients.

    Args:
        ids: A strategy for the id (default: `identifiers()`).
        organizations: Ids the authors (and recipients) are drawn from.
        start: The earliest document date.
        end: The latest document date.
    """
    _check_dates(start, end)
    orgs = _refs(organizations, "organizations")
    return _strategy(
        "documents",
        lambda draw: _document(
            draw, _identifier(draw) if ids is None else draw(ids), orgs, start, end
        ),
    )
