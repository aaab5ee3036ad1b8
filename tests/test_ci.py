"""The pre-commit hook and the CI recipe of docs/ci.md, tried in a new git repository that keeps
a registry, as a user of clac would.

The hook runs through pre-commit itself, declared as a local hook with the entry, file filter
and arguments of ``.pre-commit-hooks.yaml`` (a hook from a remote repository would have
pre-commit build a virtual environment and install clac from the network; the local hook runs
the clac under test instead, offline and fast).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from clac.cli import cli

ROOT = Path(__file__).parent.parent
VALID = Path(__file__).parent / "data" / "valid-minimal.yaml"
BIN = Path(sys.executable).parent
CLAC = BIN / "clac"


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (clac_check,) = hooks
    assert isinstance(clac_check, dict)
    return clac_check


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)  # noqa: S603,S607


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A new git repository keeping a registry, ``coalition.yaml``, as a user's would."""
    if shutil.which("git") is None:  # pragma: no cover - git is on every CI image
        pytest.skip("needs git")
    repo = tmp_path / "registry-repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "ci@example.org")
    git(repo, "config", "user.name", "CI")
    shutil.copy(VALID, repo / "coalition.yaml")
    (repo / "README.md").write_text("A coalition's registry.\n", encoding="utf-8")
    git(repo, "add", "-A")
    return repo


