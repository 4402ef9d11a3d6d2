"""Check many files on all cores: a process pool with bounded submissions, progress and cancel.

:func:`run_batch` yields one :class:`~.worker.BatchResult` per file as soon as it is ready.
Reading PDFs is CPU-bound, so the work runs in separate processes (``spawn`` everywhere: the
same behaviour on Windows and Linux, and safe to start from a program that has threads, such as
the window). At most ``2 × jobs`` files are in flight, so memory does not grow with the number of
files; workers are replaced after :data:`TASKS_PER_CHILD` files to keep their memory flat too.

A file that fails to read yields a result with its Chinese message and the batch goes on. A
worker that dies (a crash in a PDF library, say) breaks the pool: it is restarted and the files
that were in flight are retried one at a time, so only the file that really crashes is reported.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from .worker import BatchResult, check_file, failed_result, init_worker

__all__ = ["Cancel", "Progress", "default_jobs", "run_batch"]

TASKS_PER_CHILD = 100
POLL_S = 0.2  # how often cancel is looked at while waiting

Cancel = threading.Event | Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a batch stands: counts, elapsed seconds and an estimate of the seconds left."""

    done: int
    total: int
    failed: int = 0
    cached: int = 0
    elapsed: float = 0.0
    eta: float | None = None
    path: str | None = None  # the file that just finished

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    def text(self) -> str:
        """``已完成 12/120（失败 1），用时 0:15，预计还需 2:10`` for a status line."""
        s = f"已完成 {self.done}/{self.total}"
        extras = [f"失败 {self.failed}"] if self.failed else []
        if self.cached:
            extras.append(f"未变 {self.cached}")
        if extras:
            s += "（" + "，".join(extras) + "）"
        s += f"，用时 {_clock(self.elapsed)}"
        if self.eta is not None and self.done < self.total:
            s += f"，预计还需 {_clock(self.eta)}"
        return s


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # Linux only: elsewhere AttributeError
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def is_cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _pool(jobs: int, parts_file: str | None) -> ProcessPoolExecutor:
    kw: dict = {
        "max_workers": jobs,
        "mp_context": multiprocessing.get_context("spawn"),
        "initializer": init_worker,
        "initargs": (parts_file,),
    }
    if sys.version_info >= (3, 11):
        kw["max_tasks_per_child"] = TASKS_PER_CHILD
    return ProcessPoolExecutor(**kw)


CRASHED = "读取此文件时检查进程意外退出（可能是文件损坏触发了 PDF 库的错误）。请用其他软件打开确认，或另存为新的 PDF 后重试。"
NO_WORKERS = (
    "无法启动检查进程（程序安装可能不完整，或内存不足）。请重新安装 xxgk-desk，或用 --jobs 0 在本进程中检查。"
)
MAX_CRASHES = 3  # pool restarts without a single file done before giving up


