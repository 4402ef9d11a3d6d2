"""TXT loader: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, then a best guess.

Each non-empty line is a paragraph. Runs of Markdown pipe-table lines (``| a | b |``) or
tab-separated lines become table blocks.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from xxgk_desk import __version__
from xxgk_desk.core.document import Document, sha256_file
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.normalize import clean_controls, fix_radicals, is_cjk, normalize_newlines

EXTRACTOR = f"txt/{__version__}"
#: A report's text is well under 1 MB; beyond this a text file is refused before it is read.
MAX_TXT_BYTES = 16 * 1024 * 1024
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes of a Chinese text file. Returns (text, encoding, warnings)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", _replaced(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", []
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data[: len(data) // 2 * 2].decode(utf16, errors="replace")
        if _plausible(text):
            return text, utf16, ["文本是不带字节顺序标记的 UTF-16 编码，已按此读取。"]
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return (
                data.decode(best.encoding, errors="replace"),
                best.encoding,
                [f"文本编码不明确，按 {best.encoding} 读取，个别字符可能有误。"],
            )
    except Exception:  # charset_normalizer is a best effort only
        pass
    # Mixed encodings: decode line by line, each as UTF-8 or GB18030.
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("gb18030", errors="replace"))
    return "\n".join(lines), "mixed", ["文本中混有多种编码，已逐行识别，个别字符可能显示为“�”。"]


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le / utf-16-be when the zero bytes sit on one side of the byte pairs (ASCII digits,
    line breaks and punctuation of UTF-16 text), else None. Pure CJK text has no zero bytes:
    charset_normalizer recognises it later."""
    n = min(len(data), 1 << 20) // 2 * 2  # the first megabyte tells
    if n < 8 or b"\x00" not in data[:n]:
        return None
    even, odd = data[0:n:2], data[1:n:2]
    for enc, low, high in (("utf-16-le", even, odd), ("utf-16-be", odd, even)):
        ascii_zeros = high.count(0)  # ASCII characters: their high byte is zero
        if ascii_zeros >= 0.05 * len(even) and _stray_zeros(low, high, ascii_zeros // 4) <= ascii_zeros // 4:
            return enc
    return None


def _stray_zeros(low: bytes, high: bytes, limit: int) -> int:
    """Zero low bytes not belonging to an ideograph U+4E00…U+9F00 (一 and its kin), up to ``limit`` + 1."""
    count, i = 0, low.find(0)
    while i >= 0 and count <= limit:
        if not 0x4E <= high[i] <= 0x9F:
            count += 1
        i = low.find(0, i + 1)
    return count


def _plausible(text: str) -> bool:
    """Nine in ten characters are printable ASCII, whitespace, CJK or punctuation."""
    good = sum(
        1
        for c in text
        if (c.isascii() and (c.isprintable() or c in "\t\n\r\x0c"))
        or is_cjk(c)
        or unicodedata.category(c)[0] in "PSZ"
    )
    return good >= 0.9 * len(text)


def _looks_binary(text: str) -> bool:
    """More than 5 % zero bytes, other control characters or undecodable bytes: not a text file."""
    bad = sum(1 for c in text if (c < " " and c not in "\t\n\r\x0c") or c == "\ufffd")
    return bad > 0.05 * len(text)


def _replaced(data: bytes, enc: str) -> list[str]:
    try:
        data.decode(enc)
        return []
    except UnicodeDecodeError:
        return ["文本中有无法识别的字节，已替换为“�”。"]


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
