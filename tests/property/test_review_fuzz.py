"""Fuzzing review files: generated from the schema (review_schema.py), then mutated.

* A generated file always imports, every read of the database works afterwards, and importing it
  again changes nothing.
* A mutated file (a value replaced by a hostile one, a key dropped, an unknown key added) either
  imports — and then every read still works: nothing that poisons the database gets in — or is
  refused with a one-line Chinese StoreError and the database is exactly as before.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk_desk.core.store import Store, StoreError, vocabulary
from xxgk_desk.core.store.review_schema import FORMAT, FORMAT_VERSION, DocumentRec, NoteRec, ReviewFile

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
STAMP = st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
SHA = st.binary(min_size=32, max_size=32).map(bytes.hex)
UUID = st.uuids().map(str)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def _choice(kind: str) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(vocabulary(kind)))


@st.composite
def notes(draw: st.DrawFn, versions: list[dict[str, Any]]) -> dict[str, Any]:
    note: dict[str, Any] = {
        "id": draw(UUID),
        "category": draw(_choice("category")),
        "severity": draw(_choice("severity")),
        "status": draw(_choice("status")),
        "body": draw(TEXT),
        "created_at": draw(STAMP),
        "updated_at": draw(STAMP),
        "tags": draw(st.lists(TEXT, max_size=3)),
        "reviewer": draw(st.none() | TEXT),
    }
    if versions and draw(st.booleans()):
        v = draw(st.sampled_from(versions))
        end = draw(st.integers(0, v["text_length"]))
        start = draw(st.integers(0, end))
        note |= {"text_sha256": v["text_sha256"], "start": start, "end": end, "quote": draw(TEXT)}
        note["page"] = draw(st.none() | st.integers(1, 50))
    return note


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    versions = [
        {"file_sha256": draw(SHA), "text_sha256": draw(SHA), "text_length": draw(st.integers(0, 5000))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    doc: dict[str, Any] = {
        "id": draw(UUID),
        "institution": draw(st.none() | TEXT.filter(bool)),
        "year": draw(st.none() | st.integers(2000, 2030)),
        "created_at": draw(STAMP),
        "updated_at": draw(STAMP),
        "versions": versions,
        "notes": draw(st.lists(notes(versions), max_size=4, unique_by=lambda n: n["id"])),
        "fields": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"key": TEXT.filter(bool), "extracted": JSON_VALUE, "value": JSON_VALUE},
                    optional={"status": _choice("field_status")},
                ).map(lambda f: {"status": "unreviewed", **f}),
                max_size=2,
                unique_by=lambda f: f["key"],
            )
        ),
        "decisions": draw(
            st.lists(
                st.fixed_dictionaries({"finding_id": TEXT.filter(bool), "decision": _choice("decision")}),
                max_size=2,
                unique_by=lambda d: d["finding_id"],
            )
        ),
    }
    if draw(st.booleans()):
        doc["review"] = {
            "state": draw(_choice("state")),
            "conclusion": draw(st.none() | _choice("conclusion")),
        }
    return doc


REVIEW_FILES = st.fixed_dictionaries(
    {
        "format": st.just(FORMAT),
        "format_version": st.just(FORMAT_VERSION),
        "documents": st.lists(documents(), min_size=1, max_size=2, unique_by=lambda d: d["id"]),
    }
)

HOSTILE = (
    st.sampled_from([None, True, 2**70, -1, float("nan"), float("inf"), "\ud800", "", [], {}, "x" * 30_000])
    | st.recursive(st.integers(), lambda inner: st.lists(inner, min_size=1, max_size=1), max_leaves=50)
    | JSON_VALUE
)


def _paths(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [loc] if loc else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*loc, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*loc, i))
    return out


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(REVIEW_FILES)
    for _ in range(draw(st.integers(1, 3))):
        loc = draw(st.sampled_from(_paths(data)))
        parent = data
        for k in loc[:-1]:
            parent = parent[k]
        how = draw(st.sampled_from(["replace", "drop", "add"]))
        if how == "drop" and isinstance(parent, dict):
            del parent[loc[-1]]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(TEXT)] = draw(HOSTILE)
        else:
            parent[loc[-1]] = draw(HOSTILE)
    return data


def _state(store: Store) -> list[tuple[str, int]]:
    """Rows per table: what a refused import must leave as it was."""
    tables = [r["name"] for r in store.conn.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [(t, store.conn.query_one(f'SELECT COUNT(*) AS n FROM "{t}"')["n"]) for t in sorted(tables)]


def _read_everything(store: Store) -> None:
    """What list, memo, batch and the window read: none of it may fail after an import."""
    for d in store.list_documents():
        store.list_notes(d.id, include_deleted=True)
        store.list_fields(d.id)
        store.list_decisions(d.id)
        store.get_review(d.id)
        store.w3c_annotations(d.id)
    store.list_conflicts()
    store.export_review(include_events=True)


def test_the_generator_follows_the_schema() -> None:
    # every key the generator writes is one the schema knows (so it does not only test "ignored")
    assert {"id", "category", "severity", "status", "body", "start", "end"} <= set(NoteRec.model_fields)
    assert {"versions", "notes", "fields", "decisions", "review"} <= set(DocumentRec.model_fields)
    assert "documents" in ReviewFile.model_fields


_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(data=REVIEW_FILES)
def test_generated_review_files_import_and_reimport_unchanged(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "r.sqlite3", reviewer="乙") as store:
        rep = store.import_review(data)
        assert rep.conflicts == 0
        _read_everything(store)
        before = _state(store)
        again = store.import_review(data)
        assert all(c["added"] == c["updated"] == 0 for c in again.counts.values())
        assert [s for s in _state(store) if s[0] != "events"] == [s for s in before if s[0] != "events"]


@_SETTINGS
@given(data=mutated())
def test_mutated_review_files_import_cleanly_or_change_nothing(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "r.sqlite3", reviewer="乙") as store:
        seed = store.import_review(
            {"format": FORMAT, "format_version": 1, "documents": [_own_document()]}
        )  # the reviewer's own work
        assert seed.documents_added == 1
        before = _state(store)
        try:
            store.import_review(data)
        except StoreError as e:
            assert "\n" not in e.message and e.message.strip() and len(e.message) < 600
            assert _state(store) == before
        _read_everything(store)


def _own_document() -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": "2025-01-01T00:00:00.000000Z",
        "updated_at": "2025-01-01T00:00:00.000000Z",
        "notes": [
            {
                "id": str(uuid.uuid4()),
                "category": "other",
                "severity": "info",
                "status": "open",
                "body": "自己的批注",
                "created_at": "2025-01-01T00:00:00.000000Z",
                "updated_at": "2025-01-01T00:00:00.000000Z",
            }
        ],
    }
