"""Ruled tables: our loader (vector rules, ``loaders/pdf_tables``) against pdfplumber's ``find_tables``.

For each text-layer PDF of ``../shared/samples`` (docs/ and real/): tables and cells found
by ``load`` and by pdfplumber (its default "lines" strategy, every page), the seconds each
takes, and — for the seed PDFs — the appendix table's rows in the truth file. The figures
decide whether pdfplumber earns its place as a runtime dependency (issue 21)::

    .venv/bin/python bench/bench_tables.py
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xxgk_desk.core.loaders import load  # noqa: E402

SHARED = Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared"))


def ours(path: Path) -> tuple[float, int, int, int]:
    """(seconds, tables, rows, cells) of our loader (the whole load: the tables come with it)."""
    t = time.perf_counter()
    doc = load(path)
    dt = time.perf_counter() - t
    tables = [b for b in doc.blocks if b.kind == "table"]
    return dt, len(tables), sum(len(b.rows) for b in tables), sum(len(r) for b in tables for r in b.rows)


def plumber(path: Path) -> tuple[float, int, int, int]:
    """(seconds, tables, rows, cells) of pdfplumber's find_tables on every page (tables only)."""
    import pdfplumber

    t = time.perf_counter()
    n = rows = cells = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                n += 1
                rows += len(table.rows)
                cells += sum(1 for r in table.rows for c in r.cells if c is not None)
    return time.perf_counter() - t, n, rows, cells


def truth_rows(path: Path) -> str:
    m = re.match(r"(seed-\d{3})", path.name)
    f = SHARED / "samples" / "truth" / f"{m.group(1)}.truth.json" if m else None
    if f is None or not f.exists():
        return "–"
    table = json.loads(f.read_text(encoding="utf-8")).get("appendix_table") or {}
    return f"{table.get('rows', 0)} rows" if table.get("present") else "none"


def main() -> int:
    pdfs = sorted((SHARED / "samples" / "docs").glob("*.pdf")) + sorted(
        (SHARED / "samples" / "real").glob("*.pdf")
    )
    pdfs = [p for p in pdfs if "scanned" not in p.name]
    if not pdfs:
        print("skipped: no sample PDFs")
        return 0
    load(pdfs[0])  # warm up
    print(
        f"{'file':28} {'ours s':>7} {'tbl':>4} {'rows':>5} {'cells':>6}  {'plumber s':>9} {'tbl':>4} {'rows':>5} {'cells':>6}  truth"
    )
    tot = [0.0, 0.0]
    for p in pdfs:
        a, b = ours(p), plumber(p)
        tot[0] += a[0]
        tot[1] += b[0]
        print(
            f"{p.name:28} {a[0]:7.3f} {a[1]:4d} {a[2]:5d} {a[3]:6d}  {b[0]:9.3f} {b[1]:4d} {b[2]:5d} {b[3]:6d}  {truth_rows(p)}"
        )
    print(
        f"total: ours {tot[0]:.2f} s (whole load), pdfplumber {tot[1]:.2f} s (tables only); ratio {tot[1] / tot[0]:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
