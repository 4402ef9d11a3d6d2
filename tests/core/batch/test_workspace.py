"""The workspace: adding folders, re-adding, new versions, rows, filters, order, coverage."""

from __future__ import annotations

import os
import threading

import pytest

from xxgk_desk.core.batch import (
    CoverageMatrix,
    RowFilter,
    Workspace,
    category_state,
    columns,
    filter_rows,
    neighbour,
    rule_counts,
    sort_rows,
)
from xxgk_desk.core.store import Store

from .synth import report, write


def _by_name(rows):
    return {(r.institution or os.path.basename(r.path), r.year): r for r in rows}


def test_add_a_folder(province):
    ws, files, rep = province
    assert rep.total == 6 and rep.checked == 5 and rep.failed == 1 and rep.cached == 0
    assert rep.new_documents == 5 and not rep.cancelled
    assert rep.failures[0][0] == str(files["broken"]) and "PDF" in rep.failures[0][1]
    assert "共 6 个文件：新检查 5 个" in rep.text()
    assert ws.checks_run == 5 + 1
    docs = ws.store.list_documents()
    assert {(d.institution, d.year) for d in docs} == {
        ("武汉示例大学", 2023),
        ("武汉示例大学", 2024),
        ("荆州示例学院", 2024),
        ("宜昌示例学院", 2024),
        ("襄阳示例大学", 2024),
    }


def test_rows(province):
    ws, files, _ = province
    rows = _by_name(ws.rows())
    assert len(rows) == 6
    bad = rows[("坏文件.pdf", None)]
    assert bad.key == "file:" + str(files["broken"]) and bad.document_id is None and not bad.checked
    assert "PDF" in bad.error and bad.kind == "pdf"
    full = rows[("襄阳示例大学", 2024)]
    assert full.checked and full.ok and not full.stale
    assert full.path == str(files["full"]) and full.sha256 and full.kind == "txt" and full.pages == 1
    assert full.period == "2023-09-01 至 2024-08-31" and full.report_date == "2024-10-20"
    assert full.parts == ("present",) * 9 and full.missing_parts == ()
    assert full.categories == ((6, 6), (8, 8), (7, 7), (5, 5), (9, 9), (4, 4), (3, 3), (4, 4), (2, 2), (2, 2))
    assert full.fields["active_total"] == 1234 and full.fields["requests_received"] == 12
    assert full.state == "unreviewed" and full.reviewer is None and full.notes == 0 and full.versions == 1
    assert full.last_change and full.score is not None and full.score > 80
    partial = rows[("荆州示例学院", 2024)]
    assert partial.part("evaluation") == "missing" and "evaluation" in partial.missing_parts
    assert "missing_part" in partial.rules and partial.errors >= 1
    assert partial.label == "荆州示例学院 2024"


def test_year_over_year_findings_count_for_the_newer_report(province):
    ws, _, _ = province
    rows = _by_name(ws.rows())
    old, new = rows[("武汉示例大学", 2023)], rows[("武汉示例大学", 2024)]
    assert "boilerplate" not in old.rules
    assert {"boilerplate", "unchanged_figure"} <= new.rules
    yoy = [f for f in ws.findings(new) if f.source == "year_over_year"]
    assert {f.rule for f in yoy} == {"boilerplate", "unchanged_figure"}
    assert all(f.severity == "warning" and f.page == 1 for f in yoy)
    (pair,) = ws.pairs_by_institution()
    assert (pair.institution, pair.older.key, pair.newer.key) == ("武汉示例大学", old.key, new.key)
    assert ws.previous(new).key == old.key and ws.previous(old) is None
    # refreshing one line looks at that report and its other years only, with the same result
    assert ws.row(new.key) == new and ws.row(old.key) == old
    bad = rows[("坏文件.pdf", None)]
    assert ws.row(bad.key) == bad and ws.row("no-such-report") is None


