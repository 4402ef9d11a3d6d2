"""The 通报 in reading order (blocks shared with the letter's writers), and its DOCX, Markdown and text.

The DOCX (and the PDF made from it) carries the province's charts (:mod:`.charts`) as pictures where
the text speaks of them: submission after 基本情况, scores after 总体评价, the findings by rule at the
end of 主要问题 (after the confirmed problems the text lists).
Without a Chinese font for the pictures the 通报 says so in one line and keeps its tables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xxgk_desk.core.rules import RuleSet, load_rules

from .fmt import cn_date, cn_number
from .letter_blocks import head_blocks, numbered
from .letter_docx import write_text_export
from .memo_blocks import Block, Figure, Heading, PageBreak, Table, Title, para
from .memo_docx import DocMeta, write_blocks
from .memo_md import blocks_markdown, blocks_text
from .notice_model import Notice
from .wording import wording

ANNEX_WIDTHS = (11.5, 46.5, 38.0, 30.0, 13.0, 17.0)  # mm, 156 in all
FIGURE_MM = 150.0  # a chart's width on the 156 mm type area
FIGURE_PX = 560.0  # ... laid out this many logical pixels wide (13 px labels print at about 10 pt)
#: where each chart goes: after the basic facts, the overall judgement, the problems
PLACES = {"timeliness": "basic", "by_level": "basic", "scores": "overall", "problems": "problems"}


@dataclass(frozen=True)
class NoticeFigures:
    """The 通报's pictures by chart key, or the one line said instead when none could be drawn."""

    figures: Mapping[str, Figure] = field(default_factory=dict)
    note: str = ""


def notice_figures(n: Notice, rules: RuleSet | None = None) -> NoticeFigures:
    """The charts of ``n`` as numbered figures in reading order (empty charts left out)."""
    from .chart_png import cjk_font, render_png
    from .charts import chart_words, province_charts

    charts = {c.key: c for c in province_charts(n, rules or load_rules()) if not c.empty}
    if not charts:
        return NoticeFigures()
    words = chart_words()
    font = cjk_font()
    if font is None:
        return NoticeFigures(note=words.text("no_font"))
    figures: dict[str, Figure] = {}
    for key in PLACES:  # numbered in the order they are read
        chart = charts.get(key)
        png = render_png(chart, FIGURE_PX, 2.5, font, title=False) if chart is not None else None
        if chart is not None and png is not None:
            caption = words.text("figure", number=len(figures) + 1, title=chart.title)
            figures[key] = Figure(png, FIGURE_MM, caption, "；".join((chart.title, *chart.notes)))
    return NoticeFigures(figures)


