"""The hostile corpus (tests/hostile/) through the ``clac`` command: every file gets the exit
status and the one message ``expected.toml`` names, from every command that reads a registry,
in bounded time, never a traceback and never a raw escape sequence."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from clac.cli import main

HERE = Path(__file__).parent
CORPUS = HERE / "hostile"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (CORPUS / "expected.toml").read_text(encoding="utf-8")
)
FILES = sorted(EXPECTED)
REFUSED = [name for name in FILES if EXPECTED[name]["status"] == 2]
# One file of each class, for the commands other than check (they share the loader).
SAMPLE = [
    "alias-bomb-under-name.yaml",
    "alias-contains-itself.yaml",
    "duplicate-nested-email.yaml",
    "duplicate-top-level-name.json",
    "duplicate-key.toml",
    "huge-integer-hours.json",
    "huge-integer-hours.toml",
    "line-break-in-name.yaml",
    "lone-surrogate-in-name.json",
    "escape-sequence-in-organization.json",
    "bad-email-is-masked.yaml",
    "deep-nesting.yaml",
    "utf-16.json",
    "bool-tag-maybe.yaml",
    "records-since-year-9999.yaml",
    "meeting-on-9999-12-31.yaml",
    "name-typed-as-level-is-masked.yaml",
    "phone-typed-as-name-is-masked.json",
]
COMMANDS = {
    "report annual": ["report", "annual", "--year", "2020", "{file}"],
    "calendar": ["calendar", "{file}"],
    "network": ["network", "{file}"],
    "network export": ["network", "{file}", "--export", "gexf", "--output", "{out}/g.gexf"],
    "gaps": ["gaps", "{file}"],
    "proposal list": ["proposal", "list", "{file}"],
    "proposal show": ["proposal", "show", "p1", "{file}"],
    "proposal advance": [
        "proposal",
        "advance",
        "{file}",
        "p1",
        "share",
        "--actor",
        "linea-ficticia",
        "--date",
        "2020-03-01",
    ],
}
# What a terminal would act on: C0 controls but tab and newline, DEL, C1 controls.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SECONDS = 5


def clac(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, float]:
    """``clac ARGS`` through the function the console script calls: status, out, err, time."""
    started = time.process_time()  # CPU time: a busy machine does not make it grow
    try:
        main(args)
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 1
    else:  # pragma: no cover - main always leaves through SystemExit
        status = 0
    elapsed = time.process_time() - started
    captured = capsys.readouterr()
    return status, captured.out, captured.err, elapsed


def _children_cpu() -> float:
    """CPU seconds the finished child processes took: unlike the wall clock, it does not grow
    when other work keeps the machine busy."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def assert_refused(name: str, status: int, out: str, err: str, elapsed: float) -> None:
    expected = EXPECTED[name]
    assert status == 2, err
    assert out == ""
    assert err.startswith("clac: error: ")
    assert [line.startswith("clac: error: ") for line in err.splitlines()].count(True) == 1
    assert "Traceback" not in err
    assert expected["message"] in err
    for secret in expected.get("absent", []):
        assert secret not in err
    assert not TERMINAL_CONTROLS.search(err)
    assert elapsed < SECONDS


class TestTheCorpus:
    def test_every_file_has_its_expectation_and_every_expectation_its_file(self) -> None:
        on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in {".yaml", ".json", ".toml"}}
        on_disk.discard("expected.toml")
        assert on_disk == set(EXPECTED)
        assert len(EXPECTED) >= 70

    def test_it_covers_every_format(self) -> None:
        assert {Path(name).suffix for name in REFUSED} == {".yaml", ".json", ".toml"}


class TestClacCheck:
    @pytest.mark.parametrize("name", REFUSED)
    def test_a_hostile_file_is_refused_with_one_clear_message(
        self, name: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert_refused(name, *clac(["check", str(CORPUS / name)], capsys))

    @pytest.mark.parametrize("name", [name for name in FILES if EXPECTED[name]["status"] != 2])
    @pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
    def test_markup_in_a_valid_registry_is_escaped_in_every_output(
        self, name: str, output_format: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = str(CORPUS / name)
        status, out, err, elapsed = clac(
            ["check", path, "--all", "--format", output_format], capsys
        )
        assert status == EXPECTED[name]["status"], err
        assert not TERMINAL_CONTROLS.search(out)
        assert elapsed < SECONDS
        if output_format == "markdown":
            for raw in EXPECTED[name]["absent"]:
                assert raw not in out

    def test_the_annual_report_escapes_it_too(self, capsys: pytest.CaptureFixture[str]) -> None:
        path = str(CORPUS / "markup-in-names.yaml")
        status, out, err, _ = clac(["report", "annual", "--year", "2020", path], capsys)
        assert status == 0, err
        assert "<script>" not in out


class TestEveryCommand:
    @pytest.mark.parametrize("name", SAMPLE)
    @pytest.mark.parametrize("command", sorted(COMMANDS))
    def test_every_command_that_reads_a_registry_refuses_it_alike(
        self, command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        copy = tmp_path / name
        shutil.copyfile(CORPUS / name, copy)
        args = [a.format(file=copy, out=tmp_path) for a in COMMANDS[command]]
        assert_refused(name, *clac(args, capsys))
        assert copy.read_bytes() == (CORPUS / name).read_bytes()  # nothing was written
        assert sorted(p.name for p in tmp_path.iterdir()) == [name]


class TestLanguage:
    @pytest.mark.parametrize(
        ("name", "lang", "fragment"),
        [
            ("yaml-syntax-error.yaml", "es", "tiene un error de sintaxis YAML en la línea 3"),
            ("json-syntax-error.json", "pt", "tem um erro de sintaxe JSON na linha"),
            ("toml-syntax-error.toml", "es", "tiene un error de sintaxis TOML"),
            ("utf-16.json", "es", "no es texto UTF-8"),
            ("latin-1.yaml", "pt", "não é texto UTF-8"),
            ("raw-nul-byte.json", "es", "contiene un carácter NUL"),
            ("deep-nesting.json", "pt", "está aninhado profundamente demais"),
            ("duplicate-top-level-name.yaml", "es", "aparece dos veces en el nivel superior"),
            ("huge-integer-hours.json", "pt", "é um número inteiro de 5,000 dígitos"),
            ("alias-bomb-under-name.yaml", "es", "usa alias YAML"),
            ("nul-escape-in-name.toml", "es", "contiene un carácter NUL (U+0000)"),
            ("line-break-in-name.json", "pt", "deve ocupar uma só linha"),
        ],
    )
    def test_errors_about_the_whole_file_follow_lang(
        self, name: str, lang: str, fragment: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, _, err, _ = clac(["check", "--lang", lang, str(CORPUS / name)], capsys)
        assert status == 2
        assert fragment in err


class TestTheConsoleScript:
    """A few files through the real ``clac`` executable, as a shell or CI job runs it."""

    @pytest.mark.parametrize(
        "name",
        [
            "alias-bomb-under-name.yaml",
            "duplicate-nested-key.json",
            "huge-integer-hours.toml",
            "line-break-in-name.yaml",
        ],
    )
    def test_the_installed_command_answers_the_same(self, name: str) -> None:
        script = Path(sys.executable).with_name("clac")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "clac"]
        started = _children_cpu()
        result = subprocess.run(  # noqa: S603 - our own command on our own corpus
            [*command, "check", str(CORPUS / name)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ, "CLAC_LANG": "en"},
        )
        assert_refused(name, result.returncode, result.stdout, result.stderr, 0.0)
        assert _children_cpu() - started < 2 * SECONDS
