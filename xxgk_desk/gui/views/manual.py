"""帮助 → 使用手册 (F1): the user's manual in a window of its own, with its contents and a find box.

The text is Markdown shipped in ``resources/manual/<zh|en>/manual.md`` (the UI's language chooses
which), its pictures in ``resources/manual/images`` (made by ``tools/manual_screenshots.py``). The
parts that would go stale if copied by hand are generated when the manual opens, from the places
that hold them: a line ``{{shortcuts}}`` becomes the shortcut table (``gui/actions.py``),
``{{menus}}`` the list of menu items, ``{{rules}}`` the list of rules with their severity (the
explanations stay in 帮助 → 审核规则), ``{{severities}}`` and ``{{conclusions}}`` what each severity
and conclusion means (resources/rules/categories.yaml). A link ``command:NAME`` runs the window's command NAME
(for instance ``[帮助 → 审核规则](command:show_rules)``).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QImageReader,
    QKeySequence,
    QPixmap,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xxgk_desk.core.resources import resource
from xxgk_desk.core.rules.explanations import rule_entries
from xxgk_desk.gui.actions import COMMANDS, MENUS, shortcut_rows
from xxgk_desk.gui.labels import english, localized, vocabulary_label

MAX_IMAGE_WIDTH = 760  # pictures are shown at most this wide until the window's width is known
MAX_HITS = 2000
PLACEHOLDER = re.compile(r"^\{\{(\w+)\}\}[ \t]*$", re.MULTILINE)
POSITION = Qt.ItemDataRole.UserRole

_LABELS = {
    "keys": QT_TRANSLATE_NOOP("Manual", "快捷键"),
    "does": QT_TRANSLATE_NOOP("Manual", "作用"),
    "rule": QT_TRANSLATE_NOOP("Manual", "规则"),
    "severity": QT_TRANSLATE_NOOP("Manual", "级别"),
    "menu": QT_TRANSLATE_NOOP("Manual", "菜单"),
    "items": QT_TRANSLATE_NOOP("Manual", "菜单项"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("Manual", _LABELS[key])


def _mw(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def menu_title(text: str) -> str:
    """A menu's title without its accelerator: "文件(&F)" → "文件", "&File" → "File"."""
    return re.sub(r"\(&\w\)$", "", text).replace("&", "")


def manual_path(in_english: bool | None = None) -> Path:
    """The manual's Markdown file in the UI's language (or the one asked for; Chinese if there is
    no English one)."""
    lang = "en" if (english() if in_english is None else in_english) else "zh"
    path = resource("manual", lang, "manual.md")
    return path if path.exists() or lang == "zh" else resource("manual", "zh", "manual.md")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*")


def shortcuts_markdown() -> str:
    """The shortcut table, from the command table (translated into the UI's language)."""
    rows = [f"| {_tr('keys')} | {_tr('does')} |", "|---|---|"]
    rows += [f"| {_cell(_mw(keys))} | {_cell(_mw(what))} |" for keys, what in shortcut_rows()]
    return "\n".join(rows)


def menus_markdown() -> str:
    """Every menu with its items (the items the window fills itself, like the recent files, too)."""
    rows = [f"| {_tr('menu')} | {_tr('items')} |", "|---|---|"]
    for key, title in MENUS:
        items = [_mw(c.text) for c in COMMANDS if c.menu == key and c.text]
        rows.append(f"| {_cell(menu_title(_mw(title)))} | {_cell(' · '.join(items))} |")
    return "\n".join(rows)


def rules_markdown(rules) -> str:
    """Each rule's title and severity, in the catalogue's order."""
    rows = [f"| {_tr('rule')} | {_tr('severity')} |", "|---|---|"]
    for e in rule_entries(rules, english()):
        sev = vocabulary_label(rules.vocabulary, "severities", e.severity)
        rows.append(f"| {_cell(e.title)} | {_cell(sev)} |")
    return "\n".join(rows)


