"""Partnership surveys, for any survey: measures do not depend on the organizations' names,
density and reciprocity are networkx's, and no output ever shows what one respondent said
of one partner. Also: the example survey shipped in ``clac/data`` is the demo's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

import clac.network as net
from clac import Coalition, demo
from clac.charter import Sector
from clac.io import dumps_survey, load_survey
from clac.model import Member, Organization
from clac.survey import TRUST_ITEMS, VALUE_ITEMS, SurveyAnswer
from clac.testing import fictional_survey, surveys

IDS = ("ana", "bel", "cid", "dov", "eli", "fay")
EXAMPLE = Path(__file__).parent.parent / "src" / "clac" / "data" / "partnership_survey.csv"
EXAMPLE_ROUNDS = (date(2024, 3, 1), date(2025, 3, 1))


def small_coalition(joined: list[date]) -> Coalition:
    ids = IDS[: len(joined)]
    return Coalition(
        name="Fictional",
        organizations=tuple(
            Organization(id=i, name=i.title(), sector=Sector.NGO, countries=("BR",)) for i in ids
        ),
        members=tuple(
            Member(organization=i, joined=day) for i, day in zip(ids, joined, strict=True)
        ),
    )


@st.composite
def surveyed(draw: st.DrawFn) -> tuple[Coalition, tuple[SurveyAnswer, ...]]:
    joined = draw(
        st.lists(
            st.dates(min_value=date(2019, 1, 1), max_value=date(2024, 1, 1)),
            min_size=2,
            max_size=len(IDS),
        )
    )
    coalition = small_coalition(joined)
    return coalition, draw(surveys(coalition=coalition, max_rounds=2, max_size=40))


def relabelled(
    coalition: Coalition, answers: tuple[SurveyAnswer, ...], mapping: dict[str, str]
) -> tuple[Coalition, tuple[SurveyAnswer, ...]]:
    renamed = Coalition(
        name=coalition.name,
        organizations=tuple(
            attrs.evolve(o, id=mapping[o.id], name=mapping[o.id].title())
            for o in coalition.organizations
        ),
        members=tuple(
            attrs.evolve(m, organization=mapping[m.organization]) for m in coalition.members
        ),
    )
    return renamed, tuple(
        attrs.evolve(a, respondent=mapping[a.respondent], partner=mapping[a.partner])
        for a in answers
    )


MEASURES = ("ties", "reported_ties", "density", "degree_centralization", "reciprocity")


class TestProperties:
    @given(surveyed(), st.randoms(use_true_random=False))
    def test_measures_do_not_depend_on_the_organizations_ids(
        self, drawn: tuple[Coalition, tuple[SurveyAnswer, ...]], rng: Any
    ) -> None:
        coalition, answers = drawn
        ids = [o.id for o in coalition.organizations]
        shuffled = ids[:]
        rng.shuffle(shuffled)
        mapping = dict(zip(ids, shuffled, strict=True))
        before = net.partnership(coalition, answers)
        after = net.partnership(*relabelled(coalition, answers, mapping))
        for a, b in zip(before.rounds, after.rounds, strict=True):
            for name in MEASURES:
                assert getattr(a, name) == getattr(b, name), name
            assert (a.trust, a.value, a.response_rate) == (b.trust, b.value, b.response_rate)
            moved = {mapping[r.organization]: (r.trust, r.value) for r in a.received}
            assert moved == {r.organization: (r.trust, r.value) for r in b.received}
        for x, y in zip(before.changes, after.changes, strict=True):
            counts = (len(x.new), len(x.lost), len(x.strengthened), len(x.weakened))
            assert counts == (len(y.new), len(y.lost), len(y.strengthened), len(y.weakened))

    @given(surveyed())
    def test_density_and_reciprocity_are_networkx_on_graphs_built_from_the_definitions(
        self, drawn: tuple[Coalition, tuple[SurveyAnswer, ...]]
    ) -> None:
        coalition, answers = drawn
        for measured in net.partnership(coalition, answers).rounds:
            invited = {m.organization for m in coalition.members if m.is_active_on(measured.round)}
            ties = [
                (a.respondent, a.partner)
                for a in answers
                if a.round == measured.round
                and a.frequency.value != "never"
                and a.collaboration.value != "none"
            ]
            directed: nx.DiGraph[str] = nx.DiGraph(ties)
            undirected: nx.Graph[str] = nx.Graph(t for t in ties if set(t) <= invited)
            undirected.add_nodes_from(invited)
            assert measured.density == nx.density(undirected)
            assert measured.ties == undirected.number_of_edges()
            assert measured.reported_ties == directed.number_of_edges()
            if ties:
                assert measured.reciprocity == nx.reciprocity(directed)
            else:
                assert measured.reciprocity is None

    @settings(max_examples=30)
    @given(surveyed(), st.integers(min_value=1, max_value=4))
    def test_anonymity_is_never_breached(
        self, drawn: tuple[Coalition, tuple[SurveyAnswer, ...]], rating: int
    ) -> None:
        """Changing what respondents said of an organization whose scores are suppressed
        changes nothing any output shows but the rounds' overall trust and value."""
        coalition, answers = drawn
        analysis = net.partnership(coalition, answers)
        for measured in analysis.rounds:
            for received in measured.received:
                if received.trust is not None:
                    assert received.trust_raters >= net.ANONYMITY_THRESHOLD
                if received.value is not None:
                    assert received.value_raters >= net.ANONYMITY_THRESHOLD
        hidden = {
            (m.round, r.organization)
            for m in analysis.rounds
            for r in m.received
            if r.trust is None and r.value is None
        }
        changed = tuple(
            attrs.evolve(
                a,
                **{  # type: ignore[arg-type] # only rating items are changed
                    item: rating
                    for item in (*TRUST_ITEMS, *VALUE_ITEMS)
                    if getattr(a, item) is not None  # who rated stays who rated
                },
            )
            if (a.round, a.partner) in hidden
            else a
            for a in answers
        )
        assert _shown(coalition, answers) == _shown(coalition, changed)


def _shown(coalition: Coalition, answers: tuple[SurveyAnswer, ...]) -> Any:
    """Everything the analysis and the graph exports show, less the rounds' overall scores."""
    report = net.partnership(coalition, answers).as_json()
    for measured in report["rounds"]:
        del measured["trust"], measured["value"]
    for change in report["changes"]:
        del change["measures"]["trust"], change["measures"]["value"]
    graph = net.build_graph(coalition.evolve(survey=answers))
    return json.dumps(report, sort_keys=True), net.node_link(graph)


class TestExample:
    def test_the_example_survey_is_the_demo_coalitions_fictional_survey(self) -> None:
        expected = dumps_survey(fictional_survey(demo(), rounds=EXAMPLE_ROUNDS))
        assert EXAMPLE.read_bytes().decode("utf-8") == expected, (
            "regenerate src/clac/data/partnership_survey.csv with clac.testing.fictional_survey"
        )

    def test_the_example_survey_loads_against_the_demo(self) -> None:
        answers = load_survey(EXAMPLE, demo())
        analysis = net.partnership(demo(), answers)
        assert [r.round for r in analysis.rounds] == list(EXAMPLE_ROUNDS)
