"""The PDF loader: reading order, paragraphs, furniture, radicals, tables, boxes, bad input."""

from __future__ import annotations

import ctypes
import hashlib
import math
import os
import random
import re
import struct
import time
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from rapidfuzz import fuzz

from tests.conftest import shared_path
from tests.hostile.builders import rc4
from xxgk_desk.core.document import Document, sha256_file
from xxgk_desk.core.errors import Cancelled, ReadError
from xxgk_desk.core.loaders import load, pdf_streams
from xxgk_desk.core.loaders.pdf import MAX_FAILED_RUN, load_pdf
from xxgk_desk.core.loaders.pdf_layout import Stats
from xxgk_desk.core.loaders.pdf_lines import NON_CJK_RUN
from xxgk_desk.core.loaders.pdf_streams import MAX_STREAM
from xxgk_desk.core.normalize import has_radicals, is_cjk, is_page_number

SEED_PDFS = [f"seed-{i:03d}-{form}.pdf" for i in range(5) for form in ("styled", "bold")]
REAL_PDFS = ["hongze-2023-gov.pdf", "hongze-2024-gov.pdf", "huaian-2024-gov.pdf"]


@cache
def _load_cached(path: str) -> Document:
    return load(path)


def doc_of(*parts: str) -> Document:
    return _load_cached(str(shared_path("samples", *parts)))


def compact(text: str) -> str:
    """Text without whitespace and without the Markdown table syntax of the seed texts."""
    return re.sub(r"\s+|\|", "", re.sub(r"-{3,}", "", text))


def seed_text(name: str) -> str:
    seed = name[:8]
    return shared_path("samples", f"{seed}.txt").read_text(encoding="utf-8")


# -- text and reading order ---------------------------------------------------------


@pytest.mark.parametrize("name", SEED_PDFS)
def test_text_matches_published_text(name):
    doc = doc_of("docs", name)
    assert fuzz.ratio(compact(doc.text), compact(seed_text(name))) >= 98


@pytest.mark.parametrize("form", ["styled", "bold"])
def test_quotes_of_a_second_font_stay_in_place(form):
    text = doc_of("docs", f"seed-000-{form}.pdf").text
    assert "以“双一流”学科建设" in text
    assert "全面发力“建成高水平有特色的湖北医药大学”目标" in text
    assert "工作呈现出“更快、更全、更新”的特点" in text


@pytest.mark.parametrize("name", SEED_PDFS)
def test_every_published_paragraph_is_one_block(name):
    doc = doc_of("docs", name)
    blocks = {compact(doc.block_text(b)) for b in doc.blocks if b.kind == "paragraph"}
    paragraphs = [compact(line) for line in seed_text(name).splitlines() if line.strip() and "|" not in line]
    missing = [p for p in paragraphs if p not in blocks]
    assert not missing


def test_wrapped_lines_join_without_spaces():
    text = doc_of("docs", "seed-000-styled.pdf").text
    assert (
        "湖北医药学院以习近平新时代中国特色社会主义思想为统领，以“双一流”学科建设和教学科研能力提升为主线"
        in text
    )


def test_justified_lines_lose_their_spaces():
    text = doc_of("real", "hongze-2023-gov.pdf").text
    assert "号，邮编：223100，电话：0517-87222589，电子邮箱：hzzwgk@126.com" in text
    assert "（国令第711号）" in text


def test_paragraph_continues_across_a_page_break():
    doc = doc_of("real", "huaian-2024-gov.pdf")
    i = doc.text.index("还有一些需要加强和改进的地方。主要表现在")
    j = doc.text.index("地方。", i)
    assert doc.page_at(i) == 5 and doc.page_at(j) == 6
    block = doc.block_at(i)
    assert block is not None and block.start <= j < block.end and block.page == 5
    page6 = doc.pages[5]
    box = page6.box(j)
    assert box is not None and box[1] < page6.height / 3  # at the top of page 6


SAMPLE_PDF = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample-report.pdf"


