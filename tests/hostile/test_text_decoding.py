"""Text files decoded by evidence: what the file really says, and a warning whenever a guess was
made or a character replaced. Each input is built byte by byte from a known text, so the test
knows exactly what must come out."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from xxgk_desk.core import pipeline
from xxgk_desk.core.loaders import load
from xxgk_desk.core.loaders.text_decoding import decode

SIMPLIFIED = (
    "某某大学2023-2024学年信息公开工作年度报告\n"
    "一、总体情况\n"
    "学校高度重视信息公开工作，本学年主动公开信息二千一百八十六条，受理依申请公开十二件。\n"
    "二、主动公开情况\n"
    "学校通过门户网站、微信公众号等渠道主动公开信息，及时回应师生关切。\n"
)
TRADITIONAL = (
    "某某大學2023-2024學年資訊公開工作年度報告\n"
    "一、總體情況\n"
    "學校高度重視資訊公開工作，本學年主動公開資訊二千一百八十六條，受理依申請公開十二件。\n"
    "二、主動公開情況\n"
    "學校通過門戶網站、微信公眾號等渠道主動公開資訊，及時回應師生關切。\n"
)


def _load(tmp_path: Path, data: bytes):
    p = tmp_path / "report.txt"
    p.write_bytes(data)
    return load(p)


@pytest.mark.parametrize(
    "bom, codec", [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")], ids=["le", "be"]
)
def test_utf32_with_a_bom_is_text_not_binary(tmp_path, bom, codec):
    doc = _load(tmp_path, bom + SIMPLIFIED.encode(codec))
    assert doc.text == SIMPLIFIED.strip() and not doc.warnings


def test_big5_is_read_as_big5_and_said_so(tmp_path):
    doc = _load(tmp_path, TRADITIONAL.encode("big5"))
    assert doc.text == TRADITIONAL.strip()
    assert any("Big5" in w for w in doc.warnings)


def test_gb18030_is_read_without_a_warning(tmp_path):
    doc = _load(tmp_path, SIMPLIFIED.encode("gb18030"))
    assert doc.text == SIMPLIFIED.strip() and not doc.warnings


def test_a_few_bad_bytes_in_utf8_replace_single_characters(tmp_path):
    data = bytearray(SIMPLIFIED.encode("utf-8"))
    for at in (40, 120, 200):  # three stray bytes inside lines, between characters
        while (data[at] & 0xC0) == 0x80:
            at += 1
        data.insert(at, 0xFF)
    doc = _load(tmp_path, bytes(data))
    assert doc.text.count("\ufffd") == 3
    assert doc.text.replace("\ufffd", "") == SIMPLIFIED.strip()  # every other character intact
    assert any("3 处无法识别的字节" in w for w in doc.warnings)


def test_bad_bytes_do_not_multiply_findings(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_bytes(SIMPLIFIED.encode("utf-8"))
    data = bytearray(SIMPLIFIED.encode("utf-8"))
    data.insert(data.index(b"\n", len(data) // 2), 0xFE)  # a stray byte at the end of a line
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(bytes(data))
    a, b = pipeline.check(clean), pipeline.check(damaged)
    assert a.ok and b.ok
    assert len(b.review.findings) <= len(a.review.findings) + 1  # at most the “garbled text” finding


def test_utf8_and_gbk_lines_pasted_together(tmp_path):
    lines = SIMPLIFIED.strip().split("\n")
    data = b"\n".join(line.encode("gbk" if i == 2 else "utf-8") for i, line in enumerate(lines))
    doc = _load(tmp_path, data)
    assert doc.text == SIMPLIFIED.strip()
    assert any("逐行识别" in w for w in doc.warnings)


def test_utf16_with_a_bom_and_a_torn_last_byte_warns(tmp_path):
    doc = _load(tmp_path, codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le") + b"\xd8")
    assert SIMPLIFIED.strip() in doc.text
    assert any("无法识别的字节" in w for w in doc.warnings)


def test_every_replacement_is_counted() -> None:
    text, _, warnings = decode("甲乙丙丁戊".encode() + b"\x80\x80" + "己".encode())
    assert text.count("\ufffd") == 2 and warnings == ["文本中有 2 处无法识别的字节，已替换为“�”。"]
