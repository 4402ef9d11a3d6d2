"""Advice that fits the install: the frozen app never tells users to run pip."""

from __future__ import annotations

import sys

from xxgk_desk.core import install_kind


def test_frozen_app_points_to_the_ocr_build_not_pip(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert install_kind.install_kind() == "frozen"
    hint = install_kind.ocr_install_hint()
    assert "pip" not in hint and "OCR" in hint and "安装" in hint


def test_pip_install_gets_the_pip_command(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert install_kind.install_kind() == "pip"
    assert 'pip install "xxgk-desk[ocr]"' in install_kind.ocr_install_hint()


def test_every_message_naming_pip_comes_from_the_helper():
    from pathlib import Path

    root = Path(install_kind.__file__).resolve().parents[1]
    naming = [
        p.relative_to(root).as_posix()
        for p in root.rglob("*.py")
        if "pip install" in p.read_text(encoding="utf-8")
    ]
    assert naming == ["core/install_kind.py"], naming


def test_bare_c_locale_becomes_utf8_and_others_stay(monkeypatch):
    import os

    if os.name == "nt":
        return
    for env, changed in (({}, True), ({"LANG": "C"}, True), ({"LC_ALL": "POSIX"}, True),
                         ({"LANG": "C.UTF-8"}, False), ({"LANG": "zh_CN.UTF-8"}, False)):  # fmt: skip
        e = dict(env)
        assert install_kind.use_utf8_locale(e) is changed, env
        assert e.get("LC_ALL") == ("C.UTF-8" if changed else env.get("LC_ALL"))


def test_frozen_entry_points_set_the_locale_before_qt():
    from pathlib import Path

    root = Path(install_kind.__file__).resolve().parents[2]
    for entry in ("entry.py", "entry_gui.py"):
        assert "use_utf8_locale()" in (root / "packaging" / entry).read_text(encoding="utf-8")
