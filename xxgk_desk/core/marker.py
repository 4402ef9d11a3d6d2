"""The mark on the files xxgk-desk writes (letters, records, summaries, review files).

A memo saved beside the reports must never be read as a report, or as "a new version" of one.
DOCX and XLSX files carry the mark in their document properties (keywords and category, which
Word, WPS and Excel show as 关键词 and 类别; LibreOffice carries the keywords into a PDF made
from the DOCX); Markdown and text exports end with a line that says so. :func:`tool_output`
looks for the mark without parsing the document.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

#: Written into the keywords of every DOCX/XLSX export (and thus of the PDF LibreOffice makes of it).
KEYWORD = "xxgk-desk-export"
#: The category property: what the file is, for a person looking at its properties.
CATEGORY = "xxgk-desk 审核文件（不是报告原件）"
#: The last line of Markdown and text exports.
TEXT_LINE = f"（本文件由 xxgk-desk 生成，是审核文件，不是报告原件。{KEYWORD}）"

_SCAN = 256 * 1024  # bytes looked at, at each end of a PDF or text file
_CORE_XML = "docProps/core.xml"
_MAX_CORE = 1 << 20
#: the keyword as it may appear in a PDF's Info dictionary: literal, UTF-16 bytes, or hex of UTF-16
_FORMS = (
    KEYWORD.encode("ascii"),
    KEYWORD.encode("utf-16-be"),
    KEYWORD.encode("utf-16-be").hex().upper().encode("ascii"),
    KEYWORD.encode("utf-16-be").hex().encode("ascii"),
)


def mark_properties(props) -> None:
    """Mark the core properties of a python-docx document or an openpyxl workbook."""
    keywords = (getattr(props, "keywords", None) or "").strip()
    if KEYWORD not in keywords:
        props.keywords = f"{keywords} {KEYWORD}".strip()
    props.category = CATEGORY


def tool_output(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a file xxgk-desk wrote (by its mark), not a report."""
    p = Path(path)
    try:
        with open(p, "rb") as f:
            head = f.read(8)
            if head.startswith(b"PK\x03\x04"):
                return _zip_marked(p)
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(0)
            start = f.read(_SCAN)
            if size > _SCAN:
                f.seek(max(size - _SCAN, _SCAN))
                end = f.read(_SCAN)
            else:
                end = b""
    except OSError:
        return False
    data = start + end
    return any(form in data for form in _FORMS)


def _zip_marked(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            info = next((i for i in z.infolist() if i.filename == _CORE_XML), None)
            if info is None or info.file_size > _MAX_CORE:
                return False
            xml = z.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        return False
    return bool(re.search(rf"<cp:keywords>[^<]*{re.escape(KEYWORD)}", xml))
