"""Figures: sum checks (real claims and their traps), sum_mismatch, figure_missing and the numeric fields."""

from __future__ import annotations

import pytest

from tests.core.engine.report import SCHOOL, TITLE, base, findings, fired, quiet, serious

REQUESTS = "学校共受理信息公开申请5件，其中予以公开3件，部分公开1件，不予公开1件"


def value(r, key):
    return r.review.fields[key].value


def claims(r):
    return {s.quote: s for s in r.review.sum_checks}


# ---------------------------------------------------------------- sum checks that are real claims


def test_base_claims_add_up(check):
    r = check(base())
    sums = claims(r)
    req = sums[REQUESTS]
    assert (req.total, req.parts, req.adds_up, req.kind) == (5, (3, 1, 1), True, "requests")
    channel = next(s for s in r.review.sum_checks if s.total == 1286)
    assert channel.parts == (412, 586, 288) and channel.adds_up


@pytest.mark.parametrize(
    ("old", "new", "quote", "total", "parts"),
    [
        # outcomes exceed the requests received
        (
            "不予公开1件，",
            "不予公开2件，",
            "学校共受理信息公开申请5件，其中予以公开3件，部分公开1件，不予公开2件",
            5,
            6,
        ),
        # outcomes fall short: a request breakdown is exhaustive by nature
        (
            "予以公开3件，部分公开1件，",
            "予以公开3件，",
            "学校共受理信息公开申请5件，其中予以公开3件，不予公开1件",
            5,
            4,
        ),
        # a clause without figures between the total and its 其中
        (
            "5件，其中予以公开3件，部分公开1件，不予公开1件",
            "5件，均已按时办结，其中予以公开3件，部分公开1件，不予公开2件",
            "学校共受理信息公开申请5件，均已按时办结，其中予以公开3件，部分公开1件，不予公开2件",
            5,
            6,
        ),
    ],
    ids=["outcomes_exceed", "outcomes_short", "bridge_clause"],
)
def test_request_outcomes_that_do_not_add_up(check, old, new, quote, total, parts):
    r = check(base().replace(old, new))
    f = fired(r, "sum_mismatch", severity="error")
    assert f.quote == quote and f.part == "on_request"
    assert f"{parts}" in f.message and f"{total}" in f.message
    assert claims(r)[quote].adds_up is False


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "学校共编印信息公开简报20期，其中工作简报8期、专题简报6期、其他简报4期。",
            "学校共编印信息公开简报20期",
        ),
        ("学校共举办信息公开培训12场，其中校级培训8场、院级培训6场。", "学校共举办信息公开培训12场"),
        (
            "学校共编印信息公开简报二十期，其中工作简报八期、专题简报六期、其他简报五期。",
            "学校共编印信息公开简报二十期",
        ),
        (
            "学校共召开新闻发布会6场（含线上发布会2场），其中招生专场4场、校庆专场3场。",
            "学校共召开新闻发布会6场（含线上发布会2场）",
        ),
    ],
    ids=["ends_in_other", "over_total", "chinese_numerals", "after_parenthetical"],
)
def test_breakdowns_that_do_not_add_up(check, sentence, quote):
    r = check(base().add("active", sentence))
    f = fired(r, "sum_mismatch", quote=quote)
    assert f.part == "active"


def test_chinese_numeral_breakdown_that_adds_up(check):
    r = check(
        base().add("active", "学校共编印信息公开简报二十期，其中工作简报八期、专题简报六期、其他简报六期。")
    )
    s = next(s for s in r.review.sum_checks if s.total == 20)
    assert s.parts == (8, 6, 6) and s.adds_up
    quiet(r, "sum_mismatch")


@pytest.mark.parametrize(
    "sentence",
    [
        # per-channel counts that fall short: 其中 names only some channels
        "学校共发布信息1286条，其中门户网站发布586条、微信公众号发布288条。",
        # 按内容分类: classes overlap
        "按内容分类，共发布信息1286条，其中招生类384条、财务类356条、人事类298条、教学类320条。",
        # approximate totals
        "全年共发布通知公告100余条，其中教学类60条、科研类50条。",
        "全年共发布通知公告近300条，其中教学类180条、科研类140条。",
        # percentages
        "共回收问卷1218份，其中满意占85%、基本满意占12%、不满意占5%。",
        # 其中 naming one item, or only some of them
        "学校共发布招生信息86条，其中本科招生信息52条。",
        "学校共发布通知公告640条，其中招生信息52条、就业信息47条。",
        # 累计 vs 本学年
        "信息公开网累计发布信息8600条，其中本学年发布412条、上学年发布398条。",
        # a parenthetical 含… qualifies the total; it is not its breakdown
        "学校共召开新闻发布会6场（含线上发布会2场、线下发布会1场），发布新闻通稿12篇。",
    ],
    ids=[
        "per_channel",
        "by_content",
        "yu_approx",
        "jin_approx",
        "percentages",
        "qizhong_one",
        "qizhong_some",
        "cumulative",
        "paren_han",
    ],
)
def test_sum_traps(check, sentence):
    """Breakdowns that are not sum claims stay quiet."""
    r = check(base().add("active", sentence))
    quiet(r, "sum_mismatch")
    assert all(s.adds_up for s in r.review.sum_checks)
    assert serious(r) == []


