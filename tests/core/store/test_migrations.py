"""Schema migrations: from every earlier version, with real data in it, backup first."""

from __future__ import annotations

import sqlite3

import pytest

from xxgk_desk.core.store import SCHEMA_VERSION, Store, StoreError, schema
from xxgk_desk.core.store import notes as notes_mod
from xxgk_desk.core.store.db import Connection
from xxgk_desk.core.store.migrations import m003_selector_hash

DOC = "d0c00000-0000-4000-8000-000000000001"
NOTE = "a0000000-0000-4000-8000-000000000001"
REPLY = "a0000000-0000-4000-8000-000000000002"
SHA = "f" * 64
TEXT_SHA = "e" * 64
TS = "2024-10-01T08:00:00.000000Z"


def populate_v1(raw: sqlite3.Connection) -> None:
    """A reviewer's database as v1 left it: a report, notes with a reply, an anchor, a
    field value, a decision, a review state, a conflict and events."""
    x = raw.execute
    x("INSERT INTO documents VALUES (?, '某某大学', 2024, '年度报告', ?, ?)", [DOC, TS, TS])
    x(
        "INSERT INTO versions VALUES (?, ?, ?, '/r/a.pdf', 'pdf', 5, 'pdfium-1', 3000, ?, ?)",
        [SHA, DOC, TEXT_SHA, TS, TS],
    )
    note_cols = (
        "id, document_id, parent_id, conflict_of, finding_id, text_sha256, pos_start, pos_end, quote, prefix,"
        " suffix, page, section, part, category, severity, status, body, reviewer, created_at, updated_at,"
        " updated_by, deleted_at, rev, history"
    )
    x(
        f"INSERT INTO notes ({note_cols}) VALUES (?, ?, NULL, NULL, 'sum:1', ?, 100, 106, '予以公开8件', '前文', '后文',"
        " 2, '三', NULL, 'data_error', 'error', 'open', '应为9件', '张三', ?, ?, '张三', NULL, 'r1', '[]')",
        [NOTE, DOC, TEXT_SHA, TS, TS],
    )
    x(
        f"INSERT INTO notes ({note_cols}) VALUES (?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
        " NULL, NULL, 'data_error', 'info', 'open', '同意', '李四', ?, ?, '李四', NULL, 'r2', '[]')",
        [REPLY, DOC, NOTE, TS, TS],
    )
    x(
        "INSERT INTO anchors VALUES (?, ?, 100, 106, 2, 'anchored', 'position', 1.0, 'h', ?)",
        [NOTE, TEXT_SHA, TS],
    )
    x(
        "INSERT INTO field_values VALUES (?, 'received', '12', '13', 'reviewed', '张三', ?, 'r3', '[]')",
        [DOC, TS],
    )
    x(
        "INSERT INTO decisions VALUES (?, 'sum:1', 'accepted', NULL, ?, '张三', ?, 'r4', '[]')",
        [DOC, NOTE, TS],
    )
    x("INSERT INTO review_states VALUES (?, 'in_progress', NULL, '进行中', '张三', ?, 'r5', '[]')", [DOC, TS])
    x(
        "INSERT INTO conflicts VALUES ('c1', 'review', ?, ?, '{\"state\":\"done\"}', 'r9', ?, NULL, NULL)",
        [DOC, DOC, TS],
    )
    x(
        "INSERT INTO events (id, tx, ts, actor, op, kind, entity_id, document_id, before, after)"
        " VALUES ('e1', 't1', ?, '张三', 'create', 'note', ?, ?, NULL, '{}')",
        [TS, NOTE, DOC],
    )


def populate_v2(raw: sqlite3.Connection) -> None:
    """v2 added note tags."""
    populate_v1(raw)
    raw.execute('UPDATE notes SET tags = \'["复核", "数字"]\' WHERE id = ?', [NOTE])


def populate_v3(raw: sqlite3.Connection) -> None:
    """v3 added each note's selector hash (filled in as v3 code would have)."""
    populate_v2(raw)
    cols = ("text_sha256", "pos_start", "pos_end", "quote", "prefix", "suffix")
    row = raw.execute(f"SELECT {', '.join(cols)} FROM notes WHERE id = ?", [NOTE]).fetchone()
    sel = m003_selector_hash.selector_hash(list(row))
    raw.execute("UPDATE notes SET sel_hash = ? WHERE id = ?", [sel, NOTE])


def populate_v4(raw: sqlite3.Connection) -> None:
    """v4 added the batch caches (no reviewer data)."""
    populate_v3(raw)


