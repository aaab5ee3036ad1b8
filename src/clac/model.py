"""The domain model: organizations, members, meetings, documents, reports, proposals and plans.

Every class is a frozen, slotted attrs class whose validators refuse impossible values at
construction with :class:`~clac.errors.InvalidData` naming the field. References between
objects are ids (an organization's ``id``, a working group's ``id`` …); whether they point at
something is checked by :class:`clac.Coalition`, which holds them all.

Each field documents the charter clause it serves where there is one.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from clac import _validators as v
from clac.charter import Role
from clac.charter._vocabulary import Sector
from clac.countries import expand, is_region, region_countries
from clac.periods import DateValue, Month, Quarter, date_value, is_date_value
from clac.text import Language, Text

__all__ = [
    "TLP",
    "Activity",
    "ActivityScope",
    "ActivityStatus",
    "Commitment",
    "Confidence",
    "Contribution",
    "ContributionKind",
    "CountryAssessment",
    "Document",
    "DocumentKind",
    "Indicator",
    "LegislativeAdvance",
    "Meeting",
    "MeetingKind",
    "MeetingMode",
    "Member",
    "MemberStatus",
    "Minutes",
    "OperationalPlan",
    "Organization",
    "Outcome",
    "Participation",
    "PlannedAction",
    "Plans",
    "Policy",
    "PolicyKind",
    "ProposalEvent",
    "ProposalEventKind",
    "ProposalRecord",
    "ProposalState",
    "QuarterlyReport",
    "Recommendation",
    "RecordKind",
    "RecordsSince",
    "Representative",
    "RepresentativeLevel",
    "RoleAssignment",
    "Scope",
    "StrategicPlan",
    "Subscription",
    "Target",
    "WorkingGroup",
    "inferred_scope",
]


def _tuple_of(validator: v.Validator, *, unique: bool = False) -> Any:
    """An attrs field holding a tuple (lists are accepted and converted)."""
    return attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.each(validator, unique=unique)
    )


def _optional_date_value_field() -> Any:
    """An optional date the user may know only roughly (see :data:`clac.periods.DateValue`)."""
    return attrs.field(
        default=None,
        converter=lambda value: None if value is None else date_value(value),
        validator=v.optional(is_date_value),
    )


def _enum_field(enum_cls: type[enum.Enum], **kwargs: Any) -> Any:
    return attrs.field(converter=v.to_enum(enum_cls), validator=v.member_of(enum_cls), **kwargs)


# --------------------------------------------------------------------------- organizations


def _to_sectors(value: Any) -> Any:
    """One sector or a list of sectors (given as enum members or their values) as a tuple."""
    convert = v.to_enum(Sector)
    if isinstance(value, list | tuple):
        return tuple(convert(item) for item in value)
    return (convert(value),)


_SECTOR_CHOICES = ", ".join(repr(s.value) for s in Sector)


def _one_or_more_sectors(_i: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    # Errors name the file's key, ``sector`` (``sector[1]`` for the second of a list).
    if not value:
        v.fail("sector", [], "names at least one sector")
    for index, item in enumerate(value):
        path = "sector" if len(value) == 1 else f"sector[{index}]"
        if not isinstance(item, Sector):
            v.fail(path, item, f"is not one of {_SECTOR_CHOICES}")
        if item in value[:index]:
            v.fail(path, item.value, "appears twice")


v.with_schema(
    _one_or_more_sectors,
    lambda: {
        "anyOf": [
            {"type": "string", "enum": [s.value for s in Sector]},
            {
                "type": "array",
                "items": {"type": "string", "enum": [s.value for s in Sector]},
                "minItems": 1,
                "uniqueItems": True,
            },
        ],
        "description": "one sector, or a list of sectors whose first is the primary one",
    },
)


class Scope(enum.StrEnum):
    """Where an organization works."""

    NATIONAL = "national"
    REGIONAL = "regional"
    GLOBAL = "global"


def _optional_scope(value: Any) -> Any:
    """A :class:`Scope` given as the member or its value; None (not recorded) kept."""
    return None if value is None else v.to_enum(Scope)(value)


def inferred_scope(countries: tuple[str, ...]) -> Scope | None:
    """The scope ``countries`` imply when an organization does not record one: one country,
    national; a region (``LAC``) or several countries all of Latin America and the Caribbean,
    regional; several beyond it, global; none, None (unknown)."""
    if not countries:
        return None
    if len(countries) == 1 and not is_region(countries[0]):
        return Scope.NATIONAL
    region = set(region_countries(include_territories=True))
    if all(is_region(code) or code in region for code in countries):
        return Scope.REGIONAL
    return Scope.GLOBAL


@attrs.frozen(slots=True)
class Organization:
    """An institution that is, was, or may become a member (membership is institutional).

    ``partner`` links it to a founding or expected partner of the charter's Proposed Structure,
    by the charter's partner id (e.g. ``"icmec"``), where it is one.

    ``countries`` are ISO 3166-1 codes, or a region's id for a regional organization working in
    all of it (``countries: [LAC]``, see :attr:`where`).

    ``scope`` is where it works as the registry records it; left out, it is read from
    ``countries`` and marked so (:attr:`effective_scope`, :attr:`scope_inferred`): one
    country is national, several regional or global, none unknown — never silently national.

    An organization may work in several sectors: ``sector`` is given one sector or a list of
    them, the first its primary sector (SaferNet Brasil runs a hotline *and* is an NGO:
    ``sector=[Sector.HOTLINE, Sector.NGO]``). :attr:`sectors` holds them all, :attr:`sector`
    the primary one; coverage, thin spots, the network's sector ties and the MNR mapping count
    every sector.
    """

    id: str = attrs.field(validator=v.slug)
    name: str = attrs.field(validator=v.text)
    sectors: tuple[Sector, ...] = attrs.field(
        alias="sector", converter=_to_sectors, validator=_one_or_more_sectors
    )
    countries: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=v.to_upper_tuple,
        validator=v.each(v.country_or_region, unique=True),
    )
    scope: Scope | None = attrs.field(
        default=None,
        converter=_optional_scope,
        validator=v.optional(v.member_of(Scope)),
    )
    partner: str | None = attrs.field(default=None, validator=v.optional(v.slug))

    @property
    def effective_scope(self) -> Scope | None:
        """Where the organization works: its recorded ``scope``, else read from its
        ``countries`` — one country: national; a region, or several countries all of Latin
        America and the Caribbean: regional; several beyond it: global — else None, unknown
        (it names no country). Coverage, thin spots and the network read this one.

        >>> Organization(id="x", name="X", sector="hotline", countries=["BR"]).effective_scope
        <Scope.NATIONAL: 'national'>
        >>> Organization(id="y", name="Y", sector="ngo", countries=["AR", "CL"]).effective_scope
        <Scope.REGIONAL: 'regional'>
        >>> Organization(id="z", name="Z", sector="private-sector").effective_scope is None
        True
        """
        if self.scope is not None:
            return self.scope
        return inferred_scope(self.countries)

    @property
    def scope_inferred(self) -> bool:
        """Whether :attr:`effective_scope` is read from ``countries`` (``scope`` not recorded)."""
        return self.scope is None and self.effective_scope is not None

    @property
    def sector(self) -> Sector:
        """The primary sector (the first one given)."""
        return self.sectors[0]

    def in_sector(self, sector: Sector) -> bool:
        """Whether ``sector`` is one of the organization's sectors."""
        return sector in self.sectors

    @property
    def where(self) -> tuple[str, ...]:
        """The countries the organization works in, a region (``LAC``) standing for every
        country of it, dependent territories included."""
        return expand(self.countries)

    def __attrs_post_init__(self) -> None:
        regions = [code for code in self.countries if is_region(code)]
        if self.scope is Scope.NATIONAL and regions:
            v.fail("countries", list(self.countries), "a national organization names its country")
        if self.scope is Scope.NATIONAL and len(self.countries) != 1:
            v.fail(
                "countries",
                list(self.countries),
                "a national organization works in exactly one country",
            )


