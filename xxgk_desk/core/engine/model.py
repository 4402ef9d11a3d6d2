"""What the review engine produces. Every value and finding carries the text that supports it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A key field: its value and the quote it was read from (value None when the report is silent)."""

    key: str
    value: Any
    start: int | None = None
    end: int | None = None
    quote: str | None = None

    def to_json(self) -> dict:
        return {"value": self.value, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Figure:
    """A count the report states about disclosure work."""

    label: str
    value: int | float
    unit: str
    start: int
    end: int
    quote: str
    approx: bool = False
    part: str | None = None

    def to_json(self) -> dict:
        return {"label": self.label, "value": self.value, "unit": self.unit, "start": self.start, "end": self.end,
                "quote": self.quote, "approx": self.approx, "part": self.part}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SumCheck:
    """A total-then-parts claim and whether the parts add up to the total."""

    quote: str
    start: int
    end: int
    total: int | float
    parts: tuple[int | float, ...]
    adds_up: bool
    kind: str = "breakdown"  # breakdown / requests / gov_table
    caveat: str | None = None  # units (the parts use other units) / overlap (channels may include each other)
    units: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"quote": self.quote, "start": self.start, "end": self.end, "total": self.total,
                "parts": list(self.parts), "adds_up": self.adds_up, "kind": self.kind,
                "caveat": self.caveat, "units": list(self.units)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PartStatus:
    """One standard part: present, merged (a heading joining several parts) or missing."""

    key: str
    name: str
    status: str
    section: int | None = None
    how: str = ""  # heading / subheading / inline / first_part / table
    name_en: str = ""  # the part's English name (parts.yaml label), for the English UI

    def to_json(self) -> dict:
        return {"key": self.key, "name": self.name, "status": self.status, "section": self.section}


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """One of the 50 清单 items and where the report covers it."""

    no: int
    category: str
    item: str
    status: str  # covered / not_found / not_applicable
    start: int | None = None
    end: int | None = None
    link: str | None = None

    def to_json(self) -> dict:
        return {"no": self.no, "category": self.category, "item": self.item, "status": self.status,
                "start": self.start, "end": self.end}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """A suggested defect. Offsets are None for document-level findings."""

    rule: str
    severity: str
    message: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    part: str | None = None
    ocr: bool = False
    #: for a cut text: the standard parts after the cut, which cannot be judged
    cut_parts: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A stable identity (rule + quote + part) so decisions survive re-extraction."""
        basis = f"{self.rule}|{''.join((self.quote or '').split())}|{self.part or ''}"
        if self.quote is None:
            basis += "|" + self.message
        return self.rule + ":" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]

    def to_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "start": self.start,
                "end": self.end, "quote": self.quote, "part": self.part, "key": self.key, "ocr": self.ocr,
                "cut_parts": list(self.cut_parts)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Score:
    """Completeness score 0–100 and its components (each 0–100) with their weights."""

    total: float
    components: dict[str, float]
    weights: dict[str, float]
    details: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


def part_at(spans: Sequence[tuple[int, int, str]], offset: int | None) -> str | None:
    """The part whose span holds ``offset``: the innermost (the latest start; of parts that start at
    the same place, such as one heading merging two parts, the later in the rules' order)."""
    if offset is None:
        return None
    best = None
    for start, end, key in spans:
        if start <= offset < end and (best is None or start >= best[0]):
            best = (start, key)
    return best[1] if best else None


@dataclass
class Review:
    """Everything the engine says about one document."""

    fields: dict[str, FieldValue]
    figures: list[Figure]
    sum_checks: list[SumCheck]
    standard_parts: list[PartStatus]
    checklist: list[ChecklistEntry]
    findings: list[Finding]
    score: Score
    gov_template: bool = False
    rules_version: str = ""
    #: the institution as the Ministry's list knows it (name, code, province, level, listed …)
    institution: dict[str, Any] | None = None
    #: (start, end, part key) of the text each standard part covers, as the engine found them
    part_spans: tuple[tuple[int, int, str], ...] = ()

    def part_at(self, offset: int | None) -> str | None:
        """The standard part holding ``offset`` (the innermost): the one answer for the whole project."""
        return part_at(self.part_spans, offset)

    def to_json(self) -> dict[str, Any]:
        return {
            "institution": self.institution,
            "standard_parts": [p.to_json() for p in self.standard_parts],
            "fields": {k: v.to_json() for k, v in self.fields.items()},
            "figures": [f.to_json() for f in self.figures],
            "sum_checks": [s.to_json() for s in self.sum_checks],
            "checklist": [c.to_json() for c in self.checklist],
            "findings": [f.to_json() for f in self.findings],
            "score": self.score.to_json(),
        }
