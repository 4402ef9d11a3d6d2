"""What a web page says about the report it carries: the title as the page shows it, the information
line under it (发布时间, 来源 …, without its counters and buttons), the page's address and the report
files it links to. The words come from ``resources/web/page.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from xxgk_desk.core.loaders.web_blocks import SKIP, squash
from xxgk_desk.core.resources import resource

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<time>\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?))?"
)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)\s*(\S+)", re.I)
_INFO_MAX = 240  # an information line is short; a paragraph of the report is not one


@dataclass(frozen=True)
class MetaPart:
    """One "label：value" piece of the information line (``start``/``end``: the value within ``line``)."""

    key: str
    label: str
    value: str
    start: int
    end: int


@dataclass
class PageMeta:
    title: str | None = None
    title_origin: str = ""
    info_line: str | None = None  # the information line as kept in the text
    info_parts: list[MetaPart] = field(default_factory=list)
    url: str | None = None
    url_quote: str | None = None
    attachments: list[tuple[str, str, bool]] = field(default_factory=list)  # (target, link text, local file)
    info_element: Any = None  # the lxml element holding the information line (dropped from the content)
    title_element: object = None


@cache
def vocabulary() -> dict:
    """page.yaml, with its patterns compiled."""
    data = yaml.safe_load(resource("web", "page.yaml").read_text(encoding="utf-8"))
    labels: list[tuple[str, str, str]] = []  # (term, key, label), longest term first
    for entry in data["meta"]:
        labels += [(t, entry["key"], entry["label"]) for t in entry["terms"]]
    labels.sort(key=lambda x: -len(x[0]))
    alternation = "|".join(re.escape(t) for t, _, _ in labels)
    return {
        "labels": {t: (k, lab) for t, k, lab in labels},
        "label_re": re.compile(rf"(?P<label>{alternation})\s*[：:]\s*"),
        "widgets": re.compile("|".join(f"(?:{w})" for w in data["widgets"])),
        "chrome": [re.compile(p) for p in data["chrome_lines"]],
        "separators": tuple(data["title_separators"]),
        "attachments": tuple(e.lower() for e in data["attachment_extensions"]),
    }


def is_chrome_line(line: str) -> bool:
    """A line of the page's chrome (breadcrumb, 上一篇/下一篇, copyright and ICP lines …)."""
    return len(line) <= 120 and any(p.search(line) for p in vocabulary()["chrome"])


