"""The report text, laid out readably: paragraphs, tables as tables, headings distinct, highlights.

The QTextDocument is built from the document's blocks (``build_text_document`` may run in a
worker thread); a :class:`DocMap` converts between its positions and the canonical offsets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSizeF,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QClipboard,
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QScrollBar

from xxgk_desk.core.document import Document
from xxgk_desk.core.outline import Section
from xxgk_desk.gui.offsets import DocMap

HIGHLIGHT_KINDS = (
    "ocr",  # doubtful OCR text
    "findings",
    "notes",
    "search",
    "evidence",
    "current",
)  # later kinds paint over earlier ones


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    colour: str
    underline: bool = False


def _heading_format(level: int, base_size: float) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    scale = {0: 1.45, 1: 1.2, 2: 1.07}.get(level, 1.0)
    fmt.setFontPointSize(base_size * scale)
    if level == 0:
        fmt.setForeground(QBrush(QColor("#7f1d1d")))
    return fmt


def build_text_document(
    doc: Document,
    sections: tuple[Section, ...],
    base_size: float = 11.0,
    target_thread: QThread | None = None,
    text_width: float | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[QTextDocument, DocMap]:
    """A QTextDocument of the report and its offset map. Safe off the UI thread: pass the UI thread
    as ``target_thread`` and the finished document is handed over to it; with ``text_width`` (the
    view's width) the whole layout is done here too, so showing it does not stall the window."""
    qdoc = QTextDocument()
    qdoc.setUndoRedoEnabled(False)
    font = QFont()
    font.setPointSizeF(base_size)
    qdoc.setDefaultFont(font)
    qdoc.setDocumentMargin(18)
    dmap = DocMap(doc.text)
    cursor = QTextCursor(qdoc)
    heading_at = {s.start: s for s in sections}
    body = QTextBlockFormat()
    body.setBottomMargin(6)
    body.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    plain = QTextCharFormat()
    first = True
    text = doc.text
    for block in doc.blocks:
        if block.kind == "table":
            _insert_table(cursor, doc, block, dmap, first)
            first = False
            continue
        raw = text[block.start : block.end]
        lead = len(raw) - len(raw.lstrip())
        sec = heading_at.get(block.start + lead)
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
    if text_width:
        lay_out(qdoc, text_width, should_stop)
    if target_thread is not None and target_thread is not qdoc.thread():
        qdoc.moveToThread(target_thread)
    return qdoc, dmap


def lay_out(qdoc: QTextDocument, width: float, should_stop: Callable[[], bool] | None = None) -> None:
    """Lay out every block of ``qdoc`` at ``width`` in the calling thread.

    Off the UI thread, Qt's own incremental layout runs in a local event loop: its steps are C++
    timer events that never take Python's GIL, so the UI thread's Python code keeps running (one
    ``documentSize()`` call would hold the GIL for the whole layout, 100+ ms on 300 pages). On the
    UI thread (tests run tasks inline) the layout is simply forced.
    """
    layout = qdoc.documentLayout()  # created in this thread, so its timers run here
    qdoc.setTextWidth(width)
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is app.thread():
        layout.documentSize()
        return
    last = qdoc.lastBlock()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)

    def check() -> None:
        if last.layout().lineCount() > 0 or (should_stop is not None and should_stop()):
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    layout.documentSize()  # whatever step is still due (usually nothing) is done here, not on the UI thread


def _insert_table(cursor: QTextCursor, doc: Document, block, dmap: DocMap, first: bool) -> None:
    rows = block.rows
    ncols = max((len(r) for r in rows), default=1)
    if not first:
        cursor.insertBlock()
    fmt = QTextTableFormat()
    fmt.setBorder(0.6)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(QBrush(QColor("#9ca3af")))
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setHeaderRowCount(1)
    table = cursor.insertTable(len(rows), ncols, fmt)
    header = QTextCharFormat()
    header.setFontWeight(QFont.Weight.Bold)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            tc = table.cellAt(r, c).firstCursorPosition()
            dmap.add(cell.start, cell.end, tc.position())
            tc.insertText(doc.text[cell.start : cell.end], header if r == 0 else QTextCharFormat())
    cursor.setPosition(table.lastPosition() + 1)


