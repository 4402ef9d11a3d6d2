"""The numeric key fields, read with their evidence through the phrasings in ``figures.yaml``.

Each field has ``patterns`` (a named group ``value`` holds the number), ``zero`` phrasings
(未收到…申请, 无, 0件: an explicit zero is 0, not null) and ``all`` phrasings (均已答复:
the value of the field named by ``all_of``). Matches inside the field's own part win.
"""

from __future__ import annotations

import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import FieldValue
from xxgk_desk.core.engine.numbers import as_int, parse_number
from xxgk_desk.core.rules import Figure

CHANNEL = re.compile(
    r"网站|网页|主页|微信|微博|公众号|短信|专栏|平台|校报|校刊|抖音|头条|视频号|OA|广播|电子屏|橱窗|宣传栏|简报|新闻发布会"
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
    return len({m.group() for m in CHANNEL.finditer(sentence)}) != 1


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


def find_field(ctx: Context, fig: Figure, known: dict[str, FieldValue]) -> FieldValue:
    hits = _candidates(ctx, fig)
    if hits:
        return max(hits, key=lambda h: h[0])[1]
    if fig.all_of and known.get(fig.all_of) and known[fig.all_of].value:
        hit = fig.all.search(ctx.text)
        if hit:
            cs = _clause_start(ctx.text, hit.start)
            return FieldValue(fig.key, known[fig.all_of].value, cs, hit.end, ctx.text[cs : hit.end])
    return FieldValue(fig.key, None)


def extract_fields(ctx: Context) -> dict[str, FieldValue]:
    """All numeric key fields that figures.yaml defines, in its order."""
    out: dict[str, FieldValue] = {}
    for fig in ctx.rules.figures:
        if fig.kind in NUMERIC_KINDS:
            out[fig.key] = find_field(ctx, fig, out)
    return out
