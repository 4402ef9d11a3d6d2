"""Which report is this: one rule (title year, else the year the period ends) everywhere."""

from __future__ import annotations

from types import SimpleNamespace

from xxgk_desk.cli import main
from xxgk_desk.core.identity import identify, report_identity
from xxgk_desk.core.loaders import load
from xxgk_desk.core.store import ENV_DB, Store

REPORT = """楚澜理工学院{title}信息公开工作年度报告
根据要求编制本报告，统计期限为2023年9月1日至2024年8月31日。
一、概述
学校高度重视信息公开工作，党政办公室负责日常工作。
二、主动公开情况
本学年学校共主动公开信息300条。
楚澜理工学院
2024年10月20日
"""


def test_the_rule_reads_review_fields_and_json_alike():
    fv = SimpleNamespace
    assert report_identity({"institution": fv(value="甲大学"), "title_year": fv(value=2024)}) == (
        "甲大学",
        2024,
    )
    json_fields = {
        "institution": {"value": "甲大学"},
        "title_year": {"value": None},
        "period_end": {"value": "2024-08-31"},
    }
    assert report_identity(json_fields) == ("甲大学", 2024)  # the period's end when the title has no year
    assert report_identity({}) == (None, None)


def test_memo_db_on_a_revision_whose_title_lost_its_year_uses_the_stored_review(
    tmp_path, monkeypatch, capsys
):
    """The miss issue 13 found: memo --db wrote an automatic pre-review for such a file."""
    monkeypatch.setenv(ENV_DB, str(tmp_path / "absent.sqlite3"))
    first = tmp_path / "2024.txt"
    first.write_text(REPORT.format(title="2023—2024学年"), encoding="utf-8")
    revised = tmp_path / "修订.txt"
    revised.write_text(REPORT.format(title="") + "（修订）\n", encoding="utf-8")
    assert identify(load(revised)) == identify(load(first)) == ("楚澜理工学院", 2024)
    db = tmp_path / "r.sqlite3"
    with Store(db, reviewer="张三") as store:
        doc = load(first)
        store.register_version(doc, *identify(doc))
        start = doc.text.index("主动公开信息300条")
        store.add_note(
            doc, start, start + 9, body="请核实300条的统计口径。", category="data_error", severity="warning"
        )
    out = tmp_path / "memo.md"
    assert main(["memo", str(revised), "-o", str(out), "--db", str(db)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "请核实300条的统计口径" in text and "自动预审" not in text
