"""Loading what installed plugins declare in an entry-point group (rules, frameworks), and
keeping what a plugin prints off clac's standard output.

An entry point names an object, a list of them, a module holding them (where the caller says
how to find them) or a callable returning any of those. A plugin that fails to load, whatever
it raises (an exception, ``SystemExit``, even ``sys.exit(0)``), is one line in the errors
returned, ``plugin NAME failed to load: …``; the caller decides what it means (``clac check``
stops with exit status 3, never a silent success). Only ``KeyboardInterrupt`` goes through:
it is the user's Ctrl-C, which stops the run.

A plugin's ``print`` would land in the middle of ``clac check --format json``: while plugins
load, and while their rules run (:func:`plugin_output`), standard output goes to a temporary
file instead, at the level of ``sys.stdout`` and of file descriptor 1 (so a C extension's or
a child process's writes are caught too), and what was printed is then copied to standard
error, each line marked with where it came from.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import IO, Any, TypeVar

from clac._escape import terminal

__all__ = ["PluginOutput", "load_plugins", "plugin_output"]

T = TypeVar("T")

#: The most of a plugin's output copied to standard error; the rest is counted.
SHOWN_OUTPUT = 16 * 1024


def load_plugins(
    group: str, kind: type[T], *, in_module: Callable[[Any], list[T]] | None = None
) -> tuple[list[tuple[str, T]], list[str]]:
    """Every ``kind`` the plugins of ``group`` declare, each with its distribution's name, and
    one line per plugin that could not be loaded (``plugin NAME failed to load: …``)."""
    found: list[tuple[str, T]] = []
    errors: list[str] = []
    if not may_declare(group):
        return found, errors
    points = list(entry_points(group=group))
    if not points:
        return found, errors
    with plugin_output() as output:
        for ep in points:
            source = ep.dist.name if ep.dist is not None else ep.name
            try:
                loaded = ep.load()
                value = loaded() if callable(loaded) and not isinstance(loaded, kind) else loaded
                items = _as_items(value, kind, in_module)
            except KeyboardInterrupt:
                raise  # the user's Ctrl-C: the run stops (exit status 130)
            except BaseException as error:  # noqa: BLE001 - SystemExit too: never a silent exit
                errors.append(
                    f"plugin {source} failed to load: entry point {ep.name!r} "
                    f"({ep.value}): {described(error)}"
                )
                continue
            finally:
                output.forward(f"plugin {source}")
            found.extend((source, item) for item in items)
    return found, errors


def may_declare(group: str) -> bool:
    """Whether an installed distribution may declare entry points of ``group``: False only
    when no ``entry_points.txt`` of a ``*.dist-info`` or ``*.egg-info`` directory on
    ``sys.path`` names it, and nothing else could hold one.

    ``importlib.metadata.entry_points`` builds a distribution object for every package
    installed and parses each one's entry points: most of a small ``clac check``'s start-up
    when no plugin is installed. This look reads only the small ``entry_points.txt`` files,
    as bytes, for the group's name. It is a superset: a name found anywhere in such a file
    (a comment, another group) sends discovery the usual way, which decides. A ``sys.path``
    entry that is not a directory (a zip file) and any import finder but the standard one
    that may list distributions also do, since only ``importlib.metadata`` can look there.
    """
    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder.__module__ not in _STANDARD_FINDERS:
            return True
    needle = group.encode()
    for entry in sys.path:
        if entry.endswith(".egg"):
            return True  # an egg's EGG-INFO: importlib.metadata reads it
        try:
            listing = os.scandir(entry or ".")
        except NotADirectoryError:
            return True  # a zip archive: importlib.metadata reads it
        except OSError:
            continue  # a missing directory holds nothing
        with listing:
            for item in listing:
                if not item.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    if needle in Path(item.path, "entry_points.txt").read_bytes():
                        return True
                except OSError:
                    continue  # no entry points (or an egg-info file)
    return False


#: The modules of the import finders that find distributions only on ``sys.path``.
_STANDARD_FINDERS = frozenset({"importlib._bootstrap_external", "_frozen_importlib_external"})


def described(error: BaseException) -> str:
    """``Type: message`` of ``error`` on one line, cut at 200 characters; an exception whose
    message itself fails is named by its type alone."""
    try:
        said = str(error)
    except Exception:  # noqa: BLE001 - a plugin's exception whose message itself fails
        said = "(its message cannot be shown)"
    said = " ".join(said.split())
    if len(said) > 200:
        said = said[:199] + "…"
    return type(error).__name__ + (f": {said}" if said else "")


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


# ------------------------------------------------------------------------ standard output


class PluginOutput:
    """Standard output, caught in a temporary file while plugin code runs.

    :meth:`forward` copies what was printed since its last call to standard error, each line
    as ``clac: NAME printed: …`` (escaped for a terminal, at most :data:`SHOWN_OUTPUT` bytes
    each time, the rest counted).
    """

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._stdout: Any = None
        self._saved_fd: int | None = None
        self._read = 0
        #: Bytes written through ``sys.stdout`` past what is shown, counted and not kept.
        self.dropped = 0

    def fileno(self) -> int:
        """The temporary file's descriptor."""
        if self._file is None:
            raise io.UnsupportedOperation("standard output is no longer caught")
        return self._file.fileno()

    def room(self) -> int:
        """How many more bytes are worth keeping before the next :meth:`forward`."""
        if self._file is None:
            return 0
        return max(SHOWN_OUTPUT - (os.fstat(self._file.fileno()).st_size - self._read), 0)

    def keep(self, data: bytes) -> None:
        """Write ``data`` to the temporary file (all of it: a short write goes on)."""
        if self._file is None:
            return
        view = memoryview(data)
        while view:
            view = view[os.write(self._file.fileno(), view) :]

    def _start(self) -> None:
        _flush(sys.stdout)
        _flush(sys.__stdout__)
        try:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _stop
        except OSError:  # no temporary folder to write in: what plugins print is dropped
            self._file = open(os.devnull, "w+b")  # noqa: SIM115, PTH123 - closed in _stop
        self._stdout = sys.stdout
        with contextlib.suppress(OSError):  # descriptor 1 closed: sys.stdout is still caught
            saved = os.dup(1)
            try:
                os.dup2(self._file.fileno(), 1)
            except OSError:
                os.close(saved)
                raise
            self._saved_fd = saved
        sys.stdout = io.TextIOWrapper(
            _Kept(self), encoding="utf-8", errors="backslashreplace", write_through=True
        )

    def _stop(self) -> None:
        caught: Any = sys.stdout
        sys.stdout = self._stdout
        _flush(caught)
        with contextlib.suppress(Exception):
            caught.detach()  # the temporary file is closed below, once
        if self._saved_fd is not None:
            _flush(sys.__stdout__)
            _flush_c_stdio()
            os.dup2(self._saved_fd, 1)
            os.close(self._saved_fd)
            self._saved_fd = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def forward(self, name: str) -> None:
        """Copy what was printed since the last call to standard error, as ``name``'s."""
        file = self._file
        if file is None:
            return
        _flush(sys.stdout)
        if self._saved_fd is not None:
            _flush(sys.__stdout__)
            _flush_c_stdio()
        end = os.fstat(file.fileno()).st_size
        dropped, self.dropped = self.dropped, 0
        if end <= self._read and not dropped:
            return
        start, self._read = self._read, end
        shown = _read_at(file.fileno(), min(end - start, SHOWN_OUTPUT), start)
        left = end - start - len(shown) + dropped
        lines = shown.decode("utf-8", "backslashreplace").splitlines()
        err = sys.stderr
        if err is None:
            return
        with contextlib.suppress(OSError, ValueError):  # a closed standard error: nothing to say
            for line in lines:
                err.write(f"clac: {name} printed: {terminal(line)}\n")
            if left > 0:
                err.write(f"clac: {name} printed {left:,} more bytes, not shown\n")
            err.flush()


