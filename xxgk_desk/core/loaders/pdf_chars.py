"""Raw PDFium access for the PDF loader: characters with boxes and baselines, font cues.

The per-character calls go through argtype-free ctypes prototypes of pypdfium2's raw
functions (about four times cheaper per call than the checked bindings); callers pass
ctypes objects only. Coordinates are PDF points from the displayed page's top-left corner.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any

import pypdfium2.raw as pdfium_c

#: A character is a tuple (x0, top, x1, bottom, middle, ch, index, space_before, prev_index):
#: its box first (the layout of ``Page.boxes``), ``middle`` the box's vertical centre (lines
#: are clustered on it), ``index`` its PDFium character index,
#: ``space_before`` whether whitespace preceded it in the content stream, ``prev_index`` the
#: index of the visible character before it there.
X0, TOP, X1, BOTTOM, MID, CH, IDX, SP, PIDX = range(9)

#: Characters that only separate words: dropped, remembered as "space before" the next one.
_SPACES = frozenset(
    " \t\r\n\x0b\x0c\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_JUNK = frozenset(chr(c) for c in range(32)) | {"\ufffe", "\uffff", "\x7f", "\xad", "\u200b", "\ufeff"}
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|simhei|heiti|(?<!ya)hei|fzht|黑", re.I)


def unchecked(fn: Any, restype: type | None = ctypes.c_int) -> Callable:
    """An argtype-free prototype of the raw PDFium function ``fn`` (a ctypes function pointer of
    ``pypdfium2.raw``; pass ctypes objects only)."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    if address is None:
        raise ValueError(f"PDFium function {fn!r} has no address")
    proto = ctypes.CFUNCTYPE(restype)(address)
    proto.argtypes = None  # type: ignore[assignment]  # None: no argument checks (typeshed wants a sequence)
    return proto


_get_loose_box = unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_get_angle = unchecked(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float)
_TWO_PI = 2 * math.pi
_QUARTER = math.pi / 2
_get_unicode = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_get_text_object = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_get_font_size = unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_get_matrix = unchecked(pdfium_c.FPDFText_GetMatrix)
_get_render_mode = unchecked(pdfium_c.FPDFTextObj_GetTextRenderMode)
_get_font = unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_font_weight = unchecked(pdfium_c.FPDFFont_GetWeight)
_font_name = unchecked(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_ulong)
_FILL_STROKE = pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE
_font_data = unchecked(pdfium_c.FPDFFont_GetFontData)


class PageGeometry:
    """Maps PDFium user-space coordinates to top-left page coordinates (any /Rotate)."""

    def __init__(self, page: object) -> None:
        rect = pdfium_c.FS_RECTF()
        if pdfium_c.FPDF_GetPageBoundingBox(page, rect):
            self.left, self.top, self.right, self.bottom = rect.left, rect.top, rect.right, rect.bottom
        else:
            self.left, self.bottom = 0.0, 0.0
            self.right, self.top = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        self.displayed = pdfium_c.FPDFPage_GetRotation(page) % 4  # /Rotate in quarter turns
        self.vertical = False  # set by read_chars for vertical writing (columns read as lines)
        self.turn(self.displayed)

    def turn(self, quarters: int) -> None:
        """Read the page in this frame (quarter turns clockwise from user space): the one in which
        its text runs left to right, which is the displayed one unless /Rotate turned upright
        text sideways (or the text itself was set turned on an upright page)."""
        self.rotation = quarters % 4
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


def read_chars(textpage: object, geom: PageGeometry) -> tuple[list[tuple], list[tuple]]:
    """Every visible character of the page with its box (generated ones skipped).

    Boxes are PDFium's "loose" boxes: from the origin to the advance width across, from the
    font's descent to its ascent up and down. Every glyph of a font on a line gets the same
    vertical extent (a quote or ``一`` too), so lines cluster reliably by vertical centre.

    Returns (upright, slanted): characters set at another angle than most of the page
    (diagonal watermarks, rotated margin notes) come separately, so they cannot break into
    the lines of the body text.
    """
    n = pdfium_c.FPDFText_CountChars(textpage)
    text = _page_text(textpage, n)
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    out: list[tuple] = []
    slanted: list[tuple] = []
    get_box, get_angle = _get_loose_box, _get_angle
    spaces, junk = _SPACES, _JUNK
    x_off, y_top = geom.left, geom.top
    x_max, y_min, y_max = geom.right + 1.0, geom.bottom - 1.0, geom.top + 1.0
    sp = False
    pidx = -1
    last_mid = -1.0
    turned: list[list[tuple]] = [out, [], [], []]  # by the quarter turn the text is set at
    append = out.append
    for i, ch in enumerate(text):
        if ch in spaces:
            sp = True
            continue
        if ch in junk or not get_box(textpage, i, ref):
            continue
        left, top, right, bottom = rect.left, rect.top, rect.right, rect.bottom
        if right < x_off or left > x_max or top < y_min or bottom > y_max:
            continue  # drawn outside the visible page
        t, b = y_top - top, y_top - bottom
        mid = (t + b) / 2
        if abs(mid - last_mid) > 0.5:  # a new line (or slanted text): look at the angle again
            angle = get_angle(textpage, i) % _TWO_PI
            quarter = round(angle / _QUARTER)
            if abs(angle - quarter * _QUARTER) < 0.02:
                append = turned[quarter % 4].append
            else:
                append = slanted.append
            last_mid = mid
        append((left - x_off, t, right - x_off, b, mid, ch, i, sp, pidx))
        sp = False
        pidx = i
    # Read in the frame where most text is upright (PDFium's angles turn clockwise, frames too).
    main = max(range(4), key=lambda q: len(turned[q]))
    out = turned[main]
    others = [c for q in range(4) if q != main for c in turned[q]]
    if len(slanted) > len(out):  # the page itself is set at an angle: keep it all
        out, slanted = sorted(out + slanted + others, key=itemgetter(IDX)), []
    else:
        geom.turn((4 - main) % 4)
        slanted = sorted(slanted + others, key=itemgetter(IDX))
    if geom.rotation:
        out = [_rotate(c, geom) for c in out]
        slanted = [_rotate(c, geom) for c in slanted]
    if _in_columns(out):
        out = [_column_to_line(c, geom.width) for c in out]
        geom.width, geom.height = geom.height, geom.width
        geom.vertical = True
    return out, slanted


