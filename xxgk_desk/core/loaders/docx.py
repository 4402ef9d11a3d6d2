"""DOCX loader: paragraphs and tables in body order, heading styles, outline levels, bold runs,
and embedded HTML/text parts (``w:altChunk``, see alt_chunk.py) in their place.

Headers and footers are not body text and are not read. Before python-docx opens the
package, the ZIP directory is checked so a zip bomb is refused without unpacking it.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from xxgk_desk import __version__
from xxgk_desk.core.document import Document, sha256_file
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.normalize import clean_controls, fix_radicals

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAX_UNPACKED = 300 * 1024 * 1024  # a real report's parts unpack to a few MB
MAX_RATIO = 200  # compression ratio beyond which an entry is a bomb, not a document
#: word/document.xml of a long report with big tables is a few MB; parsing 64 MB takes ~10 s and ~1 GB
MAX_DOCUMENT_XML = 64 * 1024 * 1024
EXTRACTOR = f"docx/{__version__}"

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def check_zip(path: str) -> None:
    """Refuse packages that are not DOCX or would unpack to far more than a report needs."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            total = 0
            for info in infos:
                total += info.file_size
                if (
                    info.compress_size
                    and info.file_size / info.compress_size > MAX_RATIO
                    and info.file_size > 10 << 20
                ):
                    raise ReadError(
                        "bomb", f"DOCX 文件内部数据异常（压缩比过高，疑似“压缩炸弹”），已拒绝打开：{name}。"
                    )
            if total > MAX_UNPACKED:
                raise ReadError(
                    "bomb", f"DOCX 文件解压后超过 {MAX_UNPACKED >> 20} MB，不像一份报告，已拒绝打开：{name}。"
                )
            body = next((i for i in infos if i.filename == "word/document.xml"), None)
            if body is not None and body.file_size > MAX_DOCUMENT_XML:
                raise ReadError(
                    "too_big",
                    f"DOCX 文件的正文部分过大（{body.file_size >> 20} MB），远超一份年度报告的篇幅，已拒绝打开：{name}。",
                )
            _read_through(z, infos)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
        # OSError too: zipfile seeks to wherever a damaged directory points (EINVAL before the start)
        raise ReadError(
            "damaged",
            f"DOCX 文件已损坏（不是有效的 ZIP 包）：{name}。请用 Word/WPS 打开后另存为 .docx 再试。",
        ) from None
    if "word/document.xml" not in names:
        raise ReadError(
            "mismatch",
            f"文件扩展名是 .docx，但它不是 Word 文档（缺少 word/document.xml）：{name}。请确认文件来源。",
        )


