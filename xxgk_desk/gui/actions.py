"""Every command of the window, declared once: the menus, the shortcuts and the help are built from here.

A :class:`Command` names the MainWindow method it calls (with fixed arguments), its menu, its text
(translated in the ``MainWindow`` context) and its keys. Entries whose name starts with ``@`` are
places in a menu the window fills itself (the recent files, undo/redo, the panels' toggles, the
language). :data:`VIEW_KEYS` documents the keys the report view handles itself. The help's list
of shortcuts and the README's are checked against this table by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Command:
    name: str  # MainWindow method, or "@place" for a menu part the window builds
    menu: str
    text: str = ""
    keys: tuple[str, ...] = ()
    args: tuple = ()
    checkable: bool = False
    separator: bool = False  # a separator before it
    attr: str = ""  # MainWindow attribute that keeps the QAction (for enabling it)
    help: str = ""  # what the keys do, for the shortcut list (default: the text)


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "文件(&F)")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "编辑(&E)")),
    ("review", QT_TRANSLATE_NOOP("MainWindow", "审核(&R)")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "视图(&V)")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "设置(&S)")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)")),
)


#: Menus whose commands act on the open report: behind the welcome page they bring the report back first.
REPORT_MENUS = frozenset({"edit", "review", "view"})


COMMANDS: tuple[Command, ...] = (
    Command(
        "open_dialog",
        "file",
        QT_TRANSLATE_NOOP("MainWindow", "打开…"),
        ("Ctrl+O",),
        help=QT_TRANSLATE_NOOP("MainWindow", "打开报告"),
    ),
    Command("paste_report", "file", QT_TRANSLATE_NOOP("MainWindow", "粘贴报告"), ("Ctrl+Shift+V",)),
    Command(
        "show_overview", "file", QT_TRANSLATE_NOOP("MainWindow", "全省概览（批量审核）…"), ("Ctrl+Shift+O",)
    ),
    Command("@recent", "file", QT_TRANSLATE_NOOP("MainWindow", "最近打开")),
    Command(
        "close_document", "file", QT_TRANSLATE_NOOP("MainWindow", "关闭报告"), ("Ctrl+W",), attr="act_close"
    ),
    Command(
        "export_memo",
        "file",
        QT_TRANSLATE_NOOP("MainWindow", "导出审核意见…"),
        ("Ctrl+E",),
        separator=True,
        attr="act_export",
    ),
    Command("unit_settings", "file", QT_TRANSLATE_NOOP("MainWindow", "审核单位设置…")),
    Command(
        "export_reviews", "file", QT_TRANSLATE_NOOP("MainWindow", "导出审核记录（交换文件）…"), separator=True
    ),
    Command("import_reviews", "file", QT_TRANSLATE_NOOP("MainWindow", "导入审核记录（合并）…")),
    Command("switch_database", "file", QT_TRANSLATE_NOOP("MainWindow", "切换审核数据库…")),
    Command("close", "file", QT_TRANSLATE_NOOP("MainWindow", "退出"), ("Ctrl+Q",), separator=True),
    Command("@undo", "edit", QT_TRANSLATE_NOOP("MainWindow", "撤销"), ("Ctrl+Z",)),
    Command("@redo", "edit", QT_TRANSLATE_NOOP("MainWindow", "重做"), ("Ctrl+Shift+Z", "Ctrl+Y")),
    Command(
        "open_find",
        "edit",
        QT_TRANSLATE_NOOP("MainWindow", "查找…"),
        ("Ctrl+F",),
        separator=True,
        help=QT_TRANSLATE_NOOP("MainWindow", "查找"),
    ),
    Command(
        "add_note",
        "edit",
        QT_TRANSLATE_NOOP("MainWindow", "添加批注…"),
        ("Ctrl+M",),
        help=QT_TRANSLATE_NOOP("MainWindow", "对选中文字添加批注"),
    ),
    Command(
        "add_document_note", "edit", QT_TRANSLATE_NOOP("MainWindow", "整篇或某部分的批注…"), ("Ctrl+Shift+M",)
    ),
    Command("step_finding", "review", QT_TRANSLATE_NOOP("MainWindow", "下一个问题"), ("F8",), (1,)),
    Command("step_finding", "review", QT_TRANSLATE_NOOP("MainWindow", "上一个问题"), ("Shift+F8",), (-1,)),
    Command("step_note", "review", QT_TRANSLATE_NOOP("MainWindow", "下一条批注"), ("F9",), (1,)),
    Command("step_note", "review", QT_TRANSLATE_NOOP("MainWindow", "上一条批注"), ("Shift+F9",), (-1,)),
    Command(
        "step_report",
        "review",
        QT_TRANSLATE_NOOP("MainWindow", "下一份报告（按概览顺序）"),
        ("Ctrl+PgDown",),
        (1,),
    ),
    Command(
        "step_report",
        "review",
        QT_TRANSLATE_NOOP("MainWindow", "上一份报告（按概览顺序）"),
        ("Ctrl+PgUp",),
        (-1,),
    ),
    Command(
        "accept_finding",
        "review",
        QT_TRANSLATE_NOOP("MainWindow", "采纳问题为批注"),
        ("Ctrl+Shift+A",),
        separator=True,
    ),
    Command("dismiss_finding", "review", QT_TRANSLATE_NOOP("MainWindow", "驳回问题…"), ("Ctrl+Shift+D",)),
    Command("resolve_note", "review", QT_TRANSLATE_NOOP("MainWindow", "解决批注"), ("Ctrl+Shift+R",)),
    Command("edit_recommendations", "review", QT_TRANSLATE_NOOP("MainWindow", "整改建议…"), separator=True),
    Command("show_conflicts", "review", QT_TRANSLATE_NOOP("MainWindow", "合并冲突…")),
    Command(
        "toggle_page",
        "view",
        QT_TRANSLATE_NOOP("MainWindow", "显示原文页面"),
        ("F6",),
        checkable=True,
        attr="act_page",
    ),
    Command("zoom_page_in", "view", QT_TRANSLATE_NOOP("MainWindow", "放大页面"), ("Ctrl+=", "Ctrl++")),
    Command("zoom_page_out", "view", QT_TRANSLATE_NOOP("MainWindow", "缩小页面"), ("Ctrl+-",)),
    Command("fit_page", "view", QT_TRANSLATE_NOOP("MainWindow", "页面适合宽度"), ("Ctrl+0",)),
    Command("toggle_full_screen", "view", QT_TRANSLATE_NOOP("MainWindow", "全屏"), ("F11",), separator=True),
    Command("@panels", "view", separator=True),
    Command("ask_reviewer", "settings", QT_TRANSLATE_NOOP("MainWindow", "审核人姓名…"), args=(True,)),
    Command("@language", "settings", QT_TRANSLATE_NOOP("MainWindow", "界面语言")),
    Command("show_manual", "help", QT_TRANSLATE_NOOP("MainWindow", "使用手册"), ("F1",)),
    Command("show_rules", "help", QT_TRANSLATE_NOOP("MainWindow", "审核规则")),
    Command("show_welcome", "help", QT_TRANSLATE_NOOP("MainWindow", "欢迎页")),
    Command("show_shortcuts", "help", QT_TRANSLATE_NOOP("MainWindow", "快捷键"), separator=True),
    Command("show_about", "help", QT_TRANSLATE_NOOP("MainWindow", "关于")),
)

#: Keys the report view handles itself (listed in the help, not in a menu; a key named in words,
#: like the wheel, is translated with the rest).
VIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+C", QT_TRANSLATE_NOOP("MainWindow", "复制选中文字")),
    ("Ctrl+A", QT_TRANSLATE_NOOP("MainWindow", "全选")),
    ("Shift+←/→/↑/↓", QT_TRANSLATE_NOOP("MainWindow", "扩展选择")),
    ("Page Down / Space", QT_TRANSLATE_NOOP("MainWindow", "向下翻页")),
    ("Ctrl+Home / Ctrl+End", QT_TRANSLATE_NOOP("MainWindow", "到开头 / 到结尾")),
    (QT_TRANSLATE_NOOP("MainWindow", "Ctrl+滚轮"), QT_TRANSLATE_NOOP("MainWindow", "缩放原文页面")),
)


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) of every command with keys, then the view's own keys (untranslated)."""
    rows = [(" / ".join(c.keys), c.help or c.text) for c in COMMANDS if c.keys]
    return rows + list(VIEW_KEYS)


def all_keys() -> set[str]:
    return {k for c in COMMANDS for k in c.keys}
