"""The interactive network (clac.network.view_data, to_html, widget, export html) and its
page in a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import clac.network as net
from clac import demo
from clac.cli import cli
from clac.errors import InvalidData, MissingDependency
from clac.io import load_survey
from clac.registry import Coalition
from clac.survey import SurveyAnswer

HOSTILE = "Evil </script><!-- \u2028 & <b>Co</b>"


@pytest.fixture(scope="module")
def answers() -> tuple[SurveyAnswer, ...]:
    with resources.as_file(resources.files("clac.data") / "partnership_survey.csv") as path:
        return tuple(load_survey(path, demo()))


@pytest.fixture(scope="module")
def surveyed(answers: tuple[SurveyAnswer, ...]) -> Coalition:
    return demo().evolve(survey=answers)


@pytest.fixture(scope="module")
def hostile(surveyed: Coalition) -> Coalition:
    """The surveyed demo with one member's name made of what could break out of a script."""
    first = surveyed.organizations[0]
    organizations = [attrs.evolve(first, name=HOSTILE), *surveyed.organizations[1:]]
    return surveyed.evolve(organizations=organizations)


def _embedded(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="clac-network-data">(.*?)</script>',
                      page, re.S)  # fmt: skip
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


class TestViewData:
    def test_every_member_is_one_node_with_its_sector_and_countries(
        self, surveyed: Coalition
    ) -> None:
        data = net.view_data(surveyed)
        members = set(net.organization_graph(surveyed))
        assert {f"org:{n['id']}" for n in data["nodes"]} >= members
        by_id = {o.id: o for o in surveyed.organizations}
        for node in data["nodes"]:
            assert node["sector"] == by_id[node["id"]].sector.value
            assert node["countries"] == list(by_id[node["id"]].countries)

    def test_the_registry_ties_and_each_survey_round_are_networks_to_choose(
        self, surveyed: Coalition
    ) -> None:
        data = net.view_data(surveyed)
        rounds = [r.round.isoformat() for r in net.partnership(surveyed).rounds]
        assert [n["id"] for n in data["networks"]] == ["stakeholder", *rounds]
        assert (
            len(data["networks"][0]["edges"]) == net.organization_graph(surveyed).number_of_edges()
        )

    def test_received_scores_show_only_with_enough_respondents(self, surveyed: Coalition) -> None:
        data = net.view_data(surveyed, threshold=4)
        result = net.partnership(surveyed, threshold=4)
        for summary, shown in zip(result.rounds, data["networks"][1:], strict=True):
            for scores in summary.received:
                got = shown["received"][scores.organization]
                if scores.trust_raters < 4:
                    assert got["trust"] is None
                assert got["trust"] == scores.trust
                assert got["value"] == scores.value
        assert any(
            got["trust"] is None for n in data["networks"][1:] for got in n["received"].values()
        )

    def test_a_threshold_below_the_anonymity_rule_is_refused(self, surveyed: Coalition) -> None:
        with pytest.raises(InvalidData, match="threshold"):
            net.view_data(surveyed, threshold=2)

    def test_a_graph_is_refused_with_a_clear_error(self, surveyed: Coalition) -> None:
        with pytest.raises(InvalidData, match="Coalition"):
            net.view_data(net.build_graph(surveyed))  # type: ignore[arg-type]


class TestHtmlPage:
    def test_the_page_is_self_contained_and_names_no_address(self, surveyed: Coalition) -> None:
        page = net.to_html(surveyed)
        assert not re.search(r"(https?|ftp|file|data):|url\(|@import|[\"'(]//", page)
        assert not re.search(r"\b(src|href)\s*=", page)
        assert page.count("<script") == 2  # the data and the drawing, both inline

    def test_data_that_could_close_the_script_stays_inside_it(self, hostile: Coalition) -> None:
        page = net.to_html(hostile)
        assert page.count("</script>") == 2
        assert "<!--" not in page
        assert "\u2028" not in page
        data = _embedded(page)
        assert HOSTILE in [n["label"] for n in data["nodes"]]
        assert data == json.loads(json.dumps(net.view_data(hostile)))

    def test_no_personal_data_reaches_the_page(self, surveyed: Coalition) -> None:
        page = net.to_html(surveyed)
        for member in surveyed.members:
            for person in member.representatives:
                assert person.name not in page
                if person.email:
                    assert person.email not in page

    def test_export_and_the_command_line_write_the_same_page(
        self, surveyed: Coalition, tmp_path: Path
    ) -> None:
        written = net.export(surveyed, tmp_path / "a.html")
        survey_csv = resources.files("clac.data") / "partnership_survey.csv"
        with resources.as_file(survey_csv) as survey:
            result = CliRunner().invoke(
                cli,
                ["network", "--survey", str(survey), "--export", "html", "-o",
                 str(tmp_path / "b.html")],
            )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert written.read_text(encoding="utf-8") == (tmp_path / "b.html").read_text(
            encoding="utf-8"
        )


