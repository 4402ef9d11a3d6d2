"""File → Export memo (Ctrl+E): the options, a live preview of what will be written, and the notes tables."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from xxgk_desk.core import export
from xxgk_desk.core.session import ReviewSession
from xxgk_desk.gui import export_folder


class ExportDialog(QDialog):
    """Choose options, see the memo as it will be written, then save it (in the background)."""

    def __init__(self, session: ReviewSession, window) -> None:
        super().__init__(window)
        self.session, self.window_ = session, window
        self.setWindowTitle(self.tr("导出审核意见"))
        self.resize(900, 760)
        self.only_open = QCheckBox(self.tr("只含未解决的批注"))
        self.with_context = QCheckBox(self.tr("引文带上下文"))
        self.include_dismissed = QCheckBox(self.tr("包括已驳回的自动检查结果"))
        self.include_undecided = QCheckBox(self.tr("包括尚未处理的自动检查结果"))
        self.include_undecided.setChecked(True)
        self.include_checklist = QCheckBox(self.tr("附清单覆盖情况表"))
        self.include_checklist.setChecked(True)
        for box in (
            self.only_open,
            self.with_context,
            self.include_dismissed,
            self.include_undecided,
            self.include_checklist,
        ):
            box.toggled.connect(self.update_preview)
        self.format = QComboBox()
        self.format.addItem("Word (.docx)", "docx")
        if export.pdf_available():
            self.format.addItem("PDF (.pdf)", "pdf")
        self.format.addItem("Markdown (.md)", "md")
        self.format.addItem(self.tr("纯文本 (.txt)"), "txt")
        self.preview = QTextBrowser()
        save = QPushButton(self.tr("导出审核意见…"))
        save.setDefault(True)
        save.clicked.connect(self.save_memo)
        notes_xlsx = QPushButton(self.tr("批注表 XLSX…"))
        notes_csv = QPushButton(self.tr("批注表 CSV…"))
        notes_w3c = QPushButton(self.tr("W3C 批注 JSON…"))
        notes_xlsx.clicked.connect(lambda: self.save_notes("xlsx"))
        notes_csv.clicked.connect(lambda: self.save_notes("csv"))
        notes_w3c.clicked.connect(lambda: self.save_notes("jsonld"))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        options = QHBoxLayout()
        for box in (
            self.only_open,
            self.with_context,
            self.include_dismissed,
            self.include_undecided,
            self.include_checklist,
        ):
            options.addWidget(box)
        options.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("格式：")))
        buttons.addWidget(self.format)
        buttons.addWidget(save)
        buttons.addStretch(1)
        for b in (notes_xlsx, notes_csv, notes_w3c, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(QLabel(self.tr("预览（导出的内容）：")))
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.update_preview()

    def memo(self):
        s = self.session
        return export.collect_memo(
            s.doc,
            s.sections,
            s.review,
            s.store,
            only_open=self.only_open.isChecked(),
            with_context=self.with_context.isChecked(),
            include_dismissed=self.include_dismissed.isChecked(),
            include_undecided=self.include_undecided.isChecked(),
            include_checklist=self.include_checklist.isChecked(),
            reviewer=s.store.reviewer,
        )

    def update_preview(self) -> None:
        self.preview.setMarkdown(export.render_markdown(self.memo()))

    def _ask_path(self, suffix: str, label: str) -> str | None:
        inst = self.session.review.fields["institution"].value or Path(self.session.doc.path).stem
        start = export_folder.suggest(f"{inst}-审核意见.{suffix}")  # never beside the reports
        path, _ = QFileDialog.getSaveFileName(self, label, start, f"*.{suffix}")
        if path and not path.lower().endswith("." + suffix):
            path += "." + suffix
        export_folder.remember(path)
        return path or None

    def save_memo(self) -> None:
        fmt = self.format.currentData()
        path = self._ask_path(fmt, self.tr("保存审核意见"))
        if not path:
            return
        memo = self.memo()
        self.window_.runner.run(
            lambda _p: export.write_memo(memo, path, fmt),
            on_done=lambda out: self._saved(out),
            on_error=self._failed,
            label="memo",
        )

    def save_notes(self, fmt: str) -> None:
        path = self._ask_path(fmt, self.tr("保存批注表"))
        if not path:
            return
        s = self.session
        self.window_.runner.run(
            lambda _p: export.write_notes(path, s.doc, s.sections, s.review, s.store, fmt)[0],
            on_done=lambda out: self._saved(out),
            on_error=self._failed,
            label="notes",
        )

    def _saved(self, path) -> None:
        QMessageBox.information(self, self.tr("已导出"), self.tr("已保存到：%1").replace("%1", str(path)))

    def _failed(self, error: BaseException, _trace: str) -> None:
        message = getattr(error, "message", None) or str(error)
        QMessageBox.warning(self, self.tr("导出失败"), message)
