"""Reported ties: the survey answers of one round as ties between organizations.

The lowest layer of the survey analyses, shared by the stakeholder graph (whose ``reported``
edges come from here, :mod:`clac.network._snapshot`) and the survey measures
(:mod:`clac.network._survey`). See ``docs/survey.md`` for the definitions.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

import attrs

from clac.survey import Collaboration, Frequency, SurveyAnswer

__all__ = [
    "ANONYMITY_THRESHOLD",
    "REPORTED",
    "ReportedTie",
    "Symmetrization",
    "edge_attributes",
    "latest_round",
    "pair",
    "received_score",
    "reported_ties",
    "round_score",
    "tie_levels",
]

#: The fewest respondents whose ratings a shown score may average; callers may only raise it.
ANONYMITY_THRESHOLD: Final = 3

Pair = tuple[str, str]


class Symmetrization(enum.StrEnum):
    """When two organizations are tied in the undirected graph of a round."""

    EITHER = "either"
    """Either of them reports a tie with the other (the default, as the PARTNER tool)."""
    BOTH = "both"
    """Both report a tie with each other (mutual ties only)."""


def pair(a: str, b: str) -> Pair:
    """The two ids in order: the key of an undirected tie."""
    return (a, b) if a < b else (b, a)


def tie_levels(reported: Sequence[SurveyAnswer], rule: Symmetrization) -> dict[Pair, Collaboration]:
    """The undirected ties of reported answers under ``rule``, each with the higher
    collaboration level its two sides report."""
    directed = {(a.respondent, a.partner): a.collaboration for a in reported}
    levels: dict[Pair, Collaboration] = {}
    for (a, b), level in directed.items():
        if rule is Symmetrization.BOTH and (b, a) not in directed:
            continue
        key = pair(a, b)
        current = levels.get(key)
        if current is None or level.rank > current.rank:
            levels[key] = level
    return levels


def _percent(ratings: Sequence[float]) -> float:
    return round(sum(ratings) / len(ratings) / 4 * 100, 1)


def received_score(
    answers: Iterable[SurveyAnswer], field: str, threshold: int
) -> tuple[float | None, int]:
    """The mean of the answers' ``field`` (``trust`` or ``value``) as a percentage of 4, one
    decimal, and how many respondents gave it; None when fewer than ``threshold`` did."""
    rated = [(a.respondent, getattr(a, field)) for a in answers]
    given = [score for _, score in rated if score is not None]
    raters = len({who for who, score in rated if score is not None})
    if raters < threshold or not given:
        return None, raters
    return _percent(given), raters


def round_score(answers: Iterable[SurveyAnswer], field: str) -> float | None:
    """The mean of the answers' ``field`` as a percentage of 4, one decimal; None when fewer
    than two answers rate it (one answer would show one respondent's rating of one partner)."""
    given = [score for a in answers if (score := getattr(a, field)) is not None]
    return _percent(given) if len(given) >= 2 else None


@attrs.frozen
class ReportedTie:
    """An undirected reported tie as the stakeholder graph holds it: the higher frequency and
    collaboration level either side reports, and the pair's *standing*: the mean of the trust
    (value) the two organizations received in the round, over those of the two whose score is
    shown (None when neither is). It is never the pair's ratings of each other."""

    a: str
    b: str
    frequency: Frequency
    collaboration: Collaboration
    trust: float | None
    value: float | None


def latest_round(answers: Iterable[SurveyAnswer], as_of: date | None) -> date | None:
    """The last survey round held by ``as_of`` (the last of all when None)."""
    days = [a.round for a in answers if as_of is None or a.round <= as_of]
    return max(days, default=None)


def _mean(values: Iterable[float | None]) -> float | None:
    shown = [v for v in values if v is not None]
    return round(sum(shown) / len(shown), 1) if shown else None


def reported_ties(
    answers: Iterable[SurveyAnswer],
    invited: Iterable[str],
    *,
    rule: Symmetrization = Symmetrization.EITHER,
    threshold: int = ANONYMITY_THRESHOLD,
) -> dict[Pair, ReportedTie]:
    """The undirected reported ties among ``invited`` in one round's ``answers``."""
    inside = set(invited)
    every = [a for a in answers if a.is_tie]
    reported = [a for a in every if a.respondent in inside and a.partner in inside]
    frequency: dict[Pair, Frequency] = {}
    for a in reported:
        key = pair(a.respondent, a.partner)
        if key not in frequency or a.frequency.rank > frequency[key].rank:
            frequency[key] = a.frequency
    by_partner: dict[str, list[SurveyAnswer]] = {}
    for a in every:  # an organization's standing counts every tie reported with it
        by_partner.setdefault(a.partner, []).append(a)
    standing: dict[str, tuple[float | None, float | None]] = {}
    for organization in {o for key in frequency for o in key}:
        toward = by_partner.get(organization, [])
        standing[organization] = (
            received_score(toward, "trust", threshold)[0],
            received_score(toward, "value", threshold)[0],
        )
    return {
        (a, b): ReportedTie(
            a=a,
            b=b,
            frequency=frequency[(a, b)],
            collaboration=level,
            trust=_mean((standing[a][0], standing[b][0])),
            value=_mean((standing[a][1], standing[b][1])),
        )
        for (a, b), level in tie_levels(reported, rule).items()
    }


#: The ``kind`` (and multigraph key) of a reported edge in the stakeholder graph.
REPORTED: Final = "reported"


def edge_attributes(tie: ReportedTie) -> dict[str, str | float | int]:
    """The attributes of a reported edge: kind, weight 1, frequency, collaboration, and trust
    and value (the pair's standing, see :class:`ReportedTie`) when they are shown."""
    attributes: dict[str, str | float | int] = {
        "kind": REPORTED,
        "weight": 1,
        "frequency": tie.frequency.value,
        "collaboration": tie.collaboration.value,
    }
    if tie.trust is not None:
        attributes["trust"] = tie.trust
    if tie.value is not None:
        attributes["value"] = tie.value
    return attributes
