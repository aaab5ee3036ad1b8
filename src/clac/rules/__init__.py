"""The rule engine and the charter's rules.

>>> from clac.rules import CATALOGUE
>>> CATALOGUE.get("MEM-01").severity.value
'required'
"""

from __future__ import annotations

from clac.rules._assessment import Assessment
from clac.rules._catalogue import CATALOGUE, ENTRY_POINT_GROUP, Catalogue, rule
from clac.rules._context import COALITION_MEETING_KINDS, Context
from clac.rules._engine import (
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
from clac.rules._formats import ASSESSMENT_SCHEMA_ID, assessment_schema
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
    "Fact",
    "Finding",
    "Outcome",
    "Rule",
    "Subject",
    "SubjectKind",
    "Verdict",
    "assessment_schema",
    "evaluate",
    "insufficient_data",
    "met",
    "not_applicable",
    "rule",
    "unmet",
]
