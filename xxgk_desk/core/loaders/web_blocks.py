"""An HTML element tree as the loaders' items: headings, paragraphs and tables, in page order.

Block elements (p, div, li, h1–h6 …) and ``<br>`` end a paragraph; ``<h1>``–``<h6>`` are headings of
their rank; a paragraph whose every character is bold (``<b>``, ``<strong>``, ``font-weight:bold``) is
marked bold (the outline takes it as a heading cue); ``<table>`` gives rows of cells, a nested table's
text joining its cell, a cell spanning columns followed by empty ones so that columns stay aligned.
Scripts, styles, frames, forms' controls and comments give nothing: they are never run, never shown.

The walk is iterative (``lxml.etree.iterwalk``), so a deep tree cannot exhaust the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

#: Elements whose content is never text of the report.
SKIP = frozenset(
    "script style noscript template iframe frame frameset object embed applet svg math canvas video audio "
    "button select option textarea input head title meta link base map".split()
)
_BLOCK = frozenset(
    "p div li ul ol dl dt dd blockquote pre section article header footer aside nav main center address "
    "figure figcaption caption form fieldset legend hr body html".split()
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BOLD = frozenset(("b", "strong"))
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0\u2002\u2003\u2009\u200b\ufeff]+")
_MAX_SPAN = 50  # a colspan beyond this is nonsense markup, not a table


@dataclass
class Item:
    """One block as read from the page: ``kind`` heading/paragraph/table; ``level`` the h-rank of a heading."""

    kind: str
    text: str = ""
    level: int | None = None
    bold: bool = False
    rows: list[list[str]] = field(default_factory=list)


def squash(text: str) -> str:
    """Runs of blanks (ASCII, no-break, zero-width) as one space, none at the ends; 　 (U+3000) kept inside."""
    return _SPACES.sub(" ", text).strip(" \u3000")


class _Walker:
    def __init__(self) -> None:
        self.items: list[Item] = []
        self._runs: list[tuple[str, bool]] = []  # text pieces of the paragraph and whether bold
        self._bold = 0
        self._heading: int | None = None
        self._table_depth = 0
        self._rows: list[list[str]] = []
        self._cell: list[str] | None = None

    # -- text ------------------------------------------------------------------
    def text(self, s: str | None) -> None:
        if not s:
            return
        if self._table_depth:
            if self._cell is not None:
                self._cell.append(s)
            return
        self._runs.append((s, self._bold > 0))

    def flush(self) -> None:
        if self._table_depth:
            return
        text = squash("".join(t for t, _ in self._runs))
        if text:
            visible = [(squash(t), b) for t, b in self._runs if squash(t)]
            bold = all(b for _, b in visible)
            if self._heading is not None:
                self.items.append(Item("heading", text, self._heading, bold))
            else:
                self.items.append(Item("paragraph", text, None, bold))
        self._runs = []

    # -- tables ----------------------------------------------------------------
    def _end_cell(self) -> None:
        if self._cell is not None and self._rows:
            self._rows[-1].append(squash("".join(self._cell)))
        self._cell = None

    def start(self, el) -> None:
        tag = el.tag
        if tag == "table":
            self._table_depth += 1
            if self._table_depth == 1:
                self.flush()
                self._rows, self._cell = [], None
            return
        if self._table_depth == 1:
            if tag == "tr":
                self._end_cell()
                self._rows.append([])
            elif tag in ("td", "th"):
                self._end_cell()
                if not self._rows:
                    self._rows.append([])
                self._cell = []
            elif tag in ("br", "p", "div") and self._cell:
                self._cell.append(" ")
            return
        if self._table_depth:
            if self._cell is not None and tag in ("td", "th", "br", "p", "tr"):
                self._cell.append(" ")
            return
        if tag in _HEADINGS:
            self.flush()
            self._heading = _HEADINGS[tag]
        elif tag in _BLOCK or tag == "br":
            self.flush()
        if tag in _BOLD or _BOLD_STYLE.search(el.get("style") or ""):
            self._bold += 1

    def end(self, el) -> None:
        tag = el.tag
        if tag == "table":
            if self._table_depth == 1:
                self._end_cell()
                rows = [r for r in self._rows if any(c for c in r)]
                self._table_depth = 0
                if rows:
                    self.items.append(Item("table", rows=rows))
                self._rows = []
            else:
                self._table_depth = max(0, self._table_depth - 1)
            return
        if self._table_depth == 1 and tag in ("td", "th"):
            span = _colspan(el)
            self._end_cell()
            if span > 1 and self._rows:
                self._rows[-1].extend([""] * (span - 1))
            return
        if self._table_depth:
            return
        if tag in _HEADINGS:
            self.flush()
            self._heading = None
        elif tag in _BLOCK:
            self.flush()
        if tag in _BOLD or _BOLD_STYLE.search(el.get("style") or ""):
            self._bold = max(0, self._bold - 1)


def _colspan(el) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(el.get("colspan") or 1)))
    except ValueError:
        return 1


def items_of(root) -> list[Item]:
    """The headings, paragraphs and tables under ``root`` (an lxml element), in page order."""
    w = _Walker()
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction: its tail is text
            if event == "end" and not skipping:
                w.text(el.tail)
            continue
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skipping or tag in SKIP:
                skipping += 1
                continue
            w.start(_Tag(el, tag))
            w.text(el.text)
        else:
            if skipping:
                skipping -= 1
                if skipping or el is root:
                    continue
                w.text(el.tail)
                continue
            w.end(_Tag(el, tag))
            if el is not root:
                w.text(el.tail)
    w.flush()
    return w.items


class _Tag:
    """An element with its tag normalised (lower case, no namespace)."""

    __slots__ = ("_el", "tag")

    def __init__(self, el, tag: str) -> None:
        self._el, self.tag = el, tag

    def get(self, name: str) -> str | None:
        return self._el.get(name)
