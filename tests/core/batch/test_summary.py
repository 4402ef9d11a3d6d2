"""The batch summary: XLSX sheets read back with openpyxl, the CSV, and the lead's merge path."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from xxgk_desk.core.batch import Workspace
from xxgk_desk.core.export.summary import (
    COLOURS,
    SHEETS,
    summary_from_review_files,
    write_summary,
    write_summary_csv,
)
from xxgk_desk.core.store import Store


@pytest.fixture(scope="module")
def summary(province_inline, tmp_path_factory):
    ws, files, _ = province_inline
    rows = {r.institution: r for r in ws.rows() if r.institution}
    jz = rows["荆州示例学院"]
    ws.store.set_review(
        jz.document_id, state="done", conclusion="resubmit", summary="缺少评议等部分", reviewer="李四"
    )
    ws.store.add_note(
        jz.document_id, body="=请补充评议情况", category="missing", severity="error", reviewer="李四"
    )
    out = tmp_path_factory.mktemp("summary")
    xlsx = write_summary(out / "汇总.xlsx", ws, csv_path=out / "概览.csv")
    return ws, files, openpyxl.load_workbook(xlsx), out / "概览.csv"


def _table(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_sheets_and_one_row_per_report(summary):
    _, files, wb, _ = summary
    assert wb.sheetnames == list(SHEETS)
    head, rows = _table(wb["概览"])
    assert head[:5] == ("序号", "学校", "年度", "统计期限", "页数")
    for h in ("概述", "清单表", "严重", "警告", "提示", "得分", "审核状态", "审核结论", "审核人", "最后修改",
              "主动公开信息总数", "依申请公开申请受理件数", "文件", "SHA-256", "错误"):  # fmt: skip
        assert h in head, h
    assert len(rows) == 6 and [r[0] for r in rows] == [1, 2, 3, 4, 5, 6]
    col = {h: i for i, h in enumerate(head)}
    by_name = {r[col["学校"]]: r for r in rows}
    jz = by_name["荆州示例学院"]
    assert (jz[col["审核状态"]], jz[col["审核结论"]], jz[col["审核人"]]) == (
        "已完成",
        "需修改后重新报送",
        "李四",
    )
    assert jz[col["审核意见摘要"]] == "缺少评议等部分" and jz[col["批注"]] == 1
    assert jz[col["评议"]] == "✗" and jz[col["概述"]] == "✓" and jz[col["主动公开信息总数"]] == 1234
    bad = by_name["坏文件.pdf"]
    assert "PDF" in bad[col["错误"]] and bad[col["文件"]] == str(files["broken"])
    assert bad[col["得分"]] is None
    wh = [r for r in rows if r[col["学校"]] == "武汉示例大学"]
    assert [r[col["年度"]] for r in wh] == [2023, 2024]
    assert wb["概览"]["A2"].font is not None and wb["概览"].freeze_panes == "B2"


def test_findings_and_notes_with_quotes(summary):
    _, _, wb, _ = summary
    head, rows = _table(wb["问题与批注"])
    assert head[:8] == ("学校", "年度", "来源", "规则或分类", "严重程度", "内容", "原文", "页码")
    col = {h: i for i, h in enumerate(head)}
    kinds = {r[col["来源"]] for r in rows}
    assert {"问题", "批注", "年度比较", "无法读取"} <= kinds
    boiler = [r for r in rows if r[col["规则或分类"]] == "照搬上年内容"]
    assert boiler and all(r[col["学校"]] == "武汉示例大学" and r[col["年度"]] == 2024 for r in boiler)
    assert all(r[col["原文"]] and r[col["页码"]] == 1 for r in boiler)
    quoted = [r for r in rows if r[col["来源"]] == "问题" and r[col["原文"]]]
    assert quoted  # findings with evidence carry their quote
    note = next(r for r in rows if r[col["来源"]] == "批注")
    assert note[col["内容"]] == "=请补充评议情况" and wb["问题与批注"].cell(1, 1).data_type == "s"
    cell = next(c for row in wb["问题与批注"].iter_rows() for c in row if c.value == "=请补充评议情况")
    assert cell.data_type == "s"  # text, never a formula
    assert (note[col["规则或分类"]], note[col["严重程度"]], note[col["处理情况"]], note[col["审核人"]]) == (
        "缺项",
        "严重",
        "待处理",
        "李四",
    )


def test_coverage_picture_is_coloured_with_totals(summary):
    _, _, wb, _ = summary
    sh = wb["覆盖情况"]
    head = [c.value for c in sh[1]]
    assert head[:3] == ["学校", "年度", "概述"] and "清单表" in head and "一、基本信息" in head
    col = {h: i + 1 for i, h in enumerate(head)}
    names = [sh.cell(r, 1).value for r in range(2, 7)]
    assert len(names) == 5 and "坏文件.pdf" not in names
    jz = 2 + names.index("荆州示例学院")
    fill = lambda r, c: sh.cell(r, c).fill.fgColor.rgb[-6:]  # noqa: E731
    assert sh.cell(jz, col["评议"]).value == "缺" and fill(jz, col["评议"]) == COLOURS["missing"]
    assert sh.cell(jz, col["概述"]).value == "有" and fill(jz, col["概述"]) == COLOURS["present"]
    assert (
        sh.cell(jz, col["一、基本信息"]).value == "3/6"
        and fill(jz, col["一、基本信息"]) == COLOURS["partial"]
    )
    labels = {sh.cell(r, 1).value: r for r in range(1, sh.max_row + 1)}
    missing_row = labels["合计：缺（红）"]
    assert sh.cell(missing_row, col["评议"]).value == 1 and sh.cell(missing_row, col["新做法"]).value == 2
    assert sh.cell(labels["合计：有（绿）"], col["概述"]).value == 5
    assert sh.cell(labels["缺失比例"], col["新做法"]).value == pytest.approx(2 / 5)
    assert any(str(v).startswith("部分：新做法") for v in labels)


def test_year_over_year_sheet(summary):
    _, _, wb, _ = summary
    head, rows = _table(wb["年度比较"])
    col = {h: i for i, h in enumerate(head)}
    overview = next(r for r in rows if r[col["部分或标题"]] == "概述")
    assert (overview[col["学校"]], overview[col["上一年度"]], overview[col["本年度"]]) == (
        "武汉示例大学",
        2023,
        2024,
    )
    assert overview[col["相似度"]] == 1 and overview[col["照搬上年"]] == "是"


def test_csv_is_the_first_sheet_with_a_bom(summary):
    ws, _, wb, csv_path = summary
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    head, body = _table(wb["概览"])
    assert rows[0] == list(head) and len(rows) == 1 + len(body)
    assert rows[1][1] == str(body[0][1])
    write_summary_csv(csv_path.with_name("again.csv"), ws)  # the same without the XLSX
    assert csv_path.with_name("again.csv").read_bytes() == raw


def test_the_lead_merges_reviewers_files(province_inline, tmp_path):
    ws, files, _ = province_inline
    reports = [files["old"], files["new"], files["full"]]
    # two reviewers, each with their own database, review their share of the reports
    zhang = Store(tmp_path / "zhang.sqlite3", reviewer="张三")
    li = Store(tmp_path / "li.sqlite3", reviewer="李四")
    for s, mine, conclusion in ((zhang, reports[:2], "basic_pass"), (li, reports[2:], "pass")):
        w = Workspace(s)
        w.add(mine, jobs=0)
        for r in w.rows():
            s.set_review(r.document_id, state="done", conclusion=conclusion)
            s.add_note(r.document_id, body=f"{s.reviewer}的意见", category="other", severity="info")
        s.export_review_file(tmp_path / f"{s.reviewer}.json")
        s.close()
    lead = Store(tmp_path / "lead.sqlite3", reviewer="组长")
    out, imported = summary_from_review_files(
        [tmp_path / "张三.json", tmp_path / "李四.json"],
        tmp_path / "合并汇总.xlsx",
        store=lead,
        folders=[files["old"].parent.parent],
        jobs=0,
    )
    assert [len(r.document_ids) for r in imported] == [2, 1]
    wb = openpyxl.load_workbook(out)
    head, rows = _table(wb["概览"])
    col = {h: i for i, h in enumerate(head)}
    got = {(r[col["学校"]], r[col["年度"]]): (r[col["审核结论"]], r[col["审核人"]]) for r in rows}
    assert got[("武汉示例大学", 2023)] == ("基本合格", "张三")
    assert got[("襄阳示例大学", 2024)] == ("合格", "李四")
    assert got[("荆州示例学院", 2024)] == (None, None)  # nobody reviewed it yet
    head, notes = _table(wb["问题与批注"])
    col = {h: i for i, h in enumerate(head)}
    assert {r[col["内容"]] for r in notes if r[col["来源"]] == "批注"} == {"张三的意见", "李四的意见"}
    # without the report files: only what the review files brought, from the store alone
    out2, _ = summary_from_review_files([tmp_path / "李四.json"], tmp_path / "只有审核文件.xlsx", store=lead)
    head, rows = _table(openpyxl.load_workbook(out2)["概览"])
    assert [r[1] for r in rows] == ["襄阳示例大学"]
    lead.close()
