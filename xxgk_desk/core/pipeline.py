"""One call from a file to everything the tool knows about it: used by the CLI, the window and batch.

``analyse(path)`` reads the file, finds its outline and (once the engine exists) checks it.
Bad input never raises: the result carries the error message instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk_desk.core.document import Document
from xxgk_desk.core.errors import ReadError, one_line
from xxgk_desk.core.loaders import SUPPORTED, Progress, load
from xxgk_desk.core.outline import Section, detect_outline


@dataclass
class Analysis:
    """What reading (and checking) one file produced, or why it failed."""

    path: str
    document: Document | None = None
    sections: tuple[Section, ...] = ()
    review: Any = None  # engine.Review once checked
    error: str | None = None
    error_code: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


def kind_from_path(path: str) -> str | None:
    """The loader kind a path's extension names, or None for a file no loader reads."""
    return SUPPORTED.get(Path(path).suffix.lower())


def read(path: str | os.PathLike, *, ocr: str = "never", progress: Progress | None = None) -> Analysis:
    """Read a file and detect its outline.

    ``progress(done, total, message)`` is passed to ``loaders.load``; what it raises to
    cancel (``errors.Cancelled``) is not caught here.
    """
    result = Analysis(path=str(path))
    try:
        doc = load(path, ocr=ocr, progress=progress)
    except ReadError as e:
        result.error, result.error_code = one_line(e.message), e.code
        return result
    result.document = doc
    result.sections = detect_outline(doc)
    return result


def to_json(result: Analysis) -> dict[str, Any]:
    """The public JSON object of ``xxgk-desk check --json`` (keys are only ever added)."""
    doc = result.document
    out: dict[str, Any] = {
        "file": result.path,
        "sha256": doc.file_sha256 if doc else None,
        "kind": doc.kind if doc else kind_from_path(result.path),
        "pages": doc.page_count if doc else None,
        "chars": len(doc.text) if doc else None,
        "image_pages": list(doc.image_pages) if doc else [],
        "sections": [s.to_json() for s in result.sections],
        "error": result.error,
    }
    if doc:
        out["text_sha256"] = doc.text_sha256
        out["extractor"] = doc.extractor
        out["warnings"] = list(doc.warnings)
        out["ocr_pages"] = list(doc.ocr_pages)
        if doc.facts:  # what a web page says about its report: title, 发布时间, 来源, address, linked files
            out["facts"] = [f.to_json() for f in doc.facts]
    out.update(result.extra)
    return out


def preload() -> None:
    """Import every reader and the review engine now rather than at the first file (the command
    line imports them on first use). The window's reading process calls this as it starts:
    importing the PDF reader loads native libraries (~130 ms) the first file would wait for. The
    tables the engine reads on first use are read now too: the Ministry's list of institutions and
    the traditional→simplified tables (~80 ms of the first file's check)."""
    from xxgk_desk.core import engine  # noqa: F401
    from xxgk_desk.core.engine.institutions import registry
    from xxgk_desk.core.hanzi import simplified
    from xxgk_desk.core.loaders import doc, docx, pdf, txt  # noqa: F401

    registry()
    simplified("體")


def check(
    path: str | os.PathLike,
    *,
    ocr: str = "never",
    rules=None,
    progress: Progress | None = None,
    budget: float | None = -1.0,
    on_read: Callable[[Analysis], None] | None = None,
) -> Analysis:
    """Read a file and run the review engine on it (``progress``: see :func:`read`).

    ``on_read(analysis)`` is called once the file is read and its outline found, before the
    checks run, with an analysis of its own (document and sections, no review): a window can show
    the text while the checks go on. Not called when reading failed.

    ``budget``: seconds the whole may take (default ``budget.default_seconds()``, 300 s or
    ``$XXGK_DESK_TIME_BUDGET``; None for no limit); each page recognised by OCR adds
    ``budget.OCR_PAGE_S``. Past it the result carries a one-line error (code ``timeout``).
    """
    from xxgk_desk.core.budget import OCR_PAGE_S, OverBudget, default_seconds, time_budget

    seconds = default_seconds() if budget is not None and budget < 0 else budget
    try:
        with time_budget(seconds) as limit:

            def tick(done: int, total: int, message: str = "") -> None:
                if message and limit is not None:  # a page went through OCR: that takes its time
                    limit.extend(OCR_PAGE_S)
                if progress is not None:
                    progress(done, total, message)

            result = read(path, ocr=ocr, progress=tick if (limit or progress) else None)
            if result.document is not None and on_read is not None:
                on_read(Analysis(path=result.path, document=result.document, sections=result.sections))
            if result.document is not None:
                from xxgk_desk.core.engine import review

                result.review = review(result.document, result.sections, rules)
                result.extra.update(result.review.to_json())
    except OverBudget:
        total = limit.seconds if limit is not None else seconds
        return Analysis(
            path=str(path),
            error=f"读取和检查用时超过 {total:g} 秒，已停止：{Path(path).name}。文件可能过大或结构异常，"
            "请确认文件内容（或另存为 PDF/DOCX 后重试）；同一批的其他文件照常检查。",
            error_code="timeout",
        )
    return result
