"""The completeness score (0–100): parts, core figures, 清单 coverage and form, weighted as score.yaml says."""

from __future__ import annotations

from xxgk_desk.core.engine.findings.base import Facts
from xxgk_desk.core.engine.model import Finding, Score


def _checks_fraction(values: dict[str, float], weights: dict[str, float]) -> float:
    total = sum(weights.get(k, 1.0) for k in values)
    return sum(weights.get(k, 1.0) * v for k, v in values.items()) / total if total else 0.0


def compute_score(facts: Facts, findings: list[Finding]) -> Score:
    ctx = facts.ctx
    model = ctx.rules.score
    rules_hit = {f.rule for f in findings}
    fractions: dict[str, float] = {}
    details: dict[str, str] = {}
    for comp in model.components:
        weights = {c.id: c.weight for c in comp.checks}
        if comp.id == "parts":
            required = [p for p in ctx.rules.parts if p.required]
            found = [
                p for p in required if any(s.key == p.key and s.status != "missing" for s in facts.parts)
            ]
            values = {"part_present": len(found) / len(required) if required else 1.0}
            ev = next((p for p in ctx.rules.parts if p.groups), None)
            if ev is not None and "evaluation_groups" in weights:
                hit = facts.part_hits.get(ev.key)
                if hit is None:
                    values["evaluation_groups"] = 0.0
                else:
                    missing = len(ev.missing_groups(ctx.text[hit.start : hit.end]))
                    values["evaluation_groups"] = 1 - missing / len(ev.groups)
            fractions[comp.id] = _checks_fraction(values, weights)
            details[comp.id] = f"{len(found)}/{len(required)} 个部分"
        elif comp.id == "figures":
            needed = []
            for fig in ctx.rules.core_figures:
                dep = fig.depends_on or ("requests_received" if fig.key == "fees" else None)
                if dep and not facts.fields.get(dep, None) or dep and not facts.fields[dep].value:
                    continue
                needed.append(fig)
            stated = [f for f in needed if facts.fields.get(f.key) and facts.fields[f.key].value is not None]
            fractions[comp.id] = len(stated) / len(needed) if needed else 1.0
            details[comp.id] = f"{len(stated)}/{len(needed)} 项核心数据"
        elif comp.id == "checklist":
            counted = [c for c in facts.checklist if c.status == "covered" or c.status == "not_applicable"]
            total = len(facts.checklist) or 50
            fractions[comp.id] = len(counted) / total
            details[comp.id] = f"{len(counted)}/{total} 项清单事项"
        elif comp.id == "form":
            period_ok = (
                0.0 if rules_hit & {"period_missing", "period_mismatch", "period_calendar_year"} else 1.0
            )
            on_time = (
                0.0 if ("late_report" in rules_hit or facts.fields["report_date"].value is None) else 1.0
            )
            fractions[comp.id] = _checks_fraction({"period_ok": period_ok, "on_time": on_time}, weights)
            details[comp.id] = (
                ("期限正确" if period_ok else "期限有误")
                + "，"
                + ("按时发布" if on_time else "未能确认按时发布")
            )
    components = {k: round(v * model.scale, model.decimals) for k, v in fractions.items()}
    weights = {c.id: c.weight for c in model.components}
    return Score(model.total(fractions), components, weights, details)
