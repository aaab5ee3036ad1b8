"""YAML registry files: ``yaml.safe_load`` to read, PyYAML's safe dumper to write.

Writing uses ``yaml.SafeDumper`` (what ``yaml.safe_dump`` uses) with one fix: PyYAML writes a
string holding U+0085 (NEXT LINE) in a style its own reader folds into a space or a line
break, so such strings are written double-quoted, where the character is escaped (``\\N``).
``yaml.safe_dump`` cannot take a dumper class, hence ``yaml.dump(..., Dumper=_SafeDumper)``;
reading uses PyYAML's safe loader only (libyaml's where available, the pure-Python one for
very deep nesting), guarded: aliases may not expand a document past a bound nor contain
themselves, a key given twice is refused and so is a whole number too long to read (see
:class:`_Guarded`).

Where PyYAML has libyaml, the same representer feeds libyaml's emitter (``yaml.CSafeDumper``,
about twenty times faster). It writes what the pure-Python emitter writes, with two
exceptions, both caught here: it escapes characters beyond U+FFFF (an emoji becomes
``"\\U0001F600"``), and it cannot write a lone surrogate. A document where either happens
(its text then holds ``\\U``, or encoding fails) is written again by the pure-Python
emitter, so the file reads the same and non-ASCII text stays as it is. (The two emitters also
fold a long double-quoted line at different points: the lines differ, the value does not.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

import cattrs.preconf.pyyaml
import yaml

from clac.errors import FileFormatError, Problem
from clac.io._converter import make_converter
from clac.io._guards import DIGIT_LIMIT, HugeNumber, refuse_marked
from clac.io._messages import syntax_error, too_deep
from clac.io._problems import Segment, format_path
from clac.text import Text

__all__ = ["CONVERTER", "parse", "serialize"]

#: YAML has dates of its own: they are read and written natively.
CONVERTER = make_converter(cattrs.preconf.pyyaml.make_converter, native_dates=True)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


_C_LOADER_MAX_DEPTH = 200


def _libyaml_bounds_depth() -> bool:
    """Whether libyaml refuses deep nesting itself (0.2.5 and later stop at 1,000 levels), so
    that its loader is safe on any text; with an older one, deep text goes to the pure one."""
    if not yaml.__with_libyaml__:
        return False
    from yaml import _yaml

    version: tuple[int, int, int] = _yaml.get_version()
    return version >= (0, 2, 5)


_C_LOADER_BOUNDS_DEPTH = _libyaml_bounds_depth()


_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_INDENTATION = re.compile(r"^[ -]*", re.MULTILINE)
# Past this many brackets the exact count costs more than it saves: the pure-Python loader.
_BRACKETS_COUNTED = 2_000_000


def _nesting_bound(text: str) -> int:
    """An upper bound of the document's nesting: open brackets at any point plus indentation.

    Computed at C speed where it can be: a text of millions of brackets counts as deep.
    """
    opened = text.count("[") + text.count("{")
    indent = max(map(len, _INDENTATION.findall(text)), default=0)
    if opened + indent <= _C_LOADER_MAX_DEPTH:
        return opened + indent
    if opened > _BRACKETS_COUNTED:
        return opened
    depth = deepest = 0
    for char in _NOT_BRACKETS.sub("", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest + indent


def parse(text: str) -> Any:
    """The data of a YAML document; FileFormatError, with line and column, if it is not one."""
    try:
        # The C-accelerated safe loader (the same safe subset, ~8x faster) recurses in C and
        # crashes the interpreter on very deep nesting; such text goes to the pure-Python one,
        # which raises RecursionError instead (reported as a FileFormatError by the caller).
        deep = not _C_LOADER_BOUNDS_DEPTH and _nesting_bound(text) > _C_LOADER_MAX_DEPTH
        loader = (_PureLoader if deep or _CLoader is None else _CLoader)(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except FileFormatError:
        raise
    except yaml.MarkedYAMLError as error:
        if error.problem == "exceeded maximum nesting depth":  # libyaml's own bound
            raise FileFormatError(too_deep()) from None
        raise FileFormatError(_syntax_reason(error)) from None
    except yaml.YAMLError as error:  # a reader error: a character YAML cannot hold
        detail = " ".join(str(error).replace('in "<unicode string>",', "at").split())
        raise FileFormatError(syntax_error("YAML", None, None, detail)) from None
    except RecursionError:
        raise FileFormatError(too_deep()) from None
    except Exception as error:  # noqa: BLE001 - a value PyYAML's constructors cannot build
        # PyYAML builds a date from an unquoted 2024-02-30, a boolean from !!bool "maybe" …
        # and fails without saying where (a ValueError, a KeyError, an AttributeError …):
        # find every such value, with its path and line, in the document's node tree.
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        problems = list(_unreadable_scalars(text)) or [Problem(f"cannot be read as YAML: {detail}")]
        raise FileFormatError(problems=problems) from None
    if loader.marked:
        refuse_marked(data, loader.repeated)
    return data


# ------------------------------------------------------------------------- the safe loader

_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"
_MAP = "tag:yaml.org,2002:map"

#: How many values YAML aliases (``*name``) may add to a document by repeating what their
#: anchor (``&name``) holds, beyond the values the document writes out: as many again, or
#: this many if more. Past it the document is refused (a "billion laughs" alias bomb names a
#: few hundred values that expand to billions).
ALIAS_EXPANSION_LIMIT: Final = 100_000


class _Guarded:
    """What clac's YAML loaders add to PyYAML's safe loader (a mixin over it).

    - aliases may not expand the document past :data:`ALIAS_EXPANSION_LIMIT` nor contain
      themselves, checked on the node graph before anything is built;
    - a key given twice in a mapping is noted (:attr:`repeated`, by the mapping's id);
    - a whole number too long to read becomes a :class:`~clac.io._guards.HugeNumber`.

    The marks are reported with their paths by :func:`~clac.io._guards.refuse_marked`.
    """

    marked: bool
    repeated: dict[int, list[Any]]
    _merges: bool
    _aliases: bool

    def prepare(self, text: str) -> None:
        self.marked = False
        self.repeated = {}
        self._merges = "<<" in text
        self._aliases = "*" in text and "&" in text

    def get_single_data(self) -> Any:
        node = self.get_single_node()  # type: ignore[attr-defined]
        if node is None:
            return None
        if self._aliases:
            _check_aliases(node)
        return self.construct_document(node)  # type: ignore[attr-defined]

    def guarded_map(self, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
        data: dict[Any, Any] = {}
        yield data
        # Merging (<<) rewrites node.value: keep the pairs as written.
        pairs = list(node.value) if self._merges else node.value
        data.update(self.construct_mapping(node))  # type: ignore[attr-defined]
        if len(data) != len(pairs) or self._merges:
            repeated = self._repeated(pairs)
            if repeated:
                self.marked = True
                self.repeated[id(data)] = repeated

    def _repeated(self, pairs: list[tuple[yaml.Node, yaml.Node]]) -> list[Any]:
        seen: set[Any] = set()
        repeated: dict[Any, None] = {}
        for key_node, _ in pairs:
            if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = self.construct_object(key_node)  # type: ignore[attr-defined]
            try:
                if key in seen:
                    repeated[key] = None
                seen.add(key)
            except TypeError:  # pragma: no cover - scalar keys are hashable
                continue
        return list(repeated)

    def guarded_int(self, node: yaml.ScalarNode) -> int | HugeNumber:
        literal = str(node.value)
        digits = len(literal.lstrip("+-").replace("_", "").replace(":", ""))
        if digits > DIGIT_LIMIT:
            self.marked = True
            return HugeNumber(digits)
        value: int = yaml.constructor.SafeConstructor.construct_yaml_int(self, node)  # type: ignore[arg-type]
        if value.bit_length() > _BITS_LIMIT:
            self.marked = True
            return HugeNumber(int(value.bit_length() * 0.30103) + 1)
        return value


_BITS_LIMIT = int(DIGIT_LIMIT * 3.3219) - 1  # a little under 10 ** DIGIT_LIMIT


def _guarded_int(loader: Any, node: yaml.ScalarNode) -> int | HugeNumber:
    guarded: _Guarded = loader
    return guarded.guarded_int(node)


def _guarded_map(loader: Any, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
    guarded: _Guarded = loader
    return guarded.guarded_map(node)


class _PureLoader(_Guarded, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, guarded."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.prepare(text)


_PureLoader.add_constructor(_INT, _guarded_int)
_PureLoader.add_constructor(_MAP, _guarded_map)

_CLoader: type[Any] | None = None
if yaml.__with_libyaml__:

    class _CGuardedLoader(_Guarded, yaml.CSafeLoader):
        """libyaml's safe loader, guarded."""

        def __init__(self, text: str) -> None:
            super().__init__(text)
            self.prepare(text)

    _CGuardedLoader.add_constructor(_INT, _guarded_int)
    _CGuardedLoader.add_constructor(_MAP, _guarded_map)
    _CLoader = _CGuardedLoader


def _check_aliases(root: yaml.Node) -> None:
    """Refuse a node graph whose aliases expand it too far or contain themselves.

    Each node's expanded size (itself and everything under it, aliases repeated) is counted
    once, bottom-up, so that the check costs as much as the document as written.
    """
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        key = id(node)
        children = _children(node)
        if closing:
            open_.discard(key)
            sizes[key] = size = 1 + sum(sizes[id(child)] for child in children)
            if size > 2 * len(sizes) + ALIAS_EXPANSION_LIMIT:
                raise FileFormatError(_alias_bomb(node))
            continue
        if key in sizes:
            continue
        if key in open_:
            raise FileFormatError(_recursive_alias(node))
        open_.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _where(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _alias_bomb(node: yaml.Node) -> Text:
    line, column = _where(node)
    limit = f"{ALIAS_EXPANSION_LIMIT:,}"
    return Text(
        f"uses YAML aliases (*name) that repeat far more values than it writes (the value at "
        f"line {line}, column {column}, among others): clac expands aliases to at most {limit} "
        "values more than the document holds",
        f"usa alias YAML (*nombre) que repiten muchos más valores de los que escribe (el valor "
        f"de la línea {line}, columna {column}, entre otros): clac expande los alias a lo sumo "
        f"a {limit} valores más de los que contiene el documento",
        pt=f"usa aliases YAML (*nome) que repetem muito mais valores do que escreve (o valor da "
        f"linha {line}, coluna {column}, entre outros): o clac expande os aliases a no máximo "
        f"{limit} valores a mais do que o documento contém",
    )


def _recursive_alias(node: yaml.Node) -> Text:
    line, column = _where(node)
    return Text(
        f"has a YAML alias that contains itself (the value at line {line}, column {column})",
        f"tiene un alias YAML que se contiene a sí mismo (el valor de la línea {line}, "
        f"columna {column})",
        pt=f"tem um alias YAML que contém a si mesmo (o valor da linha {line}, coluna {column})",
    )


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


def _syntax_reason(error: yaml.MarkedYAMLError) -> Text:
    mark = error.problem_mark or error.context_mark
    what = "; ".join(str(part) for part in (error.problem, error.context) if part)
    if mark is None:
        return syntax_error("YAML", None, None, what or str(error))
    return syntax_error("YAML", mark.line + 1, mark.column + 1, what or str(error))


def _unreadable_scalars(text: str) -> Iterator[Problem]:
    """Every scalar of ``text`` its tag's constructor cannot build (an impossible date,
    ``!!bool "maybe"``, ``!!int "abc"``, ``!!binary`` that is not base 64 …), with its path
    and line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):  # pragma: no cover - safe_load composed it already
        return
    constructor = _PureLoader("")
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Segment, ...]]] = [] if root is None else [(root, ())]
    while stack:
        node, at = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((value, (*at, name)))
                stack.append((key, at))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                (item, (*at, index)) for index, item in reversed(list(enumerate(node.value)))
            )
        elif isinstance(node, yaml.ScalarNode):
            problem = _unreadable(constructor, node, at)
            if problem is not None:
                yield problem


def _unreadable(constructor: Any, node: yaml.ScalarNode, at: tuple[Segment, ...]) -> Problem | None:
    build = constructor.yaml_constructors.get(node.tag)
    if build is None:  # pragma: no cover - the loader refused an unknown tag with its line
        return None
    try:
        build(constructor, node)
    except Exception:  # noqa: BLE001 - whatever the constructor raises, the value is unreadable
        mark = node.start_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}"
        if node.tag == _TIMESTAMP:
            reason = f"is not a real date ({where})"
        else:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            reason = f"cannot be read as {tag} ({where})"
        return Problem(reason, path=format_path(at), value=node.value)
    return None
