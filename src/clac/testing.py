"""Hypothesis strategies for every public clac type, and for whole valid coalitions.

Use them to property-test code that takes clac objects::

    from hypothesis import given
    from clac.testing import coalitions, members

    @given(coalitions(min_members=3))
    def test_every_member_is_an_organization(coalition):
        for member in coalition.members:
            assert coalition.organization(member.organization)

    @given(members(working_groups=["prevention-awareness"]))
    def test_member_groups(member):
        assert set(member.working_groups) <= {"prevention-awareness"}

The strategies follow Hypothesis' own conventions: plural names, keyword-only arguments,
``min_size`` / ``max_size`` (or ``min_<things>`` / ``max_<things>``) where sizes apply, and
``start`` / ``end`` bounding every date drawn.

**References.** Model objects point at each other by id. A strategy's reference arguments
(``organizations``, ``members``, ``working_groups``, ``documents``, ``meetings`` …) are the ids
to draw those references from: ``None`` (the default) draws any well-formed id, a sequence of
ids draws among them, and an empty sequence draws no reference at all (optional references are
``None``, lists of references are empty). ``goals`` and ``objectives`` default to the Base
Document's policy goals (``PG-1`` … ``PG-8``) and objectives (``OBJ-1``, ``OBJ-2``). A single
object drawn on its own is valid but its references need not resolve; :func:`coalitions`
draws registries whose cross-references all hold.

**Round trips.** Every value drawn survives the YAML, JSON and TOML registry files unchanged:
text is short and drawn from a safe alphabet (letters, including Spanish and Portuguese accented
ones, digits, ``.,-'`` and single inner spaces, starting with a letter), ids are lower-case
slugs starting with a letter, and hours are multiples of 0.5.

**Rules.** ``coalitions(violating="MEM-03")`` draws a coalition that breaks a rule (one of
:data:`VIOLATIONS`) as of its ``end`` date, and ``coalitions(compliant=True)`` one with no
required rule unmet as of ``end``::

    @given(coalitions(violating="GOV-01"))
    def test_report_shows_the_missing_secretariat(coalition):
        assert "GOV-01" in {f.rule.id for f in evaluate(coalition, as_of=END).unmet}

**st.from_type.** clac registers these strategies through Hypothesis' ``hypothesis`` entry
point, so ``st.from_type(clac.Coalition)`` works once clac is installed, without importing
this module.

This module imports Hypothesis, a test-only dependency; ``import clac`` never imports it.
"""

from __future__ import annotations

import functools
import math
import string
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from clac.charter import BASE_DOCUMENT, Amendment, Charter, Role, Sector, WorkingGroupDefinition
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Commitment,
    Contribution,
    ContributionKind,
    Document,
    DocumentKind,
    Indicator,
    LegislativeAdvance,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    MemberStatus,
    Minutes,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    Policy,
    PolicyKind,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    Recommendation,
    Representative,
    RepresentativeLevel,
    RoleAssignment,
    Scope,
    StrategicPlan,
    Subscription,
    Target,
    WorkingGroup,
)
from clac.periods import Month, Quarter
from clac.registry import Coalition
from clac.text import Language, Text

__all__ = [
    "END",
    "START",
    "VIOLATIONS",
    "activities",
    "charters",
    "coalitions",
    "commitments",
    "contributions",
    "country_codes",
    "documents",
    "emails",
    "hours",
    "identifiers",
    "indicators",
    "legislative_advances",
    "meetings",
    "members",
    "minutes",
    "months",
    "operational_plans",
    "organizations",
    "participations",
    "planned_actions",
    "plans",
    "policies",
    "proposal_events",
    "proposal_records",
    "quarterly_reports",
    "quarters",
    "recommendations",
    "representatives",
    "role_assignments",
    "strategic_plans",
    "strings",
    "subscriptions",
    "targets",
    "texts",
    "working_groups",
]

T = TypeVar("T")

START = date(2016, 1, 1)
"""The default earliest date drawn: the Base Document's effective date."""
END = date(2025, 12, 31)
"""The default latest date drawn."""

_FIRST_MONTH, _LAST_MONTH = Month(1900, 1), Month(2999, 12)
_FIRST_QUARTER, _LAST_QUARTER = Quarter(1900, 1), Quarter(2999, 4)
_LAST_DAY = date(2999, 12, 31)

Refs = Sequence[str] | None
"""Ids to draw references from: ``None`` any id, ``()`` no reference (see the module doc)."""
_Refs = tuple[str, ...] | None

# ------------------------------------------------------------------- argument checking


