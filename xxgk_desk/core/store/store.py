"""The :class:`Store` facade: one object the GUI and the CLI use for everything stored.

Every mutating method performs one change in one transaction, appends its events in that
same transaction and returns a :class:`~.model.Change` (or a report for bulk work).
``reviewer`` may be passed per call; otherwise the Store's ``reviewer`` is used.
Methods taking ``document`` accept a document id, a :class:`~.model.DocRef` or a loaded
:class:`~xxgk_desk.core.document.Document` (registered on the fly if new).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from xxgk_desk.core.document import Document

from . import (
    conflicts,
    decisions,
    documents,
    events,
    exchange,
    fields,
    notes,
    reanchor,
    reviews,
    schema,
    settings,
    undo,
    w3c,
)
from .batch_cache import BatchCache
from .db import BUSY_TIMEOUT_S, Connection, StoreError, resolve_db_path
from .model import (
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
)
from .schema import migrate

DocLike = str | DocRef | Document


def default_reviewer() -> str:
    """``$XXGK_DESK_REVIEWER`` or the login name."""
    name = os.environ.get("XXGK_DESK_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers, Windows services)
        return "reviewer"


class Store:
    """A reviewer's database of notes, field values, decisions and review states."""

    def __init__(
        self,
        path: str | os.PathLike | None = None,
        *,
        reviewer: str | None = None,
        busy_timeout: float = BUSY_TIMEOUT_S,
    ) -> None:
        self.path: Path = resolve_db_path(path)
        self.conn = Connection(self.path, busy_timeout=busy_timeout, newest=schema.LATEST)
        try:
            self.backup_made: Path | None = migrate(self.conn)
        except BaseException:
            self.conn.close()
            raise
        #: The batch package's caches (workspaces' files, check results, comparisons).
        self.batch_cache = BatchCache(self.conn)
        #: Who signs what this Store writes: the name given, else the one this database keeps,
        #: else the login name (see :attr:`reviewer_name` for whether the database has one).
        self.reviewer = reviewer or self.reviewer_name or default_reviewer()

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _who(self, reviewer: str | None) -> str:
        return reviewer or self.reviewer

    # -- settings of this database ---------------------------------------------------------
    @property
    def reviewer_name(self) -> str | None:
        """The reviewer this database belongs to (None until someone set it)."""
        return settings.get(self.conn, settings.REVIEWER)

    def set_reviewer_name(self, name: str) -> None:
        """Sign this database's notes with ``name`` from now on (kept in the database, not the computer)."""
        name = name.strip()
        if not name:
            raise StoreError("invalid", "审核人姓名不能为空。")
        settings.put(self.conn, settings.REVIEWER, name)
        self.reviewer = name

    def setting(self, key: str, default: str | None = None) -> str | None:
        return settings.get(self.conn, key, default)

    def settings(self) -> dict[str, str]:
        return settings.get_all(self.conn)

    def set_setting(self, key: str, value: str | None) -> None:
        settings.put(self.conn, key, value)

    @property
    def problems(self) -> list[str]:
        """Rows that could not be read and were skipped since the store was opened (one Chinese
        line each): show them, the rest of the review is usable."""
        return list(self.conn.problems)

    def integrity_check(self) -> str:
        """``"ok"`` when SQLite finds the file sound."""
        return self.conn.integrity_check()

    def backup(self, dest: str | os.PathLike) -> Path:
        """A consistent copy of the whole database (safe while it is in use)."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise StoreError("invalid", "备份文件不能与审核数据库是同一个文件。")
        dest.parent.mkdir(parents=True, exist_ok=True)
        return schema.backup(self.conn, dest)

    # -- documents -------------------------------------------------------------------------
    def register_version(
        self,
        doc: Document,
        institution: str | None = None,
        year: int | None = None,
        *,
        title: str | None = None,
        reviewer: str | None = None,
    ) -> DocRef:
        """Find or create the report for ``doc`` and re-anchor its notes on ``doc.text``.

        Known file SHA-256 → its report (institution/year/title filled in if still empty);
        else institution + year of an existing report → a new version of it; else a new
        report. ``DocRef.reanchor`` tells how the notes landed on this text.
        """
        ref, _ = documents.register_version(self.conn, doc, institution, year, self._who(reviewer), title)
        report = reanchor.anchor_notes(self.conn, ref.id, doc, self._who(reviewer))
        return replace(ref, reanchor=report)

    def document_id(self, document: DocLike) -> str:
        if isinstance(document, str):
            return document
        if isinstance(document, DocRef):
            return document.id
        v = documents.find_version(self.conn, document.file_sha256)
        return v.document_id if v else self.register_version(document).id

    def get_document(self, document: DocLike) -> DocumentInfo:
        return documents.get_document(self.conn, self.document_id(document))

    def list_documents(self) -> list[DocumentInfo]:
        return documents.list_documents(self.conn)

    def find_document(self, file_sha256: str) -> str | None:
        """The report id a file SHA-256 belongs to, if registered."""
        v = documents.find_version(self.conn, file_sha256)
        return v.document_id if v else None

    def update_document(self, document: DocLike, *, reviewer: str | None = None, **fields: Any) -> Change:
        """Correct ``institution``, ``year`` or ``title``."""
        return documents.update_document(self.conn, self._who(reviewer), self.document_id(document), **fields)

    def anchor_notes(
        self, doc: Document, *, force: bool = False, reviewer: str | None = None
    ) -> AnchorReport:
        """(Re-)anchor the notes of ``doc``'s report on ``doc.text`` (see reanchor.py)."""
        return reanchor.anchor_notes(self.conn, self.document_id(doc), doc, self._who(reviewer), force=force)

    # -- notes -----------------------------------------------------------------------------
    def add_note(
        self,
        document: DocLike,
        start: int | None = None,
        end: int | None = None,
        *,
        reviewer: str | None = None,
        **draft: Any,
    ) -> Change:
        """A note on ``document.text[start:end]`` (pass the loaded Document), or about the
        whole document / ``part`` when ``start``/``end`` are None; ``draft`` holds the fields of
        :class:`NoteDraft` (body, category, severity, …). ``Change.after`` is the note."""
        doc = document if isinstance(document, Document) else None
        return notes.create(
            self.conn,
            self._who(reviewer),
            self.document_id(document),
            NoteDraft(**draft),
            doc=doc,
            start=start,
            end=end,
        )

    def reply(self, parent_id: str, body: str, *, reviewer: str | None = None) -> Change:
        return notes.reply(self.conn, self._who(reviewer), parent_id, body)

    def update_note(self, note_id: str, *, reviewer: str | None = None, **fields: Any) -> Change:
        """Edit body/category/severity/status/section/part/tags; ``before`` has the old values."""
        return notes.update(self.conn, self._who(reviewer), note_id, **fields)

    def set_note_status(self, note_id: str, status: str, *, reviewer: str | None = None) -> Change:
        return notes.update(self.conn, self._who(reviewer), note_id, status=status)

    def delete_note(self, note_id: str, *, reviewer: str | None = None) -> Change:
        return notes.delete(self.conn, self._who(reviewer), note_id)

    def restore_note(self, note_id: str, *, reviewer: str | None = None) -> Change:
        return notes.restore(self.conn, self._who(reviewer), note_id)

    def reattach_note(
        self, note_id: str, doc: Document, start: int, end: int, *, reviewer: str | None = None
    ) -> Change:
        """Attach a note by hand to ``doc.text[start:end]`` (method ``manual``)."""
        return notes.reattach(self.conn, self._who(reviewer), note_id, doc, start, end)

    def resolve_note_id(self, prefix: str) -> str:
        """The full id of the note whose id starts with ``prefix`` (at least 4 characters)."""
        p = prefix.strip().lower()
        rows = (
            self.conn.query("SELECT id FROM notes WHERE id LIKE ? LIMIT 2", [p.replace("%", "") + "%"])
            if len(p) >= 4
            else []
        )
        if len(rows) != 1:
            why = "有多条批注以此开头，请写得更长一些" if rows else "没有这样的批注"
            raise StoreError("not_found", f"找不到批注“{prefix}”：{why}。")
        return rows[0]["id"]

    def get_note(self, note_id: str, doc: Document | None = None) -> Note:
        return notes.get(self.conn, note_id, doc.text_sha256 if doc else None)

    def list_notes(
        self,
        document: DocLike,
        *,
        include_deleted: bool = False,
        status: str | None = None,
        category: str | None = None,
    ) -> list[Note]:
        """The report's notes (replies and conflict copies included) in creation order.

        Given a Document, each span note carries its ``anchor`` on that text; it is None
        until ``register_version``/``anchor_notes`` has placed the note there (call
        ``anchor_notes(doc)`` after an import while a report is open)."""
        text = document.text_sha256 if isinstance(document, Document) else None
        return notes.list_notes(
            self.conn,
            self.document_id(document),
            text,
            include_deleted=include_deleted,
            status=status,
            category=category,
        )

    def orphans(self, doc: Document) -> list[Note]:
        """Notes that could not be placed on ``doc.text`` (to re-attach by hand); anchors
        missing since the last ``register_version`` (an import, say) are computed first."""
        self.anchor_notes(doc)
        return [n for n in self.list_notes(doc) if n.anchor is not None and n.anchor.is_orphan]

    # -- fields, decisions, review state ---------------------------------------------------
    def set_field(self, document: DocLike, key: str, *, reviewer: str | None = None, **kw: Any) -> Change:
        """``value=``, ``extracted=``, ``status=`` (reviewed/unreviewed); full records in the Change."""
        return fields.set_field(self.conn, self._who(reviewer), self.document_id(document), key, **kw)

    def get_field(self, document: DocLike, key: str) -> FieldValue | None:
        return fields.get_field(self.conn, self.document_id(document), key)

    def list_fields(self, document: DocLike) -> dict[str, FieldValue]:
        return fields.list_fields(self.conn, self.document_id(document))

    def accept_finding(
        self, document: DocLike, finding_id: str, *, reviewer: str | None = None, **note: Any
    ) -> Change:
        """Accept a finding as a note (``start``, ``end`` and the fields of :class:`NoteDraft`);
        pass the Document for a span. The note is in ``related``."""
        doc = document if isinstance(document, Document) else None
        start, end = note.pop("start", None), note.pop("end", None)
        return decisions.accept(
            self.conn,
            self._who(reviewer),
            self.document_id(document),
            finding_id,
            NoteDraft(**note),
            doc=doc,
            start=start,
            end=end,
        )

    def dismiss_finding(
        self, document: DocLike, finding_id: str, reason: str, *, reviewer: str | None = None
    ) -> Change:
        return decisions.dismiss(
            self.conn, self._who(reviewer), self.document_id(document), finding_id, reason
        )

    def reset_finding(self, document: DocLike, finding_id: str, *, reviewer: str | None = None) -> Change:
        return decisions.reset(self.conn, self._who(reviewer), self.document_id(document), finding_id)

    def get_decision(self, document: DocLike, finding_id: str) -> Decision | None:
        return decisions.get_decision(self.conn, self.document_id(document), finding_id)

    def list_decisions(self, document: DocLike) -> dict[str, Decision]:
        return decisions.list_decisions(self.conn, self.document_id(document))

    def set_review(self, document: DocLike, *, reviewer: str | None = None, **kw: Any) -> Change:
        """``state=`` (unreviewed/in_progress/done or 未审/审核中/已完成), ``conclusion=``, ``summary=``."""
        return reviews.set_review(self.conn, self._who(reviewer), self.document_id(document), **kw)

    def get_review(self, document: DocLike) -> ReviewState:
        return reviews.get_review(self.conn, self.document_id(document))

    # -- history -----------------------------------------------------------------------------
    def events(self, document: DocLike | None = None, **kw: Any) -> list[Event]:
        """The event log (filters: ``kind``, ``entity_id``, ``since`` seq, ``limit``)."""
        did = self.document_id(document) if document is not None else None
        return events.list_events(self.conn, document_id=did, **kw)

    def undo(self, change: Change, *, reviewer: str | None = None) -> Change:
        """Write back ``change.before`` (and undo its ``related`` changes)."""
        return undo.apply_inverse(self.conn, self._who(reviewer), change)

    def redo(self, change: Change, *, reviewer: str | None = None) -> Change:
        """Write ``change.after`` again."""
        return undo.apply_inverse(self.conn, self._who(reviewer), change, redo=True)

    # -- exchange ----------------------------------------------------------------------------
    def export_review(
        self, documents: list[DocLike] | None = None, *, include_events: bool = False
    ) -> dict[str, Any]:
        ids = None if documents is None else [self.document_id(d) for d in documents]
        return exchange.export_review(self.conn, ids, include_events=include_events, actor=self.reviewer)

    def export_review_file(
        self, path: str | os.PathLike, documents: list[DocLike] | None = None, *, include_events: bool = False
    ) -> Path:
        return exchange.write_review_file(self.export_review(documents, include_events=include_events), path)

    def import_review(
        self, source: str | os.PathLike | dict[str, Any], *, reviewer: str | None = None
    ) -> exchange.ImportReport:
        """Merge a review file (path or dict) into this database; see exchange.py."""
        data = source if isinstance(source, dict) else exchange.read_review_file(source)
        return exchange.import_review(self.conn, data, self._who(reviewer))

    def list_conflicts(self, document: DocLike | None = None) -> list[Conflict]:
        return conflicts.list_conflicts(
            self.conn, self.document_id(document) if document is not None else None
        )

    def resolve_conflict(self, conflict_id: str, keep: str, *, reviewer: str | None = None) -> Change:
        """``keep="local"`` or ``"theirs"``."""
        return conflicts.resolve(self.conn, self._who(reviewer), conflict_id, keep)

    def w3c_annotations(self, document: DocLike) -> dict[str, Any]:
        """The report's notes as a W3C AnnotationCollection (positions on a given Document)."""
        doc = document if isinstance(document, Document) else None
        return w3c.collection(self.conn, self.document_id(document), doc)


__all__ = ["DocLike", "Store", "StoreError", "default_reviewer"]
