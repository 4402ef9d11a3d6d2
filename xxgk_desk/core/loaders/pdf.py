"""Read a PDF report into a :class:`Document` with pypdfium2.

Text comes in true reading order from per-character boxes (see ``pdf_lines``), page
furniture is removed and paragraphs are rebuilt (``pdf_layout``), ruled tables become table
blocks (``pdf_tables``). Pages without a text layer are listed in ``image_pages``; with
``ocr="auto"`` or ``"always"`` and the OCR extra installed they are recognised (``pdf_ocr``)
and go through the same line, paragraph and table rebuilding.
"""

from __future__ import annotations

import dataclasses
import threading
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xxgk_desk.core.document import OCR_DOUBT, Document, OcrSpan, sha256_file
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import ocr as ocr_engine
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.loaders.pdf_chars import CH, PageGeometry, StyleProbe, read_chars, unmapped_type3
from xxgk_desk.core.loaders.pdf_layout import (
    Stats,
    breaks_between,
    continues_on_next_page,
    paragraph_text,
    strip_furniture,
)
from xxgk_desk.core.loaders.pdf_lines import NAN4, Line, cluster_lines, join_texts, make_line
from xxgk_desk.core.loaders.pdf_streams import check_streams
from xxgk_desk.core.loaders.pdf_tables import Table, find_tables, page_images, page_rules, split_chars
from xxgk_desk.core.normalize import fix_radicals

#: Bump when a change to the layout code changes the text of existing files.
LAYOUT_VERSION = 2
EXTRACTOR = f"pdf-pdfium/{pdfium.PYPDFIUM_INFO} pdfium/{pdfium.PDFIUM_INFO.build} layout/{LAYOUT_VERSION}"
#: Fewer visible characters than this on a page-sized image: the page has no usable text layer.
MIN_TEXT_CHARS = 10
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
#: More consecutive pages than this that PDFium cannot load: the page tree is broken (a
#: /Count that claims a million pages, a loop of page nodes) and the load stops with a
#: ReadError instead of walking the claimed pages. A real file with damaged pages has a few
#: bad ones among good ones. (A bound on the claimed count relative to the file size would
#: not do: pages in compressed object streams take a few bytes each.)
MAX_FAILED_RUN = 50
#: PDFium is not thread-safe: code elsewhere that uses pypdfium2 in a thread should hold this too.
PDFIUM_LOCK = threading.RLock()
#: ``progress(done, total, message)``; whatever it raises stops the load.
Progress = Callable[[int, int, str], None]


@dataclass
class _PageData:
    """What pass one keeps of a page: its lines, tables and whether it has text."""

    number: int
    width: float = 0.0
    height: float = 0.0
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    failed: bool = False
    garbled: bool = False  # the text layer decodes to private-use or replacement characters
    type3: bool = False  # Type3 glyphs without a ToUnicode map: no extractable text (kind "image")
    #: "text"; "image" (no usable text layer but something drawn: a scan, outlined text);
    #: "blank" (nothing on it).
    kind: str = "blank"
    ocr: bool = False  # lines and tables come from OCR
    ocr_failed: bool = False
    ocr_conf: list[float] = field(default_factory=list)  # confidences of the recognised characters

    @property
    def has_text(self) -> bool:
        """A text layer, or text recognised by OCR."""
        return self.kind == "text" or (self.ocr and bool(self.lines or self.tables))


