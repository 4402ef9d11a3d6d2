"""Assemble the canonical text from blocks; shared by every loader.

Blocks are separated by one ``\\n``; a table is written row by row, one row per line,
cells separated by ``\\t``. Loaders pass text already normalised (see ``core.normalize``).
"""

from __future__ import annotations

from array import array

from xxgk_desk.core.document import Block, Cell, Document, Page

NAN = float("nan")


class TextBuilder:
    """Collects blocks and page breaks and builds a :class:`Document`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.blocks: list[Block] = []
        self._page_starts: list[tuple[int, int, float, float, bool]] = []  # (number, start, w, h, has_text)
        self._boxes: array = array("f")
        self._with_boxes = False
        self._page = 1

    # -- pages -------------------------------------------------------------
    def start_page(self, number: int, width: float = 0.0, height: float = 0.0, has_text: bool = True) -> None:
        """Begin page ``number`` (1-based); everything added next belongs to it."""
        self._page = number
        self._page_starts.append((number, self._len, width, height, has_text))

    @property
    def page(self) -> int:
        return self._page

    # -- text ----------------------------------------------------------------
    def _sep(self) -> None:
        if self._len:
            self._append("\n", None)

    def _append(self, text: str, boxes: list[float] | array | None) -> None:
        self._parts.append(text)
        self._len += len(text)
        if boxes is not None:
            self._with_boxes = True
            self._boxes.extend(boxes)
        else:
            self._boxes.extend([NAN] * (4 * len(text)))

    def add_block(
        self,
        kind: str,
        text: str,
        *,
        boxes: list[float] | array | None = None,
        style_level: int | None = None,
        bold: bool = False,
        size_ratio: float | None = None,
        page: int | None = None,
    ) -> Block | None:
        """Append a heading or paragraph; empty text is skipped. Returns the block."""
        if not text.strip():
            return None
        self._sep()
        start = self._len
        self._append(text, boxes)
        block = Block(kind, start, self._len, page or self._page, style_level, bold, size_ratio)
        self.blocks.append(block)
        return block

    def add_table(self, rows: list[list[str]], *, page: int | None = None) -> Block | None:
        """Append a table given as rows of cell texts (tabs and newlines in cells become spaces)."""
        rows = [[" ".join(c.split()) for c in r] for r in rows]
        rows = [r for r in rows if any(r)]
        if not rows:
            return None
        self._sep()
        start = self._len
        out_rows: list[tuple[Cell, ...]] = []
        for ri, row in enumerate(rows):
            if ri:
                self._append("\n", None)
            cells: list[Cell] = []
            for ci, cell in enumerate(row):
                if ci:
                    self._append("\t", None)
                cs = self._len
                self._append(cell, None)
                cells.append(Cell(cs, self._len))
            out_rows.append(tuple(cells))
        block = Block("table", start, self._len, page or self._page, rows=tuple(out_rows))
        self.blocks.append(block)
        return block

    @property
    def length(self) -> int:
        return self._len

    # -- result --------------------------------------------------------------
    def build(
        self,
        *,
        path: str,
        kind: str,
        file_sha256: str,
        extractor: str,
        image_pages: tuple[int, ...] = (),
        warnings: tuple[str, ...] = (),
        paginated: bool = True,
    ) -> Document:
        text = "".join(self._parts)
        if not self._page_starts:
            self._page_starts.append((1, 0, 0.0, 0.0, True))
        pages: list[Page] = []
        for i, (num, start, w, h, has_text) in enumerate(self._page_starts):
            end = self._page_starts[i + 1][1] if i + 1 < len(self._page_starts) else len(text)
            boxes = self._boxes[start * 4 : end * 4] if self._with_boxes else None
            pages.append(Page(num, start, end, w, h, boxes, has_text))
        return Document(
            path=path,
            kind=kind,
            text=text,
            blocks=tuple(self.blocks),
            pages=tuple(pages),
            file_sha256=file_sha256,
            extractor=extractor,
            image_pages=image_pages,
            warnings=warnings,
            paginated=paginated,
        )
