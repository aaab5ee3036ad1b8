"""POL-* rules: the Policy Goals section."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from clac.charter import BASE_DOCUMENT, Section, Severity
from clac.model import Indicator, StrategicPlan, Target
from clac.registry import Coalition
from clac.rules import CATALOGUE, Outcome
from tests.factories import AS_OF, coalition, commitment, finding, member

MET, UNMET, NA = Outcome.MET, Outcome.UNMET, Outcome.NOT_APPLICABLE
GOALS = tuple(g.id for g in BASE_DOCUMENT.policy_goals)
FEW = settings(deadline=None)


# --------------------------------------------------------------------------- POL-01


class TestMemberCommitments:
    """POL-01: each member indicates specific actions, targets and indicators."""

    def test_a_member_with_a_complete_commitment_is_met(self) -> None:
        result = finding(coalition(), "POL-01", "org-a")
        assert result.outcome is MET
        assert "PG-1" in result.message.en

    def test_a_member_without_commitments_is_unmet(self) -> None:
        base = coalition([member("org-a", commitments=())])
        result = finding(base, "POL-01", "org-a")
        assert result.outcome is UNMET
        assert result.message.es == (
            "ningún compromiso con una acción, una meta e indicadores específicos"
        )

    def test_a_commitment_without_indicators_is_unmet(self) -> None:
        base = coalition([member("org-a", commitments=(commitment(indicators=()),))])
        result = finding(base, "POL-01", "org-a")
        assert result.outcome is UNMET
        assert "indicator" in result.message.en

    def test_a_commitment_made_after_the_day_does_not_count_yet(self) -> None:
        later = commitment(made=date(2024, 9, 1))
        base = coalition([member("org-a", commitments=(later,))])
        assert finding(base, "POL-01", "org-a").outcome is UNMET
        assert finding(base, "POL-01", "org-a", as_of=date(2024, 9, 1)).outcome is MET

    def test_it_is_required_and_cites_shall_indicate(self) -> None:
        r = CATALOGUE.get("POL-01")
        assert r.severity is Severity.REQUIRED
        assert r.clause == BASE_DOCUMENT.clause(Section.POLICY_GOALS, 11)
        assert "shall indicate" in r.clause.text.en

    @FEW
    @given(
        made=st.lists(
            st.tuples(
                st.sampled_from(GOALS),
                st.integers(0, 2),
                st.none() | st.dates(date(2016, 1, 1), date(2026, 12, 31)),
            ),
            max_size=3,
        )
    )
    def test_met_exactly_with_a_commitment_with_indicators_made_by_the_day(
        self, made: list[tuple[str, int, date | None]]
    ) -> None:
        commitments = tuple(
            commitment(goal, indicators=[f"indicator {i}" for i in range(n)], made=day)
            for goal, n, day in made
        )
        base = coalition([member("org-a", commitments=commitments)])
        expected = any(n and (day is None or day <= AS_OF) for _, n, day in made)
        assert finding(base, "POL-01", "org-a").outcome is (MET if expected else UNMET)


# --------------------------------------------------------------------------- POL-02


def with_targets(targets: tuple[Target, ...], *, start_year: int = 2021) -> Coalition:
    base = coalition()
    plans = (
        StrategicPlan(start_year=2016, targets=targets),
        StrategicPlan(start_year=start_year, targets=targets),
    )
    return base.evolve(plans=attrs.evolve(base.plans, strategic=plans))


def target(goal: str, indicators: int = 1) -> Target:
    return Target(
        goal=goal,
        description=f"Progress on {goal}",
        indicators=tuple(Indicator(name=f"indicator {i}") for i in range(indicators)),
    )


class TestGoalIndicators:
    """POL-02: the strategic plan in force has an indicator for every policy goal."""

    def test_a_plan_with_an_indicator_for_every_goal_is_met(self) -> None:
        base = coalition()
        result = finding(base, "POL-02", base.name)
        assert result.outcome is MET
        assert "8" in result.message.en

    def test_goals_without_an_indicator_are_listed(self) -> None:
        targets = tuple(target(g, 0 if g == "PG-3" else 1) for g in GOALS if g != "PG-7")
        base = with_targets(targets)
        result = finding(base, "POL-02", base.name)
        assert result.outcome is UNMET
        assert result.message.en == "the strategic plan 2021-2025 has no indicator for PG-3, PG-7"
        facts = {f.name: f.value for f in result.evidence}
        assert facts["goals_without_indicator"] == ("PG-3", "PG-7")

    def test_a_year_without_a_strategic_plan_is_left_to_gov_05(self) -> None:
        base = coalition()
        base = base.evolve(plans=attrs.evolve(base.plans, strategic=()))
        result = finding(base, "POL-02", base.name)
        assert result.outcome is NA
        assert "GOV-05" in result.message.es

    def test_a_plan_adopted_after_the_day_is_not_yet_in_force(self) -> None:
        targets = tuple(target(g) for g in GOALS)
        base = with_targets(targets)
        plans = tuple(
            attrs.evolve(p, adopted=date(2021, 3, 1)) if p.start_year == 2021 else p
            for p in base.plans.strategic
        )
        base = base.evolve(plans=attrs.evolve(base.plans, strategic=plans))
        assert finding(base, "POL-02", base.name, as_of=date(2021, 2, 1)).outcome is NA
        assert finding(base, "POL-02", base.name, as_of=date(2021, 3, 1)).outcome is MET

    def test_it_is_required(self) -> None:
        assert CATALOGUE.get("POL-02").severity is Severity.REQUIRED

    @FEW
    @given(counts=st.lists(st.integers(0, 2), min_size=8, max_size=8))
    def test_unmet_lists_exactly_the_goals_lacking_an_indicator(self, counts: list[int]) -> None:
        targets = tuple(target(g, n) for g, n in zip(GOALS, counts, strict=True))
        base = with_targets(targets)
        result = finding(base, "POL-02", base.name)
        lacking = tuple(g for g, n in zip(GOALS, counts, strict=True) if n == 0)
        if lacking:
            assert result.outcome is UNMET
            facts = {f.name: f.value for f in result.evidence}
            assert facts["goals_without_indicator"] == lacking
        else:
            assert result.outcome is MET