@pytest.mark.parametrize(
    "paragraph",
    [
        "本学年，学校共受理信息公开申请12件，其中予以公开7件、部分公开2件、不予公开2件。12件申请均在15个工作日内予以答复",
        "本报告中所列数据的统计期限为2023年9月1日至2024年8月31日。本报告的电子版",
        "湖北省教育厅办公室关于做好2024年高校信息公开年度报告工作的通知要求",
        "《楚澜理工学院报》出版24期，学校召开新闻发布会2场",
        "本学年，学校未收到因信息公开工作引起的举报，未发生因信息公开工作引起的行政复议和行政诉讼",
        "学校为每项清单事项建立电子档案，记录责任部门、公开依据、发布时间和更新记录，实现清单事项公开情况可查询、可追溯。",
    ],
)
def test_sample_lines_ending_in_digits_or_on_indented_pages_stay_in_their_paragraph(paragraph):
    # A line ending in digits (set in the Latin font) before a line starting with an
    # ideograph is no style change; a page of short paragraphs keeps its real left margin.
    doc = _load_cached(str(SAMPLE_PDF))
    assert paragraph in doc.text
    block = doc.block_at(doc.text.index(paragraph))
    assert block is not None and block.kind == "paragraph"


def test_sample_pdf_reads_like_the_sample_docx():
    pdf = _load_cached(str(SAMPLE_PDF))
    docx = load(SAMPLE_PDF.with_suffix(".docx"))
    assert [compact(line) for line in pdf.text.splitlines()] == [
        compact(line) for line in docx.text.splitlines()
    ]
    texts = [pdf.block_text(b) for b in pdf.blocks]
    assert "楚澜理工学院" in texts and "2024年10月28日" in texts  # right-aligned signature lines
    assert pdf.text.count("序号\t类别") == 1  # the header row repeated on the next page is dropped
    assert "不适用（学校尚未开展同等学力人员申请硕士学位工作）" in pdf.text  # a row cut by the page break


def test_sample_pdf_sum_mismatch_is_found():
    from xxgk_desk.core.pipeline import check

    quote = "共受理信息公开申请12件，其中予以公开7件、部分公开2件、不予公开2件"
    for path in (SAMPLE_PDF, SAMPLE_PDF.with_suffix(".docx")):
        result = check(path)
        bad = [s for s in result.review.sum_checks if not s.adds_up]
        assert any(quote in s.quote and s.total == 12 and sum(s.parts) == 11 for s in bad), path


def test_short_heading_lines_are_not_merged():
    doc = doc_of("real", "huaian-2024-gov.pdf")
    texts = [doc.block_text(b) for b in doc.blocks]
    assert "一、总体情况" in texts
    assert "淮安市人民政府" in texts


# -- furniture and radicals -------------------------------------------------------------


@pytest.mark.parametrize("name", REAL_PDFS)
def test_page_numbers_are_removed(name):
    doc = doc_of("real", name)
    assert not [line for line in doc.text.splitlines() if is_page_number(line)]
    assert not re.search(r"-\s*\d+\s*-", doc.text)


@pytest.mark.parametrize(
    "line", ["- 3 -", "—3—", "－ 12 －", "第 3 页 共 10 页", "第3页", "3 / 10", "Page 3 of 10", "7", "· 4 ·"]
)
def test_page_number_lines(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2023年", "一、总体情况", "3.5%", "civil", "1. 加强领导"])
def test_not_page_number_lines(line):
    assert not is_page_number(line)


def test_radicals_become_ideographs():
    doc = doc_of("docs", "seed-000-radicals.pdf")
    assert not has_radicals(doc.text)
    assert "信息公开工作总结" in doc.text and "长效机制" in doc.text and "门户" in doc.text
    assert fuzz.ratio(compact(doc.text), compact(seed_text("seed-000"))) >= 98


# -- blocks and cues ---------------------------------------------------------------------


def _block(doc: Document, text: str):
    return next(b for b in doc.blocks if doc.block_text(b).startswith(text))


def test_bookmarks_give_style_levels():
    doc = doc_of("docs", "seed-000-styled.pdf")
    h1 = _block(doc, "一、强化组织保障")
    h2 = _block(doc, "(一)提高认识。")
    body = _block(doc, "学校党政主要领导")
    assert (h1.style_level, h2.style_level, body.style_level) == (1, 2, None)
    assert h1.bold and not body.bold
    assert h1.size_ratio > 1.1 and body.size_ratio == pytest.approx(1.0, abs=0.05)


def test_bold_headings_without_bookmarks():
    doc = doc_of("docs", "seed-000-bold.pdf")
    h1 = _block(doc, "一、强化组织保障")
    assert h1.bold and h1.style_level is None


def test_wps_fake_bold_is_bold():
    doc = doc_of("real", "huaian-2024-gov.pdf")
    assert _block(doc, "（一）主动公开情况。").bold
    assert not _block(doc, "2024年，我市坚持").bold


@pytest.mark.parametrize("name", REAL_PDFS)
def test_template_tables_are_table_blocks(name):
    doc = doc_of("real", name)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) >= 3
    rows = [[doc.text[c.start : c.end] for c in row] for t in tables for row in t.rows]
    new = next(r for r in rows if r and r[0].startswith("一、本年新收政府信息公开申请数量"))
    assert len(new) == 8 and all(cell.isdigit() for cell in new[1:])
    assert any(r[:1] == ["行政规范性文件"] for r in rows)
    assert "本年新收" not in "".join(doc.block_text(b) for b in doc.blocks if b.kind == "paragraph")


