"""The stakeholder network: graphs, analyses with known answers, exports, the CLI."""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import clac.network as net
from clac import DEMO_AS_OF, demo
from clac.charter import Sector
from clac.cli.network import network
from clac.model import (
    Activity,
    ActivityScope,
    ActivityStatus,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    MemberStatus,
    Organization,
    QuarterlyReport,
    Representative,
    Scope,
    WorkingGroup,
)
from clac.network._health import _pairs_after_removal
from clac.registry import Coalition
from clac.testing import coalitions
from clac.text import Text

ROOT = Path(__file__).resolve().parent.parent
JOINED = date(2020, 1, 1)
PERSON, EMAIL = "Ana Pérez Fictícia", "ana.perez@example.org"


# ------------------------------------------------------------------------------ builders


def _organization(org: str, sector: str = "ngo", country: str = "BR", **kw: Any) -> Organization:
    return Organization(id=org, name=org.upper(), sector=Sector(sector), countries=(country,), **kw)


def _member(org: str, joined: date = JOINED, **kw: Any) -> Member:
    person = Representative(name=PERSON, position="Director", level="senior", email=EMAIL)
    return Member(organization=org, joined=joined, representatives=(person,), **kw)


def _meeting(number: int, attendees: Sequence[str], day: date | None = None) -> Meeting:
    return Meeting(
        id=f"m{number}",
        date=day or JOINED + timedelta(days=30 + number),
        kind=MeetingKind.STEERING_COMMITTEE,
        mode=MeetingMode.TELECONFERENCE,
        organizer=attendees[0],
        attendees=tuple(attendees),
    )


def tied(
    pairs: Iterable[tuple[str, str]],
    *,
    sectors: dict[str, str] | None = None,
    alone: Sequence[str] = (),
) -> Coalition:
    """Members tied by one working meeting per pair (plus ``alone`` members with no tie)."""
    pairs = list(pairs)
    orgs = sorted({o for pair in pairs for o in pair} | set(alone))
    sectors = sectors or {}
    return Coalition(
        name="Hand-built",
        organizations=tuple(_organization(o, sectors.get(o, "ngo")) for o in orgs),
        members=tuple(_member(o) for o in orgs),
        meetings=tuple(_meeting(i, pair) for i, pair in enumerate(pairs)),
    )


def star() -> Coalition:
    return tied([("hub", leaf) for leaf in ("a", "b", "c", "d")])


def two_cliques() -> Coalition:
    left = [f"l{i}" for i in range(1, 5)]
    right = [f"r{i}" for i in range(1, 5)]
    pairs = [*itertools.combinations(left, 2), *itertools.combinations(right, 2), ("l1", "r1")]
    return tied(pairs)


# --------------------------------------------------------------------------------- graph


