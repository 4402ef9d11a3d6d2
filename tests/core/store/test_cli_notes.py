"""``xxgk-desk notes``: list / add / status / export / import / w3c, with --db and the env var."""

from __future__ import annotations

import json

import pytest

from xxgk_desk.cli import main
from xxgk_desk.core.store import ENV_DB

TEXT = (
    "某某大学2023—2024学年信息公开工作年度报告\n"
    "一、总体情况\n"
    "学校高度重视信息公开工作，成立了信息公开工作领导小组。\n"
    "三、依申请公开情况\n"
    "本学年共受理信息公开申请12件，其中予以公开8件，不予公开2件。\n"
    "四、其他\n"
    "另有咨询8件，予以公开8件。\n"
)


@pytest.fixture
def report(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DB, str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("XXGK_DESK_REVIEWER", "赵六")
    p = tmp_path / "report.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_and_list(report, capsys, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    code, out, err = run(
        capsys,
        "notes",
        "add",
        str(report),
        "--quote",
        "予以公开8件",
        "--body",
        "应为9件",
        "--category",
        "数据错误",
        "--severity",
        "error",
        "--db",
        db,
    )
    assert code == 0 and len(out.strip()) == 36
    assert "出现 2 次" in err and "第一次" in err
    note_id = out.strip()
    code, out, _ = run(
        capsys,
        "notes",
        "add",
        str(report),
        "--body",
        "缺评议部分",
        "--category",
        "missing",
        "--part",
        "evaluation",
        "--db",
        db,
    )
    assert code == 0
    code, out, _ = run(capsys, "notes", "list", str(report), "--db", db)
    assert code == 0
    assert "[待处理] 数据错误/严重 「予以公开8件」 应为9件" in out and note_id[:8] in out and "赵六" in out
    assert "部分 evaluation 缺评议部分" in out
    code, out, _ = run(capsys, "notes", "list", str(report), "--json", "--db", db)
    data = json.loads(out)
    first = next(n for n in data["notes"] if n["id"] == note_id)
    s = TEXT.index("予以公开8件")
    assert (first["start"], first["end"], first["quote"]) == (s, s + 6, "予以公开8件")
    assert first["section"] == "三、依申请公开情况" and first["anchor"]["status"] == "anchored"
    assert first["category_label"] == "数据错误" and first["reviewer"] == "赵六"
    assert not (tmp_path / "env.sqlite3").exists()  # --db won over the environment variable


def test_quote_errors_and_whitespace_tolerance(report, capsys):
    code, _, err = run(capsys, "notes", "add", str(report), "--quote", "不存在的句子", "--body", "x")
    assert code == 1 and "找不到引文" in err
    code, out, _ = run(capsys, "notes", "add", str(report), "--quote", "信息公开工作 领导小组", "--body", "x")
    assert code == 0
    code, out, _ = run(capsys, "notes", "list", str(report), "--json")
    (n,) = json.loads(out)["notes"]
    assert n["quote"] == "信息公开工作领导小组"
    code, _, err = run(capsys, "notes", "add", str(report), "--body", "x", "--category", "nonsense")
    assert code == 1 and "未知的类别" in err
    code, _, err = run(capsys, "notes", "list", str(report.with_name("missing.txt")))
    assert code == 1 and "找不到文件" in err


def test_status(report, capsys):
    _, out, _ = run(capsys, "notes", "add", str(report), "--quote", "不予公开2件", "--body", "理由？")
    nid = out.strip()
    code, out, _ = run(capsys, "notes", "status", nid[:8], "resolved")
    assert code == 0 and "已解决" in out
    code, out, _ = run(capsys, "notes", "status", nid, "不予处理")
    assert code == 0 and "不予处理" in out
    code, _, err = run(capsys, "notes", "status", nid, "closed")
    assert code == 1 and "未知的状态" in err
    code, _, err = run(capsys, "notes", "status", "ffffffff", "open")
    assert code == 1 and "找不到批注" in err
    _, out, _ = run(capsys, "notes", "list", str(report), "--json")
    assert json.loads(out)["notes"][0]["status"] == "wont_fix"


def test_export_import_between_databases(report, capsys, tmp_path):
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    run(
        capsys,
        "notes",
        "--db",
        a,
        "add",
        str(report),
        "--quote",
        "受理信息公开申请12件",
        "--body",
        "核对台账",
    )
    out_file = tmp_path / "review.json"
    code, out, _ = run(capsys, "notes", "export", "-o", str(out_file), "--db", a)
    assert code == 0 and "1 份报告、1 条批注" in out
    code, out, _ = run(capsys, "notes", "import", str(out_file), "--db", b)
    assert code == 0 and "新增 1 条" in out and "冲突 0 处" in out
    code, out, _ = run(capsys, "notes", "import", str(out_file), "--db", b)
    assert "未变 1 条" in out
    again = tmp_path / "again.json"
    run(capsys, "notes", "export", str(report), "-o", str(again), "--db", b)
    strip = lambda d: {k: v for k, v in d.items() if k not in ("exported_at", "exported_by")}  # noqa: E731
    assert strip(json.loads(again.read_text("utf-8"))) == strip(json.loads(out_file.read_text("utf-8")))
    code, _, err = run(capsys, "notes", "import", str(tmp_path / "nope.json"), "--db", b)
    assert code == 1 and "找不到审核文件" in err


def test_revised_report_reanchors_and_lists_orphans(report, capsys):
    run(capsys, "notes", "add", str(report), "--quote", "成立了信息公开工作领导小组", "--body", "好")
    run(capsys, "notes", "add", str(report), "--quote", "另有咨询8件", "--body", "口径？")
    revised = TEXT.replace("另有咨询8件，", "").replace(
        "一、总体情况\n", "（2024年11月修订）\n一、总体情况\n"
    )
    report.write_text(revised, encoding="utf-8")
    code, out, _ = run(capsys, "notes", "list", str(report))
    assert code == 0
    placed, _, orphans = out.partition("无法在本版本中定位的批注")
    assert "「成立了信息公开工作领导小组」 好" in placed
    assert "口径？" in orphans and "1 条" in orphans


def test_w3c(report, capsys, tmp_path):
    run(
        capsys,
        "notes",
        "add",
        str(report),
        "--quote",
        "不予公开2件",
        "--body",
        "理由？",
        "--category",
        "wording",
    )
    target = tmp_path / "notes.jsonld"
    code, out, _ = run(capsys, "notes", "w3c", str(report), "-o", str(target))
    assert code == 0 and "1 条" in out
    data = json.loads(target.read_text("utf-8"))
    ann = data["first"]["items"][0]
    assert data["type"] == "AnnotationCollection" and ann["type"] == "Annotation"
    assert ann["target"]["source"].startswith("urn:sha256:")
    types = [s["type"] for s in ann["target"]["selector"]]
    assert types == ["TextQuoteSelector", "TextPositionSelector"]


def test_bare_notes_prints_help(report, capsys):
    code, out, _ = run(capsys, "notes")
    assert code == 2 and "list" in out and "import" in out


def test_backup(report, capsys, tmp_path):
    run(capsys, "notes", "add", str(report), "--body", "整体")
    target = tmp_path / "copy" / "backup.sqlite3"
    code, out, _ = run(capsys, "notes", "backup", "-o", str(target))
    assert code == 0 and "已备份" in out
    import sqlite3

    raw = sqlite3.connect(target)
    assert raw.execute("SELECT body FROM notes").fetchall() == [("整体",)]
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    code, _, err = run(capsys, "notes", "backup", "-o", str(tmp_path / "env.sqlite3"))
    assert code == 1 and "同一个文件" in err
