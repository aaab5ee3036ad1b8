"""What every ``clac`` subcommand shares: options, output, loading and error handling."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

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
    "console",
    "fail",
    "load_registry",
    "reports_errors",
    "tr",
    "warn",
    "warn_reports_after",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_UNMET, EXIT_BAD_INPUT = 0, 1, 2

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice([lang.value for lang in Language]),
    default=Language.EN.value,
    show_default=True,
    help="Language of the output.",
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

    return load(file)


def tr(text: Text, lang: str) -> str:
    return text.in_(lang)
