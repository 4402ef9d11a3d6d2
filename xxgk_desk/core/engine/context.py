"""What every check needs: the document, its outline, the rules and where each standard part lies."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.model import part_at
from xxgk_desk.core.outline import Section
from xxgk_desk.core.rules import RuleSet

if TYPE_CHECKING:
    from xxgk_desk.core.engine.parts import PartHit


@dataclass
class Context:
    doc: Document
    sections: tuple[Section, ...]
    rules: RuleSet
    # (start, end, part key) spans of the standard parts, filled in by engine.parts
    part_spans: list[tuple[int, int, str]] = field(default_factory=list)
    # headings that name the 清单 (annex) without a 清单 under them, filled in by engine.parts
    annex_headings: list[PartHit] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text

    def title_sections(self) -> list[Section]:
        return [s for s in self.sections if s.level == 0]

    def first_part_start(self) -> int:
        """Where the body starts: the first heading below the title block (or the end of the text)."""
        for s in self.sections:
            if s.level >= 1:
                return s.start
        return len(self.text)

    def part_at(self, offset: int | None) -> str | None:
        """The standard part whose span holds ``offset`` (innermost), if any."""
        return part_at(self.part_spans, offset)

    def parts_at(self, offset: int) -> set[str]:
        return {key for start, end, key in self.part_spans if start <= offset < end}

    def spans_of(self, key: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e, k in self.part_spans if k == key]

    def in_table(self, offset: int) -> bool:
        block = self.doc.block_at(offset)
        return block is not None and block.kind == "table"

    def line_span(self, offset: int) -> tuple[int, int]:
        """The line (block) around ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """Widen [start, end) to the sentence (between 。；！？ or line breaks) around it."""
        text = self.text
        s = start
        while s > 0 and text[s - 1] not in "。；！？\n":
            s -= 1
        e = end
        while e < len(text) and text[e] not in "。；！？\n":
            e += 1
        if e < len(text) and text[e] in "。；！？":
            e += 1
        return s, e


def block_starts(doc: Document) -> list[int]:
    return [b.start for b in doc.blocks]


def index_at(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)
