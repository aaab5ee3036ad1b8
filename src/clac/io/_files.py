"""Reading a registry file safely, and replacing any file atomically: the package's one writer."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path
from typing import BinaryIO, Final

from clac import _inputs
from clac.errors import ClacError, FileFormatError, InvalidData
from clac.io._messages import too_large
from clac.text import Text

__all__ = [
    "EXPORT_MODE",
    "FIFO_WAIT",
    "MAX_FILE_SIZE",
    "REGISTRY_MODE",
    "TEMPORARY_SUFFIX",
    "FileAccessError",
    "may_replace",
    "read_bytes",
    "read_utf8",
    "remove_stale_temporaries",
    "size_limit",
    "too_large",
    "write_atomically",
    "writes_to_standard_output",
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
            info = os.fstat(handle.fileno())
            _inputs.note(info, shown)
            data = _read_at_most(handle, limit, info.st_size)
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


_CHUNK: Final = 1 << 24


def _read_at_most(handle: BinaryIO, limit: int, size: int) -> bytes:
    """At most ``limit + 1`` bytes of ``handle``: one byte past the limit rather than trusting
    the size ``stat()`` gave (``size``), and never a buffer of ``limit`` bytes allocated up
    front (a limit of 1e30 bytes is a limit, not a request)."""
    data = handle.read(min(limit, size) + 1)
    if len(data) <= size or len(data) > limit:
        return data
    parts = [data]  # the file grew since stat(): read on, a piece at a time
    read = len(data)
    while read <= limit:
        part = handle.read(min(limit + 1 - read, _CHUNK))
        if not part:
            break
        parts.append(part)
        read += len(part)
    return b"".join(parts)


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


def read_utf8(path: Path, max_size: int | None = None) -> str:
    """The text of the UTF-8 file at ``path`` (a leading byte-order mark dropped), read as
    :func:`read_bytes` reads it; :class:`~clac.errors.FileFormatError` naming the file, the byte
    and its offset when it is not UTF-8."""
    data = read_bytes(path, max_size)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(
            f"is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})",
            value=os.fspath(path),
        ) from None


def write_atomically(
    path: str | os.PathLike[str], data: str | bytes, *, mode: int = EXPORT_MODE
) -> Path:
    """Replace the file at ``path`` with ``data`` (text is written as UTF-8), all at once or not
    at all; return ``path``.

    This is the one way clac writes a file: registries, exports, pictures. The bytes go to a
    temporary file in the same folder, which is flushed, synced and then renamed over the
    target (``os.replace``), so that a reader sees the old file or the new one, never half of
    one. On any failure (a full disk, a file-size limit) the temporary file is removed and the
    old file is left as it was.

    No copy outlives a killed writer: where the system allows it (Linux' ``O_TMPFILE``) the
    temporary file has no name until the instant before the rename; elsewhere it is named
    ``.<target>.<pid>.<token>.clac-tmp``, and every write removes the ones in its folder whose
    writer is gone (or that are over an hour old).

    A new file gets ``mode`` less the umask (:data:`REGISTRY_MODE`, owner only, for a registry;
    :data:`EXPORT_MODE` for an export); an existing file keeps its own permissions. A symbolic
    link is followed, not replaced.

    What is not a regular file is never replaced: a FIFO or a character device (``/dev/null``,
    a terminal) is opened and written as a stream (a FIFO's reader is awaited for
    :data:`FIFO_WAIT` seconds); ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to
    that descriptor of this process, and so does ``-`` (standard output) within
    :func:`clac._inputs.guarding_inputs`. A block device is refused.

    Within :func:`clac._inputs.guarding_inputs` (every ``clac`` command), a target that is
    one of the files the command read (the same device and inode, through symbolic or hard
    links) or one of clac's own files is refused, and nothing is written.

    Raises :class:`FileAccessError` when the file cannot be written, naming ``path``.
    """
    shown = os.fspath(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    descriptor = _descriptor_named(shown)
    if descriptor is not None:
        _write_descriptor(descriptor, payload, shown)
        return Path(path)
    try:
        target = Path(os.path.realpath(path))
        info = _stat_or_none(target)
    except ValueError as error:  # a NUL character in the path
        raise FileAccessError(f"cannot be written: {error}", value=shown) from None
    except OSError as error:
        raise _write_error(error, shown) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise FileAccessError(
            _T(
                "is a directory, not a file to write",
                "es una carpeta, no un archivo que escribir",
                "é uma pasta, não um arquivo a gravar",
            ),
            value=shown,
        )
    _refuse_input(target, info, shown)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_special(target, info, payload, shown)
        return Path(path)
    try:
        remove_stale_temporaries(target.parent)
        kept = None if info is None else stat.S_IMODE(info.st_mode)
        if not _write_unnamed(target, payload, mode, kept):
            _write_named(target, payload, mode, kept)
        _sync_folder(target.parent)
    except OSError as error:
        raise _write_error(error, shown) from None
    return Path(path)


def _stat_or_none(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None  # the write says the folder does not exist


def _write_error(error: OSError, shown: str) -> FileAccessError:
    """The :class:`FileAccessError` of ``error``, met writing ``shown``."""
    if isinstance(error, FileAccessError):
        return error
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return FileAccessError(
            _T(
                "cannot be written: its folder does not exist",
                "no se puede escribir: su carpeta no existe",
                "não pode ser gravado: sua pasta não existe",
            ),
            value=shown,
        )
    if isinstance(error, PermissionError):
        return FileAccessError(
            _T(
                "cannot be written: permission denied",
                "no se puede escribir: permiso denegado",
                "não pode ser gravado: permissão negada",
            ),
            value=shown,
        )
    if isinstance(error, BrokenPipeError):
        return FileAccessError(
            _T(
                "cannot be written: its reader closed it before the end (nothing complete "
                "was written)",
                "no se puede escribir: quien lo leía lo cerró antes del final (no se escribió "
                "nada completo)",
                "não pode ser gravado: quem o lia o fechou antes do fim (nada completo foi "
                "gravado)",
            ),
            value=shown,
        )
    reason = _WRITE_ERRORS.get(error.errno or 0)
    if reason is not None:
        return FileAccessError(reason, value=shown)
    detail = error.strerror or str(error)
    return FileAccessError(
        _T(
            f"cannot be written: {detail}",
            f"no se puede escribir: {detail}",
            f"não pode ser gravado: {detail}",
        ),
        value=shown,
    )


_CUT_SHORT = (
    " (nothing was written: the previous file, if any, is as it was)",
    " (no se escribió nada: el archivo anterior, si había, quedó igual)",
    " (nada foi gravado: o arquivo anterior, se havia, ficou igual)",
)
_WRITE_ERRORS: Final[dict[int, Text]] = {
    errno.ENOSPC: _T(
        "cannot be written: no space left on the device" + _CUT_SHORT[0],
        "no se puede escribir: no queda espacio en el dispositivo" + _CUT_SHORT[1],
        "não pode ser gravado: não há espaço no dispositivo" + _CUT_SHORT[2],
    ),
    errno.EFBIG: _T(
        "cannot be written: larger than the file-size limit allows" + _CUT_SHORT[0],
        "no se puede escribir: supera el límite de tamaño de archivo" + _CUT_SHORT[1],
        "não pode ser gravado: maior do que o limite de tamanho de arquivo" + _CUT_SHORT[2],
    ),
    errno.EDQUOT: _T(
        "cannot be written: the disk quota is exceeded" + _CUT_SHORT[0],
        "no se puede escribir: se superó la cuota de disco" + _CUT_SHORT[1],
        "não pode ser gravado: a cota de disco foi excedida" + _CUT_SHORT[2],
    ),
    errno.ENAMETOOLONG: _T(
        "cannot be written: its name is too long for the file system",
        "no se puede escribir: su nombre es demasiado largo para el sistema de archivos",
        "não pode ser gravado: seu nome é longo demais para o sistema de arquivos",
    ),
    errno.EROFS: _T(
        "cannot be written: the file system is read-only",
        "no se puede escribir: el sistema de archivos es de solo lectura",
        "não pode ser gravado: o sistema de arquivos é somente leitura",
    ),
}


# ------------------------------------------------------------ what a command reads, and writes

#: The folder of the clac package: its data files (the demo, the charter, the frameworks).
_PACKAGE: Final = Path(__file__).resolve().parent.parent


def may_replace(path: str | os.PathLike[str]) -> None:
    """Let :func:`write_atomically` replace ``path``, a file the command read (within
    :func:`clac._inputs.guarding_inputs`): the caller edits it in place on purpose."""
    with contextlib.suppress(OSError, ValueError):
        _inputs.forget(Path(path).stat())


def _refuse_input(target: Path, info: os.stat_result | None, shown: str) -> None:
    if not _inputs.guarding():
        return
    read = None if info is None else _inputs.read_as(info)
    if read is not None:
        raise FileAccessError(_is_input(read, shown), value=shown)
    if target.is_relative_to(_PACKAGE):
        raise FileAccessError(
            _T(
                "is inside clac's own package, whose files clac reads: choose another output",
                "está dentro del paquete de clac, cuyos archivos clac lee: elija otra salida",
                "está dentro do pacote do clac, cujos arquivos o clac lê: escolha outra saída",
            ),
            value=shown,
        )


def _is_input(read: str, shown: str) -> Text:
    if read == shown:
        return _T(
            "is a file this command reads: clac never writes over its input; choose another output",
            "es un archivo que este comando lee: clac nunca escribe sobre su entrada; elija "
            "otra salida",
            "é um arquivo que este comando lê: o clac nunca grava sobre sua entrada; escolha "
            "outra saída",
        )
    return _T(
        f"is {read!r}, a file this command reads, under another name or through a link: "
        "clac never writes over its input; choose another output",
        f"es {read!r}, un archivo que este comando lee, con otro nombre o por un enlace: "
        "clac nunca escribe sobre su entrada; elija otra salida",
        f"é {read!r}, um arquivo que este comando lê, com outro nome ou por um link: o clac "
        "nunca grava sobre sua entrada; escolha outra saída",
    )


# --------------------------------------------------------------- streams: not regular files

#: How long (seconds) a write to a FIFO waits for a reader to open it before giving up.
FIFO_WAIT: Final = 5.0

_OWN_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd|proc/thread-self/fd)/([0-9]{1,9})$")
_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2, "/dev/stdin": 0}


def _descriptor_named(shown: str) -> int | None:
    """The descriptor of this process ``shown`` names (``/dev/stdout``, ``/dev/fd/3``; ``-``
    within :func:`clac._inputs.guarding_inputs`), or None for any other path."""
    if shown == "-" and _inputs.guarding():
        return 1
    path = shown
    for _ in range(40):  # through symbolic links to them (as the kernel, at most 40)
        found = _named_descriptor(path)
        if found is not None:
            return found
        link = Path(path)
        try:
            if not link.is_symlink():
                return None
            path = os.path.normpath(link.parent / link.readlink())
        except (OSError, ValueError):
            return None
    return None


def _named_descriptor(path: str) -> int | None:
    if path in _STANDARD:
        return _STANDARD[path]
    found = _OWN_DESCRIPTOR.match(path) or re.match(
        rf"^/proc/{os.getpid()}/fd/([0-9]{{1,9}})$", path
    )
    return None if found is None else int(found[1])


def writes_to_standard_output(path: str | os.PathLike[str] | None) -> bool:
    """Whether writing ``path`` writes to this process' standard output (``-`` within
    :func:`clac._inputs.guarding_inputs`, ``/dev/stdout``, ``/dev/fd/1``): what else the
    command says then goes to standard error."""
    return path is not None and _descriptor_named(os.fspath(path)) == 1


def _write_descriptor(descriptor: int, payload: bytes, shown: str) -> None:
    """Write ``payload`` to this process' ``descriptor`` (standard output and error through
    Python's streams, so that what was printed before comes first)."""
    stream = {1: sys.stdout, 2: sys.stderr}.get(descriptor)
    try:
        if stream is None and descriptor in (1, 2):
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        if stream is None:
            _refuse_input(Path(shown), os.fstat(descriptor), shown)
            _write_stream(descriptor, payload)
            return
        try:
            info: os.stat_result | None = os.fstat(stream.fileno())
        except (OSError, ValueError, AttributeError):  # a stream with no descriptor
            info = None
        if info is not None:
            _refuse_input(Path(shown), info, shown)
        _write_text_stream(stream, payload, shown)
    except BrokenPipeError:
        if descriptor == 1:
            raise  # the reader of standard output left: the command's own status stands
        raise _write_error(BrokenPipeError(errno.EPIPE, "Broken pipe"), shown) from None
    except OSError as error:
        raise _write_error(error, shown) from None