def test_table_rows_are_lines_of_tab_separated_cells():
    doc = doc_of("real", "huaian-2024-gov.pdf")
    assert "\n一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119\n" in doc.text
    assert "\n行政规范性文件\t8\t26\t66\n" in doc.text


def test_table_continues_across_a_page_break():
    doc = doc_of("real", "huaian-2024-gov.pdf")
    table = next(b for b in doc.blocks if b.kind == "table" and "本年新收" in doc.block_text(b))
    assert {doc.page_at(row[0].start) for row in table.rows} == {4, 5}
    assert "（五）不予处理" in doc.block_text(table) and table.page == 4


def test_contact_table_of_a_seed():
    doc = doc_of("docs", "seed-002-styled.pdf")
    table = next(b for b in doc.blocks if b.kind == "table")
    rows = [[doc.text[c.start : c.end] for c in row] for row in table.rows]
    assert rows[0][1:] == ["姓名", "职务", "办公电话", "移动电话", "电子邮箱"]
    assert ["学校分管领导", "付学江", "校长助理", "0712-2285090", "13037158738", "446057527@qq.com"] in rows


def test_scanned_pdf_lists_image_pages():
    doc = doc_of("docs", "seed-002-scanned.pdf")
    assert doc.image_pages == (1, 2, 3)
    assert [p.has_text for p in doc.pages] == [False, False, False]
    assert doc.warnings and "扫描" in doc.warnings[0]


# -- offsets, pages and boxes ---------------------------------------------------------------


ALL_PDFS = [("docs", n) for n in [*SEED_PDFS, "seed-000-radicals.pdf", "combined-34p.pdf"]] + [
    ("real", n) for n in REAL_PDFS
]


@pytest.mark.parametrize("folder,name", ALL_PDFS)
def test_offsets_pages_and_boxes_are_consistent(folder, name):
    doc = doc_of(folder, name)
    assert doc.kind == "pdf" and doc.extractor.startswith("pdf-pdfium/")
    assert doc.file_sha256 == sha256_file(str(shared_path("samples", folder, name)))
    for b in doc.blocks:
        assert doc.block_text(b) == doc.text[b.start : b.end] and doc.block_text(b).strip()
        for row in b.rows:
            assert all(b.start <= c.start <= c.end <= b.end for c in row)
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    assert [p.number for p in doc.pages] == list(range(1, len(doc.pages) + 1))
    for p, q in zip(doc.pages, doc.pages[1:], strict=False):
        assert p.end == q.start
    boxed = 0
    for p in doc.pages:
        assert len(p.boxes) == 4 * (p.end - p.start)
        for off in range(p.start, p.end):
            box = p.box(off)
            if box is None:
                continue
            boxed += 1
            x0, top, x1, bottom = box
            assert -1 <= x0 <= x1 <= p.width + 1 and -1 <= top <= bottom <= p.height + 1
    assert boxed >= 0.9 * len(compact(doc.text))


def test_box_of_a_known_character():
    doc = doc_of("docs", "seed-000-styled.pdf")
    off = doc.text.index("湖北医药学院信息公开工作总结")
    x0, top, x1, bottom = doc.pages[0].box(off)
    assert 80 < x0 < x1 < 120 and 60 < top < bottom < 110  # the title, top left of page 1


