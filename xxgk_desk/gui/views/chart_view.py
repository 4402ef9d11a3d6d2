"""The overview's 图表 tab: the province's charts painted with QPainter, and saved as PNG.

The charts' numbers come from the core (``core/export/charts.py``, the 通报's own counts) and their
layout too (``core/export/chart_layout.py``); this module only measures text in the window's font and
executes the layout's boxes, lines and texts. The numbers are gathered off the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from xxgk_desk.core.export.chart_layout import Box, Drawing, Line, Text, layout
from xxgk_desk.core.export.charts import Chart
from xxgk_desk.gui import export_folder
from xxgk_desk.gui.tasks import TaskRunner

__all__ = ["ChartWidget", "ChartsPage", "chart_image", "charts_image"]

EXPORT_WIDTH = 760.0  # logical pixels of an exported chart (drawn at twice that)
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}  # fmt: skip


class _Fonts:
    """QFonts by pixel size in one family, and the ``measure`` callback the layout asks."""

    def __init__(self, family: str) -> None:
        self.family = family
        self._fonts: dict[tuple[int, bool], tuple[QFont, QFontMetricsF]] = {}

    def get(self, size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        key = (max(6, round(size)), bold)
        if key not in self._fonts:
            font = QFont(self.family)
            font.setPixelSize(key[0])
            font.setBold(bold)
            self._fonts[key] = (font, QFontMetricsF(font))
        return self._fonts[key]

    def measure(self, text: str, size: float, bold: bool) -> float:
        return self.get(size, bold)[1].horizontalAdvance(text)


def paint(painter: QPainter, drawing: Drawing, fonts: _Fonts) -> None:
    """Execute ``drawing``'s items with ``painter`` (logical pixels; scale the painter for print)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(0, 0, drawing.width, drawing.height), QColor(drawing.background))
    for item in drawing.items:
        if isinstance(item, Box):
            painter.setPen(QPen(QColor(item.stroke)) if item.stroke else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(item.fill) if item.fill else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(item.x, item.y, item.w, item.h))
        elif isinstance(item, Line):
            painter.setPen(QPen(QColor(item.colour), item.width))
            painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for item in drawing.items:
        if isinstance(item, Text) and item.text:
            font, _metrics = fonts.get(item.size, item.bold)
            painter.setFont(font)
            painter.setPen(QColor(item.colour))
            flags = _ALIGN[item.align] | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip
            painter.drawText(QRectF(item.x, item.y, item.w, item.h), int(flags), item.text)


def chart_image(chart: Chart, family: str, width: float = EXPORT_WIDTH, scale: float = 2.0) -> QImage:
    """``chart`` as an image ``width`` logical pixels wide, ``scale`` device pixels per logical one."""
    return charts_image([chart], family, width, scale, columns=1)


def charts_image(
    charts: Sequence[Chart], family: str, width: float = EXPORT_WIDTH, scale: float = 2.0, columns: int = 2
) -> QImage:
    """Several charts in one picture, ``columns`` side by side (each ``width`` logical pixels)."""
    fonts = _Fonts(family)
    drawings = [layout(c, width, fonts.measure) for c in charts]
    columns = max(1, min(columns, len(drawings)))
    rows = [drawings[i : i + columns] for i in range(0, len(drawings), columns)]
    heights = [max(d.height for d in row) for row in rows]
    image = QImage(round(width * columns * scale), round(sum(heights) * scale), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(96 * scale / 0.0254))
    image.setDotsPerMeterY(round(96 * scale / 0.0254))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        y = 0.0
        for row, h in zip(rows, heights, strict=True):
            for j, d in enumerate(row):
                painter.save()
                painter.translate(j * width, y)
                paint(painter, d, fonts)
                painter.restore()
            y += h
    finally:
        painter.end()
    return image


class ChartWidget(QWidget):
    """One chart, as wide as it is given and as high as its layout needs."""

    def __init__(self, chart: Chart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self._fonts: _Fonts | None = None
        self._drawing: Drawing | None = None
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setMinimumWidth(420)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self._drawing = None
        self.updateGeometry()
        self._fit()
        self.update()

    def fonts(self) -> _Fonts:
        if self._fonts is None or self._fonts.family != self.font().family():
            self._fonts = _Fonts(self.font().family())
        return self._fonts

    def drawing(self, width: float | None = None) -> Drawing | None:
        if self.chart is None:
            return None
        width = float(width if width is not None else self.width())
        if self._drawing is None or self._drawing.width != max(width, 320.0):
            self._drawing = layout(self.chart, width, self.fonts().measure)
        return self._drawing

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt)
        d = self.drawing(width)
        return int(d.height) if d is not None else 0

    def sizeHint(self):  # noqa: N802 (Qt)
        size = super().sizeHint()
        size.setWidth(640)
        size.setHeight(self.heightForWidth(640))
        return size

    def _fit(self) -> None:
        d = self.drawing()
        if d is not None and self.minimumHeight() != int(d.height):
            self.setMinimumHeight(int(d.height))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        d = self.drawing()
        if d is None:
            return
        painter = QPainter(self)
        try:
            paint(painter, d, self.fonts())
        finally:
            painter.end()


