"""The overview table's rows, columns, filters and order — plain data a Qt model can wrap.

One :class:`OverviewRow` per report of a workspace (or per file that could not be read).
:data:`COLUMNS` / :func:`columns` say what each column shows and how it sorts, so the window's
``QAbstractTableModel`` (``data``) and ``QSortFilterProxyModel`` (``lessThan``,
``filterAcceptsRow``) and the XLSX/CSV summary all agree:

* ``column.value(row)`` — what a cell shows (text or number, None for empty);
* ``column.sort_key(row)`` — a key that sorts sensibly (empty cells last, text case-folded);
* ``RowFilter(...).accepts(row)`` — the filters (by state, rule, missing part, free text);
* :func:`sort_rows`, :func:`filter_rows`, :func:`neighbour` for code without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from xxgk_desk.core.rules import RuleSet, load_rules

__all__ = [
    "PART_MARK",
    "PART_SHORT",
    "SEVERITY_ORDER",
    "Column",
    "OverviewRow",
    "RowFilter",
    "columns",
    "filter_rows",
    "neighbour",
    "rule_counts",
    "sort_rows",
]

SEVERITY_ORDER = ("error", "warning", "info")
PART_MARK = {"present": "✓", "merged": "◐", "missing": "✗"}
PART_SHORT = {  # column headers for the nine parts (custom parts fall back to their name)
    "overview": "概述",
    "active": "主动公开",
    "on_request": "依申请公开",
    "evaluation": "评议",
    "complaints": "举报复议诉讼",
    "practices": "新做法",
    "problems": "问题与改进",
    "other": "其他事项",
    "annex": "清单表",
}
EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One report as the overview shows it: the engine's summary joined with the review store."""

    key: str  # stable: the store's document id, or "file:<path>" for a file that could not be read
    document_id: str | None
    path: str  # the file shown (the newest version in the workspace); "" if none
    sha256: str | None
    kind: str | None = None
    institution: str | None = None
    year: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    report_date: str | None = None
    pages: int | None = None
    part_keys: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # per part: present / merged / missing ("" when not checked)
    findings: tuple[int, int, int] = (0, 0, 0)  # findings not dismissed, by severity (error, warning, info)
    rules: frozenset[str] = frozenset()  # rule ids among those findings
    score: float | None = None
    state: str = "unreviewed"  # review state id: unreviewed / in_progress / done
    conclusion: str | None = None  # conclusion id: pass / basic_pass / resubmit
    reviewer: str | None = None
    review_summary: str | None = None  # the reviewer's summary of the review (审核意见摘要)
    last_change: str | None = None  # ISO 8601 UTC time of the last change to the report in the store
    error: str | None = None
    error_code: str | None = None
    notes: int = 0  # notes on the report (replies and deleted notes not counted)
    versions: int = 0  # file versions of the report the store knows
    categories: tuple[tuple[int, int], ...] = ()  # per 清单 category: (items covered or n/a, items)
    fields: Mapping[str, Any] = field(
        default_factory=lambda: EMPTY
    )  # key field values, the reviewer's corrections applied
    #: other files in the workspace that are the same report (same institution and year), best first
    alternatives: tuple[str, ...] = ()
    pinned: bool = False  # the reviewer chose ``path`` among them (else: PDF over DOCX, then newest)
    checked: bool = False  # the engine's results are there
    stale: bool = False  # checked by another program or rules version: add the file again to refresh
    checked_at: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def gov_template(self) -> bool:
        """The report is written in the government template (政府信息公开工作年度报告), not a university's."""
        return "gov_template" in self.rules

    @property
    def errors(self) -> int:
        return self.findings[0]

    @property
    def warnings(self) -> int:
        return self.findings[1]

    @property
    def infos(self) -> int:
        return self.findings[2]

    @property
    def period(self) -> str:
        """``2023-09-01 至 2024-08-31`` (or one end, or "")."""
        if self.period_start and self.period_end:
            return f"{self.period_start} 至 {self.period_end}"
        return self.period_start or self.period_end or ""

    @property
    def label(self) -> str:
        """``某某大学 2024`` (the file name when the institution is unknown)."""
        name = self.institution or (
            self.path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] if self.path else self.key
        )
        return f"{name} {self.year}" if self.year is not None else name

    def part(self, key: str) -> str:
        """The status of standard part ``key`` ("" when unknown)."""
        try:
            return self.parts[self.part_keys.index(key)]
        except (ValueError, IndexError):
            return ""

    @property
    def missing_parts(self) -> tuple[str, ...]:
        return tuple(k for k, s in zip(self.part_keys, self.parts, strict=False) if s == "missing")


