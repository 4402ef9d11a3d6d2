#!/usr/bin/env python3
"""Render some probe reports of this folder as DOCX (python-docx) and PDF (LibreOffice from that DOCX).

    python tests/corpus/render_formats.py            # rewrite every file listed in FORMATS

Each line of NAME.txt becomes a paragraph in a CJK font; a run of Markdown pipe rows becomes a real
table (borders on). Headings stay plain paragraphs — the numbering alone marks them, as in most
published reports. The outputs are committed, so evaluating them needs neither tool.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from xxgk_desk.core.soffice import find_soffice, run_conversion  # noqa: E402

FORMATS = {
    "u01-decimal-numbering": ("docx",),
    "u02-decimal-fullwidth-dot": ("pdf",),
    "u04-unnumbered-part-headings": ("docx",),
    "u07-traditional-characters": ("pdf",),
    "u08-chapter-section": ("docx",),
    "u13-branch-college": ("docx",),
    "u21-figure-phrasings": ("pdf",),
    "u22-figures-in-table": ("docx",),
    "u26-traditional-headings": ("docx",),
    "u28-period-contradicts-title": ("pdf",),
    "u29-checklist-as-lines": ("docx",),
    "u32-clean-control": ("pdf",),
}
FONT = "WenQuanYi Micro Hei"


def _font(run) -> None:
    run.font.name = FONT
    run.font.size = Pt(11)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build_docx(text: str, path: Path) -> None:
    doc = Document()
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not set(lines[i].replace("|", "").strip()) <= set("-: "):
                    rows.append(_cells(lines[i]))
                i += 1
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    cell = table.cell(r, c)
                    cell.text = ""
                    _font(cell.paragraphs[0].add_run(value))
            continue
        if line.strip():
            _font(doc.add_paragraph().add_run(line))
        i += 1
    doc.save(path)


def build_pdf(docx_path: Path, pdf_path: Path) -> None:
    soffice = find_soffice()
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed for the PDF renderings")
    out = Path(tempfile.mkdtemp(prefix="xxgk-corpus-"))
    try:
        produced = run_conversion(soffice, docx_path, "pdf", out, 180)
        if produced is None:
            raise SystemExit(f"LibreOffice wrote no PDF for {docx_path.name}")
        shutil.move(str(produced), pdf_path)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> int:
    for name, kinds in FORMATS.items():
        text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        tmp = Path(tempfile.mkdtemp(prefix="xxgk-corpus-docx-"))
        try:
            docx_path = tmp / f"{name}.docx"
            build_docx(text, docx_path)
            if "docx" in kinds:
                shutil.copy(docx_path, HERE / f"{name}.docx")
            if "pdf" in kinds:
                build_pdf(docx_path, HERE / f"{name}.pdf")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(name, ", ".join(kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
