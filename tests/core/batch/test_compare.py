"""Year over year: section pairing, similarity, boilerplate, unchanged figures, the character diff."""

from __future__ import annotations

import pytest

from xxgk_desk.core.batch.compare import Comparison, ReportText, compare, diff, similarity
from xxgk_desk.core.pipeline import check, to_json
from xxgk_desk.core.rules import load_rules

from .conftest import NEW, OLD
from .synth import report, write


def _rt(tmp_path, name: str, text: str) -> ReportText:
    a = check(write(tmp_path / name, text))
    assert a.ok, a.error
    return ReportText.from_analysis(a)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    d = tmp_path_factory.mktemp("yoy")
    return _rt(d, "old.txt", report("武汉示例大学", **OLD)), _rt(d, "new.txt", report("武汉示例大学", **NEW))


def test_sections_pair_by_part_and_copied_ones_are_flagged(pair):
    old, new = pair
    c = compare(old, new)
    assert (c.older_year, c.newer_year) == (2023, 2024)
    by_key = {m.key: m for m in c.sections}
    assert [m.key for m in c.sections][:3] == ["title", "overview", "active"]
    assert by_key["overview"].similarity == 1.0 and by_key["overview"].boilerplate  # copied word for word
    assert by_key["active"].boilerplate  # copied, same figure
    assert by_key["practices"].similarity < 0.5 and not by_key["practices"].boilerplate  # rewritten
    assert not by_key["problems"].boilerplate
    assert not by_key["complaints"].boilerplate  # identical, but one short sentence (min_chars)
    assert not by_key["title"].boilerplate  # the title block has the same wording every year
    assert not by_key["annex"].boilerplate  # skip_parts: the 清单 table is the same every year
    flagged = [f for f in c.findings if f.rule == "boilerplate"]
    assert {f.part for f in flagged} == {"overview", "active"}
    f = next(f for f in flagged if f.part == "overview")
    assert f.severity == "warning" and f.quote == "一、概述" and new.text[f.start : f.end] == f.quote
    assert "2023年度报告" in f.message and "相似度100%" in f.message
    assert 0 < c.similarity < 1


def test_unchanged_figures(pair):
    old, new = pair
    c = compare(old, new)
    figs = {f.key: f for f in c.figures}
    assert figs["active_total"].unchanged and (figs["active_total"].older, figs["active_total"].newer) == (
        1500,
        1500,
    )
    assert figs["withheld"].unchanged  # 3 both years
    assert not figs["requests_received"].unchanged  # 10 → 14
    assert not figs["complaints"].unchanged  # 0 both years: common and fine
    found = [f for f in c.findings if f.rule == "unchanged_figure"]
    assert {f.part for f in found} == {"active", "on_request"}
    af = next(f for f in found if f.part == "active")
    assert "主动公开信息总数" in af.message and "1500条" in af.message
    assert af.quote and new.text[af.start : af.end] == af.quote


def test_a_changed_report_has_no_year_over_year_findings(tmp_path):
    old = _rt(tmp_path, "a.txt", report("随州示例学院", 2023, active=800, received=3, answered=3, withheld=0))
    new = _rt(tmp_path, "b.txt", report("随州示例学院", 2024, active=950, received=5, answered=5, withheld=1,
                                         variant=1))  # fmt: skip
    c = compare(old, new)
    assert c.findings == []
    assert all(not m.boilerplate for m in c.sections)


def test_missing_parts_and_headings_pair_by_title(tmp_path):
    old = _rt(tmp_path, "a.txt", report("黄冈示例学院", 2023, parts=("overview", "active", "practices")))
    new_text = report("黄冈示例学院", 2024, parts=("overview", "active", "problems"))
    new = _rt(
        tmp_path,
        "b.txt",
        new_text.replace("八、", "九、") + "\n九、特色工作\n本学年学校开展了校园开放日活动。\n",
    )
    c = compare(old, new)
    by_key = {m.key: m for m in c.sections}
    assert by_key["practices"].newer is None and by_key["practices"].similarity is None
    assert by_key["problems"].older is None
    ops = diff(old, new, by_key["practices"])
    assert [o.tag for o in ops] == ["delete"]
    extra = [m for m in c.sections if m.key.startswith("heading:")]
    assert [m.name for m in extra] == ["九、特色工作"] and extra[0].older is None


