"""``clac init``: start the registry of a real coalition in a commented YAML file.

Registered on the main group by :mod:`clac.cli`. The file holds only what the charter states
(:func:`clac.starting_registry`) and is written atomically; an existing file is kept unless
``--force`` is given.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from clac.cli._common import DAY, LANG_OPTION, fail, reports_errors
from clac.text import Text

__all__ = ["init"]

_SUFFIXES = (".yaml", ".yml")

_EXISTS = Text(
    "{path}: already exists (use --force to overwrite)",
    "{path}: ya existe (use --force para sobrescribirlo)",
    pt="{path}: já existe (use --force para sobrescrevê-lo)",
)
_NOT_YAML = Text(
    "{path}: clac init writes YAML, the one registry format with room for the comments that "
    "say what to record (use .yaml or .yml; `clac` reads JSON and TOML too once it is filled)",
    "{path}: clac init escribe YAML, el único formato de registro con lugar para los "
    "comentarios que dicen qué registrar (use .yaml o .yml; `clac` también lee JSON y TOML)",
    pt="{path}: clac init escreve YAML, o único formato de registro com lugar para os "
    "comentários que dizem o que registrar (use .yaml ou .yml; `clac` também lê JSON e TOML)",
)
_WROTE = Text(
    "wrote {path}: records begin on {day}; check it with `clac check {path}`",
    "se escribió {path}: los registros comienzan el {day}; verifíquelo con `clac check {path}`",
    pt="gravado {path}: os registros começam em {day}; verifique-o com `clac check {path}`",
)


@click.command("init")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--records-since",
    "--as-of",
    "records_since",
    type=DAY,
    help="The day the records begin (YYYY-MM-DD); default today.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@LANG_OPTION
@reports_errors
def init(file: str, records_since: datetime | None, force: bool, lang: str) -> None:
    """Write FILE, a commented starting registry for the real coalition.

    It holds what the charter states and nothing else: the four founding partners by the
    charter's names, its working groups and its roles (ICMEC's Secretariat, ICMEC LAC's Chair),
    with records beginning today (or --records-since). A comment above each section, in the
    --lang language, says what to record there. `clac check FILE` then finds nothing unmet.
    """
    from clac._starter import starting_registry
    from clac.io import REGISTRY_MODE, write_text_atomically

    target = Path(file)
    if target.suffix.lower() not in _SUFFIXES:
        fail(_NOT_YAML.format(path=file).in_(lang))
    if target.is_file() and not force:  # a FIFO or a device is written to, not replaced
        fail(_EXISTS.format(path=file).in_(lang))
    day = date.today() if records_since is None else records_since.date()
    # A registry file (it will hold personal data): readable by its owner only, as clac.dump.
    text = starting_registry(lang, records_since=day, file=file)
    write_text_atomically(target, text, mode=REGISTRY_MODE)
    click.echo(_WROTE.format(path=file, day=day.isoformat()).in_(lang))
