"""The letter's optional annex 审核规则说明: only the rules behind the letter's problems, their text from
explanations.yaml (one home), the choice kept in the letter's settings, the CLI flag, and the DOCX and PDF
read back (headings, 仿宋 body, the 附件说明 numbering both annexes)."""

from __future__ import annotations

import shutil
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn

from tests.core.export.conftest import docx_text
from tests.core.export.test_cli_memo import run
from tests.core.export.test_letter import pdf_lines
from xxgk_desk.core.export import (
    LetterSettings,
    collect_letter,
    letter_settings,
    render_letter_text,
    write_letter,
)
from xxgk_desk.core.export.wording import wording
from xxgk_desk.core.rules import load_rules
from xxgk_desk.core.rules.explanations import Basis, load_explanations
from xxgk_desk.core.store import ENV_DB

DAY = date(2024, 11, 5)
TITLE = "审核规则说明"


def _letter(case, **kw):
    settings = kw.pop("settings", None) or letter_settings.read(case.store)
    return collect_letter(case.doc, case.sections, case.review, case.store, settings=settings, when=DAY, **kw)


def test_absent_unless_asked(letter_case):
    letter = _letter(letter_case)
    assert letter.rule_notes == ()
    assert TITLE not in render_letter_text(letter)


def test_only_the_rules_behind_the_letters_problems(letter_case):
    """Two accepted findings (sum_mismatch, placeholder) and three notes written by hand: two rules,
    in the order the letter names their problems; the dismissed and undecided findings' rules are not there."""
    letter = _letter(letter_case, rules_appendix=True)
    named = [i.rule for i in letter.issues if i.rule]
    assert [n.rule for n in letter.rule_notes] == list(dict.fromkeys(named))
    assert {n.rule for n in letter.rule_notes} == {"sum_mismatch", "placeholder"}
    with_findings = _letter(letter_case, rules_appendix=True, include_automatic=True)
    rules = {n.rule for n in with_findings.rule_notes}
    assert "wrong_citation" in rules and rules == {i.rule for i in with_findings.issues if i.rule}
    assert "checklist_gap" not in rules  # dismissed: not in the letter, not explained


def test_the_text_is_the_explanations(letter_case):
    letter = _letter(letter_case, rules_appendix=True)
    text = render_letter_text(letter)
    catalogue = load_rules()
    for note in letter.rule_notes:
        ex = load_explanations()[note.rule]
        assert note.title == catalogue.rule(note.rule).title
        assert ex.why in text and ex.todo in text
        for b in ex.basis:
            assert b.title in text
    assert "须整改" in text  # both problems were accepted as 严重 (error)
    assert "严重" not in text  # the letter speaks of 性质, not of the tool's severities
    bases = {b.key: b for n in letter.rule_notes for b in load_explanations()[n.rule].basis if b.valid_from}
    for b in bases.values():  # a date goes to the university only when it is certain
        dated = f"（{b.number}），{b.valid_from.year}年" if b.number else f"{b.title}，{b.valid_from.year}年"
        assert (dated in text) == b.dates_exact, b.key
    assert bases and not all(b.dates_exact for b in bases.values())


def test_severity_is_the_most_serious_of_its_problems(letter_case):
    from dataclasses import replace

    letter = _letter(letter_case, rules_appendix=True)
    issues = list(letter.issues)
    weaker = [replace(i, severity="info", severity_rank=1) if i.rule == "placeholder" else i for i in issues]
    from xxgk_desk.core.export.letter_model import rule_notes

    notes = {n.rule: n.severity for n in rule_notes(tuple(weaker), load_rules())}
    assert notes["placeholder"] == "info" and notes["sum_mismatch"] == "error"
    twice = weaker + [replace(next(i for i in issues if i.rule == "placeholder"))]
    assert {n.rule: n.severity for n in rule_notes(tuple(twice), load_rules())}["placeholder"] == "error"


def test_remembered_in_the_letter_settings(letter_case):
    store = letter_case.store
    assert letter_settings.read(store).rules_appendix is False
    letter_settings.write(store, LetterSettings(issuer="湖北省教育厅", rules_appendix=True))
    assert store.setting("letter/rules_appendix") == "1"
    assert letter_settings.read(store).rules_appendix is True
    assert _letter(letter_case).rule_notes  # the settings' choice
    assert _letter(letter_case, rules_appendix=False).rule_notes == ()  # an explicit choice wins
    letter_settings.write(store, LetterSettings(issuer="湖北省教育厅"))
    assert store.setting("letter/rules_appendix") is None


def test_hand_written_problems_bring_no_appendix(sample_pdf, tmp_path):
    from xxgk_desk.core.store import Store

    with Store(tmp_path / "db.sqlite3") as store:
        doc = sample_pdf.document
        store.register_version(doc, "楚澜理工学院", 2024)
        for f in sample_pdf.review.findings:
            store.dismiss_finding(doc, f.key, "不构成问题。")
        store.add_note(doc, body="请补充社会公众的评议情况。", category="missing", severity="warning")
        letter = collect_letter(
            doc, sample_pdf.sections, sample_pdf.review, store, rules_appendix=True, when=DAY
        )
    text = render_letter_text(letter)
    assert letter.groups and letter.rule_notes == ()
    assert TITLE not in text and "附件：问题清单" in text


def test_only_the_rules_annex(letter_case):
    text = render_letter_text(_letter(letter_case, rules_appendix=True, include_annex=False))
    assert f"附件：{TITLE}" in text and "问题清单" not in text
    assert "\n附件\n" in text and "附件1" not in text


