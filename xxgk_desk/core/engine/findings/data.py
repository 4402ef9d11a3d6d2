"""Figure rules: sums that do not add up, request counts that do not balance, core figures not stated."""

from __future__ import annotations

import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.findings.base import Facts, finding
from xxgk_desk.core.engine.model import Finding
from xxgk_desk.core.engine.parts import ANNEX_MIN_ITEMS


def check(facts: Facts) -> list[Finding]:
    return sums(facts) + figure_missing(facts)


def sums(facts: Facts) -> list[Finding]:
    ctx = facts.ctx
    out = []
    for s in facts.sums:
        if not s.adds_up:
            out.append(
                finding(ctx, "sum_mismatch", "default", s.start, s.end, total=s.total, sum=sum(s.parts))
            )
    return out


def figure_missing(facts: Facts) -> list[Finding]:
    """A core figure the report does not state, in a part it does have (a missing part is its own finding)."""
    ctx = facts.ctx
    if facts.gov_template:
        return []  # the government format states its figures in template tables; gov_template is the finding
    present = {p.key for p in facts.parts if p.status != "missing"}
    out = []
    for fig in ctx.rules.core_figures:
        fv = facts.fields.get(fig.key)
        if fv is None or fv.value is not None:
            continue
        if fig.part and fig.part not in present:
            continue
        if fig.part and _has_figure_table(ctx, fig.part):
            continue  # figures given in a table of the part (not read cell by cell): not reported missing
        dep = fig.depends_on or ("requests_received" if fig.key == "fees" else None)
        if dep:
            dv = facts.fields.get(dep)
            if dv is None or not dv.value:
                continue  # nothing was received: no answers or fees to report
        part_name = ctx.rules.part(fig.part).name if fig.part else ""
        out.append(finding(ctx, "figure_missing", part_key=fig.part, figure=fig.label, part=part_name))
    return out


def _has_figure_table(ctx: Context, part: str) -> bool:
    """A table with numbers inside the part's span that is not the 清单 annex."""
    for start, end in ctx.spans_of(part):
        for b in ctx.doc.blocks:
            if b.kind != "table" or not start <= b.start < end:
                continue
            body = ctx.text[b.start : b.end]
            if re.search(r"\d", body) and len(ctx.rules.checklist.match_items(body)) < ANNEX_MIN_ITEMS:
                return True
    return False