# ------------------------------------------------------------------------------- members


class MemberStatus(enum.StrEnum):
    """Whether a member takes part today."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    WITHDRAWN = "withdrawn"


class RepresentativeLevel(enum.IntEnum):
    """A representative's level in their organization (the Spanish text asks for middle or up)."""

    JUNIOR = 1
    MIDDLE = 2
    SENIOR = 3
    EXECUTIVE = 4

    @property
    def label(self) -> Text:
        """The level's name."""
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RepresentativeLevel.JUNIOR: Text("junior", "inicial", pt="júnior"),
    RepresentativeLevel.MIDDLE: Text("middle", "medio", pt="médio"),
    RepresentativeLevel.SENIOR: Text("senior", "superior", pt="sênior"),
    RepresentativeLevel.EXECUTIVE: Text("executive", "directivo", pt="executivo"),
}


def _to_level(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool | RepresentativeLevel):
        try:
            return RepresentativeLevel(value)
        except ValueError:
            return value
    if isinstance(value, str):
        try:
            return RepresentativeLevel[value.upper()]
        except KeyError:
            return value
    return value


@attrs.frozen(slots=True)
class Representative:
    """A person an institutional member designates (Membership: 'designate at least one
    representative'). ``name`` and ``email`` are personal data: exports redact them.
    """

    name: str = attrs.field(validator=v.text)
    position: str = attrs.field(validator=v.text)
    level: RepresentativeLevel = attrs.field(
        converter=_to_level, validator=v.member_of(RepresentativeLevel)
    )
    email: str | None = attrs.field(default=None, validator=v.optional(v.email))


