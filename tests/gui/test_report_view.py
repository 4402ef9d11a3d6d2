"""The report view: chunks built on the UI thread only; selection, copy, keys, resizing, long reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView

from xxgk_desk.core.document import Block, Cell, Document
from xxgk_desk.core.pipeline import check
from xxgk_desk.gui.models.rows import ROW_ROLE
from xxgk_desk.gui.views.panels import FindingsPanel
from xxgk_desk.gui.views.text_chunks import plan_chunks
from xxgk_desk.gui.views.text_view import ReportView, Span

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCX = ROOT / "resources" / "samples" / "sample-report.docx"


@pytest.fixture(scope="module")
def analysis():
    return check(SAMPLE_DOCX)


def _show(qtbot, doc, sections=(), size=(700, 500)) -> ReportView:
    v = ReportView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    qtbot.waitExposed(v)
    v.show_document(doc, sections)
    return v


@pytest.fixture
def view(qtbot, analysis):
    return _show(qtbot, analysis.document, analysis.sections)


def _long_document(paragraphs: int = 1200) -> Document:
    """A long report made of numbered paragraphs and one long table."""
    parts, blocks, pos = [], [], 0
    for i in range(paragraphs):
        line = f"第{i}段：本学年学校主动公开信息，依申请公开受理与答复情况如下所述，共计{i}条。"
        blocks.append(Block("paragraph", pos, pos + len(line)))
        parts.append(line)
        pos += len(line) + 1
    rows = []
    for r in range(400):
        cells = []
        for c in range(4):
            cell = f"r{r}c{c}"
            cells.append(Cell(pos, pos + len(cell)))
            parts.append(cell)
            pos += len(cell) + 1
        rows.append(tuple(cells))
    blocks.append(Block("table", rows[0][0].start, rows[-1][-1].end, rows=tuple(rows)))
    text = "\n".join(parts)
    return Document(
        path="long.txt",
        kind="txt",
        text=text,
        blocks=tuple(blocks),
        pages=(),
        file_sha256="0",
        extractor="test",
    )


def test_every_document_of_the_view_lives_on_the_ui_thread(view):
    """Text laid out in a worker thread holds that thread's font engines: the window crashed so."""
    ui = QThread.currentThread()
    view.toPlainText()  # builds every chunk
    docs = [c.qdoc for c in view._chunks]
    assert docs and all(d is not None and d.thread() is ui and d.parent() is view for d in docs)


def test_a_long_report_is_cut_into_chunks_built_one_per_turn(qtbot):
    doc = _long_document()
    plans = plan_chunks(doc, 4000)
    assert len(plans) > 5
    assert all(p.chars <= 4000 + 200 for p in plans)
    # chunks cover the blocks in order, the long table split by rows and nothing lost
    rows = [p for plan in plans for p in plan.pieces if p.rows]
    assert len(rows) >= 2 and rows[0].rows[0] == 0 and rows[-1].rows[1] == 400
    assert [p.start for p in plans] == sorted(p.start for p in plans)
    v = _show(qtbot, doc)
    assert v.chunk_count > 5
    assert v.pending_chunks > 0  # only what is in view was built at once
    qtbot.waitUntil(lambda: v.pending_chunks == 0, timeout=20000)
    shown = v.toPlainText()
    assert "第1199段" in shown and "r399c3" in shown


def test_go_to_a_far_offset_and_back_keeps_the_target_in_view(qtbot):
    doc = _long_document()
    v = _show(qtbot, doc)
    target = doc.text.index("第950段")
    v.go_to(target, target + 5)
    rect = v.rect_for_offset(target)
    assert 0 <= rect.top() < v.viewport().height()
    qtbot.waitUntil(lambda: v.pending_chunks == 0, timeout=20000)  # estimates became real heights
    rect = v.rect_for_offset(target)
    assert 0 <= rect.top() < v.viewport().height(), "building the chunks above moved the text away"
    assert v.offset_at_top() <= target
    assert v.offset_at(QPoint(rect.x() + 2, rect.center().y())) in range(target - 1, target + 3)


