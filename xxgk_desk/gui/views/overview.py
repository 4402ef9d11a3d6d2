"""The province at a glance: a workspace of many reports, the coverage picture and year-over-year comparison."""

from __future__ import annotations

import html
import threading
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from xxgk_desk.core.batch import CoverageMatrix, RowFilter, Workspace, neighbour, rule_counts
from xxgk_desk.core.batch.compare import diff
from xxgk_desk.core.loaders import file_patterns
from xxgk_desk.core.rules import RuleSet, load_rules
from xxgk_desk.core.store import Store
from xxgk_desk.gui import export_folder
from xxgk_desk.gui.labels import localized
from xxgk_desk.gui.models.overview_model import ROW_ROLE, OverviewFilter, OverviewModel
from xxgk_desk.gui.tasks import TaskRunner
from xxgk_desk.gui.views.chart_view import ChartsPage

COVERAGE_WORDS = {c.id: localized(c) for c in load_rules().vocabulary.coverage_levels}
CELL_COLOURS = {
    c.id: c.colour for c in load_rules().vocabulary.coverage_levels if c.colour
}  # categories.yaml


class CoverageModel(QAbstractTableModel):
    """Reports × (nine parts, ten 清单 categories), coloured present / partial / missing, totals first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matrix: CoverageMatrix | None = None
        self.totals: list[dict[str, int]] = []

    def set_matrix(self, matrix: CoverageMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.totals = matrix.totals()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.row_keys) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.matrix is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            col = self.matrix.columns[section]
            return col.short if role == Qt.ItemDataRole.DisplayRole else col.name
        return self.tr("缺失合计") if section == 0 else self.matrix.row_labels[section - 1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.matrix is None or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r == 0:  # totals: how many reports miss this column
            t = self.totals[c]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{t['missing']}/{t['partial']}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("缺 %1 份，部分 %2 份，有 %3 份")
                    .replace("%1", str(t["missing"]))
                    .replace("%2", str(t["partial"]))
                    .replace("%3", str(t["present"]))
                )
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont

                f = QFont()
                f.setBold(True)
                return f
            return None
        state = self.matrix.cell(r - 1, c)
        if role == Qt.ItemDataRole.BackgroundRole and state in CELL_COLOURS:
            return QBrush(QColor(CELL_COLOURS[state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return COVERAGE_WORDS.get(state, "—") if state else self.tr("未读取")
        if role == Qt.ItemDataRole.DisplayRole:
            share = self.matrix.shares[r - 1][c]
            if self.matrix.columns[c].kind == "category" and share is not None:
                return f"{round(share * 100)}%"
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class OverviewWindow(QMainWindow):
    """A workspace of reports: add folders, filter and sort, open one for review, export the summary."""

    open_requested = Signal(str)

    def __init__(self, store: Store, rules: RuleSet, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("全省概览 — 批量审核"))
        self.resize(1500, 900)
        self.store, self.rules = store, rules
        self.workspace = Workspace(store)
        self.runner = TaskRunner(self, max_threads=1)
        self._cancel = threading.Event()
        self.model = OverviewModel(rules, self)
        self.proxy = OverviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(70)
        self.table.doubleClicked.connect(self._open_row)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self._build_filters()
        self.coverage_model = CoverageModel(self)
        self.coverage_view = QTableView()
        self.coverage_view.setModel(self.coverage_model)
        self.coverage_view.horizontalHeader().setDefaultSectionSize(64)
        self.coverage_view.verticalHeader().setDefaultSectionSize(22)
        self.most_missed = QLabel()
        self.most_missed.setWordWrap(True)
        coverage_page = QWidget()
        cl = QVBoxLayout(coverage_page)
        legend = QLabel(
            self.tr("绿色：有　黄色：部分（合并或部分清单事项）　红色：缺。首行为“缺/部分”的报告份数。")
        )
        cl.addWidget(legend)
        cl.addWidget(self.most_missed)
        cl.addWidget(self.coverage_view, 1)
        self.compare = CompareView(self.workspace, rules, self.runner)
        overview_page = QWidget()
        ol = QVBoxLayout(overview_page)
        ol.addLayout(self.filters)
        ol.addWidget(self.table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview_page, self.tr("概览"))
        self.tabs.addTab(coverage_page, self.tr("覆盖情况"))
        self.tabs.addTab(self.compare, self.tr("年度对比"))
        self.charts_page = ChartsPage()
        self.charts_page.choice_changed.connect(self._refresh_charts)
        self._charts_task = None
        self.tabs.addTab(self.charts_page, self.tr("图表"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._build_toolbar()
        self.reload()

    # -- building ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("工作区"))
        bar.setObjectName("workspace_bar")
        for text, slot in (
            (self.tr("添加文件夹…"), self.add_folder),
            (self.tr("添加文件…"), self.add_files),
            (self.tr("导出汇总…"), self.export_summary),
            (self.tr("导出通报…"), self.export_notice),
            (self.tr("导出全部审核意见…"), self.export_letters),
            (self.tr("合并审核记录…"), self.merge_reviews),
        ):
            bar.addAction(text, slot)
        bar.addSeparator()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.progress_label = QLabel()
        self.cancel_btn = QPushButton(self.tr("取消"))
        self.cancel_btn.hide()
        self.cancel_btn.clicked.connect(self._cancel.set)
        bar.addWidget(self.progress)
        bar.addWidget(self.progress_label)
        bar.addWidget(self.cancel_btn)
        self.addToolBar(bar)
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)

    def _build_filters(self) -> None:
        self.filters = QHBoxLayout()
        voc = self.rules.vocabulary
        self.state_box = QComboBox()
        self.state_box.addItem(self.tr("全部状态"), None)
        for c in voc.review_states:
            self.state_box.addItem(localized(c), c.id)
        self.rule_box = QComboBox()
        self.part_box = QComboBox()
        self.part_box.addItem(self.tr("缺少任一部分"), None)
        for p in self.rules.parts:
            self.part_box.addItem(self.tr("缺：") + localized(p, "name"), p.key)
        self.text_box = QLineEdit()
        self.text_box.setPlaceholderText(self.tr("按学校、文件名筛选…"))
        for w in (self.state_box, self.rule_box, self.part_box):
            w.currentIndexChanged.connect(self.apply_filter)
        self.text_box.textChanged.connect(self.apply_filter)
        for w in (QLabel(self.tr("筛选：")), self.state_box, self.rule_box, self.part_box, self.text_box):
            self.filters.addWidget(w)

    def _fill_rule_box(self, rows) -> None:
        current = self.rule_box.currentData()
        self.rule_box.blockSignals(True)
        self.rule_box.clear()
        self.rule_box.addItem(self.tr("全部问题"), None)
        for rule_id, title, count in rule_counts(rows, self.rules):
            self.rule_box.addItem(f"{title}（{count}）", rule_id)
        self.rule_box.setCurrentIndex(max(self.rule_box.findData(current), 0))
        self.rule_box.blockSignals(False)

    # -- data --------------------------------------------------------------------------------
    def reload(self) -> None:
        rows = self.workspace.rows()
        self.model.set_rows(rows)
        self._fill_rule_box(rows)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        for c, col in enumerate(self.model.columns):
            if col.kind != "part":
                self.table.resizeColumnToContents(c)
        self._update_counts()
        if self.tabs.currentIndex() == 1:
            self._refresh_coverage()
        elif self.tabs.currentIndex() == 3:
            self._refresh_charts()

    def apply_filter(self) -> None:
        part = self.part_box.currentData()
        self.proxy.set_filter(
            RowFilter(
                states=frozenset({self.state_box.currentData()})
                if self.state_box.currentData()
                else frozenset(),
                rule=self.rule_box.currentData(),
                missing_part=part,
                text=self.text_box.text().strip(),
            )
        )
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.model.rows
        shown = self.proxy.rowCount()
        done = sum(1 for r in rows if r.state == "done")
        failed = sum(1 for r in rows if not r.ok)
        self.count_label.setText(
            self.tr("共 %1 份报告，显示 %2 份；已完成 %3 份；无法读取 %4 份")
            .replace("%1", str(len(rows)))
            .replace("%2", str(shown))
            .replace("%3", str(done))
            .replace("%4", str(failed))
        )

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._refresh_coverage()
        elif index == 2:
            self.compare.load_pairs()
        elif index == 3:
            self._refresh_charts()

    def _refresh_coverage(self) -> None:
        matrix = self.workspace.coverage(self.proxy.ordered_rows())
        self.coverage_model.set_matrix(matrix)
        missed = self.tr("（缺 %1 份）")
        top = [c.name + missed.replace("%1", str(m)) for c, m, _p in matrix.most_missed()[:5] if m]
        self.most_missed.setText(self.tr("最常缺少：") + ("；".join(top) if top else self.tr("无")))

    def _refresh_charts(self) -> None:
        """The 图表 tab for the rows shown: the 通报's counts for the chosen province, gathered off the
        UI thread (the reviewers' notes are read from the store); a newer refresh replaces an older one."""
        from xxgk_desk.core.export.charts import province_charts
        from xxgk_desk.core.export.notice_model import collect_notice, provinces
        from xxgk_desk.gui.labels import english

        page = self.charts_page
        page.set_provinces(provinces())
        if self._charts_task is not None:
            self._charts_task.cancel()
        rows, ws = self.proxy.ordered_rows(), self.workspace
        page.set_years(sorted({r.year for r in rows if r.ok and r.year is not None}, reverse=True))
        province, year = page.province(), page.year()
        language = "en" if english() else "zh"

        def work(_progress):
            notice = collect_notice(ws, rows, province=province, year=year)
            return notice, province_charts(notice, ws.rules, language=language)

        checked = sum(1 for r in rows if r.ok and r.checked)
        self._charts_task = page.runner.run(
            work, on_done=lambda result: self._show_charts(*result, checked), on_error=self._charts_failed,
            label="charts",
        )  # fmt: skip

    def _show_charts(self, notice, charts, checked: int = 0) -> None:
        self._charts_task = None
        if notice.listed:
            text = (
                self.tr("%1 %2：名单内 %3 所，收到 %4 所，未报送 %5 所")
                .replace("%1", notice.province)
                .replace("%2", notice.school_year)
                .replace("%3", str(notice.listed))
                .replace("%4", str(notice.received))
                .replace("%5", str(len(notice.missing)))
            )
            others = checked - notice.received - len(notice.unlisted)
            if others > 0:
                text += self.tr("；另有 %1 份报告属于其他省份或学年，未计入").replace("%1", str(others))
        else:
            text = self.tr("未能确定省份：请在“省份”中选择。")
        self.charts_page.show_charts(charts, text)

    def _charts_failed(self, error: BaseException, _trace: str) -> None:
        from xxgk_desk.core.errors import Cancelled

        self._charts_task = None
        if not isinstance(error, Cancelled):
            self.charts_page.summary.setText(
                self.tr("无法生成图表：") + (getattr(error, "message", None) or str(error))
            )

    # -- adding reports (processes on all cores, in the background) --------------------------
    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择报告所在文件夹"))
        if folder:
            self.add_paths([folder])

    def add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择报告"), "", self.tr("报告文件") + f" ({file_patterns()})"
        )
        if files:
            self.add_paths(files)

    def add_paths(self, paths: list[str]) -> None:
        if self.runner.busy:
            return
        self._cancel.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_btn.show()
        ws, cancel = self.workspace, self._cancel

        def work(progress):
            return ws.add(paths, on_progress=lambda p: progress(p.done, p.total, p.text()), cancel=cancel)

        self.runner.run(work, on_done=self._added, on_error=self._add_failed, on_progress=self._progressed)

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(text)

    def _added(self, report) -> None:
        self.progress.hide()
        self.cancel_btn.hide()
        self.progress_label.setText(report.text() if hasattr(report, "text") else "")
        self.reload()

    def _add_failed(self, error: BaseException, _trace: str) -> None:
        self.progress.hide()
        self.cancel_btn.hide()
        QMessageBox.warning(self, self.tr("添加报告失败"), getattr(error, "message", None) or str(error))
        self.reload()

    # -- export, merge, open -----------------------------------------------------------------
    def export_summary(self) -> None:
        from xxgk_desk.core.export import summary

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出汇总"), export_folder.suggest("汇总.xlsx"), "*.xlsx"
        )
        if not path:
            return
        export_folder.remember(path)
        rows = self.proxy.ordered_rows()
        ws, page = self.workspace, self.charts_page
        province, year = page.province(), page.year()  # the charts of the 图表 tab
        self.runner.run(
            lambda _p: summary.write_summary_xlsx(path, ws, rows, province=province, year=year),
            on_done=lambda out: QMessageBox.information(self, self.tr("已导出"), str(out)),
            on_error=lambda e, _t: QMessageBox.warning(
                self, self.tr("导出失败"), getattr(e, "message", str(e))
            ),
        )

    def export_notice(self) -> None:
        """The province's 通报 for the rows shown (the province asked for, the likeliest one offered)."""
        from PySide6.QtWidgets import QInputDialog

        from xxgk_desk.core.export import letter_settings
        from xxgk_desk.core.export.notice_blocks import write_notice
        from xxgk_desk.core.export.notice_model import choose_province, collect_notice, provinces

        rows = self.proxy.ordered_rows()
        choices = provinces()
        guess = choose_province(rows)
        province, ok = QInputDialog.getItem(
            self, self.tr("导出通报"), self.tr("通报的省份："), choices,
            choices.index(guess) if guess in choices else 0, False,
        )  # fmt: skip
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出通报"), export_folder.suggest(f"{province}通报.docx"), "*.docx"
        )
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        export_folder.remember(path)
        ws, settings = self.workspace, letter_settings.read(self.store)
        self.runner.run(
            lambda _p: write_notice(
                collect_notice(ws, rows, province=province, settings=settings), path, rules=ws.rules
            ),
            on_done=lambda out: QMessageBox.information(self, self.tr("已导出"), str(out)),
            on_error=lambda e, _t: QMessageBox.warning(
                self, self.tr("导出失败"), getattr(e, "message", str(e))
            ),
        )

    def export_letters(self) -> None:
        """Every shown report's letter (审核意见) into a folder, with progress and cancel."""
        from xxgk_desk.core.export import letter_settings, write_letters

        if self.runner.busy:
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("选择保存审核意见的文件夹"),
            str(Path(export_folder.suggest("审核意见.docx")).parent),
        )
        if not folder:
            return
        export_folder.remember(str(Path(folder) / "审核意见.docx"))
        rows = self.proxy.ordered_rows()
        ws, settings, cancel = self.workspace, letter_settings.read(self.store), self._cancel
        cancel.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_btn.show()

        def work(progress):
            return write_letters(ws, rows, folder, settings=settings, progress=progress, cancel=cancel)

        self.runner.run(work, on_done=self._letters_written, on_error=self._add_failed,
                        on_progress=self._progressed)  # fmt: skip

    def _letters_written(self, report) -> None:
        self.progress.hide()
        self.cancel_btn.hide()
        self.progress_label.setText(report.text())
        lines = [report.text()] + [f"{name}：{why}" for name, why in report.failed[:10]]
        QMessageBox.information(self, self.tr("已导出"), "\n".join(lines))

    def merge_reviews(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择审核记录文件"), "", "*.json")
        if not files:
            return
        ws = self.workspace
        self.runner.run(
            lambda _p: ws.merge_reviews(files),  # off the UI thread; a refused file changes nothing
            on_done=lambda reports: self._merged(files, reports),
            on_error=lambda e, _t: QMessageBox.warning(
                self, self.tr("合并失败"), getattr(e, "message", str(e))
            ),
        )

    def _merged(self, files: list[str], reports) -> None:
        conflicts = sum(r.conflicts for r in reports)
        QMessageBox.information(
            self,
            self.tr("合并完成"),
            self.tr("已合并 %1 个文件；冲突 %2 项（在审核窗口“审核 → 合并冲突”中处理）。")
            .replace("%1", str(len(files)))
            .replace("%2", str(conflicts)),
        )
        self.reload()

    def _open_row(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None and row.path:
            self.open_requested.emit(row.path)

    def _row_menu(self, pos) -> None:
        """打开; and when several files are one report: which of them the overview shows."""
        index = self.table.indexAt(pos)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self._open_row(index)).setEnabled(bool(row.path))
        if row.alternatives:
            sub = menu.addMenu(self.tr("改用本报告的另一个文件"))
            for path in row.alternatives:
                sub.addAction(Path(path).name, lambda p=path: self.choose_file(p)).setToolTip(path)
        if row.pinned and row.document_id:
            menu.addAction(
                self.tr("恢复自动选择（PDF 优先，其次最新）"), lambda: self._unchoose(row.document_id)
            )
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def choose_file(self, path: str) -> None:
        try:
            self.workspace.choose_file(path)
        except Exception as e:  # a file that is gone or unreadable: say so, keep the table
            QMessageBox.warning(self, self.tr("无法切换文件"), getattr(e, "message", str(e)))
            return
        self.reload()

    def _unchoose(self, document_id: str) -> None:
        self.workspace.unchoose(document_id)
        self.reload()

    def neighbour_path(self, path: str, step: int) -> str | None:
        """The next / previous report after ``path`` in the overview's current order."""
        rows = [r for r in self.proxy.ordered_rows() if r.ok and r.path]  # unreadable files are skipped
        key = next((r.key for r in rows if Path(r.path) == Path(path)), None)
        if key is None:
            return None
        other = neighbour(rows, key, step)
        return other.path if other is not None else None

    def refresh_report(self, path: str) -> None:
        """After a review change in the main window, update that report's line."""
        try:
            row = self.workspace.row_for_file(path)
        except Exception:
            return
        self.model.update_row(row)
        self._update_counts()
        if self.tabs.currentIndex() == 3:  # a corrected date or a dismissed finding moves the charts
            self._refresh_charts()


class CompareView(QWidget):
    """Two years of one institution side by side, section by section, differences marked."""

    def __init__(self, workspace: Workspace, rules: RuleSet, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.workspace, self.rules, self.runner = workspace, rules, runner  # comparing runs off the UI thread
        self.pairs = QListWidget()
        self.pairs.currentItemChanged.connect(self._pair_chosen)
        self.sections = QListWidget()
        self.sections.currentItemChanged.connect(self._section_chosen)
        self.older, self.newer = QTextBrowser(), QTextBrowser()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.pairs)
        left.addWidget(self.sections)
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(self.older)
        texts.addWidget(self.newer)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.summary)
        rl.addWidget(texts, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([320, 1100])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._cmp = None
        self._texts = (None, None)

    def load_pairs(self) -> None:
        self.pairs.clear()
        ws = self.workspace
        self.runner.run(lambda _p: ws.pairs_by_institution(), on_done=self._show_pairs, label="pairs")

    def _show_pairs(self, pairs) -> None:
        self.pairs.clear()
        for pair in pairs:
            item = QListWidgetItem(f"{pair.institution}：{pair.older.year} → {pair.newer.year}")
            item.setData(Qt.ItemDataRole.UserRole, pair)
            self.pairs.addItem(item)
        if not self.pairs.count():
            self.summary.setText(self.tr("工作区中没有同一学校不同年度的两份报告。"))

    def _pair_chosen(self, item) -> None:
        self.sections.clear()
        if item is None:
            return
        pair = item.data(Qt.ItemDataRole.UserRole)
        ws = self.workspace
        self.summary.setText(self.tr("正在比较……"))

        def work(_progress):
            return ws.comparison(pair.older, pair.newer), (
                ws.report_text(pair.older),
                ws.report_text(pair.newer),
            )

        self.runner.run(work, on_done=lambda result: self._show_comparison(item, *result), label="compare")

    def _show_comparison(self, item, comparison, texts) -> None:
        if self.pairs.currentItem() is not item:
            return  # the reviewer chose another pair meanwhile
        self._cmp, self._texts = comparison, texts
        if self._cmp is None or None in self._texts:
            self.summary.setText(self.tr("无法比较这两份报告（文件未读取）。"))
            return
        for m in self._cmp.sections:
            sim = "—" if m.similarity is None else f"{m.similarity * 100:.0f}%"
            flag = self.tr("　⚠ 与上年几乎相同") if m.boilerplate else ""
            it = QListWidgetItem(f"{m.name}　{sim}{flag}")
            if m.boilerplate:
                it.setForeground(QBrush(QColor("#b45309")))
            it.setData(Qt.ItemDataRole.UserRole, m)
            self.sections.addItem(it)
        same = [f.label for f in self._cmp.figures if f.unchanged]
        findings = len(self._cmp.findings)
        self.summary.setText(
            self.tr("问题 %1 条。数据与上年完全相同：%2")
            .replace("%1", str(findings))
            .replace("%2", "、".join(same) if same else self.tr("无"))
        )
        if self.sections.count():
            self.sections.setCurrentRow(0)

    def _section_chosen(self, item) -> None:
        if item is None or self._cmp is None:
            return
        match = item.data(Qt.ItemDataRole.UserRole)
        older, newer = self._texts
        self.runner.run(
            lambda _p: diff(older, newer, match),
            on_done=lambda ops: self._show_diff(item, older, newer, ops),
            label="diff",
        )

    def _show_diff(self, item, older, newer, ops) -> None:
        if self.sections.currentItem() is not item:
            return
        self.older.setHtml(_side(older.text, [(o.tag, o.older_start, o.older_end) for o in ops], "older"))
        self.newer.setHtml(_side(newer.text, [(o.tag, o.newer_start, o.newer_end) for o in ops], "newer"))


_MARK = {
    ("delete", "older"): "#fecaca",
    ("replace", "older"): "#fde68a",
    ("insert", "newer"): "#bbf7d0",
    ("replace", "newer"): "#fde68a",
}


def _side(text: str, spans: list[tuple[str, int, int]], side: str) -> str:
    """HTML of one side of a section pair with its differences coloured."""
    out = []
    for tag, start, end in spans:
        chunk = html.escape(text[start:end]).replace("\n", "<br>")
        colour = _MARK.get((tag, side))
        out.append(f"<span style='background:{colour}'>{chunk}</span>" if colour else chunk)
    return "<div style='line-height:150%'>" + "".join(out) + "</div>"
