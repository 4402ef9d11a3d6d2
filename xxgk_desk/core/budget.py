"""A time budget for reading and checking one file: past it the work stops with a clear message.

Reading and checking are linear in the input (tests/hostile/test_patterns.py keeps every pattern
so), but a file can still be huge in a way no limit foresaw; the budget makes sure one file never
holds up the others of a call, the batch or the window for more than a bounded time.

:func:`time_budget` raises :class:`OverBudget` in the thread doing the work when the time is up:

* in the main thread on POSIX, from a ``SIGALRM`` timer — this interrupts even a long regular
  expression search (the regex engine checks for signals);
* in the main thread elsewhere (Windows), from a watchdog thread through ``interrupt_main``;
* in any other thread, from a watchdog thread as an asynchronous exception (it lands at the next
  Python instruction, so a single long C call finishes first).

:class:`OverBudget` derives from ``BaseException`` so that the ``except Exception`` of a loader or
the engine does not mistake it for a damaged file. ``Budget.extend`` gives more time (one more
page to recognise by OCR, say).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator

ENV = "XXGK_DESK_TIME_BUDGET"
#: Seconds for one file (reading, outline and checks; OCR pages add :data:`OCR_PAGE_S` each).
DEFAULT_S = 300.0
OCR_PAGE_S = 60.0


#: Seconds between repeats of a budget that ran out, until the block it limits has ended.
AGAIN_S = 0.05


class OverBudget(BaseException):
    """The time budget ran out (raised into the working thread)."""


def default_seconds() -> float | None:
    """``$XXGK_DESK_TIME_BUDGET`` (seconds; 0 turns the budget off) or :data:`DEFAULT_S`."""
    raw = os.environ.get(ENV)
    if raw is None or not raw.strip():
        return DEFAULT_S
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_S
    return value if value > 0 else None


class Budget:
    """The deadline of one :func:`time_budget` block."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.fired = False
        self._rearm: Callable[[], object] = lambda: None

    def extend(self, seconds: float) -> None:
        """Move the deadline ``seconds`` later (and the total the message names)."""
        self.seconds += seconds
        self.deadline += seconds
        self._rearm()

    def left(self) -> float:
        return self.deadline - time.monotonic()


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[Budget | None]:
    """Run the block with at most ``seconds`` of wall-clock time (None: no limit)."""
    if not seconds or seconds <= 0:
        yield None
        return
    budget = Budget(seconds)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(budget):
            yield budget
    else:
        with _watchdog(budget):
            yield budget


@contextlib.contextmanager
def _alarm(budget: Budget) -> Iterator[None]:
    def ring(_signum: int, _frame: object) -> None:
        if budget.left() > 0.001:  # extended meanwhile
            signal.setitimer(signal.ITIMER_REAL, budget.left())
            return
        budget.fired = True
        # Rung again until the block has ended: a handler can fire where an exception is swallowed
        # (a gc callback, a __del__): raised there once, the block would run on to its end.
        signal.setitimer(signal.ITIMER_REAL, AGAIN_S)
        raise OverBudget

    old = signal.signal(signal.SIGALRM, ring)
    budget._rearm = lambda: signal.setitimer(signal.ITIMER_REAL, max(budget.left(), 0.001))
    signal.setitimer(signal.ITIMER_REAL, budget.seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextlib.contextmanager
def _watchdog(budget: Budget) -> Iterator[None]:
    target = threading.get_ident()
    in_main = threading.current_thread() is threading.main_thread()
    done = threading.Event()
    old_sigint = None
    if in_main:

        def on_sigint(signum: int, frame: object) -> None:
            if budget.fired:
                raise OverBudget
            raise KeyboardInterrupt

        old_sigint = signal.signal(signal.SIGINT, on_sigint)

    def watch() -> None:
        while not done.wait(max(budget.left(), 0.001)):
            if budget.left() > 0.001:
                continue
            budget.fired = True
            while True:  # again and again until the block has ended (see _alarm: it may be swallowed)
                if in_main:
                    import _thread

                    _thread.interrupt_main()
                else:
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(
                        ctypes.c_ulong(target), ctypes.py_object(OverBudget)
                    )
                if done.wait(AGAIN_S):
                    return

    watcher = threading.Thread(target=watch, name="xxgk-budget", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        if budget.fired and not in_main:
            # the asynchronous exception may still be pending if the block ended just then
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        if old_sigint is not None:
            signal.signal(signal.SIGINT, old_sigint)
