"""The welcome page: what a first-time reviewer sees instead of an empty window.

Four ways in — the bundled sample report, a folder of reports (the province overview), the reviewer's
name and the department's details (the letter's settings), the manual — and a way back to the open
report when it is shown again from 帮助 → 欢迎页. The page only emits signals; the window decides
what each one does (gui/main_window.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

MAX_WIDTH = 660  # the card's width in pixels: short lines, easy to scan (a narrower window scrolls)
MARGIN = 32
BUTTON_WIDTH = 200
SPACING = 14
DESCRIPTION_WIDTH = MAX_WIDTH - 2 * MARGIN - BUTTON_WIDTH - SPACING


class WelcomePage(QScrollArea):
    """A centred column: title, one sentence, four buttons each with a line saying what it does, a hint;
    scrolls in a small window."""

    sample_requested = Signal()
    folder_requested = Signal()
    settings_requested = Signal()
    manual_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        column = QFrame()
        column.setObjectName("welcome_card")
        column.setStyleSheet(
            "QFrame#welcome_card { background:#ffffff; border:1px solid #e5e7eb; border-radius:6px; }"
        )
        column.setFixedWidth(MAX_WIDTH)  # wrapped labels get their height from a known width
        title = QLabel(self.tr("欢迎使用高校信息公开年报审核"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        lead = QLabel(
            self.tr(
                "逐份阅读、检查高校信息公开工作年度报告，批注问题，导出审核意见。\n"
                "全部数据保存在本机，不联网。"
            )
        )
        lead.setWordWrap(True)
        entries = QGridLayout()
        entries.setHorizontalSpacing(SPACING)
        entries.setVerticalSpacing(14)
        entries.setColumnStretch(1, 1)
        self.sample = self._entry(
            entries,
            self.tr("打开示例报告"),
            self.tr("一份虚构学校的报告，先看看检查结果和审核意见。"),
            self.sample_requested,
        )
        self.folder = self._entry(
            entries,
            self.tr("打开报告文件夹…"),
            self.tr("选择各校报告所在的文件夹，在“全省概览”中批量审核。"),
            self.folder_requested,
        )
        self.settings = self._entry(
            entries,
            self.tr("填写审核人和审核单位…"),
            self.tr("审核人姓名记在批注上；发文机关等写入审核意见。"),
            self.settings_requested,
        )
        self.manual = self._entry(
            entries,
            self.tr("使用手册（F1）"),
            self.tr("从打开报告到发出审核意见，每一步怎么做。"),
            self.manual_requested,
        )
        self.set_manual_available(False)
        hint = QLabel(
            self.tr("打开一份报告：按 Ctrl+O，或把文件拖到窗口中。以后可从“帮助 → 欢迎页”回到这里。")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b7280;")
        self.back = QPushButton(self.tr("返回报告"))
        self.back.clicked.connect(self.back_requested)
        self.back.hide()
        lay = QVBoxLayout(column)
        lay.setContentsMargins(MARGIN, 28, MARGIN, 28)
        lay.setSpacing(6)
        lay.addWidget(title)
        lay.addWidget(lead)
        lay.addSpacing(14)
        lay.addLayout(entries)
        lay.addSpacing(14)
        lay.addWidget(hint)
        lay.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QWidget()
        centre = QVBoxLayout(outer)
        centre.addStretch(1)
        centre.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        centre.addStretch(2)
        self.setWidget(outer)

    def _entry(self, grid: QGridLayout, text: str, description: str, signal) -> QPushButton:
        """A button and, beside it, one line saying what it does."""
        row = grid.rowCount()
        button = QPushButton(text)
        button.setMinimumHeight(34)
        button.setFixedWidth(BUTTON_WIDTH)
        button.clicked.connect(signal)
        label = QLabel(description)
        label.setWordWrap(True)
        label.setStyleSheet("color:#374151;")
        grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # the grid does not pass a wrapped label's height for its width on: give it a known width and
        # the height of its lines (two, in English)
        label.setFixedWidth(DESCRIPTION_WIDTH)
        label.setMinimumHeight(label.heightForWidth(DESCRIPTION_WIDTH))
        grid.addWidget(label, row, 1)
        return button

    def set_manual_available(self, on: bool) -> None:
        """The manual's button works where this version has a manual; otherwise it says so."""
        self.manual.setEnabled(on)
        self.manual.setToolTip("" if on else self.tr("本版本尚未附带使用手册。"))

    def set_report_open(self, on: bool) -> None:
        """Offer 返回报告 only when there is a report to go back to."""
        self.back.setVisible(on)
