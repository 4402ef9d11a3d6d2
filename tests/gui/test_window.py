"""The review window driven headless: open, navigate, annotate, edit and undo, decide findings, restart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from xxgk_desk.core.outline import section_at
from xxgk_desk.gui import main_window as mw
from xxgk_desk.gui.models.outline_model import SECTION_ROLE
from xxgk_desk.gui.models.rows import ROW_ROLE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCX = ROOT / "resources" / "samples" / "sample-report.docx"
SAMPLE_PDF = ROOT / "resources" / "samples" / "sample-report.pdf"


@pytest.fixture
def messages(monkeypatch):
    """Capture message boxes instead of showing them."""
    seen: list[tuple[str, str]] = []

    def record(kind):
        def box(_parent, title, text, *a, **k):
            seen.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Ok

        return box

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return seen


@pytest.fixture
def settings_dir(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    s = QSettings("xxgk-desk", "xxgk-desk")
    s.clear()
    s.setValue("reviewer/name", "测试审核员")
    (tmp_path / "exports").mkdir()
    s.setValue("export/folder", str(tmp_path / "exports"))  # not the real 文档 folder
    s.sync()
    return tmp_path


@pytest.fixture
def window(qtbot, settings_dir, messages):
    db = settings_dir / "reviews.sqlite3"
    w = mw.MainWindow(db_path=str(db))
    w.store.set_reviewer_name("测试审核员")
    w.runner.synchronous = True
    qtbot.addWidget(w)
    w.db_path = db
    return w


class FakeNoteDialog:
    """Stands in for NoteDialog: accepts with a fixed body, category and severity."""

    body = "数字与附表不一致"

    def __init__(self, rules, parent=None, **kw):
        self.kw = kw

    def exec(self):
        return 1

    def deleteLater(self):  # run_modal deletes the dialog after it closed
        pass

    def values(self):
        out = {"body": self.body, "category": "data_error", "severity": "error"}
        if self.kw.get("parts") is not None:
            out["part"] = "on_request"
        return out


def open_sample(window, path=SAMPLE_DOCX):
    window.open_file(str(path))
    assert window.session is not None, "document did not load"
    return window.session


def select_text(window, phrase: str) -> tuple[int, int]:
    text = window.session.doc.text
    start = text.index(phrase)
    end = start + len(phrase)
    window.text_view.set_selection(start, end)
    return start, end


def activate(window, qtbot) -> None:
    """Shortcuts reach the active window only."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_open_fills_every_panel(window):
    s = open_sample(window)
    assert window.outline.model.rowCount() > 2
    assert window.outline.parts_model.rowCount() == 9
    assert window.fields_panel.model.rowCount() >= 10
    assert window.findings_panel.model.rowCount() >= 3
    assert window.checklist_panel.model.rowCount() == 50
    first, last = (window.checklist_panel.model.index(r, 0).data() for r in (0, 49))
    assert str(first).startswith("1") and str(last).startswith("50")  # in the list's order, 1 first
    assert "楚澜理工学院" in window.status_doc.text()
    assert window.text_view.toPlainText().startswith("楚澜理工学院")
    assert s.doc.path == str(SAMPLE_DOCX)


def test_clicking_a_part_lands_on_it(window):
    s = open_sample(window)
    window.go_to_part("on_request")
    part = next(p for p in s.review.standard_parts if p.key == "on_request")
    sec = s.sections[part.section]
    pos = window.text_view.cursor_offset()
    assert pos == sec.start
    assert s.doc.text[sec.start : sec.title_end].startswith("三、依申请公开")


def test_outline_click_goes_to_section(window, qtbot):
    s = open_sample(window)
    model = window.outline.model
    ix = model.index(2, 0)  # first numbered part after the two title lines
    window.outline.tree.clicked.emit(ix)
    pos = window.text_view.cursor_offset()
    title = ix.data(Qt.ItemDataRole.DisplayRole)
    assert s.doc.text[pos : pos + len(title)] == title


