"""Reports and their versions.

A *document* is the report (institution + year); each file, identified by its SHA-256,
is a *version* of it. Notes, field values, decisions and the review state belong to the
document, so they follow the report onto a revised PDF. A version row also records the
canonical text (``text_sha256``) its offsets refer to; when the same file is read again by
a better extractor, the version's text changes and the notes are re-anchored onto it.
"""

from __future__ import annotations

import uuid
from dataclasses import fields
from typing import Any

from xxgk_desk.core.document import Document

from . import events
from .db import Connection, StoreError
from .model import Change, DocRef, DocumentInfo, VersionInfo, now

_VERSION_META = ("text_sha256", "kind", "pages", "extractor", "text_length")


def _version(row: dict[str, Any]) -> VersionInfo:
    return VersionInfo(**{f.name: row[f.name] for f in fields(VersionInfo)})


def _document(conn: Connection, row: dict[str, Any]) -> DocumentInfo:
    versions = conn.query(
        "SELECT * FROM versions WHERE document_id = ? ORDER BY added_at, file_sha256", [row["id"]]
    )
    return DocumentInfo(
        id=row["id"],
        institution=row["institution"],
        year=row["year"],
        title=row["title"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        versions=tuple(_version(v) for v in versions),
    )


def get_document(conn: Connection, document_id: str) -> DocumentInfo:
    row = conn.query_one("SELECT * FROM documents WHERE id = ?", [document_id])
    if row is None:
        raise StoreError("not_found", f"审核数据库中没有这份报告（{document_id}）。")
    return _document(conn, row)


def list_documents(conn: Connection) -> list[DocumentInfo]:
    """Every report; a row that cannot be used (a year that is not a number…) is skipped and
    reported on ``conn.problems``."""
    rows = conn.query("SELECT * FROM documents ORDER BY institution, year, created_at, id")
    return [_document(conn, r) for r in rows if usable(conn, r)]


def usable(conn: Connection, row: dict[str, Any]) -> bool:
    from .review_schema import DocumentRec, row_problem

    problem = row_problem(DocumentRec, {k: row[k] for k in ("id", "institution", "year", "title")} | {
        "created_at": row["created_at"], "updated_at": row["updated_at"]})  # fmt: skip
    if problem:
        conn.report(f"审核数据库中的报告 {str(row['id'])[:8]} 无法读取，已跳过（{problem}）。")
    return problem is None


def find_version(conn: Connection, file_sha256: str) -> VersionInfo | None:
    row = conn.query_one("SELECT * FROM versions WHERE file_sha256 = ?", [file_sha256])
    return _version(row) if row else None


def find_report(conn: Connection, institution: str | None, year: int | None) -> str | None:
    if not institution or year is None:
        return None
    row = conn.query_one("SELECT id FROM documents WHERE institution = ? AND year = ?", [institution, year])
    return row["id"] if row else None


def _meta(doc: Document) -> dict[str, Any]:
    return {
        "text_sha256": doc.text_sha256,
        "kind": doc.kind,
        "pages": doc.page_count,
        "extractor": doc.extractor,
        "text_length": len(doc.text),
    }


def register_version(
    conn: Connection,
    doc: Document,
    institution: str | None,
    year: int | None,
    actor: str | None,
    title: str | None = None,
) -> tuple[DocRef, list[Change]]:
    """Find or create the report and version for ``doc`` (see ``Store.register_version``)."""
    ts = now()
    tx = events.new_tx()
    changes: list[Change] = []

    def log(op: str, kind: str, entity_id: str, doc_id: str, before: Any = None, after: Any = None) -> None:
        """One change of this registration (one transaction, one actor, one time)."""
        changes.append(
            events.change(
                conn,
                tx=tx,
                actor=actor,
                op=op,
                kind=kind,
                entity_id=entity_id,
                document_id=doc_id,
                before=before,
                after=after,
                ts=ts,
            )
        )

    with conn.write():
        v = find_version(conn, doc.file_sha256)
        new_doc = new_version = False
        if v is not None:
            doc_id = v.document_id
            meta = _meta(doc)
            old = {k: getattr(v, k) for k in _VERSION_META}
            diff_before = {k: old[k] for k in _VERSION_META if old[k] != meta[k]}
            conn.execute(
                "UPDATE versions SET path = ?, last_seen_at = ?, text_sha256 = ?, kind = ?, pages = ?,"
                " extractor = ?, text_length = ? WHERE file_sha256 = ?",
                [doc.path, ts, *(meta[k] for k in _VERSION_META), doc.file_sha256],
            )
            if diff_before:  # same file, new canonical text (a better extractor)
                after = {k: meta[k] for k in diff_before}
                log("update", "version", doc.file_sha256, doc_id, diff_before, after)
        else:
            found = find_report(conn, institution, year)
            doc_id = found if found is not None else str(uuid.uuid4())
            if found is None:
                row = {
                    "id": doc_id,
                    "institution": institution or None,
                    "year": year,
                    "title": title,
                    "created_at": ts,
                    "updated_at": ts,
                }
                conn.db.table("documents").insert(row)
                log("create", "document", doc_id, doc_id, after=row)
                new_doc = True
            vrow = {"file_sha256": doc.file_sha256, "document_id": doc_id, "path": doc.path, **_meta(doc)}
            vrow |= {"added_at": ts, "last_seen_at": ts}
            conn.db.table("versions").insert(vrow)
            log("create", "version", doc.file_sha256, doc_id, after=vrow)
            new_version = True
        if not new_doc:
            filled = _fill_identity(conn, doc_id, institution, year, title, actor, tx, ts)
            if filled:
                changes.append(filled)
        info = conn.query_one("SELECT institution, year FROM documents WHERE id = ?", [doc_id])
    assert info is not None
    ref = DocRef(
        id=doc_id,
        file_sha256=doc.file_sha256,
        text_sha256=doc.text_sha256,
        institution=info["institution"],
        year=info["year"],
        new_document=new_doc,
        new_version=new_version,
    )
    return ref, changes


def _fill_identity(
    conn: Connection,
    doc_id: str,
    institution: str | None,
    year: int | None,
    title: str | None,
    actor: str | None,
    tx: str,
    ts: str,
) -> Change | None:
    """Fill in institution/year/title the document does not have yet (never overwrite)."""
    row = conn.query_one("SELECT institution, year, title FROM documents WHERE id = ?", [doc_id])
    assert row is not None
    want = {"institution": institution or None, "year": year, "title": title}
    after = {k: v for k, v in want.items() if v is not None and row[k] is None}
    if "institution" in after or "year" in after:
        inst, yr = after.get("institution", row["institution"]), after.get("year", row["year"])
        if find_report(conn, inst, yr) not in (None, doc_id):
            after.pop("institution", None)
            after.pop("year", None)
    if not after:
        return None
    before = {k: row[k] for k in after}
    conn.db.table("documents").update(doc_id, {**after, "updated_at": ts})
    return events.change(
        conn,
        tx=tx,
        actor=actor,
        op="update",
        kind="document",
        entity_id=doc_id,
        document_id=doc_id,
        before=before,
        after=after,
        ts=ts,
    )


def update_document(conn: Connection, actor: str | None, document_id: str, **fields: Any) -> Change:
    """Correct a report's institution, year or title."""
    unknown = set(fields) - {"institution", "year", "title"}
    if unknown:
        raise ValueError(f"cannot update document fields {sorted(unknown)}")
    with conn.write():
        info = get_document(conn, document_id)
        before = {k: getattr(info, k) for k in fields}
        inst, yr = fields.get("institution", info.institution), fields.get("year", info.year)
        if find_report(conn, inst, yr) not in (None, document_id):
            raise StoreError("exists", f"审核数据库中已有 {inst} {yr} 年度的报告，不能重复。")
        ts = now()
        conn.db.table("documents").update(document_id, {**fields, "updated_at": ts})
        change = events.change(
            conn,
            tx=events.new_tx(),
            actor=actor,
            op="update",
            kind="document",
            entity_id=document_id,
            document_id=document_id,
            before=before,
            after=dict(fields),
            ts=ts,
        )
    return change
