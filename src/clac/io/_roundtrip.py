"""The minimal change to a registry file's text: what :func:`clac.edit` writes.

:func:`edited_text` takes the file's text, the data it held (``old``: the registry as clac
unstructures it) and the data it must hold (``new``), and returns the text with only the
difference applied:

1. the text is read by a round-trip reader that keeps comments, key order, quoting, flow or
   block style and blank lines: ``ruamel.yaml`` (YAML), ``tomlkit`` (TOML), the standard
   :mod:`json` with its key order (JSON, which has no comments);
2. the difference between ``old`` and ``new`` is applied to that document where it is: a
   changed value is set, a key added or removed, list items inserted, removed or changed in
   place (:func:`patch`) — an event appended to one proposal's history appends to that list
   only;
3. the document is written before and after the change, and only the lines that changed
   (``difflib``) replace the matching lines of the original text (:func:`splice`): where the
   writer would lay an untouched value out differently (PyYAML folds long lines at 80
   characters, a JSON file may use its own spacing), the original lines stay as they were.

Loading never comes here: ``clac check`` and :func:`clac.load` keep to the C safe loader, and
the round-trip libraries are imported only when an edit is written.
"""

from __future__ import annotations

import difflib
import io
import itertools
import json
import re
from collections.abc import Callable, Mapping, MutableMapping, MutableSequence, Sequence
from datetime import date
from typing import Any

from clac.io._format import Format

__all__ = ["edited_text", "patch", "same", "splice"]

Make = Callable[[Any, Any], Any]


# ------------------------------------------------------------------------------ the change


def same(a: Any, b: Any) -> bool:
    """Whether two unstructured values are the same data: equal, and of the same types all the
    way down (``1``, ``1.0`` and ``True`` are three values; a date is not its ISO string)."""
    if type(a) is not type(b):
        return isinstance(a, Mapping) and isinstance(b, Mapping) and _same_mapping(a, b)
    if isinstance(a, Mapping):
        return _same_mapping(a, b)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _same_mapping(a: Mapping[Any, Any], b: Mapping[Any, Any]) -> bool:
    return list(a) == list(b) and all(same(a[k], b[k]) for k in a)


def patch(target: Any, old: Any, new: Any, make: Make) -> Any:
    """Change ``target`` (a round-trip document holding ``old``) so that it holds ``new``,
    touching only what differs; return the value to put in ``target``'s place (``target``
    itself when it was changed in place). ``make(value, replaced)`` builds a new node for
    ``value`` in the document's own types (``replaced`` is the node it replaces, or None)."""
    if isinstance(old, Mapping) and isinstance(new, Mapping) and isinstance(target, Mapping):
        _patch_mapping(target, old, new, make)
        return target
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and isinstance(target, MutableSequence)
        and len(target) == len(old)
    ):
        _patch_sequence(target, old, new, make)
        return target
    return make(new, target)


def _patch_mapping(target: Any, old: Mapping[str, Any], new: Mapping[str, Any], make: Make) -> None:
    for key in old:
        if key not in new and key in target:
            del target[key]
    keys = list(new)
    for position, key in enumerate(keys):
        value = new[key]
        if key in target and key in old:
            if not same(old[key], value):
                _set(target, key, patch(target[key], old[key], value, make))
        elif key in target:  # the file holds what the old data left out (a default)
            if not same(target[key], value):
                _set(target, key, make(value, target[key]))
        elif key in old and same(old[key], value):
            continue  # the file leaves out what the old data holds (a default), unchanged
        else:
            _insert(target, _position(target, keys, position), key, make(value, None))


def _set(target: MutableMapping[str, Any], key: str, value: Any) -> None:
    if target[key] is not value:
        target[key] = value


def _position(target: Any, keys: list[str], position: int) -> int:
    """Where a new key goes in ``target``: after the nearest key before it in the new order."""
    existing = list(target)
    for earlier in reversed(keys[:position]):
        if earlier in existing:
            return existing.index(earlier) + 1
    return 0 if any(k in existing for k in keys[position + 1 :]) else len(existing)


def _insert(target: Any, position: int, key: str, value: Any) -> None:
    if position < len(target) and hasattr(target, "insert"):
        target.insert(position, key, value)  # ruamel's CommentedMap
    else:
        target[key] = value


