"""File → 审核单位设置: the issuing department's details for letters and circulars, kept in the
review database (core/export/letter_settings.py), so each database signs as its own department."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from xxgk_desk.core.export import ExportError, LetterSettings, letter_settings
from xxgk_desk.core.export.wording import wording


class UnitSettingsDialog(QDialog):
    """Edit the letter settings of ``store``; OK stores them (checked first)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("审核单位设置"))
        self.resize(620, 0)
        s = letter_settings.read(store)
        self._stored = s  # what the dialog does not edit (the rules appendix) is kept as it was
        self.issuer = QLineEdit(s.issuer)
        self.issuer.setPlaceholderText(self.tr("如：湖北省教育厅办公室（审核意见和通报的落款）"))
        self.masthead = QLineEdit(s.masthead)
        self.masthead.setPlaceholderText(self.tr("红头文字，不填则不加发文机关标志"))
        self.number_pattern = QLineEdit(s.number_pattern)
        self.number_pattern.setPlaceholderText(self.tr("如：鄂教办函〔{year}〕{no}号；不填则不写发文字号"))
        self.contact = QLineEdit(s.contact)
        self.phone = QLineEdit(s.phone)
        self.deadline = QSpinBox()
        self.deadline.setRange(1, letter_settings.MAX_DAYS)
        self.deadline.setValue(s.deadline_days)
        self.deadline.setSuffix(self.tr(" 个工作日"))
        self.closing = QLineEdit(s.closing)
        self.closing.setPlaceholderText(wording().text("letter.closing"))
        form = QFormLayout()
        form.addRow(self.tr("发文机关："), self.issuer)
        form.addRow(self.tr("发文机关标志："), self.masthead)
        form.addRow(self.tr("发文字号格式："), self.number_pattern)
        form.addRow(self.tr("联系人："), self.contact)
        form.addRow(self.tr("联系电话："), self.phone)
        form.addRow(self.tr("整改期限："), self.deadline)
        form.addRow(self.tr("结束语："), self.closing)
        note = QLabel(
            self.tr(
                "这些设置保存在当前审核数据库中。发文字号中 {year} 填入年份，{no} 填入序号（导出时不给序号则留空待填）。"
                "审核意见和通报的其他固定措辞在 resources/rules/wording.yaml 中修改。"
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def settings(self) -> LetterSettings:
        return replace(
            self._stored,
            issuer=self.issuer.text().strip(),
            masthead=self.masthead.text().strip(),
            number_pattern=self.number_pattern.text().strip(),
            contact=self.contact.text().strip(),
            phone=self.phone.text().strip(),
            deadline_days=self.deadline.value(),
            closing=self.closing.text().strip(),
        )

    def accept(self) -> None:
        try:
            letter_settings.write(self.store, self.settings())
        except ExportError as e:
            QMessageBox.warning(self, self.tr("设置有误"), e.message)
            return
        except Exception as e:  # a database that cannot be written: say so, keep the dialog
            QMessageBox.warning(self, self.tr("无法保存设置"), getattr(e, "message", None) or str(e))
            return
        super().accept()
