"""DOC via LibreOffice: converted when soffice exists, a clear message when it does not."""

from __future__ import annotations

import pytest

from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import doc as doc_loader
from xxgk_desk.core.loaders import load


def test_legacy_doc_reads_like_its_text(shared):
    if not doc_loader.find_soffice():
        pytest.skip("LibreOffice not installed")
    d = load(shared("samples", "docs", "seed-002-legacy.doc"))
    want = shared("samples", "seed-002.txt").read_text(encoding="utf-8")
    assert d.kind == "doc" and d.extractor.startswith("doc-libreoffice")
    for phrase in ["湖北孝感美珈职业学院", "一、总体情况", "视频号共发布视频"]:
        assert phrase in d.text and phrase in want


def test_without_libreoffice_the_message_says_how_to_get_a_docx(shared, monkeypatch):
    monkeypatch.setattr(doc_loader, "find_soffice", lambda: None)
    with pytest.raises(ReadError) as e:
        load(shared("samples", "docs", "seed-002-legacy.doc"))
    assert e.value.code == "no_libreoffice"
    assert "另存为 .docx" in e.value.message


def test_a_doc_that_libreoffice_cannot_convert(tmp_path):
    if not doc_loader.find_soffice():
        pytest.skip("LibreOffice not installed")
    bad = tmp_path / "bad.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReadError) as e:
        load(bad)
    assert e.value.code in ("convert_failed", "damaged")
