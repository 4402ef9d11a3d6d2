"""Running LibreOffice headless for a conversion: one place for the rules that make it reliable.

Each run gets its own throw-away user profile (two runs sharing one fail), stdin is closed,
and the caller checks the output file, because ``soffice`` exits 0 even when it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class ConversionError(Exception):
    """LibreOffice could not be run: ``code`` is ``timeout`` or ``start`` (``detail`` says why)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail


# Where LibreOffice installs when it is not on PATH. Windows: the Program Files folders (from the
# environment, as on 32-bit Python or another drive), per-user installs under %LOCALAPPDATA%\Programs,
# and any "LibreOffice*" folder there (older releases used "LibreOffice 5" etc.; no registry needed).
_WINDOWS_ROOTS = ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")
_WINDOWS_DEFAULT_ROOTS = (r"C:\Program Files", r"C:\Program Files (x86)")
_OTHER_CANDIDATES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
)


def _windows_candidates(env: os._Environ[str] | dict[str, str]) -> list[str]:
    roots = [env[k] for k in _WINDOWS_ROOTS if env.get(k)] + list(_WINDOWS_DEFAULT_ROOTS)
    if env.get("LOCALAPPDATA"):
        roots.append(os.path.join(env["LOCALAPPDATA"], "Programs"))
    found: list[str] = []
    for root in dict.fromkeys(roots):  # in order, once each
        try:
            folders = sorted(
                (e.name for e in os.scandir(root) if e.name.lower().startswith("libreoffice")), reverse=True
            )
        except OSError:
            continue
        found += [os.path.join(root, name, "program", "soffice.exe") for name in folders]
    return found


def on_windows() -> bool:
    """``os.name == "nt"`` (a function, so tests can pretend)."""
    return os.name == "nt"


def find_soffice() -> str | None:
    """The LibreOffice executable, if installed (PATH, then the usual install folders)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = _windows_candidates(os.environ) if on_windows() else list(_OTHER_CANDIDATES)
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return None


def run_conversion(
    soffice: str, src: str | os.PathLike, target: str, outdir: str | os.PathLike, timeout: int
) -> Path | None:
    """Convert ``src`` to ``target`` (e.g. "docx", "pdf:writer_pdf_Export") into ``outdir``.

    Returns the output file, or None when LibreOffice wrote nothing (or an empty file).
    Raises :class:`ConversionError` when it times out or cannot be started.
    """
    src = Path(src)
    with tempfile.TemporaryDirectory(prefix="xxgk-lo-profile-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ConversionError("timeout") from None
        except OSError as e:
            raise ConversionError("start", str(e)) from None
    out = Path(outdir) / (src.stem + "." + target.split(":")[0])
    return out if out.exists() and out.stat().st_size > 0 else None
