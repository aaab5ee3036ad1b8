"""``clac report annual`` and ``clac calendar``: the Secretariat's annual report and the shared
calendar, written from a registry FILE (or the demo coalition).

Both read the registry — valid or not exactly as for every other command — warn about what its
quarterly reports record after the day (a quarter not begun, a later submission), which they
leave out, and write their output atomically: on any error nothing is written and the exit
status is 2.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from clac.cli._common import (
    DAY,
    LANG_OPTION,
    MAX_SIZE_OPTION,
    command_day,
    complete_path,
    fail,
    load_registry,
    names_standard_output,
    output_suffix,
    reports_errors,
    warn_reports_after,
)
from clac.text import Language

__all__ = ["calendar", "report"]

_AUDIENCE_HELP = (
    "Who the output is for: public, members, organization:<id> or recipients:<id>,<id>. "
    "Only documents this audience may see under TLP 2.0 are named."
)
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})


def _given(value: datetime | None) -> date | None:
    return None if value is None else value.date()


def _write(output: str, text: str) -> None:
    from clac.io import write_text_atomically

    write_text_atomically(Path(output), text)


@click.group()
def report() -> None:
    """Compile reports from the registry (the annual report)."""


@report.command()
@click.option("--year", "-y", type=int, required=True, help="The year the report covers.")
@click.argument("file", required=False, shell_complete=complete_path)
@LANG_OPTION
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write to this file: .html for a self-contained page, .md for Markdown. "
    "Without it, Markdown goes to standard output.",
)
@click.option("--audience", default="members", show_default=True, help=_AUDIENCE_HELP)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="Compile as of this date (YYYY-MM-DD); default today (the demo's own day for the demo).",
)
@MAX_SIZE_OPTION
@reports_errors
def annual(
    *,
    year: int,
    file: str | None,
    lang: str,
    output: str | None,
    audience: str,
    as_of: datetime | None,
) -> None:
    """Compile the annual report of YEAR from the meetings' minutes and the quarterly reports
    of a registry FILE (YAML, JSON or TOML; the demo coalition without FILE).

    Exit status: 0 written, 2 bad input (a year in the future or before the charter, an
    invalid registry) — and then nothing is written. Reports recorded after the day are left
    out, with a warning.
    """
    from clac.reporting import annual_report

    if names_standard_output(output):
        output = None  # -o - or /dev/stdout: Markdown on standard output, as without -o
    suffix = None if output is None else output_suffix(output)
    if suffix is not None and suffix not in _MARKDOWN_SUFFIXES | _HTML_SUFFIXES:
        fail(f"{output}: unsupported suffix {suffix or '(none)'!r} (use .html or .md)")
    coalition = load_registry(file)
    day = command_day(coalition, _given(as_of), lang, file=file)
    compiled = annual_report(coalition, year, audience=audience, as_of=day)
    warn_reports_after(coalition, day, lang)
    language = Language.parse(lang)
    if output is None:
        click.echo(compiled.to_markdown(language), nl=False)
        return
    text = (
        compiled.to_html(language) if suffix in _HTML_SUFFIXES else compiled.to_markdown(language)
    )
    _write(output, text)
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("file", required=False, shell_complete=complete_path)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the iCalendar file here (e.g. clac.ics); without it, to standard output.",
)
@click.option("--audience", default="members", show_default=True, help=_AUDIENCE_HELP)
@click.option("--start", type=DAY, help="First day (YYYY-MM-DD).")
@click.option("--end", type=DAY, help="Last day (YYYY-MM-DD).")
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="The day of the calendar (YYYY-MM-DD): each report's state (as clac check gives it) "
    "and, without --end, due dates through its year; default today (the demo's own day for "
    "the demo).",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def calendar(
    *,
    file: str | None,
    output: str | None,
    audience: str,
    start: datetime | None,
    end: datetime | None,
    as_of: datetime | None,
    lang: str,
) -> None:
    """Write the shared calendar of a registry FILE (the demo coalition without FILE) as an
    RFC 5545 iCalendar file: meetings, report due dates, annual reports and plan assessments.

    Event UIDs are stable, so importing a newer file updates the events in place.
    """
    from clac.reporting import calendar as build_calendar

    coalition = load_registry(file)
    day = command_day(coalition, _given(as_of), lang, file=file)
    data = build_calendar(
        coalition,
        audience=audience,
        start=None if start is None else start.date(),
        end=None if end is None else end.date(),
        language=lang,
        as_of=day,
    )
    warn_reports_after(coalition, day, lang)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    _write(output, data.decode("utf-8"))
    click.echo(f"wrote {output}", err=True)
