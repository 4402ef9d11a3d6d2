"""Page furniture and paragraphs: from visual lines of all pages to reading-order paragraphs.

Decisions are geometric (margins, indents, line pitch) plus numbering markers; headings are
not classified here, but a short line never runs into the next one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from statistics import median

from xxgk_desk.core.loaders.pdf_lines import NAN4, Line, join_texts
from xxgk_desk.core.normalize import is_page_number

_CN_NUM = "一二三四五六七八九十百零〇两"
NUMBERING = re.compile(
    rf"""\s*(?:
        第[{_CN_NUM}\d]+(?:部分|章|节|条|篇)
      | [{_CN_NUM}]+[、.．]
      | [（(][{_CN_NUM}]+[）)]
      | \d{{1,2}}(?:[.．、](?!\d)|[.．]\s)
      | [（(]\d{{1,2}}[）)]
      | [\u2460-\u249b\u3251-\u325f\u32b1-\u32bf]
    )""",
    re.X,
)
#: A line ending in one of these may end a paragraph even when it fills the line.
_SENTENCE_END = frozenset("。；;：:！!？?）)”’」』》】…")
RELIABLE_LINES = 5  # body lines a page needs to tell its own margins
MARGIN_ZONE = 0.15  # share of the page height at the top and bottom that can hold furniture
ISOLATION = 0.8  # running headers sit apart from the body: a gap of more than this many line heights


def numbering_len(text: str) -> int:
    """Length of the numbering marker at the start of ``text`` (0 if none)."""
    m = NUMBERING.match(text)
    return m.end() if m else 0


# -- furniture -------------------------------------------------------------------


def _edge_lines(lines: list[Line], height: float) -> list[Line]:
    """The first and last two lines of a page when they sit in the margin zone."""
    picks = lines[:2] + lines[-2:] if len(lines) > 4 else list(lines)
    zone = MARGIN_ZONE * height
    return [ln for ln in picks if ln.bottom < zone or ln.top > height - zone]


def _margin_candidates(lines: list[Line], height: float) -> list[Line]:
    """Lines that may be page furniture: the group of (at most three) lines at the top or
    bottom of the page that sits in the margin zone, set off from the body by a wide gap."""
    zone = MARGIN_ZONE * height
    top = _edge_group(lines, lambda ln: ln.bottom < zone, lambda a, b: b.top - a.bottom)
    bottom = _edge_group(lines[::-1], lambda ln: ln.top > height - zone, lambda a, b: a.top - b.bottom)
    return top + [ln for ln in bottom if ln not in top]


def _edge_group(
    seq: list[Line], in_zone: Callable[[Line], bool], gap: Callable[[Line, Line], float]
) -> list[Line]:
    group: list[Line] = []
    for ln in seq:
        if group and gap(group[-1], ln) > ISOLATION * _height(ln, group[-1]):
            return group  # set off from what follows
        if len(group) == 3 or not in_zone(ln):
            return []
        group.append(ln)
    return group


def _height(a: Line, b: Line) -> float:
    return max(a.bottom - a.top, b.bottom - b.top, 1.0)


def _furniture_key(line: Line, height: float) -> tuple[str, int, bool]:
    text = re.sub(r"\d+", "#", "".join(line.text.split()))
    return text, round(line.top / 6), line.top > height / 2


def strip_furniture(pages: list[list[Line]], heights: list[float]) -> None:
    """Remove page numbers and running headers/footers from each page's lines (in place)."""
    repeated: set[tuple[str, int, bool]] = set()
    text_pages = sum(1 for ls in pages if ls)
    if text_pages >= 3:
        seen: Counter = Counter()
        for lines, h in zip(pages, heights, strict=True):
            seen.update({_furniture_key(ln, h) for ln in _margin_candidates(lines, h)})
        need = max(3, (text_pages + 1) // 2)
        repeated = {k for k, n in seen.items() if n >= need and k[0]}
    for lines, h in zip(pages, heights, strict=True):
        drop = {id(ln) for ln in _edge_lines(lines, h) if is_page_number(ln.text)}
        drop.update(id(ln) for ln in _margin_candidates(lines, h) if _furniture_key(ln, h) in repeated)
        if drop:
            lines[:] = [ln for ln in lines if id(ln) not in drop]


# -- statistics --------------------------------------------------------------------


class Margins:
    """Left and right text edges of one page."""

    __slots__ = ("left", "right")

    def __init__(self, left: float, right: float) -> None:
        self.left, self.right = left, right


class Stats:
    """Document-wide typography: body font size, body line pitch, page margins."""

    def __init__(self, pages: list[list[Line]]) -> None:
        weights: Counter = Counter()
        for lines in pages:
            for ln in lines:
                weights[round(ln.size, 1)] += len(ln.text)
        self.body_size = _weighted_median(weights) or 12.0
        self.pitch = self._pitch(pages)
        self.margins = self._margins(pages)

    def is_body(self, line: Line) -> bool:
        return abs(line.size - self.body_size) <= 0.15 * self.body_size

    def _pitch(self, pages: list[list[Line]]) -> float:
        deltas = [
            b.base - a.base
            for lines in pages
            for a, b in zip(lines, lines[1:], strict=False)
            if self.is_body(a) and self.is_body(b) and 0 < b.base - a.base < 3 * self.body_size
        ]
        return median(deltas) if deltas else 1.5 * self.body_size

    def _margins(self, pages: list[list[Line]]) -> list[Margins]:
        """Per-page text edges; pages with few body lines borrow them from similar pages.

        A page without enough body lines takes the medians of the pages of its parity
        (left/right-hand pages), else of all pages that have their own edges, else the
        extremes of all body lines. The medians are computed once: linear in the page count.
        """
        found: list[tuple[float, float] | None] = []
        everything: list[Line] = []
        for lines in pages:
            body = [ln for ln in lines if self.is_body(ln) and len(ln.text) >= 4]
            everything += body
            if len(body) < RELIABLE_LINES:
                found.append(None)
                continue
            found.append((_left_edge(body), _right_edge(body)))
        if everything:
            fallback = (min(ln.x0 for ln in everything), max(ln.x1 for ln in everything))
        else:
            fallback = (72.0, 523.0)
        own = [g for g in found if g is not None]
        anywhere = _median_edges(own) if own else fallback
        by_parity = [
            _median_edges(same) if same else anywhere
            for same in ([g for g in found[p::2] if g is not None] for p in (0, 1))
        ]
        return [Margins(*(f if f is not None else by_parity[k % 2])) for k, f in enumerate(found)]


def _median_edges(edges: list[tuple[float, float]]) -> tuple[float, float]:
    """The median left and the median right edge of some pages."""
    return median(g[0] for g in edges), median(g[1] for g in edges)


def _left_edge(body: list[Line]) -> float:
    """The left text edge: the leftmost x0 shared by a good share of the lines.

    Not simply the most common x0: on a page of short paragraphs and headings the indented
    first lines (two em in) outnumber the lines that wrap to the margin.
    """
    bins = Counter(round(ln.x0 / 2) for ln in body)
    best = max(bins.values())
    need = max(2, 0.3 * best) if best >= 2 else 1
    return 2.0 * min(k for k, n in bins.items() if n >= need)


def _right_edge(body: list[Line]) -> float:
    """The right text edge: the furthest x1 that at least two lines reach (ignores one outlier)."""
    ends = sorted((ln.x1 for ln in body), reverse=True)
    for a, b in zip(ends, ends[1:], strict=False):
        if a - b <= 3.0:
            return a
    return ends[0]


def _weighted_median(weights: Counter) -> float:
    total = sum(weights.values())
    acc = 0
    for value in sorted(weights):
        acc += weights[value]
        if 2 * acc >= total:
            return float(value)
    return 0.0


# -- paragraphs --------------------------------------------------------------------


def _style_changes(a: Line, b: Line) -> bool:
    return abs(a.size_end - b.size) > 0.12 * max(a.size_end, b.size) or a.bold_end != b.bold


def _is_short(a: Line, b: Line, m: Margins) -> bool:
    """Whether ``a`` stops clearly before the right margin (b's first word would have fitted)."""
    em = max(b.size, 1.0)
    start = m.left if 0 <= b.x0 - m.left < em else b.x0  # where b's first unit would have started on a
    return m.right - a.x1 > b.lead_end - start + 0.6 * a.size_end


def _hang(a: Line) -> float:
    """x where the text after a's numbering marker starts (a hanging indent), or NaN."""
    k = numbering_len(a.text)
    while k < len(a.text) and a.text[k] == " ":
        k += 1
    if not k or k >= len(a.text):
        return float("nan")
    return a.boxes[4 * k]


def _indented(a: Line, b: Line, first: bool, m: Margins) -> bool:
    """Whether ``b`` starts a new paragraph by its indentation relative to ``a``."""
    em = max(b.size, 1.0)
    if b.x0 > a.x0 + 0.8 * em:
        return not (first and abs(b.x0 - _hang(a)) < 0.5 * em)
    if b.x0 < a.x0 - 0.8 * em and b.x0 - m.left > 0.8 * em:
        return True  # b wraps neither to the margin nor under a: right-aligned or centred lines
    # Two indented first lines in a row: a one-line paragraph followed by another.
    return first and a.x0 - m.left > 1.2 * em and b.x0 - m.left > 1.2 * em and abs(a.x0 - b.x0) < 0.5 * em


def _numbered_start(a: Line, b: Line) -> bool:
    """``b`` opens with a numbering marker after a finished sentence (not an inline list)."""
    return a.text[-1] in _SENTENCE_END and bool(numbering_len(b.text))


def breaks_between(a: Line, b: Line, para: list[Line], stats: Stats, m: Margins) -> bool:
    """Whether line ``b`` (same page, just below ``a``) starts a new paragraph."""
    if _style_changes(a, b) or _is_short(a, b, m) or _numbered_start(a, b):
        return True
    if len(para) >= 2 and para[-2].page == a.page:
        expected = para[-1].base - para[-2].base
    else:
        expected = stats.pitch * a.size_end / stats.body_size
    if b.base - a.base > 1.3 * expected + 1.0:
        return True
    return _indented(a, b, len(para) == 1, m)


def continues_on_next_page(a: Line, ma: Margins, b: Line, mb: Margins) -> bool:
    """Whether ``b``, first on its page, continues the paragraph ending with ``a``."""
    if _style_changes(a, b) or _is_short(a, b, ma) or _numbered_start(a, b):
        return False
    return b.x0 - mb.left < 0.8 * max(b.size, 1.0)


def paragraph_text(lines: list[Line]) -> tuple[str, list[float], list[int]]:
    """Join wrapped lines into one paragraph: text, boxes, and where each line starts."""
    parts: list[str] = []
    boxes: list[float] = []
    starts: list[int] = []
    length = 0
    prev = ""
    for ln in lines:
        sep = join_texts(prev, ln.text)
        if sep:
            parts.append(sep)
            boxes.extend(NAN4)
            length += 1
        starts.append(length)
        parts.append(ln.text)
        boxes.extend(ln.boxes)
        length += len(ln.text)
        prev = ln.text
    return "".join(parts), boxes, starts
