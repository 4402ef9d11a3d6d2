"""Signals calling Python slots must not run the interpreter into a crash (PySide6 6.12 on Python < 3.12)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import time
import xxgk_desk.gui  # applies the workaround
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
app = QCoreApplication([])
t = QTimer(); t.setInterval(0); t.timeout.connect(lambda: None); t.start()
end = time.time() + 1.5
n = 0
while time.time() < end:
    app.processEvents(); n += 1
class Emitter(QObject):
    fired = Signal(int)
e = Emitter()
e.fired.connect(lambda i: None)
for i in range(20000):  # each Python-side emit() dropped a reference to True
    e.fired.emit(i)
import gc; gc.collect()
print("alive", n)
"""


def test_many_signals_to_python_do_not_abort_the_interpreter():
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.startswith("alive")
