"""The province's charts as data: what each shows (title, categories, series, notes), no drawing.

Four charts of one 通报's reports (:func:`province_charts`), all from the :class:`Notice` so that the
window's 图表 tab, the 通报's pictures and the summary's 图表 sheet count the same reports the
通报's text does:

* ``scores`` — how many received reports have a completeness score in each band of ten points;
* ``problems`` — the share of received reports with a (not dismissed) finding of each rule, most
  common first (the overview's :func:`rule_counts`);
* ``timeliness`` — the province's listed institutions on time / late / undated / missing
  (:attr:`NoticeRow.status`, the 通报's own judgement);
* ``by_level`` — the same by the list's 办学层次 (本科 / 专科), with the average score per level.

Titles, labels and colours are in ``resources/rules/charts.yaml`` (Chinese and English).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from xxgk_desk.core.batch import rule_counts
from xxgk_desk.core.resources import resource
from xxgk_desk.core.rules import RuleSet

from .errors import ExportError
from .notice_model import STATUSES, Notice
from .wording import template_problem

__all__ = ["KEYS", "Chart", "ChartWords", "Series", "chart_words", "province_charts"]

FILE = ("rules", "charts.yaml")
KEYS = ("scores", "problems", "timeliness", "by_level")
#: per chart: the sentences the code fills and their placeholders
_CHART_TEXTS: dict[str, dict[str, frozenset[str]]] = {
    "scores": {"note": frozenset({"count", "average"}), "unscored": frozenset({"count"})},
    "problems": {"label": frozenset({"share", "count"}), "note": frozenset({"count"}),
                 "more": frozenset({"count"})},
    "timeliness": {"note": frozenset({"province", "listed"})},
    "by_level": {"category": frozenset({"level", "count"}), "note": frozenset({"scores"}),
                 "score": frozenset({"level", "average"})},
}  # fmt: skip
_PLAIN = ("title", "category_axis", "axis")
_TOP = {"empty": frozenset(), "no_province": frozenset(), "unlisted": frozenset({"count"}),
        "level_unknown": frozenset(), "figure": frozenset({"number", "title"}), "no_font": frozenset()}  # fmt: skip


@dataclass(frozen=True)
class Series:
    """One row of values over the chart's categories."""

    key: str
    name: str
    values: tuple[float, ...]
    colour: str  # #RRGGBB
    labels: tuple[str, ...] = ()  # per category, written at the end of the bar ("" for none)


@dataclass(frozen=True)
class Chart:
    """One chart: bars over ``categories`` (columns when ``horizontal`` is False), one bar per series
    side by side, or stacked; ``point_colours`` colours the bars of a single series one by one."""

    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    category_axis: str
    axis: str
    horizontal: bool = False
    stacked: bool = False
    percent: bool = False  # values are shares from 0 to 1
    point_colours: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    empty_text: str = ""  # what to write instead of bars when there is nothing to show

    @property
    def empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values)

    @property
    def legend(self) -> bool:
        return len(self.series) > 1


