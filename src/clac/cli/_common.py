"""What every ``clac`` subcommand shares: options, output, loading and error handling.

Exit status, the same for every command: 0 done (for ``clac check``: every required rule met),
1 a required rule unmet (``clac check``), 2 bad input or usage (one ``clac: error:`` line
per problem, never a traceback), 3 an internal error: a clac bug or a broken plugin (one
``clac: internal error:`` line; the traceback only with ``--debug`` or ``CLAC_DEBUG=1``).

What a command prints for people passes through :func:`clac._escape.terminal` when it goes to
a terminal: no value can send escape sequences to it.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn, TypeVar

import click

from clac import _progress
from clac._escape import terminal
from clac.errors import ClacError
from clac.text import Language, Text

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from clac.registry import Coalition

__all__ = [
    "DAY",
    "DEBUG_VARIABLE",
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STATUS",
    "EXIT_UNMET",
    "LANG_OPTION",
    "LOCALE_VARIABLES",
    "StandardStreamError",
    "command_day",
    "complete_path",
    "console",
    "debugging",
    "fail",
    "guard_standard_streams",
    "internal_error",
    "interrupted",
    "load_registry",
    "max_size",
    "names_standard_output",
    "note_scopes",
    "output_language",
    "output_suffix",
    "reader_left",
    "reports_errors",
    "tr",
    "warn",
    "warn_reports_after",
    "wrote",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_UNMET, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
#: The exit status after Ctrl-C (SIGINT), as shells report a process it ended: 128 + 2.
EXIT_INTERRUPTED = 130

#: The environment variable that, set to 1, makes an internal error print its traceback.
DEBUG_VARIABLE = "CLAC_DEBUG"

#: The exit-status contract, as every command's help states it.
EXIT_STATUS = (
    "Exit status: 0 done (clac check: every required rule met); 1 a required rule unmet "
    "(clac check); 2 bad input or usage, one clear message; 3 an internal error (a clac bug "
    f"or a broken plugin), one line; --debug or {DEBUG_VARIABLE}=1 shows its traceback."
)

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


if TYPE_CHECKING:  # click 8.5 makes ParamType generic; older clicks do not subscript it
    _ParamType = click.ParamType[int, Any]
    _DayType = click.ParamType[datetime, Any]
else:
    _ParamType = _DayType = click.ParamType


class _Size(_ParamType):
    """A number of bytes: ``52428800``, ``200MB``, ``1.5GB`` (KB, MB and GB are powers of 1024)."""

    name = "size"
    _UNITS: ClassVar[dict[str, int]] = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip().upper().removesuffix("B").removesuffix("I")
        unit = text[-1:] if text[-1:] in self._UNITS else ""
        try:
            size = int(float(text.removesuffix(unit)) * self._UNITS[unit])
        except ValueError:  # not a number, or NaN
            size = 0
        except OverflowError:  # inf: no limit but what the machine can address
            size = sys.maxsize if not text.startswith("-") else 0
        size = min(size, sys.maxsize)  # 1e30 bytes: the same
        if size <= 0:
            self.fail(f"{value!r} is not a size (bytes, or a number with KB, MB or GB)", param, ctx)
        return size


class _Day(_DayType):
    """A day, ``YYYY-MM-DD``, that clac handles (:data:`clac.periods.FIRST_DAY` to
    :data:`clac.periods.LAST_DAY`), as a :class:`~datetime.datetime` (as ``click.DateTime``)."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        from clac.periods import FIRST_DAY, LAST_DAY, outside_days

        if isinstance(value, datetime):
            day = value
        else:
            try:
                day = datetime.strptime(str(value).strip(), "%Y-%m-%d")
            except ValueError:
                self.fail(f"{value!r} is not a day (YYYY-MM-DD)", param, ctx)
        if not FIRST_DAY <= day.date() <= LAST_DAY:
            self.fail(f"{day.date().isoformat()!r} {outside_days()}", param, ctx)
        return day


#: The type of every option that takes a day (``--as-of``, ``--since``, ``--date`` …).
DAY = _Day()


