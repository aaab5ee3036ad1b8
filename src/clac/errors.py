"""The one hierarchy of errors a user of clac can cause.

Every message names the offending field path and value, e.g.
``members[3].country: 'XX' is not an ISO 3166 country``. Each subclass also inherits the
matching built-in exception so that ``except ValueError`` keeps working for callers that do not
know clac.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clac.text import Language, Text

__all__ = [
    "ClacError",
    "CrossReferenceError",
    "FileFormatError",
    "InvalidData",
    "MissingDependency",
    "Problem",
    "TransitionNotAllowed",
    "UnknownReference",
    "UnsupportedFormat",
    "UnsupportedFormatVersion",
]

_NO_VALUE: Any = object()


def _join_path(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return f"{prefix}{path}"
    return f"{prefix}.{path}"


class Problem:
    """One thing wrong at one place: a field path, the value found there and why it is wrong."""

    __slots__ = ("path", "reason", "value")

    def __init__(self, reason: str | Text, *, path: str = "", value: Any = _NO_VALUE) -> None:
        self.reason: Text = reason if isinstance(reason, Text) else Text(reason, reason)
        self.path = path
        self.value = value

    @property
    def has_value(self) -> bool:
        """Whether an offending value was recorded (``None`` is a value)."""
        return self.value is not _NO_VALUE

    def under(self, prefix: str) -> Problem:
        """The same problem, its path placed under ``prefix`` (``members[3]`` …)."""
        return Problem(self.reason, path=_join_path(prefix, self.path), value=self.value)

    def message(self, language: Language | str = Language.EN) -> str:
        """``path: 'value' reason`` in ``language``."""
        reason = self.reason.in_(language)
        head = self.path
        if self.has_value:
            shown = _short_repr(self.value)
            head = f"{head}: {shown}" if head else shown
        return f"{head} {reason}" if self.has_value else (f"{head}: {reason}" if head else reason)

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"Problem({self.message()!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.reason, self.has_value, repr(self.value)) == (
            other.path,
            other.reason,
            other.has_value,
            repr(other.value),
        )

    def __hash__(self) -> int:
        return hash((self.path, self.reason))


def _short_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ClacError(Exception):
    """Root of every error a user of clac can cause.

    An error holds one or more :class:`Problem` s; ``str(error)`` lists them in English and
    :meth:`message` renders them in another language.
    """

    def __init__(
        self,
        reason: str | Text | None = None,
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
        super().__init__(self.message())

    @property
    def path(self) -> str:
        """The field path of the first problem."""
        return self.problems[0].path

    @property
    def value(self) -> Any:
        """The offending value of the first problem (``None`` when none was recorded)."""
        first = self.problems[0]
        return first.value if first.has_value else None

    def message(self, language: Language | str = Language.EN) -> str:
        """Every problem, one per line, in ``language``."""
        lines = [problem.message(language) for problem in self.problems]
        if len(lines) == 1:
            return lines[0]
        count = len(lines)
        head = Text(f"{count} problems:", f"{count} problemas:").in_(language)
        return "\n".join([head, *(f"  - {line}" for line in lines)])

    def under(self, prefix: str) -> ClacError:
        """A copy of this error, of the same class, with every path placed under ``prefix``."""
        error = self.__class__.__new__(self.__class__)
        ClacError.__init__(error, problems=[p.under(prefix) for p in self.problems])
        return error

    def __str__(self) -> str:
        return self.message()

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
        reason: str | Text | None = None,
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
