"""DOC and WPS loader: converts to DOCX with LibreOffice, then reads it as DOCX.

Each conversion runs with its own LibreOffice user profile (two runs sharing a profile
fail) and the output file is checked, because ``soffice`` exits 0 even when it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from xxgk_desk.core.document import Document, sha256_file
from xxgk_desk.core.errors import ReadError

CONVERT_TIMEOUT = 120


def find_soffice() -> str | None:
    """The LibreOffice executable, if installed (PATH, then the usual install folders)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        "/opt/libreoffice/program/soffice",
    ):
        if os.path.exists(candidate):
            return candidate
    return None


def convert(src: str, target: str, outdir: str, timeout: int = CONVERT_TIMEOUT) -> Path:
    """Convert ``src`` with LibreOffice to format ``target`` (e.g. "docx", "pdf") into ``outdir``."""
    soffice = find_soffice()
    if not soffice:
        raise ReadError(
            "no_libreoffice",
            f"读取 {Path(src).name} 需要 LibreOffice（未安装）。请安装 LibreOffice，或用 Word/WPS 将其另存为 .docx 后再打开。",
        )
    with tempfile.TemporaryDirectory(prefix="xxgk-lo-profile-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            outdir,
            src,
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReadError(
                "timeout", f"LibreOffice 转换 {Path(src).name} 超时（{timeout} 秒）。文件可能已损坏。"
            ) from None
        except OSError as e:
            raise ReadError(
                "no_libreoffice", f"无法启动 LibreOffice：{e}。请用 Word/WPS 另存为 .docx 后再打开。"
            ) from None
    out = Path(outdir) / (Path(src).stem + "." + target.split(":")[0])
    if not out.exists() or out.stat().st_size == 0:
        raise ReadError(
            "convert_failed",
            f"LibreOffice 未能转换 {Path(src).name}，文件可能已损坏。请用 Word/WPS 打开后另存为 .docx 再试。",
        )
    return out


def load_doc(path: str) -> Document:
    """Read a .doc/.wps file by converting it to DOCX in a temporary folder."""
    from xxgk_desk.core.loaders.docx import load_docx

    with tempfile.TemporaryDirectory(prefix="xxgk-doc-") as tmp:
        # Copy under a plain ASCII name: LibreOffice mishandles some names with quotes or spaces.
        src = Path(tmp) / ("input" + Path(path).suffix.lower())
        shutil.copyfile(path, src)
        out = convert(str(src), "docx", tmp)
        doc = load_docx(str(out))
    return replace(
        doc,
        path=path,
        kind="doc",
        file_sha256=sha256_file(path),
        extractor="doc-libreoffice+" + doc.extractor,
    )
