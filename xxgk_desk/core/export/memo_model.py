"""Everything the review record (审核记录, the internal worksheet) says, gathered into plain data
before any layout. The letter a department sends (审核意见) is :mod:`letter_model`.

``collect_memo(doc, sections, review, store)`` reads the engine's :class:`Review` and, when
the report is in the review store, the reviewer's notes, corrected fields, finding decisions
and conclusion. Without a store, or when the store holds nothing for this report, the memo
is an automatic pre-review (自动预审): the engine's findings are its issues and it gives no
conclusion (the reviewer decides that). The renderers (memo_docx, memo_md, memo_pdf) only
lay out a :class:`Memo`; labels come from the rules (resources/rules/categories.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.model import Review
from xxgk_desk.core.outline import Section
from xxgk_desk.core.rules import RuleSet, load_rules

from .fmt import cn_date, field_text, local_date, one_line, text_width
from .report_title import school_year
from .review_items import (
    CONFLICT_MARK,
    DISMISSED_MARK,
    GROUP_TITLES,
    UNDECIDED_MARK,
    Issue,
    IssueGroup,
    Reply,
    StoredReview,
    attach_document,
    collect_items,
    group_issues,
)
from .wording import wording

PART_STATUS = {"present": "有", "merged": "合并撰写", "missing": "缺少"}
CHECKLIST_STATUS = {"covered": "已覆盖", "not_found": "未见", "not_applicable": "不适用"}
AUTOMATIC = "自动预审"
TITLE_WIDTH = 20.0  # characters of 二号 type on a GB/T 9704 line (156 mm)


@dataclass(frozen=True)
class MemoOptions:
    """What goes into the memo. ``include_dismissed`` wins over ``only_open`` (it is asked for)."""

    only_open: bool = False
    with_context: bool = False
    include_dismissed: bool = False
    include_undecided: bool = True
    include_checklist: bool = True
    context_chars: int = 40
    quote_limit: int = 200  # longer quotes are cut in the middle (……); 0 keeps them whole


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class ScoreRow:
    key: str
    label: str
    full: float  # points this component is worth
    points: float  # points earned
    detail: str


@dataclass(frozen=True)
class PartRow:
    no: int
    key: str
    name: str
    status: str  # present / merged / missing
    status_label: str
    heading: str | None
    page: int | None


@dataclass(frozen=True)
class FieldRow:
    key: str
    label: str
    extracted: str  # what the report says ("" when it is silent)
    corrected: str | None  # the reviewer's value where it differs
    checked: bool  # the reviewer marked the field as checked
    page: int | None
    quote: str | None


@dataclass(frozen=True)
class ChecklistRow:
    no: int
    category: str
    item: str
    status: str
    status_label: str
    page: int | None


@dataclass(frozen=True)
class Memo:
    """The memo as data. ``automatic`` marks a pre-review written without a reviewer's input."""

    title: str
    title_lines: tuple[str, ...]
    automatic: bool
    institution: str | None
    report_title: str
    intro: str
    identity: tuple[Row, ...]
    conclusion: str | None
    conclusion_label: str | None
    conclusion_note: str
    score_total: float
    score_full: float
    score_rows: tuple[ScoreRow, ...]
    parts: tuple[PartRow, ...]
    fields: tuple[FieldRow, ...]
    groups: tuple[IssueGroup, ...]
    highlights: tuple[Issue, ...]
    counts: tuple[tuple[str, int], ...]  # (severity label, issues)
    scope_note: str
    recommendations: str | None
    checklist: tuple[ChecklistRow, ...]
    checklist_summary: str
    reviewer: str | None
    date: str  # 2024年11月5日
    file_name: str
    file_sha256: str
    pages: int
    options: MemoOptions = field(default_factory=MemoOptions)
    addressee: str | None = None

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(i for g in self.groups for i in g.issues)

    @property
    def signature(self) -> str:
        """The 署名 line above the date."""
        if self.automatic:
            return "xxgk-desk 自动预审"
        return f"审核人：{self.reviewer}" if self.reviewer else ""


__all__ = [
    "CONFLICT_MARK",
    "DISMISSED_MARK",
    "GROUP_TITLES",
    "UNDECIDED_MARK",
    "ChecklistRow",
    "FieldRow",
    "Issue",
    "IssueGroup",
    "Memo",
    "MemoOptions",
    "PartRow",
    "Reply",
    "Row",
    "ScoreRow",
    "attach_document",
    "collect_memo",
    "text_width",
]


def _title_lines(parts: list[str]) -> tuple[str, ...]:
    """The title broken between its phrases so that no line is longer than a 二号 line."""
    full = "".join(parts)
    if text_width(full) <= TITLE_WIDTH:
        return (full,)
    best: tuple[float, tuple[str, ...]] | None = None
    for i in range(1, len(parts)):
        a, b = "".join(parts[:i]), "".join(parts[i:])
        if text_width(a) <= TITLE_WIDTH and text_width(b) <= TITLE_WIDTH:
            cost = abs(text_width(a) - text_width(b))
            if best is None or cost < best[0]:
                best = (cost, (a, b))
    return best[1] if best else (full,)