class TestWidget:
    def test_the_widget_holds_the_same_data_and_an_esm_entry(self, surveyed: Coalition) -> None:
        pytest.importorskip("anywidget", reason="the widget needs the notebooks extra")
        shown = net.widget(surveyed)
        assert json.loads(shown.data) == json.loads(json.dumps(net.view_data(surveyed)))
        assert "export default" in shown._esm
        assert "clacNetwork" in shown._esm

    def test_without_anywidget_it_names_the_extra(
        self, surveyed: Coalition, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import sys

        monkeypatch.setitem(sys.modules, "anywidget", None)
        with pytest.raises(MissingDependency, match="notebooks"):
            net.widget(surveyed)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[list[str]]:
    binary = _chromium()
    if binary is None:
        pytest.skip("Chromium is not installed (.ci/run installs it with apt-get)")
    with tempfile.TemporaryDirectory() as profile:
        yield [
            binary, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        ]  # fmt: skip


class TestInChromium:
    def test_the_page_loads_without_errors_and_draws_one_circle_per_organization(
        self, browser: list[str], hostile: Coalition, tmp_path: Path
    ) -> None:
        page = net.write_html(hostile, tmp_path / "network.html")
        run = subprocess.run(  # noqa: S603 - the Chromium found on PATH, our own page
            [*browser, "--dump-dom", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
        assert not [line for line in console if "Uncaught" in line or "rror" in line], console
        circles = re.findall(r'<circle [^>]*class="clac-node"[^>]*data-id="([^"]+)"', run.stdout)
        assert sorted(circles) == sorted(n["id"] for n in net.view_data(hostile)["nodes"])
        assert "Evil &lt;/script&gt;" in run.stdout  # the name shown as text, not markup

    def test_the_address_fragment_filters_the_organizations_drawn(
        self, browser: list[str], surveyed: Coalition, tmp_path: Path
    ) -> None:
        page = net.write_html(surveyed, tmp_path / "network.html")
        data = net.view_data(surveyed)
        last_round = data["networks"][-1]["id"]
        run = subprocess.run(  # noqa: S603 - the Chromium found on PATH, our own page
            [*browser, "--dump-dom", f"{page.as_uri()}#sector=hotline&network={last_round}"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        circles = re.findall(r'<circle [^>]*class="clac-node"[^>]*data-id="([^"]+)"', run.stdout)
        hotlines = [n["id"] for n in data["nodes"] if n["sector"] == "hotline"]
        assert hotlines
        assert sorted(circles) == sorted(hotlines)
        lines = run.stdout.count("<line ")
        kept = set(hotlines)
        edges = data["networks"][-1]["edges"]
        assert lines == sum(1 for a, b, _ in edges if a in kept and b in kept)


# A page standing in for Jupyter's widget manager: it imports the widget's ES module as
# anywidget's front end does and calls its ``render({model, el})`` with the synced ``data``.
_WIDGET_HOST = """<!doctype html><html><body><div id="el"></div>
<script type="module">
const url = URL.createObjectURL(new Blob([__CLAC_ESM__], {type: "text/javascript"}));
const widget = (await import(url)).default;
const values = {data: __CLAC_DATA__};
const model = {get: (key) => values[key], on() {}, off() {}};
widget.render({model, el: document.getElementById("el")});
document.body.setAttribute("data-rendered", "yes");
</script></body></html>"""


class TestTheWidgetInChromium:
    def test_its_module_renders_through_anywidgets_contract_one_circle_per_organization(
        self, browser: list[str], surveyed: Coalition, tmp_path: Path
    ) -> None:
        pytest.importorskip("anywidget")
        widget = net.widget(surveyed)

        def script_literal(text: str) -> str:
            return json.dumps(text).replace("</", "<\\/")

        page = tmp_path / "host.html"
        page.write_text(
            _WIDGET_HOST.replace("__CLAC_DATA__", script_literal(widget.data)).replace(
                "__CLAC_ESM__", script_literal(widget._esm)
            ),
            encoding="utf-8",
        )
        run = subprocess.run(  # noqa: S603 - the Chromium found on PATH, our own page
            [*browser, "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
        assert not [line for line in console if "Uncaught" in line or "rror" in line], console
        assert 'data-rendered="yes"' in run.stdout
        circles = re.findall(r'<circle [^>]*class="clac-node"[^>]*data-id="([^"]+)"', run.stdout)
        assert sorted(circles) == sorted(n["id"] for n in json.loads(widget.data)["nodes"])
