"""MEM-* rules: what the Membership section asks of each Member."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clac.charter import BASE_DOCUMENT, Amendment, Severity
from clac.model import (
    TLP,
    Contribution,
    ContributionKind,
    Document,
    DocumentKind,
    MeetingKind,
    Member,
    RepresentativeLevel,
    Subscription,
)
from clac.periods import Month
from clac.registry import Coalition
from clac.rules import CATALOGUE, Outcome, evaluate
from clac.rules.membership import months_before
from clac.testing import coalitions, contributions, representatives, strings
from clac.text import Language, Text
from tests.factories import (
    AS_OF,
    FOUNDED,
    charter_working_groups,
    coalition,
    finding,
    meeting,
    member,
    monthly_hours,
    organization,
    representative,
    working_group,
)

MET, UNMET = Outcome.MET, Outcome.UNMET
NA, NO_DATA = Outcome.NOT_APPLICABLE, Outcome.INSUFFICIENT_DATA

WINDOW = tuple(Month.of(AS_OF).minus(n) for n in range(12, 0, -1))  # 2023-06 .. 2024-05
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one_member(**changes: object) -> Coalition:
    """A compliant coalition whose one member, ``org-a``, has ``changes``."""
    return coalition([member("org-a", **changes)])


def evidence(rule_id: str, base: Coalition, subject: str = "org-a") -> dict[str, object]:
    return {f.name: f.value for f in finding(base, rule_id, subject).evidence}


# --------------------------------------------------------------------------- MEM-01


class TestCompliantDefault:
    """The factory's default member is a fair baseline for the tests below."""

    def test_the_default_member_meets_every_required_and_expected_rule(self) -> None:
        assessment = evaluate(coalition(), AS_OF).where(family="MEM", subject="org-a")
        assert not assessment.unmet
        assert {f.outcome for f in assessment} == {MET, NA}


class TestInstitutionalMembership:
    """MEM-01: membership is institutional and not specific to individuals."""

    def test_an_organization_named_unlike_its_representatives_is_met(self) -> None:
        assert finding(one_member(), "MEM-01", "org-a").outcome is MET

    def test_an_organization_named_after_its_representative_is_unmet(self) -> None:
        base = coalition(
            [member("org-a", representatives=(representative("Ana Ejemplo"),))],
            organizations=[organization("org-a", name="  ana   EJEMPLO ")],
        )
        result = finding(base, "MEM-01", "org-a")
        assert result.outcome is UNMET
        assert "institutional" in result.message.en
        assert "institucional" in result.message.es

    def test_it_is_required(self) -> None:
        assert CATALOGUE.get("MEM-01").severity is Severity.REQUIRED

    @given(
        name=st.sampled_from(["Ana Ejemplo", "ana ejemplo", " ANA  EJEMPLO", "Fundación Ejemplo"]),
        people=st.lists(
            st.sampled_from(["Ana Ejemplo", "Bruno Muestra", "fundación   ejemplo"]), max_size=3
        ),
    )
    def test_unmet_exactly_when_a_representative_carries_the_organization_name(
        self, name: str, people: list[str]
    ) -> None:
        base = coalition(
            [member("org-a", representatives=tuple(representative(p) for p in people))],
            organizations=[organization("org-a", name=name)],
        )

        def norm(s: str) -> str:
            return " ".join(s.split()).lower()

        expected = UNMET if any(norm(p) == norm(name) for p in people) else MET
        assert finding(base, "MEM-01", "org-a").outcome is expected


# --------------------------------------------------------------------------- MEM-02


