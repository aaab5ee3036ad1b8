"""Editing a registry file in place, as a transaction that keeps the file as its people wrote it.

:func:`edit` is a context manager: it locks the file, reads it, hands over a
:class:`RegistryEdit` whose :attr:`~RegistryEdit.coalition` the caller replaces (a
:class:`~clac.registry.Coalition` is frozen: change it with ``evolve`` or
:meth:`RegistryEdit.update`), and on leaving the block writes back only what changed:

>>> import clac, pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "coalition.yaml"
>>> _ = path.write_text("# Our registry.\\nclac: 1\\n\\n# The name:\\nname: 'CLAC'\\n")
>>> with clac.edit(path) as registry:
...     registry.update(name="CLAC LAC")
>>> print(path.read_text(), end="")
# Our registry.
clac: 1
<BLANKLINE>
# The name:
name: 'CLAC LAC'

The promises (docs/guarantees.md, "Editing a registry"):

- **A transaction.** An advisory lock (``flock``) on the registry file itself is held from
  before the read to after the write, so two edits of one file (two ``clac proposal advance``
  runs) happen one after the other and both are kept. No lock file is left behind: the lock
  is on the registry, and an edit that finds the file replaced while it waited locks the new
  one. Before writing, the file's bytes are compared with those read (SHA-256): a file another
  program changed meanwhile (an editor, ``git checkout``) is not overwritten
  (:class:`EditConflict`). Waiting for the lock gives up after ``timeout`` seconds
  (:class:`LockTimeout`). Both are :class:`~clac.errors.ClacError` s (exit status 2).
- **Validated, then atomic.** The new coalition must be one a file can hold, and the text
  written must load back equal to it; the file is then replaced atomically
  (:func:`clac.io.write_atomically`, keeping its permissions). If the block raises, or
  nothing changed, nothing is written.
- **The minimal change.** Comments, key order, quoting, flow or block style and blank lines
  stay as they were everywhere but the changed values (YAML through ``ruamel.yaml``, TOML
  through ``tomlkit``, JSON keeping its order and indentation; :mod:`clac.io._roundtrip`).
  An edit never redacts or drops a field: it is not an export.

Loading stays on the fast C safe loader: the round-trip libraries are imported only when an
edit writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from clac.errors import ClacError, InvalidData
from clac.io import _codec, _loads, dumps  # the readers `clac.load` uses, on bytes already read
from clac.io._files import (
    REGISTRY_MODE,
    FileAccessError,
    may_replace,
    read_bytes,
    write_atomically,
)
from clac.io._format import Format
from clac.io._layout import RegistryFile, from_coalition
from clac.io._roundtrip import edited_text
from clac.registry import Coalition
from clac.text import Text

__all__ = ["DEFAULT_LOCK_TIMEOUT", "EditConflict", "LockTimeout", "RegistryEdit", "edit"]

#: How long :func:`edit` waits for another edit of the same file to finish, in seconds.
DEFAULT_LOCK_TIMEOUT: Final = 10.0


class EditConflict(ClacError, RuntimeError):
    """The registry file changed between the moment an edit read it and the moment it would
    have written it: nothing was written."""


class LockTimeout(ClacError, TimeoutError):
    """Another edit held the registry file's lock longer than the edit would wait."""


class RegistryEdit:
    """An edit of one registry file under way: what :func:`edit` yields.

    :attr:`coalition` starts as the file's coalition; assign a new one (or call
    :meth:`update`) and :func:`edit` writes the difference when the block ends.
    :attr:`original` is the coalition as read.
    """

    __slots__ = ("_coalition", "_original", "format", "path")

    def __init__(self, path: Path, format_: Format, coalition: Coalition) -> None:
        #: The registry file being edited.
        self.path = path
        #: Its format.
        self.format = format_
        self._original = coalition
        self._coalition = coalition

    @property
    def original(self) -> Coalition:
        """The coalition the file held when the edit began."""
        return self._original

    @property
    def coalition(self) -> Coalition:
        """The coalition the file will hold when the edit ends."""
        return self._coalition

    @coalition.setter
    def coalition(self, value: Coalition) -> None:
        if not isinstance(value, Coalition):
            raise TypeError(f"coalition must be a clac Coalition, not {type(value).__name__}")
        self._coalition = value

    def update(self, **changes: Any) -> None:
        """Replace :attr:`coalition` by a copy with ``changes`` (``Coalition.evolve``)."""
        self._coalition = self._coalition.evolve(**changes)

    @property
    def changed(self) -> bool:
        """Whether the coalition differs from the one read."""
        return self._coalition != self._original

    def __repr__(self) -> str:
        return f"RegistryEdit({os.fspath(self.path)!r}, changed={self.changed})"


