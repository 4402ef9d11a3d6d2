"""The province charts at scale: what the 图表 tab, the 通报 and the summary's 图表 sheet cost for N reports.

N TXT reports (default 300) of one province's real institutions (two school years, so the 通报 picks
one) are added to a fresh review database once; then, each timed over ``--runs`` runs and printed as a
ratio against ``Workspace.rows()`` measured in the same run (what the overview's reload already pays):

* ``collect_notice`` + ``province_charts`` — the numbers (the reviewers' notes are read per report);
* ``layout`` of the four charts with Pillow's measure — the layout the window also does when it paints;
* ``render_png`` of the four charts — the 通报's pictures;
* the summary's 图表 sheet (``chart_sheet``).

    .venv/bin/python bench/bench_charts.py [--reports 300] [--province 湖北省] [--runs 3] [--png DIR]

``--png DIR`` also saves the four pictures there, to look at.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--province", default="湖北省")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--png", type=Path, help="save the four charts as PNG in this folder")
    args = ap.parse_args()

    from openpyxl import Workbook

    from tests.core.batch.synth import report
    from xxgk_desk.core.batch import Workspace
    from xxgk_desk.core.export.chart_layout import layout
    from xxgk_desk.core.export.chart_png import _Fonts, cjk_font, render_png
    from xxgk_desk.core.export.charts import province_charts
    from xxgk_desk.core.export.notice_model import collect_notice, province_records
    from xxgk_desk.core.export.summary_charts import chart_sheet
    from xxgk_desk.core.store import Store

    records = province_records(args.province)
    if not records:
        print(f"no institutions of {args.province} on the list")
        return 2
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-charts-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i in range(args.reports):
            rec = records[i % len(records)]
            year = 2024 - (i // len(records)) % 2
            late = f"{year}年11月{1 + i % 20}日" if i % 7 == 0 else None
            text = report(rec.name, year, variant=i, received=i % 13, answered=i % 13, date=late,
                          items=tuple(range(1, 51 - i % 30)))  # fmt: skip
            (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        store = Store(Path(tmp) / "bench.sqlite3", reviewer="bench")
        ws = Workspace(store)
        t = time.perf_counter()
        ws.add([folder], jobs=2)
        print(f"added {args.reports} reports in {time.perf_counter() - t:.1f} s (setup, not compared)")
        rows = ws.rows()
        notice = collect_notice(ws, rows, province=args.province)
        charts = province_charts(notice, ws.rules)
        print(f"{notice.province} {notice.school_year}: listed {notice.listed}, received {notice.received}")
        base = _time(ws.rows, args.runs)
        print(f"baseline Workspace.rows(): {base * 1000:.1f} ms")

        def numbers():
            n = collect_notice(ws, rows, province=args.province)
            province_charts(n, ws.rules)

        results = {"collect_notice + province_charts": _time(numbers, args.runs)}
        font = cjk_font()
        if font is not None:
            fonts = _Fonts(font, 1.0)
            results["layout ×4 (Pillow measure)"] = _time(
                lambda: [layout(c, 640, fonts.measure) for c in charts], args.runs
            )
            results["render_png ×4 (2.5×)"] = _time(
                lambda: [render_png(c, 560, 2.5, font, title=False) for c in charts], args.runs
            )
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                for c in charts:
                    (args.png / f"{c.key}.png").write_bytes(render_png(c, 640, 2.0, font) or b"")
        else:
            print("no Chinese font file: pictures not timed")
        results["图表 sheet"] = _time(lambda: chart_sheet(Workbook(), "图表", charts), args.runs)
        for name, secs in results.items():
            print(f"{name:36s} {secs * 1000:8.1f} ms   {secs / base:5.2f} × rows()")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
