"""Hypothesis strategies for every public clac type, and for whole valid coalitions.

Use them to property-test code that reads clac objects: a report, a dashboard, an export, a
plugin rule. A downstream suite might hold:

```python
from datetime import date

from hypothesis import given
from clac.rules import evaluate
from clac.testing import END, coalitions, members


@given(coalitions(min_members=3))
def test_every_member_is_an_organization(coalition):
    for member in coalition.members:
        assert coalition.organization(member.organization)


@given(members(working_groups=["prevention-awareness"], max_working_groups=1))
def test_member_groups(member):
    assert set(member.working_groups) <= {"prevention-awareness"}


@given(coalitions(violating="MEM-03", end=date(2024, 12, 31)))
def test_my_dashboard_flags_a_missing_subscription(coalition):
    unmet = evaluate(coalition, as_of=date(2024, 12, 31)).unmet
    assert "MEM-03" in {finding.rule.id for finding in unmet}


@given(coalitions(compliant=True))
def test_a_compliant_registry_passes_clac_check(coalition):
    assert evaluate(coalition, as_of=END).ok
```

**Conventions.** The strategies follow Hypothesis' own: plural names, keyword-only
arguments, `min_<things>` / `max_<things>` (`max_size` for text) where sizes apply, and
`start` / `end` bounding every date drawn (`START` and `END` by default). Each strategy is
a fresh `SearchStrategy`: pass arguments once and reuse it. Enumerations (`Sector`,
`MeetingKind` …) need no strategy of their own: `st.sampled_from(Sector)` or
`st.from_type(Sector)` draws them.

**References.** Model objects point at each other by id. A strategy's reference arguments
(`organizations`, `members`, `working_groups`, `documents`, `meetings` …) are the ids to
draw those references from: `None` (the default) draws any well-formed id, a sequence of ids
draws among them, and an empty sequence draws no reference at all (optional references are
`None`, lists of references are empty). `goals` and `objectives` default to the Base
Document's policy goals (`PG-1` … `PG-8`) and objectives (`OBJ-1`, `OBJ-2`). A single object
drawn on its own is valid but its references need not resolve; `coalitions()` draws
registries whose cross-references all hold.

**Round trips.** Every value drawn survives the YAML, JSON and TOML registry files
unchanged: text is short and drawn from a safe alphabet (letters, including Spanish and
Portuguese accented ones, digits, `.,-'` and single inner spaces, starting with a letter),
ids are lower-case slugs starting with a letter, and hours are multiples of 0.5.

**Rules.** `coalitions(violating="MEM-03")` draws a coalition that breaks a rule (a key of
`VIOLATIONS`) as of its `end` date, and `coalitions(compliant=True)` one with no required
rule unmet as of `end`. The few rules no registry can leave unmet (encouraged ones, which
report "met" or "not applicable") are listed, with the reason, in `NOT_VIOLABLE`, and asking
to violate one raises `RuleNotViolable`. Rules added by plugins are not known here.

**`st.from_type`.** clac registers these strategies through Hypothesis' `hypothesis` entry
point, so `st.from_type(clac.Coalition)` (and `st.builds` of classes holding clac objects)
works once clac is installed, without importing this module.

This module imports Hypothesis, a test-only dependency; `import clac` never imports it.

Examples:
    >>> from hypothesis import given, settings
    >>> from clac.testing import members
    >>> @settings(max_examples=10, database=None)
    ... @given(members(organizations=["safernet"], referrers=["safernet", "icmec"]))
    ... def test_a_member_is_never_referred_by_itself(member):
    ...     assert member.organization == "safernet"
    ...     assert member.referred_by in {None, "icmec"}
    >>> test_a_member_is_never_referred_by_itself()
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

from clac.charter import (
    BASE_DOCUMENT,
    Amendment,
    Charter,
    Clause,
    Divergence,
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
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.errors import InvalidData
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Commitment,
    Contribution,
    ContributionKind,
    CountryAssessment,
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
    Outcome,
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
    RecordKind,
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
from clac.periods import Month, Quarter
from clac.proposals import TRANSITIONS as _LIFECYCLE
from clac.registry import Coalition
from clac.text import Language, Text

__all__ = [
    "END",
    "NOT_VIOLABLE",
    "START",
    "VIOLATIONS",
    "RuleNotViolable",
    "Step",
    "Violation",
    "activities",
    "amendments",
    "charters",
    "clauses",
    "coalitions",
    "commitments",
    "contributions",
    "country_assessments",
    "country_codes",
    "divergences",
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
    "objectives",
    "operational_plans",
    "organizations",
    "parameters",
    "participations",
    "partners",
    "planned_actions",
    "plans",
    "policies",
    "policy_goals",
    "principles",
    "proposal_events",
    "proposal_records",
    "quarterly_reports",
    "quarters",
    "recommendations",
    "records_since_by_kind",
    "representatives",
    "requirements",
    "role_assignments",
    "role_definitions",
    "strategic_plans",
    "strings",
    "subscriptions",
    "targets",
    "texts",
    "units",
    "working_group_definitions",
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
"""Ids to draw references from: `None` any id, `()` no reference (see the module doc)."""
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
    """A strategy drawing `fn(draw)`; internal draws are plain functions, which is much faster
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
    """`day` plus `days` days, no later than the last day clac accepts."""
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
    """Keep `separator` single and inside: one after another or at the end becomes an 'a'."""
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
    """`count` distinct ids."""
    out: list[str] = []
    for _ in range(count):
        out.append(_fresh(draw, out))
    return tuple(out)


