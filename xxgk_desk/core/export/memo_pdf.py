"""The memo as PDF: the DOCX converted by LibreOffice, so both look the same.

No Qt here (the core never imports it). Without LibreOffice the error says to install it
or to export DOCX and print that to PDF from Word or WPS.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.soffice import ConversionError, find_soffice, run_conversion

from .errors import ExportError
from .memo_docx import GB9704, Typography, write_docx
from .memo_model import Memo

CONVERT_TIMEOUT = 180


def _no_libreoffice() -> ExportError:
    return ExportError(
        "no_libreoffice",
        "导出 PDF 需要 LibreOffice（未安装）。请安装 LibreOffice，或导出 DOCX 后用 Word/WPS 另存为 PDF。",
    )


def pdf_available() -> bool:
    """True when LibreOffice is installed (the window can grey out the PDF choice otherwise)."""
    return find_soffice() is not None


def docx_to_pdf(src: str | os.PathLike, dest: str | os.PathLike, timeout: int = CONVERT_TIMEOUT) -> Path:
    """Convert a DOCX to PDF with LibreOffice (own profile per run; the output is checked)."""
    soffice = find_soffice()
    if not soffice:
        raise _no_libreoffice()
    src, dest = Path(src), Path(dest)
    with tempfile.TemporaryDirectory(prefix="xxgk-memo-pdf-") as work:
        outdir = Path(work) / "out"
        outdir.mkdir()
        try:
            out = run_conversion(soffice, src, "pdf:writer_pdf_Export", outdir, timeout)
        except ConversionError as e:
            if e.code == "timeout":
                raise ExportError(
                    "timeout",
                    f"LibreOffice 生成 PDF 超时（{timeout} 秒）。请改为导出 DOCX，再用 Word/WPS 另存为 PDF。",
                ) from None
            raise ExportError(
                "no_libreoffice",
                f"无法启动 LibreOffice：{e.detail}。请改为导出 DOCX，再用 Word/WPS 另存为 PDF。",
            ) from None
        if out is None or out.read_bytes()[:5] != b"%PDF-":
            raise ExportError(
                "convert_failed", "LibreOffice 未能生成 PDF。请改为导出 DOCX，再用 Word/WPS 另存为 PDF。"
            )
        try:
            with replacing(dest) as tmp:
                shutil.copyfile(str(out), str(tmp))
        except OSError as e:
            raise ExportError("write", write_failed(dest, e)) from None
    return dest


def write_pdf(memo: Memo, path: str | os.PathLike, typography: Typography = GB9704) -> Path:
    """Write the memo as PDF (via its DOCX and LibreOffice); :class:`ExportError` otherwise."""
    if not pdf_available():
        raise _no_libreoffice()
    with tempfile.TemporaryDirectory(prefix="xxgk-memo-") as work:
        src = write_docx(memo, Path(work) / "memo.docx", typography)
        return docx_to_pdf(src, path)
