"""Reading a registry file safely, and replacing one atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Final

from clac.errors import ClacError, FileFormatError, InvalidData
from clac.io._messages import too_large

__all__ = [
    "MAX_FILE_SIZE",
    "FileAccessError",
    "read_bytes",
    "size_limit",
    "too_large",
    "write_atomically",
]

#: The largest registry file clac reads by default, in bytes (50 MB): a registry is a few
#: hundred KB; a bigger file is most likely a mistake, and reading it whole could exhaust
#: memory. ``load(..., max_size=N)`` reads a larger one on purpose (a synthetic registry of
#: 100,000 members is about 60 MB of JSON).
MAX_FILE_SIZE: Final = 50 * 1024 * 1024


def size_limit(max_size: int | None, default: int) -> int:
    """The size limit a reader applies: ``max_size``, or ``default`` when it is None.

    Raises :class:`~clac.errors.InvalidData` for anything but a positive whole number.
    """
    if max_size is None:
        return default
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise InvalidData(
            "must be a positive whole number of bytes", path="max_size", value=max_size
        )
    return max_size


class FileAccessError(ClacError, OSError):
    """A registry file cannot be opened, read or written: it does not exist, is a directory …"""


def read_bytes(path: Path, max_size: int | None = None) -> bytes:
    """The bytes of the registry file at ``path``, at most ``max_size`` of them
    (:data:`MAX_FILE_SIZE` by default)."""
    limit = size_limit(max_size, MAX_FILE_SIZE)
    shown = os.fspath(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise FileAccessError("is a directory, not a registry file", value=shown)
        if not stat.S_ISREG(mode):
            raise FileAccessError("is not a regular file", value=shown)
        with path.open("rb") as handle:
            # Read one byte past the limit rather than trusting the size stat() gave.
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileAccessError("does not exist", value=shown) from None
    except PermissionError:
        raise FileAccessError("cannot be read: permission denied", value=shown) from None
    except OSError as error:
        raise FileAccessError(f"cannot be read: {error.strerror or error}", value=shown) from None
    except ValueError as error:  # a NUL character in the path
        raise FileAccessError(f"cannot be read: {error}", value=shown) from None
    if len(data) > limit:
        raise FileFormatError(too_large(limit), value=shown)
    return data


def write_atomically(path: Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8), all at once or not at all.

    The text goes to a temporary file in the same folder, which is flushed, synced and then
    renamed over the target (``os.replace``), so that a reader sees the old file or the new one,
    never half of one. On any failure the temporary file is removed and the old file is left as
    it was. An existing file keeps its permissions; a new one is readable by its owner only,
    since a registry holds personal data. A symbolic link is followed, not replaced.
    """
    shown = os.fspath(path)
    try:
        target = Path(os.path.realpath(path))
    except ValueError as error:  # a NUL character in the path
        raise FileAccessError(f"cannot be written: {error}", value=shown) from None
    if target.is_dir():
        raise FileAccessError("is a directory, not a registry file", value=shown)
    data = text.encode("utf-8")
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        temporary.replace(target)  # os.replace: atomic on POSIX and Windows
        temporary = None
        _sync_folder(target.parent)
    except FileNotFoundError:
        raise FileAccessError("cannot be written: its folder does not exist", value=shown) from None
    except PermissionError:
        raise FileAccessError("cannot be written: permission denied", value=shown) from None
    except OSError as error:
        raise FileAccessError(
            f"cannot be written: {error.strerror or error}", value=shown
        ) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows syncing a folder (not Windows)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
