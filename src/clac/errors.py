"""The one hierarchy of errors a user of clac can cause.

Every message names the offending field path and value, e.g.
``members[3].country: 'XX' is not an ISO 3166 country``. Each subclass also inherits the
matching built-in exception so that ``except ValueError`` keeps working for callers that do not
know clac.

An error carries its parts apart: :attr:`ClacError.path` (``members[3].country``),
:attr:`ClacError.reason` (``'XX' is not an ISO 3166 country``) and :attr:`ClacError.value`;
``str(error)`` joins them as ``path: reason``.

>>> error = InvalidData("is not a country", path="members[3].country", value="XX")
>>> error.path, error.reason
('members[3].country', "'XX' is not a country")
>>> str(error)
"members[3].country: 'XX' is not a country"

Values are shown short (never more than about 80 characters, however large the value: a
value is never rendered whole before being cut) and personal data is masked: a
representative's name or e-mail address, or any ``email`` field, shows its first character
only (``'z***@…'``).

This module is the lowest layer of clac and imports nothing from it: a reason is a ``str`` or
anything with the shape of :class:`clac.text.Text` (``en``, ``es``, ``pt`` and ``in_``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

__all__ = [
    "ClacError",
    "CrossReferenceError",
    "FileFormatError",
    "InvalidData",
    "Localized",
    "MissingDependency",
    "Problem",
    "TransitionNotAllowed",
    "UnknownReference",
    "UnsupportedFormat",
    "UnsupportedFormatVersion",
    "short_repr",
]

_NO_VALUE: Any = object()


class Localized(Protocol):
    """A sentence in several languages: what :class:`clac.text.Text` is (the shape only)."""

    @property
    def en(self) -> str: ...  # pragma: no cover - a protocol

    @property
    def es(self) -> str: ...  # pragma: no cover - a protocol

    @property
    def pt(self) -> str | None: ...  # pragma: no cover - a protocol

    def in_(self, language: Any) -> str: ...  # pragma: no cover - a protocol


class _Untranslated:
    """A reason given as one string: the same words in every language."""

    __slots__ = ("en",)

    def __init__(self, text: str) -> None:
        self.en = text

    @property
    def es(self) -> str:
        return self.en

    @property
    def pt(self) -> str | None:
        return None

    def in_(self, language: Any) -> str:
        return self.en

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Untranslated):
            return self.en == other.en
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.en)

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return f"{self.en!r}"


def _localized(reason: str | Localized) -> Localized:
    return _Untranslated(reason) if isinstance(reason, str) else reason


def _join_path(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return f"{prefix}{path}"
    return f"{prefix}.{path}"


_SEGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\]")
#: Fields whose values are personal data wherever they are.
_PERSONAL_ANYWHERE = frozenset({"email", "e_mail", "phone"})
#: Fields of a representative that are personal data.
_PERSONAL_IN_REPRESENTATIVE = frozenset({"name", "email", "position", "phone"})


def is_personal(path: str) -> bool:
    """Whether the value at ``path`` is personal data, whose errors mask it.

    Everything a representative entry holds is (``representatives`` and anything under it,
    whatever the key: a name typed into ``level`` is still a name), and so is any ``email``
    or ``phone`` field.

    >>> is_personal("members[0].representatives[1].level")
    True
    >>> is_personal("members[0].joined")
    False
    """
    segments = _SEGMENT.findall(path)
    if not segments:
        return False
    return segments[-1] in _PERSONAL_ANYWHERE or "representatives" in segments


_E_MAIL = re.compile(r"[^\s@]+@[^\s@]+")
_PHONE = re.compile(r"^[+(]?[0-9][0-9 ().\-]{5,}[0-9]$")
_DAY_LIKE = re.compile(r"^[+-]?[0-9]{4,}-[0-9]{2}(?:-[0-9]{2})?$|^[0-9]{4}-Q[0-9]$")


def looks_personal(value: Any) -> bool:
    """Whether ``value``, wherever it was typed, looks like an e-mail address or a phone
    number: an error masks it even in a field that is not personal (a phone number given as
    an organization's name).

    >>> looks_personal("ana@example.org"), looks_personal("+55 11 91234-5678")
    (True, True)
    >>> looks_personal("2024-13-01"), looks_personal("Línea Ficticia")
    (False, False)
    """
    if not isinstance(value, str) or len(value) > 320:
        return False
    if _E_MAIL.search(value):
        return True
    text = value.strip()
    if not _PHONE.match(text) or _DAY_LIKE.match(text):
        return False
    digits = sum(char.isdigit() for char in text)
    # Nine digits and more, or seven with a leading + or (: not a date written 20240101.
    return digits >= 9 or (digits >= 7 and text[0] in "+(")


def mask(value: Any) -> str:
    """``value`` masked for an error message: its first character only, ``'z***@…'``."""
    if isinstance(value, str):
        if not value:
            return "''"
        first = short_repr(value[0])[1:-1]
        return f"'{first}***@…'" if "@" in value else f"'{first}***'"
    if isinstance(value, Mapping):
        return "{***}"
    if isinstance(value, list | tuple):
        return "[***]"
    return "'***'"


# ------------------------------------------------------------------------ showing values

#: How many characters of a value an error message shows.
SHOWN_LENGTH = 80
#: A whole number with more bits than this has more decimal digits than Python prints
#: (its int-string limit, 4,300 digits): it is described, not printed.
_PRINTABLE_BITS = 14_000
_NESTING_SHOWN = 4


class _Out:
    """Characters written so far, stopping once ``limit`` are written."""

    __slots__ = ("limit", "parts", "used")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.used = 0

    @property
    def full(self) -> bool:
        return self.used > self.limit

    def write(self, text: str) -> None:
        if not self.full:
            self.parts.append(text)
            self.used += len(text)


def short_repr(value: Any, limit: int = SHOWN_LENGTH) -> str:
    """``repr(value)``, at most ``limit`` characters, built without rendering more of it.

    A huge string, a list of millions of items or a structure whose parts repeat (a YAML alias
    bomb) costs no more than what is shown; a whole number too long to print is described. A
    long string keeps its start and its end (a file's path ends in its name):
    ``'/tmp/a/very/long/…/registry.yaml'``.
    """
    if isinstance(value, str) and len(value) > limit:
        middle = _middle_cut(value, limit)
        if middle is not None:
            return middle
    out = _Out(limit)
    _write(value, out, 0)
    text = "".join(out.parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _middle_cut(value: str, limit: int) -> str | None:
    """``value`` shown as its first and last characters around "…", or None where the two
    halves would not quote alike."""
    tail = limit // 3
    head = max(limit - tail - 4, 1)
    while head > 0 and tail > 0:
        left, right = repr(value[:head]), repr(value[-tail:])
        if left[0] != right[0]:
            return None
        text = f"{left[:-1]}…{right[1:]}"
        if len(text) <= limit:
            return text
        head, tail = head - 2, tail - 1  # escapes made it longer: show fewer characters
    return None


def _write(value: Any, out: _Out, depth: int) -> None:
    if out.full:
        return
    if isinstance(value, str):
        shown = value[: out.limit + 1]
        out.write(repr(shown) if len(shown) == len(value) else repr(shown)[:-1])
    elif isinstance(value, bool) or value is None:
        out.write(repr(value))
    elif isinstance(value, int):
        if value.bit_length() > _PRINTABLE_BITS:
            digits = int(value.bit_length() * math.log10(2)) + 1
            out.write(f"<a whole number of about {digits:,} digits>")
        else:
            out.write(repr(value))
    elif isinstance(value, float | complex | bytes):
        out.write(repr(value[: out.limit + 1] if isinstance(value, bytes) else value))
    elif isinstance(value, Mapping | list | tuple | set | frozenset):
        _write_container(value, out, depth)
    else:
        text = repr(value)  # another object: its own repr, cut
        out.write(text[: out.limit + 1])


def _write_container(value: Any, out: _Out, depth: int) -> None:
    if isinstance(value, Mapping):
        opening, closing = "{", "}"
    elif isinstance(value, list):
        opening, closing = "[", "]"
    elif isinstance(value, tuple):
        opening, closing = "(", ")"
    else:
        opening, closing = "{", "}"
    if depth >= _NESTING_SHOWN:
        out.write(f"{opening}…{closing}")
        return
    out.write(opening)
    items = value.items() if isinstance(value, Mapping) else value
    for index, item in enumerate(items):
        if out.full:
            return
        if index:
            out.write(", ")
        if isinstance(value, Mapping):
            _write(item[0], out, depth + 1)
            out.write(": ")
            _write(item[1], out, depth + 1)
        else:
            _write(item, out, depth + 1)
    if isinstance(value, tuple) and len(value) == 1:
        out.write(",")
    out.write(closing)


# ------------------------------------------------------------------------------ problems


class Problem:
    """One thing wrong at one place: a field path, the value found there and why it is wrong.

    ``reason`` is the bare why (``is not an e-mail address``), in every language clac speaks;
    :meth:`explanation` adds the value (``'z***@…' is not an e-mail address``) and
    :meth:`message` the path before it.
    """

    __slots__ = ("path", "personal", "reason", "value")

    def __init__(
        self,
        reason: str | Localized,
        *,
        path: str = "",
        value: Any = _NO_VALUE,
        personal: bool | None = None,
    ) -> None:
        self.reason: Localized = _localized(reason)
        self.path = path
        self.value = value
        #: Whether the value is personal data to mask; None decides by the path.
        self.personal = personal

    @property
    def has_value(self) -> bool:
        """Whether an offending value was recorded (``None`` is a value)."""
        return self.value is not _NO_VALUE

    @property
    def masked(self) -> bool:
        """Whether the value is personal data, shown masked: any value at a personal path
        (:func:`is_personal`), or text that looks like an e-mail address or a phone number
        wherever it is (:func:`looks_personal`)."""
        if self.personal is not None:
            return self.personal and self.has_value
        if not self.has_value:
            return False
        return is_personal(self.path) or looks_personal(self.value)

    def under(self, prefix: str) -> Problem:
        """The same problem, its path placed under ``prefix`` (``members[3]`` …)."""
        return Problem(
            self.reason,
            path=_join_path(prefix, self.path),
            value=self.value,
            personal=self.personal,
        )

    def shown_value(self) -> str:
        """The value as a message shows it: short, and masked if it is personal data."""
        if not self.has_value:
            return ""
        return mask(self.value) if self.masked else short_repr(self.value)

    def explanation(self, language: Any = "en") -> str:
        """The message without the path: ``'value' reason`` in ``language``."""
        reason = self.reason.in_(language)
        return f"{self.shown_value()} {reason}" if self.has_value else reason

    def message(self, language: Any = "en") -> str:
        """``path: 'value' reason`` in ``language``."""
        explanation = self.explanation(language)
        return f"{self.path}: {explanation}" if self.path else explanation

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"Problem({self.message()!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.reason, self.has_value, self._compared()) == (
            other.path,
            other.reason,
            other.has_value,
            other._compared(),
        )

    def _compared(self) -> str:
        return short_repr(self.value, 4096) if self.has_value else ""

    def __hash__(self) -> int:
        return hash((self.path, self.reason))


_HEADS = {
    "en": "{count} problems:",
    "es": "{count} problemas:",
    "pt": "{count} problemas:",
}


class ClacError(Exception):
    """Root of every error a user of clac can cause.

    An error holds one or more :class:`Problem` s; ``str(error)`` lists them in English and
    :meth:`message` renders them in another language. :attr:`path`, :attr:`reason` and
    :attr:`value` are the first problem's parts.
    """

    def __init__(
        self,
        reason: str | Localized | None = None,
        *,
        path: str = "",
        value: Any = _NO_VALUE,
        problems: Iterable[Problem] = (),
    ) -> None:
        collected = list(problems)
        if reason is not None:
            collected.insert(0, Problem(reason, path=path, value=value))
        if not collected:
            collected.append(Problem(self.__class__.__doc__ or self.__class__.__name__))
        self.problems: tuple[Problem, ...] = tuple(collected)
        # The message is rendered when shown, not here: a file with a million wrong values
        # makes as many errors on the way to the one that is shown.
        super().__init__()

    @property
    def path(self) -> str:
        """The field path of the first problem (``""`` when it is about the whole input)."""
        return self.problems[0].path

    @property
    def reason(self) -> str:
        """What is wrong at :attr:`path`, in English, without the path: the value (short and
        masked if personal) and why (``"'XX' is not a country"``)."""
        return self.problems[0].explanation()

    @property
    def value(self) -> Any:
        """The offending value of the first problem (``None`` when none was recorded)."""
        first = self.problems[0]
        return first.value if first.has_value else None

    def message(self, language: Any = "en") -> str:
        """Every problem, one per line, in ``language``."""
        lines = [problem.message(language) for problem in self.problems]
        if len(lines) == 1:
            return lines[0]
        head = _HEADS.get(str(language).strip().lower(), _HEADS["en"])
        return "\n".join([head.format(count=len(lines)), *(f"  - {line}" for line in lines)])

    def under(self, prefix: str) -> ClacError:
        """A copy of this error, of the same class, with every path placed under ``prefix``."""
        error = self.__class__.__new__(self.__class__)
        ClacError.__init__(error, problems=[p.under(prefix) for p in self.problems])
        return error

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.__class__, self.problems))


def _rebuild(cls: type[ClacError], problems: tuple[Problem, ...]) -> ClacError:
    error = cls.__new__(cls)
    ClacError.__init__(error, problems=problems)
    return error


class InvalidData(ClacError, ValueError):
    """A value is impossible under the model or the charter (a quarter 5, negative hours …)."""


class UnknownReference(ClacError, LookupError):
    """An id names nothing in the registry or the charter."""


class MissingDependency(ClacError, ImportError):  # type: ignore[misc] # ClacError.path wins
    """An optional library a feature needs is not installed (pandas, matplotlib)."""


def require(module: str, feature: str, extra: str) -> Any:
    """Import ``module`` or raise :class:`MissingDependency` naming ``feature`` and the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(
            f"{feature} needs {module}, which is not installed "
            f"(pip install {module}, or pip install 'clac[{extra}]')",
            value=module,
        ) from None


class CrossReferenceError(InvalidData):
    """Parts of a registry point at each other inconsistently; every such problem is listed."""


class TransitionNotAllowed(ClacError, RuntimeError):
    """A lifecycle event is refused in the current state, with the rule that refuses it."""

    def __init__(
        self,
        reason: str | Localized | None = None,
        *,
        rule: str | None = None,
        path: str = "",
        value: Any = _NO_VALUE,
        problems: Iterable[Problem] = (),
    ) -> None:
        self.rule = rule
        super().__init__(reason, path=path, value=value, problems=problems)


class FileFormatError(InvalidData):
    """A registry file or string cannot be read: bad syntax, wrong shape, unreadable bytes."""


class UnsupportedFormat(ClacError, ValueError):
    """A file format (or suffix) clac does not read or write."""


class UnsupportedFormatVersion(FileFormatError):
    """A registry file declares a ``clac:`` format version this clac cannot read."""
