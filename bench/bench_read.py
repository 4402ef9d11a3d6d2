"""Reading speed and reading order of the PDF loader against a plain pdfplumber loop.

Reads ``../shared/bench/big-300p.pdf`` (or ``--pdf``) with ``xxgk_desk.core.loaders.load``
and with ``page.extract_text()`` of pdfplumber, prints both times and their ratio, the floor
(pypdfium2's raw text of every page, no layout), the whole process (``xxgk-desk text FILE``:
start-up and imports included), the cost
of the first 100/200/300 pages (linear growth), text + outline when
``xxgk_desk.core.outline.detect_outline`` exists, and the per-page character similarity of
the two texts (whitespace removed). Run it on an idle machine::

    .venv/bin/python bench/bench_read.py [--runs 3] [--pdf FILE] [--no-pdfplumber]
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xxgk_desk.core.loaders import load  # noqa: E402
from xxgk_desk.core.normalize import is_page_number  # noqa: E402

SHARED = Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared"))
BIG = SHARED / "bench" / "big-300p.pdf"
TARGET = 20.0  # pdfplumber time / our time (text + outline) must be at least this (issue 17)


class Timing:
    """Best wall-clock and CPU seconds over some runs (CPU time is steadier on a busy machine)."""

    def __init__(self) -> None:
        self.wall = self.cpu = float("inf")

    def __str__(self) -> str:
        return f"{self.wall:7.3f} s wall, {self.cpu:7.3f} s CPU"


def best_of(runs: int, fn: Callable[[], object]) -> tuple[Timing, object]:
    """The best times of ``runs`` calls and the last result."""
    best, result = Timing(), None
    for _ in range(runs):
        result = None  # let the previous result go before the next run
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        best.wall = min(best.wall, time.perf_counter() - wall)
        best.cpu = min(best.cpu, time.process_time() - cpu)
    return best, result


def outline_function() -> Callable | None:
    """``detect_outline`` if the outline module exists yet."""
    try:
        module = importlib.import_module("xxgk_desk.core.outline")
    except ImportError:
        return None
    return getattr(module, "detect_outline", None)


def pdfplumber_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def pdfium_floor(path: Path) -> int:
    """pypdfium2's raw text of every page (no boxes, no layout): what no reader can beat."""
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(str(path)) as pdf:
        total = 0
        for page in pdf:
            textpage = page.get_textpage()
            total += len(textpage.get_text_range())
            textpage.close()
            page.close()
    return total


def whole_process(path: Path, runs: int) -> Timing:
    """``xxgk-desk text FILE`` as a fresh process: Python's start-up and the imports count too
    (CPU: the child's user + system time)."""
    import subprocess

    cmd = [sys.executable, "-m", "xxgk_desk", "text", "--ocr", "never", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    best = Timing()
    for _ in range(runs):
        before = os.times()
        wall = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env, cwd=str(ROOT))
        best.wall = min(best.wall, time.perf_counter() - wall)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        best.cpu = min(best.cpu, cpu)
    return best


def first_pages(path: Path, n: int, folder: str) -> Path:
    """A copy of the first ``n`` pages of ``path``."""
    import pypdfium2 as pdfium

    out = Path(folder) / f"first-{n}.pdf"
    with pdfium.PdfDocument(str(path)) as src:
        dst = pdfium.PdfDocument.new()
        dst.import_pages(src, list(range(min(n, len(src)))))
        dst.save(str(out))
        dst.close()
    return out


