"""Review files: moving reviews between reviewers' databases.

A review file is one UTF-8 JSON object::

    {"format": "xxgk-desk-review", "format_version": 1, "schema_version": 2,
     "app_version": "…", "exported_at": "…", "exported_by": "…",
     "documents": [{"id", "institution", "year", "title", "created_at", "updated_at",
                    "versions": [{file_sha256, text_sha256, path, kind, pages, extractor, text_length, added_at}],
                    "review": {state, conclusion, summary, reviewer, updated_at, rev, history} | null,
                    "notes": [{id, parent_id, conflict_of, finding_id, text_sha256, start, end,
                               quote, prefix, suffix, page, section, part, category, severity,
                               status, body, tags, reviewer, created_at, updated_at, updated_by,
                               deleted_at, rev, history}],
                    "fields": [{key, extracted, value, status, reviewer, updated_at, rev, history}],
                    "decisions": [{finding_id, decision, reason, note_id, reviewer, updated_at, rev, history}]}],
     "events": [...]}            # only with include_events

Deleted notes travel too (as deleted), so a deletion merges like any other edit; anchors
do not (they are recomputed from the selectors when the report is opened).

**Merging** (:func:`import_review`). A document is matched by id, else by any file
SHA-256, else by institution + year, else created. Every mergeable record carries ``rev``
(a hash of its content) and ``history`` (the revs it descends from). For each record:

* unknown locally → added;
* same rev, or the imported rev is in the local history (local is newer) → unchanged;
* the local rev is in the imported history (only the other side changed) → replaced by the
  imported version;
* otherwise both sides changed it → **conflict**: the local record stays, the imported
  one is kept in the ``conflicts`` table and, for a note, also as a copy note (new UUID,
  ``conflict_of`` = the local note) so it shows in the notes list. ``Store.list_conflicts``
  lists them and ``Store.resolve_conflict`` settles them. Nothing is dropped, and importing
  the same file twice changes nothing the second time.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk_desk import __version__
from xxgk_desk.core.atomic import replacing
from xxgk_desk.core.errors import one_line

from . import documents, events, keyed, notes
from .db import Connection, StoreError
from .decisions import SPEC as DECISION
from .fields import SPEC as FIELD
from .migrations import LATEST
from .model import chained_rev, dumps, now
from .review_schema import FORMAT, FORMAT_VERSION, LIMITS, reject_constant, validate_review
from .reviews import SPEC as REVIEW

CONFLICT_NS = uuid.UUID("6f1d3c2e-6a57-4b8e-9a55-2f0c8f4c7a10")
# (``last_seen_at`` stays local: it says when *this* database last saw the file.)
_VERSION_KEYS = (
    "file_sha256",
    "text_sha256",
    "path",
    "kind",
    "pages",
    "extractor",
    "text_length",
    "added_at",
)


@dataclass
class ImportReport:
    """Counts per kind (note/field/decision/review): added, updated, unchanged, conflicts."""

    documents_added: int = 0
    documents_matched: int = 0
    versions_added: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    conflict_ids: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)

    def bump(self, kind: str, outcome: str) -> None:
        c = self.counts.setdefault(kind, {"added": 0, "updated": 0, "unchanged": 0, "conflicts": 0})
        c[outcome] += 1

    @property
    def conflicts(self) -> int:
        return len(self.conflict_ids)


# -- export ---------------------------------------------------------------------------------


def _mergeable(rec: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    return {**rec, "rev": row["rev"], "history": _history(row)}


def _history(row: dict[str, Any]) -> list[str]:
    """The row's history; a damaged one counts as none (the record then merges as a new edit)."""
    try:
        history = json.loads(row["history"])
    except (TypeError, ValueError):
        return []
    return [h for h in history if isinstance(h, str)] if isinstance(history, list) else []


