"""A framework as data: its source, its areas and items, and when a country counts as sufficient.

A *framework* is one of the field's agreed yardsticks (ICMEC's model-legislation criteria, the
WeProtect Model National Response …). Each item carries its place in the source (``ref``), a
bilingual label and description, like the charter's clauses do, and the sectors whose national
members can carry it in a country (clac's interpretation, used to find thin spots).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from clac import _validators as v
from clac.charter import Sector
from clac.errors import UnknownReference
from clac.model import Outcome
from clac.text import Text

__all__ = ["Area", "Framework", "FrameworkItem", "Source", "Sufficiency", "Verdict"]


_text = v.instance(Text, "bilingual text (clac.Text)")


def _item_or_ref(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An item id (``signed``) or an item of another framework (``budapest/signed``)."""
    if isinstance(value, str) and "/" in value:
        v.item_ref(_i, attribute, value)
    else:
        v.slug(_i, attribute, value)


def _outcomes(value: Any) -> Any:
    value = v.to_tuple(value)
    if isinstance(value, tuple):
        return tuple(v.to_enum(Outcome)(o) for o in value)
    return value


def _sectors(value: Any) -> Any:
    value = v.to_tuple(value)
    if isinstance(value, tuple):
        return tuple(v.to_enum(Sector)(s) for s in value)
    return value


@attrs.frozen(slots=True)
class Source:
    """The publication a framework comes from."""

    publisher: str = attrs.field(validator=v.text)
    title: str = attrs.field(validator=v.text)
    year: int = attrs.field(validator=v.integer(minimum=1900, maximum=2999))
    edition: str | None = attrs.field(default=None, validator=v.optional(v.text))
    url: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __str__(self) -> str:
        edition = f", {self.edition}" if self.edition else ""
        return f"{self.publisher}, {self.title}{edition} ({self.year})"


@attrs.frozen(slots=True)
class Area:
    """A group of items within a framework (the MNR's six capability areas)."""

    id: str = attrs.field(validator=v.slug)
    name: Text = attrs.field(validator=_text)


@attrs.frozen(slots=True)
class FrameworkItem:
    """One criterion or capability: where the source states it, its label and who can carry it.

    ``sectors`` are the sectors whose *national* members working in a country can carry the
    item there (any one of them is enough); an empty tuple means no member sector carries it.
    ``precursors`` are the items the framework declares lead to this one (``ratified`` before
    ``in-force``): an item of the same framework by id, another's as ``framework/item``. Only
    these, and the items of the same area, count as what preceded a change (see
    :func:`clac.frameworks.trends`).
    """

    id: str = attrs.field(validator=v.slug)
    ref: Text = attrs.field(validator=_text)
    label: Text = attrs.field(validator=_text)
    description: Text = attrs.field(validator=_text)
    area: str | None = attrs.field(default=None, validator=v.optional(v.slug))
    sectors: tuple[Sector, ...] = attrs.field(
        factory=tuple, converter=_sectors, validator=v.each(v.member_of(Sector), unique=True)
    )
    precursors: tuple[str, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.each(_item_or_ref, unique=True)
    )


class Verdict(enum.StrEnum):
    """A country's verdict under a framework's sufficiency rule."""

    SUFFICIENT = "sufficient"
    INSUFFICIENT = "insufficient"
    UNDETERMINED = "undetermined"

    @property
    def label(self) -> Text:
        """The verdict in English, Spanish and Portuguese."""
        return _VERDICT_LABELS[self]


_VERDICT_LABELS = {
    Verdict.SUFFICIENT: Text("sufficient", "suficiente", pt="suficiente"),
    Verdict.INSUFFICIENT: Text("insufficient", "insuficiente", pt="insuficiente"),
    Verdict.UNDETERMINED: Text("undetermined", "sin determinar", pt="indeterminado"),
}


@attrs.frozen(slots=True)
class Sufficiency:
    """When a framework counts a country as sufficient: every ``required`` item met.

    Items outside ``required`` do not affect the verdict (ICMEC counts a country as sufficient
    without the ISP-reporting criterion). A required item not met or only partly met makes the
    verdict *insufficient*; with none failed but one unknown, it is *undetermined*.
    """

    required: tuple[str, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.slug, unique=True)
    )
    rationale: Text = attrs.field(validator=_text)

    def verdict(self, outcomes: Mapping[str, Outcome]) -> Verdict:
        """The verdict for a country whose outcome per item id is ``outcomes``."""
        found = [outcomes.get(item, Outcome.UNKNOWN) for item in self.required]
        if any(o in (Outcome.NOT_MET, Outcome.PARTLY_MET) for o in found):
            return Verdict.INSUFFICIENT
        if any(o is Outcome.UNKNOWN for o in found):
            return Verdict.UNDETERMINED
        return Verdict.SUFFICIENT


