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

from .db import Connection, StoreError
from .migrations import LATEST, MIGRATIONS

__all__ = ["LATEST", "backup_path", "migrate", "user_version"]


def user_version(conn: Connection) -> int:
    return int(conn.raw.execute("PRAGMA user_version").fetchone()[0])


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.name}.bak-v{version}-{stamp}")


def backup(conn: Connection, dest: Path) -> Path:
    """Copy the whole database (WAL included) to ``dest``."""
    target = sqlite3.connect(str(dest))
    try:
        with conn.lock:
            conn.raw.backup(target)
    finally:
        target.close()
    return dest


def migrate(conn: Connection, target: int = LATEST) -> Path | None:
    """Apply pending migrations up to ``target``; returns the backup written, if any."""
    current = user_version(conn)
    if current > LATEST:
        raise StoreError(
            "newer_schema",
            f"审核数据库来自更新版本的 xxgk-desk（数据库版本 {current}，本程序支持到 {LATEST}）：{conn.path}。请升级程序。",
        )
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
