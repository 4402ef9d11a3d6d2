"""Characters and visual lines of one PDF page, read through pypdfium2's raw per-character API.

PDFium keeps characters in content-stream order, which puts runs of a second font (the
quotes “ ” in LibreOffice PDFs) at the end of a line. Here every character gets its box
and baseline; characters are clustered into lines by baseline and sorted by x, and the
spacing is rebuilt: never a space between CJK characters, one space between Latin words.

Coordinates are PDF points from the page's top-left corner (``top`` < ``bottom``).
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable

import pypdfium2.raw as pdfium_c

from xxgk_desk.core.normalize import fix_radicals, is_cjk

NAN = float("nan")
NAN4 = (NAN, NAN, NAN, NAN)

# A character tuple: (x0, x1, top, bottom, baseline, ch, index, space_before, prev_index)
X0, X1, TOP, BOTTOM, BASE, CH, IDX, SP, PIDX = range(9)

#: Characters that only separate words: dropped, remembered as "space before" the next one.
_SPACES = frozenset(
    " \t\r\n\x0b\x0c\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
)
_JUNK = frozenset(chr(c) for c in range(32)) | {"\ufffe", "\uffff", "\x7f", "\xad"}

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|simhei|heiti|(?<!ya)hei|fzht|黑", re.I)
#: Big gaps inside a line (form-like layouts) keep one space even between CJK characters.
BIG_GAP_EM = 1.6
#: Latin gap (in em) that counts as a word space when the stream order gives no hint.
WORD_GAP_EM = 0.2


def _unchecked(fn: object, restype: type = ctypes.c_int) -> Callable:
    """A prototype of a raw PDFium function without argtypes: ~4x cheaper per call.

    Callers must pass ctypes objects (handles, ``byref``s) and Python ints only.
    """
    proto = ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)
    proto.argtypes = None
    return proto


_get_box = _unchecked(pdfium_c.FPDFText_GetCharBox)
_get_origin = _unchecked(pdfium_c.FPDFText_GetCharOrigin)
_get_unicode = _unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)


class Line:
    """One visual line: its text (spacing rebuilt), per-code-point boxes and style cues."""

    __slots__ = (
        "text",
        "boxes",
        "x0",
        "x1",
        "top",
        "bottom",
        "base",
        "size",
        "size_end",
        "bold",
        "bold_end",
        "page",
        "lead_end",
    )

    def __init__(self, text: str, boxes: list[float], chars: list[tuple], page: int) -> None:
        self.text = text
        self.boxes = boxes
        self.x0 = chars[0][X0]
        self.x1 = max(c[X1] for c in chars)
        self.top = min(c[TOP] for c in chars)
        self.bottom = max(c[BOTTOM] for c in chars)
        self.base = chars[0][BASE]
        self.size = self.size_end = 0.0
        self.bold = self.bold_end = False
        self.page = page
        #: Where the first unit that wrapping cannot split ends: a previous line with more
        #: room than this unit needs was short (see :func:`lead_end`).
        self.lead_end = 0.0

    def __repr__(self) -> str:
        return f"Line(p{self.page} {self.x0:.0f}-{self.x1:.0f} @{self.base:.0f} {self.size:.1f}pt {self.text[:30]!r})"


_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%％·…—")
_NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


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
        while k + 1 < n and chars[k + 1][CH] in _NO_LINE_START or k + 1 < n and chars[k + 1][CH] in "“‘":
            k += 1
            if chars[k][CH] in "“‘" and k + 1 < n:
                k += 1  # quotes bind to both neighbours (UAX #14 class QU)
        glued = k + 1 < n and is_cjk(chars[k][CH]) and chars[k][CH] in _NO_LINE_START
        if not glued or _breaks(chars[k], chars[k + 1], em):
            break
        k += 1  # CJK closing punctuation directly followed by a Latin word
    return chars[k][X1]


def _breaks(prev: tuple, c: tuple, em: float) -> bool:
    """Whether a line break may fall between two neighbouring characters of a word."""
    return is_cjk(c[CH]) or _space_between(prev, c, em, BIG_GAP_EM * em)


class PageGeometry:
    """Maps PDFium user-space coordinates to top-left page coordinates (any /Rotate)."""

    def __init__(self, page: object) -> None:
        rect = pdfium_c.FS_RECTF()
        if pdfium_c.FPDF_GetPageBoundingBox(page, rect):
            self.left, self.top, self.right, self.bottom = rect.left, rect.top, rect.right, rect.bottom
        else:
            self.left, self.bottom = 0.0, 0.0
            self.right, self.top = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        self.rotation = pdfium_c.FPDFPage_GetRotation(page) % 4
        w, h = self.right - self.left, self.top - self.bottom
        self.width, self.height = (h, w) if self.rotation % 2 else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """User-space point → (x, y) from the displayed page's top-left."""
        r = self.rotation
        if r == 0:
            return x - self.left, self.top - y
        if r == 1:
            return y - self.bottom, x - self.left
        if r == 2:
            return self.right - x, y - self.bottom
        return self.top - y, self.right - x


