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

Contracts for the GUI and the exporter:

* Offsets are code points into ``Document.text`` (convert to UTF-16 only in gui/offsets.py).
* Every mutating ``Store`` method is one transaction + its events and returns a
  :class:`Change` ``(kind, op, ids, document_id, before, after, related, seq)``: refresh what
  ``kind``/``ids`` name; ``store.undo(change)`` / ``store.redo(change)`` for QUndoStack
  (notes are never removed: undoing a creation soft-deletes). ``before``/``after`` are the
  changed attributes of a note (whole records for create and for fields/decisions/reviews).
* ``register_version(doc, institution, year)`` → :class:`DocRef` (``.reanchor`` is an
  :class:`AnchorReport`). Call it when a file is opened; call ``anchor_notes(doc)`` after an
  import while that file is open.
* A :class:`Note` keeps the reviewer's selectors (``start``/``end``/``quote``/``page`` on
  ``text_sha256``); ``note.anchor`` (:class:`Anchor`: status anchored/fuzzy/orphan, method
  position/exact/fuzzy/manual, score, start, end, page) is where it sits in the text asked for.
* Errors for people are :class:`StoreError` with a Chinese ``message`` and a stable ``code``
  (``busy``, ``not_found``, ``invalid``, ``bad_span``, ``exists``, ``format``, ``corrupt``…).
* A ``Store`` may be used from several threads (calls are serialised); run writes off the
  UI thread. Ids for category/severity/status/state/conclusion come from
  resources/rules/categories.yaml (``vocabulary(kind)``); Chinese labels are accepted too.

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
    NoteDraft,
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
    "NoteDraft",
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
