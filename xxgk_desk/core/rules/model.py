"""Frozen records for the review rules in ``resources/rules/*.yaml`` and their matching helpers.

``rules.py`` builds these from the YAML files and validates them; the engine only reads them.
Offsets in :class:`Hit` are code points into the text that was searched, also when a lexicon
ignores whitespace (the match runs on a squashed copy and is mapped back).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

SEVERITIES = ("error", "warning", "info")
EVIDENCE = ("verbatim", "label", "unconfirmed")
STANDARD_PART_KEYS = (
    "overview",
    "active",
    "on_request",
    "evaluation",
    "complaints",
    "practices",
    "problems",
    "other",
    "annex",
)
RULE_IDS = (
    "missing_part",
    "annex_missing",
    "checklist_gap",
    "placeholder",
    "sum_mismatch",
    "figure_missing",
    "period_missing",
    "period_mismatch",
    "period_calendar_year",
    "report_date_missing",
    "late_report",
    "truncated",
    "foreign_text",
    "conversion_artefact",
    "personal_data",
    "wrong_citation",
    "gov_template",
    "not_annual_report",
    "boilerplate",  # year over year (core/batch/compare.py), not the single-report engine
    "unchanged_figure",
    "other_institution",  # wording (resources/rules/wording_checks.yaml)
    "word_usage",
    "stale_formulation",
    "impossible_fact",
    "part_name_typo",
)
CHECKLIST_COUNTS = {"一": 6, "二": 8, "三": 7, "四": 5, "五": 9, "六": 4, "七": 3, "八": 4, "九": 2, "十": 2}
FIGURE_KEYS = (
    "institution",
    "title_year",
    "period_start",
    "period_end",
    "report_date",
    "active_total",
    "requests_received",
    "requests_answered",
    "withheld",
    "complaints",
    "reconsiderations",
    "lawsuits",
    "satisfaction_pct",
    "fees",
)
FIGURE_KINDS = ("text", "year", "date", "count", "percent", "money")
SCORE_CHECKS = {
    "parts": ("part_present", "evaluation_groups"),
    "figures": ("core_figure",),
    "checklist": ("checklist_item",),
    "form": ("period_ok", "on_time"),
}
EMPTY: Mapping[str, Any] = MappingProxyType({})


def _empty() -> Mapping[str, Any]:
    return EMPTY


#: Runs of whitespace: ``\s`` of a str pattern is exactly ``str.isspace`` (both Py_UNICODE_ISSPACE).
_SPACE_RUN = re.compile(r"\s+")


#: The last whole text squashed, with its result: the review engine's lexicons that ignore
#: whitespace each squash the same report (``is``: that very string object, kept alive here).
#: One tuple, rebound at once, so a thread never sees one text with another's result.
_last_squashed: tuple[str | None, tuple[str, list[int]]] = (None, ("", []))


def squash(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its index in ``text`` (callers
    only read the list: the last result is handed out again for the same string).

    Works run by run (a 300-page report has a few thousand runs of whitespace and 260,000
    characters): slices and ``range`` do the per-character work in C.
    """
    global _last_squashed
    known, result = _last_squashed
    if known is text:
        return result
    result = _squash(text)
    if len(text) >= 1000:  # a whole text, asked for again; headings are not worth keeping
        _last_squashed = (text, result)
    return result


def _squash(text: str) -> tuple[str, list[int]]:
    kept: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        if a > pos:
            kept.append(text[pos:a])
            index.extend(range(pos, a))
        pos = b
    if pos < len(text):
        kept.append(text[pos:])
        index.extend(range(pos, len(text)))
    return "".join(kept), index


