"""How this copy of xxgk-desk was installed, and the advice that fits it (one place decides the wording).

``frozen``: the PyInstaller app (``sys.frozen``), where pip does not exist — point to the app build
with OCR; ``pip``: an installed package or a checkout, where the pip command works.
"""

from __future__ import annotations

import sys


def install_kind() -> str:
    """``frozen`` or ``pip``."""
    return "frozen" if getattr(sys, "frozen", False) else "pip"


def ocr_install_hint(kind: str | None = None) -> str:
    """What to do to get OCR, worded for the install the user has."""
    if (kind or install_kind()) == "frozen":
        return "需要带 OCR 的版本：请安装含 OCR 的 xxgk-desk 安装包（Windows 安装程序或带 OCR 的程序文件夹）"
    return '需要安装 OCR 组件：pip install "xxgk-desk[ocr]"'
