"""Models for the right-hand panels: fields, findings, notes (with a filter proxy), 清单 and parts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from xxgk_desk.core.rules import RuleSet, load_rules
from xxgk_desk.core.rules.explanations import explanation
from xxgk_desk.core.session import FieldRow, FindingRow
from xxgk_desk.core.store import Note
from xxgk_desk.gui.labels import english, localized
from xxgk_desk.gui.models.rows import Column, RowsModel

Index = QModelIndex | QPersistentModelIndex
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
STATUS_MARK = {"present": "✓", "merged": "◐", "missing": "✗"}


def _colour(hex_colour: str | None, alpha: int = 255) -> QColor | None:
    if not hex_colour:
        return None
    c = QColor(hex_colour)
    c.setAlpha(alpha)
    return c


def show_value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class FieldsModel(RowsModel):
    """字段: extracted value, the reviewer's value (editable), reviewed tick (checkable), evidence page."""

    edited = Signal(str, object, bool)  # key, new reviewer value (None = cleared), reviewed

    COL_VALUE, COL_REVIEWED = 2, 3

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("字段"), lambda r: r.label),
            Column(self.tr("提取值"), lambda r: show_value(r.extracted), tooltip=lambda r: r.quote),
            Column(self.tr("审核值"), lambda r: "" if r.value is None else show_value(r.value)),
            Column(self.tr("已核对"), lambda r: ""),
            Column(self.tr("页"), lambda r: r.page or "", align=Qt.AlignmentFlag.AlignCenter),
        ]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == self.COL_VALUE:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.COL_REVIEWED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: FieldRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is not None and index.column() == self.COL_REVIEWED and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.reviewed else Qt.CheckState.Unchecked
        if row is not None and index.column() == self.COL_VALUE and role == Qt.ItemDataRole.EditRole:
            return show_value(row.effective) if row.effective is not None else ""
        if (
            row is not None
            and role == Qt.ItemDataRole.ForegroundRole
            and index.column() == 1
            and row.extracted is None
        ):
            return QBrush(QColor("#9a3412"))
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row: FieldRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return False
        if index.column() == self.COL_VALUE and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            new = None if text == "" or text == show_value(row.extracted) else _parse(text, row.extracted)
            self.edited.emit(row.key, new, True)
            return True
        if index.column() == self.COL_REVIEWED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.edited.emit(row.key, row.value, bool(checked))
            return True
        return False


def _parse(text: str, like: Any) -> Any:
    """The reviewer's text as a number when the field is numeric."""
    if isinstance(like, (int, float)) or (like is None and text.replace(".", "", 1).isdigit()):
        try:
            number = float(text.replace(",", "").replace("%", ""))
            return int(number) if number.is_integer() else number
        except ValueError:
            return text
    return text


def _why(rule_id: str, todo: str) -> str:
    """The 问题 column's tooltip: why the rule matters and what to do (explanations.yaml)."""
    ex = explanation(rule_id)
    if ex is None:
        return ""
    en = english()
    return f"{ex.get('why', en)}\n{todo}{ex.get('todo', en)}"


