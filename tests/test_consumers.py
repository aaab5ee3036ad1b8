"""clac's machine outputs as their real consumers read them: SARIF through the OASIS schema,
the schema GitHub's upload action checks and Microsoft's SARIF Multitool with GitHub's rules;
JUnit through Jenkins' junit-10.xsd, junitparser and Codecov's test-results-parser; GEXF
through the GEXF 1.2draft XSD, networkx and Gephi's JavaScript reader (graphology-gexf);
GraphML through the GraphML 1.1 XSD. See ``tests/consumers.py`` for where each is found."""

from __future__ import annotations

import collections
import json
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from click.testing import CliRunner

import clac
from clac.cli import cli
from clac.io import load_survey
from clac.network import export
from clac.rules import evaluate
from tests.consumers import multitool, node_with, run, schema

DAY = clac.DEMO_AS_OF.isoformat()


@cache
def demo_registry(suffix: str) -> str:
    return clac.dumps(clac.demo(), suffix)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git work tree keeping the demo as a registry in a subfolder, its name with a space."""
    if shutil.which("git") is None:  # pragma: no cover - git is on every CI image
        pytest.skip("needs git")
    root = tmp_path / "work tree"
    (root / "data").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)  # noqa: S607
    return root


def sarif_of(*args: str, cwd: Path | None = None) -> dict[str, Any]:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(cli, ["check", "--format", "sarif", *args])
    else:
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(cwd)
            result = runner.invoke(cli, ["check", "--format", "sarif", *args])
    assert result.exit_code in (0, 1), result.output
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def validate_sarif_schemas(log: dict[str, Any]) -> None:
    oasis = json.loads(schema("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(oasis).validate(log)
    github = json.loads(schema("codeql-action-sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(github).validate(log)


def multitool_errors(log: dict[str, Any], tmp_path: Path) -> list[str]:
    """What the SARIF Multitool reports as errors with the rule kinds Sarif, Gh and Ghas."""
    tool = multitool()
    given, report = tmp_path / "in.sarif", tmp_path / "validation.sarif"
    given.write_text(json.dumps(log), encoding="utf-8")
    kinds = "Sarif;Gh;Ghas"
    done = run([str(tool), "validate", "--rule-kind", kinds, str(given), "-o", str(report)])
    assert report.is_file(), done.stdout + done.stderr
    results = json.loads(report.read_text(encoding="utf-8"))["runs"][0].get("results", [])
    return [
        f"{r['ruleId']}: {r['message'].get('text', r['message'])}"
        for r in results
        if r.get("level", "warning") == "error"
    ]


class TestSarifForGitHub:
    @pytest.mark.parametrize("suffix", ["yaml", "json", "toml"])
    def test_a_registry_log_passes_the_schemas_and_the_multitool(
        self, repo: Path, tmp_path: Path, suffix: str
    ) -> None:
        registry = repo / "data" / f"our coalition.{suffix}"
        registry.write_text(demo_registry(suffix), encoding="utf-8")
        log = sarif_of(str(registry), "--as-of", DAY)  # every shape of result, fewer of them
        assert any(r["kind"] == "fail" for r in log["runs"][0]["results"])
        validate_sarif_schemas(log)
        assert multitool_errors(log, tmp_path) == []

    def test_the_demo_log_passes_and_says_why_results_have_no_file(self, tmp_path: Path) -> None:
        log = sarif_of()
        validate_sarif_schemas(log)
        assert multitool_errors(log, tmp_path) == []
        (run_,) = log["runs"]
        notes = run_["invocations"][0]["toolExecutionNotifications"]
        assert [n["descriptor"]["id"] for n in notes] == ["clac/no-file"]
        assert all("physicalLocation" not in r["locations"][0] for r in run_["results"])

    def test_every_rule_has_help_in_text_and_markdown(self) -> None:
        rules = sarif_of("--all")["runs"][0]["tool"]["driver"]["rules"]
        assert rules
        assert all(r["help"]["text"].strip() and r["help"]["markdown"].strip() for r in rules)

    def test_paths_are_from_the_repository_root_whatever_the_working_folder(
        self, repo: Path
    ) -> None:
        registry = repo / "data" / "our coalition.yaml"
        registry.write_text(demo_registry("yaml"), encoding="utf-8")
        log = sarif_of("our coalition.yaml", "--as-of", DAY, cwd=repo / "data")
        (run_,) = log["runs"]
        assert run_["artifacts"][0]["location"] == {
            "uri": "data/our%20coalition.yaml",
            "uriBaseId": "%SRCROOT%",
        }
        assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
        located = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert located["uri"] == "data/our%20coalition.yaml"
        rooted = sarif_of(str(registry), "--as-of", DAY, "--sarif-root", str(repo / "data"))
        assert rooted["runs"][0]["artifacts"][0]["location"]["uri"] == "our%20coalition.yaml"

    def test_each_result_points_at_its_subjects_record(self, repo: Path) -> None:
        registry = repo / "coalition.yaml"
        registry.write_text(demo_registry("yaml"), encoding="utf-8")
        lines = registry.read_text(encoding="utf-8").splitlines()
        results = sarif_of(str(registry), "--as-of", DAY, "--all")["runs"][0]["results"]
        members = [r for r in results if r["properties"]["subject"].startswith("member:")]
        assert members
        for r in members:
            region = r["locations"][0]["physicalLocation"]["region"]
            assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
            line = lines[region["startLine"] - 1]
            shown = line[region["startColumn"] - 1 : region["endColumn"] - 1]
            assert shown == f"organization: {r['properties']['subject'].split(':', 1)[1]}"

    def test_n_findings_are_n_alerts_that_survive_unrelated_edits(self, repo: Path) -> None:
        registry = repo / "coalition.yaml"
        text = demo_registry("yaml")
        registry.write_text(text, encoding="utf-8")

        def alerts() -> dict[str, tuple[str, int]]:
            results = sarif_of(str(registry), "--as-of", DAY, "--all")["runs"][0]["results"]
            hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
            assert len(set(hashes)) == len(results) == len(evaluate(clac.demo(), clac.DEMO_AS_OF))
            return {
                f"{r['ruleId']} {r['properties']['subject']}": (
                    r["partialFingerprints"]["primaryLocationLineHash"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"],
                )
                for r in results
            }

        before = alerts()
        registry.write_text("# our registry\n# kept by the secretariat\n" + text, encoding="utf-8")
        after = alerts()
        assert {k: h for k, (h, _) in after.items()} == {k: h for k, (h, _) in before.items()}
        assert any(after[k][1] == line + 2 for k, (_, line) in before.items())


@cache
def junit_document() -> bytes:
    return evaluate(clac.demo(), clac.DEMO_AS_OF).to_junit().encode("utf-8")


class TestJunitReaders:
    def document(self) -> bytes:
        return junit_document()

    def expected(self) -> collections.Counter[str]:
        counts = evaluate(clac.demo(), clac.DEMO_AS_OF).counts
        return collections.Counter(
            tests=sum(counts.values()),
            failures=counts[clac.rules.Outcome.UNMET],
            errors=counts[clac.rules.Outcome.ERROR],
            skipped=counts[clac.rules.Outcome.NOT_APPLICABLE]
            + counts[clac.rules.Outcome.INSUFFICIENT_DATA],
        )

    def test_the_report_is_valid_against_jenkins_junit_10_xsd(self, tmp_path: Path) -> None:
        xmlschema = pytest.importorskip("xmlschema", reason="needs xmlschema (the test extra)")
        report = tmp_path / "junit.xml"
        report.write_bytes(self.document())
        xmlschema.XMLSchema(str(schema("junit-10.xsd"))).validate(str(report))

    def test_junitparser_counts_what_clac_means(self, tmp_path: Path) -> None:
        junitparser = pytest.importorskip("junitparser", reason="needs junitparser (test extra)")
        report = tmp_path / "junit.xml"
        report.write_bytes(self.document())
        xml = junitparser.JUnitXml.fromfile(str(report))
        counted: collections.Counter[str] = collections.Counter()
        for suite in xml:
            for case in suite:
                counted["tests"] += 1
                for result in case.result:
                    counted["failures"] += isinstance(result, junitparser.Failure)
                    counted["errors"] += isinstance(result, junitparser.Error)
                    counted["skipped"] += isinstance(result, junitparser.Skipped)
        assert counted == self.expected()
        assert (xml.tests, xml.failures, xml.errors, xml.skipped) == tuple(
            self.expected()[k] for k in ("tests", "failures", "errors", "skipped")
        )

    def test_codecovs_parser_counts_skips_as_skips(self) -> None:
        parser = pytest.importorskip(
            "test_results_parser", reason="needs test-results-parser (the test extra)"
        )
        runs = parser.parse_junit_xml(self.document()).testruns
        outcomes = collections.Counter(str(r.outcome) for r in runs)
        expected = self.expected()
        assert outcomes["skip"] == expected["skipped"] > 0
        assert outcomes["failure"] == expected["failures"] > 0
        assert outcomes["pass"] == expected["tests"] - expected["skipped"] - expected["failures"]


def survey_demo() -> clac.Coalition:
    from importlib.resources import files

    demo = clac.demo()
    answers = load_survey(Path(str(files("clac.data") / "partnership_survey.csv")), demo)
    return attrs.evolve(demo, survey=answers)


GRAPHOLOGY = """
const fs = require('fs');
const {MultiUndirectedGraph} = require('graphology');
const gexf = require('graphology-gexf');
const graph = gexf.parse(MultiUndirectedGraph, fs.readFileSync(process.argv[2], 'utf-8'));
console.log(JSON.stringify({order: graph.order, size: graph.size}));
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("graphs")
    return {
        "gexf": export(clac.demo(), folder / "demo.gexf", as_of=clac.DEMO_AS_OF),
        "survey": export(survey_demo(), folder / "survey.gexf", as_of=clac.DEMO_AS_OF),
        "graphml": export(clac.demo(), folder / "demo.graphml", as_of=clac.DEMO_AS_OF),
    }


