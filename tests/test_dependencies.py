"""Every runtime dependency in pyproject.toml earns its place: runtime code (xxgk_desk) imports it.

A distribution's modules are read from its installed files (``PySide6-Pdf`` provides
``PySide6.QtPdf``, ``PyYAML`` provides ``yaml``); the imports of xxgk_desk are read from its
source. A dependency used without an import statement is listed in USED_OTHERWISE with how.
"""

from __future__ import annotations

import ast
import re
from importlib import metadata
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parent.parent
#: Runtime dependencies used without an import statement, and how they are used.
USED_OTHERWISE = {
    # the converter's character tables are read as data files (core/hanzi.py, find_spec)
    "opencc-python-reimplemented": "opencc",
}


def _runtime_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0] for spec in project["dependencies"]]


def _modules(dist: str) -> set[str]:
    """Dotted module names (two levels at most) the installed distribution provides."""
    out = set()
    for f in metadata.distribution(dist).files or ():
        parts = f.parts
        if not parts or parts[0].endswith((".dist-info", ".data")) or ".." in parts:
            continue
        if f.suffix not in (".py", ".so", ".pyd") and not f.name.endswith(".abi3.so"):
            continue
        names = [*parts[:-1], f.name.split(".")[0]]
        if names[-1] == "__init__":
            names.pop()
        if names:
            out.add(".".join(names[:2]))
    return out


def _imports() -> set[str]:
    """Every module xxgk_desk imports (``from a import b`` counts as ``a`` and ``a.b``)."""
    found = set()
    for path in (ROOT / "xxgk_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_the_dependency_list_is_read() -> None:
    deps = _runtime_dependencies()
    assert "pypdfium2" in deps and "PyYAML" in deps


@pytest.mark.parametrize("dist", _runtime_dependencies())
def test_runtime_dependency_is_used(dist: str) -> None:
    try:
        modules = _modules(dist)
    except metadata.PackageNotFoundError:
        pytest.skip(f"{dist} is not installed here")
    others = set().union(*(_modules(d) for d in _runtime_dependencies() if d != dist and _installed(d)))
    own = {m for m in modules if m not in others} or modules  # PySide6-Pdf: PySide6.QtPdf, not PySide6
    imports = _imports()
    used = any(i == m or i.startswith(m + ".") for i in imports for m in own)
    if dist in USED_OTHERWISE:
        assert USED_OTHERWISE[dist] in {m.split(".")[0] for m in modules}
        return
    assert used, f"{dist} is a runtime dependency but xxgk_desk imports none of {sorted(own)[:5]}"


def _installed(dist: str) -> bool:
    try:
        metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return False
    return True