def export_review(
    conn: Connection,
    document_ids: list[str] | None = None,
    *,
    include_events: bool = False,
    actor: str | None = None,
) -> dict[str, Any]:
    """The review of the given documents (all when None) as a review-file dict."""
    if document_ids is None:
        docs = conn.query("SELECT * FROM documents ORDER BY institution, year, created_at, id")
        docs = [d for d in docs if documents.usable(conn, d)]  # the others are reported
    else:
        docs = []
        for doc_id in document_ids:
            row = conn.query_one("SELECT * FROM documents WHERE id = ?", [doc_id])
            if row is None:
                raise StoreError("not_found", f"审核数据库中没有这份报告（{doc_id}）。")
            docs.append(row)
    out_docs = []
    for d in docs:
        did = d["id"]
        versions = conn.query(
            "SELECT * FROM versions WHERE document_id = ? ORDER BY added_at, file_sha256", [did]
        )
        note_rows = conn.query("SELECT * FROM notes WHERE document_id = ? ORDER BY created_at, id", [did])
        note_recs = []
        for r in note_rows:
            rec = notes.readable(conn, r)
            if rec is None:  # reported on conn.problems: the rest of the review still goes out
                continue
            rec = _mergeable(rec, r)
            del rec["document_id"]
            note_recs.append(rec)
        review = keyed.get_row(conn, REVIEW, {"document_id": did})
        out_docs.append(
            {
                **{k: d[k] for k in ("id", "institution", "year", "title", "created_at", "updated_at")},
                "versions": [{k: v[k] for k in _VERSION_KEYS} for v in versions],
                "review": _keyed_out(conn, REVIEW, review) if review else None,
                "notes": note_recs,
                "fields": [o for r in _rows(conn, FIELD, did) if (o := _keyed_out(conn, FIELD, r))],
                "decisions": [o for r in _rows(conn, DECISION, did) if (o := _keyed_out(conn, DECISION, r))],
            }
        )
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": LATEST,
        "app_version": __version__,
        "exported_at": now(),
        "exported_by": actor,
        "documents": out_docs,
    }
    if include_events:
        ids = [d["id"] for d in docs]
        marks = ",".join("?" * len(ids)) or "NULL"
        rows = conn.query(f"SELECT * FROM events WHERE document_id IN ({marks}) ORDER BY seq", ids)
        data["events"] = [
            {**{k: r[k] for k in r if k not in ("seq", "before", "after")}}
            | {"before": _json(r["before"]), "after": _json(r["after"])}
            for r in rows
        ]
    return data


def _json(s: str | None) -> Any:
    try:
        return None if s is None else json.loads(s)
    except (TypeError, ValueError):  # a damaged event payload: the event still goes out
        return None


def _rows(conn: Connection, spec: keyed.Spec, document_id: str) -> list[dict[str, Any]]:
    order = ", ".join(spec.keys)
    return conn.query(f"SELECT * FROM {spec.table} WHERE document_id = ? ORDER BY {order}", [document_id])


def _keyed_out(conn: Connection, spec: keyed.Spec, row: dict[str, Any]) -> dict[str, Any] | None:
    rec = keyed.readable(conn, spec, row)
    if rec is None:
        return None
    rec = _mergeable(rec, row)
    del rec["document_id"]
    return rec


def write_review_file(data: dict[str, Any], path: str | os.PathLike) -> Path:
    """Write a review file atomically (a temporary file renamed into place)."""
    p = Path(path)
    with replacing(p, make_parent=True) as tmp, open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    return p


