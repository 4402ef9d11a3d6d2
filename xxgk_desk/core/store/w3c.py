"""Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), for other tools.

One ``AnnotationCollection`` per report. Each note is an ``Annotation`` whose target is
``{"source": "urn:sha256:<file SHA-256>", "selector": [TextQuoteSelector, TextPositionSelector]}``.
``TextPositionSelector`` ``start``/``end`` count Unicode **code points** of the canonical
text xxgk-desk extracted (as the W3C model specifies; the Hypothesis client counts UTF-16
units instead), so they only hold for that text: ``xxgk:textSha256`` names it. A note
about the whole document has no selector; a reply targets the note it answers
(``urn:uuid:<id>``, motivation ``replying``). An orphan keeps only its TextQuoteSelector.
Category, severity and status are ``tagging`` bodies plus ``xxgk:`` extension keys.
"""

from __future__ import annotations

from typing import Any

from xxgk_desk.core.document import Document

from .db import Connection
from .model import Note, vocabulary
from .notes import list_notes

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
XXGK = "https://github.com/xxgk-desk/xxgk-desk/ns#"


def _source_for(
    conn: Connection, note: Note, doc: Document | None, fallback: str | None
) -> tuple[str | None, str | None]:
    if doc is not None:
        return doc.file_sha256, doc.text_sha256
    row = conn.query_one(
        "SELECT file_sha256 FROM versions WHERE text_sha256 = ? ORDER BY added_at LIMIT 1", [note.text_sha256]
    )
    return (row["file_sha256"] if row else fallback), note.text_sha256


def annotation(conn: Connection, note: Note, doc: Document | None, fallback: str | None) -> dict[str, Any]:
    """One note as a W3C Annotation."""
    file_sha, text_sha = _source_for(conn, note, doc, fallback)
    source = f"urn:sha256:{file_sha}" if file_sha else None
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": note.body,
            "format": "text/plain",
            "language": "zh",
            "purpose": "commenting",
        },
        {
            "type": "TextualBody",
            "value": vocabulary("category").get(note.category, note.category),
            "purpose": "tagging",
        },
    ]
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in note.tags]
    target: Any
    if note.parent_id:
        target = f"urn:uuid:{note.parent_id}"
    else:
        target = {"source": source}
        sel = _selectors(note, doc)
        if sel:
            target["selector"] = sel
            target["xxgk:textSha256"] = text_sha
    ann: dict[str, Any] = {
        "id": f"urn:uuid:{note.id}",
        "type": "Annotation",
        "motivation": "replying"
        if note.parent_id
        else ("highlighting" if note.category == "highlight" else "commenting"),
        "created": note.created_at,
        "modified": note.updated_at,
        "creator": {"type": "Person", "name": note.reviewer},
        "body": bodies,
        "target": target,
        "xxgk:category": note.category,
        "xxgk:severity": note.severity,
        "xxgk:severityLabel": vocabulary("severity").get(note.severity),
        "xxgk:status": note.status,
        "xxgk:statusLabel": vocabulary("status").get(note.status),
    }
    for key, val in (
        ("section", note.section),
        ("part", note.part),
        ("page", note.anchor.page if doc is not None and note.anchor is not None else note.page),
        ("finding", note.finding_id),
    ):
        if val is not None:
            ann[f"xxgk:{key}"] = val
    if note.anchor is not None and doc is not None:
        ann["xxgk:anchorStatus"] = note.anchor.status
        ann["xxgk:anchorMethod"] = note.anchor.method
        ann["xxgk:anchorScore"] = note.anchor.score
    return ann


def _selectors(note: Note, doc: Document | None) -> list[dict[str, Any]]:
    if not note.has_span:
        return []
    quote = {
        "type": "TextQuoteSelector",
        "exact": note.quote,
        "prefix": note.prefix or "",
        "suffix": note.suffix or "",
    }
    if doc is None:
        start, end = note.start, note.end
    elif note.anchor is not None and note.anchor.start is not None:
        start, end = note.anchor.start, note.anchor.end
    else:  # an orphan on this text: the quote is all we can say
        return [quote]
    return [quote, {"type": "TextPositionSelector", "start": start, "end": end}]


def collection(conn: Connection, document_id: str, doc: Document | None = None) -> dict[str, Any]:
    """All live notes of a report (positions on ``doc`` if given) as an AnnotationCollection."""
    notes = list_notes(conn, document_id, doc.text_sha256 if doc else None)
    latest = conn.query_one(
        "SELECT file_sha256 FROM versions WHERE document_id = ? ORDER BY added_at DESC LIMIT 1", [document_id]
    )
    fallback = latest["file_sha256"] if latest else None
    items = [annotation(conn, n, doc, fallback) for n in notes]
    return {
        "@context": [CONTEXT, {"xxgk": XXGK}],
        "id": f"urn:uuid:{document_id}",
        "type": "AnnotationCollection",
        "label": "xxgk-desk notes",
        "xxgk:offsetUnit": "codepoint",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
