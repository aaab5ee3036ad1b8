"""The rule engine and the charter's rules.

>>> from clac.rules import CATALOGUE
>>> CATALOGUE.get("MEM-01").severity.value
'required'
"""

from __future__ import annotations

from typing import Any

from clac._deprecation import deprecated
from clac.rules import _formats
from clac.rules._assessment import Assessment
from clac.rules._catalogue import CATALOGUE, ENTRY_POINT_GROUP, Catalogue, rule
from clac.rules._context import COALITION_MEETING_KINDS, Context
from clac.rules._engine import (
    Evidence,
    Fact,
    Finding,
    Outcome,
    Rule,
    Subject,
    SubjectKind,
    Verdict,
    insufficient_data,
    met,
    not_applicable,
    unmet,
)
from clac.rules._evaluate import evaluate
from clac.rules._formats import ASSESSMENT_SCHEMA_ID
from clac.rules._unencoded import UNENCODED

__all__ = [
    "ASSESSMENT_SCHEMA_ID",
    "CATALOGUE",
    "COALITION_MEETING_KINDS",
    "ENTRY_POINT_GROUP",
    "UNENCODED",
    "Assessment",
    "Catalogue",
    "Context",
    "Evidence",
    "Fact",
    "Finding",
    "Outcome",
    "Rule",
    "Subject",
    "SubjectKind",
    "Verdict",
    "evaluate",
    "insufficient_data",
    "met",
    "not_applicable",
    "rule",
    "unmet",
]


def __getattr__(name: str) -> Any:
    """``clac.rules.assessment_schema`` moved to :func:`clac.schema.assessment_schema`, beside
    the registry's :func:`clac.schema.json_schema`; the old name warns."""
    if name == "assessment_schema":
        deprecated("clac.rules.assessment_schema", "clac.schema.assessment_schema")
        return _formats.assessment_schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
