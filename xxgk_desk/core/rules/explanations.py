"""Why each rule exists: ``resources/rules/explanations.yaml`` read into frozen records.

One :class:`Explanation` per rule id (what the check finds in a reviewer's words, basis documents
with their dates, why it matters, what to do, an example), in Chinese and English. :func:`rule_entries` joins them with the rule catalogue
for the rules list (帮助 → 审核规则) and the letter's appendix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from xxgk_desk.core.resources import resource


class ExplanationsError(ValueError):
    """The explanations file is malformed (one line naming the entry)."""


@dataclass(frozen=True)
class Basis:
    key: str
    title: str
    title_en: str = ""
    number: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str = ""
    note_en: str = ""
    dates_exact: bool = (
        True  # False: the dates are a best guess (said so in the rules list, left out of letters)
    )

    def text(
        self,
        english: bool = False,
        date_format: Callable[[dt.date], str] = dt.date.isoformat,
        *,
        exact_only: bool = False,
    ) -> str:
        """Title, number and dates in one line (``《办法》（教育部令第29号），2010-09-01起施行``);
        ``date_format`` writes a date another way (the letter: ``2010年9月1日``); with ``exact_only``
        (what goes to a university) dates that are only a best guess are left out."""
        title = (self.title_en or self.title) if english else self.title
        number = (
            f" ({self.number})" if english and self.number else f"（{self.number}）" if self.number else ""
        )
        if not self.dates_exact and exact_only:
            return title + number
        dates = _dates(self.valid_from, self.valid_to, english, date_format)
        if dates and not self.dates_exact:
            dates += " (date unconfirmed)" if english else "（日期未核实）"
        return title + number + dates


@dataclass(frozen=True)
class Explanation:
    rule: str
    basis: tuple[Basis, ...]
    finds: str = ""  # what the check finds, for reviewers (rules.yaml's ``detects`` is the maintainers' spec)
    finds_en: str = ""
    article: str = ""
    article_en: str = ""
    why: str = ""
    why_en: str = ""
    todo: str = ""
    todo_en: str = ""
    example: str = ""
    example_en: str = ""

    def get(self, attr: str, english: bool = False) -> str:
        """``attr`` in the language asked for (the Chinese text when the English is missing)."""
        value = getattr(self, f"{attr}_en") if english else ""
        return str(value or getattr(self, attr))


@dataclass(frozen=True)
class RuleEntry:
    """One line of the rules list: the catalogue's title and severity beside the explanation."""

    id: str
    title: str
    severity: str
    finds: str  # in the language asked for
    explanation: Explanation


def _dates(start: dt.date | None, end: dt.date | None, english: bool, fmt: Callable[[dt.date], str]) -> str:
    if english:
        if start and end:
            return f", in force {fmt(start)} – {fmt(end)}"
        if start:
            return f", in force from {fmt(start)}"
        return f", in force until {fmt(end)}" if end else ""
    if start and end:
        return f"，{fmt(start)}至{fmt(end)}有效"
    if start:
        return f"，{fmt(start)}起施行"
    return f"，{fmt(end)}废止" if end else ""


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    raise ExplanationsError(f"{where}：日期应写成 YYYY-MM-DD，而不是“{value}”")


def _text(d: dict, key: str, where: str) -> str:
    value = d.get(key, "")
    if not isinstance(value, str):
        raise ExplanationsError(f"{where}.{key}：应为文字")
    return value.strip()


def read_explanations(path: Path) -> dict[str, Explanation]:
    """Every explanation in ``path`` by rule id (ExplanationsError on a malformed entry)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"第{mark.line + 1}行：" if mark is not None else ""
        raise ExplanationsError(f"{path.name}：无法读取（{line}{str(exc).splitlines()[0]}）") from exc
    bases: dict[str, Basis] = {}
    for key, d in (data.get("bases") or {}).items():
        where = f"{path.name} bases.{key}"
        if not isinstance(d, dict) or not d.get("title"):
            raise ExplanationsError(f"{where}：缺少 title")
        texts = {k: _text(d, k, where) for k in ("title", "title_en", "number", "note", "note_en")}
        vf, vt = _date(d.get("valid_from"), where), _date(d.get("valid_to"), where)
        exact = d.get("dates_exact", True)
        if not isinstance(exact, bool):
            raise ExplanationsError(f"{where}.dates_exact：应为 true 或 false")
        bases[str(key)] = Basis(str(key), valid_from=vf, valid_to=vt, dates_exact=exact, **texts)
    out: dict[str, Explanation] = {}
    for i, d in enumerate(data.get("explanations") or []):
        rid = str(d.get("id", "")) if isinstance(d, dict) else ""
        where = f"{path.name} explanations[{rid or i}]"
        if not rid:
            raise ExplanationsError(f"{where}：缺少 id")
        if rid in out:
            raise ExplanationsError(f"{where}：规则 id 重复")
        names = d.get("basis") or []
        unknown = [n for n in names if n not in bases]
        if unknown or not names:
            raise ExplanationsError(f"{where}：依据“{'、'.join(map(str, unknown)) or '（空）'}”不在 bases 中")
        fields = ("finds", "article", "why", "todo", "example")
        texts = {k: _text(d, k, where) for f in fields for k in (f, f"{f}_en")}
        if not texts["finds"] or not texts["why"] or not texts["todo"]:
            raise ExplanationsError(f"{where}：缺少 finds、why 或 todo")
        out[rid] = Explanation(rid, tuple(bases[n] for n in names), **texts)
    return out


@cache
def load_explanations() -> dict[str, Explanation]:
    """The shipped explanations (read once)."""
    return read_explanations(resource("rules", "explanations.yaml"))


def explanation(rule_id: str) -> Explanation | None:
    return load_explanations().get(rule_id)


def rule_entries(rules: Any, english: bool = False) -> list[RuleEntry]:
    """Every rule of the catalogue (a RuleSet) with its explanation, in the catalogue's order."""
    notes = load_explanations()
    entries = []
    for r in rules.rules:
        ex = notes.get(r.id)
        if ex is None:
            continue
        title = (r.title_en or r.title) if english else r.title
        entries.append(RuleEntry(r.id, title, r.severity, ex.get("finds", english), ex))
    return entries
