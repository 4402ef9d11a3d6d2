"""``xxgk-desk memo`` and ``xxgk-desk notes table``, headless; PDF through LibreOffice when present."""

from __future__ import annotations

import csv
import json
import shutil

import openpyxl
import pytest

from tests.core.export.conftest import SAMPLE, SPECIAL, docx_text, md_unescape
from xxgk_desk.cli import main
from xxgk_desk.core.export import ExportError, collect_memo, memo_pdf, write_pdf
from xxgk_desk.core.store import ENV_DB

needs_soffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")


@pytest.fixture(autouse=True)
def no_default_db(tmp_path, monkeypatch):
    """Never touch the user's own review database."""
    monkeypatch.setenv(ENV_DB, str(tmp_path / "absent" / "reviews.sqlite3"))
    monkeypatch.setenv("XXGK_DESK_REVIEWER", "测试员")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_pre_review_docx_and_md_without_db(capsys, tmp_path):
    code, out, err = run(capsys, "memo", SAMPLE, "-o", tmp_path / "m.docx", "--record")
    assert code == 0 and "自动预审的审核记录" in out and not err
    text = docx_text(tmp_path / "m.docx")
    assert "（自动预审，未经审核人员确认）" in text and "存在未替换的模板占位内容" in text
    code, out, _ = run(capsys, "memo", SAMPLE, "-o", tmp_path / "m.md", "--record")
    assert code == 0 and (tmp_path / "m.md").read_text(encoding="utf-8").startswith("# 关于楚澜理工学院")
    code, out, _ = run(capsys, "memo", SAMPLE, "-o", tmp_path / "m.out", "--format", "txt", "--record")
    assert code == 0 and "自动预审" in (tmp_path / "m.out").read_text(encoding="utf-8")
    assert not (tmp_path / "absent").exists()  # no database was created


def test_memo_from_a_stored_review(demo, capsys, tmp_path):
    db = demo.store.path
    code, out, err = run(
        capsys, "memo", SAMPLE, "-o", tmp_path / "r.docx", "--db", db, "--include-dismissed", "--record"
    )
    assert code == 0, err
    assert "已写出审核记录" in out and "结论：基本合格" in out
    text = docx_text(tmp_path / "r.docx")
    for body in demo.bodies.values():
        assert body in text
    assert demo.dismiss_reason in text and demo.reply in text
    code, out, err = run(
        capsys,
        "memo",
        SAMPLE,
        "-o",
        tmp_path / "o.md",
        "--db",
        db,
        "--only-open",
        "--with-context",
        "--record",
    )
    md = md_unescape((tmp_path / "o.md").read_text(encoding="utf-8"))
    assert demo.bodies["resolved"] not in md and SPECIAL in md and "“……本学年，" in md


def test_stdout_markdown(demo, capsys):
    code, out, _ = run(capsys, "memo", SAMPLE, "-o", "-", "--db", demo.store.path, "--record")
    assert code == 0 and out.startswith("# 关于") and "基本合格" in out


def test_the_default_is_the_letter(letter_case, capsys, tmp_path):
    code, out, err = run(capsys, "memo", letter_case.doc.path, "-o", tmp_path / "l.docx", "--db",
                         letter_case.store.path, "--number", "35")  # fmt: skip
    assert code == 0, err
    assert f"已写出审核意见（问题 {len(letter_case.confirmed)} 条，结论：基本合格）" in out
    text = docx_text(tmp_path / "l.docx")
    assert (
        "鄂教办函〔" in text
        and "〕35号" in text
        and "楚澜理工学院：" in text
        and "湖北省教育厅办公室" in text
    )
    assert letter_case.undecided not in text
    code, out, err = run(capsys, "memo", letter_case.doc.path, "-o", "-", "--db", letter_case.store.path,
                         "--with-findings", "--no-annex", "--format", "txt")  # fmt: skip
    assert code == 0 and letter_case.undecided.rstrip("。") in out and "问题清单" not in out


def test_a_letter_without_a_review_says_so(capsys, tmp_path):
    code, out, err = run(capsys, "memo", SAMPLE, "-o", tmp_path / "l.md")
    assert code == 0 and "问题 0 条" in out and "--with-findings" in out
    text = (tmp_path / "l.md").read_text(encoding="utf-8")
    assert "存在的主要问题" not in text and "审核意见" in text


@pytest.mark.parametrize(
    "argv, message",
    [
        (["memo", SAMPLE, "-o", "x.odt"], "无法识别审核意见的格式"),
        (["memo", "/no/such/report.pdf", "-o", "x.docx"], "找不到文件"),
        (["memo", SAMPLE, "-o", "x.docx", "--db", "/no/such/db.sqlite3"], "找不到审核数据库"),
        (["memo", SAMPLE, "-o", "/no/such/dir/x.docx"], "无法写入"),
        (["memo", SAMPLE, "-o", "-", "--format", "docx"], "只有 Markdown"),
    ],
)
def test_errors_are_one_chinese_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and not out
    assert err.startswith("错误：") and message in err and err.count("\n") == 1 and "Traceback" not in err


def test_notes_table(demo, capsys, tmp_path):
    db = demo.store.path
    for name in ("n.xlsx", "n.csv", "n.jsonld"):
        code, out, err = run(capsys, "notes", "table", SAMPLE, "-o", tmp_path / name, "--db", db)
        assert code == 0 and f"已导出 {len(demo.notes)} 条批注" in out, err
    wb = openpyxl.load_workbook(tmp_path / "n.xlsx")
    assert wb["批注"].max_row == 1 + len(demo.notes)
    with open(tmp_path / "n.csv", encoding="utf-8-sig", newline="") as f:
        assert any(r["批注内容"] == SPECIAL for r in csv.DictReader(f))
    assert json.loads((tmp_path / "n.jsonld").read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    code, _, err = run(capsys, "notes", "table", SAMPLE, "-o", tmp_path / "n.pdf", "--db", db)
    assert code == 1 and "无法识别批注表格式" in err


def test_pdf_without_libreoffice_says_what_to_do(sample, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(memo_pdf, "find_soffice", lambda: None)
    memo = collect_memo(sample.document, sample.sections, sample.review)
    with pytest.raises(ExportError) as e:
        write_pdf(memo, tmp_path / "m.pdf")
    assert e.value.code == "no_libreoffice" and "LibreOffice" in e.value.message and "DOCX" in e.value.message
    code, _, err = run(capsys, "memo", SAMPLE, "-o", tmp_path / "m.pdf")
    assert code == 1 and "LibreOffice" in err


@needs_soffice
def test_pdf_headless(demo, capsys, tmp_path):
    code, out, err = run(
        capsys, "memo", SAMPLE, "-o", tmp_path / "m.pdf", "--db", demo.store.path, "--record"
    )
    assert code == 0, err
    data = (tmp_path / "m.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    if shutil.which("pdftotext"):
        import subprocess

        text = subprocess.run(
            ["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        squashed = "".join(text.split())
        assert "审核意见" in squashed and "基本合格" in squashed and "—1—" in squashed
