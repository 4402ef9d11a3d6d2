"""Offline text recognition for scanned pages with RapidOCR (the optional extra ``xxgk-desk[ocr]``).

RapidOCR's Chinese detection and recognition models ship inside its wheel; the engine is
given those files explicitly, so it never tries to download anything. The text-direction
classifier stays off: report pages are upright, and on upright pages it drops whole lines.

``available()`` says whether the extra is installed; ``recognise_page(image)`` returns the
text lines of one page image with their boxes and confidences (pixel coordinates of the
image). The PDF loader renders pages and rebuilds lines and paragraphs (``pdf_ocr``).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import threading
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from xxgk_desk.core.install_kind import ocr_install_hint

INSTALL_HINT = ocr_install_hint()  # worded for this install (pip, or the frozen app)
#: Rendering resolution for recognition. On the test scan (200 dpi) 200 was as accurate as
#: 300 (99.7 % against 99.4 %) and faster; 150 lost 0.6 %.
DPI = 200
#: Longest side (pixels) of the image the text detector sees.
DET_SIDE = 1280
#: Text lines recognised per model call. One: a batch is padded to its widest line, and a
#: report page mixes full-width lines with short ones, so batches cost more than they save.
REC_BATCH = 1
#: onnxruntime threads per model call. One: on two cores the second thread mostly waits
#: (and batch runs one page per worker process instead).
THREADS = 1
#: Characters recognised with less confidence than this are doubtful (shown as such,
#: and findings quoting them ask for a look at the original).
DOUBT = 0.9
#: Bundled model files (inside the rapidocr wheel, under ``rapidocr/models``) by task; rapidocr
#: 3.10 ships PP-OCRv6_det_small.onnx, PP-OCRv6_rec_small.onnx and a cls model there.
_PATTERNS = {"Det": "*det*.onnx", "Rec": "*rec*.onnx", "Cls": "*cls*.onnx"}
_ENGINE_LOCK = threading.Lock()
_FULL = {
    "use_det": True,
    "use_cls": False,
    "use_rec": True,
    "return_word_box": True,
    "return_single_char_box": True,
}
_REC_ONLY = {**_FULL, "use_det": False, "return_word_box": False, "return_single_char_box": False}

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class OcrChar:
    """One recognised character: its box (pixels) and the recogniser's confidence."""

    ch: str
    box: Box
    confidence: float


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One detected text line: its text, corners (pixels, clockwise from top-left) and confidence.

    ``chars`` holds the characters of ``text`` other than spaces, in order; ``space_before``
    their indexes in ``chars`` that have a space before them in ``text``.
    """

    text: str
    quad: tuple[tuple[float, float], ...]
    confidence: float
    chars: tuple[OcrChar, ...]
    space_before: frozenset[int] = frozenset()


@cache
def _models() -> dict[str, Path]:
    """The bundled model file of each task (empty when rapidocr or a model is missing)."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    found = {task: sorted(folder.glob(pattern)) for task, pattern in _PATTERNS.items()}
    return {task: files[0] for task, files in found.items() if files} if all(found.values()) else {}


@cache
def available() -> bool:
    """Whether the OCR extra (rapidocr with onnxruntime and its bundled models) is installed."""
    return importlib.util.find_spec("onnxruntime") is not None and bool(_models())


def install_hint() -> str:
    """What to install for OCR (Chinese, for people)."""
    return INSTALL_HINT


def version() -> str:
    """The rapidocr version (for the extractor string)."""
    try:
        return metadata.version("rapidocr")
    except metadata.PackageNotFoundError:
        return "unknown"


