"""The numeric key fields, read with their evidence through the phrasings in ``figures.yaml``.

Each field has ``patterns`` (a named group ``value`` holds the number), ``zero`` phrasings
(未收到…申请, 无, 0件: an explicit zero is 0, not null) and ``all`` phrasings (均已答复:
the value of the field named by ``all_of``). Matches inside the field's own part win.

Beyond the phrasings, a figure is read by structure: a subject word of the field (``subjects``),
a number and one of the field's units in one clause (主动公开信息有1320条, 表示满意的占96.5%),
and a table row whose label names the field, its value taken from the column whose header is a
value word (``table_columns``: 数量, 件数 …) or the row's first number.
"""

from __future__ import annotations

import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import FieldValue
from xxgk_desk.core.engine.numbers import NUMBER, as_int, parse_number
from xxgk_desk.core.rules import Figure

CHANNEL = re.compile(
    r"网站|网页|主页|官网|信息公开网|校园网|门户|微信|微博|公众号|短信|专栏|平台|校报|校刊|抖音|头条|视频号|OA|广播|电子屏|橱窗|宣传栏|简报|新闻发布会"
)
MULTI_CHANNEL = re.compile(r"等(?:多种|各类|各种)?(?:渠道|途径|平台|方式|形式|载体|媒体)")
NUMERIC_KINDS = ("count", "percent", "money")


def _clause_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in "，,；;。！？\n":
        pos -= 1
    return pos


def _is_total(ctx: Context, start: int, end: int) -> bool:
    """A 主动公开 total, not one channel's count: one channel named (without '等渠道') means a channel figure."""
    s, e = ctx.sentence_span(start, end)
    sentence = ctx.text[s:e]
    if MULTI_CHANNEL.search(sentence):
        return True
    lead = ctx.text[s:end]  # channels named after the number (…714条，其中通过校园网…) break it down
    return len({m.group() for m in CHANNEL.finditer(lead)}) != 1


def _candidates(ctx: Context, fig: Figure) -> list[tuple[tuple, FieldValue]]:
    text = ctx.text
    out = []
    sources = [(fig.patterns, "value"), (fig.zero, "zero")]
    for order, (lexicon, how) in enumerate(sources):
        for hit in lexicon.finditer(text):
            if ctx.in_table(hit.start):
                continue
            if how == "value":
                value = parse_number(hit.groups.get("value") or "")
                if value is None:
                    continue
            else:
                value = 0
            if fig.key == "active_total" and not _is_total(ctx, hit.start, hit.end):
                continue
            in_part = fig.part is not None and fig.part in ctx.parts_at(hit.start)
            cs = _clause_start(text, hit.start)
            fv = FieldValue(fig.key, as_int(value), cs, hit.end, text[cs : hit.end])
            size = value if fig.key == "active_total" else 0
            out.append(((in_part, -order, size, -hit.start), fv))
    return out


_CLAUSE_END = "，,；;。！？\n"
_NEGATION = re.compile(r"未|没有|无(?!论)|并未|尚未|不(?!予|足|断|少)")
_VALUE = re.compile(rf"(?P<num>{NUMBER})\s*(?:余|多)?\s*(?P<unit>万元|元|%|％|条|件|份|项|篇|次|起|例|个)?")


def _units(fig: Figure) -> set[str]:
    units = set(fig.units)
    if fig.kind == "percent":
        units |= {"%", "％"}
    return units


