"""The application's name and its per-computer settings (window layout, recent files, UI language).

What belongs to a review (the reviewer's name, the letter's settings) lives in the review database,
not here (see ``Store.settings``).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORG = "xxgk-desk"
APP = "xxgk-desk"


def settings() -> QSettings:
    return QSettings(ORG, APP)
