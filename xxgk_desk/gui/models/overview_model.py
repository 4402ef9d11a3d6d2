"""The province overview as a table model (one row per report; a model, not a widget per cell)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from xxgk_desk.core.batch import OverviewRow, RowFilter, columns
from xxgk_desk.core.rules import RuleSet
from xxgk_desk.gui.labels import vocabulary_label

ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
PART_COLOURS = {"present": "#dcfce7", "merged": "#fef3c7", "missing": "#fee2e2"}  # cell backgrounds
# The core names the overview's columns (xxgk_desk/core/batch/overview.py); listed here for lupdate.
COLUMN_HEADERS = [
    QT_TRANSLATE_NOOP("OverviewColumns", "学校"), QT_TRANSLATE_NOOP("OverviewColumns", "年度"),
    QT_TRANSLATE_NOOP("OverviewColumns", "统计期限"), QT_TRANSLATE_NOOP("OverviewColumns", "页数"),
    QT_TRANSLATE_NOOP("OverviewColumns", "格式"), QT_TRANSLATE_NOOP("OverviewColumns", "政府格式"),
    QT_TRANSLATE_NOOP("OverviewColumns", "概述"), QT_TRANSLATE_NOOP("OverviewColumns", "主动公开"),
    QT_TRANSLATE_NOOP("OverviewColumns", "依申请公开"), QT_TRANSLATE_NOOP("OverviewColumns", "评议"),
    QT_TRANSLATE_NOOP("OverviewColumns", "举报复议诉讼"), QT_TRANSLATE_NOOP("OverviewColumns", "新做法"),
    QT_TRANSLATE_NOOP("OverviewColumns", "问题与改进"), QT_TRANSLATE_NOOP("OverviewColumns", "其他事项"),
    QT_TRANSLATE_NOOP("OverviewColumns", "清单表"), QT_TRANSLATE_NOOP("OverviewColumns", "严重"),
    QT_TRANSLATE_NOOP("OverviewColumns", "警告"), QT_TRANSLATE_NOOP("OverviewColumns", "提示"),
    QT_TRANSLATE_NOOP("OverviewColumns", "得分"), QT_TRANSLATE_NOOP("OverviewColumns", "审核状态"),
    QT_TRANSLATE_NOOP("OverviewColumns", "审核结论"), QT_TRANSLATE_NOOP("OverviewColumns", "审核人"),
    QT_TRANSLATE_NOOP("OverviewColumns", "最后修改"), QT_TRANSLATE_NOOP("OverviewColumns", "批注"),
    QT_TRANSLATE_NOOP("OverviewColumns", "文件"), QT_TRANSLATE_NOOP("OverviewColumns", "错误"),
]  # fmt: skip
STATE_COLOURS = {"unreviewed": "#6b7280", "in_progress": "#b45309", "done": "#15803d"}


class OverviewModel(QAbstractTableModel):
    """Rows are :class:`OverviewRow`; columns come from the core's ``batch.columns``."""

    def __init__(self, rules: RuleSet, parent=None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.columns = columns(rules)
        self.rows: list[OverviewRow] = []

    def set_rows(self, rows: list[OverviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def update_row(self, row: OverviewRow) -> None:
        """Replace one report's line (or add it) without resetting the whole table."""
        for i, r in enumerate(self.rows):
            if r.key == row.key:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.columns)):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("OverviewColumns", col.header)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(row)
            if isinstance(value, float):
                return f"{value:g}"
            if col.key == "template" and value:
                return QCoreApplication.translate("OverviewColumns", value)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return col.sort_key(row)
        if role == ROW_ROLE:
            return row
        part = row.part(col.key.removeprefix("part:")) if col.kind == "part" else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if part in PART_COLOURS:
                return QBrush(QColor(PART_COLOURS[part]))
            if not row.ok:
                return QBrush(QColor("#fef2f2"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if col.key == "template" and row.gov_template:
                return QBrush(QColor("#b45309"))
            if col.kind == "state":
                return QBrush(QColor(STATE_COLOURS.get(row.state, "#000000")))
            if col.key == "errors" and row.errors:
                return QBrush(QColor("#b91c1c"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("number", "part"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not row.ok:
                return row.error
            if col.kind == "part":
                label = vocabulary_label(self.rules.vocabulary, "part_statuses", part) if part else "—"
                return f"{QCoreApplication.translate('OverviewColumns', col.header)}: {label}"
            return row.path
        return None


class OverviewFilter(QSortFilterProxyModel):
    """Sorting by the core's sort keys and filtering with the core's :class:`RowFilter`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.row_filter = RowFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, flt: RowFilter) -> None:
        self.row_filter = flt
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return row is not None and self.row_filter.accepts(row)

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)

    def ordered_rows(self) -> list[OverviewRow]:
        """The reports in the order the reviewer sees them (for next / previous report)."""
        return [self.index(r, 0).data(ROW_ROLE) for r in range(self.rowCount())]
