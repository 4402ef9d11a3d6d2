"""Re-anchoring a report's notes onto one text version, and the anchors cache.

Anchors are stored per note per text (``anchors`` table, key ``(note_id, text_sha256)``)
rather than by updating the note in place: the reviewer's own selectors stay exactly as
made, going back to an older file finds its anchors again, and re-anchoring through
v1 → v2 → v3 never drifts (each version is anchored from the reviewer's selectors). An
anchor row remembers a hash of the selectors it was computed from, so a manual re-attach
or a merged edit makes the other rows stale and they are recomputed. Nothing is deleted:
a note that cannot be placed gets an ``orphan`` row and is listed by ``Store.orphans``.
"""

from __future__ import annotations

from typing import Any

from xxgk_desk.core.document import Document

from . import events
from .anchoring import ORPHAN, Selector, TextIndex, anchor
from .db import Connection
from .model import AnchorReport, now
from .notes import put_anchor, readable, sel_hash

_QUERY = (
    "SELECT n.*, a.sel_hash AS a_sel, a.method AS a_method, a.status AS a_status FROM notes n"
    " LEFT JOIN anchors a ON a.note_id = n.id AND a.text_sha256 = ?"
    " WHERE n.document_id = ? AND n.pos_start IS NOT NULL ORDER BY n.created_at, n.id"
)


def _plan(
    conn: Connection, rows: list[dict[str, Any]], force: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split rows into (up to date, to compute); unreadable rows are skipped (and reported)."""
    keep, todo = [], []
    for r in rows:
        rec = readable(conn, r)
        if rec is None:
            continue
        rec["_hash"] = r["sel_hash"] or sel_hash(rec)
        current = r["a_status"] is not None and r["a_sel"] == rec["_hash"]
        if current and (not force or r["a_method"] == "manual"):
            keep.append({**rec, "_status": r["a_status"]})
        else:
            todo.append(rec)
    return keep, todo


def anchor_notes(
    conn: Connection, document_id: str, doc: Document, actor: str | None, *, force: bool = False
) -> AnchorReport:
    """Make sure every span note of ``document_id`` has a current anchor on ``doc.text``.

    Rows that are up to date are kept (``force`` recomputes them, manual ones excepted).
    The work happens inside one write transaction, with one ``reanchor`` event summing it up.
    """
    text_sha = doc.text_sha256
    keep, todo = _plan(conn, conn.query(_QUERY, [text_sha, document_id]), force)
    if todo:
        with conn.write():
            # Plan again under the write lock: another process may have changed notes meanwhile.
            keep, todo = _plan(conn, conn.query(_QUERY, [text_sha, document_id]), force)
            computed = _compute(todo, doc)
            for note_id, a in computed:
                put_anchor(conn, note_id, a)
            counts = _count(keep, computed)
            if computed:
                events.append(
                    conn,
                    tx=events.new_tx(),
                    actor=actor,
                    op="reanchor",
                    kind="anchor",
                    entity_id=text_sha,
                    document_id=document_id,
                    after={"text_sha256": text_sha, "counts": counts, "changed": len(computed)}
                    | {"orphans": [n for n, a in computed if a["status"] == ORPHAN]},
                )
    else:
        computed = []
        counts = _count(keep, computed)
    orphans = [r["id"] for r in keep if r["_status"] == ORPHAN] + [
        n for n, a in computed if a["status"] == ORPHAN
    ]
    return AnchorReport(document_id, text_sha, counts, tuple(n for n, _ in computed), tuple(orphans))


def _count(keep: list[dict[str, Any]], computed: list[tuple[str, dict[str, Any]]]) -> dict[str, int]:
    counts = {"anchored": 0, "fuzzy": 0, "orphan": 0}
    for r in keep:
        counts[r["_status"]] += 1
    for _, a in computed:
        counts[a["status"]] += 1
    return counts


def _compute(todo: list[dict[str, Any]], doc: Document) -> list[tuple[str, dict[str, Any]]]:
    index = TextIndex(doc.text)
    ts = now()
    out = []
    for rec in todo:
        method: str | None
        if rec["text_sha256"] == doc.text_sha256:  # the text the selectors were made on
            status, method, start, end, score = "anchored", "position", rec["start"], rec["end"], 1.0
        else:
            sel = Selector(
                rec["start"], rec["end"], rec["quote"] or "", rec["prefix"] or "", rec["suffix"] or ""
            )
            res = anchor(sel, index)
            status, method, start, end, score = res.status, res.method, res.start, res.end, res.score
        a = {"text_sha256": doc.text_sha256, "pos_start": start, "pos_end": end}
        a |= {"page": doc.page_at(start) if start is not None else None, "status": status, "method": method}
        a |= {"score": score, "sel_hash": rec["_hash"], "anchored_at": ts}
        out.append((rec["id"], a))
    return out
