"""What a rule sees: the coalition, the day of the assessment and the charter in force that day,
with indexes computed once per evaluation rather than once per rule and subject."""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from clac._schedule import COALITION_MEETING_KINDS, Cadence, cadence, report_due
from clac.model import Document, Meeting, Member, QuarterlyReport, RecordKind
from clac.periods import DateValue, Month, Quarter, earliest, latest
from clac.rules._engine import (
    Outcome,
    Subject,
    SubjectKind,
    Verdict,
    insufficient_data,
    not_applicable,
)
from clac.text import Text
from clac.text import _trusted as _text

if TYPE_CHECKING:
    from clac.charter import Charter, Parameters
    from clac.registry import Coalition

__all__ = [
    "COALITION_MEETING_KINDS",
    "Context",
    "assessed_from",
    "before_records",
    "joined_words",
    "member_unrecorded",
    "unrecorded",
]


def unrecorded(what: Text, where: str, **facts: Any) -> Verdict:
    """*Insufficient data*: ``what`` is not recorded; the message says to record it at the
    field path ``where`` of the registry file — worded so that ``what`` may be singular or
    plural, masculine or feminine ("not recorded: the member's working groups")."""
    return insufficient_data(
        _text(
            f"not recorded: {what.en} (to record at {where})",
            f"sin registro: {what.es} (a registrar en {where})",
            pt=f"sem registro: {what.in_('pt')} (a registrar em {where})",
        ),
        record_at=where,
        **facts,
    )


def member_unrecorded(
    ctx: Context, member: Member, what: Text, field: str, *, plural: bool = False, **facts: Any
) -> Verdict:
    """*Insufficient data*: ``what`` (``plural`` for a plural noun), a fact of ``member``'s own
    entry (at ``field``), is not recorded and the registry does not say the member's record is
    complete; the message says where to record it, or how to declare the record complete."""
    path = f"{ctx.member_path(member)}"
    en, es, pt = ("are", "están", "estão") if plural else ("is", "está", "está")
    it_en, it_es, it_pt = (
        ("them", "regístrelos", "registre-os")
        if plural
        else (
            "it",
            "regístrelo",
            "registre-o",
        )
    )
    done = ("registrados", "registrados") if plural else ("registrado", "registrado")
    return insufficient_data(
        _text(
            f"{what.en} {en} not recorded, and the registry does not say the member's record "
            f"is complete: record {it_en} at {path}.{field} (or, if the entry is complete, say "
            f"so with {path}.record_complete)",
            f"{what.es} no {es} {done[0]}, y el registro no dice que la ficha del miembro esté "
            f"completa: {it_es} en {path}.{field} (o, si la ficha está completa, indíquelo "
            f"con {path}.record_complete)",
            pt=f"{what.in_('pt')} não {pt} {done[1]}, e o registro não diz que a ficha do "
            f"membro está completa: {it_pt} em {path}.{field} (ou, se a ficha estiver "
            f"completa, indique-o com {path}.record_complete)",
        ),
        record_at=f"{path}.{field}",
        record_complete=None,
        **facts,
    )


def joined_words(member: Member) -> Text:
    """How the member joined, in words: "joined on 2019-03-14", "joined in 2016", or "its
    joining day is not recorded"."""
    joined = member.joined
    if joined is None:
        return _text(
            "its joining day is not recorded",
            "su fecha de ingreso no está registrada",
            pt="sua data de ingresso não está registrada",
        )
    if isinstance(joined, date):
        return _text(
            f"joined on {joined.isoformat()}",
            f"ingresó el {joined.isoformat()}",
            pt=f"ingressou em {joined.isoformat()}",
        )
    return _text(
        f"joined in {joined.isoformat()}",
        f"ingresó en {joined.isoformat()}",
        pt=f"ingressou em {joined.isoformat()}",
    )


