"""The licence: MIT in the repository (as pyproject declares) and third-party notices in resources/."""

from __future__ import annotations

from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt"


def test_licence_file_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert "LICENSE" in project["license-files"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_notices_name_every_runtime_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["ocr"]
    text = NOTICES.read_text(encoding="utf-8").lower()
    names = {d.split(">")[0].split("=")[0].split("<")[0].split("[")[0].strip().lower() for d in wanted}
    missing = sorted(n for n in names if n not in text)
    assert not missing, f"third-party notices lack: {missing}"
    for licence in ("LGPL-3.0", "BSD-3-Clause", "Apache-2.0", "PaddleOCR"):
        assert licence.lower() in text


def test_spec_puts_licence_and_notices_in_the_app_folder() -> None:
    spec = (ROOT / "packaging" / "xxgk-desk.spec").read_text(encoding="utf-8")
    assert '"LICENSE"' in spec and '"THIRD-PARTY-NOTICES.txt"' in spec
