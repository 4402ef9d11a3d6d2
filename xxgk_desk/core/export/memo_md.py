"""The memo as Markdown (for pasting into other systems, and the window's preview) and as
plain text. Same blocks, same order and numbers as the DOCX (see memo_blocks).

Markdown escapes what CommonMark would otherwise read as markup (``* _ ` [ ] < > & | ~``,
and list or heading markers at the start of a line), so a note saying ``<b>`` shows ``<b>``.
Line breaks inside a note become hard breaks.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.marker import TEXT_LINE

from .errors import ExportError
from .fmt import one_line
from .memo_blocks import Block, Figure, Heading, PageBreak, Para, Run, Table, Title, memo_blocks
from .memo_model import Memo

_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# Block markers CommonMark reads at the start of a line: headings, quotes (already escaped as
# inline ">"), bullets, ordered-list numbers, setext underlines and thematic breaks.
_LINE_START = re.compile(
    r"^\s*(?:(?P<mark>#{1,6}|[+-]|=+)(?=\s|$)|\d{1,9}(?P<num>[.)])(?=\s|$)|(?P<rule>[-=*_](?:\s*[-=*_]){2,}\s*$))"
)


def md_escape(text: str, *, block: bool = True) -> str:
    """``text`` as literal Markdown; line breaks become hard breaks (backslash + newline).
    ``block=False``: the text does not start a line (it follows other text, or sits in a
    table cell), so its first line needs no escaping of list or heading markers."""
    lines = []
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        line = _INLINE.sub(r"\\\1", line)
        m = _LINE_START.match(line) if block or i > 0 else None
        if m:
            at = m.start("num") if m.group("num") else m.start("mark") if m.group("mark") else m.start("rule")
            line = line[:at] + "\\" + line[at:]
        lines.append(line)
    return "\\\n".join(lines)


def _punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _can_strong(text: str, before: str, after: str) -> bool:
    """True when ``**text**`` between ``before`` and ``after`` is emphasis in CommonMark
    (CJK punctuation next to the markers often is not)."""
    if not text or text[0].isspace() or text[-1].isspace() or "\n" in text:
        return False
    open_ok = not _punct(text[0]) or not before or before.isspace() or _punct(before)
    close_ok = not _punct(text[-1]) or not after or after.isspace() or _punct(after)
    return open_ok and close_ok


def _merge(runs: tuple[Run, ...]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        if out and (out[-1].bold, out[-1].underline, out[-1].md) == (r.bold, r.underline, r.md):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.underline, r.font, r.md)
        else:
            out.append(r)
    return out


def _runs_md(runs: tuple[Run, ...]) -> str:
    out = []
    runs = tuple(_merge(runs))
    for i, r in enumerate(runs):
        text = md_escape(r.text, block=i == 0)
        if (r.bold or r.underline) and r.md:
            before = runs[i - 1].text[-1:] if i > 0 else ""
            after = runs[i + 1].text[:1] if i + 1 < len(runs) else ""
            if _can_strong(r.text, before, after):
                text = f"**{text}**"
        out.append(text)
    return "".join(out)


def _cell_md(text: str) -> str:
    return md_escape(one_line(text), block=False) or " "


def _table_md(t: Table) -> str:
    lines = ["| " + " | ".join(_cell_md(h) for h in t.header) + " |"]
    lines.append("| " + " | ".join(":---:" if a == "center" else "---" for a in t.align) + " |")
    for row in t.rows:
        lines.append("| " + " | ".join(_cell_md(c) for c in row) + " |")
    return "\n".join(lines)


def render_markdown(memo: Memo) -> str:
    """The memo as CommonMark with GitHub tables."""
    return blocks_markdown(memo_blocks(memo))


def blocks_markdown(blocks: list[Block]) -> str:
    """Blocks (of the memo, the letter, the 通报) as CommonMark with GitHub tables."""
    out: list[str] = []
    for b in blocks:
        out.append(_block_md(b))
    return "\n\n".join(s for s in out if s) + "\n"


def _block_md(b: Block) -> str:
    if isinstance(b, Title):
        return ("# " if b.size >= 20 else "### ") + md_escape("".join(b.lines))
    if isinstance(b, Heading):
        return ("## " if b.level == 1 else "### ") + md_escape(b.text)
    if isinstance(b, Para):
        text = _runs_md(b.runs)
        if b.role == "quote" or b.role == "reply" or b.role == "meta":
            return "> " + text.replace("\n", "\n> ")
        if b.role == "subtitle":
            return f"*{text}*" if _can_strong(b.text, "", "") else text
        return text
    if isinstance(b, Table):
        return _table_md(b)
    if isinstance(b, Figure):  # no picture in Markdown: its caption says what the DOCX shows
        return f"*{md_escape(b.caption)}*" if _can_strong(b.caption, "", "") else md_escape(b.caption)
    if isinstance(b, PageBreak):
        return "---"
    return ""


def render_text(memo: Memo) -> str:
    """The memo as plain text (no markup), e.g. for a quick preview or an e-mail."""
    return blocks_text(memo_blocks(memo))


def blocks_text(blocks: list[Block]) -> str:
    """Blocks as plain text (no markup)."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Title):
            out.append("\n".join(b.lines))
        elif isinstance(b, Heading):
            out.append(b.text)
        elif isinstance(b, Para):
            lead = "　　" if b.indent else ""
            out.append(lead + b.text)
        elif isinstance(b, Table):
            rows = [b.header, *b.rows]
            out.append("\n".join("｜".join(one_line(c) for c in r) for r in rows))
        elif isinstance(b, Figure):
            out.append(b.caption)
        elif isinstance(b, PageBreak):
            out.append("―" * 20)
    return "\n\n".join(out) + "\n"


def write_markdown(memo: Memo, path: str | os.PathLike) -> Path:
    """Write the Markdown memo (UTF-8, no BOM)."""
    path = Path(path)
    try:
        with replacing(path) as tmp:
            tmp.write_text(render_markdown(memo) + "\n" + TEXT_LINE + "\n", encoding="utf-8", newline="\n")
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path
