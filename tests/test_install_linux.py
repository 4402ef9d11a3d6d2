"""packaging/install-linux.sh: install then --uninstall leaves no file behind under the prefix,
the caches it refreshed (icon-theme.cache, mimeinfo.cache) included."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_uninstall_leaves_no_cache_behind(tmp_path):
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    app = tmp_path / "xxgk-desk"
    share = app / "share"
    for src, dest in {
        "packaging/xxgk-desk.desktop": "applications/xxgk-desk.desktop",
        "packaging/io.github.xxgkdesk.XxgkDesk.metainfo.xml": "metainfo/io.github.xxgkdesk.XxgkDesk.metainfo.xml",
        "resources/icons/xxgk-desk.png": "icons/hicolor/256x256/apps/xxgk-desk.png",
        "resources/icons/xxgk-desk.svg": "icons/hicolor/scalable/apps/xxgk-desk.svg",
    }.items():
        (share / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / src, share / dest)
    shutil.copy(ROOT / "packaging" / "install-linux.sh", app / "install-linux.sh")
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(["sh", str(app / "install-linux.sh")], env=env, check=True, timeout=60)
    prefix = home / ".local"
    assert (prefix / "share" / "applications" / "xxgk-desk.desktop").is_file()
    # What the desktop's tools would have written (update-desktop-database may be missing here).
    (prefix / "share" / "applications" / "mimeinfo.cache").write_text(
        "[MIME Cache]\napplication/pdf=xxgk-desk.desktop;\n"
    )
    subprocess.run(["sh", str(app / "install-linux.sh"), "--uninstall"], env=env, check=True, timeout=60)
    left = [p.relative_to(prefix) for p in prefix.rglob("*") if p.is_file() or p.is_symlink()]
    assert left == [], left