def _write_text_stream(stream: object, payload: bytes, shown: str) -> None:
    write = getattr(stream, "write")  # noqa: B009 - a text stream, typed as object
    stream_flush = getattr(stream, "flush", None)
    isatty = getattr(stream, "isatty", None)
    terminal = bool(callable(isatty) and isatty())
    buffer = getattr(stream, "buffer", None)
    if terminal or buffer is None:
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError:
            raise FileAccessError(
                _T(
                    "is a terminal: binary output (a picture) is not written to one; "
                    "redirect it to a file",
                    "es una terminal: una salida binaria (una imagen) no se escribe en ella; "
                    "rediríjala a un archivo",
                    "é um terminal: uma saída binária (uma imagem) não é gravada nele; "
                    "redirecione-a para um arquivo",
                ),
                value=shown,
            ) from None
        write(text)  # a terminal's stream escapes what it shows (clac.cli)
    else:
        if callable(stream_flush):
            stream_flush()  # what was printed before comes first
        buffer.write(payload)
        buffer.flush()
    if callable(stream_flush):
        stream_flush()


def _write_special(target: Path, info: os.stat_result, payload: bytes, shown: str) -> None:
    """Write ``payload`` to a FIFO or a character device as a stream: never replace it."""
    if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise FileAccessError(
            _T(
                "is a device or socket, not a file clac writes to",
                "es un dispositivo o un socket, no un archivo en el que clac escriba",
                "é um dispositivo ou socket, não um arquivo em que o clac grave",
            ),
            value=shown,
        )
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        if stat.S_ISFIFO(info.st_mode):
            descriptor = _open_fifo(target, flags, shown)
        else:
            descriptor = os.open(target, flags)
        try:
            _write_stream(descriptor, payload)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise _write_error(error, shown) from None


