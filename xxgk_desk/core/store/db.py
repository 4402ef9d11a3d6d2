"""The SQLite connection: where the file lives, pragmas, write transactions, errors.

Settings and why:

* ``journal_mode=WAL`` — readers never block the writer and a crash leaves either the
  old or the new state, never a torn one.
* ``synchronous=FULL`` — in WAL mode this fsyncs the WAL at every commit. ``NORMAL``
  would already keep every acknowledged commit through a SIGKILL (the WAL frames are in
  the OS page cache before ``COMMIT`` returns) but could lose the last commits on power
  loss or an OS crash. A review is days of work and our commits are small and human-paced,
  so we pay the fsync (about a millisecond on an SSD) for durability against power loss too.
* ``foreign_keys=ON`` and ``busy_timeout`` (5 s by default).
* Every change runs in ``BEGIN IMMEDIATE`` … ``COMMIT`` (:meth:`Connection.write`): the
  write lock is taken up front, so two processes never deadlock on a lock upgrade; a
  second writer waits up to the busy timeout and then gets a :class:`StoreError` with a
  Chinese message (code ``busy``).

One :class:`Connection` may be shared by threads: every call holds its re-entrant lock,
which also makes it the "one writer" of the process. The GUI should still funnel writes
through one worker so the UI thread never waits on a lock.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from xxgk_desk.core.errors import XxgkError

ENV_DB = "XXGK_DESK_DB"
APP_NAME = "xxgk-desk"
DB_FILENAME = "reviews.sqlite3"
BUSY_TIMEOUT_S = 5.0


class StoreError(XxgkError):
    """A store operation failed; ``message`` is one Chinese line for people, ``code`` is stable."""


def default_db_path() -> Path:
    """``$XXGK_DESK_DB`` if set, else ``<user data dir>/xxgk-desk/reviews.sqlite3``."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(path: str | os.PathLike | None = None) -> Path:
    """An explicit path (``--db``) wins over the environment variable and the default."""
    return Path(path).expanduser() if path else default_db_path()


def newer_schema(version: int, newest: int, path: Path | str) -> StoreError:
    return StoreError(
        "newer_schema",
        f"审核数据库来自更新版本的 xxgk-desk（数据库版本 {version}，本程序支持到 {newest}）：{path}。请升级程序。",
    )


def _busy(e: sqlite3.OperationalError) -> bool:
    msg = str(e).lower()
    return "locked" in msg or "busy" in msg


def translate(e: sqlite3.Error, path: Path | str) -> StoreError:
    """A StoreError with a Chinese message for an SQLite error."""
    msg = str(e).lower()
    if isinstance(e, sqlite3.OperationalError) and _busy(e):
        return StoreError(
            "busy",
            f"审核数据库正被另一个程序占用（可能另一个 xxgk-desk 窗口或命令正在写入）：{path}。请稍后重试，或关闭另一个窗口。",
        )
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return StoreError(
            "corrupt",
            f"审核数据库文件已损坏或不是数据库：{path}。请从备份（.bak 文件或导出的审核文件）恢复。",
        )
    if "foreign key" in msg:
        return StoreError(
            "integrity", f"审核记录之间的引用不完整（例如回复的批注不存在），未做任何修改：{path}。"
        )
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return StoreError("readonly", f"无法写入审核数据库：{path}。请检查文件和所在文件夹的权限与剩余空间。")
    if "disk" in msg and "full" in msg:
        return StoreError("disk_full", f"磁盘已满，无法保存审核记录：{path}。请清理磁盘空间后重试。")
    return StoreError("sqlite", f"审核数据库出错（{e}）：{path}。")


class Connection:
    """A sqlite-utils Database plus a lock and the transaction helpers the store uses."""

    def __init__(
        self, path: str | os.PathLike, *, busy_timeout: float = BUSY_TIMEOUT_S, newest: int | None = None
    ) -> None:
        """Open the database. With ``newest`` (the schema version this program knows) the file is
        checked before anything is changed: a newer schema and a damaged file (``PRAGMA
        quick_check``) are refused while the file is still untouched (the journal mode is switched
        to WAL only after)."""
        self.path = Path(path)
        self.lock = threading.RLock()
        if str(path) != ":memory:":
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(
                    "readonly", f"无法创建审核数据库所在的文件夹：{self.path.parent}（{e.strerror or e}）。"
                ) from None
        raw: sqlite3.Connection | None = None
        try:
            raw = sqlite3.connect(
                str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
            self.db = sqlite_utils.Database(raw, execute_plugins=False)
            raw.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            raw.execute("PRAGMA foreign_keys = ON")
            if newest is not None:
                self._check_before_use(raw, newest)
            mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal" and str(path) != ":memory:":
                raise StoreError(
                    "wal",
                    f"审核数据库无法启用 WAL 模式（当前为 {mode}）：{self.path}。请把数据库放在本地磁盘上。",
                )
            raw.execute("PRAGMA synchronous = FULL")
        except (sqlite3.Error, StoreError) as e:
            if raw is not None:
                raw.close()
            if isinstance(e, StoreError):
                raise
            raise translate(e, self.path) from None
        self._depth = 0
        #: Rows that could not be read and were skipped (one Chinese line each, see :meth:`report`).
        self.problems: list[str] = []

    def report(self, message: str) -> None:
        """Note a row that could not be read (it is skipped; callers show ``problems`` to people)."""
        if message not in self.problems and len(self.problems) < 100:
            self.problems.append(message)

    def _check_before_use(self, raw: sqlite3.Connection, newest: int) -> None:
        version = int(raw.execute("PRAGMA user_version").fetchone()[0])
        if version > newest:
            raise newer_schema(version, newest, self.path)
        rows = raw.execute("PRAGMA quick_check").fetchall()
        first = str(rows[0][0]) if rows else "ok"
        if first != "ok":
            raise StoreError(
                "corrupt",
                f"审核数据库已损坏（{first[:80]}），为免损失未打开：{self.path}。"
                "请从备份（notes backup 的副本或 .bak 文件）恢复，或换一个数据库文件。",
            )

    @property
    def raw(self) -> sqlite3.Connection:
        return self.db.conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction (``BEGIN IMMEDIATE``); nested calls join the outer one."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.db
                finally:
                    self._depth -= 1
                return
            try:
                self.raw.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise translate(e, self.path) from None
            self._depth = 1
            try:
                yield self.db
                self.raw.execute("COMMIT")
            except BaseException as e:
                if self.raw.in_transaction:
                    self.raw.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise translate(e, self.path) from e
                raise
            finally:
                self._depth = 0

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows of a read query as dicts."""
        with self.lock:
            try:
                cur = self.raw.execute(sql, params)
                names = [d[0] for d in cur.description or ()]
                return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
            except sqlite3.Error as e:
                raise translate(e, self.path) from e

    def query_one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run one statement (inside :meth:`write` for anything that changes data)."""
        with self.lock:
            try:
                return self.raw.execute(sql, params)
            except sqlite3.Error as e:
                raise translate(e, self.path) from e

    def integrity_check(self) -> str:
        return str(self.raw.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        with self.lock:
            self.raw.close()