def read_review_file(path: str | os.PathLike) -> dict[str, Any]:
    """A review file read and checked against the schema (see review_schema.py); StoreError
    with one line naming the first problem otherwise."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > LIMITS["file_bytes"]:
            raise StoreError(
                "too_big",
                f"审核文件过大（{size >> 20} MB，上限 {LIMITS['file_bytes'] >> 20} MB）：{p.name}。请确认文件是否正确。",
            )
        raw = p.read_bytes()
    except FileNotFoundError:
        raise StoreError("missing", f"找不到审核文件：{p}。") from None
    except IsADirectoryError:
        raise StoreError("missing", f"“{p}”是文件夹，不是审核文件。") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=reject_constant)
    except UnicodeDecodeError as e:
        raise StoreError(
            "format",
            f"审核文件不是 UTF-8 文本（第 {e.start + 1} 个字节处）：{p.name}。请确认这是 xxgk-desk 导出的审核文件。",
        ) from None
    except json.JSONDecodeError as e:
        raise StoreError(
            "format",
            f"审核文件无法解析（第 {e.lineno} 行第 {e.colno} 列：{e.msg}）：{p.name}。请确认这是 xxgk-desk 导出的审核文件。",
        ) from None
    except RecursionError:
        raise StoreError("format", f"审核文件嵌套过深，无法读取：{p.name}。") from None
    except ValueError as e:  # NaN/Infinity (reject_constant), integers of thousands of digits
        raise StoreError("format", f"审核文件有误（{one_line(str(e))[:80]}）：{p.name}。") from None
    return validate_review(data, p.name)


def check_format(data: Any, where: Any = "") -> dict[str, Any]:
    """The review-file dict checked against the schema (kept for callers of the old name)."""
    return validate_review(data, str(where) if where else "")


# -- import ---------------------------------------------------------------------------------


def import_review(conn: Connection, data: dict[str, Any], actor: str | None) -> ImportReport:
    """Merge a review-file dict into the database (one transaction, all or nothing); the dict is
    checked against the schema first (review_schema.py), before anything is written."""
    data = validate_review(data)
    report = ImportReport()
    tx = events.new_tx()
    with conn.write():
        conn.execute("PRAGMA defer_foreign_keys = ON")  # replies may come before their parents
        for d in data["documents"]:
            did = _match_document(conn, d, report, actor, tx)
            report.document_ids.append(did)
            for v in d.get("versions", []):
                if conn.query_one("SELECT 1 FROM versions WHERE file_sha256 = ?", [v["file_sha256"]]) is None:
                    conn.db.table("versions").insert(
                        {**{k: v.get(k) for k in _VERSION_KEYS}, "document_id": did}
                    )
                    events.append(
                        conn,
                        tx=tx,
                        actor=actor,
                        op="import",
                        kind="version",
                        entity_id=v["file_sha256"],
                        document_id=did,
                        after=v,
                    )
                    report.versions_added += 1
            for n in d.get("notes", []):
                _merge_note(conn, did, n, report, actor, tx)
            if d.get("review"):
                _merge_keyed(conn, REVIEW, did, d["review"], report, actor, tx)
            for spec, key in ((FIELD, "fields"), (DECISION, "decisions")):
                for rec in d.get(key, []):
                    _merge_keyed(conn, spec, did, rec, report, actor, tx)
        for e in data.get("events", []):
            conn.execute(
                "INSERT OR IGNORE INTO events (id, tx, ts, actor, op, kind, entity_id, document_id, before, after)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [e["id"], e["tx"], e["ts"], e.get("actor"), e["op"], e["kind"], e.get("entity_id")]
                + [e.get("document_id"), None if e.get("before") is None else dumps(e["before"])]
                + [None if e.get("after") is None else dumps(e["after"])],
            )
        summary = {
            "documents": report.document_ids,
            "counts": report.counts,
            "conflicts": report.conflict_ids,
        }
        events.append(
            conn,
            tx=tx,
            actor=actor,
            op="import",
            kind="import",
            entity_id=None,
            document_id=None,
            after=summary,
        )
    return report


def _match_document(
    conn: Connection, d: dict[str, Any], report: ImportReport, actor: str | None, tx: str
) -> str:
    if conn.query_one("SELECT 1 FROM documents WHERE id = ?", [d["id"]]):
        report.documents_matched += 1
        return d["id"]
    for v in d.get("versions", []):
        row = conn.query_one("SELECT document_id FROM versions WHERE file_sha256 = ?", [v["file_sha256"]])
        if row:
            report.documents_matched += 1
            return row["document_id"]
    if d.get("institution") and d.get("year") is not None:
        row = conn.query_one(
            "SELECT id FROM documents WHERE institution = ? AND year = ?", [d["institution"], d["year"]]
        )
        if row:
            report.documents_matched += 1
            return row["id"]
    row = {k: d.get(k) for k in ("id", "institution", "year", "title", "created_at", "updated_at")}
    conn.db.table("documents").insert(row)
    events.append(
        conn,
        tx=tx,
        actor=actor,
        op="import",
        kind="document",
        entity_id=d["id"],
        document_id=d["id"],
        after=row,
    )
    report.documents_added += 1
    return d["id"]


def _lineage(rec: dict[str, Any], content: dict[str, Any]) -> tuple[str, list[str]]:
    """The imported record's rev and history. A rev that does not match its content (a
    review file edited by hand) is treated as one more edit on top of it."""
    history = list(rec.get("history") or [])
    rev = rec.get("rev")
    if rev and chained_rev(content, history[-1] if history else None) == rev:
        return rev, history
    if rev and rev not in history:
        history.append(rev)
    return chained_rev(content, history[-1] if history else None), history


def _union(theirs: list[str], ours: list[str]) -> str:
    """Both histories, keeping the imported record's parent last."""
    return dumps([h for h in ours if h not in theirs] + list(theirs))