def test_filters(province):
    ws, _, _ = province
    rows = ws.rows()
    assert filter_rows(rows, RowFilter()) == rows and not RowFilter().active
    names = lambda flt: sorted(r.institution or "坏" for r in filter_rows(rows, flt))  # noqa: E731
    assert names(RowFilter(missing_part="evaluation")) == ["荆州示例学院"]
    assert names(RowFilter(missing_part="*")) == ["宜昌示例学院", "荆州示例学院"]
    counts = dict((rule, n) for rule, _title, n in rule_counts(rows))
    assert counts["boilerplate"] == 1 and counts["missing_part"] == 2
    assert rule_counts(rows)[0][2] == max(counts.values())
    assert names(RowFilter(rule="boilerplate")) == ["武汉示例大学"]
    assert names(RowFilter(rule="annex_missing")) == ["宜昌示例学院"]
    assert names(RowFilter(text=" 荆州 ")) == ["荆州示例学院"]
    assert names(RowFilter(text="2023")) == ["武汉示例大学"]
    assert names(RowFilter(text="坏文件")) == ["坏"]
    assert names(RowFilter(failed=True)) == ["坏"]
    assert len(filter_rows(rows, RowFilter(failed=False))) == 5
    assert len(filter_rows(rows, RowFilter(states=frozenset({"未审"})))) == 6
    assert filter_rows(rows, RowFilter(states=frozenset({"done"}))) == []


def test_sort_and_neighbours(province):
    ws, _, _ = province
    rows = ws.rows()
    by_score = sort_rows(rows, "score", descending=True)
    scores = [r.score for r in by_score]
    assert scores[-1] is None  # the unreadable file sorts last either way
    assert scores[:-1] == sorted(scores[:-1], reverse=True)
    assert sort_rows(rows, "score")[-1].score is None
    by_year = sort_rows(rows, "year")
    assert [r.year for r in by_year][:1] == [2023]
    keys = [r.key for r in by_score]
    assert neighbour(by_score, keys[0], 1).key == keys[1]
    assert neighbour(by_score, keys[1], -1).key == keys[0]
    assert neighbour(by_score, keys[-1], 1) is None and neighbour(by_score, "nope") is None
    cols = {c.key: c for c in columns()}
    first = sort_rows(rows, "institution")[0]
    assert cols["part:overview"].value(first) in ("✓", "")
    assert cols["state"].value(first) == "未审"
    assert [c.header for c in columns()][:6] == ["学校", "年度", "统计期限", "页数", "格式", "概述"]


def test_coverage(province):
    ws, _, _ = province
    cov = ws.coverage()
    assert isinstance(cov, CoverageMatrix) and len(cov.row_keys) == 5  # unreadable file left out
    assert [c.key for c in cov.columns][:9] == ["overview", "active", "on_request", "evaluation", "complaints",
                                                "practices", "problems", "other", "annex"]  # fmt: skip
    assert [c.key for c in cov.columns][9:] == list("一二三四五六七八九十")
    labels = list(cov.row_labels)
    jz = labels.index("荆州示例学院 2024")
    col = {c.key: j for j, c in enumerate(cov.columns)}
    assert cov.cell(jz, col["overview"]) == "present" and cov.cell(jz, col["evaluation"]) == "missing"
    assert cov.cell(jz, col["一"]) == "partial" and cov.cell(jz, col["三"]) == "missing"
    assert cov.shares[jz][col["一"]] == pytest.approx(3 / 6)
    totals = cov.totals()
    assert totals[col["overview"]] == {"present": 5, "partial": 0, "missing": 0}
    assert totals[col["evaluation"]]["missing"] == 1
    assert totals[col["practices"]]["missing"] == 2
    worst = cov.most_missed()[0]
    assert worst[1] >= 2
    assert cov.to_json()["totals"] == totals
    assert (category_state(0, 5), category_state(2, 5), category_state(5, 5)) == (
        "missing",
        "partial",
        "present",
    )


