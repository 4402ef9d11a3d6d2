"""Undo and redo of a Change, for the GUI's QUndoStack.

``undo(change)`` writes back ``change.before``; ``redo(change)`` writes ``change.after``
again. Notes are never removed: undoing a creation soft-deletes the note, redoing it
restores it. Each undo/redo is itself a new operation with its own event (op ``undo`` /
``redo``), so the log stays append-only. Undo does not check whether someone changed the
entity since: it restores the recorded values, as a text editor's undo does.
"""

from __future__ import annotations

from typing import Any

from . import documents, keyed, notes
from .db import Connection, StoreError
from .decisions import SPEC as DECISION
from .fields import SPEC as FIELD
from .model import Change, now
from .reviews import SPEC as REVIEW

_KEYED = {"field": FIELD, "decision": DECISION, "review": REVIEW}


def _one(conn: Connection, actor: str | None, ch: Change, redo: bool) -> Change:
    op = "redo" if redo else "undo"
    target = ch.after if redo else ch.before
    if ch.kind == "note":
        if ch.op == "create":
            return notes.apply(conn, actor, ch.id, {"deleted_at": None if redo else now()}, op=op)
        return notes.apply(conn, actor, ch.id, dict(target or {}), op=op)
    if ch.kind in _KEYED:
        spec = _KEYED[ch.kind]
        rec: dict[str, Any] = (ch.after or ch.before) or {}
        key = {k: rec[k] for k in spec.keys}
        values = None if target is None else {k: target[k] for k in spec.fields}
        return keyed.put(conn, actor, spec, key, values, op)
    if ch.kind == "document" and ch.op == "update":
        return documents.update_document(conn, actor, ch.id, **(target or {}))
    raise StoreError("cannot_undo", f"这一操作（{ch.kind}/{ch.op}）不能撤销。")


def apply_inverse(conn: Connection, actor: str | None, change: Change, *, redo: bool = False) -> Change:
    """Undo (or redo) ``change`` and everything in its ``related``, in one transaction."""
    with conn.write():
        parts = [change, *change.related]
        if not redo:
            parts.reverse()
        done = [_one(conn, actor, p, redo) for p in parts]
    if not redo:
        done.reverse()
    main, rest = done[0], tuple(done[1:])
    return Change(main.kind, main.op, main.ids, main.document_id, main.before, main.after, rest, main.seq)
