"""GOV-* rules: the Structure and Governance section."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clac.charter import BASE_DOCUMENT, Amendment, Role, Severity, WorkingGroupDefinition
from clac.model import MeetingKind, Plans, RoleAssignment, StrategicPlan
from clac.registry import Coalition
from clac.rules import CATALOGUE, Outcome
from clac.text import Text
from tests.factories import (
    AS_OF,
    ICMEC,
    charter_working_groups,
    coalition,
    finding,
    findings,
    meeting,
    member,
    operational_plans,
    organization,
    strategic_plans,
    working_group,
)

MET, UNMET, NA = Outcome.MET, Outcome.UNMET, Outcome.NOT_APPLICABLE
INSUFFICIENT = Outcome.INSUFFICIENT_DATA
FEW = settings(deadline=None)


def with_roles(*assignments: RoleAssignment) -> Coalition:
    return coalition(organizations=[organization("org-a")]).evolve(roles=assignments)


def secretariat(org: str = ICMEC, *, until: date | None = None) -> RoleAssignment:
    return RoleAssignment(role="secretariat", organization=org, since=date(2016, 1, 1), until=until)


def chair(org: str = ICMEC, unit: str | None = "ICMEC LAC") -> RoleAssignment:
    return RoleAssignment(role="chair", organization=org, since=date(2016, 1, 1), unit=unit)


# --------------------------------------------------------------------------- GOV-01


class TestSecretariat:
    """GOV-01: ICMEC holds the Secretariat."""

    def test_icmec_holding_the_secretariat_is_met(self) -> None:
        base = coalition()
        result = finding(base, "GOV-01", base.name)
        assert result.outcome is MET
        assert "icmec" in result.message.es

    def test_no_secretariat_is_unmet(self) -> None:
        base = with_roles(chair())
        result = finding(base, "GOV-01", base.name)
        assert result.outcome is UNMET
        assert result.message.en == f"no one holds the Secretariat on {AS_OF.isoformat()}"

    def test_a_secretariat_held_by_another_organization_is_unmet(self) -> None:
        base = with_roles(secretariat("org-a"), chair())
        result = finding(base, "GOV-01", base.name)
        assert result.outcome is UNMET
        assert "org-a" in result.message.en

    def test_a_secretariat_that_ended_is_unmet(self) -> None:
        base = with_roles(secretariat(until=date(2024, 1, 1)), chair())
        assert finding(base, "GOV-01", base.name).outcome is UNMET
        assert finding(base, "GOV-01", base.name, as_of=date(2023, 12, 31)).outcome is MET

    def test_it_is_required(self) -> None:
        assert CATALOGUE.get("GOV-01").severity is Severity.REQUIRED

    @FEW
    @given(
        holders=st.lists(
            st.tuples(
                st.sampled_from([ICMEC, "org-a"]),
                st.dates(date(2016, 1, 1), date(2025, 12, 31)),
                st.none() | st.integers(1, 3000),
            ),
            max_size=3,
        ),
        as_of=st.dates(date(2016, 1, 1), date(2026, 12, 31)),
    )
    def test_met_exactly_when_an_icmec_assignment_is_in_force(
        self, holders: list[tuple[str, date, int | None]], as_of: date
    ) -> None:
        assignments = tuple(
            RoleAssignment(
                role="secretariat",
                organization=org,
                since=since,
                until=None if days is None else date.fromordinal(since.toordinal() + days),
            )
            for org, since, days in holders
        )
        base = with_roles(*assignments)
        expected = any(a.organization == ICMEC and a.holds_on(as_of) for a in assignments)
        assert (finding(base, "GOV-01", base.name, as_of).outcome is MET) is expected


# --------------------------------------------------------------------------- GOV-02


class TestChair:
    """GOV-02: a representative of ICMEC LAC serves as Chair."""

    def test_icmec_lac_in_the_chair_is_met(self) -> None:
        base = coalition()
        assert finding(base, "GOV-02", base.name).outcome is MET

    def test_the_unit_is_compared_without_case_or_extra_spaces(self) -> None:
        base = with_roles(secretariat(), chair(unit="  icmec   Lac "))
        assert finding(base, "GOV-02", base.name).outcome is MET

    def test_icmec_headquarters_in_the_chair_is_unmet(self) -> None:
        base = with_roles(secretariat(), chair(unit="ICMEC Global"))
        result = finding(base, "GOV-02", base.name)
        assert result.outcome is UNMET
        assert "ICMEC Global" in result.message.es

    def test_a_chair_without_unit_is_unmet(self) -> None:
        base = with_roles(secretariat(), chair(unit=None))
        assert finding(base, "GOV-02", base.name).outcome is UNMET

    def test_another_organization_in_the_chair_is_unmet(self) -> None:
        base = with_roles(secretariat(), chair("org-a"))
        result = finding(base, "GOV-02", base.name)
        assert result.outcome is UNMET
        assert result.message.en == "the Chair is held by org-a, not by ICMEC LAC"

    def test_no_chair_is_unmet(self) -> None:
        base = with_roles(secretariat())
        assert finding(base, "GOV-02", base.name).outcome is UNMET

    @FEW
    @given(
        holders=st.lists(
            st.tuples(
                st.sampled_from([ICMEC, "org-a"]),
                st.sampled_from([None, "ICMEC LAC", "icmec lac", "ICMEC", "LAC"]),
            ),
            max_size=3,
        )
    )
    def test_met_exactly_when_icmec_chairs_for_icmec_lac(
        self, holders: list[tuple[str, str | None]]
    ) -> None:
        base = with_roles(secretariat(), *(chair(org, unit) for org, unit in holders))
        expected = any(
            org == ICMEC and (unit or "").lower() == "icmec lac" for org, unit in holders
        )
        assert (finding(base, "GOV-02", base.name).outcome is MET) is expected


# --------------------------------------------------------------------------- GOV-03


def without_meeting(base: Coalition, meeting_id: str) -> Coalition:
    return base.evolve(meetings=tuple(m for m in base.meetings if m.id != meeting_id))


class TestAnnualMeeting:
    """GOV-03: an annual meeting coordinated by ICMEC LAC each complete year."""

    def test_every_complete_year_with_an_icmec_annual_meeting_is_met(self) -> None:
        result = findings(coalition(), "GOV-03")
        assert {y: f.outcome for y, f in result.items() if int(y) < AS_OF.year} == {
            str(y): MET for y in range(2016, 2024)
        }

    def test_a_year_without_an_annual_meeting_is_unmet(self) -> None:
        base = without_meeting(coalition(), "annual-2019")
        result = finding(base, "GOV-03", "2019")
        assert result.outcome is UNMET
        assert result.message.es == "ninguna reunión anual en 2019"

    def test_an_annual_meeting_organized_by_another_member_is_unmet(self) -> None:
        base = without_meeting(coalition(), "annual-2019")
        other = meeting("annual-2019-b", date(2019, 6, 1), organizer="org-a", attendees=["org-a"])
        base = base.evolve(meetings=(*base.meetings, other))
        result = finding(base, "GOV-03", "2019")
        assert result.outcome is UNMET
        assert "annual-2019-b (org-a)" in result.message.en

    def test_a_regional_meeting_is_not_an_annual_one(self) -> None:
        base = without_meeting(coalition(), "annual-2019")
        assert any(m.kind is MeetingKind.REGIONAL and m.date.year == 2019 for m in base.meetings)
        assert finding(base, "GOV-03", "2019").outcome is UNMET

    def test_the_current_year_waits_until_it_is_over(self) -> None:
        base = without_meeting(coalition(), "annual-2024")
        result = finding(base, "GOV-03", "2024")
        assert result.outcome is NA
        assert finding(base, "GOV-03", "2024", as_of=date(2025, 1, 1)).outcome is UNMET

    def test_years_before_the_first_member_joined_are_not_applicable(self) -> None:
        base = coalition([member("org-a", joined=date(2019, 3, 1))])
        result = findings(base, "GOV-03")
        assert {y: f.outcome for y, f in result.items() if int(y) < 2019} == {
            str(y): NA for y in range(2016, 2019)
        }

    @FEW
    @given(
        kept=st.lists(st.booleans(), min_size=9, max_size=9),
        as_of=st.dates(date(2016, 1, 1), AS_OF),
    )
    def test_met_exactly_for_complete_years_with_an_icmec_annual_meeting(
        self, kept: list[bool], as_of: date
    ) -> None:
        base = coalition()
        dropped = {f"annual-{2016 + i}" for i, keep in enumerate(kept) if not keep}
        base = base.evolve(meetings=tuple(m for m in base.meetings if m.id not in dropped))
        for year, result in findings(base, "GOV-03", as_of).items():
            held = f"annual-{year}" not in dropped and date(int(year), 5, 24) <= as_of
            if int(year) >= as_of.year:
                assert result.outcome is NA
            else:
                assert (result.outcome is MET) is held


# --------------------------------------------------------------------------- GOV-04


class TestNewWorkingGroups:
    """GOV-04: future working groups formed in consultation with active members."""

    def test_a_new_group_formed_after_a_consultation_is_met(self) -> None:
        group = working_group("research", formed=date(2019, 9, 10), consulted=date(2019, 6, 18))
        base = coalition().evolve(working_groups=(*charter_working_groups(), group))
        result = finding(base, "GOV-04", "research")
        assert result.outcome is MET
        assert "2019-06-18" in result.message.es

    def test_a_new_group_formed_without_consultation_is_unmet(self) -> None:
        group = working_group("legislative", formed=date(2023, 6, 6))
        base = coalition().evolve(working_groups=(*charter_working_groups(), group))
        result = finding(base, "GOV-04", "legislative")
        assert result.outcome is UNMET
        assert "2023-06-06" in result.message.en

    def test_the_charters_own_groups_are_not_applicable(self) -> None:
        result = findings(coalition(), "GOV-04")
        assert {f.outcome for f in result.values()} == {NA}
        assert set(result) == {w.id for w in BASE_DOCUMENT.working_groups}

    def test_a_group_an_amendment_adds_is_the_charters_own(self) -> None:
        charter = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2022, 1, 1),
                summary=Text("A research group", "Un grupo de investigación"),
                add_working_groups=(
                    WorkingGroupDefinition(
                        id="research", name=Text("Research", "Investigación"), formed=None
                    ),
                ),
            )
        )
        group = working_group("research", formed=date(2022, 3, 1))
        base = coalition(charter=charter).evolve(working_groups=(*charter_working_groups(), group))
        assert finding(base, "GOV-04", "research").outcome is NA

    @FEW
    @given(
        formed=st.dates(date(2016, 1, 1), AS_OF),
        before=st.none() | st.integers(0, 400),
        charter_group=st.booleans(),
    )
    def test_charter_groups_are_never_unmet_and_others_need_a_consultation(
        self, formed: date, before: int | None, charter_group: bool
    ) -> None:
        consulted = None if before is None else date.fromordinal(formed.toordinal() - before)
        gid = "prevention-awareness" if charter_group else "new-group"
        group = working_group(gid, formed=formed, consulted=consulted)
        groups = [g for g in charter_working_groups() if g.id != gid]
        base = coalition().evolve(working_groups=(*groups, group))
        outcome = finding(base, "GOV-04", gid).outcome
        if charter_group:
            assert outcome is NA
        else:
            assert outcome is (UNMET if consulted is None else MET)


# --------------------------------------------------------------------------- GOV-05


def with_strategic(*plans: StrategicPlan) -> Coalition:
    base = coalition()
    return base.evolve(plans=attrs.evolve(base.plans, strategic=plans))


class TestStrategicPlan:
    """GOV-05: a strategic plan of five years covering each year."""

    def test_years_covered_by_five_year_plans_are_met(self) -> None:
        result = findings(coalition(), "GOV-05")
        assert {f.outcome for f in result.values()} == {MET}
        assert set(result) == {str(y) for y in range(2016, 2025)}

    def test_a_year_no_plan_covers_is_unmet(self) -> None:
        base = with_strategic(*strategic_plans(until=2020))
        result = findings(base, "GOV-05")
        assert [y for y, f in result.items() if f.outcome is UNMET] == [
            "2021",
            "2022",
            "2023",
            "2024",
        ]
        assert result["2021"].message.es == "ningún plan estratégico cubre el año 2021"

    def test_a_plan_of_the_wrong_length_is_unmet(self) -> None:
        plans = (*strategic_plans(until=2020), *strategic_plans(2021, years=4))
        result = finding(with_strategic(*plans), "GOV-05", "2022")
        assert result.outcome is UNMET
        assert result.message.en == "the strategic plan 2021-2024 covers 4 years, not 5"
        assert {p.name: p.value for p in result.parameters} == {"strategic_plan_years": 5}

    def test_years_before_the_first_plan_are_not_applicable(self) -> None:
        base = with_strategic(*strategic_plans(2018, until=2024))
        result = findings(base, "GOV-05")
        assert result["2017"].outcome is NA
        assert result["2018"].outcome is MET

    def test_with_no_plan_at_all_every_year_of_the_coalition_is_unmet(self) -> None:
        result = findings(with_strategic(), "GOV-05")
        assert {f.outcome for f in result.values()} == {UNMET}

    def test_a_plan_adopted_after_the_day_does_not_count_yet(self) -> None:
        plans = (
            *strategic_plans(until=2020),
            StrategicPlan(start_year=2021, adopted=date(2021, 3, 1)),
        )
        base = with_strategic(*plans)
        early = finding(base, "GOV-05", "2021", as_of=date(2021, 2, 1))
        assert early.outcome is UNMET
        assert "2021-03-01" in early.message.es
        assert finding(base, "GOV-05", "2021", as_of=date(2021, 3, 1)).outcome is MET

    def test_an_amended_length_applies_to_plans_adopted_after_it(self) -> None:
        charter = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2020, 1, 1),
                summary=Text("Four-year plans", "Planes de cuatro años"),
                parameters={"strategic_plan_years": 4},
            )
        )
        plans = (
            StrategicPlan(start_year=2016, years=5, adopted=date(2016, 3, 1)),
            StrategicPlan(start_year=2021, years=4, adopted=date(2020, 10, 1)),
        )
        base = coalition(charter=charter)
        base = base.evolve(plans=attrs.evolve(base.plans, strategic=plans))
        result = findings(base, "GOV-05")
        assert {f.outcome for f in result.values()} == {MET}

    @FEW
    @given(
        spans=st.lists(st.tuples(st.integers(2016, 2024), st.integers(1, 6)), max_size=3),
        as_of=st.dates(date(2016, 1, 1), date(2026, 12, 31)),
    )
    def test_a_year_is_unmet_only_without_a_plan_of_the_right_length(
        self, spans: list[tuple[int, int]], as_of: date
    ) -> None:
        plans: list[StrategicPlan] = []
        for start, years in spans:
            plan = StrategicPlan(start_year=start, years=years)
            if all(plan.end_year < p.start_year or p.end_year < start for p in plans):
                plans.append(plan)
        base = coalition().evolve(plans=Plans(strategic=tuple(plans)))
        for year, result in findings(base, "GOV-05", as_of).items():
            covering = base.plans.strategic_plan_for(int(year))
            if result.outcome is UNMET:
                assert covering is None or covering.years != 5
            if covering is not None and covering.years == 5:
                assert result.outcome is MET


# --------------------------------------------------------------------------- GOV-06


def with_operational(first: int, until: int, *, skip: tuple[int, ...] = ()) -> Coalition:
    base = coalition()
    plans = tuple(
        p for p in operational_plans(first, as_of=date(until, 12, 31)) if p.year not in skip
    )
    return base.evolve(plans=attrs.evolve(base.plans, operational=plans))


class TestOperationalPlan:
    """GOV-06: an operational plan for each year, the current one included."""

    def test_every_year_with_a_plan_is_met(self) -> None:
        result = findings(coalition(), "GOV-06")
        assert {f.outcome for f in result.values()} == {MET}
        assert "2024" in result

    def test_a_year_without_a_plan_is_unmet(self) -> None:
        result = findings(with_operational(2016, 2024, skip=(2018,)), "GOV-06")
        assert [y for y, f in result.items() if f.outcome is UNMET] == ["2018"]
        assert result["2018"].message.es == "no hay plan operativo para 2018"

    def test_the_current_year_needs_its_plan_already(self) -> None:
        result = finding(with_operational(2016, 2023), "GOV-06", "2024")
        assert result.outcome is UNMET

    def test_years_before_the_coalition_are_not_applicable(self) -> None:
        base = coalition([member("org-a", joined=date(2018, 2, 1))])
        assert finding(base, "GOV-06", "2017").outcome is NA

    @FEW
    @given(
        skipped=st.sets(st.integers(2016, 2024), max_size=4),
        joined=st.dates(date(2016, 1, 1), AS_OF),
    )
    def test_met_exactly_when_a_year_of_the_coalition_has_its_plan(
        self, skipped: set[int], joined: date
    ) -> None:
        base = coalition([member("org-a", joined=joined)])
        plans = tuple(p for p in base.plans.operational if p.year not in skipped)
        base = base.evolve(plans=attrs.evolve(base.plans, operational=plans))
        for year, result in findings(base, "GOV-06").items():
            if int(year) < joined.year:
                assert result.outcome is NA
            else:
                assert result.outcome is (UNMET if int(year) in skipped else MET)


# --------------------------------------------------------------------------- GOV-07


class TestOperationalPlanAssessed:
    """GOV-07: each complete year's operational plan assessed."""

    def test_assessed_plans_are_met(self) -> None:
        result = findings(coalition(), "GOV-07")
        assert {y: f.outcome for y, f in result.items() if int(y) < 2024} == {
            str(y): MET for y in range(2016, 2024)
        }

    def test_a_plan_never_assessed_is_unmet(self) -> None:
        base = coalition()
        plans = tuple(
            attrs.evolve(p, assessed=None, assessment=None) if p.year == 2022 else p
            for p in base.plans.operational
        )
        base = base.evolve(plans=attrs.evolve(base.plans, operational=plans))
        result = finding(base, "GOV-07", "2022")
        assert result.outcome is UNMET
        assert result.message.en == "the operational plan for 2022 has not been assessed"

    def test_an_assessment_dated_after_the_day_does_not_count_yet(self) -> None:
        base = coalition()
        assert finding(base, "GOV-07", "2023", as_of=date(2024, 2, 1)).outcome is UNMET
        assert finding(base, "GOV-07", "2023", as_of=date(2024, 2, 10)).outcome is MET

    def test_the_current_year_is_not_applicable(self) -> None:
        assert finding(coalition(), "GOV-07", "2024").outcome is NA

    def test_a_year_without_a_plan_is_left_to_gov_06(self) -> None:
        result = finding(with_operational(2016, 2024, skip=(2020,)), "GOV-07", "2020")
        assert result.outcome is NA
        assert "GOV-06" in result.message.en

    @FEW
    @given(
        assessed=st.lists(st.booleans(), min_size=9, max_size=9),
        as_of=st.dates(date(2016, 1, 1), AS_OF),
    )
    def test_never_unmet_for_the_current_year_or_a_year_without_plan(
        self, assessed: list[bool], as_of: date
    ) -> None:
        base = coalition()
        plans = tuple(
            p if assessed[p.year - 2016] else attrs.evolve(p, assessed=None, assessment=None)
            for p in base.plans.operational
            if p.year != 2019
        )
        base = base.evolve(plans=attrs.evolve(base.plans, operational=plans))
        for year, result in findings(base, "GOV-07", as_of).items():
            if int(year) >= as_of.year or year == "2019":
                assert result.outcome is NA
            elif result.outcome is MET:
                plan = base.plans.operational_plan_for(int(year))
                assert plan is not None
                assert plan.assessed is not None
                assert plan.assessed <= as_of


