"""Settings kept in the review database itself (the reviewer's name, the letter's settings)."""

from __future__ import annotations

from .db import Connection, StoreError
from .model import now

MAX_VALUE = 4000  # characters: a name, a department, a sentence — never a document

#: The key of the reviewer who signs this database's notes.
REVIEWER = "reviewer"


def get(conn: Connection, key: str, default: str | None = None) -> str | None:
    row = conn.query_one("SELECT value FROM settings WHERE key = ?", [key])
    return default if row is None or row["value"] is None else str(row["value"])


def get_all(conn: Connection) -> dict[str, str]:
    return {
        r["key"]: r["value"] for r in conn.query("SELECT key, value FROM settings") if r["value"] is not None
    }


def put(conn: Connection, key: str, value: str | None) -> None:
    """Store ``value`` under ``key`` (None removes it)."""
    if not key or len(key) > 100:
        raise StoreError("invalid", "设置项名称无效。")
    if value is not None:
        value = str(value).strip()
        if len(value) > MAX_VALUE:
            raise StoreError("invalid", f"设置“{key}”过长（最多 {MAX_VALUE} 个字符）。")
    with conn.write():
        if value:
            conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                [key, value, now()],
            )
        else:
            conn.execute("DELETE FROM settings WHERE key = ?", [key])
