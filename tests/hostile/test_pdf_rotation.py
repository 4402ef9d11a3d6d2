"""PDF pages with ``/Rotate`` and text set at a quarter turn: the text reads in its own order.

Before issue 18 a page was always read in its displayed frame, so text set upright on a page
with ``/Rotate 180`` read backwards and 90/270 came out as columns of letters. Each page here is
written object by object: the text is set at angle ``text`` (counter-clockwise, through its text
matrix) on a page displayed at ``/Rotate rotate``; every combination must read the same.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.hostile.builders import HELVETICA, pdf_file, stream
from xxgk_desk.core.loaders import load

LINES = ["FIRST LINE OF THE BODY TEXT", "SECOND LINE OF THE BODY TEXT", "THIRD LINE OF THE BODY TEXT"]


def turned_pdf(rotate: int, text: int) -> bytes:
    a = math.radians(text)
    cos, sin = round(math.cos(a)), round(math.sin(a))
    ops = [b"BT /F1 12 Tf"]
    for i, line in enumerate(LINES):
        x, y = (
            300 - 150 * cos + 20 * i * sin,
            420 - 150 * sin - 20 * i * cos,
        )  # next line "below" in the text's frame
        ops.append(b"%d %d %d %d %g %g Tm (%s) Tj" % (cos, sin, -sin, cos, x, y, line.encode()))
    ops.append(b"ET")
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>" % rotate,
            stream(b"\n".join(ops)),
            HELVETICA,
        ]
    )


@pytest.mark.parametrize("text", [0, 90, 180, 270], ids=lambda t: f"text{t}")
@pytest.mark.parametrize("rotate", [0, 90, 180, 270], ids=lambda r: f"rotate{r}")
def test_every_rotation_reads_in_order(tmp_path: Path, rotate: int, text: int) -> None:
    path = tmp_path / f"r{rotate}-t{text}.pdf"
    path.write_bytes(turned_pdf(rotate, text))
    doc = load(path)
    assert " ".join(doc.text.split()) == " ".join(LINES)


COLUMNS = ["学校高度重视信息公开工作", "本学年主动公开信息二千条", "受理依申请公开十二件"]


def vertical_pdf() -> bytes:
    """Vertical writing (竖排): an Identity-style vertical CMap (UniGB-UCS2-V) with the standard
    STSong-Light font (not embedded), three columns from right to left."""
    ops = [b"BT /F1 16 Tf"]
    for i, col in enumerate(COLUMNS):
        ops.append(b"1 0 0 1 %d 780 Tm <%s> Tj" % (500 - 30 * i, col.encode("utf-16-be").hex().encode()))
    ops.append(b"ET")
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"\n".join(ops)),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-V"
            b" /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
            b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        ]
    )


def test_vertical_writing_reads_down_the_columns_right_to_left(tmp_path: Path) -> None:
    path = tmp_path / "竖排.pdf"
    path.write_bytes(vertical_pdf())
    doc = load(path)
    assert "".join(doc.text.split()) == "".join(COLUMNS)
