"""Which fields of the model a registry file holds, and the keys it writes them under where
those differ from the fields' names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from clac.charter import WorkingGroupDefinition
from clac.model import Organization

__all__ = ["FILE_KEYS", "OMITTED_FIELDS", "file_fields", "file_key"]

#: Fields of the model a file writes under another key, as one value or a list: an
#: organization's ``sectors`` are its ``sector`` (``sector: hotline``, ``sector: [hotline, ngo]``).
FILE_KEYS: Mapping[type[Any], Mapping[str, str]] = {
    Organization: {"sectors": "sector"},
}


def file_key(cls: type[Any], name: str) -> str:
    """The key a file writes the field ``name`` of ``cls`` under."""
    return FILE_KEYS.get(cls, {}).get(name, name)


#: Fields of the model that are not part of the file: a working group an amendment adds has no
#: clause of the Base Document to cite.
OMITTED_FIELDS: Mapping[type[Any], frozenset[str]] = {
    WorkingGroupDefinition: frozenset({"clause"}),
}


def file_fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of ``cls`` that a registry file holds, in order."""
    omitted = OMITTED_FIELDS.get(cls, frozenset())
    return tuple(f for f in attrs.fields(cls) if f.name not in omitted)
