"""The append-only event log: who did what, when, with the values before and after.

Every operation appends its events in the same transaction as the change itself, so the
log and the data never disagree; triggers make the table append-only. ``tx`` groups the
events of one operation (an import writes many). The log gives audit (``Store.events``),
recovery (the ``before``/``after`` of every change) and undo (see ``undo.py``).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from .db import Connection
from .model import Change, Event, dumps, now


def new_tx() -> str:
    return uuid.uuid4().hex


def append(
    conn: Connection,
    *,
    tx: str,
    actor: str | None,
    op: str,
    kind: str,
    entity_id: str | None,
    document_id: str | None,
    before: Any = None,
    after: Any = None,
    ts: str | None = None,
    event_id: str | None = None,
) -> int:
    """Append one event (inside the caller's write transaction); returns its ``seq``."""
    cur = conn.execute(
        "INSERT INTO events (id, tx, ts, actor, op, kind, entity_id, document_id, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event_id or uuid.uuid4().hex,
            tx,
            ts or now(),
            actor,
            op,
            kind,
            entity_id,
            document_id,
            None if before is None else dumps(before),
            None if after is None else dumps(after),
        ),
    )
    return int(cur.lastrowid or 0)


def change(
    conn: Connection,
    *,
    tx: str,
    actor: str | None,
    op: str,
    kind: str,
    entity_id: str,
    document_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ts: str | None = None,
) -> Change:
    """Log one change of one entity and say what changed: the event and the :class:`Change` agree by construction."""
    seq = append(
        conn,
        tx=tx,
        actor=actor,
        op=op,
        kind=kind,
        entity_id=entity_id,
        document_id=document_id,
        before=before,
        after=after,
        ts=ts,
    )
    return Change(kind, op, (entity_id,), document_id, before, after, seq=seq)


def _event(row: dict[str, Any]) -> Event:
    return Event(
        seq=row["seq"],
        id=row["id"],
        tx=row["tx"],
        ts=row["ts"],
        actor=row["actor"],
        op=row["op"],
        kind=row["kind"],
        entity_id=row["entity_id"],
        document_id=row["document_id"],
        before=None if row["before"] is None else json.loads(row["before"]),
        after=None if row["after"] is None else json.loads(row["after"]),
    )


def list_events(
    conn: Connection,
    *,
    document_id: str | None = None,
    kind: str | None = None,
    entity_id: str | None = None,
    since: int = 0,
    limit: int | None = None,
) -> list[Event]:
    """Events in log order, optionally filtered; ``since`` is an exclusive ``seq``."""
    where = ["seq > ?"]
    params: list[object] = [since]
    for col, val in (("document_id", document_id), ("kind", kind), ("entity_id", entity_id)):
        if val is not None:
            where.append(f"{col} = ?")
            params.append(val)
    sql = f"SELECT * FROM events WHERE {' AND '.join(where)} ORDER BY seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_event(r) for r in conn.query(sql, params)]
