"""Frameworks defined in data files (YAML, TOML or JSON), used without writing Python.

A framework file names the framework, its sources and its items; clac ships the treaties the
field measures countries by this way (``clac/frameworks/data``): the Council of Europe's
Budapest Convention on Cybercrime (``budapest``) and Lanzarote Convention (``lanzarote``), and
the UN Optional Protocol on the sale of children, child prostitution and child pornography
(``opsc``). These files define items only; what a country has signed, ratified or brought into
force is evidence a registry records (``assessments``), never a fact shipped with clac.

.. code-block:: yaml

    id: budapest
    name: {en: Convention on Cybercrime, es: Convenio sobre la Ciberdelincuencia}
    sources:
      - {publisher: Council of Europe, title: Convention on Cybercrime (ETS No. 185), year: 2001}
    outcomes: [met, not-met, unknown]
    items:
      - {id: signed, label: {en: Signed, es: Firmado}}
      - {id: ratified, label: {en: Ratified, es: Ratificado}, precursors: [signed]}

:func:`framework_schema` is the file's JSON Schema; :func:`load_framework` reads one file into a
:class:`~clac.frameworks.Framework` (register it with ``FRAMEWORKS.register`` or pass
``--framework-file`` to ``clac gaps``).
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from typing import Any

import attrs

from clac import _validators as v
from clac.charter import Sector
from clac.frameworks._framework import Area, Framework, FrameworkItem, Source, Sufficiency
from clac.io import Format, load_data, loads_data
from clac.model import Outcome
from clac.schema import json_schema_of
from clac.text import Text

__all__ = [
    "FRAMEWORK_SCHEMA_ID",
    "FrameworkFile",
    "ItemFile",
    "builtin_data_frameworks",
    "framework_schema",
    "load_framework",
    "loads_framework",
]

#: The ``$id`` of the framework file's JSON Schema.
FRAMEWORK_SCHEMA_ID = "urn:clac:schema:framework-file:1"

_text = v.instance(Text, "bilingual text ({en: …, es: …})")


def _tuple(validator: v.Validator, *, unique: bool = False) -> Any:
    return attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.each(validator, unique=unique)
    )


@attrs.frozen(slots=True)
class ItemFile:
    """One item of a framework file: its id and label; a description, its place in the source
    (``ref``), its area, the sectors that carry it and its declared precursors if any."""

    id: str = attrs.field(validator=v.slug)
    label: Text = attrs.field(validator=_text)
    description: Text | None = attrs.field(default=None, validator=v.optional(_text))
    ref: Text | None = attrs.field(default=None, validator=v.optional(_text))
    area: str | None = attrs.field(default=None, validator=v.optional(v.slug))
    sectors: tuple[Sector, ...] = _tuple(v.member_of(Sector), unique=True)
    precursors: tuple[str, ...] = _tuple(v.text, unique=True)

    def to_item(self) -> FrameworkItem:
        """The framework item this entry defines."""
        return FrameworkItem(
            id=self.id,
            ref=self.ref or self.label,
            label=self.label,
            description=self.description or self.label,
            area=self.area,
            sectors=self.sectors,
            precursors=self.precursors,
        )


@attrs.frozen(slots=True)
class FrameworkFile:
    """A framework defined in a data file: id, bilingual name, sources, items and the outcomes
    an item may take (default all four)."""

    id: str = attrs.field(validator=v.slug)
    name: Text = attrs.field(validator=_text)
    sources: tuple[Source, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.instance(Source, "a source"))
    )
    items: tuple[ItemFile, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.instance(ItemFile, "an item"))
    )
    short_name: Text | None = attrs.field(default=None, validator=v.optional(_text))
    outcomes: tuple[Outcome, ...] = _tuple(v.member_of(Outcome), unique=True)
    areas: tuple[Area, ...] = _tuple(v.instance(Area, "an area"))
    sufficiency: Sufficiency | None = attrs.field(
        default=None, validator=v.optional(v.instance(Sufficiency, "a sufficiency rule"))
    )
    note: Text | None = attrs.field(default=None, validator=v.optional(_text))

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            v.missing("sources", "a framework names at least one source")
        if not self.items:
            v.missing("items", "a framework has at least one item")

    def to_framework(self) -> Framework:
        """The :class:`~clac.frameworks.Framework` the file defines (checked as any is)."""
        return Framework(
            id=self.id,
            name=self.name,
            short_name=self.short_name or self.name,
            source=self.sources[0],
            further_sources=self.sources[1:],
            items=tuple(item.to_item() for item in self.items),
            areas=self.areas,
            sufficiency=self.sufficiency,
            note=self.note,
            outcomes=self.outcomes or tuple(Outcome),
        )


def load_framework(path: str | os.PathLike[str], format: Format | str | None = None) -> Framework:  # noqa: A002
    """The framework defined in the file at ``path`` (YAML, TOML or JSON by its suffix).

    Raises a :class:`~clac.errors.ClacError` naming the path of every problem.
    """
    return load_data(path, FrameworkFile, format).to_framework()


def loads_framework(text: str, format: Format | str) -> Framework:  # noqa: A002
    """The framework defined in ``text``, a framework file in ``format``."""
    return loads_data(text, format, FrameworkFile).to_framework()


def framework_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a framework file.

    >>> schema = framework_schema()
    >>> schema["required"]
    ['id', 'name', 'sources', 'items']
    """
    return json_schema_of(
        FrameworkFile, schema_id=FRAMEWORK_SCHEMA_ID, title="clac framework file (format 1)"
    )


#: The framework files clac ships, in the order the catalogue lists them.
DATA_FILES = ("budapest.yaml", "lanzarote.yaml", "opsc.yaml")


@functools.cache
def builtin_data_frameworks() -> tuple[Framework, ...]:
    """The frameworks clac ships as data files (the treaties)."""
    folder = resources.files("clac.frameworks") / "data"
    return tuple(
        loads_framework((folder / name).read_text(encoding="utf-8"), Format.YAML)
        for name in DATA_FILES
    )
