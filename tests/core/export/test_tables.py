"""Notes as XLSX (read back with openpyxl), CSV (UTF-8 with BOM) and W3C JSON."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import openpyxl
import pytest

from tests.core.export.conftest import FORMULA, LONG, SPECIAL
from xxgk_desk.core.export import (
    ExportError,
    FindingRow,
    NoteRow,
    note_rows,
    table_format,
    write_notes,
)
from xxgk_desk.core.export.fmt import csv_safe
from xxgk_desk.core.export.tables import FINDING_COLUMNS, NOTE_COLUMNS


def _sheet_dicts(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def test_note_rows(demo):
    rows = note_rows(demo.doc, demo.sections, demo.review, demo.store)
    assert len(rows) == len(demo.notes)  # one row per note; the reply is folded in
    by_id = {r.id: r for r in rows}
    for name, nid in demo.notes.items():
        r = by_id[nid]
        assert r.body == demo.bodies[name] and r.document == "sample-report.docx"
        assert r.institution == "楚澜理工学院"
        if name in demo.quotes:
            assert r.page == demo.pages[name] and r.anchor == "已定位"
    parent = by_id[demo.notes["reply_parent"]]
    assert parent.replies.startswith("李四（") and parent.replies.endswith(demo.reply)
    assert parent.category == "缺项" and parent.severity == "警告" and parent.status == "待处理"
    assert by_id[demo.notes["accepted"]].part == "依申请公开和不予公开情况"
    assert by_id[demo.notes["whole"]].part == "总体意见"


def test_xlsx(demo, tmp_path):
    path, n = write_notes(tmp_path / "notes.xlsx", demo.doc, demo.sections, demo.review, demo.store)
    assert n == len(demo.notes)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["批注", "自动检查结果"]
    rows = _sheet_dicts(wb["批注"])
    assert list(rows[0]) == [h for _, h, _ in NOTE_COLUMNS]
    by_id = {r["批注编号"]: r for r in rows}
    for name, nid in demo.notes.items():
        r = by_id[nid]
        assert r["批注内容"] == demo.bodies[name], name
        if name in demo.quotes:
            assert r["引文"] == demo.quotes[name] and r["页码"] == demo.pages[name]
        assert isinstance(r["创建时间"], datetime)
    assert by_id[demo.notes["special"]]["批注内容"] == SPECIAL
    assert by_id[demo.notes["long"]]["批注内容"] == LONG
    assert by_id[demo.notes["formula"]]["批注内容"] == FORMULA  # text, not a formula
    ws = wb["批注"]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert demo.reply in by_id[demo.notes["reply_parent"]]["回复"]
    findings = _sheet_dicts(wb["自动检查结果"])
    assert list(findings[0]) == [h for _, h, _ in FINDING_COLUMNS]
    decided = {r["编号"]: r for r in findings}
    assert decided[demo.accepted]["处理结果"] == "采纳"
    assert (
        decided[demo.dismissed]["处理结果"] == "驳回"
        and decided[demo.dismissed]["驳回理由"] == demo.dismiss_reason
    )
    assert all(decided[k]["处理结果"] == "未处理" for k in demo.undecided)


def test_csv(demo, tmp_path):
    path, n = write_notes(tmp_path / "notes.csv", demo.doc, demo.sections, demo.review, demo.store)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n == len(demo.notes)
    by_id = {r["批注编号"]: r for r in rows}
    assert by_id[demo.notes["special"]]["批注内容"] == SPECIAL
    assert by_id[demo.notes["long"]]["批注内容"] == LONG
    assert by_id[demo.notes["formula"]]["批注内容"] == "'" + FORMULA  # never run as a formula
    assert by_id[demo.notes["reply_parent"]]["页码"] == str(demo.pages["reply_parent"] or "")
    assert demo.reply in by_id[demo.notes["reply_parent"]]["回复"]


def test_w3c(demo, tmp_path):
    path, n = write_notes(tmp_path / "notes.jsonld", demo.doc, demo.sections, demo.review, demo.store)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(demo.store.w3c_annotations(demo.doc)))
    bodies = {
        b["value"] for a in data["first"]["items"] for b in a["body"] if b.get("purpose") == "commenting"
    }
    assert SPECIAL in bodies and LONG in bodies and demo.reply in bodies


def test_without_store_the_tables_are_empty(sample, tmp_path):
    path, n = write_notes(tmp_path / "n.xlsx", sample.document, sample.sections, sample.review, None)
    assert n == 0
    wb = openpyxl.load_workbook(path)
    assert wb["批注"].max_row == 1 and wb["自动检查结果"].max_row == 1 + len(sample.review.findings)
    path, _ = write_notes(tmp_path / "n.jsonld", sample.document, sample.sections, sample.review, None)
    assert json.loads(path.read_text(encoding="utf-8"))["total"] == 0


def test_formats():
    assert (
        table_format("a.XLSX") == "xlsx"
        and table_format("a.csv") == "csv"
        and table_format("a.json") == "w3c"
    )
    assert table_format("a.txt", "csv") == "csv"
    with pytest.raises(ExportError) as e:
        table_format("a.docx")
    assert e.value.code == "format" and ".xlsx" in e.value.message


@pytest.mark.parametrize(
    "value, safe",
    [
        ("=1+1", "'=1+1"),
        ("+86", "'+86"),
        ("@x", "'@x"),
        ("-x", "'-x"),
        ("-5", "-5"),
        ("-3.5%", "-3.5%"),
        ("a=b", "a=b"),
    ],
)
def test_csv_safe(value, safe):
    assert csv_safe(value) == safe


def test_row_types_are_plain_data():
    assert NoteRow.__dataclass_fields__ and FindingRow.__dataclass_fields__
