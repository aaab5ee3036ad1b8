"""``clac evidence``: country assessments to and from the CSV a secretariat keeps.

``clac evidence import FILE.csv --into REGISTRY`` adds the rows to the registry's assessments
(a treaty act becomes the assessments it implies, entry into force derived and so marked);
a row it cannot read is refused with ``FILE:LINE``, exit status 2, and nothing is written.
``clac evidence export REGISTRY`` writes the assessments back in the same shape. The registry
is edited in place (:func:`clac.edit`): locked, checked unchanged before writing, and only the
new assessments are written; its comments and layout stay as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clac.cli._common import (
    LANG_OPTION,
    MAX_SIZE_OPTION,
    complete_path,
    fail,
    load_registry,
    max_size,
    reports_errors,
    tr,
)
from clac.errors import InvalidData, Problem
from clac.text import Text

if TYPE_CHECKING:
    from clac.model import CountryAssessment
    from clac.registry import Coalition

__all__ = ["evidence"]

_ADDED = Text(
    "{registry}: {added} assessment(s) added, {held} already held",
    "{registry}: {added} evaluación(es) añadida(s), {held} ya registrada(s)",
    pt="{registry}: {added} avaliação(ões) adicionada(s), {held} já registrada(s)",
)


@click.group()
def evidence() -> None:
    """Import country assessments from a CSV, or export them to one."""


@evidence.command("import")
@click.argument("csv_file", metavar="FILE.csv", shell_complete=complete_path)
@click.option(
    "--into",
    "registry",
    required=True,
    type=click.Path(dir_okay=False),
    shell_complete=complete_path,
    help="The registry file (YAML, JSON or TOML) to add the assessments to.",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def import_(csv_file: str, registry: str, lang: str) -> None:
    """Add the rows of FILE.csv (framework, country, item, status, date, source, confidence,
    note, illustrative) to the assessments of a registry, skipping rows it already holds.

    Exit status: 0 written, 2 bad input (nothing written).
    """
    import attrs

    from clac.editing import edit
    from clac.frameworks import check_references, read_evidence_csv_lines
    from clac.io._files import read_bytes

    try:
        text = read_bytes(Path(csv_file), None).decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"{csv_file}: is not UTF-8 text ({error.reason} at byte {error.start})")
    lines = read_evidence_csv_lines(text, name=csv_file)
    # One transaction: locked, checked unchanged before writing, only the new rows written.
    with edit(registry, max_size=max_size()) as session:
        coalition = check_references(session.coalition)
        new = _new_rows(lines, coalition, csv_file, registry)
        if new:
            session.coalition = check_references(
                attrs.evolve(coalition, assessments=(*coalition.assessments, *new))
            )
    already = len(lines) - len(new)
    click.echo(tr(_ADDED, lang).format(registry=registry, added=len(new), held=already))


def _new_rows(
    lines: Sequence[tuple[int, CountryAssessment]],
    coalition: Coalition,
    csv_file: str,
    registry: str,
) -> list[CountryAssessment]:
    """The rows of the CSV the registry does not hold yet, or :class:`InvalidData` naming every
    row that says otherwise than an assessment held (same country, item, day and source)."""
    held = set(coalition.assessments)
    keys = {_key(a): f"{registry}: assessments[{i}]" for i, a in enumerate(coalition.assessments)}
    new: list[CountryAssessment] = []
    problems = []
    for line, row in lines:
        if row in held or row in new:
            continue
        where = keys.get(_key(row))
        if where is not None:
            problems.append(
                Problem(
                    f"says otherwise than {where} (same country, item, day and source)",
                    path=f"{csv_file}:{line}",
                    value=list(_key(row)),
                )
            )
            continue
        keys[_key(row)] = f"{csv_file}:{line}"
        new.append(row)
    if problems:
        raise InvalidData(problems=problems)
    return new


def _key(a: Any) -> tuple[str, str, str, str, str]:
    return (a.country, a.framework, a.item, str(a.date), a.source)


@evidence.command("export")
@click.argument("file", required=False, shell_complete=complete_path)
@click.option("--framework", "-f", "framework_id", help="Only this framework's assessments.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the CSV to this file (atomically); default standard output.",
)
@MAX_SIZE_OPTION
@reports_errors
def export(file: str | None, framework_id: str | None, output: str | None) -> None:
    """Write the assessments of a registry FILE (the demo's without FILE, marked illustrative)
    as CSV, in the shape ``clac evidence import`` reads.

    Exit status: 0 written, 2 bad input.
    """
    from clac.frameworks import FRAMEWORKS, evidence_csv
    from clac.io import write_text_atomically

    coalition = load_registry(file)
    if framework_id is not None:
        FRAMEWORKS.get_framework(framework_id)
    rows = [a for a in coalition.assessments if framework_id is None or a.framework == framework_id]
    text = evidence_csv(rows)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomically(output, text)
