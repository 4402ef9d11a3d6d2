"""Web pages: a report as published on a school's 信息公开网 and saved from the browser.

- ``.html``/``.htm`` ("网页，仅HTML"), and the complete save ("网页，完整": the page and its ``_files``
  folder, which is only looked at for report files, never loaded);
- ``.mhtml``/``.mht`` ("网页，单个文件"): the page part of the MIME archive (:mod:`mhtml`).

The page is decoded by its declaration where the bytes agree (:mod:`web_decoding`), parsed by lxml
(libxml2; nothing is fetched, no script runs), and reduced to the report: the main content found by
:mod:`web_content`, read into headings, paragraphs and tables (:mod:`web_blocks`). The canonical text
starts with the title as the page shows it and the page's information line (发布时间、来源, without its
counters and buttons: :mod:`web_meta`), then the report; chrome lines the extractor let through at the
ends are dropped. What the page says about the report (title, 发布时间, 来源, address, linked report
files) becomes the document's facts, each with its evidence. A web page has no printed pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from xxgk_desk import __version__
from xxgk_desk.core.document import Document, Fact, sha256_file
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.loaders.mhtml import read_mhtml
from xxgk_desk.core.loaders.web_blocks import Item, squash
from xxgk_desk.core.loaders.web_content import EXTRACTOR as CONTENT_LIBRARY
from xxgk_desk.core.loaders.web_content import main_content
from xxgk_desk.core.loaders.web_decoding import decode_page
from xxgk_desk.core.loaders.web_meta import PageMeta, info_line, is_chrome_line, read_meta
from xxgk_desk.core.normalize import clean_controls, fix_radicals

EXTRACTOR = f"html/{__version__}+{CONTENT_LIBRARY}"
#: A report's page is well under a megabyte of HTML; a larger one is refused before it is parsed.
MAX_HTML_BYTES = 16 * 1024 * 1024
#: A single-file save carries its pictures too: more room, but its page part has the limit above.
MAX_MHTML_BYTES = 64 * 1024 * 1024
#: More elements than this is no article page (a school's page has a few thousand).
MAX_ELEMENTS = 200_000
#: Less text than this in the main content is no report (a listing page, a page that only links a file).
MIN_CONTENT_CHARS = 100
_ENDS = 8  # chrome lines are looked for among this many items at each end of the content

Content = Callable[[object], list[Item]]


def load_html(path: str, *, content: Content = main_content) -> Document:
    """Read a saved web page (.html/.htm) into a Document."""
    p = Path(path)
    data = _read(p, MAX_HTML_BYTES, "网页文件")
    return _load(p, data, None, None, [], "html", content)


def load_mhtml(path: str, *, content: Content = main_content) -> Document:
    """Read a single-file web page (.mhtml/.mht) into a Document."""
    p = Path(path)
    data = _read(p, MAX_MHTML_BYTES, "MHTML 文件")
    archive = read_mhtml(data, p.name, MAX_HTML_BYTES)
    return _load(p, archive.html, archive.charset, archive.location, archive.parts, "mhtml", content)


def _read(p: Path, limit: int, what: str) -> bytes:
    size = p.stat().st_size
    if size > limit:
        raise ReadError(
            "too_big",
            f"{what}过大（{size >> 20} MB），不像一份年度报告的网页：{p.name}。"
            "请在浏览器中打开网页，只复制报告正文后用“粘贴报告”打开，或另存为 PDF。",
        )
    return p.read_bytes()


def parse(text: str, name: str):
    """The page parsed by lxml (libxml2's HTML parser). A page nested deeper than the parser allows
    (256 levels: the rest of it would be lost) or with too many elements is refused."""
    parser = lxml_html.HTMLParser(remove_comments=False, remove_pis=True, no_network=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise ReadError("damaged", f"网页无法解析：{name}（{e}）。请用浏览器重新保存网页。") from None
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT" or "depth" in err.message.lower():
            raise ReadError(
                "too_deep",
                f"网页结构嵌套过深（超过 256 层），不像一份正常的网页，已停止读取：{name}。"
                "请在浏览器中打开网页，复制报告正文后用“粘贴报告”打开。",
            )
    count = 0
    for _ in root.iter():
        count += 1
        if count > MAX_ELEMENTS:
            raise ReadError(
                "too_big",
                f"网页元素过多（超过 {MAX_ELEMENTS:,} 个），不像一份年度报告的网页，已停止读取：{name}。"
                "请在浏览器中打开网页，复制报告正文后用“粘贴报告”打开。",
            )
    return root


def _load(
    p: Path,
    data: bytes,
    charset: str | None,
    location: str | None,
    archived: list[tuple[str, str]],
    kind: str,
    content: Content,
) -> Document:
    text, _enc, warnings = decode_page(data, charset)
    text = fix_radicals(clean_controls(text.replace("\r\n", "\n").replace("\r", "\n")))
    if not text.strip():
        raise ReadError("empty", f"网页中没有内容：{p.name}。请确认保存的是报告所在的网页。")
    root = parse(text, p.name)
    meta = read_meta(
        root, text, page_path=p if kind == "html" else None, location=location, archived=archived
    )
    if meta.info_element is not None:  # read once, as the information line: not again from the content
        meta.info_element.drop_tree()
    items = _clean(content(root), meta)
    if sum(len(i.text) + sum(len(c) for r in i.rows for c in r) for i in items) < MIN_CONTENT_CHARS:
        linked = "、".join(f"“{label or Path(t).name}”" for t, label, _ in meta.attachments[:3])
        hint = f"页面附有报告文件{linked}，请打开该文件审核；" if linked else ""
        raise ReadError(
            "no_content",
            f"网页中没有找到报告正文：{p.name}。{hint}这可能是栏目列表页、只有附件链接的页面或需要脚本加载正文的页面；"
            "请在浏览器中打开报告页面，复制正文后用“粘贴报告”打开，或打开页面附带的报告文件。",
        )
    b = TextBuilder()
    b.start_page(1)
    facts: list[Fact] = []
    if meta.title:
        block = b.add_block("heading", meta.title, bold=True)
        if block is not None:
            facts.append(
                Fact("page_title", meta.title, block.start, block.end, meta.title, meta.title_origin)
            )
    if meta.info_line:
        block = b.add_block("paragraph", meta.info_line)
        if block is not None:
            for part in meta.info_parts:
                s, e = block.start + part.start, block.start + part.end
                value = part.value
                if part.key == "publication_date":
                    from xxgk_desk.core.loaders.web_meta import parse_date

                    parsed = parse_date(part.value)
                    value = parsed[0] if parsed else part.value
                facts.append(Fact(part.key, value, s, e, meta.info_line, "信息行"))
    levels = sorted({i.level for i in items if i.kind == "heading" and i.level})
    for item in items:
        if item.kind == "table":
            b.add_table(item.rows)
        elif item.kind == "heading" and item.level is not None:  # web_blocks gives every heading its h-rank
            b.add_block("heading", item.text, style_level=levels.index(item.level) + 1, bold=True)
        else:
            b.add_block("paragraph", item.text, bold=item.bold)
    if meta.url:
        facts.append(Fact("page_url", meta.url, None, None, meta.url_quote, "网页地址"))
    for target, label, local in meta.attachments:
        facts.append(Fact("attachment", target, None, None, label, "本地文件" if local else "网页链接"))
        warnings.append(_attachment_warning(target, label, local))
    files = _files_folder(p) if kind == "html" else None
    if files is not None:
        warnings.extend(_files_reports(files, {t for t, _, _ in meta.attachments}))
    doc = b.build(
        path=str(p),
        kind=kind,
        file_sha256=sha256_file(str(p)),
        extractor=EXTRACTOR,
        warnings=tuple(warnings),
        paginated=False,  # a web page has no printed pages
    )
    return dataclasses.replace(doc, facts=tuple(facts))


def _clean(items: list[Item], meta: PageMeta) -> list[Item]:
    """The content without the title and information line (they are written first) and without chrome
    lines the extractor kept at its two ends."""
    title = squash(meta.title or "")
    out: list[Item] = []
    for i, item in enumerate(items):
        if item.kind == "table":
            out.append(item)
            continue
        near_end = i < _ENDS or i >= len(items) - _ENDS
        if i < _ENDS and title and _same(item.text, title):
            continue
        if i < _ENDS and info_line(item.text) is not None and len(item.text) < 120:
            continue
        if near_end and (is_chrome_line(item.text) or _links_attachment(item.text, meta)):
            continue
        out.append(item)
    while out and out[-1].kind != "table" and is_chrome_line(out[-1].text):
        out.pop()
    return out


def _links_attachment(text: str, meta: PageMeta) -> bool:
    """A short line naming a linked report file (附件：….pdf): the file is listed as a fact instead."""
    return any(label and label in text and len(text) <= len(label) + 30 for _, label, _ in meta.attachments)


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def _attachment_warning(target: str, label: str, local: bool) -> str:
    name = label or Path(target).name
    if local:
        return f"网页附有报告文件“{name}”（{target}）：可改为打开该文件审核原件。"
    return f"网页链接了报告文件“{name}”（{target}，未下载）：如需审核原件，请从学校网站下载后打开。"


def _files_folder(p: Path) -> Path | None:
    """The folder a complete save puts beside the page (NAME_files, or NAME.files by some browsers)."""
    for suffix in ("_files", ".files", "_文件"):
        folder = p.with_name(p.stem + suffix)
        if folder.is_dir():
            return folder
    return None


def _files_reports(folder: Path, linked: set[str]) -> list[str]:
    """Report files in the complete save's folder that the page did not link (listed, never opened)."""
    from xxgk_desk.core.loaders.web_meta import vocabulary

    exts = vocabulary()["attachments"]
    out = []
    try:
        entries = sorted(folder.iterdir())[:2000]
    except OSError:
        return []
    for f in entries:
        if f.suffix.lower() in exts and f.is_file() and str(f.resolve()) not in linked:
            out.append(f"网页的附属文件夹中有报告文件“{f.name}”：可改为打开该文件审核原件。")
    return out[:20]
