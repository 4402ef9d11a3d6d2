"""The report's sections as a tree (levels from the outline), each item pointing at its section.

A QStandardItemModel: the tree view lays out and paints 1,500 headings of a 300-page report
without calling back into Python for every row.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from xxgk_desk.core.outline import Section

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineModel(QStandardItemModel):
    """Level-0 title lines stay at the top level; deeper levels nest under the last shallower heading."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[QStandardItem] = []
        self.setHorizontalHeaderLabels([self.tr("目录")])

    def set_sections(self, sections: tuple[Section, ...]) -> None:
        """Replace the tree: items are built and nested outside the model, then added in one insert."""
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("目录")])
        bold = QFont()
        bold.setBold(True)
        page_tip = self.tr("第 %1 页")
        self._items = []
        stack: list[tuple[Section, QStandardItem]] = []
        top: list[QStandardItem] = []
        children: dict[int, list[QStandardItem]] = {}
        for i, s in enumerate(sections):
            while stack and (stack[-1][0].level >= s.level or stack[-1][0].level == 0):
                stack.pop()
            item = QStandardItem(s.title)
            item.setEditable(False)
            item.setToolTip(page_tip.replace("%1", str(s.page)))
            item.setData(i, SECTION_ROLE)
            if s.level <= 1:
                item.setFont(bold)
            (children.setdefault(id(stack[-1][1]), []) if stack else top).append(item)
            self._items.append(item)
            stack.append((s, item))
        for item in self._items:
            kids = children.get(id(item))
            if kids:
                item.appendRows(kids)
        if top:
            self.invisibleRootItem().appendRows(top)

    def index_of_section(self, i: int) -> QModelIndex:
        return self._items[i].index() if 0 <= i < len(self._items) else QModelIndex()