def test_select_text_and_add_a_note_then_undo_and_redo(window, monkeypatch):
    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    s = open_sample(window)
    start, end = select_text(window, "XX处")
    window.add_note()
    notes = s.notes()
    assert len(notes) == 1
    note = notes[0]
    assert (note.anchor.start, note.anchor.end) == (start, end)
    assert note.body == FakeNoteDialog.body and note.reviewer == "测试审核员"
    assert window.notes_panel.model.rowCount() == 1
    assert "待处理批注 1" in window.status_counts.text()
    window.undo_stack.undo()
    assert s.notes() == []
    window.undo_stack.redo()
    assert len(s.notes()) == 1


def test_document_level_note(window, monkeypatch):
    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    s = open_sample(window)
    window.add_document_note()
    (note,) = s.notes()
    assert note.start is None and note.part == "on_request"


def test_edit_a_field_and_undo_it(window):
    s = open_sample(window)
    model = window.fields_panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).key == "active_total")
    assert model.setData(model.index(row, model.COL_VALUE), "2200")
    assert s.store.get_field(s.ref.id, "active_total").value == 2200
    assert model.index(row, model.COL_VALUE).data() == "2200"
    window.undo_stack.undo()
    stored = s.store.get_field(s.ref.id, "active_total")
    assert stored is None or stored.value is None
    window.undo_stack.redo()
    assert s.store.get_field(s.ref.id, "active_total").value == 2200


def test_accept_and_dismiss_findings(window, monkeypatch):
    s = open_sample(window)
    monkeypatch.setattr(mw, "ask_text", lambda *a, **k: "学校确有此处室，非占位符")
    panel = window.findings_panel
    panel.select_row(0)
    first = panel.current_row().finding
    window.accept_finding()
    decisions = s.store.list_decisions(s.ref.id)
    assert decisions[first.key].decision == "accepted"
    assert any(n.finding_id == first.key for n in s.notes())
    # the window moved on to the next finding; dismiss it with a reason
    second = panel.current_row().finding
    assert second.key != first.key
    window.dismiss_finding()
    d = s.store.list_decisions(s.ref.id)[second.key]
    assert d.decision == "dismissed" and d.reason == "学校确有此处室，非占位符"
    assert "未确认问题" in window.status_counts.text()


def test_everything_is_still_there_after_a_restart(window, monkeypatch, qtbot):
    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    open_sample(window)
    select_text(window, "XX处")
    window.add_note()
    window.fields_panel.model.setData(window.fields_panel.model.index(5, 2), "13")
    window.findings_panel.select_row(0)
    key = window.findings_panel.current_row().finding.key
    window.accept_finding()
    window.set_review(conclusion="basic_pass")
    db = window.db_path
    window.close()

    again = mw.MainWindow(db_path=str(db))
    again.runner.synchronous = True
    qtbot.addWidget(again)
    assert str(SAMPLE_DOCX.resolve()) in again.recent_files()
    again.open_file(str(SAMPLE_DOCX))
    s2 = again.session
    assert len([n for n in s2.notes() if n.body == FakeNoteDialog.body]) == 1
    assert s2.store.list_decisions(s2.ref.id)[key].decision == "accepted"
    assert s2.review_state().conclusion == "basic_pass"
    assert again.conclusion_box.currentData() == "basic_pass"
    assert again.notes_panel.model.rowCount() == 2  # the note and the accepted finding


def test_damaged_file_gives_a_message_and_the_window_stays_usable(window, tmp_path, messages):
    bad = tmp_path / "损坏的报告.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    window.open_file(str(bad))
    assert window.session is None
    assert messages and "损坏" in messages[-1][1] or "无法" in messages[-1][1]
    assert "Traceback" not in messages[-1][1]
    open_sample(window)
    assert window.session is not None


def test_find_highlights_every_hit_including_single_characters(window):
    s = open_sample(window)
    window.find_bar.open_bar()
    window.find_bar.edit.setText("公开")
    assert len(window._search_hits) == s.doc.text.count("公开")
    window.find_bar.edit.setText("校")
    assert len(window._search_hits) == min(s.doc.text.count("校"), mw.MAX_SEARCH_HITS)
    assert len(window.text_view._spans["search"]) == len(window._search_hits)


