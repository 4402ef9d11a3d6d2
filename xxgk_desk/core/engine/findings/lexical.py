"""Lexical rules: placeholders, foreign text, conversion residue, wrong citations, personal data."""

from __future__ import annotations

import datetime as dt
import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.findings.base import Facts, finding, report_period
from xxgk_desk.core.engine.model import Finding

SYSTEM_HEADS = ("国家开放大学",)

_OWN_DOCUMENT = re.compile(
    r"《(?P<name>[\u4e00-\u9fff]{2,14}(?:大学|学院))[^》]{0,30}(?:实施办法|实施细则|管理办法|规定|章程|工作报告|年度报告)》"
)
_REPORT_OF = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,14}(?:大学|学院))\s*(?:\d{4}\s*[—–\-－~～至]\s*\d{4}\s*学年|\d{4}\s*年度?)"
)


def check(facts: Facts) -> list[Finding]:
    ctx = facts.ctx
    return (
        placeholders(ctx)
        + foreign_text(ctx, facts)
        + artefacts(ctx)
        + citations(ctx, facts)
        + personal_data(ctx)
    )


def _clause(ctx: Context, start: int, end: int, width: int = 18) -> tuple[int, int]:
    """Widen a short hit to its clause (at most ``width`` characters each side) for a readable quote."""
    text = ctx.text
    s = start
    while s > 0 and start - s < width and text[s - 1] not in "，,。；;：:！？\n《“（(":
        s -= 1
    e = end
    while e < len(text) and e - end < width and text[e] not in "，,。；;：:！？\n》”）)":
        e += 1
    return s, e


def placeholders(ctx: Context) -> list[Finding]:
    rule = ctx.rules.rule("placeholder")
    out = []
    for hit in rule.lexicon("triggers").finditer(ctx.text):
        variant = hit.term.message or "default"
        s, e = _clause(ctx, hit.start, hit.end) if variant != "attachment" else (hit.start, hit.end)
        f = finding(
            ctx, "placeholder", variant, s, e, quote=hit.text if variant == "default" else ctx.text[s:e]
        )
        out.append(f)
    return out


def chrome_lines(ctx: Context) -> list[tuple[int, int]]:
    """Lines of web-page chrome (breadcrumbs, 浏览次数, 分享到, 上一篇/下一篇, 打印本页/关闭窗口)."""
    rule = ctx.rules.rule("foreign_text")
    lex = rule.lexicons.get("chrome")
    if lex is None:
        return []
    limit = int(rule.params.get("chrome_max_line", 80))
    out = []
    for b in ctx.doc.blocks:
        if b.kind == "table":
            continue
        raw = ctx.text[b.start : b.end]
        line = raw.strip()
        if line and len(line) <= limit and lex.matches(line):
            s = b.start + len(raw) - len(raw.lstrip())
            out.append((s, s + len(line)))
    return out


def _chrome(ctx: Context, lines: list[tuple[int, int]]) -> list[Finding]:
    """One finding for all chrome lines, on the first of them."""
    if not lines:
        return []
    s, e = lines[0]
    if len(lines) == 1:
        return [finding(ctx, "foreign_text", "chrome_one", s, e)]
    others = "、".join(f"“{' '.join(ctx.text[a:b].split())[:16]}”" for a, b in lines[1:4])
    others += "等" if len(lines) > 4 else ""
    return [finding(ctx, "foreign_text", "chrome", s, e, count=len(lines), items=others)]


def foreign_text(ctx: Context, facts: Facts) -> list[Finding]:
    rule = ctx.rules.rule("foreign_text")
    chrome = chrome_lines(ctx)
    out = _chrome(ctx, chrome)
    seen_lines = {s for s, _ in chrome}
    for hit in rule.lexicon("web_residue").finditer(ctx.text):
        s, e = ctx.line_span(hit.start)
        s += len(ctx.text[s:e]) - len(ctx.text[s:e].lstrip())
        if s in seen_lines:
            continue
        seen_lines.add(s)
        out.append(finding(ctx, "foreign_text", "default", s, e))
    own = facts.fields.get("institution")
    own_name = own.value if own else None
    if own_name:
        for m in _REPORT_OF.finditer(ctx.text):
            name = m.group("name")
            if name in own_name or own_name in name or _is_citation(ctx, m.start()):
                continue
            if not re.search(r"信息公开|年度报告|工作报告", ctx.text[m.end() : m.end() + 20]):
                continue
            out.append(finding(ctx, "foreign_text", "other_school", m.start(), m.end(), school=name))
        for m in _OWN_DOCUMENT.finditer(ctx.text):
            name = m.group("name")
            if name in own_name or own_name in name or name in SYSTEM_HEADS:
                continue  # the system's head (国家开放大学) issues rules for its members
            out.append(finding(ctx, "foreign_text", "other_document", m.start(), m.end()))
    return out


def _is_citation(ctx: Context, pos: int) -> bool:
    """Inside 《…》: a cited document title, not a subject."""
    open_ = ctx.text.rfind("《", max(0, pos - 40), pos)
    close = ctx.text.rfind("》", max(0, pos - 40), pos)
    return open_ > close


def artefacts(ctx: Context) -> list[Finding]:
    rule = ctx.rules.rule("conversion_artefact")
    hits = [h for name in ("markers", "mojibake") for h in rule.lexicon(name).finditer(ctx.text)]
    return [
        finding(ctx, "conversion_artefact", h.term.message or "default", h.start, h.end)
        for h in outermost(hits)
    ]


def outermost(hits: list) -> list:
    """Drop hits that lie inside a longer hit ("_GoBack" inside "[bookmark: _GoBack]")."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list = []
    for h in hits:
        if out and h.start >= out[-1].start and h.end <= out[-1].end:
            continue
        out.append(h)
    return out


def citations(ctx: Context, facts: Facts | None = None) -> list[Finding]:
    """Wrong or outdated numbers, judged by the report's period (a number right in its time is not wrong)."""
    start, end = report_period(facts) if facts is not None else (None, None)
    report = facts.fields["report_date"].value if facts is not None else None
    if report and end:
        end = max(end, dt.date.fromisoformat(report))  # the report is written after its period
    out = []
    for v, s, e in ctx.rules.citations.not_yet_valid(ctx.text, start, end):
        when = v.valid_from.isoformat() if v.valid_from else ""
        out.append(
            finding(ctx, "wrong_citation", "anachronism", s, e, wrong=ctx.text[s:e], title=v.title, date=when)
        )
    for hit in ctx.rules.citations.find_wrong(ctx.text, start, end):
        c = hit.citation
        out.append(
            finding(
                ctx,
                "wrong_citation",
                c.message,
                hit.start,
                hit.end,
                wrong=hit.text,
                correct=c.correct,
                title=c.title,
            )
        )
    return out


def personal_data(ctx: Context) -> list[Finding]:
    rule = ctx.rules.rule("personal_data")
    out = []
    for name in ("mobile", "id_card", "email", "person"):
        for hit in rule.lexicon(name).finditer(ctx.text):
            variant = hit.term.message or "default"
            kw = {"role": hit.groups.get("role", "")} if variant == "name" else {}
            if variant == "webmail" and hit.start < ctx.first_part_start():
                kw["severity"] = (
                    "info"  # the office's contact box in the preamble: worth a look, not an error
                )
            out.append(finding(ctx, "personal_data", variant, hit.start, hit.end, **kw))
    return out
