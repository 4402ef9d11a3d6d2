"""Records the store returns, the closed vocabularies it accepts, and the change record.

All records are frozen dataclasses; offsets are code points into ``Document.text``;
times are ISO 8601 UTC strings with microseconds (``2025-01-02T03:04:05.123456Z``), so
they sort as text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from typing import Any

from .db import StoreError

# Built-in copies of the vocabularies in resources/rules/categories.yaml, used only when the
# rules cannot be loaded; the store validates ids against the rules (see ``vocabulary``).
CATEGORIES: dict[str, str] = {
    "missing": "缺项",
    "data_error": "数据错误",
    "wording": "表述不规范",
    "privacy": "隐私",
    "timeliness": "时效",
    "other": "其他",
    "highlight": "亮点",
}
SEVERITIES: dict[str, str] = {"error": "严重", "warning": "警告", "info": "提示"}
NOTE_STATUSES: dict[str, str] = {"open": "待处理", "resolved": "已解决", "wont_fix": "不予处理"}
REVIEW_STATES: dict[str, str] = {"unreviewed": "未审", "in_progress": "审核中", "done": "已完成"}
CONCLUSIONS: dict[str, str] = {"pass": "合格", "basic_pass": "基本合格", "resubmit": "需修改后重新报送"}
FIELD_STATUSES: dict[str, str] = {"unreviewed": "未核对", "reviewed": "已核对"}
DECISIONS: dict[str, str] = {"accepted": "采纳", "dismissed": "驳回", "none": "未处理"}

_VOCABULARIES: dict[
    str, tuple[str, str | None, dict[str, str]]
] = {  # kind → (Chinese name, categories.yaml list, built-in copy)
    "category": ("类别", "note_categories", CATEGORIES),
    "severity": ("严重程度", "severities", SEVERITIES),
    "status": ("状态", "note_statuses", NOTE_STATUSES),
    "state": ("审核状态", "review_states", REVIEW_STATES),
    "conclusion": ("审核结论", "conclusions", CONCLUSIONS),
    "field_status": ("核对状态", None, FIELD_STATUSES),
    "decision": ("处理结果", None, DECISIONS),
}


@cache
def _rules_vocabulary() -> Any:
    try:
        from xxgk_desk.core.rules import load_rules

        return load_rules().vocabulary
    except Exception:  # broken or missing rules files: keep the reviewer's work flowing
        return None


def vocabulary(kind: str) -> dict[str, str]:
    """id → Chinese label for ``kind`` (category, severity, status, state, conclusion, …),
    read from resources/rules/categories.yaml, or the built-in copy if that cannot be read."""
    _, attr, builtin = _VOCABULARIES[kind]
    vocab = _rules_vocabulary() if attr else None
    if attr is None or vocab is None:
        return dict(builtin)
    return {c.id: c.label for c in getattr(vocab, attr)}


def choice(kind: str, value: str) -> str:
    """The id for ``value`` (an id or its Chinese label) in vocabulary ``kind``, else StoreError."""
    label = _VOCABULARIES[kind][0]
    vocab = vocabulary(kind)
    v = str(value).strip()
    if v in vocab:
        return v
    for key, zh in vocab.items():
        if v == zh:
            return key
    options = "、".join(f"{zh}（{key}）" for key, zh in vocab.items())
    raise StoreError("invalid", f"未知的{label}“{value}”。可选：{options}。")


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys, no ASCII escaping) used for hashing and storage."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_rev(content: dict[str, Any]) -> str:
    """A short content hash: equal content on two machines gives the same rev."""
    return hashlib.sha256(dumps(content).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One file (by SHA-256) of a report, with the canonical text its offsets refer to."""

    file_sha256: str
    document_id: str
    text_sha256: str
    path: str | None
    kind: str | None
    pages: int | None
    extractor: str | None
    text_length: int | None
    added_at: str
    last_seen_at: str


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A report (institution + year) and its versions, oldest first."""

    id: str
    institution: str | None
    year: int | None
    title: str | None
    created_at: str
    updated_at: str
    versions: tuple[VersionInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note sits in one text version, and how that was found."""

    text_sha256: str
    start: int | None
    end: int | None
    page: int | None
    status: str  # anchored / fuzzy / orphan
    method: str | None  # position / exact / fuzzy / manual
    score: float
    anchored_at: str

    @property
    def is_orphan(self) -> bool:
        return self.status == "orphan"


