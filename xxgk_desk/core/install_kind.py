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


def use_utf8_locale(environ: dict[str, str] | None = None) -> bool:
    """Under a bare C/POSIX locale (Linux, not Windows), switch the process to C.UTF-8 before Qt
    starts, so Qt prints no locale notice and file names decode as UTF-8. True when it changed."""
    import os

    env = os.environ if environ is None else environ
    if os.name == "nt":
        return False
    current = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or "C"
    if current.split(".")[0] not in ("C", "POSIX") or "UTF-8" in current.upper().replace("UTF8", "UTF-8"):
        return False
    env["LC_ALL"] = "C.UTF-8"
    return True
