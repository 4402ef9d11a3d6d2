"""Ruled tables of a PDF page: ruling lines from PDFium path objects, a cell grid, cell texts.

Only visible rules count: stroked paths and non-white fills. WPS draws an invisible white
rectangle behind every paragraph line; counting those (as pdfplumber does) turns plain
paragraphs into one-column "tables".
"""

from __future__ import annotations

import ctypes
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from xxgk_desk.core.loaders.pdf_chars import BOTTOM, TOP, X0, X1, PageGeometry, unchecked
from xxgk_desk.core.loaders.pdf_lines import NAN4, assemble, cluster_lines, line_em
from xxgk_desk.core.normalize import is_cjk

SNAP = 2.0  # points: rules closer than this are the same rule
THIN = 3.0  # points: a path thinner than this is a rule
MAX_EDGES = 3000  # beyond this the page is a drawing, not a table

Edge = tuple[float, float, float]  # (position, start, end): y, x0, x1 or x, top, bottom


@dataclass
class Table:
    """One ruled table: its grid and the characters assigned to each merged cell."""

    xs: list[float]
    ys: list[float]
    cell_of: list[int]  # fine grid cell (j * ncols + i) -> merged cell id
    cells: list[tuple[int, int]]  # merged cell id -> (first row, first column)
    chars: list[list[tuple]] = field(default_factory=list)
    page: int = 0
    #: For a table recognised by OCR: the confidence of each character, by its box (x0, top, x1, bottom).
    conf: dict[tuple[float, ...], float] | None = None

    @property
    def top(self) -> float:
        return self.ys[0]

    def same_columns(self, other: Table) -> bool:
        """Whether ``other`` (on the next page) looks like the rest of this table."""
        return abs(self.xs[0] - other.xs[0]) <= 3 * SNAP and abs(self.xs[-1] - other.xs[-1]) <= 3 * SNAP

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def locate(self, x: float, y: float) -> int | None:
        """The merged cell holding point (x, y), or None outside the table."""
        if not (self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[0] - 1 <= y <= self.ys[-1] + 1):
            return None
        ncols = len(self.xs) - 1
        i = min(max(bisect_right(self.xs, x) - 1, 0), ncols - 1)
        j = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return self.cell_of[j * ncols + i]

    def width(self, cid: int) -> float:
        """Width of merged cell ``cid``."""
        ncols = len(self.xs) - 1
        cols = [k % ncols for k, c in enumerate(self.cell_of) if c == cid]
        return self.xs[max(cols) + 1] - self.xs[min(cols)]

    def rows(self) -> list[list[tuple[str, list[float]]]]:
        """Rows of (cell text, cell boxes), each merged cell in the row where it starts."""
        return [[(text, boxes) for _, text, boxes in row] for row in self.grid_rows()]

    def grid_rows(self) -> list[list[tuple[int, str, list[float]]]]:
        """Rows of (first grid column, cell text, cell boxes), each merged cell in the row where it starts."""
        by_row: dict[int, list[tuple[int, int]]] = {}
        for cid, (j, i) in enumerate(self.cells):
            by_row.setdefault(j, []).append((i, cid))
        out = []
        for j in sorted(by_row):
            out.append([(i, *cell_text(self.chars[cid], self.width(cid))) for i, cid in sorted(by_row[j])])
        return out


# -- rules -----------------------------------------------------------------------


def _visible(r: int, g: int, b: int, a: int) -> bool:
    return a > 0 and min(r, g, b) < 235


