"""The letter (审核意见) in reading order, as the blocks the DOCX, Markdown and text writers share.

GB/T 9704-2012 elements that apply: 发文机关标志 and 发文字号 (optional), 标题, 主送机关, 正文
(一、 黑体, （一） 楷体, numbered items), 附件说明, 发文机关署名 and 成文日期, each 附件 on pages of its own
(问题清单, and on request 审核规则说明: the rules behind the problems, one 一、 heading each).
"""

from __future__ import annotations

from .fmt import cn_number, shorten, text_width
from .letter_model import Letter, RuleNote
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
    out.extend(annex_note(annex_titles(letter)))
    out.append(para(letter.issuer, indent=False, align="right", role="signature"))
    out.append(para(letter.date, indent=False, align="right", role="signature"))
    labels = annex_labels(len(annex_titles(letter)))
    if letter.annex:
        out.extend(annex_blocks(letter, labels.pop(0)))
    if letter.rule_notes:
        out.extend(rules_blocks(letter.rule_notes, labels.pop(0)))
    return out


def annex_titles(letter: Letter) -> list[str]:
    """The titles of the letter's annexes, in order (问题清单, 审核规则说明)."""
    words = wording()
    titles = [words.text("letter.annex_title")] if letter.annex else []
    if letter.rule_notes:
        titles.append(words.text("letter.rules_title"))
    return titles


def annex_labels(count: int) -> list[str]:
    """附件 for a single annex, 附件1, 附件2 … for several (the mark atop each annex's first page)."""
    label = wording().text("letter.annex_label")
    return [label] if count == 1 else [f"{label}{k}" for k in range(1, count + 1)]


def annex_note(titles: list[str]) -> list[Block]:
    """附件说明: ``附件：问题清单``, or ``附件：1．问题清单`` with ``2．审核规则说明`` aligned under it."""
    if not titles:
        return []
    lead = wording().text("letter.annex_label") + "："
    if len(titles) == 1:
        return [para(lead + titles[0], role="annex")]
    pad = "\u3000" * round(text_width(lead))
    return [
        para((lead if k == 1 else pad) + f"{k}．{t}", role="annex" if k == 1 else "annex_more")
        for k, t in enumerate(titles, 1)
    ]


def _full_stop(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith(("。", "！", "？", "；")) else text + "。"


def rules_blocks(notes: tuple[RuleNote, ...], label: str) -> list[Block]:
    """附件 审核规则说明: each rule behind the letter's problems with what it requires and why."""
    words = wording()

    def item(key: str, text: str, keep: bool = True) -> Para:
        """One labelled line; all but a rule's last keep with the next (a rule is not split over pages)."""
        label = Run(words.text(f"letter.rules_labels.{key}") + "：", bold=True, md=False)
        return Para((label, Run(_full_stop(text))), keep_with_next=keep)

    out: list[Block] = [
        PageBreak(),
        para(label, indent=False, align="left", font="hei", role="annex"),
        Title((words.text("letter.rules_title"),), size=22.0),
    ]
    intro = words.text("letter.rules_intro")
    if intro:
        out.append(para(intro))
    for k, note in enumerate(notes, 1):
        out.append(Heading(1, f"{cn_number(k)}、{note.title}"))
        severity = words.optional(f"letter.rules_severity.{note.severity}") or note.severity
        out.append(item("severity", severity))
        out.append(item("basis", "；".join(note.basis)))
        if note.article:
            out.append(item("article", note.article))
        out.append(item("why", note.why))
        out.append(item("todo", note.todo, keep=False))
    return out


def annex_blocks(letter: Letter, label: str = "附件") -> list[Block]:
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
        para(label, indent=False, align="left", font="hei", role="annex"),
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