# -- columns ---------------------------------------------------------------------------------


def _none_last(value: Any) -> tuple:
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


@dataclass(frozen=True)
class Column:
    """One overview column: key, Chinese header, cell value and sort key."""

    key: str
    header: str
    value: Callable[[OverviewRow], Any]
    sort: Callable[[OverviewRow], Any] | None = None
    kind: str = "text"  # text / number / part / state / time

    def sort_key(self, row: OverviewRow) -> tuple:
        return _none_last((self.sort or self.value)(row))


def _label(kind: str, value: str | None) -> str:
    if not value:
        return ""
    from xxgk_desk.core.store import vocabulary

    return vocabulary(kind).get(value, value)


_STATE_RANK = {"unreviewed": 0, "in_progress": 1, "done": 2}


def _file_name(r: OverviewRow) -> str:
    return r.path.replace("\\", "/").rsplit("/", 1)[-1] if r.path else ""


def _file_label(r: OverviewRow) -> str:
    """The file shown, and how many other files claim the same report (``报告.pdf（另有 1 个文件）``)."""
    name = _file_name(r)
    return f"{name}（另有 {len(r.alternatives)} 个文件）" if r.alternatives else name


def _part_column(key: str, name: str) -> Column:
    rank = {"present": 0, "merged": 1, "missing": 2}
    return Column(f"part:{key}", PART_SHORT.get(key, name), lambda r: PART_MARK.get(r.part(key), ""),
                  lambda r: rank.get(r.part(key)), "part")  # fmt: skip


def columns(rules: RuleSet | None = None) -> tuple[Column, ...]:
    """The overview's columns in display order; the part columns follow the rules' parts."""
    rules = rules or load_rules()
    head = (
        Column("institution", "学校", lambda r: r.institution or _file_name(r)),
        Column("year", "年度", lambda r: r.year, kind="number"),
        Column("period", "统计期限", lambda r: r.period),
        Column("pages", "页数", lambda r: r.pages, kind="number"),
        Column("template", "格式", lambda r: "政府格式" if r.gov_template else None),
    )
    parts = tuple(_part_column(p.key, p.name) for p in rules.parts)
    tail = (
        Column("errors", "严重", lambda r: r.errors if r.checked else None, kind="number"),
        Column("warnings", "警告", lambda r: r.warnings if r.checked else None, kind="number"),
        Column("infos", "提示", lambda r: r.infos if r.checked else None, kind="number"),
        Column("score", "得分", lambda r: r.score, kind="number"),
        Column(
            "state",
            "审核状态",
            lambda r: _label("state", r.state),
            lambda r: _STATE_RANK.get(r.state),
            "state",
        ),
        Column("conclusion", "审核结论", lambda r: _label("conclusion", r.conclusion)),
        Column("reviewer", "审核人", lambda r: r.reviewer),
        Column(
            "last_change", "最后修改", lambda r: _local_time(r.last_change), lambda r: r.last_change, "time"
        ),
        Column("notes", "批注", lambda r: r.notes, kind="number"),
        Column("file", "文件", _file_label),
        Column("error", "错误", lambda r: r.error),
    )
    return head + parts + tail


