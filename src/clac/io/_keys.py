"""Keys a registry file writes a model field under, where they differ from the field's name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clac.model import Organization

__all__ = ["FILE_KEYS", "file_key"]

#: Fields of the model a file writes under another key, as one value or a list: an
#: organization's ``sectors`` are its ``sector`` (``sector: hotline``, ``sector: [hotline, ngo]``).
FILE_KEYS: Mapping[type[Any], Mapping[str, str]] = {
    Organization: {"sectors": "sector"},
}


def file_key(cls: type[Any], name: str) -> str:
    """The key a file writes the field ``name`` of ``cls`` under."""
    return FILE_KEYS.get(cls, {}).get(name, name)