def load_pdf(path: str, *, ocr: str = "never", progress: Progress | None = None) -> Document:
    """Read ``path`` (a PDF) into a Document. Raises :class:`ReadError` on bad input.

    ``ocr``: ``"never"``; ``"auto"``: recognise pages without a text layer when the OCR extra
    is installed (else they are listed with a warning saying what to install); ``"always"``:
    recognise every page that shows something, replacing its text layer.
    ``progress(done, total, message)`` is called after each page; whatever it raises stops
    the load and comes out unchanged (the document is closed first).
    """
    name = Path(path).name
    use_ocr = ocr in ("auto", "always") and ocr_engine.available()
    tools = _OcrTools()
    with PDFIUM_LOCK:
        pdf = _open(path, name)
    try:
        with PDFIUM_LOCK:
            count = len(pdf)
            bookmarks = _bookmarks(pdf)
        pages: list[_PageData] = []
        failed_run = 0
        for i in range(count):
            with PDFIUM_LOCK:  # per page: other threads may use PDFium in between
                data = _read_page(pdf, i)
                wanted = use_ocr and (data.kind == "image" or (ocr == "always" and data.kind == "text"))
                pdf_ocr = tools.module() if wanted else None
                image = _render(pdf_ocr, pdf, i, data) if pdf_ocr is not None else None
            if image is not None:
                _recognise(pdf_ocr, data, image)  # slow: without the PDFium lock
            pages.append(data)
            failed_run = failed_run + 1 if data.failed else 0
            if failed_run > MAX_FAILED_RUN:
                raise ReadError(
                    "damaged",
                    f"PDF 文件的页面结构已损坏（声称有 {count} 页，但从第 {i + 2 - failed_run} 页起"
                    f"连续 {failed_run} 页无法读取），无法读取：{name}。请重新下载或向报送单位索取完整的文件。",
                )
            if progress is not None:
                progress(i + 1, count, f"已识别第 {i + 1} 页（OCR）" if data.ocr else "")
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    image_pages = tuple(p.number for p in pages if p.kind == "image")
    ocr_pages = tuple(p.number for p in pages if p.ocr)
    assembler = _Assembler(pages, bookmarks)
    assembler.run()
    doc = assembler.builder.build(
        path=str(path),
        kind="pdf",
        file_sha256=sha256_file(path),
        extractor=EXTRACTOR + (f" +rapidocr/{ocr_engine.version()}" if ocr_pages else ""),
        image_pages=image_pages,
        warnings=_warnings(pages, image_pages, ocr, tools.error),
    )
    doc = dataclasses.replace(doc, ocr_spans=tuple(assembler.ocr_spans), ocr_pages=ocr_pages)
    return _finish(doc, assembler.page_starts, assembler.cell_boxes)


class _OcrTools:
    """``pdf_ocr`` (it needs numpy and OpenCV), imported when the first page needs OCR.

    When the import fails, ``module()`` is None and ``error`` says why in one line: the
    document is read without OCR (any exception counts: a broken native library fails in
    more ways than ImportError).
    """

    def __init__(self) -> None:
        self._module: Any = None
        self.error = ""

    def module(self) -> Any:
        if self._module is None and not self.error:
            try:
                from xxgk_desk.core.loaders import pdf_ocr
            except Exception as e:  # whatever stops OCR from starting means no OCR
                reason = " ".join(f"{type(e).__name__}: {e}".split())
                self.error = reason if len(reason) <= 120 else reason[:119] + "…"
            else:
                self._module = pdf_ocr
        return self._module


def _render(pdf_ocr: Any, pdf: pdfium.PdfDocument, index: int, data: _PageData) -> Any:
    """The page as a grey image for OCR, or None when it cannot be rendered (holds the lock)."""
    try:
        return pdf_ocr.render(pdf, index)
    except (pdfium.PdfiumError, ValueError, MemoryError):
        data.ocr_failed = True
        return None


def _recognise(pdf_ocr: Any, data: _PageData, image: Any) -> None:
    """Replace the page's lines and tables by what OCR recognises on ``image``."""
    try:
        found = ocr_engine.recognise_page(image)
        lines, tables = pdf_ocr.rebuild(found, image, data.number, data.width, data.height)
    except Exception:  # an OCR failure costs this page's text, not the document
        data.ocr_failed = True
        return
    data.lines, data.tables, data.ocr = lines, tables, True
    data.ocr_conf = [c.confidence for ln in found for c in ln.chars]


