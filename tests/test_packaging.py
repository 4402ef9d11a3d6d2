"""Packages: the sdist and wheel carry the resources; the wheel installs and works in a clean venv;
the desktop files and icons are valid; the PyInstaller app builds and starts (when PyInstaller is there).

``python -m build`` (or ``pip wheel`` where ``build`` is missing) builds the packages. A new
virtual environment (no system site-packages, no access to this checkout) gets the wheel and
its dependencies, then ``xxgk-desk check --json`` on the sample inside the installed package
must give the same JSON as the checkout, and ``xxgk-desk memo`` must write a DOCX.

To stay fast and repeatable, dependencies come from a local wheelhouse,
``$XDG_CACHE_HOME/xxgk-desk/wheelhouse/<python>-<platform>`` (``XXGK_WHEELHOUSE`` overrides):
installation runs with ``--no-index`` from it, and only when that fails (first run, or the
dependencies changed) is the wheelhouse filled with ``pip download`` from the configured
package index. The build backend (hatchling) comes from there too. A warm run takes ~30 s.

The PyInstaller test builds ``packaging/xxgk-desk.spec`` into a temporary folder (about a
minute) and starts both commands of the app offscreen; it is skipped when PyInstaller is not
installed or ``XXGK_SKIP_BUNDLE=1``.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
METAINFO = PACKAGING / "io.github.xxgkdesk.XxgkDesk.metainfo.xml"
DESKTOP = PACKAGING / "xxgk-desk.desktop"
ICONS = RESOURCES / "icons"


def wheelhouse() -> Path:
    if os.environ.get("XXGK_WHEELHOUSE"):
        return Path(os.environ["XXGK_WHEELHOUSE"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    tag = f"cp{sys.version_info.major}{sys.version_info.minor}-{sysconfig.get_platform()}"
    return cache / "xxgk-desk" / "wheelhouse" / tag


def pip(
    python: str | Path, *args: str, offline_from: Path | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    if offline_from is not None:
        env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(offline_from))
    return subprocess.run(
        [str(python), "-m", "pip", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=900
    )


def fill(house: Path, *requirements: str) -> None:
    """Download ``requirements`` and their dependencies into the wheelhouse (needs the index)."""
    house.mkdir(parents=True, exist_ok=True)
    for stale in house.glob(
        "xxgk_desk-*.whl"
    ):  # an older build of the project: pip would read its dependencies
        stale.unlink()
    r = pip(sys.executable, "download", "-q", "-d", str(house), *requirements)
    if r.returncode != 0:
        pytest.skip(f"cannot fill the wheelhouse from the package index: {r.stderr.strip()[-300:]}")


def build(out: Path, house: Path) -> subprocess.CompletedProcess:
    """sdist + wheel with ``python -m build``, or a wheel with ``pip wheel``; hatchling from the wheelhouse."""
    env = {
        **os.environ,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(house),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    try:
        import build  # noqa: F401

        cmd = [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    house = wheelhouse()
    r = build(out, house)
    if r.returncode != 0:
        fill(house, "hatchling>=1.21")
        r = build(out, house)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return out


def shipped_resources() -> list[str]:
    """Every file under resources/ (relative POSIX paths)."""
    return sorted(p.relative_to(RESOURCES).as_posix() for p in RESOURCES.rglob("*") if p.is_file())


@pytest.mark.slow
def test_wheel_carries_every_resource(dist: Path) -> None:
    wheel = next(dist.glob("xxgk_desk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("rules", "samples", "normalize", "icons"):
        assert any(n.startswith(f"xxgk_desk/resources/{kind}/") for n in names), kind
    assert {f"xxgk_desk/resources/rules/{p.name}" for p in (RESOURCES / "rules").glob("*.yaml")} <= names
    missing = [r for r in shipped_resources() if f"xxgk_desk/resources/{r}" not in names]
    assert not missing, f"resources missing from the wheel: {missing}"
    assert "xxgk_desk/cli.py" in names and not any(n.startswith(("tests/", "dist/", "build/")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "xxgk-desk = xxgk_desk.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    licences = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert licences and "MIT License" in zipfile.ZipFile(wheel).read(licences[0]).decode()
    assert "xxgk_desk/resources/licenses/THIRD-PARTY-NOTICES.txt" in names


@pytest.mark.slow
def test_sdist_carries_resources_and_packaging(dist: Path) -> None:
    sdists = list(dist.glob("xxgk_desk-*.tar.gz"))
    if not sdists:
        pytest.skip("python -m build is not installed: no sdist (pip wheel builds the wheel only)")
    with tarfile.open(sdists[0]) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    missing = [r for r in shipped_resources() if f"resources/{r}" not in names]
    assert not missing, f"resources missing from the sdist: {missing}"
    for f in (
        "pyproject.toml",
        "README.md",
        "xxgk_desk/cli.py",
        "packaging/xxgk-desk.spec",
        "tools/make_icon.py",
        "LICENSE",
        "resources/licenses/THIRD-PARTY-NOTICES.txt",
    ):
        assert f in names, f
    # The README's images and links into docs/ resolve inside the sdist (a package index renders it).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/[^)#\s]+)", readme))
    assert linked and not [d for d in linked if d not in names], linked - names


@pytest.mark.slow
def test_wheel_installs_and_works_in_a_clean_environment(dist: Path, tmp_path: Path) -> None:
    wheel = next(dist.glob("xxgk_desk-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    house = wheelhouse()
    r = pip(python, "install", "-q", str(wheel), offline_from=house)
    if r.returncode != 0:  # first run, or the dependencies changed: fill the wheelhouse, try again
        fill(house, str(wheel))
        r = pip(python, "install", "-q", str(wheel), offline_from=house)
    assert r.returncode == 0, r.stderr[-3000:]

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QT_QPA_PLATFORM="offscreen", XXGK_DESK_DB=str(tmp_path / "reviews.sqlite3"), HOME=str(tmp_path)
    )
    where = subprocess.run(
        [str(python), "-c", "from xxgk_desk.core.resources import resources_dir; print(resources_dir())"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    installed = Path(where.stdout.strip())
    assert where.returncode == 0 and installed.is_relative_to(venv), where.stdout + where.stderr
    sample = installed / "samples" / "sample-report.pdf"
    assert sample.exists()

    exe = bindir / ("xxgk-desk.exe" if os.name == "nt" else "xxgk-desk")
    r = subprocess.run([str(exe), "check", "--json", str(sample)], capture_output=True, text=True,
                       encoding="utf-8", env=env, cwd=tmp_path, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr[-3000:]
    got = json.loads(r.stdout.splitlines()[0])

    from xxgk_desk.core.pipeline import check, to_json

    want = json.loads(
        json.dumps(
            to_json(check(RESOURCES / "samples" / "sample-report.pdf", ocr="auto")), ensure_ascii=False
        )
    )
    got.pop("file"), want.pop("file")
    assert got["error"] is None and got["pages"] == 10 and got["findings"]
    assert got == want, "the installed package checks the sample differently from the checkout"

    r = subprocess.run([str(exe), "memo", str(sample), "-o", str(tmp_path / "memo.docx")], capture_output=True,
                       text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr[-3000:]
    assert zipfile.is_zipfile(tmp_path / "memo.docx")


# -- desktop integration files and icons -------------------------------------------------------------


def test_metainfo_is_valid_appstream() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    app_id = root.findtext("id")
    assert app_id == METAINFO.name.removesuffix(".metainfo.xml")
    for tag in ("name", "summary", "metadata_license", "project_license", "description", "developer", "url"):
        assert root.find(tag) is not None, tag
    assert root.findtext("metadata_license") in ("CC0-1.0", "FSFAP", "MIT")
    assert (
        root.find("launchable").text == DESKTOP.name and root.find("launchable").get("type") == "desktop-id"
    )
    assert root.find("content_rating") is not None
    releases = root.findall("releases/release")
    import xxgk_desk

    assert releases and releases[0].get("version") == xxgk_desk.__version__
    assert {b.text for b in root.findall("provides/binary")} == {"xxgk-desk", "xxgk-desk-gui"}
    if shutil.which("appstreamcli"):
        r = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
        )
        assert r.returncode == 0, r.stdout + r.stderr


def test_desktop_entry_is_valid() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Terminal"] == "false"
    assert d["Exec"].split()[0] == "xxgk-desk-gui" and "%F" in d["Exec"]
    assert d["Icon"] == "xxgk-desk" and (ICONS / "xxgk-desk.svg").exists()
    for key in ("Categories", "MimeType", "Keywords"):
        assert d[key].endswith(";"), key
    assert "application/pdf" in d["MimeType"]
    assert d["Name[zh_CN]"] and d["Comment[zh_CN]"]
    if shutil.which("desktop-file-validate"):
        r = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_icons() -> None:
    png = (ICONS / "xxgk-desk.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ICONS / "xxgk-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, _h, _c, _r, _planes, _bits, size, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(ico)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes
    svg = ElementTree.parse(ICONS / "xxgk-desk.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"


def test_make_icon_reproduces_the_svg(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_icon.py"), "--out", str(tmp_path)],
                       capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "xxgk-desk.svg").read_bytes() == (ICONS / "xxgk-desk.svg").read_bytes()
    assert (tmp_path / "xxgk-desk.png").stat().st_size > 2000


# -- the PyInstaller app ---------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("XXGK_SKIP_BUNDLE") == "1", reason="XXGK_SKIP_BUNDLE=1")
def test_pyinstaller_app_builds_and_starts(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install pyinstaller)")
    distpath, workpath = tmp_path / "dist", tmp_path / "build"
    r = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(distpath),
         "--workpath", str(workpath), str(PACKAGING / "xxgk-desk.spec")],
        capture_output=True, text=True, cwd=ROOT, timeout=1800,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr[-3000:]
    app = distpath / "xxgk-desk"
    exe = app / ("xxgk-desk.exe" if os.name == "nt" else "xxgk-desk")
    internal = app / "_internal"
    for part in (
        "resources/rules/parts.yaml",
        "resources/samples/sample-report.pdf",
        "docx/templates/default-footer.xml",
    ):
        assert (internal / part).exists(), part
    assert not any(internal.rglob("*WebEngine*")) and not any(internal.rglob("libQt6Quick.so*"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QT_QPA_PLATFORM="offscreen", XXGK_DESK_DB=str(tmp_path / "reviews.sqlite3"), HOME=str(tmp_path)
    )
    sample = RESOURCES / "samples" / "sample-report.pdf"

    r = subprocess.run([str(exe), "check", "--json", str(sample)], capture_output=True, text=True, encoding="utf-8",
                       env=env, cwd=tmp_path, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout.splitlines()[0])
    assert got["error"] is None and got["pages"] == 10 and got["score"]["total"] > 0

    r = subprocess.run([str(exe), "memo", str(sample), "-o", str(tmp_path / "memo.docx")], capture_output=True,
                       text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=300)  # fmt: skip
    assert r.returncode == 0 and zipfile.is_zipfile(tmp_path / "memo.docx"), r.stderr[-2000:]

    shot = tmp_path / "bundle.png"
    r = subprocess.run([str(exe), "gui", str(sample), "--screenshot", str(shot), "--db", str(tmp_path / "gui.db")],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)  # fmt: skip
    assert r.returncode == 0 and shot.stat().st_size > 50_000, r.stderr[-2000:]
    size = sum(f.stat().st_size for f in app.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"\nPyInstaller app: {size / 2**20:.0f} MB in {app}")