class TestGraph:
    def test_nodes_are_namespaced_by_kind(self) -> None:
        graph = net.build_graph(demo())
        kinds = {data["kind"] for _, data in graph.nodes(data=True)}
        assert kinds == {"organization", "working-group", "country"}
        assert "org:icmec" in graph
        assert "country:BR" in graph
        assert all(n.split(":")[0] in {"org", "wg", "country"} for n in graph)

    def test_organization_nodes_carry_sector_countries_scope_founding_and_status(self) -> None:
        data = net.build_graph(demo()).nodes["org:icmec"]
        assert data["sector"] == "ngo"
        assert "BR" in data["countries"]
        assert data["scope"] == "global"
        assert data["founding"] is True
        assert data["status"] == "active"

    def test_edges_are_keyed_by_what_they_record(self) -> None:
        graph = net.build_graph(demo())
        keys = {key for _, _, key in graph.edges(keys=True)}
        # the demo registry holds no partnership survey, hence no reported ties
        assert keys == {k.value for k in net.EdgeKind} - {net.EdgeKind.REPORTED.value}
        assert graph.has_edge("org:icmec", "country:BR", key="operates-in")

    def test_co_attendance_is_weighted_by_meetings_shared(self) -> None:
        coalition = tied([("a", "b"), ("a", "b"), ("a", "c")])
        graph = net.build_graph(coalition)
        assert graph.edges["org:a", "org:b", "co-attendance"]["weight"] == 2
        assert graph.edges["org:a", "org:c", "co-attendance"]["weight"] == 1

    def test_membership_edges_join_members_to_their_working_groups(self) -> None:
        group = WorkingGroup(id="hotlines", name=Text("Hotlines", "Líneas"), formed=JOINED)
        coalition = Coalition(
            name="G",
            organizations=(_organization("a"), _organization("b")),
            members=(_member("a", working_groups=["hotlines"]), _member("b")),
            working_groups=(group,),
        )
        graph = net.build_graph(coalition)
        assert graph.has_edge("org:a", "wg:hotlines", key="membership")
        assert not graph.has_edge("org:b", "wg:hotlines")
        projection = net.organization_graph(coalition)
        assert projection.number_of_edges() == 0

    def test_shared_working_groups_tie_members_in_the_projection(self) -> None:
        group = WorkingGroup(id="hotlines", name=Text("Hotlines", "Líneas"), formed=JOINED)
        coalition = Coalition(
            name="G",
            organizations=(_organization("a"), _organization("b")),
            members=tuple(_member(o, working_groups=["hotlines"]) for o in "ab"),
            working_groups=(group,),
        )
        edge = net.organization_graph(coalition).edges["org:a", "org:b"]
        assert edge["working_groups"] == 1
        assert edge["weight"] == 1

    def test_reported_activities_make_co_authorship(self) -> None:
        group = WorkingGroup(id="research", name=Text("Research", "Investigación"), formed=JOINED)
        activity = Activity(
            description="Joint survey",
            scope=ActivityScope.REGIONAL,
            status=ActivityStatus.IMPLEMENTED,
            members=("a", "b"),
        )
        report = QuarterlyReport(
            working_group="research", year=2020, quarter=2, activities=(activity,)
        )
        coalition = Coalition(
            name="G",
            organizations=(_organization("a"), _organization("b")),
            members=(_member("a"), _member("b")),
            working_groups=(group,),
            reports=(report,),
        )
        graph = net.build_graph(coalition)
        assert graph.edges["org:a", "org:b", "co-authorship"]["weight"] == 1
        assert not net.build_graph(coalition, as_of=date(2020, 6, 29)).has_edge("org:a", "org:b")

    def test_plenary_meetings_alone_make_no_tie_in_the_projection(self) -> None:
        plenary = Meeting(
            id="annual",
            date=date(2020, 6, 1),
            kind=MeetingKind.ANNUAL,
            mode=MeetingMode.IN_PERSON,
            organizer="a",
            attendees=("a", "b"),
        )
        coalition = Coalition(
            name="G",
            organizations=(_organization("a"), _organization("b")),
            members=(_member("a"), _member("b")),
            meetings=(plenary,),
        )
        assert net.build_graph(coalition).has_edge("org:a", "org:b", key="co-attendance")
        assert net.organization_graph(coalition).number_of_edges() == 0
        assert net.organization_graph(coalition, plenary=True).number_of_edges() == 1

    def test_sector_tie_matrix_counts_ties_between_sectors(self) -> None:
        coalition = tied(
            [("a", "b"), ("a", "c"), ("b", "c")], sectors={"a": "hotline", "b": "ngo", "c": "ngo"}
        )
        ties = net.sector_ties(coalition)
        assert ties.between("hotline", "ngo") == 2
        assert ties.between(Sector.NGO, Sector.HOTLINE) == 2
        assert ties.between("ngo", "ngo") == 1
        assert ties.between("hotline", "hotline") == 0


