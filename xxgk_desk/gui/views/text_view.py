"""The report text, laid out readably: paragraphs, tables as tables, headings distinct, highlights.

The QTextDocument is built from the document's blocks (``build_text_document`` may run in a
worker thread); a :class:`DocMap` converts between its positions and the canonical offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextEdit

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
        qdoc.setTextWidth(text_width)
        qdoc.documentLayout().documentSize()  # lays out every block now, off the UI thread
    if target_thread is not None and target_thread is not qdoc.thread():
        qdoc.moveToThread(target_thread)
    return qdoc, dmap


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


class ReportView(QTextEdit):
    """Read-only report text with highlights; offsets in and out are code points."""

    selection_span_changed = Signal(int, int)  # start, end (equal when nothing is selected)
    reading_position_changed = Signal(int)  # code point at the top of the view
    add_note_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # A scroll bar that comes and goes would change the width and force a full relayout.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.dmap: DocMap | None = None
        self.doc: Document | None = None
        self._qdoc: QTextDocument | None = None
        self._spans: dict[str, list[Span]] = {k: [] for k in HIGHLIGHT_KINDS}
        self.selectionChanged.connect(self._emit_selection)
        self._scroll_timer = QTimer(self, singleShot=True, interval=120)
        self._scroll_timer.timeout.connect(self._emit_reading_position)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_timer.start())
        self.setPlaceholderText(self.tr("打开一份报告（Ctrl+O），或把文件拖到窗口中。"))

    # -- content -------------------------------------------------------------------
    def show_document(self, doc: Document, qdoc: QTextDocument, dmap: DocMap) -> None:
        """Show a document built by ``build_text_document`` (moved to this thread by the builder)."""
        qdoc.setParent(self)
        self.setDocument(qdoc)
        if self._qdoc is not None:
            self._qdoc.deleteLater()
        self._qdoc = qdoc
        self.doc, self.dmap = doc, dmap
        self._spans = {k: [] for k in HIGHLIGHT_KINDS}
        self._apply()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def clear_document(self) -> None:
        self.doc, self.dmap = None, None
        self._spans = {k: [] for k in HIGHLIGHT_KINDS}
        self.setDocument(QTextDocument(self))
        if self._qdoc is not None:
            self._qdoc.deleteLater()
            self._qdoc = None

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
        """Turn the spans near the viewport into extra selections (all of them would be slow on 300 pages)."""
        if self.dmap is None:
            self.setExtraSelections([])
            return
        lo, hi = self.visible_range()
        selections = []
        for kind in HIGHLIGHT_KINDS:
            for span in self._spans[kind]:
                if span.end < lo or span.start > hi:
                    continue
                sel = QTextEdit.ExtraSelection()
                cur = QTextCursor(self.document())
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
                selections.append(sel)
        self.setExtraSelections(selections)

    # -- navigation ------------------------------------------------------------------
    def go_to(self, start: int, end: int | None = None, select: bool = False) -> None:
        """Scroll to a span; mark it as the current span (and select it if asked)."""
        if self.dmap is None:
            return
        cur = QTextCursor(self.document())
        cur.setPosition(self.dmap.to_qt(start))
        if select and end is not None:
            cur.setPosition(self.dmap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        # Put the target a little below the top so the context above stays visible.
        rect = self.cursorRect(cur)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 4)
        if end is not None:
            self.set_highlights("current", [Span(start, end, "#bfdbfe")])
        else:
            self._apply()

    def selected_span(self) -> tuple[int, int] | None:
        cur = self.textCursor()
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

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu()
        action = menu.addAction(self.tr("添加批注…"))
        action.setShortcut("Ctrl+M")
        action.setEnabled(self.doc is not None)
        action.triggered.connect(self.add_note_requested.emit)
        menu.insertAction(menu.actions()[0], action)
        menu.insertSeparator(menu.actions()[1])
        menu.exec(event.globalPos())


def in_ui_thread(obj) -> bool:
    return QThread.currentThread() is obj.thread()
