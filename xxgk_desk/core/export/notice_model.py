"""The province's circular (通报) on one academic year's reports, gathered from the overview's rows.

The institutions of the province come from the Ministry's list (resources/institutions, read through
the engine's registry), so the ones that sent nothing are named. Each report is matched to the list by
the name it carries (the reviewer's correction first); on time / late is the engine's ``late_report``
judgement (unless the reviewer dismissed it); problems are the reviewer's open notes (not highlights,
replies or merge copies), by note category — the same count the summary's 问题与批注 sheet lists.
With ``include_automatic`` a report nobody has reviewed counts its undecided findings instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from xxgk_desk.core.batch import OverviewRow
from xxgk_desk.core.engine.institutions import Institution, registry
from xxgk_desk.core.rules import RuleSet

from .fmt import cn_date
from .letter_model import title_lines
from .letter_settings import LetterSettings
from .wording import wording

REGULAR = "普通高校"  # the list's kind of the institutions the notice counts
#: a listed institution's submission, in the order the 通报 and its charts name them
STATUSES = ("on_time", "late", "undated", "missing")


@dataclass(frozen=True)
class NoticeRow:
    """One line of the annex table."""

    institution: str
    received: bool
    report_date: str | None  # ISO date
    conclusion: str | None  # conclusion id
    conclusion_label: str | None
    score: float | None
    problems: int  # confirmed problems (open notes, not highlights)
    late: bool = False
    level: str = ""  # the list's 办学层次: 本科 / 专科
    row: OverviewRow | None = None  # the overview's row of the report received (None: missing)

    @property
    def status(self) -> str:
        """One of :data:`STATUSES`: on time, late (``late_report``), undated (no 落款 date), missing."""
        if not self.received:
            return "missing"
        if self.late:
            return "late"
        return "undated" if not self.report_date else "on_time"


@dataclass(frozen=True)
class ProblemCategory:
    key: str
    title: str
    institutions: tuple[str, ...]
    problems: int


@dataclass(frozen=True)
class Notice:
    masthead: str
    number: str
    title: str
    title_lines: tuple[str, ...]
    province: str
    school_year: str
    year: int | None
    listed: int  # institutions of the province on the Ministry's list
    received: int
    on_time: int
    late: int
    undated: int
    missing: tuple[str, ...]  # listed institutions without a report
    unlisted: tuple[str, ...]  # reports whose school is not on the list (names as written)
    conclusions: tuple[tuple[str, str, int], ...]  # (id, label, institutions)
    pending: int  # received reports without a conclusion
    average: float | None
    categories: tuple[ProblemCategory, ...]
    rows: tuple[NoticeRow, ...]
    issuer: str
    date: str
    we: str
    deadline_days: int


def province_records(province: str) -> list[Institution]:
    """The list's regular institutions of ``province`` (``湖北`` or ``湖北省``), by code."""
    seen: dict[str, Institution] = {}
    for record, _how, _note in registry().by_name.values():
        if record.kind == REGULAR and _same_province(record.province, province):
            seen.setdefault(record.code, record)
    return sorted(seen.values(), key=lambda r: r.code)


def provinces() -> list[str]:
    """The provinces of the list's regular institutions, in the order of their administrative codes
    (a 学校标识码 41xx… carries the province's code in xx)."""
    keys: dict[str, Counter[str]] = {}
    for record, _how, _note in registry().by_name.values():
        if record.kind == REGULAR and record.province:
            key = record.code[1:3] if record.code.startswith("41") else "99"
            keys.setdefault(record.province, Counter())[key] += 1
    return sorted(keys, key=lambda p: (keys[p].most_common(1)[0][0], p))


