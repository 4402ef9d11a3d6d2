"""collect_memo: what the memo says, from the engine alone (pre-review) or with a stored review."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.core.export.conftest import LONG, SPECIAL
from xxgk_desk.core.export import collect_memo
from xxgk_desk.core.export.memo_model import DISMISSED_MARK, UNDECIDED_MARK, _title_lines
from xxgk_desk.core.rules import load_rules
from xxgk_desk.core.store import Store


def test_pre_review_without_store(sample):
    memo = collect_memo(sample.document, sample.sections, sample.review, when=date(2024, 11, 5))
    assert memo.automatic
    assert "自动预审" in memo.intro and memo.conclusion is None and memo.conclusion_label is None
    assert "审核人员决定" in memo.conclusion_note
    assert {i.id for i in memo.issues} == {f.key for f in sample.review.findings}
    assert all(i.origin == "finding" and not i.mark and not i.status_label for i in memo.issues)
    assert memo.date == "2024年11月5日"
    assert memo.title == "关于楚澜理工学院2023—2024学年信息公开工作年度报告的审核意见"
    assert memo.title_lines == ("关于楚澜理工学院2023—2024学年", "信息公开工作年度报告的审核意见")
    assert memo.recommendations is None and not memo.highlights


def test_pre_review_when_store_knows_nothing(sample, tmp_path):
    with Store(tmp_path / "r.sqlite3") as store:
        memo = collect_memo(sample.document, sample.sections, sample.review, store)
        assert memo.automatic
        assert store.list_documents() == []  # reading never registers the file
        store.register_version(sample.document, "楚澜理工学院", 2024)  # known but empty
        assert collect_memo(sample.document, sample.sections, sample.review, store).automatic


def test_report_identity_parts_fields_score(sample):
    memo = collect_memo(sample.document, sample.sections, sample.review)
    ident = {r.label: r.value for r in memo.identity}
    assert ident["学校名称"] == "楚澜理工学院"
    assert ident["统计期限"] == "2023年9月1日至2024年8月31日"
    assert ident["文件校验值（SHA-256）"] == sample.document.file_sha256
    assert ident["页数"] == f"{sample.document.page_count}页"
    assert [p.key for p in memo.parts] == [p.key for p in sample.review.standard_parts]
    assert len(memo.parts) == 9 and all(p.status_label for p in memo.parts)
    assert [f.key for f in memo.fields] == list(sample.review.fields)
    assert sum(r.points for r in memo.score_rows) == memo.score_total == sample.review.score.total
    assert sum(r.full for r in memo.score_rows) == memo.score_full == 100
    assert len(memo.checklist) == 50 and memo.checklist[0].category.startswith("一、")


def test_stored_review(demo):
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store)
    assert not memo.automatic
    assert memo.conclusion == "basic_pass" and memo.conclusion_label == "基本合格"
    assert memo.recommendations and "核实依申请公开数据" in memo.recommendations
    assert memo.reviewer == "张三"
    by_id = {i.id: i for i in memo.issues}
    for name, nid in demo.notes.items():
        if name == "highlight":
            assert nid in {h.id for h in memo.highlights} and nid not in by_id
            continue
        issue = by_id[nid]
        assert issue.body == demo.bodies[name]
        if name in demo.quotes:
            assert issue.quote == demo.quotes[name] and issue.page == demo.pages[name] and issue.located
    assert by_id[demo.notes["special"]].body == SPECIAL
    assert by_id[demo.notes["long"]].body == LONG
    parent = by_id[demo.notes["reply_parent"]]
    assert [r.body for r in parent.replies] == [demo.reply] and parent.replies[0].reviewer == "李四"
    assert by_id[demo.notes["resolved"]].status_label == "已解决"
    # the accepted finding is the note; the dismissed one is left out; undecided ones are marked
    assert demo.accepted not in by_id and demo.dismissed not in by_id
    assert by_id[demo.notes["accepted"]].finding_id == demo.accepted
    for key in demo.undecided:
        assert by_id[key].mark == UNDECIDED_MARK and by_id[key].origin == "finding"
    whole = by_id[demo.notes["whole"]]
    assert whole.part == "_general" and whole.quote is None and whole.page is None
    corrected = {f.key: f for f in memo.fields}["active_total"]
    assert corrected.extracted == "2186条" and corrected.corrected == "2168条"
    assert {f.key: f for f in memo.fields}["requests_received"].corrected is None


def test_groups_by_part_and_severity(demo):
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store)
    order = ["_general", "_preamble", *load_rules().part_keys, "_other"]
    keys = [g.key for g in memo.groups]
    assert keys == sorted(keys, key=order.index)
    assert memo.groups[0].title == "总体意见"
    for g in memo.groups:
        ranks = [i.severity_rank for i in g.issues]
        assert ranks == sorted(ranks, reverse=True)
        assert all(i.part == g.key for i in g.issues)
    on_request = next(g for g in memo.groups if g.key == "on_request")
    assert demo.notes["accepted"] in {i.id for i in on_request.issues}
    counted = sum(n for _, n in memo.counts)
    assert counted == len(memo.issues)


def test_options(demo):
    args = (demo.doc, demo.sections, demo.review, demo.store)
    full = collect_memo(*args)
    only_open = collect_memo(*args, only_open=True)
    ids = {i.id for i in only_open.issues}
    assert demo.notes["resolved"] not in ids and demo.notes["special"] in ids
    assert len(only_open.issues) == len(full.issues) - 1
    assert "待处理" in only_open.scope_note

    dismissed = collect_memo(*args, include_dismissed=True)
    d = {i.id: i for i in dismissed.issues}[demo.dismissed]
    assert d.origin == "dismissed" and d.reason == demo.dismiss_reason and d.mark == DISMISSED_MARK
    assert sum(n for _, n in dismissed.counts) == len(full.issues)  # dismissed ones are not counted

    no_undecided = collect_memo(*args, include_undecided=False)
    assert not {i.id for i in no_undecided.issues} & set(demo.undecided)

    plain = {i.id: i for i in full.issues}[demo.notes["special"]]
    ctx = {i.id: i for i in collect_memo(*args, with_context=True).issues}[demo.notes["special"]]
    assert not plain.before and not plain.after
    assert ctx.before.endswith("本学年，") and ctx.after.startswith("，其中信息公开网发布634条")

    no_annex = collect_memo(*args, include_checklist=False)
    assert no_annex.checklist == ()


def test_orphan_note_keeps_quote_and_old_page(demo, tmp_path):
    from xxgk_desk.core.document import Document

    doc = demo.doc
    cut = doc.text.index("学校共主动公开各类信息2186条")
    changed = doc.text.replace("学校共主动公开各类信息2186条", "学校本学年公开信息若干")
    other = Document(doc.path, doc.kind, changed, doc.blocks, doc.pages, "f" * 64, doc.extractor)
    demo.store.register_version(other, "楚澜理工学院", 2024)
    memo = collect_memo(other, demo.sections, demo.review, demo.store)
    issue = {i.id: i for i in memo.issues}[demo.notes["special"]]
    assert issue.quote == "学校共主动公开各类信息2186条" and issue.page == doc.page_at(cut)
    assert not issue.located


def test_labels_come_from_the_rules(demo):
    rules = load_rules()
    vocab = rules.vocabulary
    conclusions = tuple(
        replace(c, label=c.label + "（测）") if c.id == "basic_pass" else c for c in vocab.conclusions
    )
    categories = tuple(
        replace(c, label="数据有误") if c.id == "data_error" else c for c in vocab.note_categories
    )
    custom = replace(rules, vocabulary=replace(vocab, conclusions=conclusions, note_categories=categories))
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store, rules=custom)
    assert memo.conclusion_label == "基本合格（测）"
    assert {i.id: i for i in memo.issues}[demo.notes["accepted"]].category_label == "数据有误"


def test_title_breaks_between_phrases():
    assert _title_lines(["关于某大学", "2024年度", "信息公开工作年度报告的审核意见"]) == (
        "关于某大学2024年度",
        "信息公开工作年度报告的审核意见",
    )
    assert _title_lines(["关于某大学", "", "的审核意见"]) == ("关于某大学的审核意见",)


def test_shared_seeds_pre_review(shared):
    from xxgk_desk.core.pipeline import check

    for i in range(5):
        result = check(shared("samples", f"seed-{i:03d}.txt"))
        memo = collect_memo(result.document, result.sections, result.review)
        assert memo.automatic and len(memo.issues) == len(result.review.findings)
        assert all(i.page is None or 1 <= i.page <= result.document.page_count for i in memo.issues)