class TestAsOf:
    def coalition(self) -> Coalition:
        return Coalition(
            name="Dated",
            organizations=tuple(_organization(o) for o in ("early", "late", "gone")),
            members=(
                _member("early", joined=date(2018, 1, 1)),
                _member("late", joined=date(2021, 1, 1)),
                _member(
                    "gone",
                    joined=date(2018, 1, 1),
                    status=MemberStatus.WITHDRAWN,
                    left=date(2020, 1, 1),
                ),
            ),
            meetings=(
                _meeting(1, ["early", "gone"], date(2019, 1, 1)),
                _meeting(2, ["early", "late"], date(2022, 1, 1)),
            ),
        )

    def test_members_that_joined_later_are_non_members(self) -> None:
        graph = net.build_graph(self.coalition(), as_of=date(2019, 6, 1))
        assert graph.nodes["org:late"]["status"] == "non-member"
        assert graph.nodes["org:gone"]["status"] == "member"
        assert "org:late" not in net.organization_graph(self.coalition(), as_of=date(2019, 6, 1))

    def test_meetings_held_later_are_excluded(self) -> None:
        graph = net.build_graph(self.coalition(), as_of=date(2021, 6, 1))
        assert graph.has_edge("org:early", "org:gone")
        assert not graph.has_edge("org:early", "org:late")
        assert net.build_graph(self.coalition()).has_edge("org:early", "org:late")

    def test_a_date_before_the_charter_took_effect_is_an_empty_network(self) -> None:
        summary = net.summarize(self.coalition(), date(2000, 1, 1))
        assert summary.members == 0
        assert summary.density == 0.0

    def test_withdrawn_members_leave_the_organization_graph(self) -> None:
        graph = net.build_graph(self.coalition(), as_of=date(2021, 6, 1))
        assert graph.nodes["org:gone"]["status"] == "withdrawn"
        projection = net.organization_graph(self.coalition(), as_of=date(2021, 6, 1))
        assert set(projection) == {"org:early", "org:late"}


# ------------------------------------------------------------------------------ analyses


