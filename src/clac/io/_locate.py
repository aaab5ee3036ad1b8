"""Where a registry file records each subject a rule can assess: a region (first and last line
and column, 1-based, columns in code points) per subject, for outputs that point into the file
(SARIF's physical locations, which code-scanning views draw as annotations).

YAML and JSON are located through PyYAML's node marks (a JSON document is YAML too); TOML,
which Python's ``tomllib`` parses without positions, through its ``[[section]]`` headers and
``key = value`` lines. Locating never refuses a file: what it cannot find it leaves out (the
caller falls back to the file as a whole).

>>> text = "clac: 1\\nname: CLAC\\nmembers:\\n  - organization: unicef\\n    joined: 2021-05-01\\n"
>>> regions = locate(text, "yaml")
>>> regions["member:unicef"]
Region(start_line=4, start_column=5, end_line=4, end_column=25)
>>> regions["coalition:CLAC"]
Region(start_line=2, start_column=1, end_line=2, end_column=11)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final, NamedTuple

from clac.io._format import Format

__all__ = ["Region", "locate"]


class Region(NamedTuple):
    """A span of a text file: 1-based lines and columns, the end column just past the span."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


# A subject kind (as clac.rules names it), the registry section that records it and the keys
# whose values make its id.
_SECTIONS: Final = (
    ("member", "members", ("organization",)),
    ("working-group", "working_groups", ("id",)),
    ("proposal", "proposals", ("id",)),
    ("meeting", "meetings", ("id",)),
    ("report", "reports", ("working_group", "year", "quarter")),
)


def _subject_id(kind: str, values: Mapping[str, str]) -> str:
    if kind == "report":
        return f"{values['working_group']}/{values['year']}-Q{values['quarter']}"
    return next(iter(values.values()))


def locate(text: str, format: Format | str) -> dict[str, Region]:  # noqa: A002 - as clac.io
    """The region of every member, working group, proposal, meeting and quarterly report
    recorded in ``text`` (a registry in ``format``), keyed by subject (``member:unicef``,
    ``report:research-data/2025-Q1``), and of the coalition's ``name`` (``coalition:<name>``).
    The region spans the keys that identify the record. A text that does not parse gives what
    could be found (possibly nothing)."""
    format_ = Format.parse(format) if isinstance(format, str) else format
    try:
        if format_ is Format.TOML:
            return dict(_toml_regions(text))
        return dict(_node_regions(text))
    except Exception:  # noqa: BLE001 - a location is a courtesy; the file was already loaded
        return {}


# -- YAML and JSON ------------------------------------------------------------------------


def _node_regions(text: str) -> Iterator[tuple[str, Region]]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    if not isinstance(root, yaml.MappingNode):
        return
    top = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    if "name" in top and isinstance(top["name"][1], yaml.ScalarNode):
        key, value = top["name"]
        yield f"coalition:{value.value}", _span(key, value)
    for kind, section, keys in _SECTIONS:
        entry = top.get(section)
        if entry is None or not isinstance(entry[1], yaml.SequenceNode):
            continue
        for item in entry[1].value:
            if not isinstance(item, yaml.MappingNode):
                continue
            pairs = {
                k.value: (k, v)
                for k, v in item.value
                if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
            }
            if not all(key in pairs for key in keys):
                continue
            found = [pairs[key] for key in keys]
            values = {key: pairs[key][1].value for key in keys}
            first = min(found, key=lambda p: (p[0].start_mark.line, p[0].start_mark.column))
            last = max(found, key=lambda p: (p[1].end_mark.line, p[1].end_mark.column))
            yield f"{kind}:{_subject_id(kind, values)}", _span(first[0], last[1])


def _span(start: Any, end: Any) -> Region:
    return Region(
        start.start_mark.line + 1,
        start.start_mark.column + 1,
        end.end_mark.line + 1,
        end.end_mark.column + 1,
    )


# -- TOML -----------------------------------------------------------------------------------

_HEADER: Final = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE: Final = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_ARRAY_START: Final = re.compile(r"^([A-Za-z0-9_-]+)\s*=\s*\[")
_PAIR: Final = re.compile(
    r"""(?:^|[{,])\s*([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,}\s#]+)"""
)


def _toml_regions(text: str) -> Iterator[tuple[str, Region]]:
    sections = {section: (kind, keys) for kind, section, keys in _SECTIONS}
    section: str | None = None
    record: dict[str, tuple[str, int, int, int]] = {}  # key: (value, line, start, end)

    def flush() -> Iterator[tuple[str, Region]]:
        if section not in sections:
            return
        kind, keys = sections[section]
        if all(key in record for key in keys):
            found = [record[key] for key in keys]
            values = {key: record[key][0] for key in keys}
            first = min(found, key=lambda r: (r[1], r[2]))
            last = max(found, key=lambda r: (r[1], r[3]))
            region = Region(first[1], first[2], last[1], last[3])
            yield f"{kind}:{_subject_id(kind, values)}", region

    for number, whole in enumerate(text.splitlines(), start=1):
        line = whole
        header = _HEADER.match(line)
        table = None if header else _TABLE.match(line)
        array = None if header or table else _ARRAY_START.match(line)
        if header or table or array:
            yield from flush()
            record = {}
            section = (header or table or array).group(1)  # type: ignore[union-attr]
            if not array:
                continue
            line = line[array.end() :]  # an inline array may start on its own line
            offset = array.end()
        else:
            offset = 0
        if section is None and not line.startswith((" ", "\t")):
            pair = _PAIR.match(line)
            if pair and pair.group(1) == "name":
                value = _toml_string(pair.group(2))
                yield f"coalition:{value}", Region(number, 1, number, pair.end(2) + 1)
            continue
        inline = line.lstrip().startswith("{")
        if inline:
            yield from flush()
            record = {}
        for pair in _PAIR.finditer(line):
            record.setdefault(
                pair.group(1),
                (
                    _toml_string(pair.group(2)),
                    number,
                    offset + pair.start(1) + 1,
                    offset + pair.end(2) + 1,
                ),
            )
        if inline:
            yield from flush()
            record = {}
    yield from flush()


def _toml_string(literal: str) -> str:
    if literal.startswith('"'):
        import json

        try:
            value = json.loads(literal)
        except ValueError:
            return literal[1:-1]
        return str(value)
    if literal.startswith("'"):
        return literal[1:-1]
    return literal