def _check_size(min_size: int, max_size: int, *, least: int = 0, name: str = "size") -> None:
    for label, value in ((f"min_{name}", min_size), (f"max_{name}", max_size)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgument(f"{label}={value!r} must be a whole number")
    if min_size < least:
        raise InvalidArgument(f"min_{name}={min_size} must be at least {least}")
    if max_size < min_size:
        raise InvalidArgument(f"max_{name}={max_size} must be at least min_{name}={min_size}")


def _check_dates(start: date, end: date) -> None:
    from datetime import datetime

    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, date) or isinstance(value, datetime):
            raise InvalidArgument(f"{name}={value!r} must be a date")
    if end < start:
        raise InvalidArgument(f"end={end} must not be before start={start}")
    if start.year < 1901 or end.year > 2998:
        raise InvalidArgument("start and end must lie within the years 1901-2998")


def _refs(value: Refs, name: str) -> _Refs:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidArgument(f"{name}={value!r} must be a sequence of ids, not one string")
    return tuple(dict.fromkeys(value))


def _required(value: _Refs, name: str) -> _Refs:
    if value == ():
        raise InvalidArgument(f"{name} must name at least one id")
    return value


def _goal_refs(goals: Refs) -> tuple[str, ...]:
    resolved = _refs(goals, "goals")
    return tuple(g.id for g in BASE_DOCUMENT.policy_goals) if resolved is None else resolved


def _objective_refs(objectives: Refs) -> tuple[str, ...]:
    resolved = _refs(objectives, "objectives")
    return tuple(o.id for o in BASE_DOCUMENT.objectives) if resolved is None else resolved


def _strategy(name: str, fn: Callable[[st.DrawFn], T]) -> st.SearchStrategy[T]:
    """A strategy drawing ``fn(draw)``; internal draws are plain functions, which is much faster
    than building a strategy per drawn object."""

    def run(draw: st.DrawFn) -> T:
        return fn(draw)

    run.__name__ = run.__qualname__ = name
    return st.composite(run)()


# ----------------------------------------------------------------------- draw helpers

_BOOL = st.booleans()
# Another element of a list? Nested lists say yes half the time, so they stay short and
# drawing stays fast; the registry's own lists (meetings, reports …) say yes 3 times in 4.
_MORE = st.booleans()
_OFTEN = st.integers(0, 3)
_LETTERS = string.ascii_letters + "áéíóúÁÉÍÓÚñÑüÜçÇãõâêôàÃÕÂÊÔÀ"
_WORD = _LETTERS + string.digits + ".,-'"
_HEAD = st.sampled_from(_LETTERS)
_SLUG_HEAD = st.sampled_from(string.ascii_lowercase)
_SLUG_TAIL = string.ascii_lowercase + string.digits + "-"


def _flag(draw: st.DrawFn) -> bool:
    return draw(_BOOL)


def _int(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(st.integers(low, high))


def _pick(draw: st.DrawFn, choices: Sequence[T]) -> T:
    return choices[_int(draw, 0, len(choices) - 1)]


def _plus(day: date, days: int) -> date:
    """``day`` plus ``days`` days, no later than the last day clac accepts."""
    return min(day + timedelta(days=days), _LAST_DAY)


def _day(draw: st.DrawFn, low: date, high: date) -> date:
    return low + timedelta(days=_int(draw, 0, (high - low).days))


def _maybe_day(draw: st.DrawFn, low: date, high: date) -> date | None:
    return _day(draw, low, high) if _flag(draw) else None


def _repeat(
    draw: st.DrawFn, item: Callable[[], T], max_size: int, min_size: int = 0, *, often: bool = False
) -> tuple[T, ...]:
    more = _OFTEN if often else _MORE
    out: list[T] = []
    while len(out) < max_size and (len(out) < min_size or draw(more)):
        out.append(item())
    return tuple(out)


@functools.cache
def _index_lists(count: int, min_size: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, count - 1), min_size=min_size, max_size=max_size, unique=True)


def _subset(
    draw: st.DrawFn, choices: Sequence[T], max_size: int, min_size: int = 0
) -> tuple[T, ...]:
    high = min(max_size, len(choices))
    if high == 0:
        return ()
    return tuple(choices[i] for i in draw(_index_lists(len(choices), min(min_size, high), high)))


@functools.cache
def _tails(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_WORD + " ", min_size=min_size, max_size=max_size)


def _single_inside(chars: str, separator: str) -> str:
    """Keep ``separator`` single and inside: one after another or at the end becomes an 'a'."""
    out = list(chars)
    for index, char in enumerate(out):
        if char == separator and (index == len(out) - 1 or out[index - 1] == separator):
            out[index] = "a"
    return "".join(out)


def _string(draw: st.DrawFn, min_size: int = 1, max_size: int = 24) -> str:
    return _single_inside(draw(_HEAD) + draw(_tails(min_size - 1, max_size - 1)), " ")


def _maybe_string(draw: st.DrawFn) -> str | None:
    return _string(draw) if _flag(draw) else None


def _text(draw: st.DrawFn, max_size: int = 24, portuguese: bool | None = None) -> Text:
    en, es = _string(draw, max_size=max_size), _string(draw, max_size=max_size)
    with_pt = _flag(draw) if portuguese is None else portuguese
    return Text(en, es, pt=_string(draw, max_size=max_size) if with_pt else None)