@attrs.frozen(slots=True)
class Subscription:
    """A member's written subscription to the charter (Membership: 'in writing')."""

    signed: DateValue = attrs.field(converter=date_value, validator=is_date_value)
    document: str | None = attrs.field(default=None, validator=v.optional(v.slug))


class ContributionKind(enum.StrEnum):
    """What a member brought: the charter welcomes all of these and requires none."""

    FINANCIAL = "financial"
    IN_KIND = "in-kind"
    SOURCE_IDENTIFIED = "source-identified"


@attrs.frozen(slots=True)
class Contribution:
    """Support a member gave or found for CLAC's work (never a condition of membership)."""

    date: DateValue = attrs.field(converter=date_value, validator=is_date_value)
    kind: ContributionKind = _enum_field(ContributionKind)
    description: str = attrs.field(validator=v.text)  # type: ignore[misc]


@attrs.frozen(slots=True)
class Commitment:
    """A member's specific action toward a policy goal, with its target and indicators
    (Policy Goals: members 'shall indicate what specific action they intend to take').
    """

    goal: str = attrs.field(validator=v.policy_goal_id)
    action: str = attrs.field(validator=v.text)
    target: str = attrs.field(validator=v.text)
    indicators: tuple[str, ...] = _tuple_of(v.text)
    made: DateValue | None = _optional_date_value_field()


@attrs.frozen(slots=True)
class Member:
    """An organization's membership of CLAC, keyed by the organization's id.

    ``joined`` is the day it joined: a date, a month or a year when only that is known, or
    ``None`` when the registry does not know (the founding members' day is not public).

    The member's own facts — its track record, representatives, working groups, commitments,
    written subscription and listing in materials — are unknown until the registry says the
    entry is complete: ``record_complete`` is the day from which the entry holds every one of
    them (or ``records_since_by_kind: {members: …}`` says so of every member). Before that
    day, or without it, an empty list is "not recorded", never "none".

    ``listed_in_materials`` is three-valued: ``True`` or ``False`` when the registry records
    whether the member lists itself as a CLAC member in its materials, ``None`` (the default)
    when it does not know.
    """

    organization: str = attrs.field(validator=v.slug)
    joined: DateValue | None = _optional_date_value_field()
    status: MemberStatus = _enum_field(MemberStatus, default=MemberStatus.ACTIVE)
    left: DateValue | None = _optional_date_value_field()
    charter_subscription: Subscription | None = attrs.field(
        default=None, validator=v.optional(v.instance(Subscription, "a written subscription"))
    )
    listed_in_materials: bool | None = attrs.field(default=None, validator=v.optional(v.boolean))
    track_record: tuple[str, ...] = _tuple_of(v.text)
    representatives: tuple[Representative, ...] = _tuple_of(
        v.instance(Representative, "a representative")
    )
    working_groups: tuple[str, ...] = _tuple_of(v.slug, unique=True)
    commitments: tuple[Commitment, ...] = _tuple_of(v.instance(Commitment, "a commitment"))
    contributions: tuple[Contribution, ...] = _tuple_of(v.instance(Contribution, "a contribution"))
    referred_by: str | None = attrs.field(default=None, validator=v.optional(v.slug))
    record_complete: date | None = attrs.field(default=None, validator=v.optional(v.a_date))

    def __attrs_post_init__(self) -> None:
        if self.status is MemberStatus.WITHDRAWN and self.left is None:
            v.missing("left", "a withdrawn member needs the date it left")
        if self.left is not None and self.joined is not None and self.left < self.joined:
            v.fail("left", self.left, f"is before the member joined ({self.joined})")
        if self.referred_by == self.organization:
            v.fail("referred_by", self.referred_by, "a member cannot refer itself")

    @property
    def id(self) -> str:
        """A member is identified by its organization."""
        return self.organization

    def is_member_on(self, day: date) -> bool:
        """Whether the organization was a member on ``day`` (joined, and not yet left).

        An approximate ``joined`` or ``left`` counts conservatively: a member that joined in
        "2016" is certainly a member from 2017-01-01; on 2016-06-01 it is not counted (whether
        it was a member then is not known, see :class:`~clac.periods.ApproximateDate`). A
        member whose joining day is not known counts as a member until it leaves: the registry
        lists it, and when it joined is left to the rules that need it.
        """
        if self.joined is not None and not self.joined <= day:
            return False
        return self.left is None or day < self.left

    def record_complete_on(self, day: date, *, every_member: date | None = None) -> bool:
        """Whether the member's own facts are complete on ``day``: its ``record_complete`` (or
        ``every_member``, the registry's ``records_since_by_kind.members``) is on or before
        it."""
        since = [d for d in (self.record_complete, every_member) if d is not None]
        return bool(since) and min(since) <= day

    def is_active_on(self, day: date) -> bool:
        """A member on ``day`` whose status is active."""
        return self.status is MemberStatus.ACTIVE and self.is_member_on(day)


