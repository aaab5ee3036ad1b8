"""Loading what installed plugins declare in an entry-point group (rules, frameworks).

An entry point names an object, a list of them, a module holding them (where the caller says
how to find them) or a callable returning any of those. A plugin that fails to load is
reported as one line and skipped: a broken plugin never breaks clac.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from typing import Any, TypeVar

__all__ = ["load_plugins"]

T = TypeVar("T")


def load_plugins(
    group: str, kind: type[T], *, in_module: Callable[[Any], list[T]] | None = None
) -> tuple[list[tuple[str, T]], list[str]]:
    """Every ``kind`` the plugins of ``group`` declare, each with its distribution's name, and
    one line per plugin that could not be loaded."""
    found: list[tuple[str, T]] = []
    errors: list[str] = []
    for ep in entry_points(group=group):
        source = ep.dist.name if ep.dist is not None else ep.name
        try:
            loaded = ep.load()
            value = loaded() if callable(loaded) and not isinstance(loaded, kind) else loaded
            items = _as_items(value, kind, in_module)
        except Exception as error:  # noqa: BLE001 - a broken plugin must not break clac
            errors.append(f"{source}: plugin {ep.name!r} failed to load: {error}")
            continue
        found.extend((source, item) for item in items)
    return found, errors


def _as_items(value: Any, kind: type[T], in_module: Callable[[Any], list[T]] | None) -> list[T]:
    if isinstance(value, kind):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        items = list(value)
        if all(isinstance(item, kind) for item in items):
            return items
    if in_module is not None and hasattr(value, "__dict__") and not isinstance(value, type):
        return in_module(value)
    name = kind.__name__
    module = f" or a module of {name}s" if in_module is not None else ""
    raise TypeError(f"expected a {name}, a list of {name}s{module}, got {value!r}")