def test_parenthetical_total_with_its_breakdown_after_it(check):
    r = check(
        base().add("active", "学校共召开新闻发布会6场（含线上发布会2场），其中招生专场4场、校庆专场2场。")
    )
    s = next(s for s in r.review.sum_checks if s.total == 6)
    assert s.parts == (4, 2) and s.adds_up  # 线上 2 is not a third part
    assert serious(r) == []


# ---------------------------------------------------------------- figure_missing


def test_request_part_in_prose_only(check):
    r = check(base().body("on_request", "学校高度重视依申请公开工作，畅通申请渠道，规范办理流程。"))
    missing = {f.message for f in r.review.findings if f.rule == "figure_missing"}
    assert any("依申请公开申请受理件数" in m for m in missing)
    assert any("不予公开件数" in m for m in missing)
    f = fired(r, "figure_missing", severity="warning")
    assert f.part == "on_request" and f.start is None


def test_no_word_on_fees(check):
    r = check(base().replace("学校办理依申请公开事项未收取任何费用。", ""))
    assert "收费" in fired(r, "figure_missing").message
    assert value(r, "fees") is None


def test_no_word_on_complaints(check):
    r = check(base().body("complaints", "学校高度重视信息公开工作，认真对待师生意见和建议。"))
    found = [f for f in r.review.findings if f.rule == "figure_missing"]
    assert len(found) == 3 and {f.part for f in found} == {"complaints"}


def test_no_satisfaction_or_active_total(check):
    rep = base().replace("的满意度为97.5%", "总体评价良好")
    rep.body("active", "学校通过信息公开网、门户网站和微信公众号及时发布各类信息。")
    r = check(rep)
    parts = sorted(f.part for f in r.review.findings if f.rule == "figure_missing")
    assert parts == ["active", "evaluation"]


@pytest.mark.parametrize(
    "body",
    [
        "本学年，学校未收到信息公开申请，无不予公开的情况。",
        "本学年，收到依申请信息公开件0件，不予公开0件。",
        "本学年，学校共收到依申请公开申请三件，均在十五个工作日内予以答复，其中予以公开两件，告知通过其他途径获取一件。"
        "本学年无不予公开的情况，学校未收取任何费用。",
    ],
    ids=["wei_shoudao", "zero_jian", "chinese_numerals"],
)
def test_explicit_zeros_and_chinese_numerals_are_figures(check, body):
    r = check(base().body("on_request", body))
    quiet(r, "figure_missing")
    assert value(r, "requests_received") is not None and value(r, "withheld") == 0


def test_figures_in_a_table_are_not_missing(check):
    rep = base().body(
        "on_request",
        "本学年依申请公开办理情况见下表，学校办理依申请公开事项未收取任何费用。",
        "| 收到申请 | 予以公开 | 部分公开 | 不予公开 |",
        "| --- | --- | --- | --- |",
        "| 5件 | 3件 | 1件 | 1件 |",
    )
    r = check(rep)
    quiet(r, "figure_missing")


def test_a_table_about_something_else_does_not_excuse_a_missing_figure(check):
    rep = base().body(
        "evaluation",
        "学校面向师生员工和社会公众开展信息公开测评，问卷情况见下表，总体评价良好。",
        "| 发放问卷 | 回收问卷 | 有效问卷 |",
        "| --- | --- | --- |",
        "| 1300份 | 1246份 | 1218份 |",
    )
    r = check(rep)
    f = fired(r, "figure_missing", severity="warning")
    assert f.part == "evaluation" and "满意度" in f.message


def test_missing_part_is_not_also_a_missing_figure(check):
    r = check(base().drop("complaints"))
    quiet(r, "figure_missing")
    assert fired(r, "missing_part").part == "complaints"


