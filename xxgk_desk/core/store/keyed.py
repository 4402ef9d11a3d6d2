"""Shared machinery for the small keyed records: field values, decisions, review states.

Each is one row per key (``document_id`` plus a field key or finding id), carries a
content hash (``rev``) and the hashes it descends from (``history``) for merging, and is
written whole: ``Change.before``/``after`` are complete records, so undo is "write the
old record back".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import events
from .db import Connection
from .model import Change, dumps, next_rev, now

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class Spec:
    table: str
    kind: str  # the Change/event kind
    keys: tuple[str, ...]  # primary key columns
    fields: tuple[str, ...]  # content columns (hashed)
    json_fields: tuple[str, ...] = ()
    defaults: tuple[tuple[str, Any], ...] = ()

    @property
    def record_keys(self) -> tuple[str, ...]:
        return (*self.keys, *self.fields, "reviewer", "updated_at")

    def entity(self, key: dict[str, Any]) -> str:
        return str(key[self.keys[-1]])


def record(spec: Spec, row: dict[str, Any]) -> dict[str, Any]:
    rec = {k: row[k] for k in spec.record_keys}
    for k in spec.json_fields:
        rec[k] = None if row[k] is None else json.loads(row[k])
    return rec


def content(spec: Spec, rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec.get(k) for k in spec.fields}


def get_row(conn: Connection, spec: Spec, key: dict[str, Any]) -> dict[str, Any] | None:
    where = " AND ".join(f"{k} = ?" for k in spec.keys)
    return conn.query_one(f"SELECT * FROM {spec.table} WHERE {where}", [key[k] for k in spec.keys])


def get(conn: Connection, spec: Spec, key: dict[str, Any]) -> dict[str, Any] | None:
    """The record, or None when there is none or it cannot be read (then reported)."""
    row = get_row(conn, spec, key)
    return readable(conn, spec, row) if row else None


def write_row(conn: Connection, spec: Spec, rec: dict[str, Any], rev: str, history: str) -> None:
    row = {k: rec.get(k) for k in spec.record_keys}
    for k in spec.json_fields:
        row[k] = None if rec.get(k) is None else dumps(rec[k])
    conn.db.table(spec.table).upsert({**row, "rev": rev, "history": history}, pk=spec.keys)


def put(
    conn: Connection,
    actor: str | None,
    spec: Spec,
    key: dict[str, Any],
    values: dict[str, Any] | None,
    op: str = "set",
) -> Change:
    """Write ``values`` over the current record (``None``: back to the defaults)."""
    with conn.write():
        row = get_row(conn, spec, key)
        before = readable(conn, spec, row) if row else None  # an unreadable row is written over
        base = (
            dict(spec.defaults) if values is None or before is None else {k: before[k] for k in spec.fields}
        )
        new = {**key, **base, **(values or {}), "reviewer": actor, "updated_at": now()}
        if before is not None and content(spec, before) == content(spec, new):
            return Change(spec.kind, op, (spec.entity(key),), key["document_id"], before, before)
        rev, history = next_rev(
            content(spec, new), row["rev"] if row else None, row["history"] if row else None
        )
        write_row(conn, spec, new, rev, history)
        change = events.change(
            conn,
            tx=events.new_tx(),
            actor=actor,
            op=op,
            kind=spec.kind,
            entity_id=spec.entity(key),
            document_id=key["document_id"],
            before=before,
            after=new,
            ts=new["updated_at"],
        )
    return change


def all_for(conn: Connection, spec: Spec, document_id: str) -> list[dict[str, Any]]:
    order = ", ".join(spec.keys)
    rows = conn.query(f"SELECT * FROM {spec.table} WHERE document_id = ? ORDER BY {order}", [document_id])
    return [rec for r in rows if (rec := readable(conn, spec, r)) is not None]


_LABEL = {"field": "字段", "decision": "处理决定", "review": "审核状态"}


def readable(conn: Connection, spec: Spec, row: dict[str, Any]) -> dict[str, Any] | None:
    """The row's record, or None when it cannot be used (skipped and reported on ``conn.problems``)."""
    from .review_schema import DecisionRec, FieldRec, ReviewRec, row_problem

    models: dict[str, type[BaseModel]] = {"field": FieldRec, "decision": DecisionRec, "review": ReviewRec}
    model = models[spec.kind]
    try:
        rec = record(spec, row)
        problem = row_problem(model, rec)
    except (ValueError, TypeError):  # a JSON column that is not JSON
        problem = "内容不是合法的 JSON"
    if problem:
        what = _LABEL.get(spec.kind, spec.kind)
        conn.report(f"审核数据库中的{what} {spec.entity(row)[:40]} 无法读取，已跳过（{problem}）。")
        return None
    return rec
