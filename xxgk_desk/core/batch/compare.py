"""Year over year: two reports of one institution compared section by section.

:func:`compare` pairs the sections of an older and a newer report (by standard part first,
then the title block, then remaining first-level headings by title similarity), gives each pair
a similarity figure, and turns near-copies into findings for the newer report:

* ``boilerplate`` — a section whose text (whitespace removed) is at least ``threshold`` similar
  to last year's (rules.yaml; 0.9 by default: a section copied with only years, dates and a few
  numbers updated scores about 0.93–0.99, a rewritten one well under 0.7) and at least
  ``min_chars`` long, parts in ``skip_parts`` and the title block (title, period, preamble:
  the same wording every year by design) excepted;
* ``unchanged_figure`` — a core count (``fields`` in rules.yaml) with the same non-zero value.

Similarity is RapidFuzz's normalised Indel similarity on whitespace-free text:
``1 − (characters inserted + deleted) ÷ (length of both)``. :func:`diff` gives, for one
section pair, character-level opcodes whose offsets are code points into each report's own
``text`` (the contract of the whole project), contiguous over the two section bodies so a
side-by-side view can colour every range.

The input is a :class:`ReportText`, made from an :class:`~xxgk_desk.core.pipeline.Analysis`
or from the public JSON plus the canonical text (what the batch workspace caches).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from rapidfuzz.distance import Indel, Levenshtein

from xxgk_desk.core.engine.model import Finding
from xxgk_desk.core.identity import report_year
from xxgk_desk.core.rules import RuleSet, load_rules

__all__ = [
    "Comparison",
    "FigureChange",
    "Opcode",
    "ReportText",
    "SectionMatch",
    "SectionSpan",
    "compare",
    "diff",
    "similarity",
]

TITLE_MATCH = 0.8  # how alike two headings must be to pair sections no standard part claims
_NUMBERING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百\d]+[部分章节]|[（(]?[一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百\d]+[、.．]"
    r"|[①-⑳])\s*[、:：.．]?\s*"
)


@dataclass(frozen=True, slots=True)
class SectionSpan:
    """A heading and its span, as in the ``sections`` of the public JSON."""

    level: int
    title: str
    start: int
    end: int
    title_end: int

    @property
    def body(self) -> tuple[int, int]:
        """The span compared: the body after the heading (the whole block for the title block)."""
        return (self.start, self.end) if self.level == 0 else (self.title_end, self.end)


@dataclass(frozen=True)
class ReportText:
    """What a comparison needs from one report."""

    text: str
    sections: tuple[SectionSpan, ...]
    parts: Mapping[str, int]  # standard part key → index in ``sections`` (present or merged parts)
    fields: Mapping[str, Mapping[str, Any]]  # key → {value, start, end, quote}
    year: int | None = None
    label: str = ""

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any], text: str, *, year: int | None = None, label: str = ""
    ) -> ReportText:
        """From the public JSON of ``check --json`` and the canonical text it describes."""
        secs = tuple(
            SectionSpan(int(s["level"]), str(s["title"]), int(s["start"]), int(s["end"]), int(s["title_end"]))
            for s in data.get("sections") or ()
        ) or (SectionSpan(0, "全文", 0, len(text), 0),)  # no outline: the whole text is one block
        parts = {
            p["key"]: int(p["section"])
            for p in data.get("standard_parts") or ()
            if p.get("status") in ("present", "merged")
            and p.get("section") is not None
            and p["section"] < len(secs)
        }
        fields = {k: dict(v) for k, v in (data.get("fields") or {}).items()}
        if year is None:
            year = report_year(fields)
        return cls(text, secs, MappingProxyType(parts), MappingProxyType(fields), year, label)

    @classmethod
    def from_analysis(cls, analysis: Any, *, year: int | None = None, label: str = "") -> ReportText:
        """From a checked :class:`~xxgk_desk.core.pipeline.Analysis`."""
        from xxgk_desk.core.pipeline import to_json

        if analysis.document is None:
            raise ValueError("analysis without a document")
        return cls.from_json(to_json(analysis), analysis.document.text, year=year, label=label)


@dataclass(frozen=True, slots=True)
class Opcode:
    """One step of a character diff: ``tag`` equal/replace/insert/delete, spans in each report's text."""

    tag: str
    older_start: int
    older_end: int
    newer_start: int
    newer_end: int

    def to_json(self) -> list:
        return [self.tag, self.older_start, self.older_end, self.newer_start, self.newer_end]


