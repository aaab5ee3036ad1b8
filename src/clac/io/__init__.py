"""Registry files: a :class:`~clac.registry.Coalition` kept in YAML, JSON or TOML.

>>> import clac, clac.io
>>> text = clac.io.dumps(clac.Coalition(name="CLAC"), "yaml")
>>> print(text.splitlines()[:3])
['clac: 1', 'name: CLAC', 'charter: base-document']
>>> clac.io.loads(text, "yaml") == clac.Coalition(name="CLAC")
True

- :func:`load` / :func:`dump` read and atomically write a file, its format told by its suffix
  (``.yaml``/``.yml``, ``.json``, ``.toml``) unless named; :func:`loads` / :func:`dumps` do
  the same on strings.
- Everything wrong in a file is reported at once, in one
  :class:`~clac.errors.FileFormatError` whose problems each name a path
  (``members[3].representatives[0].email``) and the value found there — or, for references
  that point nowhere, in one :class:`~clac.errors.CrossReferenceError`. Nothing but a
  :class:`~clac.errors.ClacError` ever escapes.
- A file declares its format version (``clac: 1``); a newer one is refused with
  :class:`~clac.errors.UnsupportedFormatVersion`, an older one is upgraded through
  :data:`MIGRATIONS`.
- Representatives' names and e-mail addresses are personal data. The registry file keeps
  them; ``dump(..., redact=True)`` and :func:`redact` leave them out, and **every export other
  than the registry file itself must redact by default**.

Partnership surveys: :func:`load_survey` reads clac's long CSV, and
:func:`read_survey_export` a survey tool's export (Google Forms, SurveyMonkey, KoboToolbox) with
a mapping file (:func:`load_survey_mapping`); :func:`google_form` and :func:`xlsform` write the
questionnaire that comes back that way (``docs/survey.md``).

The layout of the file is described in :mod:`clac.io._layout`, and as a JSON Schema by
:func:`clac.schema.json_schema`.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from clac._bulk import paused_gc
from clac._escape import csv_text, frame_csv
from clac.errors import FileFormatError, InvalidData, Problem
from clac.io._converter import MULTI_LINE_FIELDS, kind_of
from clac.io._files import (
    EXPORT_MODE,
    MAX_FILE_SIZE,
    REGISTRY_MODE,
    FileAccessError,
    may_replace,
    read_bytes,
    size_limit,
    too_large,
    write_atomically,
    writes_to_standard_output,
)
from clac.io._format import Format
from clac.io._guards import refuse_unwritable_text
from clac.io._layout import FORMAT_VERSION, MIGRATIONS, RegistryFile, from_coalition, migrate
from clac.io._layout import to_coalition as _to_coalition
from clac.io._locate import Region, locate
from clac.io._messages import empty, not_a_mapping, not_text, not_utf8, nul_character
from clac.io._problems import problems_of
from clac.io._questionnaire import (
    google_form,
    google_form_mapping,
    kobo_mapping,
    write_xlsform,
    xlsform,
)
from clac.io._redact import REDACTED, redact
from clac.io._survey import dump_survey, dumps_survey, load_survey, loads_survey
from clac.io._survey_export import SurveyImport, read_survey_export, read_survey_frame
from clac.io._survey_mapping import Layout as SurveyLayout
from clac.io._survey_mapping import SurveyMapping
from clac.io._survey_mapping import load_mapping as load_survey_mapping
from clac.io._survey_mapping import loads_mapping as loads_survey_mapping
from clac.registry import Coalition
from clac.text import Text

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "EXPORT_MODE",
    "FORMAT_VERSION",
    "MAX_FILE_SIZE",
    "MIGRATIONS",
    "REDACTED",
    "REGISTRY_MODE",
    "FileAccessError",
    "Format",
    "Region",
    "SurveyImport",
    "SurveyLayout",
    "SurveyMapping",
    "csv_text",
    "dump",
    "dump_survey",
    "dumps",
    "dumps_survey",
    "frame_csv",
    "google_form",
    "google_form_mapping",
    "kobo_mapping",
    "load",
    "load_data",
    "load_survey",
    "load_survey_mapping",
    "loads",
    "loads_data",
    "loads_survey",
    "loads_survey_mapping",
    "locate",
    "may_replace",
    "read_survey_export",
    "read_survey_frame",
    "redact",
    "write_atomically",
    "write_text_atomically",
    "write_xlsform",
    "writes_to_standard_output",
    "xlsform",
]

PathLike = str | os.PathLike[str]
T = TypeVar("T")


class _Codec(Protocol):
    """What each format module (``_yaml``, ``_json``, ``_toml``) provides."""

    CONVERTER: cattrs.Converter

    def parse(self, text: str) -> Any: ...  # pragma: no cover - a protocol

    def serialize(self, data: Any) -> str: ...  # pragma: no cover - a protocol


def _codec(format_: Format) -> _Codec:
    # Imported on first use: a program that reads JSON never imports PyYAML.
    module: _Codec = importlib.import_module(f"clac.io._{format_.value}")
    return module


# -------------------------------------------------------------------------------- reading


def load(
    path: PathLike,
    format: Format | str | None = None,  # noqa: A002
    *,
    max_size: int | None = None,
) -> Coalition:
    """The coalition in the registry file at ``path``.

    ``format`` defaults to the one the file's suffix names. A file over ``max_size`` bytes
    (:data:`MAX_FILE_SIZE`, 50 MB, by default) is refused unread: pass a larger ``max_size``
    to read a larger registry on purpose. Raises a
    :class:`~clac.errors.ClacError`: :class:`FileAccessError` for a file that does not exist,
    is a directory or cannot be read; :class:`~clac.errors.FileFormatError` for one that is
    too large, not text, not valid YAML/JSON/TOML or not a registry (every problem listed);
    :class:`~clac.errors.UnsupportedFormat` for an unknown suffix or format;
    :class:`~clac.errors.UnsupportedFormatVersion` for a newer format version; and
    :class:`~clac.errors.CrossReferenceError` for references that point nowhere.
    """
    format_ = Format.parse(format) if format is not None else Format.from_path(path)
    data = read_bytes(Path(path), max_size)
    return _loads(data, format_, source=os.fspath(path), max_size=max_size)


def loads(
    text: str | bytes,
    format: Format | str,  # noqa: A002
    *,
    max_size: int | None = None,
) -> Coalition:
    """The coalition in ``text``, a registry in ``format`` (bytes are read as UTF-8).

    ``max_size`` is as for :func:`load` (a string's length counts). Raises the errors
    :func:`load` raises, except :class:`FileAccessError`.
    """
    return _loads(text, Format.parse(format), source=None, max_size=max_size)


def _loads(
    text: str | bytes, format_: Format, source: str | None, max_size: int | None
) -> Coalition:
    with paused_gc():  # many small acyclic objects at once (clac._bulk)
        return _load_text(text, format_, source, max_size)


def _load_text(
    text: str | bytes, format_: Format, source: str | None, max_size: int | None
) -> Coalition:
    codec = _codec(format_)
    data = migrate(_mapping(codec, text, size_limit(max_size, MAX_FILE_SIZE), source))
    try:
        registry = codec.CONVERTER.structure(data, RegistryFile)
    except Exception as error:  # noqa: BLE001 - every structuring error becomes a ClacError
        raise FileFormatError(problems=problems_of(error, data)) from None
    return _to_coalition(registry)


def load_data(
    path: PathLike,
    cls: type[T],
    format: Format | str | None = None,  # noqa: A002
) -> T:
    """An instance of the attrs class ``cls`` from the YAML, JSON or TOML file at ``path``,
    read with the registry file's rules (unknown keys refused, every problem with its path;
    e.g. a framework definition, :func:`clac.frameworks.load_framework`)."""
    format_ = Format.parse(format) if format is not None else Format.from_path(path)
    data = read_bytes(Path(path), None)
    return _structured(data, format_, cls, os.fspath(path))


def loads_data(text: str | bytes, format: Format | str, cls: type[T]) -> T:  # noqa: A002
    """As :func:`load_data`, from ``text`` in ``format``."""
    return _structured(text, Format.parse(format), cls, None)


def _structured(text: str | bytes, format_: Format, cls: type[T], source: str | None) -> T:
    codec = _codec(format_)
    raw = _mapping(codec, text, size_limit(None, MAX_FILE_SIZE), source)
    try:
        result: T = codec.CONVERTER.structure(raw, cls)
    except Exception as error:  # noqa: BLE001 - every structuring error becomes a ClacError
        raise FileFormatError(problems=problems_of(error, raw)) from None
    return result


def _mapping(codec: _Codec, text: str | bytes, limit: int, source: str | None) -> dict[str, Any]:
    """The top-level mapping of ``text`` (at most ``limit`` long), parsed by ``codec``:
    :class:`FileFormatError` naming ``source`` for an empty text, one that is not a mapping,
    or a syntax error."""
    try:
        raw = codec.parse(_text_of(text, limit))
        if raw is None:
            raise FileFormatError(empty())
        if not isinstance(raw, dict):
            raise FileFormatError(not_a_mapping(kind_of(raw)))
    except FileFormatError as error:
        raise _naming(error, source) from None
    return raw


def _naming(error: FileFormatError, source: str | None) -> FileFormatError:
    """``error``, its problems about the whole text naming their subject: the file or the text."""
    return error.__class__(problems=[_named(problem, source) for problem in error.problems])


def _named(problem: Problem, source: str | None) -> Problem:
    if problem.path or problem.has_value:
        return problem
    if source is not None:
        return Problem(problem.reason, value=source)
    reason = problem.reason
    pt = None if reason.pt is None else f"o texto {reason.pt}"
    return Problem(Text(f"the text {reason.en}", f"el texto {reason.es}", pt=pt))


def _text_of(text: str | bytes, limit: int) -> str:
    if isinstance(text, bytes | bytearray):
        if len(text) > limit:
            raise FileFormatError(too_large(limit))
        data = bytes(text)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(not_utf8(data[error.start], error.start)) from None
    elif not isinstance(text, str):
        raise FileFormatError(not_text(type(text).__name__))
    elif len(text) > limit:
        raise FileFormatError(too_large(limit))
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise FileFormatError(nul_character(text.index("\x00")))
    if not text or text.isspace():  # as "not text.strip()", without copying the text
        raise FileFormatError(empty())
    return text


# -------------------------------------------------------------------------------- writing


def dumps(coalition: Coalition, format: Format | str, *, redact: bool = False) -> str:  # noqa: A002
    """``coalition`` as a registry in ``format``.

    With ``redact=True`` representatives' names become ``"[redacted]"`` and their e-mail
    addresses are left out (the result still loads). Raises
    :class:`~clac.errors.InvalidData` for a coalition whose charter a file cannot name, and
    for text that loading would refuse (a control character, a lone surrogate, a line break
    in a name), so a file clac writes always loads back.
    """
    if not isinstance(coalition, Coalition):
        raise InvalidData(
            f"must be a clac Coalition, not {type(coalition).__name__}", path="coalition"
        )
    codec = _codec(Format.parse(format))
    if redact:
        coalition = _redact(coalition)
    with paused_gc():  # unstructuring makes many small acyclic dicts and lists (clac._bulk)
        data = codec.CONVERTER.unstructure(from_coalition(coalition), RegistryFile)
        refuse_unwritable_text(data, MULTI_LINE_FIELDS)  # never write what load refuses
        return codec.serialize(data)


def dump(
    coalition: Coalition,
    path: PathLike,
    format: Format | str | None = None,  # noqa: A002
    *,
    redact: bool = False,
) -> None:
    """Write ``coalition`` to the registry file at ``path``, atomically.

    ``format`` defaults to the one the suffix names. The whole file is serialised before
    anything is opened, then written to a temporary file beside ``path`` and renamed over it
    (:func:`write_atomically`): on any failure the previous file is left intact. A new file is
    readable by its owner only (:data:`REGISTRY_MODE`: a registry holds personal data).
    ``redact`` is as for :func:`dumps`.
    """
    format_ = Format.parse(format) if format is not None else Format.from_path(path)
    text = dumps(coalition, format_, redact=redact)
    write_atomically(path, text, mode=REGISTRY_MODE)


_redact = redact


def write_text_atomically(path: PathLike, text: str, *, mode: int = EXPORT_MODE) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8) atomically, as :func:`dump` does.

    For other files clac writes (a schema, an export), created with ``mode`` less the umask:
    :func:`write_atomically`, which raises :class:`FileAccessError` on failure.
    """
    write_atomically(path, text, mode=mode)