# add populate_vN for every new schema version N < LATEST
POPULATE = {1: populate_v1, 2: populate_v2, 3: populate_v3, 4: populate_v4}
TAGS = {1: (), 2: ("复核", "数字"), 3: ("复核", "数字"), 4: ("复核", "数字")}


def test_every_version_has_a_populate_step():
    assert set(POPULATE) == set(range(1, SCHEMA_VERSION))


def make_db(path, version: int) -> None:
    conn = Connection(path)
    schema.migrate(conn, target=version)
    assert schema.user_version(conn) == version
    with conn.write():
        POPULATE[version](conn.raw)
    conn.close()


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_migrate_from_every_earlier_version_keeps_the_data(tmp_path, start):
    path = tmp_path / "reviews.sqlite3"
    make_db(path, start)
    with Store(path, reviewer="王五") as s:
        assert schema.user_version(s.conn) == SCHEMA_VERSION
        assert s.integrity_check() == "ok"
        assert s.backup_made is not None and s.backup_made.name.startswith(f"reviews.sqlite3.bak-v{start}-")
        (info,) = s.list_documents()
        assert (info.institution, info.year, info.versions[0].pages) == ("某某大学", 2024, 5)
        notes = {n.id: n for n in s.list_notes(DOC)}
        assert (
            notes[NOTE].quote == "予以公开8件"
            and notes[NOTE].body == "应为9件"
            and notes[NOTE].tags == TAGS[start]
        )
        assert notes[REPLY].parent_id == NOTE
        assert s.get_field(DOC, "received").value == 13
        assert s.get_decision(DOC, "sum:1").note_id == NOTE
        assert s.get_review(DOC).summary == "进行中"
        assert [c.id for c in s.list_conflicts()] == ["c1"]
        assert s.events(kind="note")[0].id == "e1"
        # the migrated database is fully usable
        ch = s.update_note(NOTE, tags=["已改"], status="resolved")
        assert ch.before == {"tags": list(TAGS[start]), "status": "open"}
        assert s.get_note(NOTE).tags == ("已改",)
        # v3 backfilled the selector hash exactly as the live code computes it
        row = s.conn.query_one("SELECT * FROM notes WHERE id = ?", [NOTE])
        assert row["sel_hash"] == notes_mod.sel_hash(notes_mod.record(row))
        assert s.get_note(NOTE).anchor is None  # no text asked for
        assert s.conn.query_one("SELECT sel_hash FROM notes WHERE id = ?", [REPLY])["sel_hash"] is None
    backup = sqlite3.connect(tmp_path / s.backup_made.name)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == start
    assert backup.execute("SELECT body FROM notes WHERE id = ?", [NOTE]).fetchone()[0] == "应为9件"
    backup.close()
    with Store(path) as again:  # nothing left to migrate: no new backup
        assert again.backup_made is None


def test_new_database_needs_no_backup(tmp_path):
    with Store(tmp_path / "new.sqlite3") as s:
        assert s.backup_made is None and schema.user_version(s.conn) == SCHEMA_VERSION
        names = {r["name"] for r in s.conn.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"notes_document", "anchors_text", "events_document"} <= names
    assert list(tmp_path.glob("*.bak-*")) == []


def test_failed_migration_rolls_back_and_the_backup_stays(tmp_path, monkeypatch):
    path = tmp_path / "reviews.sqlite3"
    make_db(path, 1)

    def broken(db):
        db.execute("ALTER TABLE notes ADD COLUMN half_done TEXT")
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, (SCHEMA_VERSION + 1, "broken", broken)))
    monkeypatch.setattr(schema, "LATEST", SCHEMA_VERSION + 1)
    conn = Connection(path)
    with pytest.raises(RuntimeError):
        schema.migrate(conn, target=SCHEMA_VERSION + 1)
    assert schema.user_version(conn) == SCHEMA_VERSION  # the good migrations stay applied
    cols = {r["name"] for r in conn.query("PRAGMA table_info(notes)")}
    assert "half_done" not in cols and "tags" in cols
    assert len(list(tmp_path.glob("reviews.sqlite3.bak-v1-*"))) == 1
    conn.close()


def test_newer_or_foreign_databases_are_refused(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    raw = sqlite3.connect(newer)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.close()
    with pytest.raises(StoreError) as e:
        Store(newer)
    assert e.value.code == "newer_schema" and "升级" in e.value.message
    foreign = tmp_path / "foreign.sqlite3"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError) as e:
        Store(foreign)
    assert e.value.code == "foreign"
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as e:
        Store(junk)
    assert e.value.code == "corrupt"