def before_records(since: date, what: Text, **facts: Any) -> Verdict:
    """*Not applicable*: the duty (``what``) falls before the registry's records begin."""
    return not_applicable(
        _text(
            f"{what.en} falls before the records begin (records_since {since.isoformat()}): "
            "not assessed",
            f"{what.es} es anterior al inicio de los registros (records_since "
            f"{since.isoformat()}): no se evalúa",
            pt=f"{what.in_('pt')} é anterior ao início dos registros (records_since "
            f"{since.isoformat()}): não avaliado",
        ),
        records_since=since,
        **facts,
    )


def assessed_from(
    kind: RecordKind | None, day: Callable[[Any], DateValue], what: Callable[[Any], Text]
) -> Callable[[Callable[[Context, Any], Verdict]], Callable[[Context, Any], Verdict]]:
    """Make a rule check *not assess* a duty that falls before the registry's records begin:
    whatever the check finds short of *met* for a subject whose ``day`` is before
    ``records_since`` (for ``kind``) becomes *not applicable*, "before the records begin"."""

    def wrap(check: Callable[[Context, Any], Verdict]) -> Callable[[Context, Any], Verdict]:
        @functools.wraps(check)
        def run(ctx: Context, subject: Any) -> Verdict:
            verdict = check(ctx, subject)
            if verdict.outcome in (Outcome.MET, Outcome.NOT_APPLICABLE):
                return verdict
            since = ctx.before(kind, day(subject))
            if since is None:
                return verdict
            facts = {f.name: f.value for f in verdict.facts if f.name != "records_since"}
            return before_records(since, what(subject), **facts)

        return run

    return wrap