def _merge_note(
    conn: Connection, did: str, n: dict[str, Any], report: ImportReport, actor: str | None, tx: str
) -> None:
    rec = {k: n.get(k) for k in notes.RECORD_KEYS} | {"document_id": did, "tags": list(n.get("tags") or [])}
    rev, history = _lineage(n, notes.content(rec))
    row = conn.query_one("SELECT * FROM notes WHERE id = ?", [rec["id"]])
    outcome = _outcome(row, rev, history)
    if outcome == "added":
        conn.db.table("notes").insert({**notes.record_row(rec), "rev": rev, "history": dumps(history)})
        events.append(
            conn,
            tx=tx,
            actor=actor,
            op="import",
            kind="note",
            entity_id=rec["id"],
            document_id=did,
            after=rec,
        )
    elif outcome == "updated":
        assert row is not None
        before = notes.readable(conn, row)
        rec["document_id"] = row["document_id"]
        hist = _union(history, [*_history(row), row["rev"]])
        conn.db.table("notes").update(rec["id"], {**notes.record_row(rec), "rev": rev, "history": hist})
        events.append(
            conn,
            tx=tx,
            actor=actor,
            op="import",
            kind="note",
            entity_id=rec["id"],
            document_id=did,
            before=before,
            after=rec,
        )
    elif outcome == "conflicts":
        assert row is not None
        copy_id = str(uuid.uuid5(CONFLICT_NS, f"note:{rec['id']}:{rev}"))
        if conn.query_one("SELECT 1 FROM conflicts WHERE id = ?", [copy_id]):
            outcome = "unchanged"  # this very conflict was imported before
        else:
            copy = {**rec, "id": copy_id, "conflict_of": rec["id"], "document_id": row["document_id"]}
            crev = chained_rev(notes.content(copy), None)
            conn.db.table("notes").insert({**notes.record_row(copy), "rev": crev, "history": "[]"})
            _record_conflict(conn, copy_id, "note", row["document_id"], rec["id"], rec, rev, actor, tx)
            report.conflict_ids.append(copy_id)
    report.bump("note", outcome)


def _outcome(row: dict[str, Any] | None, rev: str, history: list[str]) -> str:
    if row is None:
        return "added"
    if row["rev"] == rev or rev in _history(row):
        return "unchanged"
    if row["rev"] in history:
        return "updated"
    return "conflicts"


def _merge_keyed(
    conn: Connection,
    spec: keyed.Spec,
    did: str,
    r: dict[str, Any],
    report: ImportReport,
    actor: str | None,
    tx: str,
) -> None:
    rec = {k: r.get(k) for k in spec.record_keys} | {"document_id": did}
    key = {k: rec[k] for k in spec.keys}
    rev, history = _lineage(r, keyed.content(spec, rec))
    row = keyed.get_row(conn, spec, key)
    outcome = _outcome(row, rev, history)
    if outcome in ("added", "updated"):
        before = keyed.readable(conn, spec, row) if row else None
        hist = _union(history, [*_history(row), row["rev"]]) if row else dumps(history)
        keyed.write_row(conn, spec, rec, rev, hist)
        events.append(
            conn,
            tx=tx,
            actor=actor,
            op="import",
            kind=spec.kind,
            entity_id=spec.entity(key),
            document_id=did,
            before=before,
            after=rec,
        )
    elif outcome == "conflicts":
        cid = str(uuid.uuid5(CONFLICT_NS, f"{spec.kind}:{did}:{spec.entity(key)}:{rev}"))
        if conn.query_one("SELECT 1 FROM conflicts WHERE id = ?", [cid]):
            outcome = "unchanged"
        else:
            _record_conflict(conn, cid, spec.kind, did, spec.entity(key), rec, rev, actor, tx)
            report.conflict_ids.append(cid)
    report.bump(spec.kind, outcome)


def _record_conflict(
    conn: Connection,
    cid: str,
    kind: str,
    did: str,
    entity_key: str,
    theirs: dict[str, Any],
    theirs_rev: str,
    actor: str | None,
    tx: str,
) -> None:
    row: dict[str, Any] = {"id": cid, "kind": kind, "document_id": did, "entity_key": entity_key}
    row["theirs"] = dumps(theirs)
    row |= {"theirs_rev": theirs_rev, "created_at": now(), "resolved_at": None, "resolution": None}
    conn.db.table("conflicts").insert(row)
    events.append(
        conn, tx=tx, actor=actor, op="conflict", kind="conflict", entity_id=cid, document_id=did, after=theirs
    )