class TestTrackRecord:
    """MEM-02: a proven track record, with evidence recorded."""

    def test_a_member_with_a_recorded_track_record_is_met(self) -> None:
        result = finding(one_member(), "MEM-02", "org-a")
        assert result.outcome is MET
        assert evidence("MEM-02", one_member()) == {"track_record_entries": 1}

    def test_a_member_without_track_record_evidence_is_unmet(self) -> None:
        assert finding(one_member(track_record=()), "MEM-02", "org-a").outcome is UNMET

    @given(entries=st.lists(strings(), max_size=3))
    def test_met_exactly_when_the_track_record_has_an_entry(self, entries: list[str]) -> None:
        result = finding(one_member(track_record=tuple(entries)), "MEM-02", "org-a")
        assert result.outcome is (MET if entries else UNMET)


# --------------------------------------------------------------------------- MEM-03


class TestWrittenSubscription:
    """MEM-03: the charter subscribed in writing, on or before the day."""

    def test_a_member_that_signed_before_the_day_is_met(self) -> None:
        result = finding(one_member(), "MEM-03", "org-a")
        assert result.outcome is MET
        assert FOUNDED.isoformat() in result.message.en

    def test_a_member_without_a_written_subscription_is_unmet(self) -> None:
        result = finding(one_member(charter_subscription=None), "MEM-03", "org-a")
        assert result.outcome is UNMET
        assert result.message.es == "no consta una suscripción escrita a la carta"

    def test_a_subscription_signed_after_the_day_does_not_count_yet(self) -> None:
        base = one_member(charter_subscription=Subscription(signed=date(2024, 7, 1)))
        assert finding(base, "MEM-03", "org-a").outcome is UNMET
        assert finding(base, "MEM-03", "org-a", as_of=date(2024, 7, 1)).outcome is MET

    @given(
        signed=st.dates(date(2016, 5, 24), date(2027, 12, 31)),
        as_of=st.dates(date(2016, 5, 24), date(2027, 12, 31)),
    )
    def test_met_exactly_when_signed_on_or_before_the_day(self, signed: date, as_of: date) -> None:
        base = one_member(charter_subscription=Subscription(signed=signed))
        result = finding(base, "MEM-03", "org-a", as_of=as_of)
        assert result.outcome is (MET if signed <= as_of else UNMET)


# --------------------------------------------------------------------------- MEM-04


class TestListedInMaterials:
    """MEM-04: listed as a CLAC member in its materials."""

    def test_a_member_listed_in_its_materials_is_met(self) -> None:
        assert finding(one_member(), "MEM-04", "org-a").outcome is MET

    def test_a_member_not_listed_in_its_materials_is_unmet(self) -> None:
        assert finding(one_member(listed_in_materials=False), "MEM-04", "org-a").outcome is UNMET

    @given(listed=st.booleans())
    def test_the_outcome_follows_the_recorded_listing(self, listed: bool) -> None:
        result = finding(one_member(listed_in_materials=listed), "MEM-04", "org-a")
        assert result.outcome is (MET if listed else UNMET)
        assert result.evidence[0].value is listed


# --------------------------------------------------------------------------- MEM-05


class TestDesignatedRepresentative:
    """MEM-05: at least one designated representative."""

    def test_a_member_with_a_representative_is_met(self) -> None:
        assert finding(one_member(), "MEM-05", "org-a").outcome is MET

    def test_a_member_without_a_representative_is_unmet(self) -> None:
        result = finding(one_member(representatives=()), "MEM-05", "org-a")
        assert result.outcome is UNMET
        assert evidence("MEM-05", one_member(representatives=())) == {"representatives": 0}

    @given(people=st.lists(representatives(), max_size=3))
    def test_met_exactly_when_there_is_a_representative(self, people: list[object]) -> None:
        result = finding(one_member(representatives=tuple(people)), "MEM-05", "org-a")
        assert result.outcome is (MET if people else UNMET)


# --------------------------------------------------------------------------- MEM-06


