"""The command in people's shells: the output language, the day ``clac check`` assesses, and
shell completion."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import clac
from clac.cli import cli
from clac.cli._common import LOCALE_VARIABLES, output_language
from clac.text import Language

#: Every variable that may choose the language, unset: the tests set what they need.
QUIET = dict.fromkeys(("CLAC_LANG", *LOCALE_VARIABLES))

locales = st.builds(
    "{}_{}.{}".format,
    st.sampled_from(["es", "pt", "en", "fr", "de", "ES", "Pt"]),
    st.sampled_from(["AR", "BR", "MX", "US"]),
    st.sampled_from(["UTF-8", "utf8", "ISO-8859-1"]),
) | st.sampled_from(["C", "POSIX", "C.UTF-8", "es", "pt_BR", "es_ES@euro", ""])


def _expected_from_locale(value: str) -> Language:
    code = value.partition(".")[0].partition("@")[0].partition("_")[0].lower()
    return Language(code) if code in ("es", "pt", "en") else Language.EN


def run(*args: str, **env: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={**QUIET, **env})
    return result.exit_code, result.stdout, result.stderr


class TestOutputLanguage:
    @given(st.sampled_from(Language), st.sampled_from(Language), locales)
    def test_lang_wins_over_clac_lang_and_the_locale(
        self, given_lang: Language, env_lang: Language, locale: str
    ) -> None:
        env = {"CLAC_LANG": env_lang.value, "LC_ALL": locale, "LANG": locale}
        assert output_language(given_lang.value, env) is given_lang

    @given(st.sampled_from(Language), locales)
    def test_clac_lang_wins_over_the_locale(self, env_lang: Language, locale: str) -> None:
        env = {"CLAC_LANG": env_lang.value.upper(), "LC_ALL": locale}
        assert output_language(None, env) is env_lang

    @given(st.lists(st.sampled_from(LOCALE_VARIABLES), unique=True, min_size=1), locales, locales)
    def test_the_first_locale_variable_set_decides(
        self, names: list[str], first: str, other: str
    ) -> None:
        env = dict.fromkeys(names, other)
        chosen = next(n for n in LOCALE_VARIABLES if n in env)
        env[chosen] = first
        expected = (
            _expected_from_locale(first)
            if first
            else (
                _expected_from_locale(other)
                if any(n in env for n in LOCALE_VARIABLES[LOCALE_VARIABLES.index(chosen) + 1 :])
                and other
                else Language.EN
            )
        )
        assert output_language(None, env) is expected

    def test_nothing_set_is_english(self) -> None:
        assert output_language(None, {}) is Language.EN

    @pytest.mark.parametrize(
        ("env", "expected"),
        [
            ({"LANG": "es_AR.UTF-8"}, "Evaluación de"),
            ({"LC_MESSAGES": "pt_BR.UTF-8", "LANG": "es_AR.UTF-8"}, "Avaliação de"),
            ({"CLAC_LANG": "es", "LANG": "pt_BR.UTF-8"}, "Evaluación de"),
            ({"LC_ALL": "C.UTF-8", "LANG": "es_AR.UTF-8"}, "Assessment of"),
            ({}, "Assessment of"),
        ],
    )
    def test_check_speaks_the_environments_language(
        self, env: dict[str, str], expected: str
    ) -> None:
        _, stdout, _ = run("check", **env)
        assert stdout.startswith(expected)

    @pytest.mark.parametrize(
        ("command", "spanish"),
        [
            (["charter"], "Parámetros"),
            (["rules"], "Regla"),
            (["proposal", "list"], "estado"),
            (["gaps"], "País"),
        ],
    )
    def test_every_command_reads_clac_lang(self, command: list[str], spanish: str) -> None:
        _, english, _ = run(*command)
        _, stdout, _ = run(*command, CLAC_LANG="es")
        assert spanish.lower() in stdout.lower()
        assert spanish.lower() not in english.lower()

    def test_a_clac_lang_clac_does_not_speak_is_a_usage_error(self) -> None:
        status, _, stderr = run("check", CLAC_LANG="fr")
        assert status == 2
        assert "CLAC_LANG='fr'" in stderr
        assert "Traceback" not in stderr

    def test_a_locale_clac_does_not_speak_is_english(self) -> None:
        status, stdout, _ = run("check", LANG="fr_FR.UTF-8")
        assert status == 1
        assert stdout.startswith("Assessment of")


class TestTheDayChecked:
    def test_without_file_check_says_it_assesses_the_demo_on_its_day(self) -> None:
        _, stdout, stderr = run("check")
        day = clac.DEMO_AS_OF.isoformat()
        assert f"assessing the built-in demo coalition as of {day}" in stderr
        assert day in stdout.splitlines()[0]

    def test_the_note_follows_the_language(self) -> None:
        _, _, stderr = run("check", "--lang", "pt")
        assert f"avaliando a coalizão de demonstração em {clac.DEMO_AS_OF.isoformat()}" in stderr

    def test_with_as_of_there_is_no_note(self) -> None:
        _, stdout, stderr = run("check", "--as-of", "2026-06-30")
        assert "assessing" not in stderr
        assert "2026-06-30" in stdout.splitlines()[0]

    def test_the_help_names_both_days(self) -> None:
        _, stdout, _ = run("check", "--help")
        assert (
            "default today, or for the demo (no FILE, or a file clac demo wrote) the demo's own day"
            in " ".join(stdout.split())
        )


class TestCompletion:
    @pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
    def test_click_writes_a_completion_script_for_each_documented_shell(self, shell: str) -> None:
        result = CliRunner().invoke(
            cli, [], prog_name="clac", env={"_CLAC_COMPLETE": f"{shell}_source"}
        )
        assert result.exit_code == 0
        assert "_CLAC_COMPLETE" in result.stdout

    def test_completing_a_command_name_offers_check(self) -> None:
        result = CliRunner().invoke(
            cli,
            [],
            prog_name="clac",
            env={"_CLAC_COMPLETE": "bash_complete", "COMP_WORDS": "clac ch", "COMP_CWORD": "1"},
        )
        assert "check" in result.stdout
        assert "charter" in result.stdout

    @pytest.mark.parametrize(
        "words", ["clac check co", "clac gaps co", "clac report annual co", "clac network co"]
    )
    def test_a_registry_file_argument_completes_file_names(self, words: str) -> None:
        result = CliRunner().invoke(
            cli,
            [],
            prog_name="clac",
            env={
                "_CLAC_COMPLETE": "bash_complete",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split()) - 1),
            },
        )
        assert result.stdout.splitlines() == ["file,co"]
