"""Re-anchoring in tiers: position → exact → fuzzy → orphan, on Chinese report text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from xxgk_desk.core.store.anchoring import (
    ANCHORED,
    FUZZY,
    ORPHAN,
    Selector,
    TextIndex,
    anchor,
    anchor_many,
    make_selector,
    strip_ws,
)

P1 = "一、总体情况\n学校高度重视信息公开工作，成立了以校长为组长的信息公开工作领导小组，统筹推进各项工作。"
P2 = "二、主动公开情况\n本学年通过学校门户网站主动公开信息1234条，其中通知公告567条，新闻动态667条。"
P3 = "三、依申请公开情况\n本学年共受理信息公开申请12件，其中予以公开8件，不予公开2件，信息不存在2件。"
P4 = "四、收费及减免情况\n学校在依申请公开工作中未收取任何费用。"
TEXT = "\n".join([P1, P2, P3, P4])


def sel_for(text: str, quote: str, nth: int = 0) -> Selector:
    i = -1
    for _ in range(nth + 1):
        i = text.index(quote, i + 1)
    return make_selector(text, i, i + len(quote))


def found(text: str, res) -> str:
    assert res.start is not None, res
    return text[res.start : res.end]


def test_make_selector_keeps_32_characters_of_context():
    s = sel_for(TEXT, "予以公开8件")
    assert s.exact == "予以公开8件"
    assert len(s.prefix) == 32 and len(s.suffix) == 32
    assert TEXT[s.start - 32 : s.start] == s.prefix
    with pytest.raises(ValueError):
        make_selector(TEXT, 5, 5)


def test_unchanged_text_anchors_by_position():
    s = sel_for(TEXT, "成立了以校长为组长的信息公开工作领导小组")
    r = anchor(s, TEXT)
    assert (r.status, r.method, r.start, r.end) == (ANCHORED, "position", s.start, s.end)


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("edit", ["insert", "delete"])
def test_edits_outside_the_quote(where, edit):
    quote = "本学年共受理信息公开申请12件"
    s = sel_for(TEXT, quote)
    if edit == "insert":
        new = (
            TEXT.replace(P1, P1 + "新增一句话。")
            if where == "before"
            else TEXT.replace(P4, P4 + "补充说明。")
        )
    else:
        new = (
            TEXT.replace("统筹推进各项工作。", "")
            if where == "before"
            else TEXT.replace("学校在依申请", "在依申请")
        )
    r = anchor(s, new)
    assert r.status == ANCHORED
    assert found(new, r) == quote
    assert r.method == ("exact" if where == "before" else "position")


@pytest.mark.parametrize(
    "new_quote",
    [
        "本学年共受理信息公开申请13件",  # a figure corrected
        "本学年共受理依申请公开申请12件",  # a word replaced
        "本学年度共受理了信息公开申请12件",  # characters inserted inside
        "本学年受理信息公开申请12件",  # a character deleted inside
    ],
)
def test_edits_inside_the_quote_anchor_fuzzily_to_the_edited_span(new_quote):
    quote = "本学年共受理信息公开申请12件"
    s = sel_for(TEXT, quote)
    new = TEXT.replace(quote, new_quote)
    r = anchor(s, new)
    assert r.status == FUZZY and r.method == "fuzzy"
    assert found(new, r) == new_quote
    assert 0.6 <= r.score < 1


def test_quote_appearing_twice_keeps_the_right_occurrence():
    text = "学校共发布通知10条，全部及时公开。" * 1 + "其他说明。" + "学院共发布通知10条，全部及时公开。"
    quote = "共发布通知10条"
    s = sel_for(text, quote, nth=1)
    new = "前言一段。" + text
    r = anchor(s, new)
    assert r.status == ANCHORED
    assert r.start == new.index(quote, new.index(quote) + 1)
    # the first occurrence is chosen for a note made on it
    s0 = sel_for(text, quote, nth=0)
    r0 = anchor(s0, new)
    assert r0.start == new.index(quote)


def test_whitespace_and_line_break_changes():
    quote = "学校高度重视信息公开工作"
    s = sel_for(TEXT, quote)
    # justified spacing and a hard line wrap inside the quote (as PDF extractors produce)
    new = TEXT.replace("学校高度重视信息公开工作", "学 校 高 度 重视信息\r\n公开工作").replace("\n", "\r\n")
    r = anchor(s, new)
    assert r.status == ANCHORED and r.method == "exact"
    assert strip_ws(found(new, r)) == quote


def test_paragraph_moved():
    quote = "本学年共受理信息公开申请12件，其中予以公开8件"
    s = sel_for(TEXT, quote)
    new = "\n".join([P3, P1, P4, P2])
    r = anchor(s, new)
    assert r.status == ANCHORED and found(new, r) == quote


def test_deleted_sentence_becomes_an_orphan_not_a_wrong_sentence():
    quote = "学校在依申请公开工作中未收取任何费用。"
    s = sel_for(TEXT, quote)
    new = TEXT.replace(quote, "")
    r = anchor(s, new)
    assert r.status == ORPHAN and r.start is None and r.score == 0


def test_short_quote_whose_context_vanished_is_flagged_not_silently_moved():
    text = "申请共12件。" + "其中予以公开8件，不予公开2件。" + "答复率100%。"
    s = sel_for(text, "8件")
    # the sentence with "8件" is rewritten; another "8件" elsewhere must not be taken as certain
    new = "申请共12件，已全部答复。另有咨询8件。"
    r = anchor(s, new)
    assert r.status != ANCHORED


def test_revised_report(shared):
    """A real seed report revised: figures corrected, a paragraph added, a sentence removed."""
    old = shared("samples", "seed-003.txt").read_text(encoding="utf-8")
    paras = [p for p in old.split("\n") if len(p) > 60]
    keep_quote = paras[1][10:40]
    edit_quote = paras[2][5:45]
    gone_quote = paras[3][:50]
    edited = edit_quote[:12] + "（已更正）" + edit_quote[12:]
    new = "修订说明：本报告于次日更正。\n" + old.replace(edit_quote, edited).replace(paras[3], "")
    res = anchor_many([sel_for(old, q) for q in (keep_quote, edit_quote, gone_quote)], new)
    assert res[0].status == ANCHORED and found(new, res[0]) == keep_quote
    assert res[1].status == FUZZY and found(new, res[1]) == edited
    assert res[2].status == ORPHAN


def test_text_index_maps_stripped_spans_back():
    ix = TextIndex("甲 乙\n丙  丁")
    assert ix.stripped == "甲乙丙丁"
    assert ix.to_text(1, 3) == (2, 5)
    assert ix.to_stripped(3) == 2


def test_degenerate_selectors_are_orphans():
    assert anchor(Selector(0, 0, ""), TEXT).status == ORPHAN
    assert anchor(Selector(0, 2, "  "), TEXT).status == ORPHAN
    assert anchor(Selector(0, 3, "学校高"), "").status == ORPHAN


# -- properties ---------------------------------------------------------------------------

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E00 + 400)
texts = st.text(alphabet=CJK, min_size=40, max_size=400)


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_an_exact_quote_is_always_found(text, data):
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)))
    s = make_selector(text, start, end)
    moved = Selector(
        data.draw(st.integers(0, len(text))),
        data.draw(st.integers(0, len(text))),
        s.exact,
        s.prefix,
        s.suffix,
    )
    r = anchor(moved, text)
    assert r.status in (ANCHORED, FUZZY)
    assert text[r.start : r.end] == s.exact


@settings(max_examples=150, deadline=None)
@given(texts, st.text(alphabet=CJK, min_size=1, max_size=60), st.data())
def test_insertion_outside_the_quote_keeps_the_same_quote(text, inserted, data):
    start = data.draw(st.integers(0, len(text) - 6))
    end = data.draw(st.integers(start + 4, min(len(text), start + 40)))
    s = make_selector(text, start, end)
    at = data.draw(st.sampled_from([i for i in range(len(text) + 1) if i <= start or i >= end]))
    new = text[:at] + inserted + text[at:]
    shift = len(inserted) if at <= start else 0
    assume(new.find(s.exact) == new.rfind(s.exact))  # the quote occurs once (overlaps counted)
    r = anchor(s, new)
    assert r.status == ANCHORED
    assert (r.start, r.end) == (start + shift, end + shift)


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_a_single_substitution_inside_a_long_quote_is_found_fuzzily(text, data):
    assume(len(text) >= 80)
    start = data.draw(st.integers(0, len(text) - 30))
    end = start + 30
    s = make_selector(text, start, end)
    at = data.draw(st.integers(start + 1, end - 2))
    new = text[:at] + "〇" + text[at + 1 :]
    r = anchor(s, new)
    assert r.found
    assert abs(r.start - start) <= 1 and abs(r.end - end) <= 1
