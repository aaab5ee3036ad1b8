"""Country assessments as a spreadsheet: the CSV a secretariat keeps, read and written back.

One row per assessment, under the header :data:`EVIDENCE_COLUMNS`::

    framework,country,item,status,date,source,confidence,note,illustrative
    budapest,CL,ratified,met,2017-04-21,https://…,medium,,
    budapest,CL,,accession,2017-04-21,https://…,medium,,

``status`` is an outcome (``met``, ``partly-met``, ``not-met``, ``unknown``) of the ``item``, or,
for a treaty clac knows the entry-into-force rule of, an act (``signature``, ``ratification``,
``accession``, ``acceptance``, ``approval``, ``succession``, ``party``, ``entry-into-force``,
``denunciation``, ``withdrawal``, ``not-party``, ``no-action``) with ``item`` left empty: the
act becomes the assessments it implies (a state that acceded has ``ratified`` met and ``signed``
met as "signature not required"; entry into force derived from the treaty's rule and marked so
in the note). ``date`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``confidence`` one of
``high``, ``medium-high``, ``medium``, ``low`` or empty; ``illustrative`` ``yes`` for made-up
rows (the demo's), empty otherwise.

:func:`read_evidence_csv` refuses a text with any unreadable row, naming ``FILE:LINE`` and the
column of every problem; :func:`evidence_csv` writes assessments back in the same shape (cells a
spreadsheet would run as a formula start with an apostrophe, which reading removes again).

>>> rows = read_evidence_csv(
...     "framework,country,item,status,date,source,confidence\\n"
...     "budapest,CL,,accession,2017-04-21,Chile's Foreign Ministry,medium-high\\n"
... )
>>> [(a.item, str(a.date)) for a in rows]
[('ratified', '2017-04-21'), ('signed', '2017-04-21'), ('in-force', '2017-08-01')]
>>> rows[2].note
'accession; derived from ETS 185 art. 36(4), 37(2)'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, Final

from clac._escape import FORMULA_START, csv_text
from clac.errors import ClacError, InvalidData, Problem
from clac.frameworks._catalogue import FRAMEWORKS
from clac.frameworks._treaty import ENTRY_INTO_FORCE_RULES, Act, TreatyFact, facts_evidence
from clac.model import Confidence, CountryAssessment, Outcome
from clac.periods import ApproximateDate

__all__ = ["EVIDENCE_COLUMNS", "evidence_csv", "read_evidence_csv", "read_evidence_csv_lines"]

#: The columns of the evidence CSV, in order.
EVIDENCE_COLUMNS: Final = (
    "framework",
    "country",
    "item",
    "status",
    "date",
    "source",
    "confidence",
    "note",
    "illustrative",
)
_REQUIRED: Final = ("framework", "country", "status", "date", "source")
_TRUE: Final = frozenset({"yes", "true", "1", "y"})
_FALSE: Final = frozenset({"", "no", "false", "0", "n"})


def _uncell(value: str) -> str:
    text = value.strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def evidence_csv(assessments: Iterable[CountryAssessment]) -> str:
    """The assessments as CSV rows under :data:`EVIDENCE_COLUMNS`, through clac's one CSV writer
    (:func:`clac._escape.csv_text`: RFC 4180, CRLF line ends, the formula guard)."""
    return csv_text(
        [
            EVIDENCE_COLUMNS,
            *(
                (
                    a.framework,
                    a.country,
                    a.item,
                    a.outcome.value,
                    str(a.date),
                    a.source,
                    "" if a.confidence is None else a.confidence.value,
                    a.note or "",
                    "yes" if a.illustrative else "",
                )
                for a in assessments
            ),
        ]
    )


def read_evidence_csv(text: str, *, name: str = "<csv>") -> tuple[CountryAssessment, ...]:
    """The assessments a CSV text gives, in row order, or :class:`~clac.errors.InvalidData`
    naming ``name:LINE`` and the column of every row it cannot read (nothing is half-read)."""
    return tuple(a for _, a in read_evidence_csv_lines(text, name=name))


def read_evidence_csv_lines(
    text: str, *, name: str = "<csv>"
) -> tuple[tuple[int, CountryAssessment], ...]:
    """As :func:`read_evidence_csv`, each assessment with the line of its row."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or ()]
    missing = [c for c in _REQUIRED if c not in header]
    unknown = [c for c in header if c not in EVIDENCE_COLUMNS]
    if missing or unknown:
        why = []
        if missing:
            why.append(f"lacks the column(s) {', '.join(missing)}")
        if unknown:
            why.append(f"has unknown column(s) {', '.join(unknown)}")
        raise InvalidData(
            f"{'; '.join(why)} (columns: {', '.join(EVIDENCE_COLUMNS)})",
            path=f"{name}:1",
            value=",".join(header),
        )
    reader.fieldnames = header
    problems: list[Problem] = []
    found: list[tuple[int, CountryAssessment]] = []
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(
                Problem("has more cells than the header", path=f"{name}:{line}", value=row[None])
            )
            continue
        cells = {k: _uncell(v or "") for k, v in row.items()}
        if not any(cells.values()):
            continue
        try:
            found.extend((line, a) for a in _row(cells))
        except ClacError as error:
            problems.extend(p.under(f"{name}:{line}") for p in error.problems)
    if problems:
        raise InvalidData(problems=problems)
    return tuple(found)


