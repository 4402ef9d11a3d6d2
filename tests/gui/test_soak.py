"""The window survives a reviewer's day: 1,000 random actions inside the real event loop.

The soak runs in a child process (``bench/soak_window.py``): a crash there kills only the child,
and its faulthandler trace is printed here. Deferred deletions and pool-thread retirement happen
as in the app, because the event loop is real (a loop of ``processEvents()`` would hide them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_survives_a_thousand_random_actions(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak_window.py"), "--actions", "1000", "--max-ms", "80"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = "\n".join(line for line in proc.stderr.splitlines() if "propagateSizeHints" not in line)
    assert proc.returncode == 0, f"the window died (exit {proc.returncode}):\n{report[-6000:]}"
    assert "survived 1000 actions" in proc.stdout, proc.stdout + report[-3000:]
    assert "0 unexpected dialogs" in proc.stdout, report[-3000:]
