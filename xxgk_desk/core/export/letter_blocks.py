"""The letter (审核意见) in reading order, as the blocks the DOCX, Markdown and text writers share.

GB/T 9704-2012 elements that apply: 发文机关标志 and 发文字号 (optional), 标题, 主送机关, 正文
(一、 黑体, （一） 楷体, numbered items), 附件说明, 发文机关署名 and 成文日期, 附件 on a page of its own.
"""

from __future__ import annotations

from .fmt import cn_number, shorten
from .letter_model import Letter
from .memo_blocks import Block, Heading, PageBreak, Para, Run, Table, Title, para
from .wording import wording

ANNEX_WIDTHS = (12.0, 24.0, 52.0, 22.0, 34.0, 12.0)  # mm, 156 in all
ANNEX_BODY_LIMIT = 300  # characters of a problem in the annex table


def head_blocks(masthead: str, number: str) -> list[Block]:
    """发文机关标志 (red, over a red line) and 发文字号 (right-aligned under it), where set."""
    out: list[Block] = []
    if masthead:
        out.append(para(masthead, indent=False, align="center", role="masthead", size=26.0))
    if number:
        out.append(para(number, indent=False, align="right" if masthead else "center", role="number"))
    return out


def numbered(items: list[str] | tuple[str, ...]) -> list[Block]:
    return [Para((Run(f"{k}．"), Run(text))) for k, text in enumerate(items, 1)]


def letter_blocks(letter: Letter) -> list[Block]:
    words = wording()
    out: list[Block] = head_blocks(letter.masthead, letter.number)
    out.append(Title(letter.title_lines))
    out.append(para(letter.addressee, indent=False, align="left", role="addressee"))
    out.append(para(letter.opening))
    n = 0

    def heading(key: str) -> None:
        nonlocal n
        n += 1
        out.append(Heading(1, f"{cn_number(n)}、{words.text(key)}"))

    if letter.groups:
        heading("letter.heading_problems")
        for gi, group in enumerate(letter.groups, 1):
            out.append(Heading(2, f"（{cn_number(gi)}）{group.title}"))
            out.extend(numbered([i.sentence for i in group.issues]))
    if letter.requirements:
        heading("letter.heading_requirements")
        out.extend(numbered(letter.requirements))
    else:
        out.append(para(letter.no_requirements))
    if letter.contact:
        out.append(para(letter.contact))
    out.append(para(letter.closing, role="closing"))
    if letter.annex:
        out.append(para(words.text("letter.annex_note"), role="annex"))
    out.append(para(letter.issuer, indent=False, align="right", role="signature"))
    out.append(para(letter.date, indent=False, align="right", role="signature"))
    if letter.annex:
        out.extend(annex_blocks(letter))
    return out


def annex_blocks(letter: Letter) -> list[Block]:
    """附件 问题清单: every problem of the body, in the same order, with its place and quote."""
    words = wording()
    confirmed, automatic = words.text("letter.source_confirmed"), words.text("letter.source_automatic")
    rows = []
    k = 0
    for group in letter.groups:
        for issue in group.issues:
            k += 1
            rows.append(
                (
                    str(k),
                    group.title,
                    shorten(issue.body, ANNEX_BODY_LIMIT),
                    issue.place or "—",
                    issue.quote or "—",
                    automatic if issue.automatic else confirmed,
                )
            )
    return [
        PageBreak(),
        para("附件", indent=False, align="left", font="hei", role="annex"),
        Title((words.text("letter.annex_title"),), size=22.0),
        Table(
            tuple(words.raw("letter.annex_headers")),
            tuple(rows),
            ANNEX_WIDTHS,
            ("center", "left", "left", "center", "left", "center"),
            size=12.0,
            split_rows=True,
        ),
    ]
