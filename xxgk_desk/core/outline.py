"""Section detection: numbering first, format cues (heading styles, bold) as tie-breakers.

Levels follow the numbering scheme of Chinese official documents: ``第X部分``/``一、`` and
``附表``/``附件`` lines are level 1, ``（一）`` level 2, ``1.`` level 3, ``（1）`` level 4,
``①`` level 5; the title block at the top is level 0. When a report uses ``第X部分`` for
its parts and ``一、`` inside them, the inner schemes move down one level.

A heading that shares a line with its paragraph (``（一）主动公开情况。主要通过…``) ends at
the first ``。``. Table cells are never headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xxgk_desk.core.document import Block, Document

CN_NUM = "一二三四五六七八九十百零〇"

# numbering scheme → (pattern, base level)
SCHEMES: list[tuple[str, re.Pattern[str], int]] = [
    ("part", re.compile(rf"^第[{CN_NUM}\d]+部分[\s:：、.．]*"), 1),
    ("annex", re.compile(r"^(附表|附件)\s*[\d一二三四五六七八九十]*\s*[:：]?\s*"), 1),
    ("cn", re.compile(rf"^[{CN_NUM}]+\s*[、.．]\s*"), 1),
    ("paren_cn", re.compile(rf"^[（(]\s*[{CN_NUM}]+\s*[)）]\s*[、.．]?\s*"), 2),
    ("arabic", re.compile(r"^\d{1,2}(?:\s*[.．、](?!\d)\s*|\s+(?=[\u4e00-\u9fff]))"), 3),
    ("paren_arabic", re.compile(r"^[（(]\s*\d{1,2}\s*[)）]\s*"), 4),
    ("circled", re.compile(r"^[①-⑳]\s*"), 5),
]

_TRAILING_NUMBERS = re.compile(r"(?:[\s\t]+[-—]?\d[\d,.，]*%?){2,}\s*$")
_SUBJECT_START = re.compile(
    r"^(?:学校|学院|我校|本校|我院|全校|全院)(?:进一步|将|一方面|按照|根据|通过|在|不断|积极|认真|高度|坚持|共|已|对|于|把|以|围绕|严格|始终|持续|及时)"
)
_COLON_LABEL = re.compile(r"^[^。；;]{1,16}[:：]")
_DIGITS = re.compile(r"\d")
_MAX_TITLE = {1: 50, 2: 50, 3: 30, 4: 30, 5: 30}
_ANNEX_WORDS = ("附件", "附表", "清单", "情况表", "一览表", "联系方式")
_NAVIGATION = re.compile(r"当前位置|您的位置|首页\s*[>＞»]|\S\s*[>＞»]\s*\S+\s*[>＞»]")
_SIGNOFF_DATE = re.compile(
    rf"^(?:\d{{4}}|[{CN_NUM}○Ｏ]{{4}})\s*年\s*[\d{CN_NUM}]{{1,3}}\s*月\s*[\d{CN_NUM}]{{1,3}}\s*日$"
)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the span it governs.

    ``start`` is where the heading begins, ``title_end`` where its title ends (a run-in
    heading's body follows on the same line), ``end`` where the section ends (the next
    heading of the same or a higher level, or the end of the text).
    """

    level: int
    title: str
    start: int
    end: int
    title_end: int
    page: int
    scheme: str | None  # which numbering matched (None for title block, captions, styled headings)
    block: int  # index of the block the heading starts

    def to_json(self) -> dict:
        return {
            "level": self.level,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "title_end": self.title_end,
            "page": self.page,
        }


@dataclass(frozen=True, slots=True)
class _Candidate:
    level: int
    title_len: int  # characters of the stripped block text that form the title
    scheme: str | None


def match_numbering(text: str) -> tuple[str, int, int] | None:
    """(scheme, base level, length of the number prefix) if ``text`` opens with a heading number."""
    for name, pat, level in SCHEMES:
        m = pat.match(text)
        if m:
            return name, level, m.end()
    return None


def heading_phrase(text: str) -> str:
    """The run-in heading of a line: up to and including the first 。, or the whole line."""
    i = text.find("。")
    return text if i < 0 else text[: i + 1]


def _numbered_candidate(text: str, block: Block) -> _Candidate | None:
    m = match_numbering(text)
    if not m:
        return None
    scheme, level, num_len = m
    if _TRAILING_NUMBERS.search(text):
        return None  # a table row written as text: 一、本年新收…申请数量 95 0 0
    phrase = heading_phrase(text)
    body = phrase[num_len:].strip()
    if not body and scheme != "annex":
        return None
    if scheme == "annex":
        rest = text[num_len:]
        if re.match(r"^\s*\d+\s*[.．、]", rest) or len(text) > 40:
            return None  # "附件：1. …" attachment list before the sign-off, or a sentence
        return _Candidate(1, len(text), scheme)
    max_len = _MAX_TITLE[level]
    if level >= 3:
        cue = block.bold or (block.style_level is not None and block.style_level >= 1)
        if not cue and not _looks_like_minor_heading(text, phrase, body):
            return None
    elif len(body) > max_len or text.endswith(("；", ";", "，", ",")) and phrase == text:
        return None
    if len(body) > max_len * 2:
        return None
    return _Candidate(level, len(phrase), scheme)


