"""Treaty facts as the treaty offices publish them, and the evidence they give on a treaty's items.

A state becomes a party to a treaty by one act of consent to be bound: ratification,
accession, acceptance, approval or succession (``party`` when a source says the state is a
party without naming the act). Signature is its own, optional step: a state that acceded never
signed, and is a party all the same, so the treaty's ``signed`` item counts as met from the day
it became a party ("signature not required"). Denunciation or withdrawal ends the status.

The day a treaty enters into force for a state follows from the treaty's own rule when the
source does not state it (:class:`EntryIntoForceRule`): such a day is *derived* and says so,
and a stated day always wins. A chart of parties as of a day is evidence that a state absent
from it is not a party on that day (``not-party``, or ``no-action`` when it had not signed
either): a *dated negative fact*. Several sources may speak of the same act; they are all kept,
and when their days cannot be the same day the fact is flagged as a conflict
(:func:`conflicts`), never silently resolved: the evidence carries every source and says that
they disagree, and dates the act at the latest day any of them gives (the status is claimed only
from a day every source allows).

clac ships the facts it gathered about the 33 sovereign states of Latin America and the
Caribbean for the OPSC, the Budapest and the Lanzarote conventions
(``clac/frameworks/data/facts``), each with its source URL, the day it was read and a confidence;
:func:`shipped_facts` reads them. A registry's own assessments of a country on an item replace
the shipped evidence for that country and item (:func:`clac.frameworks.evidence`).
"""

from __future__ import annotations

import calendar
import enum
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from importlib import resources
from typing import Any

import attrs

from clac import _validators as v
from clac.io import Format, loads_data
from clac.model import Confidence, Outcome
from clac.periods import ApproximateDate, DateValue, Precision, date_value, is_date_value, latest

__all__ = [
    "CONSENT_ACTS",
    "ENTRY_INTO_FORCE_RULES",
    "Act",
    "Conflict",
    "EntryIntoForceRule",
    "FactSource",
    "TreatyFact",
    "TreatyFacts",
    "conflicts",
    "facts_evidence",
    "region_markdown",
    "shipped_facts",
]


