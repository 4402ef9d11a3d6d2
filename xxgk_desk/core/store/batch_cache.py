"""What batch review keeps beside the reviews (store v4): workspaces' files, check results, comparisons.

Caches of what the engine computes, keyed by file SHA-256 and the engine fingerprint: dropping a
row loses no reviewer's work. The batch package reads and writes them through this module only
(SQL lives in ``core/store``); each write is its own transaction unless the caller holds
:meth:`BatchCache.transaction`.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .db import Connection
from .model import now


def _like_prefix(path: str) -> str:
    """A LIKE pattern for every path under the folder ``path``."""
    esc = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return esc.rstrip("/" + os.sep) + os.sep + "%"


class BatchCache:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes as one (they all happen or none)."""
        with self.conn.write():
            yield

    # -- a workspace's files -------------------------------------------------------------------
    def files(self, workspace: str) -> list[dict[str, Any]]:
        """path, file_sha256, size, mtime_ns, added_at, checked_at, error, error_code — by path."""
        return self.conn.query("SELECT * FROM workspace_files WHERE workspace = ? ORDER BY path", [workspace])

    def file(self, workspace: str, path: str) -> dict[str, Any] | None:
        return self.conn.query_one(
            "SELECT * FROM workspace_files WHERE workspace = ? AND path = ?", [workspace, path]
        )

    def forget_file(self, workspace: str, path: str) -> None:
        with self.conn.write():
            self.conn.execute(
                "DELETE FROM workspace_files WHERE workspace = ? AND path = ?", [workspace, path]
            )

    def forget_under(self, workspace: str, path: str) -> int:
        """Forget ``path`` and, if it is a folder, every file under it; how many were forgotten."""
        with self.conn.write():
            cur = self.conn.execute(
                "DELETE FROM workspace_files WHERE workspace = ? AND (path = ? OR path LIKE ? ESCAPE '\\')",
                [workspace, path, _like_prefix(path)],
            )
        return int(cur.rowcount)

    def put_file(
        self,
        workspace: str,
        path: str,
        sha: str | None,
        size: int | None,
        mtime: int | None,
        *,
        checked_at: str | None,
        error: str | None,
        code: str | None,
    ) -> None:
        with self.conn.write():
            self.conn.execute(
                "INSERT INTO workspace_files (workspace, path, file_sha256, size, mtime_ns, added_at, checked_at,"
                " error, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(workspace, path) DO UPDATE SET file_sha256 = excluded.file_sha256,"
                " size = excluded.size, mtime_ns = excluded.mtime_ns,"
                " checked_at = COALESCE(excluded.checked_at, workspace_files.checked_at),"
                " error = excluded.error, error_code = excluded.error_code",
                [workspace, path, sha, size, mtime, now(), checked_at, error, code],
            )

    # -- check results ---------------------------------------------------------------------------
    def is_checked(self, sha: str, engine: str) -> bool:
        """Whether ``engine`` already checked this file version."""
        return (
            self.conn.query_one(
                "SELECT 1 AS hit FROM check_results WHERE file_sha256 = ? AND engine = ?", [sha, engine]
            )
            is not None
        )

    def put_result(
        self,
        sha: str,
        engine: str,
        checked_at: str,
        seconds: float,
        summary: dict[str, Any],
        text: str,
        pages,
    ) -> None:
        with self.conn.write():
            self.conn.execute(
                "INSERT OR REPLACE INTO check_results (file_sha256, engine, checked_at, seconds, summary, text, pages)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    sha,
                    engine,
                    checked_at,
                    seconds,
                    json.dumps(summary, ensure_ascii=False, separators=(",", ":")),
                    zlib.compress(text.encode("utf-8"), 6),
                    json.dumps(list(pages)),
                ],
            )

    def summary(self, sha: str) -> dict[str, Any] | None:
        """The public JSON (``check --json``) cached for a file version."""
        row = self.conn.query_one("SELECT summary FROM check_results WHERE file_sha256 = ?", [sha])
        return json.loads(row["summary"]) if row else None

    def text(self, sha: str) -> str | None:
        row = self.conn.query_one("SELECT text FROM check_results WHERE file_sha256 = ?", [sha])
        if not row or row["text"] is None:
            return None
        return zlib.decompress(row["text"]).decode("utf-8")

    def pages(self, sha: str) -> list[tuple[int, int, int]]:
        row = self.conn.query_one("SELECT pages FROM check_results WHERE file_sha256 = ?", [sha])
        return [(int(n), int(s), int(e)) for n, s, e in json.loads(row["pages"] or "[]")] if row else []

    def summaries(self, shas: Sequence[str]) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
        """(sha, engine, checked_at, summary) of the cached versions among ``shas``."""
        for i in range(0, len(shas), 500):
            chunk = list(shas[i : i + 500])
            rows = self.conn.query(
                f"SELECT file_sha256, engine, checked_at, summary FROM check_results"
                f" WHERE file_sha256 IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for r in rows:
                yield r["file_sha256"], r["engine"], r["checked_at"], json.loads(r["summary"])

    # -- year-over-year comparisons ------------------------------------------------------------------
    def comparison(self, older: str, newer: str, engine: str) -> dict[str, Any] | None:
        row = self.conn.query_one(
            "SELECT result FROM comparisons WHERE older_sha256 = ? AND newer_sha256 = ? AND engine = ?",
            [older, newer, engine],
        )
        return json.loads(row["result"]) if row else None

    def put_comparison(self, older: str, newer: str, engine: str, result: dict[str, Any]) -> None:
        with self.conn.write():
            self.conn.execute(
                "INSERT OR REPLACE INTO comparisons (older_sha256, newer_sha256, engine, computed_at, result)"
                " VALUES (?, ?, ?, ?, ?)",
                [older, newer, engine, now(), json.dumps(result, ensure_ascii=False)],
            )
