"""Batch review: a province's reports in one workspace, checked on all cores. No Qt.

Quick use::

    from xxgk_desk.core.store import Store
    from xxgk_desk.core.batch import Workspace, RowFilter, sort_rows, columns

    with Store(db_path) as store:
        ws = Workspace(store)                          # or Workspace(store, "湖北2024")
        report = ws.add(["报告/"], jobs=2, on_progress=print, cancel=event)
        rows = sort_rows(ws.rows(), "institution")     # OverviewRow per report (+ unreadable files)
        todo = [r for r in rows if RowFilter(states=frozenset({"unreviewed"})).accepts(r)]
        picture = ws.coverage()                        # CoverageMatrix: reports × parts / 清单 categories
        for pair in ws.pairs_by_institution():         # same institution, two years
            cmp = ws.comparison(pair.older, pair.newer)  # sections with similarity, findings
            a, b = ws.report_text(pair.older), ws.report_text(pair.newer)
            ops = diff(a, b, cmp.sections[0])          # xxgk_desk.core.batch.compare.diff: side-by-side marks

Pieces:

* :func:`scan` — folders recursively, supported extensions, no hidden/temporary files.
* :func:`run_batch` — the process pool: yields :class:`BatchResult` (public JSON + text + page
  map), progress (:class:`Progress`: done/total/elapsed/ETA), cancel; a failing file yields a
  result with its Chinese error and the rest go on.
* :class:`Workspace` — files of a workspace kept in the review store's database (schema v4),
  re-adding unchanged files costs nothing, rows, coverage, year-over-year, merging review files.
* :mod:`.overview` — :class:`OverviewRow`, :func:`columns` (header, value, sort key per column),
  :class:`RowFilter`, :func:`sort_rows`, :func:`filter_rows`, :func:`neighbour`,
  :func:`rule_counts` (the rule filter's choices).
* :mod:`.coverage_matrix` — :class:`CoverageMatrix` (present / partial / missing, per-column totals).

The XLSX/CSV summary is :mod:`xxgk_desk.core.export.summary`; the command is ``xxgk-desk batch``.
Programs frozen with PyInstaller must call ``multiprocessing.freeze_support()`` first thing in
``main`` (workers are started with ``spawn``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names are loaded on first use, so a worker process importing ``.worker`` does not pay for the
# store, the comparison and the export (spawned workers start faster).
_WHERE = {
    "coverage_matrix": ("COVERAGE_LABELS", "COVERAGE_STATES", "CoverageColumn", "CoverageMatrix", "category_state", "coverage"),
    "overview": ("PART_MARK", "PART_SHORT", "SEVERITY_ORDER", "Column", "OverviewRow", "RowFilter", "columns",
                 "filter_rows", "neighbour", "rule_counts", "sort_rows"),
    "runner": ("Progress", "default_jobs", "run_batch"),
    "scanner": ("is_candidate", "scan"),
    "worker": ("BatchResult", "engine_fingerprint"),
    "workspace": ("AddReport", "ReportFinding", "Workspace"),
    "year_over_year": ("Comparisons", "YearPair", "pairs_by_institution"),
}  # fmt: skip
_MODULE = {name: module for module, names in _WHERE.items() for name in names}

if TYPE_CHECKING:
    from .coverage_matrix import (
        COVERAGE_LABELS,
        COVERAGE_STATES,
        CoverageColumn,
        CoverageMatrix,
        category_state,
        coverage,
    )
    from .overview import (
        PART_MARK,
        PART_SHORT,
        SEVERITY_ORDER,
        Column,
        OverviewRow,
        RowFilter,
        columns,
        filter_rows,
        neighbour,
        rule_counts,
        sort_rows,
    )
    from .runner import Progress, default_jobs, run_batch
    from .scanner import is_candidate, scan
    from .worker import BatchResult, engine_fingerprint
    from .workspace import AddReport, ReportFinding, Workspace
    from .year_over_year import Comparisons, YearPair, pairs_by_institution


def __getattr__(name: str) -> Any:
    module = _MODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE))


__all__ = [
    "COVERAGE_LABELS",
    "COVERAGE_STATES",
    "PART_MARK",
    "PART_SHORT",
    "SEVERITY_ORDER",
    "AddReport",
    "BatchResult",
    "Column",
    "CoverageColumn",
    "CoverageMatrix",
    "OverviewRow",
    "Progress",
    "ReportFinding",
    "RowFilter",
    "Workspace",
    "YearPair",
    "Comparisons",
    "pairs_by_institution",
    "category_state",
    "columns",
    "coverage",
    "default_jobs",
    "engine_fingerprint",
    "filter_rows",
    "is_candidate",
    "neighbour",
    "rule_counts",
    "run_batch",
    "scan",
    "sort_rows",
]
