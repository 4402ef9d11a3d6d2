"""v1: documents and their versions, notes with selectors, anchors per text, field values,
finding decisions, review states, conflicts and the append-only event log."""

from __future__ import annotations

import sqlite_utils

VERSION = 1

MERGEABLE = {"rev": str, "history": str}  # content hash and the hashes it descends from


def up(db: sqlite_utils.Database) -> None:
    db.table("documents").create(
        {"id": str, "institution": str, "year": int, "title": str, "created_at": str, "updated_at": str},
        pk="id",
        not_null={"created_at", "updated_at"},
    )
    db.execute(
        "CREATE UNIQUE INDEX documents_report ON documents(institution, year)"
        " WHERE institution IS NOT NULL AND year IS NOT NULL"
    )
    db.table("versions").create(
        {
            "file_sha256": str,
            "document_id": str,
            "text_sha256": str,
            "path": str,
            "kind": str,
            "pages": int,
            "extractor": str,
            "text_length": int,
            "added_at": str,
            "last_seen_at": str,
        },
        pk="file_sha256",
        not_null={"document_id", "text_sha256"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("notes").create(
        {
            "id": str,
            "document_id": str,
            "parent_id": str,
            "conflict_of": str,
            "finding_id": str,
            "text_sha256": str,
            "pos_start": int,
            "pos_end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "page": int,
            "section": str,
            "part": str,
            "category": str,
            "severity": str,
            "status": str,
            "body": str,
            "reviewer": str,
            "created_at": str,
            "updated_at": str,
            "updated_by": str,
            "deleted_at": str,
            **MERGEABLE,
        },
        pk="id",
        not_null={
            "document_id",
            "category",
            "severity",
            "status",
            "body",
            "created_at",
            "updated_at",
            "rev",
            "history",
        },
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("parent_id", "notes", "id"),
            ("conflict_of", "notes", "id"),
        ],
    )
    db.table("anchors").create(
        {
            "note_id": str,
            "text_sha256": str,
            "pos_start": int,
            "pos_end": int,
            "page": int,
            "status": str,
            "method": str,
            "score": float,
            "sel_hash": str,
            "anchored_at": str,
        },
        pk=("note_id", "text_sha256"),
        not_null={"status"},
        foreign_keys=[("note_id", "notes", "id")],
    )
    db.table("field_values").create(
        {
            "document_id": str,
            "key": str,
            "extracted": str,
            "value": str,
            "status": str,
            "reviewer": str,
            "updated_at": str,
            **MERGEABLE,
        },
        pk=("document_id", "key"),
        not_null={"status", "rev", "history"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("decisions").create(
        {
            "document_id": str,
            "finding_id": str,
            "decision": str,
            "reason": str,
            "note_id": str,
            "reviewer": str,
            "updated_at": str,
            **MERGEABLE,
        },
        pk=("document_id", "finding_id"),
        not_null={"decision", "rev", "history"},
        foreign_keys=[("document_id", "documents", "id"), ("note_id", "notes", "id")],
    )
    db.table("review_states").create(
        {
            "document_id": str,
            "state": str,
            "conclusion": str,
            "summary": str,
            "reviewer": str,
            "updated_at": str,
            **MERGEABLE,
        },
        pk="document_id",
        not_null={"state", "rev", "history"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("conflicts").create(
        {
            "id": str,
            "kind": str,
            "document_id": str,
            "entity_key": str,
            "theirs": str,
            "theirs_rev": str,
            "created_at": str,
            "resolved_at": str,
            "resolution": str,
        },
        pk="id",
        not_null={"kind", "entity_key", "theirs", "theirs_rev", "created_at"},
    )
    db.execute(
        """CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tx TEXT NOT NULL,
            ts TEXT NOT NULL,
            actor TEXT,
            op TEXT NOT NULL,
            kind TEXT NOT NULL,
            entity_id TEXT,
            document_id TEXT,
            before TEXT,
            after TEXT
        )"""
    )
    db.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
        " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
        " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
