"""DOCX ``w:altChunk``: a part of another format (HTML, plain text, RTF…) that Word merges into the
body when it opens the file. Some report templates carry a whole section this way; python-docx
does not see it, so without this the section silently went missing.

:func:`read_alt_chunk` turns an HTML or plain-text part into paragraphs and tables (the simple
way: block elements are paragraphs, ``<tr>``/``<td>`` rows and cells; scripts and styles are
dropped); for other formats it returns a warning naming what could not be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

_HTML_TYPES = ("text/html", "application/xhtml+xml", "message/rfc822", "multipart/related")
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
}
_SKIP = {"script", "style", "head", "title", "noscript"}

#: One item of an altChunk: a paragraph's text or a table's rows of cell texts.
Item = tuple[Literal["p"], str] | tuple[Literal["table"], list[list[str]]]
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
MAX_PART_BYTES = 32 * 1024 * 1024


@dataclass
class Chunk:
    """What an altChunk holds: items in order, each ``("p", text)`` or ``("table", rows)``."""

    items: list[Item] = field(default_factory=list)
    warning: str | None = None


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self._buf: list[str] = []
        self._skip = 0
        self._rows: list[list[str]] | None = None
        self._depth = 0  # nested tables are read into the outer one's cells

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        self._buf = []
        if not text:
            return
        if self._rows is not None:
            if not self._rows:
                self._rows.append([])
            row = self._rows[-1]
            row[-1:] = [(row[-1] + " " + text).strip()] if row else [text]
        else:
            self.items.append(("p", text))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush()
                self._rows = []
        elif self._rows is not None and self._depth == 1 and tag == "tr":
            self._flush()
            self._rows.append([])
        elif self._rows is not None and self._depth == 1 and tag in ("td", "th"):
            self._flush()
            if not self._rows:
                self._rows.append([])
            self._rows[-1].append("")
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "table":
            self._depth = max(0, self._depth - 1)
            if self._depth == 0 and self._rows is not None:
                self._flush()
                rows = [r for r in self._rows if any(c.strip() for c in r)]
                if rows:
                    self.items.append(("table", rows))
                self._rows = None
        elif tag in _BLOCKS or tag in ("td", "th", "tr"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _text_of(blob: bytes) -> str:
    if blob.startswith(b"\xef\xbb\xbf"):
        return blob[3:].decode("utf-8", errors="replace")
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        return blob.decode("utf-16", errors="replace")
    m = _CHARSET.search(blob[:4096])
    enc = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return blob.decode(enc, errors="replace")
    except LookupError:
        return blob.decode("utf-8", errors="replace")


def read_alt_chunk(blob: bytes, content_type: str, n: int) -> Chunk:
    """The paragraphs and tables of the ``n``-th altChunk of a document (1-based, for messages)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if len(blob) > MAX_PART_BYTES:
        return Chunk(warning=f"第{n}处嵌入内容过大（{len(blob) >> 20} MB），未读取。")
    if kind in _HTML_TYPES or blob.lstrip()[:15].lower().startswith((b"<html", b"<!doctype html")):
        parser = _Html()
        parser.feed(_text_of(blob))
        parser.close()
        return Chunk(parser.items)
    if kind == "text/plain":
        lines = [" ".join(line.split()) for line in _text_of(blob).splitlines()]
        return Chunk([("p", line) for line in lines if line])
    what = "RTF" if "rtf" in kind else (kind or "未知格式")
    return Chunk(
        warning=f"文档中第{n}处嵌入了 {what} 格式的内容（w:altChunk），无法读取，这部分文字可能缺失："
        "请在 Word/WPS 中打开后另存为 .docx 再检查。"
    )
