"""v2: free tags on notes (a JSON list) and the indexes per-document queries need."""

from __future__ import annotations

import sqlite_utils

VERSION = 2


def up(db: sqlite_utils.Database) -> None:
    db.table("notes").add_column("tags", str, not_null_default="[]")
    db.table("notes").create_index(["document_id", "created_at"], index_name="notes_document")
    db.table("notes").create_index(["conflict_of"], index_name="notes_conflict_of")
    db.table("notes").create_index(["parent_id"], index_name="notes_parent")
    db.table("versions").create_index(["document_id"], index_name="versions_document")
    db.table("anchors").create_index(["text_sha256"], index_name="anchors_text")
    db.table("events").create_index(["document_id", "seq"], index_name="events_document")
    db.table("events").create_index(["kind", "entity_id"], index_name="events_entity")
