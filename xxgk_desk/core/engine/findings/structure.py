"""Structure rules: missing parts, the annex, 清单 gaps, truncation, document type, government template."""

from __future__ import annotations

import re

from xxgk_desk.core.engine.findings.base import Facts, finding
from xxgk_desk.core.engine.findings.lexical import chrome_lines
from xxgk_desk.core.engine.model import Finding
from xxgk_desk.core.engine.numbers import parse_number

_ANNEX_REFERENCE = re.compile(
    r"(?:详见|参见|见)(?:文末|文后|报告后|本报告)?(?:所附)?(?:附表|附件)[\d一二三四五六七八九十]*"
)
_ANNEX_MENTION = re.compile(r"清单事项(?:公开情况表|一览表)|信息公开事项清单[（(][^）)]{0,20}[）)]")
_LINK = re.compile(r"https?://|www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:edu|gov|com|org|net)\.cn")


def check(facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    out += missing_parts(facts)
    out += annex_missing(facts)
    out += checklist_gaps(facts)
    out += truncated(facts)
    out += document_type(facts)
    out += part_count(facts)
    return out


def missing_parts(facts: Facts) -> list[Finding]:
    ctx = facts.ctx
    out = []
    for status in facts.parts:
        part = ctx.rules.part(status.key)
        if part.missing_rule != "missing_part":
            continue
        hit = facts.part_hits.get(status.key)
        if status.status == "missing":
            if part.required:
                out.append(
                    finding(ctx, "missing_part", part_key=part.key, severity=part.severity, part=part.name)
                )
            continue
        if hit and hit.how == "heading" and part.is_legacy(hit.title):
            end = hit.start + len(hit.title)
            out.append(
                finding(ctx, "missing_part", "legacy", hit.start, end, part_key=part.key, part=part.name)
            )
        if part.groups and hit:
            for group in part.missing_groups(ctx.text[hit.start : hit.end]):
                end = hit.start + len(hit.title) if hit.title else hit.start
                out.append(
                    finding(
                        ctx,
                        "missing_part",
                        "group",
                        hit.start,
                        end,
                        part_key=part.key,
                        part=part.name,
                        group=group.name,
                    )
                )
    return out


def annex_missing(facts: Facts) -> list[Finding]:
    ctx = facts.ctx
    if "annex" not in ctx.rules.part_keys or facts.part_hits.get("annex"):
        return []
    text = ctx.text
    for m in (*_ANNEX_REFERENCE.finditer(text), *_ANNEX_MENTION.finditer(text)):
        s, e = ctx.sentence_span(m.start(), m.end())
        near = _LINK.search(text, max(s, m.start() - 40), min(e, m.end() + 40))
        if near:  # the annex is a separate file or page behind a link: a manual check
            qs = max(s, min(near.start(), text.rfind("，", s, m.start()) + 1))
            return [finding(ctx, "annex_missing", "linked", qs, e, part_key="annex")]
    ref = _ANNEX_REFERENCE.search(text)
    if ref:
        return [finding(ctx, "annex_missing", "referenced", ref.start(), ref.end(), part_key="annex")]
    headings = ctx.annex_headings
    if headings:
        h = headings[0]
        return [finding(ctx, "annex_missing", "empty", h.start, h.start + len(h.title), part_key="annex")]
    mention = _ANNEX_MENTION.search(text)
    if mention:
        return [finding(ctx, "annex_missing", "referenced", mention.start(), mention.end(), part_key="annex")]
    return [finding(ctx, "annex_missing", part_key="annex")]


def checklist_gaps(facts: Facts) -> list[Finding]:
    """Only where an annex exists: unmatched items (one finding) and rows without a link or status."""
    ctx = facts.ctx
    if not facts.annex_rows or "annex" not in facts.part_hits:
        return []  # without an annex, annex_missing says it all
    out = []
    missing = [c for c in facts.checklist if c.status == "not_found"]
    if missing:
        items = "、".join(f"第{c.no}项" for c in missing[:12]) + ("等" if len(missing) > 12 else "")
        out.append(finding(ctx, "checklist_gap", part_key="annex", count=len(missing), items=items))
    rows_by_span = {(r.start, r.end): r for r in facts.annex_rows}
    for entry in facts.checklist:
        if entry.status != "covered" or entry.start is None or entry.end is None:
            continue
        row = rows_by_span.get((entry.start, entry.end))
        if row is None:
            continue
        if row.link is not None and not row.link.strip():
            out.append(
                finding(
                    ctx,
                    "checklist_gap",
                    "no_link",
                    row.start,
                    row.end,
                    part_key="annex",
                    item_no=entry.no,
                    item=entry.item,
                )
            )
        elif row.status is not None and not row.status.strip():
            out.append(
                finding(
                    ctx,
                    "checklist_gap",
                    "no_status",
                    row.start,
                    row.end,
                    part_key="annex",
                    item_no=entry.no,
                    item=entry.item,
                )
            )
    return _one_per_row(out)


def _one_per_row(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.start, f.end, f.message if f.start is None else "")
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _is_furniture(rule, line: str) -> bool:
    return rule.lexicon("footer").matches(line)


def truncated(facts: Facts) -> list[Finding]:
    """The text stops early: an unfinished last sentence, an empty last heading, or a cut annex."""
    ctx = facts.ctx
    rule = ctx.rules.rule("truncated")
    residue = ctx.rules.rule("foreign_text").lexicon("web_residue")
    terminal = str(rule.params.get("terminal_punctuation", "。！？；…）)」』”.!?;"))
    text = ctx.text
    heading_starts = {s.start: s for s in ctx.sections if s.level >= 1}
    chrome = {s for s, _ in chrome_lines(ctx)}
    for block in reversed(ctx.doc.blocks):
        line = text[block.start : block.end].strip()
        lead = len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip())
        if not line or _is_furniture(rule, line) or residue.search(line) or block.start + lead in chrome:
            continue
        if block.kind == "table":
            return _annex_cut(facts, block)
        lead = len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip())
        start = block.start + lead
        sec = heading_starts.get(start)
        if sec is not None and sec.title_end >= block.end - 1 and sec.level >= 1:
            if (
                any(p.key == "annex" for p in ctx.rules.parts_for_heading(line))
                and "annex" not in facts.part_hits
            ):
                return []  # an annex title with nothing under it: annex_missing says so
            return [finding(ctx, "truncated", "empty_heading", start, sec.title_end)]
        if rule.lexicon("signoff").matches(line) or len(line) <= 30 and not re.search(r"[，,、；;]", line):
            return []  # a short line without clause breaks: a name, a title, a contact line
        if line[-1] in terminal:
            return []
        cut = max(line.rfind("。"), line.rfind("；"), line.rfind("！"), line.rfind("？"))
        tail = line[cut + 1 :]
        if cut >= 0 and all(rule.lexicon("signoff").matches(w) for w in tail.split()):
            return []  # a flattened page: the 落款 (name, date) follows the last sentence on the same line
        no = _checklist_row(facts, line)
        if no is not None:
            return _row_cut(facts, start, start + len(line), no)
        qstart = start + (cut + 1 if cut >= 0 else 0)
        qstart = max(qstart, start + len(line) - 40)
        return [_cut(facts, qstart, start + len(line))]
    return []


