"""Dates and date ranges in Chinese reports: 2024年10月28日, 二〇二四年十月三十日, 2024-10-28, ranges with 至/到/—."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from xxgk_desk.core.engine.numbers import parse_chinese

_Y = r"(?P<{p}y>\d{{4}}|[〇○零Ｏ一二三四五六七八九]{{4}})\s*年\s*"
_M = r"(?P<{p}m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*"
_D = r"(?P<{p}d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号]"

DATE_CN = _Y.format(p="") + _M.format(p="") + _D.format(p="")
DATE_NUM = r"(?P<ny>\d{4})\s*[-./／]\s*(?P<nm>\d{1,2})\s*[-./／]\s*(?P<nd>\d{1,2})(?!\d)"
DATE_RE = re.compile(rf"{DATE_CN}|{DATE_NUM}")

_SEP = r"\s*(?:起\s*)?(?:至|到|—+|–|-|－|~|～|起至|起到)\s*"
_RANGE_A = _Y.format(p="a") + _M.format(p="a") + _D.format(p="a")
_RANGE_B = r"(?:" + _Y.format(p="b") + r")?" + _M.format(p="b") + _D.format(p="b")
# (?<!\s): a match starts where blanks begin, not inside them (each start in a long run of
# blanks rescanned the run: quadratic).
RANGE_RE = re.compile(rf"(?:自|从|(?<!\s))\s*{_RANGE_A}{_SEP}{_RANGE_B}(?:\s*(?:止|为止))?")
ACADEMIC_RE = re.compile(r"(?P<a>\d{4})\s*(?:年)?\s*[—–\-－~～至到]+\s*(?P<b>\d{4})\s*(?:年)?\s*学年(?:度)?")


def _num(s: str) -> int | None:
    s = s.strip()
    return int(s) if s.isdigit() else parse_chinese(s)


def make_date(y: str | int | None, m: str, d: str) -> dt.date | None:
    try:
        year = y if isinstance(y, int) else _num(y or "")
        month, day = _num(m), _num(d)
        if year is None or month is None or day is None:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class DateHit:
    date: dt.date
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RangeHit:
    first: dt.date
    last: dt.date
    start: int
    end: int

    @property
    def months(self) -> float:
        return ((self.last - self.first).days + 1) / 30.44


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Every full date (with year, month and day) in ``text[start:end]``."""
    out = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        if m.group("y"):
            d = make_date(m.group("y"), m.group("m"), m.group("d"))
        else:
            d = make_date(m.group("ny"), m.group("nm"), m.group("nd"))
        if d and 1990 <= d.year <= 2100:
            out.append(DateHit(d, m.start(), m.end()))
    return out


def find_ranges(text: str) -> list[RangeHit]:
    """Date ranges such as 2023年9月1日至2024年8月31日 (the second year may be left out)."""
    out = []
    for m in RANGE_RE.finditer(text):
        a = make_date(m.group("ay"), m.group("am"), m.group("ad"))
        by = m.group("by")
        b = make_date(by if by else (a.year if a else None), m.group("bm"), m.group("bd"))
        if a and b and b >= a:
            out.append(RangeHit(a, b, m.start(), m.end()))
    return out
