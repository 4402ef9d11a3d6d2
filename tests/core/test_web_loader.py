"""Web pages as reports: saved HTML (GBK and UTF-8, every way of declaring the charset), MHTML and the complete
save, built from the probe reports in the chrome of a school site (tests/core/web_pages.py)."""

from __future__ import annotations

import json

import pytest

from tests.core.web_pages import CHROME_MARKERS, PAGES, build_page, save_complete, to_mhtml
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import load, sniff
from xxgk_desk.core.pipeline import check, to_json

IDS = [probe for probe, _ in PAGES]


def _sections(result):
    doc = result.document
    return [(s.level, "".join(doc.text[s.start : s.title_end].split())) for s in result.sections]


def _truth_sections(page):
    return [(s["level"], "".join(s["title"].split())) for s in page.truth["sections"]]


def _late(result) -> bool:
    return any(f.rule == "late_report" for f in result.review.findings)


@pytest.fixture(params=PAGES, ids=IDS)
def page(request):
    probe, opts = request.param
    return build_page(probe, **opts)


def test_page_reads_like_its_report(tmp_path, page):
    """Institution, title year, outline and publication date right; no chrome; the late finding where due."""
    path = tmp_path / f"{page.probe}.htm"
    path.write_bytes(page.html)
    result = check(path)
    assert result.ok, result.error
    doc, fields = result.document, result.review.fields
    assert doc.kind == "html" and not doc.paginated and doc.page_at(0) is None
    assert fields["institution"].value == page.truth["institution"]
    assert fields["title_year"].value == page.truth["title_year"]
    want = _truth_sections(page)
    got = _sections(result)
    assert [s for s in got if s[0] > 0] == [s for s in want if s[0] > 0]
    assert "".join(t for lvl, t in got if lvl == 0) == "".join(t for lvl, t in want if lvl == 0)
    pub = fields["publication_date"]
    assert pub.value == page.published
    assert doc.text[pub.start : pub.end].startswith(page.published)  # the evidence is the page's own line
    assert fields["page_source"].value == page.source
    assert [m for m in CHROME_MARKERS if m in doc.text] == []
    assert _late(result) == page.late


def test_the_three_saves_give_one_text(tmp_path):
    """仅HTML, 单个文件 (quoted-printable and base64) and 完整 give the same canonical text and facts."""
    page = build_page("u01-decimal-numbering", published="2024-11-03", attachment=True)
    plain = tmp_path / "plain" / "report.html"
    plain.parent.mkdir()
    plain.write_bytes(page.html)
    qp = tmp_path / "qp.mhtml"
    qp.write_bytes(to_mhtml(page))
    b64 = tmp_path / "b64.mht"
    b64.write_bytes(to_mhtml(page, transfer="base64"))
    complete = save_complete(page, tmp_path / "complete")
    docs = [load(p) for p in (plain, qp, b64, complete)]
    assert len({d.text for d in docs}) == 1
    assert [d.kind for d in docs] == ["html", "mhtml", "mhtml", "html"]
    for d in docs:
        assert d.fact("publication_date").value == "2024-11-03"
        assert d.fact("page_url").value == page.url
        assert d.fact("page_title").value == page.title
    assert docs[1].fact("page_url").quote.startswith("Content-Location:")
    # the complete save's attachment is a local file the reviewer can open instead
    att = docs[3].fact("attachment")
    assert att is not None and att.value.endswith("u01-decimal-numbering.pdf") and att.origin == "本地文件"
    assert any("可改为打开该文件" in w for w in docs[3].warnings)
    # the page alone links the same file, which is not there: listed, never fetched
    assert docs[0].fact("attachment").origin == "网页链接"


def test_late_by_publication_although_signed_in_time(tmp_path):
    """Published 3 November, signed 28 October: late, and the finding points at the 发布时间."""
    page = build_page("u01-decimal-numbering", published="2024-11-03")
    path = tmp_path / "p.html"
    path.write_bytes(page.html)
    result = check(path)
    assert result.review.fields["report_date"].value == "2024-10-28"
    late = [f for f in result.review.findings if f.rule == "late_report"]
    assert len(late) == 1
    assert "2024-11-03" in late[0].message and "2024-10-28" in late[0].message
    assert result.document.text[late[0].start : late[0].end].startswith("2024-11-03")
    on_time = build_page("u01-decimal-numbering", published="2024-10-30")
    path.write_bytes(on_time.html)
    assert not _late(check(path))


