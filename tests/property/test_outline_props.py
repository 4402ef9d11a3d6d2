"""Properties of outline detection on generated report-like documents (``core.outline``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk_desk.core.document import Document
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.outline import detect_outline, section_at, section_path

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E00 + 200)
words = st.text(alphabet=CJK, min_size=1, max_size=40)
NUMBERS = ["第一部分", "第二部分 ", "一、", "二、", "十一、", "（一）", "(二)", "（三）、", "1.", "2、", "3 ", "12.",
           "（1）", "(2)", "①", "⑤", "附件", "附表1：", "附件2 ", ""]  # fmt: skip
ENDINGS = ["", "。", "；", "，", "：", "。正文继续写下去，说明有关情况。", " 95 0 0", "\t12\t3"]


@st.composite
def blocks(draw: st.DrawFn) -> tuple:
    kind = draw(st.sampled_from(["heading", "paragraph", "paragraph", "table"]))
    if kind == "table":
        rows = draw(st.lists(st.lists(st.one_of(words, st.sampled_from(NUMBERS)), min_size=1, max_size=4),
                             min_size=1, max_size=4))  # fmt: skip
        return ("table", rows, None, False)
    text = draw(st.sampled_from(NUMBERS)) + draw(words) + draw(st.sampled_from(ENDINGS))
    if draw(st.booleans()):
        text = draw(st.sampled_from([" ", "\u3000", "  "])) + text  # indented
    level = draw(st.one_of(st.none(), st.integers(0, 9)))
    return (kind, text, level, draw(st.booleans()))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    b = TextBuilder()
    page = 1
    b.start_page(page)
    for title in draw(st.lists(words, max_size=3)):  # a title block at the top
        b.add_block("paragraph", title)
    for kind, content, level, bold in draw(st.lists(blocks(), max_size=40)):
        if draw(st.integers(0, 9)) == 0:
            page += 1
            b.start_page(page)
        if kind == "table":
            b.add_table(content)
        else:
            b.add_block(kind, content, style_level=level, bold=bold)
    return b.build(path="generated.txt", kind="txt", file_sha256="0" * 64, extractor="property")


@settings(max_examples=300, deadline=None)
@given(documents())
def test_sections_are_sorted_spans_of_the_text(doc):
    sections = detect_outline(doc)
    n = len(doc.text)
    starts = [s.start for s in sections]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for s in sections:
        assert 0 <= s.start < s.title_end <= s.end <= n, s
        assert s.title == doc.text[s.start : s.title_end].strip()  # the title is the text there
        assert s.title and not doc.text[s.start].isspace()
        assert 1 <= s.page <= doc.page_count
        assert 0 <= s.block < len(doc.blocks)
        block = doc.blocks[s.block]
        assert block.kind != "table" and block.start <= s.start < block.end
        assert s.level >= 0


@settings(max_examples=300, deadline=None)
@given(documents())
def test_sections_nest(doc):
    sections = [s for s in detect_outline(doc) if s.level > 0]
    for i, a in enumerate(sections):
        for b in sections[i + 1 :]:
            if b.level <= a.level:
                assert a.end <= b.start, (a, b)  # a sibling or an outer section closes a
                break
            if b.start < a.end:
                assert b.end <= a.end, (a, b)  # a child ends inside its parent


@settings(max_examples=200, deadline=None)
@given(documents(), st.data())
def test_section_path_is_a_chain_of_containing_sections(doc, data):
    sections = detect_outline(doc)
    offset = data.draw(st.integers(0, max(0, len(doc.text) - 1)))
    chain = section_path(sections, offset)
    levels = [s.level for s in chain]
    assert levels == sorted(levels) and len(set(levels)) == len(levels)
    assert all(s.start <= offset < s.end for s in chain)
    inner = section_at(sections, offset)
    if inner is not None:
        assert sections[inner].start <= offset < sections[inner].end


@settings(max_examples=200, deadline=None)
@given(documents())
def test_detection_is_deterministic_and_table_cells_are_never_headings(doc):
    first = detect_outline(doc)
    assert detect_outline(doc) == first
    tables = [b for b in doc.blocks if b.kind == "table"]
    for s in first:
        assert not any(t.start <= s.start < t.end for t in tables)
