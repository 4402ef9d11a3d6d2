"""Crashes and concurrency: SIGKILL mid-burst, two Stores and two processes on one file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from xxgk_desk.core.store import Store, StoreError

from .conftest import make_doc

WRITER = Path(__file__).with_name("writer_proc.py")
ROOT = Path(__file__).resolve().parents[3]
KILLS = 20


def _spawn(db: Path, prefix: str, count: int = 0, go: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), prefix, str(count), *([str(go)] if go else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _check(db: Path, acked: list[str], this_run: list[str]) -> int:
    """Every acknowledged write is in the database; returns how many were checked.

    The field check looks at ``this_run`` only: every writer counts from 0, so a later run may
    have committed a smaller value that it was killed before acknowledging."""
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = dict(raw.execute("SELECT id, status FROM notes").fetchall())
        fields = dict(raw.execute("SELECT key, value FROM field_values").fetchall())
    finally:
        raw.close()
    for line in acked:
        kind, _i, *rest = line.split()
        if kind == "note":
            assert rest[0] in notes, f"acknowledged note {line} lost"
        elif kind == "status":
            assert notes[rest[0]] == "resolved", f"acknowledged status change {line} lost"
    last_field: dict[str, int] = {}
    for line in this_run:
        kind, i, *_rest = line.split()
        if kind == "field":
            last_field[kind] = int(i)
    if "field" in last_field:
        (value,) = fields.values()
        assert int(value) >= last_field["field"], "acknowledged field value lost"
    return len(acked)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_burst_keeps_every_acknowledged_write(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    rng = random.Random(20241001)
    acked: list[str] = []
    for _ in range(KILLS):
        p = _spawn(db, "k")
        first = p.stdout.readline()  # the child is inside its write loop
        assert first, p.stderr.read()
        time.sleep(rng.uniform(0.0, 0.25))
        p.send_signal(signal.SIGKILL)
        rest, _ = p.communicate()
        assert p.returncode == -signal.SIGKILL
        got = [line for line in (first.strip(), *rest.splitlines()) if line.strip()]
        acked += got
        _check(db, acked, got)
    assert sum(1 for line in acked if line.startswith("note")) >= KILLS
    with Store(db) as s:  # and the store opens and works after all that
        assert s.integrity_check() == "ok"
        assert len(s.list_notes(s.list_documents()[0].id)) >= sum(1 for x in acked if x.startswith("note"))


def test_two_processes_write_concurrently(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    go = tmp_path / "go"
    n = 150
    Store(db).close()  # create the schema first, as the app does on start
    procs = [_spawn(db, name, n, go) for name in ("p1", "p2")]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    go.touch()  # both bursts start together
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    with Store(db) as s:
        (info,) = s.list_documents()
        bodies = {n.body for n in s.list_notes(info.id)}
        assert bodies == {f"{p}-{i}" for p in ("p1", "p2") for i in range(n)}
        assert (
            s.get_field(info.id, "counter-p1").value == n - 1
            and s.get_field(info.id, "counter-p2").value == n - 1
        )
        assert s.integrity_check() == "ok"
        # (SQLite's busy handler backs off, so one writer may finish most of its burst
        # while the other waits: the point is that the waiting one neither fails nor corrupts)


def test_two_store_objects_in_threads(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    doc = make_doc(["甲乙丙丁戊己庚辛壬癸" * 5])
    a, b = Store(db, reviewer="甲"), Store(db, reviewer="乙")
    a.register_version(doc)
    errors: list[BaseException] = []

    def work(store: Store, who: str) -> None:
        try:
            for i in range(60):
                ch = store.add_note(doc, i % 40, i % 40 + 3, body=f"{who}{i}")
                store.update_note(ch.id, status="resolved")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s, w)) for s, w in ((a, "甲"), (b, "乙"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    notes = a.list_notes(doc)
    assert len(notes) == 120 and all(n.status == "resolved" for n in notes)
    assert {n.reviewer for n in notes} == {"甲", "乙"}
    assert a.integrity_check() == "ok"
    a.close()
    b.close()


def test_a_held_write_lock_gives_a_clear_chinese_error_and_reads_go_on(tmp_path):
    db = tmp_path / "reviews.sqlite3"
    doc = make_doc(["甲乙丙丁戊己庚辛壬癸"])
    with Store(db) as s:
        s.add_note(doc, 0, 2, body="先写一条")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with Store(db, busy_timeout=0.2) as s:
            assert len(s.list_notes(doc)) == 1  # WAL: reading is not blocked
            t0 = time.monotonic()
            with pytest.raises(StoreError) as e:
                s.add_note(doc, 2, 4, body="写不进去")
            assert e.value.code == "busy" and "占用" in e.value.message
            assert time.monotonic() - t0 >= 0.15  # it waited for the busy timeout first
            other.execute("COMMIT")
            s.add_note(doc, 2, 4, body="现在可以了")
            assert len(s.list_notes(doc)) == 2
            assert s.integrity_check() == "ok"
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
