"""The one place that converts between code-point offsets (the core's) and Qt's UTF-16 positions.

Qt's QTextCursor counts UTF-16 code units; a character outside the Basic Multilingual Plane
(rare CJK ideographs of Extension B and beyond, emoji) takes two. The core counts code points.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts offsets for one text in O(log n); builds its table only if the text has astral characters."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]  # code-point indexes
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


class DocMap:
    """Canonical code-point offsets ↔ positions in a QTextDocument built from (some of) the document's blocks.

    The QTextDocument lays paragraphs and table cells out as separate segments; each segment
    records where it starts in both worlds, and inside a segment the two differ only by UTF-16
    surrogate pairs.
    """

    def __init__(self, text: str, utf16: OffsetMap | None = None) -> None:
        self.text = text
        self._canon: list[int] = []  # segment starts (code points)
        self._ends: list[int] = []
        self._qt: list[int] = []  # segment starts (UTF-16 positions in the QTextDocument)
        self._utf16 = utf16 if utf16 is not None else OffsetMap(text)  # one per text: share it between maps

    def add(self, start: int, end: int, qt_start: int) -> None:
        """Record that text[start:end] begins at ``qt_start`` in the QTextDocument (call in text order)."""
        self._canon.append(start)
        self._ends.append(end)
        self._qt.append(qt_start)

    def _seg_len_qt(self, i: int) -> int:
        return self._utf16.to_qt(self._ends[i]) - self._utf16.to_qt(self._canon[i])

    def to_qt(self, offset: int) -> int:
        """Code-point offset → QTextDocument position (offsets between segments go to the next segment)."""
        if not self._canon:
            return 0
        i = max(bisect.bisect_right(self._canon, offset) - 1, 0)
        offset = max(offset, self._canon[i])
        if offset > self._ends[i] and i + 1 < len(self._canon):
            return self._qt[i + 1]
        offset = min(offset, self._ends[i])
        return self._qt[i] + self._utf16.to_qt(offset) - self._utf16.to_qt(self._canon[i])

    def from_qt(self, position: int) -> int:
        """QTextDocument position → code-point offset (structure positions snap to the nearest text)."""
        if not self._qt:
            return 0
        i = max(bisect.bisect_right(self._qt, position) - 1, 0)
        rel = min(max(position - self._qt[i], 0), self._seg_len_qt(i))
        base = self._utf16.to_qt(self._canon[i])
        return self._utf16.from_qt(base + rel)