BACKGROUND_RELAYOUT = 40_000  # characters from which a new width is laid out in a pool thread


class _Delivery(QObject):
    """Carries a document laid out in a pool thread back to the view's thread."""

    ready = Signal(object, int)


class _Relayout(QRunnable):
    """Pulls a thread-less copy of the document into a pool thread, lays it out, hands it back."""

    def __init__(self, copy: QTextDocument, width: float, generation: int, delivery: _Delivery) -> None:
        super().__init__()
        self.copy, self.width, self.generation, self.delivery = copy, width, generation, delivery
        self.target = delivery.thread()

    def run(self) -> None:
        self.copy.moveToThread(QThread.currentThread())
        lay_out(self.copy, self.width)
        self.copy.moveToThread(self.target)
        try:
            self.delivery.ready.emit(self.copy, self.generation)
        except RuntimeError:  # the view is gone
            pass


class ReportView(QAbstractScrollArea):
    """Read-only report text with highlights; offsets in and out are code points.

    A QTextEdit re-lays out every document it is given (``setDocument`` resets the page size), so
    a 300-page report laid out in the background would be laid out again on the UI thread. This
    view paints the document's own layout as it is and lays it out again only when its width
    changes. Reading needs no caret: selection by mouse and keyboard, copy, select all, scrolling.
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
        self.dmap: DocMap | None = None
        self.doc: Document | None = None
        self._qdoc = QTextDocument(self)
        self._cursor = QTextCursor(self._qdoc)
        self._doc_size = QSizeF()
        self._extra: list[QAbstractTextDocumentLayout.Selection] = []
        self._placeholder = ""
        self._dragging = False
        self._spans: dict[str, list[Span]] = {k: [] for k in HIGHLIGHT_KINDS}
        self.selectionChanged.connect(self._emit_selection)
        self._scroll_timer = QTimer(self, singleShot=True, interval=120)
        self._scroll_timer.timeout.connect(self._emit_reading_position)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_timer.start())
        self._relayout_timer = QTimer(self, singleShot=True, interval=150)
        self._relayout_timer.timeout.connect(self._relayout)
        self._generation = 0  # of background relayouts: only the latest one is shown
        self._relaid_out = _Delivery(self)
        self._relaid_out.ready.connect(self._adopt)
        self._attach(self._qdoc)
        self.setPlaceholderText(self.tr("打开一份报告（Ctrl+O），或把文件拖到窗口中。"))

    # -- content -------------------------------------------------------------------
    def document(self) -> QTextDocument:
        return self._qdoc

    def toPlainText(self) -> str:
        return self._qdoc.toPlainText()

    def setPlaceholderText(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def show_document(self, doc: Document, qdoc: QTextDocument, dmap: DocMap) -> None:
        """Show a document built by ``build_text_document`` (moved to this thread by the builder)."""
        qdoc.setParent(self)
        self.doc, self.dmap = doc, dmap
        self._spans = {k: [] for k in HIGHLIGHT_KINDS}
        self._attach(qdoc)
        self._apply()

    def clear_document(self) -> None:
        self.doc, self.dmap = None, None
        self._spans = {k: [] for k in HIGHLIGHT_KINDS}
        self._attach(QTextDocument(self))

    def _attach(self, qdoc: QTextDocument) -> None:
        old = self._qdoc
        if old is not qdoc:
            old_layout = old.documentLayout()
            old_layout.update.disconnect(self._layout_updated)
            old_layout.documentSizeChanged.disconnect(self._size_changed)
            old.deleteLater()
        self._qdoc = qdoc
        layout = qdoc.documentLayout()
        layout.update.connect(self._layout_updated)
        layout.documentSizeChanged.connect(self._size_changed)
        self._doc_size = layout.documentSize() if qdoc.textWidth() > 0 else QSizeF()
        self._extra = []
        self._cursor = QTextCursor(qdoc)
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)
        self._adjust_scrollbars()
        if abs(qdoc.textWidth() - self.viewport().width()) > 0.5:
            self._relayout()
        self.viewport().update()
        self.selectionChanged.emit()

    def _layout_updated(self, _rect) -> None:
        self.viewport().update()

    def _size_changed(self, size: QSizeF) -> None:
        self._doc_size = size
        self._adjust_scrollbars()

    def _adjust_scrollbars(self) -> None:
        vp = self.viewport()
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, int(self._doc_size.height()) - vp.height()))
        vbar.setPageStep(vp.height())
        vbar.setSingleStep(24)
        hbar.setRange(0, max(0, int(self._doc_size.width()) - vp.width()))
        hbar.setPageStep(vp.width())
        hbar.setSingleStep(24)

    def _relayout(self) -> None:
        """Lay the document out again at the viewport's width, keeping the text at the top in view.

        A long report is copied and laid out in a pool thread, and the copy replaces the shown
        document when it is ready (Qt's own relayout would run here in steps of up to 200,000
        characters, 100 ms each on 300 pages); a short one is laid out again here at once."""
        width = self.viewport().width()
        if width <= 0 or abs(self._qdoc.textWidth() - width) <= 0.5:
            return
        if self.doc is None or self._qdoc.characterCount() < BACKGROUND_RELAYOUT:
            top = self.cursorForPosition(QPoint(4, 4)).position() if self.doc is not None else 0
            self._qdoc.setTextWidth(width)
            if top > 0:
                self._scroll_to(top, 0)
            return
        self._generation += 1
        copy = self._qdoc.clone()
        copy.moveToThread(None)  # no thread: the pool thread pulls it in
        QThreadPool.globalInstance().start(_Relayout(copy, float(width), self._generation, self._relaid_out))

    def _adopt(self, copy: QTextDocument, generation: int) -> None:
        """A copy laid out in the background arrived: show it in place of the shown document."""
        if generation != self._generation or self.doc is None:
            copy.deleteLater()
            return
        top = self.cursorForPosition(QPoint(4, 4)).position()
        anchor, position = self._cursor.anchor(), self._cursor.position()
        copy.setParent(self)
        self._attach(copy)  # (lays out again if the width changed meanwhile)
        cur = QTextCursor(copy)
        cur.setPosition(anchor)
        cur.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self._cursor = cur
        self._apply()
        if top > 0:
            self._scroll_to(top, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._adjust_scrollbars()
        if abs(self._qdoc.textWidth() - self.viewport().width()) > 0.5:
            self._relayout_timer.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # -- painting ------------------------------------------------------------------
    def _offset(self) -> QPoint:
        return QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        if self.doc is None and self._qdoc.isEmpty():
            colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
            painter.setPen(colour)
            painter.drawText(
                self.viewport().rect().adjusted(18, 18, -18, -18), Qt.TextFlag.TextWordWrap, self._placeholder
            )
            return
        offset = self._offset()
        rect = event.rect().translated(offset)
        painter.translate(-offset.x(), -offset.y())
        painter.setClipRect(rect)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette = self.palette()
        ctx.clip = QRectF(rect)
        ctx.cursorPosition = -1
        selections = list(self._extra)
        if self._cursor.hasSelection():
            sel = QAbstractTextDocumentLayout.Selection()
            sel.cursor = self._cursor
            fmt = QTextCharFormat()
            fmt.setBackground(self.palette().brush(QPalette.ColorRole.Highlight))
            fmt.setForeground(self.palette().brush(QPalette.ColorRole.HighlightedText))
            sel.format = fmt
            selections.append(sel)
        ctx.selections = selections
        self._qdoc.documentLayout().draw(painter, ctx)

    # -- positions -----------------------------------------------------------------
    def _hit(self, point: QPoint) -> int:
        pos = self._qdoc.documentLayout().hitTest(
            QPointF(point + self._offset()), Qt.HitTestAccuracy.FuzzyHit
        )
        return max(0, pos)

    def cursorForPosition(self, point: QPoint) -> QTextCursor:
        cur = QTextCursor(self._qdoc)
        cur.setPosition(min(self._hit(point), self._qdoc.characterCount() - 1))
        return cur

    def cursorRect(self, cur: QTextCursor) -> QRect:
        """The rectangle of ``cur``'s position in viewport coordinates."""
        pos = cur.position()
        block = self._qdoc.findBlock(pos)
        if not block.isValid():
            return QRect()
        box = self._qdoc.documentLayout().blockBoundingRect(block)  # lays out up to here if needed
        line = block.layout().lineForTextPosition(pos - block.position())
        x, y, h = box.left(), box.top(), box.height()
        if line.isValid():
            x += line.cursorToX(pos - block.position())[0]
            y += line.y()
            h = line.height()
        offset = self._offset()
        return QRect(int(x) - offset.x(), int(y) - offset.y(), 1, max(1, int(h)))

    def _scroll_to(self, qt_pos: int, margin: int) -> None:
        cur = QTextCursor(self._qdoc)
        cur.setPosition(qt_pos)
        rect = self.cursorRect(cur)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - margin)

    def _ensure_visible(self, cur: QTextCursor) -> None:
        rect = self.cursorRect(cur)
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() > height:
            bar.setValue(bar.value() + rect.bottom() - height)

    # -- selection -----------------------------------------------------------------
    def textCursor(self) -> QTextCursor:
        return QTextCursor(self._cursor)

    def setTextCursor(self, cur: QTextCursor) -> None:
        before = (self._cursor.anchor(), self._cursor.position())
        self._cursor = QTextCursor(cur)
        self.viewport().update()
        if (cur.anchor(), cur.position()) != before:
            self.selectionChanged.emit()

    def select_all(self) -> None:
        cur = QTextCursor(self._qdoc)
        cur.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cur)

    def copy(self) -> None:
        if self._cursor.hasSelection():
            QGuiApplication.clipboard().setText(_plain(self._cursor.selectedText()))

    def _copy_to_selection_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._cursor.hasSelection() and clipboard.supportsSelection():
            clipboard.setText(_plain(self._cursor.selectedText()), QClipboard.Mode.Selection)

    # -- mouse and keyboard ----------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = self._hit(event.position().toPoint())
        cur = QTextCursor(self._cursor)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            cur.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
        else:
            cur.setPosition(pos)
        self._dragging = True
        self.setTextCursor(cur)

    def mouseMoveEvent(self, event) -> None:
        if not self._dragging:
            return super().mouseMoveEvent(event)
        point = event.position().toPoint()
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if point.y() < 0:
            bar.setValue(bar.value() + point.y())
        elif point.y() > height:
            bar.setValue(bar.value() + point.y() - height)
        cur = QTextCursor(self._cursor)
        cur.setPosition(self._hit(point), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            self._copy_to_selection_clipboard()
        else:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        cur = self.cursorForPosition(event.position().toPoint())
        cur.select(QTextCursor.SelectionType.WordUnderCursor)
        self.setTextCursor(cur)
        self._copy_to_selection_clipboard()

    _SELECT_KEYS = {
        QKeySequence.StandardKey.SelectNextChar: QTextCursor.MoveOperation.NextCharacter,
        QKeySequence.StandardKey.SelectPreviousChar: QTextCursor.MoveOperation.PreviousCharacter,
        QKeySequence.StandardKey.SelectNextWord: QTextCursor.MoveOperation.NextWord,
        QKeySequence.StandardKey.SelectPreviousWord: QTextCursor.MoveOperation.PreviousWord,
        QKeySequence.StandardKey.SelectNextLine: QTextCursor.MoveOperation.Down,
        QKeySequence.StandardKey.SelectPreviousLine: QTextCursor.MoveOperation.Up,
        QKeySequence.StandardKey.SelectStartOfLine: QTextCursor.MoveOperation.StartOfLine,
        QKeySequence.StandardKey.SelectEndOfLine: QTextCursor.MoveOperation.EndOfLine,
        QKeySequence.StandardKey.SelectStartOfBlock: QTextCursor.MoveOperation.StartOfBlock,
        QKeySequence.StandardKey.SelectEndOfBlock: QTextCursor.MoveOperation.EndOfBlock,
    }

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
            return
        for key, op in self._SELECT_KEYS.items():
            if event.matches(key):
                cur = QTextCursor(self._cursor)
                cur.movePosition(op, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cur)
                self._ensure_visible(cur)
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
        copy.setEnabled(self._cursor.hasSelection())
        copy.triggered.connect(self.copy)
        select_all = menu.addAction(self.tr("全选"))
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.setEnabled(self.doc is not None)
        select_all.triggered.connect(self.select_all)
        menu.exec(event.globalPos())

    # -- highlights ----------------------------------------------------------------
    def set_highlights(self, kind: str, spans: list[Span]) -> None:
        self._spans[kind] = spans
        self._apply()

    def visible_range(self, margin: int = 4000) -> tuple[int, int]:
        """Code points shown in the viewport, widened by ``margin`` on each side."""
        if self.dmap is None:
            return (0, 0)
        top = self.dmap.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        vp = self.viewport()
        bottom = self.dmap.from_qt(self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position())
        return max(0, top - margin), bottom + margin

    def _apply(self) -> None:
        """Turn the spans near the viewport into painted selections (all of them would be slow on 300 pages)."""
        self._extra = []
        if self.dmap is not None:
            lo, hi = self.visible_range()
            for kind in HIGHLIGHT_KINDS:
                for span in self._spans[kind]:
                    if span.end < lo or span.start > hi:
                        continue
                    sel = QAbstractTextDocumentLayout.Selection()
                    cur = QTextCursor(self._qdoc)
                    cur.setPosition(self.dmap.to_qt(span.start))
                    cur.setPosition(self.dmap.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
                    sel.cursor = cur
                    fmt = QTextCharFormat()
                    if span.underline:
                        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                        fmt.setUnderlineColor(QColor(span.colour))
                    else:
                        fmt.setBackground(QBrush(QColor(span.colour)))
                    if kind == "current":
                        fmt.setProperty(QTextFormat.Property.OutlinePen, QColor("#1d4ed8"))
                    sel.format = fmt
                    self._extra.append(sel)
        self.viewport().update()

    # -- navigation ------------------------------------------------------------------
    def go_to(self, start: int, end: int | None = None, select: bool = False) -> None:
        """Scroll to a span; mark it as the current span (and select it if asked)."""
        if self.dmap is None:
            return
        cur = QTextCursor(self._qdoc)
        cur.setPosition(self.dmap.to_qt(start))
        if select and end is not None:
            cur.setPosition(self.dmap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        # Put the target a little below the top so the context above stays visible.
        self._scroll_to(cur.position(), self.viewport().height() // 4)
        if end is not None:
            self.set_highlights("current", [Span(start, end, "#bfdbfe")])
        else:
            self._apply()

    def selected_span(self) -> tuple[int, int] | None:
        cur = self._cursor
        if self.dmap is None or not cur.hasSelection():
            return None
        a, b = self.dmap.from_qt(cur.selectionStart()), self.dmap.from_qt(cur.selectionEnd())
        return (a, b) if b > a else None

    def offset_at_top(self) -> int:
        if self.dmap is None:
            return 0
        return self.dmap.from_qt(self.cursorForPosition(QPoint(4, 4)).position())

    def _emit_selection(self) -> None:
        span = self.selected_span()
        if span:
            self.selection_span_changed.emit(*span)

    def _emit_reading_position(self) -> None:
        if self.dmap is not None:
            self._apply()
            self.reading_position_changed.emit(self.offset_at_top())


def _plain(selected: str) -> str:
    """QTextCursor.selectedText() marks paragraph ends with U+2029; the clipboard wants newlines."""
    return selected.replace("\u2029", "\n").replace("\u2028", "\n")
