"""The memo's reading order as a list of simple blocks, shared by the DOCX, Markdown and text
renderers so that every format says the same thing in the same order with the same numbers.

Blocks: :class:`Title`, :class:`Heading` (level 1 ``一、``, level 2 ``（一）``), :class:`Para`
(runs of text with bold / underline / a font role), :class:`Table`, :class:`Figure` (a picture
with its caption), :class:`PageBreak`.
Widths are millimetres of the 156 mm type area of a GB/T 9704 page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fmt import cn_date, cn_number, local_date, shorten
from .memo_model import Issue, Memo

TYPE_AREA_MM = 156.0


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    underline: bool = False
    font: str | None = None  # None: the block's font; "hei" / "kai" / "fs"
    md: bool = True  # False: no **bold** in Markdown (CJK punctuation makes it unreliable)


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]
    size: float = 22.0  # 二号


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、 (黑体)  2: （一） (楷体)
    text: str


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    indent: bool = True  # first line indented two characters
    align: str = "justify"  # justify / left / right / center
    font: str = "fs"  # fs 仿宋 / kai 楷体 / hei 黑体
    keep_with_next: bool = False
    #: body / quote / reply / meta / signature / subtitle / addressee / annex / masthead / number / closing
    role: str = "body"
    size: float | None = None  # points; None: the body size (the masthead sets its own)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # mm
    align: tuple[str, ...]  # per column: left / center
    size: float = 14.0  # 四号
    merge_column: int | None = None  # equal consecutive values in this column are merged
    bold_cells: frozenset[tuple[int, int]] = frozenset()  # (row, column) shown bold
    caption: str = ""
    split_rows: bool = False  # True: a long row may run on to the next page


@dataclass(frozen=True)
class Figure:
    """A picture (PNG bytes) centred on its own line, its caption below (the 通报's charts)."""

    png: bytes
    width: float  # mm
    caption: str
    alt: str = ""  # the picture's description (Word's 替换文字)


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Title | Heading | Para | Table | Figure | PageBreak


def para(text: str, **kw) -> Para:
    return Para((Run(text),), **kw)


def _quote_runs(issue: Issue, limit: int) -> list[Run]:
    """``原文（第3页）：“……before quote after……”`` with the quote itself underlined in context (the
    section instead of the page when the file has no pages)."""
    if issue.page is None:  # a file without pages (TXT, most DOCX): say the section
        section = (issue.section or "").rsplit(" > ", 1)[-1]
        where = f"原文（见“{section}”）：" if section else "原文："
    elif issue.located:
        where = f"原文（第{issue.page}页）："
    else:
        where = f"原文（原第{issue.page}页，在本版本中未能定位）："
    quote = shorten(issue.quote or "", limit)
    if issue.before or issue.after:
        return [
            Run(where),
            Run("“" + ("……" + issue.before if issue.before else "")),
            Run(quote, underline=True),
            Run((issue.after + "……" if issue.after else "") + "”"),
        ]
    return [Run(where), Run(f"“{quote}”")]


def _who_when(name: str | None, iso: str | None) -> str:
    day = local_date(iso)
    bits = [b for b in (name, cn_date(day) if day else "") if b]
    return "，".join(bits)


def issue_blocks(issue: Issue, number: int, memo: Memo, *, tags: bool = True) -> list[Block]:
    """One issue: the numbered statement with its tags, the quote with its page, reason, replies."""
    out: list[Block] = []
    tags_text = "｜".join(issue.tags) if tags else ""
    runs = [Run(f"{number}．", bold=True, md=False)]
    if tags_text:
        runs.append(Run(f"【{tags_text}】", bold=True, md=False))
    runs.append(Run(issue.body or "（无说明）"))
    if issue.origin == "note" and issue.reviewer and issue.reviewer != memo.reviewer:
        runs.append(Run(f"（{issue.reviewer}）"))
    out.append(Para(tuple(runs)))
    if issue.quote:
        out.append(Para(tuple(_quote_runs(issue, memo.options.quote_limit)), font="kai", role="quote"))
    if issue.reason:
        who = _who_when(issue.reviewer, issue.updated)
        out.append(para(f"驳回理由：{issue.reason}" + (f"（{who}）" if who else ""), font="kai", role="meta"))
    for r in issue.replies:
        who = _who_when(r.reviewer, r.created)
        out.append(
            Para((Run(f"答复（{who}）：" if who else "答复："), Run(r.body)), font="kai", role="reply")
        )
    return out


def _count_line(memo: Memo) -> str:
    issues = [i for i in memo.issues if i.origin != "dismissed"]
    if not issues:
        return "未发现需要指出的问题。"
    parts = "、".join(f"{label}{n}条" for label, n in memo.counts if n)
    return f"共列出问题{len(issues)}条，其中{parts}。"


def memo_blocks(memo: Memo) -> list[Block]:
    """The memo from title to annex, in reading order."""
    out: list[Block] = [Title(memo.title_lines)]
    if memo.automatic:
        out.append(
            para("（自动预审，未经审核人员确认）", indent=False, align="center", font="kai", role="subtitle")
        )
    if memo.addressee:
        out.append(para(memo.addressee.rstrip("：:") + "：", indent=False, align="left", role="addressee"))
    out.append(para(memo.intro))
    n = 0

    def heading(text: str) -> None:
        nonlocal n
        n += 1
        out.append(Heading(1, f"{cn_number(n)}、{text}"))

    heading("报告基本情况")
    out.append(para("本次审核的报告基本信息如下。", keep_with_next=True))
    out.append(
        Table(
            ("项目", "内容"),
            tuple((r.label, r.value) for r in memo.identity),
            (44.0, 112.0),
            ("center", "left"),
        )
    )

    heading("审核结论")
    if memo.conclusion_label:
        runs = [Run("审核结论："), Run(memo.conclusion_label, bold=True), Run("。")]
        if memo.conclusion_note:
            runs.append(Run(memo.conclusion_note))
        out.append(Para(tuple(runs)))
    else:
        out.append(para(memo.conclusion_note))
    total = _points(memo.score_total)
    out.append(
        para(
            f"完整性得分：{total}分（满分{_points(memo.score_full)}分），由以下{len(memo.score_rows)}项构成。",
            keep_with_next=True,
        )
    )
    out.append(
        Table(
            ("项目", "分值", "得分", "说明"),
            tuple((r.label, _points(r.full), _points(r.points), r.detail) for r in memo.score_rows)
            + (("合计", _points(memo.score_full), total, ""),),
            (58.0, 16.0, 16.0, 66.0),
            ("left", "center", "center", "left"),
            bold_cells=frozenset((len(memo.score_rows), c) for c in range(4)),
        )
    )

    heading("标准部分")
    present = sum(1 for p in memo.parts if p.status != "missing")
    out.append(para(f"报告应包括{len(memo.parts)}个标准部分，具备{present}个。", keep_with_next=True))
    out.append(
        Table(
            ("序号", "标准部分", "情况", "报告中的标题", "页码"),
            tuple(
                (str(p.no), p.name, p.status_label, p.heading or "—", str(p.page) if p.page else "—")
                for p in memo.parts
            ),
            (12.0, 60.0, 20.0, 52.0, 12.0),
            ("center", "left", "center", "left", "center"),
            size=12.0,
            bold_cells=frozenset((i, 2) for i, p in enumerate(memo.parts) if p.status == "missing"),
        )
    )

    heading("关键数据")
    corrected = sum(1 for f in memo.fields if f.corrected)
    line = "下表列出从报告中提取的关键数据"
    line += f"，其中{corrected}项经审核人员核定更正（加粗）。" if corrected else "。"
    out.append(para(line, keep_with_next=True))
    out.append(
        Table(
            ("项目", "报告所述", "审核核定", "页码"),
            tuple(
                (
                    f.label,
                    f.extracted or "未写明",
                    f.corrected or ("无误" if f.checked else "—"),
                    str(f.page) if f.page else "—",
                )
                for f in memo.fields
            ),
            (62.0, 40.0, 40.0, 14.0),
            ("left", "center", "center", "center"),
            size=12.0,
            bold_cells=frozenset((i, 2) for i, f in enumerate(memo.fields) if f.corrected),
        )
    )

    heading("存在的问题")
    line = _count_line(memo)
    out.append(para(line + (memo.scope_note if memo.scope_note else ""), keep_with_next=bool(memo.groups)))
    for gi, group in enumerate(memo.groups, 1):
        out.append(Heading(2, f"（{cn_number(gi)}）{group.title}"))
        for k, issue in enumerate(group.issues, 1):
            out.extend(issue_blocks(issue, k, memo))

    if memo.highlights:
        heading("值得肯定的做法")
        for k, issue in enumerate(memo.highlights, 1):
            out.extend(issue_blocks(issue, k, memo, tags=False))

    if memo.recommendations:
        heading("整改建议")
        for line in memo.recommendations.splitlines():
            if line.strip():
                out.append(para(line.strip()))

    if memo.checklist:
        out.append(para("附件：清单事项覆盖情况表", role="annex"))
    signature = memo.signature
    if signature:
        out.append(para(signature, indent=False, align="right", role="signature"))
    out.append(para(memo.date, indent=False, align="right", role="signature"))

    if memo.checklist:
        out.append(PageBreak())
        out.append(para("附件", indent=False, align="left", font="hei", role="annex"))
        out.append(Title(("清单事项覆盖情况表",), size=18.0))
        out.append(para(memo.checklist_summary, keep_with_next=True))
        out.append(
            Table(
                ("序号", "类别", "事项", "情况", "页码"),
                tuple(
                    (str(c.no), c.category, c.item, c.status_label, str(c.page) if c.page else "—")
                    for c in memo.checklist
                ),
                (13.0, 30.0, 83.0, 18.0, 12.0),
                ("center", "center", "left", "center", "center"),
                size=12.0,
                merge_column=1,
                bold_cells=frozenset((i, 3) for i, c in enumerate(memo.checklist) if c.status == "not_found"),
            )
        )
    return out


def _points(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}".rstrip("0").rstrip(".")
