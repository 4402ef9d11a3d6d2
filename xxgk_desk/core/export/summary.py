"""The batch summary: one XLSX for a province's reports (and a CSV of its first sheet). No Qt.

Sheets:

* **概览** — one row per report: the overview's columns (institution, year, period, pages, the
  nine parts as ✓/◐/✗, findings by severity, score, review state, conclusion, reviewer, last
  change, notes) and the key fields (core figures, reviewer's corrections applied), the file,
  its SHA-256 and the read error of a file that could not be read.
* **问题与批注** — every finding (the engine's and the year-over-year ones, with what the
  reviewer decided) and every note (with replies), with the quote, page and part.
* **覆盖情况** — the coverage picture: reports × nine parts and ten 清单 categories, green
  present / amber partial / red missing, with per-column totals and the share missing, so the
  parts the province most often misses stand out.
* **年度比较** — for institutions with two years in the workspace: per-section similarity.
* **图表** — the province's four charts (:mod:`.charts`: scores, problems, on time / late / missing,
  by level) as native Excel charts over small tables on the sheet (:mod:`.summary_charts`).

:func:`write_summary` writes the XLSX (and the CSV when asked); :func:`summary_from_review_files`
is the lead's path: merge reviewers' review files into a store, then write the summary.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.batch import PART_SHORT, OverviewRow, Workspace, columns, sort_rows
from xxgk_desk.core.batch.coverage_matrix import COVERAGE_LABELS, CoverageMatrix
from xxgk_desk.core.marker import mark_properties
from xxgk_desk.core.store import ImportReport, Store, vocabulary

from .charts import Chart, province_charts
from .errors import ExportError
from .summary_charts import chart_sheet

__all__ = [
    "COLOURS",
    "SHEETS",
    "finding_rows",
    "overview_table",
    "summary_from_review_files",
    "write_summary",
    "write_summary_csv",
    "write_summary_xlsx",
]

SHEETS = ("概览", "问题与批注", "覆盖情况", "年度比较", "图表")
COLOURS = {"present": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}  # Excel's good / neutral / bad
_FONT_COLOURS = {"present": "006100", "partial": "9C5700", "missing": "9C0006"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PART_WORD = {"present": "有", "merged": "合并", "missing": "缺"}
_SOURCE = {"engine": "问题", "year_over_year": "年度比较"}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub("\ufffd", value)
    return value


def _figure_keys(ws: Workspace) -> list[tuple[str, str]]:
    return [(f.key, f.label) for f in ws.rules.figures if f.kind not in ("text", "year", "date")]


# -- sheet 1: the overview ------------------------------------------------------------------


def overview_table(ws: Workspace, rows: Sequence[OverviewRow]) -> tuple[list[str], list[list[Any]]]:
    """Headers and values of the 概览 sheet (the CSV is the same table)."""
    cols = [c for c in columns(ws.rules) if c.key not in ("file", "error")]
    figs = _figure_keys(ws)
    headers = [
        "序号",
        *(c.header for c in cols),
        "落款日期",
        "类型",
        "审核意见摘要",
        *(label for _, label in figs),
    ]
    headers += ["版本数", "文件", "SHA-256", "错误"]
    table = []
    for i, r in enumerate(rows, 1):
        line: list[Any] = [i, *(c.value(r) for c in cols), r.report_date, (r.kind or "").upper() or None]
        line.append(r.review_summary)
        line += [r.fields.get(k) if r.checked else None for k, _ in figs]
        line += [r.versions or None, r.path or None, r.sha256, r.error]
        table.append(line)
    return headers, table


# -- sheet 2: findings and notes ------------------------------------------------------------


def finding_rows(ws: Workspace, rows: Sequence[OverviewRow]) -> tuple[list[str], list[list[Any]]]:
    """Headers and values of the 问题与批注 sheet."""
    sev = vocabulary("severity")
    cats = vocabulary("category")
    statuses = vocabulary("status")
    decisions = {"none": "未处理", "accepted": "采纳", "dismissed": "驳回"}
    parts = {p.key: p.name for p in ws.rules.parts}
    titles = {r.id: r.title for r in ws.rules.rules}
    headers = ["学校", "年度", "来源", "规则或分类", "严重程度", "内容", "原文", "页码", "部分", "处理情况",
               "审核人", "时间", "文件"]  # fmt: skip
    out: list[list[Any]] = []
    previous = {p.newer.key: p.older for p in ws.pairs_by_institution(rows)}
    for r in rows:
        name = r.institution or Path(r.path).name
        if r.error:
            out.append(
                [name, r.year, "无法读取", None, None, r.error, None, None, None, None, None, None, r.path]
            )
            continue
        for f in ws.findings(r, previous=previous.get(r.key)):
            handled = decisions.get(f.decision, f.decision) + (f"：{f.reason}" if f.reason else "")
            out.append([name, r.year, _SOURCE.get(f.source, f.source), titles.get(f.rule, f.rule),
                        sev.get(f.severity, f.severity), f.message, f.quote, f.page, parts.get(f.part or "", f.part),
                        handled, None, None, r.path])  # fmt: skip
        for n in ws.notes(r):
            source = "回复" if n.is_reply else ("批注（冲突副本）" if n.conflict_of else "批注")
            out.append([name, r.year, source, cats.get(n.category, n.category), sev.get(n.severity, n.severity),
                        n.body, n.quote, n.page, parts.get(n.part or "", n.part or n.section),
                        statuses.get(n.status, n.status), n.reviewer, n.updated_at, r.path])  # fmt: skip
    return headers, out


# -- writing --------------------------------------------------------------------------------


def _set(cell: Any, value: Any) -> None:
    cell.value = _clean(value)
    if cell.data_type == "f":  # a quote starting with "=" is text, never a formula
        cell.data_type = "s"


def _sheet(
    wb: Any, title: str, headers: Sequence[str], table: Iterable[Sequence[Any]], widths: dict[int, int]
) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sh = wb.create_sheet(title)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for j, h in enumerate(headers, 1):
        c = sh.cell(row=1, column=j)
        _set(c, h)
        c.font, c.fill = bold, head_fill
        c.alignment = Alignment(vertical="center", wrap_text=True)
    n = 1
    for i, line in enumerate(table, 2):
        n = i
        for j, v in enumerate(line, 1):
            _set(sh.cell(row=i, column=j), v)
    sh.freeze_panes = "B2"
    sh.auto_filter.ref = f"A1:{get_column_letter(max(1, len(headers)))}{n}"
    for j in range(1, len(headers) + 1):
        sh.column_dimensions[get_column_letter(j)].width = widths.get(
            j, max(8, min(24, len(str(headers[j - 1])) * 2 + 2))
        )
    return sh


def _add_styles(wb: Any) -> None:
    """Named styles for the coloured cells (much cheaper than styling each cell)."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    centre = Alignment(horizontal="center", vertical="center")
    for state, colour in COLOURS.items():
        fill = PatternFill("solid", fgColor=colour)
        wb.add_named_style(
            NamedStyle(f"xxgk_{state}", fill=fill, font=Font(color=_FONT_COLOURS[state]), alignment=centre)
        )
    wb.add_named_style(NamedStyle("xxgk_centre", alignment=centre))


