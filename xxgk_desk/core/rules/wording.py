"""The word lists of the wording rules (``resources/rules/wording_checks.yaml``), loaded and validated once.

The rules themselves (title, severity, message) are in rules.yaml; this file holds what a domain expert edits:
partner contexts, word pairs, stale formulations with their dates, impossible-fact patterns, fixed part names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from xxgk_desk.core.resources import resource
from xxgk_desk.core.rules.model import Lexicon, in_force
from xxgk_desk.core.rules.reading import Source, read_lexicon

FILE = "wording_checks.yaml"


@dataclass(frozen=True)
class WordingEntry:
    """One word-usage or stale-formulation entry: what to find and what to write instead."""

    id: str
    fix: str
    terms: Lexicon
    severity: str | None = None
    stale_after: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def applies(self, start: dt.date | None, end: dt.date | None) -> bool:
        """In force for the period, and (for a stale formulation) the period ends after it went stale."""
        if self.stale_after is not None and (end is None or end <= self.stale_after):
            return False
        return in_force(self.valid_from, self.valid_to, start, end)


@dataclass(frozen=True)
class PartName:
    name: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class WordingChecks:
    partner_context: Lexicon
    not_followed_by: str
    institution_examples: tuple[dict, ...]
    word_usage: tuple[WordingEntry, ...]
    stale: tuple[WordingEntry, ...]
    share: Lexicon
    negative: Lexicon
    date: Lexicon
    range_joiners: tuple[str, ...]
    part_names: tuple[PartName, ...]
    droppable: frozenset[str]
    max_dropped: int
    never_doubled: str
    part_examples: tuple[tuple[str, ...], tuple[str, ...]]

    def lexicons(self) -> list[tuple[str, Lexicon]]:
        """Every lexicon with where it is declared (for the example tests)."""
        out = [("other_institution.partner_context", self.partner_context)]
        out += [(f"word_usage[{e.id}]", e.terms) for e in self.word_usage]
        out += [(f"stale_formulation[{e.id}]", e.terms) for e in self.stale]
        out += [(f"impossible_fact.{k}", getattr(self, k)) for k in ("share", "negative", "date")]
        return out


def _entries(src: Source, key: str) -> tuple[WordingEntry, ...]:
    out = []
    for where, d in src.items(src.data, key, ""):
        eid = src.key(d, where, "id")
        where = f"{key}[id={eid}]"
        out.append(
            WordingEntry(
                eid,
                src.text(d, "fix", where),
                read_lexicon(src, f"{where}.terms", d.get("terms")),
                src.severity(d, where, default=None),
                src.get(d, "stale_after", where, dt.date, None),
                src.get(d, "valid_from", where, dt.date, None),
                src.get(d, "valid_to", where, dt.date, None),
            )
        )
    src.unique([e.id for e in out], key, "id")
    return tuple(out)


def read_wording(path: Path) -> WordingChecks:
    """Read and validate the file (RulesError names the entry at fault)."""
    src = Source(path)
    inst = src.get(src.data, "other_institution", "", dict)
    imp = src.get(src.data, "impossible_fact", "", dict)
    parts = src.get(src.data, "part_names", "", dict)
    names = tuple(
        PartName(src.text(d, "name", w), src.texts(d, "variants", w))
        for w, d in src.items(parts, "names", "part_names")
    )
    ex = src.get(parts, "examples", "part_names", dict, {})
    return WordingChecks(
        read_lexicon(src, "other_institution.partner_context", inst.get("partner_context")),
        src.text(inst, "not_followed_by", "other_institution", ""),
        tuple(src.get(inst, "examples", "other_institution", list, [])),
        _entries(src, "word_usage"),
        _entries(src, "stale_formulation"),
        read_lexicon(src, "impossible_fact.share", imp.get("share")),
        read_lexicon(src, "impossible_fact.negative", imp.get("negative")),
        read_lexicon(src, "impossible_fact.date", imp.get("date")),
        src.texts(imp, "range_joiners", "impossible_fact"),
        names,
        frozenset(src.texts(parts, "droppable", "part_names")),
        src.get(parts, "max_dropped", "part_names", int, 3),
        src.text(parts, "never_doubled", "part_names", ""),
        (src.texts(ex, "match", "part_names.examples"), src.texts(ex, "no_match", "part_names.examples")),
    )


@cache
def load_wording() -> WordingChecks:
    """The shipped word lists (read once)."""
    return read_wording(resource("rules") / FILE)
