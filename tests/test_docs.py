"""The documentation's generated pages: the charter, the traceability matrix and the CLI.

The pages come from ``docs/_gen/pages.py`` (the MkDocs hook serves them); the strict MkDocs
build itself runs in CI and ``nox -s docs``, not here, since it executes the notebooks.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType, SimpleNamespace

import click
import pytest

from clac.charter import BASE_DOCUMENT
from clac.cli import cli
from clac.rules import CATALOGUE, UNENCODED

GEN = Path(__file__).resolve().parents[1] / "docs" / "_gen"


def _load(name: str) -> ModuleType:
    """A module of ``docs/_gen`` (not a package: MkDocs loads the hook from its path)."""
    if str(GEN) not in sys.path:
        sys.path.insert(0, str(GEN))
    spec = importlib.util.spec_from_file_location(name, GEN / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pages = _load("pages")
hook = _load("hook")
BUILTIN = [r for r in CATALOGUE if r.source == "clac"]


@pytest.fixture(scope="module")
def traceability() -> str:
    page: str = pages.traceability_page()
    return page


class TestTraceabilityMatrix:
    def test_every_clause_is_listed(self, traceability: str) -> None:
        for clause in BASE_DOCUMENT.clauses:
            assert f"[`{clause.id}`](charter/en.md#" in traceability, clause.id

    def test_every_builtin_rule_is_listed_with_its_clause(self, traceability: str) -> None:
        for r in BUILTIN:
            row = next(line for line in traceability.splitlines() if f"| `{r.id}` |" in line)
            assert f"`{r.clause.id}`" in row
            assert r.severity.value in row

    def test_plugin_rules_are_left_out(self, traceability: str) -> None:
        for r in CATALOGUE:
            if r.source != "clac":
                assert r.id not in traceability

    def test_every_clause_without_a_rule_shows_its_reason(self, traceability: str) -> None:
        assert "no reason recorded" not in traceability
        _, without = traceability.split("## Clauses without a rule, and why")
        without, parts = without.split("## Parts of clauses with rules that no rule checks")
        parts, _ = parts.split("## Tests by rule")
        rows = [line for line in without.splitlines() if line.startswith("| [`")]
        part_rows = [line for line in parts.splitlines() if line.startswith("| [`")]
        assert len(rows) + len(part_rows) == len(UNENCODED)
        for clause_id, reason in UNENCODED.items():
            row = next(line for line in rows + part_rows if line.startswith(f"| [`{clause_id}`]"))
            assert " ".join(reason.en.split())[:60] in row

    def test_the_open_network_and_the_shared_folder_show_what_no_rule_checks(
        self, traceability: str
    ) -> None:
        _, parts = traceability.split("## Parts of clauses with rules that no rule checks")
        parts, _ = parts.split("## Tests by rule")
        assert "| [`structure-and-governance.1`]" in parts
        assert "`GOV-01`" in parts
        assert "voluntary basis" in parts
        assert "| [`reporting.6`]" in parts
        assert "`REP-04`" in parts
        assert "shared folder" in parts

    def test_every_builtin_rule_is_covered_by_a_test(self) -> None:
        coverage = pages.coverage_by_rule()
        assert set(coverage) == {r.id for r in BUILTIN}
        assert [rule_id for rule_id, tests in coverage.items() if not tests] == []


class TestCoverageScan:
    """The static scan finds a rule id wherever a test names it, and runs nothing."""

    def test_it_reads_strings_names_class_docstrings_and_module_tables(
        self, tmp_path: Path
    ) -> None:
        (tmp_path / "tests").mkdir()
        (tmp_path / "tests" / "test_example.py").write_text(
            textwrap.dedent(
                '''
                raise SystemExit("never run")
                TABLE = {"GOV-01": 1}

                def helper():
                    return "MEM-01"

                def test_in_a_string():
                    assert finding("MEM-02")

                def test_mem_03_in_the_name():
                    pass

                def test_through_a_table():
                    assert TABLE

                def test_unknown_ids_are_ignored():
                    assert "MEM-99" and "XMPL-01"

                class TestMem04:
                    def test_in_the_class_name(self):
                        pass

                class TestSomething:
                    """MEM-05: in the class docstring."""

                    def test_inherits_it(self):
                        pass
                '''
            ),
            encoding="utf-8",
        )
        coverage = pages.coverage_by_rule(tmp_path / "tests")
        named = {rule_id: [str(t) for t in tests] for rule_id, tests in coverage.items() if tests}
        assert named == {
            "MEM-02": ["tests/test_example.py::test_in_a_string"],
            "MEM-03": ["tests/test_example.py::test_mem_03_in_the_name"],
            "GOV-01": ["tests/test_example.py::test_through_a_table"],
            "MEM-04": ["tests/test_example.py::TestMem04::test_in_the_class_name"],
            "MEM-05": ["tests/test_example.py::TestSomething::test_inherits_it"],
        }


class TestCharterPages:
    @pytest.mark.parametrize("language", ["en", "es"])
    def test_every_clause_is_there_in_its_language(self, language: str) -> None:
        page = pages.charter_page(language)
        for clause in BASE_DOCUMENT.clauses:
            assert f"### `{clause.id}` — {clause.ref_in(language)}" in page
            assert clause.text.in_(language) in page

    def test_the_spanish_page_gives_the_reasons_in_spanish(self) -> None:
        page = pages.charter_page("es")
        for reason in UNENCODED.values():
            assert reason.es in page
        assert "La carta" in page.splitlines()[0]

    def test_divergences_say_which_language_clac_follows(self) -> None:
        page = pages.charter_page("en")
        divergent = [c for c in BASE_DOCUMENT.clauses if c.divergence is not None]
        assert divergent
        assert page.count("English and Spanish differ") == len(divergent)


class TestCliPage:
    def test_every_command_and_subcommand_has_its_help(self) -> None:
        page = pages.cli_page()
        context = click.Context(cli, info_name="clac")
        names = cli.list_commands(context)
        assert {"charter", "check", "network", "proposal", "report", "schema"} <= set(names)
        for name in names:
            assert f"`clac {name}`" in page
            command = cli.get_command(context, name)
            if isinstance(command, click.Group):
                for sub in command.list_commands(click.Context(command, info_name=name)):
                    assert f"`clac {name} {sub}`" in page
        assert "Usage: clac [OPTIONS] COMMAND" in page


class TestGeneratedFiles:
    def test_the_schema_file_is_the_generated_schema(self) -> None:
        import json

        from clac.schema import json_schema

        files = pages.generated_pages()
        assert json.loads(files["reference/registry.schema.json"]) == json_schema()
        assert {"charter/en.md", "charter/es.md", "traceability.md", "cli.md"} <= set(files)


class TestNotebookNav:
    def test_the_notebooks_section_lists_the_notebooks_there_are(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        for name in ("02_b.ipynb", "01_a.ipynb", "01_a.py"):
            (tmp_path / name).write_text("{}", encoding="utf-8")
        monkeypatch.setattr(hook, "NOTEBOOKS", tmp_path)
        config = SimpleNamespace(nav=[{"Home": "index.md"}, {"Notebooks": []}])
        hook.on_config(config)
        assert config.nav[1] == {"Notebooks": ["notebooks/01_a.ipynb", "notebooks/02_b.ipynb"]}

    def test_without_notebooks_the_section_is_dropped(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(hook, "NOTEBOOKS", tmp_path)
        config = SimpleNamespace(nav=[{"Home": "index.md"}, {"Notebooks": []}])
        hook.on_config(config)
        assert config.nav == [{"Home": "index.md"}]
