"""Total-then-parts claims (共…N条，其中A条、B条) and whether the parts add up.

Only claims that really are sums are checked: a breakdown by content said to overlap,
approximate figures (100余条, 近300条), percentages and a 其中 naming a single item are not.
When the parts fall short of the total, the claim is a mismatch only if the breakdown is
exhaustive by nature (request outcomes) or ends in an "other" item. A claim is checked whatever
the units of its parts (条 and 件): when they differ and the numbers do not add up, the claim is
reported with that caveat. A breakdown by channel whose parts exceed the total (or that lists a
channel inside another, 信息公开专栏 inside 学校网站) is reported as a possible double count.
"""

from __future__ import annotations

import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import SumCheck
from xxgk_desk.core.engine.numbers import NUMBER, NUMBER_START, parse_number

_UNIT = r"(?:条|件|次|篇|期|份|项|场|个|人次)"
_ITEM = rf"(?P<label>[^，,；;。（(\d\n]{{1,24}}?)\s*(?:(?:共|为|达)\s*)?(?P<num>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>{_UNIT})"
ITEM_RE = re.compile(_ITEM)
TOTAL_RE = re.compile(
    rf"(?P<lead>共|总计|合计|累计|全年|总共)[^，,；;。\n]{{0,20}}?(?P<num>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>{_UNIT})"
    rf"|{NUMBER_START}(?P<num2>{NUMBER})\s*(?P<approx2>余|多)?\s*(?P<unit2>{_UNIT})(?=(?:[（(][^（()）\n]{{0,30}}[)）])?(?:[，,][^，,；;。\d\n]{{1,25}})?[，,]?\s*其中)"
)
# A parenthetical right after the total ("6场（含线上2场）") qualifies it; the breakdown follows it.
_PAREN = re.compile(r"\s*[（(][^（()）\n]{0,30}[)）]")
# A clause without figures between the total and its 其中: "收到申请3件，均在15个工作日内予以答复，其中…"
_BRIDGE = re.compile(r"[，,][^，,；;。\d\n]{1,25}(?=[，,]\s*其中)")
_SEP = re.compile(r"\s*[，,、；;]?\s*(?:其中|包括|分别为|分别是|含)?\s*[：:，,]?\s*")
_OVERLAP = re.compile(r"按.{0,6}(分类|划分|统计)|从内容上看|按内容|按渠道|分渠道|按类别|按栏目")
_CHANNEL_LABEL = re.compile(
    r"网站|网页|主页|微信|微博|公众号|短信|专栏|平台|校报|校刊|抖音|头条|视频号|OA|新媒体|APP|客户端"
)
_OUTCOME = re.compile(
    r"予以公开|部分公开|不予公开|不属于|信息不存在|不予处理|告知|补正|答复|无法提供|撤回|转办"
)
_OTHER = re.compile(r"其他|其它|其余|剩余|等其他|另有")
# a channel that is part of another one: the 信息公开专栏/信息公开网 is a column of the school's website
_NESTED = (re.compile(r"网站|门户|官网|主页|校园网"), re.compile(r"专栏|信息公开网|栏目"))
_GOV_ROW = re.compile(r"申请数量|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|结转")
_RECORD_UNITS = ("条", "件", "份", "篇", "项")
_APPROX_BEFORE = re.compile(r"(近|约|超过|逾|将近|大约|接近|上)$")


def _val(token: str) -> float | None:
    return parse_number(token)


