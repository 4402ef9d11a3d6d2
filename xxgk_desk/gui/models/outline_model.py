"""The report's sections as a tree (levels from the outline), each item pointing at its section.

A QStandardItemModel: the tree view lays out and paints 1,500 headings of a 300-page report
without calling back into Python for every row.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from xxgk_desk.core.outline import Section

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class OutlineItems:
    """The tree's items, built and nested but not yet in a model; ``all`` is in section order."""

    top: list[QStandardItem]
    all: list[QStandardItem]


def build_outline_items(sections: tuple[Section, ...]) -> OutlineItems:
    """Items for every section, children nested under their heading. Safe off the UI thread:
    QStandardItems are not QObjects, and nothing is in a model until ``set_items``."""
    bold = QFont()
    bold.setBold(True)
    page_tip = QCoreApplication.translate("OutlineModel", "第 %1 页")
    every: list[QStandardItem] = []
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
        every.append(item)
        stack.append((s, item))
    for item in every:
        kids = children.get(id(item))
        if kids:
            item.appendRows(kids)
    return OutlineItems(top, every)


class OutlineModel(QStandardItemModel):
    """Level-0 title lines stay at the top level; deeper levels nest under the last shallower heading."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[QStandardItem] = []
        self.setHorizontalHeaderLabels([self.tr("目录")])

    def set_sections(self, sections: tuple[Section, ...]) -> None:
        self.set_items(build_outline_items(sections))

    def set_items(self, items: OutlineItems) -> None:
        """Show a tree from :func:`build_outline_items` (which may have run in a worker thread)."""
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("目录")])
        self._items = items.all
        if items.top:
            self.invisibleRootItem().appendRows(items.top)

    def index_of_section(self, i: int) -> QModelIndex:
        return self._items[i].index() if 0 <= i < len(self._items) else QModelIndex()
