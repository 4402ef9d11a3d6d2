"""Reading and checking one file at a time in a child process that stays warm between files.

Why a process: every Python thread of the window shares one interpreter lock with the UI
thread, and reading a 300-page PDF keeps a worker thread busy for seconds; on a loaded (or
virtual) machine the UI thread then waits for the lock and the window stalls. In a child the
reading competes for nothing of the window's, a crash in a PDF library ends the child and not the
program, and cancelling simply ends the child (it only reads: nothing it holds can be corrupted).

The child is started ahead of time (``start``) so opening a file pays no start-up; after a
cancel or a crash the next ``check`` starts a fresh one. It does not import the parent's main
script again (see :func:`_main_left_alone`): the child of the window would otherwise load Qt
and the whole window only to read files, and take twice as long to be ready.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import pickle
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xxgk_desk.core.errors import Cancelled, ReadError
from xxgk_desk.core.pipeline import Analysis, check, preload
from xxgk_desk.core.rules import load_rules

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue

CRASHED = "读取此文件时检查进程意外退出（可能是文件损坏触发了 PDF 库的错误）。请用其他软件打开确认，或另存为新的 PDF 后重试。"
POLL = 0.05  # seconds between looks at the child while waiting
PARENT_CHECK = 1.0  # seconds between the idle child's looks at its parent
PROGRESS_EVERY = 0.05  # seconds between progress reports to the window (besides messages and the end)


@contextlib.contextmanager
def _main_left_alone() -> Iterator[None]:
    """While a child is started: the main module passes for one run as ``python -m`` runs it.

    A spawned child imports the parent's main script again (as ``__mp_main__``) unless the main
    module's ``__spec__`` is named ``__main__``, which multiprocessing then leaves alone. The
    child's work (``_serve``) lives here and needs nothing of the main script, which in the window
    (``xxgk-desk gui``, a bench, a test) imports Qt and the window: ~0.5 s of start-up for nothing.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    missing = object()
    saved = main.__dict__.get("__spec__", missing)
    main.__spec__ = ModuleSpec("__main__", None)
    try:
        yield
    finally:
        if saved is missing:
            del main.__spec__
        else:
            main.__spec__ = saved


class ChildUnavailable(Exception):
    """The child process could not be started (the caller can read in its own process instead)."""


def _serve(requests, replies, rules_dir: str | None, parts_file: str | None) -> None:
    """The child's loop: take (job, path, ocr), answer with progress messages, the read text
    (``read``: document and outline, as soon as they exist) and one result (without the document
    when the text went ahead: the parent puts the one it has back, so the text crosses once)."""
    if hasattr(os, "nice"):
        os.nice(5)  # background work: the window's process comes first when CPUs are scarce
    preload()
    rules = load_rules(Path(rules_dir) if rules_dir else None, Path(parts_file) if parts_file else None)
    replies.put(("ready", 0, None))
    parent = multiprocessing.parent_process()
    while True:
        try:
            request = requests.get(timeout=PARENT_CHECK)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return  # the window died without saying goodbye (killed, crashed): do not linger
            continue
        if request is None:
            return
        job, path, ocr = request

        last = [0.0]  # when progress last went to the window

        def progress(done: int, total: int, text: str = "", job: int = job, last: list = last) -> None:
            # At most every PROGRESS_EVERY seconds (a 300-page PDF reports 300 times in a second:
            # each report wakes the queue's thread here and a repaint there), but always a
            # message (an OCR page) and the last page.
            now = time.monotonic()
            if text or done >= total or now - last[0] >= PROGRESS_EVERY:
                last[0] = now
                replies.put(("progress", job, (done, total, text)))

        sent: list[Analysis] = []

        def on_read(early: Analysis, job: int = job, sent: list = sent) -> None:
            sent.append(early)
            # Pickled now, not by the queue's feeder thread later: the checks that run next fill
            # the document's caches, and a dict changing size while it is pickled loses the message.
            replies.put(("read", job, pickle.dumps(early, pickle.HIGHEST_PROTOCOL)))

        try:
            result = check(path, rules=rules, ocr=ocr, progress=progress, on_read=on_read)
        except BaseException as e:  # a bug: its trace goes back, the child goes on
            replies.put(("error", job, f"{type(e).__name__}: {e}\n{traceback.format_exc()}"))
        else:
            if sent and result.document is sent[0].document:
                result = dataclasses.replace(result, document=None)
            replies.put(("done", job, result))


