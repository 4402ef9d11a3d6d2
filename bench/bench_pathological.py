"""Pathological inputs of issue 18: reading and checking must grow linearly with the input.

Three files are built in a temporary folder at a fraction of their full size and at full size:

* ``headings.txt`` — 150,000 short heading lines (``一、概况``, ``（一）做法``, ``1.成效``);
* ``pipe-table.txt`` — an 800 KB TXT that is one wide Markdown pipe table (letters and digits);
* ``numeric.docx`` — a 46 KB DOCX holding one 2,000 × 8 table of numbers.

Each is checked (``pipeline.check``: read, outline, engine) in a child process with a wall-clock
limit; the script prints the seconds per size and the ratio full / quarter. Linear growth gives
a ratio near 4, quadratic near 16. Run::

    .venv/bin/python bench/bench_pathological.py [--limit 120] [--only headings,pipe,docx] [--full-only]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CN = "一二三四五六七八九十"


def headings_txt(path: Path, fraction: float) -> Path:
    n = int(150_000 * fraction)
    lines = ["某某大学2023-2024学年信息公开工作年度报告"]
    for i in range(n):
        k = i % 3
        if k == 0:
            lines.append(f"{CN[i // 3 % 10]}、概况")
        elif k == 1:
            lines.append(f"（{CN[i // 3 % 10]}）做法")
        else:
            lines.append(f"{i % 9 + 1}.成效")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pipe_table_txt(path: Path, fraction: float) -> Path:
    target = int(800_000 * fraction)
    cols = 40
    header = "| " + " | ".join(f"c{j}" for j in range(cols)) + " |\n"
    sep = "|" + "---|" * cols + "\n"
    rows, size, i = [header, sep], len(header) + len(sep), 0
    while size < target:
        row = "| " + " | ".join(f"a{(i * cols + j) % 997}x{j}" for j in range(cols)) + " |\n"
        rows.append(row)
        size += len(row)
        i += 1
    path.write_text("".join(rows), encoding="utf-8")
    return path


def numeric_docx(path: Path, fraction: float) -> Path:
    import docx

    n = int(2000 * fraction)
    d = docx.Document()
    d.add_paragraph("某某大学2023-2024学年信息公开工作年度报告")
    table = d.add_table(rows=n, cols=8)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = str((r * 8 + c) * 37 % 10_000)
    d.save(str(path))
    return path


CASES: dict[str, tuple[str, Callable[[Path, float], Path]]] = {
    "headings": ("headings.txt", headings_txt),
    "pipe": ("pipe-table.txt", pipe_table_txt),
    "docx": ("numeric.docx", numeric_docx),
}

CHILD = """
import json, sys, time
from xxgk_desk.core import pipeline
t = time.perf_counter()
r = pipeline.check(sys.argv[1])
print(json.dumps({"s": time.perf_counter() - t, "error": r.error, "sections": len(r.sections),
                  "findings": len(r.review.findings) if r.review else None}))
"""


def timed_check(path: Path, limit: float) -> dict:
    """``pipeline.check`` in a child; ``{"s": None}`` when it passes ``limit`` seconds."""
    t0 = time.perf_counter()
    try:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return {"s": None, "wall": time.perf_counter() - t0}
    if out.returncode != 0:
        return {"s": None, "error": out.stderr.strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=float, default=120.0, help="seconds before a check counts as hung")
    ap.add_argument("--only", default="headings,pipe,docx")
    ap.add_argument("--full-only", action="store_true", help="skip the quarter-size baseline")
    args = ap.parse_args()
    fractions = (1.0,) if args.full_only else (0.25, 1.0)
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-") as tmp:
        for name in args.only.split(","):
            filename, build = CASES[name]
            times = {}
            for f in fractions:
                path = build(Path(tmp) / f"{f:g}-{filename}", f)
                res = timed_check(path, args.limit)
                times[f] = res["s"]
                shown = f"{res['s']:8.2f} s" if res["s"] is not None else f"> {args.limit:g} s (stopped)"
                extra = {k: v for k, v in res.items() if k not in ("s", "wall")}
                print(
                    f"{name:<9} ×{f:<5g} {path.stat().st_size / 1024:8.0f} KB  {shown}  {extra}", flush=True
                )
            if len(times) == 2 and None not in times.values() and times[0.25]:
                print(
                    f"{name:<9} ratio full / quarter: {times[1.0] / times[0.25]:.1f} (linear ≈ 4)", flush=True
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
