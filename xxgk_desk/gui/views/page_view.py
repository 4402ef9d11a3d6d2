"""The original PDF page, rendered by QtPdf, with the span being read outlined on it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from xxgk_desk.core.document import Document

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 5.0


class _CtrlWheel(QObject):
    """Ctrl + wheel on the page zooms instead of scrolling."""

    zoom = Signal(int)  # +1 in, -1 out

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom.emit(1 if delta > 0 else -1)
            return True
        return False


class PageView(QWidget):
    """Shows one page at a time, fitted to the width by default (zoom with Ctrl+wheel, Ctrl+= / Ctrl+-),
    with the highlighted characters boxed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self.doc: Document | None = None
        self.page = 1
        self.zoom: float | None = None  # None: fit to the width; else a factor of the fitted width
        self._span: tuple[int, int] | None = None
        self._stale = False
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(self.image)
        self._wheel = _CtrlWheel(self)
        self._wheel.zoom.connect(lambda step: self.zoom_in() if step > 0 else self.zoom_out())
        self.scroll.viewport().installEventFilter(self._wheel)
        self._render_timer = QTimer(self, singleShot=True, interval=60)  # resizing renders once it settles
        self._render_timer.timeout.connect(lambda: self.show_page(self.page))
        self.caption = QLabel()
        prev_btn = QPushButton(self.tr("上一页"))
        next_btn = QPushButton(self.tr("下一页"))
        prev_btn.clicked.connect(lambda: self.show_page(self.page - 1))
        next_btn.clicked.connect(lambda: self.show_page(self.page + 1))
        out_btn = QPushButton("−")
        in_btn = QPushButton("+")
        self.fit_btn = QPushButton(self.tr("适合宽度"))
        for b, tip in ((out_btn, self.tr("缩小（Ctrl+-）")), (in_btn, self.tr("放大（Ctrl+=）"))):
            b.setToolTip(tip)
            b.setFixedWidth(32)
        self.fit_btn.setToolTip(self.tr("页面适合宽度（Ctrl+0）"))
        out_btn.clicked.connect(self.zoom_out)
        in_btn.clicked.connect(self.zoom_in)
        self.fit_btn.clicked.connect(self.fit_width)
        bar = QHBoxLayout()
        bar.addWidget(prev_btn)
        bar.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(out_btn)
        bar.addWidget(self.fit_btn)
        bar.addWidget(in_btn)
        bar.addWidget(next_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    # -- zoom ----------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._set_zoom((self.zoom or 1.0) * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom((self.zoom or 1.0) / ZOOM_STEP)

    def fit_width(self) -> None:
        self._set_zoom(None)

    def _set_zoom(self, zoom: float | None) -> None:
        if zoom is not None:
            zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
            if abs(zoom - 1.0) < 0.01:
                zoom = None
        self.zoom = zoom
        self.fit_btn.setText(self.tr("适合宽度") if zoom is None else f"{zoom * 100:.0f}%")
        self.show_page(self.page)

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
        fitted = max(self.scroll.viewport().width() - 4, 160)  # the page never wider than the view
        width = fitted * (self.zoom or 1.0)
        ratio = self.devicePixelRatioF() or 1.0
        scale = width * ratio / size_pt.width()  # pixels per PDF point, on the screen's pixels
        img: QImage = self.pdf.render(
            number - 1, QSize(int(size_pt.width() * scale), int(size_pt.height() * scale))
        )
        if img.isNull():
            return
        img = img.convertToFormat(QImage.Format.Format_ARGB32)
        self._paint_boxes(img, number, scale)
        img.setDevicePixelRatio(ratio)
        self.image.setPixmap(QPixmap.fromImage(img))

    def _paint_boxes(self, img: QImage, number: int, scale: float) -> None:
        if self._span is None or self.doc is None or number > len(self.doc.pages):
            return
        page = self.doc.pages[number - 1]
        start, end = self._span
        painter = QPainter(img)
        painter.setPen(QPen(QColor("#1d4ed8"), 1.5 * max(1.0, scale / 2)))
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
            self._render_timer.start()
