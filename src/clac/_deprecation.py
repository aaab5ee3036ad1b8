"""Old names kept working: they warn (``DeprecationWarning``) and point to the new one.

One name for one thing: where clac renamed a function, a field or turned a method into a
property, the old spelling still works for a while and says what to use instead.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TypeVar

__all__ = ["Counts", "deprecated"]

K = TypeVar("K")


def deprecated(old: str, new: str, *, stacklevel: int = 3) -> None:
    """Warn that ``old`` is deprecated in favour of ``new``."""
    warnings.warn(
        f"{old} is deprecated and will be removed; use {new}",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


class Counts(dict[K, int]):
    """How many of each kind: a plain ``dict``, and the ``counts`` property of clac's results.

    ``counts`` was a method (``assessment.counts()``) beside properties such as ``ok``; it is a
    property now. Called like the old method, it warns and returns a copy of itself.
    """

    __slots__ = ("_owner",)

    def __init__(self, counts: Mapping[K, int], owner: str) -> None:
        super().__init__(counts)
        self._owner = owner

    def __call__(self) -> dict[K, int]:
        deprecated(f"{self._owner}.counts()", f"{self._owner}.counts (a property)")
        return dict(self)
