"""Strategies for partnership surveys, and a seeded generator of realistic fictional ones.

Re-exported by :mod:`clac.testing` (see there). :func:`fictional_survey` is deterministic and
realistic enough for examples and notebooks: about four in five invited members answer, each
about most of the others; organizations in a working group together work together more often
and more closely; trust and value lean high, with some items left blank; ties strengthen a
little from one round to the next. Every name it uses comes from the coalition it is given.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import strategies as st

from clac.periods import latest
from clac.registry import Coalition
from clac.survey import (
    TRUST_ITEMS,
    VALUE_ITEMS,
    Collaboration,
    Frequency,
    ResourceKind,
    SurveyAnswer,
)

__all__ = ["fictional_survey", "survey_answers", "surveys"]

_RATINGS = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
_GOALS = tuple(f"PG-{n}" for n in range(1, 9))


@st.composite
def _answer(
    draw: st.DrawFn, day: date, respondent: str, partner: str, goals: Sequence[str]
) -> SurveyAnswer:
    ratings = {item: draw(_RATINGS) for item in (*TRUST_ITEMS, *VALUE_ITEMS)}
    return SurveyAnswer(
        round=day,
        respondent=respondent,
        partner=partner,
        frequency=draw(st.sampled_from(Frequency)),
        collaboration=draw(st.sampled_from(Collaboration)),
        resources=tuple(draw(st.sets(st.sampled_from(ResourceKind), max_size=3))),
        goals=tuple(sorted(draw(st.sets(st.sampled_from(tuple(goals)), max_size=2))))
        if goals
        else (),
        **ratings,
    )


def survey_answers(
    *,
    organizations: Sequence[str] = ("alpha", "beta", "gamma"),
    rounds: Sequence[date] = (date(2024, 3, 1), date(2025, 3, 1)),
    goals: Sequence[str] = _GOALS,
) -> st.SearchStrategy[SurveyAnswer]:
    """Single `clac.survey.SurveyAnswer`s about two of `organizations` in one of `rounds`.

    Args:
        organizations: The ids respondents and partners are drawn from (at least two).
        rounds: The survey dates to draw from.
        goals: The policy-goal ids answers may name.
    """
    if len(set(organizations)) < 2:
        raise ValueError("survey_answers() needs at least two organizations")
    people = tuple(dict.fromkeys(organizations))
    pairs = st.permutations(people).map(lambda p: (p[0], p[1]))
    return st.tuples(st.sampled_from(tuple(rounds)), pairs).flatmap(
        lambda drawn: _answer(drawn[0], drawn[1][0], drawn[1][1], tuple(goals))
    )


@st.composite
def _survey(
    draw: st.DrawFn, coalition: Coalition, min_rounds: int, max_rounds: int, max_size: int
) -> tuple[SurveyAnswer, ...]:
    organizations = [o.id for o in coalition.organizations]
    goals = tuple(g.id for g in coalition.charter.policy_goals)
    if len(organizations) < 2:
        return ()
    start = min(
        (latest(m.joined) for m in coalition.members if m.joined is not None),
        default=date(2020, 1, 1),
    )
    days = draw(
        st.lists(
            st.dates(min_value=start, max_value=start + timedelta(days=3650)),
            min_size=min_rounds,
            max_size=max_rounds,
            unique=True,
        )
    )
    answers: list[SurveyAnswer] = []
    for day in sorted(days):
        invited = [m.organization for m in coalition.members_on(day)] or organizations
        respondents = draw(st.lists(st.sampled_from(invited), unique=True, max_size=len(invited)))
        for respondent in respondents:
            others = [o for o in organizations if o != respondent]
            partners = draw(st.lists(st.sampled_from(others), unique=True, max_size=len(others)))
            for partner in partners:
                if len(answers) >= max_size:
                    return tuple(answers)
                answers.append(draw(_answer(day, respondent, partner, goals)))
    return tuple(answers)


def surveys(
    *,
    coalition: Coalition,
    min_rounds: int = 1,
    max_rounds: int = 3,
    max_size: int = 60,
) -> st.SearchStrategy[tuple[SurveyAnswer, ...]]:
    """Whole surveys of `coalition`: answers whose respondents and partners are its
    organizations (mostly members invited on the round date, sometimes not), in
    `min_rounds` to `max_rounds` rounds, at most one answer per (round, respondent, partner),
    at most `max_size` answers in all. `coalition.evolve(survey=drawn)` always holds.

    Args:
        coalition: The registry the answers are about.
        min_rounds: The fewest survey rounds.
        max_rounds: The most survey rounds.
        max_size: The most answers.
    """
    if not 0 <= min_rounds <= max_rounds:
        raise ValueError(f"need 0 <= min_rounds <= max_rounds, got {min_rounds}, {max_rounds}")
    return _survey(coalition, min_rounds, max_rounds, max_size)


# ------------------------------------------------------------------- a realistic survey

_FREQUENCIES = (Frequency.YEARLY, Frequency.QUARTERLY, Frequency.MONTHLY, Frequency.WEEKLY)
_LEVELS = tuple(level for level in Collaboration if level.rank > 0)
_COMMON = list(ResourceKind)[:6]  # funding, in-kind, staff, data, expertise, referrals
_COMMON = list(ResourceKind)[:6]  # funding, in-kind, staff, data, expertise, referrals


def fictional_survey(
    coalition: Coalition, *, rounds: Sequence[date], seed: int = 0
) -> tuple[SurveyAnswer, ...]:
    """A realistic fictional survey of `coalition`'s members in `rounds` (same seed, same
    survey). Each later round keeps most earlier ties, strengthening some."""
    rng = random.Random(seed)  # noqa: S311 - fiction, not secrets
    groups = {m.organization: set(m.working_groups) for m in coalition.members}
    goals = [g.id for g in coalition.charter.policy_goals]
    levels: dict[tuple[str, str], int] = {}
    answers: list[SurveyAnswer] = []
    for day in sorted(rounds):
        invited = sorted(m.organization for m in coalition.members_on(day))
        respondents = [o for o in invited if rng.random() < 0.8]
        for respondent in respondents:
            for partner in invited:
                shared = groups.get(respondent, set()) & groups.get(partner, set())
                if partner == respondent or rng.random() > (0.9 if shared else 0.2):
                    continue
                answers.append(_realistic(rng, day, respondent, partner, groups, goals, levels))
    return tuple(answers)


def _realistic(  # noqa: PLR0917 - the state of the generator
    rng: random.Random,
    day: date,
    respondent: str,
    partner: str,
    groups: dict[str, set[str]],
    goals: list[str],
    levels: dict[tuple[str, str], int],
) -> SurveyAnswer:
    shared = bool(groups.get(respondent, set()) & groups.get(partner, set()))
    served = goals[:6]  # in this fiction, the last two policy goals see no joint work
    earlier = levels.get((respondent, partner))
    if earlier is None:
        chance = 0.75 if shared else 0.3
        level = rng.randint(1, 3 if shared else 2) if rng.random() < chance else 0
    else:
        level = min(4, max(0, earlier + rng.choice((-1, 0, 0, 1, 1))))
    levels[(respondent, partner)] = level
    if level == 0:
        return SurveyAnswer(
            round=day,
            respondent=respondent,
            partner=partner,
            frequency=Frequency.NEVER,
            collaboration=Collaboration.NONE,
        )
    high = 4 if shared or level >= 3 else 3

    def rating() -> int | None:
        if rng.random() < 0.1:  # one item in ten is left blank
            return None
        return high - (rng.random() < 0.35) - (rng.random() < 0.1)

    return SurveyAnswer(
        round=day,
        respondent=respondent,
        partner=partner,
        frequency=_FREQUENCIES[min(len(_FREQUENCIES) - 1, level - 1 + rng.randint(0, 1))],
        collaboration=_LEVELS[level - 1],
        resources=tuple(sorted(rng.sample(_COMMON, rng.randint(0, 2)), key=_COMMON.index)),
        goals=tuple(sorted(rng.sample(served, rng.randint(0, 2)), key=served.index)),
        **{item: rating() for item in (*TRUST_ITEMS, *VALUE_ITEMS)},
    )
