"""What every registry-file reader refuses before structuring, whatever the format.

A parser hands back plain data (mappings, lists, strings, numbers); three things in it are
refused here, each with the path where it happens, so that no file can lose data silently,
crash an output or take unbounded time:

- a key given twice in one mapping (JSON and YAML parsers keep the last value silently);
- a whole number longer than Python prints (its int-string limit, 4,300 digits);
- (YAML only, in :mod:`clac.io._yaml`) aliases that expand the document past a bound.

The parsers mark what they find with :class:`Repeated` mappings and :class:`HugeNumber`
values; :func:`refuse_marked` walks the data once, only when something was marked, and
raises one :class:`~clac.errors.FileFormatError` listing every place.

Text inside the data is checked while structuring (:func:`text_problem`): NUL, other C0 and
C1 control characters and lone surrogates are refused everywhere; line breaks and tabs only
in single-line fields (names, ids, titles), while multi-line fields (notes, descriptions)
keep tab and newline.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any, Final

from clac.errors import FileFormatError, InvalidData, Problem
from clac.io._problems import Segment, format_path
from clac.text import Text

__all__ = [
    "DIGIT_LIMIT",
    "HugeNumber",
    "Repeated",
    "huge_number_problem",
    "refuse_marked",
    "repeated_key_problem",
    "text_problem",
]

#: The longest whole number a registry file may hold, in digits: Python's int-string limit.
DIGIT_LIMIT: Final = sys.get_int_max_str_digits() or 4300


class Repeated(dict[Any, Any]):
    """A mapping in which the file gave one or more keys twice (``keys`` lists them)."""

    __slots__ = ("keys_repeated",)

    def __init__(self, data: Any, keys_repeated: list[Any]) -> None:
        super().__init__(data)
        self.keys_repeated = keys_repeated


class HugeNumber:
    """A whole number too long to read, standing where the file wrote it."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a whole number of {self.digits:,} digits>"


def repeated_key_problem(key: Any, at: tuple[Segment, ...]) -> Problem:
    """The problem of ``key`` given twice in the mapping at ``at``."""
    if at:
        reason = Text(
            "is given twice in this mapping (the second would silently replace the first)",
            "aparece dos veces en este mapeo (la segunda reemplazaría a la primera sin aviso)",
            pt="aparece duas vezes neste mapeamento (a segunda substituiria a primeira sem aviso)",
        )
    else:
        reason = Text(
            "is given twice at the top level (the second would silently replace the first)",
            "aparece dos veces en el nivel superior (la segunda reemplazaría a la primera "
            "sin aviso)",
            pt="aparece duas vezes no nível superior (a segunda substituiria a primeira sem aviso)",
        )
    return Problem(reason, path=format_path(at), value=key, personal=False)


def huge_number_problem(digits: int, at: tuple[Segment, ...], where: str = "") -> Problem:
    """The problem of a whole number of ``digits`` digits at ``at``."""
    limit = f"{DIGIT_LIMIT:,}"
    return Problem(
        Text(
            f"is a whole number of {digits:,} digits{where}; clac reads at most {limit}",
            f"es un número entero de {digits:,} dígitos{where}; clac lee como máximo {limit}",
            pt=f"é um número inteiro de {digits:,} dígitos{where}; o clac lê no máximo {limit}",
        ),
        path=format_path(at),
    )


def refuse_marked(data: Any, repeated: Mapping[int, list[Any]] | None = None) -> None:
    """Raise FileFormatError for every :class:`Repeated` key and :class:`HugeNumber` in
    ``data`` (a structure of dicts and lists, walked once, shared parts once).

    ``repeated`` lists keys given twice by the ``id`` of the mapping they are in, for a
    parser that cannot build a :class:`Repeated` itself.
    """
    problems = list(_marked(data, repeated or {}))
    if problems:
        raise FileFormatError(problems=problems)


def _marked(data: Any, repeated: Mapping[int, list[Any]]) -> Iterator[Problem]:
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[Segment, ...]]] = [(data, ())]
    while stack:
        value, at = stack.pop()
        if isinstance(value, HugeNumber):
            yield huge_number_problem(value.digits, at)
            continue
        if not isinstance(value, dict | list) or id(value) in seen:
            continue
        seen.add(id(value))
        keys = value.keys_repeated if isinstance(value, Repeated) else repeated.get(id(value), ())
        for key in keys:
            yield repeated_key_problem(key, at)
        if isinstance(value, dict):
            stack.extend(
                (item, (*at, key if isinstance(key, str | int) else str(key)))
                for key, item in reversed(value.items())
            )
        else:
            stack.extend((item, (*at, index)) for index, item in reversed(list(enumerate(value))))


