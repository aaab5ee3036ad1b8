"""The ``clac`` command end to end: good output, exit statuses, and the malformed corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

import clac
from clac.cli import cli
from clac.schema import json_schema

HERE = Path(__file__).parent
CORPUS = sorted((HERE / "malformed").iterdir())
VALID = HERE / "data" / "valid-minimal.yaml"

# Corpus files whose problem is in the file's shape (keys, types, enums, bounds, patterns): the
# JSON Schema alone refuses them. The others break cross-references or model rules the schema
# cannot state (an attendee that is not a member, a state contradicting its history …).
STRUCTURAL = {
    "bad-country.yaml",
    "bad-email.yaml",
    "bad-month.yaml",
    "countries-as-string.yaml",
    "list-where-object-belongs.yaml",
    "missing-name.yaml",
    "missing-version.yaml",
    "name-without-spanish.yaml",
    "negative-hours.yaml",
    "newer-version.yaml",
    "object-where-list-belongs.yaml",
    "quarter-5.yaml",
    "quarter-as-bool.yaml",
    "several-problems.yaml",
    "top-level-list.yaml",
    "top-level-scalar.json",
    "unknown-level.yaml",
    "unknown-member-key.yaml",
    "unknown-proposal-state.yaml",
    "unknown-sector.yaml",
    "unknown-tlp.yaml",
    "unknown-top-level-key.yaml",
    "version-is-text.yaml",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


class TestMalformedCorpus:
    def test_the_corpus_holds_at_least_thirty_files(self) -> None:
        assert len(CORPUS) >= 30

    @pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
    def test_a_malformed_file_exits_2_with_one_clear_message(self, path: Path) -> None:
        status, stdout, stderr = run("check", str(path))
        assert status == 2
        assert stdout == ""
        assert stderr.startswith("clac: error: ")
        assert "Traceback" not in stderr
        assert stderr.count("clac: error: ") == 1

    @pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
    def test_the_loader_raises_a_clac_error(self, path: Path) -> None:
        with pytest.raises(clac.ClacError):
            clac.load(path)

    def test_several_problems_in_one_file_are_reported_together(self) -> None:
        _, _, stderr = run("check", str(HERE / "malformed" / "several-problems.yaml"))
        assert "3 problems" in stderr
        for path in (
            "organizations[1].countries[0]",
            "participation[0].hours",
            "reports[0].quarter",
        ):
            assert path in stderr

    @pytest.mark.parametrize("name", sorted(STRUCTURAL))
    def test_the_schema_rejects_the_structurally_wrong_files(self, name: str) -> None:
        text = (HERE / "malformed" / name).read_text(encoding="utf-8")
        data = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
        assert not jsonschema.Draft202012Validator(json_schema()).is_valid(data)

    def test_a_missing_file_exits_2(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        # A relative path: the message shortens a long value, and pytest-xdist's temporary
        # folders are long enough to cut the file name off.
        monkeypatch.chdir(tmp_path)
        status, _, stderr = run("check", "nowhere.yaml")
        assert status == 2
        assert "nowhere.yaml" in stderr

    def test_a_directory_exits_2(self, tmp_path: Path) -> None:
        folder = tmp_path / "folder.yaml"
        folder.mkdir()
        status, _, stderr = run("check", str(folder))
        assert status == 2
        assert "folder.yaml" in stderr

    def test_a_huge_file_exits_2_without_being_read_whole(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import clac.io

        huge = tmp_path / "huge.yaml"
        huge.write_text(VALID.read_text(encoding="utf-8") + "#" * 4096, encoding="utf-8")
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("clac.io") and hasattr(
                module, "MAX_FILE_SIZE"
            ):
                monkeypatch.setattr(module, "MAX_FILE_SIZE", 1024)
        assert int(clac.io.MAX_FILE_SIZE) < huge.stat().st_size
        monkeypatch.chdir(tmp_path)  # a message shortens a long path: keep this one short
        status, _, stderr = run("check", "huge.yaml")
        assert status == 2
        assert "huge.yaml" in stderr


class TestCheck:
    def test_a_valid_registry_with_every_required_rule_met_or_not_exits_0_or_1(self) -> None:
        status, stdout, _ = run("check", str(VALID), "--as-of", "2020-06-30")
        assert status in (0, 1)
        assert "findings" in stdout

    def test_the_demo_exits_1_because_of_its_deliberate_gaps(self) -> None:
        status, stdout, _ = run("check")
        assert status == 1
        assert "POL-01" in stdout
        assert "a required rule is unmet" in stdout

    def test_json_output_is_for_tools(self) -> None:
        status, stdout, _ = run("check", "--format", "json")
        document = json.loads(stdout)
        assert status == 1
        assert document["ok"] is False
        assert document["as_of"] == clac.DEMO_AS_OF.isoformat()
        unmet = {
            (f["rule"], f["subject"]["id"]) for f in document["findings"] if f["outcome"] == "unmet"
        }
        assert ("MEM-03", "movilred") in unmet

    def test_spanish_output_speaks_spanish(self) -> None:
        _, stdout, _ = run("check", "--lang", "es", "--format", "markdown")
        assert "Evaluación de" in stdout
        assert "no cumplido" in stdout
        assert "una regla obligatoria no se cumple" in stdout

    def test_a_bad_date_is_a_usage_error(self) -> None:
        status, _, _ = run("check", "--as-of", "2024-02-30")
        assert status == 2


class TestOtherCommands:
    def test_charter_prints_every_section_in_spanish(self) -> None:
        status, stdout, _ = run("charter", "--lang", "es")
        assert status == 0
        for heading in ("Introducción", "Objetivos de Políticas Públicas", "Miembros (Afiliación)"):
            assert heading in stdout

    def test_rules_lists_the_catalogue(self) -> None:
        status, stdout, _ = run("rules", "--lang", "es")
        assert status == 0
        for rule_id in ("MEM-01", "GOV-01", "POL-01", "PRO-01", "REP-01"):
            assert rule_id in stdout

    def test_schema_is_valid_json_schema_that_accepts_the_demo(self, tmp_path: Path) -> None:
        status, stdout, _ = run("schema")
        schema = json.loads(stdout)
        assert status == 0
        jsonschema.Draft202012Validator.check_schema(schema)
        target = tmp_path / "demo.yaml"
        assert run("demo", "--output", str(target))[0] == 0
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)

    def test_demo_writes_a_registry_that_loads_back_equal(self, tmp_path: Path) -> None:
        target = tmp_path / "start.json"
        status, stdout, _ = run("demo", "--output", str(target))
        assert status == 0
        assert "wrote" in stdout
        assert clac.load(target) == clac.demo()

    def test_demo_does_not_overwrite_without_force(self, tmp_path: Path) -> None:
        target = tmp_path / "start.yaml"
        target.write_text("keep me", encoding="utf-8")
        status, _, stderr = run("demo", "--output", str(target))
        assert status == 2
        assert "already exists" in stderr
        assert target.read_text(encoding="utf-8") == "keep me"

    def test_help_lists_every_command_without_importing_heavy_modules(self) -> None:
        code = (
            "import sys; from click.testing import CliRunner; from clac.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
            "assert 'network' in r.output and 'proposal' in r.output; "
            "heavy = {'networkx', 'statemachine', 'icalendar', 'matplotlib', 'pandas'}; "
            "print(sorted(heavy & set(sys.modules)))"
        )
        out = subprocess.run(  # noqa: S603 - runs this interpreter on fixed code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == "[]"

    def test_python_dash_m_clac_runs_the_command(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "clac", "--version"], capture_output=True, text=True, check=True
        )
        assert "clac" in result.stdout
