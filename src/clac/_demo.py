"""The built-in demonstration coalition: a plausible, clearly fictional CLAC from 2016 to 2026.

Its registry is the package data file ``clac/data/demo.yaml``, read by the same loader as any
user's file (:func:`clac.loads`), so the demo is also a worked example of the file format.
Every person, e-mail address, meeting, hour, report and proposal in it is invented; the file's
header lists the deliberate gaps it carries as of :data:`DEMO_AS_OF`, for the rules to find.
"""

from __future__ import annotations

import functools
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from clac.registry import Coalition

__all__ = ["DEMO_AS_OF", "demo", "demo_path", "demo_text"]

#: The day the demo's history is written up to (it ends on 2026-10-31), and the date its
#: deliberate gaps are stated for: evaluate it ``as_of=DEMO_AS_OF``.
DEMO_AS_OF = date(2026, 11, 1)

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
