"""The ``clac`` command: a front end over the library that never decides compliance itself.

Exit status (DESIGN.md): 0 all required rules met, 1 a required rule unmet, 2 bad input or
usage — one clear message on stderr, never a traceback — and 3 an internal error (a clac bug or
a broken plugin), one line, the traceback only with ``--debug`` or ``CLAC_DEBUG=1``. Output is
rich in a terminal and plain text when piped. Each subcommand imports what it needs when it
runs, so ``clac --help`` is fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

import click

from clac._escape import csv_text, json_safe, terminal
from clac._inputs import guarding_inputs
from clac.cli._common import (
    DAY,
    DEBUG_VARIABLE,
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STATUS,
    EXIT_UNMET,
    LANG_OPTION,
    MAX_SIZE_OPTION,
    StandardStreamError,
    command_day,
    complete_path,
    console,
    fail,
    guard_standard_streams,
    internal_error,
    interrupted,
    load_registry,
    names_standard_output,
    note_scopes,
    register_framework_files,
    reports_errors,
    tr,
    warn,
    warn_reports_after,
    wrote,
)
from clac.cli._plugins import RULE_TIMEOUT_OPTION, refuse_broken_plugins, rule_timeout
from clac.errors import ClacError
from clac.text import Text

if TYPE_CHECKING:
    from clac.rules import Assessment, Rule


class _LazyGroup(click.Group):
    """A group whose bigger subcommands live in their own modules, imported only when run.

    ``clac --help`` lists them from the short help written here, without importing them.
    """

    lazy: ClassVar[dict[str, tuple[str, str]]] = {
        "calendar": ("clac.cli.report:calendar", "Write the shared calendar as iCalendar."),
        "evidence": (
            "clac.cli.evidence:evidence",
            "Import country assessments from a CSV, or export them to one.",
        ),
        "gaps": ("clac.cli.gaps:gaps", "Compare the region with ICMEC's or WeProtect's framework."),
        "init": ("clac.cli.init:init", "Start the registry of a real coalition (commented YAML)."),
        "network": ("clac.cli.network:network", "Analyse and export the stakeholder network."),
        "partners": (
            "clac.cli.partners:partners",
            "List the charter's partners and their ids (partner: ID).",
        ),
        "proposal": ("clac.cli.proposal:proposal", "List, show and advance project proposals."),
        "report": ("clac.cli.report:report", "Compile reports (the annual report)."),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line within :func:`clac._inputs.guarding_inputs`: no command
        writes over a file it reads (``-o`` naming the registry, through any link)."""
        with guarding_inputs():
            return super().main(*args, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:  # Ctrl-C while reading the options (--framework-file …)
            interrupted()

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C anywhere in a command: 130, one line
            interrupted()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return _stating_exit_status(self._command(ctx, cmd_name))

    def _command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        import importlib

        module, _, attr = self.lazy[cmd_name][0].partition(":")
        command = getattr(importlib.import_module(module), attr)
        if not isinstance(command, click.Command):  # pragma: no cover - programming error
            raise TypeError(f"{self.lazy[cmd_name][0]} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy:
                rows.append((name, self.lazy[name][1]))
            else:
                command = super().get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(limit=60)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _stating_exit_status(command: click.Command | None) -> click.Command | None:
    """``command`` (and every subcommand of a group) with the exit-status contract in its help."""
    if command is None or getattr(command, "_clac_exit_status", False):
        return command
    help_ = command.help or ""
    if "Exit status" in help_ and ", 3 " in help_:
        pass  # the command states the whole contract itself
    elif "Exit status" in help_:
        command.epilog = (
            "Exit status 3: an internal error (a clac bug or a broken plugin), one line; "
            f"--debug or {DEBUG_VARIABLE}=1 shows its traceback."
        )
    elif not command.epilog:
        command.epilog = EXIT_STATUS
    vars(command)["_clac_exit_status"] = True
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _stating_exit_status(sub)
    return command


def _debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.find_root().meta["clac.debug"] = True


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_STATUS,
)
@click.version_option(package_name="clac", prog_name="clac")
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_debug,
    help=f"Show the traceback of an internal error (also {DEBUG_VARIABLE}=1).",
)
@click.option(
    "--framework-file",
    multiple=True,
    type=click.Path(dir_okay=False),
    expose_value=False,
    callback=register_framework_files,
    help="A framework defined in a data file (YAML, TOML or JSON; repeatable), known to the "
    "command for this run: clac --framework-file F check REGISTRY.",
)
def cli() -> None:
    """clac: the CLAC Base Document as code.

    With no FILE, commands use the built-in demonstration coalition (clac.demo()).
    """


