"""Workarounds for known Qt-for-Python defects, applied once when the GUI package is imported.

PySide6 6.12.0 drops one reference to ``None`` each time a signal calls a Python callable. On
Python 3.12+ ``None`` is immortal and nothing happens; on Python 3.10/3.11 its reference count
falls to zero after a few thousand signals and the interpreter aborts ("none_dealloc"). There,
``None`` is given a reference count so large that it can never run down, which is what Python
3.12 does for it anyway.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_GUARD = 1 << 40


def guard_none_refcount() -> bool:
    """Apply the workaround where it is needed; True if it was applied."""
    if sys.version_info >= (3, 12) or not PySide6.__version__.startswith("6.12"):
        return False
    if sys.getrefcount(None) > _GUARD // 2:
        return True  # already applied
    ctypes.c_ssize_t.from_address(id(None)).value += _GUARD
    return True