def test_diff_offsets_point_into_each_text(pair):
    old, new = pair
    c = compare(old, new)
    m = next(m for m in c.sections if m.key == "on_request")
    ops = diff(old, new, m)
    a0, a1 = old.sections[m.older].body
    b0, b1 = new.sections[m.newer].body
    # contiguous and covering both bodies
    assert ops[0].older_start == a0 and ops[-1].older_end == a1
    assert ops[0].newer_start == b0 and ops[-1].newer_end == b1
    for x, y in zip(ops, ops[1:], strict=False):
        assert x.older_end == y.older_start and x.newer_end == y.newer_start
    # equal runs are equal text (whitespace aside); changes show the figures that changed
    for o in ops:
        a, b = old.text[o.older_start : o.older_end], new.text[o.newer_start : o.newer_end]
        if o.tag == "equal":
            assert "".join(a.split()) == "".join(b.split())
    changed = "".join(new.text[o.newer_start : o.newer_end] for o in ops if o.tag != "equal")
    assert "14" in changed or "4" in changed
    assert {o.tag for o in ops} <= {"equal", "replace", "insert", "delete"}
    same = next(m for m in c.sections if m.key == "overview")
    assert [o.tag for o in diff(old, new, same)] == ["equal"]


def test_json_round_trip_and_inputs(pair):
    old, new = pair
    c = compare(old, new)
    back = Comparison.from_json(c.to_json())
    assert back.to_json() == c.to_json()
    assert [f.key for f in back.findings] == [f.key for f in c.findings]
    assert similarity("本学年 共受理\n申请", "本学年共受理申请") == 1.0
    assert similarity("", "") == 1.0 and similarity("甲乙", "丙丁") == 0.0


def test_threshold_comes_from_the_rules(pair):
    old, new = pair
    rules = load_rules()
    assert rules.rule("boilerplate").params["threshold"] == 0.9
    assert rules.severity("boilerplate") == rules.severity("unchanged_figure") == "warning"
    c = compare(old, new, rules)
    assert any(f.rule == "boilerplate" for f in c.findings)


def test_from_json_matches_from_analysis(tmp_path):
    path = write(tmp_path / "c.txt", report("荆门示例学院", 2024))
    a = check(path)
    x, y = ReportText.from_analysis(a), ReportText.from_json(to_json(a), a.document.text)
    assert (x.sections, dict(x.parts), x.year) == (y.sections, dict(y.parts), 2024)


def test_real_government_reports_of_two_years(shared):
    """Two real reports of one county (the government template): they compare without error."""
    older = check(shared("samples", "real", "hongze-2023-gov.pdf"))
    newer = check(shared("samples", "real", "hongze-2024-gov.pdf"))
    if not (older.ok and newer.ok):
        pytest.skip(f"PDF not readable here: {older.error or newer.error}")
    c = compare(ReportText.from_analysis(older, year=2023), ReportText.from_analysis(newer, year=2024))
    assert c.sections and all(m.similarity is None or 0 <= m.similarity <= 1 for m in c.sections)
    for m in c.sections:
        diff(ReportText.from_analysis(older), ReportText.from_analysis(newer), m)


def test_reports_without_an_outline_compare_as_one_block():
    a = ReportText.from_json({"fields": {}}, "今年学校主动公开信息很多。")
    b = ReportText.from_json({"fields": {}}, "今年学校主动公开信息较多。")
    (m,) = compare(a, b).sections
    assert 0.9 < m.similarity < 1
    assert [o.tag for o in diff(a, b, m)] == ["equal", "replace", "equal"]