def _in_columns(chars: list[tuple]) -> bool:
    """Vertical writing (竖排, an Identity-V font): in content order, one character follows the
    other downwards in the same column far more often than to the right on the same line."""
    down = across = 0
    left = len(chars) - 1  # pairs not looked at yet
    for a, b in zip(chars, chars[1:], strict=False):
        left -= 1
        w, h = a[X1] - a[X0], a[BOTTOM] - a[TOP]
        dx, dy = b[X0] - a[X0], b[TOP] - a[TOP]
        if abs(dx) < 0.3 * w and 0 < dy < 3 * h:
            down += 1
        elif abs(dy) < 0.3 * h and 0 < dx < 3 * w:
            across += 1
            if down + left <= 3 * across:  # even all the rest downwards would not outweigh it
                return False
    return down >= 10 and down > 3 * across


def _column_to_line(c: tuple, width: float) -> tuple:
    """A character of a vertical page placed as if its columns were lines (right column first,
    top to bottom along it): the line clustering then reads it in order."""
    x0, x1, top, bottom = c[TOP], c[BOTTOM], width - c[X1], width - c[X0]
    return (x0, top, x1, bottom, (top + bottom) / 2, *c[CH:])


def _rotate(c: tuple, geom: PageGeometry) -> tuple:
    """Re-express a character tuple (computed for rotation 0) on a rotated page."""
    ux0, ux1 = c[X0] + geom.left, c[X1] + geom.left
    ax, ay = geom.point(ux0, geom.top - c[TOP])
    bx, by = geom.point(ux1, geom.top - c[BOTTOM])
    x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
    return (x0, top, x1, bottom, (top + bottom) / 2, *c[CH:])


class StyleProbe:
    """Font size and boldness of characters of one text page (cached per text object and font)."""

    def __init__(self, textpage: object) -> None:
        self.textpage = textpage
        self.by_object: dict[int, tuple[float, bool]] = {}
        self.by_font: dict[int, bool] = {}
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)
        self._buf = ctypes.create_string_buffer(256)

    def style(self, index: int) -> tuple[float, bool]:
        """(effective font size in points, bold) of the character at ``index``."""
        tp = self.textpage
        obj = _get_text_object(tp, index)
        hit = self.by_object.get(obj) if obj else None
        if hit is not None:
            return hit
        size = _get_font_size(tp, index)
        m = self._matrix
        if _get_matrix(tp, index, self._matrix_ref):
            size *= math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
        bold = False
        if obj:
            handle = ctypes.c_void_p(obj)
            bold = _get_render_mode(handle) == _FILL_STROKE or self._bold_font(_get_font(handle))
        hit = (size, bold)
        if obj:
            self.by_object[obj] = hit
        return hit

    def _bold_font(self, font: int | None) -> bool:
        """Bold by weight or by name (Bold, Black, 黑体, SimHei, FZHT…; not YaHei alone)."""
        if not font:
            return False
        known = self.by_font.get(font)
        if known is None:
            handle = ctypes.c_void_p(font)
            known = _font_weight(handle) >= 600 or bool(_BOLD_NAME.search(self._name(handle)))
            self.by_font[font] = known
        return known

    def _name(self, font: ctypes.c_void_p) -> str:
        n = _font_name(font, self._buf, ctypes.c_ulong(len(self._buf)))
        raw = self._buf.raw[: max(min(n, len(self._buf)) - 1, 0)]
        for enc in ("utf-8", "gbk", "latin-1"):
            try:
                name = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        return name.partition("+")[2] or name  # without the subset prefix ABCDEF+


def unmapped_type3(textpage: object, chars: list[tuple]) -> bool:
    """Most of the page is Type3 glyphs that decode to Latin-1 codes: a Type3 font without a
    ToUnicode map (PDFium then hands out the raw character codes). Such text cannot be
    extracted; the page is to be treated like a scanned one (OCR, or said so)."""
    latin = [c for c in chars if c[CH] <= "\xff"]
    if len(latin) < max(8, 0.5 * len(chars)):
        return False  # a Chinese page: mostly CJK characters, whatever its fonts
    by_object: dict[int, bool] = {}
    size = ctypes.c_size_t(0)
    name = ctypes.create_string_buffer(8)
    hits = 0
    for c in latin:
        obj = _get_text_object(textpage, c[IDX])
        if not obj:
            continue
        known = by_object.get(obj)
        if known is None:
            font = _get_font(ctypes.c_void_p(obj))
            known = False
            if font:
                handle = ctypes.c_void_p(font)
                size.value = 0
                _font_data(handle, None, ctypes.c_size_t(0), ctypes.byref(size))
                # a Type3 font has glyph procedures, no font program and no base font name
                known = size.value == 0 and _font_name(handle, name, ctypes.c_ulong(len(name))) <= 1
            by_object[obj] = known
        hits += known
    return hits >= 0.5 * len(chars)
