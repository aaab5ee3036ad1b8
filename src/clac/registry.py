"""The registry: :class:`Coalition`, the aggregate root that holds everything under a charter.

A Coalition is immutable. Constructing one checks every cross-reference (an attendee that is not a
member, a report for a working group that does not exist …) and reports every problem at once in
one :class:`~clac.errors.CrossReferenceError`. Lookups by id raise
:class:`~clac.errors.UnknownReference` naming the id.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

import attrs

from clac import _validators as v
from clac._compact import Printer, changed_fields, compact
from clac.charter import BASE_DOCUMENT, Charter
from clac.errors import CrossReferenceError, Problem, UnknownReference
from clac.model import (
    CountryAssessment,
    Document,
    Meeting,
    Member,
    Organization,
    Participation,
    Plans,
    ProposalRecord,
    QuarterlyReport,
    RecordKind,
    RecordsSince,
    RoleAssignment,
    WorkingGroup,
)
from clac.periods import DateValue
from clac.survey import SurveyAnswer
from clac.text import Text

__all__ = ["Coalition", "default_working_groups"]

T = TypeVar("T")


def _default_charter() -> Charter:
    return BASE_DOCUMENT


def _is_charter(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Charter):
        v.fail(attribute, value, "must be a clac Charter (e.g. clac.BASE_DOCUMENT)")


def default_working_groups(charter: Charter) -> tuple[WorkingGroup, ...]:
    """The working groups ``charter`` itself creates, as a registry holds them by default.

    The Base Document lists its four groups as "current" on the day it took effect, so each
    exists from that day unless the registry records its own formation date; a group an
    amendment adds exists from the amendment's date (or the date the amendment gives).
    """
    added: dict[str, date] = {}
    for version in charter.history:
        for definition in version.working_groups:
            added.setdefault(definition.id, version.effective)
    return tuple(
        WorkingGroup(id=d.id, name=d.name, formed=d.formed or added[d.id])
        for d in charter.working_groups
    )


def _field(cls: type[Any], what: str) -> Any:
    return attrs.field(factory=tuple, converter=v.to_tuple, validator=v.each(v.instance(cls, what)))


@attrs.frozen(slots=True, repr=False)
class Coalition:
    """A coalition registry under one charter.

    >>> import clac
    >>> Coalition(name="Empty").members
    ()
    """

    name: str = attrs.field(validator=v.text)
    charter: Charter = attrs.field(factory=_default_charter, validator=_is_charter)
    records_since: date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    records_since_by_kind: RecordsSince | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(RecordsSince, "the days each kind of record begins")),
    )
    organizations: tuple[Organization, ...] = _field(Organization, "an organization")
    members: tuple[Member, ...] = _field(Member, "a member")
    working_groups: tuple[WorkingGroup, ...] = _field(WorkingGroup, "a working group")
    meetings: tuple[Meeting, ...] = _field(Meeting, "a meeting")
    participation: tuple[Participation, ...] = _field(Participation, "a participation record")
    documents: tuple[Document, ...] = _field(Document, "a document")
    reports: tuple[QuarterlyReport, ...] = _field(QuarterlyReport, "a quarterly report")
    proposals: tuple[ProposalRecord, ...] = _field(ProposalRecord, "a proposal")
    plans: Plans = attrs.field(factory=Plans, validator=v.instance(Plans, "plans"))
    roles: tuple[RoleAssignment, ...] = _field(RoleAssignment, "a role assignment")
    assessments: tuple[CountryAssessment, ...] = _field(CountryAssessment, "a country assessment")
    survey: tuple[SurveyAnswer, ...] = _field(SurveyAnswer, "a survey answer")

    def __attrs_post_init__(self) -> None:
        declared = {w.id for w in self.working_groups}
        defaults = tuple(w for w in default_working_groups(self.charter) if w.id not in declared)
        if defaults:  # the charter's own groups exist without being declared
            object.__setattr__(self, "working_groups", (*self.working_groups, *defaults))
        problems = list(_cross_reference_problems(self))
        if problems:
            raise CrossReferenceError(problems=problems)

    @functools.cached_property
    def _index(self) -> _Index:
        # A Coalition is frozen, so an index built on first lookup stays right.
        return _build_index(self)

    # ------------------------------------------------------------------ lookups

    def organization(self, id: str) -> Organization:  # noqa: A002 - the registry's own word
        """The organization with ``id``."""
        return _lookup(self._index.organizations, id, "organizations", "an organization")

    def member(self, organization: str) -> Member:
        """The membership of the organization with id ``organization``."""
        return _lookup(self._index.members, organization, "members", "a member")

    def working_group(self, id: str) -> WorkingGroup:  # noqa: A002
        """The working group with ``id``."""
        return _lookup(self._index.working_groups, id, "working_groups", "a working group")

    def meeting(self, id: str) -> Meeting:  # noqa: A002
        """The meeting with ``id``."""
        return _lookup(self._index.meetings, id, "meetings", "a meeting")

    def document(self, id: str) -> Document:  # noqa: A002
        """The shared-folder document with ``id``."""
        return _lookup(self._index.documents, id, "documents", "a document")

    def proposal(self, id: str) -> ProposalRecord:  # noqa: A002
        """The proposal with ``id``."""
        return _lookup(self._index.proposals, id, "proposals", "a proposal")

    def report(self, working_group: str, year: int, quarter: int) -> QuarterlyReport | None:
        """The working group's report for the quarter, or None if it has not been filed."""
        self.working_group(working_group)
        return self._index.reports.get((working_group, year, quarter))

    # ------------------------------------------------------------------ views

    def records_since_for(self, kind: RecordKind | str) -> date | None:
        """The day from which the registry's records of ``kind`` are complete: the kind's own
        day in ``records_since_by_kind``, else ``records_since``; None when neither is set
        (then nothing missing from the records counts as not done, see docs/rules.md).

        Members are the exception: ``records_since`` covers dated events, not what a member's
        own entry records, so for :attr:`RecordKind.MEMBERS` only ``records_since_by_kind``
        counts (and each member's own ``record_complete``, see
        :meth:`Member.record_complete_on`)."""
        by_kind = self.records_since_by_kind
        own = None if by_kind is None else by_kind.get(kind)
        if RecordKind(kind) is RecordKind.MEMBERS:
            return own
        return self.records_since if own is None else own

    def charter_in_force(self, on: date) -> Charter:
        """The version of the charter in force on ``on`` (amendments apply from their date)."""
        return self.charter.in_force(on)

    def members_on(self, day: date, *, active_only: bool = True) -> tuple[Member, ...]:
        """Members on ``day`` (by default only those whose status is active)."""
        test = Member.is_active_on if active_only else Member.is_member_on
        return tuple(m for m in self.members if test(m, day))

    def members_of(self, working_group: str) -> tuple[Member, ...]:
        """Members that joined ``working_group``."""
        self.working_group(working_group)
        return tuple(m for m in self.members if working_group in m.working_groups)

    def participation_of(self, member: str) -> tuple[Participation, ...]:
        """A member's monthly participation records, in month order."""
        self.member(member)
        return tuple(sorted(p for p in self.participation if p.member == member))

    def meetings_attended_by(self, member: str) -> tuple[Meeting, ...]:
        """Meetings the member attended, by date."""
        self.member(member)
        return tuple(sorted((m for m in self.meetings if member in m.attendees), key=_date))

    def evolve(self, **changes: Any) -> Coalition:
        """A copy with ``changes`` applied (checked again, like any new Coalition)."""
        return attrs.evolve(self, **changes)

    def _repr_html_(self) -> str:
        """A readable table in Jupyter: counts, then one row per member (no personal data)."""
        import html

        esc = html.escape
        counts = "".join(
            f"<tr><th>{esc(name)}</th><td>{len(items)}</td></tr>"
            for name, items in (
                ("organizations", self.organizations),
                ("members", self.members),
                ("working groups", self.working_groups),
                ("meetings", self.meetings),
                ("documents", self.documents),
                ("quarterly reports", self.reports),
                ("proposals", self.proposals),
                ("country assessments", self.assessments),
            )
        )
        rows = []
        for m in self.members:
            org = self._index.organizations.get(m.organization)
            rows.append(
                "<tr>"
                + "".join(
                    f"<td>{esc(cell)}</td>"
                    for cell in (
                        m.organization,
                        org.name if org else "",
                        org.sector.value if org else "",
                        ", ".join(org.countries) if org else "",
                        m.status.value,
                        "" if m.joined is None else m.joined.isoformat(),
                        ", ".join(m.working_groups),
                    )
                )
                + "</tr>"
            )
        head = "".join(
            f"<th>{h}</th>"
            for h in ("id", "name", "sector", "countries", "status", "joined", "working groups")
        )
        return (
            f"<div><strong>{esc(self.name)}</strong> — {esc(self.charter.id)} "
            f"v{self.charter.version}<table>{counts}</table>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )

    def __repr__(self) -> str:
        return (
            f"<Coalition {self.name!r} under {self.charter.id} v{self.charter.version}: "
            f"{len(self.organizations)} organizations, {len(self.members)} members, "
            f"{len(self.working_groups)} working groups, {len(self.meetings)} meetings, "
            f"{len(self.reports)} reports, {len(self.proposals)} proposals, "
            f"{len(self.assessments)} country assessments>"
        )

    def _repr_pretty_(self, printer: Printer, cycle: bool) -> None:
        """What IPython and Hypothesis print: the records themselves, shortly (`compact`)."""
        printer.text(self.compact_repr())

    def compact_repr(self) -> str:
        """The coalition's records as short, readable text: what a failing property test
        prints (a few items of each list, fields left at their defaults omitted).

        >>> print(Coalition(name="Red", records_since=date(2024, 1, 1)).compact_repr())
        Coalition(name='Red', charter=base-document v1,
          records_since=2024-01-01,
          working_groups=[] + the charter's 4)
        """
        charter = self.charter
        head = [f"name={compact(self.name)}", f"charter={charter.id} v{charter.version}"]
        if charter.amendments:
            head[-1] += f" (amended on {compact([a.effective for a in charter.amendments])})"
        lines = [", ".join(head)]
        skip = frozenset({"name", "charter", "working_groups"})
        lines += changed_fields(self, skip=skip)
        defaults = set(default_working_groups(charter))
        own = [w for w in self.working_groups if w not in defaults]
        implied = len(self.working_groups) - len(own)
        groups = f"working_groups={compact(own)}"
        lines.append(groups + (f" + the charter's {implied}" if implied else ""))
        return "Coalition(" + ",\n  ".join(lines) + ")"


def _date(meeting: Meeting) -> date:
    return meeting.date


# ---------------------------------------------------------------------- indexes


@attrs.frozen(slots=True)
class _Index:
    organizations: dict[str, Organization]
    members: dict[str, Member]
    working_groups: dict[str, WorkingGroup]
    meetings: dict[str, Meeting]
    documents: dict[str, Document]
    proposals: dict[str, ProposalRecord]
    reports: dict[tuple[str, int, int], QuarterlyReport]


def _build_index(coalition: Coalition) -> _Index:
    return _Index(
        organizations={o.id: o for o in coalition.organizations},
        members={m.organization: m for m in coalition.members},
        working_groups={w.id: w for w in coalition.working_groups},
        meetings={m.id: m for m in coalition.meetings},
        documents={d.id: d for d in coalition.documents},
        proposals={p.id: p for p in coalition.proposals},
        reports={(r.working_group, r.year, r.quarter): r for r in coalition.reports},
    )


def _lookup(table: dict[str, T], key: str, path: str, what: str) -> T:
    try:
        return table[key]
    except (KeyError, TypeError):
        raise UnknownReference(f"is not {what} of the registry", path=path, value=key) from None


# ------------------------------------------------------------------ cross-references


def _duplicates(
    items: Iterable[T], key: Callable[[T], Hashable], path: str, field: str
) -> Iterator[Problem]:
    seen: dict[Hashable, int] = {}
    for index, item in enumerate(items):
        k = key(item)
        if k is None:  # nothing to compare (e.g. an organization that is no charter partner)
            continue
        if k in seen:
            yield Problem(
                f"repeats {path}[{seen[k]}]", path=f"{path}[{index}]{field}", value=_shown(k)
            )
        else:
            seen[k] = index


def _shown(key: Hashable) -> Any:
    return list(key) if isinstance(key, tuple) else key


def _cross_reference_problems(c: Coalition) -> Iterator[Problem]:  # noqa: PLR0912, PLR0915
    charter = c.charter
    orgs = {o.id for o in c.organizations}
    members = {m.organization for m in c.members}
    groups = {w.id for w in c.working_groups}
    meetings = {m.id for m in c.meetings}
    documents = {d.id for d in c.documents}
    goals = {g.id for g in charter.policy_goals}
    objectives = {o.id for o in charter.objectives}
    partners = {i for p in charter.partners for i in p.ids}  # a later name's id too (meta)

    def ref(value: str | None, known: set[str], path: str, what: str) -> Iterator[Problem]:
        if value is not None and value not in known:
            yield Problem(f"is not {what}", path=path, value=value)

    def refs(values: Iterable[str], known: set[str], path: str, what: str) -> Iterator[Problem]:
        for i, value in enumerate(values):
            yield from ref(value, known, f"{path}[{i}]", what)

    org_, member_, goal_ = (
        "an organization of the registry",
        "a member",
        "a policy goal of the charter",
    )

    yield from _duplicates(c.organizations, lambda o: o.id, "organizations", ".id")
    yield from _duplicates(c.members, lambda m: m.organization, "members", ".organization")
    yield from _duplicates(
        c.organizations,
        lambda o: None if o.partner is None else charter.partner_id(o.partner),
        "organizations",
        ".partner",
    )
    yield from _duplicates(c.working_groups, lambda w: w.id, "working_groups", ".id")
    yield from _duplicates(c.meetings, lambda m: m.id, "meetings", ".id")
    yield from _duplicates(c.documents, lambda d: d.id, "documents", ".id")
    yield from _duplicates(c.proposals, lambda p: p.id, "proposals", ".id")
    yield from _duplicates(c.participation, lambda p: (p.member, str(p.month)), "participation", "")
    yield from _duplicates(c.reports, lambda r: (r.working_group, r.year, r.quarter), "reports", "")

    for i, o in enumerate(c.organizations):
        yield from ref(
            o.partner,
            partners,
            f"organizations[{i}].partner",
            "a partner of the charter (`clac partners` lists their ids)",
        )

    for i, m in enumerate(c.members):
        p = f"members[{i}]"
        yield from ref(m.organization, orgs, f"{p}.organization", org_)
        yield from refs(m.working_groups, groups, f"{p}.working_groups", "a working group")
        yield from ref(m.referred_by, members, f"{p}.referred_by", member_)
        if m.charter_subscription is not None:
            yield from ref(
                m.charter_subscription.document,
                documents,
                f"{p}.charter_subscription.document",
                "a document of the shared folder",
            )
        for j, commitment in enumerate(m.commitments):
            yield from ref(commitment.goal, goals, f"{p}.commitments[{j}].goal", goal_)

    for i, mt in enumerate(c.meetings):
        p = f"meetings[{i}]"
        yield from ref(mt.organizer, orgs, f"{p}.organizer", org_)
        yield from refs(mt.attendees, members, f"{p}.attendees", member_)
        yield from ref(mt.working_group, groups, f"{p}.working_group", "a working group")
        if mt.minutes is not None:
            yield from ref(mt.minutes.document, documents, f"{p}.minutes.document", "a document")

    for i, pa in enumerate(c.participation):
        yield from ref(pa.member, members, f"participation[{i}].member", member_)

    for i, d in enumerate(c.documents):
        yield from refs(d.authors, orgs, f"documents[{i}].authors", org_)
        yield from refs(d.recipients, orgs, f"documents[{i}].recipients", org_)

    formed = {w.id: w.formed for w in c.working_groups}
    for i, r in enumerate(c.reports):
        p = f"reports[{i}]"
        yield from ref(r.working_group, groups, f"{p}.working_group", "a working group")
        yield from _report_before_group(r, formed.get(r.working_group), p)
        for j, a in enumerate(r.activities):
            yield from refs(a.goals, goals, f"{p}.activities[{j}].goals", goal_)
            yield from refs(a.members, members, f"{p}.activities[{j}].members", member_)
        for j, pol in enumerate(r.policies):
            yield from refs(pol.goals, goals, f"{p}.policies[{j}].goals", goal_)
            yield from ref(pol.organization, orgs, f"{p}.policies[{j}].organization", org_)

    for i, pr in enumerate(c.proposals):
        p = f"proposals[{i}]"
        yield from ref(pr.proposer, members, f"{p}.proposer", member_)
        yield from refs(pr.goals, goals, f"{p}.goals", goal_)
        for j, event in enumerate(pr.history):
            yield from ref(event.actor, orgs, f"{p}.history[{j}].actor", org_)
            yield from ref(event.meeting, meetings, f"{p}.history[{j}].meeting", "a meeting")
        for j, rec in enumerate(pr.recommendations):
            yield from ref(rec.goal, goals, f"{p}.recommendations[{j}].goal", goal_)
            yield from ref(
                rec.objective,
                objectives,
                f"{p}.recommendations[{j}].objective",
                "an objective of the charter",
            )

    for i, sp in enumerate(c.plans.strategic):
        for j, t in enumerate(sp.targets):
            yield from ref(t.goal, goals, f"plans.strategic[{i}].targets[{j}].goal", goal_)
    for i, op in enumerate(c.plans.operational):
        for j, action in enumerate(op.actions):
            q = f"plans.operational[{i}].actions[{j}]"
            yield from refs(action.goals, goals, f"{q}.goals", goal_)
            yield from refs(action.members, members, f"{q}.members", member_)

    for i, ra in enumerate(c.roles):
        yield from ref(ra.organization, orgs, f"roles[{i}].organization", org_)

    yield from _framework_problems(c)
    yield from survey_problems(c.survey, orgs, goals, "survey")


def survey_problems(
    answers: Iterable[SurveyAnswer],
    organizations: Iterable[str],
    goals: Iterable[str],
    where: str | Callable[[int], str],
) -> Iterator[Problem]:
    """Survey answers naming unknown organizations or goals, or repeating a (round, respondent,
    partner); ``where`` is the path of the answers (or gives the path of answer ``i``)."""
    known, known_goals = set(organizations), set(goals)

    def at(i: int) -> str:
        return where(i) if callable(where) else f"{where}[{i}]"

    seen: dict[tuple[date, str, str], int] = {}
    for i, answer in enumerate(answers):
        for field in ("respondent", "partner"):
            value = getattr(answer, field)
            if value not in known:
                yield Problem(_NOT_AN_ORGANIZATION, path=f"{at(i)}.{field}", value=value)
        for j, goal in enumerate(answer.goals):
            if goal not in known_goals:
                yield Problem(_NOT_A_GOAL, path=f"{at(i)}.goals[{j}]", value=goal)
        first = seen.setdefault(answer.key, i)
        if first != i:
            who, whom, day = answer.respondent, answer.partner, answer.round.isoformat()
            yield Problem(
                Text(
                    f"repeats the answer of {who!r} about {whom!r} in the round of {day} "
                    f"(first given at {at(first)})",
                    f"repite la respuesta de {who!r} sobre {whom!r} en la ronda del {day} "
                    f"(dada primero en {at(first)})",
                ),
                path=at(i),
            )


_NOT_AN_ORGANIZATION = Text(
    "is not an organization of the registry",
    "no es una organización del registro",
    pt="não é uma organização do registro",
)
_NOT_A_GOAL = Text(
    "is not a policy goal of the charter",
    "no es un objetivo de política de la carta",
    pt="não é um objetivo de política da carta",
)


def _report_before_group(
    report: QuarterlyReport, formed: DateValue | None, path: str
) -> Iterator[Problem]:
    """A report for a quarter that ended before its working group was formed contradicts the
    registry itself, whatever the day it is read: every command and entry point refuses it."""
    if formed is None:
        return
    period = report.period
    if period.last_day < formed:
        yield Problem(
            Text(
                f"ends before its working group was formed ({formed.isoformat()})",
                f"termina antes de que se formara su grupo de trabajo ({formed.isoformat()})",
                pt=f"termina antes da formação do seu grupo de trabalho ({formed.isoformat()})",
            ),
            path=f"{path}.quarter",
            value=str(period),
        )


def _framework_problems(c: Coalition) -> Iterator[Problem]:
    """No two assessments of one country, item and day from one source (two sources may both
    speak of it: :mod:`clac.frameworks` keeps both and flags them when they disagree). Whether
    the frameworks and items they name exist is checked by :mod:`clac.frameworks` (the registry
    sits below the frameworks and does not import them):
    :func:`clac.frameworks.check_references`."""
    yield from _duplicates(
        c.assessments,
        lambda a: (a.country, a.framework, a.item, a.date.isoformat(), a.source),
        "assessments",
        "",
    )