def id_card_ok(number: str) -> bool:
    """True when an 18-character 居民身份证号 has a valid check character (GB 11643)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(number[:17], weights, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


# Extra checks a term may name with ``check:`` in the YAML.
CHECKS: Mapping[str, Callable[[str], bool]] = MappingProxyType({"id_card": id_card_ok})


_KEYWORD_GAPS = re.compile(r"[\s、]+")


@functools.lru_cache(maxsize=4096)
def keyword_norm(text: str) -> str:
    """The form 清单 keywords and category names are compared in: no whitespace, no 、.

    Cached: the 清单 compares each table row and section with every keyword (a 300-page report:
    11,000 calls on 68 distinct texts)."""
    return _KEYWORD_GAPS.sub("", text)


@dataclass(frozen=True)
class Example:
    """A self-test sample: ``text`` must be hit; optionally the hit text, groups or score."""

    text: str
    hit: str | None = None
    groups: Mapping[str, str] = field(default_factory=_empty)
    min_score: int | None = None
    max_score: int | None = None


@dataclass(frozen=True)
class Examples:
    match: tuple[Example, ...] = ()
    no_match: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One entry of a lexicon: a literal phrase or a regex, compiled."""

    name: str
    regex: re.Pattern[str]
    note: str = ""
    weight: int = 1
    check: str | None = None
    message: str | None = None  # message variant of the owning rule to use for a hit


@dataclass(frozen=True)
class Hit:
    """A lexicon match: span in the searched text, and the named groups that took part."""

    term: Term
    start: int
    end: int
    text: str
    groups: Mapping[str, str]

    @property
    def name(self) -> str:
        return self.term.name


@dataclass(frozen=True, eq=False)  # identity hash: usable as a cache key
class Lexicon:
    """Terms to find, exempt terms that cancel overlapping hits, and self-test examples."""

    terms: tuple[Term, ...] = ()
    exempt: tuple[Term, ...] = ()
    ignore_spaces: bool = False
    note: str = ""
    examples: Examples = Examples()

    def _prepare(self, text: str) -> tuple[str, list[int] | None]:
        if self.ignore_spaces:
            return squash(text)
        return text, None

    def _blocked(self, s: str) -> list[tuple[int, int]]:
        return [m.span() for t in self.exempt for m in t.regex.finditer(s) if m.end() > m.start()]

    def _hits(
        self, text: str, term: Term, s: str, index: list[int] | None, blocked: list[tuple[int, int]]
    ) -> Iterator[Hit]:
        for m in term.regex.finditer(s):
            a, b = m.span()
            if a == b or any(a < eb and ea < b for ea, eb in blocked):
                continue
            if term.check and not CHECKS[term.check](m.group(0)):
                continue
            start, end = (index[a], index[b - 1] + 1) if index is not None else (a, b)
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            yield Hit(term, start, end, text[start:end], MappingProxyType(groups))

    def finditer(self, text: str) -> list[Hit]:
        """All hits in text order; one hit per span (the first term that produced it wins)."""
        s, index = self._prepare(text)
        blocked = self._blocked(s)
        seen: set[tuple[int, int]] = set()
        out: list[Hit] = []
        for term in self.terms:
            for h in self._hits(text, term, s, index, blocked):
                if (h.start, h.end) not in seen:
                    seen.add((h.start, h.end))
                    out.append(h)
        out.sort(key=lambda h: (h.start, h.end))
        return out

    def search(self, text: str) -> Hit | None:
        """The first hit of the first term that hits (terms are in priority order)."""
        s, index = self._prepare(text)
        blocked = self._blocked(s)
        for term in self.terms:
            for h in self._hits(text, term, s, index, blocked):
                return h
        return None

    def matches(self, text: str) -> bool:
        return self.search(text) is not None

    def score(self, text: str) -> int:
        """Sum of the weights of the distinct terms that hit (gov_template)."""
        return sum({h.term.name: h.term.weight for h in self.finditer(text)}.values())


@dataclass(frozen=True)
class PartGroup:
    """A group of evaluators a part must cover (评议: 师生员工 / 社会公众)."""

    key: str
    name: str
    terms: Lexicon

    def found_in(self, text: str) -> bool:
        return self.terms.matches(text)


