"""OCR of scanned pages: the module with and without the extra, modes, spans, findings, accuracy.

Tests marked ``needs_ocr`` run the real recogniser (RapidOCR) and skip without the extra;
the others replace it with a fake one that "recognises" known lines, so the rebuilding,
the spans and the engine hook are tested without the models.
"""

from __future__ import annotations

import dataclasses
import re
import socket
import sys
from functools import cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tests.conftest import shared_path
from xxgk_desk.core.document import OCR_DOUBT, Document, OcrSpan, ocr_confidence
from xxgk_desk.core.errors import Cancelled
from xxgk_desk.core.loaders import load, ocr
from xxgk_desk.core.outline import detect_outline

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sample-report.pdf"
needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason="the OCR extra (rapidocr, onnxruntime) is not installed"
)


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


needs_opencv = pytest.mark.skipif(
    not (_has("cv2") and _has("numpy")), reason="numpy/OpenCV come with the OCR extra"
)


def compact(text: str) -> str:
    """Text without whitespace and without the Markdown table syntax of the seed texts."""
    return re.sub(r"\s+|\|", "", re.sub(r"-{3,}", "", text))


def char_accuracy(hyp: str, ref: str) -> float:
    from rapidfuzz.distance import Levenshtein

    h, r = compact(hyp), compact(ref)
    return 1 - Levenshtein.distance(h, r) / len(r)


def scanned() -> Path:
    return shared_path("samples", "docs", "seed-002-scanned.pdf")


# -- without the extra --------------------------------------------------------------------------


def test_install_hint():
    assert ocr.install_hint() == '需要安装 OCR 组件：pip install "xxgk-desk[ocr]"'


