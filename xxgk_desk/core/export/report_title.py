"""How a letter names the report and the school: the title exactly as printed, the official name.

:func:`printed_title` reads the title block (the outline's level-0 lines at the top): the line the
annual-report rule recognises as a report title (``not_annual_report``'s ``title_accept`` /
``title_reject`` lexicons, so a 工作总结 is quoted as what it is), with the lines above it that it does
not repeat (``楚澜理工学院`` over ``2023—2024学年信息公开工作年度报告``). Nothing is rewritten: a title
that says 2024年信息公开工作报告 stays so. :func:`official_name` looks a name up in the Ministry's list.
"""

from __future__ import annotations

import re
from typing import Any

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.institutions import registry
from xxgk_desk.core.engine.model import Review
from xxgk_desk.core.outline import Section
from xxgk_desk.core.rules import RuleSet

from .fmt import one_line

_ACADEMIC_YEAR = re.compile(r"(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*学?年")


def printed_title(doc: Document, sections: tuple[Section, ...], rules: RuleSet) -> str | None:
    """The report's title as printed (whitespace runs as one space), or None when the top of the
    file has no line that reads as a report's title."""
    block = []
    for s in sections:
        if s.level != 0:
            break
        block.append(one_line(doc.text[s.start : s.title_end]))
    if not block:
        return None
    try:
        rule = rules.rule("not_annual_report")
        lexicons = [rule.lexicon("title_accept"), rule.lexicon("title_reject")]
    except KeyError:
        return None
    at = next((i for i, line in enumerate(block) if any(lex.search(line) for lex in lexicons)), None)
    if at is None:
        return None
    title = block[at]
    squashed = title.replace(" ", "")
    lead = [line for line in block[:at] if line.replace(" ", "") not in squashed]
    return "".join(lead) + title


def official_name(name: str | None) -> str | None:
    """The Ministry list's official name for ``name`` as written (old and short names too), or None."""
    if not name:
        return None
    match = registry().lookup(name)
    return match.record.name if match is not None else None


def school_year(review: Review, values: dict[str, Any]) -> str:
    """``2023—2024学年`` from the title or the period, else ``2024年度``, else ""."""
    ty = review.fields.get("title_year")
    m = _ACADEMIC_YEAR.search(ty.quote or "") if ty else None
    if m:
        return f"{m.group(1)}—{m.group(2)}学年"
    start, end = str(values.get("period_start") or ""), str(values.get("period_end") or "")
    if start[:4].isdigit() and end[:4].isdigit() and start[:4] != end[:4]:
        return f"{start[:4]}—{end[:4]}学年"
    year = values.get("title_year")
    return f"{year}年度" if year else ""
