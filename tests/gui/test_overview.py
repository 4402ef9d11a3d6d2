"""The province overview window: add a folder, filter, coverage, open a report, next/previous, summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.gui.test_window import messages, settings_dir  # noqa: F401  (fixtures)
from xxgk_desk.gui import main_window as mw

REPORT = """{name}{year_a}—{year_b}学年信息公开工作年度报告
根据要求编制本报告，统计期限为{year_a}年9月1日至{year_b}年8月31日。
一、概述
学校高度重视信息公开工作，健全制度机制，成立信息公开工作领导小组，由校长任组长，党政办公室负责日常工作，各部门明确信息公开联络员，
将信息公开纳入年度目标考核，定期开展专项检查，及时更新信息公开专栏内容，做到应公开尽公开，切实保障师生员工和社会公众的知情权、参与权和监督权。
二、主动公开情况
本学年学校共主动公开信息{count}条。
三、依申请公开和不予公开情况
本学年未收到信息公开申请。
{evaluation}五、因学校信息公开工作受到举报、复议、诉讼的情况
未发生举报、复议和诉讼。
{name}
{year_b}年10月20日
"""


def write_reports(folder: Path) -> None:
    folder.mkdir()
    ev = "四、对信息公开的评议情况\n师生员工和社会公众满意度为95%。\n"
    (folder / "甲大学2023.txt").write_text(
        REPORT.format(name="甲大学", year_a=2022, year_b=2023, count=300, evaluation=ev), encoding="utf-8"
    )
    (folder / "甲大学2024.txt").write_text(
        REPORT.format(name="甲大学", year_a=2023, year_b=2024, count=300, evaluation=ev), encoding="utf-8"
    )
    (folder / "乙学院2024.txt").write_text(
        REPORT.format(name="乙学院", year_a=2023, year_b=2024, count=120, evaluation=""), encoding="utf-8"
    )
    (folder / "坏文件.pdf").write_bytes(b"%PDF-1.4 broken")


@pytest.fixture
def main(qtbot, settings_dir, messages):  # noqa: F811
    w = mw.MainWindow(db_path=str(settings_dir / "reviews.sqlite3"))
    w.runner.synchronous = True
    qtbot.addWidget(w)
    return w


def test_overview_adds_a_folder_filters_and_opens_reports_in_order(main, tmp_path, monkeypatch):
    folder = tmp_path / "报告"
    write_reports(folder)
    ov = main.show_overview()
    ov.runner.synchronous = True
    ov.add_paths([str(folder)])
    rows = ov.model.rows
    assert len(rows) == 4
    assert sum(1 for r in rows if not r.ok) == 1  # the broken file has its error in its row
    assert "无法读取 1 份" in ov.count_label.text()
    # filter by a missing part: only 乙学院 lacks 评议
    ov.part_box.setCurrentIndex(ov.part_box.findData("evaluation"))
    assert [r.institution for r in ov.proxy.ordered_rows()] == ["乙学院"]
    ov.part_box.setCurrentIndex(0)
    ov.text_box.setText("甲大学")
    assert {r.institution for r in ov.proxy.ordered_rows()} == {"甲大学"}
    ov.text_box.setText("")
    # coverage picture: the evaluation column is missing for one report
    ov.tabs.setCurrentIndex(1)
    cols = [c.key for c in ov.coverage_model.matrix.columns]
    totals = ov.coverage_model.totals[cols.index("evaluation")]
    assert totals["missing"] == 1
    # open the first readable report from the overview, then step through in the overview's order
    ov.proxy.sort(0)
    ordered = [r for r in ov.proxy.ordered_rows() if r.ok]
    ov.open_requested.emit(ordered[0].path)
    assert main.session is not None and Path(main.session.doc.path) == Path(ordered[0].path)
    main.step_report(1)  # the next readable report in the overview's order (unreadable files are skipped)
    assert Path(main.session.doc.path) == Path(ordered[1].path)
    main.step_report(-1)
    assert Path(main.session.doc.path) == Path(ordered[0].path)
    # a review change shows in the overview's row
    main.set_review(state="done")
    row = next(r for r in ov.model.rows if r.path and Path(r.path) == Path(main.session.doc.path))
    assert row.state == "done"


def test_year_over_year_and_summary(main, tmp_path, monkeypatch):
    folder = tmp_path / "报告"
    write_reports(folder)
    ov = main.show_overview()
    ov.runner.synchronous = True
    ov.add_paths([str(folder)])
    ov.tabs.setCurrentIndex(2)
    assert ov.compare.pairs.count() == 1
    ov.compare.pairs.setCurrentRow(0)
    assert ov.compare.sections.count() >= 3
    assert "与上年几乎相同" in "".join(
        ov.compare.sections.item(i).text() for i in range(ov.compare.sections.count())
    )
    assert (
        "主动公开信息总数" in ov.compare.summary.text()
        or "300" in ov.compare.summary.text()
        or "数据" in ov.compare.summary.text()
    )
    out = tmp_path / "汇总.xlsx"
    from xxgk_desk.gui.views import overview as ov_mod

    monkeypatch.setattr(ov_mod.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ov.export_summary()
    wb = load_workbook(out)
    first = wb.worksheets[0]
    names = [first.cell(row=r, column=c).value for r in range(2, first.max_row + 1) for c in range(1, 4)]
    assert "乙学院" in names and "甲大学" in names


def test_overview_model_passes_the_model_tester(main, tmp_path, qtmodeltester):
    folder = tmp_path / "报告"
    write_reports(folder)
    ov = main.show_overview()
    ov.runner.synchronous = True
    ov.add_paths([str(folder)])
    qtmodeltester.check(ov.model, force_py=True)
    qtmodeltester.check(ov.proxy, force_py=True)
    ov.tabs.setCurrentIndex(1)
    qtmodeltester.check(ov.coverage_model, force_py=True)


def test_exports_are_not_reports_and_two_files_of_one_report_are_both_shown(main, tmp_path):
    import docx

    from xxgk_desk.core.marker import mark_properties

    folder = tmp_path / "报告"
    write_reports(folder)
    memo = docx.Document()
    memo.add_paragraph("关于甲大学2023—2024学年信息公开工作年度报告的审核意见")
    mark_properties(memo.core_properties)
    memo.save(folder / "甲大学审核意见.docx")  # the memo saved beside the reports
    copy = (folder / "甲大学2024.txt").read_text(encoding="utf-8") + "（修订稿）\n"
    (folder / "甲大学2024-修订.txt").write_text(copy, encoding="utf-8")
    ov = main.show_overview()
    ov.runner.synchronous = True
    ov.add_paths([str(folder)])
    rows = ov.model.rows
    assert len(rows) == 4  # the memo is no report, the revision is the same report
    assert not any("审核意见" in (r.path or "") for r in rows)
    jia = [r for r in rows if r.ok and r.institution == "甲大学" and r.year == 2024]
    assert len(jia) == 1 and len(jia[0].alternatives) == 1
    other = jia[0].alternatives[0]
    ov.choose_file(other)
    row = next(r for r in ov.model.rows if r.ok and r.institution == "甲大学" and r.year == 2024)
    assert row.path == other and row.pinned