def environment(repo: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAC_", "LC_", "LANG"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(repo.parent / "pre-commit-home")
    return env


def clac_status(repo: Path, *args: str) -> int:
    """What ``clac check`` exits with on the repository's registry (run in this process)."""
    return CliRunner().invoke(cli, ["check", str(repo / "coalition.yaml"), *args]).exit_code


class TestPreCommitHook:
    def test_the_hook_is_declared_for_registry_files_and_runs_clac_check(self) -> None:
        h = hook()
        assert h["id"] == "clac-check"
        assert h["entry"] == "clac check"
        assert h["language"] == "python"
        assert h["pass_filenames"] is True
        assert "args" not in h
        pattern = re.compile(h["files"])
        named = ("coalition.yaml", "data/clac.yml", "clac-registry.json", "x/coalition-2026.toml")
        assert all(pattern.search(n) for n in named)
        others = ("README.md", "yaml.py", ".github/workflows/ci.yaml", "mkdocs.yml", "a.json")
        assert not any(pattern.search(n) for n in others)

    def run_hook(self, repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
        pre_commit = BIN / "pre-commit"
        if not pre_commit.exists():  # pragma: no cover - pre-commit is in the test extra
            pytest.skip("needs pre-commit (the test extra)")
        h = hook()
        local = {
            "id": h["id"],
            "name": h["name"],
            "entry": h["entry"].replace("clac", str(CLAC), 1),
            "language": "system",
            "pass_filenames": h["pass_filenames"],
            "files": h["files"],
            "types": h["types"],
            "args": ["--as-of", "2020-06-30"],
        }
        config = {"repos": [{"repo": "local", "hooks": [local]}]}
        (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        return subprocess.run(  # noqa: S603 - the pre-commit of this environment
            [str(pre_commit), "run", "--files", *files],
            cwd=repo,
            capture_output=True,
            text=True,
            env=environment(repo),
            check=False,
        )

    def test_the_hook_passes_or_fails_as_clac_check_does(self, repo: Path) -> None:
        result = self.run_hook(repo, "coalition.yaml")
        expected = clac_status(repo, "--as-of", "2020-06-30")
        assert expected in (0, 1)
        assert result.returncode == expected, result.stdout + result.stderr
        assert ("Passed" if expected == 0 else "Failed") in result.stdout

    def test_a_broken_registry_stops_the_commit(self, repo: Path) -> None:
        (repo / "coalition.yaml").write_text("clac: 1\nname: [unclosed\n", encoding="utf-8")
        result = self.run_hook(repo, "coalition.yaml")
        assert result.returncode == 1
        assert "Failed" in result.stdout
        assert "clac: error:" in result.stdout
        assert "Traceback" not in result.stdout

    def test_the_hook_skips_commits_without_registry_files(self, repo: Path) -> None:
        result = self.run_hook(repo, "README.md")
        assert result.returncode == 0
        assert "Skipped" in result.stdout


class TestPreCommitTryRepo:
    """``pre-commit try-repo``, which cannot pass ``args``: the hook as published, its entry
    pointed at the clac under test (``language: system``, so nothing is installed)."""

    def try_repo(self, repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
        pre_commit = BIN / "pre-commit"
        if not pre_commit.exists():  # pragma: no cover - pre-commit is in the test extra
            pytest.skip("needs pre-commit (the test extra)")
        hooks = repo.parent / "hooks-repo"
        hooks.mkdir()
        h = {**hook(), "entry": hook()["entry"].replace("clac", str(CLAC), 1)}
        h["language"] = "system"
        (hooks / ".pre-commit-hooks.yaml").write_text(yaml.safe_dump([h]), encoding="utf-8")
        git(hooks, "init", "-q")
        git(hooks, "add", "-A")
        git(hooks, "-c", "user.email=ci@example.org", "-c", "user.name=CI", "commit", "-qm", "h")
        return subprocess.run(  # noqa: S603 - the pre-commit of this environment
            [str(pre_commit), "try-repo", str(hooks), "clac-check", "--files", *files],
            cwd=repo,
            capture_output=True,
            text=True,
            env=environment(repo),
            check=False,
        )

    def test_a_good_registry_passes_with_no_args(self, repo: Path) -> None:
        good = repo / "coalition.yaml"
        assert clac_status(repo) == 0
        result = self.try_repo(repo, good.name)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Passed" in result.stdout

    def test_a_bad_registry_fails_with_its_own_error(self, repo: Path) -> None:
        (repo / "coalition.yaml").write_text("clac: 1\nname: [unclosed\n", encoding="utf-8")
        result = self.try_repo(repo, "coalition.yaml")
        assert result.returncode == 1
        assert "Failed" in result.stdout
        assert "coalition.yaml" in result.stdout
        assert "clac: error:" in result.stdout
        assert "demo" not in result.stdout

    def test_several_registries_are_each_assessed_and_the_worst_wins(self, repo: Path) -> None:
        shutil.copy(repo / "coalition.yaml", repo / "clac-other.yaml")
        (repo / "coalition.yaml").write_text("clac: 99\n", encoding="utf-8")
        result = CliRunner().invoke(
            cli, ["check", str(repo / "clac-other.yaml"), str(repo / "coalition.yaml")]
        )
        assert result.exit_code == 2
        assert "== " in result.stdout
        assert result.stdout.count("== ") == 2


def recipe() -> str:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- ci-recipe -->\n```sh\n(.*?)```", text, re.DOTALL)
    assert block is not None, "docs/ci.md lost its recipe"
    lines = block.group(1).splitlines()
    assert lines[0].startswith("python3 -m pip install")
    return "\n".join(lines[1:]) + "\n"  # the clac under test stands for the installed one


class TestCiRecipe:
    def run_recipe(self, repo: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - the recipe of docs/ci.md
            ["bash", "-eu", "-c", recipe()],  # noqa: S607
            cwd=repo,
            capture_output=True,
            text=True,
            env=environment(repo),
            check=False,
        )

    def test_the_recipe_writes_junit_and_sarif_and_fails_as_clac_check(self, repo: Path) -> None:
        result = self.run_recipe(repo)
        assert result.returncode == clac_status(repo)
        junit = ET.parse(repo / "clac-junit.xml").getroot()  # noqa: S314 - our own output
        assert junit.tag == "testsuites"
        assert int(junit.attrib["tests"]) > 0
        sarif = json.loads((repo / "clac.sarif").read_text(encoding="utf-8"))
        assert sarif["version"] == "2.1.0"
        assert sarif["runs"][0]["artifacts"][0]["location"]["uri"] == "coalition.yaml"
        assert "findings" in result.stdout

    def test_a_bad_registry_fails_the_job_with_exit_2(self, repo: Path) -> None:
        (repo / "coalition.yaml").write_text("clac: 99\n", encoding="utf-8")
        result = self.run_recipe(repo)
        assert result.returncode == 2
        assert "clac: error:" in result.stderr
