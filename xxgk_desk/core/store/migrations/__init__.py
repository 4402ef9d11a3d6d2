"""Numbered schema migrations: ``mNNN_<name>.py`` each with ``VERSION`` and ``up(db)``.

A migration moves the database from ``VERSION - 1`` to ``VERSION`` and is never edited
once released: fix mistakes with a new migration. ``PRAGMA user_version`` holds the
version; :func:`xxgk_desk.core.store.schema.migrate` runs the pending ones, each in its
own transaction, after copying the file. Add a new migration to :data:`MIGRATIONS` and a
``populate`` step for its version in tests/core/store/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from . import m001_initial, m002_tags_and_indexes, m003_selector_hash, m004_batch_cache, m005_settings

Migration = Callable[[sqlite_utils.Database], None]

MIGRATIONS: tuple[tuple[int, str, Migration], ...] = tuple(
    (m.VERSION, m.__name__.rsplit(".", 1)[-1], m.up)
    for m in (m001_initial, m002_tags_and_indexes, m003_selector_hash, m004_batch_cache, m005_settings)
)
LATEST = MIGRATIONS[-1][0]

assert [v for v, _, _ in MIGRATIONS] == list(range(1, LATEST + 1)), "migrations must be numbered 1, 2, 3…"
