"""The files a command reads, so that its one writer never writes over them.

:func:`guarding_inputs` opens the record; :func:`clac.io.read_bytes`, the one reader, notes
every file it opens in it (by device and inode: the same file under any name, through a
symbolic or a hard link); :func:`clac.io.write_atomically`, the one writer, refuses a target
noted there. The ``clac`` command runs every command within it. This module is light on
purpose: the command enters it before it knows whether it will read anything.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator

__all__ = ["forget", "guarding", "guarding_inputs", "inputs_read", "note", "read_as"]

_INPUTS: contextvars.ContextVar[dict[tuple[int, int], str] | None] = contextvars.ContextVar(
    "clac_inputs", default=None
)


@contextlib.contextmanager
def guarding_inputs() -> Iterator[None]:
    """Within it, what :func:`clac.io.read_bytes` opens is noted and
    :func:`clac.io.write_atomically` refuses to write over it (or over a file of clac's own
    package), and ``-`` as an output names standard output.

    A command that edits a file in place says so first (:func:`clac.io.may_replace`).
    """
    token = _INPUTS.set({})
    try:
        yield
    finally:
        _INPUTS.reset(token)


def guarding() -> bool:
    """Whether this runs within :func:`guarding_inputs`."""
    return _INPUTS.get() is not None


def note(info: os.stat_result, shown: str) -> None:
    """Note the file ``info`` describes (named ``shown``) as read."""
    inputs = _INPUTS.get()
    if inputs is not None:
        inputs.setdefault((info.st_dev, info.st_ino), shown)


def read_as(info: os.stat_result) -> str | None:
    """The name the file ``info`` describes was read under, or None if it was not read."""
    inputs = _INPUTS.get()
    return None if inputs is None else inputs.get((info.st_dev, info.st_ino))


def forget(info: os.stat_result) -> None:
    """Forget that the file ``info`` describes was read (it is edited in place)."""
    inputs = _INPUTS.get()
    if inputs is not None:
        inputs.pop((info.st_dev, info.st_ino), None)


def inputs_read() -> list[str]:
    """The files read so far within :func:`guarding_inputs`, as they were named."""
    inputs = _INPUTS.get()
    return [] if inputs is None else list(inputs.values())
