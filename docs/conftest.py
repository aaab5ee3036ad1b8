"""pytest over docs/ (the doctest run): skip what needs the ``docs`` extra when it is missing."""

from __future__ import annotations

import importlib.util

collect_ignore = [] if importlib.util.find_spec("griffe") else ["_gen/griffe_doctest.py"]