def _field_values(review: Review, stored: StoredReview | None) -> dict[str, Any]:
    """Field values as the memo should state them: the reviewer's where corrected."""
    values = {k: v.value for k, v in review.fields.items()}
    if stored:
        for key, fv in stored.fields.items():
            if fv.value is not None:
                values[key] = fv.value
    return values


def _field_rows(
    doc: Document, review: Review, stored: StoredReview | None, rules: RuleSet
) -> tuple[FieldRow, ...]:
    rows = []
    keys = list(review.fields) + [k for k in (stored.fields if stored else {}) if k not in review.fields]
    for key in keys:
        fv = review.fields.get(key)
        try:
            spec = rules.figure(key)
            label, kind, unit = spec.label, spec.kind, spec.unit
        except KeyError:
            label, kind, unit = key, None, None
        sf = stored.fields.get(key) if stored else None
        value = fv.value if fv else None
        corrected = None
        if sf is not None and sf.value is not None and sf.value != value:
            corrected = field_text(sf.value, kind, unit)
        page = doc.page_at(fv.start) if fv and fv.start is not None else None
        rows.append(
            FieldRow(
                key=key,
                label=label,
                extracted=field_text(value, kind, unit),
                corrected=corrected,
                checked=bool(sf is not None and sf.status == "reviewed"),
                page=page,
                quote=one_line(fv.quote) if fv and fv.quote else None,
            )
        )
    return tuple(rows)


def _score_rows(review: Review, rules: RuleSet) -> tuple[tuple[ScoreRow, ...], float]:
    model = rules.score
    weights = {c.id: c.weight for c in model.components}
    total_weight = sum(weights.values()) or 1.0
    rows = []
    for c in model.components:
        full = round(model.scale * c.weight / total_weight, model.decimals)
        got = review.score.components.get(c.id, 0.0) / 100.0 * model.scale * c.weight / total_weight
        rows.append(
            ScoreRow(c.id, c.name, full, round(got, model.decimals), review.score.details.get(c.id, ""))
        )
    return tuple(rows), float(model.scale)


def _part_rows(doc: Document, sections: tuple[Section, ...], review: Review) -> tuple[PartRow, ...]:
    rows = []
    for i, p in enumerate(review.standard_parts, 1):
        s = sections[p.section] if p.section is not None and 0 <= p.section < len(sections) else None
        rows.append(
            PartRow(
                no=i,
                key=p.key,
                name=p.name,
                status=p.status,
                status_label=PART_STATUS.get(p.status, p.status),
                heading=one_line(s.title) if s and p.status != "missing" else None,
                page=s.page if s and p.status != "missing" else None,
            )
        )
    return tuple(rows)


def _checklist_rows(doc: Document, review: Review, rules: RuleSet) -> tuple[ChecklistRow, ...]:
    rows = []
    for e in review.checklist:
        try:
            c = rules.checklist.category(e.category)
            category = f"{c.number}、{c.name}"
        except KeyError:
            category = e.category
        page = doc.page_at(e.start) if e.start is not None else None
        rows.append(
            ChecklistRow(e.no, category, e.item, e.status, CHECKLIST_STATUS.get(e.status, e.status), page)
        )
    return tuple(rows)


