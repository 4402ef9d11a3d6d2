"""Everything the review memo (审核意见) says, gathered into plain data before any layout.

``collect_memo(doc, sections, review, store)`` reads the engine's :class:`Review` and, when
the report is in the review store, the reviewer's notes, corrected fields, finding decisions
and conclusion. Without a store, or when the store holds nothing for this report, the memo
is an automatic pre-review (自动预审): the engine's findings are its issues and it gives no
conclusion (the reviewer decides that). The renderers (memo_docx, memo_md, memo_pdf) only
lay out a :class:`Memo`; labels come from the rules (resources/rules/categories.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.model import Finding, Review
from xxgk_desk.core.outline import Section, section_path
from xxgk_desk.core.rules import RuleSet, load_rules

from .fmt import cn_date, field_text, local_date, one_line

PART_STATUS = {"present": "有", "merged": "合并撰写", "missing": "缺少"}
CHECKLIST_STATUS = {"covered": "已覆盖", "not_found": "未见", "not_applicable": "不适用"}
AUTOMATIC = "自动预审"
UNDECIDED_MARK = "未处理的自动检查结果"
DISMISSED_MARK = "已驳回的自动检查结果"
CONFLICT_MARK = "合并冲突副本"
GROUP_TITLES = {"_general": "总体意见", "_preamble": "标题及导语", "_other": "其他"}
TITLE_WIDTH = 20.0  # characters of 二号 type on a GB/T 9704 line (156 mm)
_ACADEMIC_YEAR = re.compile(r"(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*学?年")


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
class Reply:
    body: str
    reviewer: str | None
    created: str | None  # ISO timestamp from the store


@dataclass(frozen=True)
class Issue:
    """One issue of the memo: a reviewer's note, or an engine finding."""

    id: str  # note id, or the finding's key
    origin: str  # note / finding (undecided or automatic) / dismissed
    part: str | None  # standard part key, or _general / _preamble / _other
    part_name: str
    section: str | None
    category: str
    category_label: str
    severity: str
    severity_label: str
    severity_rank: int
    status: str
    status_label: str
    body: str
    quote: str | None = None
    page: int | None = None
    located: bool = True  # False: the quote could not be found in this version (page is the old one)
    start: int | None = None
    end: int | None = None
    before: str = ""  # context, only with MemoOptions.with_context
    after: str = ""
    reviewer: str | None = None
    created: str | None = None
    updated: str | None = None
    replies: tuple[Reply, ...] = ()
    rule: str | None = None
    rule_title: str | None = None
    finding_id: str | None = None
    finding_message: str | None = None
    reason: str | None = None  # why a finding was dismissed
    mark: str = ""  # 未处理的自动检查结果 / 已驳回的自动检查结果 / 合并冲突副本

    @property
    def tags(self) -> tuple[str, ...]:
        """Severity, category, status and mark, as shown in brackets before the issue."""
        return tuple(t for t in (self.severity_label, self.category_label, self.status_label, self.mark) if t)


@dataclass(frozen=True)
class IssueGroup:
    key: str
    title: str
    issues: tuple[Issue, ...]


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


# -- reading the store ---------------------------------------------------------------------------------


@dataclass
class _Stored:
    notes: list[Any]
    fields: dict[str, Any]
    decisions: dict[str, Any]
    state: Any
    default_reviewer: str | None

    @property
    def empty(self) -> bool:
        s = self.state
        reviewed = s is not None and (s.state != "unreviewed" or s.conclusion or (s.summary or "").strip())
        decided = any(d.decision in ("accepted", "dismissed") for d in self.decisions.values())
        return not (self.notes or self.fields or decided or reviewed)


def attach_document(store: Any, doc: Document, review: Review | None = None) -> bool:
    """Register ``doc`` in ``store`` when the store knows it (same file, or same institution and
    year), so its notes are placed on this text; a report the store has never seen is left alone.
    True when the store holds the report."""
    if store.find_document(doc.file_sha256):
        store.register_version(doc)
        return True
    if review is None:
        return False
    inst = review.fields.get("institution")
    year = review.fields.get("title_year")
    institution = inst.value if inst else None
    y = year.value if year else None
    if not institution or y is None:
        return False
    for d in store.list_documents():
        if d.institution == institution and d.year == y:
            store.register_version(doc, institution, y)
            return True
    return False


