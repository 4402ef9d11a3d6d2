"""Finding report files: folders recursively, supported extensions only, no hidden or temporary files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from xxgk_desk.core.loaders import SUPPORTED

__all__ = ["is_candidate", "scan"]

# Office and WPS lock/temporary files that carry a report extension: ~$报告.docx, ~WRL0001.docx, .~报告.docx
_TEMP_PREFIXES = ("~$", "~WRL", ".~", "._")


def is_candidate(name: str) -> bool:
    """True for a file name a folder scan should pick up (supported extension, not hidden or temporary)."""
    if name.startswith(".") or name.startswith(_TEMP_PREFIXES) or name.endswith("#"):
        return False
    return Path(name).suffix.lower() in SUPPORTED


def scan(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The report files named by ``paths``: each folder walked recursively, files as given.

    In folders, only supported extensions are taken and hidden entries (``.x``), Office/WPS
    temporary files (``~$x.docx``) and LibreOffice locks are skipped. A file named explicitly is
    kept even if unsupported or missing, so its row shows why it cannot be read. The result is
    de-duplicated (by resolved path) and sorted within each folder; input order is kept otherwise.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def take(p: Path) -> None:
        key = os.path.normcase(str(p.resolve()))
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        p = Path(raw).expanduser()
        if not p.is_dir():
            take(p)
            continue
        found: list[Path] = []
        for root, dirs, files in os.walk(p, onerror=None, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith((".", "~", "__MACOSX"))]
            found.extend(Path(root) / f for f in files if is_candidate(f))
        for f in sorted(found, key=lambda x: [part.casefold() for part in x.relative_to(p).parts]):
            if f.is_file():
                take(f)
    return out
