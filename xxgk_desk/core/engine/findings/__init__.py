"""The review rules, one module per family; ``run_all`` collects their findings in text order."""

from __future__ import annotations

from xxgk_desk.core.engine.findings import data, lexical, structure, timing, wording
from xxgk_desk.core.engine.findings.base import Facts, report_period
from xxgk_desk.core.engine.model import Finding

FAMILIES = (structure, lexical, timing, data, wording)


def run_all(facts: Facts) -> list[Finding]:
    """Every finding of every rule, ordered by position (document-level ones first)."""
    out: list[Finding] = []
    for family in FAMILIES:
        out.extend(family.check(facts))
    start, end = report_period(facts)
    out = [f for f in out if facts.ctx.rules.rule(f.rule).applies(start, end)]  # rules of another time
    out = _suppress(out)
    return sorted(out, key=lambda f: (f.start is not None, f.start or 0, f.rule))


def _suppress(findings: list[Finding]) -> list[Finding]:
    """Drop findings another finding already explains: a truncated text its missing sign-off, a cut annex
    its missing items and the empty cells of its last row."""
    rules = {f.rule for f in findings}
    if "truncated" in rules:
        findings = [f for f in findings if f.rule != "report_date_missing"]
    cut = {k for f in findings if f.rule == "truncated" for k in f.cut_parts}
    if cut:  # parts after the cut cannot be judged: the cut says so once
        findings = [
            f
            for f in findings
            if not (f.rule in ("missing_part", "annex_missing", "figure_missing") and f.part in cut)
        ]
    foreign = [
        (f.start, f.end)
        for f in findings
        if f.rule == "foreign_text" and f.start is not None and f.end is not None
    ]
    if foreign:  # another school's report or document already said by foreign_text (other_school)
        findings = [
            f
            for f in findings
            if f.rule != "other_institution"
            or not any(a < (f.end or 0) and (f.start or 0) < b for a, b in foreign)
        ]
    cuts = {(f.start, f.end) for f in findings if f.rule == "truncated" and f.part == "annex"}
    if cuts:  # the cut explains the missing items, and the empty cells of the row it cut
        findings = [
            f
            for f in findings
            if f.rule != "checklist_gap" or f.start is not None and (f.start, f.end) not in cuts
        ]
    return findings
