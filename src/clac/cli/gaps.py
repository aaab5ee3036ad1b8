"""``clac gaps``: the regional gap analysis against one of the field's frameworks.

The matrix of countries × criteria or capabilities on a day, the thin spots (gaps with no
national member of a needed sector) and, with ``--since``, what changed. Output is Markdown on
standard output, or a file chosen by its suffix: ``.md``, ``.json``, ``.csv`` (the matrix rows),
``.png`` or ``.svg`` (the heat map). Files are written atomically; on bad input nothing is
written and the exit status is 2.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    register_framework_files,
    reports_errors,
)
from clac.cli._plugins import refuse_broken_plugins
from clac.text import Text

if TYPE_CHECKING:
    from clac.frameworks import RegionalMatrix, ThinSpots, Trend

__all__ = ["gaps"]

_SUFFIXES = (".md", ".markdown", ".json", ".csv", ".png", ".svg")


@click.command()
@click.argument("file", required=False, shell_complete=complete_path)
@click.option(
    "--framework",
    "-f",
    "framework_id",
    default="icmec-legislation",
    show_default=True,
    help="The framework: icmec-legislation, mnr, budapest, lanzarote, opsc, one a plugin adds "
    "or one a --framework-file defines.",
)
@click.option(
    "--framework-file",
    multiple=True,
    type=click.Path(dir_okay=False),
    expose_value=False,
    callback=register_framework_files,
    help="A framework defined in a data file (YAML, TOML or JSON; repeatable). "
    "Select it with -f ID.",
)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    help="The day of the matrix (YYYY-MM-DD); default today, or the demo's own day for the demo.",
)
@click.option(
    "--since",
    type=DAY,
    help="Also list what changed after this day (YYYY-MM-DD) up to --as-of.",
)
@click.option(
    "--countries",
    help="Comma-separated ISO codes (e.g. BR,MX,GT; LAC for the region's states); default the "
    "countries with assessments.",
)
@click.option(
    "--all-countries",
    is_flag=True,
    help="Every sovereign state of Latin America and the Caribbean (33), assessed or not.",
)
@click.option(
    "--include-territories",
    is_flag=True,
    help="With --all-countries, the region's 19 dependent territories too (Aruba, Puerto Rico …).",
)
@click.option(
    "--include-unknown", is_flag=True, help="Count items with no data as gaps for thin spots."
)
@LANG_OPTION
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write to this file: .md, .json, .csv (matrix), .png or .svg (heat map). "
    "Without it, Markdown goes to standard output.",
)
@MAX_SIZE_OPTION
@reports_errors
def gaps(
    *,
    file: str | None,
    framework_id: str,
    as_of: datetime | None,
    since: datetime | None,
    countries: str | None,
    all_countries: bool,
    include_territories: bool,
    include_unknown: bool,
    lang: str,
    output: str | None,
) -> None:
    """Compare the region with a framework: the matrix, thin spots and trends of a registry
    FILE (YAML, JSON or TOML; the demo coalition without FILE).

    Exit status: 0 written, 2 bad input.
    """
    from clac import frameworks

    if names_standard_output(output):
        output = None  # -o - or /dev/stdout: Markdown on standard output, as without -o
    suffix = None if output is None else output_suffix(output)
    if suffix is not None and suffix not in _SUFFIXES:
        fail(f"{output}: unsupported suffix {suffix or '(none)'!r} (use {', '.join(_SUFFIXES)})")
    if countries is not None and all_countries:
        fail("--countries and --all-countries cannot be used together")
    coalition = load_registry(file)
    refuse_broken_plugins(frameworks.FRAMEWORKS.errors)
    framework = frameworks.FRAMEWORKS.get_framework(framework_id)
    day = command_day(coalition, None if as_of is None else as_of.date(), lang, file=file)
    chosen = None if countries is None else [c.strip() for c in countries.split(",") if c.strip()]
    grid = frameworks.matrix(
        coalition,
        framework,
        as_of=day,
        countries=chosen,
        include_territories=include_territories,
    )
    if chosen is None and not all_countries:
        assessed = grid.assessed_countries
        if not assessed:  # nothing to compare: say so rather than list every state unknown
            _nothing_assessed(grid, output, suffix, lang)
            return
        grid = grid.restricted_to(assessed)
    spots = frameworks.thin_spots(coalition, grid, include_unknown=include_unknown)
    trend = None
    if since is not None:
        trend = frameworks.trends(
            coalition, framework, start=since.date(), end=day, countries=grid.countries
        )
    if output is None:
        click.echo(frameworks.gaps_markdown(grid, spots, trend, lang), nl=False)
        return
    _write(output, suffix=suffix or "", grid=grid, spots=spots, trend=trend, lang=lang)
    click.echo(f"wrote {output}", err=True)


_NOTHING_ASSESSED = Text(
    "No country is assessed against {framework} as of {day}: neither the registry nor clac's "
    "shipped data holds an assessment, so there is no gap and no thin spot to show. Record "
    "assessments under `assessments:` (see docs/frameworks.md), or pass --all-countries to "
    "list the region's states with no data.",
    "Ningún país está evaluado frente a {framework} al {day}: ni el registro ni los datos que "
    "trae clac contienen una evaluación, así que no hay brechas ni puntos débiles que mostrar. "
    "Registre evaluaciones en `assessments:` (véase docs/frameworks.md), o use --all-countries "
    "para listar los Estados de la región sin datos.",
    pt="Nenhum país está avaliado frente a {framework} em {day}: nem o registro nem os dados "
    "que o clac traz contêm uma avaliação, então não há lacunas nem pontos fracos a mostrar. "
    "Registre avaliações em `assessments:` (veja docs/frameworks.md), ou use --all-countries "
    "para listar os Estados da região sem dados.",
)


def _nothing_assessed(
    grid: RegionalMatrix, output: str | None, suffix: str | None, lang: str
) -> None:
    """Say that no country is assessed: on standard output (Markdown) or on stderr, the file
    then writing an empty matrix (JSON, CSV) — never a picture of nothing."""
    from clac.io import write_text_atomically

    name = grid.framework.short_name.in_(lang)
    message = _NOTHING_ASSESSED.format(framework=name, day=grid.as_of.isoformat()).in_(lang)
    if output is None or suffix in (".md", ".markdown"):
        heading = f"## {name} ({grid.as_of.isoformat()})\n\n{message}\n"
        if output is None:
            click.echo(heading, nl=False)
        else:
            write_text_atomically(Path(output), heading)
            click.echo(f"wrote {output}", err=True)
        return
    if suffix in (".png", ".svg"):
        fail(message)
    if suffix == ".json":
        data = {
            "framework": grid.framework.id,
            "source": str(grid.framework.source),
            "as_of": grid.as_of.isoformat(),
            "illustrative": False,
            "matrix": [],
            "thin_spots": [],
        }
        write_text_atomically(Path(output), json.dumps(data, indent=2))
    else:  # the header of _csv's table, and no row
        from clac._escape import csv_text

        write_text_atomically(Path(output), csv_text([[*grid.columns, "illustrative"]]))
    click.echo(f"clac: {message}", err=True)
    click.echo(f"wrote {output}", err=True)


def _write(
    output: str,
    *,
    suffix: str,
    grid: RegionalMatrix,
    spots: ThinSpots,
    trend: Trend | None,
    lang: str,
) -> None:
    from clac import frameworks
    from clac.io import write_text_atomically

    if suffix in (".png", ".svg"):
        frameworks.write_heatmap(grid, output, language=lang)
    elif suffix == ".json":
        write_text_atomically(Path(output), json.dumps(_json(grid, spots, trend, lang), indent=2))
    elif suffix == ".csv":
        write_text_atomically(Path(output), _csv(grid, lang))
    else:
        write_text_atomically(Path(output), frameworks.gaps_markdown(grid, spots, trend, lang))


def _csv(grid: RegionalMatrix, lang: str) -> str:
    """The matrix rows as CSV, each with an ``illustrative`` column: ``true`` where a figure of
    the country rests on made-up evidence (the demo's), the marker every export carries."""
    from clac._escape import csv_text

    columns = [*grid.columns, "illustrative"]
    rows = [
        [
            *(row.get(column, "") for column in grid.columns),
            str(_illustrative(grid, row["country"])).lower(),
        ]
        for row in grid.to_rows(lang)
    ]
    return csv_text([columns, *rows])


def _illustrative(grid: RegionalMatrix, country: str) -> bool:
    return any(c.evidence is not None and c.evidence.illustrative for c in grid.row(country))


def _json(grid: RegionalMatrix, spots: ThinSpots, trend: Trend | None, lang: str) -> dict[str, Any]:
    from clac import frameworks

    data: dict[str, Any] = {
        "framework": grid.framework.id,
        "source": str(grid.framework.source),
        "as_of": grid.as_of.isoformat(),
        "illustrative": grid.illustrative,
        "matrix": grid.to_rows(lang),
        "evidence": frameworks.evidence_rows(grid),
        "thin_spots": spots.to_rows(lang),
    }
    if trend is not None:
        data["trend"] = {
            "start": trend.start.isoformat(),
            "end": trend.end.isoformat(),
            "changes": [
                {
                    "date": c.date.isoformat(),
                    "country": c.country,
                    "item": c.item,
                    "before": c.before.value,
                    "after": c.after.value,
                    "direction": c.direction.value,
                    "source": c.evidence.source,
                    "confidence": (
                        None if c.evidence.confidence is None else c.evidence.confidence.value
                    ),
                    "preceded_by": [
                        {
                            "kind": p.kind.value,
                            "report": [p.working_group, p.year, p.quarter],
                            "description": p.description,
                            "goals": list(p.goals),
                            "cites_item": p.cites_item,
                        }
                        for p in c.preceded_by
                    ],
                }
                for c in trend.changes
            ],
        }
    return data