@cli.command()
@LANG_OPTION
@reports_errors
def charter(lang: str) -> None:
    """Print the charter catalogue: every clause, goal, working group and partner (with the
    id a registry links it by)."""
    from rich.table import Table

    from clac.charter import BASE_DOCUMENT, Section

    out = console()
    doc = BASE_DOCUMENT
    plain = not out.is_terminal
    heading = Text("Parameters", "Parámetros", pt="Parâmetros")
    out.print(f"{tr(doc.title, lang)} — v{doc.version} ({doc.effective.isoformat()})")
    for section in Section:
        table = Table(
            title=tr(section.title, lang),
            title_justify="left",
            box=None if plain else _box(),
            show_header=False,
            expand=False,
        )
        table.add_column("ref", no_wrap=True)
        table.add_column("text")
        for clause in doc.clauses_in(section):
            table.add_row(clause.id, tr(clause.text, lang))
        out.print()
        out.print(table)
    out.print()
    params = Table(title=tr(heading, lang), title_justify="left", box=None if plain else _box())
    params.add_column("name")
    params.add_column("value")
    for name, value in doc.parameters.as_dict().items():
        params.add_row(name, str(value))
    out.print(params)
    out.print()
    partners = Table(
        title=tr(_PARTNERS_HEADING, lang), title_justify="left", box=None if plain else _box()
    )
    partners.add_column("id (partner:)", no_wrap=True)
    partners.add_column("name")
    for partner in doc.partners:
        partners.add_row(partner.id, tr(partner.display_name(), lang))
    out.print(partners)
    out.print(tr(_PARTNERS_MORE, lang))


_PARTNERS_HEADING = Text(
    "Partners (the id an organization links them by)",
    "Socios (el id con que una organización se enlaza a ellos)",
    pt="Parceiros (o id com que uma organização se liga a eles)",
)
_PARTNERS_MORE = Text(
    "`clac partners` lists them with later names and sectors (--format csv or json).",
    "`clac partners` los lista con nombres posteriores y sectores (--format csv o json).",
    pt="`clac partners` os lista com nomes posteriores e setores (--format csv ou json).",
)


def _box() -> Any:
    from rich import box

    return box.SIMPLE


#: ``clac check --format``: what each format is for.
CHECK_FORMATS = {
    "text": "for people",
    "json": "for tools (clac schema --assessment)",
    "markdown": "for documents",
    "sarif": "SARIF 2.1.0 for code-scanning views",
    "junit": "JUnit XML for CI test reports",
    "csv": "for spreadsheets",
}


@cli.command()
@click.argument("files", metavar="[FILE]...", nargs=-1, shell_complete=complete_path)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="Assess as of this date (YYYY-MM-DD); default today, or for the demo (no FILE, or a "
    "file clac demo wrote) the demo's own day (clac.DEMO_AS_OF), for which its history is "
    "written.",
)
@LANG_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
    help="; ".join(f"{name} {use}" for name, use in CHECK_FORMATS.items()) + ".",
)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Also list met and not applicable findings (text, markdown and sarif; the other "
    "formats always hold every finding).",
)
@click.option(
    "--charter-only",
    "charter_only",
    is_flag=True,
    help="Assess only what the charter itself says: leave out every rule that rests on a "
    "deadline, window or reading clac assumes (marked 'clac's assumption' in clac rules).",
)
@click.option(
    "--sarif-root",
    "sarif_root",
    type=click.Path(file_okay=False),
    envvar="CLAC_SARIF_ROOT",
    help="The repository root that SARIF file paths are relative to (uriBaseId %SRCROOT%); "
    "default the git work tree holding FILE, else FILE's folder. Also CLAC_SARIF_ROOT.",
)
@MAX_SIZE_OPTION
@RULE_TIMEOUT_OPTION
@reports_errors
def check(  # noqa: PLR0917 - one parameter per option
    files: tuple[str, ...],
    as_of: datetime | None,
    lang: str,
    output_format: str,
    everything: bool,
    charter_only: bool,
    sarif_root: str | None,
) -> None:
    """Validate registry FILEs (YAML, JSON or TOML) and assess each against the charter's
    rules (several files, as pre-commit passes them: text or markdown reports one after the
    other, each under its file's name; the worst exit status wins).

    Without FILE it assesses the built-in demo coalition on the demo's day, and says so on
    stderr.

    Exit status: 0 every required rule met, 1 a required rule unmet, 2 bad input, 3 a rule
    that failed to run (a broken plugin, or one past --rule-timeout: its findings say "rule
    failed"), a plugin that failed to load (one "clac: plugin …" line, no report) or another
    internal error.
    """

    def run(file: str | None) -> NoReturn:
        _check(file, as_of, lang, output_format, everything, charter_only, sarif_root)

    if len(files) <= 1:
        run(files[0] if files else None)
    if output_format not in {"text", "markdown"}:
        raise click.UsageError(tr(_ONE_FILE, lang).format(format=output_format))
    worst = EXIT_OK
    for file in files:
        click.echo(f"{'' if file == files[0] else chr(10)}== {file} ==")
        try:
            try:
                run(file)
            except ClacError as error:
                fail(error.message(lang))
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else EXIT_INTERNAL
            worst = max(worst, status)
    sys.exit(worst)