class ChartsPage(QWidget):
    """The 图表 tab: the province and school year chosen, the four charts in a grid, 导出图片… for one
    or all."""

    choice_changed = Signal()  # another province or year: the charts are to be gathered again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self, max_threads=1)  # its own: never in the way of adding reports
        self.charts: tuple[Chart, ...] = ()
        self.province_box = QComboBox()
        self.province_box.setMinimumContentsLength(8)
        self.province_box.currentIndexChanged.connect(lambda _i: self.choice_changed.emit())
        self.year_box = QComboBox()
        self.year_box.addItem(self.tr("自动"), None)
        self.year_box.currentIndexChanged.connect(lambda _i: self.choice_changed.emit())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_btn = QPushButton(self.tr("导出图片…"))
        self.export_menu = QMenu(self.export_btn)
        self.export_btn.setMenu(self.export_menu)
        self.export_btn.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("省份：")))
        head.addWidget(self.province_box)
        head.addWidget(QLabel(self.tr("年度：")))
        head.addWidget(self.year_box)
        head.addWidget(self.summary, 1)
        head.addWidget(self.export_btn)
        self.widgets = [ChartWidget() for _ in range(4)]
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setSpacing(12)
        for i, w in enumerate(self.widgets):
            grid.addWidget(w, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setStyleSheet("QScrollArea { background: white; }")
        grid_host.setStyleSheet("background: white;")
        layout_ = QVBoxLayout(self)
        layout_.addLayout(head)
        layout_.addWidget(scroll, 1)

    # -- the province --------------------------------------------------------------------------
    def set_provinces(self, provinces: Sequence[str]) -> None:
        """Fill the province list once: 自动 (where most of the schools are) first."""
        if self.province_box.count():
            return
        self.province_box.blockSignals(True)
        self.province_box.addItem(self.tr("自动"), None)
        for p in provinces:
            self.province_box.addItem(p, p)
        self.province_box.blockSignals(False)

    def province(self) -> str | None:
        return self.province_box.currentData()

    def set_years(self, years: Sequence[int]) -> None:
        """The years of the reports (学年结束的年份), newest first, after 自动 (the most common); the
        choice is kept when the year is still there."""
        current = self.year_box.currentData()
        self.year_box.blockSignals(True)
        while self.year_box.count() > 1:
            self.year_box.removeItem(1)
        for y in years:
            self.year_box.addItem(f"{y - 1}—{y}", y)
        self.year_box.setCurrentIndex(max(self.year_box.findData(current), 0) if current is not None else 0)
        self.year_box.blockSignals(False)

    def year(self) -> int | None:
        return self.year_box.currentData()

    # -- the charts ----------------------------------------------------------------------------
    def show_charts(self, charts: Sequence[Chart], summary: str) -> None:
        self.charts = tuple(charts)
        for w, c in zip(self.widgets, self.charts, strict=False):
            w.set_chart(c)
        self.summary.setText(summary)
        self.export_menu.clear()
        for c in self.charts:
            self.export_menu.addAction(c.title + "…", lambda c=c: self._export_one(c))
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.tr("全部图表（一张图片）…"), self._export_all)
        self.export_btn.setEnabled(bool(self.charts))

    def family(self) -> str:
        return self.font().family()

    def save_png(self, path: str | Path, key: str | None = None) -> Path:
        """Write one chart (``key``) or all of them in one picture to ``path``; OSError if it fails."""
        charts = [c for c in self.charts if key is None or c.key == key]
        if not charts:
            raise OSError("no chart")
        image = charts_image(charts, self.family(), columns=2 if len(charts) > 1 else 1)
        path = Path(path)
        if not image.save(str(path), "PNG"):
            raise OSError(str(path))
        return path

    def _export_one(self, chart: Chart) -> None:
        self._export(chart.title, chart.key)

    def _export_all(self) -> None:
        self._export(self.tr("全省概览图表"), None)

    def _export(self, name: str, key: str | None) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出图片"), export_folder.suggest(f"{name}.png"), "*.png"
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        export_folder.remember(path)
        try:
            out = self.save_png(path, key)
        except OSError:
            QMessageBox.warning(self, self.tr("导出失败"), self.tr("无法写入文件：%1").replace("%1", path))
            return
        QMessageBox.information(self, self.tr("已导出"), str(out))
