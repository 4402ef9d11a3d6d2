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
#: Names (UTF-16LE, as in an OLE directory) of the main stream of other Office formats.
_OLE_STREAMS = {
    "word": "WordDocument".encode("utf-16-le"),
    "excel": "Workbook".encode("utf-16-le"),
    "excel95": "Book".encode("utf-16-le"),
    "powerpoint": "PowerPoint Document".encode("utf-16-le"),
}


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


def convert(
    src: str, target: str, outdir: str, timeout: int = CONVERT_TIMEOUT, *, name: str | None = None
) -> Path:
    """Convert ``src`` with LibreOffice to format ``target`` (e.g. "docx", "pdf") into ``outdir``.

    ``name`` is the file name the messages use (``src`` may be a temporary copy).
    """
    shown = name or Path(src).name
    soffice = find_soffice()
    if not soffice:
        raise ReadError(
            "no_libreoffice",
            f"读取 {shown} 需要 LibreOffice（未安装）。请安装 LibreOffice，或用 Word/WPS 将其另存为 .docx 后再打开。",
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
                "timeout", f"LibreOffice 转换 {shown} 超时（{timeout} 秒）。文件可能已损坏。"
            ) from None
        except OSError as e:
            raise ReadError(
                "no_libreoffice", f"无法启动 LibreOffice：{e}。请用 Word/WPS 另存为 .docx 后再打开。"
            ) from None
    out = Path(outdir) / (Path(src).stem + "." + target.split(":")[0])
    if not out.exists() or out.stat().st_size == 0:
        raise ReadError(
            "convert_failed",
            f"LibreOffice 未能转换 {shown}，文件可能已损坏。请用 Word/WPS 打开后另存为 .docx 再试。",
        )
    return out


def check_ole(path: str) -> None:
    """Refuse a .doc that has no Word stream (an Excel or PowerPoint file, or damaged) before
    LibreOffice converts it: LibreOffice imports anything it cannot place as plain text."""
    if Path(path).suffix.lower() != ".doc":
        return  # .wps files of other word processors have other streams
    with open(path, "rb") as f:
        data = f.read(64 * 1024 * 1024)
    if _OLE_STREAMS["word"] in data:
        return
    name = Path(path).name
    if _OLE_STREAMS["excel"] in data or _OLE_STREAMS["excel95"] in data:
        raise ReadError(
            "mismatch", f"“{name}”是 Excel 表格，不是 Word 文档。请提供报告本身（PDF、DOCX、DOC 或 TXT）。"
        )
    if _OLE_STREAMS["powerpoint"] in data:
        raise ReadError(
            "mismatch",
            f"“{name}”是 PowerPoint 演示文稿，不是 Word 文档。请提供报告本身（PDF、DOCX、DOC 或 TXT）。",
        )
    raise ReadError(
        "damaged", f"DOC 文件已损坏（找不到 Word 正文数据）：{name}。请用 Word/WPS 打开确认，或重新获取文件。"
    )


def load_doc(path: str) -> Document:
    """Read a .doc/.wps file by converting it to DOCX in a temporary folder."""
    from xxgk_desk.core.loaders.docx import load_docx

    check_ole(path)
    with tempfile.TemporaryDirectory(prefix="xxgk-doc-") as tmp:
        # Copy under a plain ASCII name: LibreOffice mishandles some names with quotes or spaces.
        src = Path(tmp) / ("input" + Path(path).suffix.lower())
        shutil.copyfile(path, src)
        out = convert(str(src), "docx", tmp, name=Path(path).name)
        doc = load_docx(str(out))
    return replace(
        doc,
        path=path,
        kind="doc",
        file_sha256=sha256_file(path),
        extractor="doc-libreoffice+" + doc.extractor,
    )
