"""Properties of note re-anchoring (``core.store.anchoring``) beyond those in tests/core/store.

tests/core/store/test_anchoring.py has: an exact quote is always found on unchanged text,
one insertion outside the quote keeps the span, one substitution in a long quote is found
fuzzily. Here: any selector on any edited text gives a span inside the text (or an orphan)
and never raises; several edits away from the quote and its context keep the exact span;
whitespace inserted into the quote is still found; the text index maps spans both ways;
anchoring many at once equals anchoring one by one.
"""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from xxgk_desk.core.store.anchoring import (
    ANCHORED,
    CONTEXT_CHARS,
    FUZZY,
    ORPHAN,
    STATUSES,
    Selector,
    TextIndex,
    anchor,
    anchor_many,
    make_selector,
    strip_ws,
)

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E00 + 300)
MIXED = st.one_of(CJK, st.sampled_from(list("，。、：；（）0123456789 \n\u3000\t")))
texts = st.text(alphabet=MIXED, min_size=0, max_size=300)
cjk_texts = st.text(alphabet=CJK, min_size=60, max_size=300)


@st.composite
def edited(draw: st.DrawFn, text: str) -> str:
    """``text`` after a few random insertions, deletions and replacements anywhere."""
    for _ in range(draw(st.integers(0, 5))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 20)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        new = draw(st.text(alphabet=MIXED, max_size=15)) if op != "delete" else ""
        text = text[:i] + new + (text[i:] if op == "insert" else text[j:])
    return text


def check_result(r, text: str) -> None:
    assert r.status in STATUSES
    if r.status == ORPHAN:
        assert r.start is None and r.end is None and r.method is None
    else:
        assert 0 <= r.start < r.end <= len(text), r
        assert r.method in ("position", "exact", "fuzzy")
        assert 0.0 <= r.score <= 1.0


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_any_selector_on_any_edited_text_stays_inside_it(text, data):
    if len(text) >= 2 and strip_ws(text):
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, min(len(text), a + 50)))
        sel = make_selector(text, a, b)
    else:
        sel = Selector(0, 1, "学")
    new = data.draw(edited(text))
    r = anchor(sel, new)
    check_result(r, new)
    if r.method in ("position", "exact"):
        assert strip_ws(new[r.start : r.end]) == strip_ws(sel.exact)


@settings(max_examples=300, deadline=None)
@given(
    texts,
    st.integers(-1000, 1000),
    st.integers(-1000, 1000),
    st.text(alphabet=MIXED, max_size=60),
    st.text(alphabet=MIXED, max_size=40),
    st.text(alphabet=MIXED, max_size=40),
)
def test_arbitrary_selectors_never_raise(text, start, end, exact, prefix, suffix):
    check_result(anchor(Selector(start, end, exact, prefix, suffix), text), text)


@settings(max_examples=200, deadline=None)
@given(cjk_texts, st.data())
def test_edits_away_from_the_quote_and_its_context_keep_the_exact_span(text, data):
    start = data.draw(st.integers(0, len(text) - 8))
    end = data.draw(st.integers(start + 8, min(len(text), start + 40)))
    sel = make_selector(text, start, end)
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before, middle, after = text[:lo], text[lo:hi], text[hi:]
    new_before, new_after = data.draw(edited(before)), data.draw(edited(after))
    new = new_before + middle + new_after
    assume(new.find(sel.exact) == new.rfind(sel.exact))  # unique, overlapping occurrences counted
    shift = len(new_before) - len(before)
    r = anchor(sel, new)
    assert r.status == ANCHORED
    assert (r.start, r.end) == (start + shift, end + shift)


@settings(max_examples=200, deadline=None)
@given(cjk_texts, st.data())
def test_whitespace_inserted_into_the_quote_is_ignored(text, data):
    start = data.draw(st.integers(0, len(text) - 6))
    end = data.draw(st.integers(start + 6, min(len(text), start + 30)))
    sel = make_selector(text, start, end)
    at = sorted(data.draw(st.lists(st.integers(start + 1, end - 1), min_size=1, max_size=4, unique=True)))
    new = text
    for i in reversed(at):
        new = new[:i] + data.draw(st.sampled_from([" ", "\n", "\u3000", " \n "])) + new[i:]
    flat, quote = strip_ws(new), strip_ws(sel.exact)
    assume(flat.find(quote) == flat.rfind(quote))  # unique, overlapping occurrences counted
    r = anchor(sel, new)
    assert r.status in (ANCHORED, FUZZY)
    assert strip_ws(new[r.start : r.end]) == strip_ws(sel.exact)


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_text_index_maps_stripped_spans_back(text, data):
    index = TextIndex(text)
    s = index.stripped
    assert s == strip_ws(text)
    if not s:
        return
    a = data.draw(st.integers(0, len(s) - 1))
    b = data.draw(st.integers(a + 1, len(s)))
    ta, tb = index.to_text(a, b)
    assert strip_ws(text[ta:tb]) == s[a:b]
    assert not text[ta].isspace() and not text[tb - 1].isspace()
    assert index.to_stripped(ta) == a


@settings(max_examples=100, deadline=None)
@given(cjk_texts, st.data())
def test_anchor_many_equals_one_by_one(text, data):
    sels = []
    for _ in range(data.draw(st.integers(1, 5))):
        a = data.draw(st.integers(0, len(text) - 2))
        sels.append(make_selector(text, a, data.draw(st.integers(a + 1, min(len(text), a + 30)))))
    new = data.draw(edited(text))
    assert anchor_many(sels, new) == [anchor(s, new) for s in sels]
