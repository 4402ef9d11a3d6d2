"""清单 coverage: which of the 50 items the annex (or a part listing them one by one) names.

Rows are mapped to items by keywords, not by number (schools split, merge and renumber
items). Only the annex, or a body part that lists the items one by one, counts: the same
keywords occur elsewhere in any report (收费, 预算, the report's own title).
"""

from __future__ import annotations

from dataclasses import dataclass

from xxgk_desk.core.document import Block, Cell
from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import ChecklistEntry
from xxgk_desk.core.engine.parts import ANNEX_MIN_ITEMS, PartHit

# 主动公开 "lists the items one by one" only when it names most of them, not a dozen of its own topics.
ACTIVE_MIN_ITEMS = 30


@dataclass
class RowInfo:
    """One annex row: its span and the cells by role."""

    start: int
    end: int
    item_text: str
    status: str | None
    link: str | None
    number: int | None


def _roles(ctx: Context, header: tuple) -> dict[int, str]:
    roles: dict[int, str] = {}
    for i, cell in enumerate(header):
        role = ctx.rules.checklist.column_role(ctx.text[cell.start : cell.end])
        if role and role not in roles.values():
            roles[i] = role
    return roles


def _table_rows(ctx: Context, block: Block) -> list[RowInfo]:
    text = ctx.text
    rows = list(block.rows)
    if not rows:
        return []
    roles = _roles(ctx, rows[0])
    body = rows[1:] if {"item", "link", "status"} & set(roles.values()) else rows
    out = []
    width = len(rows[0])
    for row in body:
        if not row:
            continue
        cells = {roles.get(i): text[c.start : c.end].strip() for i, c in _aligned(row, width) if roles.get(i)}
        joined = " ".join(text[c.start : c.end] for c in row)
        if cells.get(None) is not None:
            cells.pop(None)
        if roles and cells.get("item") and cells["item"] == ctx.text[rows[0][0].start : rows[0][0].end]:
            continue  # a repeated header row
        number = cells.get("number", "")
        out.append(
            RowInfo(
                row[0].start,
                row[-1].end,
                cells.get("item") or joined,
                cells.get("status") if "status" in roles.values() else None,
                cells.get("link") if "link" in roles.values() else None,
                int(number) if number.isdigit() else None,
            )
        )
    return out


def _aligned(row: tuple[Cell, ...], width: int) -> list[tuple[int, Cell]]:
    """Cells with their header column. A row short of cells lost them to a vertically merged cell
    (the 类别 column spans its items): keep the first cell (序号) and align the rest to the right."""
    if len(row) >= width or len(row) < 2:
        return list(enumerate(row))
    shift = width - len(row)
    return [(0, row[0])] + [(i + shift, c) for i, c in enumerate(row) if i > 0]


def annex_rows(ctx: Context, hits: dict[str, PartHit]) -> list[RowInfo]:
    """Rows of the 清单 table(s), or paragraphs of a part that lists the items one by one."""
    annex = hits.get("annex")
    tables = [b for b in ctx.doc.blocks if b.kind == "table"]
    if annex is not None:
        inside = [b for b in tables if annex.start <= b.start < annex.end]
    else:
        inside = []
    if not inside:
        inside = [
            b
            for b in tables
            if len(ctx.rules.checklist.match_items(ctx.text[b.start : b.end])) >= ANNEX_MIN_ITEMS
        ]
    rows = [r for b in inside for r in _table_rows(ctx, b)]
    if rows:
        return rows
    # A body part naming the items one by one (the annex written as text, or 主动公开 item by item).
    for key, least in (("annex", ANNEX_MIN_ITEMS), ("active", ACTIVE_MIN_ITEMS)):
        h = hits.get(key)
        if h is None:
            continue
        span_text = ctx.text[h.start : h.end]
        if len(ctx.rules.checklist.match_items(span_text)) >= least:
            return [
                RowInfo(b.start, b.end, ctx.text[b.start : b.end], None, None, None)
                for b in ctx.doc.blocks
                if h.start <= b.start < h.end and b.kind != "table"
            ]
    return []


def check_checklist(ctx: Context, hits: dict[str, PartHit]) -> tuple[list[ChecklistEntry], list[RowInfo]]:
    checklist = ctx.rules.checklist
    rows = annex_rows(ctx, hits)
    found: dict[int, tuple[RowInfo, str]] = {}
    for row in rows:
        for item in checklist.match_items(row.item_text):
            if item.number in found:
                continue
            status = "covered"
            if row.status is not None and checklist.not_applicable.search(row.status):
                status = "not_applicable"
            found[item.number] = (row, status)
    reasons_in_text = _reasons_stated(ctx)
    entries = []
    for item in checklist.items:
        if item.number in found:
            row, status = found[item.number]
            entries.append(
                ChecklistEntry(item.number, item.category, item.text, status, row.start, row.end, row.link)
            )
        elif rows and set(item.not_applicable) & reasons_in_text:
            entries.append(ChecklistEntry(item.number, item.category, item.text, "not_applicable"))
        else:
            entries.append(ChecklistEntry(item.number, item.category, item.text, "not_found"))
    return entries, rows


def _reasons_stated(ctx: Context) -> set[str]:
    """Reasons (无研究生教育, 无中外合作办学…) the report states in a 'we have none' sentence."""
    stated = set()
    for hit in ctx.rules.checklist.not_applicable.finditer(ctx.text):
        s, e = ctx.sentence_span(hit.start, hit.end)
        sentence = ctx.text[s:e]
        for reason in ctx.rules.checklist.reasons:
            if reason.terms.search(sentence):
                stated.add(reason.key)
    return stated
