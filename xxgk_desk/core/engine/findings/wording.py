"""Wording rules: another school's name, 公文 word pairs, stale formulations, impossible facts, part-name slips.

The word lists are data (resources/rules/wording_checks.yaml, :mod:`xxgk_desk.core.rules.wording`); every
check is one pass over the text (bounded windows), so a 1,000,000-character text stays linear.
"""

from __future__ import annotations

import datetime as dt
import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.findings.base import Facts, finding, report_period
from xxgk_desk.core.engine.findings.lexical import SYSTEM_HEADS, _clause, _is_citation
from xxgk_desk.core.engine.institutions import Institution, norm, registry
from xxgk_desk.core.engine.model import Finding
from xxgk_desk.core.outline import match_numbering
from xxgk_desk.core.rules.wording import WordingChecks, load_wording

WORDING_RULES = ("other_institution", "word_usage", "stale_formulation", "impossible_fact", "part_name_typo")
_SUFFIX = re.compile(r"大学|学院|学校|分校|高专")


def check(facts: Facts) -> list[Finding]:
    ctx, w = facts.ctx, load_wording()
    start, end = report_period(facts)
    return (
        other_institutions(ctx, facts, w)
        + word_usage(ctx, w, start, end)
        + stale(ctx, w, start, end)
        + impossible(ctx, w)
        + part_names(ctx, w)
    )


# ---------------------------------------------------------------- another school's name
def own_names(facts: Facts) -> set[str]:
    """The reporting school's names: as written, official, former names (aliases.yaml) and their parents."""
    reg = registry()
    field = facts.fields.get("institution")
    written = field.value if field else None
    names = {norm(str(written))} if written else set()
    own: Institution | None = None
    if written:
        m = reg.lookup(str(written))
        own = m.record if m else None
    if own is not None:
        names.add(norm(own.name))
        names |= {k for k, (r, how, _) in reg.by_name.items() if r.code == own.code and how == "renamed"}
    return names


def _exempt(name: str, own: set[str]) -> bool:
    """The school itself, its parent (a prefix of one of its names) or a name inside one of its names."""
    return name in SYSTEM_HEADS or any(name in o for o in own)


def listed_names(text: str) -> list[tuple[int, int, Institution]]:
    """Official list names (exact or bracket forms) in the text, the longest at each place, none inside another."""
    reg = registry()
    found: list[tuple[int, int, Institution]] = []
    for m in _SUFFIX.finditer(text):
        e = m.end()
        best = None
        for k in range(max(0, e - reg.max_len), e - 2):
            hit = reg.by_name.get(text[k:e])
            if hit is not None and hit[1] == "exact":
                best = (k, e, hit[0])
                break  # the longest first
        if best is not None:
            while found and found[-1][0] >= best[0]:
                found.pop()  # a shorter name inside this one (电子科技大学 in 电子科技大学成都学院)
            found.append(best)
    return found


def other_institutions(ctx: Context, facts: Facts, w: WordingChecks) -> list[Finding]:
    text = ctx.text
    own = own_names(facts)
    if not own:
        return []  # without knowing the school, no name is "another"
    squashed = "".join(text.split())
    index = [i for i, ch in enumerate(text) if not ch.isspace()]
    out, seen = [], set()
    for a, b, rec in listed_names(squashed):
        if _exempt(norm(rec.name), own) or rec.name in seen:
            continue
        if any(norm(squashed[a:b]) in o or o in norm(squashed[max(0, a - 20) : b + 20]) for o in own):
            continue  # part of the school's own name (a two-line title, a campus in brackets)
        nxt = squashed[b : b + 1]
        if nxt and nxt in w.not_followed_by:
            continue  # 大学生, 大学城, 学院路
        s, e = index[a], index[b - 1] + 1
        if _is_citation(ctx, s):
            continue  # a cited title: 《…大学…办法》
        if w.partner_context.matches(_sentence(text, s, e)):
            continue  # 与…合作, 对口支援…, 共建, 来校交流
        seen.add(rec.name)
        cs, ce = _clause(ctx, s, e)
        out.append(finding(ctx, "other_institution", "default", cs, ce, school=rec.name))
    return out


def _sentence(text: str, start: int, end: int, width: int = 200) -> str:
    """The sentence around [start, end), at most ``width`` characters each side."""
    stops = "。；！？\n"
    a = max((text.rfind(c, max(0, start - width), start) for c in stops), default=-1) + 1
    a = max(a, start - width)
    ends = [i for c in stops if (i := text.find(c, end, end + width)) >= 0]
    return text[a : min(ends, default=min(len(text), end + width))]


