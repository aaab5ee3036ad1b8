"""Reading a registry file safely, and replacing any file atomically: the package's one writer."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Final

from clac.errors import ClacError, FileFormatError, InvalidData
from clac.io._messages import too_large
from clac.text import Text

__all__ = [
    "EXPORT_MODE",
    "MAX_FILE_SIZE",
    "REGISTRY_MODE",
    "TEMPORARY_SUFFIX",
    "FileAccessError",
    "read_bytes",
    "remove_stale_temporaries",
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


def _T(en: str, es: str, pt: str) -> Text:  # noqa: N802 - reads as the Text it makes
    return Text(en, es, pt=pt)


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
            raise FileAccessError(
                _T(
                    "is a directory, not a registry file",
                    "es una carpeta, no un archivo de registro",
                    "é uma pasta, não um arquivo de registro",
                ),
                value=shown,
            )
        if not stat.S_ISREG(mode):
            raise FileAccessError(
                _T("is not a regular file", "no es un archivo común", "não é um arquivo comum"),
                value=shown,
            )
        with path.open("rb") as handle:
            # Read one byte past the limit rather than trusting the size stat() gave.
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileAccessError(
            _T("does not exist", "no existe", "não existe"), value=shown
        ) from None
    except PermissionError:
        raise FileAccessError(
            _T(
                "cannot be read: permission denied",
                "no se puede leer: permiso denegado",
                "não pode ser lido: permissão negada",
            ),
            value=shown,
        ) from None
    except OSError as error:
        raise FileAccessError(
            _T(
                f"cannot be read: {error.strerror or error}",
                f"no se puede leer: {error.strerror or error}",
                f"não pode ser lido: {error.strerror or error}",
            ),
            value=shown,
        ) from None
    except ValueError as error:  # a NUL character in the path
        raise FileAccessError(f"cannot be read: {error}", value=shown) from None
    if len(data) > limit:
        raise FileFormatError(too_large(limit), value=shown)
    return data


#: What a temporary file of clac's ends with: ``.<target>.<pid>.<token>.clac-tmp``.
TEMPORARY_SUFFIX: Final = ".clac-tmp"
_TEMPORARY = re.compile(
    r"^\.(?P<target>.+)\.(?P<pid>[0-9]+)\.[0-9a-f]{12}" + re.escape(TEMPORARY_SUFFIX) + "$"
)
#: A temporary file older than this (seconds) is stale whoever wrote it.
_STALE_AFTER: Final = 3600.0
#: Permissions a new registry file is created with (it holds personal data): its owner's only.
REGISTRY_MODE: Final = 0o600
#: Permissions a new export is created with, less the umask: as any file a program writes.
EXPORT_MODE: Final = 0o666


def write_atomically(
    path: str | os.PathLike[str], data: str | bytes, *, mode: int = EXPORT_MODE
) -> Path:
    """Replace the file at ``path`` with ``data`` (text is written as UTF-8), all at once or not
    at all; return ``path``.

    This is the one way clac writes a file: registries, exports, pictures. The bytes go to a
    temporary file in the same folder, which is flushed, synced and then renamed over the
    target (``os.replace``), so that a reader sees the old file or the new one, never half of
    one. On any failure the temporary file is removed and the old file is left as it was.

    No copy outlives a killed writer: where the system allows it (Linux' ``O_TMPFILE``) the
    temporary file has no name until the instant before the rename; elsewhere it is named
    ``.<target>.<pid>.<token>.clac-tmp``, and every write removes the ones in its folder whose
    writer is gone (or that are over an hour old).

    A new file gets ``mode`` less the umask (:data:`REGISTRY_MODE`, owner only, for a registry;
    :data:`EXPORT_MODE` for an export); an existing file keeps its own permissions. A symbolic
    link is followed, not replaced. Raises :class:`FileAccessError` when the file cannot be
    written.
    """
    shown = os.fspath(path)
    try:
        target = Path(os.path.realpath(path))
    except ValueError as error:  # a NUL character in the path
        raise FileAccessError(f"cannot be written: {error}", value=shown) from None
    if target.is_dir():
        raise FileAccessError(
            _T(
                "is a directory, not a file to write",
                "es una carpeta, no un archivo que escribir",
                "é uma pasta, não um arquivo a gravar",
            ),
            value=shown,
        )
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    try:
        remove_stale_temporaries(target.parent)
        kept = _mode_of(target)
        if not _write_unnamed(target, payload, mode, kept):
            _write_named(target, payload, mode, kept)
        _sync_folder(target.parent)
    except FileNotFoundError:
        raise FileAccessError(
            _T(
                "cannot be written: its folder does not exist",
                "no se puede escribir: su carpeta no existe",
                "não pode ser gravado: sua pasta não existe",
            ),
            value=shown,
        ) from None
    except PermissionError:
        raise FileAccessError(
            _T(
                "cannot be written: permission denied",
                "no se puede escribir: permiso denegado",
                "não pode ser gravado: permissão negada",
            ),
            value=shown,
        ) from None
    except OSError as error:
        raise FileAccessError(
            f"cannot be written: {error.strerror or error}", value=shown
        ) from None
    return Path(path)


def _mode_of(target: Path) -> int | None:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return None


def _temporary_name(target: Path) -> Path:
    token = secrets.token_hex(6)
    return target.with_name(f".{target.name}.{os.getpid()}.{token}{TEMPORARY_SUFFIX}")


def _write_all(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(descriptor, view) :]
    os.fsync(descriptor)


def _write_unnamed(target: Path, payload: bytes, mode: int, kept: int | None) -> bool:
    """Write through a file without a name (``O_TMPFILE``), named only to be renamed at once.

    False, having written nothing, where the system or the file system cannot do it.
    """
    flag = getattr(os, "O_TMPFILE", None)
    proc = Path("/proc/self/fd")
    if flag is None or not proc.is_dir():
        return False
    try:
        descriptor = os.open(target.parent, flag | os.O_WRONLY, mode)
    except (IsADirectoryError, FileNotFoundError) as error:
        if not target.parent.is_dir():
            raise FileNotFoundError(error.errno, error.strerror) from None
        return False  # IsADirectoryError: a kernel without O_TMPFILE
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EINVAL, errno.EISDIR):
            return False  # a file system without it
        raise
    named: Path | None = None
    try:
        _write_all(descriptor, payload)
        if kept is not None:
            os.fchmod(descriptor, kept)
        named = _temporary_name(target)
        try:
            # linkat(..., AT_SYMLINK_FOLLOW), which os.link calls only when given a folder
            # descriptor: a plain link() would link /proc's symbolic link, not the file.
            folder = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                os.link(
                    f"/proc/self/fd/{descriptor}",
                    named.name,
                    dst_dir_fd=folder,
                    follow_symlinks=True,
                )
            finally:
                os.close(folder)
        except OSError:
            named = None
            return False
        named.replace(target)
        named = None
        return True
    finally:
        os.close(descriptor)
        if named is not None:
            with contextlib.suppress(OSError):
                named.unlink()


_WRITING: set[str] = set()  # this process' named temporaries being written


def _write_named(target: Path, payload: bytes, mode: int, kept: int | None) -> None:
    named = _temporary_name(target)
    _WRITING.add(named.name)
    try:
        descriptor = os.open(named, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            _write_all(descriptor, payload)
            if kept is not None:
                named.chmod(kept)
        finally:
            os.close(descriptor)
        named.replace(target)  # os.replace: atomic on POSIX and Windows
    except BaseException:
        with contextlib.suppress(OSError):
            named.unlink()
        raise
    finally:
        _WRITING.discard(named.name)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files clac left in ``folder`` (a writer killed mid-write):
    those whose process is gone, or older than an hour. Return what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        found = _TEMPORARY.match(entry.name) if entry.name.endswith(TEMPORARY_SUFFIX) else None
        if found is None or entry.name in _WRITING:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
            if old or not _running(int(found["pid"])):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (on Windows, where signal 0 would end it: assumed)."""
    if pid == os.getpid():
        return False  # this process writes only what _WRITING lists
    if os.name == "nt":  # pragma: no cover - not on the test platforms
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows syncing a folder (not Windows)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
