"""A clause of the Base Document, and where its English and Spanish say different things.

Clauses are numbered within their section, from 1, in document order, so that a rule can cite
``membership.5`` and the citation stays stable:

- a paragraph is one item, or one item per sentence (or per part of a sentence) where later rules
  need to cite the parts separately (the proposals paragraph of Structure and Governance);
- a bullet or numbered list entry is one item, and so is each sub-bullet, in reading order
  (Membership items 6-8 are the sub-bullets of item 5);
- a lead-in sentence that ends in ``:`` is part of the paragraph item before its list;
- Proposed Structure lists only names: its items are the bullets alone (1-4 the founding
  partners, 5-30 the expected partners), the sector headings being :attr:`Sector.label`.

The numbering of every section is written out in :mod:`clac.charter._clauses`.
"""

from __future__ import annotations

from typing import Any

import attrs

from clac import _validators as v
from clac.charter._vocabulary import Section
from clac.errors import InvalidData
from clac.text import Language, Text

__all__ = ["Clause", "Divergence"]

_ITEM_WORD = Text("item", "ítem", pt="item")


def _document_language(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in (Language.EN, Language.ES):
        raise InvalidData(
            "must be 'en' or 'es', the languages of the Base Document",
            path=attribute.name,
            value=value,
        )


@attrs.frozen
class Divergence:
    """Where a clause's English and Spanish differ in substance, and which one clac follows.

    The Base Document has no statement of which language prevails, so every such choice is
    clac's own and is written down here with its reason.
    """

    summary: Text = attrs.field(validator=v.instance_of(Text))
    follows: Language = attrs.field(validator=_document_language)
    why: Text = attrs.field(validator=v.instance_of(Text))


@attrs.frozen
class Clause:
    """One paragraph, sentence or bullet of the Base Document, verbatim in English and Spanish.

    ``text`` is exactly as the document has it, except that whitespace is collapsed and the
    markdown ``*`` around the Spanish is dropped.
    """

    section: Section = attrs.field(validator=v.instance_of(Section))
    item: int = attrs.field(validator=v.integer(minimum=1))
    text: Text = attrs.field(validator=v.instance_of(Text))
    divergence: Divergence | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Divergence))
    )

    @property
    def id(self) -> str:
        """A stable identifier such as ``membership.4``."""
        return f"{self.section.value}.{self.item}"

    @property
    def ref(self) -> str:
        """A citation in English, such as ``Membership, item 4``."""
        return self.ref_in(Language.EN)

    def ref_in(self, language: Language | str) -> str:
        """A citation in ``language``, such as ``Miembros (Afiliación), ítem 4``."""
        return f"{self.section.title.in_(language)}, {_ITEM_WORD.in_(language)} {self.item}"

    def __str__(self) -> str:
        return f"{self.ref}: {self.text.en}"