class FindingsModel(RowsModel):
    """问题: the engine's findings by severity, with the reviewer's decision."""

    def __init__(self, rules: RuleSet, parent=None) -> None:
        self.rules = rules
        super().__init__(parent)

    def make_columns(self) -> list[Column]:
        voc = self.rules.vocabulary
        sev = {c.id: c for c in voc.severities}
        todo = self.tr("应当怎么做：")
        decisions = {"none": self.tr("未处理"), "accepted": self.tr("已采纳"), "dismissed": self.tr("已驳回")}
        return [
            Column(
                self.tr("级别"),
                lambda r: (
                    localized(sev[r.finding.severity]) if r.finding.severity in sev else r.finding.severity
                ),
                sort=lambda r: SEVERITY_RANK.get(r.finding.severity, 9),
                foreground=lambda r: (
                    QBrush(QColor(sev[r.finding.severity].colour or "#000"))
                    if r.finding.severity in sev
                    else None
                ),
            ),
            Column(
                self.tr("问题"),
                lambda r: localized(self.rules.rule(r.finding.rule), "title"),
                tooltip=lambda r: _why(r.finding.rule, todo) or r.finding.message,
            ),
            Column(self.tr("说明"), lambda r: r.finding.message, tooltip=lambda r: r.finding.message),
            Column(
                self.tr("位置"),
                lambda r: r.place,
                sort=lambda r: r.finding.start if r.finding.start is not None else -1,
                tooltip=lambda r: r.place,
            ),
            Column(
                self.tr("处理"),
                lambda r: decisions.get(r.decision, r.decision),
                tooltip=lambda r: r.reason,
                foreground=lambda r: QBrush(QColor("#6b7280")) if r.decision != "none" else None,
            ),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: FindingRow | None = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.FontRole and row.decision != "none":
            from PySide6.QtGui import QFont

            f = QFont()
            f.setStrikeOut(row.decision == "dismissed")
            return f
        return super().data(index, role)


class NotesModel(RowsModel):
    """批注: top-level notes with their reply counts (replies show in the detail pane)."""

    def __init__(self, rules: RuleSet, parent=None) -> None:
        self.rules = rules
        self.replies: dict[str, list[Note]] = {}
        super().__init__(parent)

    def set_notes(self, notes: list[Note]) -> None:
        self.replies = {}
        top = []
        for n in notes:
            if n.parent_id:
                self.replies.setdefault(n.parent_id, []).append(n)
            else:
                top.append(n)
        self.set_rows(top)

    def make_columns(self) -> list[Column]:
        voc = self.rules.vocabulary
        cats = {c.id: c for c in voc.note_categories}
        sev = {c.id: c for c in voc.severities}
        status = {c.id: c for c in voc.note_statuses}
        return [
            Column(
                self.tr("类别"),
                lambda n: localized(cats[n.category]) if n.category in cats else n.category,
                background=lambda n: _colour(cats[n.category].colour, 60) if n.category in cats else None,
            ),
            Column(
                self.tr("级别"),
                lambda n: localized(sev[n.severity]) if n.severity in sev else n.severity,
                sort=lambda n: SEVERITY_RANK.get(n.severity, 9),
            ),
            Column(
                self.tr("状态"), lambda n: localized(status[n.status]) if n.status in status else n.status
            ),
            Column(self.tr("内容"), lambda n: n.body.replace("\n", " "), tooltip=lambda n: n.body),
            Column(self.tr("原文"), lambda n: (n.quote or self.tr("（整篇/整个部分）")).replace("\n", " ")),
            Column(
                self.tr("页"),
                lambda n: (n.anchor.page if n.anchor and n.anchor.page else n.page) or "",
                sort=lambda n: n.anchor.start if n.anchor and n.anchor.start is not None else -1,
            ),
            Column(self.tr("回复"), lambda n: len(self.replies.get(n.id, [])) or ""),
            Column(self.tr("时间"), lambda n: n.updated_at[:16].replace("T", " ")),
            Column(self.tr("定位"), lambda n: self._anchor_label(n)),
        ]

    def _anchor_label(self, n: Note) -> str:
        if n.anchor is None or n.anchor.start is None and n.quote is None:
            return ""
        return {"anchored": "", "fuzzy": self.tr("近似"), "orphan": self.tr("未定位")}.get(
            n.anchor.status, ""
        )


class NotesFilter(QSortFilterProxyModel):
    """Filter notes by status, category, severity, part and text; sort by position or time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.criteria: dict[str, str | None] = {
            "status": None,
            "category": None,
            "severity": None,
            "part": None,
        }
        self.text = ""
        self.orphans_only = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The notes model sorts itself (one key per row); this proxy only filters, in its order."""
        self.sourceModel().sort(column, order)

    def _refilter(self) -> None:
        """Re-run the row filter (Qt 6.10+ spells it begin/endFilterChange; invalidateFilter is deprecated)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_orphans_only(self, on: bool) -> None:
        self.orphans_only = on
        self._refilter()

    def set_criterion(self, key: str, value: str | None) -> None:
        self.criteria[key] = value or None
        self._refilter()

    def set_text(self, text: str) -> None:
        self.text = text.strip()
        self._refilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        note: Note | None = self.sourceModel().row_at(source_row)
        if note is None:
            return False
        for key, want in self.criteria.items():
            if want and getattr(note, key) != want:
                return False
        if self.text and self.text not in (note.body + (note.quote or "")):
            return False
        if self.orphans_only and not (note.anchor is not None and note.anchor.status == "orphan"):
            return False
        return True


class ChecklistModel(RowsModel):
    """清单: the 50 items and their coverage."""

    def make_columns(self) -> list[Column]:
        words = {c.id: c for c in load_rules().vocabulary.checklist_statuses}  # categories.yaml
        status = {k: localized(c) for k, c in words.items()}
        colours = {k: c.colour or "#ffffff" for k, c in words.items()}
        return [
            Column(self.tr("序号"), lambda c: c.no, sort=lambda c: c.no, align=Qt.AlignmentFlag.AlignCenter),
            Column(self.tr("类别"), lambda c: c.category),
            Column(self.tr("公开事项"), lambda c: c.item, tooltip=lambda c: c.item),
            Column(
                self.tr("状态"),
                lambda c: status.get(c.status, c.status),
                background=lambda c: QBrush(QColor(colours.get(c.status, "#ffffff"))),
            ),
        ]


class PartsModel(RowsModel):
    """The standard parts with present / merged / missing marks."""

    def make_columns(self) -> list[Column]:
        words = {c.id: c for c in load_rules().vocabulary.part_statuses}  # categories.yaml
        labels = {k: localized(c) for k, c in words.items()}
        colours = {k: c.colour or "#000000" for k, c in words.items()}
        return [
            Column(
                self.tr("标准部分"),
                lambda p: f"{STATUS_MARK[p.status]}  {localized(p, 'name')}",
                foreground=lambda p: QBrush(QColor(colours[p.status])),
                tooltip=lambda p: labels[p.status],
            ),
        ]