def test_table_cells_have_boxes():
    doc = doc_of("real", "huaian-2024-gov.pdf")
    off = doc.text.index("一、本年新收政府信息公开申请数量")
    page = doc.pages[doc.page_at(off) - 1]
    x0, top, x1, bottom = page.box(off)
    assert 70 < x0 < 120 and 0 < top < bottom < page.height


# -- made-up PDFs ----------------------------------------------------------------------------

W, H = 595.0, 842.0


def make_pdf(path: Path, pages: list[list[tuple]]) -> Path:
    """A PDF drawn with PDFium: ("text", x, baseline from top, size, str[, degrees]) in Helvetica and
    ("rect", x0, top, x1, bottom, "stroke" | "white") rectangles, per page."""
    pdf = pdfium.PdfDocument.new()
    try:
        for ops in pages:
            page = pdf.new_page(W, H)
            for op in ops:
                if op[0] == "text":
                    _, x, base, size, text, *turn = op
                    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
                    buf = ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")
                    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, pdfium_c.FPDF_WIDESTRING))
                    a = math.radians(turn[0] if turn else 0)
                    pdfium_c.FPDFPageObj_Transform(
                        obj, math.cos(a), math.sin(a), -math.sin(a), math.cos(a), x, H - base
                    )
                else:
                    _, x0, top, x1, bottom, style = op
                    obj = pdfium_c.FPDFPageObj_CreateNewRect(x0, H - bottom, x1 - x0, bottom - top)
                    if style == "stroke":
                        pdfium_c.FPDFPageObj_SetStrokeColor(obj, 0, 0, 0, 255)
                        pdfium_c.FPDFPath_SetDrawMode(obj, 0, 1)
                    else:
                        pdfium_c.FPDFPageObj_SetFillColor(obj, 255, 255, 255, 255)
                        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_ALTERNATE, 0)
                pdfium_c.FPDFPage_InsertObject(page.raw, obj)
            page.gen_content()
            page.close()
        pdf.save(str(path))
    finally:
        pdf.close()
    return path


def _body_page(n: int, total: int) -> list[tuple]:
    ops = [
        ("text", 72, 40, 9, "ACME University Annual Report"),
        ("text", 280, 810, 9, f"Page {n} of {total}"),
    ]
    return ops + [("text", 72, 120 + 20 * k, 12, f"Body text of page {n} line {k}.") for k in range(6)]


def test_running_headers_and_footers_are_removed(tmp_path):
    doc = load(make_pdf(tmp_path / "h.pdf", [_body_page(n, 4) for n in range(1, 5)]))
    assert "ACME" not in doc.text and "Page" not in doc.text
    for n in range(1, 5):
        for k in range(6):
            assert f"Body text of page {n} line {k}." in doc.text


def test_margin_of_a_page_of_short_paragraphs(tmp_path):
    # Seven indented lines (headings, first lines) against six at the margin: the margin is
    # still the left edge, so lines that wrap to it continue their paragraph.
    indent = 72 + 4 * 0.556 * 12  # four Helvetica digits
    ops: list[tuple] = []
    y = 100
    for k in range(4):
        ops.append(("text", indent, y, 12, f"Heading {k}"))
        y += 20
        if k == 3:
            break
        full = f"First line of paragraph {k} reaching the right edge of the text"
        ops += [
            ("text", indent, y, 12, full),
            ("text", 72, y + 20, 12, "0000" + full),
            ("text", 72, y + 40, 12, f"ab end of paragraph {k}."),
        ]
        y += 60
    ops += [("text", 300, y + 40, 12, "ACME University"), ("text", 290, y + 60, 12, "31 October 2024")]
    # Page 1 ends with a full line: the heading that opens page 2 (indented) does not continue it.
    full = "0000First line of paragraph 9 reaching the right edge of the text"
    page1 = [("text", 72, 100 + 20 * k, 12, full) for k in range(6)]
    doc = load(make_pdf(tmp_path / "m.pdf", [page1, ops]))
    texts = [doc.block_text(b) for b in doc.blocks]
    assert texts[0] == " ".join([full] * 6)
    for k in range(3):
        full = f"First line of paragraph {k} reaching the right edge of the text"
        assert f"{full} 0000{full} ab end of paragraph {k}." in texts
    assert f"Heading {k}" in texts
    assert texts[-2:] == ["ACME University", "31 October 2024"]