def test_re_adding_unchanged_files_costs_nothing(province):
    ws, files, _ = province
    before = ws.checks_run
    results = []
    rep = ws.add([files["old"].parent.parent], jobs=2, on_result=lambda res, row: results.append((res, row)))
    assert rep.cached == 5 and rep.checked == 0 and rep.failed == 1  # an unreadable file is tried again
    assert ws.checks_run == before + 1
    cached = [res for res, _ in results if res.cached]
    assert len(cached) == 5 and all(res.data["sha256"] for res in cached)
    assert all(row.checked for res, row in results if res.cached)
    # a second Workspace object on the same database knows the files too (nothing in memory)
    again = Workspace(ws.store, ws.name)
    rep = again.add([files["full"]], jobs=0)
    assert (rep.cached, rep.checked, again.checks_run) == (1, 0, 0)


def test_a_changed_file_is_a_new_version_of_its_report(store, tmp_path):
    path = write(tmp_path / "r" / "恩施示例学院.txt", report("恩施示例学院", 2024, active=100))
    ws = Workspace(store)
    assert ws.add([tmp_path / "r"], jobs=0).checked == 1
    (row,) = ws.rows()
    note = store.add_note(row.document_id, body="主动公开数字偏少", category="data_error", severity="warning")
    store.set_review(row.document_id, state="in_progress")
    write(path, report("恩施示例学院", 2024, active=2400))  # revised file, same path
    os.utime(path, ns=(1, 1))  # whatever the clock says, size/mtime change is noticed
    rep = ws.add([tmp_path / "r"], jobs=0)
    assert (rep.checked, rep.new_documents, rep.new_versions) == (1, 0, 1)
    (row2,) = ws.rows()
    assert row2.key == row.key and row2.versions == 2 and row2.sha256 != row.sha256
    assert row2.fields["active_total"] == 2400
    assert row2.state == "in_progress" and row2.notes == 1 and row2.reviewer == "张三"
    assert store.get_note(note.id).body == "主动公开数字偏少"


def test_decisions_notes_and_corrections_show_in_the_row(store, tmp_path):
    write(
        tmp_path / "r" / "十堰示例学院.txt",
        report("十堰示例学院", 2024, parts=("overview", "active", "annex")),
    )
    ws = Workspace(store)
    ws.add([tmp_path / "r"], jobs=0)
    (row,) = ws.rows()
    missing = [f for f in ws.findings(row) if f.rule == "missing_part"]
    store.dismiss_finding(row.document_id, missing[0].key, "该校合并写在概述中")
    store.set_field(row.document_id, "active_total", value=999, extracted=row.fields["active_total"])
    store.set_review(row.document_id, state="done", conclusion="resubmit", summary="缺少多个部分")
    (row2,) = ws.rows()
    assert sum(row2.findings) == sum(row.findings) - 1
    assert row2.fields["active_total"] == 999
    assert (row2.state, row2.conclusion, row2.review_summary) == ("done", "resubmit", "缺少多个部分")
    assert row2.last_change >= row.last_change
    f = next(f for f in ws.findings(row2) if f.key == missing[0].key)
    assert f.decision == "dismissed" and f.reason == "该校合并写在概述中"
    assert [r.key for r in filter_rows([row2], RowFilter(states=frozenset({"已完成"})))] == [row2.key]
    assert ws.row(row.key) == row2


def test_replace_remove_and_stale_results(store, tmp_path):
    a = write(tmp_path / "a" / "黄石示例学院.txt", report("黄石示例学院", 2024))
    b = write(tmp_path / "b" / "孝感示例学院.txt", report("孝感示例学院", 2024))
    ws = Workspace(store, "w")
    ws.add([a, b], jobs=0)
    assert len(ws.rows()) == 2
    ws.add([a], jobs=0, replace=True)
    assert [r.institution for r in ws.rows()] == ["黄石示例学院"]
    assert ws.remove([tmp_path / "a"]) == 1 and ws.rows() == []
    other = Workspace(store, "其他")  # workspaces are separate lists over the same store
    other.add([b], jobs=0)
    assert [r.institution for r in other.rows()] == ["孝感示例学院"]
    other.engine = "another-program-version"  # results of another engine are shown but marked stale
    assert other.rows()[0].stale
    assert other.add([b], jobs=0).checked == 1 and not other.rows()[0].stale