def _remember_max_size(ctx: click.Context, _param: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.meta[_MAX_SIZE] = value


_MAX_SIZE = "clac.max_size"

MAX_SIZE_OPTION = click.option(
    "--max-size",
    type=_Size(),
    envvar="CLAC_MAX_SIZE",
    expose_value=False,
    callback=_remember_max_size,
    metavar="SIZE",
    help="Read a registry FILE (or a survey) of up to SIZE (bytes, or 200MB, 1GB …) "
    "[default: 50MB; env CLAC_MAX_SIZE]. Larger files are refused unread.",
)


def complete_path(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of a file argument: the shell completes file names."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


def console(*, stderr: bool = False) -> Console:
    """A rich console for tables: no markup read from the text it prints, and every string
    shown through :func:`~clac._escape.terminal`."""
    from rich.console import Console
    from rich.text import Text as RichText

    class _Console(Console):
        def render_str(self, text: str, **kwargs: Any) -> RichText:
            return super().render_str(terminal(text), **kwargs)

    stream = sys.stderr if stderr else sys.stdout
    return _Console(
        file=getattr(stream, "unescaped", stream),
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=not sys.stdout.isatty(),
    )


#: The most problems one error prints; the rest are counted.
MAX_PROBLEMS_SHOWN = 200


def fail(message: str) -> NoReturn:
    """Print ``message`` as one ``clac: error:`` and leave with exit status 2."""
    lines = message.split("\n")
    if len(lines) > MAX_PROBLEMS_SHOWN + 1:
        more = len(lines) - MAX_PROBLEMS_SHOWN - 1
        lines = [*lines[: MAX_PROBLEMS_SHOWN + 1], f"  … ({more} more)"]
    click.echo(f"clac: error: {terminal(chr(10).join(lines))}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def debugging() -> bool:
    """Whether internal errors show their traceback: ``clac --debug`` or ``CLAC_DEBUG=1``."""
    if os.environ.get(DEBUG_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}:
        return True
    context = click.get_current_context(silent=True)
    return context is not None and bool(context.find_root().meta.get("clac.debug"))


def internal_error(error: BaseException, *, debug: bool | None = None) -> NoReturn:
    """Report ``error``, which is not the user's doing, in one line and leave with exit
    status 3; with ``debug`` (by default :func:`debugging`), its traceback first."""
    debug = debugging() if debug is None else debug
    if debug:
        import traceback

        click.echo("".join(traceback.format_exception(error)).rstrip(), err=True)
    try:
        said = str(error)
    except Exception:  # noqa: BLE001 - an exception whose message itself fails
        said = ""
    said = " ".join(said.split())[:300]
    what = type(error).__name__ + (f": {said}" if said else "")
    hint = "" if debug else f"; run with --debug or {DEBUG_VARIABLE}=1 for the traceback"
    click.echo(
        f"clac: internal error: {terminal(what)} (a clac bug or a broken plugin{hint})",
        err=True,
    )
    sys.exit(EXIT_INTERNAL)


_LEFT_OUT = Text(
    "left out: not yet recorded on that day",
    "se omite: aún no registrado ese día",
    pt="omitido: ainda não registrado nesse dia",
)


def wrote(message: str, output: str | os.PathLike[str] | None) -> None:
    """Say ``message`` ("wrote FILE"): on standard output, or on standard error when the
    command wrote its output there (``-o -``, ``-o /dev/stdout``)."""
    from clac.io import writes_to_standard_output

    click.echo(message, err=writes_to_standard_output(output))


def names_standard_output(output: str | None) -> bool:
    """Whether ``-o output`` names standard output (``-``, ``/dev/stdout``, ``/dev/fd/1``)."""
    if output is None:
        return False
    from clac.io import writes_to_standard_output

    return writes_to_standard_output(output)


def output_suffix(output: str) -> str:
    """The suffix that names the format of ``-o output``: its own, or for a FIFO or a device
    without one (``/dev/null``), ``.md`` (Markdown, as a command writes without ``-o``)."""
    suffix = Path(output).suffix.lower()
    if suffix:
        return suffix
    try:
        target = Path(output).stat()
    except (OSError, ValueError):
        return suffix
    return ".md" if stat.S_ISFIFO(target.st_mode) or stat.S_ISCHR(target.st_mode) else suffix


def warn(message: str) -> None:
    """One warning line on stderr: something a command leaves out, never a verdict on validity."""
    click.echo(f"clac: warning: {terminal(message)}", err=True)


def command_day(
    coalition: Coalition, as_of: date | None, lang: str, *, file: str | None = None
) -> date:
    """The day a command runs "as of": ``as_of`` when given; else the demo's own day for the
    demo coalition — built in or a file ``clac demo -o`` wrote, so the same demo gives the same
    result however it is run (:func:`clac._demo.demo_day`), said on stderr; else today."""
    if as_of is not None:
        return as_of
    from datetime import date as _date

    from clac._demo import demo_day

    day = demo_day(coalition)
    if day is None:
        return _date.today()
    if file is None:
        message = _DEMO_DAY.format(day=day.isoformat())
    else:
        message = _DEMO_FILE_DAY.format(file=Path(file).name, day=day.isoformat())
    click.echo(f"clac: {message.in_(lang)}", err=True)
    return day


_DEMO_DAY = Text(
    "no FILE given: assessing the built-in demo coalition as of {day}",
    "sin FILE: se evalúa la coalición de demostración al {day}",
    pt="sem FILE: avaliando a coalizão de demonstração em {day}",
)
_DEMO_FILE_DAY = Text(
    "{file} holds the demo coalition: assessing it as of {day}, the day its history is "
    "written for (--as-of to choose another)",
    "{file} contiene la coalición de demostración: se evalúa al {day}, el día para el que se "
    "escribió su historia (--as-of para elegir otro)",
    pt="{file} contém a coalizão de demonstração: avaliando-a em {day}, o dia para o qual sua "
    "história foi escrita (--as-of para escolher outro)",
)


def warn_reports_after(coalition: Coalition, day: date, lang: str) -> None:
    """Warn about each record of a report dated after ``day``, which a command run "as of"
    ``day`` leaves out (:func:`clac.reporting.reports_after`); the registry stays valid."""
    from clac.reporting import reports_after

    for problem in reports_after(coalition, day):
        warn(f"{problem.message(lang)} ({_LEFT_OUT.in_(lang)})")


def reports_errors(command: F) -> F:
    """Run ``command`` under the exit-status contract: a ClacError becomes one clear message
    and exit status 2, any other exception one line and exit status 3 (:func:`internal_error`).
    What the command prints to a terminal is escaped (:func:`clac._escape.terminal`)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang", "en")
        try:
            with _escaped_terminal():
                return command(*args, **kwargs)
        except ClacError as error:
            fail(error.message(lang))
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            interrupted()
        except BrokenPipeError:  # the reader left (clac ... | head): nothing more to say
            reader_left(1)
            sys.exit(EXIT_OK)
        except Exception as error:  # noqa: BLE001 - the exit-status contract: 3, one line
            internal_error(error)

    return wrapper  # type: ignore[return-value]


def interrupted() -> NoReturn:
    """Leave after Ctrl-C (SIGINT, or a KeyboardInterrupt): one line, exit status 130."""
    with contextlib.suppress(Exception):
        click.echo("clac: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


class StandardStreamError(ClacError, OSError):
    """Standard output or error cannot be written (a full disk, a file-size limit, /dev/full)."""


def reader_left(descriptor: int) -> None:
    """The reader of ``descriptor`` (standard output or error) left (``clac … | head``): what
    is still written there goes to the null device, so the command ends with its own status."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)


class _StandardRaw(io.RawIOBase):
    """Descriptor 1 or 2, written without ever raising BrokenPipeError (:func:`reader_left`);
    a write to standard output cut short raises :class:`StandardStreamError`, a ClacError
    naming it, and one to standard error is dropped (nowhere is left to report it)."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._descriptor

    def isatty(self) -> bool:
        try:
            return os.isatty(self._descriptor)
        except OSError:
            return False

    def write(self, data: Any) -> int:
        try:
            return os.write(self._descriptor, data)
        except BrokenPipeError:
            reader_left(self._descriptor)
            return len(data)
        except InterruptedError:  # pragma: no cover - retried by os.write since PEP 475
            return 0
        except OSError as error:
            if self._descriptor != 1:
                # Standard error cannot be written (full, read-only): there is nowhere left
                # to say so, and the exit status still tells.
                return len(data)
            raise StandardStreamError(
                f"cannot be written: {error.strerror or error} (the output is incomplete)",
                value="standard output",
            ) from None


def guard_standard_streams() -> None:
    """Make the process' standard streams safe to write, whatever it was started with.

    - a closed descriptor 0, 1 or 2 (``>&-``, ``2>&-``) is opened on the null device, so no
      file the command opens takes its number and nothing is printed into it;
    - standard output and error never raise BrokenPipeError: when their reader leaves
      (``clac check | head -1``) the rest goes to the null device and the command ends with
      its own exit status (the verdict); a write cut short (``> /dev/full``, a file-size
      limit) is a :class:`StandardStreamError`, exit status 2;
    - text a stream's encoding cannot hold (``PYTHONIOENCODING=ascii``) is written escaped
      (``\\xe9``), never an error.
    """
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                opened = os.open(os.devnull, os.O_RDWR)
                if opened != descriptor:  # pragma: no cover - the lowest free number
                    os.dup2(opened, descriptor)
                    os.close(opened)
    sys.stdout = _safe_text_stream(sys.stdout, 1)
    sys.stderr = _safe_text_stream(sys.stderr, 2)


def _safe_text_stream(stream: Any, descriptor: int) -> Any:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    raw = _StandardRaw(descriptor)
    terminal = raw.isatty()
    return io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=encoding,
        errors="backslashreplace",
        line_buffering=terminal or descriptor == 2,
        write_through=descriptor == 2,
    )


class _EscapedStream:
    """A text stream to a terminal: what is written is shown through
    :func:`~clac._escape.terminal`; ``unescaped`` is the stream itself, for rich."""

    def __init__(self, stream: Any) -> None:
        self.unescaped = stream

    def write(self, text: str) -> int:
        self.unescaped.write(terminal(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unescaped, name)


@contextlib.contextmanager
def _escaped_terminal() -> Iterator[None]:
    """Within it, standard output, when a terminal, escapes what is written to it."""
    saved = sys.stdout
    isatty = getattr(saved, "isatty", None)
    if callable(isatty) and isatty() and not isinstance(saved, _EscapedStream):
        sys.stdout = _EscapedStream(saved)
    try:
        yield
    finally:
        sys.stdout = saved


def max_size() -> int | None:
    """The --max-size (or CLAC_MAX_SIZE) given to the running command, if any."""
    context = click.get_current_context(silent=True)
    return None if context is None else context.meta.get(_MAX_SIZE)


def load_registry(file: str | None) -> Coalition:
    """The registry in ``file``, or the built-in demo coalition when no file is given."""
    if file is None:
        from clac import demo

        return demo()
    from clac.io import load

    with _progress.task(_LOADING.format(file=Path(file).name)):
        coalition = load(file, max_size=max_size())
        if not _cites_frameworks(coalition):
            return coalition  # nothing to check: clac.frameworks is not even imported
        from clac.frameworks import check_references

        # The evidence must name frameworks clac knows (the registry cannot check that itself:
        # it sits below the frameworks, which may come from plugins or --framework-file).
        return check_references(coalition)


_SCOPE_READ = Text(
    "organizations[{index}].scope ({id}): not recorded; read as {scope} from its countries "
    "({countries}) — record scope: to say otherwise",
    "organizations[{index}].scope ({id}): no registrado; se lee como {scope} por sus países "
    "({countries}) — registre scope: para indicar otro",
    pt="organizations[{index}].scope ({id}): não registrado; lido como {scope} por seus países "
    "({countries}) — registre scope: para indicar outro",
)
_SCOPE_UNKNOWN = Text(
    "organizations[{index}].scope ({id}): not recorded and no countries: where it works is "
    "unknown, so it counts as no country's national member — record scope: and countries:",
    "organizations[{index}].scope ({id}): no registrado y sin países: dónde trabaja es "
    "desconocido, así que no cuenta como miembro nacional de ningún país — registre scope: y "
    "countries:",
    pt="organizations[{index}].scope ({id}): não registrado e sem países: onde atua é "
    "desconhecido, então não conta como membro nacional de nenhum país — registre scope: e "
    "countries:",
)


def note_scopes(coalition: Coalition, lang: str) -> None:
    """Say, on stderr, how each organization without a recorded ``scope`` is read: from its
    countries (:attr:`clac.model.Organization.effective_scope`) or as unknown — never
    silently national. ``clac check`` and ``clac partners FILE`` say it, where a registry is
    checked; the other commands keep stderr for warnings."""
    for index, organization in enumerate(coalition.organizations):
        if organization.scope is not None:
            continue
        scope = organization.effective_scope
        if scope is None:
            text = _SCOPE_UNKNOWN.format(index=index, id=organization.id)
        else:
            text = _SCOPE_READ.format(
                index=index,
                id=organization.id,
                scope=scope.value,
                countries=", ".join(organization.countries),
            )
        click.echo(f"clac: note: {terminal(text.in_(lang))}", err=True)


def _cites_frameworks(coalition: Coalition) -> bool:
    """Whether the registry holds evidence naming frameworks (assessments, report criteria)."""
    return bool(coalition.assessments) or any(
        advance.criteria for report in coalition.reports for advance in report.legislative_advances
    )


_LOADING = Text("Loading {file}", "Cargando {file}", pt="Carregando {file}")


def tr(text: Text, lang: str) -> str:
    return text.in_(lang)


def register_framework_files(
    ctx: click.Context, _param: click.Parameter, paths: tuple[str, ...]
) -> None:
    """An option callback: register the frameworks the files define until the command's
    context closes (``clac --framework-file`` for every command, ``clac gaps --framework-file``
    for that one); a bad file is a usage error naming the option."""
    if not paths:
        return
    from clac.frameworks import FRAMEWORKS, load_framework

    added: list[str] = []

    def forget() -> None:
        for framework_id in added:
            FRAMEWORKS.unregister(framework_id)

    ctx.call_on_close(forget)
    for path in paths:
        try:
            framework = load_framework(path)
            FRAMEWORKS.register(framework)
        except ClacError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=_param) from None
        added.append(framework.id)
