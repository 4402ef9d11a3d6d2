"""The report text, laid out readably: paragraphs, tables as tables, headings distinct, highlights.

The text is shown as a stack of chunks (see :mod:`text_chunks`): small QTextDocuments that are
created, laid out, painted and deleted on the UI thread only. The view builds the chunks in view at
once and the rest one per event-loop turn; a chunk not built yet has an estimated height, and the
view keeps the text the reader looks at in place when estimates become real heights.

Offsets in and out are code points of the canonical text; the selection is kept as two code-point
offsets, so it spans chunks and copying gives the canonical text itself.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QClipboard,
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QScrollBar

from xxgk_desk.core.document import Document
from xxgk_desk.core.outline import Section
from xxgk_desk.gui.offsets import DocMap, OffsetMap
from xxgk_desk.gui.views.text_chunks import ChunkPlan, build_chunk, plan_chunks

HIGHLIGHT_KINDS = (
    "ocr",  # doubtful OCR text
    "findings",
    "notes",
    "search",
    "evidence",
    "current",
)  # later kinds paint over earlier ones
MARGIN = 18  # pixels around the text


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    colour: str
    underline: bool = False


class _Chunk:
    """One chunk of the shown report: its plan, and once built its document, map and laid-out width."""

    __slots__ = ("plan", "qdoc", "dmap", "width", "height", "built")

    def __init__(self, plan: ChunkPlan, height: float) -> None:
        self.plan = plan
        self.qdoc: QTextDocument | None = None
        self.dmap: DocMap | None = None
        self.width = -1.0  # the text width it was laid out at (-1: never)
        self.height = height  # laid out, or estimated until then
        self.built = False


class ReportView(QAbstractScrollArea):
    """Read-only report text with highlights; offsets in and out are code points.

    Reading needs no caret: selection by mouse and keyboard, copy, select all, scrolling.
    """

    selection_span_changed = Signal(int, int)  # start, end (equal when nothing is selected)
    selectionChanged = Signal()
    reading_position_changed = Signal(int)  # code point at the top of the view
    add_note_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        # A scroll bar that comes and goes would change the width and force a full relayout.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.doc: Document | None = None
        self._sections: dict[int, Section] = {}
        self._utf16: OffsetMap | None = None
        self._chunks: list[_Chunk] = []
        self._starts: list[int] = []  # canonical start of each chunk
        self._tops: list[float] = []  # y of each chunk in the whole text (pixels)
        self._total = 0.0  # height of the whole text
        self._wide = 0.0  # the widest laid-out chunk (a wide table)
        self._anchor = self._pos = 0  # the selection, in code points
        self._placeholder = ""
        self._dragging = False
        self._spans: dict[str, list[Span]] = {k: [] for k in HIGHLIGHT_KINDS}
        self._painted: dict[int, list[QAbstractTextDocumentLayout.Selection]] = {}  # chunk → highlights
        self.selectionChanged.connect(self._emit_selection)
        self._scroll_timer = QTimer(self, singleShot=True, interval=120)
        self._scroll_timer.timeout.connect(self._emit_reading_position)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._jump_target: int | None = None  # where go_to went, until the reader scrolls
        self._steady = 0  # > 0 while the view itself moves the scroll bar (a jump, keeping the place)
        self._relayout_timer = QTimer(self, singleShot=True, interval=80)
        self._relayout_timer.timeout.connect(self._relayout_visible)
        self._builder = QTimer(self, singleShot=True, interval=0)  # builds the other chunks, one a turn
        self._builder.timeout.connect(self._build_next)
        self.setPlaceholderText(self.tr("打开一份报告（Ctrl+O），或把文件拖到窗口中。"))

    # -- content -------------------------------------------------------------------
    def setPlaceholderText(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def show_document(
        self, doc: Document, sections: tuple[Section, ...], plans: list[ChunkPlan] | None = None
    ) -> None:
        """Show ``doc``: the chunks in view are built now, the others in the next event-loop turns.
        ``plans`` (from :func:`plan_chunks`, plain Python) may have been made in a worker thread."""
        self._discard()
        self.doc = doc
        self._sections = {s.start: s for s in sections}
        self._utf16 = OffsetMap(doc.text)
        plans = plans if plans is not None else plan_chunks(doc)
        per_char = self._estimated_height_per_char()
        self._chunks = [_Chunk(p, max(p.chars * per_char, 20.0)) for p in plans]
        self._starts = [p.start for p in plans]
        self._update_tops()
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)
        self._prepare_visible()
        self._builder.start()
        self.selectionChanged.emit()

    def clear_document(self) -> None:
        self._discard()
        self._update_tops()
        self.viewport().update()
        self.selectionChanged.emit()

    def _discard(self) -> None:
        """Forget the shown report. Its documents are the view's children, deleted by the event loop;
        every reference to them (chunks, painted highlights) goes now, so nothing can reach them."""
        self._builder.stop()
        self._painted.clear()
        for chunk in self._chunks:
            if chunk.qdoc is not None:
                chunk.qdoc.deleteLater()
            chunk.qdoc = chunk.dmap = None
        self._chunks, self._starts, self._tops = [], [], []
        self._wide = 0.0
        self.doc, self._utf16 = None, None
        self._sections = {}
        self._anchor = self._pos = 0
        self._jump_target = None
        self._spans = {k: [] for k in HIGHLIGHT_KINDS}

    def toPlainText(self) -> str:
        """The text as shown (every chunk built), paragraphs separated by newlines."""
        for i in range(len(self._chunks)):
            self._ensure(i)
        return "\n".join(c.qdoc.toPlainText() for c in self._chunks if c.qdoc is not None)

    @property
    def chunk_count(self) -> int:
        return len(self._chunks)

    @property
    def pending_chunks(self) -> int:
        """Chunks not yet built or laid out at the current width."""
        width = self._text_width()
        return sum(1 for c in self._chunks if not c.built or c.width != width)

    # -- building and geometry -----------------------------------------------------
    def _text_width(self) -> float:
        return float(max(120, self.viewport().width() - 2 * MARGIN))

    def _estimated_height_per_char(self) -> float:
        built = [c for c in self._chunks if c.built]
        chars = sum(c.plan.chars for c in built)
        if chars > 2000:
            return sum(c.height for c in built) / chars
        metrics = QFontMetricsF(self.font())
        per_line = max(8.0, self._text_width() / max(metrics.horizontalAdvance("国"), 1.0))
        return metrics.height() * 1.5 / per_line

    def _update_tops(self) -> None:
        y = float(MARGIN)
        tops = []
        for c in self._chunks:
            tops.append(y)
            y += c.height
        self._tops = tops
        self._total = y + MARGIN if self._chunks else 0.0
        self._adjust_scrollbars()

    def _adjust_scrollbars(self) -> None:
        vp = self.viewport()
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, int(self._total) - vp.height()))
        vbar.setPageStep(vp.height())
        vbar.setSingleStep(24)
        hbar.setRange(0, max(0, int(self._wide + 2 * MARGIN) - vp.width()))
        hbar.setPageStep(vp.width())
        hbar.setSingleStep(24)

    def _ensure(self, i: int) -> _Chunk:
        """Chunk ``i`` built and laid out at the current width (a few milliseconds), the view kept steady."""
        chunk = self._chunks[i]
        width = self._text_width()
        if chunk.built and chunk.width == width:
            return chunk
        if not chunk.built:
            assert self.doc is not None and self._utf16 is not None
            chunk.qdoc, chunk.dmap = build_chunk(
                self.doc, chunk.plan, self._sections, self.font(), self._utf16, self
            )
            chunk.built = True
        assert chunk.qdoc is not None
        chunk.qdoc.setTextWidth(width)
        size = chunk.qdoc.documentLayout().documentSize()
        height = size.height()
        self._wide = max(self._wide, size.width()) if i else size.width()
        chunk.width = width
        self._painted.pop(i, None)
        self._set_height(i, height)
        return chunk

    def _set_height(self, i: int, height: float) -> None:
        """A chunk's real height is known: move what follows, keep the line at the top of the view in place."""
        chunk = self._chunks[i]
        old = chunk.height
        if abs(height - old) < 0.5:
            return
        chunk.height = height
        bar = self.verticalScrollBar()
        top, y = self._tops[i], float(bar.value())
        if top + old <= y:  # wholly above the view
            y += height - old
        elif top < y:  # holds the top of the view: keep the same relative place in it
            y = top + (y - top) * height / max(old, 1.0)
        self._update_tops()
        if int(y) != bar.value():
            self._set_scroll(int(y))

    def _set_scroll(self, value: int) -> None:
        """Move the scroll bar for the view's own reasons (not the reader's)."""
        self._steady += 1
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._steady -= 1

    def _scrolled(self, _value: int) -> None:
        if not self._steady:
            self._jump_target = None  # the reader scrolled: the top of the view is the reading position
        self._scroll_timer.start()

    def _visible_chunks(self) -> range:
        if not self._chunks:
            return range(0)
        y0 = self.verticalScrollBar().value()
        y1 = y0 + self.viewport().height()
        first = max(bisect.bisect_right(self._tops, y0) - 1, 0)
        last = max(bisect.bisect_right(self._tops, y1) - 1, first)
        return range(first, last + 1)

    def _prepare_visible(self) -> None:
        """Build and lay out the chunks in view (heights may change, so look again until it is stable)."""
        for _ in range(8):
            todo = [i for i in self._visible_chunks() if self._needs_work(i)]
            if not todo:
                break
            for i in todo:
                self._ensure(i)
        self._adjust_scrollbars()
        self.viewport().update()

    def _needs_work(self, i: int) -> bool:
        c = self._chunks[i]
        return not c.built or c.width != self._text_width()

    def _build_next(self) -> None:
        """One chunk per event-loop turn: the nearest to the view first."""
        if not self._chunks:
            return
        visible = self._visible_chunks()
        centre = visible.start if visible else 0
        todo = [i for i in range(len(self._chunks)) if self._needs_work(i)]
        if not todo:
            self._adjust_scrollbars()
            return
        i = min(todo, key=lambda k: (abs(k - centre), k < centre))
        self._ensure(i)
        self.viewport().update()
        self._builder.start()

    def _relayout_visible(self) -> None:
        """A new width: the text at the top stays at the top, the chunks in view are laid out now."""
        if not self._chunks:
            return
        top = self.offset_at_top()
        self._prepare_visible()
        self._scroll_to(top, 0)
        self._prepare_visible()
        self._builder.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._adjust_scrollbars()
        if self._chunks and any(self._needs_work(i) for i in self._visible_chunks()):
            self._relayout_timer.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        if any(self._needs_work(i) for i in self._visible_chunks()):
            QTimer.singleShot(0, self._prepare_visible)
        self.viewport().update()

    # -- painting ------------------------------------------------------------------
    def _origin(self, i: int) -> QPointF:
        """Where chunk ``i``'s own coordinates start, in viewport coordinates."""
        return QPointF(
            MARGIN - self.horizontalScrollBar().value(), self._tops[i] - self.verticalScrollBar().value()
        )

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        if self.doc is None:
            colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
            painter.setPen(colour)
            painter.drawText(
                self.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
                Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
            return
        area = QRectF(event.rect())
        late = False
        for i in self._visible_chunks():
            chunk = self._chunks[i]
            if chunk.qdoc is None:
                late = True
                continue
            late = late or chunk.width != self._text_width()
            origin = self._origin(i)
            clip = area.translated(-origin.x(), -origin.y())
            painter.save()
            painter.translate(origin)
            painter.setClipRect(clip)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette = self.palette()
            ctx.clip = clip
            ctx.cursorPosition = -1
            ctx.selections = self._selections(i)
            chunk.qdoc.documentLayout().draw(painter, ctx)
            painter.restore()
        if late:
            QTimer.singleShot(0, self._prepare_visible)

    def _selections(self, i: int) -> list[QAbstractTextDocumentLayout.Selection]:
        """Highlights (kept per chunk until they change) and the reader's selection, for chunk ``i``."""
        painted = self._painted.get(i)
        if painted is None:
            painted = self._painted[i] = self._highlight_selections(i)
        out = list(painted)
        a, b = sorted((self._anchor, self._pos))
        if b > a:
            fmt = QTextCharFormat()
            fmt.setBackground(self.palette().brush(QPalette.ColorRole.Highlight))
            fmt.setForeground(self.palette().brush(QPalette.ColorRole.HighlightedText))
            sel = self._selection(i, a, b, fmt)
            if sel is not None:
                out.append(sel)
        return out

    def _selection(
        self, i: int, start: int, end: int, fmt: QTextCharFormat
    ) -> QAbstractTextDocumentLayout.Selection | None:
        chunk = self._chunks[i]
        if chunk.qdoc is None or chunk.dmap is None:
            return None
        lo, hi = max(start, chunk.plan.start), min(end, chunk.plan.end)
        if hi <= lo:
            return None
        cur = QTextCursor(chunk.qdoc)
        cur.setPosition(chunk.dmap.to_qt(lo))
        cur.setPosition(chunk.dmap.to_qt(hi), QTextCursor.MoveMode.KeepAnchor)
        sel = QAbstractTextDocumentLayout.Selection()
        sel.cursor = cur
        sel.format = fmt
        return sel

    def _highlight_selections(self, i: int) -> list[QAbstractTextDocumentLayout.Selection]:
        plan = self._chunks[i].plan
        out = []
        for kind in HIGHLIGHT_KINDS:
            for span in self._spans[kind]:
                if span.end < plan.start or span.start > plan.end:
                    continue
                fmt = QTextCharFormat()
                if span.underline:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                    fmt.setUnderlineColor(QColor(span.colour))
                else:
                    fmt.setBackground(QBrush(QColor(span.colour)))
                if kind == "current":
                    fmt.setProperty(QTextFormat.Property.OutlinePen, QColor("#1d4ed8"))
                sel = self._selection(i, span.start, span.end, fmt)
                if sel is not None:
                    out.append(sel)
        return out

    # -- positions -----------------------------------------------------------------
    def _chunk_of_offset(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def offset_at(self, point: QPoint) -> int:
        """The code point under ``point`` (viewport coordinates; above or below the text: its ends)."""
        if self.doc is None or not self._chunks:
            return 0
        y = point.y() + self.verticalScrollBar().value()
        if y < self._tops[0]:
            return 0
        i = max(bisect.bisect_right(self._tops, y) - 1, 0)
        chunk = self._ensure(i)
        origin = self._origin(i)
        if point.y() - origin.y() > chunk.height:  # below the last chunk
            return chunk.plan.end
        assert chunk.qdoc is not None and chunk.dmap is not None
        pos = chunk.qdoc.documentLayout().hitTest(QPointF(point) - origin, Qt.HitTestAccuracy.FuzzyHit)
        return chunk.dmap.from_qt(max(0, pos))

    def rect_for_offset(self, offset: int) -> QRect:
        """The rectangle of the position before code point ``offset``, in viewport coordinates."""
        if self.doc is None or not self._chunks:
            return QRect()
        i = self._chunk_of_offset(offset)
        chunk = self._ensure(i)
        assert chunk.qdoc is not None and chunk.dmap is not None
        qdoc = chunk.qdoc
        pos = chunk.dmap.to_qt(min(max(offset, chunk.plan.start), chunk.plan.end))
        block = qdoc.findBlock(pos)
        if not block.isValid():
            return QRect()
        box = qdoc.documentLayout().blockBoundingRect(block)
        line = block.layout().lineForTextPosition(pos - block.position())
        x, y, h = box.left(), box.top(), box.height()
        if line.isValid():
            x += line.cursorToX(pos - block.position())[0]
            y += line.y()
            h = line.height()
        origin = self._origin(i)
        return QRect(int(x + origin.x()), int(y + origin.y()), 1, max(1, int(h)))

    def _scroll_to(self, offset: int, margin: int) -> None:
        rect = self.rect_for_offset(offset)
        self._set_scroll(self.verticalScrollBar().value() + rect.top() - margin)
        self._prepare_visible()

    def _ensure_visible(self, offset: int) -> None:
        rect = self.rect_for_offset(offset)
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() > height:
            bar.setValue(bar.value() + rect.bottom() - height)

    def _chunk_cursor(self, offset: int) -> tuple[int, QTextCursor]:
        i = self._chunk_of_offset(offset)
        chunk = self._ensure(i)
        assert chunk.qdoc is not None and chunk.dmap is not None
        cur = QTextCursor(chunk.qdoc)
        cur.setPosition(chunk.dmap.to_qt(min(max(offset, chunk.plan.start), chunk.plan.end)))
        return i, cur

    # -- selection -----------------------------------------------------------------
    def selection(self) -> tuple[int, int]:
        """(anchor, position) in code points; equal when nothing is selected."""
        return self._anchor, self._pos

    def set_selection(self, anchor: int, position: int | None = None) -> None:
        length = len(self.doc.text) if self.doc is not None else 0
        anchor = min(max(anchor, 0), length)
        position = anchor if position is None else min(max(position, 0), length)
        if (anchor, position) == (self._anchor, self._pos):
            return
        self._anchor, self._pos = anchor, position
        self.viewport().update()
        self.selectionChanged.emit()

    def select_all(self) -> None:
        if self.doc is not None:
            self.set_selection(0, len(self.doc.text))

    def selected_text(self) -> str:
        a, b = sorted((self._anchor, self._pos))
        return self.doc.text[a:b] if self.doc is not None else ""

    def copy(self) -> None:
        if self.selected_text():
            QGuiApplication.clipboard().setText(self.selected_text())

    def _copy_to_selection_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.selected_text() and clipboard.supportsSelection():
            clipboard.setText(self.selected_text(), QClipboard.Mode.Selection)

    # -- mouse and keyboard ----------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.doc is None:
            return super().mousePressEvent(event)
        pos = self.offset_at(event.position().toPoint())
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.set_selection(self._anchor, pos)
        else:
            self.set_selection(pos)
        self._dragging = True

    def mouseMoveEvent(self, event) -> None:
        if not self._dragging:
            return super().mouseMoveEvent(event)
        point = event.position().toPoint()
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if point.y() < 0:
            bar.setValue(bar.value() + point.y())
        elif point.y() > height:
            bar.setValue(bar.value() + point.y() - height)
        self.set_selection(self._anchor, self.offset_at(point))

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            self._copy_to_selection_clipboard()
        else:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.doc is None:
            return super().mouseDoubleClickEvent(event)
        i, cur = self._chunk_cursor(self.offset_at(event.position().toPoint()))
        cur.select(QTextCursor.SelectionType.WordUnderCursor)
        dmap = self._chunks[i].dmap
        assert dmap is not None
        self.set_selection(dmap.from_qt(cur.selectionStart()), dmap.from_qt(cur.selectionEnd()))
        self._copy_to_selection_clipboard()

    _IN_CHUNK = {
        QKeySequence.StandardKey.SelectNextWord: QTextCursor.MoveOperation.NextWord,
        QKeySequence.StandardKey.SelectPreviousWord: QTextCursor.MoveOperation.PreviousWord,
        QKeySequence.StandardKey.SelectStartOfLine: QTextCursor.MoveOperation.StartOfLine,
        QKeySequence.StandardKey.SelectEndOfLine: QTextCursor.MoveOperation.EndOfLine,
        QKeySequence.StandardKey.SelectStartOfBlock: QTextCursor.MoveOperation.StartOfBlock,
        QKeySequence.StandardKey.SelectEndOfBlock: QTextCursor.MoveOperation.EndOfBlock,
    }

    def _moved(self, offset: int, key) -> int:
        """Where a Shift+key selection move takes the position ``offset``."""
        assert self.doc is not None
        if key == QKeySequence.StandardKey.SelectNextChar:
            return min(offset + 1, len(self.doc.text))
        if key == QKeySequence.StandardKey.SelectPreviousChar:
            return max(offset - 1, 0)
        if key in (QKeySequence.StandardKey.SelectNextLine, QKeySequence.StandardKey.SelectPreviousLine):
            rect = self.rect_for_offset(offset)
            step = max(rect.height(), 8)
            down = key == QKeySequence.StandardKey.SelectNextLine
            return self.offset_at(QPoint(rect.x(), rect.center().y() + (step if down else -step)))
        i, cur = self._chunk_cursor(offset)
        cur.movePosition(self._IN_CHUNK[key])
        dmap = self._chunks[i].dmap
        assert dmap is not None
        moved = dmap.from_qt(cur.position())
        plan = self._chunks[i].plan
        if moved == offset and key == QKeySequence.StandardKey.SelectNextWord and i + 1 < len(self._chunks):
            return self._chunks[i + 1].plan.start  # at the chunk's end: on to the next one
        if moved == offset and key == QKeySequence.StandardKey.SelectPreviousWord and i > 0:
            return self._chunks[i - 1].plan.end
        return min(max(moved, plan.start), plan.end)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
            return
        if self.doc is not None:
            for key in (
                QKeySequence.StandardKey.SelectNextChar,
                QKeySequence.StandardKey.SelectPreviousChar,
                QKeySequence.StandardKey.SelectNextLine,
                QKeySequence.StandardKey.SelectPreviousLine,
                *self._IN_CHUNK,
            ):
                if event.matches(key):
                    pos = self._moved(self._pos, key)
                    self.set_selection(self._anchor, pos)
                    self._ensure_visible(pos)
                    return
        bar = self.verticalScrollBar()
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            bar.setValue(0)
        elif event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            bar.setValue(bar.maximum())
        elif event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            bar.triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
        else:
            super().keyPressEvent(event)  # arrows, Page Up/Down scroll

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        action = menu.addAction(self.tr("添加批注…"))
        action.setShortcut("Ctrl+M")
        action.setEnabled(self.doc is not None)
        action.triggered.connect(self.add_note_requested.emit)
        menu.addSeparator()
        copy = menu.addAction(self.tr("复制"))
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(bool(self.selected_text()))
        copy.triggered.connect(self.copy)
        select_all = menu.addAction(self.tr("全选"))
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.setEnabled(self.doc is not None)
        select_all.triggered.connect(self.select_all)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- highlights ----------------------------------------------------------------
    def set_highlights(self, kind: str, spans: list[Span]) -> None:
        self._spans[kind] = spans
        self._painted.clear()
        self.viewport().update()

    # -- navigation ------------------------------------------------------------------
    def go_to(self, start: int, end: int | None = None, select: bool = False) -> None:
        """Scroll to a span; mark it as the current span (and select it if asked)."""
        if self.doc is None:
            return
        self.set_selection(start, end if select and end is not None else start)
        # Put the target a little below the top so the context above stays visible; until the reader
        # scrolls, the target (not the context above it) is the reading position.
        self._scroll_to(start, self.viewport().height() // 4)
        self._jump_target = start
        self._scroll_timer.start()
        if end is not None:
            self.set_highlights("current", [Span(start, end, "#bfdbfe")])

    def selected_span(self) -> tuple[int, int] | None:
        if self.doc is None:
            return None
        a, b = sorted((self._anchor, self._pos))
        return (a, b) if b > a else None

    def cursor_offset(self) -> int:
        """The selection's moving end (where go_to put it), in code points."""
        return self._pos

    def offset_at_top(self) -> int:
        if self.doc is None:
            return 0
        return self.offset_at(QPoint(4, 4))

    def _emit_selection(self) -> None:
        span = self.selected_span()
        if span:
            self.selection_span_changed.emit(*span)

    def reading_position(self) -> int:
        """Where the reader is: the target of the last jump, or after scrolling the text at the top."""
        return self._jump_target if self._jump_target is not None else self.offset_at_top()

    def _emit_reading_position(self) -> None:
        if self.doc is not None:
            self.reading_position_changed.emit(self.reading_position())
