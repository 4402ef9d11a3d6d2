"""MHTML ("网页，单个文件", .mhtml/.mht): a MIME multipart/related message holding the page and its
resources, each part quoted-printable or base64. Only the page itself is read; the other parts
(pictures, styles, scripts) are never decoded, except that their names are listed so that a report
file saved inside the page can be mentioned.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from dataclasses import dataclass, field
from email.message import Message

from xxgk_desk.core.errors import ReadError

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WebArchive:
    """The page part of an MHTML file."""

    html: bytes
    charset: str | None  # the part's Content-Type charset, if any
    location: str | None  # the page's address (Content-Location, or Snapshot-Content-Location)
    parts: list[tuple[str, str]] = field(default_factory=list)  # (content type, location) of the others


def read_mhtml(data: bytes, name: str, max_html_bytes: int) -> WebArchive:
    """The page of an MHTML file (``name`` for messages). Raises ReadError when there is none."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    if not msg.is_multipart():
        if msg.get_content_type() in _HTML_TYPES:
            return _archive(msg, msg, [], name, max_html_bytes)
        raise ReadError(
            "mismatch",
            f"这不是有效的 MHTML 网页文件（没有 MIME 多部分结构）：{name}。请在浏览器中重新“另存为网页，单个文件”。",
        )
    # an RFC 2231 parameter (start*=utf-8''…) comes as a (charset, language, text) tuple
    start = email.utils.collapse_rfc2231_value(msg.get_param("start") or "").strip("<>")
    page: Message | None = None
    others: list[tuple[str, str]] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        cid = (part.get("Content-ID") or "").strip().strip("<>")
        is_page = ctype in _HTML_TYPES and (page is None or (start and cid == start))
        if is_page:
            if page is not None:
                others.append((page.get_content_type(), page.get("Content-Location") or ""))
            page = part
        else:
            others.append((ctype, part.get("Content-Location") or ""))
    if page is None:
        raise ReadError("damaged", f"MHTML 文件中没有网页正文（text/html 部分）：{name}。请重新保存网页。")
    return _archive(msg, page, others, name, max_html_bytes)


def _archive(msg: Message, page: Message, others: list[tuple[str, str]], name: str, limit: int) -> WebArchive:
    raw = page.get_payload(decode=True)
    if not isinstance(raw, bytes) or not raw.strip():
        raise ReadError("empty", f"MHTML 文件中的网页正文是空的：{name}。请重新保存网页。")
    if len(raw) > limit:
        raise ReadError(
            "too_big",
            f"MHTML 文件中的网页正文过大（{len(raw) >> 20} MB），不像一份年度报告的网页：{name}。",
        )
    location = (
        page.get("Content-Location") or msg.get("Snapshot-Content-Location") or msg.get("Content-Location")
    )
    charset = page.get_content_charset()
    return WebArchive(raw, charset, (location or "").strip() or None, others)