@dataclass(frozen=True, slots=True)
class Note:
    """A reviewer's note. ``start``…``section`` are the selectors as the reviewer set them
    (on text ``text_sha256``); ``anchor`` is the note's place in the text version asked for
    (None when not asked, or for a note about the whole document or part)."""

    id: str
    document_id: str
    body: str
    category: str
    severity: str
    status: str
    reviewer: str | None
    created_at: str
    updated_at: str
    updated_by: str | None = None
    text_sha256: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    page: int | None = None
    section: str | None = None
    part: str | None = None
    parent_id: str | None = None
    finding_id: str | None = None
    conflict_of: str | None = None
    tags: tuple[str, ...] = ()
    deleted_at: str | None = None
    anchor: Anchor | None = None

    @property
    def has_span(self) -> bool:
        return self.start is not None and self.quote is not None

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What a new note says, as one value from the caller to the store (validated on writing).

    ``finding_id``: the finding it was accepted from; ``parent_id``: the note it answers.
    """

    body: str = ""
    category: str = "other"
    severity: str = "warning"
    status: str = "open"
    section: str | None = None
    part: str | None = None
    tags: tuple[str, ...] | list[str] = ()
    finding_id: str | None = None
    parent_id: str | None = None


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A field the engine extracted and what the reviewer says it is."""

    document_id: str
    key: str
    extracted: Any
    value: Any
    status: str  # unreviewed / reviewed
    reviewer: str | None
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reviewer did with one engine finding."""

    document_id: str
    finding_id: str
    decision: str  # accepted / dismissed / none
    reason: str | None
    note_id: str | None
    reviewer: str | None
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class ReviewState:
    """The review of one report as a whole."""

    document_id: str
    state: str  # unreviewed / in_progress / done
    conclusion: str | None
    summary: str | None
    reviewer: str | None
    updated_at: str | None


@dataclass(frozen=True, slots=True)
class Event:
    """One row of the append-only event log."""

    seq: int
    id: str
    tx: str
    ts: str
    actor: str | None
    op: str
    kind: str
    entity_id: str | None
    document_id: str | None
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class Change:
    """What one operation changed, for selective refresh and undo.

    ``kind``: note / field / decision / review / document / anchor / conflict / import.
    ``op``: create / update / delete / restore / reattach / set / accept / dismiss / reset /
    register / reanchor / resolve / import / undo / redo.
    ``before``/``after``: the changed attributes (a whole record for a create, None when the
    entity did not exist). ``related`` holds the other entities the same transaction touched
    (accepting a finding creates a note). ``seq`` is the event log position.
    """

    kind: str
    op: str
    ids: tuple[str, ...]
    document_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    related: tuple[Change, ...] = ()
    seq: int | None = None

    @property
    def id(self) -> str:
        return self.ids[0]


@dataclass(frozen=True, slots=True)
class AnchorReport:
    """The result of re-anchoring a document's notes on one text version."""

    document_id: str
    text_sha256: str
    counts: dict[str, int] = field(default_factory=dict)  # anchored / fuzzy / orphan
    changed: tuple[str, ...] = ()  # note ids whose anchor row was (re)computed
    orphans: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocRef:
    """The report a file belongs to, as returned by ``Store.register_version``."""

    id: str
    file_sha256: str
    text_sha256: str
    institution: str | None
    year: int | None
    new_document: bool = False
    new_version: bool = False
    reanchor: AnchorReport | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A record changed on both sides of a merge. For notes, ``copy_id`` is the imported
    version kept as its own note (``conflict_of`` = the local note)."""

    id: str
    kind: str  # note / field / decision / review
    document_id: str | None
    key: str  # note id, field key, finding id or document id
    local: dict[str, Any] | None
    theirs: dict[str, Any]
    copy_id: str | None = None


def chained_rev(content: dict[str, Any], parent: str | None) -> str:
    """A record's rev: a hash of its content and the rev it was edited from.

    Chaining the parent in means returning to an earlier content (undo, restore after a
    delete) is a new rev, not an old one, so merges can tell "newer" from "older".
    """
    return content_rev({"content": content, "parent": parent})


def next_rev(content: dict[str, Any], old_rev: str | None, old_history: str | None) -> tuple[str, str]:
    """``(rev, history JSON)`` after a write; the history lists ancestors, parent last."""
    history = json.loads(old_history) if old_history else []
    if old_rev and old_rev not in history:
        history.append(old_rev)
    return chained_rev(content, old_rev), dumps(history)