@dataclass(frozen=True)
class Part:
    key: str
    name: str
    label: str
    order: int
    required: bool
    severity: str
    missing_rule: str
    headings: Lexicon
    exclude: Lexicon = Lexicon()
    legacy: Lexicon = Lexicon()
    leads: Lexicon = Lexicon()
    groups: tuple[PartGroup, ...] = ()
    from_preamble: bool = False
    note: str = ""

    @property
    def name_en(self) -> str:
        """The English name (parts.yaml calls it ``label``)."""
        return self.label

    def matches_heading(self, title: str) -> bool:
        """True when a heading title names this part (several parts may match one heading)."""
        return self.headings.matches(title) and not self.exclude.matches(title)

    def is_legacy(self, title: str) -> bool:
        return self.legacy.matches(title)

    def match_lead(self, paragraph: str) -> Hit | None:
        """The inline lead phrase opening ``paragraph`` (numbering already stripped), if any."""
        return self.leads.search(paragraph)

    def missing_groups(self, text: str) -> tuple[PartGroup, ...]:
        return tuple(g for g in self.groups if not g.found_in(text))


@dataclass(frozen=True)
class ChecklistCategory:
    number: str  # 一 … 十
    index: int  # 1 … 10
    name: str
    variants: tuple[str, ...]
    count: int
    note: str = ""

    def matches(self, text: str) -> bool:
        t = keyword_norm(text)
        return any(keyword_norm(n) in t for n in (self.name, *self.variants))


@dataclass(frozen=True)
class Keyword:
    """Terms that must all occur (a plain keyword has one term)."""

    terms: tuple[str, ...]

    def matches(self, text: str) -> bool:
        t = keyword_norm(text)
        return all(keyword_norm(term) in t for term in self.terms)

    def __str__(self) -> str:
        return "+".join(self.terms)


@dataclass(frozen=True)
class ChecklistItem:
    number: int
    category: str
    text: str
    evidence: str
    keywords: tuple[Keyword, ...]
    evidence_note: str = ""
    not_applicable: tuple[str, ...] = ()
    note: str = ""
    examples: Examples = Examples()

    def matches(self, text: str) -> Keyword | None:
        """The first keyword found in ``text`` (a table row or an item sentence)."""
        return next((k for k in self.keywords if k.matches(text)), None)


@dataclass(frozen=True)
class NotApplicableReason:
    key: str
    label: str
    items: tuple[int, ...]
    terms: Lexicon
    note: str = ""


@dataclass(frozen=True, eq=False)  # identity hash: usable as a cache key
class Checklist:
    categories: tuple[ChecklistCategory, ...]
    items: tuple[ChecklistItem, ...]
    not_applicable: Lexicon
    reasons: tuple[NotApplicableReason, ...]
    columns: Mapping[str, tuple[str, ...]]
    link: Lexicon

    def item(self, number: int) -> ChecklistItem:
        for it in self.items:
            if it.number == number:
                return it
        raise KeyError(f"清单没有第{number}项")

    def category(self, key: str | int) -> ChecklistCategory:
        """A category by numeral (三), index (3) or name (财务资产及收费信息)."""
        for c in self.categories:
            if key in (c.number, c.index) or (isinstance(key, str) and c.matches(key)):
                return c
        raise KeyError(f"清单没有类别“{key}”")

    def items_in(self, category: str | int) -> tuple[ChecklistItem, ...]:
        number = self.category(category).number
        return tuple(it for it in self.items if it.category == number)

    def match_items(self, text: str) -> tuple[ChecklistItem, ...]:
        """Every item one of whose keywords occurs in ``text``."""
        return tuple(it for it in self.items if it.matches(text))

    def reason(self, key: str) -> NotApplicableReason:
        for r in self.reasons:
            if r.key == key:
                return r
        raise KeyError(key)

    def column_role(self, header: str) -> str | None:
        """The role (number, item, status, link…) of an annex column from its header text."""
        h = keyword_norm(header)
        best: tuple[int, str] | None = None
        for role, names in self.columns.items():
            for n in names:
                if keyword_norm(n) in h and (best is None or len(n) > best[0]):
                    best = (len(n), role)
        return best[1] if best else None