class TestRepresentativeLevel:
    """MEM-06: a representative of at least middle level (the Spanish text)."""

    def test_a_middle_level_representative_is_met(self) -> None:
        assert finding(one_member(), "MEM-06", "org-a").outcome is MET

    def test_one_senior_representative_among_juniors_is_enough(self) -> None:
        people = (
            representative("Ana", level=RepresentativeLevel.JUNIOR),
            representative("Bruno", level=RepresentativeLevel.SENIOR),
        )
        result = finding(one_member(representatives=people), "MEM-06", "org-a")
        assert result.outcome is MET
        assert "senior" in result.message.en
        assert "superior" in result.message.es

    def test_only_junior_representatives_is_unmet(self) -> None:
        people = (representative(level=RepresentativeLevel.JUNIOR),)
        result = finding(one_member(representatives=people), "MEM-06", "org-a")
        assert result.outcome is UNMET
        assert "inicial" in result.message.es

    def test_no_representative_at_all_is_left_to_mem_05(self) -> None:
        result = finding(one_member(representatives=()), "MEM-06", "org-a")
        assert result.outcome is NA
        assert "MEM-05" in result.message.en

    def test_it_cites_the_clause_whose_spanish_asks_for_the_level(self) -> None:
        clause = CATALOGUE.get("MEM-06").clause
        assert clause.divergence is not None
        assert clause.divergence.follows is Language.ES
        assert "nivel medio" in clause.text.es

    @given(levels=st.lists(st.sampled_from(list(RepresentativeLevel)), max_size=3))
    def test_the_outcome_follows_the_highest_level(self, levels: list[RepresentativeLevel]) -> None:
        people = tuple(representative(f"Persona {i}", level=lv) for i, lv in enumerate(levels))
        result = finding(one_member(representatives=people), "MEM-06", "org-a")
        if not levels:
            assert result.outcome is NA
        else:
            assert result.outcome is (MET if max(levels) >= RepresentativeLevel.MIDDLE else UNMET)


# --------------------------------------------------------------------------- MEM-07


def drop_attendance(base: Coalition, organization_id: str, since: date) -> Coalition:
    """``base`` where ``organization_id`` attended no meeting from ``since`` on."""
    meetings = tuple(
        attrs.evolve(m, attendees=tuple(a for a in m.attendees if a != organization_id))
        if m.date >= since
        else m
        for m in base.meetings
    )
    return base.evolve(meetings=meetings)


def two_members() -> Coalition:
    """A coalition of org-a and org-b, so that a meeting org-a missed still records who came
    (a meeting with no attendee recorded says nothing about anyone's attendance)."""
    return coalition([member("org-a"), member("org-b")])


