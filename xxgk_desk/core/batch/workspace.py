"""A workspace: many report files, checked once, joined with the review store for the overview.

A :class:`Workspace` lives in the reviewer's store database (its own tables, schema v4; see
``store/migrations/m004_batch_cache.py``): the files it holds (by path, with size and mtime),
the engine's summary of each file version (by SHA-256) and year-over-year comparisons.
Reports, versions, review states, notes and decisions are the store's, used through its API.

* :meth:`Workspace.add` scans folders/files and checks what is new on all cores. A file whose
  SHA-256 was already checked by the same engine is not checked again; a changed file is a new
  version of its report (matched by institution + year in the store).
* :meth:`Workspace.rows` gives one :class:`~.overview.OverviewRow` per report (and per file that
  could not be read); :meth:`Workspace.coverage` the coverage picture;
  :meth:`Workspace.pairs_by_institution` and :meth:`Workspace.comparison` the year-over-year view.
* Year-over-year findings (``boilerplate``, ``unchanged_figure``) count for the newer report
  in its row and appear in :meth:`Workspace.findings` with the engine's.

All methods may be called from a worker thread (the store serialises its connection); none
touches Qt.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xxgk_desk.core.batch.compare import Comparison, ReportText
from xxgk_desk.core.batch.year_over_year import Comparisons, YearPair, institution_key, pairs_by_institution
from xxgk_desk.core.document import sha256_file
from xxgk_desk.core.identity import report_identity
from xxgk_desk.core.marker import tool_output
from xxgk_desk.core.rules import RuleSet, load_rules
from xxgk_desk.core.store import DocumentInfo, ImportReport, Note, Store, StoreError
from xxgk_desk.core.store.model import now

from .coverage_matrix import CoverageMatrix, coverage
from .overview import SEVERITY_ORDER, OverviewRow
from .runner import Cancel, Progress, is_cancelled, run_batch
from .scanner import scan
from .worker import BatchResult, engine_fingerprint

__all__ = ["AddReport", "ReportFinding", "Workspace"]

DEFAULT_NAME = "default"
_AUTO: Any = object()


@dataclass
class AddReport:
    """What :meth:`Workspace.add` did."""

    total: int = 0
    checked: int = 0  # read and checked now
    cached: int = 0  # unchanged since an earlier check: nothing to do
    failed: int = 0
    skipped: int = 0  # files xxgk-desk wrote (letters, summaries): never reports
    cancelled: bool = False
    new_documents: int = 0
    new_versions: int = 0  # a changed file of a report already known
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, Chinese message)
    document_ids: list[str] = field(default_factory=list)

    def text(self) -> str:
        """One Chinese line for a status bar or the terminal."""
        s = f"共 {self.total} 个文件：新检查 {self.checked} 个，未变 {self.cached} 个"
        if self.failed:
            s += f"，无法读取 {self.failed} 个"
        if self.skipped:
            s += f"，跳过 {self.skipped} 个本工具导出的审核文件"
        if self.new_versions:
            s += f"，其中 {self.new_versions} 个是已有报告的新版本"
        s += f"；用时 {self.seconds:.1f} 秒。"
        return s + ("（已取消）" if self.cancelled else "")


@dataclass(frozen=True, slots=True)
class ReportFinding:
    """A finding for the summary and the review window: the engine's or a year-over-year one."""

    rule: str
    severity: str
    message: str
    quote: str | None
    start: int | None
    end: int | None
    part: str | None
    key: str
    page: int | None
    decision: str = "none"  # none / accepted / dismissed
    reason: str | None = None
    source: str = "engine"  # engine / year_over_year


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a row needs from one cached check result (kept in memory per file version)."""

    engine: str
    kind: str | None
    pages: int | None
    institution: str | None
    year: int | None
    period_start: str | None
    period_end: str | None
    report_date: str | None
    part_keys: tuple[str, ...]
    parts: tuple[str, ...]
    findings: tuple[tuple[str, str, str], ...]  # (key, rule, severity)
    score: float | None
    categories: tuple[tuple[int, int], ...]
    fields: dict[str, Any]
    checked_at: str


def _value(fields: dict[str, Any], key: str) -> Any:
    return (fields.get(key) or {}).get("value")


def _facts(data: dict[str, Any], engine: str, checked_at: str, rules: RuleSet) -> _Facts:
    fields = data.get("fields") or {}
    inst, year = report_identity(fields)
    per_cat: dict[str, list[int]] = {c.number: [0, 0] for c in rules.checklist.categories}
    for item in data.get("checklist") or ():
        c = per_cat.setdefault(item.get("category"), [0, 0])
        c[1] += 1
        c[0] += item.get("status") in ("covered", "not_applicable")
    parts = data.get("standard_parts") or ()
    score = (data.get("score") or {}).get("total")
    return _Facts(
        engine=engine,
        kind=data.get("kind"),
        pages=data.get("pages"),
        institution=inst,
        year=year,
        period_start=_value(fields, "period_start"),
        period_end=_value(fields, "period_end"),
        report_date=_value(fields, "report_date"),
        part_keys=tuple(p["key"] for p in parts),
        parts=tuple(p["status"] for p in parts),
        findings=tuple((f["key"], f["rule"], f["severity"]) for f in data.get("findings") or ()),
        score=score,
        categories=tuple((c[0], c[1]) for c in per_cat.values()),
        fields={k: (v or {}).get("value") for k, v in fields.items()},
        checked_at=checked_at,
    )


def _page_of(pages: Sequence[Sequence[int]], offset: int | None) -> int | None:
    if offset is None:
        return None
    page = pages[0][0] if pages else 1
    for number, start, _end in pages:
        if start <= offset:
            page = number
        else:
            break
    return page


class Workspace:
    """Many reports in one review store: add files, list rows, coverage, year-over-year."""

    def __init__(
        self,
        store: Store,
        name: str = DEFAULT_NAME,
        *,
        ocr: str = "auto",
        parts_file: str | os.PathLike | None = None,
        rules: RuleSet | None = None,
    ) -> None:
        self.store = store
        self.name = name
        self.ocr = ocr
        self.parts_file = str(parts_file) if parts_file else None
        self.rules = rules or (load_rules(parts_file=Path(parts_file)) if parts_file else load_rules())
        self.engine = engine_fingerprint(self.parts_file, ocr)
        self._facts: dict[str, _Facts] = {}
        self._lock = threading.RLock()
        self.cache = store.batch_cache
        self.comparisons = Comparisons(self.cache, self.engine, self.rules, self.report_text)
        self.checks_run = 0  # files read and checked by this object (tests and status lines)

    # -- files -------------------------------------------------------------------------------
    def files(self) -> list[dict[str, Any]]:
        """The workspace's files: path, file_sha256, size, mtime_ns, added_at, checked_at, error."""
        return self.cache.files(self.name)

    def remove(self, paths: Iterable[str | os.PathLike]) -> int:
        """Take files (or every file under a folder) out of the workspace; reviews stay in the store."""
        with self.cache.transaction():
            return sum(self.cache.forget_under(self.name, str(Path(p).expanduser().resolve())) for p in paths)

    def add(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        jobs: int | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_result: Callable[[BatchResult, OverviewRow], None] | None = None,
        cancel: Cancel | None = None,
        force: bool = False,
        replace: bool = False,
    ) -> AddReport:
        """Add folders (recursively) and files; check what is new on ``jobs`` processes
        (default: one per CPU; 0: in this process, see :func:`~.runner.run_batch`).

        Unchanged files (same SHA-256, same engine) are not read again (``force`` re-checks).
        ``on_progress`` gets a :class:`Progress` after each file; ``on_result`` each result (a
        cached one has ``cached=True`` and no text) with its row. ``replace`` makes the
        workspace hold exactly these files. A failing file is reported and the rest go on.
        """
        t0 = time.monotonic()
        scanned = [Path(os.path.abspath(p)) for p in scan(paths)]
        exports = {str(f) for f in scanned if tool_output(f)}  # a memo saved beside the reports
        files = [f for f in scanned if str(f) not in exports]
        report = AddReport(total=len(files), skipped=len(exports))
        known = {r["path"]: r for r in self.files()}
        if on_progress is not None:  # the total is known before any file is hashed
            on_progress(Progress(0, len(files), elapsed=time.monotonic() - t0))
        todo: dict[str, tuple[int | None, int | None, str | None]] = {}  # path → (size, mtime_ns, sha256)
        hits: list[tuple[str, int | None, int | None, str]] = []
        for f in files:
            path = str(f)
            size, mtime, sha = self._identify(f, known.get(path))
            if sha is not None and not force and self._cached(sha):
                hits.append((path, size, mtime, sha))
            else:
                todo[path] = (size, mtime, sha)
        with self.cache.transaction():
            for path in exports & set(known):  # added by an older version, before exports were marked
                self.cache.forget_file(self.name, path)
            if replace:
                for path in set(known) - {str(f) for f in files}:
                    self.cache.forget_file(self.name, path)
            for path, size, mtime, sha in hits:
                self._put_file(path, sha, size, mtime, checked_at=None, error=None, code=None)
        for n, (path, _size, _mtime, sha) in enumerate(hits, 1):
            report.cached += 1
            doc_id = self.store.find_document(sha)
            if doc_id:
                report.document_ids.append(doc_id)
            if on_progress is not None:
                on_progress(Progress(n, len(files), 0, n, time.monotonic() - t0, None, path))
            if on_result is not None:
                on_result(
                    BatchResult(-1, path, self.summary(sha) or {}, cached=True), self.row_for_file(path)
                )
        cached = len(hits)

        def progress(p: Progress) -> None:
            if on_progress is not None:
                on_progress(Progress(cached + p.done, len(files), p.failed, cached,
                                     time.monotonic() - t0, p.eta, p.path))  # fmt: skip

        try:
            for res in run_batch(list(todo), jobs=jobs, ocr=self.ocr, parts_file=self.parts_file,
                                 on_progress=progress, cancel=cancel):  # fmt: skip
                self._record(res, *todo.get(res.path, (None, None, None)), report)
                if on_result is not None:
                    on_result(res, self.row_for_file(res.path))
        finally:
            report.cancelled = is_cancelled(cancel)
            report.seconds = time.monotonic() - t0
        if not report.cancelled:
            self.refresh_comparisons()
        return report

    def _identify(self, f: Path, known: dict[str, Any] | None) -> tuple[int | None, int | None, str | None]:
        """(size, mtime_ns, sha256); the SHA-256 is reused while size and mtime are unchanged."""
        try:
            st = f.stat()
        except OSError:
            return None, None, None
        if (
            known
            and known["file_sha256"]
            and known["size"] == st.st_size
            and known["mtime_ns"] == st.st_mtime_ns
        ):
            return st.st_size, st.st_mtime_ns, known["file_sha256"]
        try:
            return st.st_size, st.st_mtime_ns, sha256_file(str(f))
        except OSError:
            return st.st_size, st.st_mtime_ns, None

    def _cached(self, sha: str) -> bool:
        return self.cache.is_checked(sha, self.engine)

    def _put_file(
        self,
        path: str,
        sha: str | None,
        size: int | None,
        mtime: int | None,
        *,
        checked_at: str | None,
        error: str | None,
        code: str | None,
    ) -> None:
        self.cache.put_file(self.name, path, sha, size, mtime, checked_at=checked_at, error=error, code=code)

    def _record(
        self, res: BatchResult, size: int | None, mtime: int | None, sha: str | None, report: AddReport
    ) -> None:
        """Register a fresh result in the store and cache it."""
        self.checks_run += 1
        ts = now()
        doc = res.document()
        if doc is None:
            report.failed += 1
            report.failures.append((res.path, res.error or "无法读取"))
            with self.cache.transaction():
                self._put_file(
                    res.path, sha, size, mtime, checked_at=ts, error=res.error, code=res.error_code
                )
            return
        report.checked += 1
        institution, year = report_identity(res.data.get("fields") or {})
        ref = self.store.register_version(doc, institution, year)
        report.new_documents += ref.new_document
        report.new_versions += ref.new_version and not ref.new_document
        report.document_ids.append(ref.id)
        with self.cache.transaction():
            self.cache.put_result(
                doc.file_sha256, self.engine, ts, res.seconds, res.data, res.text or "", res.pages
            )
            self._put_file(res.path, doc.file_sha256, size, mtime, checked_at=ts, error=None, code=None)
        with self._lock:
            self._facts[doc.file_sha256] = _facts(res.data, self.engine, ts, self.rules)

    # -- cached results ------------------------------------------------------------------------
    def summary(self, sha256: str) -> dict[str, Any] | None:
        """The public JSON (``check --json``) cached for a file version, or None."""
        return self.cache.summary(sha256)

    def text(self, sha256: str) -> str | None:
        """The canonical text cached for a file version (offsets of findings and notes refer to it)."""
        return self.cache.text(sha256)

    def pages(self, sha256: str) -> list[tuple[int, int, int]]:
        """The page map ``(number, start, end)`` of a cached file version."""
        return self.cache.pages(sha256)

    def report_text(self, row: OverviewRow) -> ReportText | None:
        """What :func:`~xxgk_desk.core.batch.compare.compare` needs for a row (from the cache)."""
        if not row.sha256:
            return None
        data, text = self.summary(row.sha256), self.text(row.sha256)
        if data is None or text is None:
            return None
        return ReportText.from_json(data, text, year=row.year, label=row.label)

    def _all_facts(self, shas: Iterable[str]) -> dict[str, _Facts]:
        want = set(shas)
        with self._lock:
            missing = [s for s in want if s not in self._facts]
        for sha, engine, checked_at, summary in self.cache.summaries(missing):
            facts = _facts(summary, engine, checked_at, self.rules)
            with self._lock:
                self._facts[sha] = facts
        with self._lock:
            return {s: self._facts[s] for s in want if s in self._facts}

    # -- rows ----------------------------------------------------------------------------------
    def rows(self, *, documents: Iterable[str] = ()) -> list[OverviewRow]:
        """One row per report in the workspace, plus one per file that could not be read.

        ``documents``: store document ids to list as well even without a file here (reports
        merged from reviewers' review files). Rows come in no particular order: use
        :func:`~.overview.sort_rows` or a proxy model.
        """
        failed, base = self._base_rows(documents)
        extra = self.comparisons.findings_by_row(base)
        return failed + [self._with_extra(r, extra.get(r.key, ())) for r in base]

    def _base_rows(
        self, documents: Iterable[str] = (), only: Callable[[DocumentInfo], bool] | None = None
    ) -> tuple[list[OverviewRow], list[OverviewRow]]:
        """(rows of unreadable files, report rows without year-over-year findings); ``only``
        limits the reports looked at."""
        files = self.files()
        docs = {d.id: d for d in self.store.list_documents() if only is None or only(d)}
        by_sha = {v.file_sha256: d.id for d in docs.values() for v in d.versions}
        facts = self._all_facts(f["file_sha256"] for f in files if f["file_sha256"] in by_sha)
        claims: dict[str, list[dict[str, Any]]] = {}  # report → the files here that are that report
        failed: list[OverviewRow] = []
        for f in files:
            doc_id = by_sha.get(f["file_sha256"]) if f["file_sha256"] else None
            if f["error"] or doc_id is None:
                if only is None:
                    failed.append(self._failed_row(f))
                continue
            claims.setdefault(doc_id, []).append(f)
        pins = self._pins()
        base = []
        for report_id, claimed in claims.items():
            doc, pin = docs[report_id], pins.get(report_id)
            ordered = sorted(claimed, key=lambda f: _version_rank(doc, f, pin), reverse=True)
            current = ordered[0]
            row = self._doc_row(doc, current, facts.get(current["file_sha256"]))
            others = tuple(f["path"] for f in ordered[1:])
            base.append(replace(row, alternatives=others, pinned=pin == current["file_sha256"]))
        for doc_id in documents:
            if doc_id in docs and doc_id not in claims:
                base.append(self._doc_row(docs[doc_id], {}, None))
        return failed, base

    # -- which file of a report is the current one -----------------------------------------------
    def _pins(self) -> dict[str, str]:
        """Report → the file (SHA-256) the reviewer chose to show for it."""
        return {k.removeprefix(PIN): v for k, v in self.store.settings().items() if k.startswith(PIN)}

    def choose_file(self, path: str | os.PathLike) -> OverviewRow:
        """Show ``path`` for its report from now on (a reviewer's choice between two files of one report)."""
        row = self.row_for_file(path)
        if row.document_id is None or row.sha256 is None:
            raise StoreError("invalid", f"这个文件不是已读取的报告，不能设为当前文件：{Path(path).name}。")
        self.store.set_setting(PIN + row.document_id, row.sha256)
        return row

    def unchoose(self, document_id: str) -> None:
        """Back to the automatic choice (the published PDF over a DOCX draft, then the newest file)."""
        self.store.set_setting(PIN + document_id, None)

    def row_for_file(self, path: str | os.PathLike) -> OverviewRow:
        """The row a file belongs to now (without year-over-year findings; see :meth:`rows`)."""
        path = os.path.abspath(path)
        f = self.cache.file(self.name, path)
        if f is None:
            raise KeyError(path)
        doc_id = self.store.find_document(f["file_sha256"]) if f["file_sha256"] else None
        if f["error"] or doc_id is None:
            return self._failed_row(f)
        facts = self._all_facts([f["file_sha256"]]).get(f["file_sha256"])
        return self._doc_row(self.store.get_document(doc_id), f, facts)

    def row(self, key: str) -> OverviewRow | None:
        """The current row ``key`` (after a change in the review window, to refresh one line).

        Only the report and its institution's other years are looked at, not the whole workspace."""
        if key.startswith("file:"):
            f = self.cache.file(self.name, key[5:])
            return self._failed_row(f) if f else None
        try:
            doc = self.store.get_document(key)
        except StoreError:
            return None
        inst = institution_key(doc.institution)
        _, base = self._base_rows(
            [key], only=lambda d: d.id == key or (bool(inst) and institution_key(d.institution) == inst)
        )
        extra = self.comparisons.findings_by_row(base)
        return next((self._with_extra(r, extra.get(r.key, ())) for r in base if r.key == key), None)

    def _failed_row(self, f: dict[str, Any]) -> OverviewRow:
        from xxgk_desk.core.pipeline import kind_from_path

        return OverviewRow(
            key="file:" + f["path"],
            document_id=None,
            path=f["path"],
            sha256=f["file_sha256"],
            kind=kind_from_path(f["path"]),
            error=f["error"] or "尚未检查：请重新添加此文件。",
            error_code=f["error_code"],
            checked_at=f["checked_at"],
        )

    def _doc_row(self, doc: DocumentInfo, f: dict[str, Any], facts: _Facts | None) -> OverviewRow:
        st = self.store
        review = st.get_review(doc.id)
        decisions = st.list_decisions(doc.id)
        notes = [n for n in st.list_notes(doc.id) if not n.is_reply and n.conflict_of is None]
        events = st.events(doc.id)
        last = events[-1].ts if events else doc.updated_at
        corrected = {k: fv.value for k, fv in st.list_fields(doc.id).items() if fv.value is not None}
        common: dict[str, Any] = {
            "key": doc.id,
            "document_id": doc.id,
            "path": f.get("path") or (doc.versions[-1].path if doc.versions else "") or "",
            "sha256": f.get("file_sha256") or (doc.versions[-1].file_sha256 if doc.versions else None),
            "state": review.state,
            "conclusion": review.conclusion,
            "reviewer": review.reviewer,
            "review_summary": review.summary,
            "last_change": last,
            "notes": len(notes),
            "versions": len(doc.versions),
        }
        if facts is None:
            return OverviewRow(**common, institution=doc.institution, year=doc.year,
                               kind=doc.versions[-1].kind if doc.versions else None,
                               pages=doc.versions[-1].pages if doc.versions else None)  # fmt: skip
        counts = [0, 0, 0]
        rules: set[str] = set()
        for key, rule, sev in facts.findings:
            d = decisions.get(key)
            if d is not None and d.decision == "dismissed":
                continue
            counts[SEVERITY_ORDER.index(sev) if sev in SEVERITY_ORDER else 2] += 1
            rules.add(rule)
        return OverviewRow(
            **common,
            kind=facts.kind,
            institution=doc.institution or facts.institution,
            year=doc.year if doc.year is not None else facts.year,
            period_start=corrected.get("period_start", facts.period_start),
            period_end=corrected.get("period_end", facts.period_end),
            report_date=corrected.get("report_date", facts.report_date),
            pages=facts.pages,
            part_keys=facts.part_keys,
            parts=facts.parts,
            findings=(counts[0], counts[1], counts[2]),
            rules=frozenset(rules),
            score=facts.score,
            categories=facts.categories,
            fields=MappingProxyType({**facts.fields, **corrected}),
            checked=True,
            stale=facts.engine != self.engine,
            checked_at=facts.checked_at,
        )

    def _with_extra(self, row: OverviewRow, extra: Sequence[tuple[str, str, str]]) -> OverviewRow:
        if not extra or not row.document_id:
            return row
        decisions = self.store.list_decisions(row.document_id)
        counts = list(row.findings)
        rules = set(row.rules)
        for key, rule, sev in extra:
            d = decisions.get(key)
            if d is not None and d.decision == "dismissed":
                continue
            counts[SEVERITY_ORDER.index(sev) if sev in SEVERITY_ORDER else 2] += 1
            rules.add(rule)
        from dataclasses import replace

        return replace(row, findings=(counts[0], counts[1], counts[2]), rules=frozenset(rules))

    # -- year over year ------------------------------------------------------------------------
    def pairs_by_institution(self, rows: Iterable[OverviewRow] | None = None) -> list[YearPair]:
        """Each report paired with the nearest earlier year of the same institution (see year_over_year)."""
        return pairs_by_institution(self.rows() if rows is None else rows)

    def comparison(self, older: OverviewRow, newer: OverviewRow) -> Comparison | None:
        """The year-over-year comparison of two rows (cached; None without both texts).

        For the side-by-side view also take :meth:`report_text` of each row and call
        :func:`xxgk_desk.core.batch.compare.diff` per section pair.
        """
        return self.comparisons.get(older, newer)

    def refresh_comparisons(self) -> int:
        """Compute the comparisons the workspace's pairs still lack; returns how many pairs there are."""
        return len(self.comparisons.findings_by_row(self._base_rows()[1]))

    def previous(self, row: OverviewRow, rows: Iterable[OverviewRow] | None = None) -> OverviewRow | None:
        """The same institution's report of the nearest earlier year in the workspace, if any."""
        for p in self.pairs_by_institution(rows):
            if p.newer.key == row.key:
                return p.older
        return None

    # -- findings and notes ----------------------------------------------------------------------
    def findings(
        self, row: OverviewRow, rows: Iterable[OverviewRow] | None = None, *, previous: Any = _AUTO
    ) -> list[ReportFinding]:
        """The engine's findings and the year-over-year ones for ``row``, with pages and decisions.

        The year-over-year ones compare with :meth:`previous` among ``rows`` (default: the
        workspace's rows); pass ``previous`` (a row or None) when you already know it."""
        if not row.sha256 or not row.checked:
            return []
        data = self.summary(row.sha256) or {}
        pages = self.pages(row.sha256)
        decisions = self.store.list_decisions(row.document_id) if row.document_id else {}
        items = [(f, "engine") for f in data.get("findings") or ()]
        prev = self.previous(row, rows) if previous is _AUTO else previous
        if prev is not None:
            c = self.comparison(prev, row)
            if c is not None:
                items += [(f.to_json(), "year_over_year") for f in c.findings]
        out = []
        for f, source in items:
            d = decisions.get(f["key"])
            out.append(
                ReportFinding(
                    f["rule"],
                    f["severity"],
                    f["message"],
                    f.get("quote"),
                    f.get("start"),
                    f.get("end"),
                    f.get("part"),
                    f["key"],
                    _page_of(pages, f.get("start")),
                    d.decision if d else "none",
                    d.reason if d else None,
                    source,
                )
            )
        return out

    def notes(self, row: OverviewRow) -> list[Note]:
        """The reviewers' notes on the report (replies and conflict copies included, not deleted ones)."""
        return self.store.list_notes(row.document_id) if row.document_id else []

    # -- coverage and merging ----------------------------------------------------------------------
    def coverage(self, rows: Iterable[OverviewRow] | None = None) -> CoverageMatrix:
        """The coverage picture for ``rows`` (default: every checked row, by institution and year)."""
        if rows is None:
            rows = sorted((r for r in self.rows() if r.checked),
                          key=lambda r: (r.institution or "", r.year or 0, r.key))  # fmt: skip
        return coverage(rows, self.rules)

    def merge_reviews(self, files: Iterable[str | os.PathLike]) -> list[ImportReport]:
        """Import reviewers' review files (``notes export``) into the store; the rows then show
        their states, conclusions, notes and decisions. Reports are matched by file SHA-256,
        else institution + year (see docs/store.md)."""
        return [self.store.import_review(f) for f in files]


#: Which kind of file is the report as published, when several files claim one report.
KIND_RANK = {"pdf": 4, "docx": 3, "doc": 2, "txt": 1}
PIN = "current_file/"  # store setting: report id → the file the reviewer chose


def _version_rank(doc: DocumentInfo, f: dict[str, Any], pinned: str | None = None) -> tuple:
    """The same every run: the reviewer's choice; then the published PDF over a DOCX draft (over
    a .doc, over text); then the newest file (modification time); then the path."""
    kinds = {v.file_sha256: v.kind for v in doc.versions}
    sha = f.get("file_sha256") or ""
    return (
        sha == pinned,
        KIND_RANK.get(kinds.get(sha) or "", 0),
        f.get("mtime_ns") or 0,
        f.get("path") or "",
    )
