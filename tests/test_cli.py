"""The command line: JSON lines in input order, errors as one-line messages, exit status."""

from __future__ import annotations

import json
import subprocess
import sys

from xxgk_desk.cli import main


def test_check_json_one_object_per_file_in_order(tmp_path, capsys):
    good = tmp_path / "好 报告.txt"
    good.write_text("某某大学2023—2024学年信息公开工作年度报告\n一、概述\n正文。", encoding="utf-8")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    status = main(["check", "--json", str(good), str(tmp_path / "missing.docx"), str(empty), str(fake), "x.xyz"])
    lines = capsys.readouterr().out.strip().split("\n")
    objs = [json.loads(line) for line in lines]
    assert status == 1
    assert [o["file"] for o in objs] == [str(good), str(tmp_path / "missing.docx"), str(empty), str(fake), "x.xyz"]
    assert objs[0]["error"] is None and objs[0]["kind"] == "txt" and objs[0]["chars"] > 10
    assert [s["title"] for s in objs[0]["sections"]] == ["某某大学2023—2024学年信息公开工作年度报告", "一、概述"]
    for o in objs[1:]:
        assert o["error"] and "\n" not in o["error"]
    assert "找不到文件" in objs[1]["error"]
    assert "空" in objs[2]["error"]
    assert "不是PDF" in objs[3]["error"]
    assert "不支持" in objs[4]["error"]
    keys = {"file", "sha256", "kind", "pages", "chars", "image_pages", "sections", "error"}
    assert all(keys <= o.keys() for o in objs)


def test_text_prints_the_canonical_text(tmp_path, capsys):
    p = tmp_path / "r.txt"
    p.write_text("第一行\r\n\r\n第二行", encoding="utf-8")
    assert main(["text", str(p)]) == 0
    assert capsys.readouterr().out == "第一行\n第二行\n"


def test_python_dash_m_runs_without_traceback(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "xxgk_desk", "check", str(tmp_path / "nope.pdf")], capture_output=True, text=True
    )
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout
    assert "找不到文件" in r.stdout