class TestMeetingAttendance:
    """MEM-07: takes part in CLAC meetings within the attendance window."""

    def test_a_member_that_attended_a_meeting_in_the_window_is_met(self) -> None:
        result = finding(coalition(), "MEM-07", "org-a")
        assert result.outcome is MET
        assert "annual-2024" in result.message.en

    def test_a_member_that_missed_every_meeting_in_the_window_is_unmet(self) -> None:
        base = drop_attendance(two_members(), "org-a", date(2023, 1, 1))
        result = finding(base, "MEM-07", "org-a")
        assert result.outcome is UNMET
        held = next(f.value for f in result.evidence if f.name == "held")
        assert held == ("regional-2023", "annual-2024")

    def test_the_window_follows_the_parameter(self) -> None:
        assert months_before(AS_OF, 12) == date(2023, 6, 15)
        assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
        result = finding(coalition(), "MEM-07", "org-a")
        assert result.parameters[0].name == "attendance_window_months"
        assert result.parameters[0].value == 12

    def test_working_group_meetings_do_not_count(self) -> None:
        base = drop_attendance(two_members(), "org-a", date(2023, 1, 1))
        wg = meeting(
            "wg-2024",
            date(2024, 3, 1),
            kind=MeetingKind.WORKING_GROUP,
            working_group="prevention-awareness",
            attendees=["org-a"],
        )
        base = base.evolve(meetings=(*base.meetings, wg))
        assert finding(base, "MEM-07", "org-a").outcome is UNMET

    def test_a_new_member_with_no_meeting_since_joining_is_not_applicable(self) -> None:
        base = coalition([member("org-a"), member("org-b", joined=date(2024, 6, 1))])
        result = finding(base, "MEM-07", "org-b")
        assert result.outcome is NA

    def test_a_new_member_that_missed_a_meeting_since_joining_is_unmet(self) -> None:
        base = coalition([member("org-a"), member("org-b", joined=date(2024, 1, 10))])
        base = drop_attendance(base, "org-b", date(2024, 1, 10))
        assert finding(base, "MEM-07", "org-b").outcome is UNMET

    def test_a_window_with_no_meeting_at_all_is_not_applicable(self) -> None:
        base = coalition()
        base = base.evolve(meetings=tuple(m for m in base.meetings if m.date.year < 2023))
        assert finding(base, "MEM-07", "org-a").outcome is NA

    @SLOW
    @given(
        joined=st.dates(date(2021, 1, 1), AS_OF),
        held=st.lists(
            st.tuples(
                st.dates(date(2021, 1, 1), AS_OF),
                st.sampled_from(list(MeetingKind)),
                st.booleans(),
            ),
            max_size=6,
        ),
    )
    def test_met_exactly_when_a_coalition_meeting_in_the_window_was_attended(
        self, joined: date, held: list[tuple[date, MeetingKind, bool]]
    ) -> None:
        meetings = tuple(
            meeting(
                f"m{i}",
                day,
                kind=kind,
                attendees=["org-a"] if went else [],
                working_group="prevention-awareness" if kind is MeetingKind.WORKING_GROUP else None,
            )
            for i, (day, kind, went) in enumerate(held)
        )
        base = coalition([member("org-a", joined=joined)], meetings=meetings)
        start = months_before(AS_OF, 12)
        coalition_kinds = {MeetingKind.ANNUAL, MeetingKind.REGIONAL}
        attended = any(k in coalition_kinds and w and d >= start for d, k, w in held)
        since = max(start, joined)
        anything = any(k in coalition_kinds and d >= since for d, k, _ in held)
        outcome = finding(base, "MEM-07", "org-a").outcome
        assert (outcome is MET) is attended
        if not anything:
            assert outcome is not UNMET


# --------------------------------------------------------------------------- MEM-08


class TestWorkingGroups:
    """MEM-08: joins 1-2 working groups."""

    @pytest.mark.parametrize(
        "groups", [("prevention-awareness",), ("prevention-awareness", "latin-american-hotlines")]
    )
    def test_one_or_two_groups_is_met(self, groups: tuple[str, ...]) -> None:
        assert finding(one_member(working_groups=groups), "MEM-08", "org-a").outcome is MET

    def test_no_working_group_is_unmet(self) -> None:
        result = finding(one_member(working_groups=()), "MEM-08", "org-a")
        assert result.outcome is UNMET
        assert result.message.en == "in no working group (expected 1-2)"

    def test_three_working_groups_is_unmet(self) -> None:
        groups = ("prevention-awareness", "latin-american-hotlines", "private-sector-collaboration")
        result = finding(one_member(working_groups=groups), "MEM-08", "org-a")
        assert result.outcome is UNMET
        assert result.message.es == "integra 3 grupos de trabajo, más de 2"
        assert {p.name: p.value for p in result.parameters} == {
            "min_working_groups_per_member": 1,
            "max_working_groups_per_member": 2,
        }

    @SLOW
    @given(
        bounds=st.tuples(st.integers(1, 4), st.integers(0, 3)),
        count=st.integers(0, 7),
    )
    def test_unmet_exactly_when_the_count_is_outside_the_parameters(
        self, bounds: tuple[int, int], count: int
    ) -> None:
        low, extra = bounds
        charter = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2020, 1, 1),
                summary=Text("Working groups per member", "Grupos de trabajo por miembro"),
                parameters={
                    "min_working_groups_per_member": low,
                    "max_working_groups_per_member": low + extra,
                },
            )
        )
        extras = tuple(working_group(f"extra-{i}") for i in range(3))
        ids = [w.id for w in charter.working_groups] + [w.id for w in extras]
        base = coalition(
            [member("org-a", working_groups=tuple(ids[:count]))],
            charter=charter,
            working_groups=(*charter_working_groups(charter), *extras),
        )
        outcome = finding(base, "MEM-08", "org-a").outcome
        assert (outcome is UNMET) is not (low <= count <= low + extra)


