"""The Base Document's own text, shipped with clac so that clauses can be checked against it."""

from __future__ import annotations

import re
from importlib import resources

__all__ = ["normalize", "source_text"]

_SOURCE = "base_document.txt"
_WHITESPACE = re.compile(r"\s+")


def source_text() -> str:
    """The Base Document, bilingual, exactly as clac received it (UTF-8 plain text)."""
    return resources.files("clac.charter").joinpath(_SOURCE).read_text(encoding="utf-8")


def normalize(text: str) -> str:
    """``text`` as clause texts quote it: markdown ``*`` dropped, whitespace collapsed.

    >>> normalize("- *Prevención y\\n  sensibilización*")
    '- Prevención y sensibilización'
    """
    return _WHITESPACE.sub(" ", text.replace("*", "")).strip()
