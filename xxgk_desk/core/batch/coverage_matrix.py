"""The coverage picture: reports against the nine standard parts and the ten 清单 categories.

Each cell is ``present`` / ``partial`` / ``missing`` (None for a report that could not be read):

* a standard part: present → ``present``, merged under another heading → ``partial``,
  missing → ``missing``;
* a 清单 category: every item covered (or marked 不适用) → ``present``, none → ``missing``,
  some → ``partial`` (the share is kept for a tooltip).

``totals()`` counts each column, so a reviewer sees which parts the province most often misses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from xxgk_desk.core.rules import RuleSet, load_rules

from .overview import PART_SHORT, OverviewRow

__all__ = [
    "COVERAGE_LABELS",
    "COVERAGE_STATES",
    "CoverageColumn",
    "CoverageMatrix",
    "category_state",
    "coverage",
]

COVERAGE_STATES = ("present", "partial", "missing")
#: the words for each level, from categories.yaml's coverage_levels (the one home of these words)
COVERAGE_LABELS = {c.id: c.short_label for c in load_rules().vocabulary.coverage_levels}
_PART_STATE = {"present": "present", "merged": "partial", "missing": "missing"}


def category_state(covered: int, total: int) -> str:
    """present / partial / missing for a category with ``covered`` of ``total`` items."""
    if total <= 0 or covered >= total:
        return "present"
    return "missing" if covered <= 0 else "partial"


@dataclass(frozen=True, slots=True)
class CoverageColumn:
    """A column of the picture: a standard part (``kind`` "part") or a 清单 category ("category")."""

    kind: str
    key: str  # part key, or the category number 一…十
    name: str  # full name
    short: str  # column header


@dataclass(frozen=True)
class CoverageMatrix:
    """Rows are reports (in the order given), columns the parts then the categories."""

    row_keys: tuple[str, ...]
    row_labels: tuple[str, ...]
    columns: tuple[CoverageColumn, ...]
    cells: tuple[tuple[str | None, ...], ...]  # [row][column]
    shares: tuple[
        tuple[float | None, ...], ...
    ]  # [row][column]: share of items (categories), 1/0.5/0 for parts

    @property
    def part_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.kind == "part"]

    @property
    def category_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.kind == "category"]

    def cell(self, row: int, column: int) -> str | None:
        return self.cells[row][column]

    def totals(self) -> list[dict[str, int]]:
        """Per column: how many reports have it present / partial / missing (unread reports left out)."""
        out = []
        for j in range(len(self.columns)):
            counts = dict.fromkeys(COVERAGE_STATES, 0)
            for row in self.cells:
                state = row[j]
                if state is not None:
                    counts[state] += 1
            out.append(counts)
        return out

    def most_missed(self) -> list[tuple[CoverageColumn, int, int]]:
        """Columns by how many reports miss them (missing, then partial), most missed first."""
        ranked = [(c, t["missing"], t["partial"]) for c, t in zip(self.columns, self.totals(), strict=True)]
        return sorted(ranked, key=lambda x: (-x[1], -x[2]))

    def to_json(self) -> dict[str, Any]:
        return {
            "columns": [
                {"kind": c.kind, "key": c.key, "name": c.name, "short": c.short} for c in self.columns
            ],
            "rows": [
                {"key": k, "label": lab, "cells": list(cells), "shares": list(sh)}
                for k, lab, cells, sh in zip(
                    self.row_keys, self.row_labels, self.cells, self.shares, strict=True
                )
            ],
            "totals": self.totals(),
        }


def coverage(rows: Iterable[OverviewRow], rules: RuleSet | None = None) -> CoverageMatrix:
    """The picture for ``rows`` (their order kept)."""
    rules = rules or load_rules()
    rows = list(rows)
    cols = [CoverageColumn("part", p.key, p.name, PART_SHORT.get(p.key, p.name)) for p in rules.parts]
    cats = rules.checklist.categories
    cols += [CoverageColumn("category", c.number, c.name, f"{c.number}、{c.name}") for c in cats]
    cells: list[tuple[str | None, ...]] = []
    shares: list[tuple[float | None, ...]] = []
    for r in rows:
        row_cells: list[str | None] = []
        row_shares: list[float | None] = []
        for p in rules.parts:
            st = _PART_STATE.get(r.part(p.key)) if r.checked else None
            row_cells.append(st)
            row_shares.append(None if st is None else {"present": 1.0, "partial": 0.5, "missing": 0.0}[st])
        for i, _c in enumerate(cats):
            if not r.checked or i >= len(r.categories):
                row_cells.append(None)
                row_shares.append(None)
                continue
            covered, total = r.categories[i]
            row_cells.append(category_state(covered, total))
            row_shares.append(covered / total if total else 1.0)
        cells.append(tuple(row_cells))
        shares.append(tuple(row_shares))
    return CoverageMatrix(
        tuple(r.key for r in rows), tuple(r.label for r in rows), tuple(cols), tuple(cells), tuple(shares)
    )
