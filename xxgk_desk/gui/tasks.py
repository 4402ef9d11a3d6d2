"""The one helper that runs core work off the UI thread and hands results back by signal.

``TaskRunner.run(fn, ...)`` calls ``fn(progress)`` in a pool thread; ``progress(done, total, text)``
reports progress and raises :class:`Cancelled` once the task was cancelled (``progress.cancelled``
asks without raising); ``progress.partial(value)`` hands over a first part of the result (the text
of a report whose checks are still running). Results, errors, parts and
progress reach the callbacks on the UI thread through queued signals. Tests set
``runner.synchronous = True`` to run tasks inline (as Picard does).
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from xxgk_desk.core.errors import Cancelled  # raised inside a task once the user cancelled it

__all__ = ["Cancelled", "Progress", "Task", "TaskRunner"]


class Task:
    """A handle on a running task: cancel it, ask whether it is done."""

    def __init__(self, task_id: int, label: str) -> None:
        self.id = task_id
        self.label = label
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress_callback(
        self, emit: Callable[[int, int, int, str], None], partial: Callable[[int, object], None]
    ) -> Progress:
        return Progress(self, emit, partial)


class Progress:
    """The callable a task receives: ``progress(done, total, text)`` reports and raises
    :class:`Cancelled` once cancelled; ``progress.cancelled`` asks without raising."""

    def __init__(
        self,
        task: Task,
        emit: Callable[[int, int, int, str], None],
        partial: Callable[[int, object], None],
    ) -> None:
        self._task, self._emit, self._partial = task, emit, partial

    def __call__(self, done: int, total: int, text: str = "") -> None:
        if self._task.cancelled:
            raise Cancelled()
        self._emit(self._task.id, done, total, text)

    def partial(self, value: object) -> None:
        """Hand ``value`` (a first part of the result) to the task's ``on_partial`` on the UI thread."""
        if self._task.cancelled:
            raise Cancelled()
        self._partial(self._task.id, value)

    @property
    def cancelled(self) -> bool:
        return self._task.cancelled


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object, str)
    progressed = Signal(int, int, int, str)
    partial = Signal(int, object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], task: Task, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.task, self.signals = fn, task, signals
        self.setAutoDelete(True)

    def run(self) -> None:  # in a pool thread
        try:
            progress = self.task.progress_callback(self.signals.progressed.emit, self.signals.partial.emit)
            result = self.fn(progress)
        except Cancelled:
            self.signals.failed.emit(self.task.id, Cancelled(), "")
        except BaseException as e:  # reported on the UI thread, never lost
            self.signals.failed.emit(self.task.id, e, traceback.format_exc())
        else:
            self.signals.finished.emit(self.task.id, result)


class TaskRunner(QObject):
    """Runs callables in a thread pool; callbacks run on the thread that owns the runner (the UI)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.synchronous = False
        self._ids = itertools.count(1)
        # task id → (task, on_done, on_error, on_progress, on_partial)
        self._callbacks: dict[
            int, tuple[Task, Callable | None, Callable | None, Callable | None, Callable | None]
        ] = {}
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progressed.connect(self._on_progress)
        self._signals.partial.connect(self._on_partial)

    def run(
        self,
        fn: Callable[[Callable[..., None]], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        label: str = "",
    ) -> Task:
        """Start ``fn(progress)``; ``on_error`` also receives :class:`Cancelled` when cancelled;
        ``on_partial`` receives what the task hands over with ``progress.partial`` before it ends."""
        task = Task(next(self._ids), label)
        self._callbacks[task.id] = (task, on_done, on_error, on_progress, on_partial)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        runnable = _Runnable(fn, task, self._signals)
        if self.synchronous:
            runnable.run()
        else:
            self.pool.start(runnable)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def cancel_all(self) -> None:
        for task, *_ in self._callbacks.values():
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _pop(self, task_id: int):
        entry = self._callbacks.pop(task_id, None)
        if not self._callbacks:
            self.busy_changed.emit(False)
        return entry

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: Any) -> None:
        entry = self._pop(task_id)
        if entry:
            task, on_done, _, _, _ = entry
            task.done = True
            if on_done and not task.cancelled:
                try:
                    on_done(result)
                except Exception as e:  # a bug in a UI callback must not leave the task half-handled
                    if entry[2]:
                        entry[2](e, traceback.format_exc())
                    else:
                        raise

    @Slot(int, object, str)
    def _on_failed(self, task_id: int, error: BaseException, trace: str) -> None:
        entry = self._pop(task_id)
        if entry:
            task, _, on_error, _, _ = entry
            task.done = True
            if on_error:
                on_error(error, trace)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        entry = self._callbacks.get(task_id)
        if entry and entry[3] and not entry[0].cancelled:
            entry[3](done, total, text)

    @Slot(int, object)
    def _on_partial(self, task_id: int, value: Any) -> None:
        entry = self._callbacks.get(task_id)
        if entry and entry[4] and not entry[0].cancelled:
            entry[4](value)