# --------------------------------------------------------------------------- MEM-09


def with_hours(values: Sequence[float | None], *, joined: date = FOUNDED) -> Coalition:
    """org-a with ``values`` hours for the 12 months before AS_OF (None: no record)."""
    records = tuple(
        p
        for p, v in zip(monthly_hours("org-a", [v or 0 for v in values]), values, strict=True)
        if v is not None
    )
    return coalition([member("org-a", joined=joined)], participation=records)


class TestHoursPerMonth:
    """MEM-09: approximately 4-7 hours a month."""

    def test_five_hours_a_month_is_met(self) -> None:
        result = finding(with_hours([5] * 12), "MEM-09", "org-a")
        assert result.outcome is MET
        assert evidence("MEM-09", with_hours([5] * 12))["average_hours"] == 5

    def test_under_four_hours_on_average_is_unmet(self) -> None:
        result = finding(with_hours([2, 3] * 6), "MEM-09", "org-a")
        assert result.outcome is UNMET
        assert "2.5" in result.message.en
        assert "por debajo" in result.message.es

    def test_over_seven_hours_is_met_because_the_range_is_approximate(self) -> None:
        result = finding(with_hours([12] * 12), "MEM-09", "org-a")
        assert result.outcome is MET
        assert "approximately" in result.message.en
        assert "aproximadamente" in result.message.es
        assert evidence("MEM-09", with_hours([12] * 12))["above_range"] is True

    def test_no_records_at_all_is_insufficient_data_never_unmet(self) -> None:
        result = finding(with_hours([None] * 12), "MEM-09", "org-a")
        assert result.outcome is NO_DATA

    def test_records_for_fewer_than_half_the_months_are_insufficient(self) -> None:
        result = finding(with_hours([1] * 5 + [None] * 7), "MEM-09", "org-a")
        assert result.outcome is NO_DATA
        assert "5 of 12" in result.message.en

    def test_missing_months_are_not_counted_as_zero(self) -> None:
        result = finding(with_hours([5, None] * 6), "MEM-09", "org-a")
        assert result.outcome is MET
        assert evidence("MEM-09", with_hours([5, None] * 6))["average_hours"] == 5

    def test_a_new_member_is_averaged_over_its_complete_months(self) -> None:
        base = with_hours([None] * 9 + [1, 1, 1], joined=date(2024, 2, 15))
        facts = evidence("MEM-09", base)
        assert facts["months"] == "2024-03..2024-05"
        assert finding(base, "MEM-09", "org-a").outcome is UNMET

    def test_a_member_without_a_complete_month_is_not_applicable(self) -> None:
        base = with_hours([None] * 12, joined=date(2024, 6, 2))
        assert finding(base, "MEM-09", "org-a").outcome is NA

    @given(
        values=st.lists(
            st.none() | st.integers(0, 40).map(lambda n: n / 2), min_size=12, max_size=12
        )
    )
    def test_unmet_only_with_at_least_half_the_months_recorded(
        self, values: list[float | None]
    ) -> None:
        outcome = finding(with_hours(values), "MEM-09", "org-a").outcome
        recorded = [v for v in values if v is not None]
        if 2 * len(recorded) < 12:
            assert outcome is NO_DATA
        else:
            assert (outcome is UNMET) is (sum(recorded) / len(recorded) < 4)

    @given(
        values=st.lists(
            st.none() | st.integers(0, 40).map(lambda n: n / 2), min_size=12, max_size=12
        ),
        more=st.lists(st.integers(0, 10).map(lambda n: n / 2), min_size=12, max_size=12),
    )
    def test_adding_hours_never_turns_met_into_unmet(
        self, values: list[float | None], more: list[float]
    ) -> None:
        before = finding(with_hours(values), "MEM-09", "org-a").outcome
        raised = [None if v is None else v + m for v, m in zip(values, more, strict=True)]
        after = finding(with_hours(raised), "MEM-09", "org-a").outcome
        if before is MET:
            assert after is MET


