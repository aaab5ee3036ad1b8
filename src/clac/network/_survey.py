"""The partnership network members report in surveys: per round, and how it changes.

Definitions (``docs/survey.md`` gives them with their sources):

- *invited*: the coalition's members active on the round date
  (:meth:`clac.Coalition.members_on`); *respondents*: the invited organizations that answered
  in the round; *response rate*: respondents / invited (0-1).
- A *reported tie*: an answer whose frequency is not ``never`` and whose collaboration is not
  ``none``. The *directed graph* of a round has one edge respondent → partner per reported tie
  (its nodes: the invited organizations, and any other a tie names); the *undirected graph*
  has the invited organizations as nodes and an edge between two of them where either reports
  a tie with the other (:attr:`Symmetrization.EITHER`, the default) or where both do
  (:attr:`Symmetrization.BOTH`).
- ``density``: :func:`networkx.density` of the undirected graph; ``degree_centralization``:
  Freeman's, Σ (d_max - d_i) / ((n - 1)(n - 2)), None for fewer than three organizations;
  ``reciprocity``: :func:`networkx.reciprocity` of the directed graph, None without ties;
  ``ties``: edges of the undirected graph.
- ``trust`` / ``value``: the mean, over the round's reported ties whose answer rates any trust
  (value) item, of the mean of the answered items, as a percentage of 4, to one decimal.
- Anonymity: an organization's received score is shown only when at least ``threshold``
  (≥ 3) different respondents rated it, a round's overall score only when more than one answer
  rates it; otherwise it is suppressed. No result holds one respondent's ratings of one
  partner.
"""

from __future__ import annotations

import html
import itertools
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs
import networkx as nx

from clac.errors import CrossReferenceError, InvalidData
from clac.io import SurveyMapping, read_survey_export, read_survey_frame
from clac.network._frames import data_frame
from clac.network._graph import (
    _founding,
    _graph_attributes,
    _organization_attributes,
    organization_node,
)
from clac.network._reported import (
    ANONYMITY_THRESHOLD,
    REPORTED,
    Symmetrization,
    edge_attributes,
    received_score,
    reported_ties,
    round_score,
    tie_levels,
)
from clac.network._snapshot import snapshot
from clac.network._survey_render import MEASURES, SUPPRESSED, to_markdown, to_text
from clac.registry import Coalition, survey_problems
from clac.survey import Collaboration, ResourceKind, SurveyAnswer
from clac.text import Language

__all__ = [
    "ANONYMITY_THRESHOLD",
    "MEASURES",
    "SUPPRESSED",
    "GoalTies",
    "Partnership",
    "ReceivedScores",
    "RoundChange",
    "SurveyRound",
    "Symmetrization",
    "TieChange",
    "WorkingGroupTies",
    "partnership",
    "survey_graph",
]

Pair = tuple[str, str]


def _check_threshold(_i: Any, _a: attrs.Attribute[Any], value: int) -> None:
    require_threshold(value)