@dataclass(frozen=True, slots=True)
class SectionMatch:
    """A section of the older report paired with one of the newer (either may be None)."""

    key: str  # a standard part key, "title" for the title block, or "heading:<n>"
    name: str  # the part's name, or the heading
    older: int | None  # index into the older report's sections
    newer: int | None
    similarity: float | None  # 0–1; None when one side has no such section
    chars: tuple[int, int] = (0, 0)  # whitespace-free length of each body
    boilerplate: bool = False
    part: str | None = None  # standard part key, if the pair is a standard part

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "older": self.older, "newer": self.newer,
                "similarity": self.similarity, "chars": list(self.chars), "boilerplate": self.boilerplate,
                "part": self.part}  # fmt: skip

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SectionMatch:
        return cls(d["key"], d["name"], d["older"], d["newer"], d["similarity"], tuple(d["chars"]),
                   d["boilerplate"], d.get("part"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A core figure in both years."""

    key: str
    label: str
    older: Any
    newer: Any
    unchanged: bool  # flagged as an unchanged figure

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "older": self.older, "newer": self.newer,
                "unchanged": self.unchanged}  # fmt: skip


@dataclass
class Comparison:
    """Two reports side by side: section pairs, figures and the findings for the newer report."""

    sections: list[SectionMatch]
    figures: list[FigureChange]
    findings: list[Finding]
    older_year: int | None = None
    newer_year: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def similarity(self) -> float | None:
        """Similarity of the whole: paired sections weighted by length (None with no pair)."""
        pairs = [(m.similarity, sum(m.chars)) for m in self.sections if m.similarity is not None]
        weight = sum(n for _, n in pairs)
        if not weight:
            return None
        return sum(s * n for s, n in pairs) / weight

    def to_json(self) -> dict[str, Any]:
        return {
            "older_year": self.older_year,
            "newer_year": self.newer_year,
            "similarity": self.similarity,
            "sections": [m.to_json() for m in self.sections],
            "figures": [f.to_json() for f in self.figures],
            "findings": [f.to_json() for f in self.findings],
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Comparison:
        findings = [
            Finding(f["rule"], f["severity"], f["message"], f["start"], f["end"], f["quote"], f["part"])
            for f in d["findings"]
        ]
        figures = [FigureChange(**f) for f in d["figures"]]
        return cls([SectionMatch.from_json(m) for m in d["sections"]], figures, findings,
                   d.get("older_year"), d.get("newer_year"))  # fmt: skip


# -- similarity and diff ---------------------------------------------------------------------


def _squash(text: str, start: int, end: int) -> tuple[str, list[int]]:
    kept: list[str] = []
    index: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if not ch.isspace():
            kept.append(ch)
            index.append(i)
    return "".join(kept), index


def similarity(a: str, b: str) -> float:
    """Normalised Indel similarity of two texts with all whitespace removed (1.0 when both are empty)."""
    a, b = "".join(a.split()), "".join(b.split())
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


def diff(older: ReportText, newer: ReportText, match: SectionMatch) -> list[Opcode]:
    """Character opcodes between the two bodies of ``match`` (offsets into each report's text).

    Whitespace is ignored when matching; each opcode's span runs up to the next one, so the
    opcodes cover both bodies without gaps. A one-sided match gives one insert or delete.
    """
    a0, a1 = older.sections[match.older].body if match.older is not None else (0, 0)
    b0, b1 = newer.sections[match.newer].body if match.newer is not None else (0, 0)
    if match.older is None or match.newer is None:
        tag = "insert" if match.older is None else "delete"
        return [Opcode(tag, a0, a1, b0, b1)]
    sa, ia = _squash(older.text, a0, a1)
    sb, ib = _squash(newer.text, b0, b1)

    def at(index: list[int], i: int, start: int, end: int) -> int:
        if i <= 0:
            return start
        return index[i] if i < len(index) else end

    out: list[Opcode] = []
    for op in _cleanup(Levenshtein.opcodes(sa, sb)):
        tag, s0, s1, d0, d1 = op
        out.append(
            Opcode(tag, at(ia, s0, a0, a1), at(ia, s1, a0, a1), at(ib, d0, b0, b1), at(ib, d1, b0, b1))
        )
    return out


def _cleanup(ops: Any) -> list[tuple[str, int, int, int, int]]:
    """Fold one-character equal runs between changes into the change (Chinese diffs fragment badly)."""
    raw = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in ops]
    out: list[tuple[str, int, int, int, int]] = []
    for i, (tag, s0, s1, d0, d1) in enumerate(raw):
        tiny_equal = tag == "equal" and s1 - s0 <= 1 and 0 < i < len(raw) - 1
        if (tag != "equal" or tiny_equal) and out and out[-1][0] != "equal":
            _, p0, _, q0, _ = out[-1]
            out[-1] = ("replace", p0, s1, q0, d1)
        else:
            out.append((tag, s0, s1, d0, d1))
    return [
        ("replace" if t != "equal" and s1 > s0 and d1 > d0 else t, s0, s1, d0, d1)
        for t, s0, s1, d0, d1 in out
    ]


# -- pairing sections ------------------------------------------------------------------------


def _bare_title(title: str) -> str:
    return "".join(_NUMBERING.sub("", title, count=1).split())


def _covered(secs: tuple[SectionSpan, ...], taken: set[int], i: int) -> bool:
    s = secs[i]
    return any(secs[t].start <= s.start < secs[t].end for t in taken)


def _pairs(
    older: ReportText, newer: ReportText, rules: RuleSet
) -> list[tuple[str, str, int | None, int | None, str | None]]:
    out: list[tuple[str, str, int | None, int | None, str | None]] = []
    seen: dict[tuple[int, int], int] = {}
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for part in rules.parts:
        a, b = older.parts.get(part.key), newer.parts.get(part.key)
        if a is None and b is None:
            continue
        if a is not None and b is not None and (a, b) in seen:  # a merged heading: one pair, both names
            k = seen[(a, b)]
            key, name, _, _, part_key = out[k]  # its sections are (a, b): that is how it was found
            out[k] = (key, f"{name}、{part.name}", a, b, part_key)
            continue
        if a is not None and b is not None:
            seen[(a, b)] = len(out)
        out.append((part.key, part.name, a, b, part.key))
        taken_a.update([a] if a is not None else [])
        taken_b.update([b] if b is not None else [])
    # the title block (title, date line, preamble)
    ta = next((i for i, s in enumerate(older.sections) if s.level == 0 and i not in taken_a), None)
    tb = next((i for i, s in enumerate(newer.sections) if s.level == 0 and i not in taken_b), None)
    if ta is not None and tb is not None:
        out.append(("title", "标题与引言", ta, tb, None))
        taken_a.add(ta)
        taken_b.add(tb)
    # remaining first-level headings, by title
    rest_a = [
        i for i, s in enumerate(older.sections) if s.level == 1 and not _covered(older.sections, taken_a, i)
    ]
    rest_b = [
        i for i, s in enumerate(newer.sections) if s.level == 1 and not _covered(newer.sections, taken_b, i)
    ]
    scored = sorted(
        ((similarity(_bare_title(older.sections[a].title), _bare_title(newer.sections[b].title)), a, b)
         for a in rest_a for b in rest_b),
        key=lambda x: (-x[0], x[1], x[2]),
    )  # fmt: skip
    used_a: set[int] = set()
    used_b: set[int] = set()
    for score, a, b in scored:
        if score < TITLE_MATCH:
            break
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        out.append((f"heading:{b}", newer.sections[b].title, a, b, None))
    for a in rest_a:
        if a not in used_a:
            out.append((f"older:{a}", older.sections[a].title, a, None, None))
    for b in rest_b:
        if b not in used_b:
            out.append((f"heading:{b}", newer.sections[b].title, None, b, None))

    # Order: the title block, the standard parts in the rules' order, then other headings as
    # they come in the newer report, then those only the older report has.
    rank = {p.key: i for i, p in enumerate(rules.parts)}

    def position(p: tuple[str, str, int | None, int | None, str | None]) -> tuple[int, int, int]:
        key, _, a, b, part = p
        if key == "title":
            return (0, 0, 0)
        if part is not None:
            return (1, rank.get(part, 0), 0)
        if b is not None:
            return (2, newer.sections[b].start, 0)
        return (3, older.sections[a].start if a is not None else 0, 0)

    return sorted(out, key=position)


# -- the comparison --------------------------------------------------------------------------


def compare(older: ReportText, newer: ReportText, rules: RuleSet | None = None) -> Comparison:
    """Compare two reports of one institution; findings are about ``newer``."""
    rules = rules or load_rules()
    bp = rules.rule("boilerplate")
    threshold = float(bp.params.get("threshold", 0.9))
    min_chars = int(bp.params.get("min_chars", 80))
    skip = set(bp.params.get("skip_parts", ()) or ())
    year_label: Any = older.year if older.year is not None else "上一"
    matches: list[SectionMatch] = []
    findings: list[Finding] = []
    for key, name, a, b, part in _pairs(older, newer, rules):
        if a is None or b is None:
            matches.append(SectionMatch(key, name, a, b, None, (0, 0), False, part))
            continue
        a0, a1 = older.sections[a].body
        b0, b1 = newer.sections[b].body
        ta, tb = "".join(older.text[a0:a1].split()), "".join(newer.text[b0:b1].split())
        sim = float(Indel.normalized_similarity(ta, tb)) if (ta or tb) else 1.0
        # The title block (title, period, preamble) has the same wording every year by design.
        flag = (
            sim >= threshold
            and min(len(ta), len(tb)) >= min_chars
            and key != "title"
            and (part or key) not in skip
        )
        matches.append(SectionMatch(key, name, a, b, round(sim, 4), (len(ta), len(tb)), flag, part))
        if flag:
            sec = newer.sections[b]
            quote = newer.text[sec.start : sec.title_end] if sec.level else newer.text[b0 : min(b1, b0 + 40)]
            findings.append(
                Finding(
                    "boilerplate",
                    rules.severity("boilerplate"),
                    rules.message("boilerplate", part=name, title_year=year_label, count=int(sim * 100)),
                    sec.start if sec.level else b0,
                    sec.title_end if sec.level else b0 + len(quote),
                    quote,
                    part,
                )
            )
    figures, fig_findings = _figures(older, newer, rules, year_label)
    return Comparison(matches, figures, findings + fig_findings, older.year, newer.year)


def _figures(
    older: ReportText, newer: ReportText, rules: RuleSet, year_label: Any
) -> tuple[list[FigureChange], list[Finding]]:
    uf = rules.rule("unchanged_figure")
    watched = set(uf.params.get("fields", ()) or ())
    min_value = float(uf.params.get("min_value", 1))
    figures: list[FigureChange] = []
    findings: list[Finding] = []
    for fig in rules.core_figures:
        a = (older.fields.get(fig.key) or {}).get("value")
        nf = newer.fields.get(fig.key) or {}
        b = nf.get("value")
        same = (
            fig.key in watched
            and isinstance(a, int | float)
            and isinstance(b, int | float)
            and a == b
            and b >= min_value
        )
        figures.append(FigureChange(fig.key, fig.label, a, b, same))
        if same:
            count = f"{b:g}{fig.unit or ''}" if isinstance(b, float) else f"{b}{fig.unit or ''}"
            findings.append(
                Finding(
                    "unchanged_figure",
                    rules.severity("unchanged_figure"),
                    rules.message("unchanged_figure", figure=fig.label, title_year=year_label, count=count),
                    nf.get("start"),
                    nf.get("end"),
                    nf.get("quote"),
                    fig.part,
                )
            )
    return figures, findings
