"""A report pasted from the clipboard (File → 粘贴报告), kept as a file so that it is read, checked, stored
and reopened like any other report.

The clipboard's HTML, when it has some (a selection copied from a browser keeps headings and tables), is
written as a UTF-8 page; otherwise its text. The file is named by the SHA-256 of the pasted text, so
pasting the same report again opens the same file and its stored review.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from xxgk_desk.core.atomic import replacing
from xxgk_desk.core.errors import ReadError

#: The folder, under the app's data folder, that holds pasted reports.
FOLDER = "粘贴的报告"
#: Clipboard contents beyond this are no report (the HTML loader refuses larger pages anyway).
MAX_CHARS = 8 * 1024 * 1024
_CHARSET_META = re.compile(r"<meta\b[^>]*charset[^>]*>", re.I)


def save_pasted(folder: Path, html: str | None, text: str | None) -> Path:
    """Write the pasted report under ``folder`` (created if needed) and return its path. HTML wins over
    text; an empty clipboard, or one holding far too much, is a ReadError with a one-line message."""
    html = html if html and html.strip() else None
    text = text if text and text.strip() else None
    if html is None and text is None:
        raise ReadError("empty", "剪贴板中没有文字：请先在浏览器或文档中选中报告全文并复制，再粘贴。")
    content = html if html is not None else text
    assert content is not None
    if len(content) > MAX_CHARS:
        raise ReadError("too_big", f"剪贴板中的内容过多（约 {len(content) >> 20} MB），不像一份年度报告。")
    identity = hashlib.sha256((text or html or "").encode("utf-8")).hexdigest()
    if html is not None:
        path = folder / f"粘贴报告-{identity[:16]}.html"
        data = _as_page(html)
    else:
        path = folder / f"粘贴报告-{identity[:16]}.txt"
        data = content
    if not path.exists():
        with replacing(path, make_parent=True) as tmp:
            tmp.write_text(data, encoding="utf-8")
    return path


def _as_page(html: str) -> str:
    """The clipboard's HTML as a whole UTF-8 page (its own charset declaration no longer holds)."""
    body = _CHARSET_META.sub("", html)
    if re.search(r"<html\b", body[:4096], re.I):
        return re.sub(r"(<head\b[^>]*>)", r'\1<meta charset="utf-8">', body, count=1, flags=re.I)
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'