def _flag(value: str) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise InvalidData("must be yes or empty", path="illustrative", value=value)


def _row(cells: dict[str, str]) -> list[CountryAssessment]:
    for column in _REQUIRED:
        if not cells.get(column):
            raise InvalidData("must not be empty", path=column, value=cells.get(column, ""))
    framework = cells["framework"]
    if framework not in FRAMEWORKS:
        raise InvalidData(
            f"is not a known framework ({', '.join(sorted(FRAMEWORKS))})",
            path="framework",
            value=framework,
        )
    fw = FRAMEWORKS.get_framework(framework)
    item = cells.get("item", "")
    status = cells["status"]
    date = ApproximateDate.parse(cells["date"])
    confidence = cells.get("confidence") or None
    common: dict[str, Any] = {
        "country": cells["country"],
        "framework": framework,
        "source": cells["source"],
        "illustrative": _flag(cells.get("illustrative", "")),
        "confidence": None if confidence is None else _confidence(confidence),
    }
    note = cells.get("note") or None
    if item:
        if item not in fw.item_ids:
            raise InvalidData(
                f"is not an item of {framework} ({', '.join(fw.item_ids)})",
                path="item",
                value=item,
            )
        return [
            CountryAssessment(
                item=item, outcome=_outcome(status), date=_exact(date), note=note, **common
            )
        ]
    if framework not in ENTRY_INTO_FORCE_RULES:
        raise InvalidData(
            f"must name an item of {framework} ({', '.join(fw.item_ids)}): "
            "acts are read for treaties only",
            path="item",
            value=item,
        )
    act = _act(status)
    fact = TreatyFact(country=cells["country"], act=act, date=date, source="csv")
    rows = []
    for e in facts_evidence(framework, [fact]):
        detail = e.note if e.note.startswith(act.value) else f"{act.value}; {e.note}"
        rows.append(
            CountryAssessment(
                item=e.item,
                outcome=e.outcome,
                date=_exact(e.date),
                note="; ".join(x for x in (detail, note) if x),
                **common,
            )
        )
    return rows


def _exact(value: Any) -> Any:
    if isinstance(value, ApproximateDate) and value.exact is not None:
        return value.exact
    return value


def _confidence(value: str) -> Confidence:
    try:
        return Confidence(value.lower())
    except ValueError:
        raise InvalidData(
            f"is not a confidence ({', '.join(c.value for c in Confidence)})",
            path="confidence",
            value=value,
        ) from None


def _outcome(value: str) -> Outcome:
    try:
        return Outcome(value.lower())
    except ValueError:
        raise InvalidData(
            f"is not an outcome ({', '.join(o.value for o in Outcome)}); "
            "an act needs the item column empty",
            path="status",
            value=value,
        ) from None


def _act(value: str) -> Act:
    acts = [a for a in Act if a not in {Act.INVITED, Act.DECLARATION}]
    try:
        act = Act(value.lower())
    except ValueError:
        act = None
    if act is None or act not in acts:
        raise InvalidData(
            f"is not an act ({', '.join(a.value for a in acts)}) or, with an item, an outcome",
            path="status",
            value=value,
        )
    return act
