"""The letter (审核意见) written out: DOCX laid out as a 公文, its PDF (LibreOffice), Markdown or text."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.marker import TEXT_LINE

from .errors import ExportError
from .letter_blocks import letter_blocks
from .letter_model import Letter
from .memo_docx import GB9704, DocMeta, Typography, write_blocks
from .memo_md import blocks_markdown, blocks_text
from .memo_pdf import docx_to_pdf, pdf_available


def letter_meta(letter: Letter) -> DocMeta:
    return DocMeta(
        title=letter.title,
        subject="高校信息公开工作年度报告审核意见",
        author=letter.issuer,
        keywords="信息公开;年度报告;审核意见",
    )


def write_letter_docx(letter: Letter, path: str | os.PathLike, typography: Typography = GB9704) -> Path:
    return write_blocks(letter_blocks(letter), letter_meta(letter), path, typography, official=True)


def render_letter_markdown(letter: Letter) -> str:
    return blocks_markdown(letter_blocks(letter))


def render_letter_text(letter: Letter) -> str:
    return blocks_text(letter_blocks(letter))


def write_text_export(text: str, path: str | os.PathLike) -> Path:
    """A Markdown or text export, ending with the review-file mark."""
    path = Path(path)
    try:
        with replacing(path) as tmp:
            tmp.write_text(text + "\n" + TEXT_LINE + "\n", encoding="utf-8", newline="\n")
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path


def write_letter(letter: Letter, path: str | os.PathLike, fmt: str) -> Path:
    """Write the letter as ``docx``, ``pdf``, ``md`` or ``txt``."""
    if fmt == "docx":
        return write_letter_docx(letter, path)
    if fmt == "pdf":
        if not pdf_available():
            raise ExportError(
                "no_libreoffice",
                "导出 PDF 需要 LibreOffice（未安装）。请安装 LibreOffice，或导出 DOCX 后用 Word/WPS 另存为 PDF。",
            )
        with tempfile.TemporaryDirectory(prefix="xxgk-letter-") as work:
            return docx_to_pdf(write_letter_docx(letter, Path(work) / "letter.docx"), path)
    if fmt == "md":
        return write_text_export(render_letter_markdown(letter), path)
    return write_text_export(render_letter_text(letter), path)
