"""The review rules, one module per family; ``run_all`` collects their findings in text order."""

from __future__ import annotations

from xxgk_desk.core.engine.findings import data, lexical, structure, timing
from xxgk_desk.core.engine.findings.base import Facts
from xxgk_desk.core.engine.model import Finding

FAMILIES = (structure, lexical, timing, data)


def run_all(facts: Facts) -> list[Finding]:
    """Every finding of every rule, ordered by position (document-level ones first)."""
    out: list[Finding] = []
    for family in FAMILIES:
        out.extend(family.check(facts))
    out = _suppress(out)
    return sorted(out, key=lambda f: (f.start is not None, f.start or 0, f.rule))


def _suppress(findings: list[Finding]) -> list[Finding]:
    """A truncated text explains its missing sign-off: no separate report_date_missing then."""
    rules = {f.rule for f in findings}
    if "truncated" in rules:
        findings = [f for f in findings if f.rule != "report_date_missing"]
    return findings
