"""A table model over a list of row objects, described by columns; the base of the panel models."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    """How one column shows a row: its text, sort key, tooltip and colours."""

    title: str
    text: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    foreground: Callable[[Any], Any] | None = None
    background: Callable[[Any], Any] | None = None
    align: Qt.AlignmentFlag | None = None


class RowsModel(QAbstractTableModel):
    """Subclasses return their columns from ``make_columns`` (called once, after translations load)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.columns: list[Column] = self.make_columns()
        self._order: tuple[int, Qt.SortOrder] | None = None

    def make_columns(self) -> list[Column]:
        return []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves, one key per row (a sorting proxy would ask ``data()`` for
        every comparison, thousands of calls into Python for 500 findings); the order is kept
        for later ``set_rows``."""
        if not 0 <= column < len(self.columns):
            self._order = None
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self.rows[ix.row()] if 0 <= ix.row() < len(self.rows) else None for ix in before]
        self.rows = self._sorted(self.rows)
        where = {id(r): i for i, r in enumerate(self.rows)}
        after = [
            self.index(where[id(r)], ix.column()) if r is not None else QModelIndex()
            for r, ix in zip(held, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Any]) -> list[Any]:
        if self._order is None:
            return rows
        column, order = self._order
        col = self.columns[column]
        key_of = col.sort or col.text
        keys = {id(r): key_of(r) for r in rows}
        reverse = order == Qt.SortOrder.DescendingOrder
        try:
            return sorted(rows, key=lambda r: (keys[id(r)] is None, keys[id(r)] or 0), reverse=reverse)
        except TypeError:  # mixed kinds of key: compare them as text
            return sorted(rows, key=lambda r: str(keys[id(r)] or ""), reverse=reverse)

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self.rows))
            or not (0 <= index.column() < len(self.columns))
        ):
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.text(row)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            value = (col.sort or col.text)(row)
            return "" if value is None else value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground:
            return col.foreground(row)
        if role == Qt.ItemDataRole.BackgroundRole and col.background:
            return col.background(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align is not None:
            return int(col.align)
        return None