def linearity(path: Path, runs: int) -> None:
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(str(path)) as pdf:
        total = len(pdf)
    steps = [n for n in (total // 3, 2 * total // 3, total) if n]
    print(f"\nlinearity (our loader, best of {runs}):")
    with tempfile.TemporaryDirectory() as folder:
        for n in steps:
            part = first_pages(path, n, folder)
            t, _ = best_of(runs, lambda p=part: load(p))
            print(f"  first {n:4d} pages: {t}  ({1000 * t.cpu / n:5.2f} ms CPU/page)")


def squash(text: str) -> str:
    return "".join(text.split())


def reading_order(doc, plumber: list[str]) -> None:
    """Per-page similarity of our text and pdfplumber's (page numbers dropped from both)."""
    from rapidfuzz import fuzz

    scores = []
    for page, theirs in zip(doc.pages, plumber, strict=False):
        ours = squash(doc.text[page.start : page.end])
        theirs = squash("\n".join(line for line in theirs.splitlines() if not is_page_number(line)))
        if ours or theirs:
            scores.append(fuzz.ratio(ours, theirs))
    if not scores:
        print("\nreading order: no text to compare")
        return
    low = sorted(range(len(scores)), key=scores.__getitem__)[:3]
    print(
        f"\nreading order vs pdfplumber (character similarity per page, whitespace removed, {len(scores)} pages):"
    )
    print(
        f"  mean {statistics.mean(scores):.2f}   median {statistics.median(scores):.2f}   min {min(scores):.2f}"
    )
    print("  lowest pages: " + ", ".join(f"p{k + 1} {scores[k]:.1f}" for k in low))


def read_check(pdf: Path, runs: int, t_read) -> None:
    """Read + check (the review engine): checking may add at most the reading time again."""
    from xxgk_desk.core.pipeline import check

    t_all, result = best_of(runs, lambda: check(pdf))
    extra = t_all.wall - t_read.wall
    verdict = "OK" if extra <= t_read.wall else "TOO SLOW"
    print(
        f"ours, read + outline + check: {t_all}  ({len(result.review.findings)} findings); "
        f"checking adds {extra:.3f} s = {extra / t_read.wall:.2f}x the reading time (target ≤ 1x: {verdict})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf", type=Path, default=BIG)
    ap.add_argument("--runs", type=int, default=3, help="runs of our loader (best is reported)")
    ap.add_argument("--no-pdfplumber", action="store_true", help="skip the slow pdfplumber run")
    args = ap.parse_args(argv)
    if not args.pdf.exists():
        print(f"skipped: {args.pdf} not found (the benchmark PDF lives in ../shared/bench)")
        return 0

    print(f"file: {args.pdf}  ({args.pdf.stat().st_size / 1e6:.1f} MB)")
    load(args.pdf)  # warm up: imports, tables and caches built on first use
    t_text, doc = best_of(args.runs, lambda: load(args.pdf))
    print(f"\nours, text:                   {t_text}  ({doc.page_count} pages, {len(doc.text)} chars)")
    detect = outline_function()
    t_total = t_text
    if detect is not None:
        t_total, sections = best_of(args.runs, lambda: detect(load(args.pdf)))
        print(f"ours, text + outline:         {t_total}  ({len(sections)} sections)")
    else:
        print("ours, text + outline:         (xxgk_desk.core.outline.detect_outline not available yet)")
    read_check(args.pdf, args.runs, t_total)
    t_floor, floor_chars = best_of(args.runs, lambda: pdfium_floor(args.pdf))
    print(
        f"floor, pypdfium2 raw text:    {t_floor}  ({floor_chars} chars); ours (text + outline) is "
        f"{t_total.wall / t_floor.wall:.1f}x it (wall)"
    )
    t_proc = whole_process(args.pdf, args.runs)
    print(f"ours, whole process (text):   {t_proc}  (xxgk-desk text FILE: start-up and imports included)")

    if not args.no_pdfplumber:
        t_plumber, plumber = best_of(1, lambda: pdfplumber_pages(args.pdf))
        print(f"pdfplumber extract_text loop: {t_plumber}  ({sum(map(len, plumber))} chars)")
        label = "text + outline" if detect is not None else "text"
        for kind in ("wall", "cpu"):
            ratio = getattr(t_plumber, kind) / getattr(t_total, kind)
            verdict = "OK" if ratio >= TARGET else "TOO SLOW"
            print(
                f"ratio pdfplumber / ours ({label}, {kind}): {ratio:5.1f}x  (target ≥ {TARGET:.0f}x: {verdict})"
            )
        ratio = t_plumber.wall / t_proc.wall
        print(
            f"ratio pdfplumber loop / ours as a whole process (wall): {ratio:5.1f}x  "
            f"(the loop's own start-up not counted; target ≥ {TARGET:.0f}x: {'OK' if ratio >= TARGET else 'TOO SLOW'})"
        )
    linearity(args.pdf, args.runs)
    if not args.no_pdfplumber:
        reading_order(doc, plumber)
    return 0


if __name__ == "__main__":
    sys.exit(main())