def test_pdf_page_view_shows_the_page(window):
    open_sample(window, SAMPLE_PDF)
    assert window.act_page.isEnabled()
    window.act_page.trigger()
    window.go_to_part("annex")
    assert window.page_view.page > 1
    assert window.page_view.image.pixmap() is not None and not window.page_view.image.pixmap().isNull()


def test_models_pass_the_model_tester(window, qtmodeltester, monkeypatch):
    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    open_sample(window)
    select_text(window, "XX处")
    window.add_note()
    for model in (
        window.outline.model,
        window.outline.parts_model,
        window.fields_panel.model,
        window.findings_panel.model,
        window.notes_panel.model,
        window.notes_panel.proxy,
        window.checklist_panel.model,
    ):
        qtmodeltester.check(model, force_py=True)


def test_export_dialog_previews_and_writes_the_memo(window, monkeypatch, tmp_path, messages):
    from docx import Document as Docx

    from xxgk_desk.gui.views import export_dialog

    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    open_sample(window)
    select_text(window, "XX处")
    window.add_note()
    dialog = export_dialog.ExportDialog(window.session, window)
    assert FakeNoteDialog.body in dialog.preview.toPlainText()
    out = tmp_path / "memos" / "审核意见.docx"
    out.parent.mkdir()
    suggested = []

    def save_as(_parent, _title, start, _filter):
        suggested.append(Path(start))
        return str(out), ""

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", save_as)
    dialog.save_memo()
    assert out.exists()
    assert suggested[0].parent != Path(window.session.doc.path).parent  # never beside the reports
    dialog.save_memo()
    assert suggested[1].parent == out.parent  # the folder the reviewer chose is remembered
    text = "\n".join(p.text for p in Docx(str(out)).paragraphs)
    assert "楚澜理工学院" in text and "审核意见" in text
    dialog.only_open.setChecked(True)
    window.session.set_note_status(window.session.notes()[0].id, "resolved")
    dialog.update_preview()
    assert FakeNoteDialog.body not in dialog.preview.toPlainText()


def test_orphaned_note_is_listed_and_reattached_by_hand(window, monkeypatch, tmp_path):
    """A revised report loses the quoted sentence: the note is kept as an orphan and put back by hand."""
    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    v1 = tmp_path / "r.txt"
    v1.write_text(
        "楚天学院2023—2024学年信息公开工作年度报告\n一、概述\n学校共受理申请12件。\n二、主动公开情况\n发布信息100条。",
        encoding="utf-8",
    )
    window.open_file(str(v1))
    select_text(window, "学校共受理申请12件")
    window.add_note()
    v2 = tmp_path / "r2.txt"
    v2.write_text(
        "楚天学院2023—2024学年信息公开工作年度报告\n一、概述\n本学年未收到申请。\n二、主动公开情况\n发布信息100条。",
        encoding="utf-8",
    )
    window.open_file(str(v2))
    (note,) = window.session.notes()
    assert note.anchor.status == "orphan"
    window.notes_panel.orphans_only.setChecked(True)
    assert window.notes_panel.proxy.rowCount() == 1
    window.notes_panel.view.setCurrentIndex(window.notes_panel.proxy.index(0, 0))
    start, end = select_text(window, "本学年未收到申请")
    window.reattach_note()
    (note,) = window.session.notes()
    assert note.anchor.status == "anchored" and (note.anchor.start, note.anchor.end) == (start, end)
    assert window.notes_panel.proxy.rowCount() == 0


