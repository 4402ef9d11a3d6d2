"""Finding decisions: an engine finding accepted as a note, dismissed with a reason, or reset.

Findings are suggestions the engine recomputes; ``finding_id`` is the engine's stable id for
one (rule id plus what it points at). Accepting creates the note and the decision in one
transaction; the Change returned is the decision's, with the note's creation in ``related``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from xxgk_desk.core.document import Document

from . import keyed, notes
from .db import Connection, StoreError
from .model import Change, Decision, NoteDraft

SPEC = keyed.Spec(
    table="decisions",
    kind="decision",
    keys=("document_id", "finding_id"),
    fields=("decision", "reason", "note_id"),
    defaults=(("decision", "none"), ("reason", None), ("note_id", None)),
)


def _decision(rec: dict[str, Any]) -> Decision:
    return Decision(**rec)


def accept(
    conn: Connection,
    actor: str | None,
    document_id: str,
    finding_id: str,
    draft: NoteDraft,
    *,
    doc: Document | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Change:
    """Accept a finding as the note ``draft`` says (with a span if ``doc``/``start``/``end`` are given)."""
    key = {"document_id": document_id, "finding_id": finding_id}
    with conn.write():
        cur = keyed.get(conn, SPEC, key)
        if cur and cur["decision"] == "accepted":
            raise StoreError("exists", f"这条审核意见已经采纳为批注（{cur['note_id']}）。")
        made = notes.create(
            conn, actor, document_id, replace(draft, finding_id=finding_id), doc=doc, start=start, end=end
        )
        ch = keyed.put(
            conn, actor, SPEC, key, {"decision": "accepted", "reason": None, "note_id": made.id}, "accept"
        )
    return Change(ch.kind, ch.op, ch.ids, ch.document_id, ch.before, ch.after, related=(made,), seq=ch.seq)


def dismiss(conn: Connection, actor: str | None, document_id: str, finding_id: str, reason: str) -> Change:
    """Dismiss a finding; the reason is required (it goes into the memo and the audit)."""
    if not str(reason or "").strip():
        raise StoreError("invalid", "驳回审核意见时必须填写理由。")
    key = {"document_id": document_id, "finding_id": finding_id}
    return keyed.put(conn, actor, SPEC, key, {"decision": "dismissed", "reason": reason.strip()}, "dismiss")


def reset(conn: Connection, actor: str | None, document_id: str, finding_id: str) -> Change:
    """Back to undecided (a note made by accepting stays; delete it separately if wanted)."""
    key = {"document_id": document_id, "finding_id": finding_id}
    return keyed.put(conn, actor, SPEC, key, None, "reset")


def get_decision(conn: Connection, document_id: str, finding_id: str) -> Decision | None:
    rec = keyed.get(conn, SPEC, {"document_id": document_id, "finding_id": finding_id})
    return _decision(rec) if rec else None


def list_decisions(conn: Connection, document_id: str) -> dict[str, Decision]:
    return {r["finding_id"]: _decision(r) for r in keyed.all_for(conn, SPEC, document_id)}