class _PathReader:
    """Reads axis-parallel edges from path objects (reusable ctypes out-parameters)."""

    def __init__(self, geom: PageGeometry) -> None:
        self.geom = geom
        self.f = [ctypes.c_float() for _ in range(4)]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.matrix = pdfium_c.FS_MATRIX()
        self.hs: list[Edge] = []
        self.vs: list[Edge] = []

    def add(self, obj: object) -> None:
        if not pdfium_c.FPDFPath_GetDrawMode(obj, self.mode, self.stroke):
            return
        stroked = bool(self.stroke.value) and self._color(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
        filled = self.mode.value != 0 and self._color(pdfium_c.FPDFPageObj_GetFillColor, obj)
        if not (stroked or filled):
            return
        left, bottom, right, top = self.f
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return
        ax, ay = self.geom.point(left.value, top.value)
        bx, by = self.geom.point(right.value, bottom.value)
        x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        w, h = x1 - x0, y1 - y0
        if w <= THIN and h <= THIN:
            return
        if w <= THIN:
            self.vs.append(((x0 + x1) / 2, y0, y1))
        elif h <= THIN:
            self.hs.append(((y0 + y1) / 2, x0, x1))
        elif pdfium_c.FPDFPath_CountSegments(obj) <= 6:
            self.hs += [(y0, x0, x1), (y1, x0, x1)]
            self.vs += [(x0, y0, y1), (x1, y0, y1)]
        elif stroked:
            self._segments(obj)

    def _color(self, getter: Callable[..., int], obj: object) -> bool:
        r, g, b, a = self.u
        return bool(getter(obj, r, g, b, a)) and _visible(r.value, g.value, b.value, a.value)

    def _segments(self, obj: object) -> None:
        """Axis-parallel straight segments of a complex stroked path (a grid drawn in one path)."""
        m = self.matrix
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
            m.a, m.b, m.c, m.d, m.e, m.f = 1, 0, 0, 1, 0, 0
        px, py = ctypes.c_float(), ctypes.c_float()
        start = prev = None
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
                continue
            x, y = px.value, py.value
            pt = self.geom.point(m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or prev is None:
                start = pt
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                self._edge(prev, pt)
            prev = pt
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                self._edge(prev, start)
                prev = start

    def _edge(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        (x0, y0), (x1, y1) = p, q
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) > THIN:
            self.hs.append((y0, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) > THIN:
            self.vs.append((x0, min(y0, y1), max(y0, y1)))


class _Handle(ctypes.c_void_p):
    """A page object handle as PDFium returns it (a subclass: ctypes hands out the instance itself,
    which the next call takes as it is, instead of an int to wrap again)."""


_get_object = unchecked(pdfium_c.FPDFPage_GetObject, _Handle)
_get_type = unchecked(pdfium_c.FPDFPageObj_GetType)


def page_rules(page: object, geom: PageGeometry) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical ruling lines of a page, snapped and joined."""
    reader = _PathReader(geom)
    path, get_object, get_type = pdfium_c.FPDF_PAGEOBJ_PATH, _get_object, _get_type
    for k in range(pdfium_c.FPDFPage_CountObjects(page)):  # a few hundred a page: text runs mostly
        if get_type(get_object(page, k)) == path:
            reader.add(pdfium_c.FPDFPage_GetObject(page, k))
    return join_edges(reader.hs), join_edges(reader.vs)


def page_images(page: object, geom: PageGeometry) -> tuple[float, int]:
    """(area covered by image objects, number of objects) of a page."""
    area = 0.0
    n = pdfium_c.FPDFPage_CountObjects(page)
    f = [ctypes.c_float() for _ in range(4)]
    for k in range(n):
        obj = pdfium_c.FPDFPage_GetObject(page, k)
        if pdfium_c.FPDFPageObj_GetType(
            obj
        ) == pdfium_c.FPDF_PAGEOBJ_IMAGE and pdfium_c.FPDFPageObj_GetBounds(obj, *f):
            left, bottom, right, top = (v.value for v in f)
            w = min(right, geom.right) - max(left, geom.left)
            h = min(top, geom.top) - max(bottom, geom.bottom)
            area += max(w, 0.0) * max(h, 0.0)
    return area, n


def join_edges(edges: list[Edge]) -> list[Edge]:
    """Snap edges to common positions and merge touching pieces of the same rule."""
    if not edges:
        return []
    edges = sorted(edges)
    groups: list[list[Edge]] = [[edges[0]]]
    for e in edges[1:]:
        if e[0] - groups[-1][-1][0] <= SNAP:
            groups[-1].append(e)
        else:
            groups.append([e])
    out: list[Edge] = []
    for g in groups:
        pos = sum(e[0] for e in g) / len(g)
        spans = sorted((e[1], e[2]) for e in g)
        a, b = spans[0]
        for s, t in spans[1:]:
            if s <= b + SNAP:
                b = max(b, t)
            else:
                out.append((pos, a, b))
                a, b = s, t
        out.append((pos, a, b))
    return out


# -- tables ----------------------------------------------------------------------


class _Union:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, a: int) -> int:
        p = self.p
        while p[a] != a:
            p[a] = p[p[a]]
            a = p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _touch(h: Edge, v: Edge) -> bool:
    return h[1] - SNAP <= v[0] <= h[2] + SNAP and v[1] - SNAP <= h[0] <= v[2] + SNAP


def find_tables(hs: list[Edge], vs: list[Edge], page: int = 0) -> list[Table]:
    """Tables formed by connected horizontal and vertical rules (at least two cells)."""
    if len(hs) < 2 or len(vs) < 2 or len(hs) + len(vs) > MAX_EDGES:
        return []
    uf = _Union(len(hs) + len(vs))
    for a, h in enumerate(hs):
        for b, v in enumerate(vs):
            if _touch(h, v):
                uf.union(a, len(hs) + b)
    comps: dict[int, tuple[list[Edge], list[Edge]]] = {}
    for a, h in enumerate(hs):
        comps.setdefault(uf.find(a), ([], []))[0].append(h)
    for b, v in enumerate(vs):
        comps.setdefault(uf.find(len(hs) + b), ([], []))[1].append(v)
    tables = [t for ch, cv in comps.values() if (t := _grid(ch, cv)) is not None]
    for t in tables:
        t.page = page
    return sorted(tables, key=lambda t: t.top)


def _positions(edges: list[Edge]) -> list[float]:
    out: list[float] = []
    for pos in sorted(e[0] for e in edges):
        if not out or pos - out[-1] > SNAP:
            out.append(pos)
    return out


def _extend(pos: list[float], lo: float, hi: float) -> list[float]:
    """Close a grid whose rules run past its outer lines (a row cut by a page break,
    a table without side borders) with virtual lines where the rules end."""
    if pos and lo < pos[0] - 2 * SNAP:
        pos.insert(0, lo)
    if pos and hi > pos[-1] + 2 * SNAP:
        pos.append(hi)
    return pos


def _covered(edges: list[Edge], pos: float, a: float, b: float) -> bool:
    """Whether a rule at ``pos`` covers most of the span a..b."""
    need = 0.6 * (b - a)
    return any(abs(e[0] - pos) <= SNAP and min(e[2], b) - max(e[1], a) >= need for e in edges)


def _grid(hs: list[Edge], vs: list[Edge]) -> Table | None:
    xs = _extend(_positions(vs), min(h[1] for h in hs), max(h[2] for h in hs))
    ys = _extend(_positions(hs), min(v[1] for v in vs), max(v[2] for v in vs))
    if len(xs) < 2 or len(ys) < 2:
        return None
    nc, nr = len(xs) - 1, len(ys) - 1
    uf = _Union(nc * nr)
    for j in range(nr):
        for i in range(nc):
            if i + 1 < nc and not _covered(vs, xs[i + 1], ys[j], ys[j + 1]):
                uf.union(j * nc + i, j * nc + i + 1)
            if j + 1 < nr and not _covered(hs, ys[j + 1], xs[i], xs[i + 1]):
                uf.union(j * nc + i, (j + 1) * nc + i)
    ids: dict[int, int] = {}
    cell_of: list[int] = []
    cells: list[tuple[int, int]] = []
    for k in range(nc * nr):
        root = uf.find(k)
        if root not in ids:  # roots are the smallest index: the top-left fine cell
            ids[root] = len(cells)
            cells.append(divmod(root, nc))
        cell_of.append(ids[root])
    if len(cells) < 2:
        return None
    return Table(xs, ys, cell_of, cells, [[] for _ in cells])


def split_chars(chars: list[tuple], tables: list[Table]) -> list[tuple]:
    """Hand characters inside tables to their cells; return the characters outside any table."""
    if not tables:
        return chars
    rest = []
    for c in chars:
        x, y = (c[X0] + c[X1]) / 2, (c[TOP] + c[BOTTOM]) / 2
        for t in tables:
            cid = t.locate(x, y)
            if cid is not None:
                t.chars[cid].append(c)
                break
        else:
            rest.append(c)
    return rest


def cell_text(chars: list[tuple], width: float) -> tuple[str, list[float]]:
    """A cell's lines joined into one text (CJK joined without spaces); ``width``: the cell's."""
    text = ""
    boxes: list[float] = []
    broken = False
    for cs in cluster_lines(chars):
        t, bx = assemble(cs, line_em(cs))
        if text:
            sep = _cell_joiner(text, t, broken)
            if sep:
                text += sep
                boxes.extend(NAN4)
        # A single token filling the cell was split for lack of width, not at a space.
        broken = " " not in t and cs[-1][X1] - cs[0][X0] >= 0.75 * (width - 4.0)
        text += t
        boxes += bx
    return text, boxes


def _cell_joiner(a: str, b: str, a_is_broken_word: bool) -> str:
    """'' or ' ' between two wrapped lines of a cell (a word split for lack of width: '')."""
    last, first = a[-1], b[0]
    if a_is_broken_word or is_cjk(last) or is_cjk(first) or last in "-/@._":
        return ""
    return " " if last.isascii() and last.isalpha() and first.isascii() and first.isalpha() else ""
