"""Small dialogs: a note (category, severity, body), a reason for dismissing, the reviewer's name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from xxgk_desk.core.rules import RuleSet
from xxgk_desk.gui.labels import localized


class NoteDialog(QDialog):
    """Add or edit a note: category, severity and text (the quote is shown for context)."""

    def __init__(
        self,
        rules: RuleSet,
        parent: QWidget | None = None,
        *,
        quote: str | None = None,
        body: str = "",
        category: str | None = None,
        severity: str = "warning",
        title: str | None = None,
        parts: list[tuple[str, str]] | None = None,
        part: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("添加批注"))
        self.setMinimumWidth(480)
        voc = rules.vocabulary
        form = QFormLayout(self)
        if quote is not None:
            shown = quote if len(quote) <= 160 else quote[:160] + "…"
            label = QLabel(f"“{shown}”")
            label.setWordWrap(True)
            label.setStyleSheet("color:#374151;")
            form.addRow(self.tr("原文："), label)
        self.category = QComboBox()
        for c in voc.note_categories:
            self.category.addItem(localized(c), c.id)
        self.category.setCurrentIndex(max(self.category.findData(category or voc.default_note_category), 0))
        self.severity = QComboBox()
        for s in voc.severities:
            self.severity.addItem(localized(s), s.id)
        self.severity.setCurrentIndex(max(self.severity.findData(severity), 0))
        form.addRow(self.tr("类别："), self.category)
        form.addRow(self.tr("级别："), self.severity)
        self.part = None
        if parts is not None:
            self.part = QComboBox()
            self.part.addItem(self.tr("整篇报告"), None)
            for key, name in parts:
                self.part.addItem(name, key)
            self.part.setCurrentIndex(max(self.part.findData(part), 0))
            form.addRow(self.tr("针对："), self.part)
        self.body = QPlainTextEdit(body)
        self.body.setPlaceholderText(self.tr("审核意见，如：未说明不予公开的理由"))
        self.body.setMinimumHeight(110)
        form.addRow(self.tr("意见："), self.body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.body.setFocus()

    def values(self) -> dict:
        out = {
            "body": self.body.toPlainText().strip(),
            "category": self.category.currentData(),
            "severity": self.severity.currentData(),
        }
        if self.part is not None:
            out["part"] = self.part.currentData()
        return out


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A one-line question; None when cancelled or left empty."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    value = value.strip()
    return value if ok and value else None


def ask_multiline(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    value = value.strip()
    return value if ok and value else None


def run_modal(dialog: QDialog) -> int:
    """Show ``dialog`` modally and delete it afterwards.

    A dialog parented to the window otherwise lives (with its widgets) as long as the window:
    one more for every time it was opened. Its values can still be read after this returns;
    the deletion happens when the event loop next runs.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
