"""What bad plugins, internal errors and hostile text in outputs get (docs/guarantees.md):
an ``error`` finding, exit status 3 with one line, and output escaped for its format."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from xml.dom import minidom

import attrs
import click
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import clac
from clac._escape import json_safe, markdown, terminal, xml
from clac.charter import Section, Severity
from clac.cli import cli, main
from clac.registry import Coalition
from clac.rules import CATALOGUE, SubjectKind, Verdict, evaluate, met, rule, unmet
from clac.text import Text

HERE = Path(__file__).parent
VALID = HERE / "data" / "valid-minimal.yaml"
AS_OF = date(2025, 6, 30)
HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) ![img](http://example.invalid/p)"


def plugin_rule(rule_id: str, check: Any) -> Any:
    return rule(
        rule_id,
        clause=(Section.MEMBERSHIP, 5),
        severity=Severity.EXPECTED,
        applies_to=SubjectKind.COALITION,
        title=Text("A plugin's rule", "La regla de un complemento"),
        explanation=Text("For tests.", "Para pruebas."),
    )(check)


@pytest.fixture
def registered() -> Iterator[list[str]]:
    """Rule ids registered by a test, unregistered after it."""
    ids: list[str] = []
    yield ids
    for rule_id in ids:
        CATALOGUE.unregister(rule_id)


def register(ids: list[str], rule_id: str, check: Any) -> None:
    CATALOGUE.register(plugin_rule(rule_id, check))
    ids.append(rule_id)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


class TestPluginsThatMisbehave:
    @pytest.mark.parametrize(
        ("returned", "kind"),
        [
            ({"outcome": "met"}, "dict"),
            (None, "NoneType"),
            ("met", "str"),
            (Verdict("met", "plain text"), "Verdict"),  # type: ignore[arg-type]
        ],
    )
    def test_a_check_returning_a_non_verdict_is_an_error_finding(
        self, returned: Any, kind: str
    ) -> None:
        bad = plugin_rule("PLUG-01", lambda _ctx, _subject: returned)
        assessment = evaluate(clac.demo(), AS_OF, rules=[bad, CATALOGUE.get("MEM-05")])
        (error,) = assessment.errors
        assert error.rule.id == "PLUG-01"
        assert "rule PLUG-01 returned" in error.message.en
        assert kind in error.message.en
        assert "devolvió" in error.message.es
        assert len(assessment.where(rule="MEM-05")) > 0

    @pytest.mark.parametrize("raised", [RuntimeError("boom"), SystemExit(4), RecursionError()])
    def test_a_check_that_raises_is_an_error_finding(self, raised: BaseException) -> None:
        def check(_ctx: Any, _subject: Any) -> Verdict:
            raise raised

        assessment = evaluate(clac.demo(), AS_OF, rules=[plugin_rule("PLUG-02", check)])
        (error,) = assessment.errors
        assert f"rule PLUG-02 failed: {type(raised).__name__}" in error.message.en

    def test_an_exception_whose_message_fails_is_still_reported(self) -> None:
        class Unprintable(Exception):
            def __str__(self) -> str:
                raise ValueError("no")

        def check(_ctx: Any, _subject: Any) -> Verdict:
            raise Unprintable

        (error,) = evaluate(clac.demo(), AS_OF, rules=[plugin_rule("PLUG-03", check)]).errors
        assert "Unprintable" in error.message.en

    def test_clac_check_reports_the_failure_and_exits_3(self, registered: list[str]) -> None:
        register(registered, "PLUG-04", lambda _ctx, _subject: {"not": "a verdict"})
        status, stdout, stderr = run("check", str(VALID))
        assert status == 3
        assert "PLUG-04" in stdout  # the report is written, the failure among its findings
        assert stderr.count("clac: internal error:") == 1
        assert "PLUG-04" in stderr
        assert "Traceback" not in stderr


class TestExitStatus:
    def test_an_internal_error_is_one_line_and_exit_3(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.delenv("CLAC_DEBUG", raising=False)
        monkeypatch.setattr(clac.rules, "evaluate", _explode)
        with pytest.raises(SystemExit) as done:
            main(["check", str(VALID)])
        assert done.value.code == 3
        err = capsys.readouterr().err
        assert err.startswith("clac: internal error: RuntimeError: kaboom")
        assert err.count("\n") == 1
        assert "Traceback" not in err

    @pytest.mark.parametrize("how", ["flag-first", "flag-after", "environment"])
    def test_debug_shows_the_traceback(
        self, how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr(clac.rules, "evaluate", _explode)
        args = {
            "flag-first": ["--debug", "check", str(VALID)],
            "flag-after": ["check", str(VALID), "--debug"],
            "environment": ["check", str(VALID)],
        }[how]
        if how == "environment":
            monkeypatch.setenv("CLAC_DEBUG", "1")
        with pytest.raises(SystemExit) as done:
            main(args)
        assert done.value.code == 3
        err = capsys.readouterr().err
        assert "Traceback" in err
        assert "clac: internal error: RuntimeError: kaboom" in err

    def test_bad_input_is_still_exit_2(self) -> None:
        status, _, stderr = run("check", str(HERE / "malformed" / "bad-email.yaml"))
        assert status == 2
        assert stderr.startswith("clac: error: ")

    def test_every_command_states_the_exit_status_contract(self) -> None:
        context = click.Context(cli)
        commands = [(name, cli.get_command(context, name)) for name in cli.list_commands(context)]
        seen = 0
        while commands:
            name, command = commands.pop()
            assert command is not None
            text = " ".join(command.get_help(click.Context(command, info_name=name)).split())
            assert "Exit status" in text, name
            assert re.search(r"\b3\b[^;]*internal error", text), name
            seen += 1
            if isinstance(command, click.Group):
                commands.extend(command.commands.items())
        assert seen >= 10

    def test_the_top_level_help_states_it_too(self) -> None:
        status, stdout, _ = run("--help")
        assert status == 0
        assert "Exit status: 0" in stdout
        assert "--debug" in stdout


def _explode(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("kaboom")


class TestOutputsEscape:
    def hostile(self) -> Coalition:
        demo = clac.demo()
        first = attrs.evolve(demo.organizations[0], name=HOSTILE + "\x1b[2J\x07")
        return demo.evolve(name=HOSTILE, organizations=(first, *demo.organizations[1:]))

    def test_the_assessment_markdown_writes_no_markup_from_the_data(
        self, registered: list[str]
    ) -> None:
        register(registered, "PLUG-05", lambda _ctx, _c: unmet(Text(HOSTILE, HOSTILE)))
        text = evaluate(self.hostile(), AS_OF).to_markdown(everything=True)
        for raw in ("<script>", "[x](javascript", "![img]("):
            assert raw not in text
        assert "\\<script\\>" in text
        assert "\x1b" not in text

    def test_clac_check_markdown_and_text_carry_no_escape_sequence(
        self, registered: list[str]
    ) -> None:
        register(registered, "PLUG-06", lambda _ctx, _c: met(Text("\x1b[31mred\x07", "x")))
        for output_format in ("markdown", "text"):
            status, stdout, _ = run("check", str(VALID), "--all", "--format", output_format)
            assert status in (0, 1)
            assert "\x1b" not in stdout
            assert "\x07" not in stdout

    def test_clac_check_json_stays_valid_json(self, registered: list[str]) -> None:
        register(registered, "PLUG-07", lambda _ctx, _c: met(Text("a\x9bb\ud800", "x")))
        status, stdout, _ = run("check", str(VALID), "--format", "json")
        assert status in (0, 1)
        found = [f for f in json.loads(stdout)["findings"] if f["rule"] == "PLUG-07"]
        assert found[0]["message"] == "a\x9bb\ud800"
        assert "\x9b" not in stdout

    def test_the_annual_report_markdown_uses_the_same_escaper(self) -> None:
        from clac.reporting import _render

        assert _render._md is markdown

    @pytest.mark.parametrize("export", ["gexf", "graphml"])
    def test_graph_exports_are_well_formed_xml_whatever_the_text(
        self, export: str, tmp_path: Path
    ) -> None:
        from clac.network import export as write

        path = write(self.hostile(), tmp_path / f"graph.{export}")
        minidom.parse(str(path))  # noqa: S318 - our own file; raises on a character XML cannot hold

    @given(st.text())
    def test_every_escaper_leaves_nothing_a_terminal_acts_on(self, text: str) -> None:
        unsafe = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} - {"\t", "\n"}
        assert not unsafe & set(terminal(text))
        assert not unsafe & set(markdown(text))
        assert not (unsafe - {"\x7f", *map(chr, range(0x80, 0xA0)), "\r"}) & set(xml(text))

    @given(st.text())
    def test_json_safe_keeps_the_value(self, text: str) -> None:
        document = json.dumps({"v": text}, ensure_ascii=False)
        assert json.loads(json_safe(document)) == {"v": text}
        json_safe(document).encode("utf-8")  # no lone surrogate left raw


class TestTerminal:
    def test_rich_tables_show_a_plugins_escape_sequences_as_text(
        self, registered: list[str]
    ) -> None:
        bad = attrs.evolve(
            plugin_rule("PLUG-08", lambda _ctx, _c: None),
            title=Text("\x1b]8;;http://example.invalid\x1b\\link\x1b]8;;\x1b\\ [b]x[/b]", "t"),
        )
        CATALOGUE.register(bad)
        registered.append("PLUG-08")
        status, stdout, _ = run("rules")
        assert status == 0
        assert "\x1b" not in stdout
        assert "[b]x[/b]" in stdout  # rich markup in the data is printed, not obeyed

    def test_what_a_command_echoes_to_a_terminal_is_escaped(self) -> None:
        from clac.cli._common import reports_errors

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        @reports_errors
        def command(lang: str = "en") -> None:
            click.echo(f"{lang} \x1b[2J\x07 done")

        screen = Terminal()
        saved = sys.stdout
        sys.stdout = screen
        try:
            command()
        finally:
            sys.stdout = saved
        assert screen.getvalue() == "en \\x1b[2J\\x07 done\n"

    @pytest.mark.parametrize(
        ("args", "fragment"),
        [
            (["check", "--lang", "es", "no-such-file.yaml"], "no existe"),
            (["check", "--lang", "pt", "registry.txt"], "não é o sufixo de um arquivo de registro"),
        ],
    )
    def test_file_errors_follow_lang(self, args: list[str], fragment: str) -> None:
        status, _, stderr = run(*args)
        assert status == 2
        assert fragment in stderr


class TestFigures:
    @pytest.mark.parametrize("export", ["png", "gexf", "graphml", "json"])
    def test_tex_and_markup_in_names_export_as_plain_text(
        self, export: str, tmp_path: Path
    ) -> None:
        pytest.importorskip("matplotlib")
        from clac.network import export as write

        demo = clac.demo()
        odd = "$\\frac{1}{$ x_{ } \\undefined $ <b>&amp;</b> ]]>"
        first = attrs.evolve(demo.organizations[0], name=odd)
        coalition = demo.evolve(name=odd, organizations=(first, *demo.organizations[1:]))
        path = write(coalition, tmp_path / f"network.{export}")
        assert path.stat().st_size > 0
