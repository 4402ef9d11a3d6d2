"""Workarounds for known Qt-for-Python defects, applied once when the GUI package is imported.

PySide6 6.12.0 drops references it does not own: one to ``None`` each time a signal calls a
Python callable, and one to ``True`` each time Python calls ``signal.emit()`` (its return value).
On Python 3.12+ these singletons are immortal and nothing happens; on Python 3.10/3.11 their
reference count runs down after a few thousand signals and the interpreter aborts
("none_dealloc", "bool_dealloc"). There, each singleton is given a reference count so large that
it can never run down, which is what Python 3.12 does for them anyway.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_GUARD = 1 << 40
_SINGLETONS = (None, True, False)


def guard_singleton_refcounts() -> bool:
    """Apply the workaround where it is needed; True if it was applied."""
    if sys.version_info >= (3, 12) or not PySide6.__version__.startswith("6.12"):
        return False
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) < _GUARD // 2:
            ctypes.c_ssize_t.from_address(id(obj)).value += _GUARD
    return True
