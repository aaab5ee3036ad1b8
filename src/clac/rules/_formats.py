"""An :class:`Assessment` for other people's tools: plain data (and its JSON Schema), SARIF 2.1.0
for code-scanning views, JUnit XML for CI test reports and CSV for spreadsheets.

Every format carries every finding with its rule, severity, clause, subject and message, and
escapes for itself: JSON and SARIF through :mod:`json`, JUnit through
:mod:`xml.etree.ElementTree` (characters XML 1.0 cannot hold are replaced), CSV through
:mod:`csv`, with cells that a spreadsheet would run as a formula quoted.
Rendering returns strings; printing or writing is the front end's job.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from clac._escape import csv_text, markdown
from clac._labels import SEVERITIES, WORDS
from clac.charter import Severity
from clac.periods import ApproximateDate
from clac.rules._engine import Fact, Finding, Outcome, SubjectKind
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.io import Region
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

#: The base id that SARIF's artifact URIs are relative to: the repository's root.
SARIF_ROOT_ID: Final = "%SRCROOT%"


def to_sarif(
    assessment: Assessment,
    language: Language | str = Language.EN,
    *,
    artifact: str | None = None,
    regions: Mapping[str, Region] | None = None,
    root_uri: str | None = None,
    everything: bool = False,
) -> dict[str, Any]:
    """A SARIF 2.1.0 log (as JSON-ready data) of one run of clac over a registry: the findings
    that are not met (unmet, insufficient data, rule errors), or every finding if
    ``everything``.

    Every finding is a result: ``kind`` ``fail`` for unmet (``level`` error, warning or note
    after the rule's severity), ``pass``, ``notApplicable``, and ``open`` for insufficient data
    (the tool could not decide). The subject is a logical location (``member:unicef``);
    ``artifact``, the registry file's path relative to the repository root (``uriBaseId``
    ``%SRCROOT%``, whose absolute ``file:`` URI is ``root_uri`` when given), gives every result
    a physical location too, which code-scanning views need: the region of ``regions``
    (:func:`clac.io.locate`) recorded for its subject, else the coalition's name, and a
    notification says how many findings point there for want of a record of their own.
    Without ``artifact`` (the built-in demo) a notification says why no result has a file.

    Every result's ``partialFingerprints.primaryLocationLineHash`` is a hash of its rule and
    subject (and, should a rule judge one subject twice, the occurrence), never of a line: an
    edit elsewhere in the file keeps every alert, and N findings are N alerts. A rule that
    failed to run is a tool execution notification, not a result.
    """
    lang = Language.parse(language)
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    regions = {} if regions is None else regions
    fallback = _fallback_region(assessment, regions)
    unplaced = 0
    for f in assessment.findings:
        if not everything and f.outcome in _QUIET:
            continue
        index = rules.get(f.rule.id)
        if index is None:
            index = rules[f.rule.id] = len(descriptors)
            descriptors.append(_sarif_rule(f, lang))
        subject = str(f.subject)
        message = f"{subject}: {f.message.in_(lang)}"
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
        region = regions.get(subject)
        if region is None and artifact is not None:
            unplaced += 1
        key = f"{f.rule.id}/{subject}"
        seen[key] += 1
        kind = _SARIF_KIND[f.outcome]
        result: dict[str, Any] = {
            "ruleId": f.rule.id,
            "ruleIndex": index,
            "kind": kind,
            "level": _SARIF_LEVEL[f.rule.severity] if kind == "fail" else "none",
            "message": {"text": message},
            "locations": [_sarif_location(f, artifact, region or fallback)],
            "partialFingerprints": {
                "primaryLocationLineHash": _line_hash(key, seen[key]),
                "clacFinding/v1": key if seen[key] == 1 else f"{key}#{seen[key]}",
            },
            "properties": {
                "severity": f.rule.severity.value,
                "clause": f.rule.clause.id,
                "clauseRef": f.rule.clause.ref_in(lang),
                "outcome": f.outcome.value,
                "subject": subject,
                "evidence": _facts(f.evidence),
                "parameters": _facts(f.parameters),
            },
        }
        if f.assumption is not None:
            result["properties"]["assumption"] = f.assumption.in_(lang)
        results.append(result)
    failed = bool(notifications)
    if results and artifact is None:
        notifications.append(_note("clac/no-file", _NO_FILE.in_(lang)))
    elif unplaced:
        notifications.append(_note("clac/no-record", _NO_RECORD.in_(lang).format(count=unplaced)))
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
                "executionSuccessful": not failed,
                "toolExecutionNotifications": notifications,
            }
        ],
        "language": lang.value,
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "coalition": assessment.coalition,
            "asOf": assessment.as_of.isoformat(),
            "charterVersion": assessment.charter_version,
            "ok": assessment.ok,
        },
    }
    if artifact is not None:
        run["artifacts"] = [{"location": _artifact_location(artifact), "roles": ["analysisTarget"]}]
        if root_uri is not None:
            run["originalUriBaseIds"] = {SARIF_ROOT_ID: {"uri": root_uri}}
    return {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


_NO_FILE: Final = Text(
    "No registry file was given: clac assessed its built-in demo coalition, so results name "
    "their subject (a logical location such as member:unicef) but no file or line.",
    "No se indicó un archivo de registro: clac evaluó su coalición de demostración integrada, "
    "así que los resultados nombran su sujeto (una ubicación lógica como member:unicef) pero "
    "ningún archivo ni línea.",
    pt="Nenhum arquivo de registro foi indicado: o clac avaliou sua coalizão de demonstração "
    "embutida, então os resultados nomeiam seu sujeito (uma localização lógica como "
    "member:unicef), mas nenhum arquivo ou linha.",
)
_NO_RECORD: Final = Text(
    "{count} result(s) concern a subject with no record of its own in the file (a year, a "
    "plan, a working group or quarterly report not written down): they point at the "
    "coalition's name, and their logical location names the subject.",
    "{count} resultado(s) tratan de un sujeto sin registro propio en el archivo (un año, un "
    "plan, un grupo de trabajo o informe trimestral no escrito): señalan el nombre de la "
    "coalición, y su ubicación lógica nombra el sujeto.",
    pt="{count} resultado(s) tratam de um sujeito sem registro próprio no arquivo (um ano, um "
    "plano, um grupo de trabalho ou relatório trimestral não escrito): apontam para o nome "
    "da coalizão, e sua localização lógica nomeia o sujeito.",
)


def _note(descriptor: str, text: str) -> dict[str, Any]:
    return {"level": "note", "message": {"text": text}, "descriptor": {"id": descriptor}}


def _sarif_rule(f: Finding, lang: Language) -> dict[str, Any]:
    title = f.rule.title.in_(lang)
    explanation = f.rule.explanation.in_(lang)
    clause = f.rule.clause.ref_in(lang)
    severity = SEVERITIES[f.rule.severity].in_(lang)
    basis = WORDS["clause"].in_(lang)
    return {
        "id": f.rule.id,
        "name": f.rule.id.replace("-", ""),
        "shortDescription": {"text": title},
        "fullDescription": {"text": explanation},
        "help": {
            "text": f"{title}\n\n{explanation}\n\n{basis}: {clause} ({severity})",
            "markdown": f"**{markdown(title)}**\n\n{markdown(explanation)}\n\n"
            f"*{markdown(basis)}:* {markdown(clause)} ({markdown(severity)})",
        },
        "defaultConfiguration": {"level": _SARIF_LEVEL[f.rule.severity]},
        "properties": {
            "severity": f.rule.severity.value,
            "clause": f.rule.clause.id,
            "clauseRef": clause,
            "source": f.rule.source,
            "charterOnly": f.rule.charter_only,
            "tags": [f.rule.family, f.rule.severity.value],
        },
    }


def _line_hash(key: str, occurrence: int) -> str:
    """GitHub's ``primaryLocationLineHash`` for a finding: a hash of what it is about, not of
    the line it points at (``<hex>:<occurrence>``, the form GitHub's own hashes take)."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"{digest}:{occurrence}"


def _fallback_region(
    assessment: Assessment, regions: Mapping[str, Region]
) -> tuple[int, int, int, int]:
    """Where a finding with no record of its own points: the coalition's name, else the
    file's first character (clac.io is not imported for this: rules load without it)."""
    return regions.get(f"coalition:{assessment.coalition}") or (1, 1, 1, 2)


def _version() -> str:
    try:
        return version("clac")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"))


def _artifact_location(artifact: str) -> dict[str, Any]:
    return {"uri": _uri(artifact), "uriBaseId": SARIF_ROOT_ID}


def _sarif_location(
    f: Finding, artifact: str | None, region: tuple[int, int, int, int]
) -> dict[str, Any]:
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
            "artifactLocation": {**_artifact_location(artifact), "index": 0},
            "region": {
                "startLine": region[0],
                "startColumn": region[1],
                "endLine": region[2],
                "endColumn": region[3],
            },
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

    The shape is Jenkins' ``junit-10.xsd`` (``skipped`` is counted on each ``testsuite``, never
    on ``testsuites``, which the schema does not allow), and a skipped case is written as pytest
    writes it, ``<skipped message="…" type="…">…</skipped>`` with text: Codecov's parser reads
    an empty ``<skipped/>`` as a pass.
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
            _junit_case(suite, f, lang)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    root.set("time", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _junit_case(suite: ET.Element, f: Finding, lang: Language) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        name=_xml(str(f.subject)),
        classname=_xml(f"{f.rule.id} {f.rule.title.in_(lang)}"),
        time="0",
    )
    assumption = WORDS["assumption"].in_(lang)
    assumed = "" if f.assumption is None else f"\n{assumption}: {f.assumption.in_(lang)}"
    detail = _xml(
        f"{f.rule.id} [{f.rule.severity.value}] {f.rule.clause.ref_in(lang)}\n"
        f"{f.subject}: {f.message.in_(lang)}{assumed}"
    )
    message = _xml(f.message.in_(lang))
    if f.outcome is Outcome.UNMET:
        tag, kind = "failure", f.rule.severity.value
    elif f.outcome is Outcome.ERROR:
        tag, kind = "error", "rule-error"
    elif f.outcome in (Outcome.NOT_APPLICABLE, Outcome.INSUFFICIENT_DATA):
        tag, kind, message = "skipped", f.outcome.value, f"{f.outcome.value}: {message}"
    else:
        return
    ET.SubElement(case, tag, message=message, type=kind).text = detail


# -- CSV ------------------------------------------------------------------------------------


def to_csv(assessment: Assessment, language: Language | str = Language.EN) -> str:
    """One row per finding under a header row (:data:`CSV_COLUMNS`), quoted as spreadsheets
    expect (RFC 4180, CRLF line ends); evidence and parameters as ``name=value; …``; the
    assumption column says what the finding takes from clac rather than the charter (empty
    when nothing)."""
    lang = Language.parse(language)
    return csv_text([CSV_COLUMNS, *(row_of(f, lang) for f in assessment.findings)])


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
