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
        if fig.part and _in_table(ctx, fig.part, fig.key):
            continue  # given in a table of the part (tables are not read cell by cell): not reported missing
        dep = fig.depends_on or ("requests_received" if fig.key == "fees" else None)
        if dep:
            dv = facts.fields.get(dep)
            if dv is None or not dv.value:
                continue  # nothing was received: no answers or fees to report
        part_name = ctx.rules.part(fig.part).name if fig.part else ""
        out.append(finding(ctx, "figure_missing", part_key=fig.part, figure=fig.label, part=part_name))
    return out


# Words a table column or row about each core figure carries (a table without them says nothing of it).
_TABLE_TERMS = {
    "active_total": re.compile(r"主动公开|发布|公开信息"),
    "requests_received": re.compile(r"申请|收到|受理"),
    "requests_answered": re.compile(r"答复|办结|办理"),
    "withheld": re.compile(r"不予公开"),
    "complaints": re.compile(r"举报"),
    "reconsiderations": re.compile(r"复议"),
    "lawsuits": re.compile(r"诉讼"),
    "satisfaction_pct": re.compile(r"满意"),
    "fees": re.compile(r"收费|费用"),
}


def _in_table(ctx: Context, part: str, key: str) -> bool:
    """A table with numbers inside the part's span, not the 清单 annex, that names the figure."""
    terms = _TABLE_TERMS.get(key)
    for start, end in ctx.spans_of(part):
        for b in ctx.doc.blocks:
            if b.kind != "table" or not start <= b.start < end:
                continue
            body = ctx.text[b.start : b.end]
            if not re.search(r"\d", body) or len(ctx.rules.checklist.match_items(body)) >= ANNEX_MIN_ITEMS:
                continue
            if terms is None or terms.search(body):
                return True
    return False
