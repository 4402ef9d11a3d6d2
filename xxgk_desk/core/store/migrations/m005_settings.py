"""v5: ``settings`` — what belongs to this review database rather than to the computer.

The reviewer's name (who signs the notes of this database) and the issuing department's letter
settings (发文机关, 发文字号, 联系人, 电话, 整改期限…) live here, so two people with two databases on
one computer never sign each other's notes. One row per key; values are text (JSON for
structured ones). Not exported in review files.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 5


def up(db: sqlite_utils.Database) -> None:
    db.table("settings").create(
        {"key": str, "value": str, "updated_at": str}, pk="key", not_null={"updated_at"}
    )
