"""TXT loader: the bytes decoded by evidence (text_decoding.py: BOMs, UTF-16, UTF-8 with per-character
replacement, GB18030, Big5), each guess and each replaced byte named in a warning.

Each non-empty line is a paragraph. Runs of Markdown pipe-table lines (``| a | b |``) or
tab-separated lines become table blocks.
"""

from __future__ import annotations

import re
from pathlib import Path

from xxgk_desk import __version__
from xxgk_desk.core.document import Document, sha256_file
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.loaders.text_decoding import decode
from xxgk_desk.core.normalize import clean_controls, fix_radicals, normalize_newlines

EXTRACTOR = f"txt/{__version__}"
#: A report's text is well under 1 MB; beyond this a text file is refused before it is read.
MAX_TXT_BYTES = 16 * 1024 * 1024
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _looks_binary(text: str) -> bool:
    """More than 5 % zero bytes, other control characters or undecodable bytes: not a text file."""
    bad = sum(1 for c in text if (c < " " and c not in "\t\n\r\x0c") or c == "\ufffd")
    return bad > 0.05 * len(text)


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") else s
    return [c.strip() for c in s.split("|")]


def load_txt(path: str) -> Document:
    """Read a text file into a Document."""
    size = Path(path).stat().st_size
    if size > MAX_TXT_BYTES:
        raise ReadError("too_big", f"文本文件过大（{size >> 20} MB），不像一份报告：{Path(path).name}。")
    data = Path(path).read_bytes()
    text, _enc, warnings = decode(data)
    if "\x00" in text:
        if _looks_binary(text):
            raise ReadError(
                "mismatch", f"文件扩展名是 .txt，但内容是二进制数据：{Path(path).name}。请确认文件类型。"
            )
        warnings.append("文本中夹有空字符（NUL），已替换为空格。")
    text = fix_radicals(clean_controls(normalize_newlines(text)))
    if not text.strip():
        raise ReadError("empty", f"文本文件中没有文字：{Path(path).name}。请确认文件内容。")
    b = TextBuilder()
    b.start_page(1)
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_pipe_row(line) or (
            "\t" in line.strip() and i + 1 < len(lines) and "\t" in lines[i + 1].strip()
        ):
            table, i = _read_table(lines, i)
            b.add_table(table)
            continue
        b.add_block("paragraph", line.strip())
        i += 1
    return b.build(
        path=path,
        kind="txt",
        file_sha256=sha256_file(path),
        extractor=EXTRACTOR,
        warnings=tuple(warnings),
        paginated=False,  # a text file has no printed pages
    )


def _read_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    pipe = _is_pipe_row(lines[i])
    while i < len(lines):
        line = lines[i]
        if pipe and _is_pipe_row(line):
            if not _SEPARATOR_ROW.match(line.strip()):
                rows.append(_pipe_cells(line))
        elif not pipe and "\t" in line.strip():
            rows.append([c.strip() for c in line.strip().split("\t")])
        else:
            break
        i += 1
    return rows, i
