"""The notes as tables: XLSX (Excel, WPS) and CSV (UTF-8 with BOM so Excel reads Chinese),
one row per note with its replies in one cell; and the W3C Web Annotation JSON of the store.

The XLSX has a second sheet with the engine's findings and what the reviewer decided.
Text is written as text: a note starting with ``=`` is never a formula (in CSV such cells
get a leading apostrophe, since the report's quotes are not trusted input).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.model import Review
from xxgk_desk.core.marker import mark_properties
from xxgk_desk.core.outline import Section
from xxgk_desk.core.rules import RuleSet, load_rules

from .errors import ExportError
from .fmt import csv_safe, local_time, time_text, xml_safe
from .review_items import IssueMaker, Labels, Places, read_store, thread_notes

XLSX_CELL_LIMIT = 32767
# (attribute, column header, XLSX width)
NOTE_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("document", "报告文件", 22),
    ("institution", "学校", 16),
    ("part", "部分", 18),
    ("section", "章节", 24),
    ("page", "页码", 6),
    ("quote", "引文", 40),
    ("category", "类别", 10),
    ("severity", "严重程度", 9),
    ("status", "状态", 9),
    ("reviewer", "审核人", 10),
    ("created", "创建时间", 17),
    ("updated", "修改时间", 17),
    ("body", "批注内容", 50),
    ("replies", "回复", 40),
    ("anchor", "定位", 10),
    ("id", "批注编号", 38),
)
FINDING_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("rule", "检查项", 18),
    ("severity", "严重程度", 9),
    ("category", "类别", 10),
    ("part", "部分", 18),
    ("page", "页码", 6),
    ("quote", "引文", 40),
    ("message", "说明", 50),
    ("decision", "处理结果", 9),
    ("reason", "驳回理由", 30),
    ("reviewer", "处理人", 10),
    ("updated", "处理时间", 17),
    ("key", "编号", 30),
)
_ANCHOR = {"anchored": "已定位", "fuzzy": "模糊定位", "orphan": "未能定位"}


@dataclass(frozen=True)
class NoteRow:
    """One top-level note with its replies, ready for a table."""

    id: str
    document: str
    institution: str
    part: str
    section: str
    page: int | None
    quote: str
    category: str
    severity: str
    status: str
    reviewer: str
    created: str  # ISO timestamp (UTC) from the store
    updated: str
    body: str
    replies: str
    anchor: str


@dataclass(frozen=True)
class FindingRow:
    key: str
    rule: str
    severity: str
    category: str
    part: str
    page: int | None
    quote: str
    message: str
    decision: str
    reason: str
    reviewer: str
    updated: str


def _reply_text(replies: list[Any]) -> str:
    return "\n".join(
        f"{r.reviewer or ''}（{time_text(r.created_at)}）：{r.body}" if r.reviewer else r.body
        for r in replies
    )


def note_rows(
    doc: Document,
    sections: tuple[Section, ...],
    review: Review,
    store: Any,
    *,
    rules: RuleSet | None = None,
) -> list[NoteRow]:
    """The report's notes (not deleted), replies folded into their note, in creation order."""
    rules = rules or load_rules()
    stored = read_store(store, doc)
    if stored is None:
        return []
    places = Places(doc, sections, review, rules)
    labels = Labels(rules)
    make = IssueMaker(places, labels, rules)
    findings = {f.key: f for f in review.findings}
    tops, replies = thread_notes(stored.notes)
    inst = review.fields.get("institution")
    institution = str(stored.fields["institution"].value) if "institution" in stored.fields else ""
    institution = institution or (str(inst.value) if inst and inst.value else "")
    rows = []
    for n in tops:
        issue = make.note(n, [], findings)
        a = n.anchor
        anchor = _ANCHOR.get(a.status, a.status) if a is not None and n.has_span else ""
        rows.append(
            NoteRow(
                id=n.id,
                document=Path(doc.path).name,
                institution=institution,
                part=issue.part_name,
                section=issue.section or "",
                page=issue.page,
                quote=n.quote or "",
                category=issue.category_label,
                severity=issue.severity_label,
                status=issue.status_label,
                reviewer=n.reviewer or "",
                created=n.created_at,
                updated=n.updated_at,
                body=n.body,
                replies=_reply_text(replies.get(n.id, [])),
                anchor=anchor,
            )
        )
    return rows


