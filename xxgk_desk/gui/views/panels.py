"""The side panels: outline and parts (left); fields, findings, notes and 清单 (right)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from xxgk_desk.core.rules import RuleSet
from xxgk_desk.core.rules.explanations import explanation
from xxgk_desk.gui.labels import localized, vocabulary_label
from xxgk_desk.gui.models.outline_model import SECTION_ROLE, OutlineModel
from xxgk_desk.gui.models.panels import (
    ChecklistModel,
    FieldsModel,
    FindingsModel,
    NotesFilter,
    NotesModel,
    PartsModel,
)
from xxgk_desk.gui.models.rows import ROW_ROLE
from xxgk_desk.gui.views.rule_help import explanation_html


def table_view(model, stretch: int | None = None, sortable: bool = True) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.setSortingEnabled(sortable)
    if sortable:  # Qt's sort indicator starts descending: a table would open last row first (清单 50 → 1)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(40)  # size columns from the first rows, not all 1,000 of them
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class OutlinePanel(QWidget):
    """目录 tree and the nine standard parts (``parts``, shown in a panel of its own); clicking goes there."""

    section_clicked = Signal(int)
    part_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = OutlineModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.clicked.connect(lambda ix: self.section_clicked.emit(ix.data(SECTION_ROLE)))
        self.tree.activated.connect(lambda ix: self.section_clicked.emit(ix.data(SECTION_ROLE)))
        self.parts_model = PartsModel(self)
        self.parts = table_view(self.parts_model, stretch=0, sortable=False)
        self.parts.horizontalHeader().setVisible(False)  # the panel's title says it
        self.parts.clicked.connect(lambda ix: self.part_clicked.emit(ix.data(ROW_ROLE).key))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)  # ``parts`` goes into a dock of its own (the window places it)

    def clear(self) -> None:
        self.model.set_sections(())
        self.parts_model.set_rows([])

    def follow(self, section_index: int | None) -> None:
        """Select the section being read without stealing focus or scrolling the text."""
        if section_index is None:
            return
        ix = self.model.index_of_section(section_index)
        if ix.isValid():
            self.tree.selectionModel().setCurrentIndex(ix, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(ix)


class FieldsPanel(QWidget):
    """字段: the key fields as an editable form; a click jumps to the evidence."""

    evidence_clicked = Signal(object)  # FieldRow

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = FieldsModel(self)
        self.view = table_view(self.model, stretch=1, sortable=False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.clicked.connect(self._clicked)
        hint = QLabel(self.tr("双击“审核值”可修改；勾选“已核对”表示已对照原文确认。点击一行跳到原文依据。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b7280;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(hint)

    def clear(self) -> None:
        self.model.set_rows([])

    def _clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.evidence_clicked.emit(row)


class FindingsPanel(QWidget):
    """问题: the engine's findings by severity, with accept / dismiss."""

    finding_clicked = Signal(object)  # FindingRow
    accept_requested = Signal()
    dismiss_requested = Signal()
    reset_requested = Signal()

    def __init__(self, rules: RuleSet, parent=None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(rules, self)  # sorts itself: no proxy asking Python per comparison
        self.view = table_view(self.model, stretch=2)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # errors first
        self.view.selectionModel().currentRowChanged.connect(self._current)
        self.view.clicked.connect(self._current)
        self.accept_btn = QPushButton(self.tr("采纳为批注 (A)"))
        self.dismiss_btn = QPushButton(self.tr("驳回… (D)"))
        self.reset_btn = QPushButton(self.tr("撤销处理"))
        self.explain_btn = QPushButton(self.tr("说明"))
        self.explain_btn.setCheckable(True)
        self.explain_btn.setToolTip(self.tr("显示规则的依据、为什么重要和应当怎么做"))
        self.explain_btn.toggled.connect(lambda _on: self._current(self.view.currentIndex()))
        self.accept_btn.clicked.connect(self.accept_requested.emit)
        self.dismiss_btn.clicked.connect(self.dismiss_requested.emit)
        self.reset_btn.clicked.connect(self.reset_requested.emit)
        buttons = QHBoxLayout()
        for b in (self.accept_btn, self.dismiss_btn, self.reset_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.explain_btn)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = QLabel()  # 说明: the rule's basis, why it matters, what to do
        self.explain.setWordWrap(True)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain.setStyleSheet("QLabel { background: #f8fafc; border: 1px solid #e5e7eb; padding: 4px; }")
        self.explain.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)

    def current_row(self):
        ix = self.view.currentIndex()
        return ix.data(ROW_ROLE) if ix.isValid() else None

    def clear(self) -> None:
        """No rows and no detail line (another report is being shown)."""
        self.model.set_rows([])
        self.detail.clear()
        self.explain.hide()

    def select_row(self, row: int) -> None:
        ix = self.model.index(row, 0)
        if ix.isValid():
            self.view.setCurrentIndex(ix)
            self.view.scrollTo(ix)

    def select_key(self, key: str) -> None:
        """Select the finding with this key again (after the model was refreshed)."""
        for r, row in enumerate(self.model.rows):
            if row.finding.key == key:
                self.select_row(r)
                return

    def _current(self, index: QModelIndex, _prev: QModelIndex | None = None) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None:
            self.detail.clear()
            self.explain.hide()
            return
        f = row.finding
        ex = explanation(f.rule) if self.explain_btn.isChecked() else None
        self.explain.setText(explanation_html(ex) if ex is not None else "")
        self.explain.setVisible(ex is not None)
        quote = f"<br><span style='color:#374151'>“{_html(f.quote[:200])}”</span>" if f.quote else ""
        label = self.tr("驳回理由：")
        reason = f"<br><i>{label}{_html(row.reason)}</i>" if row.reason else ""
        self.detail.setText(f"{_html(f.message)}{quote}{reason}")
        self.finding_clicked.emit(row)