def _fresh(draw: st.DrawFn, taken: Collection[str]) -> str:
    """An id that is not `taken`."""
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
    """Short non-blank text from the safe alphabet, e.g. `"Red PaPaz, Colômbia"`.

    Args:
        min_size: The fewest characters (at least 1).
        max_size: The most characters.
    """
    _check_size(min_size, max_size, least=1)
    return _strategy("strings", lambda draw: _string(draw, min_size, max_size))


def texts(*, max_size: int = 24, portuguese: bool | None = None) -> st.SearchStrategy[Text]:
    """Bilingual `clac.text.Text` (English and Spanish, sometimes Portuguese).

    Args:
        max_size: The most characters in each language.
        portuguese: `True` always draws `pt`, `False` never does, `None` sometimes.
    """
    _check_size(1, max_size)
    return _strategy("texts", lambda draw: _text(draw, max_size, portuguese))


def identifiers(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Ids the model and the charter accept, such as `"red-papaz-2"`.

    Lower-case letters and digits, starting with a letter, words joined by single hyphens.

    Args:
        max_size: The most characters.
    """
    _check_size(1, max_size)
    return _strategy("identifiers", lambda draw: _identifier(draw, max_size))


_EMAIL_PART = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_TLDS = ("org", "com", "net", "org.br", "gob.mx", "cl")


def emails() -> st.SearchStrategy[str]:
    """E-mail addresses such as `"ana@safernet.org.br"`."""
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
    """ISO 3166-1 alpha-2 country codes in upper case.

    Latin American and Caribbean codes come first, so examples shrink toward the region.

    Args:
        within: The codes to draw from (default: every country).

    Raises:
        InvalidArgument: When `within` is empty.
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
    """Calendar months (`clac.periods.Month`).

    Args:
        min_value: The earliest month.
        max_value: The latest month.
    """
    low = min_value.year * 12 + min_value.month - 1
    high = max_value.year * 12 + max_value.month - 1
    if high < low:
        raise InvalidArgument(f"max_value={max_value} must not be before min_value={min_value}")
    return st.integers(low, high).map(lambda n: Month(n // 12, n % 12 + 1))


def quarters(
    *, min_value: Quarter = _FIRST_QUARTER, max_value: Quarter = _LAST_QUARTER
) -> st.SearchStrategy[Quarter]:
    """Calendar quarters (`clac.periods.Quarter`).

    Args:
        min_value: The earliest quarter.
        max_value: The latest quarter.
    """
    low = min_value.year * 4 + min_value.quarter - 1
    high = max_value.year * 4 + max_value.quarter - 1
    if high < low:
        raise InvalidArgument(f"max_value={max_value} must not be before min_value={min_value}")
    return st.integers(low, high).map(lambda n: Quarter(n // 4, n % 4 + 1))


def hours(*, min_value: float = 0.0, max_value: float = 744.0) -> st.SearchStrategy[float]:
    """Hours in a month, as multiples of 0.5 (which YAML, JSON and TOML keep exactly).

    Args:
        min_value: The fewest hours (at least 0).
        max_value: The most hours (at most 744, a month of 31 days).
    """
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
    """Activities a quarterly report lists (`clac.model.Activity`); an in-country one
    names at least one country.

    Args:
        goals: Policy-goal ids the activity may aim at (it may aim at none).
        members: Member ids that may take part.
    """
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
    """Policies a quarterly report lists (`clac.model.Policy`): an in-country one names
    its country, an organizational one its organization.

    Args:
        goals: Policy-goal ids the policy may aim at.
        organizations: Organization ids a policy may name (`()`: only in-country policies).
    """
    goal_ids, orgs = _goal_refs(goals), _refs(organizations, "organizations")
    return _strategy("policies", lambda draw: _policy(draw, goal_ids, orgs))


def _legislative_advance(draw: st.DrawFn, start: date, end: date) -> LegislativeAdvance:
    criteria: tuple[str, ...] = ()
    outcome = None
    if _flag(draw):
        criteria = tuple(
            draw(st.lists(st.sampled_from(_item_refs()), min_size=1, max_size=2, unique=True))
        )
        outcome = draw(st.none() | st.sampled_from(list(Outcome)))
    return LegislativeAdvance(
        country=_country(draw),
        instrument=_string(draw),
        date=_day(draw, start, end),
        description=_string(draw),
        criteria=criteria,
        outcome=outcome,
        illustrative=_flag(draw),
    )


@functools.cache
def _item_refs() -> tuple[str, ...]:
    """``framework/item`` for every item of clac's own frameworks (never a plugin's)."""
    from clac.frameworks import ICMEC_LEGISLATION, MNR

    return tuple(f"{fw.id}/{item}" for fw in (ICMEC_LEGISLATION, MNR) for item in fw.item_ids)


def _country_assessment(
    draw: st.DrawFn, refs: tuple[str, ...], countries: tuple[str, ...], start: date, end: date
) -> CountryAssessment:
    framework, item = _pick(draw, refs).split("/")
    return CountryAssessment(
        country=_pick(draw, countries),
        framework=framework,
        item=item,
        outcome=_pick(draw, list(Outcome)),
        date=_day(draw, start, end),
        source=_string(draw),
        note=_maybe_string(draw),
        illustrative=_flag(draw),
    )


def country_assessments(
    *,
    frameworks: Sequence[str] | None = None,
    countries: Sequence[str] | None = None,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[CountryAssessment]:
    """Dated assessments of a country against one framework item
    (`clac.model.CountryAssessment`).

    Args:
        frameworks: The framework ids to draw items from (default: clac's own,
            `icmec-legislation` and `mnr`); each must be known to `clac.frameworks.FRAMEWORKS`.
        countries: The ISO codes to draw from (default: Latin America and the Caribbean).
        start: The earliest date drawn.
        end: The latest date drawn.

    Raises:
        InvalidArgument: For an unknown framework id, an empty choice or dates out of order.
    """
    _check_dates(start, end)
    if frameworks is None:
        refs = _item_refs()
    else:
        from clac.frameworks import FRAMEWORKS

        chosen = list(frameworks)
        unknown = [f for f in chosen if f not in FRAMEWORKS]
        if unknown or not chosen:
            raise InvalidArgument(
                f"frameworks={frameworks!r} must name frameworks clac knows ({list(FRAMEWORKS)})"
            )
        refs = tuple(f"{f}/{item}" for f in chosen for item in FRAMEWORKS[f].item_ids)
    codes = LATIN_AMERICA_AND_CARIBBEAN if countries is None else tuple(countries)
    if not codes:
        raise InvalidArgument("countries=() leaves no country to draw")
    return _strategy(
        "country_assessments",
        lambda draw: _country_assessment(draw, refs, codes, start, end),
    )


def _assessments(draw: st.DrawFn, start: date, end: date) -> tuple[CountryAssessment, ...]:
    """A few assessments, never two of one country, item and day (the registry refuses that)."""
    found: dict[tuple[str, str, date], CountryAssessment] = {}
    for _ in range(_int(draw, 0, 4)):
        a = _country_assessment(draw, _item_refs(), LATIN_AMERICA_AND_CARIBBEAN, start, end)
        found.setdefault((a.country, a.ref, a.date), a)
    return tuple(found.values())


def legislative_advances(
    *, start: date = START, end: date = END
) -> st.SearchStrategy[LegislativeAdvance]:
    """Legislative advances a quarterly report lists
    (`clac.model.LegislativeAdvance`).

    Args:
        start: The earliest date drawn.
        end: The latest date drawn.
    """
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
    """Working groups' quarterly reports (`clac.model.QuarterlyReport`), submitted (if at
    all) on or after the day their quarter began, up to 150 days later.

    Args:
        working_groups: Working-group ids the report is by.
        goals: Policy-goal ids its activities and policies may aim at.
        members: Member ids its activities may name.
        organizations: Organization ids its policies may name.
        start: A day of the earliest quarter.
        end: A day of the latest quarter.
        max_items: The most activities, policies and legislative advances (each).
    """
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


# -------------------------------------------------------------------------------- plans


def _number(draw: st.DrawFn) -> float | None:
    return _int(draw, -2000, 2000) / 2 if _flag(draw) else None


def _indicator(draw: st.DrawFn) -> Indicator:
    return Indicator(name=_string(draw), baseline=_number(draw), target=_number(draw))


def indicators() -> st.SearchStrategy[Indicator]:
    """Indicators (`clac.model.Indicator`), baseline and target optional (multiples of
    0.5)."""
    return _strategy("indicators", _indicator)


def _target(draw: st.DrawFn, goals: tuple[str, ...]) -> Target:
    return Target(
        goal=_pick(draw, goals),
        description=_string(draw),
        indicators=_repeat(draw, lambda: _indicator(draw), 2),
    )


def targets(*, goals: Refs = None) -> st.SearchStrategy[Target]:
    """Strategic-plan targets (`clac.model.Target`) for a policy goal, with up to two
    indicators.

    Args:
        goals: Policy-goal ids the target may be for.

    Raises:
        InvalidArgument: When `goals` is empty.
    """
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
    """Strategic plans (`clac.model.StrategicPlan`), often for five years, adopted (if
    the day is known) in the year before they start or their first year.

    Args:
        goals: Policy-goal ids its targets are for (`()`: no targets).
        start: A day of the earliest year it may start in.
        end: A day of the latest year it may start in.
    """
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
    """Actions of an operational plan (`clac.model.PlannedAction`).

    Args:
        goals: Policy-goal ids the action may aim at.
        members: Member ids the action may name.
    """
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
    """Annual operational plans (`clac.model.OperationalPlan`); an assessment always
    has the day it was made, within the plan's year.

    Args:
        goals: Policy-goal ids its actions may aim at.
        members: Member ids its actions may name.
        start: A day of the earliest year.
        end: A day of the latest year.
    """
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
    """A coalition's plans (`clac.model.Plans`): strategic plans that do not overlap and
    operational plans for distinct years.

    Args:
        goals: Policy-goal ids the plans' targets and actions aim at.
        members: Member ids the operational plans' actions may name.
        start: A day of the earliest year a plan may be for.
        end: A day of the latest year a plan may be for.
        max_strategic: The most strategic plans.
        max_operational: The most operational plans.
    """
    _check_dates(start, end)
    _check_size(0, max_strategic, name="strategic")
    _check_size(0, max_operational, name="operational")
    goal_ids, who = _goal_refs(goals), _refs(members, "members")
    return _strategy(
        "plans",
        lambda draw: _plans(draw, goal_ids, who, start, end, max_strategic, max_operational),
    )


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


def _partner(draw: st.DrawFn) -> Partner:
    return Partner(
        id=_identifier(draw),
        name=_text(draw),
        sector=_pick(draw, _OPTIONAL_SECTORS),
        clause=_clause(draw),
        founding=_flag(draw),
        generic=_flag(draw),
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
    """`coalition` declaring its records complete from the first day of `start`'s year: a
    duty is unmet only where the registry says its records are complete (docs/rules.md)."""
    return coalition.evolve(records_since=date(start.year, 1, 1), records_since_by_kind=None)


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
    from clac.reporting import annual_report_due

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
        id=_fresh(draw, taken), name=_text(draw), formed=_day(draw, start, end), consulted=None
    )


def _unconsulted_group(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    coalition, _ = _on(coalition, end)
    group = _new_group(draw, coalition, start, end)
    return coalition.evolve(working_groups=(*coalition.working_groups, group))


def _owed_quarters(coalition: Coalition, start: date, end: date) -> tuple[Quarter, ...]:
    """Quarters from `start`'s (and the charter's first) whose report is overdue on `end`."""
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
    orgs = tuple(o.id for o in coalition.organizations)
    return _quarterly_report(draw, group, quarter, goals, who, orgs)


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
    added = _organization(draw, _fresh(draw, {o.id for o in coalition.organizations}), ())
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
    record = _proposal_record(
        draw,
        _fresh(draw, {p.id for p in coalition.proposals}),
        (member.organization,),
        tuple(o.id for o in coalition.organizations),
        tuple(m.id for m in coalition.meetings),
        tuple(g.id for g in charter.policy_goals),
        tuple(o.id for o in charter.objectives),
        (),
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
    return _add_proposal(draw, coalition, start, end, _steps(draw, _pick(draw, states)), change)


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

    return _add_proposal(draw, coalition, start, end, _steps(draw, _pick(draw, states)), change)


def _returned_bare(draw: st.DrawFn, coalition: Coalition, start: date, end: date) -> Coalition:
    steps = _steps(draw, _S.RETURNED)
    return _add_proposal(draw, coalition, start, end, steps, recommendations=())


def _withdrawn_by_another(
    draw: st.DrawFn, coalition: Coalition, start: date, end: date
) -> Coalition:
    coalition, change = _by_other(draw, coalition, _E.WITHDRAW)
    return _add_proposal(draw, coalition, start, end, _steps(draw, _S.WITHDRAWN), change)


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


# ------------------------------------------------------------------------- registration


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public clac type, so that `st.from_type(Member)` and
    `st.builds()` of classes holding them work. Meant for Hypothesis' `hypothesis` entry
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
        CountryAssessment: country_assessments(),
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
        RecordsSince: records_since_by_kind(),
        Divergence: divergences(),
        Clause: clauses(),
        Objective: objectives(),
        Principle: principles(),
        PolicyGoal: policy_goals(),
        Partner: partners(),
        Requirement: requirements(),
        RoleDefinition: role_definitions(),
        Unit: units(),
        WorkingGroupDefinition: working_group_definitions(),
        Parameters: parameters(),
        Amendment: amendments(),
        Charter: charters(),
        Coalition: coalitions(),
    }
    for cls, strategy in registrations.items():
        st.register_type_strategy(cls, strategy)


# Hypothesis' entry point (clac._hypothesis_hook) skips registration when it runs while this
# module is still loading, so register here once it is complete.
_hypothesis_setup_hook()
