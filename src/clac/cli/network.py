"""``clac network``: the stakeholder network, summarized or exported, and the partnership
network members report in surveys (``clac network survey``).

Registered on the main group by :mod:`clac.cli`; networkx (and matplotlib for ``--export png``)
are imported only when the command runs. ``clac network [FILE] [options]`` summarizes or
exports (the ``summary`` subcommand, which runs when no other is named);
``clac network survey REGISTRY SURVEY.csv`` analyses a survey.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from clac._progress import task
from clac.cli._common import (
    DAY,
    LANG_OPTION,
    MAX_SIZE_OPTION,
    complete_path,
    fail,
    load_registry,
    max_size,
    register_framework_files,
    reports_errors,
    wrote,
)
from clac.text import Text

__all__ = ["map_", "network", "summary", "survey"]

_FORMATS = ("gexf", "graphml", "json", "png", "html")

_WROTE = Text("wrote {path}", "escrito {path}", pt="gravado {path}")
_NEEDS_OUTPUT = Text(
    "--export {format} needs --output PATH",
    "--export {format} necesita --output RUTA",
    pt="--export {format} precisa de --output CAMINHO",
)


class _DefaultToSummary(click.Group):
    """A group whose ``summary`` subcommand runs when no other subcommand is named, so that
    ``clac network FILE --export gexf`` keeps working beside ``clac network survey …``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in {"-h", "--help"}):
            args = ["summary", *args]
        return super().parse_args(ctx, args)


@click.group("network", cls=_DefaultToSummary)
def network() -> None:
    """Analyse the stakeholder network (the default: clac network [FILE] [OPTIONS], see
    clac network summary --help), a partnership survey (clac network survey REGISTRY
    SURVEY.csv), or map the region (clac network map [FILE] -o map.png)."""


