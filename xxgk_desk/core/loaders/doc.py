"""DOC and WPS loader: converts to DOCX with LibreOffice (``core.soffice``), then reads it as DOCX."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from xxgk_desk.core.document import Document, sha256_file
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.soffice import ConversionError, find_soffice, run_conversion

CONVERT_TIMEOUT = 120
#: Names (UTF-16LE, as in an OLE directory) of the main stream of other Office formats.
_OLE_STREAMS = {
    "word": "WordDocument".encode("utf-16-le"),
    "excel": "Workbook".encode("utf-16-le"),
    "excel95": "Book".encode("utf-16-le"),
    "powerpoint": "PowerPoint Document".encode("utf-16-le"),
}


def convert(
    src: str, target: str, outdir: str, timeout: int = CONVERT_TIMEOUT, *, name: str | None = None
) -> Path:
    """Convert ``src`` with LibreOffice to format ``target`` (e.g. "docx", "pdf") into ``outdir``.

    ``name`` is the file name the messages use (``src`` may be a temporary copy).
    """
    shown = name or Path(src).name
    soffice = find_soffice()
    if not soffice:
        raise ReadError(
            "no_libreoffice",
            f"读取 {shown} 需要 LibreOffice（未安装）。请安装 LibreOffice，或用 Word/WPS 将其另存为 .docx 后再打开。",
        )
    try:
        out = run_conversion(soffice, src, target, outdir, timeout)
    except ConversionError as e:
        if e.code == "timeout":
            raise ReadError(
                "timeout", f"LibreOffice 转换 {shown} 超时（{timeout} 秒）。文件可能已损坏。"
            ) from None
        raise ReadError(
            "no_libreoffice", f"无法启动 LibreOffice：{e.detail}。请用 Word/WPS 另存为 .docx 后再打开。"
        ) from None
    if out is None:
        raise ReadError(
            "convert_failed",
            f"LibreOffice 未能转换 {shown}，文件可能已损坏。请用 Word/WPS 打开后另存为 .docx 再试。",
        )
    return out


def check_ole(path: str) -> None:
    """Refuse a .doc that has no Word stream (an Excel or PowerPoint file, or damaged) before
    LibreOffice converts it: LibreOffice imports anything it cannot place as plain text."""
    if Path(path).suffix.lower() != ".doc":
        return  # .wps files of other word processors have other streams
    with open(path, "rb") as f:
        data = f.read(64 * 1024 * 1024)
    if _OLE_STREAMS["word"] in data:
        return
    name = Path(path).name
    if _OLE_STREAMS["excel"] in data or _OLE_STREAMS["excel95"] in data:
        raise ReadError(
            "mismatch", f"“{name}”是 Excel 表格，不是 Word 文档。请提供报告本身（PDF、DOCX、DOC 或 TXT）。"
        )
    if _OLE_STREAMS["powerpoint"] in data:
        raise ReadError(
            "mismatch",
            f"“{name}”是 PowerPoint 演示文稿，不是 Word 文档。请提供报告本身（PDF、DOCX、DOC 或 TXT）。",
        )
    raise ReadError(
        "damaged", f"DOC 文件已损坏（找不到 Word 正文数据）：{name}。请用 Word/WPS 打开确认，或重新获取文件。"
    )


def load_doc(path: str) -> Document:
    """Read a .doc/.wps file by converting it to DOCX in a temporary folder."""
    from xxgk_desk.core.loaders.docx import load_docx

    check_ole(path)
    with tempfile.TemporaryDirectory(prefix="xxgk-doc-") as tmp:
        # Copy under a plain ASCII name: LibreOffice mishandles some names with quotes or spaces.
        src = Path(tmp) / ("input" + Path(path).suffix.lower())
        shutil.copyfile(path, src)
        out = convert(str(src), "docx", tmp, name=Path(path).name)
        doc = load_docx(str(out))
    return replace(
        doc,
        path=path,
        kind="doc",
        file_sha256=sha256_file(path),
        extractor="doc-libreoffice+" + doc.extractor,
    )
