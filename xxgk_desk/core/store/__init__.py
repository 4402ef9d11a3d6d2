"""The review store: notes, corrected fields, finding decisions and review states in a local
SQLite database that survive re-extraction, crashes and merges. No Qt.

Quick use::

    from xxgk_desk.core.store import Store
    with Store() as store:                           # default_db_path(); or Store(path)
        ref = store.register_version(doc, "某某大学", 2024)   # report + version; re-anchors notes
        ch = store.add_note(doc, 120, 135, body="数字与表格不符", category="data_error", severity="error")
        store.set_note_status(ch.id, "resolved")
        for note in store.list_notes(doc):         # note.anchor: where it sits in doc.text
            ...
        store.export_review_file("review.json")    # another reviewer: store.import_review("review.json")

Modules: ``db`` (connection, pragmas, errors, default path), ``schema`` + ``migrations/``
(numbered, backup first), ``model`` (records, vocabularies, Change), ``documents``,
``notes``, ``anchoring`` (pure re-anchoring), ``reanchor`` (anchors per text version),
``fields``, ``decisions``, ``reviews``, ``events`` (append-only log), ``undo``,
``exchange`` (review files, merging), ``conflicts``, ``w3c`` (Web Annotation JSON).
"""

from .anchoring import AnchorResult, Selector, anchor, anchor_many, make_selector
from .db import ENV_DB, StoreError, default_db_path
from .exchange import FORMAT, FORMAT_VERSION, ImportReport, read_review_file, write_review_file
from .migrations import LATEST as SCHEMA_VERSION
from .model import (
    CATEGORIES,
    CONCLUSIONS,
    DECISIONS,
    FIELD_STATUSES,
    NOTE_STATUSES,
    REVIEW_STATES,
    SEVERITIES,
    Anchor,
    AnchorReport,
    Change,
    Conflict,
    Decision,
    DocRef,
    DocumentInfo,
    Event,
    FieldValue,
    Note,
    ReviewState,
    VersionInfo,
    vocabulary,
)
from .store import DocLike, Store, default_reviewer

__all__ = [
    "CATEGORIES",
    "CONCLUSIONS",
    "DECISIONS",
    "ENV_DB",
    "FIELD_STATUSES",
    "FORMAT",
    "FORMAT_VERSION",
    "NOTE_STATUSES",
    "REVIEW_STATES",
    "SCHEMA_VERSION",
    "SEVERITIES",
    "Anchor",
    "AnchorReport",
    "AnchorResult",
    "Change",
    "Conflict",
    "Decision",
    "DocLike",
    "DocRef",
    "DocumentInfo",
    "Event",
    "FieldValue",
    "ImportReport",
    "Note",
    "ReviewState",
    "Selector",
    "Store",
    "StoreError",
    "VersionInfo",
    "anchor",
    "anchor_many",
    "default_db_path",
    "default_reviewer",
    "make_selector",
    "read_review_file",
    "vocabulary",
    "write_review_file",
]