# ---------------------------------------------------------------- word pairs and stale formulations
def _entries(ctx: Context, rule: str, entries, start, end) -> list[Finding]:
    out = []
    for entry in entries:
        if not entry.applies(start, end):
            continue
        for hit in entry.terms.finditer(ctx.text):
            out.append(
                finding(ctx, rule, "default", hit.start, hit.end, severity=entry.severity, reason=entry.fix)
            )
    return out


def word_usage(ctx: Context, w: WordingChecks, start, end) -> list[Finding]:
    return _entries(ctx, "word_usage", w.word_usage, start, end)


def stale(ctx: Context, w: WordingChecks, start, end) -> list[Finding]:
    return _entries(ctx, "stale_formulation", w.stale, start, end)


# ---------------------------------------------------------------- impossible facts
def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def impossible(ctx: Context, w: WordingChecks) -> list[Finding]:
    text, out = ctx.text, []
    covered = 0  # hits come in text order: one inside the last date (9月31日 in 2023年9月31日) is skipped
    dates: list[tuple[int, int, dt.date]] = []
    for hit in w.date.finditer(text):
        if hit.start < covered:
            continue
        covered = hit.end
        g = hit.groups
        y = int(g["y"]) if "y" in g else 2024  # a leap year: 2月29日 without a year is possible
        m, d = int(g["m"]), int(g["d"])
        if not _valid_day(y, m, d):
            out.append(finding(ctx, "impossible_fact", "date", hit.start, hit.end))
        elif "y" in g:
            dates.append((hit.start, hit.end, dt.date(y, m, d)))
    joiners = set(w.range_joiners)
    for (s1, e1, d1), (s2, e2, d2) in zip(dates, dates[1:], strict=False):
        if "".join(text[e1:s2].split()) in joiners and d2 < d1:
            out.append(finding(ctx, "impossible_fact", "range", s1, e2))
    for hit in w.share.finditer(text):
        if float(hit.groups["value"]) > 100:
            out.append(finding(ctx, "impossible_fact", "percent", hit.start, hit.end))
    for hit in w.negative.finditer(text):
        out.append(finding(ctx, "impossible_fact", "negative", hit.start, hit.end))
    return out


# ---------------------------------------------------------------- part names
def part_slip(title: str, w: WordingChecks) -> str | None:
    """The fixed part name ``title`` is a slip of (one doubled character, or 1–max_dropped characters dropped
    from the middle, not a droppable word), or None when it is an accepted form or not close to one."""
    t = "".join(title.split()).rstrip("。.：:")
    forms = {f: p.name for p in w.part_names for f in (p.name, *p.variants)}
    if t in forms or len(t) < 4:
        return None
    for ch in w.never_doubled:
        if ch * 2 in t:
            return t.replace(ch * 2, ch)
    for form, name in forms.items():
        if len(t) == len(form) + 1:
            for i in range(1, len(t)):
                if t[i] == t[i - 1] and t[:i] + t[i + 1 :] == form:
                    return name
        gap = len(form) - len(t)
        if 1 <= gap <= w.max_dropped:
            for p in range(1, len(t)):
                if form.startswith(t[:p]) and form.endswith(t[p:]) and not _droppable(form[p : p + gap], w):
                    return name
    return None


def _droppable(block: str, w: WordingChecks) -> bool:
    """Whether ``block`` is made only of words a part name may leave out (的主要 = 的 + 主要)."""
    if not block:
        return True
    return any(block.startswith(d) and _droppable(block[len(d) :], w) for d in w.droppable)


def part_names(ctx: Context, w: WordingChecks) -> list[Finding]:
    out = []
    for sec in ctx.sections:
        if sec.level not in (1, 2):
            continue
        raw = ctx.text[sec.start : sec.title_end]
        lead = len(raw) - len(raw.lstrip())
        num = match_numbering(raw[lead:])
        s = sec.start + lead + (num[2] if num else 0)
        while s < sec.title_end and ctx.text[s].isspace():
            s += 1
        title = ctx.text[s : sec.title_end].split("。")[0].rstrip()
        name = part_slip(title, w)
        if name is not None:
            out.append(finding(ctx, "part_name_typo", "default", s, s + len(title), reason=f"“{name}”"))
    return out
