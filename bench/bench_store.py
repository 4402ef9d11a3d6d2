"""Review store speed: 10,000 notes over 100 reports in a fresh database.

Times (best of ``--runs``, plus the median):

* loading one report's 500 notes with their anchors (``Store.list_notes(doc)``) — target < 50 ms;
* re-anchoring 1,000 notes after the report was edited (a paragraph inserted near the top,
  a sentence deleted, figures corrected inside quotes, a stretch re-wrapped) — the first
  run is the real thing (``register_version`` of the revised file); later runs recompute
  with ``anchor_notes(force=True)`` — target < 1 s.

Report texts are built from the seed reports in ``../shared/samples`` (or a built-in
paragraph when they are absent). Run::

    .venv/bin/python bench/bench_store.py [--runs 5] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xxgk_desk.core.document import Document  # noqa: E402
from xxgk_desk.core.loaders.builder import TextBuilder  # noqa: E402
from xxgk_desk.core.store import Store  # noqa: E402
from xxgk_desk.core.store.anchoring import anchor_many, make_selector  # noqa: E402

SHARED = Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared"))
LOAD_TARGET_MS = 50.0
REANCHOR_TARGET_S = 1.0
N_DOCS, N_NOTES, BIG_LOAD, BIG_REANCHOR = 100, 10_000, 500, 1_000
FALLBACK = "本学年共受理信息公开申请12件，其中予以公开8件，不予公开2件，信息不存在2件，均在规定时限内答复。"


def seed_paragraphs() -> list[str]:
    paras: list[str] = []
    for p in sorted((SHARED / "samples").glob("seed-*.txt")):
        paras += [
            line.strip() for line in p.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 20
        ]
    return paras or [FALLBACK] * 40


def make_doc(paragraphs: list[str], name: str) -> Document:
    b = TextBuilder()
    for i, p in enumerate(paragraphs):
        if i % 12 == 0:
            b.start_page(i // 12 + 1)
        b.add_block("paragraph", p)
    text = "\n".join(paragraphs)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return b.build(path=f"/bench/{name}.txt", kind="txt", file_sha256=sha, extractor="bench")


def report_paragraphs(base: list[str], k: int, copies: int) -> list[str]:
    """A report of ``copies`` rounds of the seed paragraphs, each numbered so quotes are unique."""
    return [f"（{k}-{r}-{i}）{p}" for r in range(copies) for i, p in enumerate(base)]


def random_spans(doc: Document, n: int, rng: random.Random) -> list[tuple[int, int]]:
    spans = []
    for _ in range(n):
        length = rng.randint(6, 40)
        start = rng.randrange(0, len(doc.text) - length)
        spans.append((start, start + length))
    return spans


def timed(fn, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), result


def edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A revised report: insert, delete, correct figures inside quotes, re-wrap."""
    out = list(paragraphs)
    out.insert(2, "（本报告于2024年11月根据审核意见修订，修订处已在文中更正。）")
    for i in rng.sample(range(5, len(out)), 8):  # delete a sentence here and there
        out[i] = out[i].split("，", 1)[-1]
    for i in rng.sample(range(5, len(out)), 20):  # correct figures
        out[i] = out[i].replace("1", "7", 1).replace("2", "9", 1)
    for i in range(len(out) // 3, len(out) // 3 + 10):  # re-wrapped by another extractor
        out[i] = out[i].replace("。", "。\n")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", help="database file (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = ap.parse_args()
    rng = random.Random(7)
    tmp = None
    if args.db:
        db = Path(args.db)
    else:
        tmp = tempfile.mkdtemp(prefix="bench-store-")
        db = Path(tmp) / "reviews.sqlite3"
    base = seed_paragraphs()
    store = Store(db, reviewer="bench")

    # -- setup: 100 reports, 10,000 notes (500 on report 0, 1,000 on report 1) ------------------
    t0 = time.perf_counter()
    per_doc = [BIG_LOAD, BIG_REANCHOR] + [(N_NOTES - BIG_LOAD - BIG_REANCHOR) // (N_DOCS - 2)] * (N_DOCS - 2)
    per_doc[-1] += N_NOTES - sum(per_doc)
    docs, paras = [], []
    cats = ["missing", "data_error", "wording", "privacy", "timeliness", "other", "highlight"]
    for k, n in enumerate(per_doc):
        p = report_paragraphs(base, k, 4 if k == 1 else 1)
        doc = make_doc(p, f"r{k}")
        docs.append(doc)
        paras.append(p)
        with store.conn.write():  # one transaction per report for the bulk load
            store.register_version(doc, f"第{k}大学", 2024)
            for s, e in random_spans(doc, n, rng):
                store.add_note(doc, s, e, body="核对此处数字与附表是否一致。", category=rng.choice(cats))
    setup = time.perf_counter() - t0
    total = store.conn.query_one("SELECT COUNT(*) AS n FROM notes")["n"]
    print(f"setup: {N_DOCS} reports, {total} notes in {setup:.1f} s ({db.stat().st_size / 1e6:.1f} MB)")

    # -- loading one report's 500 notes ---------------------------------------------------------
    best, med, notes = timed(lambda: store.list_notes(docs[0]), max(args.runs, 3))
    assert len(notes) == BIG_LOAD and all(n.anchor is not None for n in notes)
    ok = "OK" if best * 1000 < LOAD_TARGET_MS else "SLOW"
    print(
        f"load {len(notes)} notes:      best {best * 1000:7.1f} ms  median {med * 1000:7.1f} ms  "
        f"(target < {LOAD_TARGET_MS:.0f} ms) {ok}"
    )

    # -- re-anchoring 1,000 notes after an edit ----------------------------------------------
    revised = make_doc(edit(paras[1], rng), "r1-revised")
    t = time.perf_counter()
    ref = store.register_version(revised, "第1大学", 2024)
    first = time.perf_counter() - t
    counts = ref.reanchor.counts
    assert ref.new_version and sum(counts.values()) == BIG_REANCHOR
    best, med, _ = timed(lambda: store.anchor_notes(revised, force=True), args.runs)
    ok = "OK" if max(first, best) < REANCHOR_TARGET_S else "SLOW"
    print(
        f"re-anchor {BIG_REANCHOR} notes:  first {first * 1000:7.1f} ms  best {best * 1000:7.1f} ms  "
        f"median {med * 1000:7.1f} ms  (target < {REANCHOR_TARGET_S:.0f} s) {ok}"
    )
    print(
        f"  text {len(docs[1].text)} → {len(revised.text)} characters; anchored {counts['anchored']}, "
        f"fuzzy {counts['fuzzy']}, orphan {counts['orphan']}"
    )

    # -- the pure anchoring part, for reference -------------------------------------------------
    sels = [make_selector(docs[1].text, n.start, n.end) for n in store.list_notes(docs[1])]
    best, _, _ = timed(lambda: anchor_many(sels, revised.text), args.runs)
    print(f"  of which anchoring alone (no database): best {best * 1000:7.1f} ms")
    print(f"integrity_check: {store.integrity_check()}")
    store.close()
    if tmp and not args.keep:
        for f in Path(tmp).iterdir():
            f.unlink()
        os.rmdir(tmp)
    elif tmp:
        print(f"database kept at {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