def test_basis_dates_as_the_letter_writes_them():
    b = Basis("x", "《办法》", number="教育部令第29号", valid_from=date(2010, 9, 1))
    assert b.text() == "《办法》（教育部令第29号），2010-09-01起施行"
    assert (
        b.text(date_format=lambda d: f"{d.year}年{d.month}月{d.day}日")
        == "《办法》（教育部令第29号），2010年9月1日起施行"
    )


def test_a_guessed_date_is_flagged_in_the_list_and_kept_out_of_the_letter(letter_case):
    guess = Basis(
        "y", "《通知》", number="教办厅函〔2018〕80号", valid_from=date(2018, 1, 1), dates_exact=False
    )
    assert guess.text() == "《通知》（教办厅函〔2018〕80号），2018-01-01起施行（日期未核实）"
    assert guess.text(exact_only=True) == "《通知》（教办厅函〔2018〕80号）"
    text = render_letter_text(_letter(letter_case, rules_appendix=True))
    assert "教办厅函〔2018〕80号" in text or "教办函〔2014〕23号" in text
    assert "2018年1月1日" not in text and "2014年7月1日" not in text and "未核实）起" not in text


# -- the DOCX read back ----------------------------------------------------------------------------------


@pytest.fixture
def rules_docx(letter_case, tmp_path):
    letter = _letter(letter_case, rules_appendix=True, number=35)
    return letter, write_letter(letter, tmp_path / "审核意见.docx", "docx")


def test_docx_carries_both_annexes_in_order(rules_docx):
    letter, path = rules_docx
    paras = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    want = ["特此函告。", "附件：1．问题清单", "\u3000\u3000\u30002．审核规则说明", "湖北省教育厅办公室", "2024年11月5日",
            "附件1", "问题清单", "附件2", TITLE, "以下说明本意见"]  # fmt: skip
    at = 0
    for w in want:
        at = next(i for i in range(at, len(paras)) if paras[i].startswith(w)) + 1
    rest = paras[at:]
    for k, note in enumerate(letter.rule_notes):
        assert f"{'一二三四五六七八九十'[k]}、{note.title}" in rest
    labels = wording().raw("letter.rules_labels")
    for key in ("severity", "basis", "why", "todo"):
        assert sum(p.startswith(labels[key] + "：") for p in rest) == len(letter.rule_notes), key


def test_docx_layout_headings_and_fangsong_body(rules_docx):
    letter, path = rules_docx
    d = docx.Document(str(path))
    paras = d.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == "附件2")
    annex = paras[start:]
    assert annex[0].runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    headings = [p for p in annex if p.style.name == "Heading 1"]
    assert [p.text.split("、", 1)[1] for p in headings] == [n.title for n in letter.rule_notes]
    body = [p for p in annex[2:] if p.style.name == "Normal" and p.text.strip()]
    assert body
    for p in body:
        fonts = {r._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in p.runs if r.text.strip()}
        assert fonts == {"仿宋_GB2312"}, p.text
        assert {r.font.size.pt for r in p.runs if r.text.strip()} == {16.0}
    labelled = [p for p in body if "：" in p.text[:6]]
    assert labelled and all(p.runs[0].font.bold and not p.runs[1].font.bold for p in labelled)
    text = docx_text(path)
    assert text.count(TITLE) == 2  # the 附件说明 and the annex's title


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_pdf_the_rules_annex_starts_a_page(letter_case, tmp_path):
    letter = _letter(letter_case, rules_appendix=True, number=35)
    pages = pdf_lines(write_letter(letter, tmp_path / "审核意见.pdf", "pdf"))
    starts = [i for i, lines in enumerate(pages) if lines and lines[0] == "附件2"]
    assert len(starts) == 1 and TITLE in pages[starts[0]][1]
    assert any(lines and lines[0] == "附件1" for lines in pages[: starts[0]])


# -- the command line ----------------------------------------------------------------------------------


def test_memo_rules_appendix_flag(letter_case, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DB, str(tmp_path / "absent" / "reviews.sqlite3"))
    db = letter_case.store.path
    code, out, err = run(
        capsys, "memo", letter_case.doc.path, "-o", tmp_path / "l.docx", "--db", db, "--rules-appendix"
    )
    assert code == 0, err
    assert "附审核规则说明 2 条" in out
    assert TITLE in docx_text(tmp_path / "l.docx")
    code, out, err = run(capsys, "memo", letter_case.doc.path, "-o", "-", "--db", db, "--format", "txt")
    assert code == 0 and TITLE not in out  # the settings say no
    letter_settings.write(letter_case.store, LetterSettings(rules_appendix=True))
    code, out, _ = run(capsys, "memo", letter_case.doc.path, "-o", "-", "--db", db, "--format", "txt")
    assert code == 0 and "附件：1．问题清单" in out and TITLE in out
    code, out, _ = run(capsys, "memo", letter_case.doc.path, "-o", "-", "--db", db, "--format", "txt",
                       "--no-rules-appendix")  # fmt: skip
    assert code == 0 and TITLE not in out


def test_every_letter_of_a_folder_follows_the_settings(province, tmp_path):
    """The overview's 导出全部审核意见 and ``batch --letters`` pass the stored settings: the choice holds there too."""
    from xxgk_desk.core.export import write_letters

    ws = province.workspace
    rows = [r for r in ws.rows() if r.institution in ("青海师范大学", "青海大学")]  # basic_pass; pass
    settings = LetterSettings(issuer="青海省教育厅", rules_appendix=True)
    report = write_letters(ws, rows, tmp_path / "letters", settings=settings)
    texts = {p.name.split("-")[0]: docx_text(p) for p in report.written}
    assert TITLE in texts["青海师范大学"] and "数据合计不符" in texts["青海师范大学"]
    assert TITLE not in texts["青海大学"]  # a clean pass: no problems, no rules to explain