def _looks_like_minor_heading(text: str, phrase: str, body: str) -> bool:
    """A ``1.``-style item is a heading only if it opens with a short heading phrase."""
    if _COLON_LABEL.match(body):
        return False  # "1.会议公开：…；" is a list item
    if len(body) > _MAX_TITLE[3] or _DIGITS.search(body.rstrip("。")):
        return False
    if _SUBJECT_START.match(body):
        return False
    if phrase == text:
        # A whole line: a heading only if it is short and not a list item ending in ；/。
        return not text.endswith(("；", ";", "。", "，", ","))
    return phrase.endswith("。") and len(text) > len(phrase) + 5  # run-in: body text follows


def _is_title_line(text: str) -> bool:
    return (
        0 < len(text) <= 40
        and not text.endswith(("。", "；", ";", "，", ",", "：", ":"))
        and "：" not in text
        and ":" not in text
        and not _SIGNOFF_DATE.match(text)
        and match_numbering(text) is None
    )


def detect_outline(doc: Document) -> tuple[Section, ...]:
    """Find the report's headings and return them as sections in text order."""
    text = doc.text
    found: list[tuple[int, int, _Candidate]] = []  # (block index, start offset, candidate)
    first_body = _title_block(doc, found)
    annex_open = False
    for i, block in enumerate(doc.blocks):
        if i < first_body or block.kind == "table":
            annex_open = annex_open and block.kind != "table"
            continue
        raw = text[block.start : block.end]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        cand = _numbered_candidate(stripped, block)
        if cand is None and block.style_level and block.style_level >= 1 and len(stripped) <= 50:
            cand = _Candidate(block.style_level, len(stripped), None)
        if cand is None and annex_open and _is_title_line(stripped):
            cand = _Candidate(2, len(stripped), None)  # the caption of an appendix table
        annex_open = False
        if cand is None:
            continue
        if cand.level == 1 and any(w in stripped[: cand.title_len] for w in _ANNEX_WORDS):
            annex_open = True
        found.append((i, block.start + lead, cand))
    found = _shift_for_parts(found)
    return _to_sections(doc, found)


def _title_block(doc: Document, found: list) -> int:
    """Mark the short lines at the very top as the title block (level 0). Returns the first body block.

    Web-page navigation copied above the title (当前位置：首页 > …) is skipped."""
    text = doc.text
    i = 0
    for i, block in enumerate(doc.blocks[:6]):
        stripped = text[block.start : block.end].strip()
        if not found and _NAVIGATION.search(stripped):
            continue
        if block.kind == "table" or not _is_title_line(stripped) or _looks_like_addressee(stripped):
            return i
        lead = len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip())
        found.append((i, block.start + lead, _Candidate(0, len(stripped), None)))
    return i + 1 if doc.blocks else 0


def _looks_like_addressee(text: str) -> bool:
    return text.endswith(("：", ":"))


def _shift_for_parts(found: list[tuple[int, int, _Candidate]]) -> list[tuple[int, int, _Candidate]]:
    """With 第X部分 as level 1, the 一、 and deeper schemes inside the parts move down a level."""
    schemes = [c.scheme for _, _, c in found]
    if "part" not in schemes:
        return found
    first_part = schemes.index("part")
    if "cn" not in schemes[first_part:]:
        return found
    out = []
    for i, s, c in found:
        if c.scheme not in (None, "part", "annex") and c.level >= 1:
            c = _Candidate(c.level + 1, c.title_len, c.scheme)
        out.append((i, s, c))
    return out


def _to_sections(doc: Document, found: list[tuple[int, int, _Candidate]]) -> tuple[Section, ...]:
    text = doc.text
    sections: list[Section] = []
    for n, (bi, start, cand) in enumerate(found):
        title_end = start + cand.title_len
        title = text[start:title_end].strip()
        end = len(text)
        for _, later_start, later in found[n + 1 :]:
            if later.level <= cand.level:
                end = later_start
                break
        if cand.level == 0:
            nxt = found[n + 1][1] if n + 1 < len(found) else len(text)
            end = nxt
        sections.append(
            Section(cand.level, title, start, end, title_end, doc.page_at(start), cand.scheme, bi)
        )
    return tuple(sections)


def section_path(sections: tuple[Section, ...], offset: int) -> list[Section]:
    """The chain of sections (outermost first) that contain ``offset``."""
    chain: list[Section] = []
    for s in sections:
        if s.level == 0:
            continue
        if s.start <= offset < s.end:
            while chain and chain[-1].level >= s.level:
                chain.pop()
            chain.append(s)
    return chain


def section_at(sections: tuple[Section, ...], offset: int) -> int | None:
    """Index of the innermost section containing ``offset``."""
    best = None
    for i, s in enumerate(sections):
        if s.start <= offset < s.end and (best is None or s.level >= sections[best].level):
            best = i
    return best
