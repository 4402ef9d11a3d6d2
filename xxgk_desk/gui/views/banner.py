"""Banners above the report: what the reviewer should know about the open file, without a dialog.

A dialog while a report loads stops the reviewer (twenty scans, twenty boxes) and a screenshot run;
a banner says it once beside the text and stays until the file is closed or the reviewer hides it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

STYLES = {
    "warning": "background:#fef3c7; border:1px solid #f59e0b; color:#78350f;",
    "info": "background:#e0f2fe; border:1px solid #38bdf8; color:#0c4a6e;",
    "error": "background:#fee2e2; border:1px solid #f87171; color:#7f1d1d;",
}


class Banner(QFrame):
    """One message with optional buttons and a close button."""

    def __init__(
        self,
        kind: str,
        text: str,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"banner_{kind}")
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ {STYLES.get(kind, STYLES['info'])} border-radius:3px; }}"
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        for label, callback in actions or []:
            button = QPushButton(label)
            button.clicked.connect(callback)
            row.addWidget(button)
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(24)
        close.setToolTip(self.tr("隐藏这条提示"))
        close.clicked.connect(self.hide)
        row.addWidget(close)

    def text(self) -> str:
        return self.label.text()


class BannerArea(QWidget):
    """The stack of banners of the open report (empty and invisible when there is nothing to say)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 0)
        self._layout.setSpacing(4)
        self.banners: list[Banner] = []
        self.hide()

    def clear(self) -> None:
        for banner in self.banners:
            banner.hide()
            banner.deleteLater()  # owned by this area; no reference is kept
        self.banners = []
        self.hide()

    def add(
        self, kind: str, text: str, actions: list[tuple[str, Callable[[], None]]] | None = None
    ) -> Banner:
        banner = Banner(kind, text, actions, self)
        self._layout.addWidget(banner)
        self.banners.append(banner)
        self.show()
        return banner

    def texts(self) -> list[str]:
        return [b.text() for b in self.banners if not b.isHidden()]