def test_latin_words_keep_their_spaces(tmp_path):
    doc = load(make_pdf(tmp_path / "w.pdf", [_body_page(1, 1)]))
    assert "Body text of page 1 line 0. Body text of page 1 line 1." in doc.text


def test_diagonal_watermark_does_not_break_into_lines(tmp_path):
    page = _body_page(1, 1) + [("text", 150, 300, 40, "CONFIDENTIAL COPY", 45)]
    doc = load(make_pdf(tmp_path / "m.pdf", [page]))
    assert "Body text of page 1 line 0. Body text of page 1 line 1." in doc.text
    rest = doc.text.replace("ACME University Annual Report", "").replace("Page 1 of 1", "")
    rest = re.sub(r"Body text of page 1 line \d\.", "", rest)
    assert not rest.strip()


def test_empty_page_is_neither_text_nor_image(tmp_path):
    doc = load(make_pdf(tmp_path / "e.pdf", [_body_page(1, 3), [], _body_page(3, 3)]))
    assert [p.has_text for p in doc.pages] == [True, False, True]
    assert doc.pages[1].start == doc.pages[1].end and doc.image_pages == () and doc.warnings == ()


def test_a_page_with_a_few_characters_still_has_text(tmp_path):
    doc = load(make_pdf(tmp_path / "f.pdf", [_body_page(1, 2), [("text", 400, 300, 12, "End.")]]))
    assert doc.pages[1].has_text and doc.text.endswith("\nEnd.") and doc.image_pages == ()


def test_stroked_grid_is_a_table_and_white_boxes_are_not(tmp_path):
    cells = [["Name", "Phone"], ["Alice", "123"], ["Bob", "456"]]
    ops: list[tuple] = [("rect", 72, 400, 522, 470, "white"), ("rect", 72, 470, 522, 520, "white")]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            x0, top = 72 + 225 * c, 300 + 30 * r
            ops += [("rect", x0, top, x0 + 225, top + 30, "stroke"), ("text", x0 + 8, top + 20, 11, text)]
    ops += [("text", 80, 430, 11, "Not a table."), ("text", 80, 500, 11, "Still not a table.")]
    doc = load(make_pdf(tmp_path / "t.pdf", [ops]))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [[doc.text[c.start : c.end] for c in row] for row in tables[0].rows] == cells
    assert doc.text.endswith("Name\tPhone\nAlice\t123\nBob\t456\nNot a table.\nStill not a table.")


def test_rotated_page_with_rotated_content_reads_the_same(tmp_path):
    src = shared_path("samples", "real", "huaian-2024-gov.pdf")
    turned = tmp_path / "turned.pdf"
    pdf = pdfium.PdfDocument(str(src))
    try:
        for page in pdf:
            w, h = page.get_size()
            for obj in list(page.get_objects()):
                pdfium_c.FPDFPageObj_Transform(obj.raw, 0, 1, -1, 0, h, 0)  # content turned a quarter left
            page.set_mediabox(0, 0, h, w)
            page.set_rotation(90)  # displayed upright again
            page.gen_content()
        pdf.save(str(turned))
    finally:
        pdf.close()
    assert load(turned).text == doc_of("real", "huaian-2024-gov.pdf").text


def test_non_cjk_pattern_agrees_with_is_cjk():
    sample = [chr(c) for c in range(0x20, 0x30000, 7) if not 0xD800 <= c <= 0xDFFF]
    for ch in sample:
        assert bool(NON_CJK_RUN.fullmatch(ch * 2)) == (not is_cjk(ch)), hex(ord(ch))


# -- bad input ---------------------------------------------------------------------------------


def test_truncated_pdf_is_damaged(tmp_path):
    data = shared_path("samples", "docs", "seed-000-styled.pdf").read_bytes()
    bad = tmp_path / "半截.pdf"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError) as err:
        load(bad)
    assert err.value.code == "damaged"
    assert "半截.pdf" in err.value.message and "\n" not in err.value.message


def test_garbage_with_pdf_header_is_damaged(tmp_path):
    bad = tmp_path / "garbage.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    with pytest.raises(ReadError) as err:
        load(bad)
    assert err.value.code == "damaged"


def test_garbage_bytes_are_damaged(tmp_path):
    bad = tmp_path / "garbage.pdf"
    bad.write_bytes(os.urandom(4000))
    with pytest.raises(ReadError) as err:
        load_pdf(str(bad))
    assert err.value.code == "damaged"


