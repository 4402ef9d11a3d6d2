"""Text clean-up shared by the loaders.

Only repairs that keep meaning: line endings, BOM, Kangxi/CJK-supplement radicals that
broken ToUnicode tables produce. NFKC is never applied to the whole text (it would turn
full-width （）： into ASCII).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from xxgk_desk.core.resources import resource

#: Kangxi radicals whose compatibility mapping is a traditional form, while simplified-Chinese
#: fonts draw (and broken ToUnicode tables report) them for the simplified ideograph.
_SIMPLIFIED_RADICALS = {0x2F3E: "户", 0x2FAD: "青", 0x2FC8: "黄"}


@cache
def _radical_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x2F00, 0x2FD6):  # Kangxi radicals: their compatibility mapping is the ideograph
        mapped = unicodedata.normalize("NFKC", chr(cp))
        if mapped != chr(cp):
            table[cp] = mapped
    for cp in range(0x2E80, 0x2EF4):
        mapped = unicodedata.normalize("NFKC", chr(cp))
        if mapped != chr(cp):
            table[cp] = mapped
    table.update(_SIMPLIFIED_RADICALS)
    path = resource("normalize", "radicals.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        rad, _, ideo = line.partition("\t")
        if len(rad) == 1 and len(ideo) == 1:
            table[ord(rad)] = ideo
    return table


def fix_radicals(text: str) -> str:
    """Map radicals back to ideographs, one code point for one (offsets are kept)."""
    return text.translate(_radical_table())


def has_radicals(text: str) -> bool:
    return any(0x2E80 <= ord(c) <= 0x2FD5 for c in text)


def normalize_newlines(text: str) -> str:
    """CRLF/CR → LF, drop a BOM, turn form feeds and other separators into newlines."""
    text = text.lstrip("\ufeff")
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\x0c", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )


def clean_controls(text: str) -> str:
    """Replace control characters other than tab and newline with spaces (one for one)."""
    return "".join(" " if (ord(c) < 32 and c not in "\t\n") or c == "\x7f" else c for c in text)


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and full-width CJK punctuation (things never separated by spaces)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2E80 <= o <= 0x2FDF
        or 0x20000 <= o <= 0x3FFFF
        or 0xF900 <= o <= 0xFAFF
        or o in (0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x00B7)
    )


def squash_cjk_spaces(line: str) -> str:
    """Remove spaces that sit between two CJK characters (justified or copied-from-PDF text)."""
    if " " not in line and "\u3000" not in line:
        return line
    out: list[str] = []
    n = len(line)
    i = 0
    while i < n:
        c = line[i]
        if c in " \u3000":
            j = i
            while j < n and line[j] in " \u3000":
                j += 1
            prev = out[-1] if out else ""
            nxt = line[j] if j < n else ""
            if prev and nxt and is_cjk(prev) and is_cjk(nxt):
                i = j
                continue
            out.append(line[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


_PAGE_NUMBER = re.compile(
    r"[-—–－‐―·•]*\s*(?:\d{1,4}|[ivx]{1,5}|[IVX]{1,5})\s*[-—–－‐―·•]*"  # - 3 -   —3—   · 3 ·   iv
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页 共 10 页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3 / 10
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",  # Page 3 of 10
    re.I,
)


def is_page_number(line: str) -> bool:
    """True for a line that is only a page number: ``- 3 -``, ``—3—``, ``第 3 页 共 10 页``, ``3 / 10``, ``3``."""
    return bool(_PAGE_NUMBER.fullmatch(line.strip()))
