"""Moving reviews between people from the window: export / import review files and settle conflicts."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from xxgk_desk.core.store import Store, StoreError
from xxgk_desk.gui import export_folder


def _tr(text: str) -> str:
    """Translate in this module's own context (these helpers are functions, not QObject methods)."""
    return QCoreApplication.translate("ReviewExchange", text)


def export_reviews(parent, store: Store, documents=None) -> None:
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("导出审核记录"), export_folder.suggest("审核记录.json"), "*.json"
    )
    export_folder.remember(path)
    if not path:
        return
    try:
        out = store.export_review_file(path, documents)
    except (StoreError, OSError) as e:
        QMessageBox.warning(parent, _tr("导出失败"), getattr(e, "message", str(e)))
        return
    QMessageBox.information(parent, _tr("已导出"), _tr("审核记录已保存到：%1").replace("%1", str(out)))


def choose_review_files(parent) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, _tr("导入审核记录"), str(Path.home()), "*.json")
    return paths


def import_files(store: Store, paths: list[str]) -> tuple[list[str], int]:
    """Merge review files (off the UI thread): one line per file, and how many conflicts need a decision.
    A file that is refused changes nothing (the store checks it whole before writing)."""
    lines, conflicts = [], 0
    for path in paths:
        try:
            report = store.import_review(path)
        except (StoreError, OSError, ValueError) as e:
            lines.append(f"{Path(path).name}：{getattr(e, 'message', str(e))}")
            continue
        added = sum(c.get("added", 0) for c in report.counts.values())
        updated = sum(c.get("updated", 0) for c in report.counts.values())
        conflicts += report.conflicts
        lines.append(
            _tr("%1：新增 %2 项，更新 %3 项，冲突 %4 项")
            .replace("%1", Path(path).name)
            .replace("%2", str(added))
            .replace("%3", str(updated))
            .replace("%4", str(report.conflicts))
        )
    if conflicts:
        lines.append(_tr("有冲突的内容两个版本都已保留，请在“审核 → 合并冲突”中确定保留哪一个。"))
    return lines, conflicts


def show_import_result(parent, lines: list[str]) -> None:
    QMessageBox.information(parent, _tr("导入完成"), "\n".join(lines))


class ConflictsDialog(QDialog):
    """Each conflict side by side (ours / theirs) with a button to keep one; nothing is lost either way."""

    def __init__(self, store: Store, parent=None, document=None) -> None:
        super().__init__(parent)
        self.store, self.document = store, document
        self.changed = False
        self.setWindowTitle(self.tr("合并冲突"))
        self.resize(860, 560)
        self.list = QListWidget()
        self.detail = QTextBrowser()
        self.list.currentItemChanged.connect(self._show)
        keep_local = QPushButton(self.tr("保留本机版本"))
        keep_theirs = QPushButton(self.tr("采用导入版本"))
        close = QPushButton(self.tr("关闭"))
        keep_local.clicked.connect(lambda: self._resolve("local"))
        keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(keep_local)
        buttons.addWidget(keep_theirs)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("两人都修改过的内容：")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail, 2)
        layout.addLayout(buttons)
        self._load()

    def _load(self) -> None:
        self.list.clear()
        for c in self.store.list_conflicts(self.document):
            item = QListWidgetItem(f"{c.kind} · {c.key[:12]}")
            item.setData(256, c)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.detail.setPlainText(self.tr("没有待处理的冲突。"))

    def _show(self, item) -> None:
        if item is None:
            return
        c = item.data(256)
        fmt = lambda d: json.dumps(d, ensure_ascii=False, indent=1) if d else "—"  # noqa: E731
        self.detail.setPlainText(
            f"{self.tr('本机版本')}:\n{fmt(c.local)}\n\n{self.tr('导入版本')}:\n{fmt(c.theirs)}"
        )

    def _resolve(self, keep: str) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self.store.resolve_conflict(item.data(256).id, keep)
        except StoreError as e:
            QMessageBox.warning(self, self.tr("操作未完成"), e.message)
            return
        self.changed = True
        self._load()