def _html(text: str | None) -> str:
    import html

    return html.escape(text or "").replace("\n", "<br>")


class NotesPanel(QWidget):
    """批注: filterable and sortable notes list, the selected note's thread, reply / resolve / edit."""

    note_clicked = Signal(object)  # Note
    reply_requested = Signal()
    resolve_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    document_note_requested = Signal()
    reattach_requested = Signal()

    def __init__(self, rules: RuleSet, parent=None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.model = NotesModel(rules, self)
        self.proxy = NotesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = table_view(self.proxy, stretch=3)
        self.view.selectionModel().currentRowChanged.connect(self._current)
        self.view.clicked.connect(self._current)
        voc = rules.vocabulary
        filters = QHBoxLayout()
        self.status_filter = self._combo(
            self.tr("全部状态"), [(c.id, localized(c)) for c in voc.note_statuses], "status"
        )
        self.category_filter = self._combo(
            self.tr("全部类别"), [(c.id, localized(c)) for c in voc.note_categories], "category"
        )
        self.severity_filter = self._combo(
            self.tr("全部级别"), [(c.id, localized(c)) for c in voc.severities], "severity"
        )
        self.part_filter = self._combo(
            self.tr("全部部分"), [(p.key, localized(p, "name")) for p in rules.parts], "part"
        )
        self.sort_choice = QComboBox()
        self.sort_choice.addItem(self.tr("按位置"), 5)
        self.sort_choice.addItem(self.tr("按时间"), 7)
        self.sort_choice.currentIndexChanged.connect(self._sort)
        for w in (
            self.status_filter,
            self.category_filter,
            self.severity_filter,
            self.part_filter,
            self.sort_choice,
        ):
            filters.addWidget(w)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("筛选批注文字…"))
        self.search.textChanged.connect(self.proxy.set_text)
        self.orphans_only = QCheckBox(self.tr("只看未定位的批注"))
        self.orphans_only.toggled.connect(self.proxy.set_orphans_only)
        self.thread = QTextBrowser()
        self.thread.setMaximumHeight(170)
        buttons = QGridLayout()  # two rows of three: one row of six was cut off in a normal-width panel
        for k, (label, signal) in enumerate(
            (
                (self.tr("回复…"), self.reply_requested),
                (self.tr("解决 (R)"), self.resolve_requested),
                (self.tr("修改…"), self.edit_requested),
                (self.tr("删除"), self.delete_requested),
                (self.tr("整篇/部分批注…"), self.document_note_requested),
                (self.tr("定位到选中文字"), self.reattach_requested),
            )
        ):
            b = QPushButton(label)
            b.clicked.connect(signal.emit)
            buttons.addWidget(b, k // 3, k % 3)
        buttons.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.orphans_only)
        layout.addLayout(search_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.thread)
        layout.addLayout(buttons)
        self._sort()

    def _combo(self, everything: str, items: list[tuple[str, str]], key: str) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for value, label in items:
            box.addItem(label, value)
        box.currentIndexChanged.connect(lambda _i: self.proxy.set_criterion(key, box.currentData()))
        return box

    def _sort(self) -> None:
        column = self.sort_choice.currentData()
        order = Qt.SortOrder.AscendingOrder if column == 5 else Qt.SortOrder.DescendingOrder
        self.view.sortByColumn(column, order)

    def current_note(self):
        ix = self.view.currentIndex()
        return ix.data(ROW_ROLE) if ix.isValid() else None

    def clear(self) -> None:
        self.model.set_notes([])
        self.thread.clear()

    def select_note(self, note_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            ix = self.proxy.index(r, 0)
            if ix.data(ROW_ROLE).id == note_id:
                self.view.setCurrentIndex(ix)
                self.view.scrollTo(ix)
                return

    def _current(self, index: QModelIndex, _prev: QModelIndex | None = None) -> None:
        note = index.data(ROW_ROLE) if index.isValid() else None
        if note is None:
            self.thread.clear()
            return
        self.show_thread(note)
        self.note_clicked.emit(note)

    def show_thread(self, note) -> None:
        voc = self.rules.vocabulary
        parts = [f"<p><b>{_html(note.reviewer or '')}</b> · {note.created_at[:16].replace('T', ' ')} · "
                 f"{_html(vocabulary_label(voc, 'note_statuses', note.status))}<br>{_html(note.body)}</p>"]  # fmt: skip
        if note.quote:
            parts.insert(0, f"<p style='color:#374151'>“{_html(note.quote[:300])}”</p>")
        if note.anchor is not None and note.anchor.status == "orphan":
            lost = self.tr("原文已改动，未能在当前版本中找到这段文字。")
            parts.insert(0, f"<p style='color:#b91c1c'>{lost}</p>")
        for reply in self.model.replies.get(note.id, []):
            parts.append(
                f"<p style='margin-left:16px'>↳ <b>{_html(reply.reviewer or '')}</b> · "
                f"{reply.created_at[:16].replace('T', ' ')}<br>{_html(reply.body)}</p>"
            )
        self.thread.setHtml("".join(parts))


class ChecklistPanel(QWidget):
    """清单: the 50 items and their coverage; a click goes to the annex row."""

    item_clicked = Signal(object)  # ChecklistEntry

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(self)
        self.view = table_view(self.model, stretch=2)
        self.view.clicked.connect(lambda ix: self.item_clicked.emit(ix.data(ROW_ROLE)))
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)

    def clear(self) -> None:
        self.model.set_rows([])
        self.summary.clear()

    def set_entries(self, entries) -> None:
        self.model.set_rows(entries)
        covered = sum(1 for e in entries if e.status == "covered")
        na = sum(1 for e in entries if e.status == "not_applicable")
        self.summary.setText(
            self.tr("已覆盖 %1 项，不适用 %2 项，未找到 %3 项")
            .replace("%1", str(covered))
            .replace("%2", str(na))
            .replace("%3", str(len(entries) - covered - na))
        )


class FindBar(QWidget):
    """Ctrl+F: find in the text (one- and two-character Chinese queries too), all hits highlighted."""

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("查找…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.query_changed.emit)
        self.edit.returnPressed.connect(self.next_requested.emit)
        self.count = QLabel()
        prev_btn = QPushButton(self.tr("上一个"))
        next_btn = QPushButton(self.tr("下一个"))
        close_btn = QPushButton(self.tr("关闭"))
        prev_btn.clicked.connect(self.previous_requested.emit)
        next_btn.clicked.connect(self.next_requested.emit)
        close_btn.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("查找：")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(prev_btn)
        layout.addWidget(next_btn)
        layout.addWidget(close_btn)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous_requested.emit()
        else:
            super().keyPressEvent(event)