def choices_markdown(choices) -> str:
    """A closed vocabulary (severities, conclusions) as a list: each label with what it means."""
    colon = ": " if english() else "："
    return "\n".join(f"- **{_cell(localized(c))}**{colon}{localized(c, 'note')}" for c in choices)


def manual_markdown(rules, in_english: bool | None = None) -> str:
    """The manual's text with its generated parts filled in."""
    text = manual_path(in_english).read_text(encoding="utf-8")
    makers = {
        "shortcuts": shortcuts_markdown,
        "menus": menus_markdown,
        "rules": lambda: rules_markdown(rules),
        "severities": lambda: choices_markdown(rules.vocabulary.severities),
        "conclusions": lambda: choices_markdown(rules.vocabulary.conclusions),
    }

    def fill(m: re.Match) -> str:
        make = makers.get(m.group(1))
        return make() if make else m.group(0)

    return PLACEHOLDER.sub(fill, text)


def _fit_images(doc: QTextDocument, base: Path, width: int) -> None:
    """Give every picture its size, at most ``width`` pixels wide, keeping its proportions."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                size = QImageReader(str(base / image.name())).size()
                if size.width() > 0:  # a picture that is not there keeps no size (the tests look)
                    shown = min(size.width(), width)
                    image.setWidth(shown)
                    image.setHeight(size.height() * shown / size.width())
                    cursor = QTextCursor(doc)
                    cursor.setPosition(frag.position())
                    cursor.setPosition(frag.position() + frag.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
            it += 1
        block = block.next()


class ManualWindow(QMainWindow):
    """The manual: contents on the left (a click goes there), the text on the right, a find box above."""

    command_requested = Signal(str)  # a command:NAME link was clicked

    def __init__(self, rules, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用手册"))
        self.resize(1180, 820)
        self.toc = QTreeWidget()
        self.toc.setHeaderHidden(True)
        self.toc.itemClicked.connect(self._toc_clicked)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("在手册中查找…"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(self.find)
        self.find_edit.returnPressed.connect(lambda: self.step(1))
        self.count = QLabel()
        prev_btn = QPushButton(self.tr("上一个"))
        next_btn = QPushButton(self.tr("下一个"))
        prev_btn.clicked.connect(lambda: self.step(-1))
        next_btn.clicked.connect(lambda: self.step(1))
        find_row = QHBoxLayout()
        find_row.setContentsMargins(0, 0, 0, 0)
        find_row.addWidget(QLabel(self.tr("查找：")))
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.count)
        find_row.addWidget(prev_btn)
        find_row.addWidget(next_btn)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(find_row)
        lay.addWidget(self.browser, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.toc)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 900])
        self.setCentralWidget(split)
        self._hits: list[QTextCursor] = []
        self._current = -1
        self.browser.verticalScrollBar().valueChanged.connect(self._follow)
        self._refit = QTimer(self, singleShot=True, interval=150)  # pictures follow the window's width
        self._refit.timeout.connect(self.fit_images)
        self.browser.viewport().installEventFilter(self)
        QShortcut(QKeySequence.StandardKey.Find, self, self.open_find)
        self.load(rules)

    # -- content ---------------------------------------------------------------------
    def load(self, rules) -> None:
        path = manual_path()
        doc = self.browser.document()
        if not path.exists():
            self.browser.setPlainText(self.tr("找不到使用手册文件：%1").replace("%1", str(path)))
            return
        doc.setUndoRedoEnabled(False)  # fitting the pictures is no edit to undo
        doc.setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        doc.setMarkdown(manual_markdown(rules), QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        _fit_images(doc, path.parent, MAX_IMAGE_WIDTH)
        self._build_toc()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.verticalScrollBar().setValue(0)

    def picture_width(self) -> int:
        """The widest a picture can be shown without a horizontal scroll bar."""
        margin = int(2 * self.browser.document().documentMargin()) + 8
        return max(self.browser.viewport().width() - margin, 200)

    def fit_images(self) -> None:
        _fit_images(self.browser.document(), manual_path().parent, self.picture_width())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self._refit.start()
        return super().eventFilter(watched, event)

    def _build_toc(self) -> None:
        """Chapters (##) and their sections (###); the title (#) is not listed."""
        self.toc.clear()
        chapter: QTreeWidgetItem | None = None
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            title = block.text().strip()
            if level == 2 or (level == 3 and chapter is not None):
                item = QTreeWidgetItem([title])
                item.setData(0, POSITION, block.position())
                if level == 2:
                    self.toc.addTopLevelItem(item)
                    chapter = item
                else:
                    assert chapter is not None
                    chapter.addChild(item)
            block = block.next()
        self.toc.expandAll()

    def headings(self) -> list[str]:
        """The contents' titles, chapters and sections, in order."""
        out = []
        for i in range(self.toc.topLevelItemCount()):
            top = self.toc.topLevelItem(i)
            out.append(top.text(0))
            out += [top.child(j).text(0) for j in range(top.childCount())]
        return out

    def go_to_heading(self, title: str) -> bool:
        """Scroll so that the heading ``title`` is at the top (False when there is none)."""
        items = self.toc.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not items:
            return False
        self._toc_clicked(items[0])
        return True

    def _toc_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        doc = self.browser.document()
        block = doc.findBlock(int(item.data(0, POSITION)))
        cursor = QTextCursor(block)
        self.browser.setTextCursor(cursor)
        top = doc.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def _follow(self, value: int) -> None:
        """Mark the chapter or section being read in the contents."""
        doc = self.browser.document()
        layout = doc.documentLayout()
        current = None
        it = self._toc_items()
        for item in it:
            block = doc.findBlock(int(item.data(0, POSITION)))
            if layout.blockBoundingRect(block).top() <= value + 4:
                current = item
            else:
                break
        if current is not None and current is not self.toc.currentItem():
            self.toc.blockSignals(True)
            self.toc.setCurrentItem(current)
            self.toc.blockSignals(False)

    def _toc_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.toc.topLevelItemCount()):
            top = self.toc.topLevelItem(i)
            out.append(top)
            out += [top.child(j) for j in range(top.childCount())]
        return out

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "command":
            self.command_requested.emit(url.path())
        elif url.path().endswith(".png"):
            self.show_picture(Path(self.browser.document().baseUrl().resolved(url).toLocalFile()))
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())

    def show_picture(self, path: Path) -> QLabel:
        """A picture of the manual at full size, in a window of its own (closed, it is deleted)."""
        view = QLabel()
        view.setPixmap(QPixmap(str(path)))
        scroll = QScrollArea(self)
        scroll.setWindowFlag(Qt.WindowType.Window)
        scroll.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        scroll.setWindowTitle(self.tr("使用手册") + " — " + path.name)
        scroll.setWidget(view)
        size = view.pixmap().size()
        scroll.resize(min(size.width() + 24, 1400), min(size.height() + 24, 900))
        scroll.show()
        return view

    # -- find ------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find(self, needle: str) -> int:
        """Highlight every occurrence of ``needle`` and go to the first; the number found."""
        doc = self.browser.document()
        self._hits, self._current = [], -1
        if needle:
            cursor = doc.find(needle, 0)
            while not cursor.isNull() and len(self._hits) < MAX_HITS:
                self._hits.append(cursor)
                cursor = doc.find(needle, cursor)
        self._paint()
        if self._hits:
            self.step(1)
        else:
            self.count.setText(self.tr("没有找到") if needle else "")
        return len(self._hits)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) occurrence."""
        if not self._hits:
            return
        self._current = (self._current + direction) % len(self._hits)
        self._paint()
        self.browser.setTextCursor(self._hits[self._current])
        self.browser.ensureCursorVisible()
        self.count.setText(f"{self._current + 1}/{len(self._hits)}")

    def _paint(self) -> None:
        selections = []
        for i, cursor in enumerate(self._hits):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#f97316" if i == self._current else "#fed7aa"))
            sel.format = fmt
            selections.append(sel)
        self.browser.setExtraSelections(selections)

    def current_hit(self) -> str:
        return self._hits[self._current].selectedText() if self._hits else ""
