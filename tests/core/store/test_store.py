"""The Store API: documents and versions, notes, fields, decisions, review state, events, undo."""

from __future__ import annotations

import sqlite3

import pytest

from xxgk_desk.core.store import NoteDraft, Store, StoreError, default_db_path
from xxgk_desk.core.store.db import ENV_DB, resolve_db_path

from .conftest import REPORT, make_doc, span


def test_default_path_env_and_explicit(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_DB, raising=False)
    p = default_db_path()
    assert p.name == "reviews.sqlite3" and "xxgk-desk" in str(p)
    monkeypatch.setenv(ENV_DB, str(tmp_path / "env.sqlite3"))
    assert default_db_path() == tmp_path / "env.sqlite3"
    assert resolve_db_path(None) == tmp_path / "env.sqlite3"
    assert resolve_db_path(tmp_path / "cli.sqlite3") == tmp_path / "cli.sqlite3"
    with Store(reviewer="x") as s:  # the env var is honoured by Store() too
        assert s.path == tmp_path / "env.sqlite3"
    assert (tmp_path / "env.sqlite3").exists()


def test_pragmas(store):
    raw = store.conn.raw
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.integrity_check() == "ok"


def test_register_version_identity(store, doc):
    a = store.register_version(doc, "某某大学", 2024)
    assert a.new_document and a.new_version
    again = store.register_version(doc)
    assert again.id == a.id and not again.new_document and not again.new_version
    revised = make_doc(REPORT + ["五、其他"], name="revised")
    b = store.register_version(revised, "某某大学", 2024)
    assert b.id == a.id and b.new_version and not b.new_document
    other = store.register_version(make_doc(REPORT, salt="x"), "另一大学", 2024)
    assert other.id != a.id
    info = store.get_document(a.id)
    assert [v.file_sha256 for v in info.versions] == [doc.file_sha256, revised.file_sha256]
    assert info.versions[0].path == doc.path and info.versions[0].pages == doc.page_count
    assert info.versions[0].extractor == "test-1" and info.versions[0].text_sha256 == doc.text_sha256
    assert len(store.list_documents()) == 2


def test_register_fills_missing_identity_but_never_overwrites(store, doc):
    ref = store.register_version(doc)
    assert ref.institution is None
    assert store.register_version(doc, "甲大学", 2023).institution == "甲大学"
    assert store.register_version(doc, "乙大学", 2022).institution == "甲大学"
    second = store.register_version(make_doc(["x"]), "丙大学", 2023)
    with pytest.raises(StoreError) as e:
        store.update_document(second.id, institution="甲大学")  # 甲大学 2023 exists already
    assert e.value.code == "exists"
    ch = store.update_document(second.id, title="丙大学年报")
    assert ch.before == {"title": None} and store.get_document(second.id).title == "丙大学年报"


def test_add_note_keeps_all_selectors(store):
    doc = make_doc(REPORT, per_page=3)
    store.register_version(doc, "某某大学", 2024)
    s, e = span(doc, "予以公开8件")
    ch = store.add_note(doc, s, e, body="应为9件", category="数据错误", severity="error", section="三")
    assert ch.kind == "note" and ch.op == "create" and ch.before is None and ch.seq
    n = store.get_note(ch.id, doc)
    assert (n.start, n.end, n.quote) == (s, e, "予以公开8件")
    assert n.prefix == doc.text[s - 32 : s] and n.suffix == doc.text[e : e + 32]
    assert n.page == doc.page_at(s) == 3
    assert n.category == "data_error" and n.severity == "error" and n.status == "open"
    assert n.section == "三" and n.reviewer == "张三" and n.text_sha256 == doc.text_sha256
    assert n.anchor.status == "anchored" and n.anchor.method == "position"
    ev = store.events(kind="note", entity_id=ch.id)
    assert [e.op for e in ev] == ["create"] and ev[0].after["body"] == "应为9件" and ev[0].actor == "张三"


def test_document_and_part_notes_have_no_span(store, doc):
    a = store.add_note(doc, body="整体结构完整", category="highlight", severity="info")
    b = store.add_note(doc, body="缺少评议部分", category="missing", part="evaluation", reviewer="李四")
    for ch in (a, b):
        n = store.get_note(ch.id, doc)
        assert not n.has_span and n.anchor is None and n.start is None
    assert store.get_note(b.id).part == "evaluation" and store.get_note(b.id).reviewer == "李四"