@functools.cache
def _slug_tails(max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_SLUG_TAIL, max_size=max_size)


def _identifier(draw: st.DrawFn, max_size: int = 12) -> str:
    return _single_inside(draw(_SLUG_HEAD) + draw(_slug_tails(max_size - 1)), "-")


def _identifiers(
    draw: st.DrawFn, max_size: int, min_size: int = 0, *, often: bool = False
) -> tuple[str, ...]:
    """Distinct ids, usually few."""
    return _distinct(draw, len(_repeat(draw, lambda: None, max_size, min_size, often=often)))


def _distinct(draw: st.DrawFn, count: int) -> tuple[str, ...]:
    """``count`` distinct ids."""
    out: list[str] = []
    for _ in range(count):
        out.append(_fresh(draw, out))
    return tuple(out)


def _fresh(draw: st.DrawFn, taken: Collection[str]) -> str:
    """An id that is not ``taken``."""
    value = _identifier(draw)
    while value in taken:
        value += "x"
    return value


def _one(draw: st.DrawFn, choices: _Refs) -> str:
    """A required reference."""
    return _identifier(draw) if choices is None else _pick(draw, choices)


def _maybe(draw: st.DrawFn, choices: _Refs) -> str | None:
    """An optional reference."""
    if choices == () or not _flag(draw):
        return None
    return _one(draw, choices)


def _many(draw: st.DrawFn, choices: _Refs, max_size: int, min_size: int = 0) -> tuple[str, ...]:
    """Distinct references."""
    if choices is None:
        return _identifiers(draw, max_size, min_size)
    return _subset(draw, choices, max_size, min_size)


# ------------------------------------------------------------------------------ primitives