class CheckProcess:
    """``check(path)`` as :func:`xxgk_desk.core.pipeline.check` does it, but in a warm child process.

    ``progress(done, total, text)`` is called in the calling thread as the child reports; if it
    raises (a cancel), the child is ended and the exception goes on. ``on_read(analysis)`` is
    called there too, with the text and outline, as soon as the child has read the file.
    ``cancelled()`` is asked while the child is busy between reports. Thread-safe: one file at a time.
    """

    def __init__(
        self, rules_dir: str | os.PathLike | None = None, parts_file: str | os.PathLike | None = None
    ):
        self._args = (str(rules_dir) if rules_dir else None, str(parts_file) if parts_file else None)
        self._ctx = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._requests: Queue[Any] | None = None
        self._replies: Queue[Any] | None = None
        self._job = 0

    def start(self) -> None:
        """Start the child now (it imports the readers and loads the rules while nobody waits).
        Raises :class:`ChildUnavailable` when no child process can be started."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> tuple[BaseProcess, Queue[Any], Queue[Any]]:
        """The running child and its request and reply queues (started when there is none)."""
        process, requests, replies = self._process, self._requests, self._replies
        if process is not None and requests is not None and replies is not None and process.is_alive():
            return process, requests, replies
        self._stop()
        try:
            requests, replies = self._ctx.Queue(), self._ctx.Queue()
            self._requests, self._replies = requests, replies
            process = self._ctx.Process(
                target=_serve,
                args=(requests, replies, *self._args),
                daemon=True,
                name="xxgk-check",
            )
            with _main_left_alone():
                process.start()
        except (OSError, RuntimeError, ValueError) as e:  # no fork/spawn here, or a bootstrapping main module
            self._stop()
            raise ChildUnavailable(str(e)) from e
        self._process = process
        return process, requests, replies

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.pid is not None:
            if process.is_alive():
                process.kill()
            process.join(5)
        for q in (self._requests, self._replies):
            if q is not None:
                q.cancel_join_thread()
                q.close()
        self._requests = self._replies = None

    def close(self) -> None:
        """End the child (it is a daemon: it also ends with this process)."""
        with self._lock:
            if self._process is not None and self._process.is_alive() and self._requests is not None:
                self._requests.put(None)
                self._process.join(1)
            self._stop()

    def check(
        self,
        path: str | os.PathLike,
        *,
        ocr: str = "never",
        progress: Callable[[int, int, str], Any] | None = None,
        cancelled: Callable[[], bool] | None = None,
        on_read: Callable[[Analysis], Any] | None = None,
    ) -> Analysis:
        with self._lock:
            process, requests, replies = self._ensure()
            self._job += 1
            job = self._job
            requests.put((job, str(path), ocr))
            try:
                return self._wait(job, process, replies, progress, cancelled, on_read)
            except BaseException:
                self._stop()  # cancelled (or interrupted): the child's work is dropped with it
                raise

    def _wait(
        self,
        job: int,
        process: BaseProcess,
        replies: Queue[Any],
        progress: Callable[[int, int, str], Any] | None,
        cancelled: Callable[[], bool] | None,
        on_read: Callable[[Analysis], Any] | None,
    ) -> Analysis:
        early: Analysis | None = None
        while True:
            if cancelled is not None and cancelled():
                raise Cancelled()
            try:
                kind, for_job, payload = replies.get(timeout=POLL)
            except queue.Empty:
                if not process.is_alive():
                    self._stop()
                    raise ReadError("crashed", CRASHED) from None
                continue
            if for_job != job:
                continue  # "ready", or a message of a job given up earlier
            if kind == "progress":
                if progress is not None:
                    progress(*payload)
            elif kind == "read":
                early = pickle.loads(payload)
                if on_read is not None:
                    on_read(early)
            elif kind == "done":
                if early is not None and payload.document is None and payload.error is None:
                    payload.document = early.document  # the one already shown: the same object
                return payload
            else:
                raise RuntimeError(f"检查进程出错：{payload}")