@attrs.frozen(slots=True, repr=False)
class Framework:
    """A yardstick countries are assessed against: items, optionally grouped in areas.

    >>> from clac.frameworks import MNR
    >>> MNR.item("hotline").label.in_("es")
    'Línea de denuncia de ESNNA'
    >>> len(MNR.items), len(MNR.areas)
    (21, 6)
    """

    id: str = attrs.field(validator=v.slug)
    name: Text = attrs.field(validator=_text)
    short_name: Text = attrs.field(validator=_text)
    source: Source = attrs.field(validator=v.instance(Source, "a source"))
    items: tuple[FrameworkItem, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.instance(FrameworkItem, "a framework item"))
    )
    areas: tuple[Area, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.each(v.instance(Area, "an area"))
    )
    sufficiency: Sufficiency | None = attrs.field(
        default=None, validator=v.optional(v.instance(Sufficiency, "a sufficiency rule"))
    )
    note: Text | None = attrs.field(default=None, validator=v.optional(_text))
    outcomes: tuple[Outcome, ...] = attrs.field(
        default=tuple(Outcome),
        converter=_outcomes,
        validator=v.each(v.member_of(Outcome), unique=True),
    )
    further_sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=v.to_tuple, validator=v.each(v.instance(Source, "a source"))
    )

    def __attrs_post_init__(self) -> None:
        if not self.items:
            v.missing("items", "a framework has at least one item")
        ids = [item.id for item in self.items]
        for index, item_id in enumerate(ids):
            if item_id in ids[:index]:
                v.fail(f"items[{index}].id", item_id, "is already an item of this framework")
        areas = {area.id for area in self.areas}
        for index, item in enumerate(self.items):
            if item.area is not None and item.area not in areas:
                v.fail(f"items[{index}].area", item.area, "is not an area of this framework")
        for index, item in enumerate(self.items):
            for j, ref in enumerate(item.precursors):
                if "/" not in ref and ref not in ids:
                    v.fail(
                        f"items[{index}].precursors[{j}]", ref, "is not an item of this framework"
                    )
        if Outcome.UNKNOWN not in self.outcomes:
            v.fail("outcomes", [o.value for o in self.outcomes], "must include 'unknown'")
        if self.sufficiency is not None:
            for index, item_id in enumerate(self.sufficiency.required):
                if item_id not in ids:
                    v.fail(
                        f"sufficiency.required[{index}]",
                        item_id,
                        "is not an item of this framework",
                    )

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source: :attr:`source` first."""
        return (self.source, *self.further_sources)

    def related(self, a: str, b: str) -> bool:
        """Whether a change on item ``a`` can have preceded one on item ``b`` of this
        framework: the same item, one of ``b``'s declared :attr:`~FrameworkItem.precursors`
        (``a`` given as an id, or as ``framework/item`` for another framework's), or the same
        area."""
        if a in (b, f"{self.id}/{b}"):
            return True
        item = self.item(b)
        local = a.removeprefix(f"{self.id}/")
        if a in item.precursors or local in item.precursors:
            return True
        if "/" in local or local not in self.item_ids:
            return False
        return item.area is not None and self.item(local).area == item.area

    def item(self, id: str) -> FrameworkItem:  # noqa: A002 - the framework's own word
        """The item ``id``, or :class:`~clac.errors.UnknownReference` naming the known ones."""
        for item in self.items:
            if item.id == id:
                return item
        known = ", ".join(i.id for i in self.items)
        raise UnknownReference(
            f"is not an item of the framework {self.id!r} (known: {known})",
            path="item",
            value=id,
        )

    def area(self, id: str) -> Area:  # noqa: A002
        """The area ``id``, or :class:`~clac.errors.UnknownReference`."""
        for area in self.areas:
            if area.id == id:
                return area
        raise UnknownReference(
            f"is not an area of the framework {self.id!r}", path="area", value=id
        )

    def items_in(self, area: str) -> tuple[FrameworkItem, ...]:
        """The items of one area, in the framework's order."""
        self.area(area)
        return tuple(item for item in self.items if item.area == area)

    @property
    def item_ids(self) -> tuple[str, ...]:
        """Every item id, in order."""
        return tuple(item.id for item in self.items)

    def __repr__(self) -> str:
        return f"<Framework {self.id!r}: {len(self.items)} items, {self.source}>"