def _claimed_pages_pdf(path: Path, count: int, extra: bytes = b"") -> Path:
    """One real page in a page tree whose /Count claims ``count`` pages (the rest fail to load)."""
    from tests.hostile.builders import HELVETICA, pdf_file, stream, text_ops

    kids = b"[6 0 R 3 0 R]" if extra else b"[3 0 R]"
    path.write_bytes(
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, count),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
                stream(text_ops(["HELLO FROM PAGE ONE"])),
                HELVETICA,
                *([extra] if extra else []),
            ]
        )
    )
    return path


def test_a_page_count_of_a_million_stops_soon_with_progress(tmp_path):
    calls: list[tuple[int, int, str]] = []
    with pytest.raises(ReadError) as err:
        load(_claimed_pages_pdf(tmp_path / "百万页.pdf", 1_000_000), progress=lambda *a: calls.append(a))
    assert err.value.code == "damaged" and "\n" not in err.value.message
    assert "百万页.pdf" in err.value.message and "1000000" in err.value.message
    assert calls == [(k, 1_000_000, "") for k in range(1, MAX_FAILED_RUN + 2)]


def test_a_page_tree_that_loops_back_is_damaged(tmp_path):
    loop = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1000000 >>"
    with pytest.raises(ReadError) as err:
        load(_claimed_pages_pdf(tmp_path / "loop.pdf", 1_000_000, loop))
    assert err.value.code == "damaged"


def test_a_few_unreadable_pages_are_skipped_with_a_warning(tmp_path):
    doc = load(_claimed_pages_pdf(tmp_path / "few.pdf", MAX_FAILED_RUN + 1))
    assert "HELLO FROM PAGE ONE" in doc.text and doc.page_count == MAX_FAILED_RUN + 1
    assert f"第 2–{MAX_FAILED_RUN + 1} 页无法解析" in doc.warnings[0]
    with pytest.raises(ReadError):
        load(_claimed_pages_pdf(tmp_path / "many.pdf", MAX_FAILED_RUN + 2))


@dataclass
class _FakeLine:
    """What Stats looks at of a line."""

    text: str
    x0: float
    x1: float
    base: float
    size: float = 12.0


def test_margins_are_borrowed_by_parity_in_linear_time():
    def body(left: float, right: float) -> list[_FakeLine]:
        return [_FakeLine("正文正文正文", left, right, 100.0 + 18 * k) for k in range(6)]

    short = [_FakeLine("一行正文", 100.0, 200.0, 100.0)]
    pages = [body(72, 520), body(90, 500), short, short, body(74, 522), []]
    pages += [[] for _ in range(200_000)]  # quadratic borrowing took hours here
    started = time.perf_counter()
    margins = Stats(pages).margins  # type: ignore[arg-type]
    assert time.perf_counter() - started < 5
    edges = [(m.left, m.right) for m in margins]
    assert edges[:6] == [(72, 520), (90, 500), (73, 521), (90, 500), (74, 522), (90, 500)]
    assert edges[-2:] == [(73, 521), (90, 500)]
    assert [(m.left, m.right) for m in Stats([[], short]).margins] == [(100, 200)] * 2  # type: ignore[list-item]
    assert [(m.left, m.right) for m in Stats([[]]).margins] == [(72, 523)]


# -- decompression bombs -------------------------------------------------------------------------

MB = 1 << 20
BOMB_MESSAGE = "PDF 文件内部数据异常（解压后过大），已拒绝打开：{}。"


def _pdf_with_streams(*streams: bytes) -> bytes:
    """One page of text whose content is its own stream followed by ``streams`` (stream objects)."""
    from tests.hostile.builders import HELVETICA, pdf_file, stream, text_ops

    refs = b" ".join(b"%d 0 R" % (6 + k) for k in range(len(streams)))
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R %s]"
            b" /Resources << /Font << /F1 5 0 R >> >> >>" % refs,
            stream(text_ops(["HELLO BEFORE THE STREAMS"])),
            HELVETICA,
            *streams,
        ]
    )


def _flate(data: bytes) -> bytes:
    from tests.hostile.builders import stream

    return stream(zlib.compress(data), b"/Filter /FlateDecode ")


