"""The QApplication: settings, translations, the Chinese-font check, and ``main`` for ``xxgk-desk gui``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from xxgk_desk import __version__
from xxgk_desk.core.resources import resource
from xxgk_desk.gui import labels
from xxgk_desk.gui.app_settings import APP, ORG, settings

CJK_FAMILIES = (
    "Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC", "Hiragino Sans GB", "Droid Sans Fallback", "AR PL UMing CN",
)  # fmt: skip
FONT_PACKAGES = "fonts-wqy-microhei（或 fonts-noto-cjk）"


def chinese_font() -> str | None:
    """A font family that has Chinese glyphs, or None (every character would show as a box)."""
    families = set(QFontDatabase.families())
    for fam in CJK_FAMILIES:
        if fam in families:
            return fam
    for fam in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(fam):
            return fam
    return None


def install_translation(app: QApplication, language: str) -> QTranslator | None:
    """Load the UI translation for ``language``: the app's own for "en" (Chinese is the source
    language), Qt's own for Chinese (dialog buttons, file dialogs, context menus), so that the
    window speaks one language at a time."""
    labels.set_language(language)
    if language.startswith("zh"):
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            return qt
        return None
    translator = QTranslator(app)
    qm = resource("i18n", f"xxgk_desk_{language}.qm")
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None


def create_app(argv: list[str] | None = None) -> QApplication:
    """The application object (reused if one exists, as in tests)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "高校信息公开年报审核"))
    app.setDesktopFileName("xxgk-desk")  # links the window to packaging/xxgk-desk.desktop
    icon = resource("icons", "xxgk-desk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    language = str(settings().value("ui/language", "zh_CN"))
    install_translation(app, language)
    family = chinese_font()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
        app.setFont(font)
    return app


def warn_missing_font(parent) -> None:
    """On Linux without a Chinese font, say which package to install instead of showing boxes."""
    if chinese_font() is None:
        QMessageBox.warning(
            parent,
            "Chinese font missing / 缺少中文字体",
            "No Chinese font is installed, so Chinese text would show as boxes.\n"
            f"Please install: sudo apt-get install {FONT_PACKAGES.split('（')[0]}\n\n"
            f"系统未安装中文字体，中文会显示为方框。请安装：{FONT_PACKAGES}",
        )


def main(
    files: list[str] | None = None,
    screenshot: str | None = None,
    db: str | None = None,
    state: str = "window",
    size: tuple[int, int] = (1600, 1000),
) -> int:
    """Start the window; with ``screenshot``, open the file, wait until it is checked, bring the window
    into ``state`` (gui/screenshot.py), save a picture, exit."""
    if screenshot and not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_app()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    from xxgk_desk.gui.main_window import MainWindow

    window = MainWindow(db_path=db)
    window.show()
    if not screenshot:
        QTimer.singleShot(0, lambda: warn_missing_font(window))
    files = list(files or [])
    # a screenshot shows the first file; the others are for the overview (gui/screenshot.py)
    for path in files[:1] if screenshot else files:
        window.open_file(path)
    if not files and not screenshot:  # the first start: a welcome page instead of an empty window
        window.welcome_on_first_run()
    if screenshot:
        from xxgk_desk.gui.screenshot import stage

        window.resize(*size)
        shot: list = []

        def shoot(widget=None) -> None:
            if not shot:  # once: the timeout below must not overwrite the picture
                shot.append((widget or window).grab().save(screenshot))
            app.quit()

        def staged() -> None:
            try:
                stage(window, state, lambda w: QTimer.singleShot(300, lambda: shoot(w)), files[1:])
            except Exception as e:  # a state that cannot be reached: say so, take no picture
                print(f"截图状态 {state} 无法进入：{e}", file=sys.stderr)
                shot.append(False)
                app.exit(1)

        def ready() -> None:
            QTimer.singleShot(300, staged)

        if window.runner.busy:
            window.document_ready.connect(ready)
            window.load_failed.connect(ready)
        else:
            ready()
        QTimer.singleShot(120_000, shoot)  # never hang
    return app.exec()


def cli_entry(args) -> int:
    files = [str(Path(f)) for f in (args.files or [])]
    state = getattr(args, "screenshot_state", "window")
    from xxgk_desk.gui.screenshot import STATES

    if state not in STATES:
        print(f"未知的截图状态：{state}（可选：{'、'.join(STATES)}）", file=sys.stderr)
        return 2
    size = getattr(args, "screenshot_size", (1600, 1000))
    return main(files, screenshot=args.screenshot, db=args.db, state=state, size=size)
