"""Bilingual text: the value object every charter sentence and user-facing message uses.

The CLAC Base Document is written in English and Spanish, so both are required; Portuguese is
optional (Brazil is a large part of the region) and falls back to English when absent.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Any

import attrs

from clac.errors import InvalidData

__all__ = ["Language", "Text", "normalise_name", "plural"]


class Language(enum.StrEnum):
    """A language clac speaks, by its ISO 639-1 code."""

    EN = "en"
    ES = "es"
    PT = "pt"

    @classmethod
    def parse(cls, value: Language | str) -> Language:
        """Return the language for ``value`` ("en", "ES", Language.PT …), or raise InvalidData."""
        if isinstance(value, Language):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            choices = ", ".join(repr(lang.value) for lang in cls)
            raise InvalidData(
                f"is not a supported language (choose {choices})", path="language", value=value
            ) from None


def _non_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidData("must be a non-empty string", path=attribute.name, value=value)


# What clac.schema says of these fields (clac._validators.with_schema's attribute; this module
# sits below clac._validators, so it sets the attribute itself).
vars(_non_blank)["json_schema"] = {"type": "string", "pattern": r"\S"}


def _optional_non_blank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _non_blank(instance, attribute, value)


vars(_optional_non_blank)["json_schema"] = vars(_non_blank)["json_schema"]


@attrs.frozen(slots=True)
class Text:
    """The same sentence in English and Spanish, and optionally Portuguese.

    ``str(text)`` is the English; ``text.in_(Language.ES)`` picks a language, falling back to
    English where a Portuguese rendering is missing.

    >>> t = Text("Chair", "Presidencia")
    >>> t.in_("es")
    'Presidencia'
    >>> t.in_("pt")
    'Chair'
    """

    en: str = attrs.field(validator=_non_blank)
    es: str = attrs.field(validator=_non_blank)
    pt: str | None = attrs.field(default=None, validator=_optional_non_blank, kw_only=True)

    def in_(self, language: Language | str) -> str:
        """This text in ``language``; Portuguese falls back to English when not translated."""
        # The exact codes first (a Language is a str): renderers call this per line.
        if language == "es":
            return self.es
        if language == "en":
            return self.en
        if language == "pt":
            return self.en if self.pt is None else self.pt
        lang = Language.parse(language)
        if lang is Language.ES:
            return self.es
        if lang is Language.PT and self.pt is not None:
            return self.pt
        return self.en

    def format(self, **values: object) -> Text:
        """Fill ``{placeholders}`` in every language with the same ``values``."""
        return Text(
            self.en.format(**values),
            self.es.format(**values),
            pt=None if self.pt is None else self.pt.format(**values),
        )

    def __add__(self, other: Text) -> Text:
        """Join two texts language by language, with a space."""
        if not isinstance(other, Text):
            return NotImplemented
        pt = None
        if self.pt is not None or other.pt is not None:
            pt = f"{self.in_(Language.PT)} {other.in_(Language.PT)}"
        return Text(f"{self.en} {other.en}", f"{self.es} {other.es}", pt=pt)

    def __str__(self) -> str:
        return self.en


# A member descriptor's ``__set__`` fills a slot without the frozen class's ``__setattr__``.
_SET_EN = Text.__dict__["en"].__set__
_SET_ES = Text.__dict__["es"].__set__
_SET_PT = Text.__dict__["pt"].__set__
_new = object.__new__


def _trusted(en: str, es: str, *, pt: str | None = None) -> Text:
    """A :class:`Text` built without validation, for clac's own message templates only.

    A rule's message is a template with words of its own in every language, so never blank:
    checking that once per finding (hundreds of thousands in a large registry) is pure cost.
    The result is an ordinary ``Text`` (same attributes, equality, hash and ``str``). Never for
    text that comes from a user or a plugin: ``Text(...)`` validates that."""
    text: Text = _new(Text)
    _SET_EN(text, en)
    _SET_ES(text, es)
    _SET_PT(text, pt)
    return text


def _is_one(count: int, language: Language) -> bool:
    """Whether ``count`` takes the singular in ``language`` (CLDR's rules for cardinals: 1 in
    English and Spanish, 0 and 1 in Portuguese)."""
    if language is Language.PT:
        return count in {0, 1}
    return count == 1


def plural(count: int, one: Text, other: Text, **values: object) -> Text:
    """``one`` or ``other`` in each language, as that language's plural rule picks for
    ``count``, with ``{count}`` and ``values`` filled in (named placeholders, so a translation
    may reorder them).

    >>> reports = plural(1, Text("{count} report", "{count} informe"),
    ...                  Text("{count} reports", "{count} informes"))
    >>> reports.en, reports.es
    ('1 report', '1 informe')
    >>> plural(0, Text("{count} report", "{count} informe", pt="{count} relatório"),
    ...        Text("{count} reports", "{count} informes", pt="{count} relatórios")).in_("pt")
    '0 relatório'
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise InvalidData("must be a whole number", path="count", value=count)

    def pick(language: Language) -> str:
        chosen = one if _is_one(count, language) else other
        return chosen.in_(language).format(count=count, **values)

    pt = None if one.pt is None and other.pt is None else pick(Language.PT)
    return Text(pick(Language.EN), pick(Language.ES), pt=pt)


def normalise_name(name: str) -> str:
    """``name`` compared as people read it: case, accents and punctuation ignored.

    >>> normalise_name("  RCPI-Perú ") == normalise_name("rcpi peru")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())