_ONE_FILE = Text(
    "--format {format} reports one FILE at a time (several only as text or markdown)",
    "--format {format} informa sobre un FILE a la vez (varios solo como text o markdown)",
    pt="--format {format} relata um FILE por vez (vários só como text ou markdown)",
)


def _check(  # noqa: PLR0917 - the options of check
    file: str | None,
    as_of: datetime | None,
    lang: str,
    output_format: str,
    everything: bool,
    charter_only: bool,
    sarif_root: str | None,
) -> NoReturn:
    """``clac check`` on one FILE (None: the demo): report, then leave with its status."""
    from clac._bulk import paused_gc
    from clac.rules import CATALOGUE, evaluate

    coalition = load_registry(file)
    refuse_broken_plugins(CATALOGUE.errors)  # never a verdict without a plugin's rules
    note_scopes(coalition, lang)
    # The demo's history and its deliberate gaps are written for its own day.
    day = command_day(coalition, None if as_of is None else as_of.date(), lang, file=file)
    assessment = evaluate(
        coalition, as_of=day, charter_only=charter_only, rule_timeout=rule_timeout()
    )
    with paused_gc():  # a line per finding: many small objects at once
        for chunk in _check_report(
            assessment, output_format, lang, everything=everything, file=file, root=sarif_root
        ):
            click.echo(chunk, nl=False)  # written as it comes: a large report is never whole
    warn_reports_after(coalition, assessment.as_of, lang)
    if assessment.errors:
        _rules_failed(assessment, lang)
    sys.exit(EXIT_OK if assessment.ok else EXIT_UNMET)


def _basis(r: Rule) -> Text:
    """Whether a rule rests on the charter's word alone or also on clac's assumptions."""
    from clac._labels import WORDS

    if r.charter_only:
        return Text("charter", "carta", pt="carta")
    parts = [*([] if r.assumption is None else ["reading"]), *r.assumed_parameters]
    assumption = WORDS["assumption"]
    return Text(
        f"{assumption.en}: {', '.join(parts)}",
        f"{assumption.es}: {', '.join(parts).replace('reading', 'lectura')}",
        pt=f"{assumption.in_('pt')}: {', '.join(parts).replace('reading', 'leitura')}",
    )


def _rules_failed(assessment: Assessment, lang: str) -> NoReturn:
    """Say which rules failed to run (their findings are in the report) and leave with 3."""
    failed = sorted({f.rule.id for f in assessment.errors})
    count = len(assessment.errors)
    message = _FAILED.format(count=count, rules=", ".join(failed)).in_(lang)
    click.echo(f"clac: internal error: {message}", err=True)
    sys.exit(EXIT_INTERNAL)


_FAILED = Text(
    "{count} finding(s) could not be decided: rule(s) {rules} failed to run "
    "(a broken plugin?); see the findings marked 'rule failed'",
    "{count} hallazgo(s) no pudieron decidirse: la(s) regla(s) {rules} fallaron "
    "(¿un complemento roto?); vea los hallazgos marcados 'la regla falló'",
    pt="{count} constatação(ões) não puderam ser decididas: a(s) regra(s) {rules} falharam "
    "(um plugin quebrado?); veja as constatações marcadas 'a regra falhou'",
)