# --------------------------------------------------------------------------- MEM-10..12


def document(id_: str, kind: DocumentKind, authors: Sequence[str], day: date) -> Document:
    return Document(
        id=id_,
        title=f"Documento {id_}",
        kind=kind,
        language=Language.ES,
        classification=TLP.CLEAR,
        date=day,
        authors=tuple(authors),
    )


class TestExpertise:
    """MEM-10 (encouraged): provides expertise and content."""

    def test_an_author_of_a_guideline_is_met(self) -> None:
        doc = document("guia", DocumentKind.GUIDELINE, ["org-a"], date(2020, 1, 1))
        result = finding(one_member().evolve(documents=(doc,)), "MEM-10", "org-a")
        assert result.outcome is MET

    def test_a_member_that_wrote_nothing_is_not_applicable_never_unmet(self) -> None:
        minutes = document("acta", DocumentKind.MINUTES, ["org-a"], date(2020, 1, 1))
        later = document("protocolo", DocumentKind.PROTOCOL, ["org-a"], date(2025, 1, 1))
        result = finding(one_member().evolve(documents=(minutes, later)), "MEM-10", "org-a")
        assert result.outcome is NA
        assert result.message.en == "not taken up (encouraged, not required)"

    @given(
        docs=st.lists(
            st.tuples(
                st.sampled_from(list(DocumentKind)),
                st.booleans(),
                st.dates(date(2016, 1, 1), date(2026, 1, 1)),
            ),
            max_size=4,
        )
    )
    def test_met_exactly_when_an_expertise_document_was_authored_by_the_day(
        self, docs: list[tuple[DocumentKind, bool, date]]
    ) -> None:
        documents = tuple(
            document(f"d{i}", kind, ["org-a"] if mine else ["icmec"], day)
            for i, (kind, mine, day) in enumerate(docs)
        )
        result = finding(one_member().evolve(documents=documents), "MEM-10", "org-a")
        kinds = {DocumentKind.BEST_PRACTICE, DocumentKind.GUIDELINE, DocumentKind.PROTOCOL}
        expected = any(k in kinds and mine and d <= AS_OF for k, mine, d in docs)
        assert result.outcome is (MET if expected else NA)


class TestOutreach:
    """MEM-11 (encouraged): helps expand the membership."""

    def test_a_member_that_referred_another_is_met(self) -> None:
        base = coalition([member("org-a"), member("org-b", referred_by="org-a")])
        result = finding(base, "MEM-11", "org-a")
        assert result.outcome is MET
        assert "org-b" in result.message.es

    def test_a_member_that_referred_no_one_is_not_applicable(self) -> None:
        base = coalition([member("org-a"), member("org-b", referred_by="org-a")])
        assert finding(base, "MEM-11", "org-b").outcome is NA

    @given(referrals=st.lists(st.sampled_from([None, "org-a", "org-b"]), min_size=3, max_size=3))
    def test_never_unmet(self, referrals: list[str | None]) -> None:
        ids = ["org-a", "org-b", "org-c"]
        members = [
            member(i, referred_by=r if r != i else None)
            for i, r in zip(ids, referrals, strict=True)
        ]
        base = coalition(members)
        for i in ids:
            outcome = finding(base, "MEM-11", i).outcome
            referred = any(m.referred_by == i for m in members)
            assert outcome is (MET if referred else NA)


