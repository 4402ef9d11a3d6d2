"""Merge conflicts: records both reviewers changed, kept side by side until someone decides.

Resolving with ``keep="local"`` leaves the local record as is; ``keep="theirs"`` writes the
imported version over it. Either way the other version's rev joins the record's history
(so importing the same file again does not raise the conflict again), the conflict is
marked resolved, and a note's conflict copy is soft-deleted (still in the database).
"""

from __future__ import annotations

import json
from typing import Any

from . import events, keyed, notes
from .db import Connection, StoreError
from .decisions import SPEC as DECISION
from .fields import SPEC as FIELD
from .model import Change, Conflict, dumps, now
from .reviews import SPEC as REVIEW

_KEYED = {"field": FIELD, "decision": DECISION, "review": REVIEW}


def _local(
    conn: Connection, kind: str, document_id: str, key: str
) -> tuple[dict[str, Any] | None, str, dict]:
    """(local record, table, primary key) for a conflict."""
    if kind == "note":
        row = conn.query_one("SELECT * FROM notes WHERE id = ?", [key])
        return (notes.record(row) if row else None), "notes", {"id": key}
    spec = _KEYED[kind]
    pk = (
        {"document_id": document_id, spec.keys[-1]: key}
        if len(spec.keys) > 1
        else {"document_id": document_id}
    )
    return keyed.get(conn, spec, pk), spec.table, pk


def list_conflicts(conn: Connection, document_id: str | None = None) -> list[Conflict]:
    """Unresolved conflicts, oldest first."""
    sql = "SELECT * FROM conflicts WHERE resolved_at IS NULL"
    params: list[Any] = []
    if document_id:
        sql += " AND document_id = ?"
        params.append(document_id)
    out = []
    for r in conn.query(sql + " ORDER BY created_at, id", params):
        local, _, _ = _local(conn, r["kind"], r["document_id"], r["entity_key"])
        copy_id = r["id"] if r["kind"] == "note" else None
        out.append(
            Conflict(
                r["id"], r["kind"], r["document_id"], r["entity_key"], local, json.loads(r["theirs"]), copy_id
            )
        )
    return out


def resolve(conn: Connection, actor: str | None, conflict_id: str, keep: str) -> Change:
    """Settle a conflict keeping ``"local"`` or ``"theirs"``; returns the change made."""
    if keep not in ("local", "theirs"):
        raise ValueError("keep must be 'local' or 'theirs'")
    with conn.write():
        row = conn.query_one("SELECT * FROM conflicts WHERE id = ?", [conflict_id])
        if row is None or row["resolved_at"] is not None:
            raise StoreError("not_found", f"找不到未解决的冲突 {conflict_id}。")
        kind, did, key = row["kind"], row["document_id"], row["entity_key"]
        theirs = json.loads(row["theirs"])
        related: list[Change] = []
        if keep == "theirs":
            if kind == "note":
                values = {k: theirs[k] for k in notes.SETTABLE if k in theirs and k != "conflict_of"}
                related.append(notes.apply(conn, actor, key, values, op="resolve"))
            else:
                spec = _KEYED[kind]
                _, _, pk = _local(conn, kind, did, key)
                related.append(
                    keyed.put(conn, actor, spec, pk, {k: theirs[k] for k in spec.fields}, "resolve")
                )
        if kind == "note":
            related.append(notes.apply(conn, actor, conflict_id, {"deleted_at": now()}, op="resolve"))
        _, table, pk = _local(conn, kind, did, key)
        where = " AND ".join(f"{k} = ?" for k in pk)
        cur = conn.query_one(f"SELECT rev, history FROM {table} WHERE {where}", list(pk.values()))
        if cur is not None:
            hist = json.loads(cur["history"])
            if row["theirs_rev"] not in hist and row["theirs_rev"] != cur["rev"]:
                hist.insert(0, row["theirs_rev"])  # an ancestor now; the parent stays last
                conn.execute(f"UPDATE {table} SET history = ? WHERE {where}", [dumps(hist), *pk.values()])
        ts = now()
        conn.execute(
            "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?", [ts, keep, conflict_id]
        )
        seq = events.append(
            conn,
            tx=events.new_tx(),
            actor=actor,
            op="resolve",
            kind="conflict",
            entity_id=conflict_id,
            document_id=did,
            before={"resolved_at": None},
            after={"resolved_at": ts, "resolution": keep},
            ts=ts,
        )
    return Change(
        "conflict", "resolve", (conflict_id, key), did, None, {"resolution": keep}, tuple(related), seq
    )