def finding_rows(
    doc: Document, review: Review, store: Any, *, rules: RuleSet | None = None
) -> list[FindingRow]:
    """The engine's findings with the reviewer's decision on each."""
    rules = rules or load_rules()
    stored = read_store(store, doc)
    decisions = stored.decisions if stored else {}
    labels = Labels(rules)
    places = Places(doc, (), review, rules)
    rows = []
    for f in review.findings:
        d = decisions.get(f.key)
        try:
            rule = rules.rule(f.rule)
            title, category = rule.title, rule.category
        except KeyError:
            title, category = f.rule, "other"
        kind = d.decision if d else "none"
        rows.append(
            FindingRow(
                key=f.key,
                rule=title,
                severity=labels.severity.get(f.severity, f.severity),
                category=labels.category.get(category, category),
                part=places.part_name(f.part) if f.part else "",
                page=doc.page_at(f.start) if f.start is not None else None,
                quote=f.quote or "",
                message=f.message,
                decision=labels.decision.get(kind, kind),
                reason=(d.reason or "") if d else "",
                reviewer=(d.reviewer or "") if d else "",
                updated=(d.updated_at or "") if d else "",
            )
        )
    return rows


def _cell(value: Any, key: str) -> Any:
    if key in ("created", "updated"):
        return local_time(value) if value else None
    if isinstance(value, str):
        text = xml_safe(value)
        if len(text) > XLSX_CELL_LIMIT:
            text = text[: XLSX_CELL_LIMIT - 20] + "……（超出单元格上限，已截断）"
        return text
    return value


def _sheet(ws, columns: tuple[tuple[str, str, float], ...], rows: list[Any]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.append([h for _, h, _ in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", horizontal="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        values = [_cell(getattr(row, key), key) for key, _, _ in columns]
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "="
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            cell.alignment = wrap
    for i, (_, _, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{ws.max_row}"


def write_notes_xlsx(
    rows: list[NoteRow], path: str | os.PathLike, findings: list[FindingRow] | None = None
) -> Path:
    """Notes (sheet 批注) and, if given, findings (sheet 自动检查结果) as XLSX."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its first sheet
    ws.title = "批注"
    _sheet(ws, NOTE_COLUMNS, rows)
    if findings is not None:
        _sheet(wb.create_sheet("自动检查结果"), FINDING_COLUMNS, findings)
    wb.properties.title = "审核批注"
    wb.properties.creator = "xxgk-desk"
    mark_properties(wb.properties)
    try:
        package = io.BytesIO()  # built in memory: a failing disk then fails our write, not zipfile's
        wb.save(package)
        with replacing(path) as tmp:
            tmp.write_bytes(package.getvalue())
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path


def write_notes_csv(rows: list[NoteRow], path: str | os.PathLike) -> Path:
    """Notes as CSV in UTF-8 with BOM (Excel on Windows opens it with the Chinese intact)."""
    path = Path(path)
    try:
        with replacing(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([h for _, h, _ in NOTE_COLUMNS])
            for row in rows:
                out = []
                for key, _, _ in NOTE_COLUMNS:
                    value = getattr(row, key)
                    if key in ("created", "updated"):
                        value = time_text(value)
                    out.append(csv_safe(str(value)) if value is not None else "")
                w.writerow(out)
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path


def write_notes_w3c(store: Any, doc: Document, path: str | os.PathLike) -> Path:
    """The report's notes as a W3C Web Annotation collection (the store's JSON, see store/w3c.py)."""
    from xxgk_desk.core.store import write_review_file

    if store is None or not store.find_document(doc.file_sha256):
        data: dict[str, Any] = {  # the store's shape (store/w3c.py), with no notes
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection",
            "label": "xxgk-desk notes",
            "total": 0,
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": []},
        }
    else:
        data = store.w3c_annotations(doc)
    try:
        return write_review_file(data, path)
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None


TABLE_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".jsonld": "w3c", ".json": "w3c"}


def table_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """``xlsx`` / ``csv`` / ``w3c`` from ``fmt`` or the file extension; ExportError otherwise."""
    if fmt:
        f = fmt.lower().lstrip(".")
        f = {"jsonld": "w3c", "json": "w3c"}.get(f, f)
        if f in ("xlsx", "csv", "w3c"):
            return f
    else:
        f = TABLE_FORMATS.get(Path(path).suffix.lower(), "")
        if f:
            return f
    raise ExportError(
        "format",
        f"无法识别批注表格式“{fmt or Path(path).suffix or Path(path).name}”：请使用 .xlsx、.csv 或 .jsonld。",
    )


def write_notes(
    path: str | os.PathLike,
    doc: Document,
    sections: tuple[Section, ...],
    review: Review,
    store: Any,
    *,
    fmt: str | None = None,
    rules: RuleSet | None = None,
) -> tuple[Path, int]:
    """Write the notes table in the format of ``fmt`` or the extension; returns (path, notes)."""
    kind = table_format(path, fmt)
    if kind == "w3c":
        out = write_notes_w3c(store, doc, path)
        return out, len(note_rows(doc, sections, review, store, rules=rules))
    rows = note_rows(doc, sections, review, store, rules=rules)
    if kind == "xlsx":
        return write_notes_xlsx(rows, path, finding_rows(doc, review, store, rules=rules)), len(rows)
    return write_notes_csv(rows, path), len(rows)