def run_batch(
    paths: Iterable[str | os.PathLike],
    *,
    jobs: int | None = None,
    ocr: str = "auto",
    parts_file: str | os.PathLike | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cancel: Cancel | None = None,
    ordered: bool = False,
    max_in_flight: int | None = None,
    worker: Callable[..., BatchResult] = check_file,
) -> Iterator[BatchResult]:
    """Check every file in worker processes; yield results as they finish (``ordered``: in input order).

    ``jobs`` defaults to the number of CPUs; ``jobs=0`` checks in this process, one file after
    the other (no start-up cost: for a handful of files, tests and debugging; a crash in a PDF
    library then takes the caller down). ``on_progress`` is called (in the consuming thread)
    after every file. ``cancel`` (a ``threading.Event`` or a callable) stops submitting, cancels
    what has not started and returns at once; files already being read finish in the background
    and are dropped. Closing the generator early does the same. ``worker`` (a top-level
    function ``(index, path, ocr, parts_file) -> BatchResult``) replaces the reading and checking.
    """
    todo: deque[tuple[int, str, int]] = deque((i, str(p), 0) for i, p in enumerate(paths))
    total = len(todo)
    if not total:
        return
    if jobs == 0:
        yield from _inline(todo, ocr, str(parts_file) if parts_file else None, on_progress, cancel, worker)
        return
    jobs = max(1, min(jobs or default_jobs(), total))
    limit = max(1, max_in_flight or 2 * jobs)
    pfile = str(parts_file) if parts_file else None
    start = time.monotonic()
    done = failed = crashes = 0
    worked = False  # some worker finished a file: a crash is the file's fault, not the set-up's
    suspects: deque[tuple[int, str, int]] = deque()  # in flight when a worker died: retried alone
    in_flight: dict[Future[BatchResult], tuple[int, str, int]] = {}
    held: dict[int, BatchResult] = {}  # ordered mode: finished out of order
    next_out = 0
    pool = _pool(jobs, pfile)
    stopped = False
    try:
        while todo or suspects or in_flight:
            if is_cancelled(cancel):
                stopped = True
                return
            while len(in_flight) < limit:
                if suspects:
                    if in_flight:
                        break
                    task = suspects.popleft()
                elif todo:
                    task = todo.popleft()
                else:
                    break
                in_flight[pool.submit(worker, task[0], task[1], ocr, pfile)] = task
            finished, _ = wait(in_flight, timeout=POLL_S, return_when=FIRST_COMPLETED)
            broken: list[tuple[int, str, int]] = []
            ready: list[BatchResult] = []
            for fut in finished:
                task = in_flight.pop(fut)
                try:
                    ready.append(fut.result())
                except BrokenProcessPool:
                    broken.append(task)
                except Exception as e:  # the result could not come back (pickling, say)
                    msg = f"检查此文件时程序出错（{type(e).__name__}: {e}）。其他文件不受影响；请把此文件反馈给开发者。"
                    ready.append(failed_result(task[0], task[1], msg, "internal"))
            if broken:
                broken += [in_flight.pop(f) for f in list(in_flight)]  # the whole pool is gone
                pool.shutdown(wait=True, cancel_futures=True)
                crashes += 1
                if crashes >= MAX_CRASHES and not worked:  # workers cannot even start: give up
                    broken += list(suspects) + list(todo)
                    suspects.clear()
                    todo.clear()
                    ready += [failed_result(i, p, NO_WORKERS, "no_workers") for i, p, _ in sorted(broken)]
                    broken = []
                else:
                    pool = _pool(jobs, pfile)
                for idx, path, attempt in sorted(broken):
                    if attempt == 0 and len(broken) > 1:
                        suspects.append((idx, path, 1))
                    else:  # it crashed alone (or twice): this file is the cause
                        ready.append(failed_result(idx, path, CRASHED, "crashed"))
            worked = worked or any(r.error_code != "crashed" for r in ready)
            for res in ready:
                done += 1
                failed += not res.ok
                if on_progress is not None:
                    elapsed = time.monotonic() - start
                    eta = elapsed / done * (total - done)
                    on_progress(Progress(done, total, failed, 0, elapsed, eta, res.path))
                if not ordered:
                    yield res
                    continue
                held[res.index] = res
                while next_out in held:
                    yield held.pop(next_out)
                    next_out += 1
    except BaseException:
        stopped = True
        raise
    finally:
        if stopped or in_flight or todo:
            for f in in_flight:
                f.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
        else:
            pool.shutdown(wait=True)


def _inline(
    todo: deque[tuple[int, str, int]],
    ocr: str,
    parts_file: str | None,
    on_progress: Callable[[Progress], None] | None,
    cancel: Cancel | None,
    worker: Callable[..., BatchResult],
) -> Iterator[BatchResult]:
    total, done, failed = len(todo), 0, 0
    start = time.monotonic()
    for idx, path, _ in todo:
        if is_cancelled(cancel):
            return
        try:
            res = worker(idx, path, ocr, parts_file)
        except Exception as e:
            res = failed_result(idx, path, f"检查此文件时程序出错（{type(e).__name__}: {e}）。", "internal")
        done += 1
        failed += not res.ok
        if on_progress is not None:
            elapsed = time.monotonic() - start
            on_progress(Progress(done, total, failed, 0, elapsed, elapsed / done * (total - done), res.path))
        yield res
