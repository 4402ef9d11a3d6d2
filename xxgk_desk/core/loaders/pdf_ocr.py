"""PDF pages read by OCR: render, recognise (``ocr``), straighten, rebuild lines and ruled tables.

The recogniser works on the page as scanned (it straightens each line it crops). The layout
needs upright coordinates — a scan turned by under a degree moves the left margin by ten
points from top to bottom — so character boxes are turned back by the page's skew (the
median slant of its long lines) before lines are clustered and margins measured; the boxes
kept for highlighting are the unturned ones. Ruled tables are found in the straightened
image (long thin runs of ink) and go through the same grid code as vector rules. After
that, recognised lines are :class:`Line` objects like those of a text layer, with
``Line.conf`` holding each code point's confidence.

Needs numpy and OpenCV, which come with the OCR extra: import this module only when OCR runs.
"""

from __future__ import annotations

import math
from statistics import median

import cv2
import numpy as np
import pypdfium2 as pdfium

from xxgk_desk.core.document import OCR_DOUBT, OcrSpan
from xxgk_desk.core.loaders import ocr
from xxgk_desk.core.loaders.ocr import OcrLine
from xxgk_desk.core.loaders.pdf_chars import CH, IDX, X0
from xxgk_desk.core.loaders.pdf_lines import NAN4, Line, cluster_lines, make_line
from xxgk_desk.core.loaders.pdf_tables import THIN, Table, find_tables, join_edges, split_chars

#: A recognised line's box is about this many times the font size high.
BOX_PER_SIZE = 1.5
#: Shortest ruling lines (points) that count as table rules: longer than any stroke of a character.
H_RULE_MIN = 36.0
V_RULE_MIN = 15.0
#: Ink: grey levels darker than this.
INK = 150
#: Skews below this (radians, about 0.03°) are left alone; above MAX_SKEW the page is not a skewed scan.
MIN_SKEW = 0.0005
MAX_SKEW = math.radians(5)

#: Longest side (pixels) of a rendered page: the DPI drops for pages larger than A2 or so.
MAX_SIDE = 5000

Box = tuple[float, float, float, float]


def render(pdf: pdfium.PdfDocument, index: int, dpi: int | None = None) -> np.ndarray:
    """The page at ``index`` as a grey image at ``dpi`` (default ``ocr.DPI``; the caller holds
    ``pdf.PDFIUM_LOCK``).

    The resolution drops for pages so large that the image's longer side would pass
    :data:`MAX_SIDE` pixels (a 200-inch page at 200 dpi is 1.6 GB of pixels); an A3 page
    at 200 dpi (3,308 pixels) is rendered as asked.
    """
    page = pdf[index]
    try:
        width, height = page.get_size()
        bitmap = page.render(scale=render_scale(width, height, dpi or ocr.DPI), grayscale=True)
        try:
            pixels = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
        finally:
            bitmap.close()
    finally:
        page.close()
    return pixels[:, :, 0] if pixels.ndim == 3 else pixels


def render_scale(width: float, height: float, dpi: float) -> float:
    """Pixels per point for a page of ``width`` × ``height`` points: ``dpi``, or less so that
    the longer side stays within :data:`MAX_SIDE` pixels."""
    scale = dpi / 72
    longest = max(width, height, 1.0)
    return min(scale, MAX_SIDE / longest) if math.isfinite(longest) else scale


def skew(lines: list[OcrLine]) -> float:
    """The page's skew in radians (positive: lines rise to the left in image coordinates), or 0."""
    angles = []
    for ln in lines:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = ln.quad[:4]
        width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        if width > 4 * height:
            angles += [math.atan2(y1 - y0, x1 - x0), math.atan2(y2 - y3, x2 - x3)]
    if len(angles) < 6:
        return 0.0
    a = median(angles)
    return a if MIN_SKEW < abs(a) < MAX_SKEW else 0.0