class TestChairAsTheRegistryWritesIt:
    """GOV-02 accepts ICMEC's regional office under any of its known names; a unit that is not
    recorded, or an organization not marked as ICMEC, is unknown rather than unmet."""

    @pytest.mark.parametrize(
        "unit",
        [
            "ICMEC Latin America & Caribbean",
            "ICMEC Latin America and the Caribbean",
            "ICMEC América Latina y el Caribe",
            "ICMEC América Latina e Caribe",
            "icmec-lac",
            "ICMEC-LAC",
            "Icmec Latin America and Caribbean.",
        ],
    )
    def test_every_known_spelling_of_icmec_lac_is_met(self, unit: str) -> None:
        base = with_roles(secretariat(), chair(unit=unit))
        assert finding(base, "GOV-02", base.name).outcome is MET

    def test_a_chair_without_unit_in_a_registry_without_records_since_is_insufficient(
        self,
    ) -> None:
        base = with_roles(secretariat(), chair(unit=None)).evolve(records_since=None)
        result = finding(base, "GOV-02", base.name)
        assert result.outcome is INSUFFICIENT
        assert "roles[1].unit" in result.message.en

    def test_no_chair_recorded_without_records_since_is_insufficient(self) -> None:
        base = with_roles(secretariat()).evolve(records_since=None)
        result = finding(base, "GOV-02", base.name)
        assert result.outcome is INSUFFICIENT
        assert "roles[]" in result.message.en

    def test_a_holder_when_no_organization_is_marked_as_icmec_is_insufficient(self) -> None:
        base = coalition()
        orgs = tuple(attrs.evolve(o, partner=None) for o in base.organizations)
        base = base.evolve(organizations=orgs)
        for rule_id in ("GOV-01", "GOV-02"):
            result = finding(base, rule_id, base.name)
            assert result.outcome is INSUFFICIENT
            assert "organizations[].partner" in result.message.en


class TestHandingOver:
    """The Secretariat is ICMEC's "initially": an amendment hands an office over."""

    def test_a_secretariat_held_by_another_organization_after_a_hand_over_is_met(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2022, 1, 1),
                summary=Text("The Secretariat rotates.", "La Secretaría rota."),
                hand_over=(Role.SECRETARIAT,),
            )
        )
        base = coalition(charter=amended)
        base = base.evolve(
            roles=(
                RoleAssignment(role="secretariat", organization="org-a", since=date(2022, 1, 1)),
                chair(),
            )
        )
        assert finding(base, "GOV-01", base.name).outcome is MET
        before = finding(base, "GOV-01", base.name, date(2021, 6, 1))
        assert before.outcome is not MET  # before the amendment it was still ICMEC's

    def test_without_a_hand_over_another_holder_is_unmet(self) -> None:
        base = coalition().evolve(
            roles=(
                RoleAssignment(role="secretariat", organization="org-a", since=date(2022, 1, 1)),
                chair(),
            )
        )
        assert finding(base, "GOV-01", base.name).outcome is UNMET