def test_review_files_move_between_windows_and_conflicts_are_settled(window, monkeypatch, tmp_path, qtbot):
    from xxgk_desk.core.store import Store
    from xxgk_desk.gui.views import exchange

    monkeypatch.setattr(mw, "NoteDialog", FakeNoteDialog)
    s = open_sample(window)
    select_text(window, "XX处")
    window.add_note()
    note_id = s.notes()[0].id
    out = tmp_path / "张三.json"
    monkeypatch.setattr(exchange.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_reviews()
    assert out.exists()
    # another reviewer imports it, both edit the same note, the first imports the other's file back
    other = Store(tmp_path / "other.sqlite3", reviewer="李四")
    other.import_review(out)
    other.update_note(note_id, body="李四的修改")
    other.export_review_file(tmp_path / "李四.json")
    other.close()
    s.update_note(note_id, body="张三的修改")
    monkeypatch.setattr(
        exchange.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "李四.json")], "")
    )
    window.import_reviews()
    conflicts = s.store.list_conflicts()
    assert len(conflicts) == 1
    dialog = exchange.ConflictsDialog(s.store, window)
    assert dialog.list.count() == 1
    dialog._resolve("theirs")
    assert s.store.list_conflicts() == []
    assert s.note(note_id).body == "李四的修改"


def test_background_loading_through_the_child_process_can_be_cancelled(
    qtbot, settings_dir, messages, tmp_path
):
    """The real path (not the synchronous one the other tests take): read in the child process,
    cancel a long read, then open another file in the same window."""
    w = mw.MainWindow(db_path=str(settings_dir / "reviews.sqlite3"))
    qtbot.addWidget(w)
    w.show()
    try:
        long_report = tmp_path / "long.txt"
        body = "一、概述\n本年度学校主动公开信息。\n" * 30000
        long_report.write_text("楚澜理工学院信息公开工作年度报告\n" + body, encoding="utf-8")
        with qtbot.waitSignal(w.load_failed, timeout=30000) as failed:
            w.open_file(str(long_report))
            qtbot.wait(100)
            w.cancel_loading()
        assert failed.args == ["cancelled"]
        assert w.session is None
        with qtbot.waitSignal(w.document_ready, timeout=60000):
            w.open_file(str(SAMPLE_PDF))
        assert w.session is not None and w.session.doc.path == str(SAMPLE_PDF)
        assert w.text_view.toPlainText().startswith("楚澜理工学院")
        assert w._check_process is not None and w._check_process._process is not None
        assert not [m for m in messages if m[0] != "information"]
    finally:
        w.close()


def _slow_to_check(path: Path) -> Path:
    """Quick to read, seconds to check: headings and figures (about 400,000 characters)."""
    lines = [
        f"（{'一二三四五六七八九十'[i % 10]}）第{i}项工作共计{i}条，其中甲{i}条。" for i in range(12_000)
    ]
    path.write_text("楚澜理工学院2023-2024学年信息公开工作年度报告\n" + "\n".join(lines), encoding="utf-8")
    return path


def test_the_text_is_shown_while_the_checks_still_run(qtbot, settings_dir, messages, tmp_path):
    """The real path: the child sends the text ahead; the window shows it with its outline, nothing
    can be noted or exported yet; then the findings come and the report is whole."""
    w = mw.MainWindow(db_path=str(settings_dir / "reviews.sqlite3"))
    qtbot.addWidget(w)
    w.show()
    seen: dict = {}

    def at_text() -> None:
        seen["session"] = w.session
        seen["export"] = w.act_export.isEnabled()
        seen["outline"] = w.outline.model.rowCount()
        seen["text"] = w.text_view.doc.text[:6] if w.text_view.doc is not None else ""
        seen["findings"] = w.findings_panel.model.rowCount()

    w.text_ready.connect(at_text)
    try:
        order: list[str] = []
        w.text_ready.connect(lambda: order.append("text"))
        w.document_ready.connect(lambda: order.append("ready"))
        with qtbot.waitSignal(w.document_ready, timeout=120000):
            w.open_file(str(_slow_to_check(tmp_path / "慢.txt")))
        assert order == ["text", "ready"]
        assert seen["session"] is None and seen["export"] is False and seen["findings"] == 0
        assert seen["outline"] > 0 and seen["text"] == "楚澜理工学院"
        assert w.session is not None and w.session.doc is w.text_view.doc  # the text crossed once
        assert w.act_export.isEnabled() and w.findings_panel.model.rowCount() > 0
        assert not [m for m in messages if m[0] != "information"]
    finally:
        w.close()


