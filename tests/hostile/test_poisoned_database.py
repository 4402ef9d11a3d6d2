"""A database holding rows an older xxgk-desk let in (a list as an offset, an object as a page,
tags and field values that are not JSON, a year that is not a number): every command still
works, the unreadable rows are skipped and named in one line each, nothing else is lost.

Before issue 18 one such row made ``notes list``, ``memo``, ``w3c``, ``table`` and ``batch``
fail on the whole database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.core.store.conftest import REPORT
from xxgk_desk.cli import main as cli_main
from xxgk_desk.core.store import Store


@pytest.fixture
def poisoned(tmp_path: Path) -> tuple[Path, Path]:
    report = tmp_path / "reports" / "某某大学2024.txt"
    report.parent.mkdir()
    report.write_text("\n".join(REPORT) + "\n", encoding="utf-8")
    db = tmp_path / "reviews.sqlite3"
    args = ["--db", str(db), "--institution", "某某大学", "--year", "2024"]
    for quote, body in (
        ("予以公开8件", "应为9件"),
        ("新闻动态667条", "好的批注"),
        ("不予公开2件", "标签坏了"),
    ):
        assert cli_main(["notes", "add", str(report), "--quote", quote, "--body", body, *args]) == 0
    with Store(db) as s:
        d = s.list_documents()[0]
        s.set_field(d.id, "on_request.received", extracted=12, value=12)
        s.set_review(d.id, state="in_progress")
        other = make_other(s)
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE notes SET pos_start = '[1]', page = '{\"n\": 3}' WHERE body = '应为9件'")
        raw.execute("UPDATE notes SET tags = 'not json' WHERE body = '标签坏了'")
        raw.execute("UPDATE field_values SET value = '{broken'")
        raw.execute("UPDATE review_states SET history = 'x'")
        raw.execute("UPDATE documents SET year = '二〇二四' WHERE id = ?", [other])
    raw.close()
    return report, db


def make_other(store: Store) -> str:
    from tests.core.store.conftest import make_doc

    doc = make_doc(REPORT, salt="other")
    return store.register_version(doc, "另一所大学", 2023).id


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _clean(err: str) -> None:
    assert "Traceback" not in err and 'File "' not in err


def test_notes_list_skips_and_names_the_bad_rows(poisoned, capsys):
    report, db = poisoned
    code, out, err = _run(capsys, "notes", "list", str(report), "--db", str(db))
    assert code == 0, err
    assert "好的批注" in out and "应为9件" not in out and "标签坏了" not in out
    assert "start 不是整数" in err and "tags 不是合法的 JSON" in err
    assert all(line.startswith("注意：") for line in err.strip().splitlines())
    _clean(err)


@pytest.mark.parametrize(
    "command",
    [
        ["memo", "{report}", "-o", "{tmp}/审核意见.md"],
        ["notes", "export", "-o", "{tmp}/审核记录.json"],
        ["notes", "w3c", "{report}", "-o", "{tmp}/notes.jsonld"],
        ["notes", "table", "{report}", "-o", "{tmp}/notes.csv"],
    ],
    ids=["memo", "export", "w3c", "table"],
)
def test_other_commands_work_on_the_rest(poisoned, capsys, tmp_path, command):
    report, db = poisoned
    argv = [a.format(report=report, tmp=tmp_path) for a in command] + ["--db", str(db)]
    code, out, err = _run(capsys, *argv)
    assert code == 0, err
    assert "注意：" in err and "无法读取，已跳过" in err
    _clean(err)


def test_the_exported_review_is_importable_and_lacks_only_the_bad_rows(poisoned, capsys, tmp_path):
    report, db = poisoned
    out_file = tmp_path / "审核记录.json"
    assert _run(capsys, "notes", "export", "-o", str(out_file), "--db", str(db))[0] == 0
    with Store(tmp_path / "fresh.sqlite3") as fresh:
        rep = fresh.import_review(out_file)
        assert rep.counts["note"]["added"] == 1  # the good note; the two damaged ones stayed behind
        assert fresh.problems == []


def test_batch_runs_and_reports(poisoned, capsys):
    report, db = poisoned
    code, out, err = _run(capsys, "batch", str(report.parent), "--db", str(db), "--jobs", "0")
    assert code == 0, err
    assert "报告" in err and "无法读取，已跳过" in err
    _clean(err)


def test_a_damaged_row_is_written_over_by_a_new_value(poisoned):
    report, db = poisoned
    with Store(db) as s:
        did = next(d.id for d in s.list_documents() if d.institution == "某某大学")
        s.set_field(did, "on_request.received", value=13)
        assert s.get_field(did, "on_request.received").value == 13