def _clause_candidates(ctx: Context, fig: Figure) -> list[tuple[tuple, FieldValue]]:
    """Subject + number + unit in one clause (the subject before the number, no negation before it)."""
    if not fig.subjects.terms:
        return []
    text = ctx.text
    out = []
    units = _units(fig)
    for hit in fig.subjects.finditer(text):
        if ctx.in_table(hit.start):
            continue
        cs = _clause_start(text, hit.start)
        ce = hit.end
        while ce < len(text) and text[ce] not in _CLAUSE_END:
            ce += 1
        if _NEGATION.search(text, cs, hit.start):
            continue
        for m in _VALUE.finditer(text, hit.end, ce):
            unit = m.group("unit")
            if unit not in units or text[m.end() : m.end() + 1] in "年月日":
                continue
            value = parse_number(m.group("num"))
            if value is None:
                continue
            after = re.match(r"\s*[，,]\s*其中[，,：:]?([^，,；;。]{0,12})", text[m.end() : m.end() + 24])
            broken_down = after is not None and not CHANNEL.search(
                after.group(1)
            )  # by content, not by channel
            if fig.key == "active_total" and re.search(r"累计|自开通以来|历年", text[cs : m.end()]):
                break  # a running total, not the year's
            if (
                fig.key == "active_total"
                and not broken_down
                and (
                    not _is_total(ctx, hit.start, m.end())
                    or (CHANNEL.search(text, cs, m.end()) and not MULTI_CHANNEL.search(text, cs, m.end()))
                )
            ):
                break  # one channel's count (通过信息公开网主动公开信息412条), not the total, unless 其中 breaks it down
            in_part = fig.part is not None and fig.part in ctx.parts_at(hit.start)
            fv = FieldValue(fig.key, as_int(value), cs, m.end(), text[cs : m.end()])
            out.append(((in_part, -3, value if fig.key == "active_total" else 0, -hit.start), fv))
            break
    return out


def _cell_value(text: str, fig: Figure) -> float | None:
    m = _VALUE.fullmatch(text.strip().replace(",", "").replace("，", ""))
    if not m or (m.group("unit") and m.group("unit") not in _units(fig)):
        return None
    return parse_number(m.group("num"))


def _table_candidates(ctx: Context, fig: Figure) -> list[tuple[tuple, FieldValue]]:
    """A table row whose first cell names the field; the value column chosen by its header."""
    if not fig.subjects.terms:
        return []
    text = ctx.text
    out = []
    for block in ctx.doc.blocks:
        if block.kind != "table" or len(block.rows) < 2:
            continue
        header = [text[c.start : c.end].strip() for c in block.rows[0]]
        col = next((i for word in ctx.rules.table_columns for i, h in enumerate(header) if word in h), None)
        for row in block.rows[1:]:
            if len(row) < 2:
                continue
            label = text[row[0].start : row[0].end]
            if not fig.subjects.matches(label) or _NEGATION.search(label):
                continue
            cells = [row[col]] if col is not None and col < len(row) and col > 0 else list(row[1:])
            for cell in cells:
                value = _cell_value(text[cell.start : cell.end], fig)
                if value is None:
                    continue
                in_part = fig.part is not None and fig.part in ctx.parts_at(row[0].start)
                fv = FieldValue(fig.key, as_int(value), row[0].start, cell.end, text[row[0].start : cell.end])
                out.append(((in_part, -2, 0, -row[0].start), fv))
                break
    return out


def value_spans(ctx: Context, fig: Figure) -> list[tuple[int, int]]:
    """Every place the field's value is stated (phrasings and subject clauses), for per-group checks."""
    found = _candidates(ctx, fig) + _clause_candidates(ctx, fig)
    return sorted({(fv.start, fv.end) for _, fv in found if fv.start is not None and fv.end is not None})


def find_field(ctx: Context, fig: Figure, known: dict[str, FieldValue]) -> FieldValue:
    hits = _candidates(ctx, fig)
    if not hits:
        hits = _table_candidates(ctx, fig) or _clause_candidates(ctx, fig)
    if hits:
        return max(hits, key=lambda h: h[0])[1]
    if fig.all_of and known.get(fig.all_of) and known[fig.all_of].value:
        hit = fig.all.search(ctx.text)
        if hit:
            cs = _clause_start(ctx.text, hit.start)
            return FieldValue(fig.key, known[fig.all_of].value, cs, hit.end, ctx.text[cs : hit.end])
    return FieldValue(fig.key, None)


def extract_fields(ctx: Context, corrections: dict[str, FieldValue] | None = None) -> dict[str, FieldValue]:
    """All numeric key fields that figures.yaml defines, in its order. A reviewer's correction replaces
    what is read, and fields that follow it (均已答复 → answered = received) follow the correction."""
    corrections = corrections or {}
    out: dict[str, FieldValue] = {}
    for fig in ctx.rules.figures:
        if fig.kind in NUMERIC_KINDS:
            out[fig.key] = corrections.get(fig.key) or find_field(ctx, fig, out)
    return out
