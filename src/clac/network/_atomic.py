"""Writing a PNG export all at once or not at all.

:func:`clac.io.write_text_atomically` writes the text exports (GEXF, GraphML, JSON); a picture
is bytes, so this is the same recipe for bytes: write a temporary file in the target's
folder, flush and sync it, then ``os.replace`` it over the target. A reader sees the old file
or the new one, never half of one; on failure the temporary file is removed and the old file
is left as it was. Unlike a registry file (which holds personal data and is created readable
by its owner only), a picture holds none and is created with the usual permissions (``0o666``
less the umask); an existing file keeps its own.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from clac.io import FileAccessError

__all__ = ["write_bytes_atomically"]


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace the file at ``path`` with ``data``; return the path written.

    Raises :class:`clac.io.FileAccessError` (a :class:`~clac.errors.ClacError`) when the file
    cannot be written.
    """
    shown = os.fspath(path)
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise FileAccessError("is a directory, not a file to export to", value=shown)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    written = False
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        written = True
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        temporary.replace(target)
        written = False
    except FileNotFoundError:
        raise FileAccessError("cannot be written: its folder does not exist", value=shown) from None
    except PermissionError:
        raise FileAccessError("cannot be written: permission denied", value=shown) from None
    except OSError as error:
        raise FileAccessError(
            f"cannot be written: {error.strerror or error}", value=shown
        ) from None
    finally:
        if written:
            with contextlib.suppress(OSError):
                temporary.unlink()
    return Path(path)
