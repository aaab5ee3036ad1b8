"""The built-in demonstration coalition: a plausible, clearly fictional CLAC from 2016 to 2026.

Its registry is the package data file ``clac/data/demo.yaml``, read by the same loader as any
user's file (:func:`clac.loads`), so the demo is also a worked example of the file format.
Every organization, person, e-mail address, meeting, hour, report and proposal in it is
invented; the organizations are fictional ("(demo)" in their names) and none stands for a
partner the charter names. The one real name is ICMEC, because the charter itself makes it the
Secretariat and ICMEC LAC the Chair; what the demo records of their work is invented too. The
file's header says so and lists the deliberate gaps the demo carries as of :data:`DEMO_AS_OF`,
for the rules to find.

:func:`demo_file_text` is the demo as a file in any format, with the "FICTIONAL DATA" notice
kept: the YAML file's own comments, the same comments in TOML, and in JSON (which has no
comments, and whose registry schema admits no extra key) the coalition's own name,
"CLAC demonstration (FICTIONAL DATA)", which every format carries.
"""

from __future__ import annotations

import functools
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from clac.io import Format
    from clac.registry import Coalition

__all__ = [
    "DEMO_AS_OF",
    "DEMO_NAME",
    "demo",
    "demo_day",
    "demo_file_text",
    "demo_path",
    "demo_text",
]

#: The day the demo's history is written up to (it ends on 2026-10-31), and the date its
#: deliberate gaps are stated for: evaluate it ``as_of=DEMO_AS_OF``.
DEMO_AS_OF = date(2026, 11, 1)

#: The demo coalition's name, which every format of the demo file carries: it marks a registry
#: as the demo (:func:`demo_day`).
DEMO_NAME = "CLAC demonstration (FICTIONAL DATA)"

_PACKAGE = "clac.data"
_RESOURCE = "demo.yaml"


def demo_path() -> Traversable:
    """The demo registry file as a package resource (``.read_text()``, or
    ``importlib.resources.as_file`` for a real path)."""
    return resources.files(_PACKAGE).joinpath(_RESOURCE)


def demo_text() -> str:
    """The demo registry file's YAML, header comments included."""
    return demo_path().read_text(encoding="utf-8")


@functools.cache
def demo() -> Coalition:
    """The demonstration coalition (loaded once: a Coalition is immutable).

    >>> from clac import demo
    >>> demo().member("icmec").working_groups
    ('latin-american-hotlines', 'prevention-awareness')
    """
    from clac.io import loads

    return loads(demo_text(), "yaml")


def demo_day(coalition: Coalition) -> date | None:
    """:data:`DEMO_AS_OF` for the demo coalition however it is read — built in, or a file
    ``clac demo -o`` wrote in any format (its name, :data:`DEMO_NAME`, marks it) — else None.

    The commands assess the demo on this day unless told another (``--as-of``), so the same
    demo gives the same result however it is run, whatever the day.

    >>> demo_day(demo())
    datetime.date(2026, 11, 1)
    >>> from clac import Coalition
    >>> demo_day(Coalition(name="CLAC")) is None
    True
    """
    return DEMO_AS_OF if coalition.name == DEMO_NAME else None


def _header() -> str:
    """The demo file's leading comment block (the fictional-data notice and the gaps)."""
    lines = []
    for line in demo_text().splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def demo_file_text(format: Format | str) -> str:  # noqa: A002 - clac.io's own word
    """The demo registry as the text of a ``format`` file (yaml, json or toml), the
    "FICTIONAL DATA" notice kept: YAML is the package's own file, comments and all; TOML
    starts with the same comment block; JSON has no comments, so its notice is the
    coalition's name (``"CLAC demonstration (FICTIONAL DATA)"``), which every format carries.

    >>> demo_file_text("toml").splitlines()[2][:16]
    '# FICTIONAL DATA'
    >>> import json
    >>> json.loads(demo_file_text("json"))["name"]
    'CLAC demonstration (FICTIONAL DATA)'
    """
    from clac.io import Format, dumps

    chosen = Format.parse(format)
    if chosen is Format.YAML:
        return demo_text()
    text = dumps(demo(), chosen)
    if chosen is Format.TOML:
        return _header() + "\n" + text
    return text