class Act(enum.StrEnum):
    """What a source says a state did (or had not done) about a treaty, and on which day."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    SUCCESSION = "succession"
    #: A party, the act of consent not named by the source.
    PARTY = "party"
    ENTRY_INTO_FORCE = "entry-into-force"
    DENUNCIATION = "denunciation"
    WITHDRAWAL = "withdrawal"
    #: Not a party on the day (a chart of parties as of that day does not list the state).
    NOT_PARTY = "not-party"
    #: Neither signed nor a party on the day.
    NO_ACTION = "no-action"
    #: Invited to accede (Council of Europe treaties open to non-members by invitation).
    INVITED = "invited"
    #: A reservation or declaration made on the day.
    DECLARATION = "declaration"


#: The acts by which a state becomes a party.
CONSENT_ACTS = frozenset(
    {
        Act.RATIFICATION,
        Act.ACCESSION,
        Act.ACCEPTANCE,
        Act.APPROVAL,
        Act.SUCCESSION,
        Act.PARTY,
    }
)
_ENDING_ACTS = frozenset({Act.DENUNCIATION, Act.WITHDRAWAL})
_NEGATIVE_ACTS = frozenset({Act.NOT_PARTY, Act.NO_ACTION})


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@attrs.frozen(slots=True)
class EntryIntoForceRule:
    """When a treaty enters into force for a state that consents after the treaty's own entry
    into force: ``one-month`` (one month after the deposit, the same day of the month or the
    month's last day) or ``first-day-after-three-months`` (the first day of the month following
    three months after the deposit). A deposit before ``in_force`` (the treaty's own entry into
    force) takes effect on that day.

    >>> from datetime import date
    >>> from clac.periods import ApproximateDate
    >>> coe = ENTRY_INTO_FORCE_RULES["budapest"]
    >>> coe.derive(date(2017, 4, 20))
    datetime.date(2017, 8, 1)
    >>> coe.derive(ApproximateDate(2013, 2))   # the month is enough for this rule
    datetime.date(2013, 6, 1)
    >>> ENTRY_INTO_FORCE_RULES["opsc"].derive(date(2005, 1, 31))
    datetime.date(2005, 2, 28)
    >>> print(ENTRY_INTO_FORCE_RULES["opsc"].derive(ApproximateDate(2004)))   # not determined
    None
    """

    kind: str = attrs.field(
        validator=attrs.validators.in_(("one-month", "first-day-after-three-months"))
    )
    in_force: date
    article: str

    def _of_day(self, deposit: date) -> date:
        if deposit < self.in_force:
            return self.in_force
        if self.kind == "one-month":
            return _add_months(deposit, 1)
        first = _add_months(deposit.replace(day=1), 4)
        return max(first, self.in_force)

    def derive(self, deposit: DateValue) -> DateValue | None:
        """The day the treaty enters into force for a deposit on ``deposit``, or ``None`` when
        the deposit is known too roughly for the rule to give one day (or one month)."""
        if not isinstance(deposit, ApproximateDate):
            return self._of_day(deposit)
        if deposit.precision is Precision.DAY:
            return self._of_day(deposit.earliest)
        first, last = self._of_day(deposit.earliest), self._of_day(deposit.latest)
        if first == last:
            return first
        if (first.year, first.month) == (last.year, last.month):
            return ApproximateDate(first.year, first.month)
        return None

    def deposit(self, in_force: DateValue) -> DateValue | None:
        """The deposit a stated day of entry into force implies, as precisely as the rule
        allows (the month under the Council of Europe's rule), or ``None`` when it implies
        none (the treaty's own first day, or a day the rule never gives).

        >>> from datetime import date
        >>> print(ENTRY_INTO_FORCE_RULES["budapest"].deposit(date(2018, 10, 1)))
        2018-06
        >>> ENTRY_INTO_FORCE_RULES["opsc"].deposit(date(2003, 10, 25))
        datetime.date(2003, 9, 25)
        """
        if isinstance(in_force, ApproximateDate):
            if in_force.exact is None:
                return None
            in_force = in_force.exact
        if in_force <= self.in_force:
            return None
        start = _add_months(in_force.replace(day=1), -5)
        candidates = []
        day = start
        while day < in_force:
            if self._of_day(day) == in_force:
                candidates.append(day)
            day = date.fromordinal(day.toordinal() + 1)
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        first, last = candidates[0], candidates[-1]
        if (first.year, first.month) == (last.year, last.month):
            return ApproximateDate(first.year, first.month)
        return None

    def bound(self, deposit: DateValue) -> date:
        """The last day the treaty may have entered into force for a deposit on ``deposit``."""
        return self._of_day(latest(deposit))


#: The entry-into-force rule of each treaty clac ships, by framework id.
ENTRY_INTO_FORCE_RULES: Mapping[str, EntryIntoForceRule] = {
    # OPSC art. 14(1) and (2): in force 18 January 2002; for a state ratifying or acceding after
    # that, one month after the deposit of its own instrument.
    "opsc": EntryIntoForceRule("one-month", date(2002, 1, 18), "OPSC art. 14(2)"),
    # Budapest art. 36(4) (signatories) and 37(2) (acceding states): the first day of the month
    # following three months after the deposit; in force 1 July 2004.
    "budapest": EntryIntoForceRule(
        "first-day-after-three-months", date(2004, 7, 1), "ETS 185 art. 36(4), 37(2)"
    ),
    # Lanzarote art. 45(4) (signatories) and 46(2) (acceding states): likewise; in force 1 July
    # 2010.
    "lanzarote": EntryIntoForceRule(
        "first-day-after-three-months", date(2010, 7, 1), "CETS 201 art. 45(4), 46(2)"
    ),
}


def _to_confidence(value: Any) -> Any:
    return v.to_enum(Confidence)(value)


def _to_optional_confidence(value: Any) -> Any:
    return None if value is None else _to_confidence(value)


def _to_date(value: Any) -> Any:
    if isinstance(value, str | int) and not isinstance(value, bool):
        value = ApproximateDate.parse(value)
    if isinstance(value, ApproximateDate) and value.exact is not None:
        return value.exact
    return date_value(value)


def _to_act(value: Any) -> Any:
    return v.to_enum(Act)(value)


def _to_optional_act(value: Any) -> Any:
    return None if value is None else _to_act(value)


@attrs.frozen(slots=True)
class FactSource:
    """Where facts come from: its URL, the day it was read, how far it can be trusted, whether
    it is a secondary source (the primary one could not be read) and a note saying how."""

    id: str = attrs.field(validator=v.slug)
    url: str = attrs.field(validator=v.text)
    title: str = attrs.field(validator=v.text)
    retrieved: date = attrs.field(validator=v.a_date)
    confidence: Confidence = attrs.field(
        converter=_to_confidence, validator=v.member_of(Confidence)
    )
    secondary: bool = attrs.field(default=False, validator=v.boolean)
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))


@attrs.frozen(slots=True)
class TreatyFact:
    """One dated statement of one source about one state and one treaty.

    ``derived`` marks a day clac computed from the treaty's rule (never in a data file);
    ``bound`` marks a derived day that is only the last possible one.
    """

    country: str = attrs.field(converter=v.to_upper, validator=v.country)
    act: Act = attrs.field(converter=_to_act, validator=v.member_of(Act))
    date: DateValue = attrs.field(converter=_to_date, validator=is_date_value)
    source: str = attrs.field(validator=v.slug)
    confidence: Confidence | None = attrs.field(
        default=None,
        converter=_to_optional_confidence,
        validator=v.optional(v.member_of(Confidence)),
    )
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))
    derived: bool = attrs.field(default=False, validator=v.boolean)
    bound: bool = attrs.field(default=False, validator=v.boolean)


@attrs.frozen(slots=True)
class TreatyFacts:
    """A treaty's facts file: the treaty (a framework id), its sources and its facts."""

    treaty: str = attrs.field(validator=v.slug)
    sources: tuple[FactSource, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.instance(FactSource, "a source"))
    )
    facts: tuple[TreatyFact, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.instance(TreatyFact, "a fact"))
    )
    #: The only act by which the states of this file can become parties, when the treaty says
    #: so (Council of Europe treaties: non-member states that did not take part in drafting
    #: them may only accede); names the act of a party whose act no source states.
    consent_by: Act | None = attrs.field(
        default=None, converter=_to_optional_act, validator=v.optional(v.member_of(Act))
    )

    def __attrs_post_init__(self) -> None:
        if self.consent_by is not None and self.consent_by not in CONSENT_ACTS:
            v.fail("consent_by", self.consent_by.value, "is not an act of consent")
        known = {s.id for s in self.sources}
        if len(known) != len(self.sources):
            v.missing("sources", "source ids must be unique")
        for index, fact in enumerate(self.facts):
            if fact.source not in known:
                v.fail(f"facts[{index}].source", fact.source, "names no source of this file")

    def source(self, source_id: str) -> FactSource:
        """The source ``source_id``."""
        return next(s for s in self.sources if s.id == source_id)

    def confidence(self, fact: TreatyFact) -> Confidence:
        """The fact's confidence, or its source's."""
        return fact.confidence or self.source(fact.source).confidence

    def countries(self) -> tuple[str, ...]:
        """The states the file speaks of, in order of first mention."""
        return tuple(dict.fromkeys(f.country for f in self.facts))

    def of(self, country: str) -> tuple[TreatyFact, ...]:
        """The facts about ``country``."""
        return tuple(f for f in self.facts if f.country == country.upper())


