"""Pausing the cyclic garbage collector while clac builds many small objects at once.

Loading a registry or assessing it makes hundreds of thousands of short-lived, acyclic objects
(attrs instances, tuples, findings). CPython's cyclic collector runs every few hundred
allocations and, as the heap grows, re-scans the older generations, which made loading 10,000
members about 1.8× slower and evaluating them 1.6× slower (docs/performance.md). Reference
counting still frees everything as usual; only the search for reference cycles waits until the
block ends, and the collector's previous state is restored (a caller that disabled it keeps it
disabled).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector paused, then restore its state."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
