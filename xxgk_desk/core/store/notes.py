"""Notes: the reviewer's annotations, with their selectors, replies and soft deletion.

A note with a span keeps the selectors the reviewer set (``text_sha256``, ``start``,
``end``, ``quote``, ``prefix``, ``suffix``, ``page``, ``section``); automatic
re-anchoring never changes them. Where the note sits in each text version is kept in the
``anchors`` table (one row per note per text: status, method, score) — see
``reanchor.py``. Only a manual re-attach (:func:`reattach`) replaces the selectors, and
the old ones stay in the event log. A note without a span is about the whole document
(or, with ``part``, a whole part). Nothing is ever deleted: :func:`delete` sets
``deleted_at`` and :func:`restore` clears it.

Records exchanged with callers (``Change.before``/``after``, review files) use the
Python names below (``start``/``end``; ``tags`` as a list), not the column names.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from xxgk_desk.core.document import Document

from . import events
from .anchoring import make_selector
from .db import Connection, StoreError
from .model import Anchor, Change, Note, NoteDraft, choice, dumps, next_rev, now
from .review_schema import NoteRec, row_problem

COLUMN = {"start": "pos_start", "end": "pos_end"}
RECORD_KEYS = (
    "id",
    "document_id",
    "parent_id",
    "conflict_of",
    "finding_id",
    "text_sha256",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "page",
    "section",
    "part",
    "category",
    "severity",
    "status",
    "body",
    "tags",
    "reviewer",
    "created_at",
    "updated_at",
    "updated_by",
    "deleted_at",
)
# What the content hash (rev) covers: not the document id (it may differ between two
# reviewers' databases for the same report) and not who/when last touched it.
CONTENT_KEYS = tuple(
    k for k in RECORD_KEYS if k not in ("id", "document_id", "updated_at", "updated_by", "deleted_at")
)
SELECTOR_KEYS = ("text_sha256", "start", "end", "quote", "prefix", "suffix", "page")
EDITABLE = ("body", "category", "severity", "status", "section", "part", "tags")
SETTABLE = {*EDITABLE, *SELECTOR_KEYS, "deleted_at", "finding_id", "conflict_of"}
_VOCAB = {"category": "category", "severity": "severity", "status": "status"}


_READ = tuple((k, COLUMN.get(k, k)) for k in RECORD_KEYS if k != "tags")


def record(row: dict[str, Any]) -> dict[str, Any]:
    """A note row as a record (Python names, ``tags`` a list)."""
    rec = {k: row[c] for k, c in _READ}
    tags = row.get("tags")
    rec["tags"] = json.loads(tags) if tags and tags != "[]" else []
    return rec


def content(rec: dict[str, Any]) -> dict[str, Any]:
    out = {k: rec.get(k) for k in CONTENT_KEYS}
    out["deleted"] = rec.get("deleted_at") is not None
    return out


def sel_hash(rec: dict[str, Any]) -> str:
    """Identifies the selectors an anchor row was computed from (cheap: checked per row on load)."""
    key = "\x1f".join(str(rec.get(k)) for k in SELECTOR_KEYS[:-1])
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def record_row(rec: dict[str, Any]) -> dict[str, Any]:
    """The columns to write for a record (every write goes through here, so ``sel_hash`` holds)."""
    row = {COLUMN.get(k, k): rec.get(k) for k in RECORD_KEYS}
    row["tags"] = dumps(list(rec.get("tags") or []))
    row["sel_hash"] = sel_hash(rec) if rec.get("start") is not None else None
    return row


def _anchor(row: dict[str, Any] | None) -> Anchor | None:
    if row is None:
        return None
    return Anchor(
        text_sha256=row["text_sha256"],
        start=row["pos_start"],
        end=row["pos_end"],
        page=row["page"],
        status=row["status"],
        method=row["method"],
        score=row["score"],
        anchored_at=row["anchored_at"],
    )


def readable(conn: Connection, row: dict[str, Any]) -> dict[str, Any] | None:
    """The row's record, or None when it cannot be used (a wrong type written by an older
    version's import, say): the row is skipped and reported on ``conn.problems``."""
    try:
        rec = record(row)
        problem = row_problem(NoteRec, rec)
    except (ValueError, TypeError):  # tags that are not JSON
        problem = "tags 不是合法的 JSON"
    if problem:
        conn.report(f"审核数据库中的批注 {str(row.get('id'))[:8]} 无法读取，已跳过（{problem}）。")
        return None
    return rec


