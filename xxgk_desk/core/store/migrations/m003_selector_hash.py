"""v3: each note stores the hash of its selectors (``sel_hash``), so loading a report's notes
can tell fresh anchors from stale ones in SQL instead of hashing every row in Python."""

from __future__ import annotations

import hashlib

import sqlite_utils

VERSION = 3
_KEYS = ("text_sha256", "pos_start", "pos_end", "quote", "prefix", "suffix")


def selector_hash(values: list) -> str:
    # Frozen copy of notes.sel_hash as of v3; a later change there only makes anchors stale.
    key = "\x1f".join(str(v) for v in values)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def up(db: sqlite_utils.Database) -> None:
    db.table("notes").add_column("sel_hash", str)
    rows = db.execute(f"SELECT id, {', '.join(_KEYS)} FROM notes WHERE pos_start IS NOT NULL").fetchall()
    db.conn.executemany(
        "UPDATE notes SET sel_hash = ? WHERE id = ?", [(selector_hash(list(r[1:])), r[0]) for r in rows]
    )
