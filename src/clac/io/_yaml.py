"""YAML registry files: ``yaml.safe_load`` to read, PyYAML's safe dumper to write.

Writing uses ``yaml.SafeDumper`` (what ``yaml.safe_dump`` uses) with one fix: PyYAML writes a
string holding U+0085 (NEXT LINE) in a style its own reader folds into a space or a line
break, so such strings are written double-quoted, where the character is escaped (``\\N``).
``yaml.safe_dump`` cannot take a dumper class, hence ``yaml.dump(..., Dumper=_SafeDumper)``;
reading never uses anything but ``yaml.safe_load``.

Where PyYAML has libyaml, the same representer feeds libyaml's emitter (``yaml.CSafeDumper``,
about twenty times faster). It writes what the pure-Python emitter writes, with two
exceptions, both caught here: it escapes characters beyond U+FFFF (an emoji becomes
``"\\U0001F600"``), and it cannot write a lone surrogate. A document where either happens
(its text then holds ``\\U``, or encoding fails) is written again by the pure-Python
emitter, so the file reads the same and non-ASCII text stays as it is. (The two emitters also
fold a long double-quoted line at different points: the lines differ, the value does not.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import cattrs.preconf.pyyaml
import yaml

from clac.errors import FileFormatError, Problem
from clac.io._converter import make_converter
from clac.io._problems import Segment, format_path

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["CONVERTER", "parse", "serialize"]

#: YAML has dates of its own: they are read and written natively.
CONVERTER = make_converter(cattrs.preconf.pyyaml.make_converter, native_dates=True)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


_C_LOADER_MAX_DEPTH = 200


def _nesting_bound(text: str) -> int:
    """An upper bound of the document's nesting: open brackets at any point plus indentation."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    indent = max((len(line) - len(line.lstrip(" -")) for line in text.splitlines()), default=0)
    return deepest + indent


def parse(text: str) -> Any:
    """The data of a YAML document; FileFormatError, with line and column, if it is not one."""
    try:
        # The C-accelerated safe loader (the same safe subset, ~8x faster) recurses in C and
        # crashes the interpreter on very deep nesting; such text goes to the pure-Python one,
        # which raises RecursionError instead (reported as a FileFormatError by the caller).
        loader = _SAFE_LOADER if _nesting_bound(text) <= _C_LOADER_MAX_DEPTH else yaml.SafeLoader
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader, never the full one
    except yaml.MarkedYAMLError as error:
        raise FileFormatError(_syntax_reason(error)) from None
    except yaml.YAMLError as error:
        raise FileFormatError(f"has a YAML syntax error: {error}") from None
    except RecursionError:
        raise FileFormatError("is nested too deeply to read") from None
    except (ValueError, OverflowError) as error:
        # PyYAML builds a date from an unquoted 2024-02-30 and fails without saying where:
        # find every such value, with its path, in the document's node tree.
        problems = list(_impossible_timestamps(text)) or [
            Problem(f"cannot be read as YAML: {error}")
        ]
        raise FileFormatError(problems=problems) from None


def serialize(data: Any) -> str:
    """``data`` as a YAML document, keys in the order given, non-ASCII text as it is."""
    if _CSafeDumper is not None:
        try:
            text = yaml.dump(data, Dumper=_CSafeDumper, sort_keys=False, allow_unicode=True)
        except UnicodeEncodeError:  # a lone surrogate, which libyaml cannot encode
            pass
        else:
            if "\\U" not in text:  # no character beyond U+FFFF escaped (see above)
                return text
    return yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True)


class _SafeDumper(yaml.SafeDumper):
    """``yaml.SafeDumper``, writing strings that hold U+0085 double-quoted (see above)."""


def _represent_str(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.ScalarNode:
    style = '"' if "\x85" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_SafeDumper.add_representer(str, _represent_str)


_CSafeDumper: type[Any] | None = None
if yaml.__with_libyaml__:

    class _CDumper(yaml.CSafeDumper):
        """``yaml.CSafeDumper``, libyaml's emitter, with the same representer (see above)."""

    _CDumper.add_representer(str, _represent_str)
    _CSafeDumper = _CDumper


def _syntax_reason(error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    where = "" if mark is None else f" at line {mark.line + 1}, column {mark.column + 1}"
    what = "; ".join(str(part) for part in (error.problem, error.context) if part)
    return f"has a YAML syntax error{where}: {what or error}"


def _impossible_timestamps(text: str) -> Iterator[Problem]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):  # pragma: no cover - safe_load composed it already
        return
    constructor = yaml.constructor.SafeConstructor()
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Segment, ...]]] = [] if root is None else [(root, ())]
    while stack:
        node, at = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(
                (value, (*at, str(key.value) if isinstance(key, yaml.ScalarNode) else "?"))
                for key, value in reversed(node.value)
            )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                (item, (*at, index)) for index, item in reversed(list(enumerate(node.value)))
            )
        elif isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP:
            try:
                constructor.construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                mark = node.start_mark
                yield Problem(
                    f"is not a real date (line {mark.line + 1}, column {mark.column + 1})",
                    path=format_path(at),
                    value=node.value,
                )