def test_invalid_input_gets_chinese_messages(store, doc):
    with pytest.raises(StoreError) as e:
        store.add_note(doc, body="x", category="typo")
    assert "未知的类别" in e.value.message and "缺项" in e.value.message
    with pytest.raises(StoreError) as e:
        store.add_note(doc, 5, 5, body="x")
    assert e.value.code == "bad_span"
    with pytest.raises(StoreError):
        store.set_note_status(store.add_note(doc, body="x").id, "done")
    with pytest.raises(StoreError) as e:
        store.update_note("no-such-id", body="x")
    assert e.value.code == "not_found"


def test_update_returns_previous_values_and_undo_redo(store, doc):
    ch = store.add_note(doc, *span(doc, "新闻动态667条"), body="原文", tags=["待核"])
    up = store.update_note(ch.id, body="改后", status="resolved", tags=["已核", "数字"])
    assert up.before == {"body": "原文", "status": "open", "tags": ["待核"]}
    assert up.after == {"body": "改后", "status": "resolved", "tags": ["已核", "数字"]}
    assert store.update_note(ch.id, body="改后").after == {}  # nothing changed: no event
    store.undo(up)
    n = store.get_note(ch.id)
    assert (n.body, n.status, n.tags) == ("原文", "open", ("待核",))
    store.redo(up)
    assert store.get_note(ch.id).body == "改后"
    assert [e.op for e in store.events(kind="note", entity_id=ch.id)] == ["create", "update", "undo", "redo"]


def test_delete_restore_and_undo_create(store, doc):
    ch = store.add_note(doc, *span(doc, "未收取任何费用"), body="好")
    d = store.delete_note(ch.id)
    assert store.list_notes(doc) == [] and len(store.list_notes(doc, include_deleted=True)) == 1
    store.undo(d)
    assert [n.id for n in store.list_notes(doc)] == [ch.id]
    store.undo(ch)  # undoing a creation soft-deletes
    assert store.get_note(ch.id).deleted
    store.redo(ch)
    assert not store.get_note(ch.id).deleted
    assert store.conn.query_one("SELECT COUNT(*) AS n FROM notes")["n"] == 1


def test_replies(store, doc):
    root = store.add_note(doc, *span(doc, "信息不存在2件"), body="理由？", category="wording")
    r = store.reply(root.id, "已补充理由", reviewer="李四")
    n = store.get_note(r.id)
    assert (
        n.parent_id == root.id and n.is_reply and n.reviewer == "李四" and n.document_id == root.document_id
    )
    other = store.add_note(make_doc(["另一份报告"], name="o"), body="x")
    from xxgk_desk.core.store import notes as notes_mod

    with pytest.raises(StoreError) as e:
        notes_mod.create(store.conn, "x", other.document_id, NoteDraft(body="y", parent_id=root.id))
    assert e.value.code == "bad_parent"
    assert store.add_note(doc, body="still writable").kind == "note"