def test_without_the_extra_image_pages_are_listed_with_the_install_hint(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = load(scanned(), ocr="auto")
    assert doc.image_pages == (1, 2, 3) and doc.ocr_pages == () and doc.ocr_spans == ()
    assert [p.has_text for p in doc.pages] == [False, False, False]
    assert "扫描" in doc.warnings[0] and ocr.install_hint() in doc.warnings[0]
    assert "rapidocr" not in doc.extractor


def test_without_the_extra_always_keeps_the_text_layer_and_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = load(SAMPLE_PDF, ocr="always")
    assert doc.text == load(SAMPLE_PDF).text and doc.ocr_pages == ()
    assert any(ocr.install_hint() in w for w in doc.warnings)


def test_never_mode_does_not_mention_installing(monkeypatch):
    monkeypatch.setattr(ocr, "recognise_page", _fail)
    doc = load(scanned(), ocr="never")
    assert doc.ocr_pages == () and ocr.install_hint() not in "".join(doc.warnings)


@pytest.fixture
def ocr_cannot_start(monkeypatch):
    """The extra looks installed, but importing ``pdf_ocr`` (or what it needs) fails."""
    import xxgk_desk.core.loaders as loaders

    def block(module: str) -> None:
        if module in ("cv2", "numpy"):
            if not (_has("cv2") and _has("numpy")):
                pytest.skip("numpy/OpenCV come with the OCR extra")
            import cv2  # noqa: F401  (loaded whole first: only the import in pdf_ocr fails)
        monkeypatch.setattr(ocr, "available", lambda: True)
        monkeypatch.setattr(ocr, "recognise_page", _fail)
        monkeypatch.delattr(loaders, "pdf_ocr", raising=False)
        monkeypatch.delitem(sys.modules, "xxgk_desk.core.loaders.pdf_ocr", raising=False)
        monkeypatch.setitem(sys.modules, module, None)  # importing it raises ImportError

    return block


@pytest.mark.parametrize("module", ["xxgk_desk.core.loaders.pdf_ocr", "cv2", "numpy"])
def test_when_ocr_cannot_start_image_pages_are_listed_with_the_reason(ocr_cannot_start, module):
    ocr_cannot_start(module)
    doc = load(scanned(), ocr="auto")
    assert doc.image_pages == (1, 2, 3) and doc.ocr_pages == () and doc.ocr_spans == ()
    assert "扫描" in doc.warnings[0] and ocr.install_hint() not in doc.warnings[0]
    why = [w for w in doc.warnings if "未能启动" in w]
    assert len(why) == 1 and "OCR" in why[0] and f"Error: import of {module} halted" in why[0]
    assert "\n" not in why[0] and len(why[0]) < 200
    assert "rapidocr" not in doc.extractor


def test_when_ocr_cannot_start_always_keeps_the_text_layer(ocr_cannot_start):
    ocr_cannot_start("cv2")
    doc = load(SAMPLE_PDF, ocr="always")
    assert doc.text == load(SAMPLE_PDF).text and doc.ocr_pages == ()
    assert any("未能启动" in w for w in doc.warnings)


def test_recognise_page_without_the_extra_raises(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(RuntimeError, match="xxgk-desk\\[ocr\\]"):
        ocr.recognise_page(None)


def test_bad_ocr_mode_is_a_programming_error():
    with pytest.raises(ValueError):
        load(SAMPLE_PDF, ocr="sometimes")


def _fail(*_a, **_k):
    raise AssertionError("OCR must not run")


# -- confidence helper ---------------------------------------------------------------------------


def _doc(text: str, spans: tuple[OcrSpan, ...]) -> Document:
    return Document("x.pdf", "pdf", text, (), (), "", "test", ocr_spans=spans)


def test_ocr_confidence_is_the_lowest_overlapping_span():
    doc = _doc("甲乙丙丁戊己庚辛", (OcrSpan(0, 2, 0.99), OcrSpan(2, 3, 0.5), OcrSpan(3, 6, 0.95)))
    assert ocr_confidence(doc, 0, 2) == 0.99
    assert ocr_confidence(doc, 1, 4) == 0.5
    assert ocr_confidence(doc, 3, 8) == 0.95
    assert ocr_confidence(doc, 6, 8) is None
    assert ocr_confidence(doc, 2, 2) == 0.5  # an empty span looks at its character
    assert ocr_confidence(_doc("abc", ()), 0, 3) is None


# -- a fake recogniser ---------------------------------------------------------------------------

W, H = 595.0, 842.0


def _fake_line(text: str, x: float, top: float, size: float, scale: float, low: set[int]) -> ocr.OcrLine:
    """An OcrLine as RapidOCR would give it: pixel boxes, one per character (spaces left out)."""
    chars, spaces, k = [], set(), 0
    cx = x * scale
    for ch in text:
        w = (size if ord(ch) > 0x2E80 else size / 2) * scale
        if ch == " ":
            spaces.add(k)
            cx += w
            continue
        box = (cx, top * scale, cx + w, (top + 1.5 * size) * scale)
        chars.append(ocr.OcrChar(ch, box, 0.55 if len(chars) in low else 0.99))
        cx += w
        k += 1
    quad = (
        (x * scale, top * scale),
        (cx, top * scale),
        (cx, (top + 1.5 * size) * scale),
        (x * scale, (top + 1.5 * size) * scale),
    )
    return ocr.OcrLine(" ".join(text.split()), quad, 0.97, tuple(chars), frozenset(spaces))


#: Two paragraphs of a made-up page: (text, x, top in points); body 12 pt, right margin 522.
FAKE_PAGE = [
    ("一、依申请公开情况", 96, 100),
    ("本学年，学校共受理信息公开申请12件，其中予以公开7件、部分", 96, 124),
    ("公开2件、不予公开2件。", 72, 148),
    ("学校网站后台为各部门设置专门的账号。", 96, 172),
]
#: Characters of the second line recognised with low confidence (the "7").
LOW = {FAKE_PAGE[1][0]: {FAKE_PAGE[1][0].index("7件")}}


def _fake_recognise(image, **_kw):
    scale = image.shape[1] / W
    return [_fake_line(t, x, top, 12, scale, LOW.get(t, set())) for t, x, top in FAKE_PAGE]


def _page_pdf(tmp_path: Path) -> Path:
    """A one-page PDF with some text (its text layer is replaced when OCR runs on it)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(W, H)
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(12))
    buf = ctypes.create_string_buffer("Text layer to be replaced.".encode("utf-16-le") + b"\0\0")
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, pdfium_c.FPDF_WIDESTRING))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, H - 100)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    page.close()
    path = tmp_path / "page.pdf"
    pdf.save(str(path))
    pdf.close()
    return path


@pytest.fixture
def fake_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "recognise_page", _fake_recognise)
    monkeypatch.setattr(ocr, "version", lambda: "fake")


@needs_opencv
def test_always_replaces_the_text_layer_and_rebuilds_paragraphs(tmp_path, fake_ocr):
    doc = load(_page_pdf(tmp_path), ocr="always")
    assert "Text layer" not in doc.text
    assert doc.text.split("\n") == [
        "一、依申请公开情况",
        "本学年，学校共受理信息公开申请12件，其中予以公开7件、部分公开2件、不予公开2件。",
        "学校网站后台为各部门设置专门的账号。",
    ]
    assert doc.ocr_pages == (1,) and doc.image_pages == () and doc.pages[0].has_text
    assert doc.extractor.endswith(" +rapidocr/fake")
    assert any("OCR" in w for w in doc.warnings)


@needs_opencv
def test_auto_leaves_text_pages_alone(tmp_path, fake_ocr):
    doc = load(_page_pdf(tmp_path), ocr="auto")
    assert doc.text == "Text layer to be replaced." and doc.ocr_pages == () and doc.ocr_spans == ()


@needs_opencv
def test_spans_cover_the_recognised_text_and_mark_doubtful_characters(tmp_path, fake_ocr):
    doc = load(_page_pdf(tmp_path), ocr="always")
    text = doc.text
    spans = doc.ocr_spans
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    covered = {k for s in spans for k in range(s.start, s.end)}
    assert covered == {k for k, ch in enumerate(text) if not ch.isspace()}
    doubtful = [s for s in spans if s.confidence < OCR_DOUBT]
    assert [text[s.start : s.end] for s in doubtful] == ["7"] and doubtful[0].confidence == 0.55
    assert text[spans[0].start : spans[0].end] == "一、依申请公开情况"
    seven = text.index("予以公开7") + 4
    assert ocr_confidence(doc, seven, seven + 1) == 0.55
    assert ocr_confidence(doc, 0, 5) == 0.99


@needs_opencv
def test_findings_on_ocr_text_are_flagged(tmp_path, fake_ocr):
    from xxgk_desk.core.engine import review

    doc = load(_page_pdf(tmp_path), ocr="always")
    found = review(doc, detect_outline(doc)).findings
    mismatch = [f for f in found if f.rule == "sum_mismatch"]
    assert mismatch and all(f.ocr for f in mismatch)
    assert "（识别自扫描件，置信度 0.55，请核对原件）" in mismatch[0].message
    assert not [f for f in found if f.start is None and f.ocr]


def test_findings_on_sure_ocr_text_are_flagged_without_the_note():
    from xxgk_desk.core.engine import review

    doc = load(SAMPLE_PDF.with_suffix(".docx"))
    sure = dataclasses.replace(doc, ocr_spans=(OcrSpan(0, len(doc.text), 0.97),))
    for f in review(sure, detect_outline(sure)).findings:
        assert f.ocr == (f.start is not None)
        assert "识别自扫描件" not in f.message
    plain = review(doc, detect_outline(doc)).findings
    assert plain and not any(f.ocr for f in plain)


@needs_opencv
def test_progress_says_which_pages_were_recognised_and_cancel_stops(tmp_path, fake_ocr):
    calls = []
    load(_page_pdf(tmp_path), ocr="always", progress=lambda *a: calls.append(a))
    assert calls == [(1, 1, "已识别第 1 页（OCR）")]

    def stop(*_a):
        raise Cancelled()

    with pytest.raises(Cancelled):
        load(_page_pdf(tmp_path), ocr="always", progress=stop)


@needs_opencv
def test_a_failing_recogniser_costs_the_page_not_the_document(tmp_path, monkeypatch, fake_ocr):
    def broken(*_a, **_k):
        raise RuntimeError("onnxruntime fell over")

    monkeypatch.setattr(ocr, "recognise_page", broken)
    doc = load(scanned(), ocr="auto")
    assert doc.image_pages == (1, 2, 3) and doc.ocr_pages == ()
    assert any("识别" in w and "失败" in w for w in doc.warnings)


@needs_opencv
def test_skew_is_measured_and_undone():
    import math

    from xxgk_desk.core.loaders import pdf_ocr

    angle = math.radians(-0.8)
    lines = []
    for k in range(8):
        x0, y0, w, h = 200.0, 300.0 + 60 * k, 1200.0, 40.0
        pts = [(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h)]
        turned = [
            (x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle))
            for x, y in pts
        ]
        lines.append(ocr.OcrLine("x" * 30, tuple(turned), 1.0, ()))
    assert pdf_ocr.skew(lines) == pytest.approx(angle, abs=1e-6)
    assert pdf_ocr.skew(lines[:2]) == 0.0  # too few lines to tell


@needs_opencv
def test_ruled_table_found_in_an_image():
    import numpy as np

    from xxgk_desk.core.loaders import pdf_ocr
    from xxgk_desk.core.loaders.pdf_tables import find_tables

    scale = 200 / 72
    grey = np.full((int(H * scale), int(W * scale)), 255, dtype=np.uint8)
    rng = np.random.default_rng(1)
    noise = rng.random(grey.shape) < 0.02
    grey[noise] = 0  # pepper
    for y in (300, 340, 380):
        grey[int(y * scale) : int(y * scale) + 2, int(72 * scale) : int(522 * scale)] = 0
    for x in (72, 200, 522):
        grey[int(300 * scale) : int(380 * scale) + 2, int(x * scale) : int(x * scale) + 2] = 0
    grey[rng.random(grey.shape) < 0.01] = 255  # salt, also on the rules
    hs, vs = pdf_ocr.image_rules(grey, scale)
    tables = find_tables(hs, vs, page=1)
    assert len(tables) == 1
    t = tables[0]
    assert len(t.xs) == 3 and len(t.ys) == 3
    assert t.xs[0] == pytest.approx(72, abs=2) and t.ys[-1] == pytest.approx(380, abs=2)


def _huge_page_pdf(tmp_path: Path, width: float = 14400.0, height: float = 14400.0) -> Path:
    """One page of ``width`` × ``height`` points (14,400: 200 inches, the most PDF allows) with
    nothing but a drawn rectangle on it: a page without a text layer."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(width, height)
    rect = pdfium_c.FPDFPageObj_CreateNewRect(width / 4, height / 4, width / 2, height / 2)
    pdfium_c.FPDFPageObj_SetFillColor(rect, 128, 128, 128, 255)
    pdfium_c.FPDFPath_SetDrawMode(rect, pdfium_c.FPDF_FILLMODE_ALTERNATE, 0)
    pdfium_c.FPDFPage_InsertObject(page.raw, rect)
    page.gen_content()
    page.close()
    path = tmp_path / "huge.pdf"
    pdf.save(str(path))
    pdf.close()
    return path


@needs_opencv
def test_render_scale_keeps_the_longer_side_within_max_side():
    from xxgk_desk.core.loaders.pdf_ocr import MAX_SIDE, render_scale

    assert render_scale(W, H, 200) == 200 / 72  # A4: as asked
    assert render_scale(842, 1191, 200) == 200 / 72  # A3
    assert render_scale(14400, 14400, 200) * 14400 == pytest.approx(MAX_SIDE)
    assert render_scale(14400, 72, 200) * 14400 == pytest.approx(MAX_SIDE)  # a long banner
    assert render_scale(0, 0, 200) == 200 / 72


@needs_opencv
def test_a_huge_page_is_rendered_small_enough_to_recognise(tmp_path, monkeypatch, fake_ocr):
    from xxgk_desk.core.loaders import pdf_ocr

    shapes = []

    def recognise(image, **_kw):
        shapes.append(image.shape)
        return []

    monkeypatch.setattr(ocr, "recognise_page", recognise)
    doc = load(_huge_page_pdf(tmp_path), ocr="auto")
    assert shapes == [(pdf_ocr.MAX_SIDE, pdf_ocr.MAX_SIDE)] and doc.page_count == 1
    shapes.clear()
    load(_page_pdf(tmp_path), ocr="always")
    assert shapes == [(round(H * ocr.DPI / 72), round(W * ocr.DPI / 72))]  # A4 at 200 dpi, as before


# -- the real recogniser -------------------------------------------------------------------------


@cache
def _scanned_doc() -> tuple[Document, tuple]:
    calls: list = []
    return load(scanned(), ocr="auto", progress=lambda *a: calls.append(a)), tuple(calls)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("OCR tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@needs_ocr
@pytest.mark.slow
def test_scanned_seed_is_recognised_offline_with_98_percent_accuracy(no_network):
    doc, calls = _scanned_doc()
    ref = shared_path("samples", "seed-002.txt").read_text(encoding="utf-8")
    acc = char_accuracy(doc.text, ref)
    print(f"character accuracy {acc:.4f}")
    assert acc >= 0.98
    assert doc.ocr_pages == (1, 2, 3) and doc.image_pages == (1, 2, 3)
    assert [p.has_text for p in doc.pages] == [True, True, True]
    assert "+rapidocr/" in doc.extractor
    assert [c[:2] for c in calls] == [(1, 3), (2, 3), (3, 3)] and all("OCR" in c[2] for c in calls)


@needs_ocr
@pytest.mark.slow
def test_scanned_seed_spans_boxes_and_blocks():
    doc, _ = _scanned_doc()
    text = doc.text
    covered = {k for s in doc.ocr_spans for k in range(s.start, s.end)}
    assert covered == {k for k, ch in enumerate(text) if not ch.isspace()}
    for s in doc.ocr_spans:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and 0.0 <= s.confidence <= 1.0
    # the scan is turned by about 0.8°: straightened, paragraphs come out whole
    assert (
        "以习近平新时代中国特色社会主义思想为指导，深入学习贯彻领会党中央、国务院关于政务公开工作的决策部署"
        in text
    )
    paragraphs = {compact(doc.block_text(b)) for b in doc.blocks if b.kind == "paragraph"}
    assert compact("三是继续深化信息公开内容。以涉及师生切身利益和社会关注度高的信息为突破口，推进不同领域公开内容"
                   "并逐步形成工作规则，加快完成不同信息公开渠道的接口整合，切实提高公开的透明度。") in paragraphs  # fmt: skip
    table = next(b for b in doc.blocks if b.kind == "table")
    rows = [[text[c.start : c.end] for c in row] for row in table.rows]
    assert rows[0][1:] == ["姓名", "职务", "办公电话", "移动电话", "电子邮箱"]
    assert [
        "工作联系人",
        "方卓青",
        "学校办公室科员",
        "0712-2283078",
        "13545152295",
        "479186222@qq.com",
    ] in rows
    for p in doc.pages:
        assert len(p.boxes) == 4 * (p.end - p.start)
        boxed = [p.box(k) for k in range(p.start, p.end) if p.box(k)]
        assert len(boxed) >= 0.9 * len(compact(text[p.start : p.end]))
        assert all(-1 <= x0 <= x1 <= p.width + 1 and -1 <= t <= b <= p.height + 1 for x0, t, x1, b in boxed)


@needs_ocr
@pytest.mark.slow
def test_findings_on_the_scanned_seed_say_they_come_from_ocr():
    from xxgk_desk.core.engine import review

    doc, _ = _scanned_doc()
    found = [f for f in review(doc, detect_outline(doc)).findings if f.start is not None]
    assert found and all(f.ocr for f in found)
    personal = [f for f in found if f.rule == "personal_data"]
    assert personal  # the contact table lists mobile numbers


@needs_ocr
def test_recognise_page_returns_lines_with_boxes_and_confidences():
    from xxgk_desk.core.loaders import pdf_ocr
    from xxgk_desk.core.loaders.pdf import PDFIUM_LOCK, _open

    with PDFIUM_LOCK:
        pdf = _open(str(SAMPLE_PDF), "sample")
        try:
            image = pdf_ocr.render(pdf, 6)  # the last body page: a short one
        finally:
            pdf.close()
    lines = ocr.recognise_page(image)
    h, w = image.shape[:2]
    assert fuzz.partial_ratio("本学年，学校无其他需要报告的事项。", "".join(ln.text for ln in lines)) >= 90
    tops = [min(y for _, y in ln.quad) for ln in lines]
    assert tops == sorted(tops) or all(b - a > -20 for a, b in zip(tops, tops[1:], strict=False))
    for ln in lines:
        assert 0.0 <= ln.confidence <= 1.0
        assert len(ln.chars) == len(ln.text.replace(" ", ""))
        for c in ln.chars:
            x0, top, x1, bottom = c.box
            assert -2 <= x0 <= x1 <= w + 2 and -2 <= top <= bottom <= h + 2 and 0.0 <= c.confidence <= 1.0


@pytest.mark.parametrize(
    "read,fixed",
    [
        ("(一）依法", "（一）依法"),
        ("（二)主动", "（二）主动"),
        ("(三)分级", "(三)分级"),
        ("规范（试行）》", "规范（试行）》"),
        ("(x", "(x"),
    ],
)
def test_bracket_pairs_read_half_full_width_become_full_width(read, fixed):
    assert ocr._pair_brackets(read) == fixed


@needs_opencv
def test_command_line_ocr_option_reaches_the_loader(tmp_path, fake_ocr, capsys):
    import json

    from xxgk_desk.cli import main

    page = _page_pdf(tmp_path)
    assert main(["text", "--ocr", "never", str(page)]) == 0
    assert capsys.readouterr().out == "Text layer to be replaced.\n"
    assert main(["text", "--ocr", "always", str(page)]) == 0
    assert "予以公开7件" in capsys.readouterr().out
    main(["check", "--json", "--ocr", "always", str(page)])
    out = json.loads(capsys.readouterr().out)
    assert out["extractor"].endswith("+rapidocr/fake")
    assert any(f["rule"] == "sum_mismatch" and "识别自扫描件" in f["message"] for f in out["findings"])