#: The facts files clac ships.
_FACT_FILES = {"opsc": "opsc.yaml", "budapest": "budapest.yaml", "lanzarote": "lanzarote.yaml"}


@functools.cache
def shipped_facts(treaty: str) -> TreatyFacts | None:
    """The facts clac ships about ``treaty`` (a framework id), or ``None``."""
    name = _FACT_FILES.get(treaty)
    if name is None:
        return None
    text = (resources.files("clac.frameworks") / "data" / "facts" / name).read_text("utf-8")
    return loads_data(text, Format.YAML, TreatyFacts)


@attrs.frozen(slots=True)
class Conflict:
    """Sources that disagree about one act of one state: their days cannot be one day."""

    country: str
    act: Act
    facts: tuple[TreatyFact, ...]


def _overlap(a: DateValue, b: DateValue) -> bool:
    def bounds(x: DateValue) -> tuple[date, date]:
        if isinstance(x, ApproximateDate):
            return x.earliest, x.latest
        return x, x

    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    return a0 <= b1 and b0 <= a1


def _precision_rank(x: DateValue) -> int:
    if not isinstance(x, ApproximateDate):
        return 3
    return {Precision.YEAR: 1, Precision.MONTH: 2, Precision.DAY: 3}[x.precision]


def conflicts(facts: TreatyFacts | Iterable[TreatyFact]) -> tuple[Conflict, ...]:
    """Every act of a state on which the sources give days that cannot be the same day."""
    items = facts.facts if isinstance(facts, TreatyFacts) else tuple(facts)
    grouped: dict[tuple[str, Act], list[TreatyFact]] = defaultdict(list)
    for f in items:
        if f.act not in _NEGATIVE_ACTS and f.act not in {Act.DECLARATION, Act.INVITED}:
            grouped[(f.country, f.act)].append(f)
    found = []
    for (country, act), group in grouped.items():
        if any(not _overlap(a.date, b.date) for a in group for b in group):
            found.append(Conflict(country, act, tuple(group)))
    return tuple(found)