@network.command("summary")
@click.argument("file", required=False, shell_complete=complete_path)
@click.option(
    "--export",
    "export_format",
    type=click.Choice(_FORMATS, case_sensitive=False),
    help="Write the network to --output in this format instead of printing a summary.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Where to write the export (its suffix names the format when --export is not given).",
)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="Describe the network as it stood on this date (YYYY-MM-DD); default: all records.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed of the community detection, sampled betweenness and picture layout.",
)
@click.option(
    "--include-territories",
    is_flag=True,
    help="Count the region's dependent territories (Aruba, Puerto Rico …) besides its 33 states.",
)
@click.option(
    "--survey",
    "survey_file",
    type=click.Path(dir_okay=False),
    shell_complete=complete_path,
    help="With --export html: the survey rounds to show (default: the registry's survey key).",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def summary(  # noqa: PLR0917 - click passes each option as an argument
    file: str | None,
    export_format: str | None,
    output: str | None,
    as_of: dt.datetime | None,
    seed: int,
    include_territories: bool,
    survey_file: str | None,
    lang: str,
) -> None:
    """Summarize the stakeholder network of a registry FILE, or export it.

    Without --export (or --output) it prints density, degree centralization, brokers, key
    players, communities and coverage gaps. With --export gexf|graphml|json|png --output PATH
    it writes the graph (GEXF and GraphML open in Gephi) or a picture; --export html writes an
    interactive page (one self-contained file, works offline) of the members, their shared
    activity and the survey rounds (--survey). No personal data is ever included.
    """
    day = as_of.date() if as_of is not None else None
    if export_format is not None and output is None:
        fail(_NEEDS_OUTPUT.format(format=export_format).in_(lang))
    coalition = load_registry(file)
    if survey_file is not None:
        from clac.io import load_survey

        coalition = coalition.evolve(
            survey=load_survey(survey_file, coalition, max_size=max_size())
        )
    if output is not None:
        from clac.network import export

        written = export(coalition, output, export_format, as_of=day, lang=lang, seed=seed)
        wrote(_WROTE.format(path=str(written)).in_(lang), output)
        return
    from clac.network import summarize

    result = summarize(coalition, day, seed=seed, include_territories=include_territories)
    click.echo(result.heading(lang))
    for key, value in result.rows(lang)[1:]:
        click.echo(f"  {key}: {value}")


_READING_SURVEY = Text("Reading {file}", "Leyendo {file}", pt="Lendo {file}")
_ANALYSING_SURVEY = Text(
    "Analysing the survey", "Analizando la encuesta", pt="Analisando a pesquisa"
)


_MAPPING_NEEDS_EXPORT = Text(
    "--mapping needs the export to read (clac network survey REGISTRY EXPORT --mapping FILE)",
    "--mapping necesita la exportación que leer (clac network survey REGISTRO EXPORTACIÓN "
    "--mapping ARCHIVO)",
    pt="--mapping precisa da exportação a ler (clac network survey REGISTRO EXPORTAÇÃO "
    "--mapping ARQUIVO)",
)


@network.command("survey")
@click.argument("registry", shell_complete=complete_path)
@click.argument("survey_file", metavar="[SURVEY.csv]", required=False, shell_complete=complete_path)
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False),
    shell_complete=complete_path,
    help="Read SURVEY as a survey tool's export (Google Forms, SurveyMonkey, KoboToolbox) with "
    "this mapping file (see docs/survey.md; clac network survey-mapping writes one).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"], case_sensitive=False),
    default="text",
    show_default=True,
    help="How to print the analysis.",
)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="Only the survey rounds held by this date (YYYY-MM-DD); default: every round.",
)
@click.option(
    "--symmetrize",
    type=click.Choice(["either", "both"], case_sensitive=False),
    default="either",
    show_default=True,
    help="Tie two organizations when either reports a tie with the other, or only both.",
)
@click.option(
    "--threshold",
    type=click.IntRange(min=3),
    default=3,
    show_default=True,
    help="Show an organization's received scores only when this many respondents rated it.",
)
@click.option(
    "--picture",
    type=click.Path(dir_okay=False),
    help="Also write a PNG of each round's ties, coloured by collaboration level.",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def survey(  # noqa: PLR0917 - click passes each option as an argument
    registry: str,
    survey_file: str | None,
    output_format: str,
    as_of: dt.datetime | None,
    symmetrize: str,
    threshold: int,
    picture: str | None,
    lang: str,
    mapping: str | None = None,
) -> None:
    """Analyse the partnership survey SURVEY.csv of the coalition in REGISTRY (without
    SURVEY.csv, the survey the registry file keeps under its survey key). With --mapping,
    SURVEY is a survey tool's export (CSV or XLSX) read as the mapping file says.

    Per round: invited members, respondents and response rate; ties, density, degree
    centralization, reciprocity, trust and value (as a percentage of 4); the trust and value
    each organization received (only when at least --threshold respondents rated it);
    ties per working group and policy goal, resources by kind; then what changed between
    rounds. No respondent's rating of a partner is ever shown.
    """
    from clac.io import load_survey
    from clac.network import partnership

    coalition = load_registry(registry)
    if mapping is not None and survey_file is None:
        fail(_MAPPING_NEEDS_EXPORT.in_(lang))
    if survey_file is None:
        answers = coalition.survey
    elif mapping is not None:
        from clac.io import read_survey_export

        with task(_READING_SURVEY.format(file=Path(survey_file).name)):
            imported = read_survey_export(survey_file, coalition, mapping)
        for note in imported.notes:
            click.echo(note.in_(lang), err=True)
        answers = imported.answers
    else:
        with task(_READING_SURVEY.format(file=Path(survey_file).name)):
            answers = load_survey(survey_file, coalition, max_size=max_size())
    day = as_of.date() if as_of is not None else None
    with task(_ANALYSING_SURVEY):
        result = partnership(coalition, answers, as_of=day, rule=symmetrize, threshold=threshold)
    if picture is not None:
        from clac.network import write_rounds_png

        held = [a for a in answers if day is None or a.round <= day]
        written = write_rounds_png(coalition, picture, held, rule=symmetrize, lang=lang)
        click.echo(_WROTE.format(path=str(written)).in_(lang), err=True)
    if output_format == "json":
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        click.echo(result.to_markdown(lang))
    else:
        click.echo(result.to_text(lang))


@network.command("survey-mapping")
@click.argument("export", shell_complete=complete_path)
@click.argument("registry", shell_complete=complete_path)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the mapping file (YAML).",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def survey_mapping(export: str, registry: str, output: str, lang: str) -> None:
    """Write a starting mapping file for a survey tool's EXPORT (Google Forms, SurveyMonkey,
    KoboToolbox), guessed from its headers: the layout, the respondent and timestamp columns,
    the questions and the partner names that need an organization id of REGISTRY. Check it
    before use (docs/survey.md)."""
    from clac.io import write_text_atomically
    from clac.io._survey_guess import guess_mapping

    coalition = load_registry(registry)
    write_text_atomically(output, guess_mapping(export, coalition))
    click.echo(_WROTE.format(path=output).in_(lang))


@network.command("survey-form")
@click.argument("registry", required=False, shell_complete=complete_path)
@click.option(
    "--tool",
    type=click.Choice(["google-forms", "kobo"], case_sensitive=False),
    default="google-forms",
    show_default=True,
    help="The survey tool: a Google Form's texts (Markdown) or an XLSForm for KoboToolbox/ODK.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the form (.md; .xlsx for an XLSForm); its mapping goes beside it "
    "(NAME.mapping.yaml).",
)
@click.option(
    "--round",
    "rounds",
    multiple=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="A round's date (YYYY-MM-DD) for the mapping; repeat for several. Default: today.",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def survey_form(
    registry: str | None, tool: str, output: str, rounds: tuple[dt.datetime, ...], lang: str
) -> None:
    """Write the partnership questionnaire for the organizations of REGISTRY (in --lang), and
    the mapping file that reads what the survey tool exports back (docs/survey.md)."""
    from clac.io import (
        google_form,
        google_form_mapping,
        kobo_mapping,
        write_text_atomically,
        write_xlsform,
    )

    coalition = load_registry(registry)
    days = [r.date() for r in rounds]
    target = Path(output)
    if tool == "kobo":
        written = write_xlsform(coalition, target, lang)
        mapping = kobo_mapping(days)
    else:
        write_text_atomically(target, google_form(coalition, lang))
        written = target
        mapping = google_form_mapping(coalition, lang, days)
    beside = target.with_name(f"{target.stem}.mapping.yaml")
    write_text_atomically(beside, mapping)
    click.echo(_WROTE.format(path=str(written)).in_(lang))
    click.echo(_WROTE.format(path=str(beside)).in_(lang))


@network.command("map")
@click.argument("file", required=False, shell_complete=complete_path)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Draw the map to this file: .png, .svg or .html (one self-contained page). "
    "Without it, print the table of states.",
)
@click.option(
    "--framework",
    "-f",
    "framework_id",
    help="Also show each state's gap verdict under this framework (icmec-legislation, mnr …).",
)
@click.option(
    "--framework-file",
    multiple=True,
    type=click.Path(dir_okay=False),
    expose_value=False,
    callback=register_framework_files,
    help="A framework defined in a data file (repeatable). Select it with -f ID.",
)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="The day of the members and verdicts (YYYY-MM-DD); default: all records, and for "
    "the verdicts today (the demo's day without FILE).",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def map_(
    file: str | None,
    output: str | None,
    framework_id: str | None,
    as_of: dt.datetime | None,
    lang: str,
) -> None:
    """Map Latin America and the Caribbean: members per state (by sector) of a registry FILE
    and, with -f FRAMEWORK, each state's gap verdict. Small island states are drawn as
    circles so that all 33 stay visible. Outlines: Natural Earth (public domain), shipped."""
    from clac.network import region_map, write_map

    if output is not None and Path(output).suffix.lower() not in {".png", ".svg", ".html"}:
        fail(_MAP_SUFFIX.format(path=output).in_(lang))
    coalition = load_registry(file)
    day = as_of.date() if as_of is not None else None
    if framework_id is not None and day is None and file is None:
        from clac import DEMO_AS_OF

        day = DEMO_AS_OF
    result = region_map(coalition, as_of=day, framework=framework_id)
    if output is not None:
        written = write_map(result, output, lang=lang)
        wrote(_WROTE.format(path=str(written)).in_(lang), output)
        return
    frame_rows = [
        (row.code, row.name.in_(lang), row.members, row.regional, row.verdict or "")
        for row in result.countries
    ]
    width = max(len(name) for _, name, *_ in frame_rows)
    click.echo(f"{'':2}  {_MAP_HEADING.in_(lang):<{width}}  {'nat':>3}  {'reg':>3}")
    for code, name, members, regional, verdict in frame_rows:
        click.echo(f"{code}  {name:<{width}}  {members:>3}  {regional:>3}  {verdict}".rstrip())


_MAP_HEADING = Text("State", "Estado", pt="Estado")
_MAP_SUFFIX = Text(
    "--output {path}: the map is written as .png, .svg or .html",
    "--output {path}: el mapa se escribe como .png, .svg o .html",
    pt="--output {path}: o mapa é gravado como .png, .svg ou .html",
)
