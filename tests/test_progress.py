"""Progress on long work: shown on stderr when it is a terminal (or CLAC_PROGRESS=1), never
otherwise, and never by the library on its own."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import clac
import clac.network as net
from clac import _progress
from clac.cli import cli
from clac.rules import evaluate
from clac.text import Text


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def progress_off() -> Iterator[None]:
    yield
    _progress.enable(False)


class TestWhenToShow:
    @given(st.sampled_from(["", "  ", "maybe"]), st.booleans())
    def test_without_a_say_from_clac_progress_a_terminal_decides(
        self, value: str, terminal: bool
    ) -> None:
        stream = Terminal() if terminal else io.StringIO()
        assert _progress.wanted(stream, {"CLAC_PROGRESS": value}) is terminal

    @given(st.sampled_from(["0", "no", "OFF", "false"]), st.booleans())
    def test_clac_progress_0_turns_it_off(self, value: str, terminal: bool) -> None:
        stream = Terminal() if terminal else io.StringIO()
        assert not _progress.wanted(stream, {"CLAC_PROGRESS": value})

    @given(st.sampled_from(["1", "yes", "On", "true"]), st.booleans())
    def test_clac_progress_1_turns_it_on(self, value: str, terminal: bool) -> None:
        stream = Terminal() if terminal else io.StringIO()
        assert _progress.wanted(stream, {"CLAC_PROGRESS": value})

    def test_a_closed_stream_wants_none(self) -> None:
        stream = io.StringIO()
        stream.close()
        assert not _progress.wanted(stream, {})


class TestTheLibrary:
    def test_is_silent_unless_a_front_end_turns_progress_on(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert not _progress.enabled()
        evaluate(clac.demo(), clac.DEMO_AS_OF)
        net.summarize(clac.demo(), clac.DEMO_AS_OF)
        assert capsys.readouterr() == ("", "")

    @pytest.mark.parametrize(
        ("lang", "checking", "analysing"),
        [
            ("en", "Checking the rules", "Analysing the network"),
            ("es", "Verificando las reglas", "Analizando la red"),
            ("pt", "Verificando as regras", "Analisando a rede"),
        ],
    )
    def test_shows_checking_and_network_analyses_on_a_terminal(
        self, lang: str, checking: str, analysing: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        terminal = Terminal()
        _progress.enable(True, stream=terminal, language=lang)
        assessment = evaluate(clac.demo(), clac.DEMO_AS_OF)
        net.summarize(clac.demo(), clac.DEMO_AS_OF)
        shown = terminal.getvalue()
        assert checking in shown
        assert analysing in shown
        assert assessment == evaluate(clac.demo(), clac.DEMO_AS_OF)  # the same findings
        assert capsys.readouterr() == ("", "")  # only the given stream is written

    def test_nested_tasks_share_one_display_and_count_their_steps(self) -> None:
        terminal = Terminal()
        _progress.enable(True, stream=terminal)
        with _progress.task(Text("outer", "externa"), total=2) as outer:
            with _progress.task(Text("inner", "interna")) as inner:
                inner.advance(3)
            outer.advance()
            outer.advance()
        assert (outer.completed, inner.completed) == (2, 3)
        assert "outer" in terminal.getvalue()
        assert "inner" in terminal.getvalue()


class TestTheCommand:
    def test_piped_stderr_gets_no_progress(self, tmp_path: Path) -> None:
        registry = tmp_path / "coalition.yaml"
        clac.dump(clac.demo(), registry)
        result = CliRunner().invoke(cli, ["check", str(registry), "--as-of", "2026-11-01"])
        assert result.exit_code == 1
        assert result.stderr == ""
        assert not _progress.enabled()

    def test_clac_progress_1_shows_loading_and_checking(self, tmp_path: Path) -> None:
        registry = tmp_path / "coalition.yaml"
        clac.dump(clac.demo(), registry)
        result = CliRunner().invoke(
            cli,
            ["check", str(registry), "--as-of", "2026-11-01", "--lang", "es"],
            env={"CLAC_PROGRESS": "1"},
        )
        assert result.exit_code == 1
        assert "Cargando coalition.yaml" in result.stderr
        assert "Verificando las reglas" in result.stderr
        assert "\x1b[" not in result.stdout  # the report itself stays plain
        assert not _progress.enabled()  # off again once the command is done