@attrs.frozen(slots=True)
class RoleAssignment:
    """Who holds a charter role (Secretariat, Chair, Steering Committee) and since when.

    ``unit`` names the part of the organization, e.g. ``"ICMEC LAC"`` for the Chair.
    """

    role: str = attrs.field(validator=v.slug)
    organization: str = attrs.field(validator=v.slug)
    since: date = attrs.field(validator=v.a_date)
    until: date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    unit: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.role not in {r.value for r in Role}:
            v.fail("role", self.role, f"is not a charter role ({', '.join(r for r in Role)})")
        if self.until is not None and self.until < self.since:
            v.fail("until", self.until, f"is before the role began ({self.since})")

    def holds_on(self, day: date) -> bool:
        """Whether the assignment is in force on ``day``."""
        return self.since <= day and (self.until is None or day < self.until)


# ---------------------------------------------------------------- working groups, meetings


@attrs.frozen(slots=True)
class WorkingGroup:
    """A working group of the coalition (Structure and Governance: the current Working Groups;
    'future working groups may be formed in consultation with active CLAC Members').
    ``consulted`` is the date active members were consulted on forming it.
    """

    id: str = attrs.field(validator=v.slug)
    name: Text = attrs.field(validator=v.instance(Text, "bilingual text (en and es)"))
    formed: DateValue = attrs.field(converter=date_value, validator=is_date_value)
    consulted: DateValue | None = _optional_date_value_field()

    def __attrs_post_init__(self) -> None:
        if self.consulted is not None and self.consulted > self.formed:
            v.fail("consulted", self.consulted, f"is after the group was formed ({self.formed})")


class MeetingKind(enum.StrEnum):
    """What a meeting is, as the charter names them."""

    ANNUAL = "annual"
    REGIONAL = "regional"
    WORKING_GROUP = "working-group"
    STEERING_COMMITTEE = "steering-committee"


class MeetingMode(enum.StrEnum):
    """'in person (upon funding availability) or via teleconference'."""

    IN_PERSON = "in-person"
    TELECONFERENCE = "teleconference"


@attrs.frozen(slots=True)
class Minutes:
    """A meeting's minutes: the shared-folder document and when the Secretariat circulated it."""

    document: str | None = attrs.field(default=None, validator=v.optional(v.slug))
    circulated: date | None = attrs.field(default=None, validator=v.optional(v.a_date))


