"""Every example in ``examples/`` runs, as the kind of user it is written for would run it: the
scripts as programs, the web service over HTTP and as a WSGI application, the plugin package
through its entry point, and the property-test suite under Hypothesis."""

from __future__ import annotations

import importlib.util
import io
import json
import runpy
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from types import ModuleType
from typing import Any
from wsgiref.util import setup_testing_defaults

import jsonschema
import pytest
from click.testing import CliRunner

import clac
from clac.cli import cli
from clac.rules import CATALOGUE, ENTRY_POINT_GROUP, evaluate
from clac.schema import assessment_schema

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def load(path: Path, name: str) -> ModuleType:
    """Import the example at ``path`` as module ``name`` (examples are not a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_script(
    path: Path, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, str]:
    monkeypatch.setattr(sys, "argv", [str(path), *args])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(path), run_name="__main__")
    return done.value.code, capsys.readouterr().out


class TestScripts:
    def test_there_is_an_example_for_each_kind_of_user(self) -> None:
        names = {p.name for p in SCRIPTS}
        assert {"add_member.py", "web_service.py", "ci_check.py", "analyst.py"} <= names
        assert (EXAMPLES / "plugin_package" / "pyproject.toml").exists()
        assert list((EXAMPLES / "property_tests").glob("test_*.py"))

    def test_add_member_reports_the_new_members_findings(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        status, out = run_script(EXAMPLES / "add_member.py", [], capsys, monkeypatch)
        assert status == 0
        assert "member:linea-ficticia-uy" in out
        assert "findings" in out

    def test_add_member_keeps_the_registrys_comments(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        path = tmp_path / "coalition.yaml"
        written = (
            "# Our registry: keep this.\nclac: 1\nname: CLAC  # ours\n\n# Members.\nmembers: []\n"
        )
        path.write_text(written, encoding="utf-8")
        status, _ = run_script(EXAMPLES / "add_member.py", [str(path)], capsys, monkeypatch)
        assert status == 0
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Our registry: keep this.\nclac: 1\nname: CLAC  # ours\n")
        assert "# Members.\n" in text
        assert clac.load(path).members[-1].organization == "linea-ficticia-uy"

    def test_the_web_service_assesses_the_demo_over_http(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        status, out = run_script(EXAMPLES / "web_service.py", [], capsys, monkeypatch)
        assert status == 0
        assert out.startswith(f"{len(evaluate(clac.demo(), clac.DEMO_AS_OF))} findings (")
        assert out.rstrip().endswith("ok: False")

    def test_the_ci_script_demonstrates_itself(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        status, out = run_script(EXAMPLES / "ci_check.py", [], capsys, monkeypatch)
        assert status == 0
        assert "would exit 1; wrote demo.junit.xml, demo.sarif" in out

    def test_the_ci_script_checks_every_registry_and_exits_for_the_worst(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
        clac.dump(clac.demo(), good)
        bad.write_text("clac: 1\nname: X\nmembers: [{organization: nobody}]\n", encoding="utf-8")
        reports = tmp_path / "reports"
        args = ["--reports", str(reports), "--as-of", "2026-11-01", str(good), str(bad)]
        status, out = run_script(EXAMPLES / "ci_check.py", args, capsys, monkeypatch)
        assert status == 2
        assert f"{good}: 730 findings" in out or f"{good}: " in out
        assert sorted(p.name for p in reports.iterdir()) == ["good.junit.xml", "good.sarif"]
        suites = ET.parse(reports / "good.junit.xml").getroot()  # noqa: S314 - our own output
        assert int(suites.attrib["failures"]) == len(evaluate(clac.demo(), clac.DEMO_AS_OF).unmet)
        sarif = json.loads((reports / "good.sarif").read_text(encoding="utf-8"))
        assert sarif["runs"][0]["artifacts"][0]["location"]["uri"].endswith("good.yaml")

    def test_the_analyst_script_writes_the_picture_and_the_tables(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        pytest.importorskip("matplotlib")
        status, out = run_script(
            EXAMPLES / "analyst.py", ["--out", str(tmp_path), "--lang", "es"], capsys, monkeypatch
        )
        assert status == 0
        written = {p.name for p in tmp_path.iterdir()}
        assert written == {
            "network.png",
            "sectors.csv",
            "countries.csv",
            "brokers.csv",
            "communities.csv",
            "findings.csv",
        }
        assert (tmp_path / "network.png").read_bytes().startswith(b"\x89PNG")
        assert (tmp_path / "sectors.csv").read_text(encoding="utf-8").startswith("sector,")
        assert "hallazgos" in out


# -- the web service as a WSGI application ------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> ModuleType:
    return load(EXAMPLES / "web_service.py", "clac_example_web_service")


def call(
    service: ModuleType,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    query: str = "",
    content_type: str = "",
) -> tuple[str, Any]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": content_type,
        "wsgi.input": io.BytesIO(body),
    }
    setup_testing_defaults(environ)
    answer: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        answer.append(status)
        assert ("Content-Type", "application/json; charset=utf-8") in headers

    chunks = service.application(environ, start_response)
    return answer[0], json.loads(b"".join(chunks))


class TestWebService:
    def test_posting_a_registry_returns_its_assessment_in_the_published_shape(
        self, service: ModuleType
    ) -> None:
        body = clac.dumps(clac.demo(), "toml").encode("utf-8")
        status, document = call(
            service,
            "POST",
            "/assess",
            body,
            query="as_of=2026-11-01&lang=pt",
            content_type="application/toml",
        )
        assert status == "200 OK"
        jsonschema.validate(document, assessment_schema())
        assert document == evaluate(clac.demo(), clac.DEMO_AS_OF).to_dict("pt")

    def test_the_schema_route_publishes_the_assessment_schema(self, service: ModuleType) -> None:
        assert call(service, "GET", "/schema") == ("200 OK", assessment_schema())

    def test_a_bad_registry_is_a_400_with_path_and_reason(self, service: ModuleType) -> None:
        body = b"clac: 1\nname: X\nmembers: [{organization: nobody, joined: 2020-01-01}]\n"
        status, document = call(service, "POST", "/assess", body, query="lang=es")
        assert status == "400 Bad Request"
        (problem,) = document["problems"]
        assert problem["path"].startswith("members[0]")
        assert problem["reason"]

    @pytest.mark.parametrize("query", ["as_of=2026-02-30", "lang=fr"])
    def test_a_bad_query_is_a_400(self, service: ModuleType, query: str) -> None:
        body = clac.dumps(clac.demo(), "yaml").encode("utf-8")
        status, document = call(service, "POST", "/assess", body, query=query)
        assert status == "400 Bad Request"
        assert document["problems"]

    def test_a_body_over_the_limit_is_refused_unread(
        self, service: ModuleType, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(service, "MAX_BODY", 10)
        body = clac.dumps(clac.demo(), "yaml").encode("utf-8")
        status, document = call(service, "POST", "/assess", body)
        assert status == "413 Content Too Large"
        assert "at most 10 bytes" in document["error"]

    @pytest.mark.parametrize(
        ("method", "path", "status"),
        [("GET", "/assess", "405"), ("GET", "/nowhere", "404"), ("POST", "/schema", "404")],
    )
    def test_other_routes_and_methods_are_refused(
        self, service: ModuleType, method: str, path: str, status: str
    ) -> None:
        assert call(service, method, path)[0].startswith(status)


# -- the plugin package -----------------------------------------------------------------------

PLUGIN = EXAMPLES / "plugin_package"


@pytest.fixture
def chapter_plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The example plugin package as clac sees it once installed: its ``clac.rules`` entry
    points (read from its pyproject.toml) and its source on the import path."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["entry-points"][ENTRY_POINT_GROUP]
    points = [EntryPoint(name, value, ENTRY_POINT_GROUP) for name, value in declared.items()]
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))

    def entry_points(*, group: str) -> list[EntryPoint]:
        return points if group == ENTRY_POINT_GROUP else []

    monkeypatch.setattr("clac._plugins.entry_points", entry_points)
    monkeypatch.setattr("clac._plugins.may_declare", lambda group: True)
    CATALOGUE.reload()
    yield
    monkeypatch.undo()
    CATALOGUE.reload()
    sys.modules.pop("clac_chapter_rules", None)


@pytest.mark.usefixtures("chapter_plugin")
class TestPluginPackage:
    def test_its_rule_joins_the_catalogue_and_the_assessment(self) -> None:
        assert not CATALOGUE.errors
        rule = CATALOGUE.get("CHP-01")
        findings = evaluate(clac.demo(), clac.DEMO_AS_OF).where(rule="CHP-01")
        assert rule.severity.value == "expected"
        assert len(findings) == len(clac.demo().members_on(clac.DEMO_AS_OF))
        assert {f.outcome.value for f in findings} <= {"met", "unmet", "not-applicable"}

    def test_clac_rules_and_clac_check_see_it(self) -> None:
        runner = CliRunner()
        assert "CHP-01" in runner.invoke(cli, ["rules"]).stdout
        document = json.loads(runner.invoke(cli, ["check", "--format", "json"]).stdout)
        assert any(f["rule"] == "CHP-01" for f in document["findings"])


# -- the property-test suite ------------------------------------------------------------------


def property_tests() -> list[Any]:
    found = []
    for path in sorted((EXAMPLES / "property_tests").glob("test_*.py")):
        module = load(path, f"clac_example_{path.stem}")
        found += [
            pytest.param(test, id=f"{path.stem}.{name}")
            for name, test in vars(module).items()
            if name.startswith("test_") and callable(test)
        ]
    return found


class TestPropertySuite:
    def test_the_suite_has_properties(self) -> None:
        assert len(property_tests()) >= 4

    @pytest.mark.parametrize("test", property_tests())
    def test_each_property_holds(self, test: Callable[[], None]) -> None:
        test()