_ROW = re.compile(r"^\s*(?P<no>\d{1,2})[\s\u3000.、．|]+")


def _checklist_row(facts: Facts, line: str) -> int | None:
    """The row number of a 清单 row copied as a plain line (a row number, then an item the 清单
    knows), else None."""
    m = _ROW.match(line)
    if m is None or not facts.ctx.rules.checklist.match_items(line[m.end() :]):
        return None
    return int(m.group("no"))


def _row_cut(facts: Facts, start: int, end: int, no: int) -> list[Finding]:
    """The text ends on 清单 row ``no``: complete if it is one of the last items, else the annex is cut."""
    if no >= 45:
        return []
    return [finding(facts.ctx, "truncated", "annex_cut", start, end, part_key="annex", item_no=no)]


def _cut(facts: Facts, start: int, end: int) -> Finding:
    """The text stops at ``start``–``end``: one finding, naming the parts after the cut that cannot be judged."""
    ctx = facts.ctx
    order = {p.key: i for i, p in enumerate(ctx.rules.parts)}
    present = [order[p.key] for p in facts.parts if p.status != "missing"]
    last = max(present, default=-1)
    here = ctx.part_at(start)
    if here is not None:
        last = max(last, order.get(here, last))
    later = [p for p in ctx.rules.parts if order[p.key] > last and p.required]
    later_keys = [p.key for p in later]
    missing_later = [p for p in facts.parts if p.key in later_keys and p.status == "missing"]
    if not missing_later:
        return finding(ctx, "truncated", "default", start, end)
    names = "、".join(f"“{p.name}”" for p in later if p.key in {m.key for m in missing_later})
    cut = tuple(p.key for p in missing_later) + ((here,) if here else ())
    return finding(ctx, "truncated", "cut", start, end, parts=names + "等部分", cut_parts=cut)