def test_cancelling_after_the_text_came_leaves_no_half_open_report(qtbot, settings_dir, tmp_path):
    w = mw.MainWindow(db_path=str(settings_dir / "reviews.sqlite3"))
    qtbot.addWidget(w)
    w.show()
    try:
        with qtbot.waitSignal(w.text_ready, timeout=120000):
            w.open_file(str(_slow_to_check(tmp_path / "慢.txt")))
        assert w.text_view.doc is not None
        with qtbot.waitSignal(w.load_failed, timeout=30000) as failed:
            w.cancel_loading()
        assert failed.args == ["cancelled"]
        assert w.session is None and w.text_view.doc is None and w.outline.model.rowCount() == 0
        assert not w.act_export.isEnabled()
    finally:
        w.close()


def test_clicking_an_outline_item_marks_that_item_and_scrolling_marks_the_top_section(window, qtbot):
    s = open_sample(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    tree, model = window.outline.tree, window.outline.model
    for i in range(2, len(s.sections)):
        ix = model.index_of_section(i)
        tree.scrollTo(ix)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(ix).center())
        qtbot.wait(200)  # the reading position is reported after the scrolling settles
        assert tree.currentIndex() == ix, (
            f"clicked {s.sections[i].title!r}, marked {tree.currentIndex().data()!r}"
        )
    view = window.text_view
    target = s.sections[3]
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.rect_for_offset(target.start).top() + 4)  # the reader scrolls
    qtbot.wait(200)
    marked = window.outline.tree.currentIndex().data(SECTION_ROLE)
    assert marked == section_at(s.sections, view.offset_at_top())  # the section whose text is at the top


def test_switching_reports_clears_every_panel_detail(window, qtbot):
    open_sample(window)
    window.findings_panel.select_row(0)
    assert window.findings_panel.detail.text()
    window.open_file(str(SAMPLE_PDF))
    assert window.findings_panel.current_row() is None or window.findings_panel.detail.text() == ""
    window.close_document()
    assert window.findings_panel.detail.text() == "" and window.notes_panel.thread.toPlainText() == ""


def test_two_reviewers_on_one_computer_never_sign_each_others_notes(
    settings_dir, qtbot, monkeypatch, messages
):
    from PySide6.QtWidgets import QInputDialog

    asked = []

    def answer(_parent, _title, label, text=""):
        asked.append(label)
        return ("张三" if len(asked) == 1 else "李四"), True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    first = mw.MainWindow(db_path=str(settings_dir / "a.sqlite3"))
    qtbot.addWidget(first)
    assert first.ask_reviewer() == "张三"
    assert first.ask_reviewer() == "张三" and len(asked) == 1  # asked once per database
    second = mw.MainWindow(db_path=str(settings_dir / "b.sqlite3"))
    qtbot.addWidget(second)
    assert second.ask_reviewer() == "李四" and len(asked) == 2
    assert "b.sqlite3" in asked[1]
    assert first.store.reviewer == "张三" and second.store.reviewer == "李四"


def test_page_view_fits_the_width_zooms_and_keeps_its_split(window, qtbot):
    open_sample(window, SAMPLE_PDF)
    window.resize(1500, 900)
    window.show()
    qtbot.waitExposed(window)
    activate(window, qtbot)
    window.act_page.trigger()
    page = window.page_view
    qtbot.waitUntil(lambda: page.image.pixmap() is not None and not page.image.pixmap().isNull())

    def shown_width() -> float:
        pix = page.image.pixmap()
        return pix.width() / pix.devicePixelRatio()

    fitted = shown_width()
    assert fitted <= page.scroll.viewport().width()  # the whole width of the page is in view
    assert window.text_view.width() >= window.text_view.minimumWidth() >= 320
    assert all(a.isEnabled() for a in window.page_actions)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert page.zoom and shown_width() > fitted * 1.2
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.zoom is None and abs(shown_width() - fitted) < 2
    window.centre_split.setSizes([700, 400])
    window._remember_page_split()
    chosen = window.centre_split.sizes()
    window.act_page.trigger()  # hide
    assert not any(a.isEnabled() for a in window.page_actions)
    window.act_page.trigger()  # show again: the split the reviewer chose
    assert window.centre_split.sizes() == chosen


