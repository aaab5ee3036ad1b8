"""The map of the region (clac.network.region_map, draw_map, write_map, clac network map)."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

import clac.network as net
from clac import DEMO_AS_OF, demo
from clac.charter import Sector
from clac.cli import cli
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN
from clac.errors import InvalidData
from clac.frameworks import matrix
from clac.model import Member, Organization, Scope
from clac.network._map import SMALL_STATE, _area, shapes
from clac.registry import Coalition

JOINED = date(2020, 1, 1)


def _small() -> Coalition:
    organizations = [
        Organization(id="ngo-br", name="NGO BR", sector="ngo", countries=["BR"]),
        Organization(id="hot-br", name="Hotline BR", sector=["hotline", "ngo"], countries=["BR"]),
        Organization(id="net", name="Regional", sector="regional-network", countries=["LAC"],
                     scope=Scope.REGIONAL),
        Organization(id="gone", name="Not a member", sector="ngo", countries=["AR"]),
    ]  # fmt: skip
    members = [Member(organization=o, joined=JOINED) for o in ("ngo-br", "hot-br", "net")]
    return Coalition(name="Small", organizations=tuple(organizations), members=tuple(members))


class TestShapes:
    def test_every_state_of_the_region_has_an_outline_with_its_source_and_licence(self) -> None:
        assert set(shapes()) == set(LATIN_AMERICA_AND_CARIBBEAN)
        document = json.loads(
            (resources.files("clac.data") / "lac_shapes.json").read_text(encoding="utf-8")
        )
        assert "Natural Earth" in document["source"]
        assert "public domain" in document["license"]

    def test_the_small_island_states_are_the_ones_drawn_as_circles(self) -> None:
        small = {c for c, rings in shapes().items() if sum(map(_area, rings)) < SMALL_STATE}
        assert {"KN", "AG", "DM", "LC", "VC", "GD", "BB"} <= small
        assert not small & {"BR", "MX", "CU", "AR"}


class TestRegionMap:
    def test_national_members_count_by_primary_sector_and_regional_apart(self) -> None:
        result = net.region_map(_small())
        brazil = result.country("br")
        assert brazil.by_sector == {Sector.HOTLINE: 1, Sector.NGO: 1}
        assert brazil.members == 2
        assert all(row.regional == 1 for row in result.countries)
        assert result.country("AR").members == 0  # not a member: not counted
        assert [row.code for row in result.countries] == list(LATIN_AMERICA_AND_CARIBBEAN)

    def test_an_unknown_state_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="33 states"):
            net.region_map(_small()).country("US")

    def test_a_framework_adds_the_verdicts_of_the_gap_matrix(self) -> None:
        result = net.region_map(demo(), framework="icmec-legislation", as_of=DEMO_AS_OF)
        grid = matrix(demo(), "icmec-legislation", as_of=DEMO_AS_OF)
        for row in result.countries:
            verdict = grid.verdict(row.code)
            assert row.verdict == (verdict.value if verdict else None)
            assert row.met == grid.country_counts(row.code).met

    def test_the_data_frame_has_one_row_per_state_and_a_column_per_sector(self) -> None:
        frame = net.region_map(demo(), framework="mnr", as_of=DEMO_AS_OF).to_dataframe("es")
        assert len(frame) == 33
        assert {s.value for s in Sector} <= set(frame.columns)
        assert {"verdict", "met", "unknown"} <= set(frame.columns)
        assert "Brasil" in set(frame["name"])


class TestDrawing:
    def test_every_state_is_drawn_and_the_small_ones_get_a_circle(self) -> None:
        from matplotlib.patches import Circle, Polygon

        figure = net.draw_map(net.region_map(_small()))
        patches = figure.axes[0].patches
        circles = [p for p in patches if isinstance(p, Circle)]
        small = [c for c, rings in shapes().items() if sum(map(_area, rings)) < SMALL_STATE]
        assert len(circles) == len(small)
        polygons = [p for p in patches if isinstance(p, Polygon)]
        assert len(polygons) == sum(len(rings) for rings in shapes().values())
        assert figure._repr_png_().startswith(b"\x89PNG")  # type: ignore[attr-defined]

    @pytest.mark.parametrize("suffix", ["png", "svg", "html"])
    def test_write_map_writes_each_format(self, suffix: str, tmp_path: Path) -> None:
        written = net.write_map(_small(), tmp_path / f"map.{suffix}")
        data = written.read_bytes()
        assert data
        if suffix == "html":
            page = data.decode("utf-8")
            assert "<svg" in page
            assert not re.search(r"\b(src|href)\s*=\s*\"(?!#)", page)  # only links inside
            assert "Brazil" in page

    def test_an_unknown_format_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidData, match="map format"):
            net.write_map(_small(), tmp_path / "map.gif")


class TestCommand:
    def test_the_command_draws_the_map_with_verdicts(self, tmp_path: Path) -> None:
        out = tmp_path / "map.png"
        result = CliRunner().invoke(cli, ["network", "map", "-f", "icmec-legislation", "-o",
                                          str(out)])  # fmt: skip
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(b"\x89PNG")

    def test_without_output_it_prints_the_33_states(self) -> None:
        result = CliRunner().invoke(cli, ["network", "map"])
        assert result.exit_code == 0, result.output
        assert len(result.output.splitlines()) == 34  # a heading and the 33 states

    def test_an_unknown_suffix_is_bad_input(self, tmp_path: Path) -> None:
        result = CliRunner().invoke(cli, ["network", "map", "-o", str(tmp_path / "m.gif")])
        assert result.exit_code == 2
        assert not (tmp_path / "m.gif").exists()
