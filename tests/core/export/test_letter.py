"""The letter a department sends (审核意见): what goes in (only what the reviewer confirmed), how the
report and the school are named (the printed title, the official name), the settings stored with the
database, and the DOCX read back (heading styles, East Asian fonts on every run, order of the parts)."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn

from tests.core.export.conftest import docx_text
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.export import (
    ExportError,
    LetterSettings,
    collect_letter,
    letter_settings,
    render_letter_text,
    write_letter,
)
from xxgk_desk.core.export.letter_model import title_lines
from xxgk_desk.core.export.report_title import official_name, printed_title
from xxgk_desk.core.loaders import load
from xxgk_desk.core.marker import tool_output
from xxgk_desk.core.pipeline import check
from xxgk_desk.core.rules import load_rules

DAY = date(2024, 11, 5)


def _letter(case, **kw):
    settings = letter_settings.read(case.store)
    return collect_letter(case.doc, case.sections, case.review, case.store, settings=settings, when=DAY, **kw)


@pytest.fixture
def letter_docx(letter_case, tmp_path):
    letter = _letter(letter_case, number=35)
    return letter, write_letter(letter, tmp_path / "审核意见.docx", "docx")


# -- naming the report and the school ------------------------------------------------------------------


def test_the_printed_title_is_quoted_as_printed(letter_case):
    letter = _letter(letter_case)
    assert letter.report_title == "楚澜理工学院2023—2024学年信息公开工作年度报告"
    assert letter.title == "关于《楚澜理工学院2023—2024学年信息公开工作年度报告》的审核意见"
    assert "".join(letter.title_lines) == letter.title and len(letter.title_lines) == 2


def _checked(tmp_path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.ok
    return result


def test_a_title_is_never_rewritten(tmp_path):
    """A report titled …2024年信息公开工作报告 stays so (the old memo made it …2024年度…年度报告)."""
    r = _checked(
        tmp_path, "湖北孝感美珈职业学院2024年信息公开工作报告\n一、概述\n学校信息公开工作有序开展。\n"
    )
    title = printed_title(r.document, r.sections, load_rules())
    assert title == "湖北孝感美珈职业学院2024年信息公开工作报告"


def test_a_running_header_repeated_in_the_title_is_not_doubled(tmp_path):
    r = _checked(
        tmp_path, "湖北孝感美珈职业学院\n湖北孝感美珈职业学院 2023 年信息公开工作报告\n一、概述\n正文。\n"
    )
    assert (
        printed_title(r.document, r.sections, load_rules()) == "湖北孝感美珈职业学院 2023 年信息公开工作报告"
    )


def test_a_work_summary_is_quoted_as_what_it_is(tmp_path):
    r = _checked(tmp_path, "湖北医药学院信息公开工作总结\n一、强化组织保障\n正文。\n")
    assert printed_title(r.document, r.sections, load_rules()) == "湖北医药学院信息公开工作总结"


def test_without_a_title_line_the_letter_names_school_and_year(tmp_path):
    r = _checked(
        tmp_path,
        "本报告由湖北孝感美珈职业学院党政办公室编制，统计期限为2023年9月1日至2024年8月31日。\n"
        "一、概述\n学校信息公开工作有序开展。\n",
    )
    letter = collect_letter(r.document, r.sections, r.review, None, when=DAY)
    assert letter.report_title is None
    assert letter.title == "关于湖北孝感美珈职业学院2023—2024学年信息公开工作年度报告的审核意见"
    assert letter.addressee == "湖北孝感美珈职业学院："


def test_the_addressee_is_the_official_name(letter_case):
    """An old or short name as written becomes the Ministry list's name; the reviewer's correction wins."""
    assert official_name("楚澜理工学院") is None  # not on the list: the name as written
    assert _letter(letter_case).addressee == "楚澜理工学院："
    letter_case.store.set_field(
        letter_case.doc, "institution", value="荆楚理工学院", extracted="楚澜理工学院"
    )
    assert _letter(letter_case).addressee == "荆楚理工学院："


def test_title_lines_break_between_phrases():
    lines = title_lines(
        "关于《湖北孝感美珈职业学院2023—2024学年信息公开工作年度报告》的审核意见", ("湖北孝感美珈职业学院",)
    )
    assert len(lines) in (2, 3)
    assert not any(
        re.search(r"\d$", a) and re.match(r"\d", b) for a, b in zip(lines, lines[1:], strict=False)
    )


# -- what goes in -------------------------------------------------------------------------------------------


def test_only_what_the_reviewer_confirmed(letter_case):
    text = render_letter_text(_letter(letter_case))
    for name, body in letter_case.confirmed.items():
        assert body.rstrip("。") in text, name
    for name, body in letter_case.left_out.items():
        assert body.rstrip("。") not in text, name
    assert letter_case.undecided not in text
    assert "补充社会公众的评议情况。" in text  # the reviewer's own requirement
    assert "10个工作日内" in text  # the deadline from the settings


def test_automatic_findings_only_when_asked_and_marked_in_the_annex(letter_case):
    letter = _letter(letter_case, include_automatic=True)
    text = render_letter_text(letter)
    assert letter_case.undecided.rstrip("。") in text
    annex = text[text.rindex("问题清单") :]
    row = next(line for line in annex.splitlines() if letter_case.undecided.rstrip("。") in line)
    assert row.endswith("系统预审")
    assert sum(line.endswith("审核确认") for line in annex.splitlines()) == len(letter_case.confirmed)


def test_problems_most_serious_first_with_page_and_quote(letter_case):
    letter = _letter(letter_case)
    ranks = [g.issues[0].severity_rank for g in letter.groups]
    assert ranks == sorted(ranks, reverse=True)
    for g in letter.groups:
        assert [i.severity_rank for i in g.issues] == sorted(
            (i.severity_rank for i in g.issues), reverse=True
        )
    sentence = next(i.sentence for i in letter.issues if i.body.startswith("依申请公开数据合计不符"))
    page = letter_case.doc.page_at(letter_case.doc.text.index("学校共受理信息公开申请12件"))
    assert f"（报告第{page}页：“学校共受理信息公开申请12件" in sentence


def test_no_internal_fields_in_the_letter(letter_case, letter_docx):
    _, path = letter_docx
    text = docx_text(path)
    doc = letter_case.doc
    for internal in (doc.file_sha256, doc.file_sha256[:12], "sample-report", ".pdf", "张三", "未处理", "自动检查",
                     "得分", "【", "严重", "警告", "待处理", "审核人"):  # fmt: skip
        assert internal not in text, internal


def test_settings_round_trip_and_checks(letter_case):
    store = letter_case.store
    s = letter_settings.read(store)
    assert (s.issuer, s.deadline_days, s.we) == ("湖北省教育厅办公室", 10, "我办")
    letter_settings.write(
        store, LetterSettings(issuer="湖北省教育厅", closing="请认真整改。", deadline_days=20)
    )
    s = letter_settings.read(store)
    assert (s.issuer, s.we, s.closing_text, s.deadline_days, s.contact) == (
        "湖北省教育厅",
        "我厅",
        "请认真整改。",
        20,
        "",
    )
    text = render_letter_text(_letter(letter_case))
    assert "请认真整改。" in text and "特此函告" not in text and "20个工作日内" in text
    with pytest.raises(ExportError):
        letter_settings.write(store, LetterSettings(deadline_days=0))
    with pytest.raises(ExportError):
        letter_settings.write(store, LetterSettings(number_pattern="鄂教函〔{yr}〕号"))
    assert (
        LetterSettings(number_pattern="鄂教函〔{year}〕{no}号").number(None, DAY)
        == "鄂教函〔2024〕\u3000\u3000号"
    )


def test_a_clean_pass_has_no_requirements(sample_pdf, tmp_path):
    from xxgk_desk.core.store import Store

    with Store(tmp_path / "db.sqlite3") as store:
        doc = sample_pdf.document
        store.register_version(doc, "楚澜理工学院", 2024)
        for f in sample_pdf.review.findings:
            store.dismiss_finding(doc, f.key, "不构成问题。")
        store.set_review(doc, state="done", conclusion="pass")
        letter = collect_letter(doc, sample_pdf.sections, sample_pdf.review, store, when=DAY)
    text = render_letter_text(letter)
    assert not letter.groups and not letter.requirements and not letter.annex
    assert "审核结论为“合格”" in text and "存在的主要问题" not in text and "整改要求" not in text


# -- the DOCX read back ---------------------------------------------------------------------------------


def test_headings_carry_word_heading_levels(letter_docx):
    letter, path = letter_docx
    d = docx.Document(str(path))
    styled = {p.text: p.style.name for p in d.paragraphs if p.style.name.startswith("Heading")}
    assert styled["一、存在的主要问题"] == "Heading 1"
    assert styled["二、整改要求"] == "Heading 1"
    assert all(v == "Heading 2" for k, v in styled.items() if k.startswith("（"))
    assert sum(k.startswith("（") for k in styled) == len(letter.groups)
    fonts = {
        n: d.styles[n].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
        for n in ("Heading 1", "Heading 2")
    }
    assert fonts == {"Heading 1": "黑体", "Heading 2": "楷体_GB2312"}
    assert d.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0, 0, 0)


def test_east_asian_font_on_every_run(letter_docx):
    _, path = letter_docx
    d = docx.Document(str(path))
    runs = [r for p in d.paragraphs for r in p.runs if r.text.strip()]
    runs += [
        r
        for t in d.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.text.strip()
    ]
    allowed = {"仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"}
    for r in runs:
        fonts = r._r.rPr.find(qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")) in allowed, r.text
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    justified = [
        p for p in d.paragraphs if p.style.name == "Normal" and p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    ]
    body = [r for p in justified if not p.text.startswith("附件") for r in p.runs]
    assert {r._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in body if r.text.strip()} == {
        "仿宋_GB2312"
    }
    assert {r.font.size.pt for r in body if r.text.strip()} == {16.0}


def test_order_of_the_parts(letter_docx):
    letter, path = letter_docx
    paras = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    want = ["湖北省教育厅办公室", "鄂教办函〔2024〕35号", letter.title_lines[0], "楚澜理工学院：", "根据《高等学校信息公开办法》",
            "一、存在的主要问题", "（一）", "二、整改要求", "联系人：王明，联系电话：027-87328000。", "特此函告。",
            "附件：问题清单", "湖北省教育厅办公室", "2024年11月5日", "附件", "问题清单"]  # fmt: skip
    at = 0
    for w in want:
        at = next(i for i in range(at, len(paras)) if paras[i].startswith(w)) + 1
    addressee = next(p for p in paras if p.startswith("楚澜理工学院"))
    assert addressee.endswith("：")


def test_the_letter_is_a_review_file_not_a_report(letter_case, tmp_path):
    letter = _letter(letter_case)
    for fmt in ("docx", "txt", "md"):
        out = write_letter(letter, tmp_path / f"审核意见.{fmt}", fmt)
        assert tool_output(out), fmt
        with pytest.raises(ReadError):
            load(out)


# -- the PDF (LibreOffice): lines per page, characters per line, the signature with the body ------------


def pdf_lines(path) -> list[list[str]]:
    """Each page's text lines, top to bottom (characters grouped by their baseline)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            rows: dict[int, list] = {}
            for c in page.chars:
                rows.setdefault(round(c["top"] / 4), []).append(c)
            pages.append(
                [
                    "".join(c["text"] for c in sorted(v, key=lambda c: c["x0"])).strip()
                    for _, v in sorted(rows.items())
                ]
            )
    return pages


