"""File → 导出审核意见 (Ctrl+E): the letter to the university (审核意见) or the internal review record
(审核记录), their options, a live preview of what will be written, and the notes tables."""

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

LETTER, RECORD = "letter", "record"


class ExportDialog(QDialog):
    """Choose the document and its options, see it as it will be written, then save it (in the background)."""

    def __init__(self, session: ReviewSession, window) -> None:
        super().__init__(window)
        self.session, self.window_ = session, window
        self.setWindowTitle(self.tr("导出审核意见"))
        self.resize(900, 760)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("审核意见（发给学校的公文）"), LETTER)
        self.kind.addItem(self.tr("审核记录（内部工作底稿）"), RECORD)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.include_automatic = QCheckBox(self.tr("列出尚未处理的自动检查结果（附件中标为“系统预审”）"))
        self.include_annex = QCheckBox(self.tr("附问题清单"))
        self.include_annex.setChecked(True)
        for box in (self.include_automatic, self.include_annex):
            box.toggled.connect(self.update_preview)
        unit = QPushButton(self.tr("审核单位设置…"))
        unit.clicked.connect(self.edit_unit_settings)
        self.unit_note = QLabel()
        self.unit_note.setWordWrap(True)
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
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("导出：")))
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.include_automatic)
        kind_row.addWidget(self.include_annex)
        kind_row.addStretch(1)
        kind_row.addWidget(unit)
        self.record_boxes = (
            self.only_open,
            self.with_context,
            self.include_dismissed,
            self.include_undecided,
            self.include_checklist,
        )
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
        layout.addLayout(kind_row)
        layout.addWidget(self.unit_note)
        layout.addLayout(options)
        layout.addWidget(QLabel(self.tr("预览（导出的内容）：")))
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self._kind_changed()

    @property
    def letter_chosen(self) -> bool:
        return self.kind.currentData() == LETTER

    def _kind_changed(self) -> None:
        letter = self.letter_chosen
        for box in self.record_boxes:
            box.setEnabled(not letter)
        for box in (self.include_automatic, self.include_annex):
            box.setEnabled(letter)
        self.update_preview()

    def edit_unit_settings(self) -> None:
        from xxgk_desk.gui.views.unit_settings import UnitSettingsDialog

        if UnitSettingsDialog(self.session.store, self).exec():
            self.update_preview()

    def letter(self):
        s = self.session
        return export.collect_letter(
            s.doc,
            s.sections,
            s.review,
            s.store,
            settings=export.letter_settings.read(s.store),
            include_automatic=self.include_automatic.isChecked(),
            include_annex=self.include_annex.isChecked(),
            rules=s.rules,
        )

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
        if self.letter_chosen:
            issuer = export.letter_settings.read(self.session.store).issuer
            self.unit_note.setText(
                ""
                if issuer
                else self.tr("尚未设置发文机关：请点“审核单位设置…”填写，落款处暂写“（发文机关）”。")
            )
            self.unit_note.setVisible(not issuer)
            self.preview.setMarkdown(export.render_letter_markdown(self.letter()))
        else:
            self.unit_note.setVisible(False)
            self.preview.setMarkdown(export.render_markdown(self.memo()))

    def _ask_path(self, suffix: str, label: str, kind: str = "审核意见") -> str | None:
        inst = self.session.review.fields["institution"].value or Path(self.session.doc.path).stem
        start = export_folder.suggest(f"{inst}-{kind}.{suffix}")  # never beside the reports
        path, _ = QFileDialog.getSaveFileName(self, label, start, f"*.{suffix}")
        if path and not path.lower().endswith("." + suffix):
            path += "." + suffix
        export_folder.remember(path)
        return path or None

    def save_memo(self) -> None:
        fmt = self.format.currentData()
        if self.letter_chosen:
            path = self._ask_path(fmt, self.tr("保存审核意见"))
            if not path:
                return
            letter = self.letter()

            def work(_progress):
                return export.write_letter(letter, path, fmt)

        else:
            path = self._ask_path(fmt, self.tr("保存审核记录"), "审核记录")
            if not path:
                return
            memo = self.memo()

            def work(_progress):
                return export.write_memo(memo, path, fmt)

        self.window_.runner.run(
            work,
            on_done=lambda out: self._saved(out),
            on_error=self._failed,
            label="memo",
        )

    def save_notes(self, fmt: str) -> None:
        path = self._ask_path(fmt, self.tr("保存批注表"), "批注")
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
