"""Decoding a Chinese text file by evidence, never by hope.

In this order:

1. a byte-order mark says it: UTF-32 (checked before UTF-16, whose mark it starts with), UTF-8,
   UTF-16;
2. zero bytes on one side of the byte pairs: UTF-16 without a mark;
3. valid UTF-8 throughout: UTF-8;
4. UTF-8 evidence (lines with non-ASCII characters that are valid UTF-8, or far more valid UTF-8
   characters than bad bytes): UTF-8, line by line —
   a line with a few bad bytes keeps its text and only those bytes become “�” (per character,
   not per line); a line that is valid GB18030 and hopeless as UTF-8 is read as GB18030 (a file
   pasted together from two editors);
5. otherwise one legacy encoding for the whole file, from charset-normalizer's verdict: Big5
   (traditional characters) when it says so, else GB18030 when the bytes are valid GB18030, else
   whatever it found.

Every decision that is not plain UTF-8 or GB18030 is named in a warning, and so is every byte
that had to be replaced (with how many).
"""

from __future__ import annotations

import codecs
import unicodedata

from xxgk_desk.core.normalize import is_cjk

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BIG5 = {"big5", "cp950", "big5hkscs", "big5-hkscs"}
_VERDICT_BYTES = 512 * 1024  # charset-normalizer looks at the start of the file


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes of a Chinese text file. Returns (text, encoding, warnings)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if enc.startswith("utf-32"):
                body = body[: len(body) // 4 * 4]
            text, bad = _decode(body, enc)
            return text, enc, _replaced(bad)
    utf16 = _utf16_without_bom(data)
    if utf16:
        text, bad = _decode(data[: len(data) // 2 * 2], utf16)
        if _plausible(text):
            return text, utf16, ["文本是不带字节顺序标记的 UTF-16 编码，已按此读取。", *_replaced(bad)]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    if _mostly_utf8(data) or any(_utf8_evidence(line) for line in lines):
        return _by_line(lines)
    return _legacy(data)


def _mostly_utf8(data: bytes) -> bool:
    """More than twice as many valid UTF-8 characters beyond ASCII as undecodable sequences (GBK or Big5 bytes
    read as UTF-8 give almost none of the former)."""
    text, bad = _decode(data, "utf-8")
    good = sum(1 for c in text if c > "\x7f") - bad
    return good >= 3 and good > 2 * bad


def _decode(data: bytes, enc: str) -> tuple[str, int]:
    """The text and how many undecodable sequences became U+FFFD."""
    text = data.decode(enc, errors="replace")
    return text, len(text) - len(data.decode(enc, errors="ignore"))


def _replaced(bad: int) -> list[str]:
    return [f"文本中有 {bad} 处无法识别的字节，已替换为“�”。"] if bad else []


def _utf8_evidence(line: bytes) -> bool:
    """A line with non-ASCII bytes that is valid UTF-8."""
    if line.isascii():
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _by_line(lines: list[bytes]) -> tuple[str, str, list[str]]:
    out: list[str] = []
    bad = gb_lines = 0
    for raw in lines:
        try:
            out.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        text, n = _decode(raw, "utf-8")
        if n > 2 and n > 0.05 * len(text):  # hopeless as UTF-8: is it a GB18030 line?
            try:
                out.append(raw.decode("gb18030"))
                gb_lines += 1
                continue
            except UnicodeDecodeError:
                pass
        out.append(text)
        bad += n
    warnings = _replaced(bad)
    if gb_lines:
        warnings.insert(
            0, f"文本中混有 UTF-8 和 GB18030 两种编码，已逐行识别（{gb_lines} 行按 GB18030 读取）。"
        )
    return "\n".join(out), "utf-8" if not gb_lines else "mixed", warnings


def _legacy(data: bytes) -> tuple[str, str, list[str]]:
    verdict = _verdict(data)
    if verdict in _BIG5:
        text, bad = _decode(data, "big5hkscs")
        return text, "big5", ["文本是繁体中文 Big5 编码，已按此读取。", *_replaced(bad)]
    try:
        return data.decode("gb18030"), "gb18030", []
    except UnicodeDecodeError:
        pass
    if verdict and verdict not in ("gb18030", "gbk", "gb2312", "hz"):
        try:
            text, bad = _decode(data, verdict)
            return text, verdict, [f"文本编码不明确，按 {verdict} 读取，个别字符可能有误。", *_replaced(bad)]
        except LookupError:
            pass
    text, bad = _decode(data, "gb18030")
    return text, "gb18030", _replaced(bad)


def _verdict(data: bytes) -> str | None:
    """charset-normalizer's encoding for the file (None when it has none)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:_VERDICT_BYTES]).best()
    except Exception:  # a best effort: GB18030 is the default for Chinese text
        return None
    return codecs.lookup(best.encoding).name if best is not None and best.encoding else None


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
