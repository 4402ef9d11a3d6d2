"""One reader of a report's review items, for every export that needs them (the 审核记录, the
审核意见 letter, the notes tables).

:func:`read_store` reads what the reviewer did (notes, corrected fields, finding decisions, the
review state); :class:`Places` says where an offset is (standard part, section path, page,
context); :class:`Labels` gives the Chinese labels of the rules' vocabulary; :class:`IssueMaker`
turns a note or an engine finding into an :class:`Issue`; :func:`collect_items` puts them
together the way the exports choose them (open notes only, undecided or dismissed findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.model import Finding, Review
from xxgk_desk.core.identity import report_identity
from xxgk_desk.core.outline import Section, section_path
from xxgk_desk.core.rules import RuleSet

from .fmt import one_line

UNDECIDED_MARK = "未处理的自动检查结果"
DISMISSED_MARK = "已驳回的自动检查结果"
CONFLICT_MARK = "合并冲突副本"
GROUP_TITLES = {"_general": "总体意见", "_preamble": "标题及导语", "_other": "其他"}

__all__ = [
    "CONFLICT_MARK",
    "DISMISSED_MARK",
    "GROUP_TITLES",
    "UNDECIDED_MARK",
    "Issue",
    "IssueGroup",
    "IssueMaker",
    "Labels",
    "Places",
    "Reply",
    "ReviewItems",
    "StoredReview",
    "attach_document",
    "collect_items",
    "covered_by_notes",
    "group_issues",
    "read_store",
    "thread_notes",
]


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
    before: str = ""  # context, only when the maker was asked for it (with_context)
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


# -- reading the store ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueGroup:
    key: str
    title: str
    issues: tuple[Issue, ...]


@dataclass
class StoredReview:
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
    institution, y = report_identity(review.fields)  # the one rule: title year, else period end
    if not institution or y is None:
        return False
    for d in store.list_documents():
        if d.institution == institution and d.year == y:
            store.register_version(doc, institution, y)
            return True
    return False


def read_store(store: Any, doc: Document) -> StoredReview | None:
    """The stored review of ``doc``'s report, or None when the store does not know the file."""
    if store is None or not store.find_document(doc.file_sha256):
        return None
    notes = store.list_notes(doc)
    if any(n.has_span and n.anchor is None for n in notes):
        store.anchor_notes(doc)  # notes imported since the file was registered
        notes = store.list_notes(doc)
    return StoredReview(
        notes=notes,
        fields=store.list_fields(doc),
        decisions=store.list_decisions(doc),
        state=store.get_review(doc),
        default_reviewer=getattr(store, "reviewer", None),
    )


# -- where things are --------------------------------------------------------------------------------


class Places:
    """Offsets → standard part, section path, page and context."""

    def __init__(self, doc: Document, sections: tuple[Section, ...], review: Review, rules: RuleSet) -> None:
        self.doc, self.sections, self.rules, self.review = doc, sections, rules, review
        self.first = min((s for s, _, _ in review.part_spans), default=None)

    def part_at(self, offset: int | None) -> str | None:
        """The standard part holding ``offset`` (the engine's answer, :meth:`Review.part_at`); before the
        first part ``_preamble``, elsewhere ``_other``."""
        if offset is None:
            return None
        key = self.review.part_at(offset)
        if key is not None:
            return key
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


class Labels:
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


class IssueMaker:
    """Turns a note or an engine finding into an :class:`Issue` (part, section, page, labels, context)."""

    def __init__(
        self,
        places: Places,
        labels: Labels,
        rules: RuleSet,
        *,
        with_context: bool = False,
        context_chars: int = 40,
    ) -> None:
        self.places, self.labels, self.rules = places, labels, rules
        self.with_context, self.context_chars = with_context, context_chars

    def _rule(self, rule_id: str) -> tuple[str | None, str]:
        try:
            r = self.rules.rule(rule_id)
            return r.title, r.category
        except KeyError:
            return None, "other"

    def _context(self, start: int | None, end: int | None) -> tuple[str, str]:
        if not self.with_context or start is None or end is None:
            return "", ""
        return self.places.context(start, end, self.context_chars)

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
        elif self.with_context and n.has_span:
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


def thread_notes(notes: list[Any]) -> tuple[list[Any], dict[str, list[Any]]]:
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


def group_issues(issues: list[Issue], places: Places) -> tuple[IssueGroup, ...]:
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


def covered_by_notes(f: Finding, spans: list[tuple[int, int | None]]) -> bool:
    """True when a reviewer's note sits on the finding's text (the note says it, not the finding)."""
    if f.start is None or f.end is None:
        return False
    return any(a < f.end and f.start < (b if b is not None else a + 1) for a, b in spans)


@dataclass(frozen=True)
class ReviewItems:
    """The issues of one report as an export chose them. ``automatic``: the store holds no review of
    it (the issues are then the engine's findings, when asked for)."""

    automatic: bool
    stored: StoredReview | None
    issues: tuple[Issue, ...]
    highlights: tuple[Issue, ...]  # notes of the highlight category (值得肯定的做法), not problems
    places: Places
    labels: Labels


def collect_items(
    doc: Document,
    sections: tuple[Section, ...],
    review: Review,
    store: Any,
    rules: RuleSet,
    *,
    only_open: bool = False,
    include_dismissed: bool = False,
    include_undecided: bool = True,
    automatic_findings: bool = True,
    with_context: bool = False,
    context_chars: int = 40,
) -> ReviewItems:
    """The report's issues: the reviewer's top-level notes (replies folded in; ``only_open`` keeps
    open ones), dismissed findings (``include_dismissed``), findings nobody decided and no note
    covers (``include_undecided``); without a stored review, the engine's findings
    (``automatic_findings``). The store is only read."""
    labels = Labels(rules)
    places = Places(doc, sections, review, rules)
    stored = read_store(store, doc)
    automatic = stored is None or stored.empty
    make = IssueMaker(places, labels, rules, with_context=with_context, context_chars=context_chars)
    findings = {f.key: f for f in review.findings}
    issues: list[Issue] = []
    highlights: list[Issue] = []
    if automatic:
        if automatic_findings:
            issues = [make.finding(f, "finding", automatic=True) for f in review.findings]
    else:
        assert stored is not None
        tops, replies = thread_notes(stored.notes)
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
            elif (
                kind not in ("accepted", "dismissed") and include_undecided and not covered_by_notes(f, noted)
            ):
                issues.append(make.finding(f, "finding", d))
    return ReviewItems(automatic, stored, tuple(issues), tuple(highlights), places, labels)
