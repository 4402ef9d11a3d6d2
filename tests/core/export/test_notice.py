"""The province's 通报 for a folder of ten reports: the official list names the missing schools, the
parts come in order, the numbers agree with the summary XLSX; every letter into a folder."""

from __future__ import annotations

import shutil
import threading
from datetime import date

import docx
import openpyxl
import pytest

from tests.core.export.conftest import LATE, QINGHAI, QINGHAI_MISSING, docx_text
from xxgk_desk.core.export import LetterSettings, write_letters
from xxgk_desk.core.export.notice_blocks import render_notice_markdown, write_notice
from xxgk_desk.core.export.notice_model import collect_notice, province_records
from xxgk_desk.core.export.summary import write_summary_xlsx
from xxgk_desk.core.marker import tool_output

DAY = date(2024, 12, 2)
SETTINGS = LetterSettings(issuer="青海省教育厅", deadline_days=15)


@pytest.fixture(scope="module")
def notice(province):
    ws = province.workspace
    return collect_notice(ws, ws.rows(), settings=SETTINGS, when=DAY)


def test_the_province_and_year_come_from_the_reports(notice):
    assert notice.province == "青海省" and notice.year == 2024 and notice.school_year == "2023—2024学年"
    assert notice.title == "关于2023—2024学年高校信息公开工作年度报告审核情况的通报"


def test_the_missing_schools_are_named_from_the_official_list(notice):
    assert notice.listed == len(province_records("青海")) == 13
    assert notice.received == 10 and set(notice.missing) == set(QINGHAI_MISSING)
    assert (notice.late, notice.on_time, notice.undated) == (len(LATE), 10 - len(LATE), 0)
    text = render_notice_markdown(notice)
    for name in QINGHAI_MISSING:
        assert name in text


def test_problem_categories_most_common_first(notice, province):
    counts = [len(c.institutions) for c in notice.categories]
    assert counts == sorted(counts, reverse=True) and counts
    data = next(c for c in notice.categories if c.key == "data_error")
    assert set(data.institutions) == {n for n, k in province.problems.items() if k}
    assert "highlight" not in {c.key for c in notice.categories}
    assert sum(c.problems for c in notice.categories) == sum(province.problems.values())


def test_conclusions_and_pending(notice, province):
    got = {cid: k for cid, _label, k in notice.conclusions}
    for cid in ("pass", "basic_pass", "resubmit"):
        assert got[cid] == sum(1 for c in province.conclusions.values() if c == cid)
    assert notice.pending == 1


def test_the_docx_reads_back_in_order(notice, tmp_path):
    out = write_notice(notice, tmp_path / "通报.docx")
    assert tool_output(out)
    d = docx.Document(str(out))
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["一、基本情况", "二、总体评价", "三、主要问题", "四、整改要求"]
    assert all(p.style.name == "Heading 2" for p in d.paragraphs if p.text.startswith("（"))
    paras = [p.text for p in d.paragraphs if p.text.strip()]
    assert "各普通高等学校：" in paras
    assert paras.index("各普通高等学校：") < paras.index(heads[0])
    assert paras[-1] != "青海省教育厅" and "青海省教育厅" in paras and "2024年12月2日" in paras
    table = d.tables[-1]
    assert len(table.rows) == 1 + 13
    text = docx_text(out)
    for internal in ("sha256", ".txt", "李审", "未处理"):
        assert internal not in text


def test_the_summary_and_the_notice_give_the_same_numbers(notice, province, tmp_path):
    ws = province.workspace
    xlsx = write_summary_xlsx(tmp_path / "汇总.xlsx", ws, ws.rows())
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["概览"]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, (c.value for c in r), strict=False)) for r in sheet.iter_rows(min_row=2)]
    by_school = {r["学校"]: r for r in rows}
    assert len(rows) == notice.received
    issues = wb["问题与批注"]
    ihead = [c.value for c in issues[1]]
    confirmed: dict[str, int] = {}
    for r in issues.iter_rows(min_row=2, values_only=True):
        r = dict(zip(ihead, r, strict=False))
        if r["来源"] == "批注" and r["规则或分类"] != "亮点" and r["处理情况"] == "待处理":
            confirmed[r["学校"]] = confirmed.get(r["学校"], 0) + 1
    for row in notice.rows:
        if not row.received:
            assert row.institution not in by_school
            continue
        x = by_school[row.institution]
        assert x["得分"] == row.score
        assert (x["审核结论"] or None) == row.conclusion_label
        assert x["落款日期"] == row.report_date
        assert confirmed.get(row.institution, 0) == row.problems
    scores = [r["得分"] for r in rows if r["得分"] is not None]
    assert notice.average == round(sum(scores) / len(scores), 1)


def test_every_letter_into_a_folder_with_progress_and_cancel(province, tmp_path):
    ws = province.workspace
    seen = []
    report = write_letters(ws, ws.rows(), tmp_path / "letters", settings=SETTINGS,
                           progress=lambda d, t, text: seen.append((d, t)))  # fmt: skip
    assert len(report.written) == 10 and not report.failed and not report.cancelled
    assert {p.name for p in report.written} == {f"{n}-审核意见.docx" for n in QINGHAI}
    assert seen[0] == (0, 10) and seen[-1] == (10, 10)
    text = docx_text(tmp_path / "letters" / f"{QINGHAI[1]}-审核意见.docx")
    assert f"{QINGHAI[1]}：" in text and "依申请公开数据合计不符" in text and "青海省教育厅" in text
    cancel = threading.Event()

    def stop(done, _total, _text):
        if done == 2:
            cancel.set()

    report = write_letters(ws, ws.rows(), tmp_path / "again", settings=SETTINGS, progress=stop, cancel=cancel)
    assert report.cancelled and len(report.written) == 3


def test_batch_writes_the_notice_and_the_letters(province, tmp_path, capsys):
    from xxgk_desk.cli import main

    province.store.set_setting("letter/issuer", "青海省教育厅")
    out, letters = tmp_path / "通报.docx", tmp_path / "审核意见"
    argv = ["batch", str(province.folder), "--db", str(province.store.path), "--jobs", "0",
            "--notice", str(out), "--letters", str(letters)]  # fmt: skip
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 0, err
    assert "通报已写入" in err and "名单内13所，收到10所，未报送3所" in err
    assert "已写出 10 份审核意见" in err
    text = docx_text(out)
    assert (
        "关于2023—2024学年高校信息公开工作年度报告审核情况的通报" in text.replace("\n", "")
        and "青海省教育厅" in text
    )
    assert len(list(letters.glob("*-审核意见.docx"))) == 10
    code = main([*argv[:6], "--notice", str(tmp_path / "x.docx"), "--province", "火星"])
    assert code == 2 and "--province" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_the_notice_pdf_pages(notice, tmp_path):
    from tests.core.export.test_letter import assert_official_pages, pdf_lines

    pages = pdf_lines(write_notice(notice, tmp_path / "通报.pdf", charts=False))  # the text's grid
    assert_official_pages(pages[:-1], notice.issuer, notice.date)
    assert pages[-1][0] == "附件" and any("青海理工学院" in line for line in pages[-1])
