"""TXT loader: encodings, tables, offsets."""

from __future__ import annotations

import codecs
import re

import pytest

from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import load

SAMPLE = "某某大学2023—2024学年信息公开工作年度报告\n\n一、概述\n学校高度重视信息公开工作。\n"


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "crlf"],
)
def test_encodings_give_the_same_text(tmp_path, encoded):
    p = tmp_path / "r.txt"
    p.write_bytes(encoded)
    doc = load(p)
    assert doc.text == "某某大学2023—2024学年信息公开工作年度报告\n一、概述\n学校高度重视信息公开工作。"
    assert doc.kind == "txt" and doc.page_count == 1
    assert "\ufeff" not in doc.text and "\r" not in doc.text


def test_every_block_is_its_span_of_the_text(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("标题\n\n| 序号 | 事项 |\n|---|---|\n| 1 | 章程 |\n结尾。", encoding="utf-8")
    doc = load(p)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    table = doc.blocks[1]
    assert [[doc.text[c.start : c.end] for c in row] for row in table.rows] == [
        ["序号", "事项"],
        ["1", "章程"],
    ]
    for b in doc.blocks:
        assert doc.text[b.start : b.end].strip() == doc.text[b.start : b.end]


def test_mixed_encodings_are_read_line_by_line(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("第一行中文\n".encode() + "第二行中文".encode("gbk") + b"\n\xff\xfe\xfa")
    doc = load(p)
    assert "第一行中文" in doc.text and "第二行中文" in doc.text
    assert doc.warnings


def test_radicals_are_mapped_back(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("信息公开⼯作⻓效机制", encoding="utf-8")
    assert load(p).text == "信息公开工作长效机制"


def test_binary_content_with_txt_extension_is_refused(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(b"abc\x00\x01\x02" * 100)
    with pytest.raises(ReadError) as e:
        load(p)
    assert e.value.code == "mismatch"


def test_seed_texts_load_whole(shared):
    for i in range(5):
        path = shared("samples", f"seed-00{i}.txt")
        doc = load(path)
        original = path.read_text(encoding="utf-8")
        original = re.sub(r"(?m)^\|[-| :]+\|$", "", original)  # Markdown table rule lines
        assert squash(doc.text) == squash(original)


def squash(text: str) -> str:
    return "".join(text.split()).replace("|", "")


@pytest.mark.parametrize(
    "head, name",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00", "BMP"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WEBP"),
    ],
)
def test_a_picture_renamed_to_pdf_is_called_a_picture(tmp_path, head, name):
    from xxgk_desk.core.errors import ReadError
    from xxgk_desk.core.loaders import load

    path = tmp_path / "报告.pdf"
    path.write_bytes(head + b"\x00" * 64)
    with pytest.raises(ReadError) as e:
        load(path)
    assert f"{name} 图片" in e.value.message and "纯文本" not in e.value.message


def test_text_beginning_with_bm_is_still_text(tmp_path):
    from xxgk_desk.core.loaders import load

    path = tmp_path / "r.txt"
    path.write_text(
        "BMW大学2023—2024学年信息公开工作年度报告\n一、概述\n学校信息公开工作。\n", encoding="utf-8"
    )
    assert load(path).text.startswith("BMW大学")