def _warnings(
    pages: list[_PageData], image_pages: tuple[int, ...], ocr: str = "never", ocr_error: str = ""
) -> tuple[str, ...]:
    """The document's warnings; ``ocr_error`` says why OCR could not start (empty: it could)."""
    out = []
    unread = tuple(p.number for p in pages if p.kind == "image" and not p.ocr and not p.type3)
    type3 = tuple(p.number for p in pages if p.type3)
    if type3:
        done = "已按扫描页用 OCR 识别" if all(p.ocr for p in pages if p.type3) else "其中的文字未能读取"
        msg = f"第 {_ranges(type3)} 页的文字使用没有编码映射的 Type3 字体，无法直接提取，{done}。"
        if done.startswith("其中") and ocr != "never" and not ocr_engine.available():
            msg = msg[:-1] + f"；{ocr_engine.install_hint()}"
        out.append(msg)
    if unread:
        msg = f"第 {_ranges(unread)} 页没有文字层（可能是扫描件或图片），其中的文字未能读取。"
        if ocr != "never" and not ocr_engine.available():
            msg = msg[:-1] + f"；{ocr_engine.install_hint()}"
        out.append(msg)
    elif ocr == "always" and not ocr_engine.available():
        out.append(f"未能按要求用 OCR 识别页面：{ocr_engine.install_hint()}")
    if ocr_error and (unread or ocr == "always"):
        out.append(f"文字识别（OCR）组件未能启动（{ocr_error}），未做文字识别；请重新安装 OCR 组件。")
    recognised = [p for p in pages if p.ocr]
    if recognised:
        confs = [c for p in recognised for c in p.ocr_conf]
        mean = sum(confs) / len(confs) if confs else 0.0
        doubtful = sum(1 for c in confs if c < OCR_DOUBT)
        out.append(
            f"第 {_ranges(tuple(p.number for p in recognised))} 页的文字由 OCR 从扫描图像识别"
            f"（平均置信度 {mean:.2f}，存疑字符 {doubtful} 个），可能有误，请与原件核对。"
        )
    failed_ocr = tuple(p.number for p in pages if p.ocr_failed)
    if failed_ocr:
        out.append(f"第 {_ranges(failed_ocr)} 页文字识别（OCR）失败。")
    failed = tuple(p.number for p in pages if p.failed)
    if failed:
        out.append(f"第 {_ranges(failed)} 页无法解析（文件可能部分损坏），已跳过。")
    garbled = tuple(p.number for p in pages if p.garbled and not p.ocr)
    if garbled:
        out.append(
            f"第 {_ranges(garbled)} 页的文字层无法正确解码（字体缺少编码映射），读出的文字可能是乱码。"
        )
    return tuple(out)


# -- opening -------------------------------------------------------------------


def _open(path: str, name: str) -> pdfium.PdfDocument:
    """Open the PDF from memory (the file is not kept open: it can be renamed at once).

    Its compressed streams are checked first (``pdf_streams``): PDFium aborts the process
    on a stream that inflates to gigabytes.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise ReadError("io", f"读取文件失败：{name}（{e.strerror or e}）。请确认文件可以访问。") from None
    check_streams(data, name)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in _PASSWORD_ERRORS:
            raise ReadError(
                "encrypted",
                f"PDF 文件已加密，无法读取：{name}。请向报送单位索取未加密的版本，或先用 PDF 阅读器去除密码后再打开。",
            ) from None
        raise ReadError(
            "damaged",
            f"PDF 文件已损坏或不完整，无法读取：{name}。请重新下载或向报送单位索取完整的文件。",
        ) from None


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _PageData:
    """Pass one for one page: characters → tables and lines (raw handles closed here)."""
    data = _PageData(index + 1)
    page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not page:
        data.failed = True
        return data
    try:
        geom = PageGeometry(page)
        data.width, data.height = geom.width, geom.height
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            data.failed = True
            return data
        try:
            chars, slanted = read_chars(textpage, geom)  # may turn geom to the text's own frame
            data.width, data.height = geom.width, geom.height
            data.kind = _page_kind(page, geom, len(chars) + len(slanted))
            if data.kind != "text":
                return data
            if unmapped_type3(textpage, chars):  # its "text" is raw Type3 codes: like a scan
                data.kind, data.type3 = "image", True
                return data
            bad = sum(1 for c in chars if "\ue000" <= c[CH] <= "\uf8ff" or c[CH] == "\ufffd")
            data.garbled = bad > 0.3 * len(chars)
            data.tables = find_tables(*page_rules(page, geom), page=data.number)
            rest = split_chars(chars, data.tables)
            split_chars(slanted, data.tables)  # slanted text outside tables (watermarks) is dropped
            probe = StyleProbe(textpage)
            data.lines = [make_line(cs, data.number, probe) for cs in cluster_lines(rest)]
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    return data


def _page_kind(page: object, geom: PageGeometry, chars: int) -> str:
    """text, image or blank: a few characters on a page-sized image (a scan) are no text layer."""
    if chars >= MIN_TEXT_CHARS:
        return "text"
    images, drawn = page_images(page, geom)
    if images >= 0.3 * geom.width * geom.height or (not chars and drawn):
        return "image"
    return "text" if chars else "blank"


def _bookmarks(pdf: pdfium.PdfDocument) -> list[tuple[str, int, int | None]]:
    """(compact title, heading level, 1-based page or None) for every bookmark."""
    out = []
    try:
        for bm in pdf.get_toc():
            title = "".join(fix_radicals(bm.get_title() or "").split())
            dest = bm.get_dest()
            index = dest.get_index() if dest is not None else None
            if title:
                out.append((title, bm.level + 1, None if index is None else index + 1))
    except (pdfium.PdfiumError, ValueError, OSError):
        return out  # a broken outline is no reason to refuse the text
    return out


def _ranges(numbers: tuple[int, ...]) -> str:
    """(1, 2, 3, 5) → '1–3、5'."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return "、".join(parts)


