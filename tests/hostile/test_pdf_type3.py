"""Type3 fonts: glyphs drawn by procedures, whose text is only what a ToUnicode map says. Without
the map PDFium hands out the raw character codes (Latin-1 garbage for a Chinese report): such a
page is treated like a scanned one (OCR, or a warning that its text cannot be extracted)."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.builders import pdf_file, stream
from xxgk_desk.core.loaders import load

# A ToUnicode map giving codes A and B the characters 学 and 校.
TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe)"
    b" /Ordering (UCS) /Supplement 0 >> def /CMapName /T3 def 1 begincodespacerange <00> <FF>"
    b" endcodespacerange 2 beginbfchar <41> <5B66> <42> <6821> endbfchar endcmap CMapName currentdict"
    b" /CMap defineresource pop end end"
)


def type3_pdf(*, to_unicode: bool) -> bytes:
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << /g1 6 0 R /g2 6 0 R >> /Encoding << /Type /Encoding /Differences [65 /g1 /g2] >>"
        b" /FirstChar 65 /LastChar 66 /Widths [1000 1000]"
        + (b" /ToUnicode 7 0 R" if to_unicode else b"")
        + b" >>"
    )
    text = b"BT /F1 12 Tf 72 700 Td (" + b"AB" * 20 + b") Tj 0 -20 Td (" + b"BA" * 20 + b") Tj ET"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(text),
            font,
            stream(b"1000 0 0 0 750 750 d1 0 0 750 750 re f"),  # one glyph procedure: a filled square
            stream(TO_UNICODE),
        ]
    )


def test_type3_without_to_unicode_is_not_read_as_latin_garbage(tmp_path: Path) -> None:
    path = tmp_path / "type3.pdf"
    path.write_bytes(type3_pdf(to_unicode=False))
    doc = load(path, ocr="never")
    assert "ABAB" not in doc.text
    assert doc.image_pages == (1,)
    assert any("Type3" in w and "第 1 页" in w for w in doc.warnings)


def test_type3_with_to_unicode_reads_its_text(tmp_path: Path) -> None:
    path = tmp_path / "type3-mapped.pdf"
    path.write_bytes(type3_pdf(to_unicode=True))
    doc = load(path, ocr="never")
    assert "学校学校" in doc.text and doc.image_pages == () and not doc.warnings
