"""A chart laid out as a few primitives (boxes, lines, texts) that any painter can execute.

The core cannot draw with Qt and the window cannot wait for Pillow, so the layout is done once, here:
:func:`layout` takes a :class:`~xxgk_desk.core.export.charts.Chart`, a width and a ``measure`` callback
(the painter's own text width, so Chinese labels are measured in the font that will draw them) and
returns a :class:`Drawing` in logical pixels. ``gui/views/chart_view.py`` paints it with QPainter
(the 图表 tab, its PNG export); :mod:`.chart_png` with Pillow (the 通报's pictures).

Texts are placed in boxes (``x, y, w, h``) and drawn vertically centred with the given alignment.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .charts import Chart

__all__ = ["Box", "Drawing", "Line", "Measure", "Text", "layout", "nice_ticks", "wrap"]

#: ``measure(text, size, bold)``: the width in logical pixels of ``text`` set at ``size`` pixels
Measure = Callable[[str, float, bool], float]

TITLE, BODY, SMALL = 16.0, 13.0, 11.5  # font sizes (pixels)
PAD = 14.0
INK, MUTED, GRID, AXIS = "#1F2933", "#52606D", "#E4E7EB", "#9AA5B1"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str | None
    stroke: str | None = None


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    w: float
    h: float
    text: str
    size: float
    colour: str = INK
    align: str = "left"  # left / center / right, vertically centred in the box
    bold: bool = False


Item = Box | Line | Text


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    items: tuple[Item, ...]
    background: str = "#FFFFFF"

    def texts(self) -> list[str]:
        return [i.text for i in self.items if isinstance(i, Text)]


# -- helpers --------------------------------------------------------------------------------------


def nice_ticks(top: float, percent: bool = False, count: int = 5) -> list[float]:
    """Tick values from 0 to at least ``top``: steps of 1, 2 or 5 × 10ⁿ (whole numbers for counts)."""
    if percent:
        top = max(top, 0.05)
        step = next(s for s in (0.05, 0.1, 0.2, 0.25, 0.5) if top / s <= count) if top <= 1 else 0.5
    else:
        top = max(top, 1.0)
        raw = top / count
        mag = 10 ** math.floor(math.log10(raw))
        step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
        step = max(1.0, step)
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 6) for i in range(n + 1)]


def _tick_label(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:g}"


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width``: Chinese anywhere, Latin at spaces."""
    lines: list[str] = []
    line = ""
    i = 0
    while i < len(text):
        ch = text[i]
        # a Latin word moves as one piece
        j = i + 1
        if ch.isascii() and ch.isalnum():
            while j < len(text) and text[j].isascii() and text[j].isalnum():
                j += 1
        piece = text[i:j]
        if line and measure(line + piece, size, bold) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
        i = j
    if line:
        lines.append(line.rstrip())
    return lines or [""]


