"""The process pool: results, a failing file in the middle, progress, cancel, crashes."""

from __future__ import annotations

import threading
import time

import pytest

from xxgk_desk.core.batch import Progress, run_batch

from . import workers
from .synth import report, write


def _files(tmp_path, n: int = 4) -> list:
    names = "甲乙丙丁戊己庚辛壬癸子丑"
    return [
        write(tmp_path / f"r{i}.txt", report(f"{names[i]}示例大学", 2024, active=100 + i)) for i in range(n)
    ]


def test_a_failing_file_in_the_middle_does_not_stop_the_rest(tmp_path):
    files = _files(tmp_path, 4)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    paths = [*files[:2], bad, tmp_path / "missing.pdf", *files[2:]]
    seen: list[Progress] = []
    results = list(run_batch(paths, jobs=2, ordered=True, on_progress=seen.append))
    assert [r.index for r in results] == list(range(6))
    assert [r.ok for r in results] == [True, True, False, False, True, True]
    assert "DOCX" in results[2].error or "损坏" in results[2].error
    assert results[3].error_code == "missing" and "找不到文件" in results[3].error
    ok = results[0]
    assert ok.data["fields"]["institution"]["value"] == "甲示例大学"
    assert ok.text and ok.pages and ok.document().text == ok.text  # compact, but enough for the store
    assert ok.data["sha256"] == ok.document().file_sha256
    assert [p.done for p in seen] == [1, 2, 3, 4, 5, 6] and seen[-1].failed == 2
    assert seen[-1].eta == 0 and seen[-1].fraction == 1.0
    assert "已完成 6/6（失败 2）" in seen[-1].text()


def test_unordered_results_and_engine_exceptions(tmp_path):
    files = _files(tmp_path, 2)
    results = list(run_batch(files, jobs=2, worker=workers.raises))
    assert sorted(r.index for r in results) == [0, 1]
    assert all(r.error_code == "internal" and "RuntimeError" in r.error for r in results)
    assert list(run_batch([], jobs=2)) == []


def test_cancel_stops_submitting_and_returns_quickly(tmp_path):
    files = _files(tmp_path, 12)
    cancel = threading.Event()
    got = []
    t0 = time.monotonic()
    for res in run_batch(files, jobs=2, cancel=cancel, worker=workers.slow):
        got.append(res)
        cancel.set()
    assert 1 <= len(got) < 12
    assert time.monotonic() - t0 < 5  # 12 × 0.5 s / 2 jobs would be 3 s + start-up; cancel returns at once


def test_a_worker_crash_is_pinned_on_its_file(tmp_path):
    files = _files(tmp_path, 1)
    boom = write(tmp_path / "boom.txt", report("崩溃大学", 2024))
    results = list(run_batch([boom, files[0]], jobs=2, ordered=True, worker=workers.crash_on_boom))
    assert [r.ok for r in results] == [False, True]  # the innocent file was retried alone
    assert results[0].error_code == "crashed" and "意外退出" in results[0].error


@pytest.mark.slow  # four pool start-ups
def test_workers_that_always_die_end_the_batch(tmp_path):
    files = _files(tmp_path, 5)
    results = list(run_batch(files, jobs=2, ordered=True, worker=workers.always_crash))
    assert len(results) == 5 and not any(r.ok for r in results)
    assert {r.error_code for r in results} <= {"crashed", "no_workers"}
    assert results[-1].error_code == "no_workers" and "--jobs 0" in results[-1].error
