"""``xxgk-desk gui FILE --screenshot OUT.png --screenshot-state STATE``: the window in a given state.

Each state is reached by calling the window's own methods, as a reviewer's clicks would, so the
pictures of the manual (``tools/manual_screenshots.py``) show the tool as it is. :func:`stage` sets
the state up and calls ``done`` with the widget to photograph (the main window, or the dialog or
window the state opens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QWidget

from xxgk_desk.core.resources import resource
from xxgk_desk.gui.labels import english

STATES = (
    "window",  # the report just checked
    "findings",  # 问题, the first finding chosen, its 说明 shown
    "fields",  # 字段, a field's evidence shown in the text
    "notes",  # 批注, after the first finding was accepted as a note
    "checklist",  # 清单, the first item not found chosen and shown
    "find",  # the find bar with its hits
    "page",  # the PDF page beside the text (F6)
    "export",  # 文件 → 导出审核意见 with its preview
    "unit",  # 文件 → 审核单位设置
    "rules",  # 帮助 → 审核规则
    "manual",  # 帮助 → 使用手册
    "overview",  # 文件 → 全省概览 with the report and the other FILEs (or the bundled samples) added
)
FIND_WORD = "依申请公开"


def _when(ready: Callable[[], bool], then: Callable[[], None], timeout_ms: int = 60_000) -> None:
    """Call ``then`` once ``ready()`` holds (checked every 100 ms), or after the timeout."""
    clock = QElapsedTimer()
    clock.start()

    def poll() -> None:
        if ready() or clock.elapsed() > timeout_ms:
            then()
        else:
            QTimer.singleShot(100, poll)

    poll()


def stage(window, state: str, done: Callable[[QWidget], None], more: Sequence[str] = ()) -> None:
    """Bring ``window`` (a MainWindow with its report checked) into ``state``; then ``done(widget)``.
    ``more``: further reports for the overview (by default the bundled samples)."""
    if state == "window" or window.session is None:
        done(window)
    elif state == "findings":
        window.tabs.setCurrentWidget(window.findings_panel)
        window.findings_panel.explain_btn.setChecked(True)
        window.findings_panel.select_row(0)
        done(window)
    elif state == "fields":
        _fields(window)
        done(window)
    elif state == "notes":
        _accept(window, 1)
        window.tabs.setCurrentWidget(window.notes_panel)
        window.step_note(1)
        done(window)
    elif state == "checklist":
        _checklist(window)
        done(window)
    elif state == "find":
        window.open_find()
        window.find_bar.edit.setText(FIND_WORD)
        done(window)
    elif state == "page":
        window.act_page.setChecked(True)
        window.tabs.setCurrentWidget(window.findings_panel)
        window.findings_panel.select_row(0)
        QTimer.singleShot(800, lambda: done(window))
    elif state == "export":
        from xxgk_desk.gui.views.export_dialog import ExportDialog

        _accept(window, 2)  # a letter with problems in it
        dialog = ExportDialog(window.session, window)
        dialog.show()
        _when(lambda: "审核意见" in dialog.preview.toPlainText(), lambda: done(dialog))
    elif state == "unit":
        from xxgk_desk.gui.views.unit_settings import UnitSettingsDialog

        dialog = UnitSettingsDialog(window.store, window)
        dialog.show()
        done(dialog)
    elif state == "rules":
        from xxgk_desk.gui.views.rule_help import RulesDialog

        dialog = RulesDialog(window.rules, window)
        dialog.resize(900, 700)
        dialog.show()
        done(dialog)
    elif state == "manual":
        manual = window.show_manual()
        done(manual)
    elif state == "overview":
        overview = window.show_overview()
        overview.resize(1500, 460)  # a few rows: no empty table below them in the picture
        paths = [window.session.doc.path, *more] if more else _samples()
        overview.add_paths([str(p) for p in paths])
        _when(
            lambda: overview.model.rowCount() >= min(len(paths), 2) and not overview.runner.busy,
            lambda: QTimer.singleShot(500, lambda: done(overview)),
        )
    else:
        raise ValueError(state)


def _samples() -> list[str]:
    return [str(resource("samples", n)) for n in ("sample-report.pdf", "sample-report.docx")]


def _accept(window, count: int) -> None:
    """Accept the first ``count`` findings as notes (signed by a stand-in reviewer if the database has none)."""
    if not window.store.reviewer_name:
        window.store.set_reviewer_name("Reviewer" if english() else "审核员")
    window.findings_panel.select_row(0)
    for _ in range(count):
        window.accept_finding()  # and goes on to the next finding


def _checklist(window) -> None:
    """清单 with the first item that is not covered chosen (or the first item) and shown in the text."""
    from xxgk_desk.gui.models.rows import ROW_ROLE

    panel = window.checklist_panel
    window.tabs.setCurrentWidget(panel)
    model = panel.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    entries = [(ix, ix.data(ROW_ROLE)) for ix in rows]
    chosen = next((p for p in entries if p[1] is not None and p[1].status != "covered"), None)
    chosen = chosen or (entries[0] if entries else None)
    if chosen is not None:
        panel.view.setCurrentIndex(chosen[0])
        panel.view.scrollTo(chosen[0])
        window._show_checklist_item(chosen[1])


def _fields(window) -> None:
    """字段 with the first field that has its evidence in the text chosen and shown."""
    from xxgk_desk.gui.models.rows import ROW_ROLE

    panel = window.fields_panel
    window.tabs.setCurrentWidget(panel)
    model = panel.model
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        row = index.data(ROW_ROLE)
        if row is not None and row.start is not None:
            panel.view.setCurrentIndex(index)
            window._show_field_evidence(row)
            return