@cache
def _engine() -> Any:
    """The shared RapidOCR engine on the bundled models (built once; loading takes a moment)."""
    from rapidocr import RapidOCR

    params: dict[str, Any] = {
        "Global.log_level": "error",
        "Global.use_cls": False,
        "Global.return_word_box": True,
        "Global.return_single_char_box": True,
        # Detection on the page scaled to 1280 pixels at most (recognition still reads the
        # full-resolution crops): a third less time for one character in 2,300 on the test scan.
        "Det.limit_type": "max",
        "Det.limit_side_len": DET_SIDE,
        "Rec.rec_batch_num": REC_BATCH,
        "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }
    for task, path in _models().items():  # explicit paths: nothing is looked up or downloaded
        params[f"{task}.model_path"] = str(path)
    return RapidOCR(params=params)


def recognise_page(
    image: Any,
    *,
    box_thresh: float | None = None,
    unclip_ratio: float | None = None,
    text_score: float | None = None,
) -> list[OcrLine]:
    """The text lines of a page image (a numpy array, grey or BGR), top to bottom.

    Coordinates are pixels of ``image``. The keywords override RapidOCR's detection box
    threshold, box expansion and minimum line score. Raises RuntimeError without the extra.
    """
    if not available():
        raise RuntimeError(INSTALL_HINT)
    kw = {"box_thresh": box_thresh, "unclip_ratio": unclip_ratio, "text_score": text_score}
    with _ENGINE_LOCK:  # one engine, built once; it keeps per-call settings in its state,
        # so every switch is passed each time
        result = _engine()(image, **_FULL, **{k: v for k, v in kw.items() if v is not None})
    if result.boxes is None or result.txts is None:
        return []
    words = result.word_results if len(result.word_results) == len(result.txts) else [()] * len(result.txts)
    out = [
        _line(text, quad, float(score), found)
        for quad, text, score, found in zip(result.boxes, result.txts, result.scores, words, strict=True)
        if text.strip()
    ]
    out = _line_ends(image, out)
    out.sort(key=lambda ln: (ln.quad[0][1] + ln.quad[3][1]) / 2)
    return out


#: Punctuation the detector tends to leave out at the end of a line (a small mark set apart).
_TRAILING = frozenset("，。、；：？！）》」』】”’,.;:?!)…")


def _line_ends(image: Any, lines: list[OcrLine]) -> list[OcrLine]:
    """Lines whose box stops just before a punctuation mark, read again with the mark.

    The detector often leaves a lone ``、`` ``。`` or ``：`` out of the box at the end of a
    line; the line then looks shorter than it is and its paragraph breaks there. When ink
    (not noise, not a table rule, not another line) lies within an em to the right of a box,
    the widened box is recognised again and up to two trailing punctuation marks are kept.
    """
    import cv2
    import numpy as np

    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h_img, w_img = grey.shape[:2]
    boxes = [_bounds(ln.quad) for ln in lines]
    out = []
    for k, ln in enumerate(lines):
        x0, y0, x1, y1 = (int(round(v)) for v in boxes[k])
        # the right end of the (possibly slanted) box, from the end of its last character
        (_, ty), (_, by) = ln.quad[1], ln.quad[2]
        hgt = int(by - ty)
        end = int(ln.chars[-1].box[2]) + 2 if ln.chars else x1 + 1
        rx0, rx1 = min(end, x1 + 1), min(x1 + int(0.9 * hgt), w_img)
        ry0, ry1 = max(int(ty) + hgt // 6, 0), min(int(by) - hgt // 6, h_img)
        region = (rx0, ry0, rx1, ry1)
        if rx1 - rx0 < 4 or ry1 - ry0 < 4 or any(_covers(b, region) for j, b in enumerate(boxes) if j != k):
            out.append(ln)
            continue
        ink = cv2.medianBlur(np.ascontiguousarray(grey[ry0:ry1, rx0:rx1]), 3) < 150
        if ink.sum() < 12 or ink.mean(axis=0).max() > 0.85:  # nothing, or a ruling line
            out.append(ln)
            continue
        with _ENGINE_LOCK:
            again = _engine()(
                np.ascontiguousarray(grey[max(y0, 0) : min(y1, h_img), max(x0, 0) : rx1]), **_REC_ONLY
            )
        out.append(_extend(ln, again, rx0, rx0 + int(np.nonzero(ink.any(axis=0))[0].max()) + 1))
    return out


def _covers(box: Box, region: tuple[int, int, int, int]) -> bool:
    """Whether another line's box lies in ``region`` (not merely the padded edge of the line
    above or below, which overlap a little)."""
    x0, y0, x1, y1 = region
    return box[0] < x1 and box[2] > x0 and min(box[3], y1) - max(box[1], y0) > (y1 - y0) / 2


def _extend(ln: OcrLine, again: Any, left: float, right: float) -> OcrLine:
    """``ln`` with the trailing punctuation its second reading found (boxed left..right)."""
    txts = getattr(again, "txts", None)
    if not txts:
        return ln
    new = "".join(str(txts[0]).split())
    old = ln.text.replace(" ", "")
    extra = new[len(old) :]
    if not new.startswith(old) or not 1 <= len(extra) <= 2 or any(ch not in _TRAILING for ch in extra):
        return ln
    score = float(again.scores[0])
    _, top, _, bottom = ln.chars[-1].box if ln.chars else _bounds(ln.quad)
    step = (right - left) / len(extra)
    chars = ln.chars + tuple(
        OcrChar(ch, (left + i * step, top, left + (i + 1) * step, bottom), score)
        for i, ch in enumerate(extra)
    )
    (qx0, qy0), (_, qy1), (_, qy2), (qx3, qy3) = ln.quad[:4]
    quad = ((qx0, qy0), (right, qy1), (right, qy2), (qx3, qy3))
    return OcrLine(ln.text + extra, quad, ln.confidence, chars, ln.space_before)


def _line(text: str, quad: Any, score: float, found: Any) -> OcrLine:
    """An OcrLine with a box and a confidence for every character other than spaces.

    RapidOCR's single-character results give them; when they do not match the text (it
    leaves some out), characters share the line box out by their width (CJK one em, others half).
    """
    corners = tuple((float(x), float(y)) for x, y in quad)
    text = " ".join(text.split())
    visible = [ch for ch in text if ch != " "]
    space_before = frozenset(
        k for k, pos in enumerate(i for i, ch in enumerate(text) if ch != " ") if pos and text[pos - 1] == " "
    )
    pieces = [(str(t), float(c), b) for t, c, b in (found or ()) if t and b is not None]
    split = [(ch, c, b) for t, c, b in pieces for ch in t if ch != " "] if pieces else []
    if [ch for ch, _, _ in split] == visible and all(len(t.replace(" ", "")) == 1 for t, _, _ in pieces):
        chars = tuple(OcrChar(ch, _bounds(b), c) for ch, c, b in split)
    else:
        chars = _spread(visible, corners, score)
    paired = _pair_brackets(text)
    if paired != text:
        text = paired
        chars = tuple(
            dataclasses.replace(c, ch=ch) for c, ch in zip(chars, text.replace(" ", ""), strict=True)
        )
    return OcrLine(text, corners, score, chars, space_before)


_FULL_WIDTH = {"(": "（", ")": "）"}


def _pair_brackets(text: str) -> str:
    """A bracket pair read half full-width, half not — ``(一）`` — made full-width.

    The recogniser reads a full-width ``（`` as ``(`` more often than the other way round;
    a pair with one full-width side was full-width in print.
    """
    out = list(text)
    stack: list[int] = []
    for k, ch in enumerate(out):
        if ch in "(（":
            stack.append(k)
        elif ch in ")）" and stack:
            j = stack.pop()
            if (out[j] == "（") != (ch == "）"):
                out[j], out[k] = _FULL_WIDTH.get(out[j], out[j]), _FULL_WIDTH.get(ch, ch)
    return "".join(out)


def _bounds(points: Any) -> Box:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _spread(visible: list[str], quad: tuple[tuple[float, float], ...], score: float) -> tuple[OcrChar, ...]:
    """Characters spread along the line's top edge by width (CJK 1, other 0.5)."""
    from xxgk_desk.core.normalize import is_cjk

    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad[:4]
    weights = [1.0 if is_cjk(ch) else 0.5 for ch in visible]
    total = sum(weights) or 1.0
    out = []
    acc = 0.0
    height = max(((x3 - x0) ** 2 + (y3 - y0) ** 2) ** 0.5, 1.0)
    for ch, w in zip(visible, weights, strict=True):
        a, b = acc / total, (acc + w) / total
        ax, ay = x0 + a * (x1 - x0), y0 + a * (y1 - y0)
        bx, by = x0 + b * (x1 - x0), y0 + b * (y1 - y0)
        out.append(OcrChar(ch, (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by) + height), score))
        acc += w
    return tuple(out)
