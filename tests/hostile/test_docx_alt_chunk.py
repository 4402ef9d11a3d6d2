"""DOCX ``w:altChunk``: a section carried as an embedded HTML part is read in its place; a part that
cannot be read (RTF) gives a warning instead of silently missing text. The packages are written
by hand (tests/hostile/builders.py) so the altChunk is exactly what the test says."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.builders import PACKAGE_RELS, W_NS, raw_zip
from xxgk_desk.core.loaders import load

CT = "http://schemas.openxmlformats.org/package/2006/content-types"
AFCHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def _docx(path: Path, part: bytes, content_type: str, name: str) -> Path:
    types = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        f'<Override PartName="/word/{name}" ContentType="{content_type}"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId9" Type="{AFCHUNK}" Target="{name}"/></Relationships>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
        "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
        '<w:altChunk r:id="rId9"/>'
        "<w:p><w:r><w:t>三、依申请公开情况</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    entries = [
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", PACKAGE_RELS.encode()),
        ("word/document.xml", document.encode()),
        ("word/_rels/document.xml.rels", rels.encode()),
        (f"word/{name}", part),
    ]
    path.write_bytes(raw_zip(entries))
    return path


HTML = (
    '<html><head><meta charset="gb2312"><style>p {color: red}</style><script>alert(1)</script></head><body>'
    "<h2>二、主动公开情况</h2><p>学校主动公开信息<b>2186</b>条。</p>"
    "<table><tr><td>项目</td><td>数量</td></tr><tr><td>通知公告</td><td>567</td></tr></table>"
    "</body></html>"
)


def test_an_html_alt_chunk_is_read_in_its_place(tmp_path):
    doc = load(_docx(tmp_path / "chunk.docx", HTML.encode("gb2312"), "text/html", "afchunk.htm"))
    text = doc.text
    assert "二、主动公开情况" in text and "学校主动公开信息2186条。" in text
    assert text.index("一、总体情况") < text.index("二、主动公开情况") < text.index("三、依申请公开情况")
    assert "alert" not in text and "color" not in text
    table = next(b for b in doc.blocks if b.kind == "table")
    assert text[table.start : table.end] == "项目\t数量\n通知公告\t567"
    assert not doc.warnings


def test_a_plain_text_alt_chunk_is_read(tmp_path):
    doc = load(
        _docx(tmp_path / "t.docx", "二、主动公开情况\n学校主动公开信息。".encode(), "text/plain", "a.txt")
    )
    assert "学校主动公开信息。" in doc.text


def test_an_rtf_alt_chunk_is_named_in_a_warning(tmp_path):
    rtf = rb"{\rtf1\ansi \u20108?\u20108? section}"
    doc = load(_docx(tmp_path / "rtf.docx", rtf, "application/rtf", "afchunk.rtf"))
    assert "一、总体情况" in doc.text and "三、依申请公开情况" in doc.text
    assert any("RTF" in w and "altChunk" in w for w in doc.warnings)
