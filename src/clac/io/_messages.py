"""Why a text cannot be read as a registry at all, in every language clac speaks.

These reasons are about the whole text (its syntax, encoding, size or shape) rather than one
field; a caller names the subject (the file, or "the text") before them.
"""

from __future__ import annotations

from clac.text import Text

__all__ = [
    "empty",
    "not_a_mapping",
    "not_text",
    "not_utf8",
    "nul_character",
    "syntax_error",
    "too_deep",
    "too_large",
]


def syntax_error(format_name: str, line: int | None, column: int | None, detail: str) -> Text:
    """A syntax error of ``format_name`` (YAML, JSON, TOML) at a line and column."""
    if line is None or column is None:
        return Text(
            f"has a {format_name} syntax error: {detail}",
            f"tiene un error de sintaxis {format_name}: {detail}",
            pt=f"tem um erro de sintaxe {format_name}: {detail}",
        )
    return Text(
        f"has a {format_name} syntax error at line {line}, column {column}: {detail}",
        f"tiene un error de sintaxis {format_name} en la línea {line}, columna {column}: {detail}",
        pt=f"tem um erro de sintaxe {format_name} na linha {line}, coluna {column}: {detail}",
    )


def too_deep() -> Text:
    """The document nests too deeply to read."""
    return Text(
        "is nested too deeply to read",
        "está anidado a demasiada profundidad para leerlo",
        pt="está aninhado profundamente demais para ser lido",
    )


def too_large(limit: int) -> Text:
    """Why a text over ``limit`` bytes is refused, naming the ways to read it anyway: the
    library's ``max_size`` and the command line's ``--max-size`` / ``CLAC_MAX_SIZE``."""
    mib = 1024 * 1024
    shown = f"{limit // mib} MB" if limit % mib == 0 else f"{limit:,} bytes"
    return Text(
        f"is larger than the {shown} clac reads (max_size; pass a larger max_size to "
        "clac.load or clac.loads, or --max-size or CLAC_MAX_SIZE to clac, to read it)",
        f"es más grande que los {shown} que clac lee (max_size; pase un max_size mayor a "
        "clac.load o clac.loads, o --max-size o CLAC_MAX_SIZE a clac, para leerlo)",
        pt=f"é maior que os {shown} que o clac lê (max_size; passe um max_size maior a "
        "clac.load ou clac.loads, ou --max-size ou CLAC_MAX_SIZE ao clac, para lê-lo)",
    )


def not_utf8(byte: int, offset: int) -> Text:
    """The bytes are not UTF-8."""
    return Text(
        f"is not UTF-8 text (byte {byte:#04x} at offset {offset}): is it a binary file?",
        f"no es texto UTF-8 (byte {byte:#04x} en la posición {offset}): ¿es un archivo binario?",
        pt=f"não é texto UTF-8 (byte {byte:#04x} na posição {offset}): é um arquivo binário?",
    )


def nul_character(offset: int) -> Text:
    """The text holds a NUL character."""
    return Text(
        f"contains a NUL character (at offset {offset}): is it a binary file?",
        f"contiene un carácter NUL (en la posición {offset}): ¿es un archivo binario?",
        pt=f"contém um caractere NUL (na posição {offset}): é um arquivo binário?",
    )


def not_text(kind: str) -> Text:
    """What was given is neither text nor bytes."""
    return Text(
        f"must be text or bytes, not {kind}",
        f"debe ser texto o bytes, no {kind}",
        pt=f"deve ser texto ou bytes, não {kind}",
    )


def empty() -> Text:
    """The text holds nothing."""
    return Text(
        "is empty (a registry holds at least its format version, clac: 1, and a name)",
        "está vacío (un registro contiene al menos su versión de formato, clac: 1, y un nombre)",
        pt="está vazio (um registro contém ao menos sua versão de formato, clac: 1, e um nome)",
    )


def not_a_mapping(kind: str) -> Text:
    """The top level is not a mapping."""
    return Text(
        f"must hold a mapping of keys to values at the top level (clac: 1, name: …), not {kind}",
        "debe contener un mapeo de claves a valores en el nivel superior (clac: 1, name: …),"
        f" no {kind}",
        pt="deve conter um mapeamento de chaves para valores no nível superior (clac: 1, "
        f"name: …), não {kind}",
    )