def _check_report(
    assessment: Assessment,
    output_format: str,
    lang: str,
    *,
    everything: bool,
    file: str | None,
    root: str | None = None,
) -> Iterator[str]:
    """The report in ``output_format``, in pieces (the text report line by line in chunks)."""
    import json

    from clac.rules._render import text_chunks, to_json, to_markdown

    if output_format == "json":
        yield json_safe(to_json(assessment, lang))
    elif output_format == "markdown":
        yield to_markdown(assessment, lang, everything=everything)
    elif output_format == "sarif":
        log = assessment.to_sarif(lang, everything=everything, **_sarif_place(file, root))
        yield json_safe(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    elif output_format == "junit":
        yield assessment.to_junit(lang)
    elif output_format == "csv":
        yield assessment.to_csv(lang)
    else:
        for chunk in text_chunks(assessment, lang, everything=everything):
            yield terminal(chunk)  # escapes character by character: chunks of lines are safe


def _sarif_place(file: str | None, root: str | None) -> dict[str, Any]:
    """Where a SARIF log's results point: ``file``'s path from the repository root (``root``,
    else the git work tree holding it, else its folder), that root's URI and the regions the
    file records its subjects at."""
    if file is None:
        return {}
    from clac.io import Format, locate

    path = Path(file).absolute()
    base = Path(root).absolute() if root else _work_tree(path.parent) or path.parent
    try:
        artifact = path.relative_to(base).as_posix()
    except ValueError:  # not under the root given: name the file from its own folder
        warn(f"{file} is not under {base}: SARIF names it from its own folder")
        base, artifact = path.parent, path.name
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
        regions = locate(text, Format.from_path(path))
    except (OSError, ClacError):  # already loaded once: a region is only a courtesy
        regions = {}
    return {"artifact": artifact, "root_uri": base.as_uri() + "/", "regions": regions}


def _work_tree(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder`` (a ``.git`` folder or file there)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@cli.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "csv", "json"], case_sensitive=False),
    default="text",
    show_default=True,
    help="A table (never cut to the terminal's width when piped), CSV or JSON.",
)
@LANG_OPTION
@reports_errors
def rules(output_format: str, lang: str) -> None:
    """List every rule: id, severity, clause, title and where it comes from."""
    from rich.table import Table

    from clac._labels import SEVERITIES, WORDS
    from clac.rules import CATALOGUE

    if output_format != "text":
        _rules_data(output_format.lower(), lang)
        refuse_broken_plugins(CATALOGUE.errors)
        return
    out = console()
    if not out.is_terminal:
        out.width = max(out.width, 100_000)  # piped: whole lines, never wrapped at 80 columns
    table = Table(box=None if not out.is_terminal else _box())
    for heading in (
        *(WORDS[key] for key in ("rule", "severity", "clause", "title", "source")),
        Text("Charter or clac", "Carta o clac", pt="Carta ou clac"),
    ):
        table.add_column(tr(heading, lang))
    for r in CATALOGUE:
        table.add_row(
            r.id,
            tr(SEVERITIES[r.severity], lang),
            r.clause.ref_in(lang),
            tr(r.title, lang),
            r.source,
            tr(_basis(r), lang),
        )
    out.print(table)
    refuse_broken_plugins(CATALOGUE.errors)


RULE_COLUMNS = ("id", "severity", "clause", "clause_ref", "title", "source", "basis")


def _rules_data(output_format: str, lang: str) -> None:
    """``clac rules --format csv|json``: the catalogue as data, words in ``lang``."""
    import json

    from clac.rules import CATALOGUE

    rows = [
        {
            "id": r.id,
            "severity": r.severity.value,
            "clause": r.clause.id,
            "clause_ref": r.clause.ref_in(lang),
            "title": tr(r.title, lang),
            "source": r.source,
            "basis": tr(_basis(r), lang),
        }
        for r in CATALOGUE
    ]
    if output_format == "json":
        click.echo(json_safe(json.dumps(rows, ensure_ascii=False, indent=2)))
        return
    table = [RULE_COLUMNS, *([row[c] for c in RULE_COLUMNS] for row in rows)]
    click.echo(csv_text(table), nl=False)


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--assessment",
    is_flag=True,
    help="The schema of the assessment (clac check --format json) instead.",
)
@click.option(
    "--framework",
    "framework_file",
    is_flag=True,
    help="The schema of a framework data file (clac --framework-file) instead.",
)
@LANG_OPTION
@reports_errors
def schema(output: str | None, assessment: bool, framework_file: bool, lang: str) -> None:
    """Print the JSON Schema (draft 2020-12) of the registry file, of the assessment or of a
    framework data file."""
    import json

    if assessment and framework_file:
        fail("--assessment and --framework cannot be used together")
    if framework_file:
        from clac.frameworks import framework_schema

        document = framework_schema()
    elif assessment:
        from clac.schema import assessment_schema

        document = assessment_schema()
    else:
        from clac.schema import json_schema

        document = json_schema()
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    from clac.io import write_text_atomically

    write_text_atomically(Path(output), text)