def _read_store(store: Any, doc: Document) -> _Stored | None:
    """The stored review of ``doc``'s report, or None when the store does not know the file."""
    if store is None or not store.find_document(doc.file_sha256):
        return None
    notes = store.list_notes(doc)
    if any(n.has_span and n.anchor is None for n in notes):
        store.anchor_notes(doc)  # notes imported since the file was registered
        notes = store.list_notes(doc)
    return _Stored(
        notes=notes,
        fields=store.list_fields(doc),
        decisions=store.list_decisions(doc),
        state=store.get_review(doc),
        default_reviewer=getattr(store, "reviewer", None),
    )


# -- where things are --------------------------------------------------------------------------------


class _Places:
    """Offsets → standard part, section path, page and context."""

    def __init__(self, doc: Document, sections: tuple[Section, ...], review: Review, rules: RuleSet) -> None:
        self.doc, self.sections, self.rules = doc, sections, rules
        self.spans: list[tuple[int, int, str]] = []
        for p in review.standard_parts:
            if p.section is not None and 0 <= p.section < len(sections):
                s = sections[p.section]
                self.spans.append((s.start, s.end, p.key))
        self.first = min((s for s, _, _ in self.spans), default=None)

    def part_at(self, offset: int | None) -> str | None:
        if offset is None:
            return None
        inside = [(e - s, key) for s, e, key in self.spans if s <= offset < e]
        if inside:
            return min(inside)[1]
        if self.first is not None and offset < self.first:
            return "_preamble"
        return "_other"

    def part_of_section(self, path: str | None) -> str | None:
        """The part a stored section path (``一、概述 > （一）…``) names, if any."""
        for title in (path or "").split(" > "):
            found = self.rules.parts_for_heading(title.strip()) if title.strip() else ()
            if found:
                return found[0].key
        return None

    def section_at(self, offset: int | None) -> str | None:
        if offset is None:
            return None
        return " > ".join(s.title for s in section_path(self.sections, offset)) or None

    def part_name(self, key: str | None) -> str:
        if key in GROUP_TITLES:
            return GROUP_TITLES[key]
        try:
            return self.rules.part(key).name if key else GROUP_TITLES["_general"]
        except KeyError:
            return key or GROUP_TITLES["_general"]

    def context(self, start: int, end: int, chars: int) -> tuple[str, str]:
        """Up to ``chars`` characters either side of a span, within its paragraph."""
        text = self.doc.text
        before = text[max(0, start - chars) : start]
        after = text[end : end + chars]
        if "\n" in before:
            before = before[before.rindex("\n") + 1 :]
        if "\n" in after:
            after = after[: after.index("\n")]
        return one_line(before), one_line(after)


# -- labels ------------------------------------------------------------------------------------------


class _Labels:
    """Chinese labels and ranks from the rules vocabulary (ids shown as they are if unknown)."""

    def __init__(self, rules: RuleSet) -> None:
        v = rules.vocabulary
        self.category = {c.id: c.label for c in v.note_categories}
        self.severity = {c.id: c.label for c in v.severities}
        self.rank = {c.id: c.rank for c in v.severities}
        self.status = {c.id: c.label for c in v.note_statuses}
        self.state = {c.id: c.label for c in v.review_states}
        self.conclusion = {c.id: c.label for c in v.conclusions}
        self.conclusion_note = {c.id: c.note for c in v.conclusions}
        self.decision = {c.id: c.label for c in v.finding_decisions}
        try:
            from xxgk_desk.core.store.model import vocabulary

            self.decision.setdefault("none", vocabulary("decision").get("none", "未处理"))
        except Exception:  # the store is optional for a memo
            self.decision.setdefault("none", "未处理")


# -- building ----------------------------------------------------------------------------------------


def _year_text(review: Review, values: dict[str, Any]) -> str:
    ty = review.fields.get("title_year")
    m = _ACADEMIC_YEAR.search(ty.quote or "") if ty else None
    if m:
        return f"{m.group(1)}—{m.group(2)}学年"
    start, end = str(values.get("period_start") or ""), str(values.get("period_end") or "")
    if start[:4].isdigit() and end[:4].isdigit() and start[:4] != end[:4]:
        return f"{start[:4]}—{end[:4]}学年"
    year = values.get("title_year")
    return f"{year}年度" if year else ""


def text_width(text: str) -> float:
    """Width in full-width characters (Latin letters and digits count half)."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


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


def _field_values(review: Review, stored: _Stored | None) -> dict[str, Any]:
    """Field values as the memo should state them: the reviewer's where corrected."""
    values = {k: v.value for k, v in review.fields.items()}
    if stored:
        for key, fv in stored.fields.items():
            if fv.value is not None:
                values[key] = fv.value
    return values