def _patch_sequence(
    target: MutableSequence[Any], old: list[Any], new: list[Any], make: Make
) -> None:
    matcher = difflib.SequenceMatcher(None, _keys(old), _keys(new), autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for offset in range(paired):
            index = i1 + offset
            replaced = patch(target[index], old[index], new[j1 + offset], make)
            if replaced is not target[index]:
                target[index] = replaced
        for index in range(i2 - 1, i1 + paired - 1, -1):
            del target[index]
        for offset, value in enumerate(new[j1 + paired : j2]):
            target.insert(i1 + paired + offset, make(value, None))


def _keys(values: Sequence[Any]) -> list[str]:
    return [json.dumps(value, sort_keys=True, default=repr) for value in values]


# ----------------------------------------------------------------------------- the text


def splice(original: str, before: str, after: str) -> str:
    """``original`` with the lines that changed from ``before`` to ``after`` replaced.

    ``before`` is the writer's rendering of ``original`` (the same data, possibly laid out
    differently in places); lines of ``original`` that ``before`` renders differently are kept
    unless a change touches them.
    """
    if before == original:
        return after
    ours, theirs, result = _lines(before), _lines(original), _lines(after)
    left, right = _anchors(ours, theirs)
    starts, ends = _anchors(ours, result)
    pieces: list[str] = []
    done = 0
    for first, last in _changed_stretches(ours, result, left, right):
        start, end = _at(left, first), _at(right, last)
        pieces.extend(theirs[done:start])
        pieces.extend(result[_at(ends, first) : _at(starts, last)])
        done = max(start, end) if first < last else start
    pieces.extend(theirs[done:])
    return "".join(pieces)


def _changed_stretches(
    ours: list[str], result: list[str], left: list[int | None], right: list[int | None]
) -> list[tuple[int, int]]:
    """The stretches of ``ours`` that change in ``result``, each widened until both its ends
    are lines ``ours`` and the original agree on, and joined where they then overlap."""
    stretches: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, ours, result, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        first, last = i1, i2
        while left[first] is None:
            first -= 1
        while right[last] is None:
            last += 1
        if stretches and first <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], last))
        else:
            stretches.append((first, last))
    return stretches


def _at(positions: list[int | None], index: int) -> int:
    position = positions[index]
    if position is None:  # pragma: no cover - _changed_stretches widens to known positions
        raise RuntimeError(f"line {index} of the edited text has no counterpart")
    return position


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _anchors(ours: list[str], theirs: list[str]) -> tuple[list[int | None], list[int | None]]:
    """For each position between lines of ``ours``, the position in ``theirs`` a change
    starting there (``left``) or ending there (``right``) maps to; None inside a stretch the
    two lay out differently."""
    size = len(ours) + 1
    left: list[int | None] = [None] * size
    right: list[int | None] = [None] * size
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            marks = [(i1 + k, j1 + k) for k in range(i2 - i1 + 1)]
        else:
            marks = [(i1, j1), (i2, j2)]
        for mine, yours in marks:
            current_left, current_right = left[mine], right[mine]
            left[mine] = yours if current_left is None else max(current_left, yours)
            right[mine] = yours if current_right is None else min(current_right, yours)
    return left, right


# -------------------------------------------------------------------------- the formats


def edited_text(format_: Format, original: str, old: Any, new: Any) -> str:
    """``original`` (a registry file in ``format_`` holding ``old``) changed to hold ``new``,
    with everything the change does not touch kept as written."""
    edit = {Format.YAML: _yaml, Format.TOML: _toml, Format.JSON: _json}[format_]
    text = original.removeprefix("\ufeff")
    bom = original[: len(original) - len(text)]
    crlf = "\r\n" in text and text.count("\n") == text.count("\r\n")
    if crlf:  # edited with "\n", written back with the file's own line ends
        text = text.replace("\r\n", "\n")
    edited = edit(text, old, new)
    return bom + (edited.replace("\n", "\r\n") if crlf else edited)


# YAML ----------------------------------------------------------------------------------

_KEY_LINE = re.compile(r"^( *)(- +)?[^\s#\-\[{][^#]*:[ \t]*(#.*)?$")


def _yaml_indentation(text: str) -> tuple[int, int, int]:
    """The indentation a YAML text uses: (mapping, sequence, dash offset), as ruamel.yaml's
    ``indent()`` takes them; PyYAML's own (2, 2, 0) when the text does not show one."""
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    mapping = sequence = offset = None
    for line, following in itertools.pairwise(lines):
        key = _KEY_LINE.match(line)
        if key is None:
            continue
        base = len(key.group(1)) + len(key.group(2) or "")
        indent = len(following) - len(following.lstrip(" "))
        content = following.lstrip(" ")
        if content.startswith("- ") and offset is None and indent >= base:
            offset = indent - base
            rest = content[1:]
            sequence = offset + 1 + len(rest) - len(rest.lstrip(" "))
        elif not content.startswith("- ") and mapping is None and indent > base:
            mapping = indent - base
        if mapping is not None and offset is not None:
            break
    mapping = mapping or 2
    return mapping, max(sequence or mapping, 2), offset or 0


def _yaml(text: str, old: Any, new: Any) -> str:
    sections = _top_level_sections(text)
    if sections is None or not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return _yaml_document(text, old, new)
    changed = [key for key in new if key in old and not same(old[key], new[key])]
    unchanged_elsewhere = all(key in new or key not in sections for key in old)
    added = [key for key in new if key not in old]
    if added or not unchanged_elsewhere or any(key not in sections for key in changed):
        return _yaml_document(text, old, new)
    # Only the top-level sections that change go through the (slow) round trip.
    lines = _lines(text)
    for key in sorted(changed, key=lambda k: sections[k][0], reverse=True):
        start, end = sections[key]
        part = "".join(lines[start:end])
        try:
            edited = _yaml_document(part, {key: old[key]}, {key: new[key]})
        except Exception:  # noqa: BLE001 - e.g. an alias to an anchor in another section
            return _yaml_document(text, old, new)
        lines[start:end] = [edited]
    return "".join(lines)


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)")