@cli.command("demo")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="Where to write the demo registry (.yaml, .json or .toml; - for standard output).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["yaml", "json", "toml"], case_sensitive=False),
    help="The file format (default: OUTPUT's suffix; YAML on standard output).",
)
@LANG_OPTION
@reports_errors
def demo_command(output: str, force: bool, file_format: str | None, lang: str) -> None:
    """Write the built-in demo registry to OUTPUT so you can start from it.

    The demo is fictional and the file says so: its "FICTIONAL DATA" header comes along in
    YAML and TOML, and its name says it in every format (JSON has no comments). To start the
    registry of a real coalition, use `clac init` instead.
    """
    from clac._demo import demo_file_text
    from clac.io import REGISTRY_MODE, Format, write_text_atomically

    target = Path(output)
    to_stdout = names_standard_output(output)  # -o - or /dev/stdout: YAML there
    if target.is_file() and not force and not to_stdout:  # a FIFO or device is written to
        fail(tr(_EXISTS, lang).format(path=output))
    # Standard output, a FIFO or a device without a suffix: YAML, the demo's own format.
    stream = to_stdout or (not target.suffix and target.exists() and not target.is_file())
    format_ = Format.YAML if stream else Format.from_path(target)
    if file_format is not None:
        format_ = Format(file_format.lower())
    # A registry file: readable by its owner only, as clac.dump writes one.
    write_text_atomically(output, demo_file_text(format_), mode=REGISTRY_MODE)
    wrote(tr(_WROTE, lang).format(path=output), output)


_EXISTS = Text(
    "{path}: already exists (use --force to overwrite)",
    "{path}: ya existe (use --force para sobrescribirlo)",
    pt="{path}: já existe (use --force para sobrescrevê-lo)",
)
_WROTE = Text("wrote {path}", "se escribió {path}", pt="gravado {path}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``clac`` command.

    Run as the command (``argv`` is None), it leaves as soon as its output is flushed, without
    tearing down the heap object by object: after ``clac check`` on a large registry that
    teardown alone took a tenth of the run (mypy's ``hard_exit`` does the same). Called with
    ``argv`` from Python, it raises ``SystemExit`` as usual.
    """
    args = _debug_first(sys.argv[1:] if argv is None else list(argv))
    if argv is None:
        guard_standard_streams()
    try:
        try:
            cli.main(args=args, prog_name="clac", standalone_mode=True)
        except KeyboardInterrupt:
            interrupted()
        except Exception as error:  # noqa: BLE001 - outside any command: still 3, one line
            internal_error(error, debug="--debug" in args or None)
    except SystemExit as done:
        if argv is not None:
            raise
        _leave(done.code)


def _debug_first(args: list[str]) -> list[str]:
    """``args`` with a ``--debug`` given after the command moved before it, where it belongs."""
    end = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[:end]:
        return args
    return ["--debug", *(a for i, a in enumerate(args) if a != "--debug" or i >= end)]


def _leave(code: object) -> NoReturn:  # pragma: no cover - ends the process
    """Flush the output and end the process with ``code`` (as ``sys.exit`` reads it)."""
    import contextlib
    import os

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except StandardStreamError as error:  # the last of the output did not fit (/dev/full)
        with contextlib.suppress(Exception):
            print(f"clac: error: {error}", file=sys.stderr)
        if status in {EXIT_OK, EXIT_UNMET}:
            status = EXIT_BAD_INPUT
    except (OSError, ValueError):  # a closed stream: nothing left to say
        pass
    except KeyboardInterrupt:
        status = EXIT_INTERRUPTED
    with contextlib.suppress(Exception):
        if sys.stderr is not None:
            sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    main()