def collect_memo(
    doc: Document,
    sections: tuple[Section, ...],
    review: Review,
    store: Any = None,
    *,
    only_open: bool = False,
    with_context: bool = False,
    include_dismissed: bool = False,
    include_undecided: bool = True,
    include_checklist: bool = True,
    quote_limit: int = 200,
    reviewer: str | None = None,
    addressee: str | None = None,
    when: date | None = None,
    rules: RuleSet | None = None,
) -> Memo:
    """Gather the memo for one report.

    ``store`` (a :class:`~xxgk_desk.core.store.Store`) is only read: call
    ``store.register_version(doc, …)`` (or :func:`attach_document`) first so notes are placed
    on this text. ``include_undecided`` lists findings nobody has accepted or dismissed yet
    (marked 未处理的自动检查结果); ``include_dismissed`` lists dismissed ones with the reason;
    ``only_open`` leaves out resolved and won't-fix notes. Quotes longer than ``quote_limit``
    characters are cut in the middle in the memo (0: never). ``when`` overrides the memo date.
    """
    rules = rules or load_rules()
    options = MemoOptions(
        only_open=only_open,
        with_context=with_context,
        include_dismissed=include_dismissed,
        include_undecided=include_undecided,
        include_checklist=include_checklist,
        quote_limit=quote_limit,
    )
    items = collect_items(
        doc,
        sections,
        review,
        store,
        rules,
        only_open=only_open,
        include_dismissed=include_dismissed,
        include_undecided=include_undecided,
        with_context=with_context,
        context_chars=options.context_chars,
    )
    automatic, stored, labels, places = items.automatic, items.stored, items.labels, items.places
    issues, highlights = list(items.issues), list(items.highlights)
    words = wording()

    values = _field_values(review, stored)
    institution = one_line(str(values.get("institution") or "")) or None
    year_text = school_year(review, values)
    report_title = (
        f"{institution or ''}{year_text}信息公开工作年度报告" if institution else Path(doc.path).stem
    )
    parts = [f"关于{institution}", year_text, "信息公开工作年度报告的审核意见"] if institution else []
    title = "".join(parts) if parts else f"关于《{report_title}》的审核意见"
    state = stored.state if stored else None
    who = reviewer or (state.reviewer if state and state.reviewer else None)
    if not who and stored and not automatic:
        who = stored.default_reviewer
    day = when or (local_date(state.updated_at) if state and state.updated_at and not automatic else None)
    day = day or date.today()

    conclusion = state.conclusion if state and not automatic else None
    if automatic:
        conclusion_note = words.text("memo.conclusion_automatic")
    elif conclusion:
        conclusion_note = labels.conclusion_note.get(conclusion, "")
    else:
        conclusion_note = words.text("memo.conclusion_none")

    period = ""
    if values.get("period_start") and values.get("period_end"):
        period = f"{cn_date(str(values['period_start']))}至{cn_date(str(values['period_end']))}"
    state_label = AUTOMATIC if automatic else labels.state.get(state.state, state.state) if state else ""
    identity = (
        Row("学校名称", institution or "未识别"),
        Row("报告名称", report_title),
        Row("统计期限", period or "报告未写明"),
        Row("报告日期", cn_date(str(values["report_date"])) if values.get("report_date") else "报告未写明"),
        Row("文件名称", Path(doc.path).name),
        Row("文件校验值（SHA-256）", doc.file_sha256),
        Row("页数", f"{doc.page_count}页"),
        Row("审核人", who or ("自动预审" if automatic else "")),
        Row("审核日期", cn_date(day)),
        Row("审核状态", state_label),
    )

    rows, full = _score_rows(review, rules)
    groups = group_issues(issues, places)
    flat = [i for g in groups for i in g.issues]
    counts = tuple(
        (c.label, sum(1 for i in flat if i.severity == c.id and i.origin != "dismissed"))
        for c in sorted(rules.vocabulary.severities, key=lambda c: -c.rank)
    )
    scope = []
    if automatic:
        scope.append(words.text("memo.scope_automatic"))
    else:
        if only_open:
            scope.append(words.text("memo.scope_only_open", status=labels.status.get("open", "open")))
        if include_undecided and any(i.mark == UNDECIDED_MARK for i in flat):
            scope.append(words.text("memo.scope_undecided", mark=UNDECIDED_MARK))
        if include_dismissed and any(i.origin == "dismissed" for i in flat):
            scope.append(words.text("memo.scope_dismissed"))
    checklist = _checklist_rows(doc, review, rules) if include_checklist else ()
    n_cov = sum(1 for c in review.checklist if c.status == "covered")
    n_na = sum(1 for c in review.checklist if c.status == "not_applicable")
    checklist_summary = (
        f"清单共{len(review.checklist)}项，报告覆盖{n_cov}项"
        + (f"、标明不适用{n_na}项" if n_na else "")
        + f"、未见{len(review.checklist) - n_cov - n_na}项。"
    )
    name = institution or words.text("memo.unknown_institution")
    intro = words.text(
        "memo.intro_automatic" if automatic else "memo.intro", institution=name, report_title=report_title
    )
    summary = (state.summary or "").strip() if state and not automatic else ""
    return Memo(
        title=title,
        title_lines=_title_lines(parts) if parts else (title,),
        automatic=automatic,
        institution=institution,
        report_title=report_title,
        intro=intro,
        identity=identity,
        conclusion=conclusion,
        conclusion_label=labels.conclusion.get(conclusion, conclusion) if conclusion else None,
        conclusion_note=conclusion_note,
        score_total=review.score.total,
        score_full=full,
        score_rows=rows,
        parts=_part_rows(doc, sections, review),
        fields=_field_rows(doc, review, stored, rules),
        groups=groups,
        highlights=tuple(sorted(highlights, key=lambda i: (i.start is None, i.start or 0))),
        counts=counts,
        scope_note="；".join(scope) + ("。" if scope else ""),
        recommendations=summary or None,
        checklist=checklist,
        checklist_summary=checklist_summary,
        reviewer=who,
        date=cn_date(day),
        file_name=Path(doc.path).name,
        file_sha256=doc.file_sha256,
        pages=doc.page_count,
        options=options,
        addressee=addressee,
    )
