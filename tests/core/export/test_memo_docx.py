"""The DOCX memo read back with python-docx: content, every note with quote and page, special
characters, options, and the official-document layout (page, fonts, page numbers)."""

from __future__ import annotations

import re

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.core.export.conftest import FORMULA, LONG, RECOMMENDATIONS, SPECIAL, docx_text
from xxgk_desk.core.export import ExportError, collect_memo, write_docx, write_memo


@pytest.fixture
def memo_docx(demo, tmp_path):
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store, include_dismissed=True)
    return memo, write_docx(memo, tmp_path / "memo.docx")


def test_content(demo, memo_docx):
    memo, path = memo_docx
    text = docx_text(path)
    for line in memo.title_lines:
        assert line in text
    assert "审核结论：基本合格。" in text
    assert "完整性得分：100分（满分100分）" in text
    for p in memo.parts:
        assert p.name in text
    for f in memo.fields:
        assert f.label in text
    assert "2168条" in text and "2186条" in text
    for name, body in demo.bodies.items():
        assert body in text, name
    for name, quote in demo.quotes.items():
        page = demo.pages[name]
        where = f"（第{page}页）" if page else "(?:（见“.+?”）)?"  # no pages: the section, if any
        assert re.search(f"原文{where}：“{re.escape(quote)}”", text), name
    assert demo.reply in text and "答复（李四" in text
    assert demo.dismiss_reason in text
    for line in RECOMMENDATIONS.splitlines():
        assert line in text
    assert "附件：清单事项覆盖情况表" in text and "清单事项覆盖情况表" in text
    assert "审核人：张三" in text and memo.date in text
    for c in memo.checklist:
        assert c.item in text


def test_special_characters_survive(memo_docx):
    _, path = memo_docx
    text = docx_text(path)
    assert SPECIAL in text and LONG in text and FORMULA in text
    assert "😀" in text and "𠀀" in text


def test_every_issue_is_numbered_with_its_tags(demo, memo_docx):
    memo, path = memo_docx
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    for g in memo.groups:
        for k, issue in enumerate(g.issues, 1):
            head = f"{k}．【{'｜'.join(issue.tags)}】{issue.body}"
            assert any(p.startswith(head) for p in paragraphs), head


def test_official_layout(memo_docx):
    _, path = memo_docx
    d = docx.Document(str(path))
    sec = d.sections[0]
    got = (
        sec.page_width,
        sec.page_height,
        sec.top_margin,
        sec.bottom_margin,
        sec.left_margin,
        sec.right_margin,
    )
    for value, mm in zip(got, (210, 297, 37, 35, 28, 26), strict=True):
        assert abs(value - Mm(mm)) < Mm(0.1)  # twips rounding
    runs = [r for p in d.paragraphs for r in p.runs] + [
        r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
    ]
    assert runs
    for r in runs:
        fonts = r._r.rPr.find(qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")), r.text
        assert fonts.get(qn("w:ascii")) and fonts.get(qn("w:hAnsi"))
    east = {r._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in runs}
    assert {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"} <= east
    title = d.paragraphs[0]
    assert title.runs[0].font.size.pt == 22
    # page numbers: a PAGE field in the odd and the even footer
    for footer in (sec.footer, sec.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in footer.paragraphs[0].text
    assert d.settings.odd_and_even_pages_header_footer
    # the font table tells Word/WPS what to fall back to
    part = next(p for p in d.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    assert "仿宋_GB2312" in part.blob.decode("utf-8") and "FangSong" in part.blob.decode("utf-8")
    # tables have explicit borders and a repeated header row
    for t in d.tables:
        assert t._tbl.tblPr.find(qn("w:tblBorders")) is not None
        assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_pre_review_docx_is_marked(sample, tmp_path):
    memo = collect_memo(sample.document, sample.sections, sample.review)
    text = docx_text(write_docx(memo, tmp_path / "pre.docx"))
    assert "（自动预审，未经审核人员确认）" in text and "xxgk-desk 自动预审" in text
    for f in sample.review.findings:
        assert f.message in text


def test_options_change_the_docx(demo, tmp_path):
    args = (demo.doc, demo.sections, demo.review, demo.store)
    base = docx_text(write_docx(collect_memo(*args), tmp_path / "a.docx"))
    assert demo.bodies["resolved"] in base and demo.dismiss_reason not in base
    only_open = docx_text(write_docx(collect_memo(*args, only_open=True), tmp_path / "b.docx"))
    assert demo.bodies["resolved"] not in only_open and demo.bodies["special"] in only_open
    ctx = docx_text(write_docx(collect_memo(*args, with_context=True), tmp_path / "c.docx"))
    assert "“……本学年，学校共主动公开各类信息2186条，其中信息公开网发布634条" in ctx
    dismissed = docx_text(write_docx(collect_memo(*args, include_dismissed=True), tmp_path / "d.docx"))
    assert demo.dismiss_reason in dismissed and "已驳回的自动检查结果" in dismissed


def test_xml_illegal_characters_do_not_break_the_file(demo, tmp_path):
    demo.store.add_note(demo.doc, body="控制字符\x01\x0b结束", category="other", severity="info")
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store)
    text = docx_text(write_docx(memo, tmp_path / "x.docx"))
    assert "控制字符\ufffd\ufffd结束" in text


def test_long_quotes_are_cut_in_the_middle(demo, tmp_path):
    doc = demo.doc
    start = doc.text.index("招生信息方面")
    end = doc.text.index("中标结果138条") + len("中标结果138条")
    demo.store.add_note(doc, start, end, body="引文很长。", category="other", severity="info")
    memo = collect_memo(doc, demo.sections, demo.review, demo.store)
    text = docx_text(write_docx(memo, tmp_path / "long.docx"))
    quote = " ".join(doc.text[start:end].split())
    assert len(quote) > memo.options.quote_limit
    assert quote[:100] in text and quote[-50:] in text and "……" in text


def test_unwritable_path_is_an_export_error(demo, tmp_path):
    memo = collect_memo(demo.doc, demo.sections, demo.review)
    with pytest.raises(ExportError) as e:
        write_memo(memo, tmp_path / "no-such-folder" / "memo.docx")
    assert "无法写入" in e.value.message
    with pytest.raises(ExportError) as e:
        write_memo(memo, tmp_path / "memo.odt")
    assert e.value.code == "format"
