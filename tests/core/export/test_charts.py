"""The province's charts as data (counts, order, submission against the list, by level, empty) and
drawn as PNG with Pillow (Chinese legible: a font with Chinese glyphs, text inside the picture)."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest

from tests.core.export.conftest import LATE, QINGHAI_MISSING
from xxgk_desk.core.batch import OverviewRow, rule_counts
from xxgk_desk.core.export import chart_png
from xxgk_desk.core.export.chart_layout import Text, layout, nice_ticks, wrap
from xxgk_desk.core.export.charts import KEYS, ChartWords, _load, chart_words, province_charts
from xxgk_desk.core.export.errors import ExportError
from xxgk_desk.core.export.notice_model import Notice, NoticeRow, collect_notice
from xxgk_desk.core.rules import load_rules

RULES = load_rules()


def _row(key: str, score: float | None, rules: set[str] = frozenset()) -> OverviewRow:  # type: ignore[assignment]
    return OverviewRow(key=key, document_id=key, path=f"/r/{key}.pdf", sha256=None, institution=key,
                       year=2024, score=score, rules=frozenset(rules), checked=True)  # fmt: skip


def _line(name: str, level: str, status: str, score: float | None = None, rules: set[str] = frozenset()):  # type: ignore[assignment]
    if status == "missing":
        return NoticeRow(name, False, None, None, None, None, 0, level=level)
    return NoticeRow(name, True, None if status == "undated" else "2024-10-20", None, None, score, 0,
                     late=status == "late", level=level, row=_row(name, score, rules))  # fmt: skip


def fake_notice(rows: list[NoticeRow], unlisted: tuple[str, ...] = ()) -> Notice:
    """A 通报 of a made-up province whose list is exactly ``rows``."""
    received = [r for r in rows if r.received]
    scores = [r.score for r in received if r.score is not None]
    count = {s: sum(1 for r in rows if r.status == s) for s in ("on_time", "late", "undated")}
    return Notice("", "", "通报", ("通报",), "某省", "2023—2024学年", 2024, len(rows), len(received),
                  count["on_time"], count["late"], count["undated"],
                  tuple(r.institution for r in rows if not r.received), unlisted, (), 0,
                  round(sum(scores) / len(scores), 1) if scores else None, (), tuple(rows), "某省教育厅",
                  "2024年12月2日", "我厅", 15)  # fmt: skip


FAKE = [
    _line("甲大学", "本科", "on_time", 95, {"placeholder", "sum_mismatch"}),
    _line("乙大学", "本科", "late", 72.5, {"placeholder"}),
    _line("丙学院", "本科", "missing"),
    _line("丁职业学院", "专科", "on_time", 100, {"placeholder", "late_report"}),
    _line("戊职业学院", "专科", "undated", 0),
    _line("己职业学院", "专科", "missing"),
    _line("庚学院", "", "on_time", None),
]


def charts(notice: Notice, language: str = "zh"):
    return {c.key: c for c in province_charts(notice, RULES, language=language)}


def test_the_four_charts_in_order():
    assert tuple(c.key for c in province_charts(fake_notice(FAKE), RULES)) == KEYS


def test_scores_in_bands_of_ten_with_the_last_band_ending_at_100():
    c = charts(fake_notice(FAKE))["scores"]
    assert c.categories[0] == "0–9" and c.categories[-1] == "90–100" and len(c.categories) == 10
    values = dict(zip(c.categories, c.series[0].values, strict=True))
    assert values == {**dict.fromkeys(c.categories, 0.0), "0–9": 1.0, "70–79": 1.0, "90–100": 2.0}
    assert "共4份报告有完整性得分" in c.notes[0] and "另有1份未评分" in c.notes[1]  # 庚学院 has no score


def test_problems_are_shares_of_reports_received_most_common_first():
    c = charts(fake_notice(FAKE))["problems"]
    titles = {r.id: r.title for r in RULES.rules}
    assert c.categories[0] == titles["placeholder"]  # three of the five received reports
    assert c.series[0].values[0] == pytest.approx(3 / 5)
    assert set(c.categories[1:]) == {titles["sum_mismatch"], titles["late_report"]}
    assert list(c.series[0].values) == sorted(c.series[0].values, reverse=True)
    assert c.series[0].labels[0] == "60%（3份）"
    assert c.percent and c.horizontal
    # the same ranking the overview's rule filter shows
    rows = [r.row for r in FAKE if r.row is not None]
    assert [t for _id, t, _n in rule_counts(rows, RULES)] == list(c.categories)


def test_on_time_late_undated_missing_against_the_list():
    c = charts(fake_notice(FAKE, unlisted=("某某学院",)))["timeliness"]
    assert c.categories == ("按时发布", "逾期发布", "未写明发布日期", "未报送")
    assert c.series[0].values == (3.0, 1.0, 1.0, 2.0)
    assert c.point_colours[0] != c.point_colours[-1]
    assert any("某省普通高校共7所" in n for n in c.notes) and any("1份" in n for n in c.notes)
    # no undated report: the category is left out
    c = charts(fake_notice([r for r in FAKE if r.status != "undated"]))["timeliness"]
    assert "未写明发布日期" not in c.categories


def test_by_level_stacks_the_statuses_undergraduate_first():
    c = charts(fake_notice(FAKE))["by_level"]
    assert c.categories == ("本科（3所）", "专科（3所）", "未注明层次（1所）")
    by = {s.key: s.values for s in c.series}
    assert by["on_time"] == (1.0, 1.0, 1.0) and by["late"] == (1.0, 0.0, 0.0)
    assert by["undated"] == (0.0, 1.0, 0.0) and by["missing"] == (1.0, 1.0, 0.0)
    assert c.stacked and c.legend
    assert c.notes == ("平均得分：本科83.8分；专科50分；未注明层次—分。",)


def test_english_labels():
    c = charts(fake_notice(FAKE), "en")
    assert c["timeliness"].categories == ("On time", "Late", "Undated", "Not received")
    assert c["by_level"].categories[0] == "Undergraduate (3)"
    titles = {r.id: r.title_en for r in RULES.rules}
    assert c["problems"].categories[0] == titles["placeholder"]


def test_an_empty_workspace_gives_empty_charts_that_say_so():
    got = charts(fake_notice([]))
    assert all(c.empty for c in got.values())
    assert got["scores"].empty_text == "暂无数据"
    assert "未能确定省份" in got["timeliness"].empty_text
    for c in got.values():  # laid out without dividing by zero, the sentence in the picture
        d = layout(c, 600, lambda t, s, b: len(t) * s)
        assert c.empty_text in d.texts()


def test_the_province_fixture_agrees_with_the_notice(province):
    ws = province.workspace
    notice = collect_notice(ws, ws.rows(), when=date(2024, 12, 2))
    got = charts(notice)
    t = got["timeliness"]
    assert dict(zip(t.categories, t.series[0].values, strict=True)) == {
        "按时发布": notice.on_time, "逾期发布": len(LATE), "未报送": len(QINGHAI_MISSING)}  # fmt: skip
    levels = got["by_level"]
    assert sum(sum(s.values) for s in levels.series) == notice.listed == 13
    assert sum(got["scores"].series[0].values) == sum(1 for r in notice.rows if r.score is not None)


def test_a_broken_wording_file_fails_in_one_line():
    data, where = _load()
    broken = {**data, "charts": {**data["charts"], "scores": {**data["charts"]["scores"], "note": "{oops}"}}}
    with pytest.raises(ExportError, match="charts.scores.note.*oops"):
        ChartWords(broken, where)
    with pytest.raises(ExportError, match="statuses.late.colour"):
        ChartWords({**data, "statuses": {**data["statuses"], "late": {"label": "逾期"}}}, where)
    assert chart_words("zh").score_bin == 10


def test_ticks_and_wrapping():
    assert nice_ticks(8) == [0, 2, 4, 6, 8]
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(0.6, percent=True)[-1] >= 0.6
    lines = wrap("按收到的10份报告计，未驳回的审核发现", 60, 10, lambda t, s, b: len(t) * s)
    assert all(len(line) <= 6 for line in lines) and "".join(lines) == "按收到的10份报告计，未驳回的审核发现"
    assert "10" in lines[0] + lines[1]  # the number moves as one piece


# -- drawn with Pillow ----------------------------------------------------------------------------------

needs_font = pytest.mark.skipif(chart_png.cjk_font() is None, reason="no Chinese font file on this computer")


@needs_font
def test_png_with_chinese_text_drawn():
    from PIL import Image

    got = charts(fake_notice(FAKE))
    for c in got.values():
        png = chart_png.render_png(c, width=600, scale=2)
        assert png is not None
        image = Image.open(io.BytesIO(png))
        assert image.size[0] == 1200 and image.size[1] > 300
        colours = image.convert("RGB").getcolors(1 << 20)
        assert colours is not None and len(colours) > 20  # bars, grid and anti-aliased text
    # the title is inside the picture: its glyphs make dark pixels in the top band
    image = Image.open(io.BytesIO(chart_png.render_png(got["scores"], 600, 2) or b"")).convert("L")
    band = image.crop((0, 0, 600, 70))
    assert band.getextrema()[0] < 80


@needs_font
def test_the_font_has_chinese_glyphs():
    assert chart_png._has_chinese(chart_png.cjk_font())


def test_no_font_no_picture(monkeypatch):
    monkeypatch.setenv(chart_png.ENV, "none")
    chart_png.cjk_font.cache_clear()
    try:
        assert chart_png.cjk_font() is None
        assert chart_png.render_png(charts(fake_notice(FAKE))["scores"]) is None
    finally:
        monkeypatch.delenv(chart_png.ENV)
        chart_png.cjk_font.cache_clear()


def test_layout_keeps_text_inside_the_picture():
    for c in charts(fake_notice(FAKE)).values():
        d = layout(c, 500, lambda t, s, b: len(t) * s * 0.9)
        for item in d.items:
            if isinstance(item, Text):
                assert item.x >= 0 and item.y >= 0 and item.y + item.h <= d.height + 1


def test_a_latin_only_font_is_not_taken_for_a_chinese_one(monkeypatch):
    pytest.importorskip("PIL")
    latin = next(
        (p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", r"C:\Windows\Fonts\arial.ttf")
         if os.path.exists(p)),
        None,
    )  # fmt: skip
    if latin is None:
        pytest.skip("no Latin-only font file known here")
    monkeypatch.setenv(chart_png.ENV, latin)
    chart_png.cjk_font.cache_clear()
    try:
        assert chart_png.cjk_font() is None  # its 中 is the missing-glyph box: boxes are not legible
    finally:
        monkeypatch.delenv(chart_png.ENV)
        chart_png.cjk_font.cache_clear()
