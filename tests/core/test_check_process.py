"""The warm child process that reads and checks files for the window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from xxgk_desk.core.check_process import CheckProcess
from xxgk_desk.core.errors import Cancelled, ReadError
from xxgk_desk.core.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PDF = ROOT / "resources" / "samples" / "sample-report.pdf"
SAMPLE_DOCX = ROOT / "resources" / "samples" / "sample-report.docx"


@pytest.fixture(scope="module")
def checker():
    cp = CheckProcess()
    cp.start()
    yield cp
    cp.close()


def test_child_gives_the_same_analysis_as_this_process(checker):
    progress: list[tuple[int, int, str]] = []
    got = checker.check(SAMPLE_PDF, progress=lambda d, t, s="": progress.append((d, t, s)))
    here = check(SAMPLE_PDF)
    assert got.error is None
    assert got.document.text == here.document.text
    assert got.document.text_sha256 == here.document.text_sha256
    assert [s.title for s in got.sections] == [s.title for s in here.sections]
    assert [f.key for f in got.review.findings] == [f.key for f in here.review.findings]
    assert progress, "the child reported no progress"
    done, total, _ = progress[-1]
    assert done == total == got.document.page_count  # reports are thinned out, never the last page
    # and a second file through the same child
    assert checker.check(SAMPLE_DOCX).document.text == check(SAMPLE_DOCX).document.text


def test_the_text_goes_ahead_of_the_checks_and_crosses_once(checker, tmp_path):
    """on_read gets the document and outline before the checks end; the result carries that
    same document object (the child does not send the text twice)."""
    early: list = []
    got = checker.check(SAMPLE_PDF, on_read=early.append)
    assert len(early) == 1 and early[0].review is None
    assert early[0].document.text == check(SAMPLE_PDF).document.text
    assert [s.title for s in early[0].sections] == [s.title for s in got.sections]
    assert got.document is early[0].document and got.review is not None
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n this is not a PDF")
    early.clear()
    assert checker.check(bad, on_read=early.append).error and early == []  # nothing was read


def test_on_read_in_this_process_comes_before_the_review():
    seen: list = []
    result = check(SAMPLE_PDF, on_read=lambda a: seen.append((a.document, a.review, a.sections)))
    assert len(seen) == 1
    document, review, sections = seen[0]
    assert document is result.document and review is None and sections == result.sections
    assert result.review is not None


def test_bad_file_comes_back_as_an_error_not_an_exception(checker, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n this is not a PDF")
    result = checker.check(bad)
    assert result.document is None and result.error


def test_cancel_ends_the_child_and_the_next_file_still_reads(checker):
    def stop_at_first_report(done, total, text=""):
        raise Cancelled()

    with pytest.raises(Cancelled):
        checker.check(SAMPLE_PDF, progress=stop_at_first_report)
    asked = []
    with pytest.raises(Cancelled):
        checker.check(SAMPLE_PDF, cancelled=lambda: asked.append(1) or len(asked) > 1)
    assert checker.check(SAMPLE_DOCX).error is None


def test_a_crashed_child_is_a_read_error_and_is_replaced(checker, tmp_path):
    long_report = tmp_path / "long.txt"  # long enough that the child is still busy at its first report
    long_report.write_text(check(SAMPLE_DOCX).document.text * 40, encoding="utf-8")

    def crash_at_first_report(done, total, text=""):
        if checker._process.is_alive():
            checker._process.kill()  # what a segfault in a PDF library looks like from here
            checker._process.join(5)

    with pytest.raises(ReadError) as info:
        checker.check(long_report, progress=crash_at_first_report)
    assert info.value.code == "crashed" and "进程" in info.value.message
    assert checker.check(SAMPLE_DOCX).error is None


def _running(pid: int) -> bool:
    """True while ``pid`` exists and has not exited (a zombie waiting to be reaped has exited)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_the_child_ends_when_its_parent_is_killed(tmp_path):
    """A window killed outright (or crashed) must not leave its reader process behind."""
    code = (
        "import time\n"
        "from xxgk_desk.core.check_process import CheckProcess\n"
        "if __name__ == '__main__':\n"
        "    cp = CheckProcess(); cp.start()\n"
        "    print(cp._process.pid, flush=True)\n"
        "    time.sleep(60)\n"
    )
    script = tmp_path / "parent.py"
    script.write_text(code, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.time() + 20
    while _running(child) and time.time() < deadline:
        time.sleep(0.2)
    if _running(child):
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the child outlived its killed parent by 20 s")


def test_the_child_does_not_run_the_parents_main_script_again(tmp_path):
    """A spawned child would import the main script again (the window's imports Qt and the whole
    window: half a second of start-up the child never uses); it must start without it."""
    marker = tmp_path / "imported.txt"
    code = (
        "import os\n"
        f"with open({str(marker)!r}, 'a', encoding='utf-8') as f:\n"
        "    f.write(f'{os.getpid()}\\n')\n"
        "from xxgk_desk.core.check_process import CheckProcess\n"
        "if __name__ == '__main__':\n"
        "    import sys\n"
        "    cp = CheckProcess(); cp.start()\n"
        f"    result = cp.check({str(SAMPLE_PDF)!r})\n"
        "    cp.close()\n"
        "    assert sys.modules['__main__'].__spec__ is None  # put back after the start\n"
        "    print(result.document.page_count, flush=True)\n"
    )
    script = tmp_path / "parent.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=str(ROOT), env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) > 0  # the child read the file
    assert len(marker.read_text(encoding="utf-8").split()) == 1, "the child imported the main script"


def _serve_one(monkeypatch, fake_check) -> list:
    """The child's loop run here on one request with ``fake_check`` for check: its replies."""
    import queue as queue_module

    from xxgk_desk.core import check_process as cp

    requests, replies = queue_module.Queue(), queue_module.Queue()
    monkeypatch.setattr(cp, "check", fake_check)
    monkeypatch.setattr(cp, "preload", lambda: None)
    monkeypatch.setattr(cp, "load_rules", lambda *a: None)
    monkeypatch.setattr(cp.os, "nice", lambda n: 0, raising=False)
    requests.put((1, "x.pdf", "never"))
    requests.put(None)
    cp._serve(requests, replies, None, None)
    return [replies.get() for _ in range(replies.qsize())]


def test_progress_is_thinned_out_but_keeps_messages_and_the_end(monkeypatch):
    """The child forwards at most one page report every PROGRESS_EVERY seconds (300 pages
    reported in a second kept the queue's thread and the window's progress bar busy), but
    every report with a message (an OCR page) and the last one always."""

    def fake_check(path, rules=None, ocr="never", progress=None, on_read=None):
        for k in range(1, 301):
            progress(k, 300, "已识别第 7 页（OCR）" if k == 7 else "")
        return "result"

    got = _serve_one(monkeypatch, fake_check)
    pages = [payload for kind, _, payload in got if kind == "progress"]
    assert got[-1] == ("done", 1, "result")
    assert len(pages) < 30  # a loop this fast: a handful of reports, not 300
    assert (7, 300, "已识别第 7 页（OCR）") in pages
    assert pages[-1] == (300, 300, "")


class _Doc:
    """A stand-in document (module level: it must pickle)."""

    def __init__(self) -> None:
        self.text = "楚澜理工学院"


def test_the_text_sent_ahead_is_pickled_before_the_checks_go_on(monkeypatch):
    """The queue's feeder thread pickles later; the checks that run right after on_read fill the
    document's caches, and a dict changing size under the pickler lost the message (the soak on
    3.12 saw 'dictionary changed size during iteration'). The text goes as bytes, taken at once."""
    import pickle

    from xxgk_desk.core.pipeline import Analysis

    def fake_check(path, rules=None, ocr="never", progress=None, on_read=None):
        doc = _Doc()
        result = Analysis(path=path, document=doc)  # type: ignore[arg-type]
        on_read(Analysis(path=path, document=doc))  # type: ignore[arg-type]
        doc.__dict__.update({f"cache{k}": k for k in range(100)})  # what the checks do next
        return result

    got = _serve_one(monkeypatch, fake_check)
    kinds = [kind for kind, _, _ in got]
    assert kinds[-2:] == ["read", "done"], got
    payload = got[-2][2]
    assert isinstance(payload, bytes)
    early = pickle.loads(payload)
    assert early.document.text == "楚澜理工学院" and not hasattr(early.document, "cache0")
    assert got[-1][2].document is None  # the result goes without the text that went ahead


def test_preload_reads_the_engines_tables_before_the_first_file():
    """The child calls preload() while nobody waits: the institution list and the
    traditional→simplified tables must be read then, not during the first file's check."""
    from xxgk_desk.core.engine.institutions import registry
    from xxgk_desk.core.hanzi import _table
    from xxgk_desk.core.pipeline import preload

    registry.cache_clear()
    _table.cache_clear()
    preload()
    assert registry.cache_info().currsize == 1
    assert _table.cache_info().currsize == 1
    assert len(registry().by_name) > 1000  # the real list, not an empty fallback
