"""Hostile and broken files: each ends in a correct read or a clear message, within bounds.

Every case of ``corpus.CASES`` runs through ``pipeline.check`` in a forked child with a
2 GiB address-space cap and a wall-clock bound (``sandbox.py``). Beyond the outcome the
case allows, every case must: finish in time, exit normally, give a one-line Chinese
message without traceback text when it fails, keep secret content out of the result, open
no other file of the corpus folder (inotify) and no file outside the project, Python and
the file itself (audit hook), and attempt no network connection.

``pytest -s tests/hostile`` prints the table of case → outcome → time → peak memory.
Cases that hit a known bug in a file this suite may not change are strict expected
failures (``Case.bug``): when the bug is fixed they XPASS and the marker must go.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.corpus import CASES, Case, prepare, secret_markers
from tests.hostile.sandbox import Client
from xxgk_desk.core.loaders.doc import find_soffice

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork, rlimits and inotify: Linux only")

MEMORY_CAP = 2 << 30
CJK = re.compile(r"[\u4e00-\u9fff]")
ROWS: list[tuple[str, str, float, float, str]] = []


class Sandbox:
    """The corpus folder and the sandbox server that watches it."""

    def __init__(self, base: Path) -> None:
        self.folder = base / "corpus"
        self.out = base / "out"
        prepare(self.folder)
        self.client = Client(base / "sandbox-stderr.txt")

    def run(self, case: Case, path: Path) -> dict[str, Any]:
        return self.client.run(
            {
                "path": str(path),
                "out": str(self.out / case.name),
                "watch": str(self.folder),
                "timeout": case.timeout,
                "mem": MEMORY_CAP,
                "ocr": case.ocr,
                "vanish": case.vanish,
                "contains": list(case.contains),
                "markers": secret_markers(),
                "also_allowed": list(case.also_allowed),
            }
        )

    def close(self) -> None:
        self.client.close()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory):
    for stale in Path("/tmp").glob("xxgk-pwned*"):
        stale.unlink()
    box = Sandbox(tmp_path_factory.mktemp("hostile"))
    yield box
    box.close()
    _print_table()


def _print_table() -> None:
    if not ROWS:
        return
    width = max(len(r[0]) for r in ROWS)
    print(f"\n\nhostile corpus: {len(ROWS)} cases, {sum(r[2] for r in ROWS):.1f} s in children")
    print(f"{'case':<{width}}  {'outcome':<22} {'time s':>7} {'peak MB':>8}  detail")
    for name, outcome, wall, rss, detail in ROWS:
        print(f"{name:<{width}}  {outcome:<22} {wall:>7.2f} {rss:>8.0f}  {detail}")


def judge(case: Case, reply: dict[str, Any]) -> list[str]:
    """Everything wrong with one reply (empty when the case passes)."""
    problems = []
    outcome = reply["outcome"]
    if not case.accepts(outcome):
        problems.append(f"outcome {outcome}, expected one of {case.expect}")
    if outcome == "ok":
        if reply.get("missing"):
            problems.append(f"text lacks {reply['missing']}")
        if case.pages is not None and reply.get("pages") != case.pages:
            problems.append(f"{reply.get('pages')} pages, expected {case.pages}")
    if outcome.startswith("error:"):
        msg = reply.get("error") or ""
        if "\n" in msg or not CJK.search(msg) or len(msg) > 300:
            problems.append(f"message is not one short Chinese line: {msg!r}")
        if "Traceback" in msg or 'File "' in msg:
            problems.append(f"message carries traceback text: {msg!r}")
    if "Traceback" in reply.get("stderr", ""):
        problems.append("traceback on stderr:\n" + reply["stderr"][-1500:])
    for key, what in (
        ("forbidden", "secret content in the result"),
        ("touched", "other files of the corpus folder opened (inotify)"),
        ("opens", "files opened outside the project, Python and the file itself"),
        ("net", "network access attempted"),
    ):
        if reply.get(key):
            problems.append(f"{what}: {reply[key]}")
    if any(Path("/tmp").glob("xxgk-pwned*")):
        problems.append("a ZIP member was written outside (path traversal)")
    return problems


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input(case: Case, sandbox: Sandbox, request: pytest.FixtureRequest) -> None:
    if case.needs == "soffice" and find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    if case.bug:
        request.applymarker(pytest.mark.xfail(reason=case.bug, strict=True))
    path = case.make(sandbox.folder)
    reply = sandbox.run(case, path)
    outcome = reply["outcome"]
    if outcome == "ok":
        detail = f"{reply.get('pages')} p, {reply.get('chars')} chars"
        if reply.get("warnings"):
            detail += f"; {reply['warnings'][0][:40]}"
    elif outcome.startswith("error:"):
        detail = (reply.get("error") or "")[:60]
    else:
        detail = (reply.get("stderr") or "").strip().splitlines()[-1:][0][:80] if reply.get("stderr") else ""
    if case.bug:
        detail = f"[known bug] {detail}"
    ROWS.append((case.name, outcome, reply["wall"], reply["maxrss_mb"], detail))
    problems = judge(case, reply)
    if problems:
        pytest.fail(f"{case.name}: " + "; ".join(problems), pytrace=False)
