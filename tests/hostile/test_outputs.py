"""Outputs and backups: nothing good gets overwritten.

* An output path that is an input (``memo REPORT -o REPORT``) is refused before anything is written.
* A write that fails half-way (here: a file-size limit, as a full disk would) leaves the previous
  file byte for byte and no temporary file; the command says so in one line.
* ``notes backup`` of a damaged database does not replace a good backup.
* A damaged database (its last page broken) and a database of a newer schema are refused when
  opened, by read-only commands too, and their bytes stay as they were (the journal mode is not
  switched before the version is checked).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.store.conftest import REPORT
from xxgk_desk.cli import main as cli_main
from xxgk_desk.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "某某大学2024.txt"
    p.write_text("\n".join(REPORT) + "\n", encoding="utf-8")
    return p


@pytest.fixture
def db(tmp_path: Path, report: Path) -> Path:
    path = tmp_path / "reviews.sqlite3"
    args = ["--db", str(path), "--institution", "某某大学", "--year", "2024"]
    for i in range(40):
        assert (
            cli_main(["notes", "add", str(report), "--body", f"第{i}条批注" + "很长的说明" * 40, *args]) == 0
        )
    return path


def _run(capsys, *argv: object) -> tuple[int, str]:
    code = cli_main([str(a) for a in argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.strip()


def _damage_last_page(path: Path) -> None:
    with Store(path):
        pass  # closed: everything checkpointed into the main file
    data = bytearray(path.read_bytes())
    last = len(data) // PAGE - 1
    data[last * PAGE : last * PAGE + 8] = (
        b"\x0d\x00\x00\xff\xff\xff\xff\xff"  # a b-tree page header gone wrong
    )
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "argv",
    [
        ["memo", "{report}", "-o", "{report}"],
        ["memo", "{report}", "-o", "{db}", "--format", "md", "--db", "{db}"],
        ["notes", "table", "{report}", "-o", "{report}", "--format", "csv", "--db", "{db}"],
        ["notes", "w3c", "{report}", "-o", "{report}", "--db", "{db}"],
        ["notes", "export", "-o", "{db}", "--db", "{db}"],
        ["notes", "backup", "-o", "{db}", "--db", "{db}"],
        ["batch", "{dir}", "-o", "{db}", "--db", "{db}"],
        ["batch", "{dir}", "--csv", "{report}", "--db", "{db}"],
    ],
    ids=[
        "memo",
        "memo-over-db",
        "table",
        "w3c",
        "export-over-db",
        "backup-over-db",
        "batch-xlsx",
        "batch-csv",
    ],
)
def test_an_output_that_is_an_input_is_refused(argv, report, db, capsys):
    before = {p: _digest(p) for p in (report, db)}
    code, err = _run(capsys, *[a.format(report=report, db=db, dir=report.parent) for a in argv])
    assert code in (1, 2) and err.startswith("错误：") and "\n" not in err
    assert "输入文件" in err or "同一个文件" in err
    assert {p: _digest(p) for p in (report, db)} == before


def test_a_memo_that_fails_half_way_leaves_the_old_one(report, tmp_path):
    out = tmp_path / "审核意见.docx"
    env = {**os.environ, "XXGK_DESK_DB": str(tmp_path / "none.sqlite3")}
    first = subprocess.run(
        [sys.executable, "-m", "xxgk_desk", "memo", str(report), "-o", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    good = _digest(out)
    limited = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))\n"
        "from xxgk_desk.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    second = subprocess.run(
        [sys.executable, "-c", limited, "memo", str(report), "-o", str(out), "--with-context"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert second.returncode == 1
    err = second.stderr.strip()
    assert (
        err.startswith("错误：") and "原有文件保持不变" in err and "\n" not in err and "Traceback" not in err
    )
    assert _digest(out) == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_backup_of_a_damaged_database_keeps_the_good_backup(db, tmp_path, capsys):
    backup = tmp_path / "备份.sqlite3"
    assert _run(capsys, "notes", "backup", "-o", backup, "--db", db)[0] == 0
    with sqlite3.connect(backup) as c:
        assert c.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert c.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 40
    good = _digest(backup)
    _damage_last_page(db)
    code, err = _run(capsys, "notes", "backup", "-o", backup, "--db", db)
    assert code == 1 and "损坏" in err
    assert _digest(backup) == good


@pytest.mark.parametrize("command", ["list", "memo", "export"])
def test_a_damaged_database_is_refused_on_open_and_left_alone(command, db, report, tmp_path, capsys):
    _damage_last_page(db)
    damaged = _digest(db)
    argv = {
        "list": ["notes", "list", report, "--db", db],
        "memo": ["memo", report, "-o", tmp_path / "m.md", "--db", db],
        "export": ["notes", "export", "-o", tmp_path / "r.json", "--db", db],
    }[command]
    code, err = _run(capsys, *argv)
    assert code == 1 and "已损坏" in err and "\n" not in err
    assert _digest(db) == damaged
    assert not Path(str(db) + "-wal").exists()


def test_a_newer_schema_is_refused_before_its_header_changes(db, report, capsys):
    with Store(db):
        pass
    with sqlite3.connect(db) as c:  # as a newer xxgk-desk might leave it: rollback journal, version 99
        c.execute("PRAGMA journal_mode = DELETE")
        c.execute("PRAGMA user_version = 99")
    before = _digest(db)
    for argv in (["notes", "list", report, "--db", db], ["notes", "import", report, "--db", db]):
        code, err = _run(capsys, *argv)
        assert code == 1 and "更新版本" in err
        assert _digest(db) == before
