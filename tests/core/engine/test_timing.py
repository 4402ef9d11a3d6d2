"""Period and date rules: period_missing, period_mismatch, period_calendar_year, report_date_missing, late_report."""

from __future__ import annotations

import pytest

from tests.core.engine.report import PERIOD, REPORT_DATE, SCHOOL, TITLE, base, fired, quiet, serious

STATED_PERIOD = f"本报告所列数据的统计期限为{PERIOD}。"
UNDATED_TITLE = f"{SCHOOL}信息公开工作年度报告"


def period(text: str):
    return base().replace(PERIOD, text)


def fields(r, *keys):
    return tuple(r.review.fields[k].value for k in keys)


# ---------------------------------------------------------------- period_missing


@pytest.mark.parametrize(
    "instead", ["", "本报告统计本学年度信息公开工作情况。"], ids=["nothing", "benxueniandu"]
)
def test_no_period_anywhere(check, instead):
    r = check(base().replace(STATED_PERIOD, instead).replace(TITLE, UNDATED_TITLE))
    f = fired(r, "period_missing", severity="error")
    assert f.start is None and f.quote is None
    assert fields(r, "period_start", "period_end") == (None, None)
    assert r.review.score.components["form"] < 100


def test_period_given_only_in_the_title(check):
    r = check(base().replace(STATED_PERIOD, ""))
    quiet(r, "period_missing")
    assert fields(r, "period_start", "period_end") == ("2023-09-01", "2024-08-31")
    assert r.review.fields["period_start"].quote == "2023—2024学年"
    assert serious(r) == []


def test_year_label_defined_as_academic_year(check):
    """山西: "2024年度（2023年9月1日至2024年8月31日）" is an academic year, not a calendar year."""
    rep = period("2024年度（2023年9月1日至2024年8月31日）").replace(
        TITLE, f"{SCHOOL}2024年度信息公开工作年度报告"
    )
    r = check(rep)
    assert fields(r, "title_year", "period_start", "period_end") == (2024, "2023-09-01", "2024-08-31")
    for rule in ("period_missing", "period_mismatch", "period_calendar_year"):
        quiet(r, rule)
    assert serious(r) == []


# ---------------------------------------------------------------- period_mismatch


def test_period_longer_than_a_year(check):
    """长江大学 2020: 2019年9月1日—2020年10月31日 (14 months)."""
    r = check(period("2023年9月1日—2024年10月31日").replace(REPORT_DATE, "2024年10月31日"))
    f = fired(r, "period_mismatch", severity="error")
    assert f.quote == "2023年9月1日—2024年10月31日" and "14" in f.message
    quiet(r, "period_calendar_year")
    quiet(r, "late_report")


def test_period_of_another_year_than_the_title(check):
    r = check(period("2022年9月1日至2023年8月31日"))
    f = fired(r, "period_mismatch", quote="2022年9月1日至2023年8月31日")
    assert "2024" in f.message


def test_period_overlapping_the_next_year(check):
    r = check(period("2023年9月1日至2024年9月5日"))
    f = fired(r, "period_mismatch", quote="2023年9月1日至2024年9月5日")
    assert "重叠" in f.message


def test_period_ending_after_the_report_date(check):
    r = check(base().replace(REPORT_DATE, "2024年8月20日"))
    f = fired(r, "period_mismatch", quote=PERIOD)
    assert "2024-08-20" in f.message


@pytest.mark.parametrize(
    "sep", ["至", "到", "—", "–", "-", "起至"], ids=["zhi", "dao", "em_dash", "en_dash", "hyphen", "qizhi"]
)
def test_period_separators(check, sep):
    r = check(period(f"2023年9月1日{sep}2024年8月31日"))
    assert fields(r, "period_start", "period_end") == ("2023-09-01", "2024-08-31")
    assert serious(r) == []


def test_period_with_qi_zhi_zhi(check):
    r = check(period("2023年9月1日起至2024年8月31日止"))
    assert r.review.fields["period_end"].quote == "2023年9月1日起至2024年8月31日止"
    assert serious(r) == []


def test_dates_of_events_plans_and_budgets_are_not_the_period(check):
    rep = base().add(
        "active",
        "学校按期公开2024年部门预算（预算年度为2024年1月1日至2024年12月31日），"
        "2024年招生计划已于2024年6月公布，学校计划于2025年1月1日至2025年6月30日开展清单自查。",
    )
    r = check(rep)
    assert fields(r, "period_start", "period_end") == ("2023-09-01", "2024-08-31")
    assert serious(r) == []


# ---------------------------------------------------------------- period_calendar_year


def test_calendar_year_period(check):
    """义乌 2022: a whole calendar year in an MOE-structured report."""
    rep = period("2023年1月1日至2023年12月31日").replace(TITLE, f"{SCHOOL}2023年信息公开工作年度报告")
    rep.replace(REPORT_DATE, "2024年1月20日")
    r = check(rep)
    f = fired(r, "period_calendar_year", severity="warning")
    assert f.quote == "2023年1月1日至2023年12月31日"
    quiet(r, "period_mismatch")
    # a calendar year can only be reported after 10-31 of the year it ends
    assert fired(r, "late_report").quote == "2024年1月20日"


def test_partial_calendar_period(check):
    rep = period("2024年1月1日起至2024年10月7日止").replace(TITLE, f"{SCHOOL}2024年信息公开工作年度报告")
    r = check(rep)
    assert fired(r, "period_calendar_year").quote == "2024年1月1日起至2024年10月7日止"
    quiet(r, "period_mismatch")
    quiet(r, "late_report")


# ---------------------------------------------------------------- report_date_missing


def test_no_signing_date(check):
    rep = base()
    rep.signoff = [SCHOOL]
    r = check(rep)
    f = fired(r, "report_date_missing", severity="warning")
    assert f.start is None
    assert r.review.fields["report_date"].value is None
    assert r.review.score.components["form"] == 50


def test_chinese_numeral_signing_date(check):
    rep = base()
    rep.signoff = [SCHOOL, "二〇二四年十月三十日"]
    r = check(rep)
    quiet(r, "report_date_missing")
    assert r.review.fields["report_date"].value == "2024-10-30"


def test_publication_line_under_the_title(check):
    rep = base()
    rep.signoff = []
    rep.title = [TITLE, "发布时间：2024-10-25"]
    r = check(rep)
    quiet(r, "report_date_missing")
    assert r.review.fields["report_date"].value == "2024-10-25"
    assert r.review.fields["report_date"].quote == "2024-10-25"


# ---------------------------------------------------------------- late_report


def test_report_dated_after_october_31(check):
    rep = base()
    rep.signoff = [SCHOOL, "2024年11月5日"]
    r = check(rep)
    f = fired(r, "late_report", severity="error")
    assert f.quote == "2024年11月5日" and "2024-10-31" in f.message
    assert r.review.score.components["form"] == 50


def test_report_dated_on_october_31_is_on_time(check):
    r = check(base().replace(REPORT_DATE, "2024年10月31日"))
    quiet(r, "late_report")
    assert serious(r) == []


def test_provincial_filing_and_plan_dates_are_not_the_report_date(check):
    """山东 2018: 备案 by 11月10日; a plan for December. The 落款 (10-28) is the report date."""
    rep = base().add("other", "根据省教育厅通知，本报告于2024年11月10日前报省教育厅备案。")
    rep.add("problems", "学校计划于2024年12月31日前完成信息公开网改版。")
    r = check(rep)
    quiet(r, "late_report")
    assert r.review.fields["report_date"].value == "2024-10-28"
