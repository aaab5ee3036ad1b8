"""``clac network``: the stakeholder network, summarized or exported.

Registered on the main group by :mod:`clac.cli`; networkx (and matplotlib for ``--export png``)
are imported only when the command runs.
"""

from __future__ import annotations

import datetime as dt

import click

from clac.cli._common import LANG_OPTION, fail, load_registry, reports_errors
from clac.text import Text

__all__ = ["network"]

_FORMATS = ("gexf", "graphml", "json", "png")

_WROTE = Text("wrote {path}", "escrito {path}", pt="gravado {path}")
_NEEDS_OUTPUT = Text(
    "--export {format} needs --output PATH",
    "--export {format} necesita --output RUTA",
    pt="--export {format} precisa de --output CAMINHO",
)


@click.command("network")
@click.argument("file", required=False)
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
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Describe the network as it stood on this date (YYYY-MM-DD); default: all records.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed of the community detection, sampled betweenness and picture layout.",
)
@LANG_OPTION
@reports_errors
def network(  # noqa: PLR0917 - click passes each option as an argument
    file: str | None,
    export_format: str | None,
    output: str | None,
    as_of: dt.datetime | None,
    seed: int,
    lang: str,
) -> None:
    """Summarize the stakeholder network of a registry FILE, or export it.

    Without --export (or --output) it prints density, degree centralization, brokers, key
    players, communities and coverage gaps. With --export gexf|graphml|json|png --output PATH
    it writes the graph (GEXF and GraphML open in Gephi) or a picture. No personal data is
    ever included.
    """
    day = as_of.date() if as_of is not None else None
    if export_format is not None and output is None:
        fail(_NEEDS_OUTPUT.format(format=export_format).in_(lang))
    coalition = load_registry(file)
    if output is not None:
        from clac.network import export

        written = export(coalition, output, export_format, as_of=day, lang=lang, seed=seed)
        click.echo(_WROTE.format(path=str(written)).in_(lang))
        return
    from clac.network import summarize

    summary = summarize(coalition, day, seed=seed)
    click.echo(summary.heading(lang))
    for key, value in summary.rows(lang)[1:]:
        click.echo(f"  {key}: {value}")
