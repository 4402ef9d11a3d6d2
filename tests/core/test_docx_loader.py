"""DOCX loader: body order, heading styles, bold-only headings, tables, headers left out, bombs refused."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.shared import Pt

from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import load


def make_docx(path, *, header="页眉文字 - 1 -"):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    d.add_heading("某某大学2023—2024学年信息公开工作年度报告", level=0)
    d.add_heading("一、概述", level=1)
    d.add_paragraph("学校高度重视信息公开工作。")
    p = d.add_paragraph()
    r = p.add_run("（一）主动公开情况")
    r.bold = True
    r.font.size = Pt(16)
    t = d.add_table(rows=2, cols=3)
    for i, row in enumerate(
        [["序号", "公开事项", "网址链接"], ["1", "办学规模", "http://xxgk.example.edu.cn/1"]]
    ):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    d.add_paragraph("表后段落。")
    d.save(path)


def test_body_order_styles_bold_and_tables(tmp_path):
    path = tmp_path / "r.docx"
    make_docx(path)
    doc = load(path)
    texts = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert texts[0] == ("paragraph", "某某大学2023—2024学年信息公开工作年度报告")
    assert doc.blocks[0].style_level == 0
    assert texts[1] == ("heading", "一、概述") and doc.blocks[1].style_level == 1
    assert texts[3][1] == "（一）主动公开情况" and doc.blocks[3].bold
    assert not doc.blocks[2].bold
    table = doc.blocks[4]
    assert table.kind == "table"
    assert [doc.text[c.start : c.end] for c in table.rows[1]] == [
        "1",
        "办学规模",
        "http://xxgk.example.edu.cn/1",
    ]
    assert texts[5] == ("paragraph", "表后段落。")
    assert "页眉" not in doc.text


def test_zip_bomb_is_refused_without_unpacking(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/media/huge.bin", b"\0" * (400 * 1024 * 1024))
    with pytest.raises(ReadError) as e:
        load(path)
    assert e.value.code == "bomb"


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError) as e:
        load(path)
    assert e.value.code == "mismatch" and "word/document.xml" in e.value.message


def test_damaged_docx(tmp_path):
    good = tmp_path / "good.docx"
    make_docx(good)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ReadError) as e:
        load(bad)
    assert e.value.code == "damaged"
    assert "\n" not in e.value.message


@pytest.mark.parametrize("variant", ["styled", "bold"])
def test_seed_docx_text_matches_the_published_text(shared, variant):
    for i in range(5):
        doc = load(shared("samples", "docs", f"seed-00{i}-{variant}.docx"))
        want = shared("samples", f"seed-00{i}.txt").read_text(encoding="utf-8")
        squash = lambda s: "".join(s.split()).replace("|", "").replace("-", "")  # noqa: E731
        assert squash(doc.text) == squash(want)


def _docx_with_breaks(path, *, rendered: bool) -> None:
    """Ten paragraphs; a manual page break after the third; Word's rendered breaks (when ``rendered``)
    before the 3rd, 4th and 8th — a file saved by Word records where it last broke the pages."""
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    d = docx.Document()
    for i in range(10):
        p = d.add_paragraph()
        run = p.add_run(f"第{i + 1}段文字。")
        if i == 2:
            run.add_break(WD_BREAK.PAGE)
        if rendered and i in (2, 3, 7):
            p.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
            assert p.runs[0]._r[0].tag == qn("w:lastRenderedPageBreak")
    d.save(path)


def test_pages_follow_words_rendered_breaks(tmp_path):
    path = tmp_path / "word.docx"
    _docx_with_breaks(path, rendered=True)
    doc = load(path)
    assert doc.paginated
    pages = [doc.page_at(b.start) for b in doc.blocks]
    assert pages == [1, 1, 2, 3, 3, 3, 3, 4, 4, 4]  # the manual break is rendered too: not counted twice
    assert doc.page_count == 4


def test_a_docx_without_rendered_breaks_has_no_page_numbers(tmp_path):
    path = tmp_path / "generated.docx"
    _docx_with_breaks(path, rendered=False)
    doc = load(path)
    assert not doc.paginated
    assert {doc.page_at(b.start) for b in doc.blocks} == {None}  # never "第1页" on everything
