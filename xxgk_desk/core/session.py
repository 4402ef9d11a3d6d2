"""One open report under review: the engine's view joined with what the reviewer did in the store.

The window is a thin layer over this object; every method that changes something writes to
the store at once and returns the store's :class:`Change` (the GUI turns it into an undo step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xxgk_desk.core.engine import review as run_review
from xxgk_desk.core.engine.model import FieldValue as EngineField
from xxgk_desk.core.engine.model import Finding
from xxgk_desk.core.identity import report_identity
from xxgk_desk.core.outline import section_path
from xxgk_desk.core.pipeline import Analysis
from xxgk_desk.core.rules import RuleSet, load_rules
from xxgk_desk.core.store import Change, DocRef, Note, Store

EVIDENCE = "@evidence"  # stored beside a corrected field: the span the reviewer pointed at


@dataclass(frozen=True)
class FieldRow:
    """A key field as the reviewer sees it: extracted value, their own value, reviewed tick, evidence."""

    key: str
    label: str
    extracted: Any
    value: Any  # the reviewer's value (None when not corrected)
    reviewed: bool
    start: int | None
    end: int | None
    quote: str | None
    page: int | None

    @property
    def effective(self) -> Any:
        return self.value if self.value is not None else self.extracted


@dataclass(frozen=True)
class FindingRow:
    finding: Finding
    decision: str  # none / accepted / dismissed
    reason: str | None
    note_id: str | None
    page: int | None
    #: where it is, for a person: "第3页", or the section when the file has no pages ("" for the whole report)
    place: str = ""


class ReviewSession:
    """A document open for review: analysis (document, outline, engine review) + the store."""

    def __init__(self, store: Store, analysis: Analysis, rules: RuleSet | None = None) -> None:
        if analysis.document is None or analysis.review is None:
            raise ValueError("analysis without a checked document")
        self.store = store
        self.analysis = analysis
        self.rules = rules or load_rules()
        self.doc = analysis.document
        self.sections = analysis.sections
        self.review = analysis.review
        institution, year = report_identity(self.review.fields)
        self.ref: DocRef = store.register_version(self.doc, institution, year)
        if self.corrections():
            self.recheck()

    # -- the reviewer's corrections feed the checks -----------------------------------
    def corrections(self) -> dict[str, EngineField]:
        """Corrected fields as engine values; the evidence is the sentence the reviewer pointed at, if any."""
        stored = self.store.list_fields(self.ref.id)
        out = {}
        for key, st in stored.items():
            if key.endswith(EVIDENCE) or st.value is None:
                continue
            pointed = stored.get(key + EVIDENCE)
            ev = pointed.value if pointed is not None and isinstance(pointed.value, dict) else {}
            out[key] = EngineField(key, st.value, ev.get("start"), ev.get("end"), ev.get("quote"))
        return out

    def recheck(self) -> None:
        """Re-run the sum checks, figure_missing and the score over the corrected fields."""
        self.review = run_review(self.doc, self.sections, self.rules, self.corrections())

    # -- reading ---------------------------------------------------------------------
    @property
    def document_id(self) -> str:
        return self.ref.id

    def page_of(self, start: int | None) -> int | None:
        return None if start is None else self.doc.page_at(start)

    def place_of(self, offset: int | None) -> str:
        """ "第3页", or the innermost section's title when the file has no pages; "" for the whole report."""
        if offset is None:
            return ""
        page = self.doc.page_at(offset)
        if page is not None:
            return f"第{page}页"
        path = section_path(self.sections, offset)
        title = path[-1].title if path else ""
        return title if len(title) <= 16 else title[:15] + "…"

    def section_label(self, offset: int | None) -> str:
        if offset is None:
            return ""
        return " > ".join(s.title[:20] for s in section_path(self.sections, offset))

    def part_of(self, offset: int | None) -> str | None:
        return self.review.part_at(offset)

    def notes(self, include_deleted: bool = False) -> list[Note]:
        return self.store.list_notes(self.doc, include_deleted=include_deleted)

    def note(self, note_id: str) -> Note:
        return self.store.get_note(note_id, self.doc)

    def field_rows(self) -> list[FieldRow]:
        stored = self.store.list_fields(self.ref.id)
        rows = []
        for key, fv in self.review.fields.items():
            st = stored.get(key)
            read = self.analysis.review.fields.get(key, fv)  # what the engine read, before corrections
            evidence = fv if st is not None and st.value is not None and fv.start is not None else read
            rows.append(self._field_row(key, EngineField(key, read.value, evidence.start, evidence.end,
                                                         evidence.quote), st))  # fmt: skip
        return rows

    def _field_row(self, key: str, fv: EngineField, st) -> FieldRow:
        try:
            label = self.rules.figure(key).label
        except KeyError:
            label = key
        value = st.value if st is not None else None
        reviewed = st is not None and st.status == "reviewed"
        return FieldRow(
            key, label, fv.value, value, reviewed, fv.start, fv.end, fv.quote, self.page_of(fv.start)
        )

    def finding_rows(self) -> list[FindingRow]:
        decisions = self.store.list_decisions(self.ref.id)
        rows = []
        for f in self.review.findings:
            d = decisions.get(f.key)
            decision = d.decision if d else "none"
            rows.append(
                FindingRow(
                    f,
                    decision,
                    d.reason if d else None,
                    d.note_id if d else None,
                    self.page_of(f.start),
                    self.place_of(f.start),
                )
            )
        return rows

    def review_state(self):
        return self.store.get_review(self.ref.id)

    # -- changing (each writes at once and returns the Change) ----------------------
    def add_note(
        self,
        start: int | None,
        end: int | None,
        body: str,
        category: str,
        severity: str,
        *,
        part: str | None = None,
    ) -> Change:
        section = self.section_label(start) if start is not None else None
        part = part or self.part_of(start)
        self._touch_review()
        return self.store.add_note(
            self.doc, start, end, body=body, category=category, severity=severity, section=section, part=part
        )

    def reply(self, parent_id: str, body: str) -> Change:
        return self.store.reply(parent_id, body)

    def update_note(self, note_id: str, **fields: Any) -> Change:
        return self.store.update_note(note_id, **fields)

    def set_note_status(self, note_id: str, status: str) -> Change:
        return self.store.set_note_status(note_id, status)

    def reattach_note(self, note_id: str, start: int, end: int) -> Change:
        return self.store.reattach_note(note_id, self.doc, start, end)

    def delete_note(self, note_id: str) -> Change:
        return self.store.delete_note(note_id)

    def set_field(
        self, key: str, value: Any, reviewed: bool = True, evidence: tuple[int, int] | None = None
    ) -> Change:
        """The reviewer's value for a field (``evidence``: the selected sentence it is read from); the
        checks that depend on it run again at once."""
        extracted = self.analysis.review.fields[key].value if key in self.analysis.review.fields else None
        self._touch_review()
        if evidence is not None:
            s, e = evidence
            self.store.set_field(
                self.ref.id, key + EVIDENCE, value={"start": s, "end": e, "quote": self.doc.text[s:e]}
            )
        change = self.store.set_field(
            self.ref.id,
            key,
            value=value,
            extracted=extracted,
            status="reviewed" if reviewed else "unreviewed",
        )
        self.recheck()
        return change

    def accept_finding(self, finding: Finding, body: str | None = None) -> Change:
        category = self.rules.rule(finding.rule).category
        self._touch_review()
        return self.store.accept_finding(
            self.doc,
            finding.key,
            start=finding.start,
            end=finding.end,
            body=body or finding.message,
            category=category,
            severity=finding.severity,
            section=self.section_label(finding.start) if finding.start is not None else None,
            part=finding.part,
        )

    def dismiss_finding(self, finding: Finding, reason: str) -> Change:
        self._touch_review()
        return self.store.dismiss_finding(self.ref.id, finding.key, reason)

    def reset_finding(self, finding: Finding) -> Change:
        return self.store.reset_finding(self.ref.id, finding.key)

    def set_review(self, **kw: Any) -> Change:
        return self.store.set_review(self.ref.id, **kw)

    def undo(self, change: Change) -> Change:
        out = self.store.undo(change)
        self.recheck()
        return out

    def redo(self, change: Change) -> Change:
        out = self.store.redo(change)
        self.recheck()
        return out

    def _touch_review(self) -> None:
        """The first thing a reviewer does moves the report from 未审 to 审核中."""
        if self.store.get_review(self.ref.id).state == "unreviewed":
            self.store.set_review(self.ref.id, state="in_progress")
