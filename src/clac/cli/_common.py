"""What every ``clac`` subcommand shares: options, output, loading and error handling."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from clac import _progress
from clac.errors import ClacError
from clac.text import Language, Text

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from clac.registry import Coalition

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_UNMET",
    "LANG_OPTION",
    "LOCALE_VARIABLES",
    "console",
    "fail",
    "load_registry",
    "output_language",
    "reports_errors",
    "tr",
    "warn",
    "warn_reports_after",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_UNMET, EXIT_BAD_INPUT = 0, 1, 2

#: Locale variables in the order POSIX reads them for messages: the first one set decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def output_language(given: str | None, environ: Mapping[str, str] | None = None) -> Language:
    """The language of a command's output: ``--lang`` if ``given``, else ``CLAC_LANG``, else the
    locale (the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set: ``es_*`` Spanish,
    ``pt_*`` Portuguese, anything else English), else English.

    A ``CLAC_LANG`` clac does not speak is bad input (it was set for clac); a locale clac does
    not speak is not (it was set for every program), and gives English.

    >>> output_language(None, {"LANG": "es_AR.UTF-8"}).value
    'es'
    >>> output_language(None, {"CLAC_LANG": "pt", "LANG": "es_AR.UTF-8"}).value
    'pt'
    >>> output_language("en", {"CLAC_LANG": "es"}).value
    'en'
    >>> output_language(None, {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}).value
    'en'
    """
    env = os.environ if environ is None else environ
    if given is not None:
        return Language.parse(given)
    chosen = env.get("CLAC_LANG", "").strip()
    if chosen:
        try:
            return Language.parse(chosen)
        except ClacError:
            choices = ", ".join(lang.value for lang in Language)
            raise click.BadParameter(
                f"CLAC_LANG={chosen!r} is not a language clac speaks (choose {choices})"
            ) from None
    for name in LOCALE_VARIABLES:
        locale = env.get(name, "").strip()
        if locale:
            code = locale.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
            return Language(code.lower()) if code.lower() in _SPOKEN else Language.EN
    return Language.EN


_SPOKEN = frozenset(lang.value for lang in Language)


def _language_option(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    language = output_language(value).value
    # Every command takes --lang: the one place to turn progress on for long work, on stderr
    # when it is a terminal (docs/shell.md), in the output's language; off again after it.
    _progress.enable(_progress.wanted(), language=language)
    ctx.call_on_close(lambda: _progress.enable(False))
    return language


LANG_OPTION = click.option(
    "--lang",
    type=click.Choice([lang.value for lang in Language]),
    default=None,
    callback=_language_option,
    help="Language of the output [default: CLAC_LANG, else the locale (LC_ALL, LC_MESSAGES, "
    "LANG: es_*, pt_*), else en].",
)


def console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=not sys.stdout.isatty())


def fail(message: str) -> NoReturn:
    click.echo(f"clac: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


_LEFT_OUT = Text(
    "left out: not yet recorded on that day",
    "se omite: aún no registrado ese día",
    pt="omitido: ainda não registrado nesse dia",
)


def warn(message: str) -> None:
    """One warning line on stderr: something a command leaves out, never a verdict on validity."""
    click.echo(f"clac: warning: {message}", err=True)


def warn_reports_after(coalition: Coalition, day: date, lang: str) -> None:
    """Warn about each record of a report dated after ``day``, which a command run "as of"
    ``day`` leaves out (:func:`clac.reporting.reports_after`); the registry stays valid."""
    from clac.reporting import reports_after

    for problem in reports_after(coalition, day):
        warn(f"{problem.message(lang)} ({_LEFT_OUT.in_(lang)})")


def reports_errors(command: F) -> F:
    """Turn a ClacError into one clear message and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang", "en")
        try:
            return command(*args, **kwargs)
        except ClacError as error:
            fail(error.message(lang))

    return wrapper  # type: ignore[return-value]


def load_registry(file: str | None) -> Coalition:
    """The registry in ``file``, or the built-in demo coalition when no file is given."""
    if file is None:
        from clac import demo

        return demo()
    from clac.io import load

    with _progress.task(_LOADING.format(file=Path(file).name)):
        return load(file)


_LOADING = Text("Loading {file}", "Cargando {file}", pt="Carregando {file}")


def tr(text: Text, lang: str) -> str:
    return text.in_(lang)
