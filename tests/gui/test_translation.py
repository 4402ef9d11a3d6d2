"""The English UI translation: every message translated, placeholders kept, the .qm matches the .ts,
and with ui/language=en the review window comes up in English (then Chinese again for other tests)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from xxgk_desk.gui import app as gui_app
from xxgk_desk.gui import main_window as mw

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "xxgk_desk_en.ts"
QM = I18N / "xxgk_desk_en.qm"
PLACEHOLDER = re.compile(r"%\d+")
ACCELERATOR = re.compile(r"&(?!&)\w")


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message in the .ts."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg.find("translation")))
    return out


def test_every_message_translated_with_the_same_placeholders() -> None:
    messages = ts_messages()
    assert len(messages) > 200, "the catalogue looks truncated"
    problems = []
    for ctx, source, tr in messages:
        text = (tr.text or "") if tr is not None else ""
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not text.strip():
            problems.append(f"{ctx}: {source!r} is not translated")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: placeholders differ: {source!r} -> {text!r}")
        if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
            problems.append(f"{ctx}: accelerator lost or added: {source!r} -> {text!r}")
    assert not problems, "run tools/update_translations.sh and translate:\n" + "\n".join(problems)


def test_qm_matches_the_ts() -> None:
    """The committed .qm loads and gives exactly the .ts translations (rebuild it with lrelease if not)."""
    assert QM.exists(), "missing .qm: run tools/update_translations.sh"
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        f"{ctx}: {source!r} -> {translator.translate(ctx, source)!r}, .ts says {tr.text!r}"
        for ctx, source, tr in ts_messages()
        if translator.translate(ctx, source) != tr.text
    ]
    assert not stale, "the .qm is out of date; run tools/update_translations.sh:\n" + "\n".join(stale)
    assert translator.translate("MainWindow", "打开…") == "Open…"
    assert translator.translate("MainWindow", "文件(&F)") == "&File"


@pytest.fixture
def english(tmp_path, qapp):
    """Settings in tmp with ui/language=en and the app's translator installed; removed afterwards."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    s = QSettings("xxgk-desk", "xxgk-desk")
    s.clear()
    s.setValue("reviewer/name", "测试审核员")
    s.setValue("ui/language", "en")
    s.sync()
    translator = gui_app.install_translation(qapp, str(gui_app.settings().value("ui/language", "zh_CN")))
    assert translator is not None, "the English translation did not load"
    try:
        yield tmp_path
    finally:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_main_window_in_english(english, qtbot) -> None:
    w = mw.MainWindow(db_path=str(english / "reviews.sqlite3"))
    qtbot.addWidget(w)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus[0] == "&File"
    assert menus == ["&File", "&Edit", "&Review", "&View", "&Settings", "&Help"]
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "Findings",
        "Fields",
        "Notes",
        "Checklist (清单)",
    ]
    assert w.findings_panel.accept_btn.text() == "Accept as note (A)"
    # the rule files' own words are English too (label_en beside label in resources/rules)
    voc = w.rules.vocabulary
    assert [w.state_box.itemText(i) for i in range(w.state_box.count())] == [
        c.label_en for c in voc.review_states
    ]
    severities = [
        w.notes_panel.severity_filter.itemText(i) for i in range(1, w.notes_panel.severity_filter.count())
    ]
    assert severities == [c.label_en for c in voc.severities] and "Error" in severities
    parts = [w.notes_panel.part_filter.itemText(i) for i in range(1, w.notes_panel.part_filter.count())]
    assert parts[0] == "Overview" and not set(parts) & {p.name for p in w.rules.parts}, parts
    from xxgk_desk.gui.labels import localized

    assert all(localized(r, "title") != r.title for r in w.rules.rules), "a rule without title_en"


def test_chinese_is_the_default(tmp_path, qapp, qtbot) -> None:
    """Without ui/language (or after the English tests) the window is Chinese."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    s = QSettings("xxgk-desk", "xxgk-desk")
    s.clear()
    s.setValue("reviewer/name", "测试审核员")
    s.sync()
    qt_chinese = gui_app.install_translation(qapp, str(gui_app.settings().value("ui/language", "zh_CN")))
    try:
        assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
        w = mw.MainWindow(db_path=str(tmp_path / "reviews.sqlite3"))
        qtbot.addWidget(w)
        assert w.menuBar().actions()[0].text() == "文件(&F)"
        # Qt's own words are Chinese too: dialog buttons, line-edit context menus
        assert qt_chinese is not None, "qtbase_zh_CN.qm did not load"
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)
        texts = {b.text() for b in buttons.buttons()}
        assert texts == {"确定", "取消"}, texts
        assert QCoreApplication.translate("QLineEdit", "&Copy") != "&Copy"
    finally:
        if qt_chinese is not None:
            qapp.removeTranslator(qt_chinese)
