"""Compare ``xxgk-desk check --json`` on the bundled sample across the project's venvs (one per Python).

Usage: ``python tools/compare_pythons.py [VENV ...]`` (default: ``.venv`` and every ``.venv-3.*``
that has the project installed). Prints one line per venv and exits 1 when any output differs.
tests/test_pythons.py runs the same comparison.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "resources/samples/sample-report.pdf"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def project_venvs() -> list[Path]:
    """The venvs next to pyproject.toml whose Python can import xxgk_desk."""
    found = []
    for venv in [ROOT / ".venv", *sorted(ROOT.glob(".venv-3.*"))]:
        py = venv_python(venv)
        if py.exists() and subprocess.run([py, "-c", "import xxgk_desk.cli"], cwd=ROOT).returncode == 0:
            found.append(venv)
    return found


def check_json(venv: Path) -> tuple[str, bytes]:
    """(Python version, the check's JSON output) for one venv."""
    py = venv_python(venv)
    version = subprocess.run(
        [py, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True
    )
    env = {**os.environ, "PYTHONHASHSEED": "random", "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [py, "-m", "xxgk_desk.cli", "check", "--json", SAMPLE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    if r.returncode not in (0, 1):  # 1: the check found problems
        raise RuntimeError(f"{venv.name}: exit {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}")
    return version.stdout.strip(), r.stdout


def main(argv: list[str]) -> int:
    venvs = [Path(a) for a in argv] or project_venvs()
    outputs = {v: check_json(v) for v in venvs}
    digests = {v: hashlib.sha256(out).hexdigest()[:16] for v, (_, out) in outputs.items()}
    for v, (version, out) in outputs.items():
        print(f"{v.name:12} Python {version:8} {len(out):7} bytes  sha256 {digests[v]}")
    same = len(set(digests.values())) <= 1
    print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
