"""The document model: one canonical text per file version, with blocks and a page map.

Every offset anywhere in the project is a code-point offset into ``Document.text``.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from array import array
from dataclasses import dataclass, field
from functools import cached_property

BLOCK_KINDS = ("heading", "paragraph", "table")
#: OCR text recognised with less confidence than this is doubtful: shown as such, and a
#: finding quoting it asks the reviewer to check the original.
OCR_DOUBT = 0.9


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: a span of the canonical text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or table, as a span of the canonical text.

    ``style_level`` is the heading level the file format itself declares (a DOCX heading
    style or outline level, a PDF bookmark); ``bold`` and ``size_ratio`` (font size relative
    to the body text) are format cues the outline uses only as tie-breakers.
    """

    kind: str
    start: int
    end: int
    page: int = 1
    style_level: int | None = None
    bold: bool = False
    size_ratio: float | None = None
    rows: tuple[tuple[Cell, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its span of the text and, where the format has them, character boxes.

    ``boxes`` holds four floats (x0, top, x1, bottom; PDF points from the page's top-left)
    for each code point of ``text[start:end]``; NaN where a character has no box
    (line breaks the loader inserted, for example).
    """

    number: int
    start: int
    end: int
    width: float = 0.0
    height: float = 0.0
    boxes: array | None = None
    has_text: bool = True

    def box(self, offset: int) -> tuple[float, float, float, float] | None:
        """The box of the character at ``offset`` (a document offset), or None."""
        if self.boxes is None or not (self.start <= offset < self.end):
            return None
        i = (offset - self.start) * 4
        x0, top, x1, bottom = self.boxes[i : i + 4]
        if math.isnan(x0):
            return None
        return (x0, top, x1, bottom)


@dataclass(frozen=True, slots=True)
class OcrSpan:
    """Text recognised by OCR: ``text[start:end]`` and the recogniser's confidence (0–1).

    Spans cover runs of sure and of doubtful characters (below :data:`OCR_DOUBT`) within
    one line or table cell; ``confidence`` is the lowest of the run's characters.
    """

    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Fact:
    """Something the file says about the report beside its text proper: a web page's title as shown,
    its 发布时间 (``publication_date``, ISO), 来源 (``page_source``), address (``page_url``) or a report file
    it links to (``attachment``). The evidence is ``text[start:end]`` when the text holds it, else only
    ``quote`` (the address, read from the page's markup); ``origin`` says where on the page it was found."""

    key: str
    value: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    origin: str = ""

    def to_json(self) -> dict:
        return {"key": self.key, "value": self.value, "start": self.start, "end": self.end,
                "quote": self.quote, "origin": self.origin}  # fmt: skip


@dataclass(frozen=True)
class Document:
    """A report as read from one file: canonical text, blocks, pages and identity."""

    path: str
    kind: str  # pdf / docx / doc / txt / html / mhtml
    text: str
    blocks: tuple[Block, ...]
    pages: tuple[Page, ...]
    file_sha256: str
    extractor: str
    image_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    text_sha256: str = field(default="")
    #: Text recognised by OCR, in text order (empty when none was); see :func:`ocr_confidence`.
    ocr_spans: tuple[OcrSpan, ...] = ()
    #: Pages whose text was recognised by OCR (``image_pages`` stays "pages without a text layer").
    ocr_pages: tuple[int, ...] = ()
    #: Whether the file says where its pages begin (a PDF; a DOCX saved by Word, which records where
    #: it last broke the pages). A text file or a DOCX without that record has one "page" that is
    #: not a printed page: :meth:`page_at` then says None, and places are named by section instead.
    paginated: bool = True
    #: What the file says about the report beside its text (a web page's 发布时间, 来源, address …).
    facts: tuple[Fact, ...] = ()

    def fact(self, key: str) -> Fact | None:
        """The first fact of ``key``, or None."""
        return next((f for f in self.facts if f.key == key), None)

    def __post_init__(self) -> None:
        if not self.text_sha256:
            object.__setattr__(self, "text_sha256", sha256_text(self.text))

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @cached_property
    def _page_starts(self) -> list[int]:
        return [p.start for p in self.pages]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page number holding ``offset`` (the last page for the end of text), or None
        when the file does not know its pages (see :attr:`paginated`)."""
        if not self.paginated:
            return None
        if not self.pages:
            return 1
        i = bisect.bisect_right(self._page_starts, offset) - 1
        return self.pages[max(i, 0)].number

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset``, if any."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


def ocr_confidence(doc: Document, start: int, end: int | None = None) -> float | None:
    """The lowest OCR confidence of the text between ``start`` and ``end``, or None when
    none of it was recognised by OCR (an empty span looks at the character at ``start``)."""
    spans = doc.ocr_spans
    if not spans:
        return None
    if end is None or end <= start:
        end = start + 1
    i = bisect.bisect_right(spans, start, key=lambda s: s.end)  # first span ending after start
    low = None
    while i < len(spans) and spans[i].start < end:
        c = spans[i].confidence
        low = c if low is None else min(low, c)
        i += 1
    return low


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: str, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while data := f.read(chunk):
            h.update(data)
    return h.hexdigest()
