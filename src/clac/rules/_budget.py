"""The time budget of a rule clac does not ship: a call of its check on one subject that has
not returned after the budget is stopped, and becomes an ``error`` finding.

How: while a plugin's rule runs, an interval timer (``signal.setitimer``, ``SIGALRM``) ticks
four times per budget; the tick's handler, in the main thread, compares the number of
findings made so far with the number it saw at the tick before. The same number at five
ticks in a row means that one call has run for more than the whole budget, and the handler
raises :class:`RuleTimeout` in the rule's own frame. The engine then pays nothing per call:
the timer is set once per rule, and a finding is counted anyway.

Ticks, not clock readings, measure the call: a process stopped for a while (Ctrl-Z, a
debugger) receives one tick when it resumes, not the budget's worth, so it never times out a
rule that was merely paused. A call is stopped after between 1 and 1.25 budgets of running.

Limits (docs/guarantees.md says them): the budget holds only in the main thread of a system
with ``SIGALRM`` (Linux, macOS, the BSDs), and only while no one else uses ``SIGALRM`` (another
handler, or a timer already set, is left alone and the rules run without a budget). Python
runs a signal handler between bytecodes or when a blocking call is interrupted: a pure-Python
loop, ``time.sleep``, a blocking read, ``wait`` and lock acquisition are all stopped, but a
single C call that holds the GIL and never checks for signals (``10 ** 10 ** 9``, a
catastrophic regular expression in some versions) is stopped only once it returns. A rule
that catches ``BaseException`` and goes on is interrupted again after every further budget.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator, Sized
from contextlib import contextmanager
from typing import Any, Final

from clac.errors import InvalidData

__all__ = ["DEFAULT_RULE_TIMEOUT", "Budget", "RuleTimeout", "budget", "checked_timeout"]

#: The budget of one call of a plugin rule's check, in seconds (``clac check --rule-timeout``).
DEFAULT_RULE_TIMEOUT: Final = 3.0

#: Ticks per budget: the timer's period is the budget divided by this.
TICKS: Final = 4

#: A budget longer than this (about 11 days) is no budget: the timer is not set.
_LONGEST: Final = 1e6


class RuleTimeout(BaseException):
    """Raised in a rule's frame when its call outlasts the budget.

    A ``BaseException``, so that a rule's own ``except Exception`` does not swallow it.
    """


def checked_timeout(seconds: object, path: str = "rule_timeout") -> float | None:
    """``seconds`` as a budget: a number of seconds above 0, or None for no budget (``None``,
    0 or infinity); anything else is :class:`~clac.errors.InvalidData` naming ``path``."""
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise InvalidData("must be a number of seconds", path=path, value=seconds)
    value = float(seconds)
    if math.isnan(value) or value < 0:
        raise InvalidData(
            "must be a number of seconds, 0 or more (0: no limit)", path=path, value=seconds
        )
    if value == 0 or value > _LONGEST:
        return None
    return value


class Budget:
    """The budget of one evaluation: :meth:`watch` times the calls of one rule.

    ``enforced`` is False where a budget cannot be kept (no ``SIGALRM``, not the main thread,
    ``SIGALRM`` in someone else's use, no budget asked): :meth:`watch` then does nothing.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.enforced = False
        self._previous: Any = None
        self._counted: Sized | None = None
        self._seen = 0
        self._ticks = 0

    def _install(self) -> None:
        if self.seconds is None or not _can_time():
            return
        previous = signal.getsignal(signal.SIGALRM)
        if previous not in {signal.SIG_DFL, signal.SIG_IGN, None}:
            return  # someone else's handler (pytest-timeout, an application): left alone
        if signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
            return  # someone else's timer is running
        self._previous = signal.SIG_DFL if previous is None else previous
        signal.signal(signal.SIGALRM, self._tick)
        self.enforced = True

    def _uninstall(self) -> None:
        if self.enforced:
            self._disarm()
            signal.signal(signal.SIGALRM, self._previous)
            self.enforced = False

    def _tick(self, _signum: int, _frame: object) -> None:
        counted = self._counted
        if counted is None:
            return
        seen = len(counted)
        if seen != self._seen:  # a new call since the last tick: its first tick
            self._seen, self._ticks = seen, 1
            return
        self._ticks += 1
        if self._ticks > TICKS:
            self._ticks = 0  # a rule that swallows this is stopped again after a budget more
            raise RuleTimeout

    def _disarm(self) -> None:
        self._counted = None  # first: a tick from now on does nothing
        signal.setitimer(signal.ITIMER_REAL, 0)

    @contextmanager
    def watch(self, counted: Sized) -> Iterator[None]:
        """Within it, a call that leaves ``len(counted)`` unchanged for longer than the budget
        is stopped with :class:`RuleTimeout` (the engine adds one finding per call)."""
        if not self.enforced or self.seconds is None:
            yield
            return
        self._seen, self._ticks = len(counted), 0
        self._counted = counted
        period = self.seconds / TICKS
        signal.setitimer(signal.ITIMER_REAL, period, period)
        try:
            yield
        finally:
            self._disarm()


@contextmanager
def budget(seconds: float | None) -> Iterator[Budget]:
    """A :class:`Budget` of ``seconds`` per call (None: none), its timer's handler installed
    within the block where it can be, the previous one restored after it."""
    kept = Budget(seconds)
    kept._install()
    try:
        yield kept
    finally:
        kept._uninstall()


def _can_time() -> bool:
    return (
        hasattr(signal, "setitimer")
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
