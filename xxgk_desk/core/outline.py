"""Section detection: numbering first, format cues (heading styles, bold) as tie-breakers.

Levels follow the numbering scheme of Chinese official documents: ``第X部分``/``第X章``/``一、`` and
``附表``/``附件`` lines are level 1, ``（一）``/``第X节`` level 2, ``1.`` level 3, ``（1）`` level 4,
``①`` level 5; the title block at the top is level 0. When a report uses ``第X部分`` for
its parts and ``一、`` inside them, the inner schemes move down one level. A report numbered
only with Arabic numbers (``1 概述`` / ``1.1 …`` / ``1.1.1 …``, with or without 、．) has them
as levels 1, 2, 3; one without any numbered part has its standalone lines that name a
standard part (``信息公开工作概述``) as level 1.

A heading that shares a line with its paragraph (``（一）主动公开情况。主要通过…``) ends at
the first ``。``. Table cells and web-page chrome (breadcrumbs, 上一篇/下一篇 …) are never headings.
A text without line structure (a web page copied as one paragraph) has its headings found
inline, where the numbers run in sequence after a sentence end or a space.
Patterns run on the simplified-character view (:mod:`xxgk_desk.core.hanzi`); titles are the original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xxgk_desk.core.document import Block, Document
from xxgk_desk.core.hanzi import simplified_doc

CN_NUM = "一二三四五六七八九十百零〇"

# numbering scheme → (pattern, base level)
SCHEMES: list[tuple[str, re.Pattern[str], int]] = [
    ("part", re.compile(rf"^第[{CN_NUM}\d]+部分[\s:：、.．]*"), 1),
    ("chapter", re.compile(rf"^第[{CN_NUM}\d]+章[\s:：、.．]*"), 1),
    ("section", re.compile(rf"^第[{CN_NUM}\d]+节[\s:：、.．]*"), 2),
    # 1.1 / 1.1.1 (components up to 20, then 、．. or a space, or a Chinese character that is not a unit)
    (
        "decimal",
        re.compile(
            r"^(?:[1-9]|1\d|20)(?:\.(?:[1-9]|1\d|20)){1,2}(?:\s*[、．.]\s*|\s+|(?=[\u4e00-\u9fff])(?![万亿千百倍个件条次人年月日天元]))"
        ),
        3,
    ),
    ("annex", re.compile(r"^(附表|附件)\s*[\d一二三四五六七八九十]*\s*[:：]?\s*"), 1),
    ("cn", re.compile(rf"^[{CN_NUM}]+\s*[、.．]\s*"), 1),
    ("paren_cn", re.compile(rf"^[（(]\s*[{CN_NUM}]+\s*[)）]\s*[、.．]?\s*"), 2),
    ("arabic", re.compile(r"^\d{1,2}(?:\s*[.．、](?!\d)\s*|\s+(?=[\u4e00-\u9fff]))"), 3),
    ("paren_arabic", re.compile(r"^[（(]\s*\d{1,2}\s*[)）]\s*"), 4),
    ("circled", re.compile(r"^[①-⑳]\s*"), 5),
]

# Ends in two (or more: the last two tell) blank-separated numbers. Exactly two groups, starting
# where blanks begin: "{2,}" tried every later number from every blank, quadratic on a long row.
_TRAILING_NUMBERS = re.compile(r"(?<!\s)(?:\s+[-—]?\d[\d,.，]*%?){2}\s*$")
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
    page: int | None  # None for a file without pages (see Document.paginated)
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


def decimal_depth(text: str) -> int:
    """1 for ``1.1 …``, 2 for ``1.1.1 …`` (the number of dots in a decimal heading number)."""
    m = re.match(r"^\d{1,2}((?:\.\d{1,2}){1,2})", text)
    return m.group(1).count(".") if m else 0


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


def detect_outline(doc: Document, rules=None) -> tuple[Section, ...]:
    """Find the report's headings and return them as sections in text order.

    ``rules`` (default: the shipped ones) give the standard part names for unnumbered headings and
    the web-page chrome lines that are never headings."""
    if rules is None:
        from xxgk_desk.core.rules import load_rules

        rules = load_rules()
    view = simplified_doc(doc)
    return _to_sections(doc, _find(view, _Lexicons(rules)))


class _Lexicons:
    """What the outline needs from the rules: chrome lines and standard part names."""

    def __init__(self, rules) -> None:
        self.rules = rules
        rule = rules.rule("foreign_text")
        self._chrome = rule.lexicon("chrome") if "chrome" in rule.lexicons else None
        self.chrome_max = int(rule.params.get("chrome_max_line", 80))

    def is_chrome(self, line: str) -> bool:
        return self._chrome is not None and len(line) <= self.chrome_max and self._chrome.matches(line)

    def names_part(self, line: str) -> bool:
        return bool(self.rules.parts_for_heading(line))


def _find(doc: Document, lex: _Lexicons) -> list[tuple[int, int, _Candidate]]:
    text = doc.text
    found: list[tuple[int, int, _Candidate]] = []  # (block index, start offset, candidate)
    first_body = _title_block(doc, found, lex)
    annex_open = False
    for i, block in enumerate(doc.blocks):
        if i < first_body or block.kind == "table":
            annex_open = annex_open and block.kind != "table"
            continue
        raw = text[block.start : block.end]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if lex.is_chrome(stripped):
            annex_open = False
            continue
        inline = _inline_headings(text, block, i) if len(stripped) >= FLAT_MIN else []
        if inline:
            found.extend(inline)
            annex_open = False
            continue
        cand = _numbered_candidate(stripped, block)
        if cand is None and block.style_level and block.style_level >= 1 and len(stripped) <= 50:
            cand = _Candidate(block.style_level, len(stripped), None)
        if cand is None and annex_open and _is_title_line(stripped) and len(stripped.split()) < 3:
            cand = _Candidate(2, len(stripped), None)  # the caption of an appendix table (not its header row)
        if cand is None and _is_part_line(stripped, lex):
            cand = _Candidate(1, len(stripped), "named")
        annex_open = False
        if cand is None:
            continue
        if cand.level == 1 and any(w in stripped[: cand.title_len] for w in _ANNEX_WORDS):
            annex_open = True
        found.extend((i, block.start + lead + off, c) for off, c in _split_joined(stripped, cand, block))
    found = _families(found, text, lex)
    return _shift_for_parts(found)


_FIRST_SUB = re.compile(r"[（(](?:一|1)[)）]|(?<![\d.])\d{1,2}\.1(?:[．.、]|\s)")


def _split_joined(text: str, cand: _Candidate, block: Block) -> list[tuple[int, _Candidate]]:
    """A heading joined with its first sub-heading on one line (七、存在的主要问题及改进措施（一）存在的…,
    as PDF paragraph rebuilding leaves it): two headings. Otherwise the heading as found."""
    m = _FIRST_SUB.search(text, 4, cand.title_len)
    if m is None or cand.scheme in (None, "annex"):
        return [(0, cand)]
    inner = _numbered_candidate(text[m.start() :], block)
    first = _Candidate(cand.level, m.start(), cand.scheme)
    return [(0, first)] + ([(m.start(), inner)] if inner is not None else [])


def _is_part_line(line: str, lex: _Lexicons) -> bool:
    """A short standalone line (no sentence punctuation) that names a standard part: 信息公开工作概述."""
    return (
        2 <= len(line) <= 30
        and not re.search(r"[。；;，,：:！？]", line)
        and not _SUBJECT_START.match(line)
        and not _DIGITS.search(line)
        and lex.names_part(line)
    )


def _title_of(text: str, start: int, cand: _Candidate) -> str:
    return text[start : start + cand.title_len]


def _families(found: list[tuple[int, int, _Candidate]], text: str, lex: _Lexicons) -> list:
    """Settle the levels the document's own numbering implies.

    With 第X部分/第X章/一、 parts, decimal numbers sit below (1.1 → 3) and named lines are not parts.
    Without them, Arabic numbers that name standard parts (1 概述 / 1. 概述) are the parts: 1.1 → 2,
    1.1.1 → 3, （1）→ 2, ① → 3. Without any numbered part, lines naming a standard part are the parts."""
    body = [c for _, _, c in found if c.level >= 1]
    strong = any(c.scheme in ("part", "chapter", "cn") for c in body)
    arabic_parts = sum(
        1 for _, s, c in found if c.scheme == "arabic" and lex.names_part(_title_of(text, s, c))
    )
    arabic_top = not strong and (arabic_parts >= 2)
    out = []
    for i, s, c in found:
        level = c.level
        if c.scheme == "named" and (strong or arabic_top):
            continue
        if c.scheme == "decimal":
            depth = decimal_depth(_title_of(text, s, c))
            level = 1 + depth if arabic_top else 2 + depth
        elif arabic_top and c.scheme in ("arabic", "paren_arabic", "circled"):
            level = {"arabic": 1, "paren_arabic": 2, "circled": 3}[c.scheme]
        out.append((i, s, c if level == c.level else _Candidate(level, c.title_len, c.scheme)))
    return out


FLAT_MIN = 800  # a line this long that holds numbered headings in sequence is a flattened page
_INLINE = re.compile(
    rf"(?:(?<=^)|(?<=[\s\u3000。！？]))(?:(?P<cn>[{CN_NUM[:11]}]{{1,3}})[、．]|[（(](?P<pcn>[{CN_NUM[:11]}]{{1,3}})[）)]|"
    rf"第(?P<part>[{CN_NUM[:11]}]{{1,3}})(?:部分|章))"
)


def _inline_headings(text: str, block: Block, bi: int) -> list[tuple[int, int, _Candidate]]:
    """Headings inside one long line whose numbers run in sequence (一、 二、 … and （一） （二） … in each).

    A title ends at the next space or after the first 。 (run-in). Empty unless three parts are found."""
    from xxgk_desk.core.engine.numbers import parse_chinese

    out: list[tuple[int, int, _Candidate]] = []
    seg = text[block.start : block.end]
    top = sub = 0
    for m in _INLINE.finditer(seg):
        num = m.group("cn") or m.group("part") or m.group("pcn")
        n = parse_chinese(num) or 0
        is_top = m.group("pcn") is None
        if (is_top and n != top + 1) or (not is_top and (top == 0 or n != sub + 1)):
            continue
        rest = seg[m.end() : m.end() + 41]
        stop = re.search(r"[\s\u3000]|。", rest)
        if stop is None or stop.start() == 0:
            continue
        title_len = m.end() - m.start() + stop.start() + (1 if stop.group() == "。" else 0)
        title = seg[m.start() : m.start() + title_len]
        if _DIGITS.search(title) or re.search(r"[，,；;：:]", title):
            continue
        if is_top:
            top, sub = n, 0
        else:
            sub = n
        scheme = ("part" if m.group("part") else "cn") if is_top else "paren_cn"
        out.append((bi, block.start + m.start(), _Candidate(1 if is_top else 2, title_len, scheme)))
    return out if top >= 3 else []


def _title_block(doc: Document, found: list, lex: _Lexicons | None = None) -> int:
    """Mark the short lines at the very top as the title block (level 0). Returns the first body block.

    Web-page navigation copied above or under the title (当前位置：首页 > …, 浏览次数, 分享到) is skipped."""
    text = doc.text
    i = 0
    for i, block in enumerate(doc.blocks[:6]):
        stripped = text[block.start : block.end].strip()
        if (not found and _NAVIGATION.search(stripped)) or (lex is not None and lex.is_chrome(stripped)):
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
    ends = _section_ends(found, len(text))
    sections: list[Section] = []
    for n, (bi, start, cand) in enumerate(found):
        title_end = start + cand.title_len
        title = text[start:title_end].strip()
        end = ends[n]
        if cand.level == 0:
            nxt = found[n + 1][1] if n + 1 < len(found) else len(text)
            end = nxt
        sections.append(
            Section(cand.level, title, start, end, title_end, doc.page_at(start), cand.scheme, bi)
        )
    return tuple(sections)


def _section_ends(found: list[tuple[int, int, _Candidate]], text_end: int) -> list[int]:
    """For each heading, where the next heading of the same or a higher level starts (one pass
    from the end with a stack of open levels: linear in the number of headings)."""
    ends = [text_end] * len(found)
    later: list[tuple[int, int]] = []  # (level, start) of headings after the current one, levels rising
    for n in range(len(found) - 1, -1, -1):
        _, start, cand = found[n]
        while later and later[-1][0] > cand.level:
            later.pop()
        if later:
            ends[n] = later[-1][1]
        later.append((cand.level, start))
    return ends


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
