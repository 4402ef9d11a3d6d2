"""The review state of a report as a whole: 未审 / 审核中 / 已完成, conclusion, summary."""

from __future__ import annotations

from typing import Any

from . import keyed
from .db import Connection
from .model import Change, ReviewState, choice

SPEC = keyed.Spec(
    table="review_states",
    kind="review",
    keys=("document_id",),
    fields=("state", "conclusion", "summary"),
    defaults=(("state", "unreviewed"), ("conclusion", None), ("summary", None)),
)
_UNSET: Any = object()


def set_review(
    conn: Connection,
    actor: str | None,
    document_id: str,
    *,
    state: str | None = None,
    conclusion: Any = _UNSET,
    summary: Any = _UNSET,
) -> Change:
    """Change the state, conclusion (an id, a label or None) and/or summary text."""
    values: dict[str, Any] = {}
    if state is not None:
        values["state"] = choice("state", state)
    if conclusion is not _UNSET:
        values["conclusion"] = None if conclusion is None else choice("conclusion", conclusion)
    if summary is not _UNSET:
        values["summary"] = summary
    return keyed.put(conn, actor, SPEC, {"document_id": document_id}, values)


def get_review(conn: Connection, document_id: str) -> ReviewState:
    rec = keyed.get(conn, SPEC, {"document_id": document_id})
    if rec is None:
        return ReviewState(document_id, "unreviewed", None, None, None, None)
    return ReviewState(**rec)