def strings(*, min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[str]:
    """Short non-blank text from the safe alphabet, e.g. ``"Red PaPaz, Colômbia"``."""
    _check_size(min_size, max_size, least=1)
    return _strategy("strings", lambda draw: _string(draw, min_size, max_size))


def texts(*, max_size: int = 24, portuguese: bool | None = None) -> st.SearchStrategy[Text]:
    """Bilingual :class:`~clac.text.Text`; ``portuguese=True`` / ``False`` forces / omits ``pt``."""
    _check_size(1, max_size)
    return _strategy("texts", lambda draw: _text(draw, max_size, portuguese))


def identifiers(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Ids the model and the charter accept: lower-case letters and digits, starting with a
    letter, words joined by single hyphens (``"red-papaz-2"``)."""
    _check_size(1, max_size)
    return _strategy("identifiers", lambda draw: _identifier(draw, max_size))


_EMAIL_PART = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_TLDS = ("org", "com", "net", "org.br", "gob.mx", "cl")


def emails() -> st.SearchStrategy[str]:
    """E-mail addresses such as ``"ana@safernet.org.br"``."""
    return _strategy("emails", _email)


def _email(draw: st.DrawFn) -> str:
    return f"{draw(_EMAIL_PART)}@{draw(_EMAIL_PART)}.{_pick(draw, _TLDS)}"


@functools.cache
def _all_countries() -> tuple[str, ...]:
    import pycountry

    region = set(LATIN_AMERICA_AND_CARIBBEAN)
    rest = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in region)
    return (*LATIN_AMERICA_AND_CARIBBEAN, *rest)


def _country(draw: st.DrawFn) -> str:
    return _pick(draw, _all_countries())


def _countries(draw: st.DrawFn, min_size: int, max_size: int) -> tuple[str, ...]:
    return _subset(draw, _all_countries(), max_size, min_size)


def country_codes(*, within: Sequence[str] | None = None) -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes in upper case: any country, or one of ``within``.

    Latin American and Caribbean codes come first, so examples shrink toward the region.
    """
    if within is None:
        return _strategy("country_codes", _country)
    codes = _refs(within, "within")
    if not codes:
        raise InvalidArgument("within must name at least one country")
    return st.sampled_from(codes)


def months(
    *, min_value: Month = _FIRST_MONTH, max_value: Month = _LAST_MONTH
) -> st.SearchStrategy[Month]:
    """Calendar :class:`~clac.periods.Month` s from ``min_value`` to ``max_value``."""
    low = min_value.year * 12 + min_value.month - 1
    high = max_value.year * 12 + max_value.month - 1
    if high < low:
        raise InvalidArgument(f"max_value={max_value} must not be before min_value={min_value}")
    return st.integers(low, high).map(lambda n: Month(n // 12, n % 12 + 1))


def quarters(
    *, min_value: Quarter = _FIRST_QUARTER, max_value: Quarter = _LAST_QUARTER
) -> st.SearchStrategy[Quarter]:
    """Calendar :class:`~clac.periods.Quarter` s from ``min_value`` to ``max_value``."""
    low = min_value.year * 4 + min_value.quarter - 1
    high = max_value.year * 4 + max_value.quarter - 1
    if high < low:
        raise InvalidArgument(f"max_value={max_value} must not be before min_value={min_value}")
    return st.integers(low, high).map(lambda n: Quarter(n // 4, n % 4 + 1))


def hours(*, min_value: float = 0.0, max_value: float = 744.0) -> st.SearchStrategy[float]:
    """Hours in a month as multiples of 0.5, which YAML, JSON and TOML keep exactly."""
    low, high = math.ceil(min_value * 2), math.floor(max_value * 2)
    if low < 0 or high > 1488 or high < low:
        raise InvalidArgument(f"no multiple of 0.5 in [{min_value}, {max_value}] within 0-744")
    return st.integers(low, high).map(lambda n: n / 2)


# --------------------------------------------------------------------------- organizations

_SCOPES = tuple(Scope)
_SECTORS = tuple(Sector)


def _organization(draw: st.DrawFn, id_: str, partners: _Refs) -> Organization:
    scope = _pick(draw, _SCOPES)
    countries = (_country(draw),) if scope is Scope.NATIONAL else _countries(draw, 0, 3)
    return Organization(
        id=id_,
        name=_string(draw),
        sector=_pick(draw, _SECTORS),
        countries=countries,
        scope=scope,
        partner=_maybe(draw, partners),
    )


def organizations(
    *, ids: st.SearchStrategy[str] | None = None, partners: Refs = None
) -> st.SearchStrategy[Organization]:
    """:class:`~clac.model.Organization` s; a national one works in exactly one country, and
    ``partners`` are the charter partner ids one may be (``None``: any id, ``()``: none)."""
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
    """:class:`~clac.model.Representative` s, with or without an e-mail address."""
    return _strategy("representatives", _representative)


def _subscription(draw: st.DrawFn, documents: _Refs, start: date, end: date) -> Subscription:
    return Subscription(signed=_day(draw, start, end), document=_maybe(draw, documents))


def subscriptions(
    *, documents: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[Subscription]:
    """Written :class:`~clac.model.Subscription` s to the charter, signed between the dates,
    optionally filed as one of ``documents``."""
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
    """:class:`~clac.model.Contribution` s made between ``start`` and ``end``."""
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
    """:class:`~clac.model.Commitment` s toward one of ``goals``, made between the dates."""
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
        listed_in_materials=_flag(draw),
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
    """:class:`~clac.model.Member` s that joined between ``start`` and ``end``.

    ``organizations`` are the ids the member may be (``["icmec"]`` for ICMEC's membership),
    ``referrers`` the members that may have referred it (never itself); it joins up to
    ``max_working_groups`` of ``working_groups`` and designates up to ``max_representatives``.
    A withdrawn member always has the date it left, on or after the day it joined.
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
    """:class:`~clac.model.RoleAssignment` s of a charter role (Secretariat, Chair, Steering
    Committee) to one of ``organizations``, from a day between the dates."""
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
    """:class:`~clac.model.WorkingGroup` s formed between ``start`` and ``end`` (members
    consulted, if at all, before that)."""
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
    """:class:`~clac.model.Minutes`, circulated (if at all) between ``start`` and ``end``."""
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
    """:class:`~clac.model.Meeting` s held between ``start`` and ``end``.

    The organizer is one of ``organizations``, up to ``max_attendees`` distinct ``members``
    attend, a working-group meeting names one of ``working_groups`` (none is drawn when that is
    empty), and minutes are circulated on or after the meeting.
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
    """:class:`~clac.model.Participation`: one of ``members``' hours (a multiple of 0.5) in a
    month between ``start`` and ``end``."""
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
    """Shared-folder :class:`~clac.model.Document` s dated between ``start`` and ``end``,
    authored by ``organizations``; only TLP:RED ones have recipients."""
    _check_dates(start, end)
    orgs = _refs(organizations, "organizations")
    return _strategy(
        "documents",
        lambda draw: _document(
            draw, _identifier(draw) if ids is None else draw(ids), orgs, start, end
        ),
    )


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
    """Reported :class:`~clac.model.Activity`: an in-country one names its countries."""
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
    """Reported :class:`~clac.model.Policy`: an in-country one names its country, an
    organizational one its organization (only in-country ones when ``organizations`` is
    empty)."""
    goal_ids, orgs = _goal_refs(goals), _refs(organizations, "organizations")
    return _strategy("policies", lambda draw: _policy(draw, goal_ids, orgs))


def _legislative_advance(draw: st.DrawFn, start: date, end: date) -> LegislativeAdvance:
    return LegislativeAdvance(
        country=_country(draw),
        instrument=_string(draw),
        date=_day(draw, start, end),
        description=_string(draw),
    )


def legislative_advances(
    *, start: date = START, end: date = END
) -> st.SearchStrategy[LegislativeAdvance]:
    """:class:`~clac.model.LegislativeAdvance` s made between ``start`` and ``end``."""
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
    """:class:`~clac.model.QuarterlyReport` s by one of ``working_groups`` for a quarter between
    ``start`` and ``end``, with up to ``max_items`` activities, policies and legislative
    advances each, submitted (if at all) after the quarter began."""
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


# ---------------------------------------------------------------------------- proposals

_S, _E = ProposalState, ProposalEventKind
_MAIN_LINE: tuple[tuple[ProposalEventKind, ProposalState], ...] = (
    (_E.SUBMIT, _S.SUBMITTED),
    (_E.SHARE, _S.SHARED),
    (_E.SCHEDULE, _S.SCHEDULED),
    (_E.DISCUSS, _S.DISCUSSED),
)
_DECISIONS = {_S.APPROVED: _E.APPROVE, _S.RETURNED: _E.RETURN_WITH_RECOMMENDATIONS}
_AT_MEETINGS = frozenset({_E.SCHEDULE, _E.DISCUSS, _E.APPROVE, _E.RETURN_WITH_RECOMMENDATIONS})
_OPEN_STATES = tuple(s for s in ProposalState if not s.is_final)
_TRANSITIONS: tuple[tuple[ProposalState, ProposalEventKind, ProposalState], ...] = (
    (_S.DRAFT, _E.SUBMIT, _S.SUBMITTED),
    (_S.SUBMITTED, _E.SHARE, _S.SHARED),
    (_S.SHARED, _E.SCHEDULE, _S.SCHEDULED),
    (_S.SCHEDULED, _E.DISCUSS, _S.DISCUSSED),
    (_S.DISCUSSED, _E.APPROVE, _S.APPROVED),
    (_S.DISCUSSED, _E.RETURN_WITH_RECOMMENDATIONS, _S.RETURNED),
    *((s, _E.WITHDRAW, _S.WITHDRAWN) for s in _OPEN_STATES),
)


def _path_to(state: ProposalState) -> list[tuple[ProposalEventKind, ProposalState]]:
    """The (event, target) steps from draft to ``state``; withdrawal is not on this path."""
    if state is _S.DRAFT:
        return []
    if state in _DECISIONS:
        return [*_MAIN_LINE, (_DECISIONS[state], state)]
    index = [target for _, target in _MAIN_LINE].index(state)
    return list(_MAIN_LINE[: index + 1])


def _proposal_event(
    draw: st.DrawFn,
    transition: tuple[ProposalState, ProposalEventKind, ProposalState],
    day: date,
    organizations: _Refs,
    meetings: _Refs,
) -> ProposalEvent:
    source, event, target = transition
    return ProposalEvent(
        event=event,
        source=source,
        target=target,
        date=day,
        actor=_one(draw, organizations),
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
    """One legal step of a proposal's life (submit, share, schedule, discuss, approve, return
    with recommendations, withdraw) taken by one of ``organizations``, dated between the dates;
    steps taken at a meeting may name one of ``meetings``."""
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
    """:class:`~clac.model.Recommendation` s tied to one of ``objectives``, one of ``goals``,
    or both."""
    goal_ids, objective_ids = _goal_refs(goals), _objective_refs(objectives)
    if not goal_ids and not objective_ids:
        raise InvalidArgument("a recommendation needs an objective or a goal to be tied to")
    return _strategy("recommendations", lambda draw: _recommendation(draw, goal_ids, objective_ids))


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
) -> ProposalRecord:
    state = _pick(draw, states)
    if state is _S.WITHDRAWN:
        steps = [*_path_to(_pick(draw, _OPEN_STATES)), (_E.WITHDRAW, _S.WITHDRAWN)]
    else:
        steps = _path_to(state)
    proposer = _one(draw, proposers)
    days = sorted(_day(draw, start, end) for _ in steps)
    history = []
    source = _S.DRAFT
    for (event, target), day in zip(steps, days, strict=True):
        history.append(_proposal_event(draw, (source, event, target), day, organizations, meetings))
        source = target
    recs: tuple[Recommendation, ...] = ()
    if goals or objectives:
        recs = _repeat(draw, lambda: _recommendation(draw, goals, objectives), 2)
    return ProposalRecord(
        id=id_,
        title=_string(draw),
        proposer=proposer,
        goals=_subset(draw, goals, 3, min_size=1),
        state=state,
        history=tuple(history),
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
    """:class:`~clac.model.ProposalRecord` s in one of ``states`` (default: any) with a legal
    history from draft: submit, share, schedule, discuss, then approve or return with
    recommendations; or withdraw from any state that is not final. Events are dated in order
    between ``start`` and ``end``; the proposer is one of ``proposers`` (members), each event's
    actor one of ``organizations``.
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


# -------------------------------------------------------------------------------- plans


def _number(draw: st.DrawFn) -> float | None:
    return _int(draw, -2000, 2000) / 2 if _flag(draw) else None


def _indicator(draw: st.DrawFn) -> Indicator:
    return Indicator(name=_string(draw), baseline=_number(draw), target=_number(draw))


def indicators() -> st.SearchStrategy[Indicator]:
    """:class:`~clac.model.Indicator` s, baseline and target optional (multiples of 0.5)."""
    return _strategy("indicators", _indicator)


def _target(draw: st.DrawFn, goals: tuple[str, ...]) -> Target:
    return Target(
        goal=_pick(draw, goals),
        description=_string(draw),
        indicators=_repeat(draw, lambda: _indicator(draw), 2),
    )


def targets(*, goals: Refs = None) -> st.SearchStrategy[Target]:
    """Strategic-plan :class:`~clac.model.Target` s for one of ``goals``."""
    choices = _goal_refs(goals)
    if not choices:
        raise InvalidArgument("goals must name at least one policy goal")
    return _strategy("targets", lambda draw: _target(draw, choices))


def _strategic_plan(draw: st.DrawFn, goals: tuple[str, ...], start_year: int) -> StrategicPlan:
    years = 5 if _flag(draw) else _int(draw, 1, 10)
    return StrategicPlan(
        start_year=start_year,
        years=years,
        targets=_repeat(draw, lambda: _target(draw, goals), 2) if goals else (),
        adopted=_maybe_day(draw, date(start_year - 1, 1, 1), date(start_year, 12, 31)),
    )


def strategic_plans(
    *, goals: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[StrategicPlan]:
    """:class:`~clac.model.StrategicPlan` s (often for five years) starting in a year from
    ``start`` to ``end``, with targets for ``goals``."""
    _check_dates(start, end)
    choices = _goal_refs(goals)
    return _strategy(
        "strategic_plans",
        lambda draw: _strategic_plan(draw, choices, _int(draw, start.year, end.year)),
    )


def _planned_action(draw: st.DrawFn, goals: tuple[str, ...], members: _Refs) -> PlannedAction:
    return PlannedAction(
        description=_string(draw), goals=_subset(draw, goals, 3), members=_many(draw, members, 3)
    )


def planned_actions(
    *, goals: Refs = None, members: Refs = None
) -> st.SearchStrategy[PlannedAction]:
    """Operational-plan :class:`~clac.model.PlannedAction` s toward ``goals``, by ``members``."""
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy("planned_actions", lambda draw: _planned_action(draw, goal_ids, who))


def _operational_plan(
    draw: st.DrawFn, year: int, goals: tuple[str, ...], members: _Refs
) -> OperationalPlan:
    assessed = _maybe_day(draw, date(year, 1, 1), date(year, 12, 31))
    return OperationalPlan(
        year=year,
        actions=_repeat(draw, lambda: _planned_action(draw, goals, members), 3),
        assessed=assessed,
        assessment=None if assessed is None else _maybe_string(draw),
    )


def operational_plans(
    *, goals: Refs = None, members: Refs = None, start: date = START, end: date = END
) -> st.SearchStrategy[OperationalPlan]:
    """Annual :class:`~clac.model.OperationalPlan` s for a year from ``start`` to ``end``; an
    assessment always has its date."""
    _check_dates(start, end)
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy(
        "operational_plans",
        lambda draw: _operational_plan(draw, _int(draw, start.year, end.year), goal_ids, who),
    )


def _plans(  # noqa: PLR0917 - one argument per kind of reference, passed in order
    draw: st.DrawFn,
    goals: tuple[str, ...],
    members: _Refs,
    start: date,
    end: date,
    max_strategic: int = 2,
    max_operational: int = 3,
) -> Plans:
    strategic: list[StrategicPlan] = []
    first = start.year
    while len(strategic) < max_strategic and first <= end.year and draw(_OFTEN):
        plan = _strategic_plan(draw, goals, _int(draw, first, end.year))
        strategic.append(plan)
        first = plan.end_year + 1
    years = _subset(draw, range(start.year, end.year + 1), max_operational)
    return Plans(
        strategic=tuple(strategic),
        operational=tuple(_operational_plan(draw, year, goals, members) for year in sorted(years)),
    )


def plans(
    *,
    goals: Refs = None,
    members: Refs = None,
    start: date = START,
    end: date = END,
    max_strategic: int = 2,
    max_operational: int = 3,
) -> st.SearchStrategy[Plans]:
    """:class:`~clac.model.Plans`: up to ``max_strategic`` strategic plans that do not overlap
    and up to ``max_operational`` operational plans for distinct years, from ``start`` to
    ``end``."""
    _check_dates(start, end)
    _check_size(0, max_strategic, name="strategic")
    _check_size(0, max_operational, name="operational")
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy(
        "plans",
        lambda draw: _plans(draw, goal_ids, who, start, end, max_strategic, max_operational),
    )


# ---------------------------------------------------------------------- charters, coalitions

_PERIODS = (1, 2, 3, 4, 6, 12)


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
    added: tuple[WorkingGroupDefinition, ...] = ()
    if _flag(draw):
        group = WorkingGroupDefinition(id=_fresh(draw, taken), name=_text(draw), formed=effective)
        added = (group,)
    return Amendment(
        effective=effective, summary=_text(draw), parameters=parameters, add_working_groups=added
    )


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
    """The Base Document as amended up to ``max_amendments`` times by ``end``: new parameter
    values (meetings a year, hours a month, reporting period, report deadline) and new
    working groups."""
    _check_size(0, max_amendments, name="amendments")
    _check_dates(min(end, START), end)
    return _strategy("charters", lambda draw: _charter(draw, max_amendments, end))


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

    # Organizations first; the first ``count`` of them are the members.
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
        reports = tuple(
            _quarterly_report(draw, g, q, goals, member_ids, org_ids)
            for g, q in sorted(periods, key=lambda gq: (gq[0], str(gq[1])))
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
    )


def _quarter_before(quarter: Quarter, count: int) -> Quarter:
    index = quarter.year * 4 + quarter.quarter - 1 - count
    return Quarter(index // 4, index % 4 + 1)


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
    """Whole :class:`~clac.Coalition` registries whose cross-references all hold.

    Organizations come first, and between ``min_members`` and ``max_members`` of them are
    members. Working groups are some of the charter's (default: the Base Document); meetings
    are organized by organizations and attended by members; participation, proposals and plans
    name members; reports are for the coalition's working groups with goals among the
    charter's; proposals have legal histories; roles are held by organizations. Every date lies
    from ``start`` to ``end``, except minutes circulated and reports submitted a little after.

    ``violating`` is the id of a rule (one of :data:`VIOLATIONS`, e.g. ``"MEM-03"``) that the
    coalition breaks: ``evaluate(coalition, as_of=end)`` finds it ``unmet`` for at least one
    subject. **The violation is guaranteed as of ``end``** (the coalition's last day), not
    necessarily on other days. Such a coalition is a valid one with a small change applied
    for the rule, e.g. a member, made a member on ``end``, loses its written subscription
    (MEM-03), its representatives (MEM-05) or its commitments (POL-01); the Secretariat role
    is dropped (GOV-01). It has at least one member (so ``max_members`` must be at least 1);
    some rules also need ``end`` a month (MEM-09) or a year (GOV-03, GOV-07) after ``start``.
    An unknown or unsupported rule id is an :class:`~hypothesis.errors.InvalidArgument`.

    ``compliant=True`` draws a coalition with no *required* rule unmet as of ``end``:
    ``evaluate(coalition, as_of=end).ok`` holds. The organization that is the ICMEC partner
    holds the Secretariat and (for ICMEC LAC) the Chair, strategic plans with indicators for
    every policy goal and operational plans cover every year from the coalition's first to
    ``end``'s, every member has a complete commitment, is named in the plan for ``end``'s year
    and has no representative named like the organization, and proposals that would break a
    required proposal rule are left out. Expected and encouraged rules may still be unmet.
    ``compliant`` and ``violating`` of a required rule cannot be combined.
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
            _coalition(draw, max(min_members, 1), max_members, under, start, end),
            start,
            end,
        ),
    )


# --------------------------------------------------------------------------- compliance


def _compliant(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    """``coalition`` changed so that no required rule is unmet as of ``end``."""
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
            _commitment(draw, goals, m.joined, end), made=None, indicators=(_string(draw),)
        )
        members.append(
            attrs.evolve(m, representatives=people, commitments=(*m.commitments, promise))
        )
    coalition = coalition.evolve(organizations=orgs, members=tuple(members), roles=roles)
    if not who:  # no year to judge, once no strategic plan says when the plans begin
        return coalition.evolve(plans=attrs.evolve(coalition.plans, strategic=()))

    # GOV-05, GOV-06, POL-02, REP-07: plans for every year from the first to end's.
    first = max(coalition.charter.original.effective.year, min(m.joined for m in members).year)
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


# --------------------------------------------------------------------------- violations


def _minutes_grace() -> timedelta:
    from clac.reporting import MINUTES_GRACE_DAYS

    return timedelta(days=MINUTES_GRACE_DAYS)


Violation = Callable[[st.DrawFn, Coalition, date, date], Coalition]
"""Turn a valid coalition with at least one member, drawn from ``start`` to ``end`` (the last
two arguments), into one breaking a rule as of ``end``."""


def _violation(
    rule_id: str, charter: Charter, start: date, end: date, max_members: int
) -> Violation:
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
    if rule_id == "REP-06" and _annual_report_year(end) < first:
        raise InvalidArgument(
            "violating='REP-06' needs a year, from start and within the charter, whose annual "
            "report is overdue on end"
        )
    if rule_id == "REP-04" and end - _minutes_grace() < start:
        raise InvalidArgument(
            f"violating='REP-04' needs end at least {_minutes_grace().days} days after start"
        )
    return VIOLATIONS[rule_id]


def _on(coalition: Coalition, end: date, joined: date | None = None) -> tuple[Coalition, Member]:
    """The coalition with its first member made an active member on ``end`` (and, if given,
    joined no later than ``joined``: callers keep that from ``start``), and that member."""
    first = coalition.members[0]
    member = attrs.evolve(
        first,
        joined=min(first.joined, end if joined is None else joined),
        status=MemberStatus.ACTIVE,
        left=None,
    )
    return _replace(coalition, member), member


def _replace(coalition: Coalition, member: Member) -> Coalition:
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
    twin = attrs.evolve(_representative(draw), name=name)
    return _replace(
        coalition, attrs.evolve(member, representatives=(*member.representatives, twin))
    )


def _junior_representatives(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, member = _on(coalition, end)
    people = member.representatives or (_representative(draw),)
    juniors = tuple(attrs.evolve(r, level=RepresentativeLevel.JUNIOR) for r in people)
    return _replace(coalition, attrs.evolve(member, representatives=juniors))


def _absent(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, member = _on(coalition, end)
    meets = tuple(
        attrs.evolve(m, attendees=tuple(a for a in m.attendees if a != member.organization))
        for m in coalition.meetings
    )
    held = Meeting(
        id=_fresh(draw, {m.id for m in meets}),
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
    kept = tuple(p for p in coalition.plans.operational if p.year != year)
    plan = attrs.evolve(
        _operational_plan(draw, year, (), tuple(m.organization for m in coalition.members)),
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
            Target(goal=g, description=_string(draw), indicators=(_indicator(draw),))
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
    orgs = tuple(o.id for o in coalition.organizations)
    report = _quarterly_report(draw, group.id, period, goals, who, orgs)
    unaligned = attrs.evolve(_activity(draw, goals, who), goals=())
    report = attrs.evolve(report, submitted=end, activities=(*report.activities, unaligned))
    kept = tuple(r for r in coalition.reports if (r.working_group, r.period) != (group.id, period))
    return coalition.evolve(working_groups=groups, reports=(*kept, report))


def _uncirculated_minutes(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, member = _on(coalition, end)
    held = Meeting(
        id=_fresh(draw, {m.id for m in coalition.meetings}),
        date=_day(draw, start, end - _minutes_grace()),
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


def _annual_report_year(end: date) -> int:
    """The latest year whose annual report is overdue on ``end``."""
    from clac.reporting import annual_report_due

    return end.year - 1 if annual_report_due(end.year - 1) < end else end.year - 2


def _no_annual_report(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    year = _annual_report_year(end)
    coalition, _ = _on(coalition, end, max(start, date(year, 1, 1)))
    docs = tuple(
        attrs.evolve(d, kind=DocumentKind.OTHER)
        if d.kind is DocumentKind.ANNUAL_REPORT and d.year == year
        else d
        for d in coalition.documents
    )
    return coalition.evolve(documents=docs)


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
    "GOV-05": _no_strategic_plan,
    "GOV-06": _no_operational_plan,
    "GOV-07": _unassessed_plan,
    "POL-01": _member_change(commitments=()),
    "POL-02": _goal_without_indicators,
    "REP-03": _unaligned_activity,
    "REP-04": _uncirculated_minutes,
    "REP-05": _few_coalition_meetings,
    "REP-06": _no_annual_report,
}
"""The rules :func:`coalitions` can break (``violating=``), each with the change that breaks it:
a function of Hypothesis' ``draw``, a valid coalition with at least one member, and the day
(``end``) as of which the rule must be unmet."""


# ------------------------------------------------------------------------- registration


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public clac type, so that ``st.from_type(Member)`` and
    ``st.builds()`` of classes holding them work. Meant for Hypothesis' ``hypothesis`` entry
    point."""
    registrations: dict[type[Any], st.SearchStrategy[Any]] = {
        Text: texts(),
        Month: months(),
        Quarter: quarters(),
        Organization: organizations(),
        Representative: representatives(),
        Subscription: subscriptions(),
        Contribution: contributions(),
        Commitment: commitments(),
        Member: members(),
        RoleAssignment: role_assignments(),
        WorkingGroup: working_groups(),
        Minutes: minutes(),
        Meeting: meetings(),
        Participation: participations(),
        Document: documents(),
        Activity: activities(),
        Policy: policies(),
        LegislativeAdvance: legislative_advances(),
        QuarterlyReport: quarterly_reports(),
        ProposalEvent: proposal_events(),
        Recommendation: recommendations(),
        ProposalRecord: proposal_records(),
        Indicator: indicators(),
        Target: targets(),
        StrategicPlan: strategic_plans(),
        PlannedAction: planned_actions(),
        OperationalPlan: operational_plans(),
        Plans: plans(),
        Charter: charters(),
        Coalition: coalitions(),
    }
    for cls, strategy in registrations.items():
        st.register_type_strategy(cls, strategy)


# Hypothesis' entry point (clac._hypothesis_hook) skips registration when it runs while this
# module is still loading, so register here once it is complete.
_hypothesis_setup_hook()