def _points(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def basic_text(n: Notice) -> list[str]:
    words = wording()
    timeliness = "，".join(
        words.text(f"notice.{key}", count=count)
        for key, count in (("on_time", n.on_time), ("late", n.late), ("undated", n.undated))
        if count
    )
    out = [
        words.text(
            "notice.basic",
            province=n.province,
            listed=n.listed,
            received=n.received,
            timeliness=timeliness,
            missing=len(n.missing),
            we=n.we,
        )
    ]
    if n.missing:
        out.append(words.text("notice.missing", missing=len(n.missing), names="、".join(n.missing)))
    elif n.listed:
        out.append(words.text("notice.none_missing"))
    if n.unlisted:
        out.append(words.text("notice.unlisted", count=len(n.unlisted), names="、".join(n.unlisted)))
    return out


def overall_text(n: Notice) -> str:
    words = wording()
    counts = "、".join(f"{label}{k}所" for _id, label, k in n.conclusions if k)
    text = words.text("notice.overall", counts=counts or "尚无审核结论", average=_points(n.average))
    if n.pending:
        text += words.text("notice.overall_pending", count=n.pending)
    resubmit = any(cid == "resubmit" and k for cid, _label, k in n.conclusions)
    return text + words.text(
        "notice.overall_mixed" if resubmit or n.missing or n.late else "notice.overall_good"
    )


def notice_blocks(n: Notice, figures: NoticeFigures | None = None) -> list[Block]:
    """The 通报 from masthead to annex; with ``figures``, its charts where the text speaks of them."""
    words = wording()
    figures = figures or NoticeFigures()

    def pictures(place: str) -> None:
        if figures.note and place == "basic":
            out.append(para(figures.note, role="meta"))
        out.extend(f for key, f in figures.figures.items() if PLACES[key] == place)

    out: list[Block] = head_blocks(n.masthead, n.number)
    out.append(Title(n.title_lines))
    out.append(para(words.text("notice.addressee"), indent=False, align="left", role="addressee"))
    out.append(para(words.text("notice.opening", we=n.we, province=n.province, school_year=n.school_year)))
    k = 0

    def heading(key: str) -> None:
        nonlocal k
        k += 1
        out.append(Heading(1, f"{cn_number(k)}、{words.text(key)}"))

    heading("notice.heading_basic")
    out.extend(para(t) for t in basic_text(n))
    pictures("basic")
    heading("notice.heading_overall")
    out.append(para(overall_text(n)))
    pictures("overall")
    heading("notice.heading_problems")
    if not n.categories:
        out.append(para(words.text("notice.no_problems")))
    for i, c in enumerate(n.categories, 1):
        out.append(Heading(2, f"（{cn_number(i)}）{c.title}"))
        out.append(para(words.text("notice.problem_line", count=len(c.institutions), problems=c.problems,
                                   names="、".join(c.institutions))))  # fmt: skip
    pictures("problems")  # after the confirmed problems: the findings of the checks, by rule
    heading("notice.heading_requirements")
    out.extend(numbered(words.texts("notice.requirements", days=n.deadline_days, we=n.we)))
    out.append(para(words.text("notice.annex_note", school_year=n.school_year), role="annex"))
    out.append(para(n.issuer, indent=False, align="right", role="signature"))
    out.append(para(n.date, indent=False, align="right", role="signature"))
    out.extend(annex_blocks(n))
    return out


def annex_table(n: Notice) -> Table:
    words = wording()
    rows = []
    for i, r in enumerate(n.rows, 1):
        if not r.received:
            rows.append((str(i), r.institution, words.text("notice.not_received"), "—", "—", "—"))
            continue
        rows.append(
            (
                str(i),
                r.institution,
                cn_date(r.report_date) if r.report_date else words.text("notice.no_date"),
                r.conclusion_label or words.text("notice.no_conclusion"),
                _points(r.score),
                str(r.problems),
            )
        )
    return Table(
        tuple(words.raw("notice.annex_headers")),
        tuple(rows),
        ANNEX_WIDTHS,
        ("center", "left", "center", "center", "center", "center"),
        size=10.5,  # 五号: a date fits on one line
    )


def annex_blocks(n: Notice) -> list[Block]:
    words = wording()
    return [
        PageBreak(),
        para("附件", indent=False, align="left", font="hei", role="annex"),
        Title((words.text("notice.annex_title", school_year=n.school_year),), size=18.0),
        annex_table(n),
    ]


def notice_meta(n: Notice) -> DocMeta:
    return DocMeta(title=n.title, subject="高校信息公开工作年度报告审核情况通报", author=n.issuer,
                   keywords="信息公开;年度报告;通报")  # fmt: skip


def render_notice_markdown(n: Notice) -> str:
    return blocks_markdown(notice_blocks(n))


def write_notice(
    n: Notice,
    path: str | os.PathLike,
    fmt: str | None = None,
    *,
    rules: RuleSet | None = None,
    charts: bool = True,
) -> Path:
    """The 通报 as DOCX (default, by the extension, with its charts unless ``charts`` is False), PDF
    (LibreOffice, from that DOCX), Markdown or text (without pictures). ``rules``: the workspace's
    (for the problems' titles)."""
    path = Path(path)
    fmt = fmt or {".pdf": "pdf", ".md": "md", ".txt": "txt"}.get(path.suffix.lower(), "docx")
    if fmt == "md":
        return write_text_export(render_notice_markdown(n), path)
    if fmt == "txt":
        return write_text_export(blocks_text(notice_blocks(n)), path)
    figures = notice_figures(n, rules) if charts else None
    if fmt == "pdf":
        import tempfile

        from .memo_pdf import docx_to_pdf

        with tempfile.TemporaryDirectory(prefix="xxgk-notice-") as work:
            blocks = notice_blocks(n, figures)
            src = write_blocks(blocks, notice_meta(n), Path(work) / "notice.docx", official=True)
            return docx_to_pdf(src, path)
    return write_blocks(notice_blocks(n, figures), notice_meta(n), path, official=True)
