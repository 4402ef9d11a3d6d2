"""The reporting institution: read from the title block, the 落款 or the preamble, checked against the
Ministry's list (:mod:`xxgk_desk.core.engine.institutions`).

In each place, a name on the list wins (the longest one; never one inside 《…》). Without one, the
name is read from the text's structure as before — a title line that opens with a name, a 落款 line
that is only a name, the most repeated full name — never a fragment that starts with a verb or a
preposition (请联系…, 通过…, 大力推进…). The result says whether the name is on the list, and how it
was matched (as written, brackets, traditional characters, a college without its parent, short or old name).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.institutions import Match, registry
from xxgk_desk.core.engine.model import FieldValue

SUFFIXES = ("大学", "学院", "学校", "高专", "职业技术大学", "人民政府")
_NAME_CHAR = r"[\u4e00-\u9fffA-Za-zＸ×（）()·]"
_GENERIC = {
    "高等学校", "学校", "学院", "大学", "本学院", "二级学院", "各学院", "全学院", "本学校", "各学校", "兄弟高校",
    "兄弟院校", "各二级学院", "全校", "高校", "职业学院", "职业技术学院", "专科学校", "高等专科学校", "国家开放大学",
}  # fmt: skip
_NOT_START = "的在和与及对为由将从以于向把被让使据按经各本全该此其我贵请通经向给"
_SUFFIX_RE = re.compile("|".join(SUFFIXES))
# Words a sentence fragment starts with: verbs and prepositions, never the start of a school's name.
_STOP_PREFIX = re.compile(
    r"^(?:关于|结合|根据|按照|依据|现将|做好|我校|我院|本校|本院|全校|全院|本?学年|年度|学期|各|本|请|联系|通过|经过|"
    r"大力|推进|推动|加强|加快|深化|落实|围绕|依托|面向|针对|组织|开展|建设|完善|健全|持续|进一步|积极|认真|"
    r"督促|指导|协调|配合|参加|参与|召开|举办|发布|公开|公布|进入|深入|走进|覆盖|包括|涉及|由|向|在|对|为|从|以|于)"
)
# characters of preamble searched for a listed name (a text without headings is all preamble)
PREAMBLE_MAX = 1500
_JOINER = re.compile(r"或|的|及其")  # "党委办公室或各学院" is a phrase, not a name
_CITED = re.compile(r"《[^《》\n]{0,60}》")
_TITLE_SEP = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class InstitutionFacts:
    """What the report facts show about the institution (the ``institution`` key of ``check --json``)."""

    written: str | None
    match: Match | None
    where: str  # title / signoff / preamble / body / none
    suggestion: str | None = None

    def to_json(self) -> dict:
        reg = registry()
        rec = self.match.record if self.match else None
        out = {
            "name": self.written,
            "listed": self.match is not None and not self.match.renamed,
            "renamed": bool(self.match and self.match.renamed),
            "official_name": rec.name if rec else None,
            "code": rec.code if rec else None,
            "province": rec.province if rec else None,
            "city": rec.city if rec else None,
            "level": rec.level if rec else None,
            "authority": rec.authority if rec else None,
            "list_kind": rec.kind if rec else None,
            "how": self.match.how if self.match else None,
            "where": self.where,
            "suggestion": self.suggestion,
            "edition": reg.edition,
        }
        out["summary"] = summary(out)
        return out


def summary(facts: dict) -> str:
    """One line for the report facts (Chinese)."""
    name = facts.get("name")
    if not name:
        return "未能识别学校名称"
    edition = facts.get("edition") or ""
    if facts.get("renamed"):
        return (
            f"{name}：不在教育部名单（截至{edition}）中，该校现名“{facts['official_name']}”"
            f"（学校标识码{facts['code']}，{facts['province']}，{facts['level'] or facts['list_kind']}）"
        )
    if facts.get("listed"):
        level = facts["level"] or facts["list_kind"]
        return f"{facts['official_name']}（学校标识码{facts['code']}，{facts['province']}，{level}）"
    hint = f"；是否为“{facts['suggestion']}”？" if facts.get("suggestion") else ""
    return f"{name}：不在教育部名单（截至{edition}）中，可能有错字或已更名{hint}"


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
            if name in _GENERIC or name[0] in _NOT_START or _STOP_PREFIX.match(name) or _JOINER.search(name):
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


def _cited(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CITED.finditer(text)]


def _listed_in(text: str, start: int, end: int, cited: list[tuple[int, int]], short: bool = False):
    """The longest list name in text[start:end] outside 《…》: (match, start, end) or None.

    ``short``: also short names (北大 …), only where they open the span (a title)."""
    reg = registry()
    best = None
    span = text[start:end]
    for i in range(len(span)):
        for j in range(min(len(span), i + reg.max_len + 2), i + 1, -1):
            m = reg.lookup(span[i:j])
            if m is None or (m.how == "short" and not (short and i == 0)):
                continue
            if m.how == "college" and i > 0 and re.match(_NAME_CHAR, span[i - 1]):
                continue  # 青岚师范学院 is not a listed X大学师范学院
            s, e = start + i, start + j
            if any(a <= s and e <= b for a, b in cited):
                continue
            if best is None or (e - s) > (best[2] - best[1]):
                best = (m, s, e)
            break
    return best


def _joined_title(ctx: Context) -> tuple[str, list[int]]:
    """The title block lines joined without separators, with each character's offset in the text."""
    chars: list[str] = []
    index: list[int] = []
    for sec in ctx.title_sections():
        for k in range(sec.start, sec.title_end):
            ch = ctx.text[k]
            if not ch.isspace():
                chars.append(ch)
                index.append(k)
    return "".join(chars), index