@attrs.frozen(slots=True)
class Decided:
    """One act's day as the sources give it: the day, every fact that speaks of it, and whether
    they conflict."""

    act: Act
    date: DateValue
    facts: tuple[TreatyFact, ...]
    conflict: bool


def _decide(act: Act, group: list[TreatyFact]) -> Decided:
    conflict = any(not _overlap(a.date, b.date) for a in group for b in group)
    if conflict:
        # Disagreement: claim the act only from the last day any source gives.
        chosen = max(group, key=lambda f: (latest(f.date), _precision_rank(f.date))).date
    else:
        # Agreement: the most precise of the days, which every source allows.
        chosen = max(group, key=lambda f: _precision_rank(f.date)).date
    return Decided(act, chosen, tuple(group), conflict)


@attrs.frozen(slots=True)
class FactEvidence:
    """What the facts say of one state on one item from one day: the raw material of a
    :class:`clac.frameworks.Evidence`."""

    country: str
    item: str
    outcome: Outcome
    date: DateValue
    facts: tuple[TreatyFact, ...]
    note: str
    derived: bool = False
    conflict: bool = False


def _sources_note(decided: Decided) -> str:
    if decided.conflict:
        days = ", ".join(f"{f.source}: {f.date}" for f in decided.facts)
        return f"sources disagree ({days}); counted from the latest"
    return ""


def facts_evidence(
    treaty: str, facts: TreatyFacts | Iterable[TreatyFact]
) -> tuple[FactEvidence, ...]:
    """The evidence the facts give on the treaty's items ``signed``, ``ratified`` and
    ``in-force``, state by state (entry into force derived from the treaty's rule when no source
    states it)."""
    items = facts.facts if isinstance(facts, TreatyFacts) else tuple(facts)
    consent_by = facts.consent_by if isinstance(facts, TreatyFacts) else None
    rule = ENTRY_INTO_FORCE_RULES.get(treaty)
    by_country: dict[str, list[TreatyFact]] = defaultdict(list)
    for f in items:
        by_country[f.country].append(f)
    out: list[FactEvidence] = []
    for country, found in by_country.items():
        out.extend(_country_evidence(country, found, rule, consent_by))
    return tuple(out)


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


_Add = Callable[..., None]


def _country_evidence(
    country: str,
    found: list[TreatyFact],
    rule: EntryIntoForceRule | None,
    consent_by: Act | None = None,
) -> list[FactEvidence]:
    groups: dict[Act, list[TreatyFact]] = defaultdict(list)
    for f in found:
        groups[f.act].append(f)
    decided = {act: _decide(act, group) for act, group in groups.items()}
    out: list[FactEvidence] = []

    def add(item: str, outcome: Outcome, d: Decided, note: str, *, derived: bool = False) -> None:
        out.append(
            FactEvidence(
                country=country,
                item=item,
                outcome=outcome,
                date=d.date,
                facts=d.facts,
                note=_join(note, _sources_note(d)),
                derived=derived,
                conflict=d.conflict,
            )
        )

    signature = decided.get(Act.SIGNATURE)
    if signature is not None:
        add("signed", Outcome.MET, signature, "signed")
    consents = [decided[a] for a in CONSENT_ACTS if a in decided]
    consent = min(consents, key=lambda d: latest(d.date)) if consents else None
    if consent is not None:
        named = consent.act.value
        add(
            "ratified", Outcome.MET, consent, "party (act not named)" if named == "party" else named
        )
        if signature is None:
            why = (
                "became a party by accession or succession: signature is not required"
                if consent.act in {Act.ACCESSION, Act.SUCCESSION}
                else "became a party (signature, if any, on or before this day)"
            )
            add("signed", Outcome.MET, consent, why)
    _in_force(add, decided, consent=consent, signature=signature, rule=rule, consent_by=consent_by)
    _endings(add, decided)
    return out