# -- pass two: blocks ----------------------------------------------------------------


class _Assembler:
    """Feeds paragraphs and tables of all pages to a TextBuilder in reading order.

    The block being built stays open across a page break when the next page continues it
    (a paragraph whose last line is full, a table with the same columns); ``page_starts``
    then records where the next page starts inside that block.
    """

    def __init__(self, pages: list[_PageData], bookmarks: list[tuple[str, int, int | None]]) -> None:
        self.pages = pages
        strip_furniture([p.lines for p in pages], [p.height for p in pages])
        self.stats = Stats([p.lines for p in pages])
        self.margins = dict(zip((p.number for p in pages), self.stats.margins, strict=True))
        self.bookmarks = list(bookmarks)
        self.builder = TextBuilder()
        self.lines: list[Line] = []  # the open paragraph
        self.tables: list[Table] = []  # the open table: its pieces on consecutive pages
        self.marks: list[tuple[int, int]] = []  # (page, index of its first line or piece)
        self.page_starts: dict[int, int] = {}
        self.cell_boxes: list[tuple[int, list[float]]] = []
        self.ocr_spans: list[OcrSpan] = []

    def run(self) -> None:
        for page in self.pages:
            items = sorted(
                [(ln.top, 0, k, ln) for k, ln in enumerate(page.lines)]
                + [(t.top, 1, k, t) for k, t in enumerate(page.tables)],
                key=lambda it: it[:3],
            )
            if not self._continues(items[0][3] if items else None):
                self.flush()
            elif self.lines or self.tables:
                self.marks.append((page.number, len(self.lines) or len(self.tables)))
            self.builder.start_page(page.number, page.width, page.height, page.has_text)
            for _, _, _, item in items:
                if isinstance(item, Table):
                    if not (self.marks and self.marks[-1][0] == page.number and item is items[0][3]):
                        self.flush()  # (unless this piece continues the open table)
                    self.tables.append(item)
                else:
                    self.add_line(item)
        self.flush()

    def _continues(self, first: Line | Table | None) -> bool:
        """Whether the first item of a page continues the open block."""
        if self.lines and isinstance(first, Line):
            last = self.lines[-1]
            return continues_on_next_page(last, self.margins[last.page], first, self.margins[first.page])
        if self.tables and isinstance(first, Table):
            return self.tables[-1].same_columns(first)
        return False

    def add_line(self, line: Line) -> None:
        if self.tables:
            self.flush()
        p = self.lines
        if (
            p
            and p[-1].page == line.page
            and breaks_between(p[-1], line, p, self.stats, self.margins[line.page])
        ):
            self.flush()
        self.lines.append(line)

    def flush(self) -> None:
        if self.lines:
            self._flush_paragraph()
        elif self.tables:
            self._flush_table()
        self.lines, self.tables, self.marks = [], [], []

    def _flush_paragraph(self) -> None:
        lines = self.lines
        text, boxes, starts = paragraph_text(lines)
        first = lines[0]
        block = self.builder.add_block(
            "paragraph",
            text,
            boxes=boxes,
            style_level=self._style_level(text, first.page),
            bold=first.bold,
            size_ratio=round(first.size / self.stats.body_size, 2),
            page=first.page,
        )
        if block is not None:
            for page, k in self.marks:
                self.page_starts[page] = block.start + starts[k]
            for ln, at in zip(lines, starts, strict=True):
                if ln.conf is not None:
                    self.ocr_spans += _conf_spans(ln.text, ln.conf, block.start + at)

    def _style_level(self, text: str, page: int) -> int | None:
        """The level of the bookmark this paragraph is the target of, if any."""
        if not self.bookmarks:
            return None
        compact = "".join(text.split())
        for k, (title, level, bm_page) in enumerate(self.bookmarks):
            if bm_page is not None and abs(bm_page - page) > 1:
                continue
            if compact == title or (len(title) >= 2 and compact.startswith(title)):
                del self.bookmarks[k]
                return level
        return None

    def _flush_table(self) -> None:
        rows: list[list[tuple[int, str, list[float]]]] = []
        # where each piece starts: (row index, cell index, offset in that cell)
        first_row: list[tuple[int, int, int]] = []
        for k, piece in enumerate(self.tables):
            got = [row for row in piece.grid_rows() if any(text for _, text, _ in row)]
            start = (len(rows), 0, 0)
            if k and rows and got:
                got, start = _continue_table(rows, got)
            first_row.append(start)
            rows += got
        rows_out = [[(text, boxes) for _, text, boxes in row] for row in rows]
        block = self.builder.add_table(
            [[text for text, _ in row] for row in rows_out], page=self.tables[0].page
        )
        if block is None:
            return
        for page, k in self.marks:
            r, c, off = first_row[k]
            self.page_starts[page] = block.rows[r][c].start + off if r < len(block.rows) else block.end
        conf: dict[tuple[float, ...], float] = {}
        for piece in self.tables:
            conf.update(piece.conf or {})
        for cells, row in zip(block.rows, rows_out, strict=True):
            for cell, (text, boxes) in zip(cells, row, strict=True):
                if text and len(boxes) == 4 * (cell.end - cell.start):
                    self.cell_boxes.append((cell.start, boxes))
                    if conf:
                        self._cell_spans(cell.start, text, boxes, conf)

    def _cell_spans(
        self, start: int, text: str, boxes: list[float], conf: dict[tuple[float, ...], float]
    ) -> None:
        """OCR spans of a table cell recognised by OCR (its characters found by their boxes)."""
        per: list[float] = []
        last = None
        for k in range(len(text)):
            c = conf.get(tuple(boxes[4 * k : 4 * k + 4]))
            last = c if c is not None else last
            per.append(-1.0 if last is None else last)
        if last is not None:
            self.ocr_spans += [s for s in _conf_spans(text, per, start) if s.confidence >= 0]


