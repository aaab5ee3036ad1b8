"""Partnership surveys: the model, the CSV file, the measures with known answers, change,
anonymity, the stakeholder graph's reported ties and ``clac network survey``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

import clac.network as net
from clac import Coalition
from clac.charter import Sector
from clac.cli.network import network
from clac.errors import ClacError, CrossReferenceError, FileFormatError, InvalidData
from clac.io import dumps, dumps_survey, load_survey, loads, loads_survey
from clac.model import Member, Organization, WorkingGroup
from clac.survey import Collaboration, Frequency, ResourceKind, SurveyAnswer
from clac.text import Text

ROUND_1, ROUND_2 = date(2024, 3, 1), date(2025, 3, 1)

HEADER = (
    "round,respondent,partner,frequency,collaboration,trust_reliable,trust_mission,trust_open,"
    "value_influence,value_involvement,value_resources,resources,goals"
)

# Two rounds of a five-organization fictional coalition; "eps" joins between them.
SURVEY = f"""{HEADER}
2024-03-01,alpha,beta,monthly,cooperative,4,4,3,3,3,,data;expertise,PG-1
2024-03-01,beta,alpha,weekly,coordinated,3,3,3,4,4,4,,PG-1;PG-2
2024-03-01,gamma,beta,yearly,awareness,2,,,1,2,3,funding,
2024-03-01,delta,beta,quarterly,cooperative,4,3,2,,,,,
2024-03-01,gamma,delta,never,none,,,,,,,,
2025-03-01,alpha,beta,weekly,integrated,4,4,4,4,4,4,data,PG-1
2025-03-01,beta,alpha,weekly,integrated,4,4,4,4,4,4,,PG-1
2025-03-01,eps,gamma,monthly,cooperative,3,3,3,3,3,3,,PG-3
2025-03-01,delta,beta,monthly,coordinated,3,3,3,,,,,
"""


def coalition() -> Coalition:
    ids = ("alpha", "beta", "gamma", "delta", "eps")
    countries = ("BR", "AR", "CL", "PE", "MX")
    return Coalition(
        name="Tiny Fictional Coalition",
        organizations=tuple(
            Organization(id=i, name=i.title(), sector=Sector.NGO, countries=(c,))
            for i, c in zip(ids, countries, strict=True)
        ),
        members=(
            Member(organization="alpha", joined=date(2020, 1, 1), working_groups=("wg",)),
            Member(organization="beta", joined=date(2020, 1, 1), working_groups=("wg",)),
            Member(organization="gamma", joined=date(2020, 1, 1)),
            Member(organization="delta", joined=date(2020, 1, 1)),
            Member(organization="eps", joined=date(2024, 6, 1)),
        ),
        working_groups=(
            WorkingGroup(id="wg", name=Text("Prevention", "Prevención"), formed=date(2020, 1, 1)),
        ),
    )


def answers() -> tuple[SurveyAnswer, ...]:
    return loads_survey(SURVEY, coalition())


def answer(**changes: Any) -> SurveyAnswer:
    fields: dict[str, Any] = {
        "round": ROUND_1,
        "respondent": "alpha",
        "partner": "beta",
        "frequency": "monthly",
        "collaboration": "cooperative",
    }
    return SurveyAnswer(**{**fields, **changes})


# ----------------------------------------------------------------------------- the model


class TestAnswer:
    def test_a_tie_needs_a_frequency_and_a_collaboration_level(self) -> None:
        assert answer().is_tie
        assert not answer(frequency="never").is_tie
        assert not answer(collaboration="none").is_tie

    def test_trust_and_value_average_the_answered_items_only(self) -> None:
        rated = answer(trust_reliable=4, trust_open=2, value_resources=3)
        assert (rated.trust, rated.value) == (3.0, 3.0)
        assert answer().trust is None

    def test_a_self_tie_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="partner"):
            answer(partner="alpha")

    @pytest.mark.parametrize("rating", [0, 5, True, "3"])
    def test_ratings_are_whole_numbers_from_1_to_4(self, rating: object) -> None:
        with pytest.raises(InvalidData, match="trust_mission"):
            answer(trust_mission=rating)

    def test_enums_are_read_from_their_values(self) -> None:
        read = answer(resources=["data", "in-kind"])
        assert read.frequency is Frequency.MONTHLY
        assert read.collaboration is Collaboration.COOPERATIVE
        assert read.resources == (ResourceKind.DATA, ResourceKind.IN_KIND)


# ------------------------------------------------------------------------------ the file


class TestSurveyFile:
    def test_it_reads_every_row(self) -> None:
        read = answers()
        assert len(read) == 9
        assert read[0].goals == ("PG-1",)
        assert read[2].trust_mission is None

    def test_it_round_trips_through_csv(self) -> None:
        assert loads_survey(dumps_survey(answers())) == answers()

    def test_it_loads_from_a_file(self, tmp_path: Path) -> None:
        path = tmp_path / "survey.csv"
        path.write_text(SURVEY, encoding="utf-8")
        assert load_survey(path, coalition()) == answers()

    @pytest.mark.parametrize(
        ("row", "column", "value"),
        [
            ("2024-03-01,alpha,beta,monthly,cooperative,5,,,,,,,", "trust_reliable", "'5'"),
            ("2024-02-30,alpha,beta,monthly,cooperative,,,,,,,,", "round", "'2024-02-30'"),
            ("2024-03-01,alpha,beta,often,cooperative,,,,,,,,", "frequency", "'often'"),
            ("2024-03-01,alpha,beta,monthly,close,,,,,,,,", "collaboration", "'close'"),
            ("2024-03-01,alpha,beta,monthly,cooperative,,,,,,,cash,", "resources", "'cash'"),
            ("2024-03-01,alpha,beta,monthly,cooperative,,,,,,,,PG-X", "goals", "'PG-X'"),
            ("2024-03-01,alpha,alpha,monthly,cooperative,,,,,,,,", "partner", "'alpha'"),
        ],
    )
    def test_a_bad_cell_names_file_line_column_and_value(
        self, row: str, column: str, value: str
    ) -> None:
        with pytest.raises(FileFormatError) as caught:
            loads_survey(f"{HEADER}\n{row}\n", source="s.csv")
        message = str(caught.value)
        assert f"s.csv:2:{column}" in message
        assert value in message

    def test_unknown_organizations_are_refused(self) -> None:
        text = f"{HEADER}\n2024-03-01,alpha,nobody,monthly,cooperative,,,,,,,,\n"
        with pytest.raises(CrossReferenceError, match=r"s\.csv:2:partner: 'nobody'"):
            loads_survey(text, coalition(), source="s.csv")

    def test_a_repeated_round_respondent_and_partner_is_refused(self) -> None:
        row = "2024-03-01,alpha,beta,monthly,cooperative,,,,,,,,"
        with pytest.raises(CrossReferenceError, match=r"s\.csv:3.*s\.csv:2"):
            loads_survey(f"{HEADER}\n{row}\n{row}\n", coalition(), source="s.csv")

    def test_a_missing_required_column_is_named(self) -> None:
        with pytest.raises(FileFormatError, match="'collaboration' is missing"):
            loads_survey("round,respondent,partner,frequency\n", source="s.csv")

    def test_an_unknown_column_is_refused(self) -> None:
        with pytest.raises(FileFormatError, match="'trust' is not a survey column"):
            loads_survey(f"{HEADER},trust\n", source="s.csv")

    def test_a_row_with_too_many_cells_is_refused(self) -> None:
        row = "2024-03-01,alpha,beta,monthly,cooperative,,,,,,,,,extra"
        with pytest.raises(FileFormatError, match="different number of cells"):
            loads_survey(f"{HEADER}\n{row}\n", source="s.csv")

    def test_every_bad_row_is_reported_at_once(self) -> None:
        rows = "\n".join(
            f"2024-03-01,alpha,beta,{f},cooperative,,,,,,,," for f in ("often", "rarely")
        )
        with pytest.raises(FileFormatError) as caught:
            loads_survey(f"{HEADER}\n{rows}\n", source="s.csv")
        assert len(caught.value.problems) == 2

    @pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
    def test_the_survey_can_live_in_the_registry_and_round_trips(self, fmt: str) -> None:
        kept = coalition().evolve(survey=answers())
        assert loads(dumps(kept, fmt), fmt) == kept

    def test_the_registry_checks_its_survey(self) -> None:
        with pytest.raises(CrossReferenceError, match=r"survey\[0\]\.partner: 'nobody'"):
            coalition().evolve(survey=[answer(partner="nobody")])

    def test_the_json_schema_describes_survey_answers(self) -> None:
        from clac.schema import json_schema

        schema = json_schema()
        definition = schema["$defs"]["SurveyAnswer"]
        assert definition["properties"]["trust_open"]["anyOf"][0] == {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
        }
        assert schema["properties"]["survey"]["items"] == {"$ref": "#/$defs/SurveyAnswer"}


# -------------------------------------------------------------------------- the measures


class TestMeasures:
    """Known answers, computed by hand from SURVEY."""

    def test_response_counts_invited_members_active_on_the_round_date(self) -> None:
        first, second = net.partnership(coalition(), answers()).rounds
        assert (len(first.invited), len(first.respondents), first.response_rate) == (4, 4, 1.0)
        assert (len(second.invited), len(second.respondents)) == (5, 4)
        assert second.response_rate == pytest.approx(0.8)

    def test_the_first_round(self) -> None:
        first = net.partnership(coalition(), answers()).rounds[0]
        assert first.ties == 3  # alpha-beta, beta-gamma, beta-delta
        assert first.density == pytest.approx(0.5)
        assert first.degree_centralization == pytest.approx(1.0)  # a star around beta
        assert first.reciprocity == pytest.approx(0.5)  # alpha<->beta of four reported
        # trust: row means 11/3, 2, 3, 3 → 2.9167 of 4; value: 3, 4, 2 → 3 of 4
        assert (first.trust, first.value) == (72.9, 75.0)

    def test_received_scores_show_only_with_three_raters(self) -> None:
        first = net.partnership(coalition(), answers()).rounds[0]
        beta = next(r for r in first.received if r.organization == "beta")
        assert beta.trust == round((11 / 3 + 2 + 3) / 3 / 4 * 100, 1)
        assert beta.value is None  # two raters
        assert first.as_json()["received"]["beta"]["value"] == "suppressed"

    def test_ties_per_working_group_goal_and_resource(self) -> None:
        first = net.partnership(coalition(), answers()).rounds[0]
        assert first.working_groups[0].ties == 1
        assert {g.goal: g.ties for g in first.goals}["PG-1"] == 2
        assert "PG-3" in first.goals_without_ties
        assert first.resources[ResourceKind.DATA] == 1

    def test_both_rule_keeps_mutual_ties_only(self) -> None:
        first = net.partnership(coalition(), answers(), rule="both").rounds[0]
        assert first.ties == 1

    def test_as_of_keeps_earlier_rounds(self) -> None:
        assert len(net.partnership(coalition(), answers(), as_of=date(2024, 12, 31)).rounds) == 1

    def test_measures_are_none_where_undefined(self) -> None:
        lonely = coalition().evolve(members=coalition().members[:2])
        only = net.partnership(lonely, [answer(frequency="never")]).rounds[0]
        assert only.degree_centralization is None  # fewer than three organizations
        assert only.reciprocity is None  # no ties
        assert only.trust is None

    def test_density_and_reciprocity_are_networkx_on_the_round_graphs(self) -> None:
        c, a = coalition(), answers()
        second = net.partnership(c, a).rounds[1]
        assert second.density == nx.density(net.survey_graph(c, ROUND_2, a))
        assert second.reciprocity == nx.reciprocity(net.survey_graph(c, ROUND_2, a, directed=True))


class TestChange:
    def test_ties_made_lost_strengthened_and_weakened(self) -> None:
        change = net.partnership(coalition(), answers()).changes[0]
        assert [(t.a, t.b) for t in change.new] == [("eps", "gamma")]
        assert [(t.a, t.b) for t in change.lost] == [("beta", "gamma")]
        assert [(t.a, t.b) for t in change.strengthened] == [("alpha", "beta"), ("beta", "delta")]
        assert change.weakened == ()
        assert change.direction == "closer"
        assert change.change("density") == pytest.approx(0.3 - 0.5)


class TestAnonymity:
    @pytest.mark.parametrize("threshold", [0, 2, True])
    def test_the_threshold_can_only_be_raised(self, threshold: int) -> None:
        with pytest.raises(InvalidData, match="threshold"):
            net.partnership(coalition(), answers(), threshold=threshold)

    def test_a_higher_threshold_suppresses_more(self) -> None:
        first = net.partnership(coalition(), answers(), threshold=4).rounds[0]
        assert all(r.trust is None and r.value is None for r in first.received)

    def test_a_round_of_one_rated_tie_shows_no_trust(self) -> None:
        only = net.partnership(coalition(), [answer(trust_reliable=4)]).rounds[0]
        assert only.as_json()["trust"] == "suppressed"


# ----------------------------------------------------------------------- the one network


class TestStakeholderGraph:
    def test_reported_ties_join_the_graph_as_reported_edges(self) -> None:
        graph = net.build_graph(coalition().evolve(survey=answers()))
        data = graph.get_edge_data("org:alpha", "org:beta", key="reported")
        assert data["collaboration"] == "integrated"
        assert data["frequency"] == "weekly"

    def test_analyses_see_the_reported_ties(self) -> None:
        surveyed = coalition().evolve(survey=answers())
        assert net.health(coalition()).ties == 1  # the working group only
        assert net.health(surveyed).ties == 3
        assert net.brokers(surveyed).ranking[0].organization == "beta"

    def test_an_earlier_date_uses_the_round_held_by_then(self) -> None:
        graph = net.organization_graph(coalition().evolve(survey=answers()), date(2024, 12, 1))
        assert graph.has_edge("org:beta", "org:gamma")


# ----------------------------------------------------------------------------- the command


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    from clac.io import dump

    registry, survey = tmp_path / "coalition.yaml", tmp_path / "survey.csv"
    dump(coalition(), registry)
    survey.write_text(SURVEY, encoding="utf-8")
    return str(registry), str(survey)


class TestCommand:
    def test_json_has_one_object_per_round_in_date_order(self, files: tuple[str, str]) -> None:
        result = CliRunner().invoke(network, ["survey", *files, "--format", "json"])
        assert result.exit_code == 0, result.output
        rounds = json.loads(result.output)["rounds"]
        assert [r["round"] for r in rounds] == ["2024-03-01", "2025-03-01"]
        assert rounds[0]["density"] == 0.5
        assert rounds[0]["trust"] == 72.9
        assert rounds[1]["invited"] == 5

    @pytest.mark.parametrize(("fmt", "text"), [("text", "densidad"), ("markdown", "| densidad")])
    def test_text_and_markdown_in_the_language_asked(
        self, files: tuple[str, str], fmt: str, text: str
    ) -> None:
        result = CliRunner().invoke(network, ["survey", *files, "--format", fmt, "--lang", "es"])
        assert result.exit_code == 0, result.output
        assert text in result.output

    def test_as_of_limits_the_rounds(self, files: tuple[str, str]) -> None:
        args = ["survey", *files, "--format", "json", "--as-of", "2024-06-01"]
        result = CliRunner().invoke(network, args)
        assert len(json.loads(result.output)["rounds"]) == 1

    def test_a_bad_survey_exits_2_naming_the_line(
        self, files: tuple[str, str], tmp_path: Path
    ) -> None:
        bad = tmp_path / "bad.csv"
        bad.write_text(f"{HEADER}\n2024-03-01,alpha,beta,monthly,cooperative,9,,,,,,,\n")
        result = CliRunner().invoke(network, ["survey", files[0], str(bad)])
        assert result.exit_code == 2
        assert "bad.csv:2:trust_reliable: '9'" in result.output
        assert "Traceback" not in result.output

    def test_the_summary_still_runs_without_a_subcommand(self) -> None:
        result = CliRunner().invoke(network, ["--as-of", "2020-01-01"])
        assert result.exit_code == 0, result.output


def test_errors_are_clac_errors() -> None:
    with pytest.raises(ClacError):
        loads_survey("", source="s.csv")


# ------------------------------------------------------------------ one first argument


class TestOneFirstArgument:
    """Every analysis, export and drawing takes a coalition or a graph clac made."""

    @pytest.mark.parametrize(
        "analysis",
        [net.brokers, net.communities, net.isolates, net.cross_sector_ties, net.key_players],
    )
    def test_an_analysis_of_the_organization_graph_equals_that_of_the_coalition(
        self, analysis: Any
    ) -> None:
        surveyed = coalition().evolve(survey=answers())
        graph = net.organization_graph(surveyed)
        assert analysis(graph) == analysis(surveyed)

    def test_from_a_graph_an_isolate_is_a_member_without_ties(self) -> None:
        graph = net.organization_graph(coalition())
        assert net.isolates(graph).organizations == ("delta", "eps", "gamma")

    def test_health_of_a_graph_equals_health_of_the_coalition(self) -> None:
        surveyed = coalition().evolve(survey=answers())
        assert net.health(net.organization_graph(surveyed)).density == net.health(surveyed).density

    def test_draw_takes_a_coalition(self) -> None:
        pytest.importorskip("matplotlib")
        figure = net.draw(coalition(), as_of=ROUND_1)
        assert figure.axes

    def test_export_writes_a_graph_as_it_is(self, tmp_path: Path) -> None:
        graph = net.survey_graph(coalition(), ROUND_1, answers())
        written = net.export(graph, tmp_path / "round.json")
        data = json.loads(written.read_text(encoding="utf-8"))
        assert len(data["edges"]) == 3

    def test_a_date_with_a_graph_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="as_of"):
            net.brokers(net.organization_graph(coalition()), ROUND_1)

    def test_something_else_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="Coalition or a networkx graph"):
            net.brokers("coalition.yaml")  # type: ignore[arg-type]

    def test_a_foreign_graph_without_clac_attributes_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="graph clac made"):
            net.brokers(nx.path_graph(3))


class TestJupyter:
    def test_every_network_result_renders_as_a_table(self) -> None:
        pytest.importorskip("pandas")
        surveyed = coalition().evolve(survey=answers())
        results: list[Any] = [
            net.brokers(surveyed),
            net.communities(surveyed),
            net.isolates(surveyed),
            net.cross_sector_ties(surveyed),
            net.key_players(surveyed),
            net.health(surveyed),
            net.health_over_time(surveyed, [ROUND_1, ROUND_2]),
            net.sector_coverage(surveyed),
            net.country_coverage(surveyed),
            net.sector_ties(surveyed),
            net.summarize(surveyed),
            net.compare(surveyed, ROUND_1, ROUND_2),
        ]
        analysis = net.partnership(surveyed)
        results += [analysis, analysis.rounds[0], analysis.changes[0]]
        for result in results:
            shown = result._repr_html_()
            assert "<table" in shown, type(result).__name__

    def test_survey_results_become_data_frames(self) -> None:
        pytest.importorskip("pandas")
        analysis = net.partnership(coalition(), answers())
        assert list(analysis.to_dataframe()["density"]) == [0.5, pytest.approx(0.3)]
        assert "trust" in analysis.rounds[0].to_dataframe().columns
        assert len(analysis.changes[0].to_dataframe()) == len(net.MEASURES)


class TestPicture:
    def test_each_round_is_a_panel_and_the_png_is_written(self, tmp_path: Path) -> None:
        pytest.importorskip("matplotlib")
        figure = net.draw_rounds(coalition(), answers())
        assert len(figure.axes) == 2
        path = net.write_rounds_png(coalition(), tmp_path / "rounds.png", answers())
        assert path.read_bytes().startswith(b"\x89PNG")

    def test_the_command_writes_the_picture(self, files: tuple[str, str], tmp_path: Path) -> None:
        pytest.importorskip("matplotlib")
        picture = tmp_path / "rounds.png"
        result = CliRunner().invoke(network, ["survey", *files, "--picture", str(picture)])
        assert result.exit_code == 0, result.output
        assert picture.stat().st_size > 0


class TestCommandWithTheRegistrysSurvey:
    def test_without_a_csv_it_reads_the_survey_the_registry_keeps(self, tmp_path: Path) -> None:
        from clac.io import dump

        registry = tmp_path / "coalition.toml"
        dump(coalition().evolve(survey=answers()), registry)
        result = CliRunner().invoke(network, ["survey", str(registry), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert len(json.loads(result.output)["rounds"]) == 2

    def test_errors_are_given_in_spanish(self, files: tuple[str, str], tmp_path: Path) -> None:
        bad = tmp_path / "bad.csv"
        bad.write_text(f"{HEADER}\n2024-03-01,alpha,nadie,monthly,cooperative,,,,,,,,\n")
        result = CliRunner().invoke(network, ["survey", files[0], str(bad), "--lang", "es"])
        assert result.exit_code == 2
        assert "no es una organización del registro" in result.output


class TestWritingASurvey:
    def test_a_written_survey_reads_back_and_only_its_owner_can_read_it(
        self, tmp_path: Path
    ) -> None:
        import os
        import stat

        from clac.io import dump_survey

        path = dump_survey(answers(), tmp_path / "survey.csv")
        assert load_survey(path, coalition()) == answers()
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0

    def test_a_redacted_registry_keeps_the_ties_and_drops_the_ratings(self) -> None:
        from clac.io import redact

        redacted = redact(coalition().evolve(survey=answers())).survey
        assert [a.collaboration for a in redacted] == [a.collaboration for a in answers()]
        assert all(a.trust is None and a.value is None for a in redacted)


class TestHostileSurveyFiles:
    def test_a_byte_order_mark_and_windows_line_ends_are_read(self) -> None:
        text = "\ufeff" + SURVEY.replace("\n", "\r\n")
        assert loads_survey(text, coalition()) == answers()

    def test_bytes_that_are_not_utf8_name_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)  # a message shortens a long path: keep this one short
        path = Path("latin1.csv")
        path.write_bytes(f"{HEADER}\n".encode() + "2024-03-01,ñ".encode("latin-1"))
        with pytest.raises(FileFormatError, match=r"latin1\.csv.*not UTF-8"):
            load_survey(path)

    def test_a_binary_file_is_refused(self) -> None:
        with pytest.raises(FileFormatError, match="NUL"):
            loads_survey(f"{HEADER}\n\x00\x01", source="s.csv")

    def test_a_huge_cell_is_refused_not_read(self) -> None:
        text = f'{HEADER}\n2024-03-01,alpha,beta,monthly,cooperative,,,,,,,,"{"x" * 200_000}"\n'
        with pytest.raises(FileFormatError, match="not valid CSV"):
            loads_survey(text, source="s.csv")

    def test_line_numbers_count_lines_inside_quoted_cells(self) -> None:
        text = f'{HEADER}\n2024-03-01,alpha,beta,monthly,cooperative,,,,,,,"data;\nfunding",\n'
        text += "2024-03-01,beta,alpha,often,cooperative,,,,,,,,\n"
        with pytest.raises(FileFormatError, match=r"s\.csv:4:frequency: 'often'"):
            loads_survey(text, source="s.csv")

    def test_control_characters_in_a_cell_are_shown_escaped(self) -> None:
        text = f"{HEADER}\n2024-03-01,alpha,beta,\x1b[31mmonthly,cooperative,,,,,,,,\n"
        with pytest.raises(FileFormatError) as caught:
            loads_survey(text, source="s.csv")
        assert "\x1b" not in str(caught.value)


class TestTiesBeyondTheInvited:
    """eps joined after the first round: a tie reported with it then is not in the density."""

    def test_it_counts_everywhere_but_the_undirected_graph(self) -> None:
        extra = loads_survey(
            f"{HEADER}\n2024-03-01,alpha,eps,monthly,cooperative,4,4,4,,,,,\n", coalition()
        )
        first = net.partnership(coalition(), (*answers(), *extra)).rounds[0]
        assert (first.ties, first.density) == (3, 0.5)
        assert first.reported_ties == 5
        assert first.reciprocity == pytest.approx(2 / 5)
        assert first.trust == round((11 / 3 + 3 + 2 + 3 + 4) / 5 / 4 * 100, 1)
        assert first.as_json()["ties_beyond_invited"] == 1
        assert first.as_json()["received"]["eps"]["ties"] == 1
        directed = net.survey_graph(coalition(), ROUND_1, (*answers(), *extra), directed=True)
        assert directed.has_edge("org:alpha", "org:eps")


class TestExportsOfASurveyedCoalition:
    @pytest.mark.parametrize("suffix", ["gexf", "graphml", "json", "png"])
    def test_every_export_carries_the_reported_ties(self, tmp_path: Path, suffix: str) -> None:
        if suffix == "png":
            pytest.importorskip("matplotlib")
        surveyed = coalition().evolve(survey=answers())
        written = net.export(surveyed, tmp_path / f"surveyed.{suffix}")
        if suffix != "png":
            text = written.read_text(encoding="utf-8")
            assert "reported" in text
            assert "integrated" in text
            assert "trust_reliable" not in text  # never an answer's own items


class TestCommandOptions:
    def test_symmetrize_both_and_a_higher_threshold(self, files: tuple[str, str]) -> None:
        args = ["survey", *files, "--format", "json", "--symmetrize", "both", "--threshold", "4"]
        result = CliRunner().invoke(network, args)
        assert result.exit_code == 0, result.output
        first = json.loads(result.output)["rounds"][0]
        assert first["ties"] == 1
        assert first["symmetrization"] == "both"
        assert first["received"]["beta"]["trust"] == "suppressed"

    def test_a_threshold_below_three_is_a_usage_error(self, files: tuple[str, str]) -> None:
        result = CliRunner().invoke(network, ["survey", *files, "--threshold", "2"])
        assert result.exit_code == 2


class TestTextOutput:
    def test_it_shows_ties_per_working_group_and_goal_and_says_suppressed_in_spanish(
        self, files: tuple[str, str]
    ) -> None:
        result = CliRunner().invoke(network, ["survey", *files, "--lang", "es"])
        assert "wg 1 (1.00)" in result.output
        assert "PG-1 2" in result.output
        assert "alpha: suprimido / suprimido" in result.output


class TestTheInstalledCommand:
    def test_json_on_stdout_is_the_whole_output(self, files: tuple[str, str]) -> None:
        import subprocess
        import sys

        result = subprocess.run(  # noqa: S603 - this interpreter running clac
            [sys.executable, "-m", "clac", "network", "survey", *files, "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        rounds = json.loads(result.stdout)["rounds"]
        assert [r["round"] for r in rounds] == ["2024-03-01", "2025-03-01"]
        assert rounds[1]["response_rate"] == pytest.approx(0.8)