def _in_force(
    add: _Add,
    decided: Mapping[Act, Decided],
    *,
    consent: Decided | None,
    signature: Decided | None,
    rule: EntryIntoForceRule | None,
    consent_by: Act | None = None,
) -> None:
    stated = decided.get(Act.ENTRY_INTO_FORCE)
    if stated is not None:
        add("in-force", Outcome.MET, stated, "entry into force stated by the source")
        sharpened = consent is not None and _sharpen(
            add,
            consent,
            _implied_consent(stated, rule, consent_by),
            stated,
            rule,
            signed=signature is not None,
        )
        if not sharpened and (consent is None or latest(consent.date) > latest(stated.date)):
            party = _implied_consent(stated, rule, consent_by)
            implied = party is not stated
            act = consent_by.value if consent_by is not None else "a party (act not named)"
            why = f"{act}: in force for the state"
            if implied and rule is not None:
                why = f"{act}: deposit derived from the entry into force ({rule.article})"
            add("ratified", Outcome.MET, party, why, derived=implied)
            if signature is None:
                signed_why = (
                    f"{act}: signature is not required"
                    if consent_by in {Act.ACCESSION, Act.SUCCESSION}
                    else "a party: signature, if any, before this day"
                )
                add("signed", Outcome.MET, party, signed_why, derived=implied)
        return
    if consent is None or rule is None:
        return
    derived = rule.derive(consent.date)
    if derived is not None:
        d = Decided(Act.ENTRY_INTO_FORCE, derived, consent.facts, consent.conflict)
        add("in-force", Outcome.MET, d, f"derived from {rule.article}", derived=True)
        return
    bound = rule.bound(consent.date)
    d = Decided(Act.ENTRY_INTO_FORCE, bound, consent.facts, consent.conflict)
    note = f"derived from {rule.article}: in force no later than {bound.isoformat()}"
    add("in-force", Outcome.MET, d, note, derived=True)


def _sharpen(
    add: _Add,
    consent: Decided,
    implied: Decided,
    stated: Decided,
    rule: EntryIntoForceRule | None,
    *,
    signed: bool = True,
) -> bool:
    """A deposit known roughly (a year) made precise by the stated entry into force, when the
    rule gives one and it falls within the rough day (``True``); flagged as a conflict when it
    falls outside (``True`` too); ``False`` when the rule gives no more precise day."""
    if (
        implied is stated
        or rule is None
        or _precision_rank(implied.date) <= _precision_rank(consent.date)
    ):
        return False
    act = "party (act not named)" if consent.act is Act.PARTY else consent.act.value
    if _overlap(implied.date, consent.date):
        note = f"{act}: day derived from the stated entry into force ({rule.article})"
        sharp = Decided(consent.act, implied.date, implied.facts, False)
        add("ratified", Outcome.MET, sharp, note, derived=True)
        if not signed:
            why = "a party: signature, if any, on or before this day"
            add("signed", Outcome.MET, sharp, why, derived=True)
        return True
    clash = Decided(consent.act, consent.date, (*consent.facts, *stated.facts), True)
    note = (
        f"{act}: the entry into force ({stated.date}) implies a deposit on {implied.date}, "
        f"outside {consent.date}"
    )
    add("ratified", Outcome.MET, clash, note)
    return True


def _implied_consent(
    stated: Decided, rule: EntryIntoForceRule | None, consent_by: Act | None
) -> Decided:
    """The consent a stated entry into force implies: its deposit derived from the rule, or the
    stated day itself when the rule gives none."""
    deposit = None if rule is None else rule.deposit(stated.date)
    if deposit is None:
        return stated
    return Decided(consent_by or Act.PARTY, deposit, stated.facts, stated.conflict)


def _endings(add: _Add, decided: Mapping[Act, Decided]) -> None:
    for act in (Act.DENUNCIATION, Act.WITHDRAWAL):
        ending = decided.get(act)
        if ending is not None:
            add("ratified", Outcome.NOT_MET, ending, f"{act.value}: no longer a party")
            add("in-force", Outcome.NOT_MET, ending, f"{act.value}: no longer in force")
    for act in (Act.NOT_PARTY, Act.NO_ACTION):
        negative = decided.get(act)
        if negative is not None:
            note = (
                "not a party as of this day" if act is Act.NOT_PARTY else "no action as of this day"
            )
            add("ratified", Outcome.NOT_MET, negative, note)
            add("in-force", Outcome.NOT_MET, negative, note)
            if act is Act.NO_ACTION:
                add("signed", Outcome.NOT_MET, negative, "not signed as of this day")


