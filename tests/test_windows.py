"""Windows specifics, checked here with a pretend Windows (os.name, environment, folders):
LibreOffice under Program Files / per-user / an older "LibreOffice 5" folder without the registry,
the review database under %LOCALAPPDATA%, file names with Chinese characters and spaces, the
memo's fonts falling back to the ones Windows ships, and freeze_support in the frozen entry points."""

from __future__ import annotations

import ast
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from xxgk_desk.core import soffice
from xxgk_desk.core.export.docx_kit import FALLBACKS
from xxgk_desk.core.export.memo_docx import GB9704
from xxgk_desk.core.store import db

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sample-report.pdf"
# Families every Windows 10/11 desktop has (Chinese ones as Word/WPS name them).
WINDOWS_FONTS = {
    "SimSun",
    "宋体",
    "SimHei",
    "黑体",
    "FangSong",
    "仿宋",
    "KaiTi",
    "楷体",
    "Microsoft YaHei",
    "Times New Roman",
}


@pytest.fixture
def windows(monkeypatch, tmp_path):
    """A pretend Windows: no soffice on PATH, Program Files folders and %LOCALAPPDATA% under tmp_path."""
    monkeypatch.setattr(soffice, "on_windows", lambda: True)  # not os.name itself: pathlib reads it
    monkeypatch.setattr(soffice.shutil, "which", lambda _name: None)
    env = {
        "ProgramFiles": str(tmp_path / "Program Files"),
        "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)"),
        "LOCALAPPDATA": str(tmp_path / "AppData" / "Local"),
    }
    for k in ("ProgramW6432", *env):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return tmp_path


def _install(root: Path, folder: str) -> Path:
    exe = root / folder / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"MZ")
    return exe


def test_libreoffice_under_program_files(windows):
    assert soffice.find_soffice() is None
    exe = _install(windows / "Program Files", "LibreOffice")
    assert soffice.find_soffice() == str(exe)


def test_libreoffice_32_bit_and_older_folder_names_without_the_registry(windows):
    exe = _install(windows / "Program Files (x86)", "LibreOffice 5")
    assert soffice.find_soffice() == str(exe)


def test_libreoffice_installed_per_user_under_localappdata(windows):
    exe = _install(windows / "AppData" / "Local" / "Programs", "LibreOffice")
    assert soffice.find_soffice() == str(exe)
    _install(windows / "Program Files", "LibreOffice")  # the machine-wide install comes first
    assert "AppData" not in soffice.find_soffice()


def test_review_database_under_localappdata(windows, monkeypatch):
    import platformdirs
    import platformdirs.windows

    monkeypatch.delenv(db.ENV_DB, raising=False)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    # Windows asks the shell for the folder; here it comes from %LOCALAPPDATA%, as on Windows without ctypes.
    monkeypatch.setattr(
        platformdirs.windows, "_RESOLVE_WIN_FOLDER", platformdirs.windows.get_win_folder_from_env_vars
    )
    path = db.default_db_path()
    assert path == windows / "AppData" / "Local" / "xxgk-desk" / "reviews.sqlite3"


def test_chinese_names_with_spaces_reach_libreoffice_as_one_argument(tmp_path):
    """run_conversion passes paths as list items (no shell): a fake soffice records its argv."""
    if os.name == "nt":
        pytest.skip("the fake soffice is a shell script")
    folder = tmp_path / "审核 材料"
    folder.mkdir()
    src = folder / "某某大学 2024 年度报告（定稿）.doc"
    src.write_bytes(b"x")
    fake = tmp_path / "soffice"
    fake.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/argv.txt"\n'
        'out=""; prev=""; for a; do [ "$prev" = --outdir ] && out=$a; prev=$a; last=$a; done\n'
        'n=$(basename "$last"); printf converted > "$out/${n%.*}.docx"\n',
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    out = soffice.run_conversion(str(fake), src, "docx", folder, timeout=30)
    assert out == folder / "某某大学 2024 年度报告（定稿）.docx" and out.read_text() == "converted"
    argv = (tmp_path / "argv.txt").read_text(encoding="utf-8").splitlines()
    assert str(src) in argv and str(folder) in argv


def test_check_a_report_whose_name_has_chinese_and_spaces(tmp_path, capsys):
    from xxgk_desk.cli import main

    named = tmp_path / "楚澜 理工学院" / "2023—2024 学年 信息公开 年报.pdf"
    named.parent.mkdir()
    shutil.copy(SAMPLE, named)
    code = main(["check", "--json", str(named)])
    out = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and out["file"] == str(named) and out["pages"] == 10


def test_memo_fonts_fall_back_to_fonts_windows_ships():
    chinese = [
        GB9704.title_font,
        GB9704.heading_font,
        GB9704.subheading_font,
        GB9704.body_font,
        GB9704.page_number_font,
    ]
    for font in chinese:
        names = {font, *FALLBACKS[font][0].split(",")}
        assert names & WINDOWS_FONTS, f"{font}: no fallback Windows has ({names})"
    assert GB9704.latin_font in WINDOWS_FONTS


@pytest.mark.parametrize("entry", ["entry.py", "entry_gui.py"])
def test_frozen_entry_points_call_freeze_support_first(entry):
    tree = ast.parse((ROOT / "packaging" / entry).read_text(encoding="utf-8"))
    guard = next(n for n in tree.body if isinstance(n, ast.If) and "__main__" in ast.unparse(n.test))
    first = ast.unparse(guard.body[0])
    assert first == "multiprocessing.freeze_support()", first


def test_worker_processes_use_spawn_everywhere():
    """fork is not on Windows: every multiprocessing context in the package is spawn."""
    found = []
    for path in (ROOT / "xxgk_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
                ("get_context", "set_start_method")
            ):
                found.append((path.name, ast.unparse(node.args[0]) if node.args else None))
    assert found and all(arg == "'spawn'" for _, arg in found), found


def test_spawned_worker_runs_from_a_frozen_style_main(tmp_path):
    """A script shaped like packaging/entry.py runs a spawn worker that imports xxgk_desk."""
    import subprocess

    script = tmp_path / "entry like.py"
    script.write_text(
        "import multiprocessing, sys\n"
        "def work(p):\n"
        "    from xxgk_desk.core.loaders import load\n"
        "    return load(p).kind\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.freeze_support()\n"
        "    with multiprocessing.get_context('spawn').Pool(1) as pool:\n"
        "        print(pool.apply(work, (sys.argv[1],)))\n",
        encoding="utf-8",
    )
    r = subprocess.run(
        [sys.executable, str(script), str(SAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0 and r.stdout.strip() == "pdf", r.stderr[-500:]