@dataclass(frozen=True)
class Message:
    variant: str
    text: str
    fields: tuple[str, ...]
    severity: str | None = None

    def format(self, **kw: Any) -> str:
        missing = [f for f in self.fields if f not in kw]
        if missing:
            raise KeyError(f"消息“{self.variant}”缺少占位符：{'、'.join(missing)}")
        return self.text.format(**kw)


@dataclass(frozen=True, eq=False)  # identity hash: usable as a cache key
class Rule:
    id: str
    severity: str
    title: str
    category: str
    messages: Mapping[str, Message]
    detects: str = ""
    not_triggered_by: tuple[str, ...] = ()
    params: Mapping[str, Any] = field(default_factory=_empty)
    lexicons: Mapping[str, Lexicon] = field(default_factory=_empty)
    valid_from: dt.date | None = None  # the rule holds for reports whose period overlaps these dates
    valid_to: dt.date | None = None
    title_en: str = ""  # the title in the English UI

    def applies(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Whether the rule holds for a report whose period runs from ``start`` to ``end`` (None: unknown)."""
        return in_force(self.valid_from, self.valid_to, start, end)

    def message(self, variant: str = "default", /, **kw: Any) -> str:
        """The message ``variant`` with its placeholders filled (KeyError if one is missing)."""
        return self.messages[variant].format(**kw)

    def severity_for(self, variant: str = "default") -> str:
        own = self.messages[variant].severity if variant in self.messages else None
        return own or self.severity

    def lexicon(self, name: str) -> Lexicon:
        return self.lexicons[name]


def in_force(
    valid_from: dt.date | None, valid_to: dt.date | None, start: dt.date | None, end: dt.date | None
) -> bool:
    """True when [valid_from, valid_to] overlaps the period [start, end]; an unknown period overlaps."""
    if valid_from is not None and end is not None and end < valid_from:
        return False
    if valid_to is not None and start is not None and start > valid_to:
        return False
    return True


@dataclass(frozen=True)
class CitationHit:
    citation: Citation
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
    """A wrong or outdated document number and what it should be."""

    id: str
    regex: re.Pattern[str]  # runs on whitespace-free text, brackets widened
    correct: str
    title: str
    message: str = "default"
    historical: tuple[str, ...] = ()
    window: int = 40
    note: str = ""
    examples: Examples = Examples()
    # the cited number was itself right while these dates held (国务院令第492号 until 2019-05-14):
    # it is wrong only for a report whose period lies wholly outside them
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True)
class ValidCitation:
    number: str
    regex: re.Pattern[str]
    title: str
    year: int | None = None
    note: str = ""
    valid_from: dt.date | None = None  # in force from (国务院令第711号: 2019-05-15)
    valid_to: dt.date | None = None


@dataclass(frozen=True)
class Citations:
    wrong: tuple[Citation, ...]
    valid: tuple[ValidCitation, ...]

    def find_wrong(
        self, text: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[CitationHit]:
        """Wrong citations in ``text``: not inside a valid number, not a historical mention, and — for a
        number that was right once — not cited in a report whose period (``start``–``end``) it was in force for."""
        s, index = squash(text)
        valid = [m.span() for v in self.valid for m in v.regex.finditer(s)]
        out: list[CitationHit] = []
        for c in self.wrong:
            if (
                (c.valid_from or c.valid_to)
                and (start or end)
                and in_force(c.valid_from, c.valid_to, start, end)
            ):
                continue
            for m in c.regex.finditer(s):
                a, b = m.span()
                if a == b or any(a < vb and va < b for va, vb in valid):
                    continue
                around = s[max(0, a - c.window) : a] + s[b : b + c.window]
                if any(h in around for h in c.historical):
                    continue
                a0, b0 = index[a], index[b - 1] + 1
                out.append(CitationHit(c, a0, b0, text[a0:b0]))
        out.sort(key=lambda h: h.start)
        return out

    def not_yet_valid(
        self, text: str, start: dt.date | None, end: dt.date | None
    ) -> list[tuple[ValidCitation, int, int]]:
        """Real numbers cited in a report whose period ended before they came into force (711号 in 2017)."""
        s, index = squash(text)
        out = []
        for v in self.valid:
            if v.valid_from is None or in_force(v.valid_from, v.valid_to, start, end):
                continue
            for m in v.regex.finditer(s):
                out.append((v, index[m.start()], index[m.end() - 1] + 1))
        return out


@dataclass(frozen=True)
class Choice:
    """One entry of a closed vocabulary (note category, severity, status …)."""

    id: str
    label: str
    label_en: str
    colour: str | None = None
    note: str = ""
    rank: int = 0
    short: str = ""  # the short word for a table cell (part and 清单 statuses), else the label
    note_en: str = ""

    @property
    def short_label(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Vocabulary:
    """categories.yaml: what the store, the window and the memo show for each id."""

    note_categories: tuple[Choice, ...]
    severities: tuple[Choice, ...]
    note_statuses: tuple[Choice, ...]
    review_states: tuple[Choice, ...]
    conclusions: tuple[Choice, ...]
    finding_decisions: tuple[Choice, ...]
    default_note_category: str
    default_note_status: str
    default_review_state: str
    part_statuses: tuple[Choice, ...] = ()  # present / merged / missing
    checklist_statuses: tuple[Choice, ...] = ()  # covered / not_found / not_applicable
    coverage_levels: tuple[Choice, ...] = ()  # present / partial / missing (the province picture)

    def get(self, kind: str, id: str) -> Choice:
        """``kind`` is a field name of this class (``note_categories``, ``severities`` …)."""
        for c in getattr(self, kind):
            if c.id == id:
                return c
        raise KeyError(f"{kind} 中没有 {id}")

    def label(self, kind: str, id: str) -> str:
        return self.get(kind, id).label


@dataclass(frozen=True)
class FigureTerm:
    key: str
    label: str
    terms: Lexicon


@dataclass(frozen=True)
class Figure:
    """A report field / core figure of figures.yaml with its phrasing lexicons."""

    key: str
    label: str
    part: str | None
    core: bool
    kind: str
    units: tuple[str, ...]
    patterns: Lexicon
    zero: Lexicon = Lexicon()
    all: Lexicon = Lexicon()
    all_of: str | None = None
    depends_on: str | None = None
    hints: tuple[str, ...] = ()
    note: str = ""
    aliases: tuple[str, ...] = ()
    channels: tuple[FigureTerm, ...] = ()
    outcomes: tuple[FigureTerm, ...] = ()
    subjects: Lexicon = Lexicon()  # words that name the figure in a clause or a table row

    @property
    def unit(self) -> str | None:
        """The default unit (used when a pattern does not capture one)."""
        return self.units[0] if self.units else None


@dataclass(frozen=True)
class FieldSpec:
    """Flat view for a field extractor: raw patterns (value ones first, then zero ones)."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    parts: tuple[str, ...]


@dataclass(frozen=True)
class ScoreCheck:
    id: str
    name: str
    weight: float
    explain: str = ""
    options: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True)
