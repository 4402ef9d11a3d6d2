"""The core never imports Qt: checked statically and by importing every core module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "xxgk_desk" / "core"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def test_no_core_module_imports_qt_statically():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in QT for n in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert not offenders, f"core modules import Qt: {offenders}"


def test_importing_every_core_module_loads_no_qt():
    code = f"""
import importlib, pkgutil, sys
import xxgk_desk.core as core
for m in pkgutil.walk_packages(core.__path__, 'xxgk_desk.core.'):
    importlib.import_module(m.name)
bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]
print(','.join(bad))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"Qt modules loaded by the core: {out}"