def require_threshold(value: object) -> None:
    """Refuse an anonymity threshold below :data:`ANONYMITY_THRESHOLD` (or not a whole number)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < ANONYMITY_THRESHOLD:
        raise InvalidData(
            f"must be a whole number of at least {ANONYMITY_THRESHOLD} (it can only be raised)",
            path="threshold",
            value=value,
        )


def _shown(score: float | None) -> float | str:
    return SUPPRESSED if score is None else score


@attrs.frozen
class ReceivedScores:
    """The trust and value an organization received from the respondents tied to it.

    ``trust`` / ``value`` are None (suppressed) when fewer than the threshold of respondents
    rated it; ``trust_raters`` / ``value_raters`` say how many did. ``ties`` counts the
    respondents that report a tie with it (its in-degree).
    """

    organization: str
    name: str
    ties: int
    trust_raters: int
    value_raters: int
    trust: float | None
    value: float | None

    def as_json(self) -> dict[str, Any]:
        """``{"trust": 81.3 | "suppressed", "value": …, "ties": n}``."""
        return {"trust": _shown(self.trust), "value": _shown(self.value), "ties": self.ties}


@attrs.frozen
class WorkingGroupTies:
    """Reported ties between invited members of one working group in one round."""

    working_group: str
    members: int
    ties: int

    @property
    def density(self) -> float:
        """Ties over the possible pairs of its members (0 for fewer than two)."""
        pairs = self.members * (self.members - 1) / 2
        return self.ties / pairs if pairs else 0.0


@attrs.frozen
class GoalTies:
    """How many reported ties (answers) say they serve one policy goal."""

    goal: str
    ties: int


def _html_table(caption: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    def cell(value: Any) -> str:
        if value is None:
            value = "—"
        elif isinstance(value, float):
            value = f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.1f}"
        return html.escape(str(value))

    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return (
        f'<table class="clac-survey"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


@attrs.frozen
class SurveyRound:
    """The partnership network of one survey round and its measures (see the module)."""

    round: date
    invited: tuple[str, ...]
    respondents: tuple[str, ...]
    ties: int
    reported_ties: int
    density: float
    degree_centralization: float | None
    reciprocity: float | None
    trust: float | None
    value: float | None
    received: tuple[ReceivedScores, ...]
    working_groups: tuple[WorkingGroupTies, ...]
    goals: tuple[GoalTies, ...]
    resources: Mapping[ResourceKind, int]
    collaboration: Mapping[Collaboration, int]
    beyond_invited: int
    threshold: int
    rule: Symmetrization
    pairs: Mapping[Pair, Collaboration] = attrs.field(repr=False)

    @property
    def response_rate(self) -> float:
        """Respondents over invited organizations (0 when none was invited)."""
        return len(self.respondents) / len(self.invited) if self.invited else 0.0

    @property
    def goals_without_ties(self) -> tuple[str, ...]:
        """The charter's policy goals no reported tie serves."""
        return tuple(g.goal for g in self.goals if g.ties == 0)

    def measure(self, name: str) -> float | int | None:
        """The measure ``name`` (one of :data:`MEASURES`; counts for the lists)."""
        value = getattr(self, name)
        return len(value) if isinstance(value, tuple) else value

    def as_json(self) -> dict[str, Any]:
        """The round as the ``--format json`` output shows it (no individual rating)."""
        return {
            "round": self.round.isoformat(),
            "invited": len(self.invited),
            "respondents": len(self.respondents),
            "response_rate": self.response_rate,
            "ties": self.ties,
            "reported_ties": self.reported_ties,
            "density": self.density,
            "degree_centralization": self.degree_centralization,
            "reciprocity": self.reciprocity,
            "trust": _shown(self.trust),
            "value": _shown(self.value),
            "received": {r.organization: r.as_json() for r in self.received},
            "working_groups": {
                w.working_group: {"members": w.members, "ties": w.ties, "density": w.density}
                for w in self.working_groups
            },
            "goals": {g.goal: g.ties for g in self.goals},
            "goals_without_ties": list(self.goals_without_ties),
            "resources": {kind.value: count for kind, count in self.resources.items()},
            "collaboration": {level.value: n for level, n in self.collaboration.items()},
            "ties_beyond_invited": self.beyond_invited,
            "symmetrization": self.rule.value,
            "anonymity_threshold": self.threshold,
        }

    def to_dataframe(self) -> Any:
        """One row per invited organization: ties received and received trust and value
        (None where suppressed)."""
        return data_frame(
            [
                {
                    "organization": r.organization,
                    "name": r.name,
                    "ties": r.ties,
                    "trust": r.trust,
                    "value": r.value,
                }
                for r in self.received
            ],
            columns=["organization", "name", "ties", "trust", "value"],
        )

    def _repr_html_(self) -> str:
        measures = _html_table(
            f"Survey round {self.round.isoformat()}",
            ["measure", "value"],
            [(name, _shown_cell(self, name)) for name in MEASURES],
        )
        received = _html_table(
            "Received trust and value (% of 4)",
            ["organization", "ties", "trust", "value"],
            [(r.organization, r.ties, _shown(r.trust), _shown(r.value)) for r in self.received],
        )
        return f"<div>{measures}{received}</div>"


def _shown_cell(round_: SurveyRound, name: str) -> Any:
    value = round_.measure(name)
    return _shown(value) if name in {"trust", "value"} else value


@attrs.frozen
class TieChange:
    """One tie between two rounds: its collaboration level before and after (None: no tie)."""

    a: str
    b: str
    before: Collaboration | None
    after: Collaboration | None


