"""The report's sections as a tree (levels from the outline), each item pointing at its section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from xxgk_desk.core.outline import Section

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("section", "index", "parent", "children", "row")

    def __init__(self, section: Section | None, index: int, parent: _Node | None) -> None:
        self.section, self.index, self.parent = section, index, parent
        self.children: list[_Node] = []
        self.row = 0


class OutlineModel(QAbstractItemModel):
    """Level-0 title lines stay at the top level; deeper levels nest under the last shallower heading."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root = _Node(None, -1, None)
        self._by_index: dict[int, _Node] = {}

    def set_sections(self, sections: tuple[Section, ...]) -> None:
        self.beginResetModel()
        self._root = _Node(None, -1, None)
        self._by_index = {}
        stack: list[_Node] = []
        for i, s in enumerate(sections):
            while stack and (stack[-1].section.level >= s.level or stack[-1].section.level == 0):
                stack.pop()
            parent = stack[-1] if stack else self._root
            node = _Node(s, i, parent)
            node.row = len(parent.children)
            parent.children.append(node)
            self._by_index[i] = node
            stack.append(node)
        self.endResetModel()

    def index_of_section(self, i: int) -> QModelIndex:
        node = self._by_index.get(i)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = index.internalPointer()
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("目录")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        s = node.section
        if role == Qt.ItemDataRole.DisplayRole:
            return s.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("第 %1 页").replace("%1", str(s.page))
        if role == SECTION_ROLE:
            return node.index
        if role == Qt.ItemDataRole.FontRole and s.level <= 1:
            f = QFont()
            f.setBold(True)
            return f
        return None
