"""A simplified-character view of a text, mapped one code point for one, so every offset stays valid.

Lexicons, headings and names are written in simplified characters; a report copied from a
traditional-character page (主動公開, 依申請公開, 廈門大學) is matched through this view while quotes
are still taken from the original text. The table is OpenCC's character table (TSCharacters), as
shipped by the ``opencc-python-reimplemented`` package: for each traditional character its first
(preferred) simplified form; characters whose form is the same in both scripts are left alone.
Where a character has several simplified forms and OpenCC's phrase table picks another one in a
phrase of the same length (答覆 → 答复, 回覆 → 回复), that phrase is applied too, for texts that hold
traditional characters; phrases that would change the length are never used.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from functools import cache
from pathlib import Path

from xxgk_desk.core.document import Document

_PACKAGE = "opencc"
_CHARACTERS = ("dictionary", "TSCharacters.txt")
_PHRASES = ("dictionary", "TSPhrases.txt")


def _lines(parts: tuple[str, ...]) -> list[str]:
    """A table file of the converter package, wherever it is installed (site-packages, a wheel, a frozen app)."""
    try:
        spec = importlib.util.find_spec(_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    for base in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(base).joinpath(*parts)
        if path.is_file():
            return path.read_text(encoding="utf-8").splitlines()
    return []  # the converter is a dependency; without it the view is the text itself, never a crash


@cache
def _table() -> dict[int, str]:
    """Traditional code point → simplified character (one for one). Empty if the table is missing."""
    lines = _lines(_CHARACTERS)
    table: dict[int, str] = {}
    for line in lines:
        trad, _, forms = line.partition("\t")
        first = forms.split(" ")[0] if forms else ""
        if len(trad) == 1 and len(first) == 1 and first != trad:
            table[ord(trad)] = first
    return table


@cache
def _phrases() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Same-length phrases whose simplified form differs from the character-by-character one."""
    table = _table()
    fixes: dict[str, str] = {}
    for line in _lines(_PHRASES):
        trad, _, forms = line.partition("\t")
        first = forms.split(" ")[0] if forms else ""
        charwise = trad.translate(table)
        if len(first) == len(trad) and first != charwise:
            fixes[charwise] = first
    if not fixes:
        return None, {}
    firsts = "".join(sorted({re.escape(k[0]) for k in fixes}))
    alternatives = "|".join(re.escape(k) for k in sorted(fixes, key=len, reverse=True))
    pattern = re.compile(f"(?=[{firsts}])(?:{alternatives})")  # try the phrases only where one can start
    return pattern, fixes


def simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones; same length, same offsets."""
    out = text.translate(_table())
    if out == text:
        return text
    pattern, fixes = _phrases()
    return pattern.sub(lambda m: fixes[m.group()], out) if pattern is not None else out


def has_traditional(text: str) -> bool:
    table = _table()
    return any(ord(c) in table for c in text)


def simplified_doc(doc: Document) -> Document:
    """The document with its text in the simplified view (same blocks, pages, identity)."""
    text = simplified(doc.text)
    return doc if text == doc.text else dataclasses.replace(doc, text=text)