@attrs.frozen(slots=True)
class Meeting:
    """A CLAC meeting. Attendees are member organizations (membership is institutional)."""

    id: str = attrs.field(validator=v.slug)
    date: date = attrs.field(validator=v.a_date)
    kind: MeetingKind = _enum_field(MeetingKind)
    mode: MeetingMode = _enum_field(MeetingMode)
    organizer: str = attrs.field(validator=v.slug)  # type: ignore[misc]
    attendees: tuple[str, ...] = _tuple_of(v.slug, unique=True)
    working_group: str | None = attrs.field(default=None, validator=v.optional(v.slug))
    minutes: Minutes | None = attrs.field(
        default=None, validator=v.optional(v.instance(Minutes, "minutes"))
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is MeetingKind.WORKING_GROUP and self.working_group is None:
            v.missing("working_group", "a working-group meeting names its working group")
        circulated = None if self.minutes is None else self.minutes.circulated
        if circulated is not None and circulated < self.date:
            v.fail(
                "minutes.circulated", circulated, f"is before the meeting took place ({self.date})"
            )


@attrs.frozen(slots=True, order=True)
class Participation:
    """Hours a member's representatives gave CLAC in one month (Membership: '4-7 hours per
    month')."""

    member: str = attrs.field(validator=v.slug)
    month: Month = attrs.field(converter=Month.parse, validator=v.instance(Month, "a month"))  # type: ignore[misc]
    hours: float = attrs.field(validator=v.number(minimum=0, maximum=744))


# ----------------------------------------------------------------------------- documents


class TLP(enum.StrEnum):
    """Traffic Light Protocol 2.0 labels (FIRST), from most to least shareable."""

    CLEAR = "CLEAR"
    GREEN = "GREEN"
    AMBER = "AMBER"
    AMBER_STRICT = "AMBER+STRICT"
    RED = "RED"


class DocumentKind(enum.StrEnum):
    """Documents and materials the Secretariat compiles in the shared folder."""

    MINUTES = "minutes"
    QUARTERLY_REPORT = "quarterly-report"
    ANNUAL_REPORT = "annual-report"
    BEST_PRACTICE = "best-practice"
    GUIDELINE = "guideline"
    PROTOCOL = "protocol"
    PLAN = "plan"
    SUBSCRIPTION = "subscription"
    OTHER = "other"


@attrs.frozen(slots=True)
class Document:
    """A document of the shared folder, with its TLP 2.0 label. ``recipients`` names the
    organizations a TLP:RED document was given to."""

    id: str = attrs.field(validator=v.slug)
    title: str = attrs.field(validator=v.text)
    kind: DocumentKind = _enum_field(DocumentKind)
    language: Language = _enum_field(Language)
    classification: TLP = _enum_field(TLP)
    date: date = attrs.field(validator=v.a_date)  # type: ignore[misc]
    authors: tuple[str, ...] = _tuple_of(v.slug, unique=True)
    recipients: tuple[str, ...] = _tuple_of(v.slug, unique=True)
    year: int | None = attrs.field(
        default=None, validator=v.optional(v.integer(minimum=1900, maximum=2999))
    )


# ---------------------------------------------------------------------- quarterly reports


class ActivityScope(enum.StrEnum):
    """Reporting, item 3: 'in country or regional'."""

    IN_COUNTRY = "in-country"
    REGIONAL = "regional"


class ActivityStatus(enum.StrEnum):
    """Reporting, item 3: 'implemented or planned'."""

    IMPLEMENTED = "implemented"
    PLANNED = "planned"


@attrs.frozen(slots=True)
class Activity:
    """An activity aimed at achieving a policy goal for the period."""

    description: str = attrs.field(validator=v.text)
    scope: ActivityScope = _enum_field(ActivityScope)
    status: ActivityStatus = _enum_field(ActivityStatus)
    goals: tuple[str, ...] = _tuple_of(v.policy_goal_id, unique=True)
    countries: tuple[str, ...] = attrs.field(
        factory=tuple, converter=v.to_upper_tuple, validator=v.each(v.country, unique=True)
    )
    members: tuple[str, ...] = _tuple_of(v.slug, unique=True)

    def __attrs_post_init__(self) -> None:
        if self.scope is ActivityScope.IN_COUNTRY and not self.countries:
            v.missing("countries", "an in-country activity names its country")


class PolicyKind(enum.StrEnum):
    """Reporting, item 4: 'organizational or in-country'."""

    ORGANIZATIONAL = "organizational"
    IN_COUNTRY = "in-country"


@attrs.frozen(slots=True)
class Policy:
    """A policy developed with the aim of achieving a policy goal for the period."""

    description: str = attrs.field(validator=v.text)
    kind: PolicyKind = _enum_field(PolicyKind)
    goals: tuple[str, ...] = _tuple_of(v.policy_goal_id, unique=True)
    country: str | None = attrs.field(
        default=None, converter=v.to_upper, validator=v.optional(v.country)
    )
    organization: str | None = attrs.field(default=None, validator=v.optional(v.slug))

    def __attrs_post_init__(self) -> None:
        if self.kind is PolicyKind.IN_COUNTRY and self.country is None:
            v.missing("country", "an in-country policy names its country")
        if self.kind is PolicyKind.ORGANIZATIONAL and self.organization is None:
            v.missing("organization", "an organizational policy names its organization")


class Outcome(enum.StrEnum):
    """How far a country meets one item of a framework (a criterion or a capability)."""

    MET = "met"
    PARTLY_MET = "partly-met"
    NOT_MET = "not-met"
    UNKNOWN = "unknown"

    @property
    def label(self) -> Text:
        """The outcome in English, Spanish and Portuguese."""
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.MET: Text("met", "cumple", pt="cumpre"),
    Outcome.PARTLY_MET: Text("partly met", "cumple en parte", pt="cumpre em parte"),
    Outcome.NOT_MET: Text("not met", "no cumple", pt="não cumpre"),
    Outcome.UNKNOWN: Text("unknown", "sin datos", pt="sem dados"),
}