class TestKnownAnswers:
    def test_the_hub_of_a_star_is_the_top_broker(self) -> None:
        ranking = net.brokers(star()).ranking
        assert ranking[0].organization == "hub"
        assert ranking[0].betweenness == pytest.approx(1.0)
        assert all(b.betweenness == 0 for b in ranking[1:])

    def test_the_hub_of_a_star_is_the_key_player(self) -> None:
        players = net.key_players(star(), k=1)
        assert players.organizations == ("hub",)
        assert players.before == 0.0
        assert players.after == pytest.approx(1.0)

    def test_a_star_is_fully_centralized(self) -> None:
        health = net.health(star())
        assert health.centralization == pytest.approx(1.0)
        assert health.density == pytest.approx(4 / 10)
        assert health.connectivity[0].organization == "hub"
        assert health.connectivity[0].degree_centrality == pytest.approx(1.0)

    def test_a_path_of_four_has_density_one_half(self) -> None:
        health = net.health(tied([("a", "b"), ("b", "c"), ("c", "d")]))
        assert health.density == pytest.approx(0.5)
        assert health.ties == 3

    def test_two_cliques_joined_by_a_bridge_are_two_communities(self) -> None:
        found = net.communities(two_cliques(), seed=1)
        assert found.groups == (("l1", "l2", "l3", "l4"), ("r1", "r2", "r3", "r4"))
        assert found.community_of("r3") == 1
        assert found.modularity > 0.3

    def test_the_bridge_is_the_broker_and_the_key_player(self) -> None:
        top = net.brokers(two_cliques()).top(2)
        assert {b.organization for b in top} == {"l1", "r1"}
        assert net.key_players(two_cliques(), k=1).organizations == ("l1",)

    def test_isolates_are_members_in_no_group_and_no_meeting(self) -> None:
        coalition = tied([("a", "b")], alone=["loner"])
        assert net.isolates(coalition).organizations == ("loner",)

    def test_cross_sector_ratio_counts_ties_between_sectors(self) -> None:
        coalition = tied(
            [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")],
            sectors={"a": "ngo", "b": "ngo", "c": "hotline", "d": "hotline"},
        )
        ties = net.cross_sector_ties(coalition)
        assert (ties.within, ties.across) == (2, 2)
        assert ties.ratio == 0.5
        assert ties.ei_index == 0.0

    def test_betweenness_above_the_exact_limit_is_sampled_and_reproducible(self) -> None:
        first = net.brokers(two_cliques(), exact_limit=4, k=3, seed=7)
        again = net.brokers(two_cliques(), exact_limit=4, k=3, seed=7)
        assert not first.exact
        assert first.sample_size == 3
        assert first == again

    def test_a_negative_number_of_key_players_is_refused(self) -> None:
        with pytest.raises(ValueError, match="must be zero or more"):
            net.key_players(star(), k=-1)

    def test_the_demo_coalition_has_brokers_and_key_players(self) -> None:
        summary = net.summarize(demo(), DEMO_AS_OF)
        assert summary.brokers.top(3)
        assert len(summary.health.key_players.organizations) == net.DEFAULT_KEY_PLAYERS
        assert 0 < summary.density < 1


class TestCoverage:
    def coalition(self) -> Coalition:
        return Coalition(
            name="Coverage",
            organizations=(
                _organization("icmec-org", "ngo", "US", scope=Scope.NATIONAL, partner="icmec"),
                _organization("safernet-org", "hotline", "BR", partner="safernet"),
                _organization("policia", "law-enforcement", "AR"),
                Organization(
                    id="red",
                    name="Red",
                    sector=Sector.REGIONAL_NETWORK,
                    countries=["AR", "CL"],
                    scope=Scope.REGIONAL,
                ),
                _organization("prospect", "hotline", "CO", partner="rcpi-peru"),
            ),
            members=tuple(_member(o) for o in ("icmec-org", "safernet-org", "policia", "red")),
        )

    def test_expected_sectors_without_members_are_gaps(self) -> None:
        coverage = net.sector_coverage(self.coalition())
        missing = set(coverage.missing_sectors)
        assert Sector.HOTLINE not in missing
        assert Sector.REGIONAL_NETWORK not in missing
        assert {Sector.PRIVATE_SECTOR, Sector.UN_AGENCY, Sector.ACADEMIC} <= missing
        assert Sector.GOVERNMENT not in missing  # not a sector of the Proposed Structure

    def test_named_partners_that_are_not_members_are_gaps(self) -> None:
        missing = {p.id for p in net.sector_coverage(self.coalition()).missing_partners}
        assert "icmec" not in missing
        assert "safernet" not in missing
        assert "rcpi-peru" in missing  # an organization, but not a member
        assert "universities" not in missing  # generic entries are not named partners

    def test_countries_are_covered_by_national_members_by_sector(self) -> None:
        coverage = net.country_coverage(self.coalition())
        assert coverage.country("BR").hotlines == ("safernet-org",)
        assert "BR" not in coverage.without_hotline
        assert "AR" not in coverage.without_law_enforcement
        assert "CO" in coverage.without_hotline  # the Colombian hotline is no member
        assert "US" not in {c.code for c in coverage.countries}  # outside the region

    def test_regional_members_are_counted_separately(self) -> None:
        coverage = net.country_coverage(self.coalition())
        chile = coverage.country("CL")
        assert chile.regional == ("red",)
        assert "CL" in coverage.without_ngo
        assert "CL" not in coverage.without_any_member

    def test_country_names_come_in_three_languages(self) -> None:
        brazil = net.country_coverage(self.coalition()).country("BR").name
        assert (brazil.en, brazil.es, brazil.in_("pt")) == ("Brazil", "Brasil", "Brasil")


class TestCompare:
    def test_compare_detects_an_added_member(self) -> None:
        coalition = Coalition(
            name="Growing",
            organizations=tuple(_organization(o) for o in ("a", "b", "c")),
            members=(_member("a"), _member("b"), _member("c", joined=date(2022, 1, 1))),
            meetings=(
                _meeting(1, ["a", "b"], date(2020, 6, 1)),
                _meeting(2, ["b", "c"], date(2022, 6, 1)),
            ),
        )
        change = net.compare(coalition, date(2021, 1, 1), date(2023, 1, 1))
        assert change.members_joined == ("c",)
        assert change.members_left == ()
        assert change.ties_added == (("b", "c"),)
        assert change.brokers_entered == ("b",)
        assert change.after.members == 3
        assert change.density_change == pytest.approx(2 / 3 - 1)

    def test_compare_detects_a_partner_joining_and_coverage_gained(self) -> None:
        coalition = Coalition(
            name="Growing",
            organizations=(_organization("safer", "hotline", "BR", partner="safernet"),),
            members=(_member("safer", joined=date(2022, 1, 1)),),
        )
        change = net.compare(coalition, date(2021, 1, 1), date(2023, 1, 1))
        assert change.partners_joined == ("safernet",)
        assert ("BR", Sector.HOTLINE) in change.coverage_gained
        assert Sector.HOTLINE in change.sectors_covered

    def test_dates_in_the_wrong_order_are_refused(self) -> None:
        with pytest.raises(ValueError, match="is before the first date"):
            net.compare(star(), date(2023, 1, 1), date(2021, 1, 1))

    def test_the_change_shows_itself_as_a_table(self) -> None:
        change = net.compare(star(), date(2019, 1, 1), date(2021, 1, 1))
        assert "<table" in change._repr_html_()
        assert "density" in change._repr_html_()


class TestHealthOverTime:
    def test_points_come_in_date_order(self) -> None:
        timeline = net.health_over_time(demo(), [date(2024, 1, 1), date(2018, 1, 1)])
        assert [h.as_of for h in timeline.points] == [date(2018, 1, 1), date(2024, 1, 1)]
        assert timeline.points[0].members <= timeline.points[1].members


# ----------------------------------------------------------------------- summary, pandas


class TestSummary:
    def test_summary_shows_itself_as_an_html_table(self) -> None:
        page = net.summarize(demo())._repr_html_()
        assert page.startswith("<table")
        assert "Density" in page
        assert "Degree centralization" in page

    def test_summary_html_escapes_names(self) -> None:
        coalition = tied([("a", "b")]).evolve(name="<script>alert(1)</script>")
        page = net.summarize(coalition)._repr_html_()
        assert "<script>" not in page
        assert "&lt;script&gt;" in page

    @pytest.mark.parametrize(
        ("lang", "word"), [("en", "Density"), ("es", "Densidad"), ("pt", "Densidade")]
    )
    def test_summary_rows_speak_the_language_asked_for(self, lang: str, word: str) -> None:
        rows = dict(net.summarize(star()).rows(lang))
        assert word in rows

    def test_every_result_becomes_a_data_frame(self) -> None:
        pandas = pytest.importorskip("pandas")
        summary = net.summarize(demo())
        frames = [
            summary.to_dataframe(),
            summary.health.to_dataframe(),
            summary.health.key_players.to_dataframe(),
            summary.brokers.to_dataframe(),
            summary.communities.to_dataframe(),
            summary.isolates.to_dataframe(),
            summary.cross_sector_ties.to_dataframe(),
            summary.sector_ties.to_dataframe(weighted=True),
            summary.sector_coverage.to_dataframe(),
            summary.country_coverage.to_dataframe(),
            net.health_over_time(demo(), [DEMO_AS_OF]).to_dataframe(),
            net.compare(demo(), date(2020, 1, 1), DEMO_AS_OF).to_dataframe(),
        ]
        assert all(isinstance(frame, pandas.DataFrame) for frame in frames)
        assert len(frames[3]) == summary.members
        assert len(frames[9]) == len(summary.country_coverage.countries)

    def test_without_pandas_to_dataframe_says_how_to_install_it(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(net.MissingDependency, match=r"pip install 'clac\[pandas\]'"):
            net.brokers(star()).to_dataframe()


# -------------------------------------------------------------------------------- exports


def _demo_personal_data() -> set[str]:
    found: set[str] = {PERSON, EMAIL}
    for member in demo().members:
        for person in member.representatives:
            found.add(person.name)
            if person.email:
                found.add(person.email)
    return found


class TestExports:
    @pytest.mark.parametrize("suffix", ["gexf", "graphml"])
    def test_xml_exports_read_back_with_the_same_nodes(self, tmp_path: Path, suffix: str) -> None:
        graph = net.build_graph(demo())
        path = net.export(demo(), tmp_path / f"demo.{suffix}")
        back = nx.read_gexf(path) if suffix == "gexf" else nx.read_graphml(path)
        assert set(back.nodes) == set(graph.nodes)
        assert back.number_of_edges() == graph.number_of_edges()
        assert back.nodes["org:icmec"]["sector"] == "ngo"
        assert back.nodes["org:icmec"]["countries"] == ";".join(
            graph.nodes["org:icmec"]["countries"]
        )

    def test_json_export_is_node_link_data(self, tmp_path: Path) -> None:
        path = net.export(demo(), tmp_path / "demo.json", as_of=date(2020, 1, 1))
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) >= {"nodes", "edges"}
        graph = nx.node_link_graph(data, edges="edges")
        assert set(graph.nodes) == set(net.build_graph(demo(), as_of=date(2020, 1, 1)).nodes)

    def test_png_export_is_a_png(self, tmp_path: Path) -> None:
        path = net.export(demo(), tmp_path / "demo.png", lang="es")
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def test_the_full_graph_can_be_drawn_too(self, tmp_path: Path) -> None:
        path = net.write_png(net.build_graph(demo()), tmp_path / "full.png", title="Full")
        assert path.read_bytes()[:4] == b"\x89PNG"

    def test_no_export_holds_personal_data(self, tmp_path: Path) -> None:
        coalitions_ = [demo(), star()]
        secrets = _demo_personal_data()
        for index, coalition in enumerate(coalitions_):
            for suffix in ("gexf", "graphml", "json"):
                text = net.export(coalition, tmp_path / f"{index}.{suffix}").read_text("utf-8")
                leaked = [s for s in secrets if s in text]
                assert not leaked, f"{suffix} export holds personal data: {leaked}"

    def test_no_graph_attribute_holds_personal_data(self) -> None:
        secrets = _demo_personal_data()
        graph = net.build_graph(demo())
        values = [
            *(str(v) for _, data in graph.nodes(data=True) for v in data.values()),
            *(str(v) for _, _, data in graph.edges(data=True) for v in data.values()),
            *(str(v) for v in graph.graph.values()),
        ]
        assert not [v for v in values if any(s in v for s in secrets)]

    def test_an_unknown_format_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(net.UnsupportedExport, match="no export suffix"):
            net.export(demo(), tmp_path / "demo.txt")
        with pytest.raises(net.UnsupportedExport, match="not an export format"):
            net.export(demo(), tmp_path / "demo.out", "pdf")

    @pytest.mark.parametrize("name", ["star.gexf", "star.png"])
    def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
    ) -> None:
        target = tmp_path / name
        target.write_text("old", encoding="utf-8")

        def refuse(*_: object) -> None:
            raise PermissionError("refused")

        monkeypatch.setattr(os, "replace", refuse)
        with pytest.raises(OSError, match="permission denied"):
            net.export(star(), target)
        assert target.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == [name]

    @pytest.mark.parametrize("name", ["star.json", "star.png"])
    def test_exporting_into_a_missing_folder_is_a_clear_error(
        self, tmp_path: Path, name: str
    ) -> None:
        with pytest.raises(OSError, match="folder does not exist"):
            net.export(star(), tmp_path / "missing" / name)


