"""The reporting institution's name: from the title block, the sign-off, or the most repeated full name."""

from __future__ import annotations

import re
from collections import Counter

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import FieldValue

SUFFIXES = ("大学", "学院", "学校", "高专", "职业技术大学", "人民政府")
_NAME_CHAR = r"[\u4e00-\u9fffA-Za-zＸ×（）()·]"
_GENERIC = {
    "高等学校", "学校", "学院", "大学", "本学院", "二级学院", "各学院", "全学院", "本学校", "各学校", "兄弟高校",
    "兄弟院校", "各二级学院", "全校", "高校", "职业学院", "职业技术学院", "专科学校", "高等专科学校", "国家开放大学",
}  # fmt: skip
_NOT_START = "的在和与及对为由将从以于向把被让使据按经各本全该此其我贵"
_SUFFIX_RE = re.compile("|".join(SUFFIXES))
_STOP_PREFIX = re.compile(
    r"^(?:关于|结合|根据|按照|依据|现将|做好|我校|我院|本校|本院|全校|全院|本?学年|年度|学期|各|本)"
)


def _candidates(text: str, max_len: int = 16) -> Counter:
    """Every plausible name ending in a suffix, counted over the whole text."""
    found: Counter = Counter()
    for m in _SUFFIX_RE.finditer(text):
        end = m.end()
        i = m.start()
        while i > 0 and m.start() - i < max_len and re.match(_NAME_CHAR, text[i - 1]):
            i -= 1
        run = text[i:end]
        for k in range(0, len(run) - len(m.group()) - 1):
            name = run[k:]
            if name in _GENERIC or name[0] in _NOT_START or _STOP_PREFIX.match(name):
                continue
            found[name] += 0  # registered; counted below
    counts = Counter({name: text.count(name) for name in found})
    return counts


def best_name(text: str, counts: Counter | None = None) -> str | None:
    """The name the text repeats most, preferring the longer of equally frequent names."""
    counts = counts if counts is not None else _candidates(text)
    if not counts:
        return None
    top = max(counts.values())
    # Allow a longer name that occurs nearly as often ("湖北医药学院" vs "医药学院").
    good = [n for n, c in counts.items() if c >= max(2, top * 0.6)] or [
        n for n, c in counts.items() if c == top
    ]
    return max(good, key=lambda n: (counts[n], len(n)) if counts[n] >= top else (0, len(n)))


def find_institution(ctx: Context) -> FieldValue:
    text = ctx.text
    counts = _candidates(text)
    # 1. A title line that begins with a name.
    for sec in ctx.title_sections():
        line = text[sec.start : sec.title_end]
        name = _leading_name(line, counts)
        if name:
            return FieldValue("institution", name, sec.start, sec.start + len(name), name)
    # 2. The sign-off: a short line that is only a name, near a date, in the last part of the text.
    for block in reversed(ctx.doc.blocks):
        line = text[block.start : block.end].strip()
        if (
            block.kind != "table"
            and 3 <= len(line) <= 30
            and line.endswith(SUFFIXES)
            and line not in _GENERIC
        ):
            if block.start > len(text) * 0.5:
                s = text.index(line, block.start)
                return FieldValue("institution", line, s, s + len(line), line)
    # 3. The most repeated full name.
    name = best_name(text, counts)
    if name:
        s = text.find(name)
        return FieldValue("institution", name, s, s + len(name), name)
    return FieldValue("institution", None)


def _leading_name(line: str, counts: Counter) -> str | None:
    line = line.strip()
    best = None
    for m in _SUFFIX_RE.finditer(line):
        name = line[: m.end()]
        if (
            len(name) >= 3
            and name not in _GENERIC
            and not _STOP_PREFIX.match(name)
            and re.fullmatch(_NAME_CHAR + "+", name)
        ):
            best = name  # keep the longest: 湖北孝感美珈职业学院 over 湖北孝感美珈职业学
    if best is None:
        return None
    return best