class Confidence(enum.StrEnum):
    """How sure the source of an assessment is: a treaty collection is ``high``, a news report
    ``low``; ``medium-high`` sits between ``high`` and ``medium`` (a source that says so, or an
    official secondary copy of a depositary's record)."""

    HIGH = "high"
    MEDIUM_HIGH = "medium-high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> Text:
        """The confidence in English, Spanish and Portuguese."""
        return _CONFIDENCE_LABELS[self]


_CONFIDENCE_LABELS = {
    Confidence.HIGH: Text("high", "alta", pt="alta"),
    Confidence.MEDIUM_HIGH: Text("medium-high", "media-alta", pt="média-alta"),
    Confidence.MEDIUM: Text("medium", "media", pt="média"),
    Confidence.LOW: Text("low", "baja", pt="baixa"),
}


def _to_confidence(value: Any) -> Any:
    return None if value is None else v.to_enum(Confidence)(value)


def _to_outcome(value: Any) -> Any:
    return v.to_enum(Outcome)(value)


def _to_optional_outcome(value: Any) -> Any:
    return None if value is None else _to_outcome(value)


@attrs.frozen(slots=True)
class CountryAssessment:
    """A dated judgement of one country against one item of a framework, with its source.

    Policy Goals, item 2 (PG-1): "jointly identifying regional gaps, challenges and trends".
    The latest assessment on or before a day is the country's standing that day
    (:mod:`clac.frameworks`).
    ``illustrative`` marks made-up assessments (the demo's): every output that uses one says so.
    ``date`` may be known only to the year or month (``2013``), and may predate the coalition
    (a treaty ratified in 2013); ``confidence`` says how sure ``source`` is.
    """

    country: str = attrs.field(converter=v.to_upper, validator=v.country)
    framework: str = attrs.field(validator=v.slug)
    item: str = attrs.field(validator=v.slug)
    outcome: Outcome = attrs.field(converter=_to_outcome, validator=v.member_of(Outcome))
    date: DateValue = attrs.field(converter=date_value, validator=is_date_value)
    source: str = attrs.field(validator=v.text)
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))
    illustrative: bool = attrs.field(default=False, validator=v.boolean)
    confidence: Confidence | None = attrs.field(
        default=None, converter=_to_confidence, validator=v.optional(v.member_of(Confidence))
    )

    @property
    def ref(self) -> str:
        """The item as ``framework/item``."""
        return f"{self.framework}/{self.item}"


@attrs.frozen(slots=True)
class LegislativeAdvance:
    """Reporting, item 5: an advance in legislative reform on combating online sexual abuse.

    An advance may cite the framework items it moves (``criteria``, e.g.
    ``'icmec-legislation/possession'``); with an ``outcome`` it also *assesses* them: from its
    date the country stands at that outcome for each cited item, as if a
    :class:`CountryAssessment` had been entered (see :mod:`clac.frameworks`). ``illustrative``
    marks made-up advances (the demo's), as on an assessment.
    """

    country: str = attrs.field(converter=v.to_upper, validator=v.country)
    instrument: str = attrs.field(validator=v.text)
    date: DateValue = attrs.field(converter=date_value, validator=is_date_value)
    description: str = attrs.field(validator=v.text)
    criteria: tuple[str, ...] = _tuple_of(v.item_ref, unique=True)
    outcome: Outcome | None = attrs.field(
        default=None,
        converter=_to_optional_outcome,
        validator=v.optional(v.member_of(Outcome)),
    )
    illustrative: bool = attrs.field(default=False, validator=v.boolean)

    def __attrs_post_init__(self) -> None:
        if self.outcome is not None and not self.criteria:
            v.missing("criteria", "an advance with an outcome names the criteria it assesses")


@attrs.frozen(slots=True)
class QuarterlyReport:
    """A working group's brief quarterly report to the Secretariat, with its three sections."""

    working_group: str = attrs.field(validator=v.slug)
    year: int = attrs.field(validator=v.integer(minimum=1900, maximum=2999))
    quarter: int = attrs.field(validator=v.integer(minimum=1, maximum=4))
    submitted: date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    activities: tuple[Activity, ...] = _tuple_of(v.instance(Activity, "an activity"))
    policies: tuple[Policy, ...] = _tuple_of(v.instance(Policy, "a policy"))
    legislative_advances: tuple[LegislativeAdvance, ...] = _tuple_of(
        v.instance(LegislativeAdvance, "a legislative advance")
    )

    def __attrs_post_init__(self) -> None:
        period = Quarter(self.year, self.quarter)
        if self.submitted is not None and self.submitted < period.first_day:
            v.fail("submitted", self.submitted, f"is before the quarter {period} began")

    @property
    def period(self) -> Any:
        """The :class:`~clac.periods.Quarter` the report covers."""
        return Quarter(self.year, self.quarter)