def test_every_side_panel_can_be_hidden_and_gets_its_width_back(window, qtbot):
    window.resize(1500, 900)
    window.show()
    qtbot.waitExposed(window)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "视图" in a.text())
    toggles = {a.text() for a in view_menu.actions() if a.isCheckable()}
    assert {"目录", "标准部分", "审核", "审核状态"} <= toggles
    window.parts_dock.toggleViewAction().trigger()
    assert window.parts_dock.isHidden()
    window.parts_dock.toggleViewAction().trigger()
    assert not window.parts_dock.isHidden()
    right_before = window.right_dock.width()
    window.resize(1000, 900)
    qtbot.wait(50)
    assert window.right_dock.width() < right_before  # the panel gave way, not the report
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: abs(window.right_dock.width() - right_before) <= 12, timeout=2000)


SHARED = ROOT.parent / "shared" / "samples"


@pytest.mark.skipif(not (SHARED / "docs" / "seed-002-scanned.pdf").exists(), reason="shared samples absent")
def test_a_scan_without_ocr_says_so_in_a_banner_not_a_dialog(window, messages, monkeypatch):
    from xxgk_desk.core.loaders import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    open_sample(window, SHARED / "docs" / "seed-002-scanned.pdf")
    assert messages == []  # no box to click while the report loads
    texts = window.banner_area.texts()
    assert any("没有文字层" in t and "OCR" in t for t in texts), texts
    assert window.banner_area.banners[0].kind == "warning"
    window.close_document()
    assert window.banner_area.texts() == []


@pytest.mark.skipif(not (SHARED / "real" / "huaian-2024-gov.pdf").exists(), reason="shared samples absent")
def test_a_government_template_report_is_marked_as_such(window, messages):
    open_sample(window, SHARED / "real" / "huaian-2024-gov.pdf")
    assert any("政府信息公开工作年度报告的格式" in t for t in window.banner_area.texts())
    open_sample(window, SAMPLE_DOCX)  # a university's report: no banner left from the previous one
    assert not any("政府" in t for t in window.banner_area.texts())


