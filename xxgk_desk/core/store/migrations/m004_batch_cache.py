"""v4: what batch review (``xxgk_desk.core.batch``) keeps next to the reviews.

* ``check_results`` — the engine's summary of one file version (the public JSON of
  ``check --json``), its canonical text (zlib) and page map, keyed by the file SHA-256 and
  stamped with the engine fingerprint that made it: re-adding an unchanged file costs nothing.
* ``workspace_files`` — which files (by path) a named workspace holds, with the size and
  mtime last seen (so an unchanged file is not even hashed again) and the read error, if any.
* ``comparisons`` — the year-over-year comparison of two file versions (per-section
  similarity and the findings it produced), so the overview does not recompute it.

All three are caches of what the engine computes: none is exported in review files, and
dropping their rows loses no reviewer's work.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 4


def up(db: sqlite_utils.Database) -> None:
    db.table("check_results").create(
        {
            "file_sha256": str,
            "engine": str,
            "checked_at": str,
            "seconds": float,
            "summary": str,
            "text": bytes,
            "pages": str,
        },
        pk="file_sha256",
        not_null={"engine", "checked_at", "summary"},
        foreign_keys=[("file_sha256", "versions", "file_sha256")],
    )
    db.table("workspace_files").create(
        {
            "workspace": str,
            "path": str,
            "file_sha256": str,
            "size": int,
            "mtime_ns": int,
            "added_at": str,
            "checked_at": str,
            "error": str,
            "error_code": str,
        },
        pk=("workspace", "path"),
        not_null={"added_at"},
    )
    db.table("workspace_files").create_index(["file_sha256"], index_name="workspace_files_sha")
    db.table("comparisons").create(
        {
            "older_sha256": str,
            "newer_sha256": str,
            "engine": str,
            "computed_at": str,
            "result": str,
        },
        pk=("older_sha256", "newer_sha256"),
        not_null={"engine", "computed_at", "result"},
    )
