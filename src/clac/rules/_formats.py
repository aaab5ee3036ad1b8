"""An :class:`Assessment` for other people's tools: plain data (and its JSON Schema), SARIF 2.1.0
for code-scanning views, JUnit XML for CI test reports and CSV for spreadsheets.

Every format carries every finding with its rule, severity, clause, subject and message, and
escapes for itself: JSON and SARIF through :mod:`json`, JUnit through
:mod:`xml.etree.ElementTree` (characters XML 1.0 cannot hold are replaced), CSV through
:mod:`csv`, with cells that a spreadsheet would run as a formula quoted.
Rendering returns strings; printing or writing is the front end's job.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from clac._labels import WORDS
from clac.charter import Severity
from clac.periods import ApproximateDate
from clac.rules._engine import Fact, Finding, Outcome, SubjectKind
from clac.text import Language

if TYPE_CHECKING:
    from clac.rules._assessment import Assessment

__all__ = [
    "ASSESSMENT_SCHEMA_ID",
    "CSV_COLUMNS",
    "assessment_schema",
    "to_csv",
    "to_dict",
    "to_junit",
    "to_sarif",
]

#: The ``$id`` of :func:`assessment_schema` (a name, not a web address).
ASSESSMENT_SCHEMA_ID: Final = "urn:clac:schema:assessment:1"

#: The columns of :func:`to_csv`, in order.
CSV_COLUMNS: Final = (
    "rule",
    "severity",
    "clause",
    "clause_ref",
    "subject_kind",
    "subject",
    "outcome",
    "message",
    "evidence",
    "assumption",
)

_SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI: Final = "https://pypi.org/project/clac/"


def _json_value(value: Any) -> Any:
    if isinstance(value, date | ApproximateDate):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def _facts(facts: tuple[Fact, ...]) -> dict[str, Any]:
    return {x.name: _json_value(x.value) for x in facts}


def _finding(f: Finding, lang: Language) -> dict[str, Any]:
    return {
        "rule": f.rule.id,
        "source": f.rule.source,
        "severity": f.rule.severity.value,
        "clause": f.rule.clause.id,
        "clause_ref": f.rule.clause.ref_in(lang),
        "title": f.rule.title.in_(lang),
        "subject": {"kind": f.subject.kind.value, "id": f.subject.id},
        "outcome": f.outcome.value,
        "message": f.message.in_(lang),
        "evidence": _facts(f.evidence),
        "parameters": _facts(f.parameters),
        "assumption": None if f.assumption is None else f.assumption.in_(lang),
    }


def to_dict(assessment: Assessment, language: Language | str = Language.EN) -> dict[str, Any]:
    """The assessment as plain JSON-ready data (str, int, bool, None, lists and dicts only),
    messages in ``language``; :func:`assessment_schema` describes it."""
    lang = Language.parse(language)
    return {
        "as_of": assessment.as_of.isoformat(),
        "coalition": assessment.coalition,
        "charter_version": assessment.charter_version,
        "language": lang.value,
        "ok": assessment.ok,
        "ok_at": {s.value: assessment.ok_at(s) for s in Severity},
        "counts": {o.value: n for o, n in assessment.counts.items()},
        "findings": [_finding(f, lang) for f in assessment.findings],
    }


_FACT_VALUE: Final = {"type": ["string", "number", "boolean", "null"]}
_FACTS: Final = {
    "type": "object",
    "additionalProperties": {
        "anyOf": [_FACT_VALUE, {"type": "array", "items": _FACT_VALUE}],
    },
}


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`to_dict`'s output and of ``clac check
    --format json``.

    >>> schema = assessment_schema()
    >>> schema["properties"]["findings"]["items"]["$ref"]
    '#/$defs/Finding'
    >>> sorted(schema["$defs"]["Finding"]["properties"]["outcome"]["enum"])
    ['error', 'insufficient-data', 'met', 'not-applicable', 'unmet']
    """
    severities = [s.value for s in Severity]
    finding = {
        "type": "object",
        "description": "A rule's verdict on one subject, with the evidence that led to it.",
        "additionalProperties": False,
        "required": [
            "rule",
            "source",
            "severity",
            "clause",
            "clause_ref",
            "title",
            "subject",
            "outcome",
            "message",
            "evidence",
            "parameters",
            "assumption",
        ],
        "properties": {
            "rule": {"type": "string", "description": "The rule id, such as MEM-05."},
            "source": {
                "type": "string",
                "description": '"clac" for built-in rules, else the plugin distribution.',
            },
            "severity": {"enum": severities},
            "clause": {"type": "string", "description": "The charter clause id."},
            "clause_ref": {"type": "string", "description": "The clause cited in words."},
            "title": {"type": "string"},
            "subject": {
                "type": "object",
                "additionalProperties": False,
                "required": ["kind", "id"],
                "properties": {
                    "kind": {"enum": [k.value for k in SubjectKind]},
                    "id": {"type": "string"},
                },
            },
            "outcome": {"enum": [o.value for o in Outcome]},
            "message": {"type": "string"},
            "evidence": _FACTS,
            "parameters": _FACTS,
            "assumption": {
                "type": ["string", "null"],
                "description": "What the finding takes from clac rather than from the charter "
                "(a deadline, window or reading the charter does not state); null when it rests "
                "on the charter's word alone.",
            },
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": ASSESSMENT_SCHEMA_ID,
        "title": "clac assessment",
        "description": "Every finding of an evaluation of a coalition on one day.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "as_of",
            "coalition",
            "charter_version",
            "language",
            "ok",
            "ok_at",
            "counts",
            "findings",
        ],
        "properties": {
            "as_of": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "coalition": {"type": "string"},
            "charter_version": {"type": "integer", "minimum": 1},
            "language": {"enum": [lang.value for lang in Language]},
            "ok": {"type": "boolean", "description": "No required rule is unmet."},
            "ok_at": {
                "type": "object",
                "description": "For each severity: no rule of it or a stronger one is unmet.",
                "additionalProperties": False,
                "required": severities,
                "properties": {s: {"type": "boolean"} for s in severities},
            },
            "counts": {
                "type": "object",
                "additionalProperties": False,
                "required": [o.value for o in Outcome],
                "properties": {o.value: {"type": "integer", "minimum": 0} for o in Outcome},
            },
            "findings": {"type": "array", "items": {"$ref": "#/$defs/Finding"}},
        },
        "$defs": {"Finding": finding},
    }