def test_event_log_is_append_only(store, doc):
    store.add_note(doc, body="x")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.raw.execute("UPDATE events SET actor = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.raw.execute("DELETE FROM events")


def test_fields(store, doc):
    ch = store.set_field(doc, "on_request.received", extracted=12, value=13)
    assert ch.before is None and ch.after["value"] == 13 and ch.after["status"] == "reviewed"
    f = store.get_field(doc, "on_request.received")
    assert (f.extracted, f.value, f.status, f.reviewer) == (12, 13, "reviewed", "张三")
    ch2 = store.set_field(doc, "on_request.received", status="unreviewed")
    assert store.get_field(doc, "on_request.received").value == 13  # status only
    store.undo(ch2)
    assert store.get_field(doc, "on_request.received").status == "reviewed"
    store.undo(ch)
    f = store.get_field(doc, "on_request.received")
    assert f.value is None and f.status == "unreviewed"
    store.set_field(doc, "contact.phones", value=["0712-1234567"], extracted=[])
    assert store.list_fields(doc)["contact.phones"].value == ["0712-1234567"]


def test_decisions(store, doc):
    ch = store.accept_finding(
        doc,
        "sum_mismatch:abc",
        start=span(doc, "12件")[0],
        end=span(doc, "12件")[1],
        body="合计不符",
        category="data_error",
        severity="error",
    )
    assert ch.kind == "decision" and ch.op == "accept" and ch.related[0].kind == "note"
    note = store.get_note(ch.related[0].id)
    assert note.finding_id == "sum_mismatch:abc" and note.quote == "12件"
    d = store.get_decision(doc, "sum_mismatch:abc")
    assert d.decision == "accepted" and d.note_id == note.id
    with pytest.raises(StoreError):
        store.accept_finding(doc, "sum_mismatch:abc", body="again")
    store.undo(ch)
    assert store.get_decision(doc, "sum_mismatch:abc").decision == "none"
    assert store.get_note(note.id).deleted
    with pytest.raises(StoreError):
        store.dismiss_finding(doc, "placeholder:1", " ")
    store.dismiss_finding(doc, "placeholder:1", "是网址中的 xxgk，不是占位符")
    assert store.list_decisions(doc)["placeholder:1"].reason.startswith("是网址")
    store.reset_finding(doc, "placeholder:1")
    assert store.get_decision(doc, "placeholder:1").decision == "none"


def test_review_state(store, doc):
    assert store.get_review(doc).state == "unreviewed"
    ch = store.set_review(doc, state="审核中")
    assert store.get_review(doc).state == "in_progress" and ch.before is None
    store.set_review(doc, state="done", conclusion="基本合格", summary="缺评议部分")
    r = store.get_review(doc)
    assert (r.state, r.conclusion, r.summary, r.reviewer) == ("done", "basic_pass", "缺评议部分", "张三")
    with pytest.raises(StoreError):
        store.set_review(doc, state="finished")


def test_notes_follow_the_report_to_a_revised_version(store):
    v1 = make_doc(REPORT, name="v1")
    store.register_version(v1, "某某大学", 2024)
    keep = store.add_note(v1, *span(v1, "主动公开信息1234条"), body="核对")
    edit = store.add_note(v1, *span(v1, "本学年共受理信息公开申请12件"), body="件数")
    gone = store.add_note(v1, *span(v1, "学校在依申请公开工作中未收取任何费用。"), body="好")
    whole = store.add_note(v1, body="整体")
    paras = list(REPORT)
    paras.insert(1, "（本报告于2024年11月修订）")
    paras[7] = paras[7].replace("本学年共受理信息公开申请12件", "本学年共受理信息公开申请13件")
    paras[9] = "学校未发生收费。"
    v2 = make_doc(paras, name="v2")
    ref = store.register_version(v2, "某某大学", 2024)
    assert ref.new_version and ref.reanchor.counts == {"anchored": 1, "fuzzy": 1, "orphan": 1}
    assert ref.reanchor.orphans == (gone.id,)
    by_id = {n.id: n for n in store.list_notes(v2)}
    assert len(by_id) == 4 and by_id[whole.id].anchor is None
    a = by_id[keep.id].anchor
    assert v2.text[a.start : a.end] == "主动公开信息1234条" and a.method == "exact"
    assert v2.text[by_id[edit.id].anchor.start : by_id[edit.id].anchor.end] == "本学年共受理信息公开申请13件"
    assert by_id[edit.id].anchor.status == "fuzzy" and 0 < by_id[edit.id].anchor.score < 1
    assert [n.id for n in store.orphans(v2)] == [gone.id]
    # the reviewer's selectors are untouched; the old version still anchors by position
    assert by_id[edit.id].quote == "本学年共受理信息公开申请12件"
    assert store.get_note(edit.id, v1).anchor.method == "position"
    # re-attach the orphan by hand
    s, e = span(v2, "学校未发生收费。")
    ch = store.reattach_note(gone.id, v2, s, e)
    assert ch.op == "reattach" and ch.before["quote"] == "学校在依申请公开工作中未收取任何费用。"
    n = store.get_note(gone.id, v2)
    assert (n.anchor.status, n.anchor.method, n.quote) == ("anchored", "manual", "学校未发生收费。")
    assert store.orphans(v2) == []
    assert store.anchor_notes(v2, force=True).changed.count(gone.id) == 0  # manual anchors are kept
    store.undo(ch)
    assert store.get_note(gone.id).quote == "学校在依申请公开工作中未收取任何费用。"
    assert [o.id for o in store.orphans(v2)] == [gone.id]  # the orphan row came back with the undo
    store.anchor_notes(v2)
    assert [o.id for o in store.orphans(v2)] == [gone.id]
    kinds = [(e.kind, e.op) for e in store.events(ref.id)]
    assert ("anchor", "reanchor") in kinds and ("note", "reattach") in kinds


def test_same_file_better_extractor_reanchors(store):
    v1 = make_doc(REPORT)
    store.register_version(v1)
    n = store.add_note(v1, *span(v1, "通知公告567条"), body="x")
    # same file, re-extracted: line breaks differ
    from dataclasses import replace

    v1b = replace(v1, text=v1.text.replace("，", "，\n"), text_sha256="", extractor="test-2")
    ref = store.register_version(v1b)
    assert not ref.new_version and ref.reanchor.changed == (n.id,)
    info = store.get_document(ref.id).versions[0]
    assert info.text_sha256 == v1b.text_sha256 and info.extractor == "test-2"
    a = store.get_note(n.id, v1b).anchor
    assert v1b.text[a.start : a.end] == "通知公告567条"
    assert any(e.kind == "version" and e.op == "update" for e in store.events(ref.id))


def test_w3c_export(store, doc):
    s, e = span(doc, "不予公开2件")
    root = store.add_note(doc, s, e, body="理由未说明", category="wording", severity="warning", tags=["理由"])
    store.reply(root.id, "同意")
    store.add_note(doc, body="整体", category="highlight", severity="info")
    col = store.w3c_annotations(doc)
    assert col["type"] == "AnnotationCollection" and col["total"] == 3
    assert col["xxgk:offsetUnit"] == "codepoint"
    first, reply, whole = col["first"]["items"]
    assert first["target"]["source"] == f"urn:sha256:{doc.file_sha256}"
    quote, pos = first["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "不予公开2件",
        "prefix": doc.text[s - 32 : s],
        "suffix": doc.text[e : e + 32],
    }
    assert pos == {"type": "TextPositionSelector", "start": s, "end": e}
    assert first["body"][0]["value"] == "理由未说明" and first["body"][1]["value"] == "表述不规范"
    assert reply["motivation"] == "replying" and reply["target"] == first["id"]
    assert whole["motivation"] == "highlighting" and "selector" not in whole["target"]
    assert first["id"] == f"urn:uuid:{root.id}"


def test_vocabularies_come_from_the_rules(monkeypatch):
    from xxgk_desk.core.rules import load_rules
    from xxgk_desk.core.store import model

    v = load_rules().vocabulary
    assert model.vocabulary("category") == {c.id: c.label for c in v.note_categories}
    assert model.vocabulary("conclusion") == {c.id: c.label for c in v.conclusions}
    assert model.choice("severity", v.label("severities", "error")) == "error"
    monkeypatch.setattr(model, "_rules_vocabulary", lambda: None)  # rules unreadable: built-in copy
    assert model.vocabulary("category") == model.CATEGORIES
    assert model.choice("category", "亮点") == "highlight"


def test_the_reviewer_name_lives_with_its_database(tmp_path):
    from xxgk_desk.core.store import Store

    a = Store(tmp_path / "a.sqlite3")
    b = Store(tmp_path / "b.sqlite3")
    assert a.reviewer_name is None and b.reviewer_name is None
    a.set_reviewer_name("张三")
    b.set_reviewer_name(" 李四 ")
    a.close()
    b.close()
    a, b = Store(tmp_path / "a.sqlite3"), Store(tmp_path / "b.sqlite3")
    assert (a.reviewer_name, a.reviewer) == ("张三", "张三")
    assert (b.reviewer_name, b.reviewer) == ("李四", "李四")
    a.set_setting("letter/issuer", "某省教育厅办公室")
    assert a.settings() == {"reviewer": "张三", "letter/issuer": "某省教育厅办公室"}
    a.set_setting("letter/issuer", None)
    assert a.setting("letter/issuer") is None
    a.close()
    b.close()
