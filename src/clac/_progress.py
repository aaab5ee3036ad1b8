"""Progress on long work, shown on stderr only when a front end turns it on.

The library never prints: :func:`task` is a no-op until a front end (the ``clac`` command, the
benchmarks) calls :func:`enable`, which it does when stderr is a terminal
(:func:`wanted`). Long work — checking every rule, the network analyses, loading a registry or a
survey — wraps itself in ``with task(...) as t:`` and calls ``t.advance()``. rich is imported
only once a task starts with progress on, so ``import clac`` and ``clac --help`` stay fast.

>>> with task(Text("Checking", "Verificando"), total=2) as t:
...     t.advance()
...     t.advance()
>>> t.completed
2
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TextIO

from clac.text import Language, Text

__all__ = ["Task", "enable", "enabled", "task", "wanted"]

#: ``CLAC_PROGRESS`` values that force progress off or on, whatever stderr is.
_OFF = frozenset({"0", "no", "false", "off"})
_ON = frozenset({"1", "yes", "true", "on"})


class _State:
    __slots__ = ("language", "live", "on", "stream", "tasks")

    def __init__(self) -> None:
        self.on = False
        self.stream: TextIO | None = None
        self.language = Language.EN
        self.live: Any = None  # the rich Progress while a task runs
        self.tasks = 0


_STATE = _State()


def wanted(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to show progress on ``stream`` (default stderr): ``CLAC_PROGRESS`` if it says
    (``0``/``1``), else whether the stream is a terminal.

    >>> import io
    >>> wanted(io.StringIO(), {})
    False
    >>> wanted(io.StringIO(), {"CLAC_PROGRESS": "1"})
    True
    """
    env = os.environ if environ is None else environ
    forced = env.get("CLAC_PROGRESS", "").strip().lower()
    if forced in _OFF:
        return False
    if forced in _ON:
        return True
    target = sys.stderr if stream is None else stream
    try:
        return bool(target.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def enable(on: bool, *, stream: TextIO | None = None, language: Language | str = "en") -> None:
    """Turn progress on (to ``stream``, default stderr, in ``language``) or off."""
    _STATE.on = on
    _STATE.stream = stream
    _STATE.language = Language.parse(language)


def enabled() -> bool:
    """Whether progress is on."""
    return _STATE.on


class Task:
    """One piece of long work: :meth:`advance` moves it on (nothing is shown when off)."""

    __slots__ = ("_id", "_progress", "completed")

    def __init__(self, progress: Any = None, task_id: Any = None) -> None:
        self._progress = progress
        self._id = task_id
        self.completed = 0

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps done."""
        self.completed += steps
        if self._progress is not None:
            self._progress.advance(self._id, steps)


@contextmanager
def task(description: Text, total: int | None = None) -> Iterator[Task]:
    """A piece of long work of ``total`` steps (``None``: unknown, shown as a spinner)."""
    if not _STATE.on:
        yield Task()
        return
    progress = _STATE.live if _STATE.live is not None else _start()
    task_id = progress.add_task(description.in_(_STATE.language), total=total)
    _STATE.tasks += 1
    try:
        yield Task(progress, task_id)
    finally:
        progress.remove_task(task_id)
        _STATE.tasks -= 1
        if _STATE.tasks == 0:
            progress.stop()
            _STATE.live = None


def _start() -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    stream = sys.stderr if _STATE.stream is None else _STATE.stream
    console = Console(file=stream, force_terminal=True, highlight=False)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    progress.start()
    _STATE.live = progress
    return progress
