"""Offline text recognition for scanned pages with RapidOCR (the optional extra ``xxgk-desk[ocr]``).

RapidOCR's Chinese detection and recognition models ship inside its wheel; the engine is
given those files explicitly, so it never tries to download anything. The text-direction
classifier stays off: report pages are upright, and on upright pages it drops whole lines.

``available()`` says whether the extra is installed; ``recognise_page(image)`` returns the
text lines of one page image with their boxes and confidences (pixel coordinates of the
image). The PDF loader renders pages and rebuilds lines and paragraphs (``pdf_ocr``).
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

INSTALL_HINT = '需要安装 OCR 组件：pip install "xxgk-desk[ocr]"'
#: Rendering resolution for recognition. The scans in the wild are mostly 200–300 dpi; 200
#: gave the same accuracy as 300 on the test scan in two thirds of the time.
DPI = 200
#: Characters recognised with less confidence than this are doubtful (shown as such,
#: and findings quoting them ask for a look at the original).
DOUBT = 0.9
#: Bundled model files (inside the rapidocr wheel, under ``rapidocr/models``) by task; rapidocr
#: 3.10 ships PP-OCRv6_det_small.onnx, PP-OCRv6_rec_small.onnx and a cls model there.
_PATTERNS = {"Det": "*det*.onnx", "Rec": "*rec*.onnx", "Cls": "*cls*.onnx"}
_ENGINE_LOCK = threading.Lock()

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
    engine = _engine()
    kw = {"box_thresh": box_thresh, "unclip_ratio": unclip_ratio, "text_score": text_score}
    with _ENGINE_LOCK:  # the engine keeps per-call settings in its state
        result = engine(image, use_cls=False, **{k: v for k, v in kw.items() if v is not None})
    if result.boxes is None or result.txts is None:
        return []
    words = result.word_results if len(result.word_results) == len(result.txts) else [()] * len(result.txts)
    out = [
        _line(text, quad, float(score), found)
        for quad, text, score, found in zip(result.boxes, result.txts, result.scores, words, strict=True)
        if text.strip()
    ]
    out.sort(key=lambda ln: (ln.quad[0][1] + ln.quad[3][1]) / 2)
    return out


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
    return OcrLine(text, corners, score, chars, space_before)


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