class ScoreComponent:
    id: str
    name: str
    label: str
    weight: float
    explain: str
    checks: tuple[ScoreCheck, ...]

    def check(self, id: str) -> ScoreCheck:
        return next(c for c in self.checks if c.id == id)


@dataclass(frozen=True)
class ScoreModel:
    scale: float
    decimals: int
    components: tuple[ScoreComponent, ...]

    def component(self, id: str) -> ScoreComponent:
        return next(c for c in self.components if c.id == id)

    def total(self, fractions: Mapping[str, float]) -> float:
        """Weighted total from each component's fraction (0…1); absent components count 0."""
        weight = sum(c.weight for c in self.components)
        got = sum(c.weight * max(0.0, min(1.0, fractions.get(c.id, 0.0))) for c in self.components)
        return round(self.scale * got / weight, self.decimals)


@dataclass(frozen=True)
class MergeExample:
    heading: str
    parts: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # identity hash: usable as a cache key
class RuleSet:
    """Everything in resources/rules, validated. Look-ups raise KeyError for unknown keys."""

    parts: tuple[Part, ...]
    checklist: Checklist
    rules: tuple[Rule, ...]
    placeholders: Mapping[str, str]
    citations: Citations
    vocabulary: Vocabulary
    figures: tuple[Figure, ...]
    score: ScoreModel
    merge_examples: tuple[MergeExample, ...] = ()
    files: Mapping[str, str] = field(default_factory=_empty)
    table_columns: tuple[str, ...] = ()  # figures.yaml: header words of a table's value column
    _parts: Mapping[str, Part] = field(init=False, repr=False, compare=False)
    _rules: Mapping[str, Rule] = field(init=False, repr=False, compare=False)
    _figures: Mapping[str, Figure] = field(init=False, repr=False, compare=False)
    #: parts_for_heading's answers by title (the outline and the engine ask about the same headings
    #: again and again: a 300-page report, 2,600 questions about 79 titles)
    _heading_parts: dict[str, tuple[Part, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_heading_parts", {})
        object.__setattr__(self, "_parts", MappingProxyType({p.key: p for p in self.parts}))
        object.__setattr__(self, "_rules", MappingProxyType({r.id: r for r in self.rules}))
        object.__setattr__(self, "_figures", MappingProxyType({f.key: f for f in self.figures}))

    # parts
    @property
    def part_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.parts)

    def part(self, key: str) -> Part:
        return self._parts[key]

    def parts_for_heading(self, title: str) -> tuple[Part, ...]:
        """Every part a heading names, in standard order (merged headings give several)."""
        known = self._heading_parts.get(title)
        if known is None:
            if len(self._heading_parts) >= 100_000:  # a batch of thousands of reports: start again
                self._heading_parts.clear()
            known = self._heading_parts[title] = tuple(p for p in self.parts if p.matches_heading(title))
        return known

    # rules
    def rule(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def message(self, rule_id: str, variant: str = "default", /, **kw: Any) -> str:
        return self._rules[rule_id].message(variant, **kw)

    def severity(self, rule_id: str, variant: str = "default", part: str | None = None) -> str:
        """Severity of a finding: the variant's own, else the part's (for its missing rule), else the rule's."""
        rule = self._rules[rule_id]
        msg = rule.messages.get(variant)
        if msg is not None and msg.severity:
            return msg.severity
        if part is not None and part in self._parts and self._parts[part].missing_rule == rule_id:
            return self._parts[part].severity
        return rule.severity

    # figures
    def figure(self, key: str) -> Figure:
        return self._figures[key]

    def figure_named(self, name: str) -> Figure | None:
        """The figure whose label or one of whose aliases is ``name`` (truth-file labels)."""
        return next((f for f in self.figures if name == f.label or name in f.aliases), None)

    @property
    def core_figures(self) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.core)

    def field_patterns(self) -> tuple[FieldSpec, ...]:
        """Numeric fields as flat pattern lists: value patterns, then explicit-zero ones."""
        out = []
        for f in self.figures:
            if f.kind in ("count", "percent", "money"):
                pats = tuple(t.regex for t in (*f.patterns.terms, *f.zero.terms))
                out.append(FieldSpec(f.key, pats, (f.part,) if f.part else ()))
        return tuple(out)

    def lexicons(self) -> Iterator[tuple[str, Lexicon]]:
        """Every lexicon with a readable location (``rules.yaml: placeholder.triggers`` …)."""
        for p in self.parts:
            for name in ("headings", "exclude", "legacy", "leads"):
                yield f"parts: {p.key}.{name}", getattr(p, name)
            for g in p.groups:
                yield f"parts: {p.key}.groups.{g.key}", g.terms
        yield "checklist: not_applicable.phrases", self.checklist.not_applicable
        yield "checklist: link", self.checklist.link
        for r in self.checklist.reasons:
            yield f"checklist: not_applicable.reasons.{r.key}", r.terms
        for rule in self.rules:
            for name, lex in rule.lexicons.items():
                yield f"rules: {rule.id}.{name}", lex
        for f in self.figures:
            for name in ("patterns", "zero", "all", "subjects"):
                yield f"figures: {f.key}.{name}", getattr(f, name)
            for t in (*f.channels, *f.outcomes):
                yield f"figures: {f.key}.{t.key}", t.terms
