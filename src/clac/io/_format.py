"""The file formats a registry can be kept in, and how a file's suffix names one."""

from __future__ import annotations

import enum
import os
from pathlib import PurePath

from clac.errors import UnsupportedFormat
from clac.text import Text

__all__ = ["Format"]


class Format(enum.StrEnum):
    """A registry-file format: ``yaml``, ``json`` or ``toml``."""

    YAML = "yaml"
    JSON = "json"
    TOML = "toml"

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Format:
        """The format a file's suffix names (``.yaml``/``.yml``, ``.json``, ``.toml``, any case).

        Raises :class:`~clac.errors.UnsupportedFormat` naming the suffix and the choices.
        """
        suffix = PurePath(path).suffix
        format_ = _SUFFIXES.get(suffix.lower())
        if format_ is None:
            choices = ", ".join(repr(s) for s in _SUFFIXES)
            if not suffix:
                raise UnsupportedFormat(
                    Text(
                        f"has no suffix to tell its format by (choose {choices}, or name the "
                        "format)",
                        f"no tiene un sufijo que diga su formato (elija {choices}, o nombre el "
                        "formato)",
                        pt=f"não tem um sufixo que diga seu formato (escolha {choices}, ou nomeie "
                        "o formato)",
                    ),
                    value=os.fspath(path),
                )
            raise UnsupportedFormat(
                Text(
                    f"is not the suffix of a registry file (choose {choices})",
                    f"no es el sufijo de un archivo de registro (elija {choices})",
                    pt=f"não é o sufixo de um arquivo de registro (escolha {choices})",
                ),
                value=suffix,
            )
        return format_

    @classmethod
    def parse(cls, value: Format | str) -> Format:
        """The format named ``value`` (a Format, or ``"yaml"``, ``"YML"``, ``".json"`` …)."""
        if isinstance(value, Format):
            return value
        if isinstance(value, str):
            format_ = _SUFFIXES.get("." + value.strip().lower().removeprefix("."))
            if format_ is not None:
                return format_
        choices = ", ".join(repr(f.value) for f in cls)
        raise UnsupportedFormat(f"is not a registry-file format (choose {choices})", value=value)


_SUFFIXES = {
    ".yaml": Format.YAML,
    ".yml": Format.YAML,
    ".json": Format.JSON,
    ".toml": Format.TOML,
}
