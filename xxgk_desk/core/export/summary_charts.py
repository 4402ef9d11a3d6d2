"""The summary's 图表 sheet: each chart's numbers as a small table, and beside it a native Excel chart
(openpyxl.chart) drawn from that table, so Excel and WPS redraw it, restyle it and keep it in step
when a number is corrected. Same data as the window's 图表 tab and the 通报 (:mod:`.charts`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .charts import Chart

__all__ = ["CHART_ROWS", "chart_sheet"]

CHART_ROWS = 20  # rows each chart's block takes at least (the chart is about 18 rows high)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _table(sh: Any, top: int, chart: Chart) -> tuple[int, int]:
    """Write ``chart``'s table from row ``top``: title, header, one row per category. Returns the
    rows of the first and last category."""
    from openpyxl.styles import Font, PatternFill

    bold = Font(bold=True)
    sh.cell(row=top, column=1, value=chart.title).font = Font(bold=True, size=12)
    head = [chart.category_axis, *(s.name for s in chart.series)]
    for j, h in enumerate(head, 1):
        c = sh.cell(row=top + 1, column=j, value=h)
        c.font, c.fill = bold, PatternFill("solid", fgColor="DDEBF7")
    for i, cat in enumerate(chart.categories):
        sh.cell(row=top + 2 + i, column=1, value=cat)
        for j, s in enumerate(chart.series, 2):
            c = sh.cell(row=top + 2 + i, column=j, value=s.values[i] if chart.percent else int(s.values[i]))
            if chart.percent:
                c.number_format = "0%"
    last = top + 1 + len(chart.categories)
    for k, note in enumerate(chart.notes or ((chart.empty_text,) if chart.empty else ())):
        sh.cell(row=last + 1 + k, column=1, value=note).font = Font(italic=True, color="52606D")
    return top + 2, last


def _bar_chart(sh: Any, chart: Chart, first: int, last: int) -> Any:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.data_source import AxDataSource, StrRef
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.marker import DataPoint

    bar = BarChart()
    bar.type = "bar" if chart.horizontal else "col"
    bar.title = chart.title
    bar.style = 10
    bar.x_axis.title = chart.category_axis
    bar.y_axis.title = chart.axis
    bar.x_axis.delete = False  # openpyxl 3.1 hides the axes unless told
    bar.y_axis.delete = False
    if chart.percent:
        bar.y_axis.number_format = "0%"
        bar.y_axis.scaling.min = 0
        bar.y_axis.scaling.max = 1
    if chart.horizontal:
        bar.x_axis.scaling.orientation = "maxMin"  # the first category on top, as in the window
    if chart.stacked:
        bar.grouping = "stacked"
        bar.overlap = 100
    n = len(chart.series)
    data = Reference(sh, min_col=2, max_col=1 + n, min_row=first - 1, max_row=last)
    cats = Reference(sh, min_col=1, min_row=first, max_row=last)
    bar.add_data(data, titles_from_data=True)
    bar.set_categories(cats)
    for s in bar.series:  # the categories are text: a string reference, as Excel writes it
        s.cat = AxDataSource(strRef=StrRef(f=s.cat.numRef.f))
    for s, series in zip(bar.series, chart.series, strict=True):
        s.graphicalProperties.solidFill = _hex(series.colour)
        s.graphicalProperties.line.solidFill = _hex(series.colour)
    if chart.point_colours and n == 1:
        for i, colour in enumerate(chart.point_colours):
            pt = DataPoint(idx=i)
            pt.graphicalProperties.solidFill = _hex(colour)
            pt.graphicalProperties.line.solidFill = _hex(colour)
            bar.series[0].dPt.append(pt)
    # the value only (a missing flag reads as "show" in some programs), zeros left blank
    bar.dataLabels = DataLabelList(numFmt="0%;;;" if chart.percent else "0;;;", showVal=True,
                                   showLegendKey=False, showCatName=False, showSerName=False,
                                   showPercent=False, showBubbleSize=False)  # fmt: skip
    if n == 1:
        bar.legend = None
    else:
        bar.legend.position = "b"
    bar.width = 18  # cm
    bar.height = max(7.5, min(14.0, 2.5 + 0.9 * len(chart.categories))) if chart.horizontal else 9.0  # cm
    return bar


def chart_sheet(wb: Any, title: str, charts: Sequence[Chart]) -> Any:
    """Add sheet ``title`` with each chart's table from column A and its Excel chart one column right
    of the table."""
    from openpyxl.utils import get_column_letter

    sh = wb.create_sheet(title)
    top = 1
    for chart in charts:
        first, last = _table(sh, top, chart)
        if chart.categories:
            bar = _bar_chart(sh, chart, first, last)
            sh.add_chart(bar, f"{get_column_letter(len(chart.series) + 3)}{top}")
            height_rows = int(bar.height / 0.5) + 2  # a row is about half a centimetre
        else:
            height_rows = 4
        top += max(CHART_ROWS, height_rows, last - top + 3 + len(chart.notes))
    sh.column_dimensions["A"].width = 30
    for col in "BCDEF":
        sh.column_dimensions[col].width = 14
    return sh
