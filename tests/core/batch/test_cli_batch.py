"""``xxgk-desk batch``: summary files, JSON lines, exit status, merging."""

from __future__ import annotations

import json

import openpyxl

from xxgk_desk.cli import main
from xxgk_desk.core.store import Store

from .synth import report, write


def test_batch_command(tmp_path, capsys):
    d = tmp_path / "reports"
    write(d / "甲.txt", report("潜江示例学院", 2023, active=700))
    write(d / "乙.txt", report("潜江示例学院", 2024, active=700))
    (d / "丙.pdf").write_bytes(b"not a pdf at all")
    db = tmp_path / "r.sqlite3"
    args = [
        "batch",
        str(d),
        "--db",
        str(db),
        "-o",
        str(tmp_path / "s.xlsx"),
        "--csv",
        str(tmp_path / "s.csv"),
    ]
    assert main([*args, "--json", "--jobs", "2"]) == 1  # one file could not be read
    out, err = capsys.readouterr()
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["file"].rsplit("/", 1)[-1] for x in lines] == ["丙.pdf", "乙.txt", "甲.txt"]  # code point order
    assert lines[0]["error"] and "overview" in lines[0] and lines[0]["overview"]["document_id"] is None
    ok = lines[1]  # 乙: the 2024 report
    assert ok["error"] is None and ok["sections"] and ok["findings"] is not None  # the check --json object
    ov = ok["overview"]
    assert (ov["institution"], ov["year"], ov["state"]) == ("潜江示例学院", 2024, "unreviewed")
    assert ov["parts"]["overview"] == "present" and set(ov["findings"]) == {"error", "warning", "info"}
    assert {f["rule"] for f in ov["year_over_year"]} >= {"unchanged_figure"}
    assert "共 3 个文件：新检查 2 个" in err and "无法读取" in err and "汇总表已写入" in err
    assert openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames[0] == "概览"
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    # again: nothing to check; merge a reviewer's file first
    with Store(db, reviewer="王五") as s:
        doc = next(x for x in s.list_documents() if x.year == 2024)
        s.set_review(doc.id, state="done", conclusion="pass")
        s.export_review_file(tmp_path / "王五.json")
        s.set_review(doc.id, state="in_progress", conclusion=None)
    (d / "丙.pdf").unlink()
    assert main([*args, "--merge", str(tmp_path / "王五.json")]) == 0
    out, err = capsys.readouterr()
    assert "已导入" in err and "新检查 0 个，未变 2 个" in err
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    rows = list(wb["概览"].iter_rows(values_only=True))
    assert len(rows) == 3  # the deleted file is no longer in the summary


def test_batch_without_outputs_prints_a_table(tmp_path, capsys):
    write(tmp_path / "r" / "a.txt", report("天门示例学院", 2024))
    assert main(["batch", str(tmp_path / "r"), "--db", str(tmp_path / "x.sqlite3"), "--jobs", "0"]) == 0
    out, _ = capsys.readouterr()
    assert "天门示例学院 2024" in out and "✓✓✓✓✓✓✓✓✓" in out


def test_batch_errors(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "--db", str(tmp_path / "x.sqlite3")]) == 1
    assert "没有找到报告文件" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "--jobs", "-1", "--db", str(tmp_path / "x.sqlite3")]) == 2
