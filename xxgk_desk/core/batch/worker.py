"""What runs in a worker process: read and check one file, return a compact, picklable summary.

Everything here is importable at top level (the ``spawn`` start method pickles functions by
name) and light: a worker returns the public JSON of ``check --json``, the canonical text and
the page map, never the :class:`~xxgk_desk.core.document.Document` with its blocks and
character boxes.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from xxgk_desk import __version__
from xxgk_desk.core.document import Document, Page

__all__ = ["BatchResult", "check_file", "engine_fingerprint", "failed_result", "init_worker"]

PageSpan = tuple[int, int, int]  # (page number, start, end) in the canonical text


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One file's outcome. ``data`` is the public JSON of ``check --json`` (``error`` set on failure)."""

    index: int  # position in the input
    path: str
    data: dict[str, Any]
    text: str | None = None
    pages: tuple[PageSpan, ...] = ()
    seconds: float = 0.0
    error_code: str | None = None
    cached: bool = False  # taken from the workspace cache, not checked again
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.data.get("error") is None

    @property
    def error(self) -> str | None:
        return self.data.get("error")

    @property
    def sha256(self) -> str | None:
        return self.data.get("sha256")

    def document(self) -> Document | None:
        """A light Document (text, page map, identity; no blocks or boxes) for the store."""
        if not self.ok or self.text is None:
            return None
        d = self.data
        pages = tuple(Page(n, s, e) for n, s, e in self.pages) or (Page(1, 0, len(self.text)),)
        return Document(
            path=str(d.get("file") or self.path),
            kind=str(d.get("kind") or ""),
            text=self.text,
            blocks=(),
            pages=pages,
            file_sha256=str(d["sha256"]),
            extractor=str(d.get("extractor") or ""),
            image_pages=tuple(d.get("image_pages") or ()),
            warnings=tuple(d.get("warnings") or ()),
            text_sha256=str(d.get("text_sha256") or ""),
        )


def failed_result(index: int, path: str, message: str, code: str, seconds: float = 0.0) -> BatchResult:
    """A result for a file that could not be read or checked (same JSON keys as ``check --json``)."""
    from xxgk_desk.core.pipeline import kind_from_path

    data: dict[str, Any] = {"file": path, "sha256": None, "kind": kind_from_path(path), "pages": None, "chars": None,
            "image_pages": [], "sections": [], "error": message}  # fmt: skip
    return BatchResult(index, path, data, seconds=seconds, error_code=code)


@cache
def _rules(parts_file: str | None) -> Any:
    from xxgk_desk.core.rules import load_rules

    return load_rules(parts_file=Path(parts_file)) if parts_file else load_rules()


def init_worker(parts_file: str | None = None) -> None:
    """Worker start-up: leave Ctrl-C to the parent, load the rules and the engine once."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread of the worker (should not happen)
        pass
    import xxgk_desk.core.engine  # noqa: F401  (import cost paid once per worker)

    try:
        _rules(parts_file)
    except Exception:  # reported per file by check_file
        pass


def check_file(index: int, path: str, ocr: str = "auto", parts_file: str | None = None) -> BatchResult:
    """Read and check ``path``; never raises for bad input or an engine error (the result says why)."""
    from xxgk_desk.core.errors import one_line
    from xxgk_desk.core.pipeline import check, to_json

    t0 = time.perf_counter()
    try:
        analysis = check(path, ocr=ocr, rules=_rules(parts_file))
        data = to_json(analysis)
    except Exception as e:  # an engine bug must not stop the other files
        msg = f"检查此文件时程序出错（{type(e).__name__}: {one_line(str(e))[:200]}）。其他文件不受影响；请把此文件反馈给开发者。"
        return failed_result(index, path, msg, "internal", time.perf_counter() - t0)
    doc = analysis.document
    if doc is None:
        return BatchResult(
            index, path, data, seconds=time.perf_counter() - t0, error_code=analysis.error_code
        )
    pages = tuple((p.number, p.start, p.end) for p in doc.pages)
    return BatchResult(index, path, data, doc.text, pages, time.perf_counter() - t0)


# -- what made a result: cached results are reused only while this stays the same ----------

_CODE_PARTS = ("loaders", "engine", "outline.py", "normalize.py", "document.py", "pipeline.py", "compare.py")


@cache
def _code_hash() -> str:
    core = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for name in _CODE_PARTS:
        p = core / name
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            try:
                h.update(f.relative_to(core).as_posix().encode() + b"\0" + f.read_bytes())
            except OSError:  # a frozen build without sources: the version number stands in
                return ""
    return h.hexdigest()[:16]


def engine_fingerprint(parts_file: str | os.PathLike | None = None, ocr: str = "auto") -> str:
    """Identifies the reader + engine + comparison + rules behind a cached result (a cache key part).

    Made of the program version, a hash of the reading and checking code (so a development
    checkout never reuses stale results), the rules files' contents and the OCR mode.
    """
    from xxgk_desk.core.resources import resource
    from xxgk_desk.core.rules import FILES

    h = hashlib.sha256()
    rules_dir = resource("rules")
    for name in FILES:
        p = Path(parts_file) if (name == "parts.yaml" and parts_file) else rules_dir / name
        try:
            h.update(name.encode() + b"\0" + p.read_bytes())
        except OSError:
            h.update(name.encode() + b"\0missing")
    return f"{__version__}/{_code_hash() or 'frozen'}/{h.hexdigest()[:16]}/ocr={ocr}"
