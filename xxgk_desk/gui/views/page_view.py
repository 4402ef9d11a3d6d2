"""The original PDF page, rendered by QtPdf, with the span being read outlined on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from xxgk_desk.core.document import Document


class PageView(QWidget):
    """Shows one page at a time, fitted to the width, with the highlighted characters boxed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self.doc: Document | None = None
        self.page = 1
        self._span: tuple[int, int] | None = None
        self._stale = False
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(self.image)
        self.caption = QLabel()
        prev_btn = QPushButton(self.tr("上一页"))
        next_btn = QPushButton(self.tr("下一页"))
        prev_btn.clicked.connect(lambda: self.show_page(self.page - 1))
        next_btn.clicked.connect(lambda: self.show_page(self.page + 1))
        bar = QHBoxLayout()
        bar.addWidget(prev_btn)
        bar.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(next_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def set_document(self, doc: Document | None) -> bool:
        """Load the PDF behind ``doc``; False when it is not a PDF or cannot be rendered."""
        self.doc = doc
        self.pdf.close()
        self.image.clear()
        if doc is None or doc.kind != "pdf":
            self.caption.setText(self.tr("原文页面只适用于 PDF 文件"))
            return False
        self.pdf.load(doc.path)
        if self.pdf.status() != QPdfDocument.Status.Ready:
            self.caption.setText(self.tr("无法显示 PDF 页面"))
            return False
        self.show_page(1)
        return True

    def show_span(self, start: int, end: int) -> None:
        """Go to the page of ``start`` and box the characters of [start, end)."""
        if self.doc is None:
            return
        self._span = (start, end)
        self.show_page(self.doc.page_at(start))

    def show_page(self, number: int) -> None:
        if self.doc is None or self.pdf.pageCount() == 0:
            return
        number = max(1, min(number, self.pdf.pageCount()))
        self.page = number
        self.caption.setText(
            self.tr("第 %1 / %2 页").replace("%1", str(number)).replace("%2", str(self.pdf.pageCount()))
        )
        if self.isHidden():
            self._stale = True  # rendered when the view is shown: no PDF rendering while hidden
            return
        self._stale = False
        size_pt = self.pdf.pagePointSize(number - 1)
        if size_pt.width() <= 0:
            return
        width = max(self.scroll.viewport().width() - 8, 400)
        scale = width / size_pt.width()
        img: QImage = self.pdf.render(
            number - 1, QSize(int(size_pt.width() * scale), int(size_pt.height() * scale))
        )
        if img.isNull():
            return
        img = img.convertToFormat(QImage.Format.Format_ARGB32)
        self._paint_boxes(img, number, scale)
        self.image.setPixmap(QPixmap.fromImage(img))

    def _paint_boxes(self, img: QImage, number: int, scale: float) -> None:
        if self._span is None or self.doc is None or number > len(self.doc.pages):
            return
        page = self.doc.pages[number - 1]
        start, end = self._span
        painter = QPainter(img)
        painter.setPen(QPen(QColor("#1d4ed8"), 1.5))
        painter.setBrush(QColor(59, 130, 246, 60))
        for offset in range(max(start, page.start), min(end, page.end)):
            box = page.box(offset)
            if box:
                x0, top, x1, bottom = box
                painter.drawRect(QRectF(x0 * scale, top * scale, (x1 - x0) * scale, (bottom - top) * scale))
        painter.end()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.show_page(self.page)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.doc is not None and not self.isHidden():
            self.show_page(self.page)