def _read_through(z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Read every member in 1 MB steps, checking its CRC.

    The sizes checked above come from the ZIP directory and may lie: python-docx later reads
    a member whole, and zipfile then inflates all of its data at once, however much that is.
    Read in steps, a member stops at its stated size and a lie fails the CRC check here.
    """
    for info in infos:
        with z.open(info) as f:
            while f.read(1 << 20):
                pass


def load_docx(path: str) -> Document:
    """Read a DOCX file into a Document."""
    check_zip(path)
    import docx  # python-docx; imported here so the rest of the core starts fast

    try:
        d = docx.Document(path)
    except Exception as e:
        raise ReadError(
            "damaged",
            f"DOCX 文件已损坏，无法读取：{Path(path).name}（{type(e).__name__}）。请用 Word/WPS 打开后另存为再试。",
        ) from e
    styles = _style_levels(d)
    body = d.element.body
    # Word records where it last broke the pages (w:lastRenderedPageBreak); that is the only page
    # information a DOCX has. Without it (files from LibreOffice, WPS or generators) the pages are
    # unknown: explicit breaks alone would number a 30-page report as 3 pages.
    rendered = next(body.iter(W + "lastRenderedPageBreak"), None) is not None
    b = TextBuilder()
    b.start_page(1)
    page = 1
    warnings: list[str] = []
    chunks = 0
    for el in _body_items(body):
        if el.tag == W + "altChunk":
            chunks += 1
            _add_alt_chunk(b, d, el, chunks, warnings)
            continue
        if el.tag == W + "tbl":
            rows = [[_cell_text(tc) for tc in tr.iter(W + "tc") if _owner_row(tc) is tr] for tr in _rows(el)]
            b.add_table(rows)
            continue
        if rendered and _rendered_break_in(el):
            page += 1
            b.start_page(page)
        level = _paragraph_level(el, styles)
        for line, bold in _paragraph_lines(el):
            b.add_block("heading" if level else "paragraph", line, style_level=level, bold=bold)
    return b.build(
        path=path,
        kind="docx",
        file_sha256=sha256_file(path),
        extractor=EXTRACTOR,
        paginated=rendered,
        warnings=tuple(warnings),
    )


def _add_alt_chunk(b: TextBuilder, d, el, n: int, warnings: list[str]) -> None:
    """The text of a ``w:altChunk`` (an embedded HTML or text part) in its place, or a warning."""
    from xxgk_desk.core.loaders.alt_chunk import read_alt_chunk

    part = d.part.related_parts.get(el.get(R_ID) or "")
    if part is None:
        warnings.append(f"文档中第{n}处嵌入内容（w:altChunk）找不到对应的部分，这部分文字可能缺失。")
        return
    chunk = read_alt_chunk(part.blob, part.content_type, n)
    if chunk.warning:
        warnings.append(chunk.warning)
    for item in chunk.items:
        if item[0] == "table":
            b.add_table([[_clean(c) for c in row] for row in item[1]])
        else:
            b.add_block("paragraph", _clean(item[1]))


# -- body walking ---------------------------------------------------------------
def _body_items(body) -> Iterator:
    """Paragraphs and tables in body order, looking inside content controls (w:sdt)."""
    for el in body.iterchildren():
        if el.tag in (W + "p", W + "tbl", W + "altChunk"):
            yield el
        elif el.tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                yield from _body_items(content)


def _rows(tbl) -> list:
    return [tr for tr in tbl.iterchildren(W + "tr")]


def _owner_row(tc):
    """The row a cell belongs to (cells of nested tables belong to the nested row)."""
    parent = tc.getparent()
    while parent is not None and parent.tag != W + "tr":
        parent = parent.getparent()
    return parent


def _cell_text(tc) -> str:
    parts = []
    for p in tc.iter(W + "p"):
        text = "".join(t for t, _ in _runs(p))
        if text.strip():
            parts.append(text.strip())
    return _clean(" ".join(parts))


def _clean(text: str) -> str:
    return fix_radicals(clean_controls(text))


def _runs(p) -> Iterator[tuple[str, bool | None]]:
    """(text, bold) of each run of a paragraph, skipping deleted text and field codes."""
    for r in p.iter(W + "r"):
        if _inside(r, (W + "del", W + "moveFrom")):
            continue
        rpr = r.find(W + "rPr")
        bold = _is_on(rpr.find(W + "b")) if rpr is not None and rpr.find(W + "b") is not None else None
        buf = []
        for child in r.iterchildren():
            tag = child.tag
            if tag == W + "t":
                buf.append(child.text or "")
            elif tag == W + "tab":
                buf.append(" ")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    buf.append("\n")
            elif tag == W + "noBreakHyphen":
                buf.append("-")
        if buf:
            yield "".join(buf), bold


def _inside(el, tags: tuple[str, ...]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        if parent.tag == W + "p":
            return False
        parent = parent.getparent()
    return False


def _is_on(el) -> bool:
    val = el.get(W + "val")
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _paragraph_lines(p) -> Iterator[tuple[str, bool]]:
    """The paragraph's text split at soft line breaks, each with 'all visible text is bold'."""
    runs = list(_runs(p))
    style_bold = _paragraph_style_bold(p)
    text = "".join(t for t, _ in runs)
    if not text.strip():
        return
    visible = [(t, style_bold if b is None else b) for t, b in runs if t.strip()]
    bold = bool(visible) and all(b for _, b in visible)
    for line in text.split("\n"):
        line = _clean(line).strip()
        if line:
            yield line, bold


def _paragraph_style_bold(p) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is not None:
        rpr = ppr.find(W + "rPr")
        if rpr is not None and rpr.find(W + "b") is not None:
            return _is_on(rpr.find(W + "b"))
    return False


def _style_levels(d) -> dict[str, int]:
    """Style id → heading level, from the style's name (Heading N / 标题 N) or its outline level."""
    levels: dict[str, int] = {}
    for style in d.styles.element.iterchildren(W + "style"):
        sid = style.get(W + "styleId")
        name_el = style.find(W + "name")
        name = name_el.get(W + "val") if name_el is not None else ""
        m = _HEADING_STYLE.match(name or "")
        if m and 1 <= int(m.group(1)) <= 9:
            levels[sid] = int(m.group(1))
            continue
        ppr = style.find(W + "pPr")
        if ppr is not None:
            ol = ppr.find(W + "outlineLvl")
            if ol is not None and (ol.get(W + "val") or "9").isdigit() and int(ol.get(W + "val")) < 9:
                levels[sid] = int(ol.get(W + "val")) + 1
        if (name or "").lower() == "title" or name == "标题":
            levels.setdefault(sid, 0)
    return levels


def _paragraph_level(p, styles: dict[str, int]) -> int | None:
    """The heading level a paragraph declares: direct outline level first, then its style."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        return None
    ol = ppr.find(W + "outlineLvl")
    if ol is not None and (ol.get(W + "val") or "").isdigit():
        v = int(ol.get(W + "val"))
        return v + 1 if v < 9 else None
    ps = ppr.find(W + "pStyle")
    if ps is not None:
        return styles.get(ps.get(W + "val"))
    return None


def _rendered_break_in(p) -> bool:
    """Word broke a page inside this paragraph when it last laid the document out (the paragraph is
    counted on the new page: a report's pages are cited by where their text starts)."""
    return next(p.iter(W + "lastRenderedPageBreak"), None) is not None