class _Kept(io.RawIOBase):
    """The raw stream under ``sys.stdout`` while output is caught: what is worth showing goes
    to the temporary file, the rest is only counted (a plugin printing in a loop until its
    budget runs out fills no disk)."""

    def __init__(self, output: PluginOutput) -> None:
        super().__init__()
        self._output = output

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        """The temporary file's descriptor (for a child process given ``sys.stdout``)."""
        return self._output.fileno()

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        room = self._output.room()
        self._output.keep(chunk[:room])
        self._output.dropped += max(len(chunk) - room, 0)
        return len(chunk)


@contextlib.contextmanager
def plugin_output() -> Iterator[PluginOutput]:
    """Within it, what is written to standard output (``sys.stdout``, ``sys.__stdout__``, file
    descriptor 1 where it can be redirected) is caught; call :meth:`PluginOutput.forward` to
    copy it to standard error."""
    output = PluginOutput()
    output._start()
    try:
        yield output
    finally:
        output._stop()


def _flush(stream: Any) -> None:
    with contextlib.suppress(Exception):  # closed, or not a stream: nothing to flush
        stream.flush()


def _flush_c_stdio() -> None:
    """Flush the C library's buffered ``stdout`` (a C extension's ``printf``) while it still
    goes to the temporary file."""
    with contextlib.suppress(Exception):  # no C library to ask: nothing buffered there
        _c_fflush()(None)


@functools.cache
def _c_fflush() -> Any:
    import ctypes

    return ctypes.CDLL(None).fflush


def _read_at(fd: int, size: int, offset: int) -> bytes:
    """``size`` bytes of ``fd`` from ``offset``, leaving its offset (shared with descriptor
    1 while output is caught) where it was."""
    pread = getattr(os, "pread", None)
    if pread is not None:
        data: bytes = pread(fd, size, offset)
        return data
    here = os.lseek(fd, 0, os.SEEK_CUR)  # pragma: no cover - systems without pread
    try:  # pragma: no cover
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, size)
    finally:  # pragma: no cover
        os.lseek(fd, here, os.SEEK_SET)
