"""帮助 → 使用手册 (F1): the window (contents, find), and the manual checked against the tool it describes:
every menu path and key it names exists, every picture it shows is there, its tables are generated."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.gui.test_window import SAMPLE_PDF, messages, open_sample, settings_dir, window  # noqa: F401  (fixtures)
from xxgk_desk.gui import labels
from xxgk_desk.gui.actions import COMMANDS, MENUS, VIEW_KEYS, all_keys
from xxgk_desk.gui.screenshot import STATES, stage
from xxgk_desk.gui.views import manual as manual_view

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "resources" / "manual"
SOURCES = {"zh": MANUAL / "zh" / "manual.md", "en": MANUAL / "en" / "manual.md"}
QM = ROOT / "resources" / "i18n" / "xxgk_desk_en.qm"
# a menu path is written 「文件 → 导出审核意见…」 in Chinese, **File → Export…** in English
MENU_PATH = {"zh": re.compile(r"「([^」\n]*→[^」\n]*)」"), "en": re.compile(r"\*\*([^*\n]*→[^*\n]*)\*\*")}
KEY = re.compile(
    r"(?<![\w+])(?:(?:Ctrl|Shift|Alt)\+)+(?:F\d{1,2}|PgDown|PgUp|Home|End|滚轮|wheel|[A-Z0-9=+\-])(?![\w])"
    r"|(?<![\w+])F\d{1,2}\b"
)


def menu_paths(translate) -> set[str]:
    """Every "menu → item" the window has, plus "设置 → 界面语言 → English/中文", in one language."""
    titles = {key: manual_view.menu_title(translate(text)) for key, text in MENUS}
    paths = {f"{titles[c.menu]} → {translate(c.text)}" for c in COMMANDS if c.text}
    language = f"{titles['settings']} → {translate('界面语言')}"
    return paths | {f"{language} → English", f"{language} → 中文"}


def known_keys() -> set[str]:
    keys = set(all_keys())
    for combo, _what in VIEW_KEYS:
        keys |= {k.strip() for k in combo.split(" / ")}
    return keys


@pytest.fixture(scope="module")
def english_tr():
    translator = QTranslator()
    assert translator.load(str(QM))
    return lambda text: translator.translate("MainWindow", text) or text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_manual_names_only_menu_items_and_keys_that_exist(lang, english_tr):
    text = SOURCES[lang].read_text(encoding="utf-8")
    real = menu_paths(english_tr if lang == "en" else (lambda t: t))
    named = MENU_PATH[lang].findall(text)
    assert len(named) >= 20, "the manual should lead the reader through the menus"
    unknown = sorted({p for p in named if p not in real})
    assert not unknown, f"{lang} manual names menu items that do not exist: {unknown}"
    keys = set(KEY.findall(text))
    assert keys and keys <= known_keys(), f"{lang} manual names keys nobody bound: {keys - known_keys()}"
    # the generated tables are generated, not copied by hand
    for placeholder in ("{{shortcuts}}", "{{rules}}", "{{menus}}", "{{severities}}", "{{conclusions}}"):
        assert placeholder in text


def test_the_menu_path_check_catches_a_wrong_item():
    real = menu_paths(lambda t: t)
    assert "文件 → 导出审核意见…" in real and "帮助 → 使用手册" in real
    assert "文件 → 导出审核意见" not in real and "文件 → 保存" not in real
    assert KEY.findall("按 Ctrl+Shift+X 或 F13，Ctrl+滚轮") == ["Ctrl+Shift+X", "F13", "Ctrl+滚轮"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_picture_the_manual_shows_exists_and_is_small(lang):
    text = SOURCES[lang].read_text(encoding="utf-8")
    pictures = set(re.findall(r"\]\(([^)\s]+\.png)\)", text))
    assert len(pictures) >= 6
    for rel in pictures:
        path = (SOURCES[lang].parent / rel).resolve()
        assert path.is_file(), f"{lang} manual shows a missing picture {rel}"
        assert path.stat().st_size < 300_000, f"{rel} is {path.stat().st_size} bytes"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shipped = sum(p.stat().st_size for p in (MANUAL / "images").rglob("*.png"))
    assert shipped < 4_500_000


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_command_links_run_commands_of_the_table(lang):
    text = SOURCES[lang].read_text(encoding="utf-8")
    names = re.findall(r"\(command:(\w+)\)", text)
    plain = {c.name for c in COMMANDS if not c.args and not c.checkable}
    assert names and set(names) <= plain


def test_f1_opens_the_manual_with_its_contents_and_finds_a_word(window, qtbot):  # noqa: F811
    f1 = [a for a in window.actions() if "F1" in [s.toString() for s in a.shortcuts()]]
    assert len(f1) == 1 and f1[0].text() == "使用手册"
    f1[0].trigger()
    manual = window.manual
    qtbot.waitExposed(manual)
    assert manual.isVisible() and manual.windowTitle() == "使用手册"
    headings = manual.headings()
    assert "十、快捷键" in headings and "一、快速上手" in headings and "3. 扫描件" in headings
    assert len(headings) >= 25
    text = manual.browser.toPlainText()
    assert all(k in text for k in all_keys()), "the shortcut table is incomplete"
    assert all(r.title in text for r in window.rules.rules), "the rules list is incomplete"
    assert "{{" not in text
    voc = window.rules.vocabulary
    assert all(f"{c.label}：{c.note}" in text for c in (*voc.severities, *voc.conclusions))
    # find: every hit highlighted, next/previous move through them
    hits = manual.find("批注")
    assert hits == text.count("批注") and hits > 10
    assert len(manual.browser.extraSelections()) == hits
    assert manual.current_hit() == "批注" and manual.count.text() == f"1/{hits}"
    manual.step(-1)
    assert manual.count.text() == f"{hits}/{hits}"
    assert manual.find("没有这个词的手册") == 0 and manual.browser.extraSelections() == []
    # contents: a click scrolls the heading to the top
    bar = manual.browser.verticalScrollBar()
    bar.setValue(0)
    assert manual.go_to_heading("八、备份与恢复")
    assert bar.value() > 0
    assert manual.browser.textCursor().block().text() == "八、备份与恢复"
    # pictures are laid out (not broken-image boxes) and fit the page
    images = [f for f in _image_formats(manual.browser.document())]
    widest = max(manual_view.MAX_IMAGE_WIDTH, manual.picture_width())
    assert len(images) >= 6 and all(0 < f.width() <= widest for f in images)
    # a wider window shows them larger, never larger than they are
    manual.resize(1700, 900)
    qtbot.waitUntil(lambda: max(f.width() for f in _image_formats(manual.browser.document())) > 1000)
    assert all(f.width() <= 1200 for f in _image_formats(manual.browser.document()))
    # F1 again brings back the same window
    window.show_manual()
    assert window.manual is manual


def test_a_command_link_runs_the_command(window, monkeypatch):  # noqa: F811
    from PySide6.QtCore import QUrl

    seen = []
    monkeypatch.setattr(window, "show_rules", lambda: seen.append("rules"))
    manual = window.show_manual()
    manual._link(QUrl("command:show_rules"))
    manual._link(QUrl("command:toggle_page"))  # needs an argument: ignored
    manual._link(QUrl("command:close_no_such"))
    assert seen == ["rules"]


def test_the_english_manual_follows_the_ui_language(window):  # noqa: F811
    labels.set_language("en")
    try:
        assert manual_view.manual_path() == SOURCES["en"]
        text = manual_view.manual_markdown(window.rules)
        assert "Keyboard shortcuts" in text and "{{" not in text
        assert all((r.title_en or r.title) in text for r in window.rules.rules)
        voc = window.rules.vocabulary
        assert all(f"**{c.label_en}**: {c.note_en}" in text for c in (*voc.severities, *voc.conclusions))
    finally:
        labels.set_language("zh_CN")
    assert manual_view.manual_path() == SOURCES["zh"]


def _image_formats(doc):
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                yield fmt.toImageFormat()
            it += 1
        block = block.next()


def test_screenshot_states_reach_what_the_manual_describes(window, qtbot):  # noqa: F811
    open_sample(window, SAMPLE_PDF)
    shot = []
    stage(window, "fields", shot.append)
    assert shot[-1] is window and window.tabs.currentWidget() is window.fields_panel
    assert window.text_view._spans.get("evidence"), "the field's evidence is not shown"
    stage(window, "notes", shot.append)
    assert window.tabs.currentWidget() is window.notes_panel and window.notes_panel.proxy.rowCount() == 1
    stage(window, "find", shot.append)
    assert not window.find_bar.isHidden() and window.find_bar.count.text().startswith("1/")
    stage(window, "rules", shot.append)
    assert shot[-1].windowTitle() == "审核规则"
    shot[-1].close()
    with pytest.raises(ValueError):
        stage(window, "no_such_state", shot.append)


def test_the_cli_photographs_a_state_and_refuses_an_unknown_one(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    base = [sys.executable, "-m", "xxgk_desk", "gui", str(SAMPLE_PDF), "--db", str(tmp_path / "r.sqlite3")]
    out = tmp_path / "manual.png"
    r = subprocess.run(
        [*base, "--screenshot", str(out), "--screenshot-state", "manual"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr[-500:]
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1180, 820)  # the manual's window, not the main one
    r = subprocess.run(
        [*base, "--screenshot", str(tmp_path / "x.png"), "--screenshot-state", "nonsense"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "nonsense" in r.stderr and "findings" in r.stderr
    assert set(STATES) >= {"findings", "fields", "notes", "export", "page", "overview"}


def test_a_missing_manual_says_so_in_one_line(qapp, monkeypatch, tmp_path):
    from xxgk_desk.core.rules import load_rules

    monkeypatch.setattr(manual_view, "resource", lambda *parts: tmp_path.joinpath(*parts))
    assert manual_view.manual_path(True) == tmp_path / "manual" / "zh" / "manual.md"  # no English: Chinese
    w = manual_view.ManualWindow(load_rules())
    try:
        assert w.browser.toPlainText().startswith("找不到使用手册文件") and w.headings() == []
    finally:
        w.deleteLater()


def test_the_screenshot_size_is_read_or_refused_in_one_line():
    import argparse

    from xxgk_desk.commands.gui import _size

    assert _size("1440x900") == (1440, 900) and _size("1366X768") == (1366, 768)
    for bad in ("1440", "axb", "10x10"):
        with pytest.raises(argparse.ArgumentTypeError, match="窗口大小"):
            _size(bad)
