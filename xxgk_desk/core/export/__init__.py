"""Exports: the letter a department sends (审核意见, :func:`collect_letter` / :func:`write_letter`),
the internal review record (审核记录, :func:`collect_memo` / :func:`write_memo`) as DOCX, Markdown,
plain text or PDF, the province's circular (通报, :mod:`notice`), and the notes as XLSX, CSV or W3C
Web Annotation JSON. No Qt.

For the window's File → Export memo dialog::

    from xxgk_desk.core import export
    memo = export.collect_memo(doc, sections, review, store, only_open=…, with_context=…,
                               include_dismissed=…)          # cheap: plain data
    preview = export.render_markdown(memo)                  # QTextEdit.setMarkdown(preview)
    export.write_memo(memo, "审核意见.docx")                 # or .md / .pdf (fmt= to force)
    export.pdf_available()                                   # False: grey out PDF

``write_*`` raise :class:`ExportError` (Chinese ``message``, stable ``code``). The store is
only read; register the open file first (``store.register_version``) so notes are placed
on its text — or call :func:`attach_document`, which does so only for a report the store knows.
"""

from __future__ import annotations

import os
from pathlib import Path

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.marker import TEXT_LINE

from . import letter_settings
from .errors import ExportError
from .letter_docx import render_letter_markdown, render_letter_text, write_letter, write_letter_docx
from .letter_model import Letter, LetterGroup, LetterIssue, collect_letter
from .letter_settings import LetterSettings
from .letters import LettersReport, write_letters
from .memo_docx import GB9704, Typography, write_docx
from .memo_md import md_escape, render_markdown, render_text, write_markdown
from .memo_model import (
    ChecklistRow,
    FieldRow,
    Issue,
    IssueGroup,
    Memo,
    MemoOptions,
    PartRow,
    Reply,
    Row,
    ScoreRow,
    attach_document,
    collect_memo,
)
from .memo_pdf import docx_to_pdf, pdf_available, write_pdf
from .tables import (
    FindingRow,
    NoteRow,
    finding_rows,
    note_rows,
    table_format,
    write_notes,
    write_notes_csv,
    write_notes_w3c,
    write_notes_xlsx,
)

MEMO_FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt", ".pdf": "pdf"}


def memo_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """``docx`` / ``md`` / ``txt`` / ``pdf`` from ``fmt`` or the extension; ExportError otherwise."""
    if fmt:
        f = fmt.lower().lstrip(".")
        f = {"markdown": "md", "text": "txt"}.get(f, f)
        if f in ("docx", "md", "txt", "pdf"):
            return f
    else:
        f = MEMO_FORMATS.get(Path(path).suffix.lower(), "")
        if f:
            return f
    raise ExportError(
        "format",
        f"无法识别审核意见的格式“{fmt or Path(path).suffix or Path(path).name}”：请使用 .docx、.md、.txt 或 .pdf。",
    )


def write_memo(memo: Memo, path: str | os.PathLike, fmt: str | None = None) -> Path:
    """Write ``memo`` as DOCX, Markdown, plain text or PDF (from ``fmt`` or the extension)."""
    kind = memo_format(path, fmt)
    path = Path(path)
    if kind == "docx":
        return write_docx(memo, path)
    if kind == "md":
        return write_markdown(memo, path)
    if kind == "pdf":
        return write_pdf(memo, path)
    try:
        with replacing(path) as tmp:
            tmp.write_text(render_text(memo) + "\n" + TEXT_LINE + "\n", encoding="utf-8", newline="\n")
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path


__all__ = [
    "GB9704",
    "Letter",
    "LetterGroup",
    "LetterIssue",
    "LetterSettings",
    "LettersReport",
    "write_letters",
    "collect_letter",
    "letter_settings",
    "render_letter_markdown",
    "render_letter_text",
    "write_letter",
    "write_letter_docx",
    "ChecklistRow",
    "ExportError",
    "FieldRow",
    "FindingRow",
    "Issue",
    "IssueGroup",
    "Memo",
    "MemoOptions",
    "NoteRow",
    "PartRow",
    "Reply",
    "Row",
    "ScoreRow",
    "Typography",
    "attach_document",
    "collect_memo",
    "docx_to_pdf",
    "finding_rows",
    "md_escape",
    "memo_format",
    "note_rows",
    "pdf_available",
    "render_markdown",
    "render_text",
    "table_format",
    "write_docx",
    "write_markdown",
    "write_memo",
    "write_notes",
    "write_notes_csv",
    "write_notes_w3c",
    "write_notes_xlsx",
    "write_pdf",
]
