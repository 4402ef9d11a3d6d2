"""The one place that converts between code-point offsets (the core's) and Qt's UTF-16 positions.

Qt's QTextCursor counts UTF-16 code units; a character outside the Basic Multilingual Plane
(rare CJK ideographs of Extension B and beyond, emoji) takes two. The core counts code points.
"""

from __future__ import annotations

import bisect


class OffsetMap:
    """Converts offsets for one text in O(log n); builds its table only if the text has astral characters."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]  # code-point indexes
        self._length = len(text)

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """Code-point offset → UTF-16 position."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """UTF-16 position → code-point offset (a position inside a surrogate pair maps to its character)."""
        if not self._astral:
            return position
        lo, hi = 0, len(self._astral)
        while lo < hi:  # lo = how many astral characters start before ``position``
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < position:  # UTF-16 start of astral character ``mid``
                lo = mid + 1
            else:
                hi = mid
        if lo and self._astral[lo - 1] + lo - 1 + 1 == position:
            return self._astral[lo - 1]  # inside a surrogate pair
        return position - lo


def to_qt(text: str, offset: int) -> int:
    return OffsetMap(text).to_qt(offset)


def from_qt(text: str, position: int) -> int:
    return OffsetMap(text).from_qt(position)
