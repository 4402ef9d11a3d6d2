"""Worker functions for runner tests (top level, so spawned processes can import them)."""

from __future__ import annotations

import os
import time

from xxgk_desk.core.batch.worker import BatchResult, check_file


def crash_on_boom(index: int, path: str, ocr: str = "auto", parts_file: str | None = None) -> BatchResult:
    """Like check_file, but the process dies outright on a file whose name contains "boom"."""
    if "boom" in os.path.basename(path):
        os._exit(3)
    return check_file(index, path, ocr, parts_file)


def slow(index: int, path: str, ocr: str = "auto", parts_file: str | None = None) -> BatchResult:
    """check_file after half a second (to cancel a batch mid-way)."""
    time.sleep(0.5)
    return check_file(index, path, ocr, parts_file)


def raises(index: int, path: str, ocr: str = "auto", parts_file: str | None = None) -> BatchResult:
    """An unexpected exception inside the worker."""
    raise RuntimeError("unexpected")


def always_crash(index: int, path: str, ocr: str = "auto", parts_file: str | None = None) -> BatchResult:
    """A worker process that dies on every file (a broken installation, say)."""
    os._exit(3)
