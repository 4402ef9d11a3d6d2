"""Every count the report states: a number bound to its unit, with a label read from its clause."""

from __future__ import annotations

import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import Figure
from xxgk_desk.core.engine.numbers import APPROX_BEFORE, NUMBER, NUMBER_START, as_int, parse_number

UNITS = (
    "万人次",
    "人次",
    "条次",
    "条",
    "件",
    "次",
    "篇",
    "期",
    "个",
    "份",
    "项",
    "场",
    "余条",
    "家",
    "名",
    "人",
    "元",
    "万元",
    "%",
    "％",
    "门",
    "天",
    "批",
)
_UNIT_RE = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# Without a lead word a match starts only where a run of blanks or a number begins (see NUMBER_START).
FIGURE_RE = re.compile(
    rf"(?:(?P<before>近|约|超过|逾|将近|大约|接近|达到?|共计?|总计|合计|累计)|(?=\s)(?<!\s)|{NUMBER_START})\s*(?P<num>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>{_UNIT_RE})"
)
# Counting nouns after 个 that make a small Chinese numeral a real count (七个一级栏目, 十六个部门).
_COUNTED_AFTER_GE = re.compile(
    r"^[^，。；,;]{0,4}(栏目|部门|单位|平台|网站|公众号|专栏|账号|渠道|学院|类别|方面)"
)
_CLAUSE_BREAK = "，,；;。！？\n：:（(、"
_LABEL_TRIM = re.compile(
    r"^(?:\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?(?:至今|以来)?|本学年度?|本年度|全年|同时|其中|另外|此外|目前|截至目前|截止目前|学校|学院|我校|我院|全校|全院|共|累计|合计|总计|分别|通过|在|并|还|又|已|均)+"
)
_NOT_FIGURE_PREFIX = re.compile(r"(第|〔|\[|（\d{4}|令|号文|周|星期)$")


def extract_figures(ctx: Context) -> list[Figure]:
    text = ctx.text
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(text):
        num, unit = m.group("num"), m.group("unit")
        if not _plausible(text, m, num, unit):
            continue
        value = parse_number(num)
        if value is None:
            continue
        ns = m.start("num")
        approx = bool(m.group("approx")) or any(text[max(0, ns - len(a)) : ns] == a for a in APPROX_BEFORE)
        label, lstart = _label(text, m.start())
        start = lstart
        end = m.end()
        unit = unit.replace("％", "%").replace("余条", "条")
        out.append(
            Figure(
                label or unit,
                as_int(value),
                unit,
                start,
                end,
                text[start:end],
                approx,
                ctx.part_at(m.start()),
            )
        )
    return out


def _plausible(text: str, m: re.Match, num: str, unit: str) -> bool:
    ns, ne = m.start("num"), m.end("num")
    before = text[max(0, ns - 4) : ns]
    if _NOT_FIGURE_PREFIX.search(before):
        return False
    if text[ne : ne + 1] in "年月日" or text[max(0, ns - 1) : ns] in "-—~至":
        return False
    if num[0].isdigit():
        digits = num.replace(",", "").replace("，", "")
        if len(digits) >= 7 and unit not in ("元", "万元", "人次"):
            return False  # phone numbers and codes
        if ns > 0 and (text[ns - 1].isdigit() or text[ns - 1] in ".-"):
            return False
        return True
    # Chinese numerals: avoid 一个/两个 as articles and idioms (四个意识, 一是).
    value = parse_number(num)
    if value is None:
        return False
    if unit in ("个", "名", "人", "家", "门", "天", "批", "期") and value < 100:
        return bool(_COUNTED_AFTER_GE.match(text[m.end() : m.end() + 8])) and value > 1
    if value <= 1 and unit not in ("件", "份", "次"):
        return False
    return unit in ("件", "条", "份", "次", "篇", "项", "场", "期", "个", "%")


def _label(text: str, end: int) -> tuple[str, int]:
    """The words before a number, back to the clause start, without time words and fillers."""
    start = end
    limit = max(0, end - 30)
    while start > limit and text[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    label = text[start:end]
    trimmed = _LABEL_TRIM.sub("", label.strip())
    offset = start + (len(label) - len(label.lstrip())) + (len(label.strip()) - len(trimmed))
    return trimmed.strip(), min(offset, end)