class TestSupport:
    """MEM-12 (encouraged): identifies in-kind support or sources of contributions."""

    def test_in_kind_support_is_met(self) -> None:
        gift = Contribution(date(2020, 3, 1), ContributionKind.IN_KIND, "Hosted the 2020 meeting")
        assert finding(one_member(contributions=(gift,)), "MEM-12", "org-a").outcome is MET

    def test_a_member_that_only_gave_money_is_not_applicable(self) -> None:
        money = Contribution(date(2020, 3, 1), ContributionKind.FINANCIAL, "Secretariat funds")
        result = finding(one_member(contributions=(money,)), "MEM-12", "org-a")
        assert result.outcome is NA
        assert result.message.es == "no asumido (alentado, no obligatorio)"

    @given(gifts=st.lists(contributions(), max_size=3))
    def test_never_unmet(self, gifts: list[Contribution]) -> None:
        result = finding(one_member(contributions=tuple(gifts)), "MEM-12", "org-a")
        counted = any(g.kind is not ContributionKind.FINANCIAL and g.date <= AS_OF for g in gifts)
        assert result.outcome is (MET if counted else NA)


class TestEncouragedRules:
    """Encouraged duties are reported when done and never as unmet."""

    def test_the_encouraged_membership_rules_are_mem_10_to_12(self) -> None:
        encouraged = {r.id for r in CATALOGUE.family("MEM") if r.severity is Severity.ENCOURAGED}
        assert encouraged == {"MEM-10", "MEM-11", "MEM-12"}

    @SLOW
    @given(base=coalitions(min_members=1), as_of=st.dates(date(2016, 1, 1), date(2026, 12, 31)))
    def test_no_encouraged_rule_is_ever_unmet(self, base: Coalition, as_of: date) -> None:
        rules = [r for r in CATALOGUE if r.severity is Severity.ENCOURAGED]
        assessment = evaluate(base, as_of, rules=rules)
        assert not assessment.unmet


# --------------------------------------------------------------------------- financial


def _financial(draw: st.DrawFn) -> tuple[Contribution, ...]:
    drawn = draw(st.lists(contributions(), max_size=3))
    return tuple(attrs.evolve(c, kind=ContributionKind.FINANCIAL) for c in drawn)


@st.composite
def financial_changes(draw: st.DrawFn, base: Coalition) -> Coalition:
    """``base`` with every member's financial contributions replaced (added, removed or
    altered); its other contributions untouched."""
    changed: list[Member] = []
    for m in base.members:
        kept = tuple(c for c in m.contributions if c.kind is not ContributionKind.FINANCIAL)
        changed.append(attrs.evolve(m, contributions=kept + _financial(draw)))
    return base.evolve(members=tuple(changed))


class TestFinancialContributions:
    """Financial contributions are welcome but never a condition of membership."""

    def test_no_rule_is_about_financial_contributions(self) -> None:
        footnote = BASE_DOCUMENT.clause("membership", 11)
        assert all(r.clause != footnote for r in CATALOGUE)

    @SLOW
    @given(data=st.data(), base=coalitions(min_members=1))
    def test_no_finding_changes_when_financial_contributions_change(
        self, data: st.DataObject, base: Coalition
    ) -> None:
        as_of = data.draw(st.dates(date(2016, 1, 1), date(2026, 12, 31)), label="as_of")
        other = data.draw(financial_changes(base), label="changed")
        assert evaluate(other, as_of).findings == evaluate(base, as_of).findings

    def test_a_member_with_a_large_financial_contribution_is_judged_like_any_other(self) -> None:
        money = Contribution(date(2020, 3, 1), ContributionKind.FINANCIAL, "Major donation")
        base = one_member(contributions=(money,))
        plain = one_member()
        assert evaluate(base, AS_OF).findings == evaluate(plain, AS_OF).findings
