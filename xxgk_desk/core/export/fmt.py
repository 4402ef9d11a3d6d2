"""Small text helpers shared by the memo and the tables: values, dates, quotes, safe strings."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

# Characters XML 1.0 (DOCX, XLSX) cannot hold: C0 controls other than tab/newline/CR, and
# lone surrogates. They are replaced, never dropped silently.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_WS = re.compile(r"\s+")
_CN_DIGITS = "〇一二三四五六七八九"


def xml_safe(text: str) -> str:
    """``text`` with characters XML cannot store replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def one_line(text: str | None) -> str:
    """Whitespace runs (tabs of table rows, line breaks) squashed to one space."""
    return _WS.sub(" ", text or "").strip()


def text_width(text: str) -> float:
    """Width in full-width characters (Latin letters and digits count half)."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut in the middle with ``……`` when longer than ``limit`` characters (0: no limit)."""
    if limit <= 0 or len(text) <= limit:
        return text
    head = max(1, limit * 2 // 3)
    tail = max(1, limit - head - 2)
    return text[:head] + "……" + text[-tail:]


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (for headings up to 99)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def cn_date(value: date | str | None) -> str:
    """``2024-10-28`` → ``2024年10月28日`` (strings that are not ISO dates come back as they are)."""
    if value is None:
        return ""
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
        if not m:
            return value
        y, mo, d = (int(g) for g in m.groups())
        return f"{y}年{mo}月{d}日"
    return f"{value.year}年{value.month}月{value.day}日"


def local_time(iso: str | None) -> datetime | None:
    """A store timestamp (ISO 8601 UTC, ``…Z``) as a naive local datetime."""
    if not iso:
        return None
    try:
        t = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.astimezone().replace(tzinfo=None)


def local_date(iso: str | None) -> date | None:
    t = local_time(iso)
    return t.date() if t else None


def time_text(iso: str | None) -> str:
    """``2024-11-03 10:22`` in local time, or an empty string."""
    t = local_time(iso)
    return t.strftime("%Y-%m-%d %H:%M") if t else ""


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10000:
        return f"{value:,}"
    return str(value)


def field_text(value: Any, kind: str | None = None, unit: str | None = None) -> str:
    """A field value for people: dates in Chinese, counts with their unit, percentages with %."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if kind == "date":
        return cn_date(str(value))
    if kind == "year":
        return f"{value}年" if str(value).isdigit() else str(value)
    if isinstance(value, int | float):
        text = _number(value)
        if kind == "percent":
            return text + "%"
        return text + (unit or "")
    if isinstance(value, list | tuple):
        return "、".join(field_text(v, kind, unit) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{field_text(v, kind, unit)}" for k, v in value.items())
    return str(value)


def csv_safe(text: str) -> str:
    """A cell Excel will not run as a formula: a leading ``=``, ``+``, ``@`` or a ``-`` that does
    not start a number gets an apostrophe (report quotes are untrusted text)."""
    if not text:
        return text
    first = text[0]
    if first in "=+@\t\r" or (first == "-" and not re.fullmatch(r"-\d[\d,.]*%?", text)):
        return "'" + text
    return text
