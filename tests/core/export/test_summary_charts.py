"""The summary's 图表 sheet: native Excel charts (read back with openpyxl) whose references point at
the sheet's own tables, and those tables hold the 通报's numbers."""

from __future__ import annotations

import re
from datetime import date

import openpyxl
import pytest

from tests.core.export.conftest import LATE, QINGHAI_MISSING
from xxgk_desk.core.export.charts import KEYS
from xxgk_desk.core.export.notice_model import collect_notice
from xxgk_desk.core.export.summary import SHEETS, write_summary_xlsx


@pytest.fixture(scope="module")
def book(province, tmp_path_factory):
    ws = province.workspace
    out = write_summary_xlsx(tmp_path_factory.mktemp("summary") / "汇总.xlsx", ws, ws.rows())
    return openpyxl.load_workbook(out)


def _ref(formula: str) -> tuple[str, str, int, int]:
    """``'图表'!$B$3:$B$12`` → (sheet, column, first row, last row)."""
    m = re.fullmatch(r"'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?", formula)
    assert m, formula
    return m[1], m[2], int(m[3]), int(m[4] or m[3])


def _values(sh, column: str, first: int, last: int) -> list:
    return [sh[f"{column}{r}"].value for r in range(first, last + 1)]


def test_the_sheet_has_four_native_charts(book):
    assert book.sheetnames == list(SHEETS) and SHEETS[-1] == "图表"
    sh = book["图表"]
    charts = sh._charts
    assert len(charts) == len(KEYS) == 4
    kinds = [(c.tagname, c.type, c.grouping) for c in charts]
    assert kinds == [("barChart", "col", "clustered"), ("barChart", "bar", "clustered"),
                     ("barChart", "bar", "clustered"), ("barChart", "bar", "stacked")]  # fmt: skip


def test_the_references_point_at_the_tables_on_the_sheet(book, province):
    sh = book["图表"]
    ws = province.workspace
    notice = collect_notice(ws, ws.rows(), when=date(2024, 12, 2))
    charts = sh._charts
    got = {}
    for chart in charts:
        s0 = chart.series[0]
        sheet, col, first, last = _ref(s0.cat.strRef.f)  # text categories: a string reference
        assert sheet == "图表" and col == "A"
        cats = _values(sh, "A", first, last)
        series = {}
        for s in chart.series:
            vsheet, vcol, vfirst, vlast = _ref(s.val.numRef.f)
            assert vsheet == "图表" and (vfirst, vlast) == (first, last)
            tsheet, tcol, trow, _ = _ref(s.tx.strRef.f)  # the series' name is the header above
            assert tcol == vcol and trow == first - 1
            series[sh[f"{tcol}{trow}"].value] = dict(zip(cats, _values(sh, vcol, first, last), strict=True))
        got[sh[f"A{first - 2}"].value] = series  # the chart's title above its table
    timeliness = got["年度报告报送情况"]["学校数"]
    assert timeliness == {"按时发布": notice.on_time, "逾期发布": len(LATE), "未报送": len(QINGHAI_MISSING)}
    levels = got["按办学层次的报送情况"]
    assert sum(sum(v.values()) for v in levels.values()) == notice.listed
    scores = got["完整性得分分布"]["报告数"]
    assert sum(scores.values()) == notice.received and len(scores) == 10
    shares = list(got["存在各类问题的报告占比"]["报告占比"].values())
    assert shares == sorted(shares, reverse=True) and all(0 < v <= 1 for v in shares)


def test_the_charts_are_titled_coloured_and_have_axes(book):
    for chart in book["图表"]._charts:
        title = "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
        assert title and all("\u4e00" <= ch <= "\u9fff" or not ch.isalpha() for ch in title)
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
        assert all(s.graphicalProperties.solidFill is not None for s in chart.series)
        labels = chart.dataLabels  # the value only: every flag written, else some programs show them all
        assert labels.showVal and not (labels.showSerName or labels.showCatName or labels.showLegendKey)
        assert labels.showSerName is False and labels.showCatName is False
    timeliness = book["图表"]._charts[2]
    assert len(timeliness.series[0].dPt) == 3  # each status in its own colour


def test_an_empty_workspace_still_writes_the_sheet(tmp_path):
    from xxgk_desk.core.batch import Workspace
    from xxgk_desk.core.store import Store

    store = Store(tmp_path / "empty.sqlite3", reviewer="李审")
    try:
        out = write_summary_xlsx(tmp_path / "汇总.xlsx", Workspace(store), [])
    finally:
        store.close()
    sh = openpyxl.load_workbook(out)["图表"]
    assert sh["A1"].value == "完整性得分分布"
    texts = [c.value for row in sh.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("未能确定省份" in t for t in texts)