def _local_time(iso: str | None) -> str | None:
    """``2025-01-02 11:04`` in local time from the store's UTC ISO string."""
    if not iso:
        return None
    from datetime import datetime

    try:
        t = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


# -- filters and order -----------------------------------------------------------------------


@dataclass(frozen=True)
class RowFilter:
    """The overview's filters; an empty filter accepts every row.

    ``states``: review state ids (or Chinese labels) to keep; ``rule``: keep rows with a
    (not dismissed) finding of this rule id; ``missing_part``: keep rows where this part key is
    missing (``"*"``: any part); ``text``: case- and space-insensitive search in institution,
    year, file name, reviewer, state, conclusion and error; ``failed``: True keeps only files
    that could not be read, False only readable ones.
    """

    states: frozenset[str] = frozenset()
    rule: str | None = None
    missing_part: str | None = None
    text: str = ""
    failed: bool | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.states or self.rule or self.missing_part or self.text.strip() or self.failed is not None
        )

    def accepts(self, row: OverviewRow) -> bool:
        if self.states:
            wanted = {_state_id(s) for s in self.states}
            if row.state not in wanted:
                return False
        if self.rule and self.rule not in row.rules:
            return False
        if self.missing_part:
            if self.missing_part == "*":
                if not row.missing_parts:
                    return False
            elif row.part(self.missing_part) != "missing":
                return False
        if self.failed is not None and (row.error is not None) != self.failed:
            return False
        needle = "".join(self.text.split()).casefold()
        if needle:
            hay = [row.institution, str(row.year or ""), _file_name(row), row.reviewer, row.error,
                   _label("state", row.state), _label("conclusion", row.conclusion), row.path]  # fmt: skip
            if not any(needle in "".join((h or "").split()).casefold() for h in hay):
                return False
        return True


def _state_id(value: str) -> str:
    from xxgk_desk.core.store import vocabulary

    for k, label in vocabulary("state").items():
        if value in (k, label):
            return k
    return value


def filter_rows(rows: Iterable[OverviewRow], flt: RowFilter) -> list[OverviewRow]:
    return [r for r in rows if flt.accepts(r)]


def sort_rows(
    rows: Iterable[OverviewRow],
    column: str = "institution",
    *,
    descending: bool = False,
    rules: RuleSet | None = None,
) -> list[OverviewRow]:
    """Rows sorted by a column key (ties: institution, then year, then key); empty cells last."""
    col = {c.key: c for c in columns(rules)}[column]
    inst = {c.key: c for c in columns(rules)}["institution"]
    rows = sorted(rows, key=lambda r: (inst.sort_key(r), _none_last(r.year), r.key))
    if not descending:
        return sorted(rows, key=col.sort_key)
    filled = [r for r in rows if col.sort_key(r)[0] == 0]
    empty = [r for r in rows if col.sort_key(r)[0] == 1]
    return sorted(filled, key=col.sort_key, reverse=True) + empty


def rule_counts(rows: Iterable[OverviewRow], rules: RuleSet | None = None) -> list[tuple[str, str, int]]:
    """``(rule id, Chinese title, reports with it)`` for the rule filter's list, most frequent first."""
    rules = rules or load_rules()
    counts: dict[str, int] = {}
    for r in rows:
        for rule in r.rules:
            counts[rule] = counts.get(rule, 0) + 1
    titles = {r.id: r.title for r in rules.rules}
    return sorted(((k, titles.get(k, k), n) for k, n in counts.items()), key=lambda x: (-x[2], x[0]))


def neighbour(rows: Sequence[OverviewRow], key: str, step: int = 1) -> OverviewRow | None:
    """The row ``step`` places after (negative: before) the row ``key`` in ``rows``' order
    (for "next / previous report" in the review window); None at either end or if absent."""
    for i, r in enumerate(rows):
        if r.key == key:
            j = i + step
            return rows[j] if 0 <= j < len(rows) else None
    return None
