"""The tool never opens a network connection: check, memo export and batch with the network blocked.

Each command runs as ``python -m xxgk_desk …`` in a subprocess, with three layers:

1. a ``sitecustomize.py`` on PYTHONPATH (so it also loads in every Python process the tool
   starts, e.g. batch workers) adds an audit hook that records every socket event —
   creation, connect, name lookup, send — whoever raises it, and replaces
   ``socket.connect``/``connect_ex``/``create_connection``/``getaddrinfo``/``gethostbyname``
   by functions that record the call and fail;
2. where ``unshare -rn`` works, the processes run in a network namespace of their own with
   no usable interface, so even a connect from C code (an extension, LibreOffice) fails;
3. where ``strace`` works, every ``connect``/``sendto``/``sendmsg`` system call of the whole
   process tree is logged, and any AF_INET/AF_INET6 one fails the test (local AF_UNIX and
   netlink sockets are not network connections).

The commands must succeed and nothing may have been attempted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

SITECUSTOMIZE = r'''
"""Test guard (tests/test_offline.py): record and refuse every network use."""
import json, os, socket, sys

_log = os.environ["XXGK_NET_LOG"]
_seen = []


def _note(what):
    _seen.append(what)
    with open(_log, "a", encoding="utf-8") as f:
        f.write(json.dumps({"pid": os.getpid(), "argv": sys.argv[:3], "what": what}) + "\n")


def _hook(event, args):
    if event.startswith("socket."):
        _note(f"{event} {args[1:]!r}"[:300])


def _refuse(*args, **kwargs):
    _note("refused call")
    raise OSError("network access is disabled in this test")


sys.addaudithook(_hook)
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
'''


def _works(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("offline")
    (base / "site").mkdir()
    (base / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    home = base / "home"
    home.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(base / "site"), str(ROOT)]),
        "XXGK_NET_LOG": str(base / "net.log"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XXGK_DESK_DB": str(base / "reviews.sqlite3"),
        "QT_QPA_PLATFORM": "offscreen",
        # proxies would only matter to code that connects; make sure none is configured
        "http_proxy": "",
        "https_proxy": "",
        "HTTP_PROXY": "",
        "HTTPS_PROXY": "",
    }
    prefix: list[str] = []
    layers = ["python guard"]
    strace_log = base / "strace.log"
    if (
        sys.platform == "linux"
        and shutil.which("strace")
        and _works(["strace", "-f", "-qq", "-o", os.devnull, "true"])
    ):
        prefix += [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=connect,sendto,sendmsg",
            "-e",
            "signal=none",
            "-o",
            str(strace_log),
        ]
        layers.append("strace")
    if sys.platform == "linux" and shutil.which("unshare") and _works(["unshare", "-rn", "true"]):
        prefix += ["unshare", "-rn"]
        layers.append("network namespace")
    print(f"\nnetwork guards: {', '.join(layers)}")
    return {"base": base, "env": env, "prefix": prefix, "strace": strace_log, "layers": layers}


def run(sandbox: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    cmd = [*sandbox["prefix"], sys.executable, "-m", "xxgk_desk", *args]
    return subprocess.run(
        cmd,
        cwd=sandbox["base"],
        env=sandbox["env"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def attempts(sandbox: dict) -> list[str]:
    """What the guards saw: Python-level socket events and inet system calls (strace)."""
    seen = []
    log = Path(sandbox["env"]["XXGK_NET_LOG"])
    if log.exists():
        seen += [json.loads(line)["what"] for line in log.read_text(encoding="utf-8").splitlines() if line]
    if sandbox["strace"].exists():
        seen += [ln for ln in sandbox["strace"].read_text().splitlines() if re.search(r"AF_INET6?\b", ln)]
    return seen


def test_guard_catches_a_connection(sandbox):
    """The guard works: a script that connects is caught (and fails)."""
    cmd = [*sandbox["prefix"], sys.executable, "-c",
           "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=2)\nexcept OSError:\n    pass\n"
           "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.invalid/', timeout=2)\nexcept Exception:\n    pass\n"
           "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ntry:\n    u.sendto(b'x', ('192.0.2.1', 9))\nexcept OSError:\n    pass"]  # fmt: skip
    subprocess.run(cmd, cwd=sandbox["base"], env=sandbox["env"], capture_output=True, timeout=60)
    log = Path(sandbox["env"]["XXGK_NET_LOG"])
    seen = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "refused call" in seen, "the replaced socket functions saw nothing"
    assert "socket.sendto" in seen and "socket.__new__" in seen, "the audit hook saw nothing"
    if "strace" in sandbox["layers"]:
        assert "AF_INET" in sandbox["strace"].read_text(), "strace saw nothing"
    log.unlink()
    sandbox["strace"].unlink(missing_ok=True)


def test_check_memo_and_batch_never_touch_the_network(sandbox):
    base = sandbox["base"]
    results = {}
    results["check --json"] = r = run(sandbox, "check", "--json", str(SAMPLES / "sample-report.pdf"))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout.splitlines()[0])
    assert data["error"] is None and data["pages"] == 10 and data["findings"]

    results["check"] = r = run(sandbox, "check", str(SAMPLES / "sample-report.docx"))
    assert r.returncode == 0 and "楚澜理工学院" in r.stdout, r.stderr

    results["memo docx"] = r = run(
        sandbox, "memo", str(SAMPLES / "sample-report.pdf"), "-o", str(base / "memo.docx")
    )
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(base / "memo.docx") as z:
        assert "审核意见" in z.read("word/document.xml").decode("utf-8")

    folder = base / "batch-in"
    folder.mkdir()
    for name in ("sample-report.pdf", "sample-report.docx"):
        shutil.copy(SAMPLES / name, folder / name)
    results["batch -j 2"] = r = run(
        sandbox, "batch", str(folder), "-j", "2", "-o", str(base / "summary.xlsx")
    )
    assert r.returncode == 0 and (base / "summary.xlsx").exists(), r.stderr

    from xxgk_desk.core.loaders.doc import find_soffice

    if find_soffice():  # LibreOffice renders the memo: its own process is watched too (strace, namespace)
        results["memo pdf"] = r = run(
            sandbox, "memo", str(SAMPLES / "sample-report.docx"), "-o", str(base / "memo.pdf")
        )
        assert r.returncode == 0 and (base / "memo.pdf").read_bytes().startswith(b"%PDF"), r.stderr

    seen = attempts(sandbox)
    print(f"ran {', '.join(results)} under {', '.join(sandbox['layers'])}: {len(seen)} network attempts")
    assert not seen, "network use:\n" + "\n".join(seen[:20])
