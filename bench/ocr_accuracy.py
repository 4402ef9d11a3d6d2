"""Character accuracy and speed of OCR on a scanned seed, with the network cut off.

Loads ``../shared/samples/docs/seed-002-scanned.pdf`` (a noisy, slightly turned scan of a
seed report) with ``load(..., ocr="always")`` and compares its text with the seed's
published text ``../shared/samples/seed-002.txt``: character accuracy is
1 − edit distance / reference length on whitespace-free text (the Markdown table syntax of
the seed text removed). Prints the accuracy, the seconds per page and, with ``--show``,
every difference. Any attempt to open a network connection fails the run::

    .venv/bin/python bench/ocr_accuracy.py [--pdf FILE --ref FILE] [--dpi 200] [--show]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared"))
PDF = SHARED / "samples" / "docs" / "seed-002-scanned.pdf"
REF = SHARED / "samples" / "seed-002.txt"
TARGET = 0.98


def compact(text: str) -> str:
    """Text without whitespace and without the Markdown table syntax of the seed texts."""
    return re.sub(r"\s+|\|", "", re.sub(r"-{3,}", "", text))


def accuracy(hyp: str, ref: str) -> tuple[float, int, int]:
    """(1 − edit distance / reference length, edit distance, reference length) on compact texts."""
    from rapidfuzz.distance import Levenshtein

    h, r = compact(hyp), compact(ref)
    d = Levenshtein.distance(h, r)
    return 1 - d / max(len(r), 1), d, len(r)


def _no_network(*_a: object, **_k: object) -> None:
    raise RuntimeError("OCR tried to open a network connection")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf", type=Path, default=PDF)
    ap.add_argument("--ref", type=Path, default=REF)
    ap.add_argument("--dpi", type=int, default=None, help="rendering resolution (default: ocr.DPI)")
    ap.add_argument("--show", action="store_true", help="print every difference")
    args = ap.parse_args()
    if not args.pdf.exists() or not args.ref.exists():
        print(f"missing {args.pdf} or {args.ref}", file=sys.stderr)
        return 2

    from xxgk_desk.core.loaders import load, ocr

    if not ocr.available():
        print(ocr.install_hint(), file=sys.stderr)
        return 2
    if args.dpi:
        ocr.DPI = args.dpi
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign]

    ocr._engine()  # model loading is not part of the per-page time
    stamps: list[float] = []
    start, cpu = time.perf_counter(), time.process_time()
    doc = load(args.pdf, ocr="always", progress=lambda *_: stamps.append(time.perf_counter()))
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    ref = args.ref.read_text(encoding="utf-8")
    acc, dist, n = accuracy(doc.text, ref)
    folded = accuracy(unicodedata.normalize("NFKC", doc.text), unicodedata.normalize("NFKC", ref))[0]
    pages = [b - a for a, b in zip([start, *stamps], stamps, strict=False)]
    doubtful = sum(1 for s in doc.ocr_spans if s.confidence < ocr.DOUBT)
    print(f"file: {args.pdf.name}  pages: {doc.page_count}  OCR pages: {len(doc.ocr_pages)}")
    print(f"extractor: {doc.extractor}")
    print(f"character accuracy: {acc:.4f}  (edit distance {dist} / {n} characters; target {TARGET:.2f})")
    print(f"  with full-/half-width forms folded (NFKC): {folded:.4f}")
    n_pages = max(doc.page_count, 1)
    print(
        f"time: {total:.1f} s wall, {total / n_pages:.1f} s per page ({', '.join(f'{t:.1f}' for t in pages)}); "
        f"CPU {cpu / n_pages:.1f} s per page (all threads; {os.cpu_count()} cores)"
    )
    print(f"doubtful spans: {doubtful}; network connections attempted: none")
    if args.show:
        from rapidfuzz.distance import Levenshtein

        h, r = compact(doc.text), compact(ref)
        for op in Levenshtein.opcodes(r, h):
            if op.tag != "equal":
                before = r[max(0, op.src_start - 8) : op.src_start]
                print(
                    f"  {op.tag:7} {r[op.src_start : op.src_end]!r} -> {h[op.dest_start : op.dest_end]!r}  after {before!r}"
                )
    return 0 if acc >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
