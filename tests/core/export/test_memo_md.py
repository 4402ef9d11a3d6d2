"""The Markdown and plain-text memo: same content as the DOCX; Markdown escapes what would be markup."""

from __future__ import annotations

import re

import pytest

from tests.core.export.conftest import FORMULA, LONG, SPECIAL, md_unescape
from xxgk_desk.core.export import collect_memo, md_escape, render_markdown, render_text, write_memo
from xxgk_desk.core.export.memo_blocks import Para, memo_blocks


def test_markdown_has_everything(demo, tmp_path):
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store)
    path = write_memo(memo, tmp_path / "memo.md")
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("# 关于楚澜理工学院2023—2024学年信息公开工作年度报告的审核意见\n")
    text = md_unescape(raw)
    assert "审核结论：基本合格。" in text.replace("**", "")
    for name, body in demo.bodies.items():
        assert body in text, name
    for name, quote in demo.quotes.items():
        page = demo.pages[name]
        where = f"（第{page}页）" if page else "(?:（见“.+?”）)?"  # no pages: the section, if any
        assert re.search(f"原文{where}：“{re.escape(quote)}”", text), name
    assert SPECIAL in text and LONG in text and FORMULA in text
    assert demo.reply in text
    for p in memo.parts:
        assert f"| {p.name} |" in text
    assert "## 五、存在的问题" in raw and "### （一）总体意见" in raw


def test_markdown_does_not_turn_notes_into_markup(demo):
    demo.store.add_note(
        demo.doc,
        body="# 不是标题\n- 不是列表\n1. 不是编号\n<script>x</script> *强调* [链接](x)",
        severity="info",
    )
    raw = render_markdown(collect_memo(demo.doc, demo.sections, demo.review, demo.store))
    assert "<script>" not in raw and "\\<script\\>" in raw
    assert not any(line.startswith(("# 不是", "- 不是", "1. 不是")) for line in raw.splitlines())
    assert "\\- 不是列表" in raw and "1\\. 不是编号" in raw
    assert "\\*强调\\*" in raw and "\\[链接\\](x)" in raw


@pytest.mark.parametrize(
    "text",
    [
        SPECIAL,
        "a|b",
        "1. x",
        "# h",
        "- y\n+ z",
        "***",
        "back\\slash",
        "`code`",
        "~~s~~",
        "a\nb\n\nc",
        "=\n==",
        "😀𠀀",
    ],
)
def test_md_escape_round_trips(text):
    assert md_unescape(md_escape(text)) == text


def test_plain_text_preview(demo):
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store)
    text = render_text(memo)
    assert SPECIAL in text and LONG in text
    assert "\\" not in text.replace(SPECIAL, "")  # no escaping
    assert text.count("\n") > 50


def test_all_formats_show_the_same_blocks(demo):
    memo = collect_memo(demo.doc, demo.sections, demo.review, demo.store, include_dismissed=True)
    text = render_text(memo)
    for b in memo_blocks(memo):
        if isinstance(b, Para):
            assert b.text in text
