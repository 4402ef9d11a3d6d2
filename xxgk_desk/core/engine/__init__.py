"""The review engine: from a read document and its outline to parts, fields, figures, sums, 清单 and findings.

``review(doc, sections)`` is the one entry point; it never touches files or screens.
"""

from __future__ import annotations

import dataclasses

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.checklist import check_checklist
from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.fields import extract_fields
from xxgk_desk.core.engine.figures import extract_figures
from xxgk_desk.core.engine.findings import run_all
from xxgk_desk.core.engine.findings.base import Facts
from xxgk_desk.core.engine.institution import identify
from xxgk_desk.core.engine.model import FieldValue, Review
from xxgk_desk.core.engine.page_facts import page_fields
from xxgk_desk.core.engine.parts import find_parts
from xxgk_desk.core.engine.periods import find_period, find_report_date, find_title_year
from xxgk_desk.core.engine.score import compute_score
from xxgk_desk.core.engine.sums import find_sum_checks, gov_table_checks
from xxgk_desk.core.hanzi import simplified_doc
from xxgk_desk.core.outline import Section
from xxgk_desk.core.rules import RuleSet, load_rules

FIELD_ORDER = ("institution", "title_year", "period_start", "period_end", "report_date", "publication_date",
               "page_source", "active_total",
               "requests_received", "requests_answered", "withheld", "complaints", "reconsiderations", "lawsuits",
               "satisfaction_pct", "fees")  # fmt: skip


def is_gov_template(ctx: Context) -> bool:
    rule = ctx.rules.rule("gov_template")
    return rule.lexicon("markers").score(ctx.text) >= int(rule.params.get("threshold", 4))


def review(
    doc: Document,
    sections: tuple[Section, ...],
    rules: RuleSet | None = None,
    corrections: dict[str, FieldValue] | None = None,
) -> Review:
    """Check one document against the rules.

    Every lexicon runs on the simplified-character view of the text (same offsets); the quotes of
    the result are then taken from the original text. ``corrections`` are a reviewer's values for
    fields (with the sentence they point at as evidence, or none): they replace what was read, so the
    sum checks, figure_missing and the score follow them."""
    rules = rules or load_rules()
    view = simplified_doc(doc)
    result = _review(view, sections, rules, corrections or {})
    return result if view is doc else _requote(result, doc.text, view.text)


def _requote(result: Review, original: str, view: str) -> Review:
    """Quotes (and the quotes inside finding messages) from the original characters."""

    def q(obj):
        if obj.start is None or obj.end is None or obj.quote is None:
            return obj
        return dataclasses.replace(obj, quote=original[obj.start : obj.end])

    fields = {k: q(v) for k, v in result.fields.items()}
    findings = []
    for f in result.findings:
        if f.start is not None and f.end is not None and f.quote is not None:
            shown_view, shown = (
                " ".join(view[f.start : f.end].split()),
                " ".join(original[f.start : f.end].split()),
            )
            f = dataclasses.replace(
                f, quote=original[f.start : f.end], message=f.message.replace(shown_view, shown)
            )
        findings.append(f)
    return dataclasses.replace(
        result,
        fields=fields,
        figures=[q(f) for f in result.figures],
        sum_checks=[q(s) for s in result.sum_checks],
        findings=findings,
    )


def is_rules_document(ctx: Context) -> bool:
    """A guide, catalogue, regulation or notice (not_annual_report kinds in params.no_report_kinds): its
    headings describe rules, not the parts of a report, and its numbers are not the year's figures."""
    rule = ctx.rules.rule("not_annual_report")
    kinds = set(rule.params.get("no_report_kinds", ()))
    lex = rule.lexicon("title_reject")
    for s in ctx.title_sections():
        hit = lex.search(ctx.text[s.start : s.title_end])
        if hit and hit.term.name in kinds:
            return True
    return False


def _review(
    doc: Document, sections: tuple[Section, ...], rules: RuleSet, corrections: dict[str, FieldValue]
) -> Review:
    ctx = Context(doc, sections, rules)
    rules_doc = is_rules_document(ctx)
    parts, hits = find_parts(ctx)
    if rules_doc:
        parts = [dataclasses.replace(p, status="missing", section=None, how="") for p in parts]
        hits, ctx.part_spans = {}, []
    institution, inst_facts = identify(ctx)
    fields = {"institution": institution, "title_year": find_title_year(ctx)}
    start, end, period = find_period(ctx)
    fields["period_start"], fields["period_end"] = start, end
    fields["report_date"] = find_report_date(ctx)
    fields.update(page_fields(ctx))  # 发布时间 and 来源 of a web page, when there are any
    fields.update(
        {k: FieldValue(k, None) for k in extract_fields(ctx)}
        if rules_doc
        else extract_fields(ctx, corrections)
    )
    fields.update({k: v for k, v in corrections.items() if k in fields})
    fields = {k: fields[k] for k in FIELD_ORDER if k in fields} | {
        k: v for k, v in fields.items() if k not in FIELD_ORDER
    }
    entries, rows = check_checklist(ctx, hits)
    facts = Facts(
        ctx,
        parts,
        hits,
        fields,
        extract_figures(ctx),
        find_sum_checks(ctx) + gov_table_checks(ctx),
        entries,
        rows,
        period,
        is_gov_template(ctx),
    )
    findings = run_all(facts)
    return Review(
        fields,
        facts.figures,
        facts.sums,
        parts,
        entries,
        findings,
        compute_score(facts, findings),
        facts.gov_template,
        institution=inst_facts.to_json(),
        part_spans=tuple(ctx.part_spans),
    )
