"""File → 粘贴报告 (Ctrl+Shift+V): the clipboard's HTML, else its text, opened as a report and kept as a file in
the data folder, named by its text's hash (pasting it again opens the same file and its review)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tests.core.web_pages import build_page
from xxgk_desk.gui import main_window as mw


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    s = QSettings("xxgk-desk", "xxgk-desk")
    s.clear()
    s.setValue("reviewer/name", "测试审核员")
    s.sync()
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: seen.append(text))
    w = mw.MainWindow(db_path=str(tmp_path / "data" / "reviews.sqlite3"))
    w.store.set_reviewer_name("测试审核员")
    w.runner.synchronous = True
    qtbot.addWidget(w)
    w.messages = seen
    return w


def _clipboard(html: str | None, text: str | None) -> None:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def _paste_action(window):
    return next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+Shift+V")


def test_pasted_html_opens_as_a_web_report(window, tmp_path):
    page = build_page("u01-decimal-numbering", published="2024-11-03")
    html = page.html.decode("utf-8")
    _clipboard(html, "武汉纺织大学2023—2024学年信息公开工作年度报告（复制的文字）")
    action = _paste_action(window)
    assert action.text() == "粘贴报告"
    action.trigger()
    s = window.session
    assert s is not None, window.messages
    assert s.doc.kind == "html"
    assert s.doc.path.startswith(str(tmp_path / "data" / "粘贴的报告"))
    assert s.review.fields["institution"].value == "武汉纺织大学"
    assert s.review.fields["publication_date"].value == "2024-11-03"
    assert any(f.rule == "late_report" for f in s.review.findings)
    assert "发布时间" in [r.label for r in s.field_rows()]
    first = s.doc.path
    window.close_document()
    action.trigger()  # the same paste: the same file, the same stored version
    assert window.session.doc.path == first
    assert len(list((tmp_path / "data" / "粘贴的报告").iterdir())) == 1


def test_pasted_text_opens_as_text(window, tmp_path):
    school = build_page("u32-clean-control").truth["institution"]
    body = "\n".join(
        [f"{school}2022—2023学年信息公开工作年度报告", "发布时间：2023-11-02　来源：党政办公室", "一、概述",
         "本学年学校坚持以公开为常态、不公开为例外，统计期限为2022年9月1日至2023年8月31日。" * 3]
    )  # fmt: skip
    _clipboard(None, body)
    _paste_action(window).trigger()
    s = window.session
    assert s is not None and s.doc.kind == "txt" and s.doc.path.endswith(".txt")
    assert s.review.fields["publication_date"].value == "2023-11-02"  # read from the line under the title


def test_an_empty_clipboard_says_so(window):
    _clipboard(None, None)
    _paste_action(window).trigger()
    assert window.session is None
    assert window.messages and "剪贴板中没有文字" in window.messages[-1]
