"""Every institution's letter (审核意见) into one folder, with progress and cancel (overview, ``batch``)."""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk_desk.core.batch import OverviewRow

from .errors import ExportError
from .letter_docx import write_letter
from .letter_model import collect_letter
from .letter_settings import LetterSettings
from .review_items import attach_document

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass
class LettersReport:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (report, one-line reason)
    cancelled: bool = False

    def text(self) -> str:
        out = f"已写出 {len(self.written)} 份审核意见"
        if self.failed:
            out += f"，{len(self.failed)} 份未能写出"
        return out + ("（已取消）" if self.cancelled else "") + "。"


def letter_name(row: OverviewRow, taken: set[str], fmt: str = "docx", *, with_year: bool = False) -> str:
    """``<学校>-审核意见.docx``; ``<学校>-2024-审核意见.docx`` when several reports share a school
    (``with_year``) or the name is taken."""
    base = _UNSAFE.sub("_", row.institution or Path(row.path).stem).strip(" .") or "报告"
    name = f"{base}-审核意见.{fmt}"
    if (with_year or name in taken) and row.year is not None:
        name = f"{base}-{row.year}-审核意见.{fmt}"
    n = 2
    while name in taken:
        name = f"{base}-{n}-审核意见.{fmt}"
        n += 1
    taken.add(name)
    return name


def write_letters(
    ws: Any,
    rows: Sequence[OverviewRow],
    folder: str | os.PathLike,
    *,
    settings: LetterSettings | None = None,
    include_automatic: bool = False,
    fmt: str = "docx",
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | None = None,
) -> LettersReport:
    """Read each report again (the letter quotes its text), place the stored review on it and write
    its letter into ``folder``; a report that cannot be read is named in the report, the rest go on."""
    from xxgk_desk.core.pipeline import check

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError("write", f"无法创建文件夹 {folder}：{e.strerror or e}。") from None
    todo = [r for r in rows if r.ok and r.path]
    report = LettersReport()
    taken = {p.name for p in folder.iterdir()} if folder.exists() else set()
    schools = Counter(r.institution for r in todo)
    for i, row in enumerate(todo):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        label = row.institution or Path(row.path).name
        if progress is not None:
            progress(i, len(todo), f"正在写出审核意见：{label}（{i + 1}/{len(todo)}）")
        result = check(row.path, rules=ws.rules, ocr=getattr(ws, "ocr", "never") or "never")
        if result.error or result.document is None or result.review is None:
            report.failed.append((label, result.error or "无法读取"))
            continue
        attach_document(ws.store, result.document, result.review)
        letter = collect_letter(
            result.document,
            result.sections,
            result.review,
            ws.store,
            settings=settings,
            include_automatic=include_automatic,
            rules=ws.rules,
        )
        try:
            report.written.append(
                write_letter(
                    letter, folder / letter_name(row, taken, fmt, with_year=schools[row.institution] > 1), fmt
                )
            )
        except ExportError as e:
            report.failed.append((label, e.message))
    if progress is not None:
        progress(len(todo), len(todo), report.text())
    return report
