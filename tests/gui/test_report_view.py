"""The report view: shows a background-laid-out document as it is; selection, copy, keys, resizing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThread
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QHeaderView

from xxgk_desk.core.pipeline import check
from xxgk_desk.gui.models.rows import ROW_ROLE
from xxgk_desk.gui.tasks import TaskRunner
from xxgk_desk.gui.views.panels import FindingsPanel
from xxgk_desk.gui.views.text_view import ReportView, build_text_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCX = ROOT / "resources" / "samples" / "sample-report.docx"


@pytest.fixture(scope="module")
def analysis():
    return check(SAMPLE_DOCX)


@pytest.fixture
def view(qtbot, analysis):
    v = ReportView()
    qtbot.addWidget(v)
    v.resize(700, 500)
    v.show()
    qtbot.waitExposed(v)
    width = float(v.viewport().width())
    qdoc, dmap = build_text_document(analysis.document, analysis.sections, 11.0, v.thread(), width)
    v.show_document(analysis.document, qdoc, dmap)
    return v


def test_showing_a_laid_out_document_keeps_its_layout(view, qtbot):
    qdoc = view.document()
    last = qdoc.lastBlock()
    qtbot.wait(50)
    # a QTextEdit would have thrown the layout away (setDocument resets the page size)
    assert last.layout().lineCount() > 0
    assert qdoc.textWidth() == view.viewport().width()
    assert view.verticalScrollBar().maximum() > 0


def test_document_laid_out_in_a_worker_thread_arrives_laid_out(qtbot, analysis):
    runner = TaskRunner()
    ui = QThread.currentThread()
    results = []

    def work(progress):
        return build_text_document(
            analysis.document, analysis.sections, 11.0, ui, 640.0, lambda: progress.cancelled
        )

    runner.run(work, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    qdoc, _dmap = results[0]
    assert qdoc.thread() is ui
    assert qdoc.lastBlock().layout().lineCount() > 0
    assert qdoc.textWidth() == 640.0


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
    cur = QTextCursor(view.document())
    cur.setPosition(view.dmap.to_qt(start))
    cur.setPosition(view.dmap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cur)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "\u2029" not in copied
    assert "".join(copied.split()) == "".join(text[start:end].split())


def test_keyboard_selects_all_and_extends_a_selection(view, qtbot):
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    cur = view.textCursor()
    assert cur.selectionStart() == 0 and cur.selectionEnd() == view.document().characterCount() - 1
    cur.setPosition(10)
    view.setTextCursor(cur)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert (view.textCursor().selectionStart(), view.textCursor().selectionEnd()) == (10, 11)


def test_go_to_scrolls_the_span_into_view(view, analysis):
    text = analysis.document.text
    target = text.rindex("八、")
    view.go_to(target, target + 2)
    assert view.verticalScrollBar().value() > 0
    cur = QTextCursor(view.document())
    cur.setPosition(view.dmap.to_qt(target))
    rect = view.cursorRect(cur)
    assert 0 <= rect.top() < view.viewport().height()
    assert view.offset_at_top() <= target


def test_a_new_width_lays_the_document_out_again(view, qtbot):
    view.resize(900, 500)
    height_before = view.document().documentLayout().documentSize().height()
    qtbot.waitUntil(lambda: view.document().textWidth() == view.viewport().width(), timeout=3000)
    assert view.document().documentLayout().documentSize().height() < height_before  # wider, so shorter
    assert view.verticalScrollBar().maximum() < height_before


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
    panel.view.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # by page
    pages = [panel.model.index(r, 0).data(ROW_ROLE).page for r in range(len(rows))]
    assert pages == sorted(pages, reverse=True)
    assert panel.current_row() is chosen  # the selection followed its row
    panel.model.set_rows(list(reversed(rows)))  # new rows keep the chosen order
    assert [panel.model.index(r, 0).data(ROW_ROLE).page for r in range(len(rows))] == pages
    assert panel.view.horizontalHeader().sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch


def test_a_long_report_is_laid_out_again_in_the_background(view, qtbot, monkeypatch, analysis):
    from xxgk_desk.gui.views import text_view

    monkeypatch.setattr(text_view, "BACKGROUND_RELAYOUT", 100)  # the sample counts as long here
    shown = view.document()
    shown_text = shown.toPlainText()
    text = analysis.document.text
    start = text.index("二、主动公开")
    view.go_to(start, start + 6, select=True)
    view.set_highlights("notes", [text_view.Span(start, start + 6, "#fde68a")])
    view.resize(950, 500)
    qtbot.waitUntil(lambda: view.document() is not shown, timeout=10000)
    assert view.document().textWidth() == view.viewport().width()
    assert view.document().toPlainText() == shown_text
    assert view.selected_span() == (start, start + 6)  # the selection moved to the new copy
    assert any(sel.cursor.document() is view.document() for sel in view._extra)
    assert view.offset_at_top() <= start


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