# ------------------------------------------------------------------------------------ CLI


class TestCommand:
    def test_without_export_it_prints_a_summary_in_the_language_asked_for(self) -> None:
        result = CliRunner().invoke(network, ["--lang", "es"])
        assert result.exit_code == 0, result.output
        assert "Densidad" in result.output
        assert "Principales intermediarios" in result.output
        assert "Países sin una línea de denuncia" in result.output

    def test_it_reads_a_registry_file(self, tmp_path: Path) -> None:
        from clac.io import dump

        path = tmp_path / "star.yaml"
        dump(star(), path)
        result = CliRunner().invoke(network, [str(path), "--as-of", "2021-01-01"])
        assert result.exit_code == 0, result.output
        assert "hub (1.000)" in result.output

    @pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "png"])
    def test_export_writes_the_file(self, tmp_path: Path, fmt: str) -> None:
        output = tmp_path / f"demo.{fmt}"
        result = CliRunner().invoke(network, ["--export", fmt, "--output", str(output)])
        assert result.exit_code == 0, result.output
        assert output.stat().st_size > 0

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--export", "gexf"], "needs --output"),
            (["no-such-file.yaml"], "does not exist"),
            (["--output", "out.txt"], "no export suffix"),
        ],
    )
    def test_bad_input_exits_2_with_one_clear_line(
        self, args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(network, args)
        assert result.exit_code == 2
        assert message in result.output
        assert "Traceback" not in result.output

    def test_a_bad_date_is_a_usage_error(self) -> None:
        result = CliRunner().invoke(network, ["--as-of", "2020-13-01"])
        assert result.exit_code == 2


class TestImports:
    def test_importing_clac_imports_no_heavy_library(self) -> None:
        code = (
            "import sys, clac, clac.cli.network; "
            "heavy = {'networkx', 'matplotlib', 'pandas'} & set(sys.modules); "
            "assert not heavy, heavy"
        )
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603

    def test_importing_clac_network_imports_neither_pandas_nor_matplotlib(self) -> None:
        code = (
            "import sys, clac.network; "
            "heavy = {'matplotlib', 'pandas'} & set(sys.modules); assert not heavy, heavy"
        )
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603


# ----------------------------------------------------------------------------- properties


class TestProperties:
    @given(coalitions(max_members=8))
    def test_density_and_centralization_lie_between_zero_and_one(self, c: Coalition) -> None:
        health = net.health(c)
        assert 0.0 <= health.density <= 1.0
        assert 0.0 <= health.centralization <= 1.0 + 1e-12
        assert all(0.0 <= f <= 1.0 for f in health.key_players.fragmentation)
        assert isinstance(health.density, float)

    @given(coalitions(max_members=8), st.integers(min_value=0, max_value=2**16))
    def test_communities_partition_the_members(self, c: Coalition, seed: int) -> None:
        found = net.communities(c, seed=seed)
        members = [node for group in found.groups for node in group]
        expected = {net.node_id(n) for n in net.organization_graph(c)}
        assert len(members) == len(set(members))
        assert set(members) == expected

    @given(coalitions(max_members=8), st.integers(min_value=0, max_value=2**16))
    def test_the_same_seed_gives_the_same_analysis(self, c: Coalition, seed: int) -> None:
        assert net.summarize(c, seed=seed) == net.summarize(c, seed=seed)

    @given(coalitions(max_members=8))
    def test_every_member_is_a_node_and_no_one_else(self, c: Coalition) -> None:
        nodes = {net.node_id(n) for n in net.organization_graph(c)}
        assert nodes == {
            m.organization for m in c.members if m.status is not MemberStatus.WITHDRAWN
        }
        full = net.build_graph(c)
        assert {n for n in full if n.startswith("org:")} == {f"org:{o.id}" for o in c.organizations}

    @given(st.integers(min_value=1, max_value=14), st.floats(0.0, 1.0), st.integers(0, 99))
    def test_fragmentation_after_each_removal_matches_brute_force(
        self, n: int, p: float, seed: int
    ) -> None:
        graph = nx.gnp_random_graph(n, p, seed=seed)
        fast = _pairs_after_removal(graph)
        for node in graph:
            rest = graph.copy()
            rest.remove_node(node)
            slow = sum(len(c) * (len(c) - 1) for c in nx.connected_components(rest))
            assert fast[node] == slow


# ------------------------------------------------------------------------------ benchmark


class TestBenchmark:
    def test_the_benchmark_runs_at_its_smallest_size(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        script = ROOT / "benchmarks" / "bench_network.py"
        if not script.exists():  # an sdist ships tests but not benchmarks
            pytest.skip("benchmarks/ is not here")
        spec = importlib.util.spec_from_file_location("bench_network", script)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.main(["--smoke", "--sizes", "100"]) == 0  # runs; not a timing
        assert "build_graph" in capsys.readouterr().out