def to_note(rec: dict[str, Any], anchor: Anchor | None = None) -> Note:
    return Note(**{**rec, "tags": tuple(rec["tags"]), "anchor": anchor})


def selectors(doc: Document, start: int, end: int) -> dict[str, Any]:
    """The selectors for ``doc.text[start:end]``; StoreError for a bad span."""
    try:
        s = make_selector(doc.text, start, end)
    except ValueError:
        raise StoreError(
            "bad_span", f"批注位置无效（{start}–{end}）：文本共 {len(doc.text)} 个字符，所选范围必须非空。"
        ) from None
    return {
        "text_sha256": doc.text_sha256,
        "start": s.start,
        "end": s.end,
        "quote": s.exact,
        "prefix": s.prefix,
        "suffix": s.suffix,
        "page": doc.page_at(start),
    }


def _load(conn: Connection, note_id: str) -> dict[str, Any]:
    row = conn.query_one("SELECT * FROM notes WHERE id = ?", [note_id])
    if row is None:
        raise StoreError("not_found", f"找不到批注 {note_id}。")
    return row


def anchor_row(conn: Connection, note_id: str, text_sha256: str) -> dict[str, Any] | None:
    return conn.query_one(
        "SELECT * FROM anchors WHERE note_id = ? AND text_sha256 = ?", [note_id, text_sha256]
    )


def put_anchor(conn: Connection, note_id: str, a: dict[str, Any]) -> None:
    """Insert or replace one anchor row (``a`` has the anchors columns except note_id)."""
    conn.execute(
        "INSERT OR REPLACE INTO anchors (note_id, text_sha256, pos_start, pos_end, page, status, method, score,"
        " sel_hash, anchored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            note_id,
            a["text_sha256"],
            a["pos_start"],
            a["pos_end"],
            a["page"],
            a["status"],
            a["method"],
            a["score"],
        ]
        + [a["sel_hash"], a["anchored_at"]],
    )