def _coverage_sheet(wb: Any, matrix: CoverageMatrix, rows: Sequence[OverviewRow]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sh = wb.create_sheet(SHEETS[2])
    bold = Font(bold=True)
    by_key = {r.key: r for r in rows}
    headers = ["学校", "年度", *(c.short for c in matrix.columns)]
    for j, h in enumerate(headers, 1):
        c = sh.cell(row=1, column=j, value=h)
        c.font, c.alignment = bold, Alignment(horizontal="center", vertical="center", wrap_text=True)
    first = 2
    n_parts = len(matrix.part_columns)
    for i, key in enumerate(matrix.row_keys):
        r = by_key.get(key)
        _set(sh.cell(row=first + i, column=1), (r.institution if r else None) or matrix.row_labels[i])
        sh.cell(row=first + i, column=2, value=r.year if r else None)
        for j, col in enumerate(matrix.columns):
            state = matrix.cells[i][j]
            c = sh.cell(row=first + i, column=3 + j)
            if state is None:
                c.value = "—"
                c.style = "xxgk_centre"
                continue
            if col.kind == "part":
                c.value = _PART_WORD.get(r.part(col.key) if r else "", COVERAGE_LABELS[state])
            else:
                covered, total = r.categories[j - n_parts] if r else (0, 0)
                c.value = f"{covered}/{total}"
            c.style = f"xxgk_{state}"
    # totals: how many reports have each column present / partial / missing, and the share missing
    t0 = first + len(matrix.row_keys) + 1
    totals = matrix.totals()
    for k, (label, state) in enumerate(
        (("有（绿）", "present"), ("部分（黄）", "partial"), ("缺（红）", "missing"))
    ):
        sh.cell(row=t0 + k, column=1, value=f"合计：{label}").font = bold
        for j, t in enumerate(totals):
            sh.cell(row=t0 + k, column=3 + j, value=t[state]).style = f"xxgk_{state}"
    sh.cell(row=t0 + 3, column=1, value="缺失比例").font = bold
    for j, t in enumerate(totals):
        n = sum(t.values())
        cell = sh.cell(row=t0 + 3, column=3 + j, value=(t["missing"] / n) if n else None)
        cell.style = "xxgk_centre"
        cell.number_format = "0%"
    # the most missed columns, in words
    row = t0 + 5
    sh.cell(row=row, column=1, value="最常缺少（按缺少的报告数）").font = bold
    for col, missing, partial in matrix.most_missed():
        if missing == 0 and partial == 0:
            break
        row += 1
        kind = "部分" if col.kind == "part" else "清单类别"
        sh.cell(row=row, column=1, value=f"{kind}：{col.name}")
        sh.cell(row=row, column=2, value=f"缺 {missing} 份，部分 {partial} 份")
    sh.cell(
        row=row + 2,
        column=1,
        value="说明：部分一栏“合并”表示与其他部分合并在一个标题下；清单类别为已覆盖事项数／该类事项数（不适用算作已覆盖）。",
    )
    sh.freeze_panes = "C2"
    sh.column_dimensions["A"].width = 26
    sh.column_dimensions["B"].width = 8
    for j in range(len(matrix.columns)):
        sh.column_dimensions[get_column_letter(3 + j)].width = 11
    sh.row_dimensions[1].height = 45


def _comparison_table(ws: Workspace, rows: Sequence[OverviewRow]) -> tuple[list[str], list[list[Any]]]:
    headers = [
        "学校",
        "上一年度",
        "本年度",
        "部分或标题",
        "相似度",
        "照搬上年",
        "上年字数",
        "本年字数",
        "说明",
    ]
    out: list[list[Any]] = []
    for pair in ws.pairs_by_institution(rows):
        cmp = ws.comparison(pair.older, pair.newer)
        if cmp is None:
            continue
        for m in cmp.sections:
            note = "本年缺少" if m.newer is None else ("上年缺少" if m.older is None else None)
            out.append([pair.newer.institution, pair.older.year, pair.newer.year, m.name, m.similarity,
                        "是" if m.boilerplate else None, m.chars[0] or None, m.chars[1] or None, note])  # fmt: skip
    return headers, out


def write_summary_xlsx(
    path: str | os.PathLike,
    ws: Workspace,
    rows: Sequence[OverviewRow] | None = None,
    *,
    province: str | None = None,
    year: int | None = None,
) -> Path:
    """Write the five-sheet summary for ``rows`` (default: every row of the workspace); the charts
    count ``province``'s institutions (default: where most of the schools are) in ``year`` (default:
    the most common), as the 通报 does."""
    from openpyxl import Workbook

    rows = sort_rows(ws.rows() if rows is None else rows, "institution")
    wb = Workbook()
    first = wb.active
    assert first is not None  # a new workbook has its first sheet
    wb.remove(first)
    _add_styles(wb)
    headers, table = overview_table(ws, rows)
    sh = _sheet(wb, SHEETS[0], headers, table, {1: 6, 2: 28, 4: 24})
    _mark_parts(sh, headers)
    headers, table = finding_rows(ws, rows)
    _sheet(wb, SHEETS[1], headers, table, {1: 24, 4: 18, 6: 60, 7: 40, 9: 20, 13: 30})
    _coverage_sheet(wb, ws.coverage([r for r in rows if r.checked]), rows)
    headers, table = _comparison_table(ws, rows)
    cmp_sheet = _sheet(wb, SHEETS[3], headers, table, {1: 24, 4: 30})
    for (c,) in cmp_sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        c.number_format = "0%"
    chart_sheet(wb, SHEETS[4], summary_charts(ws, rows, province, year))
    wb.properties.title = "高校信息公开年度报告审核汇总"
    wb.properties.creator = "xxgk-desk"
    mark_properties(wb.properties)  # a summary, never read back as a report
    return _save(wb, path)


def summary_charts(
    ws: Workspace, rows: Sequence[OverviewRow], province: str | None = None, year: int | None = None
) -> tuple[Chart, ...]:
    """The charts of the 图表 sheet: those of the 通报 for the same rows."""
    from .notice_model import collect_notice

    return province_charts(collect_notice(ws, rows, province=province, year=year), ws.rules)


def _mark_parts(sh: Any, headers: Sequence[str]) -> None:
    """Colour the ✓/◐/✗ part cells of the overview like the coverage picture."""
    marks = {"✓": "present", "◐": "partial", "✗": "missing"}
    cols = [j for j, h in enumerate(headers, 1) if h in {PART_SHORT.get(k, k) for k in PART_SHORT}]
    for j in cols:
        for (c,) in sh.iter_rows(min_row=2, min_col=j, max_col=j):
            state = marks.get(c.value) if isinstance(c.value, str) else None
            if state:
                c.style = f"xxgk_{state}"


def _save(wb: Any, path: str | os.PathLike) -> Path:
    path = Path(path)
    try:
        package = io.BytesIO()  # built in memory: a failing disk then fails our write, not zipfile's
        wb.save(package)
        with replacing(path, make_parent=True) as tmp:
            tmp.write_bytes(package.getvalue())
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path


def write_summary_csv(
    path: str | os.PathLike, ws: Workspace, rows: Sequence[OverviewRow] | None = None
) -> Path:
    """The 概览 sheet as CSV (UTF-8 with BOM, so Excel and WPS read the Chinese right)."""
    rows = sort_rows(ws.rows() if rows is None else rows, "institution")
    headers, table = overview_table(ws, rows)
    path = Path(path)
    try:
        with replacing(path, make_parent=True) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(headers)
            for line in table:
                w.writerow(["" if v is None else _csv_safe(v) for v in line])
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # a spreadsheet must not run it as a formula
    return value


def write_summary(
    path: str | os.PathLike,
    ws: Workspace,
    rows: Sequence[OverviewRow] | None = None,
    *,
    csv_path: str | os.PathLike | None = None,
    province: str | None = None,
    year: int | None = None,
) -> Path:
    """The XLSX summary (File → Export summary), and the CSV of its first sheet if ``csv_path``;
    ``province`` / ``year``: whose list and which school year the charts count (default: as the 通报)."""
    rows = ws.rows() if rows is None else list(rows)
    out = write_summary_xlsx(path, ws, rows, province=province, year=year)
    if csv_path is not None:
        write_summary_csv(csv_path, ws, rows)
    return out


def summary_from_review_files(
    files: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    store: Store,
    folders: Iterable[str | os.PathLike] = (),
    workspace: str = "default",
    jobs: int | None = None,
    csv_path: str | os.PathLike | None = None,
) -> tuple[Path, list[ImportReport]]:
    """The lead's path: import reviewers' review files into ``store``, add the report files in
    ``folders`` (optional; cached ones cost nothing), and write the summary of both."""
    ws = Workspace(store, workspace)
    reports = ws.merge_reviews(files)
    folders = list(folders)
    if folders:
        ws.add(folders, jobs=jobs)
    ids = list(dict.fromkeys(d for r in reports for d in r.document_ids))
    rows = ws.rows(documents=ids)
    if not folders:  # only what the review files brought
        rows = [r for r in rows if r.document_id in set(ids)]
    return write_summary(out, ws, rows, csv_path=csv_path), reports
