"""clac: the CLAC Base Document as tested, importable Python objects.

The charter of the Latin America Coalition Against Child Sexual Abuse and Exploitation Online
(coordinated by ICMEC Latin America & Caribbean) as data (:data:`BASE_DOCUMENT`), a registry of
a coalition under it (:class:`Coalition`), files to keep the registry in (:func:`load`,
:func:`dump`, and :func:`edit` to change one in place, keeping its comments), its assessment
against every rule (:func:`evaluate`),
a built-in demonstration coalition (:func:`demo`) and the commented start of a
real coalition's registry (:func:`starting_registry`, what ``clac init`` writes).

>>> import clac
>>> clac.BASE_DOCUMENT.policy_goal("PG-2").short.in_("es")
'Líneas de denuncia'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from clac.errors import ClacError
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac._demo import DEMO_AS_OF, demo, demo_path, demo_text
    from clac._starter import starting_registry
    from clac.charter import BASE_DOCUMENT, Charter, Clause
    from clac.editing import edit
    from clac.io import dump, dumps, load, loads
    from clac.registry import Coalition
    from clac.rules import evaluate

__all__ = [
    "BASE_DOCUMENT",
    "DEMO_AS_OF",
    "Charter",
    "ClacError",
    "Clause",
    "Coalition",
    "Language",
    "Text",
    "__version__",
    "demo",
    "demo_path",
    "demo_text",
    "dump",
    "dumps",
    "edit",
    "evaluate",
    "load",
    "loads",
    "starting_registry",
]

__version__ = "0.1.0"

# Imported on first use so that `import clac` and `clac --help` stay fast (DESIGN.md).
_LAZY = {
    "BASE_DOCUMENT": "clac.charter",
    "Charter": "clac.charter",
    "Clause": "clac.charter",
    "Coalition": "clac.registry",
    "DEMO_AS_OF": "clac._demo",
    "demo": "clac._demo",
    "demo_path": "clac._demo",
    "demo_text": "clac._demo",
    "dump": "clac.io",
    "dumps": "clac.io",
    "edit": "clac.editing",
    "evaluate": "clac.rules",
    "load": "clac.io",
    "loads": "clac.io",
    "starting_registry": "clac._starter",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'clac' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