def _elide(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> str:
    if measure(text, size, bold) <= width:
        return text
    while text and measure(text + "…", size, bold) > width:
        text = text[:-1]
    return text + "…"


def _fit_lines(text: str, width: float, size: float, measure: Measure, max_lines: int) -> list[str]:
    lines = wrap(text, width, size, measure)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [_elide("".join(lines[max_lines - 1 :]), width, size, measure)]
    return lines


class _Canvas:
    def __init__(self, width: float, measure: Measure) -> None:
        self.width, self.measure = width, measure
        self.items: list[Item] = []

    def text(self, x: float, y: float, w: float, h: float, text: str, size: float = BODY, **kw) -> None:
        self.items.append(Text(x, y, w, h, text, size, **kw))

    def paragraph(self, y: float, text: str, size: float, **kw) -> float:
        """Wrapped lines across the width from ``y``; returns the y below them."""
        line_h = size * 1.45
        for line in wrap(text, self.width - 2 * PAD, size, self.measure, kw.get("bold", False)):
            self.text(PAD, y, self.width - 2 * PAD, line_h, line, size, **kw)
            y += line_h
        return y

    def legend(self, y: float, entries: list[tuple[str, str]]) -> float:
        """Swatch + name for each series, wrapping to new rows; returns the y below."""
        x, row_h, sw = PAD, SMALL * 1.8, SMALL
        for name, colour in entries:
            w = sw + 5 + self.measure(name, SMALL, False) + 16
            if x + w > self.width - PAD and x > PAD:
                x, y = PAD, y + row_h
            self.items.append(Box(x, y + (row_h - sw) / 2, sw, sw, colour))
            self.text(x + sw + 5, y, w - sw - 5, row_h, name, SMALL, colour=MUTED)
            x += w
        return y + row_h


# -- the layout -----------------------------------------------------------------------------------


def layout(chart: Chart, width: float, measure: Measure, *, title: bool = True) -> Drawing:
    """``chart`` laid out ``width`` pixels wide; the height follows from the content. ``title``: False
    leaves the title out (a document's caption says it)."""
    width = max(width, 320.0)
    c = _Canvas(width, measure)
    y = c.paragraph(PAD, chart.title, TITLE, bold=True) if title else PAD / 2
    if chart.legend and not chart.empty:
        y = c.legend(y + 2, [(s.name, s.colour) for s in chart.series])
    y += 6
    if chart.empty:
        h = 110.0
        c.items.append(Box(PAD, y, width - 2 * PAD, h, "#F7F8FA", GRID))
        for i, line in enumerate(wrap(chart.empty_text, width - 4 * PAD, BODY, measure)):
            c.text(PAD, y + h / 2 - BODY + i * BODY * 1.5, width - 2 * PAD, BODY * 1.5, line, BODY,
                   colour=MUTED, align="center")  # fmt: skip
        y += h + 8
    elif chart.horizontal:
        y = _bars(c, chart, y)
    else:
        y = _columns(c, chart, y)
    for note in chart.notes:
        y = c.paragraph(y, note, SMALL, colour=MUTED)
    return Drawing(width, math.ceil(y + PAD), tuple(c.items))


def _totals(chart: Chart) -> list[float]:
    n = len(chart.categories)
    if chart.stacked:
        return [sum(s.values[i] for s in chart.series) for i in range(n)]
    return [max((s.values[i] for s in chart.series), default=0.0) for i in range(n)]


def _value_text(chart: Chart, series_index: int, i: int) -> str:
    s = chart.series[series_index]
    if s.labels:
        return s.labels[i]
    v = s.values[i]
    return _tick_label(v, chart.percent) if v else ""


def _columns(c: _Canvas, chart: Chart, y: float) -> float:
    """Vertical columns (the score distribution): value axis on the left, categories below."""
    m = c.measure
    ticks = nice_ticks(max(_totals(chart), default=0.0), chart.percent)
    tick_w = max(m(_tick_label(t, chart.percent), SMALL, False) for t in ticks)
    c.text(PAD, y, c.width - 2 * PAD, SMALL * 1.6, chart.axis, SMALL, colour=MUTED)
    y += SMALL * 1.6 + 4
    left, right = PAD + tick_w + 8, c.width - PAD
    top, height = y + SMALL, 200.0
    bottom = top + height
    span = ticks[-1] or 1.0
    for t in ticks:
        ty = bottom - height * t / span
        c.items.append(Line(left, ty, right, ty, GRID if t else AXIS))
        c.text(PAD, ty - SMALL, tick_w, SMALL * 2, _tick_label(t, chart.percent), SMALL, colour=MUTED,
               align="right")  # fmt: skip
    n = len(chart.categories)
    slot = (right - left) / n
    k = len(chart.series)
    bar_w = slot * 0.7 / (1 if chart.stacked else k)
    for i in range(n):
        x0 = left + slot * i + slot * 0.15
        base = 0.0
        for j, s in enumerate(chart.series):
            v = s.values[i]
            colour = chart.point_colours[i] if chart.point_colours and k == 1 else s.colour
            h = height * v / span
            bx = x0 if chart.stacked else x0 + j * bar_w
            by = bottom - height * (base + v) / span
            if v:
                c.items.append(Box(bx, by, bar_w, h, colour))
            label = _value_text(chart, j, i)
            if label and not chart.stacked:
                c.text(bx - 10, by - SMALL * 1.6, bar_w + 20, SMALL * 1.5, label, SMALL, align="center")
            if chart.stacked:
                base += v
    # category labels under the columns: smaller when crowded, never overlapping
    size = BODY
    widest = max(m(t, size, False) for t in chart.categories)
    while widest > slot - 2 and size > 9:
        size -= 0.5
        widest = max(m(t, size, False) for t in chart.categories)
    for i, cat in enumerate(chart.categories):
        text = _elide(cat, slot - 2, size, m)
        c.text(left + slot * i, bottom + 3, slot, size * 1.6, text, size, align="center")
    y = bottom + 3 + size * 1.6
    c.text(left, y, right - left, SMALL * 1.7, chart.category_axis, SMALL, colour=MUTED, align="center")
    return y + SMALL * 1.7 + 6


def _bars(c: _Canvas, chart: Chart, y: float) -> float:
    """Horizontal bars (problems, submission): category labels on the left, value axis below."""
    m = c.measure
    totals = _totals(chart)
    ticks = nice_ticks(max(totals, default=0.0), chart.percent)
    span = ticks[-1] or 1.0
    label_w = min(max(m(t, BODY, False) for t in chart.categories) + 4, c.width * 0.38)
    k = 1 if chart.stacked else len(chart.series)
    end_labels = [
        _stack_total(chart, i)
        if chart.stacked
        else max((_value_text(chart, j, i) for j in range(k)), key=len)
        for i in range(len(chart.categories))
    ]
    end_w = max((m(t, SMALL, False) for t in end_labels), default=0.0) + 8
    left = PAD + label_w + 8
    right = c.width - PAD - end_w
    line_h = BODY * 1.35
    rows = [_fit_lines(cat, label_w, BODY, m, 2) for cat in chart.categories]
    row_hs = [max(30.0 if k == 1 else 18.0 * k + 10, len(r) * line_h + 8) for r in rows]
    top = y + 2
    yy = top
    for i, lines in enumerate(rows):
        rh = row_hs[i]
        ty = yy + (rh - len(lines) * line_h) / 2
        for line in lines:
            c.text(PAD, ty, label_w, line_h, line, BODY, align="right")
            ty += line_h
        thick = min(20.0, (rh - 10) / k)
        by = yy + (rh - thick * k) / 2
        base = 0.0
        for j, s in enumerate(chart.series):
            v = s.values[i]
            colour = chart.point_colours[i] if chart.point_colours and len(chart.series) == 1 else s.colour
            x = left + (right - left) * base / span
            w = (right - left) * v / span
            bar_y = by if chart.stacked else by + j * thick
            if v:
                c.items.append(Box(x, bar_y, w, thick, colour))
            if chart.stacked:
                inside = _tick_label(v, chart.percent) if v else ""
                if inside and m(inside, SMALL, False) + 4 < w:
                    c.text(x, bar_y, w, thick, inside, SMALL, colour="#FFFFFF", align="center")
                base += v
            else:
                label = _value_text(chart, j, i)
                if label:
                    c.text(x + w + 4, bar_y, end_w + 40, thick, label, SMALL)
        if chart.stacked and end_labels[i]:
            c.text(left + (right - left) * base / span + 4, by, end_w, thick, end_labels[i], SMALL, bold=True)
        yy += rh
    bottom = yy
    for t in ticks:
        tx = left + (right - left) * t / span
        c.items.append(Line(tx, top, tx, bottom, GRID if t else AXIS))
        c.text(tx - 30, bottom + 2, 60, SMALL * 1.6, _tick_label(t, chart.percent), SMALL, colour=MUTED,
               align="center")  # fmt: skip
    # the grid lies under the bars: move the lines to the front of the list
    grid: list[Item] = [it for it in c.items if isinstance(it, Line)]
    c.items = grid + [it for it in c.items if not isinstance(it, Line)]
    y = bottom + 2 + SMALL * 1.6
    c.text(left, y, right - left, SMALL * 1.7, chart.axis, SMALL, colour=MUTED, align="center")
    return y + SMALL * 1.7 + 6


def _stack_total(chart: Chart, i: int) -> str:
    total = sum(s.values[i] for s in chart.series)
    return _tick_label(total, chart.percent) if total else ""