@attrs.frozen
class RoundChange:
    """What changed from one round to the next: ties new, lost, strengthened and weakened (by
    the higher collaboration level either side reports), and every measure's change."""

    before: SurveyRound
    after: SurveyRound
    new: tuple[TieChange, ...]
    lost: tuple[TieChange, ...]
    strengthened: tuple[TieChange, ...]
    weakened: tuple[TieChange, ...]

    def change(self, name: str) -> float | int | None:
        """``after - before`` for the measure ``name``; None when either is None."""
        a, b = self.after.measure(name), self.before.measure(name)
        if a is None or b is None:
            return None
        difference = a - b
        return round(difference, 1) if name in {"trust", "value"} else difference

    @property
    def direction(self) -> str:
        """``closer`` when more ties were made or strengthened than lost or weakened,
        ``apart`` when fewer, ``steady`` when as many."""
        score = len(self.new) + len(self.strengthened) - len(self.lost) - len(self.weakened)
        return "closer" if score > 0 else "apart" if score < 0 else "steady"

    def as_json(self) -> dict[str, Any]:
        """The change as the ``--format json`` output shows it."""

        def ties(items: tuple[TieChange, ...]) -> list[dict[str, Any]]:
            return [
                {
                    "organizations": [t.a, t.b],
                    "before": t.before.value if t.before else None,
                    "after": t.after.value if t.after else None,
                }
                for t in items
            ]

        return {
            "from": self.before.round.isoformat(),
            "to": self.after.round.isoformat(),
            "direction": self.direction,
            "new": ties(self.new),
            "lost": ties(self.lost),
            "strengthened": ties(self.strengthened),
            "weakened": ties(self.weakened),
            "measures": {name: self.change(name) for name in MEASURES},
        }

    def to_dataframe(self) -> Any:
        """One row per measure: before, after and change."""
        return data_frame(
            [
                {
                    "measure": name,
                    "before": self.before.measure(name),
                    "after": self.after.measure(name),
                    "change": self.change(name),
                }
                for name in MEASURES
            ],
            columns=["measure", "before", "after", "change"],
        )

    def _repr_html_(self) -> str:
        measures = _html_table(
            f"From {self.before.round.isoformat()} to {self.after.round.isoformat()}: "
            f"{self.direction}",
            ["measure", "before", "after", "change"],
            [
                (
                    name,
                    _shown_cell(self.before, name),
                    _shown_cell(self.after, name),
                    self.change(name),
                )
                for name in MEASURES
            ],
        )
        ties = _html_table(
            "Ties",
            ["change", "count", "ties"],
            [
                (label, len(items), ", ".join(f"{t.a}–{t.b}" for t in items))
                for label, items in (
                    ("new", self.new),
                    ("lost", self.lost),
                    ("strengthened", self.strengthened),
                    ("weakened", self.weakened),
                )
            ],
        )
        return f"<div>{measures}{ties}</div>"


@attrs.frozen
class Partnership:
    """Every survey round of a coalition, oldest first, and the change between consecutive
    rounds."""

    name: str
    rounds: tuple[SurveyRound, ...]
    changes: tuple[RoundChange, ...]
    threshold: int = attrs.field(default=ANONYMITY_THRESHOLD, validator=_check_threshold)
    rule: Symmetrization = Symmetrization.EITHER

    def round(self, day: date) -> SurveyRound:
        """The round held on ``day``."""
        for found in self.rounds:
            if found.round == day:
                return found
        raise KeyError(day)

    def as_json(self) -> dict[str, Any]:
        """Everything, as ``clac network survey --format json`` prints it."""
        return {
            "coalition": self.name,
            "symmetrization": self.rule.value,
            "anonymity_threshold": self.threshold,
            "rounds": [r.as_json() for r in self.rounds],
            "changes": [c.as_json() for c in self.changes],
        }

    def to_text(self, lang: Language | str = Language.EN) -> str:
        """The analysis as plain text in ``lang`` (what ``clac network survey`` prints)."""
        return to_text(self, lang)

    def to_markdown(self, lang: Language | str = Language.EN) -> str:
        """The analysis as Markdown tables in ``lang``."""
        return to_markdown(self, lang)

    def to_dataframe(self) -> Any:
        """One row per round: every measure (trust and value None where suppressed)."""
        return data_frame(
            [
                {"round": r.round, **{name: r.measure(name) for name in MEASURES}}
                for r in self.rounds
            ],
            columns=["round", *MEASURES],
        )

    def _repr_html_(self) -> str:
        rounds = _html_table(
            f"Partnership survey: {self.name}",
            ["round", *MEASURES],
            [
                (r.round.isoformat(), *(_shown_cell(r, name) for name in MEASURES))
                for r in self.rounds
            ],
        )
        changes = _html_table(
            "Change between rounds",
            ["from", "to", "direction", "new", "lost", "strengthened", "weakened"],
            [
                (
                    c.before.round.isoformat(),
                    c.after.round.isoformat(),
                    c.direction,
                    len(c.new),
                    len(c.lost),
                    len(c.strengthened),
                    len(c.weakened),
                )
                for c in self.changes
            ],
        )
        return f"<div>{rounds}{changes if self.changes else ''}</div>"


# ----------------------------------------------------------------------------- computing


