"""``clac partners``: the partners the charter names, with the ids a registry links them by.

Each founding or expected partner of the Proposed Structure: its id (what ``partner:`` takes
in a registry's organization), its name as the charter writes it, the names it took later
(Facebook → Meta), its sector and whether it is a founding or an expected partner. With a
registry FILE, also which organization of the registry is the partner: linked by
``partner: <id>``, bearing the same name (case and accents ignored), or bearing a close name
— then the line suggests the id to link it by.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from clac.cli._common import (
    LANG_OPTION,
    MAX_SIZE_OPTION,
    complete_path,
    load_registry,
    note_scopes,
    reports_errors,
)
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.charter import Charter, Partner
    from clac.registry import Coalition

__all__ = ["partners"]

_FORMATS = ("text", "csv", "json")

_HEAD = {
    "id": Text("id", "id", pt="id"),
    "name": Text("name in the charter", "nombre en la carta", pt="nome na carta"),
    "later_names": Text("later names", "nombres posteriores", pt="nomes posteriores"),
    "sector": Text("sector", "sector", pt="setor"),
    "kind": Text("kind", "tipo", pt="tipo"),
    "registry": Text("in the registry", "en el registro", pt="no registro"),
}
_FOUNDING = Text("founding", "fundador", pt="fundador")
_EXPECTED = Text("expected", "posible", pt="esperado")
_GENERIC = Text(
    "expected (a kind of organization)",
    "posible (un tipo de organización)",
    pt="esperado (um tipo de organização)",
)
_LINKED = Text("{org} (partner: {id})", "{org} (partner: {id})", pt="{org} (partner: {id})")
_SAME = Text(
    "{org}: same name as the charter's {id}; add partner: {id} to link it",
    "{org}: mismo nombre que {id} de la carta; agregue partner: {id} para enlazarla",
    pt="{org}: mesmo nome que {id} da carta; acrescente partner: {id} para ligá-la",
)
_CLOSE = Text(
    "{org} ({name}) may be the charter's {id}: if it is, add partner: {id}",
    "{org} ({name}) puede ser {id} de la carta: si lo es, agregue partner: {id}",
    pt="{org} ({name}) pode ser {id} da carta: se for, acrescente partner: {id}",
)
_SECTOR_NOTE = Text(
    "The charter lists the founding partners without a sector: theirs is clac's classification.",
    "La carta enumera a los socios fundadores sin sector: el suyo es la clasificación de clac.",
    pt="A carta lista os parceiros fundadores sem setor: o deles é a classificação do clac.",
)


def _kind(partner: Partner) -> Text:
    if partner.founding:
        return _FOUNDING
    return _GENERIC if partner.generic else _EXPECTED


def _in_registry(partner: Partner, coalition: Coalition, charter: Charter) -> list[Text]:
    """What the registry's organizations say of ``partner``: linked, same name or close."""
    from clac.charter import MatchKind, match_partner

    found: list[Text] = []
    for organization in coalition.organizations:
        if organization.partner is not None:
            if charter.partner_id(organization.partner) == partner.id:
                found.append(_LINKED.format(org=organization.id, id=organization.partner))
            continue
        match = match_partner(organization.name, charter.partners, id=organization.id)
        if match is None or match.partner.id != partner.id:
            continue
        template = _SAME if match.kind is MatchKind.SAME else _CLOSE
        found.append(template.format(org=organization.id, name=organization.name, id=partner.id))
    return found


def _rows(charter: Charter, coalition: Coalition | None, lang: Language) -> list[dict[str, Any]]:
    rows = []
    for partner in charter.partners:
        row: dict[str, Any] = {
            "id": partner.id,
            "name": partner.name.in_(lang),
            "later_names": [
                {"id": n.id, "name": n.name, "since": n.since.isoformat()}
                for n in partner.later_names
            ],
            "sector": None if partner.sector is None else partner.sector.value,
            "sector_name": None if partner.sector is None else partner.sector.label.in_(lang),
            "founding": partner.founding,
            "generic": partner.generic,
            "kind": _kind(partner).in_(lang),
        }
        if coalition is not None:
            row["registry"] = [t.in_(lang) for t in _in_registry(partner, coalition, charter)]
        rows.append(row)
    return rows


def _later(row: dict[str, Any]) -> str:
    return "; ".join(f"{n['name']} ({n['id']}, {n['since']})" for n in row["later_names"])


def _csv(rows: list[dict[str, Any]], with_registry: bool) -> str:
    """The rows through clac's one CSV writer (its formula guard: organization names come
    from the registry)."""
    from clac._escape import csv_text

    columns = ["id", "name", "later_names", "sector", "founding", "generic"]
    if with_registry:
        columns.append("registry")
    table: list[list[str]] = [columns]
    for row in rows:
        cells = [
            row["id"],
            row["name"],
            _later(row),
            row["sector"] or "",
            "true" if row["founding"] else "false",
            "true" if row["generic"] else "false",
        ]
        if with_registry:
            cells.append(" | ".join(row["registry"]))
        table.append(cells)
    return csv_text(table)


def _text(rows: list[dict[str, Any]], with_registry: bool, lang: Language) -> str:
    from clac._escape import terminal

    head = ["id", "name", "later_names", "sector", "kind"]
    table = [[_HEAD[h].in_(lang) for h in head]]
    for row in rows:
        table.append(
            [row["id"], row["name"], _later(row) or "—", row["sector_name"] or "—", row["kind"]]
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in table]
    if with_registry:
        lines.append("")
        lines.append(f"{_HEAD['registry'].in_(lang)}:")
        for row in rows:
            for item in row["registry"]:
                lines.append(f"  {row['id']}: {item}")
    lines += ["", _SECTOR_NOTE.in_(lang)]
    return terminal("\n".join(lines)) + "\n"


@click.command("partners")
@click.argument("file", required=False, shell_complete=complete_path)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="text for people, csv for spreadsheets, json for tools.",
)
@LANG_OPTION
@MAX_SIZE_OPTION
@reports_errors
def partners(file: str | None, output_format: str, lang: str) -> None:
    """List the partners the charter names: the id a registry's organization links them by
    (partner: ID), the charter's name, later names, sector, founding or expected.

    With a registry FILE, also which of its organizations is each partner — linked by
    partner:, or bearing the same or a close name (case and accents ignored), with the id to
    add.
    """
    from clac.charter import BASE_DOCUMENT

    language = Language.parse(lang)
    coalition = None if file is None else load_registry(file)
    if coalition is not None:
        note_scopes(coalition, lang)
    charter = BASE_DOCUMENT if coalition is None else coalition.charter
    rows = _rows(charter, coalition, language)
    if output_format == "json":
        click.echo(json.dumps({"partners": rows}, indent=2, ensure_ascii=False))
    elif output_format == "csv":
        click.echo(_csv(rows, coalition is not None), nl=False)
    else:
        click.echo(_text(rows, coalition is not None, language), nl=False)
