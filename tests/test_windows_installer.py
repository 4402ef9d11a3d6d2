"""The Windows installer script (packaging/windows/xxgk-desk.iss) and workflow agree with the
PyInstaller spec: the app folder and program names, the icon, per-user install, the .pdf/.docx
associations as "用 xxgk-desk 审核" under HKCU, and the files the workflow names exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "packaging" / "windows" / "xxgk-desk.iss"
SPEC = (ROOT / "packaging" / "xxgk-desk.spec").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")


def iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(#define values, section name → its lines) of the Inno Setup script."""
    text = ISS.read_text(encoding="utf-8")
    defines = dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, flags=re.M))
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = sections.setdefault(m.group(1), [])
        elif current is not None:
            current.append(re.sub(r"\{#(\w+)\}", lambda d: defines[d.group(1)], line))
    return defines, sections


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss()[1]["Setup"])


def test_names_match_the_pyinstaller_spec() -> None:
    defines, sections = iss()
    name = re.search(r'^NAME = "([^"]+)"', SPEC, flags=re.M).group(1)
    assert defines["AppName"] == name
    assert 'name=f"{NAME}-gui"' in SPEC and defines["AppExe"] == f"{name}-gui.exe"
    assert any(rf'Source: "dist\{name}\*"' in line for line in sections["Files"])


def test_icon_licence_and_per_user_install() -> None:
    s = setup()
    assert s["PrivilegesRequired"] == "lowest"
    assert s["DefaultDirName"].startswith("{localappdata}")
    assert (ROOT / s["SetupIconFile"].replace("\\", "/")).is_file()
    assert 'resources" / "icons" / "xxgk-desk.ico' in SPEC  # the programs carry the same icon
    assert (ROOT / s["LicenseFile"]).is_file()
    assert s["ChangesAssociations"] == "yes"


def test_start_menu_entry() -> None:
    _, sections = iss()
    assert any(
        line.startswith('Name: "{group}\\') and "xxgk-desk-gui.exe" in line for line in sections["Icons"]
    )


def test_pdf_and_docx_associations_for_the_current_user_only() -> None:
    reg = iss()[1]["Registry"]
    assert reg and all(line.startswith("Root: HKCU;") for line in reg)
    for ext in (".pdf", ".docx"):
        verb = [line for line in reg if f"SystemFileAssociations\\{ext}\\shell\\xxgk-desk" in line]
        assert any('ValueData: "用 xxgk-desk 审核"' in line for line in verb), ext
        assert any('xxgk-desk-gui.exe"" ""%1"""' in line for line in verb), ext
        assert any(f"Classes\\{ext}\\OpenWithProgids" in line for line in reg), ext


def test_workflow_installs_from_the_lock_and_names_real_files() -> None:
    assert "--require-hashes" in WORKFLOW and "requirements/test.txt" in WORKFLOW
    for path in re.findall(r"(?:packaging|tests|requirements)[/\\][\w./\\-]+\.(?:py|spec|iss|txt)", WORKFLOW):
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert "ISCC.exe" in WORKFLOW and "pyinstaller" in WORKFLOW and "--screenshot" in WORKFLOW