class Context:
    """The coalition as of one day, under the charter in force that day."""

    def __init__(self, coalition: Coalition, as_of: date) -> None:
        self.coalition = coalition
        self.as_of = as_of
        self.charter: Charter = coalition.charter_in_force(as_of)
        self._subjects: dict[SubjectKind, tuple[tuple[Subject, Any], ...]] = {}
        self._months_back: dict[int, tuple[Month, ...]] = {}
        self._report_due: dict[Quarter, date] = {}
        self._records_since: dict[RecordKind, date | None] = {}

    # -------------------------------------------------------------- the record horizon

    def records_since(self, kind: RecordKind | None = None) -> date | None:
        """The day from which the registry's records of ``kind`` are complete (its
        ``records_since`` with ``kind`` None); None when the registry does not say."""
        if kind is None:
            return self.coalition.records_since
        # Asked once or more per rule and subject: looked up once per kind.
        known = self._records_since
        if kind in known:
            return known[kind]
        since = known[kind] = self.coalition.records_since_for(kind)
        return since

    def complete(self, kind: RecordKind | None, day: DateValue) -> bool:
        """Whether the registry's records of ``kind`` are complete on ``day``: only then does
        the absence of a record mean that a thing was not done. An approximate day counts
        from its earliest possible day (complete only if complete on every day it may be)."""
        since = self.records_since(kind)
        return since is not None and since <= earliest(day)

    def why_incomplete(self, en: str, es: str, *kinds: RecordKind) -> tuple[Text, Text]:
        """Why the registry's records of ``kinds`` (named ``en``/``es``, e.g. "meeting") are
        not complete for a rule, in words, and what to do about it: "the registry does not say
        its meeting records are complete" and "(or set records_since)" when it sets no day,
        "the registry's meeting records begin only on D" and "(or move records_since back)"
        when it does — never claiming the registry says nothing when it gave a day."""
        days = [self.records_since(kind) for kind in kinds]
        known = [d for d in days if d is not None]
        if len(known) < len(days):
            return (
                _text(
                    f"the registry does not say its {en} records are complete",
                    f"el registro no dice que sus registros de {es} estén completos",
                ),
                _text("(or set records_since)", "(o fije records_since)"),
            )
        last = max(known).isoformat()
        return (
            _text(
                f"the registry's {en} records begin only on {last}",
                f"los registros de {es} del registro comienzan recién el {last}",
            ),
            _text("(or move records_since back)", "(o adelante records_since)"),
        )

    def member_complete(self, member: Member) -> bool:
        """Whether ``member``'s own facts (track record, representatives, working groups,
        commitments, subscription, listing in materials) are complete on the day of the check:
        the member's ``record_complete`` or the registry's ``records_since_by_kind.members`` is
        on or before it. ``records_since`` alone never says so: it covers dated events. One
        day for every rule that reads a member's facts: the day of the check."""
        return member.record_complete_on(
            self.as_of, every_member=self.records_since(RecordKind.MEMBERS)
        )

    def joined_bounds(self, member: Member) -> tuple[date, date]:
        """The first and last day ``member`` may have joined: its ``joined`` (an approximate
        one from its first to its last possible day); with no ``joined`` recorded, from the
        day the first charter took effect to the day of the check."""
        if member.joined is None:
            first = self.charter
            while first.predecessor is not None:
                first = first.predecessor
            return min(first.effective, self.as_of), self.as_of
        return earliest(member.joined), latest(member.joined)

    def before(self, kind: RecordKind | None, day: DateValue) -> date | None:
        """The registry's ``records_since`` for ``kind`` when ``day`` falls (or, for an
        approximate day, may fall) before it — a duty of that day is not assessed — else
        None."""
        since = self.records_since(kind)
        return since if since is not None and earliest(day) < since else None

    def year_coverage(self, kind: RecordKind | None, year: int) -> str:
        """How the registry's records of ``kind`` cover ``year``: ``"complete"`` (they begin
        on or before its first day), ``"partial"`` (they begin during it), ``"before"`` (the
        year ends before they begin) or ``"unknown"`` (the registry does not say)."""
        since = self.records_since(kind)
        if since is None:
            return "unknown"
        if since <= date(year, 1, 1):
            return "complete"
        return "partial" if since <= date(year, 12, 31) else "before"

    @functools.cached_property
    def _member_index(self) -> dict[str, int]:
        return {m.organization: i for i, m in enumerate(self.coalition.members)}

    def member_path(self, member: Member) -> str:
        """Where the registry file holds ``member``: ``members[i]``."""
        return f"members[{self._member_index.get(member.organization, len(self._member_index))}]"

    @functools.cached_property
    def _meeting_index(self) -> dict[str, int]:
        return {m.id: i for i, m in enumerate(self.coalition.meetings)}

    def meeting_path(self, meeting: Meeting) -> str:
        """Where the registry file holds ``meeting``: ``meetings[i]``."""
        return f"meetings[{self._meeting_index.get(meeting.id, len(self._meeting_index))}]"

    @functools.cached_property
    def _report_index(self) -> dict[tuple[str, int, int], int]:
        return {
            (r.working_group, r.year, r.quarter): i for i, r in enumerate(self.coalition.reports)
        }

    def report_path(self, report: QuarterlyReport) -> str:
        """Where the registry file holds ``report``: ``reports[i]``."""
        key = (report.working_group, report.year, report.quarter)
        return f"reports[{self._report_index.get(key, len(self._report_index))}]"

    @property
    def parameters(self) -> Parameters:
        """The charter parameters in force on the day."""
        return self.charter.parameters

    # -------------------------------------------------------------- subjects

    def subjects(self, kind: SubjectKind) -> Iterator[tuple[Subject, Any]]:
        """Every subject of ``kind`` that exists on the day, with the object it names."""
        found = self._subjects.get(kind)
        if found is None:
            found = self._subjects[kind] = tuple(self._find_subjects(kind))
        return iter(found)

    def _find_subjects(self, kind: SubjectKind) -> Iterator[tuple[Subject, Any]]:  # noqa: PLR0912
        c, day = self.coalition, self.as_of
        if kind is SubjectKind.MEMBER:
            for m in c.members:
                if m.is_member_on(day):
                    yield Subject(kind, m.organization), m
        elif kind is SubjectKind.WORKING_GROUP:
            for w in c.working_groups:
                if w.formed <= day:
                    yield Subject(kind, w.id), w
        elif kind is SubjectKind.COALITION:
            yield Subject(kind, c.name), c
        elif kind is SubjectKind.PROPOSAL:
            for p in c.proposals:
                yield Subject(kind, p.id), p
        elif kind is SubjectKind.REPORT:
            for r in c.reports:
                if r.period.first_day <= day:
                    yield Subject(kind, f"{r.working_group}/{r.period}"), r
        elif kind is SubjectKind.MEETING:
            for mt in c.meetings:
                if mt.date <= day:
                    yield Subject(kind, mt.id), mt
        elif kind in (SubjectKind.YEAR, SubjectKind.PLAN):
            for year in self.years:
                yield Subject(kind, str(year)), year

    @functools.cached_property
    def years(self) -> tuple[int, ...]:
        """Every calendar year from the charter's first effective date to the day's year."""
        first = self.charter
        while first.predecessor is not None:
            first = first.predecessor
        return tuple(range(first.effective.year, self.as_of.year + 1))

    @functools.cached_property
    def first_year(self) -> int | None:
        """The first year there was a coalition to judge: the later of the charter's first
        effective year and the year the first member joined (None with no members). A member
        whose joining day is not recorded counts as joined by the day of the check (the first
        year it certainly was a member); :attr:`possible_first_year` is the earliest it may
        be."""
        joins = [
            self.as_of if m.joined is None else earliest(m.joined) for m in self.coalition.members
        ]
        if not joins:
            return None
        return max(self.years[0], min(joins).year)

    @functools.cached_property
    def possible_first_year(self) -> int | None:
        """The earliest the coalition's first year may be: :attr:`first_year`, reading a
        joining day that is not recorded as the first charter's effective day."""
        joins = [self.joined_bounds(m)[0] for m in self.coalition.members]
        if not joins:
            return None
        return max(self.years[0], min(joins).year)

    def skip_year(self, year: int, *, complete: bool = False) -> Verdict | None:
        """Why a YEAR rule does not judge ``year`` (a *not applicable* verdict), or None.

        Every YEAR rule judges a year only once there is a coalition to judge (from
        :attr:`first_year`); with ``complete``, a rule about what happens *during* a year also
        waits until the year is over.
        """
        first = self.first_year
        if first is None:
            return not_applicable(
                _text("the coalition has no members yet", "la coalición aún no tiene miembros"),
                year=year,
            )
        possible = self.possible_first_year
        if year < first and possible is not None and possible <= year:
            unknown = tuple(m.organization for m in self.coalition.members if m.joined is None)
            return insufficient_data(
                _text(
                    f"whether the coalition had members in {year} is not known: the joining day "
                    f"of {', '.join(unknown)} is not recorded (record it at members[].joined)",
                    f"no se sabe si la coalición tenía miembros en {year}: la fecha de ingreso de "
                    f"{', '.join(unknown)} no está registrada (regístrela en members[].joined)",
                ),
                year=year,
                first_year=first,
                joined_unknown=unknown,
                record_at="members[].joined",
            )
        if year < first:
            return not_applicable(
                _text(
                    f"{year} is before the coalition's first year ({first})",
                    f"{year} es anterior al primer año de la coalición ({first})",
                ),
                year=year,
                first_year=first,
            )
        if complete and year >= self.as_of.year:
            return not_applicable(
                _text(
                    f"{year} is not over yet (as of {self.as_of.isoformat()})",
                    f"{year} aún no ha terminado (al {self.as_of.isoformat()})",
                ),
                year=year,
            )
        return None

    # -------------------------------------------------------------- indexes

    @functools.cached_property
    def meetings_until_today(self) -> tuple[Meeting, ...]:
        """Meetings held on or before the day, by date."""
        return tuple(
            sorted(
                (m for m in self.coalition.meetings if m.date <= self.as_of), key=lambda m: m.date
            )
        )

    @functools.cached_property
    def attendance(self) -> dict[str, tuple[Meeting, ...]]:
        """For each member, the meetings it attended up to the day."""
        table: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings_until_today:
            for attendee in meeting.attendees:
                table[attendee].append(meeting)
        return {k: tuple(v) for k, v in table.items()}

    @functools.cached_property
    def coalition_meetings(self) -> tuple[Meeting, ...]:
        """Annual and regional meetings held on or before the day, by date."""
        return tuple(m for m in self.meetings_until_today if m.kind in COALITION_MEETING_KINDS)

    @functools.cached_property
    def _coalition_meeting_dates(self) -> tuple[date, ...]:
        return tuple(m.date for m in self.coalition_meetings)

    def coalition_meetings_since(self, day: date) -> tuple[Meeting, ...]:
        """Annual and regional meetings held from ``day`` to the day, by date."""
        start = bisect.bisect_left(self._coalition_meeting_dates, day)
        return self.coalition_meetings[start:]

    @functools.cached_property
    def referrals(self) -> dict[str, tuple[str, ...]]:
        """For each member, the members that joined on its referral by the day (registry
        order)."""
        table: dict[str, list[str]] = defaultdict(list)
        for member in self.coalition.members:
            if member.referred_by is not None and self.joined_bounds(member)[1] <= self.as_of:
                table[member.referred_by].append(member.organization)
        return {k: tuple(v) for k, v in table.items()}

    @functools.cached_property
    def documents_by_author(self) -> dict[str, tuple[Document, ...]]:
        """For each author, the shared-folder documents it wrote dated on or before the day
        (registry order)."""
        table: dict[str, list[Document]] = defaultdict(list)
        for document in self.coalition.documents:
            if document.date <= self.as_of:
                for author in set(document.authors):
                    table[author].append(document)
        return {k: tuple(v) for k, v in table.items()}

    @functools.cached_property
    def report_statuses(self) -> dict[str, Cadence]:
        """For each working group formed by the day, its quarterly reports' statuses
        (:func:`clac.reporting.cadence`, computed once for every group)."""
        table: dict[str, list[Any]] = {}
        for status in cadence(self.coalition, self.as_of):
            table.setdefault(status.working_group, []).append(status)
        return {k: Cadence(v, as_of=self.as_of) for k, v in table.items()}

    def report_due(self, period: Quarter) -> date:
        """The day ``period``'s report is due (:func:`clac.reporting.report_due`, once per
        quarter)."""
        found = self._report_due.get(period)
        if found is None:
            found = self._report_due[period] = report_due(self.coalition, period)
        return found

    @functools.cached_property
    def participation(self) -> dict[str, dict[Month, float]]:
        """For each member, hours per month, up to the day's month."""
        current = Month.of(self.as_of)
        table: dict[str, dict[Month, float]] = defaultdict(dict)
        for record in self.coalition.participation:
            if record.month <= current:
                table[record.member][record.month] = record.hours
        return dict(table)

    @functools.cached_property
    def coalition_meetings_by_year(self) -> dict[int, tuple[Meeting, ...]]:
        """Annual and regional meetings held on or before the day, by year."""
        table: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings_until_today:
            if meeting.kind in COALITION_MEETING_KINDS:
                table[meeting.date.year].append(meeting)
        return {k: tuple(v) for k, v in table.items()}

    def months_back(self, count: int) -> tuple[Month, ...]:
        """The ``count`` complete months before the day's month, oldest first."""
        found = self._months_back.get(count)
        if found is None:
            last = Month.of(self.as_of).minus(1)
            found = tuple(last.minus(i) for i in reversed(range(count)))
            self._months_back[count] = found
        return found

    def hours(self, member: str) -> dict[Month, float]:
        """A member's hours per month (empty if it has no records)."""
        return self.participation.get(member, {})
