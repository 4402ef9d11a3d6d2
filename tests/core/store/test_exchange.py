"""Review files: export/import round trip, merging by UUID, conflicts, W3C-independent."""

from __future__ import annotations

import json

import pytest

from xxgk_desk.core.store import Store, StoreError, read_review_file

from .conftest import REPORT, make_doc, span


def _strip(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("exported_at", "exported_by")}


@pytest.fixture
def pair(tmp_path):
    a = Store(tmp_path / "a.sqlite3", reviewer="甲")
    b = Store(tmp_path / "b.sqlite3", reviewer="乙")
    yield a, b
    a.close()
    b.close()


def _fill(store: Store, doc) -> dict[str, str]:
    store.register_version(doc, "某某大学", 2024)
    n1 = store.add_note(
        doc, *span(doc, "予以公开8件"), body="应为9件", category="data_error", severity="error"
    )
    n2 = store.add_note(doc, body="缺评议部分", category="missing", part="evaluation", tags=["评议"])
    r = store.reply(n1.id, "已核对原始台账")
    gone = store.add_note(doc, *span(doc, "新闻动态667条"), body="删掉的")
    store.delete_note(gone.id)
    store.set_field(doc, "on_request.received", extracted=12, value=12)
    store.accept_finding(doc, "placeholder:1", body="模板残留", category="wording")
    store.dismiss_finding(doc, "gov_template", "本校为地方政府举办，按政府格式属正常")
    store.set_review(doc, state="in_progress", conclusion="resubmit")
    return {"n1": n1.id, "n2": n2.id, "reply": r.id, "gone": gone.id}


def test_round_trip_is_identical(pair, doc, tmp_path):
    a, b = pair
    _fill(a, doc)
    a.register_version(make_doc(REPORT + ["五、其他"], name="v2"), "某某大学", 2024)
    path = a.export_review_file(tmp_path / "review.json")
    first = read_review_file(path)
    rep = b.import_review(path)
    assert rep.documents_added == 1 and rep.versions_added == 2 and rep.conflicts == 0
    assert rep.counts["note"]["added"] == 5
    again = b.export_review()
    assert _strip(again) == _strip(first)
    # and the notes are usable in B: anchored on the text they were made on
    notes = b.list_notes(doc)
    assert {n.body for n in notes} == {"应为9件", "缺评议部分", "已核对原始台账", "模板残留"}
    n1 = next(n for n in notes if n.body == "应为9件")
    assert n1.anchor.status == "anchored" and doc.text[n1.anchor.start : n1.anchor.end] == "予以公开8件"
    # importing the same file again changes nothing
    rep2 = b.import_review(path)
    assert rep2.counts["note"] == {"added": 0, "updated": 0, "unchanged": 5, "conflicts": 0}
    assert _strip(b.export_review()) == _strip(first)


def test_export_one_document_and_file_is_json(pair, doc, tmp_path):
    a, _ = pair
    _fill(a, doc)
    other = make_doc(["别的报告"], name="other")
    a.add_note(other, body="另一份")
    path = a.export_review_file(tmp_path / "one.json", [doc])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "xxgk-desk-review" and data["format_version"] == 1
    assert len(data["documents"]) == 1 and data["documents"][0]["institution"] == "某某大学"
    assert len(a.export_review()["documents"]) == 2
    assert "events" not in data
    with_events = a.export_review([doc], include_events=True)
    assert {e["kind"] for e in with_events["events"]} >= {"note", "field", "decision", "review"}


def test_one_sided_changes_fast_forward_both_ways(pair, doc):
    a, b = pair
    ids = _fill(a, doc)
    b.import_review(a.export_review())
    b.update_note(ids["n1"], body="应为9件（乙已核）", status="resolved")
    b.update_note(ids["n1"], severity="warning")  # two edits in a row
    b.restore_note(ids["gone"])
    b.set_field(doc, "on_request.received", value=13)
    rep = a.import_review(b.export_review())
    assert rep.conflicts == 0 and rep.counts["note"]["updated"] == 2
    n = a.get_note(ids["n1"])
    assert (n.body, n.status, n.severity) == ("应为9件（乙已核）", "resolved", "warning")
    assert not a.get_note(ids["gone"]).deleted
    assert a.get_field(doc, "on_request.received").value == 13
    # A edits further; B's older copy must not overwrite it on the next import
    a.update_note(ids["n1"], body="A 的最新意见")
    rep = a.import_review(b.export_review())
    assert rep.conflicts == 0 and a.get_note(ids["n1"]).body == "A 的最新意见"
    rep = b.import_review(a.export_review())
    assert rep.conflicts == 0 and b.get_note(ids["n1"]).body == "A 的最新意见"