def test_a_broken_review_file_is_refused_with_its_reason_and_changes_nothing(
    window, monkeypatch, tmp_path, messages
):
    from xxgk_desk.gui.views import exchange

    open_sample(window)
    bad = tmp_path / "坏.json"
    bad.write_text(
        '{"format": "xxgk-desk-review", "format_version": "x", "notes": "string"}', encoding="utf-8"
    )
    before = window.store.list_documents()
    monkeypatch.setattr(exchange.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    window.import_reviews()
    assert messages and messages[-1][0] == "information" and "坏.json：" in messages[-1][1]
    assert "Traceback" not in messages[-1][1]
    assert window.store.list_documents() == before


def test_a_damaged_database_is_refused_and_another_can_be_chosen(settings_dir, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    damaged = settings_dir / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    seen = []
    monkeypatch.setattr(mw.MainWindow, "_database_refused", lambda self, m: seen.append(m))
    w = mw.MainWindow(db_path=str(damaged))
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(seen))
    assert w.store is None and damaged.read_bytes()[16:20] == b"\xff" * 4  # unchanged
    fresh = settings_dir / "new.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    w.switch_database()
    assert w.store is not None and w.store.path == fresh


def test_menus_help_and_readme_list_the_same_shortcuts(window, messages):
    import re

    from xxgk_desk.gui.actions import COMMANDS, all_keys

    in_menus = {seq.toString() for a in window.actions() for seq in a.shortcuts()}
    assert all_keys() <= in_menus  # every declared key is bound
    window.show_shortcuts()
    shown = messages[-1][1]
    assert all(k in shown for k in all_keys())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    para = readme[readme.index("Shortcuts:") : readme.index("gui/actions.py")]
    keys = set(re.findall(r"(?:(?:Ctrl|Shift|Alt)\+)+(?:PgDown|PgUp|F\d+|[A-Z0-9=+\-])|\bF\d+\b", para))
    assert keys == all_keys(), keys ^ all_keys()
    assert len({(c.name, c.args) for c in COMMANDS}) == len(COMMANDS)  # each command once


def test_export_preview_is_built_in_the_background_and_the_dialog_is_deleted_after(
    window, qtbot, monkeypatch
):
    """The preview is collected off the UI thread (a stale result never overwrites a newer one), and
    a closed dialog is deleted: opening it a hundred times leaves no dialog behind."""
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QDialog

    from xxgk_desk.gui.views import export_dialog

    open_sample(window)
    window.runner.synchronous = False
    seen_threads = []
    real = export_dialog.export.render_letter_markdown

    def spy(letter):
        import threading

        seen_threads.append(threading.current_thread() is threading.main_thread())
        return real(letter)

    monkeypatch.setattr(export_dialog.export, "render_letter_markdown", spy)
    dialog = export_dialog.ExportDialog(window.session, window)
    dialog.include_annex.setChecked(False)  # a second request while the first may still run
    qtbot.waitUntil(lambda: "审核意见" in dialog.preview.toPlainText(), timeout=20000)
    window.runner.wait()
    qtbot.wait(50)
    assert seen_threads and not any(seen_threads), "the preview was rendered on the UI thread"
    assert dialog.preview_label.text() == "预览（导出的内容）："
    dialog.reject()
    dialog.deleteLater()
    for _ in range(3):
        QTimer.singleShot(0, lambda: None)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.runner.synchronous = True
    for _ in range(100):
        QTimer.singleShot(0, lambda: [d.reject() for d in window.findChildren(QDialog) if d.isVisible()])
        window.export_memo()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(export_dialog.ExportDialog) == []


def test_about_shows_the_licence_and_third_party_notices(window):
    window.show_about()
    box = window._about_box
    assert "MIT" in box.text() and "LGPL-3.0" in box.text()
    assert "PySide6" in box.detailedText() and "PaddleOCR" in box.detailedText()
    box.close()


@pytest.mark.skipif(not (SHARED / "docs" / "seed-002-scanned.pdf").exists(), reason="shared samples absent")
def test_screenshot_of_a_scan_without_ocr_finishes(tmp_path):
    """``gui --screenshot`` on a scan with OCR unavailable writes the PNG and exits (no modal box waits)."""
    out = tmp_path / "scan.png"
    code = (
        "import sys; from xxgk_desk.core.loaders import ocr; ocr.available = lambda: False; "
        "from xxgk_desk.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    args = [
        "gui",
        "--db",
        str(tmp_path / "r.sqlite3"),
        "--screenshot",
        str(out),
        str(SHARED / "docs" / "seed-002-scanned.pdf"),
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr[-500:]
    assert out.stat().st_size > 10_000 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_findings_explain_their_rule_and_help_lists_every_rule(window, qtbot):
    from xxgk_desk.core.rules.explanations import load_explanations
    from xxgk_desk.gui.views.rule_help import RulesDialog

    window.open_file(str(SAMPLE_DOCX))
    panel = window.findings_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=30000)
    panel.explain_btn.setChecked(True)
    panel.select_row(0)
    rule = panel.current_row().finding.rule
    why = load_explanations()[rule].why
    assert why in panel.explain.text() and not panel.explain.isHidden()
    assert why in panel.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    dialog = RulesDialog(window.rules)
    text = dialog.browser.toPlainText()
    assert all(r.title in text for r in window.rules.rules)
    dialog.filter.setText("教办函〔2014〕23号")
    assert "清单事项不全" in dialog.browser.toPlainText()
    assert "模板占位符未替换" not in dialog.browser.toPlainText()
