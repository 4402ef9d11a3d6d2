"""Statistical period, title year and report (signing) date."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.dates import ACADEMIC_RE, DATE_RE, RangeHit, find_dates, find_ranges
from xxgk_desk.core.engine.model import FieldValue

_PERIOD_CUE = re.compile(
    r"统计|起止|期限|时限|时间段|时间范围|报告期|所列数据|数据的|本报告|年度[（(]|学年[（(]"
)
_TITLE_YEAR = [
    re.compile(r"(\d{4})\s*[—–\-－~～至到]+\s*(?P<y>\d{4})\s*学年"),
    re.compile(r"(?P<y>\d{4})\s*年度"),
    re.compile(r"(?P<y>\d{4})\s*年(?!\s*(?:修订|修正|修改|印发|制定|版))"),  # not 2024年修订
]
_SIGNOFF = re.compile(
    r"^(?:(?:发布|成文|报告|落款)?(?:日期|时间)\s*[:：]\s*)?(?P<date>.+?)\s*(?:[（(]?(?:盖章|印章)[)）]?)?$"
)


def find_period(ctx: Context) -> tuple[FieldValue, FieldValue, RangeHit | None]:
    """The statistical period: a cued range first, then a repeated or early long range, then a 学年 label."""
    text = ctx.text
    ranges = [r for r in find_ranges(text) if r.months >= 4.5]
    best: RangeHit | None = None
    if ranges:
        counts = Counter((r.first, r.last) for r in ranges)
        preamble_end = ctx.first_part_start()

        def score(r: RangeHit) -> tuple:
            cue = bool(_PERIOD_CUE.search(text[max(0, r.start - 30) : r.start]))
            return (cue, r.start < preamble_end, counts[(r.first, r.last)], -r.start)

        best = max(ranges, key=score)
    if best:
        q = text[best.start : best.end]
        return (
            FieldValue("period_start", best.first.isoformat(), best.start, best.end, q),
            FieldValue("period_end", best.last.isoformat(), best.start, best.end, q),
            best,
        )
    m = ACADEMIC_RE.search(text)
    if m and int(m.group("b")) == int(m.group("a")) + 1:
        a, b = int(m.group("a")), int(m.group("b"))
        q = m.group(0)
        return (
            FieldValue("period_start", dt.date(a, 9, 1).isoformat(), m.start(), m.end(), q),
            FieldValue("period_end", dt.date(b, 8, 31).isoformat(), m.start(), m.end(), q),
            None,
        )
    return FieldValue("period_start", None), FieldValue("period_end", None), None


def find_title_year(ctx: Context) -> FieldValue:
    """The year the title names (for a 2022—2023学年 title, 2023)."""
    for sec in ctx.title_sections():
        title = ctx.text[sec.start : sec.title_end]
        for pat in _TITLE_YEAR:
            m = pat.search(title)
            if m:
                y = int(m.group("y"))
                if 1990 <= y <= 2100:
                    s = sec.start + m.start()
                    return FieldValue(
                        "title_year", y, s, sec.start + m.end(), ctx.text[s : sec.start + m.end()]
                    )
    return FieldValue("title_year", None)


def find_report_date(ctx: Context) -> FieldValue:
    """The signing (落款) date: the last line that is only a date; else a 发布时间 line under the title."""
    text = ctx.text
    hit = None
    for block in ctx.doc.blocks:
        if block.kind == "table":
            continue
        line = text[block.start : block.end].strip()
        if len(line) > 30:
            continue
        m = _SIGNOFF.match(line)
        if not m:
            continue
        dm = DATE_RE.fullmatch(m.group("date").strip())
        if dm:
            lead = len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip())
            dates = find_dates(text, block.start + lead, block.end)
            if dates:
                hit = dates[-1]
    if hit is None:
        hit = _closing_date(ctx)
    if hit is None:
        return FieldValue("report_date", None)
    return FieldValue("report_date", hit.date.isoformat(), hit.start, hit.end, text[hit.start : hit.end])


def _closing_date(ctx: Context):
    """A date that ends the text after the last sentence, on the same line (a flattened web copy's 落款)."""
    text = ctx.text.rstrip()
    tail_start = max(text.rfind("。"), text.rfind("\n"), len(text) - 60) + 1
    block = ctx.doc.block_at(tail_start)
    if block is not None and block.kind == "table":
        return None
    dates = find_dates(ctx.text, tail_start, len(text))
    return dates[-1] if dates and dates[-1].end == len(text) else None
