"""Figure rules: sums that do not add up, request counts that do not balance, core figures not stated."""

from __future__ import annotations

import re

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.fields import value_spans
from xxgk_desk.core.engine.findings.base import Facts, finding
from xxgk_desk.core.engine.model import Finding
from xxgk_desk.core.engine.parts import ANNEX_MIN_ITEMS


def check(facts: Facts) -> list[Finding]:
    return sums(facts) + figure_missing(facts)


def sums(facts: Facts) -> list[Finding]:
    ctx = facts.ctx
    out = []
    for s in facts.sums:
        if s.adds_up:
            continue
        total, parts = s.total, sum(s.parts)
        if s.caveat == "units":
            out.append(finding(ctx, "sum_mismatch", "units", s.start, s.end, total=total, sum=parts,
                               units="、".join(s.units)))  # fmt: skip
        elif s.caveat == "overlap":
            names = "、".join(_channel_names(ctx.text[s.start : s.end]))
            out.append(
                finding(ctx, "sum_mismatch", "overlap", s.start, s.end, total=total, sum=parts, items=names)
            )
        else:
            out.append(finding(ctx, "sum_mismatch", "default", s.start, s.end, total=total, sum=parts))
    out += _requests_balance(facts)
    return out


def _channel_names(claim: str) -> list[str]:
    found = re.findall(
        r"[\u4e00-\u9fff]{0,4}(?:网站|专栏|信息公开网|微信公众号|公众号|微博|校报|校刊|平台)", claim
    )
    return list(dict.fromkeys(n.lstrip("其中共") for n in found))[:4]


def _requests_balance(facts: Facts) -> list[Finding]:
    """More requests answered than received (a reviewer's corrected count re-runs this)."""
    f = facts.fields
    rec, ans = f.get("requests_received"), f.get("requests_answered")
    if rec is None or ans is None or rec.value is None or ans.value is None or ans.value <= rec.value:
        return []
    return [finding(facts.ctx, "sum_mismatch", "requests", ans.start, ans.end, part_key="on_request",
                    received=rec.value, answered=ans.value, pending=0)]  # fmt: skip


def figure_missing(facts: Facts) -> list[Finding]:
    """A core figure the report does not state, in a part it does have (a missing part is its own finding)."""
    ctx = facts.ctx
    present = {p.key for p in facts.parts if p.status != "missing"}
    gov_only = set(ctx.rules.rule("figure_missing").params.get("gov_template_figures", ()))
    out = []
    for fig in ctx.rules.core_figures:
        if facts.gov_template and fig.key not in gov_only:
            continue  # the government format states it in its template tables
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
    return out + _group_figures(facts, present)


def _group_figures(facts: Facts, present: set[str]) -> list[Finding]:
    """A percentage stated for one 评议 group only (师生员工 95%, 社会公众 "评价良好"): the other's is missing."""
    ctx = facts.ctx
    fig = ctx.rules.figure("satisfaction_pct")
    fv = facts.fields.get(fig.key)
    part = ctx.rules.part(fig.part) if fig.part in ctx.rules.part_keys else None
    if (
        fv is None
        or fv.value is None
        or part is None
        or not part.groups
        or fig.part not in present
        or facts.gov_template
    ):
        return []
    spans = ctx.spans_of(fig.part)
    covered: set[str] = set()
    for s, e in value_spans(ctx, fig):
        if any(a <= s < b for a, b in spans):
            ss, se = ctx.sentence_span(s, e)
            covered |= {g.key for g in part.groups if g.found_in(ctx.text[ss:se])}
    if not covered:
        return []  # the figure's sentence names no group: it speaks for both
    return [
        finding(ctx, "figure_missing", part_key=fig.part, figure=f"{fig.label}（{g.name}）", part=part.name)
        for g in part.groups
        if g.key not in covered
    ]


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