def _conf_spans(text: str, conf: list[float], offset: int) -> list[OcrSpan]:
    from xxgk_desk.core.loaders.pdf_ocr import conf_spans

    return conf_spans(text, conf, offset)


def _continue_table(
    rows: list[list[tuple[int, str, list[float]]]], piece: list[list[tuple[int, str, list[float]]]]
) -> tuple[list[list[tuple[int, str, list[float]]]], tuple[int, int, int]]:
    """The rows a table's next piece adds, and where that piece starts in the table.

    A header row repeated at the top of the page is dropped. A first row that only carries
    the rest of cells cut by the page break (its first cell empty, text only under cells of
    the row before) is merged into that row, cell by cell; the piece then starts inside it.
    """
    texts = [text for _, text, _ in rows[0]]
    if len(piece) > 1 and [text for _, text, _ in piece[0]] == texts:
        piece = piece[1:]
    first, prev = piece[0], rows[-1]
    filled = [(col, text, boxes) for col, text, boxes in first if text]
    prev_cols = {col: k for k, (col, text, _) in enumerate(prev) if text}
    if (
        first[0][1]
        or not prev[0][1]
        or 2 * len(filled) >= len(first)
        or any(col not in prev_cols for col, _, _ in filled)
    ):
        return piece, (len(rows), 0, 0)
    start: tuple[int, int, int] | None = None
    for col, text, boxes in filled:
        k = prev_cols[col]
        _, old, old_boxes = prev[k]
        sep = join_texts(old, text)
        if start is None:
            start = (len(rows) - 1, k, len(old) + len(sep))
        prev[k] = (col, old + sep + text, old_boxes + list(NAN4 if sep else ()) + boxes)
    assert start is not None
    return piece[1:], start


def _finish(
    doc: Document, page_starts: dict[int, int], cell_boxes: list[tuple[int, list[float]]]
) -> Document:
    """Move page starts into paragraphs that cross a page break; add table cell boxes."""
    if not page_starts and not cell_boxes:
        return doc
    if any(p.boxes is not None for p in doc.pages):
        boxes = array("f")
        for p in doc.pages:
            boxes.extend(
                p.boxes if p.boxes is not None else array("f", [float("nan")] * (4 * (p.end - p.start)))
            )
    else:
        boxes = array("f", [float("nan")]) * (4 * len(doc.text))
    for start, cell in cell_boxes:
        boxes[4 * start : 4 * start + len(cell)] = array("f", cell)
    starts = [page_starts.get(p.number, p.start) for p in doc.pages]
    ends = [*starts[1:], len(doc.text)]
    pages = tuple(
        dataclasses.replace(p, start=s, end=e, boxes=boxes[4 * s : 4 * e])
        for p, s, e in zip(doc.pages, starts, ends, strict=True)
    )
    return dataclasses.replace(doc, pages=pages)