def _same_province(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def _record(row: OverviewRow) -> Institution | None:
    name = row.institution or ""
    match = registry().lookup(name) if name else None
    return match.record if match is not None else None


def confirmed_problems(ws: Any, row: OverviewRow, include_automatic: bool, rules: RuleSet) -> list[str]:
    """The categories of the report's confirmed problems, one entry per problem."""
    notes = [n for n in ws.notes(row) if not n.is_reply and not n.conflict_of]
    out = [n.category for n in notes if n.category != "highlight" and n.status == "open"]
    if out or not include_automatic or notes or row.state != "unreviewed":
        return out
    cats = {r.id: r.category for r in rules.rules}
    return [
        cats.get(f.rule, "other") for f in ws.findings(row) if f.decision == "none" and f.source == "engine"
    ]


def choose_year(rows: Sequence[OverviewRow]) -> int | None:
    years = Counter(r.year for r in rows if r.ok and r.year is not None)
    return years.most_common(1)[0][0] if years else None


def choose_province(rows: Sequence[OverviewRow]) -> str | None:
    """The province most of the reports' schools are in (by the Ministry's list)."""
    found = Counter(
        rec.province for rec in (_record(r) for r in rows if r.ok) if rec is not None and rec.province
    )
    return found.most_common(1)[0][0] if found else None


def collect_notice(
    ws: Any,
    rows: Sequence[OverviewRow],
    *,
    province: str | None = None,
    year: int | None = None,
    settings: LetterSettings | None = None,
    include_automatic: bool = False,
    number: str | int | None = None,
    when: date | None = None,
) -> Notice:
    """The 通报 for ``rows`` of workspace ``ws`` (the overview's rows): the reports of ``year`` (default:
    the most common) from ``province`` (default: where most of the schools are)."""
    settings = settings or LetterSettings()
    words = wording()
    rules = ws.rules
    from xxgk_desk.core.store import vocabulary

    labels = vocabulary("conclusion")
    year = year if year is not None else choose_year(rows)
    readable = [r for r in rows if r.ok and r.checked and (year is None or r.year == year)]
    province = province or choose_province(readable) or ""
    records = province_records(province) if province else []
    official = records[0].province if records else province
    by_code: dict[str, OverviewRow] = {}
    unlisted: list[str] = []
    for r in readable:
        rec = _record(r)
        if rec is None:
            unlisted.append(r.institution or r.path.replace("\\", "/").rsplit("/", 1)[-1])
        elif rec.kind == REGULAR and _same_province(rec.province, official):
            by_code.setdefault(rec.code, r)
    names = {rec.code: rec.name for rec in records}
    table: list[NoticeRow] = []
    category_schools: dict[str, list[str]] = {}
    category_problems: Counter[str] = Counter()
    for rec in records:
        got = by_code.get(rec.code)
        if got is None:
            table.append(NoticeRow(rec.name, False, None, None, None, None, 0, level=rec.level))
            continue
        r = got
        problems = confirmed_problems(ws, r, include_automatic, rules)
        for cat, n in Counter(problems).items():
            category_schools.setdefault(cat, []).append(rec.name)
            category_problems[cat] += n
        table.append(
            NoticeRow(
                names[rec.code],
                True,
                r.report_date,
                r.conclusion,
                labels.get(r.conclusion, r.conclusion) if r.conclusion else None,
                r.score,
                len(problems),
                late="late_report" in r.rules,
                level=rec.level,
                row=r,
            )
        )
    received = [t for t in table if t.received]
    status = Counter(t.status for t in table)
    conclusions = tuple(
        (c.id, c.label, sum(1 for t in received if t.conclusion == c.id))
        for c in rules.vocabulary.conclusions
    )
    scores = [t.score for t in received if t.score is not None]
    order = {c.id: i for i, c in enumerate(rules.vocabulary.note_categories)}
    category_labels = {c.id: c.label for c in rules.vocabulary.note_categories}
    cats = sorted(
        category_schools, key=lambda k: (-len(category_schools[k]), -category_problems[k], order.get(k, 99))
    )
    categories = tuple(
        ProblemCategory(
            k,
            words.optional(f"notice.problem_titles.{k}") or category_labels.get(k, k),
            tuple(category_schools[k]),
            category_problems[k],
        )
        for k in cats
    )
    school_year = f"{year - 1}—{year}学年" if year else ""
    title = words.text("notice.title", school_year=school_year)
    day = when or date.today()
    return Notice(
        masthead=settings.masthead.strip(),
        number=settings.number(number, day),
        title=title,
        title_lines=title_lines(title, (school_year,)),
        province=official,
        school_year=school_year,
        year=year,
        listed=len(records),
        received=len(received),
        on_time=status["on_time"],
        late=status["late"],
        undated=status["undated"],
        missing=tuple(t.institution for t in table if not t.received),
        unlisted=tuple(unlisted),
        conclusions=conclusions,
        pending=sum(1 for t in received if not t.conclusion),
        average=round(sum(scores) / len(scores), 1) if scores else None,
        categories=categories,
        rows=tuple(table),
        issuer=settings.issuer_text,
        date=cn_date(day),
        we=settings.we,
        deadline_days=settings.deadline_days,
    )