class TestGraphFiles:
    @pytest.mark.parametrize("name", ["gexf", "survey"])
    def test_gexf_is_valid_against_the_official_xsd(
        self, files: dict[str, Path], name: str
    ) -> None:
        xmlschema = pytest.importorskip("xmlschema", reason="needs xmlschema (the test extra)")
        xmlschema.XMLSchema(str(schema("gexf-1.2draft/gexf.xsd"))).validate(str(files[name]))

    def test_gexf_is_dynamic_with_joined_days_and_survey_rounds_as_spells(
        self, files: dict[str, Path]
    ) -> None:
        import networkx as nx

        text = files["survey"].read_text(encoding="utf-8")
        assert 'mode="dynamic"' in text
        assert 'timeformat="date"' in text
        assert '<spell start="2024-03-01" end="2025-03-01"' in text
        graph = nx.read_gexf(files["survey"])
        joined = next(m.joined for m in clac.demo().members if m.organization == "icmec")
        assert joined is not None
        assert graph.nodes["org:icmec"]["start"] == joined.isoformat()

    @pytest.mark.parametrize("name", ["gexf", "survey"])
    def test_networkx_and_graphology_read_the_gexf_back(
        self, files: dict[str, Path], name: str, tmp_path: Path
    ) -> None:
        import networkx as nx

        graph = nx.read_gexf(files[name])
        node, modules = node_with("graphology-gexf")
        script = tmp_path / "read.js"
        script.write_text(GRAPHOLOGY, encoding="utf-8")
        done = run([node, str(script), str(files[name])], env={"NODE_PATH": str(modules)})
        assert done.returncode == 0, done.stderr
        read = json.loads(done.stdout)
        assert (read["order"], read["size"]) == (graph.number_of_nodes(), graph.number_of_edges())

    def test_graphml_is_valid_against_the_graphml_1_1_xsd(self, files: dict[str, Path]) -> None:
        xmlschema = pytest.importorskip("xmlschema", reason="needs xmlschema (the test extra)")
        xsd = xmlschema.XMLSchema(str(schema("graphml-1.1/graphml.xsd")))
        xsd.validate(str(files["graphml"]))
