"""Partnership surveys: what members report about their relationships with each other.

The model of a member survey in the manner of the PARTNER tool (Varda et al.): in each survey
*round* (a date), a *respondent* organization answers, about each *partner* organization, how
often they work together (:class:`Frequency`), how closely (:class:`Collaboration`), how far it
trusts the partner (three items: reliable, shares the mission, open to discussion) and values
it (three items: influence, involvement, resources contributed), each 1-4 or unanswered, which
resources flow between them (:class:`ResourceKind`) and which of the charter's policy goals the
relationship serves.

One :class:`SurveyAnswer` is one row of a survey file. Whether its organizations and goals exist
is checked by :class:`clac.Coalition` (when the survey lives in the registry file) or by
:func:`clac.io.load_survey` (a CSV beside it); the analyses are in :mod:`clac.network`.

The ratings are sensitive: no output of clac shows one respondent's ratings of one partner
(see ``docs/survey.md``).

>>> from datetime import date
>>> answer = SurveyAnswer(
...     round=date(2025, 3, 1), respondent="a", partner="b",
...     frequency="monthly", collaboration="cooperative", trust_reliable=4, trust_open=3,
... )
>>> answer.is_tie, answer.trust, answer.value
(True, 3.5, None)
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, Final

import attrs

from clac import _validators as v

__all__ = [
    "TRUST_ITEMS",
    "VALUE_ITEMS",
    "Collaboration",
    "Frequency",
    "ResourceKind",
    "SurveyAnswer",
]


class Frequency(enum.StrEnum):
    """How often the respondent works with the partner (least to most often)."""

    NEVER = "never"
    YEARLY = "yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"

    @property
    def rank(self) -> int:
        """0 for never up to 5 for daily."""
        return list(Frequency).index(self)


class Collaboration(enum.StrEnum):
    """How closely the respondent works with the partner: the PARTNER tool's levels, from
    none through awareness and cooperation to coordinated and integrated work."""

    NONE = "none"
    AWARENESS = "awareness"
    COOPERATIVE = "cooperative"
    COORDINATED = "coordinated"
    INTEGRATED = "integrated"

    @property
    def rank(self) -> int:
        """0 for none up to 4 for integrated."""
        return list(Collaboration).index(self)


class ResourceKind(enum.StrEnum):
    """A kind of resource a respondent says the relationship brings."""

    FUNDING = "funding"
    IN_KIND = "in-kind"
    STAFF = "staff"
    DATA = "data"
    EXPERTISE = "expertise"
    REFERRALS = "referrals"
    INFORMATION = "information"
    TRAINING = "training"
    ADVOCACY = "advocacy"
    FACILITIES = "facilities"
    OTHER = "other"


#: The three trust items of an answer, in file order.
TRUST_ITEMS: Final = ("trust_reliable", "trust_mission", "trust_open")
#: The three value items of an answer, in file order.
VALUE_ITEMS: Final = ("value_influence", "value_involvement", "value_resources")


def _enum_field(enum_cls: type[enum.Enum]) -> Any:
    return attrs.field(converter=v.to_enum(enum_cls), validator=v.member_of(enum_cls))


def _rating() -> Any:
    return attrs.field(
        default=None, validator=v.optional(v.integer(minimum=1, maximum=4)), kw_only=True
    )


def _enum_tuple(value: Any, enum_cls: type[enum.Enum]) -> Any:
    value = v.to_tuple(value)
    if isinstance(value, tuple):
        return tuple(v.to_enum(enum_cls)(item) for item in value)
    return value


def _resources(value: Any) -> Any:
    return _enum_tuple(value, ResourceKind)


def _mean(items: tuple[int | None, ...]) -> float | None:
    answered = [item for item in items if item is not None]
    return sum(answered) / len(answered) if answered else None


@attrs.frozen(slots=True)
class SurveyAnswer:
    """One respondent's answer about one partner in one survey round (one row of the file).

    ``frequency`` and ``collaboration`` say whether there is a tie at all (:attr:`is_tie`);
    the six ratings are integers 1-4, ``None`` when not answered.
    """

    round: date = attrs.field(validator=v.a_date)
    respondent: str = attrs.field(validator=v.slug)
    partner: str = attrs.field(validator=v.slug)
    frequency: Frequency = _enum_field(Frequency)
    collaboration: Collaboration = _enum_field(Collaboration)
    trust_reliable: int | None = _rating()
    trust_mission: int | None = _rating()
    trust_open: int | None = _rating()
    value_influence: int | None = _rating()
    value_involvement: int | None = _rating()
    value_resources: int | None = _rating()
    resources: tuple[ResourceKind, ...] = attrs.field(
        factory=tuple,
        converter=_resources,
        validator=v.each(v.member_of(ResourceKind), unique=True),
        kw_only=True,
    )
    goals: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=v.to_tuple,
        validator=v.each(v.policy_goal_id, unique=True),
        kw_only=True,
    )

    def __attrs_post_init__(self) -> None:
        if self.respondent == self.partner:
            v.fail("partner", self.partner, "is the respondent itself (no self-ties)")

    def without_ratings(self) -> SurveyAnswer:
        """The same answer with its six trust and value ratings left out."""
        return attrs.evolve(
            self,
            trust_reliable=None,
            trust_mission=None,
            trust_open=None,
            value_influence=None,
            value_involvement=None,
            value_resources=None,
        )

    @property
    def key(self) -> tuple[date, str, str]:
        """(round, respondent, partner): at most one answer per key in a survey."""
        return (self.round, self.respondent, self.partner)

    @property
    def is_tie(self) -> bool:
        """A reported tie: the respondent works with the partner at all (frequency not never)
        and at some level (collaboration not none)."""
        return (
            self.frequency is not Frequency.NEVER and self.collaboration is not Collaboration.NONE
        )

    @property
    def trust(self) -> float | None:
        """The mean of the answered trust items (1-4), None when none is answered."""
        return _mean((self.trust_reliable, self.trust_mission, self.trust_open))

    @property
    def value(self) -> float | None:
        """The mean of the answered value items (1-4), None when none is answered."""
        return _mean((self.value_influence, self.value_involvement, self.value_resources))
