"""What the rules look at (the facts the engine gathered) and a helper to word a finding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from xxgk_desk.core.document import OCR_DOUBT, ocr_confidence
from xxgk_desk.core.engine.checklist import RowInfo
from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.dates import RangeHit
from xxgk_desk.core.engine.model import ChecklistEntry, FieldValue, Figure, Finding, PartStatus, SumCheck
from xxgk_desk.core.engine.parts import PartHit


@dataclass
class Facts:
    ctx: Context
    parts: list[PartStatus]
    part_hits: dict[str, PartHit]
    fields: dict[str, FieldValue]
    figures: list[Figure]
    sums: list[SumCheck]
    checklist: list[ChecklistEntry]
    annex_rows: list[RowInfo]
    period: RangeHit | None
    gov_template: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def report_period(facts: Facts) -> tuple[dt.date | None, dt.date | None]:
    """The report's statistical period; without one, the academic year its title names."""
    f = facts.fields
    start, end = f["period_start"].value, f["period_end"].value
    if start and end:
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    year = f["title_year"].value
    if year:
        return dt.date(year - 1, 9, 1), dt.date(year, 8, 31)
    return None, None


def finding(
    ctx: Context,
    rule_id: str,
    variant: str = "default",
    start: int | None = None,
    end: int | None = None,
    *,
    part_key: str | None = None,
    severity: str | None = None,
    **kw: Any,
) -> Finding:
    """A finding worded from the rule catalogue; the quote is the text between start and end.

    ``part_key`` is the standard part it concerns (default: the part holding ``start``);
    the remaining keywords fill the message template. A finding on text recognised by OCR
    has ``ocr=True``; when that text is doubtful the message asks to check the original.
    """
    quote = ctx.text[start:end] if start is not None and end is not None else None
    if quote is not None:
        kw.setdefault("quote", " ".join(quote.split()) if len(quote) < 200 else quote[:200])
    rule = ctx.rules.rule(rule_id)
    message = rule.message(variant, **kw)
    sev = severity or ctx.rules.severity(rule_id, variant, part=part_key)
    conf = ocr_confidence(ctx.doc, start, end) if start is not None and ctx.doc.ocr_spans else None
    if conf is not None and conf < OCR_DOUBT:
        message += f"（识别自扫描件，置信度 {conf:.2f}，请核对原件）"
    part = part_key if part_key else ctx.part_at(start)
    return Finding(
        rule_id,
        sev,
        message,
        start,
        end,
        quote,
        part,
        ocr=conf is not None,
        cut_parts=tuple(kw.get("cut_parts", ())),
    )