def test_changed_on_both_sides_keeps_both(pair, doc):
    a, b = pair
    ids = _fill(a, doc)
    b.import_review(a.export_review())
    a.update_note(ids["n1"], body="甲：应为9件")
    b.update_note(ids["n1"], body="乙：应为10件")
    b.delete_note(ids["n2"])
    a.update_note(ids["n2"], body="甲补充")
    a.set_review(doc, state="done")
    b.set_review(doc, state="in_progress", summary="乙还在看")
    rep = a.import_review(b.export_review())
    assert rep.counts["note"]["conflicts"] == 2 and rep.counts["review"]["conflicts"] == 1
    assert a.get_note(ids["n1"]).body == "甲：应为9件"  # local stays
    conflicts = a.list_conflicts(doc)
    assert {c.kind for c in conflicts} == {"note", "review"}
    c1 = next(c for c in conflicts if c.kind == "note" and c.key == ids["n1"])
    assert c1.local["body"] == "甲：应为9件" and c1.theirs["body"] == "乙：应为10件"
    copy = a.get_note(c1.copy_id)
    assert copy.conflict_of == ids["n1"] and copy.body == "乙：应为10件" and copy.quote == "予以公开8件"
    assert c1.copy_id in {n.id for n in a.list_notes(doc)}  # visible in the notes list
    # nothing was dropped: B's deletion of n2 is kept as a (deleted) conflict copy
    c2 = next(c for c in conflicts if c.kind == "note" and c.key == ids["n2"])
    assert a.get_note(c2.copy_id).deleted and a.get_note(ids["n2"]).body == "甲补充"
    # re-importing does not duplicate the conflicts
    rep = a.import_review(b.export_review())
    assert rep.conflicts == 0 and len(a.list_conflicts()) == 3
    # resolve: take theirs for n1, keep ours for the rest
    a.resolve_conflict(c1.id, "theirs")
    assert a.get_note(ids["n1"]).body == "乙：应为10件" and a.get_note(c1.copy_id).deleted
    for c in a.list_conflicts():
        a.resolve_conflict(c.id, "local")
    assert a.list_conflicts() == []
    assert a.get_review(doc).state == "done"
    rep = a.import_review(b.export_review())
    assert rep.conflicts == 0 and a.list_conflicts() == []
    # and B takes A's resolution without a conflict
    rep = b.import_review(a.export_review())
    assert rep.counts["note"]["conflicts"] == 0 and b.get_note(ids["n1"]).body == "乙：应为10件"
    with pytest.raises(StoreError):
        a.resolve_conflict(c1.id, "local")


def test_documents_match_by_institution_and_year_across_databases(pair, doc):
    a, b = pair
    a.register_version(doc, "某某大学", 2024)
    a.add_note(doc, *span(doc, "不予公开2件"), body="甲的意见")
    revised = make_doc(REPORT + ["补充"], name="rev")
    b.register_version(revised, "某某大学", 2024)  # the same report, another file, another id
    b.add_note(revised, body="乙的意见")
    rep = b.import_review(a.export_review())
    assert rep.documents_added == 0 and rep.documents_matched == 1 and rep.versions_added == 1
    (info,) = b.list_documents()
    assert len(info.versions) == 2
    assert {n.body for n in b.list_notes(info.id)} == {"甲的意见", "乙的意见"}
    # B has only the revised file open: A's note is placed on its text
    assert b.orphans(revised) == []
    (n,) = [n for n in b.list_notes(revised) if n.body == "甲的意见"]
    assert revised.text[n.anchor.start : n.anchor.end] == "不予公开2件"


def test_bad_files_are_refused_with_a_message(pair, tmp_path):
    a, _ = pair
    p = tmp_path / "x.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError) as e:
        a.import_review(p)
    assert "无法解析" in e.value.message
    p.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(StoreError):
        a.import_review(p)
    p.write_text(
        json.dumps({"format": "xxgk-desk-review", "format_version": 99, "documents": []}), encoding="utf-8"
    )
    with pytest.raises(StoreError) as e:
        a.import_review(p)
    assert "更新版本" in e.value.message
    with pytest.raises(StoreError):
        a.import_review(tmp_path / "missing.json")


def test_hand_edited_review_file_is_treated_as_a_new_edit(pair, doc):
    a, b = pair
    ids = _fill(a, doc)
    data = a.export_review()
    b.import_review(data)
    for n in data["documents"][0]["notes"]:
        if n["id"] == ids["n1"]:
            n["body"] = "手工改过"
    rep = b.import_review(data)
    assert rep.counts["note"]["updated"] == 1 and b.get_note(ids["n1"]).body == "手工改过"


def test_replies_before_parents_and_unwritable_database(pair, doc, tmp_path):
    a, b = pair
    ids = _fill(a, doc)
    data = a.export_review()
    data["documents"][0]["notes"].reverse()  # a reply now comes before the note it answers
    rep = b.import_review(data)
    assert rep.counts["note"]["added"] == 5
    assert b.get_note(ids["reply"]).parent_id == ids["n1"]
    assert b.integrity_check() == "ok"
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError):
        Store(blocker / "reviews.sqlite3")


def test_a_file_with_a_dangling_reply_changes_nothing(pair, doc):
    a, b = pair
    ids = _fill(a, doc)
    data = a.export_review()
    data["documents"][0]["notes"] = [n for n in data["documents"][0]["notes"] if n["id"] != ids["n1"]]
    with pytest.raises(StoreError) as e:
        b.import_review(data)  # the reply and the decision point at the missing note
    assert e.value.code == "integrity"
    assert b.list_documents() == [] and b.events() == []
