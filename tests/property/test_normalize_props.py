"""Properties of the text clean-up every loader applies (``core.normalize``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk_desk.core.normalize import (
    _radical_table,
    clean_controls,
    fix_radicals,
    is_cjk,
    is_page_number,
    normalize_newlines,
    squash_cjk_spaces,
)

SPACES = " \u3000"
RADICALS = sorted(_radical_table())
#: report-like text: ideographs, full-width punctuation, radicals, spaces, digits, Latin, controls
pieces = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E00 + 300),
    st.sampled_from([chr(c) for c in RADICALS]),
    st.sampled_from(list("，。、；：（）“”《》—…·〔〕％")),
    st.sampled_from(
        [" ", "\u3000", "  ", "\t", "\n", "\r\n", "\r", "\x0c", "\u2028", "\ufeff", "\x00", "\x1b"]
    ),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(blacklist_categories=("Cs",)),
)
texts = st.lists(pieces, max_size=120).map("".join)


@settings(max_examples=300)
@given(texts)
def test_fix_radicals_keeps_every_offset(text):
    fixed = fix_radicals(text)
    assert len(fixed) == len(text)
    for a, b in zip(text, fixed, strict=True):
        assert a == b or ord(a) in _radical_table()
    assert fix_radicals(fixed) == fixed  # idempotent: no radical survives


@settings(max_examples=300)
@given(texts)
def test_fixed_radicals_are_ideographs(text):
    fixed = fix_radicals(text)
    for a, b in zip(text, fixed, strict=True):
        if a != b:
            assert is_cjk(b) and not (0x2E80 <= ord(b) <= 0x2FDF), (hex(ord(a)), hex(ord(b)))


@settings(max_examples=300)
@given(texts)
def test_squash_cjk_spaces_only_removes_spaces(text):
    out = squash_cjk_spaces(text)
    assert "".join(c for c in out if c not in SPACES) == "".join(c for c in text if c not in SPACES)
    assert len(out) <= len(text)
    it = iter(text)  # the result is a subsequence of the input
    assert all(c in it for c in out)


@settings(max_examples=300)
@given(texts)
def test_squash_cjk_spaces_is_idempotent_and_complete(text):
    out = squash_cjk_spaces(text)
    assert squash_cjk_spaces(out) == out
    for i, c in enumerate(out):  # no run of spaces is left between two CJK characters
        if c in SPACES and i > 0:
            j = i
            while j < len(out) and out[j] in SPACES:
                j += 1
            if j < len(out) and out[i - 1] not in SPACES:
                assert not (is_cjk(out[i - 1]) and is_cjk(out[j])), repr(out[i - 1 : j + 1])


@settings(max_examples=300)
@given(texts)
def test_squash_keeps_spaces_next_to_latin(text):
    out = squash_cjk_spaces("abc " + text + " xyz")
    assert out.startswith("abc ") and out.endswith(" xyz")


@settings(max_examples=300)
@given(texts)
def test_clean_controls_keeps_length_and_leaves_no_controls(text):
    out = clean_controls(text)
    assert len(out) == len(text)
    assert all(c in "\t\n" or (ord(c) >= 32 and c != "\x7f") for c in out)
    assert clean_controls(out) == out


@settings(max_examples=300)
@given(texts)
def test_normalize_newlines(text):
    out = normalize_newlines(text)
    assert "\r" not in out and "\x0c" not in out and "\u2028" not in out and "\u2029" not in out
    assert not out.startswith("\ufeff")
    assert normalize_newlines(out) == out
    assert out.replace("\n", "") == text.lstrip("\ufeff").replace("\r\n", "").translate(
        {ord(c): None for c in "\r\n\x0c\u2028\u2029"}
    )


@settings(max_examples=200)
@given(
    st.integers(1, 9998), st.sampled_from(["- {} -", "—{}—", "{}", "第 {} 页", "第{}页 共{}页", "{} / 20"])
)
def test_page_number_forms(n, form):
    assert is_page_number(form.format(n, n + 1))


@settings(max_examples=300)
@given(texts)
def test_is_page_number_never_raises_and_rejects_sentences(text):
    is_page_number(text)
    assert not is_page_number("学校" + text + "公开信息。")