def find_sum_checks(ctx: Context) -> list[SumCheck]:
    text = ctx.text
    out: list[SumCheck] = []
    for m in TOTAL_RE.finditer(text):
        if ctx.in_table(m.start()):
            continue
        num = m.group("num") or m.group("num2")
        unit = m.group("unit") or m.group("unit2")
        approx = bool(m.group("approx") or m.group("approx2"))
        ns = m.start("num") if m.group("num") else m.start("num2")
        if _APPROX_BEFORE.search(text[max(0, ns - 2) : ns]):
            approx = True
        total = _val(num)
        if total is None or text[m.end() : m.end() + 1] in "年月日%":
            continue
        paren = _PAREN.match(text, m.end())
        after = paren.end() if paren else m.end()
        bridge = _BRIDGE.match(text, after)
        items, end, items_approx = _items_after(text, bridge.end() if bridge else after, unit)
        if len(items) < 2:
            continue
        labels = [lab for lab, _, _ in items]
        parts = tuple(v for _, v, _ in items)
        units = tuple(dict.fromkeys([unit, *(u for _, _, u in items)]))
        sentence = text[max(0, m.start() - 40) : end]
        s = sum(parts)
        adds_up = abs(s - total) < 1e-9
        loose = approx or items_approx or _OVERLAP.search(sentence)
        channels = [lab for lab in labels if _CHANNEL_LABEL.search(lab)]
        by_channel = len(channels) >= 2
        nested = by_channel and all(any(p.search(lab) for lab in channels) for p in _NESTED)
        caveat = None
        if loose and not adds_up:
            continue  # approximate figures, or content classes said to overlap: not a sum claim
        if not adds_up and len(units) > 1:
            caveat = "units"
        elif by_channel and not adds_up:
            if not (s > total or nested):
                continue  # "其中" naming only some of the channels
            caveat = "overlap"
        elif not adds_up and s < total:
            exhaustive = all(_OUTCOME.search(lab) for lab in labels) or _OTHER.search(labels[-1])
            if not exhaustive:
                continue  # "其中" naming only some of the items
        start = _claim_start(text, m.start())
        kind = "requests" if all(_OUTCOME.search(lab) for lab in labels) else "breakdown"
        out.append(
            SumCheck(
                text[start:end],
                start,
                end,
                _int(total),
                tuple(_int(p) for p in parts),
                adds_up,
                kind,
                caveat,
                units if len(units) > 1 else (),
            )
        )
    return out


def gov_table_checks(ctx: Context) -> list[SumCheck]:
    """Rows of the government template's request table: the 总计 column is the sum of the applicant columns."""
    text = ctx.text
    out = []
    for block in ctx.doc.blocks:
        if block.kind != "table":
            continue
        for row in block.rows:
            cells = [text[c.start : c.end].strip() for c in row]
            if len(cells) < 4 or not _GOV_ROW.search(cells[0]):
                continue
            values = [v for c in cells[1:] if (v := _val(c)) is not None]
            if len(values) < len(cells) - 1:  # a cell that is not a number
                continue
            *parts, total = values
            out.append(SumCheck(text[row[0].start : row[-1].end], row[0].start, row[-1].end, _int(total),
                                tuple(_int(p) for p in parts), abs(sum(parts) - total) < 1e-9, "gov_table"))  # fmt: skip
    return out


def _items_after(text: str, pos: int, unit: str) -> tuple[list[tuple[str, float, str]], int, bool]:
    """The list of 'label N unit' items right after a total (the first in the total's unit; later
    ones in any count unit, so a 条 total whose last channel is counted in 件 is still checked)."""
    items: list[tuple[str, float, str]] = []
    end = pos
    approx = False
    while True:
        sep = _SEP.match(text, pos)
        if sep is None or (items and "其中" in sep.group()):
            break  # a second 其中 breaks down the last item, not the total
        m = ITEM_RE.match(text, sep.end())
        if not m or "\n" in m.group(0):
            break
        if m.group("unit") != unit and (
            not items or m.group("unit") not in _RECORD_UNITS or unit not in _RECORD_UNITS
        ):
            break  # another unit only for records counted loosely (条/件/份…), never 个/场/人次
        v = _val(m.group("num"))
        if v is None:
            break
        if m.group("approx") or _APPROX_BEFORE.search(m.group("label")):
            approx = True
        items.append((m.group("label"), v, m.group("unit")))
        pos = end = m.end()
        if text[pos : pos + 1] in "。；;\n" or text[pos : pos + 1] == "":
            break
    return items, end, approx


def _claim_start(text: str, pos: int) -> int:
    """Back to the start of the clause that holds the total."""
    while pos > 0 and text[pos - 1] not in "，,；;。！？\n":
        pos -= 1
    return pos


def _int(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v