# ------------------------------------------------------------------------ record horizons


class RecordKind(enum.StrEnum):
    """The kinds of records a registry keeps, each of which may begin on its own day."""

    MEMBERS = "members"
    MEETINGS = "meetings"
    REPORTS = "reports"
    HOURS = "hours"
    PLANS = "plans"
    DOCUMENTS = "documents"


@attrs.frozen(slots=True)
class RecordsSince:
    """Per kind of record, the day from which a registry's records of that kind are complete.

    A registry's ``records_since_by_kind``: each dated kind left out (meetings, reports, hours,
    plans, documents) falls back to the registry's ``records_since``; ``hours`` is the monthly
    participation, ``documents`` the shared folder (annual reports among them). ``members``
    never falls back: ``records_since`` covers dated events, not what a member's own entry
    records (subscription, listing in materials, representatives, track record, working
    groups, commitments), which is complete only from ``members`` here or from a member's own
    ``record_complete``. A key, when given, is a day (a file's ``null`` is refused: leave the
    key out instead).
    """

    members: date | None = attrs.field(
        default=None, validator=v.optional(v.a_date), metadata={"null": False}
    )
    meetings: date | None = attrs.field(
        default=None, validator=v.optional(v.a_date), metadata={"null": False}
    )
    reports: date | None = attrs.field(
        default=None, validator=v.optional(v.a_date), metadata={"null": False}
    )
    hours: date | None = attrs.field(
        default=None, validator=v.optional(v.a_date), metadata={"null": False}
    )
    plans: date | None = attrs.field(
        default=None, validator=v.optional(v.a_date), metadata={"null": False}
    )
    documents: date | None = attrs.field(
        default=None, validator=v.optional(v.a_date), metadata={"null": False}
    )

    def get(self, kind: RecordKind | str) -> date | None:
        """The day ``kind``'s records begin, if this mapping says."""
        try:
            name = RecordKind(kind).value
        except ValueError:
            v.fail("kind", kind, f"is not a kind of record ({', '.join(RecordKind)})")
        value: date | None = getattr(self, name)
        return value


# ---------------------------------------------------------------------------- proposals


class ProposalState(enum.StrEnum):
    """Where a project proposal is in its life (Structure and Governance: proposals)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    SHARED = "shared"
    SCHEDULED = "scheduled"
    DISCUSSED = "discussed"
    APPROVED = "approved"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"

    @property
    def is_final(self) -> bool:
        """Approved and withdrawn proposals move no further."""
        return self in {ProposalState.APPROVED, ProposalState.WITHDRAWN}


class ProposalEventKind(enum.StrEnum):
    """The charter's verbs for what happens to a proposal."""

    SUBMIT = "submit"
    SHARE = "share"
    SCHEDULE = "schedule"
    DISCUSS = "discuss"
    APPROVE = "approve"
    RETURN_WITH_RECOMMENDATIONS = "return-with-recommendations"
    REVISE = "revise"
    WITHDRAW = "withdraw"


@attrs.frozen(slots=True)
class ProposalEvent:
    """One step of a proposal's history: immutable once recorded."""

    event: ProposalEventKind = _enum_field(ProposalEventKind)
    source: ProposalState = _enum_field(ProposalState)
    target: ProposalState = _enum_field(ProposalState)
    date: date = attrs.field(validator=v.a_date)  # type: ignore[misc]
    actor: str = attrs.field(validator=v.slug)  # type: ignore[misc]
    meeting: str | None = attrs.field(default=None, validator=v.optional(v.slug))
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))


@attrs.frozen(slots=True)
class Recommendation:
    """A recommendation for improvement 'based on CLAC's objectives', tied to an objective or
    a policy goal."""

    text: str = attrs.field(validator=v.text)
    objective: str | None = attrs.field(default=None, validator=v.optional(v.objective_id))
    goal: str | None = attrs.field(default=None, validator=v.optional(v.policy_goal_id))

    def __attrs_post_init__(self) -> None:
        if self.objective is None and self.goal is None:
            v.missing("objective", "a recommendation is tied to a CLAC objective or goal")


