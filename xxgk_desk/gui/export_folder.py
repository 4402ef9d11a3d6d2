"""Where the window suggests saving what it writes: a folder of its own, never the reports' folder.

A memo saved beside the reports used to be read back as a report; now exports are marked, and the
window also keeps them apart: the first suggestion is ``文档/xxgk-desk 审核文件`` and afterwards
the folder the reviewer last saved into (remembered in the settings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from xxgk_desk.gui.app_settings import settings

KEY = "export/folder"
DEFAULT_NAME = "xxgk-desk 审核文件"


def export_folder() -> Path:
    saved = str(settings().value(KEY, "") or "")
    if saved and Path(saved).is_dir():
        return Path(saved)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    return Path(docs) / DEFAULT_NAME


def suggest(file_name: str) -> str:
    """A path for ``file_name`` in the export folder (created when missing, so the dialog opens there)."""
    folder = export_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path.home()
    return str(folder / file_name)


def remember(saved_path: str) -> None:
    """The reviewer saved ``saved_path``: its folder is the next suggestion."""
    if saved_path:
        settings().setValue(KEY, str(Path(saved_path).parent))