def test_a_selection_across_chunks_copies_the_canonical_text(qtbot):
    doc = _long_document()
    v = _show(qtbot, doc)
    start, end = doc.text.index("第10段"), doc.text.index("第900段")
    v.set_selection(start, end)
    assert v.selected_span() == (start, end)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == doc.text[start:end]


def test_mouse_drag_selects_text_and_reports_the_span(view, qtbot):
    spans = []
    view.selection_span_changed.connect(lambda a, b: spans.append((a, b)))
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(60, 60))
    qtbot.mouseMove(vp, QPoint(300, 120))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(300, 120))
    span = view.selected_span()
    assert span is not None and span[1] > span[0]
    assert spans and spans[-1] == span


def test_copy_puts_the_selected_text_on_the_clipboard(view, qtbot, analysis):
    text = analysis.document.text
    start = text.index("一、概述")
    end = start + 40
    view.set_selection(start, end)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "\u2029" not in copied
    assert copied == text[start:end]


def test_keyboard_selects_all_and_extends_a_selection(view, qtbot, analysis):
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span() == (0, len(analysis.document.text))
    view.set_selection(10)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (10, 11)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    a, b = view.selected_span()
    assert a == 10 and b > 12  # a line further down


def test_go_to_scrolls_the_span_into_view(view, analysis):
    text = analysis.document.text
    target = text.rindex("八、")
    view.go_to(target, target + 2)
    assert view.verticalScrollBar().value() > 0
    rect = view.rect_for_offset(target)
    assert 0 <= rect.top() < view.viewport().height()
    assert view.offset_at_top() <= target
    assert view.cursor_offset() == target


def test_a_new_width_lays_the_text_out_again_and_keeps_the_place(view, qtbot, analysis):
    text = analysis.document.text
    target = text.index("二、主动公开")
    view.go_to(target, target + 6, select=True)
    view.set_highlights("notes", [Span(target, target + 6, "#fde68a")])
    top = view.offset_at_top()
    height_before = view.verticalScrollBar().maximum()
    view.resize(1000, 500)
    qtbot.waitUntil(lambda: view.pending_chunks == 0, timeout=5000)
    assert view.verticalScrollBar().maximum() < height_before  # wider, so shorter
    assert abs(view.offset_at_top() - top) < 80  # still reading the same place
    assert view.selected_span() == (target, target + 6)
    assert view._selections(0) or view._selections(view._chunk_of_offset(target))


def test_findings_sort_themselves_and_keep_the_selection(qtbot, analysis):
    from xxgk_desk.core.rules import load_rules
    from xxgk_desk.core.session import FindingRow

    panel = FindingsPanel(load_rules())
    qtbot.addWidget(panel)
    rows = [
        FindingRow(finding=f, decision="none", reason=None, note_id=None, page=(i * 7) % 5 + 1)
        for i, f in enumerate(analysis.review.findings)
    ]
    assert len(rows) >= 3
    panel.model.set_rows(rows)
    ranks = [panel.model.index(r, 0).data(ROW_ROLE).finding.severity for r in range(len(rows))]
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order.get(s, 9) for s in ranks] == sorted(order.get(s, 9) for s in ranks)  # errors first
    panel.select_row(1)
    chosen = panel.current_row()
    panel.view.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # by place in the text

    def start(r):
        f = panel.model.index(r, 0).data(ROW_ROLE).finding
        return -1 if f.start is None else f.start

    pages = [start(r) for r in range(len(rows))]
    assert pages == sorted(pages, reverse=True)
    assert panel.current_row() is chosen  # the selection followed its row
    panel.model.set_rows(list(reversed(rows)))  # new rows keep the chosen order
    assert [start(r) for r in range(len(rows))] == pages
    assert panel.view.horizontalHeader().sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch


def test_wheel_and_page_keys_scroll(view, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    bar = view.verticalScrollBar()
    assert bar.value() == 0
    vp = view.viewport()
    centre = QPointF(vp.width() / 2, vp.height() / 2)
    wheel = QWheelEvent(
        centre,
        vp.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, wheel)
    after_wheel = bar.value()
    assert after_wheel > 0
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > after_wheel
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0