# ---------------------------------------------------------------- fields


def test_fields_quote_their_evidence(check):
    r = check(base())
    f = r.review.fields
    assert f["requests_received"].quote == "学校共受理信息公开申请5件"
    assert f["requests_answered"].quote == "均在15个工作日内予以答复"
    assert f["complaints"].quote == "学校未收到因信息公开工作引起的举报"
    assert f["satisfaction_pct"].quote.endswith("97.5%")
    assert f["active_total"].quote.endswith("共发布信息1286条")


def test_zero_requests_do_not_require_answers_or_fees(check):
    r = check(base().body("on_request", "本学年，学校未收到信息公开申请，无不予公开的情况。"))
    assert value(r, "requests_received") == 0
    assert r.review.fields["requests_received"].quote == "学校未收到信息公开申请"
    assert value(r, "requests_answered") is None and value(r, "fees") is None
    quiet(r, "figure_missing")
    assert r.review.score.components["figures"] == 100


def test_counts_of_complaints_and_fees(check):
    rep = base().body("complaints", "本学年，学校收到举报1件，已核实处理；未发生行政复议和行政诉讼。")
    rep.replace("未收取任何费用", "收取复制费用20元")
    r = check(rep)
    assert (value(r, "complaints"), value(r, "reconsiderations"), value(r, "lawsuits")) == (1, 0, 0)
    assert value(r, "fees") == 20


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全校主动公开信息714条。", 714),
        ("对外公布信息共5000余条。", 5000),
        ("主动公开信息共计三百条。", 300),
    ],
    ids=["plain", "yu_approx", "chinese_numerals"],
)
def test_active_total_phrasings(check, sentence, expected):
    r = check(base().body("active", sentence))
    assert value(r, "active_total") == expected


@pytest.mark.parametrize(
    ("title", "year"),
    [
        (f"{SCHOOL}2023—2024学年信息公开工作年度报告", 2024),
        (f"{SCHOOL}2020-2021学年信息公开工作年度报告", 2021),
        (f"{SCHOOL}2024年度信息公开工作报告", 2024),
    ],
    ids=["xuenian_dash", "xuenian_hyphen", "niandu"],
)
def test_title_year(check, title, year):
    r = check(base().replace(TITLE, title))
    assert value(r, "title_year") == year
    assert r.review.fields["title_year"].quote in title


def test_institution_from_the_signoff_when_the_title_has_no_name(check):
    r = check(base().replace(TITLE, "2023—2024学年信息公开工作年度报告"))
    f = r.review.fields["institution"]
    assert f.value == SCHOOL and f.start > 0


def test_channels_that_exceed_the_total_are_a_possible_double_count(check):
    """Issue 14: per-channel counts above the total (a column inside the website) are reported, as a warning."""
    r = check(
        base().add(
            "active",
            "学校共发布信息1286条，其中信息公开网发布512条、门户网站发布586条、微信公众号发布288条。",
        )
    )
    (f,) = findings(r, "sum_mismatch", ("error", "warning"))
    assert f.severity == "warning" and "重复统计" in f.message and "1386" in f.message
    s = next(s for s in r.review.sum_checks if s.total == 1286 and s.caveat)
    assert s.caveat == "overlap" and not s.adds_up


def test_a_nested_channel_short_of_the_total_is_still_reported(check):
    r = check(base().add("active", "学校共发布信息980条，其中学校网站620条、信息公开专栏410条。"))
    (f,) = findings(r, "sum_mismatch", ("error", "warning"))
    assert "可能相互包含" in f.message


def test_a_part_in_another_unit_is_checked_and_the_message_says_so(check):
    r = check(
        base().add("active", "全年共发布信息1326条，其中门户网站742条，官方微信公众号398条，官方微博161件。")
    )
    (f,) = findings(r, "sum_mismatch", ("error",))
    assert "单位不一致" in f.message and "条、件" in f.message
    assert next(s for s in r.review.sum_checks if s.total == 1326).units == ("条", "件")


def test_parts_in_another_unit_that_add_up_are_fine(check):
    r = check(
        base().add("active", "全年共发布信息1301条，其中门户网站742条，官方微信公众号398条，官方微博161件。")
    )
    quiet(r, "sum_mismatch")


def test_a_deadline_after_the_parts_is_not_a_part(check):
    r = check(
        base().add(
            "active", "共收到意见建议6件，其中采纳4件，部分采纳1份，解释说明1件，均在15个工作日内回复。"
        )
    )
    quiet(r, "sum_mismatch")
