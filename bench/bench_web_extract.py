"""Main-content extraction for saved web pages: readability-lxml (the loader's choice) against trafilatura,
measured on pages built from the probe reports in the chrome of school sites (tests/core/web_pages.py).

    python bench/bench_web_extract.py [--runs 3]

For each page and library: institution, title year, outline F1 against the truth file, publication date,
chrome left in the canonical text, the late finding where due, tables kept (rows and cells), the report's
lines found (recall against the probe's own text) and the time to read and check. trafilatura is an
optional install (``pip install trafilatura``): without it only readability-lxml is measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.web_pages import CHROME_MARKERS, CORPUS, all_pages, save_complete  # noqa: E402
from xxgk_desk.core.engine import review  # noqa: E402
from xxgk_desk.core.loaders import html as web  # noqa: E402
from xxgk_desk.core.loaders.web_blocks import items_of  # noqa: E402
from xxgk_desk.core.loaders.web_content import main_content  # noqa: E402
from xxgk_desk.core.outline import detect_outline  # noqa: E402


def trafilatura_content(root):
    """The main content as trafilatura finds it (tables and formatting kept), read by the same block reader."""
    import copy

    import trafilatura
    from lxml import html as lxml_html

    out = trafilatura.extract(copy.deepcopy(root), output_format="html", include_tables=True,
                              include_formatting=True, include_comments=False, include_links=False,
                              include_images=False, with_metadata=False, deduplicate=False, favor_recall=True)  # fmt: skip
    return items_of(lxml_html.document_fromstring(out)) if out else []


def squash(s: str) -> str:
    return "".join(s.split())


def outline_f1(sections, text: str, truth: dict) -> float:
    got = {(s.level, squash(text[s.start : s.title_end])) for s in sections}
    want = {(s["level"], squash(s["title"])) for s in truth["sections"] if s["level"] > 0}
    got = {g for g in got if g[0] > 0}
    if not got or not want:
        return 0.0
    tp = len(got & want)
    p, r = tp / len(got), tp / len(want)
    return 0.0 if tp == 0 else 2 * p * r / (p + r)


def measure(page, path: Path, content) -> dict:
    spent = [0.0]

    def timed(root):
        t = time.perf_counter()
        try:
            return content(root)
        finally:
            spent[0] += time.perf_counter() - t

    t0 = time.perf_counter()
    doc = web.load_html(str(path), content=timed)
    sections = detect_outline(doc)
    rev = review(doc, sections)
    elapsed = time.perf_counter() - t0
    truth = page.truth
    lines = [squash(x) for x in (CORPUS / f"{page.probe}.txt").read_text(encoding="utf-8").split("\n")]
    body = [x for x in lines if x and "\t" not in x and not x.startswith("|")]
    flat = squash(doc.text)
    tables = [b for b in doc.blocks if b.kind == "table"]
    want_tables = sum(1 for i, x in enumerate(lines) if ("\t" in x or x.startswith("|")) and (i == 0 or not (
        "\t" in lines[i - 1] or lines[i - 1].startswith("|"))))  # fmt: skip
    f = rev.fields
    late = any(x.rule == "late_report" for x in rev.findings)
    return {
        "institution": f["institution"].value == truth["institution"],
        "year": f["title_year"].value == truth["title_year"],
        "outline": outline_f1(sections, doc.text, truth),
        "published": (f.get("publication_date").value if f.get("publication_date") else None)
        == page.published,
        "chrome": [m for m in CHROME_MARKERS if m in doc.text],
        "late": late == page.late,
        "tables": len(tables) >= want_tables and all(len(b.rows) > 1 and len(b.rows[0]) > 1 for b in tables),
        "recall": sum(1 for x in body if x in flat) / max(1, len(body)),
        "seconds": elapsed,
        "extract": spent[0],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    libraries = {"readability-lxml": main_content}
    try:
        import trafilatura  # noqa: F401

        libraries["trafilatura"] = trafilatura_content
    except ImportError:
        print("trafilatura is not installed: only readability-lxml is measured")
    pages = all_pages()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [save_complete(p, Path(tmp)) for p in pages]
        totals = {}
        for name, content in libraries.items():
            print(f"\n== {name}")
            print(f"{'page':32} inst year outline pub  late tables recall chrome  ms (extraction)")
            rows = []
            for page, path in zip(pages, paths, strict=True):
                best = None
                for _ in range(args.runs):
                    r = measure(page, path, content)
                    best = r if best is None or r["seconds"] < best["seconds"] else best
                rows.append(best)
                r = best
                print(f"{page.probe:32} {'✓' if r['institution'] else '✗':4} {'✓' if r['year'] else '✗':4} "
                      f"{r['outline']:7.2f} {'✓' if r['published'] else '✗':4} {'✓' if r['late'] else '✗':4} "
                      f"{'✓' if r['tables'] else '✗':6} {r['recall']:6.2f} {len(r['chrome']):6} "
                      f"{r['seconds'] * 1000:5.0f} ({r['extract'] * 1000:3.0f})  {' '.join(r['chrome'])}")  # fmt: skip
            n = len(rows)
            totals[name] = {
                "institution": sum(r["institution"] for r in rows) / n,
                "year": sum(r["year"] for r in rows) / n,
                "outline": sum(r["outline"] for r in rows) / n,
                "published": sum(r["published"] for r in rows) / n,
                "late": sum(r["late"] for r in rows) / n,
                "tables": sum(r["tables"] for r in rows) / n,
                "recall": sum(r["recall"] for r in rows) / n,
                "all lines": sum(r["recall"] == 1.0 for r in rows) / n,
                "chrome-free": sum(not r["chrome"] for r in rows) / n,
                "ms/page": 1000 * sum(r["seconds"] for r in rows) / n,
                "extract ms": 1000 * sum(r["extract"] for r in rows) / n,
            }
    print("\n== summary (share of pages right; outline F1 and line recall are means)")
    keys = list(next(iter(totals.values())))
    print(f"{'':18}" + "".join(f"{k:>12}" for k in keys))
    for name, t in totals.items():
        print(f"{name:18}" + "".join(f"{t[k]:12.2f}" for k in keys))
    if len(totals) == 2:
        a, b = totals["trafilatura"]["extract ms"], totals["readability-lxml"]["extract ms"]
        print(f"extraction time ratio trafilatura / readability-lxml (same run): {a / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