def _open_fifo(target: Path, flags: int, shown: str) -> int:
    """Open a FIFO for writing once a reader has it open, waiting :data:`FIFO_WAIT` seconds."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            descriptor = os.open(target, flags | nonblocking)
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                if error.errno == errno.ENXIO:
                    raise FileAccessError(
                        _T(
                            f"is a FIFO that no program opened for reading within "
                            f"{FIFO_WAIT:g} seconds: nothing was written",
                            f"es un FIFO que ningún programa abrió para leer en "
                            f"{FIFO_WAIT:g} segundos: no se escribió nada",
                            f"é um FIFO que nenhum programa abriu para leitura em "
                            f"{FIFO_WAIT:g} segundos: nada foi gravado",
                        ),
                        value=shown,
                    ) from None
                raise
            time.sleep(0.02)
            continue
        os.set_blocking(descriptor, True)
        return descriptor


def _write_stream(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(descriptor, view)
        if written <= 0:  # pragma: no cover - os.write raises rather than write nothing
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def _temporary_name(target: Path) -> Path:
    token = secrets.token_hex(6)
    # At most 100 bytes of the target's name: a name near NAME_MAX (255 bytes) still has a
    # temporary name the file system can hold.
    short = os.fsdecode(os.fsencode(target.name)[:100])
    return target.with_name(f".{short}.{os.getpid()}.{token}{TEMPORARY_SUFFIX}")


def _write_all(descriptor: int, payload: bytes) -> None:
    _write_stream(descriptor, payload)
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