def _top_level_sections(text: str) -> dict[str, tuple[int, int]] | None:
    """The lines each top-level key of a block-mapping YAML text spans (from its key to the
    next key), or None when the text is laid out otherwise (a flow mapping, several
    documents, directives, anchors): then the whole document is edited."""
    if "&" in text or "*" in text or "\t" in text:
        return None
    starts: list[tuple[str, int]] = []
    for number, line in enumerate(_lines(text)):
        if not line.strip() or line[0] in " #" or line.startswith(("- ", "-\n")):
            continue  # a blank line, a comment, or inside the value (PyYAML's "- " at column 0)
        key = _TOP_KEY.match(line)
        if key is None:
            return None
        starts.append((key.group(1), number))
    names = [name for name, _ in starts]
    if len(set(names)) != len(names):
        return None
    ends = [number for _, number in starts[1:]] + [len(_lines(text))]
    return {name: (number, end) for (name, number), end in zip(starts, ends, strict=True)}


def _yaml_document(original: str, old: Any, new: Any) -> str:
    from ruamel.yaml import YAML

    mapping, sequence, offset = _yaml_indentation(original)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a line: lines the writer would fold are kept as written
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    document = yaml.load(original)
    before = _yaml_dump(yaml, document)
    patch(document, old, new, _yaml_node)
    after = _yaml_dump(yaml, document)
    return splice(original, before, after)


def _yaml_dump(yaml: Any, document: Any) -> str:
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def _yaml_node(value: Any, replaced: Any) -> Any:
    """``value`` as a ruamel.yaml round-trip node, laid out as the node it replaces (flow or
    block); a string that PyYAML would read as something else (``no``, ``1:20``) quoted."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if isinstance(value, Mapping):
        node: Any = CommentedMap((k, _yaml_node(v, None)) for k, v in value.items())
    elif isinstance(value, list):
        node = CommentedSeq(_yaml_node(v, None) for v in value)
    elif isinstance(value, str):
        if isinstance(replaced, ScalarString) and "\n" not in value:
            return type(replaced)(value)  # quoted as the value it replaces was
        return DoubleQuotedScalarString(value) if _needs_quotes(value) else value
    elif isinstance(value, date):
        # A day shared by several new nodes (one CSV row's assessments) would be written once
        # with an anchor and then as aliases (&id001, *id001): each node gets its own copy.
        return value.replace()
    else:
        return value
    flow = getattr(getattr(replaced, "fa", None), "flow_style", lambda: None)()
    if flow and not any(isinstance(v, Mapping | list) for v in _values(value)):
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()
    return node


def _values(value: Any) -> list[Any]:
    return list(value.values()) if isinstance(value, Mapping) else list(value)


def _needs_quotes(value: str) -> bool:
    """Whether PyYAML (YAML 1.1, what clac reads with) would read ``value`` unquoted as
    anything but this string, or ruamel.yaml (YAML 1.2) might write it plain and differently:
    then it is written double-quoted, which both read the same."""
    import yaml

    if not value or value != value.strip() or "\n" in value:
        return True
    resolver: Any = yaml.resolver.Resolver()  # PyYAML's, untyped
    tag = resolver.resolve(yaml.ScalarNode, value, (True, False))
    return bool(tag != "tag:yaml.org,2002:str")


# TOML ----------------------------------------------------------------------------------


def _toml(original: str, old: Any, new: Any) -> str:
    import tomlkit

    document = tomlkit.parse(original)
    before = tomlkit.dumps(document)
    patch(document, old, new, _toml_node)
    return splice(original, before, tomlkit.dumps(document))


def _toml_node(value: Any, replaced: Any) -> Any:
    import tomlkit

    return tomlkit.item(value)


# JSON ----------------------------------------------------------------------------------


def _json(text: str, old: Any, new: Any) -> str:
    document = json.loads(text)
    indent = _json_indentation(text)
    ascii_only = text.isascii() and "\\u" in text

    def dump(data: Any) -> str:
        return json.dumps(data, indent=indent, ensure_ascii=ascii_only) + "\n"

    before = dump(document)
    document = patch(document, old, new, lambda value, _replaced: value)
    return splice(text, before, dump(document))


def _json_indentation(text: str) -> int | str | None:
    """The indentation of a JSON text's first indented line (None: all on one line)."""
    match = re.search(r"\n([ \t]+)\S", text)
    if match is None:
        return None
    indent = match.group(1)
    return len(indent) if set(indent) == {" "} else indent
