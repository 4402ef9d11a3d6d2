"""The 通报 carries the province's charts as pictures (read back with python-docx; rendered to PDF
by LibreOffice, the pictures are on its pages); without a Chinese font it says so and keeps its tables."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date

import docx
import pytest

from xxgk_desk.core.export import chart_png
from xxgk_desk.core.export.notice_blocks import (
    notice_blocks,
    notice_figures,
    render_notice_markdown,
    write_notice,
)
from xxgk_desk.core.export.notice_model import collect_notice

needs_font = pytest.mark.skipif(chart_png.cjk_font() is None, reason="no Chinese font file on this computer")


@pytest.fixture(scope="module")
def notice(province):
    ws = province.workspace
    return collect_notice(ws, ws.rows(), when=date(2024, 12, 2))


@needs_font
def test_the_docx_has_the_four_charts_with_captions_in_reading_order(notice, province, tmp_path):
    from PIL import Image

    out = write_notice(notice, tmp_path / "通报.docx", rules=province.workspace.rules)
    d = docx.Document(str(out))
    assert len(d.inline_shapes) == 4
    for shape in d.inline_shapes:
        assert 140 < shape.width.mm < 160  # on the 156 mm type area
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = Image.open(io.BytesIO(d.part.related_parts[blip].blob))
        assert image.format == "PNG" and image.width >= 1200
    paras = [p.text for p in d.paragraphs]
    captions = [t for t in paras if t.startswith("图")]
    assert captions == ["图1　年度报告报送情况", "图2　按办学层次的报送情况", "图3　完整性得分分布",
                        "图4　存在各类问题的报告占比"]  # fmt: skip
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    order = [paras.index(t) for t in (heads[0], captions[0], captions[1], heads[1], captions[2], heads[2],
                                      captions[3], heads[3])]  # fmt: skip
    assert order == sorted(order)
    descr = [s._inline.docPr.get("descr") for s in d.inline_shapes]
    assert "对照教育部名单，青海省普通高校共13所" in descr[0]
    assert len(d.tables[-1].rows) == 1 + 13  # the annex table is still there


def test_markdown_and_text_have_no_pictures(notice):
    assert "![" not in render_notice_markdown(notice)


def test_without_a_chinese_font_one_line_and_the_tables(notice, province, tmp_path, monkeypatch):
    monkeypatch.setenv(chart_png.ENV, "none")
    chart_png.cjk_font.cache_clear()
    try:
        figures = notice_figures(notice, province.workspace.rules)
        assert not figures.figures and "未找到中文字体" in figures.note
        out = write_notice(notice, tmp_path / "通报.docx", rules=province.workspace.rules)
    finally:
        monkeypatch.delenv(chart_png.ENV)
        chart_png.cjk_font.cache_clear()
    d = docx.Document(str(out))
    assert len(d.inline_shapes) == 0
    assert sum("未找到中文字体" in p.text for p in d.paragraphs) == 1
    assert len(d.tables[-1].rows) == 1 + 13


def test_no_figures_no_change(notice):
    plain = notice_blocks(notice)
    assert not any(type(b).__name__ == "Figure" for b in plain)


@needs_font
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_pdf_shows_the_pictures(notice, province, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    out = write_notice(notice, tmp_path / "通报.pdf", rules=province.workspace.rules)
    with pdfplumber.open(out) as pdf:
        images = [im for page in pdf.pages for im in page.images]
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert len(images) == 4
    assert "图1" in text and "年度报告报送情况" in text
    from tests.core.export.test_letter import pdf_lines
    from xxgk_desk.core.export.fmt import text_width

    for lines in pdf_lines(out)[:-1]:  # the pictures keep the official page: numbered, 28 characters a line
        assert re.fullmatch(r"—\s*\d+\s*—", lines[-1]), lines[-1]
        assert all(text_width(line.replace(" ", "")) <= 28.5 for line in lines[:-1])


def test_batch_notice_and_summary_from_the_command_line(province, tmp_path, capsys, monkeypatch):
    import openpyxl

    from xxgk_desk.cli import main

    out, xlsx = tmp_path / "通报.docx", tmp_path / "汇总.xlsx"
    argv = ["batch", str(province.folder), "--db", str(province.store.path), "--jobs", "0",
            "--notice", str(out), "-o", str(xlsx)]  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    shapes = len(docx.Document(str(out)).inline_shapes)
    assert shapes == (4 if chart_png.cjk_font() is not None else 0)
    assert len(openpyxl.load_workbook(xlsx)["图表"]._charts) == 4
    # no font: one line on the terminal, the 通报 still written
    monkeypatch.setenv(chart_png.ENV, "none")
    chart_png.cjk_font.cache_clear()
    try:
        assert main(argv) == 0
    finally:
        monkeypatch.delenv(chart_png.ENV)
        chart_png.cjk_font.cache_clear()
    err = capsys.readouterr().err
    assert "未找到中文字体" in err and "Traceback" not in err
    assert len(docx.Document(str(out)).inline_shapes) == 0