def test_add_cancelled_before_start(store, tmp_path):
    write(tmp_path / "r" / "咸宁示例学院.txt", report("咸宁示例学院", 2024))
    ws = Workspace(store)
    stop = threading.Event()
    stop.set()
    rep = ws.add([tmp_path / "r"], jobs=0, cancel=stop)
    assert rep.cancelled and rep.checked == 0
    assert ws.add([tmp_path / "r"], jobs=0).checked == 1


def test_progress_counts_cached_files(store, tmp_path):
    for name in ("随州示例学院", "鄂州示例学院"):
        write(tmp_path / "r" / f"{name}.txt", report(name, 2024))
    ws = Workspace(store)
    ws.add([tmp_path / "r" / "随州示例学院.txt"], jobs=0)
    seen = []
    ws.add([tmp_path / "r"], jobs=0, on_progress=seen.append)
    assert [(p.done, p.total, p.cached) for p in seen] == [(0, 2, 0), (1, 2, 1), (2, 2, 1)]


def test_workspace_in_a_database_of_an_earlier_version(tmp_path):
    """A reviewer's existing database (schema 1–3) gains the batch tables on opening."""
    from tests.core.store.test_migrations import DOC, make_db
    from xxgk_desk.core.store import SCHEMA_VERSION

    for start in range(1, SCHEMA_VERSION):
        path = tmp_path / f"v{start}.sqlite3"
        make_db(path, start)
        with Store(path) as s:
            tables = {r["name"] for r in s.conn.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert {"check_results", "workspace_files", "comparisons"} <= tables
            assert s.get_review(DOC).summary == "进行中"  # the reviews are still there
            ws = Workspace(s)
            write(tmp_path / f"r{start}" / "荆门示例学院.txt", report("荆门示例学院", 2024))
            assert ws.add([tmp_path / f"r{start}"], jobs=0).checked == 1
            assert {r.institution for r in ws.rows()} == {"荆门示例学院"}
            assert {d.institution for d in s.list_documents()} == {"某某大学", "荆门示例学院"}


def test_two_files_of_one_report_the_choice_is_the_same_every_run_and_the_reviewer_can_switch(tmp_path):
    import os

    import docx

    from xxgk_desk.core.batch import Workspace
    from xxgk_desk.core.store import Store

    text = "楚澜理工学院2023—2024学年信息公开工作年度报告\n一、概述\n学校信息公开工作。\n"
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "草稿.txt").write_text(text, encoding="utf-8")
    (folder / "旧稿.txt").write_text(text + "（旧）\n", encoding="utf-8")
    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(folder / "报告.docx")
    os.utime(folder / "旧稿.txt", ns=(1_000_000_000, 1_000_000_000))  # older than the draft
    shown = set()
    for run in range(2):
        with Store(tmp_path / f"r{run}.sqlite3") as store:
            ws = Workspace(store)
            ws.add([folder], jobs=0)
            rows = [r for r in ws.rows() if r.ok]
            assert len(rows) == 1, [r.path for r in rows]
            row = rows[0]
            shown.add(row.path)
            assert row.path.endswith("报告.docx")  # the DOCX over the text copies
            assert [os.path.basename(p) for p in row.alternatives] == ["草稿.txt", "旧稿.txt"]  # newest first
            assert "另有 2 个文件" in next(c for c in columns() if c.key == "file").value(row)
            ws.choose_file(folder / "旧稿.txt")
            row = next(r for r in ws.rows() if r.ok)
            assert row.path.endswith("旧稿.txt") and row.pinned
            ws.unchoose(row.document_id)
            assert next(r for r in ws.rows() if r.ok).path.endswith("报告.docx")
    assert len(shown) == 1
