"""Field values: what the engine extracted for a field and what the reviewer says it is.

The engine recomputes ``extracted`` freely; the store keeps the reviewer's ``value`` and
``status`` (``reviewed`` / ``unreviewed``), and the extracted value they saw, so a changed
extraction can be flagged. Values are any JSON-serialisable data (numbers, strings, lists).
Field keys are the engine's (e.g. ``on_request.received``).
"""

from __future__ import annotations

from typing import Any

from . import keyed
from .db import Connection
from .model import Change, FieldValue, choice

SPEC = keyed.Spec(
    table="field_values",
    kind="field",
    keys=("document_id", "key"),
    fields=("extracted", "value", "status"),
    json_fields=("extracted", "value"),
    defaults=(("extracted", None), ("value", None), ("status", "unreviewed")),
)
_UNSET: Any = object()


def _field(rec: dict[str, Any]) -> FieldValue:
    return FieldValue(**rec)


def set_field(
    conn: Connection,
    actor: str | None,
    document_id: str,
    key: str,
    *,
    value: Any = _UNSET,
    extracted: Any = _UNSET,
    status: str = "reviewed",
) -> Change:
    """Record the reviewer's value (and/or the extracted one) and mark the field reviewed."""
    values: dict[str, Any] = {"status": choice("field_status", status)}
    if value is not _UNSET:
        values["value"] = value
    if extracted is not _UNSET:
        values["extracted"] = extracted
    return keyed.put(conn, actor, SPEC, {"document_id": document_id, "key": key}, values)


def get_field(conn: Connection, document_id: str, key: str) -> FieldValue | None:
    rec = keyed.get(conn, SPEC, {"document_id": document_id, "key": key})
    return _field(rec) if rec else None


def list_fields(conn: Connection, document_id: str) -> dict[str, FieldValue]:
    return {r["key"]: _field(r) for r in keyed.all_for(conn, SPEC, document_id)}
