"""The welcome page: shown on the first start without a file (never again, never for a file or a
screenshot), each button does its job, it gives way to a report, 帮助 → 欢迎页 brings it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.gui.test_window import messages, open_sample, settings_dir, window  # noqa: F401  (fixtures)
from xxgk_desk.gui import app as app_mod
from xxgk_desk.gui import main_window as mw


@pytest.fixture
def start(qtbot, settings_dir, monkeypatch):  # noqa: F811
    """``gui.app.main`` as ``xxgk-desk gui`` runs it, up to the event loop (which returns at once)."""
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)

    class Timers:  # main's own timers (the font check, the screenshot) are not left to fire in later tests
        @staticmethod
        def singleShot(*_a, **_k) -> None:
            pass

    monkeypatch.setattr(app_mod, "QTimer", Timers)
    made: list = []
    real = mw.MainWindow.__init__

    def init(self, *a, **k):
        real(self, *a, **k)
        self.runner.synchronous = True  # before the event loop turns: no warm child process in tests
        made.append(self)

    monkeypatch.setattr(mw.MainWindow, "__init__", init)

    def run(files=(), screenshot=None):
        assert app_mod.main(list(files), screenshot, str(settings_dir / "reviews.sqlite3")) == 0
        qtbot.addWidget(made[-1])
        return made[-1]

    return run


def _docks(w) -> list[bool]:
    return [d.isVisible() for d in (w.left_dock, w.parts_dock, w.right_dock)]


def _stored(key: str):
    return QSettings("xxgk-desk", "xxgk-desk").value(key)


def test_the_first_start_shows_it_the_second_does_not(start, messages):  # noqa: F811
    first = start()
    assert first.welcome_shown and first.centre_stack.currentWidget() is first.welcome_page
    assert _docks(first) == [False, False, False]  # the empty side panels make room
    assert str(_stored("welcome/shown")).lower() == "true"
    first.close()
    second = start()
    assert not second.welcome_shown and second.welcome_page is None
    assert _docks(second) == [True, True, True]  # closing on the welcome page saved the real layout


def test_not_for_a_file_nor_a_screenshot(start, settings_dir, messages, monkeypatch):  # noqa: F811
    opened = []
    monkeypatch.setattr(mw.MainWindow, "open_file", lambda self, path: opened.append(path))
    w = start(files=["报告.pdf"])
    assert opened == ["报告.pdf"] and not w.welcome_shown
    assert _stored("welcome/shown") is None  # not shown yet: a later start without a file still shows it
    w.close()
    shot = start(screenshot=str(settings_dir / "shot.png"))
    assert not shot.welcome_shown and _stored("welcome/shown") is None


def test_a_reviewer_who_used_the_tool_before_is_not_welcomed(start, messages):  # noqa: F811
    QSettings("xxgk-desk", "xxgk-desk").setValue("recent/files", ["/报告/甲大学.pdf"])
    w = start()
    assert not w.welcome_shown and str(_stored("welcome/shown")).lower() == "true"


def test_each_button_calls_the_right_thing(window, monkeypatch):  # noqa: F811
    from xxgk_desk.gui.views import overview

    window.show_welcome()
    page = window.welcome_page
    opened, calls, folders = [], [], []
    monkeypatch.setattr(window, "open_file", lambda path: opened.append(path))
    page.sample.click()
    assert [Path(p).name for p in opened] == ["sample-report.pdf"] and Path(opened[0]).exists()
    monkeypatch.setattr(overview.OverviewWindow, "add_folder", lambda self: folders.append(self))
    page.folder.click()
    assert folders and folders[0] is window.overview and window.overview.isVisible()
    monkeypatch.setattr(window, "ask_reviewer", lambda force=False: calls.append(("reviewer", force)))
    monkeypatch.setattr(window, "unit_settings", lambda: calls.append(("unit", None)))
    page.settings.click()
    assert calls == [("reviewer", True), ("unit", None)]
    window.overview.close()


def test_the_manual_button_follows_the_manual_command(window, monkeypatch):  # noqa: F811
    """Disabled with a tooltip while the window has no ``show_manual`` (帮助 → 使用手册), else it calls it."""
    monkeypatch.delattr(mw.MainWindow, "show_manual", raising=False)
    window.show_welcome()
    page = window.welcome_page
    assert not page.manual.isEnabled() and "手册" in page.manual.toolTip()
    shown = []
    monkeypatch.setattr(mw.MainWindow, "show_manual", lambda self: shown.append(self), raising=False)
    window.hide_welcome()
    window.show_welcome()
    assert window.welcome_page is page and page.manual.isEnabled() and not page.manual.toolTip()
    page.manual.click()
    assert shown == [window]


def test_it_gives_way_to_a_report_and_the_help_menu_brings_it_back(window):  # noqa: F811
    window.show()
    window.show_welcome()
    assert window.welcome_shown and not window.welcome_page.back.isVisibleTo(window.welcome_page)
    open_sample(window)
    assert not window.welcome_shown and _docks(window) == [True, True, True]
    help_menu = next(m.menu() for m in window.menuBar().actions() if m.text().startswith("帮助"))
    action = next(a for a in help_menu.actions() if a.text() == "欢迎页")
    action.trigger()
    assert window.welcome_shown and window.welcome_page.back.isVisibleTo(window.welcome_page)
    assert _docks(window) == [False, False, False]
    window.welcome_page.back.click()
    assert not window.welcome_shown and _docks(window) == [True, True, True]
    assert window.session is not None and window.centre_stack.currentWidget() is window.report_page
    window.show_welcome()
    window.close_document()
    assert not window.welcome_page.back.isVisibleTo(window.welcome_page)  # no report to go back to


def test_a_command_on_the_report_brings_it_back_from_behind_the_welcome_page(window):  # noqa: F811
    window.show()
    open_sample(window)
    window.show_welcome()
    by_name = {c.name: a for c, a in window.command_actions}
    by_name["show_welcome"].trigger()  # a help command leaves the welcome page in front
    assert window.welcome_shown
    by_name["step_finding"].trigger()  # F8 acts on the report: the reviewer sees where it went
    assert not window.welcome_shown and window.centre_stack.currentWidget() is window.report_page