def _field_rows(
    doc: Document, review: Review, stored: _Stored | None, rules: RuleSet
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


class _IssueMaker:
    def __init__(self, places: _Places, labels: _Labels, rules: RuleSet, options: MemoOptions) -> None:
        self.places, self.labels, self.rules, self.options = places, labels, rules, options

    def _rule(self, rule_id: str) -> tuple[str | None, str]:
        try:
            r = self.rules.rule(rule_id)
            return r.title, r.category
        except KeyError:
            return None, "other"

    def _context(self, start: int | None, end: int | None) -> tuple[str, str]:
        if not self.options.with_context or start is None or end is None:
            return "", ""
        return self.places.context(start, end, self.options.context_chars)

    def finding(self, f: Finding, origin: str, decision: Any = None, automatic: bool = False) -> Issue:
        title, category = self._rule(f.rule)
        part = f.part or self.places.part_at(f.start) or "_general"
        before, after = self._context(f.start, f.end)
        if automatic:
            status, mark = "", ""
        elif origin == "dismissed":
            status, mark = "dismissed", DISMISSED_MARK
        else:
            status, mark = "none", UNDECIDED_MARK
        lab = self.labels
        return Issue(
            id=f.key,
            origin=origin,
            part=part,
            part_name=self.places.part_name(part),
            section=self.places.section_at(f.start),
            category=category,
            category_label=lab.category.get(category, category),
            severity=f.severity,
            severity_label=lab.severity.get(f.severity, f.severity),
            severity_rank=lab.rank.get(f.severity, 0),
            status=status,
            status_label="",  # the mark says it: 未处理的自动检查结果 / 已驳回的自动检查结果
            body=f.message,
            quote=one_line(f.quote) if f.quote else None,
            page=self.places.doc.page_at(f.start) if f.start is not None else None,
            start=f.start,
            end=f.end,
            before=before,
            after=after,
            rule=f.rule,
            rule_title=title,
            finding_id=f.key,
            finding_message=f.message,
            reason=getattr(decision, "reason", None),
            reviewer=getattr(decision, "reviewer", None),
            updated=getattr(decision, "updated_at", None),
            mark=mark,
        )

    def note(self, n: Any, replies: list[Any], findings: dict[str, Finding]) -> Issue:
        a = n.anchor
        located = a is not None and not a.is_orphan and a.start is not None
        start, end = (a.start, a.end) if located else (None, None)
        page = (a.page if located else None) or n.page
        if located:
            before, after = self._context(start, end)
        elif self.options.with_context and n.has_span:
            before, after = one_line(n.prefix), one_line(n.suffix)
        else:
            before, after = "", ""
        f = findings.get(n.finding_id) if n.finding_id else None
        part = (
            n.part
            or (f.part if f else None)
            or (self.places.part_at(start) if start is not None else None)
            or self.places.part_of_section(n.section)
            or ("_other" if n.has_span else "_general")
        )
        lab = self.labels
        title = self._rule(f.rule)[0] if f else None
        return Issue(
            id=n.id,
            origin="note",
            part=part,
            part_name=self.places.part_name(part),
            section=n.section or self.places.section_at(start),
            category=n.category,
            category_label=lab.category.get(n.category, n.category),
            severity=n.severity,
            severity_label=lab.severity.get(n.severity, n.severity),
            severity_rank=lab.rank.get(n.severity, 0),
            status=n.status,
            status_label=lab.status.get(n.status, n.status),
            body=n.body if n.body.strip() else (f.message if f else ""),
            quote=one_line(n.quote) if n.quote else None,
            page=page if n.has_span else None,
            located=located or not n.has_span,
            start=start,
            end=end,
            before=before,
            after=after,
            reviewer=n.reviewer,
            created=n.created_at,
            updated=n.updated_at,
            replies=tuple(Reply(r.body, r.reviewer, r.created_at) for r in replies),
            rule=f.rule if f else None,
            rule_title=title,
            finding_id=n.finding_id,
            finding_message=f.message if f else None,
            mark=CONFLICT_MARK if n.conflict_of else "",
        )


def _thread(notes: list[Any]) -> tuple[list[Any], dict[str, list[Any]]]:
    """Top-level notes, and each one's replies (replies to replies included) oldest first."""
    by_id = {n.id: n for n in notes}

    def root(n: Any) -> str:
        seen = set()
        while n.parent_id and n.parent_id in by_id and n.id not in seen:
            seen.add(n.id)
            n = by_id[n.parent_id]
        return n.id

    tops = [n for n in notes if not n.parent_id or n.parent_id not in by_id]
    replies: dict[str, list[Any]] = {}
    for n in notes:
        if n.parent_id and n.parent_id in by_id:
            replies.setdefault(root(n), []).append(n)
    for lst in replies.values():
        lst.sort(key=lambda r: r.created_at)
    return tops, replies


def _group(issues: list[Issue], places: _Places) -> tuple[IssueGroup, ...]:
    order = {"_general": -2, "_preamble": -1, "_other": 1000}
    for i, p in enumerate(places.rules.parts):
        order[p.key] = i
    buckets: dict[str, list[Issue]] = {}
    for issue in issues:
        buckets.setdefault(issue.part or "_general", []).append(issue)
    groups = []
    for key in sorted(buckets, key=lambda k: order.get(k, 999)):
        items = sorted(
            buckets[key],
            key=lambda i: (-i.severity_rank, i.start is not None, i.start or 0, i.created or ""),
        )
        groups.append(IssueGroup(key, places.part_name(key), tuple(items)))
    return tuple(groups)


def _covered(f: Finding, spans: list[tuple[int, int | None]]) -> bool:
    """True when a reviewer's note sits on the finding's text (the note says it, not the finding)."""
    if f.start is None or f.end is None:
        return False
    return any(a < f.end and f.start < (b if b is not None else a + 1) for a, b in spans)


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
    labels = _Labels(rules)
    places = _Places(doc, sections, review, rules)
    stored = _read_store(store, doc)
    automatic = stored is None or stored.empty
    make = _IssueMaker(places, labels, rules, options)
    findings = {f.key: f for f in review.findings}

    issues: list[Issue] = []
    highlights: list[Issue] = []
    if automatic:
        issues = [make.finding(f, "finding", automatic=True) for f in review.findings]
    else:
        assert stored is not None
        tops, replies = _thread(stored.notes)
        for n in tops:
            if only_open and n.status != "open":
                continue
            issue = make.note(n, replies.get(n.id, []), findings)
            (highlights if n.category == "highlight" else issues).append(issue)
        noted = [
            (n.anchor.start, n.anchor.end) for n in stored.notes if n.anchor and n.anchor.start is not None
        ]
        for f in review.findings:
            d = stored.decisions.get(f.key)
            kind = d.decision if d else "none"
            if kind == "dismissed" and include_dismissed:
                issues.append(make.finding(f, "dismissed", d))
            elif kind not in ("accepted", "dismissed") and include_undecided and not _covered(f, noted):
                issues.append(make.finding(f, "finding", d))

    values = _field_values(review, stored)
    institution = one_line(str(values.get("institution") or "")) or None
    year_text = _year_text(review, values)
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
        conclusion_note = "本意见为自动预审结果，不给出审核结论；审核结论由审核人员决定。"
    elif conclusion:
        conclusion_note = labels.conclusion_note.get(conclusion, "")
    else:
        conclusion_note = "审核人员尚未给出审核结论。"

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
    groups = _group(issues, places)
    flat = [i for g in groups for i in g.issues]
    counts = tuple(
        (c.label, sum(1 for i in flat if i.severity == c.id and i.origin != "dismissed"))
        for c in sorted(rules.vocabulary.severities, key=lambda c: -c.rank)
    )
    scope = []
    if automatic:
        scope.append("以下问题由程序自动检查得出，尚未经审核人员确认")
    else:
        if only_open:
            scope.append(f"仅列出状态为“{labels.status.get('open', 'open')}”的批注")
        if include_undecided and any(i.mark == UNDECIDED_MARK for i in flat):
            scope.append(f"标注“{UNDECIDED_MARK}”的为程序发现、审核人员尚未确认的问题")
        if include_dismissed and any(i.origin == "dismissed" for i in flat):
            scope.append("已驳回的自动检查结果附驳回理由列出，不计入问题")
    checklist = _checklist_rows(doc, review, rules) if include_checklist else ()
    n_cov = sum(1 for c in review.checklist if c.status == "covered")
    n_na = sum(1 for c in review.checklist if c.status == "not_applicable")
    checklist_summary = (
        f"清单共{len(review.checklist)}项，报告覆盖{n_cov}项"
        + (f"、标明不适用{n_na}项" if n_na else "")
        + f"、未见{len(review.checklist) - n_cov - n_na}项。"
    )
    name = institution or "该校"
    intro = (
        f"根据《高等学校信息公开办法》（教育部令第29号）和《高等学校信息公开事项清单》（教办函〔2014〕23号）"
        f"的有关要求，对{name}报送的《{report_title}》进行了审核。现将审核意见反馈如下。"
    )
    if automatic:
        intro = (
            f"本意见由 xxgk-desk 对{name}报送的《{report_title}》自动检查后生成，属自动预审，"
            "尚未经审核人员确认，所列问题仅供审核参考。"
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
