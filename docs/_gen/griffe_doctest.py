"""Griffe extension: make clac's docstrings read well as Markdown.

clac's docstrings carry runnable examples (``>>> ...`` and their output) that pytest's
``--doctest-modules`` runs. Markdown would read them as text, and ``x["a"][0]`` as a link, so
this extension fences each example (a ``>>>`` line up to the next blank line) as ``pycon``
before mkdocstrings renders the docstring. It also shows the Sphinx roles the docstrings use
(``:class:`~clac.Coalition```) as code (``Coalition``). The source is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["DoctestFences", "fence_doctests", "roles_as_code"]

_FENCES = ("```", "~~~")
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|data|attr|mod|exc|obj|const):`(~?)([^`]+)`")


def roles_as_code(text: str) -> str:
    """``text`` with each Sphinx cross-reference role shown as inline code.

    >>> roles_as_code("See :class:`~clac.registry.Coalition` and :func:`clac.load`.")
    'See `Coalition` and `clac.load`.'
    """

    def code(match: re.Match[str]) -> str:
        tilde, target = match.groups()
        return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"

    return _ROLE.sub(code, text)


def fence_doctests(text: str) -> str:
    """``text`` with every doctest example outside a code fence wrapped in a ``pycon`` fence.

    >>> fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nAfter.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    in_fence = in_example = False
    indent = ""
    for line in text.splitlines():
        stripped = line.strip()
        if in_example and not stripped:
            out.append(f"{indent}```")
            in_example = False
        elif not in_example and stripped.startswith(_FENCES):
            in_fence = not in_fence
        elif not in_example and not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_example = True
        out.append(line)
    if in_example:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctest examples and show the roles as code in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite ``obj``'s docstring, if it has one, as it is loaded."""
        if obj.docstring is not None:
            obj.docstring.value = roles_as_code(fence_doctests(obj.docstring.value))
