"""Text from a registry or a plugin, made safe for each place clac writes it.

A registry file cannot hold control characters (the loader refuses them), but a coalition
built in Python, a plugin's rule or an error about a file's name can: every output escapes
for its own format, with one function per format, shared by every writer.

>>> markdown("[x](javascript:alert(1)) <script>")
'\\\\[x\\\\](javascript:alert(1)) \\\\<script\\\\>'
>>> terminal("red \\x1b[31m alert\\x07")
'red \\\\x1b[31m alert\\\\x07'
>>> xml("bell\\x07")
'bell\\\\x07'
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "CSV_LINE_END",
    "FORMULA_START",
    "csv_cell",
    "csv_text",
    "frame_csv",
    "json_for_script",
    "json_safe",
    "literal_figure_text",
    "markdown",
    "markdown_cell",
    "terminal",
    "xml",
]

# Characters Markdown (CommonMark and GitHub's) would read as markup: emphasis, code, links
# and images, raw HTML, tables, headings, strikethrough; and the backslash itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")


def markdown(text: str) -> str:
    """``text`` as inline Markdown that reads as the plain text it is: punctuation that would
    be markup is escaped and line breaks are folded into spaces (so no value can open a
    heading, a list, a table row, a link, an image or raw HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(terminal(text).split()))


#: A table cell is inline text too: the same escaping (``|`` included).
markdown_cell = markdown

# Control characters (C0 but tab and newline, DEL, C1), lone surrogates and the bidirectional
# overrides that reorder what a terminal shows.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """``text`` with every character a terminal would act on (escape sequences, bells,
    carriage returns, bidirectional overrides, lone surrogates) shown as an escape
    (``\\x1b``); tab and newline are kept."""
    return _TERMINAL_UNSAFE.sub(_visible, text)


# What XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/F.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml(text: str) -> str:
    """``text`` made fit for an XML 1.0 document (GEXF, GraphML):
    characters XML cannot hold are shown as escapes (``\\x07``); ``<`` and ``&`` are left for
    the XML writer to escape."""
    return _XML_INVALID.sub(_visible, text)


# What JSON writes raw but a terminal or a UTF-8 encoder chokes on: DEL, C1 controls, lone
# surrogates, bidirectional overrides. In a JSON document they only occur inside strings.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def json_safe(document: str) -> str:
    """A JSON document (as :func:`json.dumps` writes it with ``ensure_ascii=False``) with
    the characters it leaves raw that a terminal would act on, or that are not UTF-8 (lone
    surrogates), written as ``\\uXXXX`` escapes: the same JSON value, safe to print.

    >>> json_safe('{"name": "a\\x9bb"}')
    '{"name": "a\\\\u009bb"}'
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


# What could end or confuse an HTML <script> element holding JSON, or break a JavaScript string:
# "</script>", "<!--", "]]>", and the line separators U+2028/U+2029 (raw in JSON, not in old JS).
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def json_for_script(document: str) -> str:
    """A JSON document made safe to inline in an HTML ``<script>`` element: ``<``, ``>``,
    ``&`` and the line separators written as ``\\uXXXX`` escapes (the same JSON value), after
    :func:`json_safe`.

    >>> json_for_script('{"name": "</script><!--"}')
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_safe(document))


def literal_figure_text(draw: F) -> F:
    """``draw`` (a function making a matplotlib figure) with every text it places read
    literally: a ``$`` in a name would otherwise open TeX math, and an unbalanced one fails
    the whole drawing."""

    @functools.wraps(draw)
    def drawing(*args: Any, **kwargs: Any) -> Any:
        import matplotlib  # the caller has checked it is installed

        with matplotlib.rc_context({"text.parse_math": False}):
            return draw(*args, **kwargs)

    return drawing  # type: ignore[return-value]


# -- CSV --------------------------------------------------------------------------------------

#: How every CSV clac writes ends its lines: CRLF, as RFC 4180 says and spreadsheets write;
#: every CSV reader (Python's csv, pandas, R, spreadsheets) takes it, and one convention means
#: two exports of one table compare byte for byte.
CSV_LINE_END = "\r\n"

#: A cell starting with one of these is run as a formula by spreadsheets; a leading apostrophe
#: makes it text (the usual defence against CSV injection, OWASP's advice).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    r"""``value`` as one CSV cell: text a spreadsheet would run as a formula (``=``, ``+``,
    ``-``, ``@``, tab, carriage return first) behind an apostrophe, None and NaN empty, other
    values as they are.

    >>> csv_cell('=HYPERLINK("http://x")'), csv_cell("-1"), csv_cell(-1), csv_cell(None)
    ('\'=HYPERLINK("http://x")', "'-1", -1, '')
    """
    if isinstance(value, str):
        return f"'{value}" if value.startswith(FORMULA_START) else value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def csv_text(rows: Iterable[Iterable[Any]]) -> str:
    r"""``rows`` (the header first) as CSV text: every cell through :func:`csv_cell`, quoted
    where RFC 4180 needs it, lines ended by :data:`CSV_LINE_END`. The one CSV writer of clac.

    >>> csv_text([["name", "n"], ["@SUM(A1)", 2]])
    "name,n\r\n'@SUM(A1),2\r\n"
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=CSV_LINE_END)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def frame_csv(frame: Any) -> str:
    """A pandas ``DataFrame`` as :func:`csv_text` writes it (its columns as the header, no
    index): what ``frame.to_csv()`` would write, with the formula guard and CRLF."""
    return csv_text([list(frame.columns), *frame.itertuples(index=False, name=None)])