@pytest.mark.parametrize(
    "encoding,declare",
    [("gbk", "meta"), ("gb2312", "http-equiv"), ("gb18030", "none"), ("gbk", "wrong"), ("utf-8", "wrong"),
     ("utf-8", "none"), ("utf-8", "http-equiv")],
)  # fmt: skip
def test_encodings(tmp_path, encoding, declare):
    page = build_page("c04-late-long-period", encoding=encoding, declare=declare)
    path = tmp_path / "p.html"
    path.write_bytes(page.html)
    doc = load(path)
    assert "荆北工程学院2023—2024学年信息公开工作年度报告" in doc.text
    assert "\ufffd" not in doc.text
    said = " ".join(doc.warnings)
    if declare == "wrong":
        assert "与内容不符" in said or "实为 UTF-8" in said
    elif declare == "none":
        assert "未声明编码" in said
    else:
        assert "编码" not in said


def test_tables_are_tables_and_headings_headings(tmp_path):
    page = build_page("u22-figures-in-table", style="h")
    path = tmp_path / "p.html"
    path.write_bytes(page.html)
    doc = load(path)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 2
    annex = max(tables, key=lambda b: len(b.rows))
    assert len(annex.rows) == 51 and all(len(r) == 5 for r in annex.rows)
    first = annex.rows[1]
    assert [doc.text[c.start : c.end] for c in first][:2] == ["1", "基本信息"]
    headings = [doc.block_text(b) for b in doc.blocks if b.kind == "heading"]
    assert "一、概述" in headings and "（一）健全工作机制" in headings
    for b in doc.blocks:  # code-point offsets: every block is its own span of the text, cells too
        if b.kind == "table":
            cells = [doc.text[c.start : c.end] for r in b.rows for c in r]
            assert "\t".join(cells).replace("\t", "") == doc.text[b.start : b.end].replace("\t", "").replace(
                "\n", ""
            )
        else:
            assert doc.text[b.start : b.end].strip() == doc.text[b.start : b.end] != ""


def test_json_carries_the_page_facts(tmp_path):
    page = build_page("u32-clean-control", encoding="gbk", declare="http-equiv", published="2023-11-02")
    path = tmp_path / "p.htm"
    path.write_bytes(page.html)
    out = to_json(check(path))
    json.dumps(out, ensure_ascii=False)
    assert out["kind"] == "html"
    assert out["fields"]["publication_date"]["value"] == "2023-11-02"
    assert any(f["rule"] == "late_report" for f in out["findings"])
    facts = {f["key"]: f for f in out["facts"]}
    assert facts["page_url"]["value"] == page.url and facts["page_url"]["start"] is None
    assert facts["publication_date"]["value"] == "2023-11-02"


def test_the_command_line_summary_shows_the_page(tmp_path):
    import io

    from xxgk_desk.commands.check import print_summary
    from xxgk_desk.core.rules import load_rules

    page = build_page("u01-decimal-numbering", published="2024-11-03")
    path = tmp_path / "p.html"
    path.write_bytes(page.html)
    out = io.StringIO()
    print_summary(check(path), load_rules(), out)
    assert f"网页：发布时间：2024-11-03　来源：党政办公室　网址：{page.url}" in out.getvalue()
    assert "网页发布时间2024-11-03晚于报送期限2024-10-31" in out.getvalue()


def test_sniffing():
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"\xef\xbb\xbf\n  <html lang=zh>") == "html"
    assert sniff(b"<!-- saved from url=(0040)http://a/ -->\n<html>") == "html"
    assert (
        sniff(b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n")
        == "mhtml"
    )
    assert sniff("一、概述 <b>".encode()) == "text"


def test_an_html_file_that_is_a_picture_or_pdf_is_refused(tmp_path):
    p = tmp_path / "x.html"
    p.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ReadError) as e:
        load(p)
    assert e.value.code == "mismatch"


def test_a_listing_page_without_an_article_says_so(tmp_path):
    p = tmp_path / "list.html"
    p.write_text(
        "<html><head><meta charset=utf-8><title>信息公开年报</title></head><body>"
        "<div class=nav><a href=/>首页</a></div><script>var a=1;</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ReadError) as e:
        load(p)
    assert e.value.code == "no_content" and "粘贴报告" in e.value.message