# ------------------------------------------------------------------------------------ text

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates, and a carriage return
# that does not end a line (it would let a value overwrite what a terminal shows before it).
_MULTI_LINE_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)")
# The same, and every line break or tab: the value must print on one line.
_SINGLE_LINE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")

_NAMES = {
    "\t": ("a tab", "un tabulador", "uma tabulação"),
    "\n": ("a line break", "un salto de línea", "uma quebra de linha"),
    "\r": ("a carriage return", "un retorno de carro", "um retorno de carro"),
    "\u2028": ("a line separator", "un separador de línea", "um separador de linha"),
    "\u2029": ("a paragraph separator", "un separador de párrafo", "um separador de parágrafo"),
    "\x00": ("a NUL character", "un carácter NUL", "um caractere NUL"),
}


def text_problem(value: str, *, multi_line: bool) -> Text | None:
    """Why ``value`` cannot be a registry text (None when it can)."""
    found = (_MULTI_LINE_BAD if multi_line else _SINGLE_LINE_BAD).search(value)
    if found is None:
        return None
    char = found.group()[0]
    position = found.start()
    code = f"U+{ord(char):04X}"
    if char in _NAMES and not (multi_line and char == "\x00"):
        en, es, pt = _NAMES[char]
    elif "\ud800" <= char <= "\udfff":
        en, es, pt = "a lone surrogate", "un sustituto aislado", "um substituto isolado"
    else:
        en, es, pt = (
            "a control character",
            "un carácter de control",
            "um caractere de controle",
        )
    if char == "\t" and not multi_line:
        return Text(
            f"holds a tab ({code}) at position {position}: a name, id or title is one line of "
            "plain text",
            f"contiene un tabulador ({code}) en la posición {position}: un nombre, id o título "
            "es una línea de texto simple",
            pt=f"contém uma tabulação ({code}) na posição {position}: um nome, id ou título é "
            "uma linha de texto simples",
        )
    if char in "\n\r\u2028\u2029" and not multi_line:
        return Text(
            f"must be one line, but holds {en} ({code}) at position {position}",
            f"debe ocupar una sola línea, pero contiene {es} ({code}) en la posición {position}",
            pt=f"deve ocupar uma só linha, mas contém {pt} ({code}) na posição {position}",
        )
    return Text(
        f"holds {en} ({code}) at position {position}, which is not text",
        f"contiene {es} ({code}) en la posición {position}, que no es texto",
        pt=f"contém {pt} ({code}) na posição {position}, que não é texto",
    )


def refuse_unwritable_text(data: Any, multi_line_keys: frozenset[str]) -> None:
    """Raise :class:`~clac.errors.InvalidData` for every text in ``data`` (unstructured
    registry data about to be written) that loading would refuse, naming its path.

    The loader checks text as it reads it; a coalition built in Python skips that check, so
    without this one :func:`~clac.io.dumps` could write a file that :func:`~clac.io.loads`
    refuses. Texts under a key of ``multi_line_keys`` may hold tabs and line breaks.
    """
    if _all_text_writable(data, multi_line_keys):  # the common case: one lean pass
        return
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[Segment, ...], bool]] = [(data, (), False)]
    while stack:
        value, at, multi_line = stack.pop()
        if isinstance(value, str):
            reason = text_problem(value, multi_line=multi_line)
            if reason is not None:
                problems.append(Problem(reason, path=format_path(at), value=value))
        elif isinstance(value, dict):
            stack.extend(
                (item, (*at, key), key in multi_line_keys) for key, item in reversed(value.items())
            )
        elif isinstance(value, list | tuple):
            stack.extend(
                (item, (*at, index), multi_line) for index, item in reversed(list(enumerate(value)))
            )
    if problems:
        raise InvalidData(problems=problems)


def _all_text_writable(data: Any, multi_line_keys: frozenset[str]) -> bool:
    """Whether every text in ``data`` is one loading accepts: a walk that builds no paths
    (a tenth of the cost of one that does), for the common case where nothing is wrong."""
    stack: list[tuple[Any, bool]] = [(data, False)]
    pop, push = stack.pop, stack.append
    while stack:
        value, multi_line = pop()
        kind = type(value)
        if kind is str:
            if not (value.isascii() and value.isprintable()) and text_problem(
                value, multi_line=multi_line
            ):
                return False
        elif kind is dict:
            for key, item in value.items():
                if type(item) is str:
                    if not (item.isascii() and item.isprintable()) and text_problem(
                        item, multi_line=key in multi_line_keys
                    ):
                        return False
                elif type(item) in (dict, list, tuple):
                    push((item, key in multi_line_keys))
        elif kind is list or kind is tuple:
            for item in value:
                push((item, multi_line))
    return True