def _signoff_lines(ctx: Context) -> list[tuple[int, int]]:
    """Short lines near the end that may be the 落款 (last first), not tables, chrome or sentences."""
    text = ctx.text
    chrome = ctx.rules.rule("foreign_text").lexicons.get("chrome")
    out = []
    seen = 0
    for block in reversed(ctx.doc.blocks):
        if block.kind == "table":
            continue
        seen += 1
        if seen > 15:
            break  # the closing lines only (an annex table after the 落款 does not count)
        line = text[block.start : block.end].strip()
        if not 3 <= len(line) <= 40 or re.search(r"[。；，,]", line):
            continue
        if chrome is not None and chrome.matches(line):
            continue
        s = text.index(line, block.start)
        out.append((s, s + len(line)))
    return out


def _result(ctx: Context, name: str, start: int, end: int, match: Match | None, where: str) -> tuple:
    reg = registry()
    value = match.record.name if match and not match.renamed else name
    suggestion = None if match else reg.suggest(name)
    quote = ctx.text[start:end]
    return FieldValue("institution", value, start, end, quote), InstitutionFacts(
        name, match, where, suggestion
    )


def find_institution(ctx: Context) -> FieldValue:
    return identify(ctx)[0]


def identify(ctx: Context) -> tuple[FieldValue, InstitutionFacts]:
    """The institution field and its facts (official name, code, province, level; listed or not)."""
    text = ctx.text
    cited = _cited(text)
    # 1. The title block: a listed name (lines joined: a two-line title may split it), else a leading name.
    joined, index = _joined_title(ctx)
    if joined:
        hit = _listed_in(joined, 0, len(joined), [], short=True)
        if hit is not None:
            m, s, e = hit
            start, end = index[s], index[e - 1] + 1
            written = "".join(ch for ch in text[start:end] if not ch.isspace())
            return _result(ctx, written, start, end, m, "title")
    counts = _candidates(text)
    for sec in ctx.title_sections():
        line = text[sec.start : sec.title_end]
        name = _leading_name(line, counts)
        if name:
            return _result(ctx, name, sec.start, sec.start + len(name), None, "title")
    # 2. The 落款: a listed name in a short closing line, else a line that is only a name.
    lines = _signoff_lines(ctx)
    for s, e in lines:
        hit = _listed_in(text, s, e, cited)
        if hit is not None:
            m, a, b = hit
            return _result(ctx, text[a:b], a, b, m, "signoff")
    for s, e in lines:
        line = text[s:e]
        if line.endswith(SUFFIXES) and line not in _GENERIC and not _STOP_PREFIX.match(line):
            return _result(ctx, line, s, e, registry().lookup(line), "signoff")
    # 3. The preamble (between the title and the first part): a listed name outside 《…》.
    title_end = max((sec.title_end for sec in ctx.title_sections()), default=0)
    hit = _listed_in(text, title_end, min(ctx.first_part_start(), title_end + PREAMBLE_MAX), cited)
    if hit is not None:
        m, a, b = hit
        return _result(ctx, text[a:b], a, b, m, "preamble")
    # 4. The most repeated full name that also occurs outside 《…》 (a school's own 《…办法》 count too).
    outside = _blank(text, cited)
    counts = Counter({n: c for n, c in counts.items() if n in outside})
    name = best_name(text, counts)
    if name:
        s = outside.find(name)
        return _result(ctx, name, s, s + len(name), registry().lookup(name), "body")
    return FieldValue("institution", None), InstitutionFacts(None, None, "none")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (same length)."""
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts.append(text[last:a])
        parts.append(" " * (b - a))
        last = b
    parts.append(text[last:])
    return "".join(parts)


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