def _validate(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key, vocab in _VOCAB.items():
        if key in out:
            out[key] = choice(vocab, out[key])
    if "tags" in out:
        out["tags"] = sorted({str(t).strip() for t in (out["tags"] or ()) if str(t).strip()})
    if "body" in out:
        out["body"] = str(out["body"] or "")
    return out


def create(
    conn: Connection,
    actor: str | None,
    document_id: str,
    draft: NoteDraft,
    *,
    doc: Document | None = None,
    start: int | None = None,
    end: int | None = None,
    note_id: str | None = None,
) -> Change:
    """Create the note ``draft`` says (span notes need ``doc``, the version the offsets refer to)."""
    ts = now()
    parent_id = draft.parent_id
    rec: dict[str, Any] = dict.fromkeys(RECORD_KEYS)
    rec |= _validate({k: getattr(draft, k) for k in ("body", "category", "severity", "status", "tags")})
    rec |= {"id": note_id or str(uuid.uuid4()), "document_id": document_id}
    rec |= {"section": draft.section, "part": draft.part}
    rec |= {
        "parent_id": parent_id,
        "finding_id": draft.finding_id,
        "reviewer": actor,
        "created_at": ts,
        "updated_at": ts,
    }
    rec["updated_by"] = actor
    if start is not None or end is not None:
        if doc is None or start is None or end is None:
            raise ValueError("a note with a span needs doc, start and end")
        rec |= selectors(doc, start, end)
    with conn.write():
        if parent_id is not None:
            parent = _load(conn, parent_id)
            if parent["document_id"] != document_id:
                raise StoreError("bad_parent", "回复必须和被回复的批注属于同一份报告。")
        rev, history = next_rev(content(rec), None, None)
        conn.db.table("notes").insert({**record_row(rec), "rev": rev, "history": history})
        if rec["start"] is not None:
            a = {"text_sha256": rec["text_sha256"], "pos_start": rec["start"], "pos_end": rec["end"]}
            a |= {"page": rec["page"], "status": "anchored", "method": "position", "score": 1.0}
            put_anchor(conn, rec["id"], a | {"sel_hash": sel_hash(rec), "anchored_at": ts})
        change = events.change(
            conn,
            tx=events.new_tx(),
            actor=actor,
            op="create",
            kind="note",
            entity_id=rec["id"],
            document_id=document_id,
            after=rec,
            ts=ts,
        )
    return change


def reply(conn: Connection, actor: str | None, parent_id: str, body: str) -> Change:
    """A note answering ``parent_id`` (same document, no span of its own)."""
    parent = _load(conn, parent_id)
    draft = NoteDraft(body=body, category=parent["category"], severity="info", parent_id=parent_id)
    return create(conn, actor, parent["document_id"], draft)


def apply(
    conn: Connection,
    actor: str | None,
    note_id: str,
    values: dict[str, Any],
    op: str = "update",
    tx: str | None = None,
) -> Change:
    """Set note attributes (any record key but identity; ``anchor`` sets an anchor row).

    Returns a Change whose ``before`` holds the previous values of what changed; a call
    that changes nothing returns a Change with empty dicts and no event.
    """
    values = _validate(values)
    anchor = values.pop("anchor", None)
    bad = set(values) - SETTABLE
    if bad:
        raise ValueError(f"cannot set note fields {sorted(bad)}")
    with conn.write():
        row = _load(conn, note_id)
        rec = readable(conn, row)
        if rec is None:
            raise StoreError("unreadable", conn.problems[-1])
        before = {k: rec[k] for k, v in values.items() if rec[k] != v}
        after = {k: values[k] for k in before}
        if anchor is not None:
            old = anchor_row(conn, note_id, anchor["text_sha256"])
            old = (
                {k: v for k, v in old.items() if k != "note_id"}
                if old
                else {"text_sha256": anchor["text_sha256"]}
            )
            if old != anchor:
                before["anchor"], after["anchor"] = old, anchor
        if not after:
            return Change("note", op, (note_id,), rec["document_id"], {}, {})
        ts = now()
        new = {
            **rec,
            **{k: v for k, v in after.items() if k != "anchor"},
            "updated_at": ts,
            "updated_by": actor,
        }
        if content(new) == content(rec):  # only the anchor changed: same revision
            rev, history = row["rev"], row["history"]
        else:
            rev, history = next_rev(content(new), row["rev"], row["history"])
        conn.db.table("notes").update(note_id, {**record_row(new), "rev": rev, "history": history})
        if "anchor" in after:
            if after["anchor"].get("status"):
                put_anchor(conn, note_id, after["anchor"])
            else:  # undoing the first anchor on a text: the cache row goes, it is derived data
                conn.execute(
                    "DELETE FROM anchors WHERE note_id = ? AND text_sha256 = ?",
                    [note_id, after["anchor"]["text_sha256"]],
                )
        change = events.change(
            conn,
            tx=tx or events.new_tx(),
            actor=actor,
            op=op,
            kind="note",
            entity_id=note_id,
            document_id=rec["document_id"],
            before=before,
            after=after,
            ts=ts,
        )
    return change


def update(conn: Connection, actor: str | None, note_id: str, **fields: Any) -> Change:
    """Edit body, category, severity, status, section, part or tags."""
    bad = set(fields) - set(EDITABLE)
    if bad:
        raise ValueError(f"cannot edit note fields {sorted(bad)}; editable: {EDITABLE}")
    return apply(conn, actor, note_id, fields)


def delete(conn: Connection, actor: str | None, note_id: str) -> Change:
    """Soft-delete (the note stays in the database; :func:`restore` brings it back)."""
    return apply(conn, actor, note_id, {"deleted_at": now()}, op="delete")


def restore(conn: Connection, actor: str | None, note_id: str) -> Change:
    return apply(conn, actor, note_id, {"deleted_at": None}, op="restore")


def reattach(
    conn: Connection, actor: str | None, note_id: str, doc: Document, start: int, end: int
) -> Change:
    """Attach a note (an orphan, typically) by hand to ``doc.text[start:end]``."""
    sel = selectors(doc, start, end)
    a = {"text_sha256": doc.text_sha256, "pos_start": start, "pos_end": end, "page": sel["page"]}
    a |= {
        "status": "anchored",
        "method": "manual",
        "score": 1.0,
        "sel_hash": sel_hash(sel),
        "anchored_at": now(),
    }
    return apply(conn, actor, note_id, {**sel, "anchor": a}, op="reattach")


def get(conn: Connection, note_id: str, text_sha256: str | None = None) -> Note:
    row = _load(conn, note_id)
    rec = readable(conn, row)
    if rec is None:
        raise StoreError("unreadable", conn.problems[-1])
    a = anchor_row(conn, note_id, text_sha256) if text_sha256 else None
    if a is not None:
        a["fresh"] = a["sel_hash"] == row["sel_hash"]
    return _with_anchor(rec, a, text_sha256)


def _with_anchor(rec: dict[str, Any], a: dict[str, Any] | None, text_sha256: str | None) -> Note:
    """The note with its anchor on ``text_sha256`` (``a``: the anchors row plus ``fresh``)."""
    anchor = None
    if text_sha256 and rec["start"] is not None:
        if a is not None and a["fresh"]:
            anchor = _anchor(a)
        elif rec["text_sha256"] == text_sha256:  # its own text: the selectors hold by definition
            anchor = Anchor(
                text_sha256,
                rec["start"],
                rec["end"],
                rec["page"],
                "anchored",
                "position",
                1.0,
                rec["updated_at"],
            )
    return to_note(rec, anchor)


def list_notes(
    conn: Connection,
    document_id: str,
    text_sha256: str | None = None,
    *,
    include_deleted: bool = False,
    status: str | None = None,
    category: str | None = None,
) -> list[Note]:
    """A document's notes (replies included) in creation order, anchored on ``text_sha256``.

    A span note whose anchor on that text is missing or stale has ``anchor=None``: run
    ``Store.anchor_notes(doc)`` (``register_version`` does it) to compute it.
    """
    where, params = ["n.document_id = ?"], [text_sha256 or "", document_id]
    if not include_deleted:
        where.append("n.deleted_at IS NULL")
    if status:
        where.append("n.status = ?")
        params.append(choice("status", status))
    if category:
        where.append("n.category = ?")
        params.append(choice("category", category))
    rows = conn.query(
        "SELECT n.*, a.pos_start AS a_start, a.pos_end AS a_end, a.page AS a_page, a.status AS a_status,"
        " a.method AS a_method, a.score AS a_score, a.sel_hash = n.sel_hash AS a_fresh, a.anchored_at AS a_at"
        " FROM notes n LEFT JOIN anchors a ON a.note_id = n.id AND a.text_sha256 = ?"
        f" WHERE {' AND '.join(where)} ORDER BY n.created_at, n.id",
        params,
    )
    out = []
    for r in rows:
        rec = readable(conn, r)
        if rec is None:
            continue
        a = None
        if r["a_status"] is not None:
            a = {
                "text_sha256": text_sha256,
                "pos_start": r["a_start"],
                "pos_end": r["a_end"],
                "page": r["a_page"],
            }
            a |= {"status": r["a_status"], "method": r["a_method"], "score": r["a_score"]}
            a |= {"fresh": bool(r["a_fresh"]), "anchored_at": r["a_at"]}
        out.append(_with_anchor(rec, a, text_sha256))
    return out
