"""File → 导出审核意见 (Ctrl+E): the letter to the university (审核意见) or the internal review record
(审核记录), their options, a live preview of what will be written, and the notes tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from xxgk_desk.core.errors import Cancelled, one_line
from xxgk_desk.core.session import ReviewSession
from xxgk_desk.gui import export_folder
from xxgk_desk.gui.tasks import Task
from xxgk_desk.gui.views.dialogs import run_modal

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
        self.rules_appendix = QCheckBox(self.tr("附审核规则说明"))
        self.rules_appendix.setToolTip(
            self.tr("另附一页：意见中问题涉及的审核规则及其依据、说明和整改建议（选择会记住）")
        )
        self.rules_appendix.setChecked(export.letter_settings.read(session.store).rules_appendix)
        self.rules_appendix.toggled.connect(self._remember_rules_appendix)
        for box in (self.include_automatic, self.include_annex, self.rules_appendix):
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
        self.preview_label = QLabel(self.tr("预览（导出的内容）："))
        self._preview_task: Task | None = None
        self._preview_generation = 0
        self._closed = False
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
        kind_row.addStretch(1)
        kind_row.addWidget(unit)
        letter_options = QHBoxLayout()  # the letter's options on a row of their own (the record's below)
        for box in (self.include_automatic, self.include_annex, self.rules_appendix):
            letter_options.addWidget(box)
        letter_options.addStretch(1)
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
        layout.addLayout(letter_options)
        layout.addWidget(self.unit_note)
        layout.addLayout(options)
        layout.addWidget(self.preview_label)
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
        for box in (self.include_automatic, self.include_annex, self.rules_appendix):
            box.setEnabled(letter)
        self.update_preview()

    def edit_unit_settings(self) -> None:
        from xxgk_desk.gui.views.unit_settings import UnitSettingsDialog

        if run_modal(UnitSettingsDialog(self.session.store, self)):
            self.update_preview()

    def _remember_rules_appendix(self, on: bool) -> None:
        """The choice is kept with the letter's settings (this review database), for the next letter."""
        from dataclasses import replace

        store = self.session.store
        try:
            export.letter_settings.write(
                store, replace(export.letter_settings.read(store), rules_appendix=on)
            )
        except Exception as e:  # a database that cannot be written: the letter still follows the box
            QMessageBox.warning(
                self, self.tr("无法保存设置"), getattr(e, "message", None) or one_line(str(e))
            )

    def letter_builder(self) -> Callable[[], Any]:
        """Collecting the letter with the options as they are now (read here, on the UI thread);
        the returned callable does the work and may run in the background."""
        s = self.session
        doc, sections, review, store, rules = s.doc, s.sections, s.review, s.store, s.rules
        automatic, annex = self.include_automatic.isChecked(), self.include_annex.isChecked()
        explained = self.rules_appendix.isChecked()
        return lambda: export.collect_letter(
            doc,
            sections,
            review,
            store,
            settings=export.letter_settings.read(store),
            include_automatic=automatic,
            include_annex=annex,
            rules_appendix=explained,
            rules=rules,
        )

    def memo_builder(self) -> Callable[[], Any]:
        """Collecting the review record with the options as they are now (see :meth:`letter_builder`)."""
        s = self.session
        doc, sections, review, store = s.doc, s.sections, s.review, s.store
        options = {
            "only_open": self.only_open.isChecked(),
            "with_context": self.with_context.isChecked(),
            "include_dismissed": self.include_dismissed.isChecked(),
            "include_undecided": self.include_undecided.isChecked(),
            "include_checklist": self.include_checklist.isChecked(),
            "reviewer": store.reviewer,
        }
        return lambda: export.collect_memo(doc, sections, review, store, **options)

    def update_preview(self) -> None:
        """Rebuild the preview in the background; a newer request makes an older result stale."""
        if self.letter_chosen:
            issuer = export.letter_settings.read(self.session.store).issuer
            self.unit_note.setText(
                ""
                if issuer
                else self.tr("尚未设置发文机关：请点“审核单位设置…”填写，落款处暂写“（发文机关）”。")
            )
            self.unit_note.setVisible(not issuer)
            build, render = self.letter_builder(), export.render_letter_markdown
        else:
            self.unit_note.setVisible(False)
            build, render = self.memo_builder(), export.render_markdown
        if self._preview_task is not None:
            self._preview_task.cancel()
        self._preview_generation += 1
        generation = self._preview_generation
        self.preview_label.setText(self.tr("预览（正在生成……）："))
        self._preview_task = self.window_.runner.run(
            lambda _progress: render(build()),
            on_done=lambda text: self._show_preview(generation, text),
            on_error=lambda error, trace: self._preview_failed(generation, error),
            label="preview",
        )

    def _show_preview(self, generation: int, markdown: str) -> None:
        if self._closed or generation != self._preview_generation:
            return  # the dialog is gone, or the options changed again meanwhile
        self._preview_task = None
        self.preview.setMarkdown(markdown)
        self.preview_label.setText(self.tr("预览（导出的内容）："))

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if self._closed or generation != self._preview_generation or isinstance(error, Cancelled):
            return
        self._preview_task = None
        self.preview.setPlainText(getattr(error, "message", None) or one_line(str(error)))
        self.preview_label.setText(self.tr("预览（导出的内容）："))

    def done(self, result: int) -> None:
        """Closing: a preview still being built is cancelled; a save under way still reports to the window."""
        self._closed = True
        if self._preview_task is not None:
            self._preview_task.cancel()
        super().done(result)

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
            build_letter = self.letter_builder()

            def work(_progress):
                return export.write_letter(build_letter(), path, fmt)

        else:
            path = self._ask_path(fmt, self.tr("保存审核记录"), "审核记录")
            if not path:
                return
            build_memo = self.memo_builder()

            def work(_progress):
                return export.write_memo(build_memo(), path, fmt)

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

    def _report_parent(self):
        """Where a save's outcome is shown: this dialog, or the window once the dialog was closed."""
        return self.window_ if self._closed else self

    def _saved(self, path) -> None:
        QMessageBox.information(
            self._report_parent(), self.tr("已导出"), self.tr("已保存到：%1").replace("%1", str(path))
        )

    def _failed(self, error: BaseException, _trace: str) -> None:
        message = getattr(error, "message", None) or one_line(str(error))
        QMessageBox.warning(self._report_parent(), self.tr("导出失败"), message)