class ChartWords:
    """The checked chart wording in one language: ``text("scores.note", count=3, average=80)``."""

    def __init__(self, data: Mapping[str, Any], where: str, language: str = "zh") -> None:
        self.data, self.where = data, where
        self.english = language.startswith("en")
        charts = data.get("charts")
        if not isinstance(charts, Mapping):
            raise self._fail("charts", "缺少这一项")
        for key in KEYS:
            entry = charts.get(key)
            if not isinstance(entry, Mapping):
                raise self._fail(f"charts.{key}", "缺少这一项")
            wanted: dict[str, frozenset[str]] = dict.fromkeys(_PLAIN, frozenset()) | _CHART_TEXTS[key]
            for name, allowed in wanted.items():
                self._check(f"charts.{key}.{name}", entry, name, allowed)
        for name, allowed in _TOP.items():
            self._check(name, data, name, allowed)
        statuses = data.get("statuses")
        for status in STATUSES:
            entry = statuses.get(status) if isinstance(statuses, Mapping) else None
            if not isinstance(entry, Mapping):
                raise self._fail(f"statuses.{status}", "缺少这一项")
            self._check(f"statuses.{status}.label", entry, "label", frozenset())
            if not _colour(entry.get("colour")):
                raise self._fail(f"statuses.{status}.colour", "应为 #RRGGBB 形式的颜色")
        for key in ("scores", "problems", "timeliness"):
            if not _colour(charts[key].get("colour")):
                raise self._fail(f"charts.{key}.colour", "应为 #RRGGBB 形式的颜色")
        for name in ("score_bin", "top_problems"):
            value = data.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
                raise self._fail(name, "应为 1 到 100 之间的整数")

    def _fail(self, key: str, why: str) -> ExportError:
        return ExportError("wording", f"图表措辞文件 {self.where} 中“{key}”有误：{why}。")

    def _check(self, key: str, entry: Mapping[str, Any], name: str, allowed: frozenset[str]) -> None:
        for variant in (name, f"{name}_en"):
            value = entry.get(variant)
            if value is None and variant != name:
                continue  # English is optional: Chinese stands in
            if not isinstance(value, str) or not value.strip():
                raise self._fail(key if variant == name else f"{key}_en", "应为文字")
            problem = template_problem(value, allowed)
            if problem:
                raise self._fail(key, problem)

    def _entry(self, key: str) -> tuple[Mapping[str, Any], str]:
        *path, name = key.split(".")
        node: Any = self.data
        for part in path:
            node = node[part]
        return node, name

    def text(self, key: str, **values: Any) -> str:
        """The sentence ``key`` (dotted, e.g. ``charts.scores.title``) in this language, filled in."""
        node, name = self._entry(key)
        raw = (node.get(f"{name}_en") if self.english else None) or node[name]
        return str(raw).format(**values) if values else str(raw)

    def chart(self, chart: str, name: str, **values: Any) -> str:
        return self.text(f"charts.{chart}.{name}", **values)

    def colour(self, key: str) -> str:
        node, name = self._entry(key)
        return str(node[name])

    def status(self, status: str) -> str:
        return self.text(f"statuses.{status}.label")

    def level(self, level: str) -> str:
        if not level:
            return self.text("level_unknown")
        levels = self.data.get("levels")
        entry = levels.get(level) if isinstance(levels, Mapping) else None
        if not isinstance(entry, Mapping):
            return level
        return str((entry.get("label_en") if self.english else None) or entry.get("label") or level)

    @property
    def score_bin(self) -> int:
        return int(self.data["score_bin"])

    @property
    def top_problems(self) -> int:
        return int(self.data["top_problems"])


def _colour(value: Any) -> bool:
    return (
        isinstance(value, str)
        and len(value) == 7
        and value[0] == "#"
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    )


@cache
def _load() -> tuple[Mapping[str, Any], str]:
    path = resource(*FILE)
    where = "/".join(FILE)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ExportError("wording", f"找不到图表措辞文件 {where}。") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise ExportError("wording", f"图表措辞文件 {where} {line}格式有误。") from None
    if not isinstance(data, Mapping):
        raise ExportError("wording", f"图表措辞文件 {where} 格式有误。")
    return data, where


@cache
def chart_words(language: str = "zh") -> ChartWords:
    """The shipped chart wording in ``language`` (``zh`` or ``en``), checked once."""
    data, where = _load()
    return ChartWords(data, where, language)


# -- the charts -----------------------------------------------------------------------------------