@attrs.frozen(slots=True)
class ProposalRecord:
    """A project proposal as the registry stores it: its state and full history."""

    id: str = attrs.field(validator=v.slug)
    title: str = attrs.field(validator=v.text)
    proposer: str = attrs.field(validator=v.slug)
    goals: tuple[str, ...] = _tuple_of(v.policy_goal_id, unique=True)
    state: ProposalState = _enum_field(ProposalState, default=ProposalState.DRAFT)
    history: tuple[ProposalEvent, ...] = _tuple_of(v.instance(ProposalEvent, "a proposal event"))
    recommendations: tuple[Recommendation, ...] = _tuple_of(
        v.instance(Recommendation, "a recommendation")
    )

    def __attrs_post_init__(self) -> None:
        previous = ProposalState.DRAFT
        last_date: date | None = None
        for index, event in enumerate(self.history):
            if event.source is not previous:
                v.fail(
                    f"history[{index}].source",
                    event.source.value,
                    f"does not follow from the previous state {previous.value!r}",
                )
            if last_date is not None and event.date < last_date:
                v.fail(f"history[{index}].date", event.date, "is before the previous event")
            previous, last_date = event.target, event.date
        if previous is not self.state:
            v.fail(
                "state",
                self.state.value,
                f"does not match the history, which ends in {previous.value!r}",
            )


# -------------------------------------------------------------------------------- plans


@attrs.frozen(slots=True)
class Indicator:
    """A measurable indicator of progress toward a target."""

    name: str = attrs.field(validator=v.text)
    baseline: float | None = attrs.field(default=None, validator=v.optional(v.number()))
    target: float | None = attrs.field(default=None, validator=v.optional(v.number()))


@attrs.frozen(slots=True)
class Target:
    """A strategic-plan target for a policy goal, with its indicators."""

    goal: str = attrs.field(validator=v.policy_goal_id)
    description: str = attrs.field(validator=v.text)
    indicators: tuple[Indicator, ...] = _tuple_of(v.instance(Indicator, "an indicator"))


@attrs.frozen(slots=True)
class StrategicPlan:
    """Goals and objectives 'for the next five years' (Structure and Governance)."""

    start_year: int = attrs.field(validator=v.integer(minimum=1900, maximum=2999))
    years: int = attrs.field(default=5, validator=v.integer(minimum=1, maximum=20))
    targets: tuple[Target, ...] = _tuple_of(v.instance(Target, "a target"))
    adopted: date | None = attrs.field(default=None, validator=v.optional(v.a_date))

    @property
    def end_year(self) -> int:
        """The last year the plan covers."""
        return self.start_year + self.years - 1

    def covers(self, year: int) -> bool:
        """Whether ``year`` is one of the plan's years."""
        return self.start_year <= year <= self.end_year


@attrs.frozen(slots=True)
class PlannedAction:
    """An action of an annual operational plan."""

    description: str = attrs.field(validator=v.text)
    goals: tuple[str, ...] = _tuple_of(v.policy_goal_id, unique=True)
    members: tuple[str, ...] = _tuple_of(v.slug, unique=True)


@attrs.frozen(slots=True)
class OperationalPlan:
    """An annual operational plan, 'assessed annually to accommodate necessary adjustments'."""

    year: int = attrs.field(validator=v.integer(minimum=1900, maximum=2999))
    actions: tuple[PlannedAction, ...] = _tuple_of(v.instance(PlannedAction, "a planned action"))
    assessed: date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    assessment: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.assessment is not None and self.assessed is None:
            v.missing("assessed", "an assessment needs the date it was made")


@attrs.frozen(slots=True)
class Plans:
    """The strategic plans (one per five-year period) and the annual operational plans."""

    strategic: tuple[StrategicPlan, ...] = _tuple_of(v.instance(StrategicPlan, "a strategic plan"))
    operational: tuple[OperationalPlan, ...] = _tuple_of(
        v.instance(OperationalPlan, "an operational plan")
    )

    def __attrs_post_init__(self) -> None:
        years = [p.year for p in self.operational]
        for index, year in enumerate(years):
            if year in years[:index]:
                v.fail(f"operational[{index}].year", year, "already has an operational plan")
        for index, plan in enumerate(self.strategic):
            for other in self.strategic[:index]:
                if plan.start_year <= other.end_year and other.start_year <= plan.end_year:
                    v.fail(
                        f"strategic[{index}].start_year",
                        plan.start_year,
                        f"overlaps the plan for {other.start_year}-{other.end_year}",
                    )

    def strategic_plan_for(self, year: int) -> StrategicPlan | None:
        """The strategic plan covering ``year``, if any."""
        return next((p for p in self.strategic if p.covers(year)), None)

    def operational_plan_for(self, year: int) -> OperationalPlan | None:
        """The operational plan of ``year``, if any."""
        return next((p for p in self.operational if p.year == year), None)