class _Turn:
    """Turns image points by -angle about the image centre (straightens a skewed page)."""

    def __init__(self, angle: float, width: int, height: int) -> None:
        self.cos, self.sin = math.cos(angle), math.sin(angle)
        self.cx, self.cy = width / 2, height / 2
        c, s, cx, cy = self.cos, self.sin, self.cx, self.cy
        self.matrix = np.array(
            [[c, s, cx - cx * c - cy * s], [-s, c, cy + cx * s - cy * c]], dtype=np.float64
        )

    def point(self, x: float, y: float) -> tuple[float, float]:
        dx, dy = x - self.cx, y - self.cy
        return self.cx + dx * self.cos + dy * self.sin, self.cy - dx * self.sin + dy * self.cos

    def image(self, grey: np.ndarray) -> np.ndarray:
        h, w = grey.shape[:2]
        return cv2.warpAffine(grey, self.matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


class _Probe:
    """Font size of recognised characters (from their line's box height); never bold."""

    def __init__(self, sizes: dict[int, float]) -> None:
        self.sizes = sizes

    def style(self, index: int) -> tuple[float, bool]:
        return self.sizes.get(index, 0.0), False


def rebuild(
    found: list[OcrLine], grey: np.ndarray, number: int, width: float, height: float
) -> tuple[list[Line], list[Table]]:
    """Lines and ruled tables of page ``number`` from its recognised lines and its grey image.

    ``width`` and ``height`` are the page's size in points; the image covers the page.
    """
    scale = grey.shape[1] / width if width else ocr.DPI / 72  # pixels per point
    angle = skew(found)
    turn = _Turn(angle, grey.shape[1], grey.shape[0]) if angle else None
    chars: list[tuple] = []
    original: dict[int, Box] = {}
    conf: dict[int, float] = {}
    sizes: dict[int, float] = {}
    for ln in found:
        (qx0, qy0), _, _, (qx3, qy3) = ln.quad[:4]
        size = round(2 * math.hypot(qx3 - qx0, qy3 - qy0) / scale / BOX_PER_SIZE) / 2
        prev = -1
        for k, c in enumerate(ln.chars):
            x0, top, x1, bottom = c.box
            cx, cy = (x0 + x1) / 2, (top + bottom) / 2
            if turn is not None:
                cx, cy = turn.point(cx, cy)
            hw, hh = (x1 - x0) / 2 / scale, (bottom - top) / 2 / scale
            cx, cy = cx / scale, cy / scale
            i = len(chars)
            chars.append((cx - hw, cy - hh, cx + hw, cy + hh, cy, c.ch, i, k in ln.space_before, prev))
            original[i] = (
                min(max(x0 / scale, 0.0), width),
                min(max(top / scale, 0.0), height),
                min(max(x1 / scale, 0.0), width),
                min(max(bottom / scale, 0.0), height),
            )
            conf[i] = c.confidence
            sizes[i] = size
            prev = i
    chars.sort(key=lambda c: (round(c[4]), c[X0]))
    tables = find_tables(*image_rules(turn.image(grey) if turn else grey, scale), page=number)
    rest = split_chars(chars, tables)
    probe = _Probe(sizes)
    lines = []
    for cs in cluster_lines(rest):
        line = make_line(cs, number, probe)
        _unturn(line, cs, original, conf)
        lines.append(line)
    for t in tables:
        t.conf = {}
        for cell in t.chars:
            for k, ch in enumerate(cell):
                box = original[ch[IDX]]
                cell[k] = (*box, (box[1] + box[3]) / 2, *ch[CH:])
                t.conf[box] = conf[ch[IDX]]
    return lines, tables


def _unturn(line: Line, chars: list[tuple], original: dict[int, Box], conf: dict[int, float]) -> None:
    """Give ``line`` the unturned boxes of its characters and their confidences.

    The line's text has one code point per character plus the spaces ``assemble``
    inserted (boxes NaN), in the order of ``chars``.
    """
    boxes: list[float] = []
    confs: list[float] = []
    it = iter(chars)
    last = 1.0
    for k in range(len(line.text)):
        if math.isnan(line.boxes[4 * k]):
            boxes.extend(NAN4)
        else:
            c = next(it)
            boxes.extend(original[c[IDX]])
            last = conf[c[IDX]]
        confs.append(last)
    line.boxes, line.conf = boxes, confs


def image_rules(grey: np.ndarray, scale: float) -> tuple[list, list]:
    """Horizontal and vertical ruling lines of an upright page image, in points (as ``page_rules``)."""
    ink = (grey < INK).astype(np.uint8)
    bridge = max(int(round(scale)), 1)  # close pinholes of about a point in a rule
    out = []
    for horizontal, length in ((True, H_RULE_MIN), (False, V_RULE_MIN)):
        k = max(int(length * scale), 8)
        shape = (k, 1) if horizontal else (1, k)
        closed = cv2.morphologyEx(
            ink,
            cv2.MORPH_CLOSE,
            cv2.getStructuringElement(cv2.MORPH_RECT, (bridge, 1) if horizontal else (1, bridge)),
        )
        mask = cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        edges = []
        for x, y, w, h, _ in stats[1:n]:
            if horizontal and h <= THIN * scale:
                edges.append(((y + h / 2) / scale, x / scale, (x + w) / scale))
            elif not horizontal and w <= THIN * scale:
                edges.append(((x + w / 2) / scale, y / scale, (y + h) / scale))
        out.append(join_edges(edges))
    return out[0], out[1]


def conf_spans(text: str, conf: list[float], offset: int) -> list[OcrSpan]:
    """OCR spans over ``text`` (at ``offset`` in the document): runs of sure and of doubtful characters.

    Each span's confidence is the lowest of its characters; spaces never start or end a span.
    """
    out: list[OcrSpan] = []
    start = end = -1
    doubtful = False
    low = 1.0
    for k, ch in enumerate(text):
        if ch.isspace():
            continue
        d = conf[k] < OCR_DOUBT
        if start >= 0 and d != doubtful:
            out.append(OcrSpan(offset + start, offset + end, round(low, 3)))
            start = -1
        if start < 0:
            start, doubtful, low = k, d, conf[k]
        low = min(low, conf[k])
        end = k + 1
    if start >= 0:
        out.append(OcrSpan(offset + start, offset + end, round(low, 3)))
    return out