def _points(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def score_chart(notice: Notice, words: ChartWords) -> Chart:
    """Received reports per band of ``score_bin`` points (the last band ends at 100)."""
    step = words.score_bin
    bands = list(range(0, 100, step))
    scores = [r.score for r in notice.rows if r.received and r.score is not None]
    counts = Counter(min(int(s // step), len(bands) - 1) for s in scores)
    categories = tuple(f"{lo}–{min(lo + step, 100) - (1 if lo + step < 100 else 0)}" for lo in bands)
    values = tuple(float(counts.get(i, 0)) for i in range(len(bands)))
    notes = []
    if scores:
        notes.append(words.chart("scores", "note", count=len(scores), average=_points(notice.average)))
    unscored = sum(1 for r in notice.rows if r.received and r.score is None)
    if unscored:
        notes.append(words.chart("scores", "unscored", count=unscored))
    series = Series("reports", words.chart("scores", "series"), values, words.colour("charts.scores.colour"),
                    tuple(str(int(v)) if v else "" for v in values))  # fmt: skip
    return Chart("scores", words.chart("scores", "title"), categories, (series,),
                 words.chart("scores", "category_axis"), words.chart("scores", "axis"),
                 notes=tuple(notes), empty_text=words.text("empty"))  # fmt: skip


def problem_chart(notice: Notice, rules: RuleSet, words: ChartWords) -> Chart:
    """The share of received reports with each rule's findings, most common first (horizontal bars)."""
    rows = [r.row for r in notice.rows if r.row is not None]
    counts = rule_counts(rows, rules)
    shown = counts[: words.top_problems]
    english = {r.id: r.title_en for r in rules.rules if r.title_en} if words.english else {}
    total = len(rows)
    shares = tuple(n / total for _id, _title, n in shown) if total else ()
    labels = tuple(
        words.chart("problems", "label", share=f"{share:.0%}", count=n)
        for share, (_id, _t, n) in zip(shares, shown, strict=True)
    )
    notes = [words.chart("problems", "note", count=total)] if total else []
    if len(counts) > len(shown):
        notes.append(words.chart("problems", "more", count=len(counts) - len(shown)))
    series = Series("share", words.chart("problems", "series"), shares,
                    words.colour("charts.problems.colour"), labels)  # fmt: skip
    return Chart("problems", words.chart("problems", "title"),
                 tuple(english.get(rid, title) for rid, title, _n in shown), (series,),
                 words.chart("problems", "category_axis"), words.chart("problems", "axis"),
                 horizontal=True, percent=True, notes=tuple(notes), empty_text=words.text("empty"))  # fmt: skip


def _statuses(notice: Notice) -> tuple[str, ...]:
    """The statuses to show: all but 'undated' when no report lacks its date."""
    present = {r.status for r in notice.rows}
    return tuple(s for s in STATUSES if s != "undated" or s in present)


def timeliness_chart(notice: Notice, words: ChartWords) -> Chart:
    """The listed institutions by submission status (one bar per status, in the status's colour)."""
    statuses = _statuses(notice) if notice.listed else ()
    counts = Counter(r.status for r in notice.rows)
    values = tuple(float(counts.get(s, 0)) for s in statuses)
    notes = []
    if notice.listed:
        notes.append(words.chart("timeliness", "note", province=notice.province, listed=notice.listed))
    if notice.unlisted:
        notes.append(words.text("unlisted", count=len(notice.unlisted)))
    series = Series("institutions", words.chart("timeliness", "series"), values,
                    words.colour("charts.timeliness.colour"), tuple(str(int(v)) for v in values))  # fmt: skip
    return Chart("timeliness", words.chart("timeliness", "title"), tuple(words.status(s) for s in statuses),
                 (series,), words.chart("timeliness", "category_axis"), words.chart("timeliness", "axis"),
                 horizontal=True, point_colours=tuple(words.colour(f"statuses.{s}.colour") for s in statuses),
                 notes=tuple(notes),
                 empty_text=words.text("empty") if notice.listed else words.text("no_province"))  # fmt: skip


def level_order(levels: set[str]) -> list[str]:
    """本科 first, then 专科, then any other level the list has (an empty one last)."""
    known = ["本科", "专科"]
    return (
        [lv for lv in known if lv in levels]
        + sorted(levels - set(known) - {""})
        + ([""] if "" in levels else [])
    )


def level_chart(notice: Notice, words: ChartWords) -> Chart:
    """Per 办学层次: the listed institutions on time / late / undated / missing, stacked."""
    by_level: dict[str, list[Any]] = {}
    for r in notice.rows:
        by_level.setdefault(r.level, []).append(r)
    levels = level_order(set(by_level))
    statuses = _statuses(notice) if notice.listed else ()
    series = tuple(
        Series(
            s,
            words.status(s),
            tuple(float(sum(1 for r in by_level[lv] if r.status == s)) for lv in levels),
            words.colour(f"statuses.{s}.colour"),
        )
        for s in statuses
    )
    categories = tuple(
        words.chart("by_level", "category", level=words.level(lv), count=len(by_level[lv])) for lv in levels
    )
    averages = []
    for lv in levels:
        scores = [r.score for r in by_level[lv] if r.received and r.score is not None]
        average = round(sum(scores) / len(scores), 1) if scores else None
        averages.append(words.chart("by_level", "score", level=words.level(lv), average=_points(average)))
    joined = ("; " if words.english else "；").join(averages)
    notes = (words.chart("by_level", "note", scores=joined),) if levels else ()
    return Chart("by_level", words.chart("by_level", "title"), categories, series,
                 words.chart("by_level", "category_axis"), words.chart("by_level", "axis"),
                 horizontal=True, stacked=True, notes=notes,
                 empty_text=words.text("empty") if notice.listed else words.text("no_province"))  # fmt: skip


def province_charts(notice: Notice, rules: RuleSet, *, language: str = "zh") -> tuple[Chart, ...]:
    """The four charts of ``notice``'s reports, in :data:`KEYS` order, worded in ``language``."""
    words = chart_words(language)
    return (
        score_chart(notice, words),
        problem_chart(notice, rules, words),
        timeliness_chart(notice, words),
        level_chart(notice, words),
    )