def parse_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` as (ISO date, start, end of the date), or None."""
    for m in _DATE.finditer(text):
        try:
            d = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        return d.isoformat(), m.start(), m.end()
    return None


def info_line(text: str) -> tuple[str, list[MetaPart]] | None:
    """The information line kept from an element's text: its "label：value" pieces with a publication date
    or a source, without counters, font-size and print buttons. None when the text is not such a line."""
    vocab = vocabulary()
    text = squash(text)
    if not text or len(text) > _INFO_MAX:
        return None
    labels = list(vocab["label_re"].finditer(text))
    if not labels:
        return None
    pieces: list[tuple[str, str, str, str]] = []  # (label text, key, label, value)
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        raw = text[m.end() : end]
        widget = vocab["widgets"].search(raw)
        if widget:
            raw = raw[: widget.start()]
        key, label = vocab["labels"][m.group("label")]
        if key == "publication_date":
            d = _DATE.match(raw.strip())
            if not d:
                continue
            value = d.group(0).strip()
        else:
            value = re.split(r"\s{2,}|\u3000|[|｜]", raw.strip())[0].strip()
            if not value or len(value) > 40:
                continue
        pieces.append((m.group("label"), key, label, value))
    if not any(k in ("publication_date", "page_source") for _, k, _, _ in pieces):
        return None
    line, parts = "", []
    for label_text, key, label, value in pieces:
        if line:
            line += "\u3000"
        line += f"{label_text}："
        parts.append(MetaPart(key, label, value, len(line), len(line) + len(value)))
        line += value
    return line, parts


def _text(el) -> str:
    """The visible text of an element (scripts and styles left out)."""
    out: list[str] = []
    skip = 0
    from lxml import etree

    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skip or tag in SKIP:
                skip += 1
                continue
            if tag in ("br", "p", "div", "span", "li", "td"):
                out.append(" ")
            out.append(node.text or "") if tag else None
        else:
            if skip:
                skip -= 1
                if skip or node is el:
                    continue
            if node is not el:
                out.append(" " if tag in ("span", "div", "p", "li", "td") else "")
                out.append(node.tail or "")
    return "".join(out)


def _page_title(root) -> tuple[str | None, str, object]:
    """The title as shown: the heading that the <title> starts with (an h1–h3 or an element whose class
    says title), else the first h1, else the <title> up to the site's name."""
    vocab = vocabulary()
    head_title = squash(" ".join(root.xpath("//title//text()")))[:300]
    og = root.xpath("//meta[@property='og:title']/@content")
    stated = squash(og[0]) if og else head_title
    for sep in vocab["separators"]:  # "标题-某某大学信息公开网": the site's name has no digits
        left, _, right = stated.rpartition(sep)
        if left.strip() and len(left.strip()) >= 6 and right.strip() and not any(c.isdigit() for c in right):
            stated = left.strip()
            break
    candidates = root.xpath(
        "//body//h1 | //body//h2 | //body//h3 | //body//*[contains(translate(@class,'TITLE','title'),'title')]"
    )
    fallback = None
    for el in candidates[:60]:
        text = squash(_text(el))
        if not text or len(text) > 120:
            continue
        if stated and (
            text == stated or (len(stated) >= 6 and text.startswith(stated)) or stated.startswith(text)
        ):
            return text, "网页标题", el
        if fallback is None and el.tag == "h1":
            fallback = (text, "网页标题", el)
    if fallback:
        return fallback
    return (stated or None), "<title>", None


def _address(root, location: str | None, source: str) -> tuple[str | None, str | None]:
    if location and location.lower().startswith(("http://", "https://")):
        return location, f"Content-Location: {location}"
    for xp, origin in (
        ("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href", 'link rel="canonical"'),
        ("//meta[@property='og:url']/@content", 'meta property="og:url"'),
    ):
        found = root.xpath(xp)
        if found and str(found[0]).strip().lower().startswith(("http://", "https://")):
            url = str(found[0]).strip()
            return url, f'<{origin} href="{url}">'
    m = _SAVED_FROM.search(source[:4096])
    if m:
        return m.group(1), m.group(0)
    return None, None


def _attachments(
    root, page_path: Path | None, archived: list[tuple[str, str]]
) -> list[tuple[str, str, bool]]:
    exts = vocabulary()["attachments"]
    out: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    for a in root.xpath("//a[@href]")[:5000]:
        href = str(a.get("href") or "").strip()
        path = unquote(urlsplit(href).path)
        if not path.lower().endswith(exts):
            continue
        label = squash(_text(a))[:80]
        target, local = href, False
        if page_path is not None and not urlsplit(href).scheme and not href.startswith("//"):
            candidate = (page_path.parent / path.lstrip("/")).resolve() if not path.startswith("/") else None
            if candidate is not None and candidate.is_file():
                target, local = str(candidate), True
        if target not in seen:
            seen.add(target)
            out.append((target, label, local))
    for _ctype, location in archived:  # a report file saved inside an MHTML
        if unquote(urlsplit(location).path).lower().endswith(exts) and location not in seen:
            seen.add(location)
            out.append((location, Path(unquote(urlsplit(location).path)).name, False))
    return out[:50]


def read_meta(
    root, source: str, *, page_path: Path | None, location: str | None, archived: list[tuple[str, str]]
) -> PageMeta:
    """Everything the page says about its report (``root``: the parsed page; ``source``: its text)."""
    meta = PageMeta()
    meta.title, meta.title_origin, meta.title_element = _page_title(root)
    meta.url, meta.url_quote = _address(root, location, source)
    meta.attachments = _attachments(root, page_path, archived)
    # the information line: around a "发布时间：/来源：" label, the largest element that is still a short line;
    # the first such line after the title (page order), else the first anywhere
    order = {el: i for i, el in enumerate(root.iter())}
    title_at = order.get(meta.title_element, -1)
    label_re = vocabulary()["label_re"]
    seen: set = set()
    found_any = None
    for t in root.xpath("//body//text()")[:200_000]:
        if not label_re.search(t):
            continue
        el = t.getparent()
        if el is None:
            continue
        if getattr(t, "is_tail", False):
            el = el.getparent()
        if el is None or any(isinstance(a.tag, str) and a.tag in SKIP for a in (el, *el.iterancestors())):
            continue
        while (
            (up := el.getparent()) is not None
            and up.tag not in ("body", "html")
            and len(up.text_content()) <= _INFO_MAX
        ):
            el = up
        if el in seen:
            continue
        seen.add(el)
        found = info_line(_text(el))
        if found is None:
            continue
        if order.get(el, 0) > title_at:
            meta.info_element, (meta.info_line, meta.info_parts) = el, found
            return meta
        if found_any is None:
            found_any = (el, found)
    if found_any is not None:
        meta.info_element, (meta.info_line, meta.info_parts) = found_any
    return meta
