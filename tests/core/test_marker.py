"""Files xxgk-desk writes carry a mark; opening or scanning one says it is not a report."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import load
from xxgk_desk.core.marker import KEYWORD, TEXT_LINE, mark_properties, tool_output

REPORT = "某某大学2023—2024学年信息公开工作年度报告\n一、概述\n学校信息公开工作。\n"


def _docx(path, marked: bool) -> None:
    d = docx.Document()
    for line in REPORT.splitlines():
        d.add_paragraph(line)
    if marked:
        mark_properties(d.core_properties)
    d.save(path)


def test_a_marked_docx_is_refused_with_one_line(tmp_path):
    path = tmp_path / "审核意见.docx"
    _docx(path, marked=True)
    assert tool_output(path)
    with pytest.raises(ReadError) as e:
        load(path)
    assert e.value.code == "tool_output" and "不是报告原件" in e.value.message


def test_an_unmarked_docx_is_a_report(tmp_path):
    path = tmp_path / "报告.docx"
    _docx(path, marked=False)
    assert not tool_output(path)
    assert load(path).text.startswith("某某大学")


def test_xlsx_marks_and_text_exports(tmp_path):
    wb = openpyxl.Workbook()
    mark_properties(wb.properties)
    wb.save(tmp_path / "汇总.xlsx")
    assert tool_output(tmp_path / "汇总.xlsx")
    memo = tmp_path / "审核意见.txt"
    memo.write_text(REPORT + TEXT_LINE + "\n", encoding="utf-8")
    with pytest.raises(ReadError):
        load(memo)
    pdf_like = tmp_path / "审核意见.pdf"  # LibreOffice writes the keywords into the PDF's Info
    pdf_like.write_bytes(b"%PDF-1.7\n" + b"x" * 600_000 + f"/Keywords ({KEYWORD})".encode() + b"\n%%EOF")
    assert tool_output(pdf_like)


def test_batch_skips_exports_saved_beside_the_reports(tmp_path):
    from xxgk_desk.core.batch import Workspace
    from xxgk_desk.core.store import Store

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "报告.txt").write_text(REPORT, encoding="utf-8")
    _docx(folder / "某某大学审核意见.docx", marked=True)
    with Store(tmp_path / "r.sqlite3") as store:
        ws = Workspace(store)
        report = ws.add([folder], jobs=0)
        assert (report.total, report.skipped, report.failed) == (1, 1, 0)
        assert "跳过 1 个本工具导出的审核文件" in report.text()
        assert [r.path for r in ws.rows()] == [str(folder / "报告.txt")]


@pytest.mark.parametrize("fmt", ["docx", "txt", "pdf"])
def test_every_memo_the_tool_writes_is_refused_as_a_report(tmp_path, fmt):
    from pathlib import Path

    from xxgk_desk.core.export import pdf_available, write_memo
    from xxgk_desk.core.export.memo_model import collect_memo
    from xxgk_desk.core.pipeline import check

    if fmt == "pdf" and not pdf_available():
        pytest.skip("LibreOffice not installed")
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample-report.docx"
    analysis = check(sample)
    memo = collect_memo(analysis.document, analysis.sections, analysis.review, None)
    out = write_memo(memo, tmp_path / f"审核意见.{fmt}", fmt)
    assert tool_output(out)
    with pytest.raises(ReadError) as e:
        load(out)
    assert e.value.code == "tool_output"


def test_the_summary_and_the_notes_table_are_marked(tmp_path):
    from xxgk_desk.core.batch import Workspace
    from xxgk_desk.core.export import summary
    from xxgk_desk.core.store import Store

    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    with Store(tmp_path / "db.sqlite3") as store:
        ws = Workspace(store)
        ws.add([tmp_path / "r.txt"], jobs=0)
        out = summary.write_summary_xlsx(tmp_path / "汇总.xlsx", ws)
    assert tool_output(out)
    assert openpyxl.load_workbook(out).properties.keywords.endswith(KEYWORD)
