"""Scanning folders for report files."""

from __future__ import annotations

from xxgk_desk.core.batch import is_candidate, scan

from .conftest import make_folder


def test_scan_recurses_and_skips_noise(tmp_path):
    files = make_folder(tmp_path)
    found = scan([tmp_path])
    names = {p.name for p in found}
    assert names == {
        "2023.txt",
        "2024.docx",
        "荆州示例学院.txt",
        "宜昌示例学院.txt",
        "坏文件.pdf",
        "襄阳示例大学.txt",
    }
    assert files["no_annex"] in found  # two folders down
    assert not any(n.startswith(("~$", ".")) for n in names)


def test_explicit_files_are_kept_and_duplicates_dropped(tmp_path):
    files = make_folder(tmp_path)
    odd = tmp_path / "说明.xlsx"
    missing = tmp_path / "不存在.pdf"
    found = scan([files["old"], tmp_path, odd, missing, files["old"]])
    assert found[0] == files["old"]
    assert found.count(files["old"]) == 1
    assert odd in found and missing in found  # named explicitly: their rows will say why they fail


def test_candidates():
    assert is_candidate("报告.PDF") and is_candidate("a.docx") and is_candidate("b.wps")
    for name in ("~$报告.docx", ".~lock.a.docx#", "._a.pdf", ".a.pdf", "a.xlsx", "a.zip"):
        assert not is_candidate(name), name
