"""Which of the standard parts the report has, and where each one lies.

A part is found, in this order, by a top-level heading (one heading may cover several
parts: "merged"), by a sub-heading when no top-level heading names it, by a lead phrase at
the start of a paragraph, and — for the overview only — by a preamble or an unnamed first
part. The annex counts only with a table, or a body part listing the 清单 items one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import PartStatus
from xxgk_desk.core.outline import match_numbering

ANNEX_MIN_ITEMS = 10  # a body part naming at least this many 清单 items lists them "one by one"


@dataclass
class PartHit:
    key: str
    section: int | None
    start: int
    end: int
    how: str
    merged: bool = False
    title: str = ""


def _top_level(ctx: Context) -> int:
    levels = [s.level for s in ctx.sections if s.level >= 1]
    return min(levels) if levels else 1


def _has_table(ctx: Context, start: int, end: int) -> bool:
    return any(b.kind == "table" and start <= b.start < end for b in ctx.doc.blocks)


def _annex_backed(ctx: Context, start: int, end: int) -> bool:
    """An annex heading counts only with a table under it or items listed one by one."""
    if _has_table(ctx, start, end):
        return True
    return len(ctx.rules.checklist.match_items(ctx.text[start:end])) >= ANNEX_MIN_ITEMS


def find_parts(ctx: Context) -> tuple[list[PartStatus], dict[str, PartHit]]:
    rules = ctx.rules
    secs = ctx.sections
    top = _top_level(ctx)
    hits: dict[str, PartHit] = {}
    annex_headings: list[PartHit] = []

    def add(key: str, hit: PartHit) -> None:
        if key not in hits:
            hits[key] = hit

    # 1. Top-level headings.
    for i, s in enumerate(secs):
        if s.level != top:
            continue
        title = ctx.text[s.start : s.title_end]
        keys = [p.key for p in rules.parts_for_heading(title)]
        for key in keys:
            hit = PartHit(key, i, s.start, s.end, "heading", len(keys) > 1, title)
            if key == "annex" and not _annex_backed(ctx, s.start, s.end):
                annex_headings.append(hit)
                continue
            add(key, hit)
    # Annex headings at any level (附表 may sit under the last part).
    for i, s in enumerate(secs):
        title = ctx.text[s.start : s.title_end]
        if (
            s.level >= 1
            and "annex" not in hits
            and any(p.key == "annex" for p in rules.parts_for_heading(title))
        ):
            hit = PartHit("annex", i, s.start, s.end, "heading", False, title)
            if _annex_backed(ctx, s.start, s.end):
                add("annex", hit)
            elif hit not in annex_headings:
                annex_headings.append(hit)
    # 2. Sub-headings, for parts no top-level heading names.
    for i, s in enumerate(secs):
        if s.level <= top or s.level > top + 1:
            continue
        title = ctx.text[s.start : s.title_end]
        for p in rules.parts_for_heading(title):
            if p.key not in hits and p.key != "annex":
                add(p.key, PartHit(p.key, i, s.start, s.end, "subheading", False, title))
    # 3. Lead phrases at the start of a paragraph.
    _find_leads(ctx, hits)
    # 4. The overview: a preamble of substance, or a first part that names no other part.
    opening = next((p for p in rules.parts if p.from_preamble), None)
    if opening is not None and opening.key not in hits:
        _overview_fallback(ctx, hits, top, opening.key)
    # 5. A table that is the 清单 (rows naming many items), even without a heading.
    if "annex" not in hits:
        _annex_table(ctx, hits)
    ctx.part_spans = sorted((h.start, h.end, k) for k, h in hits.items())
    statuses = []
    for part in rules.parts:
        h = hits.get(part.key)
        if h is None:
            statuses.append(PartStatus(part.key, part.name, "missing", None, "", part.label))
        else:
            statuses.append(
                PartStatus(
                    part.key, part.name, "merged" if h.merged else "present", h.section, h.how, part.label
                )
            )
    ctx.annex_headings = annex_headings
    return statuses, hits


def _find_leads(ctx: Context, hits: dict[str, PartHit]) -> None:
    text = ctx.text
    missing = [p for p in ctx.rules.parts if p.key not in hits and p.key != "annex"]
    if not missing:
        return
    body_start = ctx.first_part_start()
    for block in ctx.doc.blocks:
        if block.kind == "table" or block.start < body_start:
            continue
        para = text[block.start : block.end].strip()
        num = match_numbering(para)
        stripped = para[num[2] :] if num else para
        for p in missing:
            if p.key in hits:
                continue
            if p.match_lead(stripped):
                end = _lead_end(ctx, block.start)
                hits[p.key] = PartHit(p.key, None, block.start, end, "inline", False, stripped[:20])


def _lead_end(ctx: Context, start: int) -> int:
    """A lead-phrase part runs to the next heading."""
    for s in ctx.sections:
        if s.start > start and s.level >= 1:
            return s.start
    return len(ctx.text)


def _overview_fallback(ctx: Context, hits: dict[str, PartHit], top: int, key: str) -> None:
    text = ctx.text
    first = next((i for i, s in enumerate(ctx.sections) if s.level == top), None)
    title_end = max((s.title_end for s in ctx.sections if s.level == 0), default=0)
    body_start = ctx.sections[first].start if first is not None else len(text)
    preamble = text[title_end:body_start].strip()
    if first is not None:
        s = ctx.sections[first]
        title = text[s.start : s.title_end]
        if not ctx.rules.parts_for_heading(title):
            hits[key] = PartHit(key, first, s.start, s.end, "first_part", False, title)
            return
    if len(preamble) >= 80:
        hits[key] = PartHit(key, None, title_end, body_start, "preamble", False, "")


def _annex_table(ctx: Context, hits: dict[str, PartHit]) -> None:
    for block in ctx.doc.blocks:
        if block.kind != "table":
            continue
        if len(ctx.rules.checklist.match_items(ctx.text[block.start : block.end])) >= ANNEX_MIN_ITEMS:
            hits["annex"] = PartHit("annex", None, block.start, block.end, "table", False, "")
            return