# -- SARIF 2.1.0 ----------------------------------------------------------------------------

_SARIF_LEVEL: Final = {
    Severity.REQUIRED: "error",
    Severity.EXPECTED: "warning",
    Severity.ENCOURAGED: "note",
}
_SARIF_KIND: Final = {
    Outcome.MET: "pass",
    Outcome.UNMET: "fail",
    Outcome.NOT_APPLICABLE: "notApplicable",
    Outcome.INSUFFICIENT_DATA: "open",  # SARIF: "the tool could not determine"
}


_QUIET: Final = (Outcome.MET, Outcome.NOT_APPLICABLE)


def to_sarif(
    assessment: Assessment,
    language: Language | str = Language.EN,
    *,
    artifact: str | None = None,
    everything: bool = False,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log (as JSON-ready data) of one run of clac over a registry: the findings
    that are not met (unmet, insufficient data, rule errors), or every finding if
    ``everything``.

    Every finding is a result: ``kind`` ``fail`` for unmet (``level`` error, warning or note
    after the rule's severity), ``pass``, ``notApplicable``, and ``open`` for insufficient data
    (the tool could not decide). The subject is a logical location (``member:unicef``);
    ``artifact``, the registry file's path relative to the repository root, gives every result
    a physical location too, which code-scanning views need. A rule that failed to run is a
    tool execution notification, not a result.
    """
    lang = Language.parse(language)
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for f in assessment.findings:
        if not everything and f.outcome in _QUIET:
            continue
        index = rules.get(f.rule.id)
        if index is None:
            index = rules[f.rule.id] = len(descriptors)
            descriptors.append(
                {
                    "id": f.rule.id,
                    "name": f.rule.id.replace("-", ""),
                    "shortDescription": {"text": f.rule.title.in_(lang)},
                    "fullDescription": {"text": f.rule.explanation.in_(lang)},
                    "defaultConfiguration": {"level": _SARIF_LEVEL[f.rule.severity]},
                    "properties": {
                        "severity": f.rule.severity.value,
                        "clause": f.rule.clause.id,
                        "clauseRef": f.rule.clause.ref_in(lang),
                        "source": f.rule.source,
                        "charterOnly": f.rule.charter_only,
                        "tags": [f.rule.family, f.rule.severity.value],
                    },
                }
            )
        message = f"{f.subject}: {f.message.in_(lang)}"
        if f.outcome is Outcome.ERROR:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": message},
                    "descriptor": {"id": f.rule.id},
                    "associatedRule": {"id": f.rule.id, "index": index},
                }
            )
            continue
        kind = _SARIF_KIND[f.outcome]
        result: dict[str, Any] = {
            "ruleId": f.rule.id,
            "ruleIndex": index,
            "kind": kind,
            "level": _SARIF_LEVEL[f.rule.severity] if kind == "fail" else "none",
            "message": {"text": message},
            "locations": [_sarif_location(f, artifact)],
            "partialFingerprints": {"clacFinding/v1": f"{f.rule.id}/{f.subject}"},
            "properties": {
                "severity": f.rule.severity.value,
                "clause": f.rule.clause.id,
                "clauseRef": f.rule.clause.ref_in(lang),
                "outcome": f.outcome.value,
                "subject": str(f.subject),
                "evidence": _facts(f.evidence),
                "parameters": _facts(f.parameters),
            },
        }
        if f.assumption is not None:
            result["properties"]["assumption"] = f.assumption.in_(lang)
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "clac",
                "version": _version(),
                "informationUri": _INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "language": lang.value,
        "results": results,
        "properties": {
            "coalition": assessment.coalition,
            "asOf": assessment.as_of.isoformat(),
            "charterVersion": assessment.charter_version,
            "ok": assessment.ok,
        },
    }
    if artifact is not None:
        run["artifacts"] = [{"location": {"uri": _uri(artifact)}}]
    return {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _version() -> str:
    try:
        return version("clac")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"))


def _sarif_location(f: Finding, artifact: str | None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "logicalLocations": [
            {
                "name": f.subject.id,
                "fullyQualifiedName": str(f.subject),
                "kind": f.subject.kind.value,
            }
        ]
    }
    if artifact is not None:
        location["physicalLocation"] = {
            "artifactLocation": {"uri": _uri(artifact), "index": 0},
            "region": {"startLine": 1},
        }
    return location


# -- JUnit XML --------------------------------------------------------------------------------

# XML 1.0 cannot hold these code points at all, escaped or not.
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def to_junit(assessment: Assessment, language: Language | str = Language.EN) -> str:
    """JUnit XML as CI servers read it: a test suite per rule family, a test case per finding
    (named after the subject, its class the rule): unmet is a ``failure``, a rule that failed
    to run an ``error``, not applicable and insufficient data are ``skipped`` with the reason.
    """
    lang = Language.parse(language)
    by_family: dict[str, list[Finding]] = {}
    for f in assessment.findings:
        by_family.setdefault(f.rule.family, []).append(f)
    root = ET.Element("testsuites", name=_xml(f"clac {assessment.coalition}"))
    totals: Counter[str] = Counter()
    for family, findings in by_family.items():
        counts = Counter(f.outcome for f in findings)
        attributes = {
            "tests": len(findings),
            "failures": counts[Outcome.UNMET],
            "errors": counts[Outcome.ERROR],
            "skipped": counts[Outcome.NOT_APPLICABLE] + counts[Outcome.INSUFFICIENT_DATA],
        }
        totals.update(attributes)
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": family,
                **{k: str(v) for k, v in attributes.items()},
                "timestamp": f"{assessment.as_of.isoformat()}T00:00:00",
                "time": "0",
            },
        )
        properties = ET.SubElement(suite, "properties")
        for name, value in (
            ("coalition", assessment.coalition),
            ("as_of", assessment.as_of.isoformat()),
            ("charter_version", str(assessment.charter_version)),
        ):
            ET.SubElement(properties, "property", name=name, value=_xml(value))
        for f in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=_xml(str(f.subject)),
                classname=_xml(f"{f.rule.id} {f.rule.title.in_(lang)}"),
                time="0",
            )
            assumed = (
                ""
                if f.assumption is None
                else f"\n{WORDS['assumption'].in_(lang)}: {f.assumption.in_(lang)}"
            )
            detail = _xml(
                f"{f.rule.id} [{f.rule.severity.value}] {f.rule.clause.ref_in(lang)}\n"
                f"{f.subject}: {f.message.in_(lang)}{assumed}"
            )
            message = _xml(f.message.in_(lang))
            if f.outcome is Outcome.UNMET:
                failure = ET.SubElement(
                    case, "failure", message=message, type=f.rule.severity.value
                )
                failure.text = detail
            elif f.outcome is Outcome.ERROR:
                error = ET.SubElement(case, "error", message=message, type="rule-error")
                error.text = detail
            elif f.outcome in (Outcome.NOT_APPLICABLE, Outcome.INSUFFICIENT_DATA):
                ET.SubElement(case, "skipped", message=_xml(f"{f.outcome.value}: {message}"))
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    root.set("time", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


# -- CSV ------------------------------------------------------------------------------------

# A cell starting with one of these is run as a formula by spreadsheets; a leading apostrophe
# makes it text (the usual defence against CSV injection).
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def to_csv(assessment: Assessment, language: Language | str = Language.EN) -> str:
    """One row per finding under a header row (:data:`CSV_COLUMNS`), quoted as spreadsheets
    expect (RFC 4180, CRLF line ends); evidence and parameters as ``name=value; …``; the
    assumption column says what the finding takes from clac rather than the charter (empty
    when nothing)."""
    lang = Language.parse(language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in assessment.findings:
        writer.writerow(_cell(value) for value in row_of(f, lang))
    return buffer.getvalue()


def row_of(f: Finding, language: Language | str = Language.EN) -> tuple[str, ...]:
    """One finding as the values of :data:`CSV_COLUMNS`, in order (not yet guarded against
    spreadsheet formulas): the row of ``to_csv`` and of ``Assessment.to_rows``."""
    lang = Language.parse(language)
    return (
        f.rule.id,
        f.rule.severity.value,
        f.rule.clause.id,
        f.rule.clause.ref_in(lang),
        f.subject.kind.value,
        f.subject.id,
        f.outcome.value,
        f.message.in_(lang),
        "; ".join(str(x) for x in f.evidence + f.parameters),
        "" if f.assumption is None else f.assumption.in_(lang),
    )
