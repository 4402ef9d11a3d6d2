"""Visual lines of a PDF page: characters clustered by baseline, sorted by x, spacing rebuilt.

PDFium keeps characters in content-stream order, which puts runs of a second font (the
quotes “ ” in LibreOffice PDFs) at the end of a line; sorting each baseline cluster by x
restores the reading order. Spacing: never a space between CJK characters (justified lines
come out as ``号，邮编：``), one space between Latin words, one space across a big gap.
"""

from __future__ import annotations

import re
from itertools import chain
from operator import itemgetter
from typing import Protocol

from xxgk_desk.core.loaders.pdf_chars import BOTTOM, CH, IDX, MID, PIDX, SP, TOP, X0, X1
from xxgk_desk.core.normalize import fix_radicals, is_cjk

NAN = float("nan")
NAN4 = (NAN, NAN, NAN, NAN)
#: Big gaps inside a line (form-like layouts) keep one space even between CJK characters.
BIG_GAP_EM = 1.6
#: Latin gap (in em) that counts as a word space when the stream order gives no hint.
WORD_GAP_EM = 0.2

#: Runs of two or more characters that are not CJK in the sense of ``normalize.is_cjk``.
NON_CJK_RUN = re.compile(
    "[^\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf\U00020000-\U0003ffff"
    "\uf900-\ufaff\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]{2,}"
)
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%％·…—")
_NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
_LATIN_END = frozenset(".,;:!?)]}%\"'")
_box = itemgetter(slice(0, 4))
_x1s, _tops, _bottoms = itemgetter(X1), itemgetter(TOP), itemgetter(BOTTOM)


class Line:
    """One visual line: its text (spacing rebuilt), per-code-point boxes and style cues."""

    __slots__ = (
        "text", "boxes", "x0", "x1", "top", "bottom", "base", "size", "size_end", "bold", "bold_end", "page",
        "lead_end", "conf",
    )  # fmt: skip

    def __init__(self, text: str, boxes: list[float], chars: list[tuple], page: int) -> None:
        self.text = text
        self.boxes = boxes
        self.x0 = chars[0][X0]
        self.x1 = max(map(_x1s, chars))
        self.top = min(map(_tops, chars))
        self.bottom = max(map(_bottoms, chars))
        self.base = chars[0][MID]
        self.size = self.size_end = 0.0
        self.bold = self.bold_end = False
        self.page = page
        #: Where the first unit that wrapping cannot split ends (see :func:`lead_end`): a
        #: previous line with more room than this unit needs was short.
        self.lead_end = 0.0
        #: OCR confidence of each code point of ``text`` (None for text from a text layer).
        self.conf: list[float] | None = None

    def __repr__(self) -> str:
        return f"Line(p{self.page} {self.x0:.0f}-{self.x1:.0f} @{self.base:.0f} {self.size:.1f}pt {self.text[:30]!r})"


def cluster_lines(chars: list[tuple]) -> list[list[tuple]]:
    """Group characters into lines by vertical centre; lines top to bottom, characters by x."""
    lines: list[list] = []  # [low, high, chars]: the band of centres of each line
    cur: list = []
    lo = hi = 0.0
    for c in chars:
        b = c[MID]
        if lo <= b <= hi:
            cur.append(c)
            continue
        for cand in reversed(lines):
            if cand[0] <= b <= cand[1]:
                lo, hi, cur = cand
                break
        else:
            tol = max(2.0, 0.4 * (c[BOTTOM] - c[TOP]))
            lo, hi, cur = b - tol, b + tol, []
            lines.append([lo, hi, cur])
        cur.append(c)
    lines.sort(key=itemgetter(0))
    out = []
    for _, _, cs in lines:
        xs = [c[X0] for c in cs]
        if xs != sorted(xs):
            cs.sort(key=itemgetter(X0))
        out.append(cs)
    return out


def _space_between(prev: tuple, c: tuple, em: float) -> bool:
    """Whether one space goes between two non-CJK neighbours of a line."""
    if c[PIDX] == prev[IDX]:  # neighbours in the content stream too: trust its spacing
        return c[SP]
    return c[X0] - prev[X1] > WORD_GAP_EM * em