def answers_of(
    coalition: Coalition, answers: Iterable[SurveyAnswer] | None
) -> tuple[SurveyAnswer, ...]:
    """``answers`` checked against ``coalition`` (its own survey when None)."""
    if answers is None:
        return coalition.survey
    chosen = tuple(answers)
    problems = list(
        survey_problems(
            chosen,
            (o.id for o in coalition.organizations),
            (g.id for g in coalition.charter.policy_goals),
            "answers",
        )
    )
    if problems:
        raise CrossReferenceError(problems=problems)
    return chosen


def _reciprocity(graph: nx.DiGraph[str]) -> float | None:
    if graph.number_of_edges() == 0:
        return None  # networkx: "not defined for empty graphs"
    value = nx.reciprocity(graph)
    return float(value) if isinstance(value, int | float) else None


def _centralization(graph: nx.Graph[str]) -> float | None:
    n = graph.number_of_nodes()
    if n < 3:
        return None
    degrees = [d for _, d in graph.degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def _round(
    coalition: Coalition,
    day: date,
    answers: Sequence[SurveyAnswer],
    rule: Symmetrization,
    threshold: int,
) -> SurveyRound:
    invited = tuple(sorted(m.organization for m in coalition.members_on(day)))
    inside = set(invited)
    reported = [a for a in answers if a.is_tie]
    within = [a for a in reported if a.respondent in inside and a.partner in inside]
    pairs = tie_levels(within, rule)
    undirected: nx.Graph[str] = nx.Graph()
    undirected.add_nodes_from(invited)
    undirected.add_edges_from(pairs)
    directed: nx.DiGraph[str] = nx.DiGraph()
    directed.add_nodes_from(invited)
    directed.add_edges_from((a.respondent, a.partner) for a in reported)
    trust = round_score(reported, "trust")
    value = round_score(reported, "value")
    names = {o.id: o.name for o in coalition.organizations}
    by_partner: dict[str, list[SurveyAnswer]] = {}
    for a in reported:
        by_partner.setdefault(a.partner, []).append(a)
    received = []
    for organization in sorted(inside | by_partner.keys()):
        toward = by_partner.get(organization, [])
        org_trust, trust_raters = received_score(toward, "trust", threshold)
        org_value, value_raters = received_score(toward, "value", threshold)
        received.append(
            ReceivedScores(
                organization=organization,
                name=names.get(organization, organization),
                ties=len({a.respondent for a in toward}),
                trust_raters=trust_raters,
                value_raters=value_raters,
                trust=org_trust,
                value=org_value,
            )
        )
    groups = []
    for group in coalition.working_groups:
        if group.formed is not None and group.formed > day:
            continue
        members = {
            m.organization
            for m in coalition.members
            if m.organization in inside and group.id in m.working_groups
        }
        groups.append(
            WorkingGroupTies(
                working_group=group.id,
                members=len(members),
                ties=sum(1 for a, b in pairs if a in members and b in members),
            )
        )
    goal_counts = Counter(goal for a in reported for goal in a.goals)
    resource_counts = Counter(kind for a in reported for kind in a.resources)
    level_counts = Counter(pairs.values())
    return SurveyRound(
        round=day,
        invited=invited,
        respondents=tuple(sorted({a.respondent for a in answers} & inside)),
        ties=undirected.number_of_edges(),
        reported_ties=directed.number_of_edges(),
        density=float(nx.density(undirected)),
        degree_centralization=_centralization(undirected),
        reciprocity=_reciprocity(directed),
        trust=trust,
        value=value,
        received=tuple(received),
        working_groups=tuple(groups),
        goals=tuple(
            GoalTies(goal=g.id, ties=goal_counts.get(g.id, 0))
            for g in coalition.charter.policy_goals
        ),
        resources={kind: resource_counts.get(kind, 0) for kind in ResourceKind},
        collaboration={
            level: level_counts.get(level, 0) for level in Collaboration if level.rank > 0
        },
        beyond_invited=len(reported) - len(within),
        threshold=threshold,
        rule=rule,
        pairs=pairs,
    )


def _change(before: SurveyRound, after: SurveyRound) -> RoundChange:
    old, new = before.pairs, after.pairs
    made = [TieChange(a, b, None, new[(a, b)]) for a, b in sorted(new.keys() - old.keys())]
    lost = [TieChange(a, b, old[(a, b)], None) for a, b in sorted(old.keys() - new.keys())]
    kept = sorted(old.keys() & new.keys())
    stronger = [
        TieChange(a, b, old[(a, b)], new[(a, b)])
        for a, b in kept
        if new[(a, b)].rank > old[(a, b)].rank
    ]
    weaker = [
        TieChange(a, b, old[(a, b)], new[(a, b)])
        for a, b in kept
        if new[(a, b)].rank < old[(a, b)].rank
    ]
    return RoundChange(
        before=before,
        after=after,
        new=tuple(made),
        lost=tuple(lost),
        strengthened=tuple(stronger),
        weakened=tuple(weaker),
    )


def partnership(
    coalition: Coalition,
    answers: Iterable[SurveyAnswer] | None = None,
    *,
    as_of: date | None = None,
    rule: Symmetrization | str = Symmetrization.EITHER,
    threshold: int = ANONYMITY_THRESHOLD,
    mapping: SurveyMapping | str | os.PathLike[str] | None = None,
) -> Partnership:
    """The partnership network of every survey round (held by ``as_of``, if given).

    ``answers`` defaults to the survey kept in the registry (:attr:`clac.Coalition.survey`);
    answers from elsewhere (:func:`clac.io.load_survey`) are checked against ``coalition``.
    ``answers`` may also be a pandas DataFrame: clac's long survey table, or with ``mapping``
    (a :class:`clac.io.SurveyMapping` or a mapping file) a survey tool's export, or a survey
    tool's export file read with ``mapping`` (:func:`clac.io.read_survey_export`).
    ``rule`` says when two organizations are tied in the undirected graph
    (:class:`Symmetrization`); ``threshold`` is the anonymity threshold, at least
    :data:`ANONYMITY_THRESHOLD`.
    """
    require_threshold(threshold)
    chosen = Symmetrization(rule)
    answers = _answers_given(coalition, answers, mapping)
    by_round: dict[date, list[SurveyAnswer]] = {}
    for answer in answers_of(coalition, answers):
        if as_of is None or answer.round <= as_of:
            by_round.setdefault(answer.round, []).append(answer)
    rounds = tuple(
        _round(coalition, day, by_round[day], chosen, threshold) for day in sorted(by_round)
    )
    return Partnership(
        name=coalition.name,
        rounds=rounds,
        changes=tuple(_change(a, b) for a, b in itertools.pairwise(rounds)),
        threshold=threshold,
        rule=chosen,
    )


def _answers_given(
    coalition: Coalition, answers: Any, mapping: SurveyMapping | str | os.PathLike[str] | None
) -> Iterable[SurveyAnswer] | None:
    """``answers`` as SurveyAnswer values: read from a DataFrame or export when they are one."""
    if mapping is not None:
        if answers is None:
            raise InvalidData("needs the export to read with the mapping", path="answers")
        return read_survey_export(answers, coalition, mapping).answers
    if hasattr(answers, "columns") and hasattr(answers, "itertuples"):
        return read_survey_frame(answers, coalition)
    return answers  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------- graphs


def survey_graph(
    coalition: Coalition,
    round: date,  # noqa: A002 - the survey's own word
    answers: Iterable[SurveyAnswer] | None = None,
    *,
    directed: bool = False,
    rule: Symmetrization | str = Symmetrization.EITHER,
) -> nx.Graph[str]:
    """The reported ties of one round (``docs/survey.md``): nodes are the invited organizations
    (``"org:<id>"``, with the attributes of :func:`clac.network.build_graph`), edges carry
    ``frequency`` and ``collaboration`` (for an undirected tie the higher of the two sides').
    No edge holds a rating of one partner: ``trust`` and ``value``, where shown, are the pair's
    standing (:class:`~clac.network._reported.ReportedTie`). ``directed=True`` gives the
    respondent → partner graph of every reported tie (with any organization not invited that a
    tie names), whose edges carry no ratings at all."""
    chosen = Symmetrization(rule)
    view = snapshot(coalition, round)
    invited = {m.organization for m in coalition.members_on(round)}
    reported = [a for a in answers_of(coalition, answers) if a.round == round and a.is_tie]
    named = invited | {o for a in reported for o in (a.respondent, a.partner)}
    graph: nx.Graph[str] = (
        nx.DiGraph(**_graph_attributes(view)) if directed else nx.Graph(**_graph_attributes(view))
    )
    founding = _founding(view)
    for organization in coalition.organizations:
        if organization.id in (named if directed else invited):
            graph.add_node(
                organization_node(organization.id),
                **_organization_attributes(organization, view, founding),
            )
    if directed:
        for a in reported:
            graph.add_edge(
                organization_node(a.respondent),
                organization_node(a.partner),
                kind=REPORTED,
                frequency=a.frequency.value,
                collaboration=a.collaboration.value,
            )
        return graph
    for (first, second), tie in reported_ties(reported, invited, rule=chosen).items():
        graph.add_edge(organization_node(first), organization_node(second), **edge_attributes(tie))
    return graph
