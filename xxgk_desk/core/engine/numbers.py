"""Numbers as reports write them: Arabic (with thousands separators, full-width) and Chinese numerals."""

from __future__ import annotations

import re
from typing import overload

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
             "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}  # fmt: skip
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)

# One number token: Arabic (1,234 / 1 234 / １２３ / 12.5) or a run of Chinese numeral characters.
NUMBER = r"(?:[0-9０-９][0-9０-９,，]*(?:\.[0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+)"
# Put before NUMBER in a pattern that is searched through the text (and does not start with a
# word): the match may start only where a number begins, not inside its run of digits or of
# numerals. A start inside the run finds nothing the run's start does not, and trying every one
# made a long run of digits quadratic.
NUMBER_START = (
    r"(?:(?=[0-9０-９])(?<![0-9０-９])(?<![0-9０-９][,，])"
    r"|(?=[零〇一二两三四五六七八九十百千万])(?<![零〇一二两三四五六七八九十百千万]))"
)
APPROX_BEFORE = ("近", "约", "超过", "逾", "将近", "大约", "接近", "不足", "上")
APPROX_AFTER = ("余", "多", "左右", "以上", "多万")

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


def parse_number(token: str) -> float | None:
    """Parse an Arabic or Chinese numeral; None if it is not a number."""
    token = token.strip().translate(_FULLWIDTH)
    if not token:
        return None
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return parse_chinese(token)


def parse_chinese(token: str) -> int | None:
    """Chinese numerals: 三, 十六, 二十一, 一百二十, 三千五百, 一万二千, 两百; digit strings 二〇二四."""
    if not token or any(c not in CN_DIGITS and c not in CN_UNITS and c not in CN_BIG for c in token):
        return None
    if all(c in CN_DIGITS for c in token) and len(token) > 1:
        return int("".join(str(CN_DIGITS[c]) for c in token))  # 二〇二四 → 2024
    total, section, digit = 0, 0, None
    for c in token:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            total = (total + section) * CN_BIG[c]
            section, digit = 0, None
    return total + section + (digit or 0)


@overload
def as_int(value: float) -> int | float: ...
@overload
def as_int(value: None) -> None: ...
@overload
def as_int(value: float | None) -> int | float | None: ...
def as_int(value: float | None) -> int | float | None:
    """Whole numbers as int (for JSON), others unchanged."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


NUMBER_RE = re.compile(NUMBER)