def assemble(chars: list[tuple], em: float) -> tuple[str, list[float]]:
    """The text of one line and its boxes (4 floats per code point, NaN for inserted spaces)."""
    text = "".join([c[CH] for c in chars])
    big = BIG_GAP_EM * em
    cuts = {k for k in range(1, len(chars)) if chars[k][X0] - chars[k - 1][X1] > big}
    for m in NON_CJK_RUN.finditer(text):
        cuts.update(k for k in range(m.start() + 1, m.end()) if _space_between(chars[k - 1], chars[k], em))
    if not cuts:
        return fix_radicals(text), list(chain.from_iterable(map(_box, chars)))
    parts: list[str] = []
    boxes: list[float] = []
    start = 0
    for k in sorted(cuts):
        parts += (text[start:k], " ")
        boxes += chain.from_iterable(map(_box, chars[start:k]))
        boxes += NAN4
        start = k
    parts.append(text[start:])
    boxes += chain.from_iterable(map(_box, chars[start:]))
    return fix_radicals("".join(parts)), boxes


def lead_end(chars: list[tuple], em: float) -> float:
    """Right edge of the line's first unit that word wrapping keeps together.

    That is a CJK character or a Latin word (up to a space or after ``-``/``/``), with any
    opening bracket before it and closing punctuation or quotes after it; a Latin word glued
    to that punctuation (``义。2020-``) is kept too, as LibreOffice does.
    """
    n = len(chars)
    k = 0
    while k + 1 < n and chars[k][CH] in _NO_LINE_END:
        k += 1
    for _ in range(3):
        if not is_cjk(chars[k][CH]):
            while k + 1 < n and chars[k][CH] not in "-/" and not _breaks(chars[k], chars[k + 1], em):
                k += 1
        while k + 1 < n and (chars[k + 1][CH] in _NO_LINE_START or chars[k + 1][CH] in "“‘"):
            k += 1
            if chars[k][CH] in "“‘" and k + 1 < n:
                k += 1  # quotes bind to both neighbours (UAX #14 class QU)
        glued = k + 1 < n and is_cjk(chars[k][CH]) and chars[k][CH] in _NO_LINE_START
        if not glued or _breaks(chars[k], chars[k + 1], em):
            break
        k += 1  # CJK closing punctuation directly followed by a Latin word
    return chars[k][X1]


def _breaks(prev: tuple, c: tuple, em: float) -> bool:
    """Whether a line break may fall between two neighbouring characters."""
    if is_cjk(c[CH]) or c[X0] - prev[X1] > BIG_GAP_EM * em:
        return True
    return not is_cjk(prev[CH]) and _space_between(prev, c, em)


def line_em(chars: list[tuple]) -> float:
    """A font-size estimate from box heights (used when the font size is unknown)."""
    hs = [c[BOTTOM] - c[TOP] for c in chars if is_cjk(c[CH]) and c[CH] not in _NO_LINE_START]
    if not hs:
        hs = [c[BOTTOM] - c[TOP] for c in chars]
    return max(max(hs), 1.0)


def _probe_index(chars: list[tuple], from_end: bool) -> int:
    """The character to sample for style: an ideograph near the line's edge, else a letter or digit.

    Digits and Latin letters usually come from a second font (LiberationSerif, Times New
    Roman) whose weight says nothing about the CJK text around them; sampling one at the end
    of a line and an ideograph at the start of the next would look like a style change.
    """
    seq = chars[:-9:-1] if from_end else chars[:8]
    for c in seq:
        if "\u4e00" <= c[CH] <= "\u9fff" or "\u3400" <= c[CH] <= "\u4dbf":
            return c[IDX]
    for c in seq[:4]:
        if c[CH].isalnum():
            return c[IDX]
    return seq[0][IDX]


class Styles(Protocol):
    """The font size and boldness of a page's characters: a text layer's ``pdf_chars.StyleProbe``,
    or OCR's estimate from the boxes."""

    def style(self, index: int) -> tuple[float, bool]: ...


def make_line(chars: list[tuple], page: int, probe: Styles) -> Line:
    """Build a :class:`Line` with its text, boxes and style cues."""
    first, last = _probe_index(chars, False), _probe_index(chars, True)
    size, bold = probe.style(first)
    size_end, bold_end = (size, bold) if last == first else probe.style(last)
    if not (2.0 <= size <= 300.0 and 2.0 <= size_end <= 300.0):
        size = size_end = line_em(chars)
    text, boxes = assemble(chars, size)
    line = Line(text, boxes, chars, page)
    line.size, line.bold, line.size_end, line.bold_end = size, bold, size_end, bold_end
    line.lead_end = lead_end(chars, size)
    return line


def join_texts(a: str, b: str) -> str:
    """The separator for joining two wrapped pieces of text: '' or one space (Latin words)."""
    if not a or not b:
        return ""
    last, first = a[-1], b[0]
    if last.isdigit() and first.isdigit():
        return ""  # a number broken for lack of room
    if (last.isascii() and (last.isalnum() or last in _LATIN_END)) and first.isascii() and first.isalnum():
        return " "
    return ""