def assert_official_pages(pages: list[list[str]], issuer: str, day: str) -> None:
    from xxgk_desk.core.export.fmt import text_width

    body_pages = []
    for lines in pages:
        assert re.fullmatch(r"—\s*\d+\s*—", lines[-1]), lines[-1]  # the page number
        body = [line for line in lines[:-1] if line]
        assert len(body) <= 22, body
        body_pages.append(body)
        for line in body:
            assert text_width(line.replace(" ", "")) <= 28.5, line
    assert max(len(b) for b in body_pages) >= 19  # a full page has about 22 lines
    at = next(i for i, b in enumerate(body_pages) if issuer in b and day in b)
    lines = body_pages[at]
    before = lines[: lines.index(issuer)]
    assert [line for line in before if not line.startswith("附件")], "the signature stands alone on its page"
    assert lines.index(day) == lines.index(issuer) + 1


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_the_pdf_pages_look_like_an_official_letter(letter_case, tmp_path):
    letter = _letter(letter_case, include_automatic=True, number=35)
    out = write_letter(letter, tmp_path / "审核意见.pdf", "pdf")
    pages = pdf_lines(out)
    assert_official_pages(pages[:-1], letter.issuer, letter.date)  # the annex table's page aside
    assert pages[-1][0] == "附件" and "问题清单" in pages[-1][1]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_a_signature_that_would_fall_alone_takes_the_last_lines_with_it(letter_case, tmp_path):
    """Requirements long enough to fill the page exactly up to the signature: the body's last lines move too."""
    base = _letter(letter_case)
    for extra in range(0, 8):
        letter = replace(base, requirements=base.requirements + ("补充有关情况。",) * extra, annex=False)
        pages = pdf_lines(write_letter(letter, tmp_path / f"l{extra}.pdf", "pdf"))
        assert_official_pages(pages, letter.issuer, letter.date)
