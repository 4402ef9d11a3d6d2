"""The review window: composes the views over a ReviewSession; no business logic of its own."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from xxgk_desk.core.check_process import CheckProcess, ChildUnavailable
from xxgk_desk.core.document import OCR_DOUBT
from xxgk_desk.core.errors import one_line
from xxgk_desk.core.loaders import file_patterns
from xxgk_desk.core.outline import section_at
from xxgk_desk.core.pipeline import check
from xxgk_desk.core.rules import load_rules
from xxgk_desk.core.session import ReviewSession
from xxgk_desk.core.store import Change, Store, StoreError
from xxgk_desk.gui.actions import COMMANDS, MENUS, REPORT_MENUS, Command, shortcut_rows
from xxgk_desk.gui.app_settings import settings
from xxgk_desk.gui.labels import localized, vocabulary_label
from xxgk_desk.gui.tasks import Cancelled, TaskRunner
from xxgk_desk.gui.undo import StoreCommand, take_errors
from xxgk_desk.gui.views.banner import BannerArea
from xxgk_desk.gui.views.dialogs import NoteDialog, ask_multiline, ask_text, run_modal
from xxgk_desk.gui.views.page_view import PageView
from xxgk_desk.gui.views.panels import (
    ChecklistPanel,
    FieldsPanel,
    FindBar,
    FindingsPanel,
    NotesPanel,
    OutlinePanel,
)
from xxgk_desk.gui.views.text_chunks import plan_chunks
from xxgk_desk.gui.views.text_view import ReportView, Span
from xxgk_desk.gui.views.welcome import WelcomePage

MAX_RECENT = 10
MAX_SEARCH_HITS = 5000


class MainWindow(QMainWindow):
    text_ready = Signal()  # the report's text and outline are shown (its checks may still be running)
    document_ready = Signal()  # … and its findings, fields and panels
    load_failed = Signal(str)

    def __init__(self, db_path: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.rules = load_rules()
        self.runner = TaskRunner(self)
        self._check_process: CheckProcess | None = None
        QTimer.singleShot(0, lambda: None if self.runner.synchronous else self._checker())  # warm it up
        self.undo_stack = QUndoStack(self)
        self.session: ReviewSession | None = None
        self.store: Store | None = None
        self._load_task = None
        self._early = None  # the analysis (text and outline) shown ahead of its checks, until its session
        self._notes: list = []  # the open report's notes and findings as last read from the store
        self._finding_rows: list = []
        self._search_hits: list[int] = []
        self._search_index = -1
        self._problems_shown = 0  # of the store's unreadable rows, how many a banner has named
        self._open_store(db_path)
        self._build_ui()
        self._build_actions()
        self._restore_settings()
        self.setAcceptDrops(True)
        self._update_title()
        self._update_status()

    # ------------------------------------------------------------------ setup
    def _open_store(self, db_path: str | None) -> None:
        try:
            self.store = Store(db_path)  # signs with the reviewer this database keeps
        except StoreError as e:
            self.store = None
            message = e.message
            QTimer.singleShot(0, lambda: self._database_refused(message))

    def _database_refused(self, message: str) -> None:
        """A damaged or newer database was refused unchanged: say why and offer another one."""
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("无法打开审核数据库"), message, parent=self)
        other = box.addButton(self.tr("选择或新建其他审核数据库…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        run_modal(box)
        if box.clickedButton() is other:
            self.switch_database()

    def switch_database(self) -> None:
        """Work in another review database (an existing file, or a new one at the chosen path)."""
        start = str(self.store.path.parent) if self.store is not None else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("选择或新建审核数据库"),
            start,
            self.tr("审核数据库") + " (*.sqlite3 *.db);;" + self.tr("所有文件") + " (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        try:
            store = Store(path)
        except StoreError as e:
            self._database_refused(e.message)
            return
        self.close_document()
        if self.store is not None:
            self.store.close()
        self.store = store
        overview = getattr(self, "overview", None)
        if overview is not None:
            overview.close()
            self.overview = None
        self.statusBar().showMessage(self.tr("审核数据库：%1").replace("%1", str(store.path)), 8000)

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("高校信息公开年报审核"))
        self.resize(1500, 950)
        # centre: text (and the PDF page), find bar below
        self.text_view = ReportView()
        self.page_view = PageView()
        self.page_view.hide()
        self.centre_split = QSplitter(Qt.Orientation.Horizontal)
        self.centre_split.addWidget(self.text_view)
        self.centre_split.addWidget(self.page_view)
        self.find_bar = FindBar()
        self.find_bar.hide()
        centre = QWidget()
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.banner_area = BannerArea()
        lay.addWidget(self.banner_area)
        lay.addWidget(self.centre_split, 1)
        lay.addWidget(self.find_bar)
        # the centre is a stack: the report (always page 0) and, on the first start, the welcome page
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(centre)
        self.report_page = centre
        self.welcome_page: WelcomePage | None = None  # made when first shown
        self._welcome_hid: list[QDockWidget] = []  # side panels hidden while it is shown
        self.setCentralWidget(self.centre_stack)
        # left: outline and parts
        self.outline = OutlinePanel()
        self.left_dock = self._dock(
            self.tr("目录"), "outline", self.outline, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.parts_dock = self._dock(
            self.tr("标准部分"), "parts", self.outline.parts, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.splitDockWidget(self.left_dock, self.parts_dock, Qt.Orientation.Vertical)
        # right: fields, findings, notes, 清单
        self.fields_panel = FieldsPanel()
        self.findings_panel = FindingsPanel(self.rules)
        self.notes_panel = NotesPanel(self.rules)
        self.checklist_panel = ChecklistPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings_panel, self.tr("问题"))
        self.tabs.addTab(self.fields_panel, self.tr("字段"))
        self.tabs.addTab(self.notes_panel, self.tr("批注"))
        self.tabs.addTab(self.checklist_panel, self.tr("清单"))
        self.right_dock = self._dock(
            self.tr("审核"), "review", self.tabs, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.outline.setMinimumWidth(200)  # a restored layout must not squeeze the panels to nothing
        self.tabs.setMinimumWidth(380)
        self.resizeDocks([self.left_dock, self.right_dock], [290, 560], Qt.Orientation.Horizontal)
        self.resizeDocks([self.left_dock, self.parts_dock], [560, 300], Qt.Orientation.Vertical)
        self.text_view.setMinimumWidth(320)  # the report stays readable beside the page view
        self.centre_split.setChildrenCollapsible(False)
        self.centre_split.splitterMoved.connect(self._remember_page_split)
        self._preferred: dict[str, int] = {}  # the side panels' widths as the reviewer last set them
        self._preferred_at = 0  # the window's width then
        self._settle_timer = QTimer(self, singleShot=True, interval=400)
        self._settle_timer.timeout.connect(self._remember_dock_widths)
        # status bar
        self.status_doc = QLabel()
        self.status_counts = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_btn = QPushButton(self.tr("取消"))
        self.cancel_btn.hide()
        self.cancel_btn.clicked.connect(self.cancel_loading)
        sb = self.statusBar()
        sb.addWidget(self.status_doc, 1)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_btn)
        sb.addPermanentWidget(self.status_counts)
        # wiring
        self.outline.section_clicked.connect(self.go_to_section)
        self.outline.part_clicked.connect(self.go_to_part)
        self.text_view.reading_position_changed.connect(self._follow_reading)
        self.text_view.add_note_requested.connect(self.add_note)
        self.fields_panel.evidence_clicked.connect(self._show_field_evidence)
        self.fields_panel.model.edited.connect(self.edit_field)
        self.findings_panel.finding_clicked.connect(self._show_finding)
        self.findings_panel.accept_requested.connect(self.accept_finding)
        self.findings_panel.dismiss_requested.connect(self.dismiss_finding)
        self.findings_panel.reset_requested.connect(self.reset_finding)
        self.notes_panel.note_clicked.connect(self._show_note)
        self.notes_panel.reply_requested.connect(self.reply_note)
        self.notes_panel.resolve_requested.connect(self.resolve_note)
        self.notes_panel.edit_requested.connect(self.edit_note)
        self.notes_panel.delete_requested.connect(self.delete_note)
        self.notes_panel.document_note_requested.connect(self.add_document_note)
        self.notes_panel.reattach_requested.connect(self.reattach_note)
        self.checklist_panel.item_clicked.connect(self._show_checklist_item)
        self.find_bar.query_changed.connect(self._search)
        self.find_bar.next_requested.connect(lambda: self._search_step(1))
        self.find_bar.previous_requested.connect(lambda: self._search_step(-1))
        self.find_bar.closed.connect(lambda: self.text_view.set_highlights("search", []))
        self.runner.busy_changed.connect(self._busy)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(  # closable: 视图 hides and shows it (its toggle is disabled otherwise)
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        """Menus and shortcuts from the one table of commands (gui/actions.py)."""
        mb = self.menuBar()
        menus = {key: mb.addMenu(QCoreApplication.translate("MainWindow", text)) for key, text in MENUS}
        self.command_actions: list[tuple[Command, QAction]] = []
        for cmd in COMMANDS:
            menu = menus[cmd.menu]
            if cmd.separator:
                menu.addSeparator()
            if cmd.name.startswith("@"):
                self._menu_place(cmd, menu)
                continue
            action = QAction(QCoreApplication.translate("MainWindow", cmd.text), self)
            action.setShortcuts([QKeySequence(k) for k in cmd.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(cmd.checkable)
            slot = getattr(self, cmd.name)
            if cmd.menu in REPORT_MENUS:
                slot = self._on_report(slot)
            if cmd.checkable:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(lambda _checked=False, slot=slot, args=cmd.args: slot(*args))
            menu.addAction(action)
            self.addAction(action)
            if cmd.attr:
                setattr(self, cmd.attr, action)
            self.command_actions.append((cmd, action))
        self.page_actions = [
            a for c, a in self.command_actions if c.name in ("zoom_page_in", "zoom_page_out", "fit_page")
        ]

        # review toolbar: state, conclusion
        bar = QToolBar(self.tr("审核状态"))
        bar.setObjectName("review_bar")
        bar.setIconSize(QSize(16, 16))
        voc = self.rules.vocabulary
        bar.addWidget(QLabel(self.tr(" 审核状态：")))
        self.state_box = QComboBox()
        for c in voc.review_states:
            self.state_box.addItem(localized(c), c.id)
        self.state_box.activated.connect(lambda _i: self.set_review(state=self.state_box.currentData()))
        bar.addWidget(self.state_box)
        bar.addWidget(QLabel(self.tr("  结论：")))
        self.conclusion_box = QComboBox()
        self.conclusion_box.addItem(self.tr("（未定）"), None)
        for c in voc.conclusions:
            self.conclusion_box.addItem(localized(c), c.id)
        self.conclusion_box.activated.connect(
            lambda _i: self.set_review(conclusion=self.conclusion_box.currentData())
        )
        bar.addWidget(self.conclusion_box)
        self.score_label = QLabel()
        bar.addWidget(self.score_label)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.review_bar = bar
        self._panels_menu.addAction(bar.toggleViewAction())
        self._enable_page_actions()
        self._refresh_recent_menu()
        self._enable_document_actions(False)

    def _menu_place(self, cmd: Command, menu) -> None:
        """The parts of a menu the window fills itself."""
        text = QCoreApplication.translate("MainWindow", cmd.text)
        if cmd.name == "@recent":
            self.recent_menu = menu.addMenu(text)
        elif cmd.name in ("@undo", "@redo"):
            make = (
                self.undo_stack.createUndoAction if cmd.name == "@undo" else self.undo_stack.createRedoAction
            )
            action = make(self, text)
            action.setShortcuts([QKeySequence(k) for k in cmd.keys])
            menu.addAction(action)
            self.addAction(action)
        elif cmd.name == "@panels":
            for dock in (self.left_dock, self.parts_dock, self.right_dock):
                menu.addAction(dock.toggleViewAction())
            self._panels_menu = menu
        elif cmd.name == "@language":
            lang_menu = menu.addMenu(text)
            group = QActionGroup(self)
            current = str(settings().value("ui/language", "zh_CN"))
            for code, label in (("zh_CN", "中文"), ("en", "English")):
                a = QAction(label, self, checkable=True)
                a.setChecked(current == code)
                a.triggered.connect(lambda _c=False, code=code: self.set_language(code))
                group.addAction(a)
                lang_menu.addAction(a)

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def zoom_page_in(self) -> None:
        self.page_view.zoom_in()

    def zoom_page_out(self) -> None:
        self.page_view.zoom_out()

    def fit_page(self) -> None:
        self.page_view.fit_width()

    def _enable_document_actions(self, on: bool) -> None:
        for w in (self.act_close, self.act_export, self.state_box, self.conclusion_box, self.act_page):
            w.setEnabled(on)

    # ------------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.isVisible() or event.oldSize().width() <= 0:
            return
        if event.size().width() < event.oldSize().width():
            QTimer.singleShot(0, self._keep_text_readable)  # only when the user narrows the window
        elif event.size().width() > event.oldSize().width():
            QTimer.singleShot(0, self._give_width_back)
        self._settle_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._preferred:
            self._remember_dock_widths()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:  # the end of dragging a panel's edge
            QTimer.singleShot(0, lambda: self._remember_dock_widths(chosen=True))
        return super().event(event)

    def _remember_dock_widths(self, chosen: bool = False) -> None:
        """The side panels' widths are the reviewer's when they chose them (dragging an edge) or when the
        window settles at least as wide as when they were last taken (not squeezed by a narrower window)."""
        if chosen or self.width() >= self._preferred_at:
            self._preferred = {d.objectName(): d.width() for d in self._side_docks()}
            self._preferred_at = self.width()

    def _side_docks(self) -> list[QDockWidget]:
        """The visible docked side panels, one per column (目录 and 标准部分 share theirs)."""
        return [d for d in (self.left_dock, self.right_dock) if d.isVisible() and not d.isFloating()]

    def _readable_width(self) -> int:
        return min(560, int(self.width() * 0.45))

    def _keep_text_readable(self) -> None:
        """When the window narrows, the side panels give up width (down to their minimums), not the report."""
        docks = self._side_docks()
        lack = self._readable_width() - self.centre_split.width()
        if lack <= 0 or not docks:
            return
        widths = [d.width() for d in docks]
        total = sum(widths) or 1
        new = [
            max(d.minimumSizeHint().width(), w - lack * w // total)
            for d, w in zip(docks, widths, strict=True)
        ]
        if new != widths:
            self.resizeDocks(docks, new, Qt.Orientation.Horizontal)

    def _give_width_back(self) -> None:
        """When the window grows again, the side panels get back the widths the reviewer gave them."""
        docks = [d for d in self._side_docks() if d.width() < self._preferred.get(d.objectName(), 0)]
        spare = self.centre_split.width() - self._readable_width()
        if not docks or spare <= 0:
            return
        want = [self._preferred[d.objectName()] - d.width() for d in docks]
        total = sum(want)
        give = min(spare, total)
        self.resizeDocks(
            docks,
            [d.width() + give * w // total for d, w in zip(docks, want, strict=True)],
            Qt.Orientation.Horizontal,
        )

    def closeEvent(self, event) -> None:
        self.hide_welcome()  # the layout saved is the reviewer's, with the side panels
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        self.runner.cancel_all()
        self.runner.wait(5000)
        if self._check_process is not None:
            self._check_process.close()
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)

    def _checker(self) -> CheckProcess:
        """The child process that reads and checks files (started once, restarted after a cancel)."""
        if self._check_process is None:
            self._check_process = CheckProcess()
            try:
                self._check_process.start()
            except ChildUnavailable:
                pass  # each file then tries again, and reads in this process if it still cannot
        return self._check_process

    def recent_files(self) -> list[str]:
        value = settings().value("recent/files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: str) -> None:
        files = [p for p in self.recent_files() if p != path]
        files.insert(0, path)
        settings().setValue("recent/files", files[:MAX_RECENT])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            a = self.recent_menu.addAction(Path(path).name)
            a.setToolTip(path)
            a.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(files))

    def ask_reviewer(self, force: bool = False) -> str | None:
        """The reviewer's name, kept in the review database it signs: asked when the database has none."""
        if self.store is None:
            return None
        name = self.store.reviewer_name or ""
        if name and not force:
            return name
        suggestion = name or str(settings().value("reviewer/name", "") or "")  # an older version kept it here
        value, ok = QInputDialog.getText(
            self,
            self.tr("审核人"),
            self.tr("请输入您的姓名（记录在这个审核数据库的每条批注上）：\n%1").replace(
                "%1", str(self.store.path)
            ),
            text=suggestion,
        )
        value = value.strip()
        if ok and value:
            self._guard(self.store.set_reviewer_name, value)
            return self.store.reviewer_name
        return name or None

    def set_language(self, code: str) -> None:
        settings().setValue("ui/language", code)
        QMessageBox.information(
            self,
            "xxgk-desk",
            self.tr("界面语言将在重新启动后生效。") + "\nThe language applies after a restart.",
        )

    # ------------------------------------------------------------------ opening
    def open_dialog(self) -> None:
        start = str(Path(self.recent_files()[0]).parent) if self.recent_files() else str(Path.home())
        file_filter = self.tr("报告文件") + f" ({file_patterns()});;" + self.tr("所有文件") + " (*)"
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开报告"), start, file_filter)
        if path:
            self.open_file(path)

    def paste_report(self) -> None:
        """File → 粘贴报告: the clipboard's HTML (else its text) kept as a file in the data folder, then opened."""
        from PySide6.QtGui import QGuiApplication

        from xxgk_desk.core.errors import ReadError
        from xxgk_desk.core.loaders.pasted import FOLDER, save_pasted
        from xxgk_desk.core.store.db import default_db_path

        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        data_folder = self.store.path.parent if self.store is not None else default_db_path().parent
        try:
            path = save_pasted(data_folder / FOLDER, html, text)
        except ReadError as e:
            self._fail(e.message)
            return
        except OSError as e:
            self._fail(self.tr("无法保存粘贴的报告：%1").replace("%1", str(e.strerror or e)))
            return
        self.open_file(str(path))

    def open_file(self, path: str) -> None:
        """Read and check ``path`` in the background; the window stays responsive."""
        if self.store is None:
            self._fail(self.tr("审核数据库不可用，无法打开报告。"))
            return
        if self._load_task is not None:
            self._load_task.cancel()
        store, rules = self.store, self.rules
        self.status_doc.setText(self.tr("正在读取 %1 …").replace("%1", Path(path).name))

        checker = None if self.runner.synchronous else self._checker()

        def work(progress):  # in a pool thread: plain Python objects only, no Qt object is made here
            progress(0, 1, "read")
            sent: list = []  # the document whose text went ahead (the result brings the same object)

            def on_read(early) -> None:  # the text goes ahead while the checks run
                sent.append(early.document)
                progress.partial((early, plan_chunks(early.document)))

            analysis = None
            if checker is not None:  # in the warm child process: the UI thread never waits on it
                try:
                    analysis = checker.check(
                        path,
                        ocr="auto",
                        progress=progress,
                        cancelled=lambda: progress.cancelled,
                        on_read=on_read,
                    )
                except ChildUnavailable:
                    pass  # read here instead: slower to cancel and shares the interpreter, but it works
            if analysis is None:
                analysis = check(path, rules=rules, ocr="auto", progress=progress, on_read=on_read)
            if analysis.error:
                return analysis, None, None
            progress(2, 3, "store")
            session = ReviewSession(store, analysis, rules)
            went_ahead = bool(sent) and sent[0] is analysis.document
            plans = None if went_ahead else plan_chunks(analysis.document)  # plain Python, made here
            progress(3, 3, "done")
            return analysis, session, plans

        self._load_task = self.runner.run(
            work,
            on_done=lambda r: self._loaded(path, *r),
            on_error=self._load_error,
            on_progress=self._progress,
            on_partial=lambda part: self._text_read(path, *part),
        )

    def _text_read(self, path: str, early, plans) -> None:
        """The report's text and outline, shown while its checks still run (nothing can be noted yet)."""
        self.undo_stack.clear()
        self.session = None  # the previous report is gone: an action on it would hit this one
        self._clear_panels()
        self._enable_document_actions(False)
        self.page_view.set_document(None)  # the previous report's page goes; this one's comes with the panels
        self.hide_welcome()
        self._early = early
        self.text_view.show_document(early.document, early.sections, plans)
        self.outline.model.set_sections(early.sections)
        self.outline.tree.expandToDepth(0)
        self._update_title()
        self.status_doc.setText(self.tr("正在检查 %1 …").replace("%1", Path(path).name))
        self.progress.setRange(0, 0)  # busy: the checks say nothing of how far they are
        self.text_ready.emit()

    def _drop_early_text(self) -> None:
        """A text shown ahead of checks that then failed or were cancelled leaves the window."""
        if self._early is not None:
            self._early = None
            self.text_view.clear_document()
            self.outline.clear()
            self._update_title()

    def _loaded(self, path: str, analysis, session, plans) -> None:
        self._load_task = None
        if analysis.error:
            self._drop_early_text()
            self._fail(analysis.error)
            return
        doc = analysis.document
        shown = self._early is not None and doc is self._early.document and self.text_view.doc is doc
        self._early = None
        self.undo_stack.clear()
        self._clear_panels(outline=not shown)  # nothing of the previous report may stay
        self.session = session
        self.hide_welcome()  # the welcome page gives way to the report
        if not shown:
            self.text_view.show_document(doc, analysis.sections, plans)
        self._show_banners(session)
        self._remember(os.path.abspath(path))
        self._enable_document_actions(True)
        self._update_title()

        def side_panels() -> None:
            if not shown:
                self.outline.model.set_sections(analysis.sections)
                self.outline.tree.expandToDepth(0)
            self.outline.parts_model.set_rows(analysis.review.standard_parts)
            self.checklist_panel.set_entries(analysis.review.checklist)
            has_pdf = self.page_view.set_document(doc)
            self.act_page.setEnabled(has_pdf)
            if not has_pdf:
                self.act_page.setChecked(False)
                self.page_view.hide()

        # The rest in short steps, each returning to the event loop, so the window never freezes.
        self._steps(
            session,
            [side_panels, self._refresh_fields, lambda: self._refresh_panels(fields=False),
             lambda: self._finish_loading(session)],
        )  # fmt: skip

    def _steps(self, session, steps: list) -> None:
        """Run ``steps`` one per event-loop turn while ``session`` is still the open report."""
        if not steps or session is not self.session:
            return
        first, rest = steps[0], steps[1:]

        def run() -> None:
            if session is self.session:
                first()
                self._steps(session, rest)

        self._stage(run)

    def _stage(self, fn) -> None:
        if self.runner.synchronous:
            fn()
        else:
            QTimer.singleShot(10, fn)

    def _finish_loading(self, session) -> None:
        if session is not self.session:
            return  # another file was opened meanwhile
        self._paint_highlights()
        self.document_ready.emit()
        for error in take_errors():
            QMessageBox.warning(self, self.tr("操作未完成"), error.message)

    def _show_banners(self, session: ReviewSession) -> None:
        """What the reviewer should know about this file, above the text (never a dialog while loading)."""
        area = self.banner_area
        area.clear()
        doc, review = session.doc, session.review
        if review.gov_template:
            area.add(
                "warning",
                self.tr(
                    "这份报告套用了政府信息公开工作年度报告的格式，不是高校年度报告的格式。高校应按"
                    "《高等学校信息公开办法》和教育部通知编写：按学年统计，设评议部分，附清单事项公开情况表。"
                    "按高校规则检查的结果请对照原文判断。"
                ),
            )
        if doc.warnings:
            scan = bool(doc.image_pages) and not doc.ocr_pages
            area.add("warning" if scan else "info", "\n".join(doc.warnings))
        problems = self.store.problems[self._problems_shown :] if self.store is not None else []
        if problems:
            self._problems_shown += len(problems)
            area.add(
                "error",
                self.tr("审核数据库中有 %1 条记录无法读取，已跳过（其余内容不受影响）：").replace(
                    "%1", str(len(problems))
                )
                + "\n"
                + "\n".join(problems[:5]),
            )
        orphans = session.ref.reanchor.orphans if session.ref.reanchor else ()
        if orphans:
            area.add(
                "info",
                self.tr(
                    "%1 条批注在这个版本中未能定位（原文已改动），已列入批注列表并标为“未定位”。"
                ).replace("%1", str(len(orphans))),
                [(self.tr("查看这些批注"), self._show_orphans)],
            )

    def _show_orphans(self) -> None:
        self.tabs.setCurrentWidget(self.notes_panel)
        self.notes_panel.orphans_only.setChecked(True)

    def _load_error(self, error: BaseException, trace: str) -> None:
        self._load_task = None
        self._drop_early_text()
        if isinstance(error, Cancelled):
            self.status_doc.setText(self.tr("已取消读取。"))
            self.load_failed.emit("cancelled")
            return
        message = getattr(error, "message", None) or one_line(str(error)) or type(error).__name__
        self._fail(self.tr("读取失败：%1").replace("%1", message))

    def _fail(self, message: str) -> None:
        self.status_doc.setText(message)
        self.load_failed.emit(message)
        QMessageBox.warning(self, self.tr("无法打开报告"), message)
        self._update_status()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if text and text not in ("read", "layout", "store", "done"):
            self.status_doc.setText(text)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_btn.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def cancel_loading(self) -> None:
        self.runner.cancel_all()

    def close_document(self) -> None:
        self.session = None
        if self.welcome_page is not None:
            self.welcome_page.set_report_open(False)
        self.undo_stack.clear()
        self.text_view.clear_document()
        self.page_view.set_document(None)
        self._clear_panels()
        self._enable_document_actions(False)
        self._update_title()
        self._update_status()

    def _clear_panels(self, outline: bool = True) -> None:
        """Every panel empty, detail lines and banners included (the outline kept when told so)."""
        self._notes, self._finding_rows = [], []
        self.banner_area.clear()
        if outline:
            self.outline.clear()
        for panel in (
            self.fields_panel,
            self.findings_panel,
            self.notes_panel,
            self.checklist_panel,
        ):
            panel.clear()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_file(urls[0])

    # ------------------------------------------------------------------ refreshing
    def refresh_all(self, _change: Change | None = None) -> None:
        """After a change: panels, highlights and status from the store."""
        if self.session is None:
            return
        self._refresh_panels()
        self._paint_highlights()
        for error in take_errors():
            QMessageBox.warning(self, self.tr("操作未完成"), error.message)

    def _refresh_fields(self) -> None:
        if self.session is not None:
            self.fields_panel.model.set_rows(self.session.field_rows())

    def _refresh_panels(self, fields: bool = True) -> None:
        """Findings, notes, review state and status from the store (and the fields unless told not to)."""
        if self.session is None:
            return
        s = self.session
        if fields:
            self._refresh_fields()
        self._finding_rows = s.finding_rows()
        self._notes = s.notes()
        current_finding = self.findings_panel.current_row()
        self.findings_panel.model.set_rows(self._finding_rows)
        if current_finding is not None:
            self.findings_panel.select_key(current_finding.finding.key)
        current = self.notes_panel.current_note()
        self.notes_panel.model.set_notes(self._notes)
        if current is not None:
            self.notes_panel.select_note(current.id)
        review = s.review_state()
        self.state_box.setCurrentIndex(max(self.state_box.findData(review.state), 0))
        self.conclusion_box.setCurrentIndex(max(self.conclusion_box.findData(review.conclusion), 0))
        sc = s.review.score
        self.score_label.setText(self.tr("   完整性得分：%1").replace("%1", f"{sc.total:g}"))
        self.score_label.setToolTip(
            "\n".join(f"{k}: {v:g}  {sc.details.get(k, '')}" for k, v in sc.components.items())
        )
        self._update_status()

    def _paint_highlights(self) -> None:
        s = self.session
        if s is None:
            return
        cats = {c.id: c.colour for c in self.rules.vocabulary.note_categories}
        severity_colours = {c.id: c.colour for c in self.rules.vocabulary.severities if c.colour}
        notes = [
            Span(n.anchor.start, n.anchor.end, _alpha(cats.get(n.category) or "#fde68a"))
            for n in self._notes
            if n.anchor
            and n.anchor.start is not None
            and n.anchor.end is not None
            and n.anchor.status != "orphan"
        ]
        findings = [
            Span(
                r.finding.start,
                r.finding.end,
                severity_colours.get(r.finding.severity, "#d97706"),
                underline=True,
            )
            for r in self._finding_rows
            if r.finding.start is not None and r.decision == "none"
        ]
        doubtful = [
            Span(o.start, o.end, "#a855f7", underline=True)
            for o in s.doc.ocr_spans
            if o.confidence < OCR_DOUBT
        ]
        self.text_view.set_highlights("ocr", doubtful)
        self.text_view.set_highlights("notes", notes)
        self.text_view.set_highlights("findings", findings)

    def _update_title(self) -> None:
        base = self.tr("高校信息公开年报审核")
        doc = self.session.doc if self.session is not None else self._early.document if self._early else None
        self.setWindowTitle(base if doc is None else f"{Path(doc.path).name} — {base}")

    def _update_status(self) -> None:
        s = self.session
        if s is None:
            self.status_doc.setText(self.tr("未打开报告"))
            self.status_counts.setText("")
            return
        inst = s.review.fields["institution"].value or Path(s.doc.path).name
        state = vocabulary_label(self.rules.vocabulary, "review_states", s.review_state().state)
        pages = (
            self.tr("共 %1 页").replace("%1", str(s.doc.page_count))
            if s.doc.paginated
            else self.tr("文件未记录分页")
        )
        self.status_doc.setText(
            self.tr("%1 · %2 · %3 · %4")
            .replace("%1", str(inst))
            .replace("%2", Path(s.doc.path).name)
            .replace("%3", pages)
            .replace("%4", state)
        )
        notes = [n for n in self._notes if n.status == "open" and not n.parent_id]
        pending = [r for r in self._finding_rows if r.decision == "none"]
        self.status_counts.setText(
            self.tr("待处理批注 %1 · 未确认问题 %2")
            .replace("%1", str(len(notes)))
            .replace("%2", str(len(pending)))
        )

    # ------------------------------------------------------------------ navigation
    def go_to_section(self, index: int) -> None:
        # while the checks still run, the outline of the text shown ahead of them
        sections = (
            self.session.sections if self.session is not None else self._early.sections if self._early else ()
        )
        if index is None or not (0 <= index < len(sections)):
            return
        sec = sections[index]
        self.text_view.go_to(sec.start, sec.title_end)
        self._sync_page(sec.start, sec.title_end)

    def go_to_part(self, key: str) -> None:
        if self.session is None:
            return
        part = next((p for p in self.session.review.standard_parts if p.key == key), None)
        if part is not None and part.section is not None:
            self.go_to_section(part.section)
        elif part is not None:
            self.statusBar().showMessage(
                self.tr("报告中没有找到“%1”部分。").replace("%1", localized(part, "name")), 5000
            )

    def _follow_reading(self, offset: int) -> None:
        if self.session is not None:
            self.outline.follow(section_at(self.session.sections, offset))

    def _sync_page(self, start: int, end: int) -> None:
        if not self.page_view.isHidden():
            self.page_view.show_span(start, end)

    def _show_field_evidence(self, row) -> None:
        if row.start is not None:
            self.text_view.set_highlights("evidence", [Span(row.start, row.end, "#fef08a")])
            self.text_view.go_to(row.start, row.end)
            self._sync_page(row.start, row.end)
        else:
            self.statusBar().showMessage(self.tr("报告中没有找到该字段的依据。"), 4000)

    def _show_finding(self, row) -> None:
        f = row.finding
        if f.start is not None:
            self.text_view.go_to(f.start, f.end)
            self._sync_page(f.start, f.end)

    def _show_note(self, note) -> None:
        a = note.anchor
        if a is not None and a.start is not None and a.status != "orphan":
            self.text_view.go_to(a.start, a.end)
            self._sync_page(a.start, a.end)

    def _show_checklist_item(self, entry) -> None:
        if entry is not None and entry.start is not None:
            self.text_view.go_to(entry.start, entry.end)
            self._sync_page(entry.start, entry.end)

    def step_finding(self, direction: int) -> None:
        view = self.findings_panel.view
        rows = self.findings_panel.model.rowCount()
        if not rows:
            return
        self.tabs.setCurrentWidget(self.findings_panel)
        current = view.currentIndex().row()
        self.findings_panel.select_row((current + direction) % rows if current >= 0 else 0)

    def step_note(self, direction: int) -> None:
        view = self.notes_panel.view
        rows = self.notes_panel.proxy.rowCount()
        if not rows:
            return
        self.tabs.setCurrentWidget(self.notes_panel)
        current = view.currentIndex().row()
        ix = self.notes_panel.proxy.index((current + direction) % rows if current >= 0 else 0, 0)
        view.setCurrentIndex(ix)
        view.scrollTo(ix)

    def toggle_page(self, on: bool) -> None:
        self.page_view.setVisible(on)
        self._enable_page_actions()
        if on and self.session is not None:
            saved = settings().value("window/page_split")
            sizes = [int(x) for x in saved] if isinstance(saved, list) and len(saved) == 2 else None
            total = self.centre_split.width()
            if not sizes or sum(sizes) <= 0:
                text = max(self.text_view.minimumWidth(), min(600, total // 2))
                sizes = [text, max(total - text, 1)]
            self.centre_split.setSizes(sizes)
            self.page_view.show_span(self.text_view.offset_at_top(), self.text_view.offset_at_top() + 1)

    def _remember_page_split(self, _pos: int = 0, _index: int = 0) -> None:
        if not self.page_view.isHidden():
            settings().setValue("window/page_split", self.centre_split.sizes())

    def _enable_page_actions(self) -> None:
        shown = not self.page_view.isHidden()
        for action in self.page_actions:
            action.setEnabled(shown)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # ------------------------------------------------------------------ find
    def _search(self, query: str) -> None:
        self._search_hits, self._search_index = [], -1
        if self.session is None or not query:
            self.text_view.set_highlights("search", [])
            self.find_bar.count.setText("")
            return
        text = self.session.doc.text
        pos = text.find(query)
        while pos >= 0 and len(self._search_hits) < MAX_SEARCH_HITS:
            self._search_hits.append(pos)
            pos = text.find(query, pos + 1)
        n = len(query)
        self.text_view.set_highlights("search", [Span(p, p + n, "#fdba74") for p in self._search_hits])
        self.find_bar.count.setText(self.tr("%1 处").replace("%1", str(len(self._search_hits))))
        if self._search_hits:
            self._search_step(1)

    def _search_step(self, direction: int) -> None:
        if not self._search_hits:
            return
        self._search_index = (self._search_index + direction) % len(self._search_hits)
        pos = self._search_hits[self._search_index]
        n = len(self.find_bar.edit.text())
        self.text_view.go_to(pos, pos + n)
        self.find_bar.count.setText(f"{self._search_index + 1}/{len(self._search_hits)}")

    # ------------------------------------------------------------------ changes (all stored at once)
    def _push(self, change: Change, text: str) -> None:
        """Record a stored change on the undo stack and refresh the views."""
        if change.before == change.after and not change.related:
            return
        self.undo_stack.push(StoreCommand(self.session, change, text, self.refresh_all))
        self.refresh_all(change)
        if getattr(self, "overview", None) is not None and self.session is not None:
            self.overview.refresh_report(self.session.doc.path)

    def _guard(self, fn, *args, **kw):
        try:
            return fn(*args, **kw)
        except StoreError as e:
            QMessageBox.warning(self, self.tr("操作未完成"), e.message)
        except (KeyError, ValueError) as e:
            QMessageBox.warning(self, self.tr("操作未完成"), one_line(str(e)))
        return None

    def add_note(self) -> None:
        if self.session is None:
            return
        span = self.text_view.selected_span()
        if span is None:
            self.add_document_note()
            return
        if not self.ask_reviewer():
            return
        start, end = span
        dlg = NoteDialog(self.rules, self, quote=self.session.doc.text[start:end])
        if run_modal(dlg) and dlg.values()["body"]:
            v = dlg.values()
            change = self._guard(self.session.add_note, start, end, v["body"], v["category"], v["severity"])
            if change:
                self._push(change, self.tr("添加批注"))
                self.tabs.setCurrentWidget(self.notes_panel)
                self.notes_panel.select_note(change.ids[0])

    def add_document_note(self) -> None:
        if self.session is None or not self.ask_reviewer():
            return
        parts = [(p.key, localized(p, "name")) for p in self.rules.parts]
        dlg = NoteDialog(
            self.rules, self, title=self.tr("整篇或某部分的批注"), parts=parts, category="missing"
        )
        if run_modal(dlg) and dlg.values()["body"]:
            v = dlg.values()
            change = self._guard(
                self.session.add_note, None, None, v["body"], v["category"], v["severity"], part=v.get("part")
            )
            if change:
                self._push(change, self.tr("添加批注"))

    def edit_note(self) -> None:
        note = self.notes_panel.current_note()
        if self.session is None or note is None:
            return
        dlg = NoteDialog(
            self.rules, self, quote=note.quote, body=note.body, category=note.category, severity=note.severity,
            title=self.tr("修改批注"),
        )  # fmt: skip
        if run_modal(dlg):
            v = dlg.values()
            change = self._guard(self.session.update_note, note.id, **v)
            if change:
                self._push(change, self.tr("修改批注"))

    def reply_note(self) -> None:
        note = self.notes_panel.current_note()
        if self.session is None or note is None or not self.ask_reviewer():
            return
        body = ask_multiline(self, self.tr("回复批注"), self.tr("回复内容："))
        if body:
            change = self._guard(self.session.reply, note.id, body)
            if change:
                self._push(change, self.tr("回复批注"))

    def resolve_note(self) -> None:
        note = self.notes_panel.current_note()
        if self.session is None or note is None:
            return
        status = "open" if note.status == "resolved" else "resolved"
        change = self._guard(self.session.set_note_status, note.id, status)
        if change:
            self._push(change, self.tr("解决批注") if status == "resolved" else self.tr("重新打开批注"))

    def reattach_note(self) -> None:
        """Put a note (an orphan after a revision, or a fuzzy match) on the text selected now."""
        note = self.notes_panel.current_note()
        span = self.text_view.selected_span()
        if self.session is None or note is None:
            return
        if span is None:
            self.statusBar().showMessage(self.tr("请先在正文中选中这条批注应当对应的文字。"), 5000)
            return
        change = self._guard(self.session.reattach_note, note.id, *span)
        if change:
            self._push(change, self.tr("重新定位批注"))

    def delete_note(self) -> None:
        note = self.notes_panel.current_note()
        if self.session is None or note is None:
            return
        change = self._guard(self.session.delete_note, note.id)
        if change:
            self._push(change, self.tr("删除批注"))

    def edit_field(self, key: str, value, reviewed: bool) -> None:
        if self.session is None:
            return
        change = self._guard(self.session.set_field, key, value, reviewed)
        if change:
            self._push(change, self.tr("修改字段"))

    def accept_finding(self) -> None:
        row = self.findings_panel.current_row()
        if self.session is None or row is None or not self.ask_reviewer():
            return
        if row.decision != "none":
            self.statusBar().showMessage(self.tr("该问题已处理；可先“撤销处理”。"), 4000)
            return
        change = self._guard(self.session.accept_finding, row.finding)
        if change:
            self._push(change, self.tr("采纳问题"))
            self.step_finding(1)

    def dismiss_finding(self) -> None:
        row = self.findings_panel.current_row()
        if self.session is None or row is None or not self.ask_reviewer():
            return
        reason = ask_text(self, self.tr("驳回问题"), self.tr("驳回理由（必填）："))
        if reason:
            change = self._guard(self.session.dismiss_finding, row.finding, reason)
            if change:
                self._push(change, self.tr("驳回问题"))
                self.step_finding(1)

    def reset_finding(self) -> None:
        row = self.findings_panel.current_row()
        if self.session is None or row is None or row.decision == "none":
            return
        change = self._guard(self.session.reset_finding, row.finding)
        if change:
            self._push(change, self.tr("撤销处理"))

    def set_review(self, **kw) -> None:
        if self.session is None:
            return
        change = self._guard(self.session.set_review, **kw)
        if change:
            self._push(change, self.tr("修改审核状态"))

    def edit_recommendations(self) -> None:
        if self.session is None:
            return
        current = self.session.review_state().summary or ""
        text = ask_multiline(self, self.tr("整改建议"), self.tr("写入审核意见的整改建议："), current)
        if text is not None:
            self.set_review(summary=text)

    def export_memo(self) -> None:
        if self.session is None:
            return
        from xxgk_desk.gui.views.export_dialog import ExportDialog

        run_modal(ExportDialog(self.session, self))

    def unit_settings(self) -> None:
        """File → 审核单位设置: the issuing department's details, kept in this review database."""
        if self.store is None:
            return
        from xxgk_desk.gui.views.unit_settings import UnitSettingsDialog

        run_modal(UnitSettingsDialog(self.store, self))

    def show_overview(self):
        """The province overview (one window, sharing this window's database)."""
        from xxgk_desk.gui.views.overview import OverviewWindow

        if self.store is None:
            return None
        if getattr(self, "overview", None) is None:
            self.overview = OverviewWindow(self.store, self.rules, self)
            self.overview.open_requested.connect(self._open_from_overview)
        self.overview.show()
        self.overview.raise_()
        return self.overview

    def _open_from_overview(self, path: str) -> None:
        self.open_file(path)
        self.raise_()
        self.activateWindow()

    def step_report(self, step: int) -> None:
        overview = getattr(self, "overview", None)
        if overview is None or self.session is None:
            self.statusBar().showMessage(self.tr("请先在“全省概览”中添加报告。"), 4000)
            return
        path = overview.neighbour_path(self.session.doc.path, step)
        if path:
            self.open_file(path)
        else:
            self.statusBar().showMessage(
                self.tr("已经是最后一份了。") if step > 0 else self.tr("已经是第一份了。"), 4000
            )

    def export_reviews(self) -> None:
        from xxgk_desk.gui.views.exchange import export_reviews

        if self.store is not None:
            export_reviews(self, self.store)

    def import_reviews(self) -> None:
        """Merge colleagues' review files in the background; re-anchor the open report's notes after."""
        from xxgk_desk.gui.views.exchange import choose_review_files, import_files, show_import_result

        store, session = self.store, self.session
        paths = choose_review_files(self) if store is not None else []
        if not paths or store is None:
            return

        def work(_progress):
            lines, _conflicts = import_files(store, paths)
            if session is not None:
                store.anchor_notes(session.doc)
            return lines

        def done(lines) -> None:
            if session is not None and session is self.session:
                self.refresh_all()
            show_import_result(self, lines)

        self.runner.run(work, on_done=done, on_error=self._task_failed, label="import")

    def _task_failed(self, error: BaseException, _trace: str) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(
                self, self.tr("操作未完成"), getattr(error, "message", None) or one_line(str(error))
            )

    def show_conflicts(self) -> None:
        from xxgk_desk.gui.views.exchange import ConflictsDialog

        if self.store is None:
            return
        dialog = ConflictsDialog(self.store, self)
        run_modal(dialog)
        if dialog.changed:
            self.refresh_all()

    # ------------------------------------------------------------------ welcome
    def welcome_on_first_run(self) -> bool:
        """On the window's first start (the welcome never shown, no report ever opened) show the welcome
        page; remembered in the app settings, so the next start opens straight to the window."""
        s = settings()
        if s.value("welcome/shown", False, type=bool):
            return False
        if self.recent_files():  # a reviewer who used an older version: no welcome, but remember it
            s.setValue("welcome/shown", True)
            return False
        self.show_welcome()
        return True

    def show_welcome(self) -> None:
        """帮助 → 欢迎页: the welcome page in the centre (the report, if one is open, stays behind it)."""
        if self.welcome_page is None:
            page = WelcomePage()
            page.sample_requested.connect(lambda: self.open_sample())
            page.folder_requested.connect(lambda: self.open_folder())
            page.settings_requested.connect(lambda: self.reviewer_and_unit())
            page.manual_requested.connect(lambda: self._open_manual())
            page.back_requested.connect(lambda: self.hide_welcome())
            self.centre_stack.addWidget(page)
            self.welcome_page = page
        self.welcome_page.set_report_open(self.session is not None)
        self.welcome_page.set_manual_available(callable(getattr(self, "show_manual", None)))
        if not self.welcome_shown:  # the empty side panels give the page the whole window
            self._welcome_hid = [d for d in self._all_docks() if d.isVisible()]
            for dock in self._welcome_hid:
                dock.hide()
        self.centre_stack.setCurrentWidget(self.welcome_page)
        settings().setValue("welcome/shown", True)

    def _open_manual(self) -> None:
        manual = getattr(self, "show_manual", None)  # 帮助 → 使用手册, where this version has it
        if callable(manual):
            manual()

    def _on_report(self, slot):
        """``slot`` acting on the report: with the welcome page in front, the report comes back first."""

        def run(*args):
            if self.welcome_shown and self.session is not None:
                self.hide_welcome()
            return slot(*args)

        return run

    def hide_welcome(self) -> None:
        """Back to the report, with the side panels the welcome page had hidden."""
        if not self.welcome_shown:
            return
        self.centre_stack.setCurrentWidget(self.report_page)
        for dock in self._welcome_hid:
            dock.show()
        self._welcome_hid = []

    def _all_docks(self) -> list[QDockWidget]:
        return [self.left_dock, self.parts_dock, self.right_dock]

    @property
    def welcome_shown(self) -> bool:
        return self.welcome_page is not None and self.centre_stack.currentWidget() is self.welcome_page

    def open_sample(self) -> None:
        """The bundled sample report (resources/samples), for a first look."""
        from xxgk_desk.core.resources import resource

        sample = resource("samples", "sample-report.pdf")
        if not sample.exists():
            self._fail(self.tr("找不到示例报告：%1").replace("%1", str(sample)))
            return
        self.open_file(str(sample))

    def open_folder(self) -> None:
        """A folder of reports: the province overview, asking for the folder at once."""
        overview = self.show_overview()
        if overview is not None:
            overview.add_folder()

    def reviewer_and_unit(self) -> None:
        """The reviewer's name, then the department's details for the letter (both in the review database)."""
        self.ask_reviewer(True)
        self.unit_settings()

    # ------------------------------------------------------------------ help
    def show_manual(self):
        """帮助 → 使用手册 (F1): the manual in a window of its own (one, kept until this window goes)."""
        from xxgk_desk.gui.views.manual import ManualWindow

        if getattr(self, "manual", None) is None:
            self.manual = ManualWindow(self.rules, self)
            self.manual.command_requested.connect(self._run_command)
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()
        return self.manual

    def _run_command(self, name: str) -> None:
        """A command named by the manual (a command:NAME link): only the table's argument-less ones."""
        if any(c.name == name and not c.args and not c.checkable for c in COMMANDS):
            getattr(self, name)()

    def show_rules(self) -> None:
        """帮助 → 审核规则: every rule with its basis and explanation (explanations.yaml)."""
        from xxgk_desk.gui.views.rule_help import RulesDialog

        dialog = RulesDialog(self.rules, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_shortcuts(self) -> None:
        rows = [
            (QCoreApplication.translate("MainWindow", keys), QCoreApplication.translate("MainWindow", what))
            for keys, what in shortcut_rows()
        ]
        QMessageBox.information(self, self.tr("快捷键"), "\n".join(f"{k}\t{v}" for k, v in rows))

    def show_about(self) -> None:
        from xxgk_desk import __version__
        from xxgk_desk.core.resources import resource

        db = str(self.store.path) if self.store is not None else "—"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("关于"))
        box.setText(
            self.tr("高校信息公开年报审核 %1\n离线运行，不联网。\n审核数据：%2")
            .replace("%1", __version__)
            .replace("%2", db)
            + "\n\n"
            + self.tr(
                "本软件以 MIT 许可发布。第三方组件（Qt/PySide6：LGPL-3.0；PDFium：BSD-3-Clause；"
                "RapidOCR 与 PaddleOCR 模型：Apache-2.0；onnxruntime：MIT 等）的许可说明见“显示详细信息”。"
            )
        )
        box.setDetailedText(resource("licenses", "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8"))
        self._about_box = box  # tests look at it
        box.open()


def _alpha(hex_colour: str) -> str:
    """A light version of a category colour for text highlights."""
    from PySide6.QtGui import QColor

    c = QColor(hex_colour)
    c.setAlpha(90)
    return c.name(QColor.NameFormat.HexArgb)


def app_instance() -> QApplication:
    return QApplication.instance()