def _objstm_pdf() -> bytes:
    """A PDF as newer writers make them: objects in a compressed object stream, a compressed
    cross-reference stream (no xref table), a Flate content stream and a Flate image."""
    from tests.hostile.builders import PDF_HEADER, text_ops

    packed = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    body = b""
    index = []
    for n, obj in packed.items():
        index.append(b"%d %d" % (n, len(body)))
        body += obj + b"\n"
    head = b" ".join(index) + b"\n"
    out = bytearray(PDF_HEADER)
    where: dict[int, int] = {}

    def add(n: int, data: bytes, extra: bytes = b"") -> None:
        z = zlib.compress(data)
        where[n] = len(out)
        out.extend(b"%d 0 obj\n<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (n, len(z), extra))
        out.extend(z + b"\nendstream\nendobj\n")

    add(4, text_ops(["OBJECT STREAMS AND A FLATE IMAGE"]) + b"\nq 64 0 0 64 72 600 cm /Im1 Do Q")
    image = (
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 "
    )
    add(6, bytes((4 * x) & 0xFF for _ in range(64) for x in range(64)), image)
    add(7, head + body, b"/Type /ObjStm /N %d /First %d " % (len(packed), len(head)))
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for n in range(1, 9):
        if n in packed:
            rows.append(struct.pack(">BIH", 2, 7, list(packed).index(n)))
        else:
            rows.append(struct.pack(">BIH", 1, where.get(n, len(out)), 0))
    add(8, b"".join(rows), b"/Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R ")
    out.extend(b"startxref\n%d\n%%%%EOF\n" % where[8])
    return bytes(out)


def test_a_flate_bomb_is_refused_before_pdfium_inflates_it(tmp_path):
    from tests.hostile.builders import flate_bomb, stream

    path = tmp_path / "炸弹.pdf"
    path.write_bytes(_pdf_with_streams(stream(flate_bomb(MAX_STREAM + MB), b"/Filter /FlateDecode ")))
    assert path.stat().st_size < MB
    with pytest.raises(ReadError) as err:
        load(path)
    assert err.value.code == "bomb" and err.value.message == BOMB_MESSAGE.format("炸弹.pdf")


def test_streams_that_add_up_to_a_bomb_are_refused(tmp_path, monkeypatch):
    # Several streams each under the single limit: PDFium joins a page's content streams.
    monkeypatch.setattr(pdf_streams, "MAX_STREAM", 2 * MB)
    monkeypatch.setattr(pdf_streams, "MAX_TOTAL", 4 * MB)
    path = tmp_path / "three.pdf"
    path.write_bytes(_pdf_with_streams(*[_flate(b" " * (3 * MB // 2))] * 3))
    with pytest.raises(ReadError) as err:
        load(path)
    assert err.value.code == "bomb"
    # As much data at the compression real files have is fine.
    rng = random.Random(7)
    path.write_bytes(_pdf_with_streams(*[_flate(b"% " + rng.randbytes(3 * MB // 2)) for _ in range(3)]))
    assert "HELLO BEFORE THE STREAMS" in load(path).text


def test_streams_that_are_not_zlib_are_left_to_pdfium(tmp_path):
    from tests.hostile.builders import stream

    path = tmp_path / "odd.pdf"
    path.write_bytes(_pdf_with_streams(stream(b"not zlib at all", b"/Filter /FlateDecode ")))
    assert "HELLO BEFORE THE STREAMS" in load(path).text


def test_object_streams_and_flate_images_open(tmp_path):
    path = tmp_path / "objstm.pdf"
    path.write_bytes(_objstm_pdf())
    assert load(path).text == "OBJECT STREAMS AND A FLATE IMAGE"
    assert len(pdf_streams.flate_streams(path.read_bytes())) == 4


def _every_pdf() -> list[Path]:
    shared = Path(os.environ.get("XXGK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    return sorted(shared.glob("**/*.pdf")) + sorted(SAMPLE_PDF.parent.glob("*.pdf"))


@pytest.mark.parametrize("path", _every_pdf(), ids=lambda p: p.name)
def test_every_sample_pdf_passes_the_stream_check(path):
    """The scan finds every Flate stream of the sample PDFs and inflates each to its end."""
    data = path.read_bytes()
    found = pdf_streams.flate_streams(data)
    assert len(found) == data.count(b"/FlateDecode")
    for start, end in found:
        d = zlib.decompressobj()
        d.decompress(data[start:end])
        assert d.eof
    pdf_streams.check_streams(data, path.name)


def write_encrypted_pdf(path: Path, user_password: bytes = b"secret") -> None:
    """A one-page PDF protected by the standard security handler (RC4-40, revision 2)."""
    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    file_id = b"xxgk-desk-test-0"
    perms = struct.pack("<i", -44)
    owner_entry = rc4(hashlib.md5((b"owner" + pad)[:32]).digest()[:5], (user_password + pad)[:32])
    key = hashlib.md5((user_password + pad)[:32] + owner_entry + perms + file_id).digest()[:5]
    user_entry = rc4(key, pad)
    content = rc4(
        hashlib.md5(key + b"\x04\x00\x00\x00\x00").digest()[:10], b"BT /F1 24 Tf 72 720 Td (Secret) Tj ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
        % (owner_entry.hex().encode(), user_entry.hex().encode()),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        file_id.hex().encode(),
        file_id.hex().encode(),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))


def test_encrypted_pdf(tmp_path):
    locked = tmp_path / "加密报告.pdf"
    write_encrypted_pdf(locked)
    with pdfium.PdfDocument(str(locked), password="secret") as opened:  # the fixture is a real encrypted PDF
        assert len(opened) == 1
    with pytest.raises(ReadError) as err:
        load(locked)
    assert err.value.code == "encrypted"
    assert err.value.message.startswith("PDF 文件已加密，无法读取：加密报告.pdf。")


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_no_file_handle_is_left_open(tmp_path):
    src = shared_path("samples", "real", "hongze-2023-gov.pdf")
    copy = tmp_path / "r.pdf"
    copy.write_bytes(src.read_bytes())
    before = len(os.listdir("/proc/self/fd"))
    load(copy)
    assert len(os.listdir("/proc/self/fd")) <= before
    copy.rename(tmp_path / "renamed.pdf")


# -- progress and cancel ---------------------------------------------------------------------


def test_progress_after_each_page():
    calls: list[tuple[int, int, str]] = []
    doc = load(SAMPLE_PDF, progress=lambda *a: calls.append(a))
    n = doc.page_count
    assert calls == [(k, n, "") for k in range(1, n + 1)]


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_progress_once_for_other_formats(tmp_path, suffix):
    if suffix == ".txt":
        path = tmp_path / "r.txt"
        path.write_text("一、概述\n本学年，学校共受理信息公开申请12件。\n", encoding="utf-8")
    else:
        path = SAMPLE_PDF.with_suffix(".docx")
    calls: list[tuple[int, int, str]] = []
    load(path, progress=lambda *a: calls.append(a))
    assert calls == [(1, 1, "")]


class _GuiCancelled(Exception):
    """Stands for the window's own cancel exception."""


@pytest.mark.parametrize("exc", [Cancelled, _GuiCancelled, KeyError])
def test_cancel_from_the_callback_comes_out_unchanged(monkeypatch, exc):
    import xxgk_desk.core.loaders.pdf as pdf_mod

    opened: list[pdfium.PdfDocument] = []
    real_open = pdf_mod._open

    def spy(path: str, name: str) -> pdfium.PdfDocument:
        opened.append(real_open(path, name))
        return opened[-1]

    monkeypatch.setattr(pdf_mod, "_open", spy)
    raised = exc("stop")
    calls = []

    def progress(done: int, total: int, message: str) -> None:
        calls.append(done)
        if done == 2:
            raise raised

    with pytest.raises(exc) as err:
        load(SAMPLE_PDF, progress=progress)
    assert err.value is raised and calls == [1, 2]
    assert opened and opened[0].raw is None  # the PDFium document was closed


def test_cancel_through_the_pipeline():
    from xxgk_desk.core.pipeline import check

    def progress(done: int, total: int, message: str) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        check(SAMPLE_PDF, progress=progress)
    with pytest.raises(Cancelled):
        check(SAMPLE_PDF.with_suffix(".docx"), progress=progress)


def test_a_failing_loader_is_still_a_read_error_with_progress(tmp_path):
    bad = tmp_path / "garbage.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    with pytest.raises(ReadError):
        load(bad, progress=lambda *a: None)