# ----------------------------------------------------------------------- the region's picture

_ACT_WORDS = {
    Act.RATIFICATION: "ratification",
    Act.ACCESSION: "accession",
    Act.ACCEPTANCE: "acceptance",
    Act.APPROVAL: "approval",
    Act.SUCCESSION: "succession",
    Act.PARTY: "party (act not named)",
}


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def _cell(facts: TreatyFacts, decided: Decided | None, *, words: str = "") -> str:
    if decided is None:
        return ""
    refs = ", ".join(dict.fromkeys(f"[{f.source}]" for f in decided.facts))
    flag = " ⚠ sources disagree" if decided.conflict else ""
    return f"{words}{decided.date}{flag} {refs}".strip()


def region_markdown(facts: TreatyFacts, countries: Iterable[tuple[str, str]]) -> str:
    """The region's picture on one treaty as Markdown: one row per state of ``countries``
    (``(code, name)``), what the sources say of it (signature, becoming a party, entry into
    force stated or derived, negative facts, invitations, declarations), then the sources with
    the day each was read. Generated from the shipped data (docs/frameworks.md shows it)."""
    rule = ENTRY_INTO_FORCE_RULES.get(facts.treaty)
    lines = [
        "| State | Signed | Party | In force | Not a party as of | Other | ",
        "|:--|:--|:--|:--|:--|:--|",
    ]
    lines[0] = lines[0].rstrip(" ")
    for code, name in countries:
        groups: dict[Act, list[TreatyFact]] = defaultdict(list)
        for f in facts.of(code):
            groups[f.act].append(f)
        decided = {act: _decide(act, group) for act, group in groups.items()}
        consents = [decided[a] for a in CONSENT_ACTS if a in decided]
        consent = min(consents, key=lambda d: latest(d.date)) if consents else None
        party = _cell(facts, consent, words=f"{_ACT_WORDS[consent.act]} " if consent else "")
        stated = decided.get(Act.ENTRY_INTO_FORCE)
        if consent is not None and stated is not None and rule is not None:
            implied = _implied_consent(stated, rule, facts.consent_by)
            if (
                implied is not stated
                and _precision_rank(implied.date) > _precision_rank(consent.date)
                and _overlap(implied.date, consent.date)
            ):
                party += f"; deposit {implied.date} derived from the entry into force"
        if consent is None and stated is not None:
            implied = _implied_consent(stated, rule, facts.consent_by)
            act = _ACT_WORDS[facts.consent_by] if facts.consent_by else "party (act not named)"
            party = (
                f"{act} {implied.date} (derived from the entry into force, {rule.article})"
                if implied is not stated and rule is not None
                else "yes (in force for it; the act and its day were not read)"
            )
        in_force = _cell(facts, stated)
        if stated is None and consent is not None and rule is not None:
            derived = rule.derive(consent.date)
            in_force = (
                f"{derived} (derived, {rule.article})"
                if derived is not None
                else f"no later than {rule.bound(consent.date)} (derived, {rule.article})"
            )
        negatives = [
            _cell(facts, decided[a], words="no action: " if a is Act.NO_ACTION else "")
            for a in (Act.NOT_PARTY, Act.NO_ACTION)
            if a in decided
        ]
        other = [
            _cell(facts, decided[a], words=f"{a.value} ")
            for a in (Act.INVITED, Act.DECLARATION, Act.DENUNCIATION, Act.WITHDRAWAL)
            if a in decided
        ]
        row = (
            f"{name} ({code})",
            _cell(facts, decided.get(Act.SIGNATURE)),
            party,
            in_force,
            "; ".join(negatives),
            "; ".join(other),
        )
        lines.append("| " + " | ".join(_md(c) or "—" for c in row) + " |")
    lines.append("")
    lines.append("Sources (day read; confidence):")
    lines.append("")
    for s in facts.sources:
        kind = "secondary" if s.secondary else "primary"
        note = f" {_md(s.note)}" if s.note else ""
        lines.append(
            f"- [{s.id}] {_md(s.title)}, <{s.url}> (read {s.retrieved}; {s.confidence.value}; "
            f"{kind}).{note}"
        )
    return "\n".join(lines) + "\n"