def _page_text(textpage: object, n: int) -> str:
    """All ``n`` characters of a text page, one code point per character index."""
    if n <= 0:
        return ""
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) == n:
        return text
    # Characters outside the BMP take two UTF-16 units: fall back to one call per character.
    return "".join(chr(_get_unicode(textpage, i) or 0xFFFD) for i in range(n))


def read_chars(textpage: object, geom: PageGeometry) -> list[tuple]:
    """Every visible character of the page with its box and baseline (generated ones skipped)."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    text = _page_text(textpage, n)
    left, right, bottom, top, ox, oy = (ctypes.c_double() for _ in range(6))
    refs = [ctypes.byref(v) for v in (left, right, bottom, top, ox, oy)]
    bl, br, bb, bt, bx, by = refs
    out: list[tuple] = []
    append = out.append
    get_box, get_origin = _get_box, _get_origin
    spaces, junk = _SPACES, _JUNK
    x_off, y_top = geom.left, geom.top
    x_max, y_min = geom.right + 1.0, geom.bottom - 1.0
    sp = False
    pidx = -1
    for i, ch in enumerate(text):
        if ch in spaces:
            sp = True
            continue
        if ch in junk:
            continue
        if not get_box(textpage, i, bl, br, bb, bt) or right.value < x_off or left.value > x_max:
            continue
        if top.value < y_min or bottom.value > y_top + 1.0:
            continue  # drawn outside the visible page
        get_origin(textpage, i, bx, by)
        append(
            (
                left.value - x_off,
                right.value - x_off,
                y_top - top.value,
                y_top - bottom.value,
                y_top - oy.value,
                ch,
                i,
                sp,
                pidx,
            )
        )
        sp = False
        pidx = i
    if geom.rotation:
        out = [_rotate(c, geom) for c in out]
    return out


def _rotate(c: tuple, geom: PageGeometry) -> tuple:
    """Re-express a character tuple (computed for rotation 0) on a rotated page."""
    # Undo the rotation-0 mapping, then apply the page's own.
    ux0, ux1 = c[X0] + geom.left, c[X1] + geom.left
    uy_top, uy_bottom = geom.top - c[TOP], geom.top - c[BOTTOM]
    ax, ay = geom.point(ux0, uy_top)
    bx, by = geom.point(ux1, uy_bottom)
    _, base = geom.point(ux0, geom.top - c[BASE])
    return (min(ax, bx), max(ax, bx), min(ay, by), max(ay, by), base, *c[CH:])


# -- lines ---------------------------------------------------------------------


def cluster_lines(chars: list[tuple]) -> list[list[tuple]]:
    """Group characters into lines by baseline; lines top to bottom, characters left to right."""
    lines: list[list] = []  # [baseline, tolerance, chars]
    cur: list | None = None
    for c in chars:
        b = c[BASE]
        if cur is not None and abs(b - cur[0]) <= cur[1]:
            cur[2].append(c)
            continue
        cur = None
        for cand in reversed(lines):
            if abs(b - cand[0]) <= cand[1]:
                cur = cand
                break
        if cur is None:
            cur = [b, max(2.0, 0.4 * (c[BOTTOM] - c[TOP])), [c]]
            lines.append(cur)
        else:
            cur[2].append(c)
    lines.sort(key=lambda ln: ln[0])
    out = []
    for _, _, cs in lines:
        if any(cs[k][X0] > cs[k + 1][X0] for k in range(len(cs) - 1)):
            cs.sort(key=lambda c: c[X0])
        out.append(cs)
    return out


def _wordish(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def assemble(chars: list[tuple], em: float) -> tuple[str, list[float]]:
    """The text of one line and its boxes (4 floats per code point, NaN for inserted spaces)."""
    parts: list[str] = []
    boxes: list[float] = []
    prev: tuple | None = None
    big = BIG_GAP_EM * em
    for c in chars:
        if prev is not None and _space_between(prev, c, em, big):
            parts.append(" ")
            boxes.extend(NAN4)
        parts.append(c[CH])
        boxes.extend((c[X0], c[TOP], c[X1], c[BOTTOM]))
        prev = c
    return fix_radicals("".join(parts)), boxes


def _space_between(prev: tuple, c: tuple, em: float, big: float) -> bool:
    """Whether to put one space between two neighbouring characters of a line."""
    gap = c[X0] - prev[X1]
    if gap > big:
        return True
    if is_cjk(prev[CH]) or is_cjk(c[CH]):
        return False
    if c[PIDX] == prev[IDX]:  # neighbours in the content stream too: trust PDFium's spacing
        return c[SP]
    return gap > WORD_GAP_EM * em


def line_em(chars: list[tuple]) -> float:
    """A font-size estimate from glyph heights (used when the font size is unknown)."""
    hs = [c[BOTTOM] - c[TOP] for c in chars if is_cjk(c[CH]) and c[CH] not in _NO_LINE_START]
    if not hs:
        hs = [c[BOTTOM] - c[TOP] for c in chars]
    return max(max(hs) / 0.9, 1.0)


# -- style cues ----------------------------------------------------------------


class StyleProbe:
    """Font size and weight of characters, cached per text object (one PDFium call chain each)."""

    def __init__(self, textpage: object) -> None:
        self.textpage = textpage
        self.cache: dict[int, tuple[float, bool]] = {}
        self._matrix = pdfium_c.FS_MATRIX()
        self._buf = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()

    def style(self, index: int) -> tuple[float, bool]:
        """(effective font size in points, bold) of the character at ``index``."""
        tp = self.textpage
        obj = pdfium_c.FPDFText_GetTextObject(tp, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value or -index - 1
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        size = pdfium_c.FPDFText_GetFontSize(tp, index)
        m = self._matrix
        if pdfium_c.FPDFText_GetMatrix(tp, index, m):
            size *= math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
        weight = pdfium_c.FPDFText_GetFontWeight(tp, index)
        bold = weight >= 600
        if not bold and obj:
            bold = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE
        if not bold:
            bold = bool(_BOLD_NAME.search(self._font_name(index)))
        hit = (size, bold)
        self.cache[key] = hit
        return hit

    def _font_name(self, index: int) -> str:
        n = pdfium_c.FPDFText_GetFontInfo(self.textpage, index, self._buf, len(self._buf), self._flags)
        raw = self._buf.raw[: max(min(n, len(self._buf)) - 1, 0)]
        for enc in ("utf-8", "gbk"):
            try:
                name = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            name = raw.decode("latin-1")
        return name.partition("+")[2] or name


def _probe_index(chars: list[tuple], from_end: bool) -> int:
    """The character to sample for style: prefer a letter or ideograph near the line's edge."""
    seq = chars[::-1] if from_end else chars
    for c in seq[:4]:
        if c[CH].isalnum():
            return c[IDX]
    return seq[0][IDX]


def make_line(chars: list[tuple], page: int, probe: StyleProbe) -> Line:
    """Build a :class:`Line` with its text, boxes and style cues."""
    size, bold = probe.style(_probe_index(chars, False))
    size_end, bold_end = probe.style(_probe_index(chars, True))
    if not 2.0 <= size <= 300.0 or not 2.0 <= size_end <= 300.0:
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
    if last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
        return " "
    return ""
