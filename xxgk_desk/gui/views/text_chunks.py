"""The report text cut into chunks of a few thousand characters, each shown as its own QTextDocument.

Threads and lifetimes: a QTextDocument's layout holds pointers into the font engines of the thread
that laid it out (Qt keeps one font cache per thread), so a document laid out in a worker thread and
painted on the UI thread reads font engines that the worker's cache may free at any time — the
window crashed that way. Every QTextDocument here is therefore created, laid out, painted and
deleted on the UI thread. To keep the UI thread responsive on a 300-page report, the text is cut
into chunks that each take a few milliseconds to build and lay out; the view builds the chunks it
shows at once and the others one per event-loop turn.

``plan_chunks`` is plain Python (it runs anywhere); ``build_chunk`` makes Qt objects and must run on
the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from xxgk_desk.core.document import Block, Document
from xxgk_desk.core.outline import Section
from xxgk_desk.gui.offsets import DocMap, OffsetMap

CHUNK_CHARS = 4_000  # a few milliseconds to build and lay out on the UI thread


@dataclass(frozen=True, slots=True)
class Piece:
    """A block of the document, or the rows ``rows[0]:rows[1]`` of a table split over chunks."""

    block: int
    rows: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ChunkPlan:
    pieces: tuple[Piece, ...]
    start: int  # code points: where the chunk's text begins and ends in the canonical text
    end: int
    chars: int


def _table_row_chars(row) -> int:
    return sum(c.end - c.start + 1 for c in row) or 1


def _piece_span(block: Block, rows: tuple[int, int] | None) -> tuple[int, int]:
    if rows is None:
        return block.start, block.end
    cells = [c for row in block.rows[rows[0] : rows[1]] for c in row]
    if not cells:
        return block.start, block.end
    return min(c.start for c in cells), max(c.end for c in cells)


def plan_chunks(doc: Document, max_chars: int = CHUNK_CHARS) -> list[ChunkPlan]:
    """Consecutive blocks grouped into chunks of about ``max_chars`` characters (long tables split by rows)."""
    plans: list[ChunkPlan] = []
    pieces: list[Piece] = []
    size = 0

    def flush() -> None:
        nonlocal pieces, size
        if pieces:
            spans = [_piece_span(doc.blocks[p.block], p.rows) for p in pieces]
            plans.append(ChunkPlan(tuple(pieces), spans[0][0], spans[-1][1], size))
        pieces, size = [], 0

    for i, block in enumerate(doc.blocks):
        if block.kind == "table" and block.rows:
            lo = 0
            rows_size = 0
            for r, row in enumerate(block.rows):
                n = _table_row_chars(row)
                if size + rows_size + n > max_chars and (rows_size or size):
                    if rows_size:
                        pieces.append(Piece(i, (lo, r)))
                        size += rows_size
                    flush()
                    lo, rows_size = r, 0
                rows_size += n
            pieces.append(Piece(i, (lo, len(block.rows))) if lo else Piece(i))
            size += rows_size
        else:
            n = block.end - block.start + 1
            if size and size + n > max_chars:
                flush()
            pieces.append(Piece(i))
            size += n
    flush()
    return plans


def _heading_format(level: int, base_size: float) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    scale = {0: 1.45, 1: 1.2, 2: 1.07}.get(level, 1.0)
    fmt.setFontPointSize(base_size * scale)
    if level == 0:
        fmt.setForeground(QBrush(QColor("#7f1d1d")))
    return fmt


def build_chunk(
    doc: Document,
    plan: ChunkPlan,
    headings: dict[int, Section],
    font: QFont,
    utf16: OffsetMap,
    parent,
) -> tuple[QTextDocument, DocMap]:
    """The chunk's QTextDocument (a child of ``parent``, on the UI thread) and its offset map."""
    qdoc = QTextDocument(parent)
    qdoc.setUndoRedoEnabled(False)
    qdoc.setDefaultFont(font)
    qdoc.setDocumentMargin(0)  # the view keeps the margins, so chunks stack without gaps
    base_size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
    dmap = DocMap(doc.text, utf16)
    cursor = QTextCursor(qdoc)
    body = QTextBlockFormat()
    body.setBottomMargin(6)
    body.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    plain = QTextCharFormat()
    text = doc.text
    first = True
    for piece in plan.pieces:
        block = doc.blocks[piece.block]
        if block.kind == "table" and block.rows:
            _insert_table(cursor, doc, block, piece.rows, dmap, first)
            first = False
            continue
        raw = text[block.start : block.end]
        lead = len(raw) - len(raw.lstrip())
        sec = headings.get(block.start + lead)
        fmt = QTextBlockFormat(body)
        if sec is not None:
            fmt.setTopMargin(14 if sec.level <= 1 else 8)
            fmt.setBottomMargin(6)
            if sec.level == 0:
                fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if first:
            cursor.setBlockFormat(fmt)
            first = False
        else:
            cursor.insertBlock(fmt, plain)
        dmap.add(block.start, block.end, cursor.position())
        if sec is not None:
            head_end = min(sec.title_end, block.end)
            cursor.insertText(text[block.start : head_end], _heading_format(sec.level, base_size))
            if head_end < block.end:
                cursor.insertText(text[head_end : block.end], plain)
        else:
            cursor.insertText(raw, plain)
    return qdoc, dmap


def _insert_table(
    cursor: QTextCursor, doc: Document, block: Block, rows: tuple[int, int] | None, dmap: DocMap, first: bool
) -> None:
    lo, hi = rows if rows is not None else (0, len(block.rows))
    part = block.rows[lo:hi]
    ncols = max((len(r) for r in block.rows), default=1)
    if not first:
        cursor.insertBlock()
    fmt = QTextTableFormat()
    fmt.setBorder(0.6)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(QBrush(QColor("#9ca3af")))
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    if lo == 0:
        fmt.setHeaderRowCount(1)
    table = cursor.insertTable(max(len(part), 1), ncols, fmt)
    header = QTextCharFormat()
    header.setFontWeight(QFont.Weight.Bold)
    for r, row in enumerate(part):
        for c, cell in enumerate(row):
            tc = table.cellAt(r, c).firstCursorPosition()
            dmap.add(cell.start, cell.end, tc.position())
            tc.insertText(doc.text[cell.start : cell.end], header if lo + r == 0 else QTextCharFormat())
    cursor.setPosition(table.lastPosition() + 1)
