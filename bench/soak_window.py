"""Soak the review window: thousands of random reviewer actions inside the real event loop.

Runs ``app.exec()`` and drives the window from timers, as a reviewer would: clicks on rows of
every list (outline, parts, findings, fields, notes, 清单), F8/F9 and their Shift variants,
accepting findings, undo/redo, F6, Page Down/Up, the wheel, drag selections, resizing, find,
and switching between files (sometimes while one is still loading). ``gc.collect()`` runs after
each action, and deferred deletions run because the loop is real. A crash ends the process with
faulthandler's trace on stderr; a survived run prints ``survived N actions`` and exits 0.

The test suite runs it with ``--actions 1000`` in a child process; as a benchmark it runs 10,000:

    python bench/soak_window.py [--actions 10000] [--seed 7] [FILE ...]
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "samples" / "docs"


def default_files() -> list[str]:
    files = [
        ROOT / "resources" / "samples" / "sample-report.pdf",
        ROOT / "resources" / "samples" / "sample-report.docx",
    ]
    for name in ("seed-004-styled.pdf", "seed-001-bold.docx", "seed-003-styled.docx", "combined-34p.pdf"):
        if (SHARED / name).exists():
            files.append(SHARED / name)
    return [str(f) for f in files if f.exists()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--actions", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-ms", type=int, default=5, help="shortest pause between actions")
    ap.add_argument("--max-ms", type=int, default=160, help="longest pause between actions")
    args = ap.parse_args(argv)
    files = args.files or default_files()
    if not files:
        print("no files to open", file=sys.stderr)
        return 2
    faulthandler.enable()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="xxgk-soak-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(home, "config")  # settings of this run only
    os.environ["XDG_DATA_HOME"] = os.path.join(home, "data")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QPoint, QPointF, Qt, QThreadPool, QTimer
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from xxgk_desk.gui.app import create_app

    app = create_app()
    from xxgk_desk.gui.main_window import MainWindow

    window = MainWindow(db_path=os.path.join(home, "soak.sqlite3"))
    # Pool threads retire after half a second idle (Qt's default is 30 s): whatever dies with a
    # thread (its font cache, its timers, objects it still owns) dies during the soak, not after
    # half a minute of reading.
    for pool in (QThreadPool.globalInstance(), window.runner.pool):
        pool.setExpiryTimeout(500)
    if window.store is not None:
        window.store.set_reviewer_name("Soak")
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    rnd = random.Random(args.seed)
    done = {"n": 0, "modals": 0, "opened": 0}
    started = time.monotonic()
    NONE = Qt.KeyboardModifier.NoModifier
    SHIFT = Qt.KeyboardModifier.ShiftModifier
    CTRL = Qt.KeyboardModifier.ControlModifier

    def click_row(view, model=None) -> None:
        model = model or view.model()
        if model is None or model.rowCount() == 0:
            return
        ix = model.index(rnd.randrange(model.rowCount()), 0)
        view.scrollTo(ix)
        rect = view.visualRect(ix)
        if rect.isValid():
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, rect.center())

    def click_outline() -> None:
        tree = window.outline.tree
        tree.expandAll()
        model = tree.model()
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        items = []
        while stack:
            ix = stack.pop()
            items.append(ix)
            stack.extend(model.index(r, 0, ix) for r in range(model.rowCount(ix)))
        if items:
            ix = rnd.choice(items)
            tree.scrollTo(ix)
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, NONE, tree.visualRect(ix).center())

    def key(k, mod=NONE):
        def press() -> None:
            QTest.keyClick(window.text_view if rnd.random() < 0.5 else window, k, mod)

        return press

    def tab_then(panel, fn):
        def go() -> None:
            window.tabs.setCurrentWidget(panel)
            fn()

        return go

    def wheel() -> None:
        vp = window.text_view.viewport()
        centre = QPointF(vp.width() / 2, vp.height() / 2)
        delta = rnd.choice((-360, -120, 120, 360))
        event = QWheelEvent(
            centre, vp.mapToGlobal(centre), QPoint(0, 0), QPoint(0, delta),
            Qt.MouseButton.NoButton, NONE, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(vp, event)

    def drag_select() -> None:
        vp = window.text_view.viewport()
        a = QPoint(rnd.randrange(20, max(21, vp.width() - 20)), rnd.randrange(20, max(21, vp.height() - 20)))
        b = QPoint(rnd.randrange(20, max(21, vp.width() - 20)), rnd.randrange(20, max(21, vp.height() - 20)))
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, NONE, a)
        QTest.mouseMove(vp, b)
        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, NONE, b)

    def resize() -> None:
        window.resize(rnd.randrange(900, 1700), rnd.randrange(600, 1000))

    def open_next() -> None:
        done["opened"] += 1
        window.open_file(files[done["opened"] % len(files)])

    def find() -> None:
        window.find_bar.open_bar()
        window.find_bar.edit.setText(rnd.choice(("公开", "信息", "学校", "的", "申请", "")))

    actions = [
        (6, click_outline),
        (3, lambda: click_row(window.outline.parts)),
        (8, tab_then(window.findings_panel, lambda: click_row(window.findings_panel.view))),
        (4, tab_then(window.fields_panel, lambda: click_row(window.fields_panel.view))),
        (4, tab_then(window.notes_panel, lambda: click_row(window.notes_panel.view))),
        (4, tab_then(window.checklist_panel, lambda: click_row(window.checklist_panel.view))),
        (4, key(Qt.Key.Key_F8)),
        (2, key(Qt.Key.Key_F8, SHIFT)),
        (3, key(Qt.Key.Key_F9)),
        (2, key(Qt.Key.Key_F9, SHIFT)),
        (2, key(Qt.Key.Key_A, CTRL | SHIFT)),  # accept the current finding (becomes a note)
        (2, key(Qt.Key.Key_R, CTRL | SHIFT)),  # resolve the current note
        (3, key(Qt.Key.Key_Z, CTRL)),
        (2, key(Qt.Key.Key_Z, CTRL | SHIFT)),
        (2, key(Qt.Key.Key_F6)),
        (4, key(Qt.Key.Key_PageDown)),
        (2, key(Qt.Key.Key_PageUp)),
        (1, key(Qt.Key.Key_End, CTRL)),
        (1, key(Qt.Key.Key_Home, CTRL)),
        (2, key(Qt.Key.Key_Right, SHIFT)),
        (1, key(Qt.Key.Key_Down, SHIFT)),
        (4, wheel),
        (3, drag_select),
        (1, resize),
        (2, find),
        (2, open_next),
    ]
    weights = [w for w, _ in actions]
    fns = [f for _, f in actions]

    def close_modals() -> None:
        """A dialog the soak did not ask for (it only takes actions that open none) is counted and closed."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            done["modals"] += 1
            text = modal.text() if hasattr(modal, "text") else ""
            print(f"closed an unexpected dialog: {modal.windowTitle()}: {text}", file=sys.stderr, flush=True)
            modal.close()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()

    guard = QTimer()
    guard.setInterval(200)
    guard.timeout.connect(close_modals)
    guard.start()

    def step() -> None:
        if done["n"] >= args.actions:
            app.quit()
            return
        rnd.choices(fns, weights)[0]()
        gc.collect()
        done["n"] += 1
        if done["n"] % 1000 == 0:
            print(f"{done['n']} actions, {time.monotonic() - started:.0f} s", flush=True)
        QTimer.singleShot(rnd.randint(args.min_ms, args.max_ms), step)

    def first_ready() -> None:
        window.document_ready.disconnect(first_ready)
        QTimer.singleShot(50, step)

    window.document_ready.connect(first_ready)
    window.open_file(files[0])
    QTimer.singleShot(
        120_000, lambda: None if done["n"] else (print("never ready", file=sys.stderr), app.exit(3))
    )
    code = app.exec()
    window.close()
    print(
        f"survived {done['n']} actions over {len(files)} files in {time.monotonic() - started:.0f} s"
        f" ({done['opened']} switches, {done['modals']} unexpected dialogs)",
        flush=True,
    )
    return code or (1 if done["modals"] else 0)


if __name__ == "__main__":
    sys.exit(main())