def _annex_cut(facts: Facts, block) -> list[Finding]:
    """The last thing in the text is the 清单 table and it stops before the last items, mid-row."""
    ctx = facts.ctx
    rows = [r for r in facts.annex_rows if block.start <= r.start < block.end]
    if not rows:
        return []
    numbers = [r.number for r in rows if r.number is not None]
    last = rows[-1]
    covered = [
        c.no
        for c in facts.checklist
        if c.status != "not_found" and c.start is not None and block.start <= c.start < block.end
    ]
    last_no = numbers[-1] if numbers else (max(covered) if covered else None)
    row_cells = block.rows[-1]
    empty_tail = (
        any(not ctx.text[c.start : c.end].strip() for c in row_cells[1:]) if len(row_cells) > 1 else False
    )
    if last_no is not None and last_no < 45 and (empty_tail or len(numbers) < 45):
        return [
            finding(ctx, "truncated", "annex_cut", last.start, last.end, part_key="annex", item_no=last_no)
        ]
    return []


def document_type(facts: Facts) -> list[Finding]:
    """gov_template (warning) or not_annual_report (error)."""
    ctx = facts.ctx
    out = []
    if facts.gov_template:
        rule = ctx.rules.rule("gov_template")
        hits = rule.lexicon("markers").finditer(ctx.text)
        best = max(hits, key=lambda h: (h.term.weight, -h.start))
        out.append(finding(ctx, "gov_template", "default", best.start, best.end))
        return out
    rule = ctx.rules.rule("not_annual_report")
    titles = [s for s in ctx.sections if s.level == 0]
    for s in titles:
        title = ctx.text[s.start : s.title_end]
        hit = rule.lexicon("title_reject").search(title)
        if hit:
            facts.extra["not_annual_report"] = True
            return [finding(ctx, "not_annual_report", "default", s.start, s.title_end, kind=hit.term.name)]
    if any(rule.lexicon("title_accept").search(ctx.text[s.start : s.title_end]) for s in titles):
        return []
    hit = rule.lexicon("body_reject").search(ctx.text)
    if hit:
        facts.extra["not_annual_report"] = True
        return [finding(ctx, "not_annual_report", "default", hit.start, hit.end, kind=hit.term.name)]
    return []


def part_count(facts: Facts) -> list[Finding]:
    """An announced number of parts (…等八部分) that differs from the headings found (warning)."""
    ctx = facts.ctx
    lex = ctx.rules.rule("sum_mismatch").lexicon("part_count")
    hit = lex.search(ctx.text[: ctx.first_part_start()] or ctx.text[:600])
    if not hit:
        return []
    announced = parse_number(hit.groups.get("value", ""))
    levels = [s.level for s in ctx.sections if s.level >= 1]
    if not levels or announced is None:
        return []
    top = min(levels)
    found = sum(1 for s in ctx.sections if s.level == top)
    numbered = sum(1 for s in ctx.sections if s.level == top and s.scheme != "annex")
    if int(announced) in (found, numbered):
        return []  # an unnumbered 附表/附件 heading may or may not be counted as a part
    if "annex" not in facts.part_hits and int(announced) == found + 1:
        return []  # the missing annex explains it; annex_missing already says so
    return [
        finding(ctx, "sum_mismatch", "part_count", hit.start, hit.end, announced=int(announced), found=found)
    ]
