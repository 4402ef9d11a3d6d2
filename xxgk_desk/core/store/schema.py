"""Schema versions: ``PRAGMA user_version`` and the numbered migrations in ``migrations/``.

:func:`migrate` brings a database to :data:`LATEST`. Before it changes a database that
already holds data (version ≥ 1), it writes a consistent copy next to it with SQLite's
backup API (which includes what is still in the WAL):
``reviews.sqlite3.bak-v1-20250101T120000Z``. A database from a newer xxgk-desk is refused,
not downgraded.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from xxgk_desk.core.atomic import replacing

from .db import Connection, StoreError, newer_schema
from .migrations import LATEST, MIGRATIONS

__all__ = ["LATEST", "backup_path", "migrate", "user_version"]


def user_version(conn: Connection) -> int:
    return int(conn.raw.execute("PRAGMA user_version").fetchone()[0])


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.name}.bak-v{version}-{stamp}")


def backup(conn: Connection, dest: Path) -> Path:
    """Copy the whole database (WAL included) to ``dest``: the source is checked first
    (``PRAGMA quick_check``: a damaged database never replaces a good backup), the copy is
    written beside ``dest``, checked, and renamed into place."""
    problem = quick_check(conn)
    if problem:
        raise StoreError(
            "corrupt",
            f"审核数据库已损坏（{problem}），未做备份，原有备份保持不变：{conn.path}。请从较早的备份或导出的审核文件恢复。",
        )
    with replacing(dest) as tmp:
        target = sqlite3.connect(str(tmp))
        try:
            with conn.lock:
                conn.raw.backup(target)
            copied = str(target.execute("PRAGMA quick_check").fetchone()[0])
            target.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
        finally:
            target.close()
        if copied != "ok":
            raise StoreError("corrupt", f"备份副本校验未通过（{copied}），原有备份保持不变：{dest}。")
    return dest


def quick_check(conn: Connection) -> str | None:
    """None when ``PRAGMA quick_check`` finds the file sound, else its first complaint."""
    try:
        rows = conn.raw.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as e:
        return str(e)
    first = str(rows[0][0]) if rows else "ok"
    return None if first == "ok" else first[:120]


def migrate(conn: Connection, target: int = LATEST) -> Path | None:
    """Apply pending migrations up to ``target``; returns the backup written, if any."""
    current = user_version(conn)
    if current > LATEST:
        raise newer_schema(current, LATEST, conn.path)
    if current == 0 and conn.query_one(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        raise StoreError(
            "foreign", f"这个文件不是 xxgk-desk 的审核数据库：{conn.path}。请换一个文件名或位置。"
        )
    if current >= target:
        return None
    saved = None
    if current >= 1 and str(conn.path) != ":memory:":
        saved = backup(conn, backup_path(conn.path, current))
    for version, _name, up in MIGRATIONS:
        if version > target:
            break
        with conn.write() as db:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if user_version(conn) >= version:
                continue
            up(db)
            conn.execute(f"PRAGMA user_version = {version}")
    return saved