@contextlib.contextmanager
def edit(
    path: str | os.PathLike[str],
    format: Format | str | None = None,  # noqa: A002 - as clac.load names it
    *,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
    max_size: int | None = None,
) -> Iterator[RegistryEdit]:
    """Edit the registry file at ``path`` in place: lock it, read it, yield a
    :class:`RegistryEdit`, then validate and write back the minimal change (module docstring).

    ``format`` and ``max_size`` are as for :func:`clac.load`. ``timeout`` is how many seconds to
    wait for another edit of the file to finish. Raises what :func:`clac.load` raises for the
    file, :class:`LockTimeout`, :class:`EditConflict`, and what :func:`clac.dump` raises for a
    coalition a file cannot hold; in every case the file is left as it was.
    """
    format_ = Format.parse(format) if format is not None else Format.from_path(path)
    shown = os.fspath(path)
    read_bytes(Path(path), max_size)  # the clear errors of a missing or unreadable file first
    target = Path(os.path.realpath(path))
    with _locked(target, shown, timeout):
        data = read_bytes(target, max_size)
        original = _loads(data, format_, source=shown, max_size=max_size)
        session = RegistryEdit(Path(path), format_, original)
        yield session
        if not session.changed:
            return
        text = _minimal_change(data, format_, original, session.coalition, max_size)
        if hashlib.sha256(read_bytes(target, max_size)).digest() != hashlib.sha256(data).digest():
            raise EditConflict(_CHANGED, value=shown)
        may_replace(target)  # an edit in place: the file it read is the one it writes
        write_atomically(target, text, mode=REGISTRY_MODE)


def _minimal_change(
    data: bytes, format_: Format, old: Coalition, new: Coalition, max_size: int | None
) -> str:
    dumps(new, format_)  # refuses what no file can hold, as clac.dump would
    converter = _codec(format_).CONVERTER
    try:
        text = edited_text(
            format_,
            data.decode("utf-8"),
            converter.unstructure(from_coalition(old), RegistryFile),
            converter.unstructure(from_coalition(new), RegistryFile),
        )
    except Exception as error:  # pragma: no cover - a clac bug, or one of the round trip's
        raise RuntimeError(f"the registry could not be edited in place: {error}") from error
    try:
        reread = _loads(text, format_, source=None, max_size=max_size)
    except ClacError as error:  # pragma: no cover - a clac bug: the edit would break the file
        raise RuntimeError(f"the edited registry would not load back: {error}") from error
    if reread != new:  # pragma: no cover - a clac bug: the edit would change other data
        raise RuntimeError("the edited registry would not load back as the edited coalition")
    return text


_CHANGED = Text(
    "changed since this edit read it (another program wrote it meanwhile): nothing was "
    "written; run the edit again on the file as it is now",
    "cambió desde que esta edición lo leyó (otro programa lo escribió entretanto): no se "
    "escribió nada; repita la edición sobre el archivo tal como está ahora",
    pt="mudou desde que esta edição o leu (outro programa o gravou nesse meio-tempo): nada "
    "foi gravado; repita a edição sobre o arquivo como está agora",
)


# ------------------------------------------------------------------------------ the lock


def _timed_out(timeout: float) -> Text:
    return Text(
        f"is being edited by another process (clac proposal advance, clac.edit): gave up "
        f"waiting for its lock after {timeout:g} seconds; nothing was written",
        f"otro proceso lo está editando (clac proposal advance, clac.edit): se dejó de esperar "
        f"su bloqueo tras {timeout:g} segundos; no se escribió nada",
        pt=f"outro processo o está editando (clac proposal advance, clac.edit): desistiu-se de "
        f"esperar seu bloqueio após {timeout:g} segundos; nada foi gravado",
    )


@contextlib.contextmanager
def _locked(target: Path, shown: str, timeout: float) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``target`` itself (no lock file is made)."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout >= 0:
        raise InvalidData("must be a number of seconds, 0 or more", path="timeout", value=timeout)
    if sys.platform == "win32":  # pragma: no cover - no flock: a lock file beside the registry
        import filelock

        lock = filelock.FileLock(f"{target}.lock")
        try:
            lock.acquire(timeout=timeout)
        except filelock.Timeout:
            raise LockTimeout(_timed_out(timeout), value=shown) from None
        try:
            yield
        finally:
            lock.release()
        return
    descriptor = _lock(target, shown, timeout)
    try:
        yield
    finally:
        os.close(descriptor)  # closing the last descriptor releases the lock


def _lock(target: Path, shown: str, timeout: float) -> int:
    import fcntl

    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError as error:
            raise FileAccessError(
                f"cannot be opened to lock it: {error.strerror or error}", value=shown
            ) from None
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeout(_timed_out(timeout), value=shown) from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.05)
                except OSError as error:  # a file system without locks (ENOLCK, EOPNOTSUPP)
                    raise FileAccessError(
                        f"cannot be locked for editing: {error.strerror or error}", value=shown
                    ) from None
            if _same_file(descriptor, target):
                return descriptor
        except BaseException:
            os.close(descriptor)
            raise
        # Another edit replaced the file (renamed its new version over it) while this one
        # waited: the lock held is on the old file. Lock the file the name now holds.
        os.close(descriptor)


def _same_file(descriptor: int, target: Path) -> bool:
    held = os.fstat(descriptor)
    try:
        named = target.stat()
    except FileNotFoundError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)
