"""Turn cattrs' tree of structuring errors into clac :class:`~clac.errors.Problem` s.

With ``detailed_validation`` cattrs raises an ExceptionGroup whose leaves carry notes naming the
attribute or index where each happened (see ``cattrs.transform_error``, which this follows).
Walking it gives the path of every leaf (``members[3].representatives[0].email``); the leaf is

- a clac :class:`~clac.errors.ClacError` — from a type check in :mod:`clac.io._converter`
  (no path of its own) or from an attrs validator of the model (a path relative to its
  object, such as ``left`` or ``history[2].source``): its problems are placed under the path;
- a ``KeyError``: a required key is missing;
- a :class:`cattrs.ForbiddenExtraKeysError`: keys the object does not have (unknown keys are
  errors, never silently dropped);
- anything else: reported with its message, the value looked up in the raw data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, time
from typing import Any

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from clac.errors import ClacError, Problem
from clac.io._keys import file_fields, file_key

__all__ = ["as_written", "format_path", "problems_of"]

Segment = str | int
_KEY_LIKE = re.compile(r"^[a-z_][a-z0-9_-]{0,40}$")
_MISSING: Any = object()


def problems_of(error: BaseException, raw: Any) -> list[Problem]:
    """Every problem in ``error``, raised while structuring ``raw``, with its path."""
    return list(_walk(error, (), raw))


def format_path(segments: Sequence[Segment]) -> str:
    """``("members", 3, "email")`` as ``members[3].email``."""
    path = ""
    for segment in segments:
        if isinstance(segment, int):
            path += f"[{segment}]"
        elif segment.isidentifier():
            path += f".{segment}" if path else segment
        else:
            path += f"[{segment!r}]"
    return path


def _walk(error: BaseException, at: tuple[Segment, ...], raw: Any) -> Iterator[Problem]:
    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            yield from _walk(inner, (*at, note.index), raw)
        for inner in without:
            yield from _walk(inner, at, raw)
    elif isinstance(error, ClassValidationError):
        class_notes, class_without = error.group_exceptions()
        for inner, class_note in class_notes:
            key = file_key(error.cl, class_note.name)  # the key the file writes the field under
            yield from _walk(inner, (*at, key), raw)
        for inner in class_without:
            yield from _walk(inner, at, raw)
    else:
        yield from _leaf(error, at, raw)


def _leaf(error: BaseException, at: tuple[Segment, ...], raw: Any) -> Iterator[Problem]:
    path = format_path(at)
    if isinstance(error, ClacError):
        for problem in error.problems:
            yield as_written(problem).under(path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = ", ".join(_known_keys(error.cl))
        for key in sorted(error.extra_fields, key=str):
            yield Problem(
                f"is not a key of {error.cl.__name__} (its keys: {known})",
                path=path,
                value=key,
                # A key's name, not the data under it, unless it is no key's name at all (a
                # person's name typed as a key is masked where personal data is).
                personal=False if _KEY_LIKE.match(str(key)) else None,
            )
    elif isinstance(error, KeyError):
        yield Problem("is required but missing", path=path)
    else:
        value = _lookup(raw, at)
        reason = f"cannot be read ({type(error).__name__}: {error})"
        if value is _MISSING:
            yield Problem(reason, path=path)
        else:
            yield Problem(reason, path=path, value=value)


def as_written(problem: Problem) -> Problem:
    """``problem`` with a date value shown as a file writes it (``'2024-01-31'``)."""
    if isinstance(problem.value, date | time):
        return Problem(problem.reason, path=problem.path, value=problem.value.isoformat())
    return problem


def _known_keys(cls: type[Any]) -> list[str]:
    try:
        return [file_key(cls, field.name) for field in file_fields(cls)]
    except TypeError:  # pragma: no cover - every class clac structures is an attrs class
        return []


def _lookup(raw: Any, at: Sequence[Segment]) -> Any:
    """The value at ``at`` in the raw data, or ``_MISSING``."""
    value = raw
    for segment in at:
        in_mapping = isinstance(value, Mapping) and segment in value
        in_list = (
            isinstance(value, Sequence)
            and not isinstance(value, str)
            and isinstance(segment, int)
            and 0 <= segment < len(value)
        )
        if not (in_mapping or in_list):
            return _MISSING
        value = value[segment]
    return value
