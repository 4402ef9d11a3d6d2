"""Structure rules: missing_part, annex_missing, checklist_gap, truncated, not_annual_report, gov_template,
and the announced part count (sum_mismatch, part_count variant)."""

from __future__ import annotations

import pytest

from tests.core.engine.report import (
    CHECKLIST_ROWS,
    SCHOOL,
    TITLE,
    Report,
    base,
    findings,
    fired,
    link,
    quiet,
    serious,
    status,
)

NO_ANNEX_REFERENCE = ("各项的栏目链接见附表", "各项均已在信息公开网公开")


def without_annex() -> Report:
    return base().replace(*NO_ANNEX_REFERENCE).no_annex()


# ---------------------------------------------------------------- missing_part


def test_missing_evaluation_part_is_an_error(check):
    r = check(base().drop("evaluation"))
    f = fired(r, "missing_part", severity="error")
    assert f.part == "evaluation" and f.start is None and f.quote is None
    assert "对信息公开的评议情况" in f.message
    assert status(r, "evaluation") == "missing"


@pytest.mark.parametrize("key", ["practices", "other"])
def test_missing_practices_or_other_is_only_a_warning(check, key):
    r = check(base().drop(key))
    f = fired(r, "missing_part")
    assert (f.part, f.severity) == (key, "warning")


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ("学校面向师生员工开展信息公开网上测评，师生员工满意度为97.5%。", "社会公众"),
        ("学校通过信息公开网意见箱和招生咨询会征求社会公众意见，社会公众满意度为95.6%。", "师生员工"),
    ],
    ids=["no_public", "no_staff"],
)
def test_evaluation_must_cover_both_groups(check, body, group):
    r = check(base().body("evaluation", body))
    f = fired(r, "missing_part", quote="四、对信息公开的评议情况", severity="error")
    assert group in f.message and f.part == "evaluation"
    assert r.review.score.components["parts"] < 100


def test_legacy_complaints_heading_is_info_only(check):
    r = check(base().heading("complaints", "五、因信息公开遭到举报的情况"))
    quiet(r, "missing_part")
    f = fired(r, "missing_part", quote="遭到举报", severity="info")
    assert f.part == "complaints"


def test_merged_heading_covers_both_parts(check):
    rep = base().drop("problems").heading("practices", "六、信息公开工作主要经验、问题和改进措施")
    r = check(rep)
    quiet(r, "missing_part")
    assert status(r, "practices") == status(r, "problems") == "merged"
    assert serious(r) == []


def test_reordered_parts_are_not_missing(check):
    r = check(base().order("overview", "active", "on_request", "complaints", "problems", "evaluation"))
    quiet(r, "missing_part")
    assert serious(r) == []


def test_inline_lead_phrases_count_as_parts(check):
    rep = base().drop("practices").drop("problems").drop("other")
    rep.add("complaints", "主要经验：一是建立清单责任台账，二是开设政策解读栏目。")
    rep.add("complaints", "存在的问题：个别部门信息更新不够及时。下一步，学校将加强督查通报。")
    rep.add("complaints", "其他需要报告的事项：无。")
    r = check(rep)
    quiet(r, "missing_part")
    hows = {p.key: p.how for p in r.review.standard_parts}
    assert hows["practices"] == hows["problems"] == hows["other"] == "inline"


def test_preamble_listing_the_parts_does_not_prove_them(check):
    rep = base().drop("evaluation")
    rep.replace(
        "学校编制本年度报告。",
        "学校编制本年度报告。报告包括概述、主动公开情况、对信息公开的评议情况等七部分。",
    )
    r = check(rep)
    assert fired(r, "missing_part").part == "evaluation"


# ---------------------------------------------------------------- annex_missing


def test_no_annex_at_all(check):
    r = check(without_annex())
    f = fired(r, "annex_missing", severity="error")
    assert f.start is None and f.part == "annex"
    assert status(r, "annex") == "missing"
    quiet(r, "checklist_gap")  # annex_missing says it all


def test_annex_title_without_a_table(check):
    rep = without_annex()
    rep.annex_title = f"附表：{SCHOOL}清单事项公开情况表"
    r = check(rep)
    f = fired(r, "annex_missing", severity="error")
    assert f.quote == f"附表：{SCHOOL}清单事项公开情况表"
    quiet(r, "truncated")


def test_annex_referenced_but_absent(check):
    r = check(base().no_annex())
    assert fired(r, "annex_missing", severity="error").quote == "见附表"


def test_annex_behind_a_link_is_only_info(check):
    rep = without_annex().add(
        "active", "清单事项公开情况表见学校信息公开网https://xxgk.jlut.edu.cn/qd/index.htm。"
    )
    r = check(rep)
    quiet(r, "annex_missing")
    f = fired(r, "annex_missing", quote="https://xxgk.jlut.edu.cn/qd/index.htm", severity="info")
    assert f.quote.startswith("清单事项公开情况表")


def _listed(n: int) -> Report:
    rep = without_annex()
    rep.parts["annex"] = (
        "九、高校清单事项公开情况",
        [f"{i}. {item}：已在学校信息公开网公开。" for i, (_, item) in enumerate(CHECKLIST_ROWS[:n], start=1)],
    )
    return rep


def test_body_part_listing_all_items_is_the_annex(check):
    r = check(_listed(50))
    quiet(r, "annex_missing")
    quiet(r, "checklist_gap")
    assert status(r, "annex") == "present"
    assert sum(c.status == "covered" for c in r.review.checklist) == 50


def test_body_part_listing_ten_items_counts_as_annex(check):
    r = check(_listed(10))
    quiet(r, "annex_missing")
    assert status(r, "annex") == "present"
    gap = fired(r, "checklist_gap", severity="warning")
    assert "40项" in gap.message


def test_body_part_listing_nine_items_is_not_an_annex(check):
    r = check(_listed(9))
    assert fired(r, "annex_missing").quote == "九、高校清单事项公开情况"
    assert status(r, "annex") == "missing"


@pytest.mark.parametrize(
    "title",
    ["附表：清单事项一览表", f"附件：高等学校信息公开事项清单（{SCHOOL}）", "九、清单事项公开情况对照表"],
    ids=["yilanbiao", "qingdan_school", "duizhaobiao"],
)
def test_variant_annex_names(check, title):
    rep = base()
    rep.annex_title = title
    r = check(rep)
    quiet(r, "annex_missing")
    assert status(r, "annex") == "present"


# ---------------------------------------------------------------- checklist_gap


def test_missing_checklist_row(check):
    rep = base()
    del rep.rows[16]  # 校办企业
    r = check(rep)
    f = fired(r, "checklist_gap", severity="warning")
    assert f.start is None and "第17项" in f.message and "1项" in f.message
    assert next(c for c in r.review.checklist if c.no == 17).status == "not_found"


def test_row_without_link(check):
    rep = base()
    rep.rows[20][4] = ""
    r = check(rep)
    f = fired(r, "checklist_gap", quote="收费项目、收费依据、收费标准及投诉方式")
    assert "第21项" in f.message and "链接" in f.message
    assert f.part == "annex"


def test_row_without_status(check):
    rep = base()
    rep.rows[20][3] = ""
    r = check(rep)
    f = fired(r, "checklist_gap", quote="收费项目")
    assert "第21项" in f.message and "公开情况" in f.message


def test_not_applicable_row_with_a_reason(check):
    rep = base()
    rep.rows[46][3] = "不适用（学校未开展中外合作办学）"
    rep.rows[46][4] = "/"
    r = check(rep)
    quiet(r, "checklist_gap")
    assert next(c for c in r.review.checklist if c.no == 47).status == "not_applicable"
    assert r.review.score.components["checklist"] == 100


def test_not_applicable_stated_in_the_text(check):
    rep = base().add("other", "学校未开展中外合作办学。")
    del rep.rows[46]
    r = check(rep)
    quiet(r, "checklist_gap")
    assert next(c for c in r.review.checklist if c.no == 47).status == "not_applicable"


def _split(rep: Report) -> None:
    rep.rows[0:1] = [
        ["1.1", "基本信息", "办学规模、学校机构设置", "已公开", link(1)],
        ["1.2", "", "校级领导班子简介及分工", "已公开", link(1)],
    ]


def _merge_budget(rep: Report) -> None:
    rep.rows[18:20] = [["19", "", "预算、决算信息", "已公开", link(19)]]


def _provincial(rep: Report) -> None:
    rep.rows[24][2] = "职称评定、人员招聘信息；评优评先信息"


def _renumber(rep: Report) -> None:
    rep.rows.reverse()
    for i, row in enumerate(rep.rows, start=1):
        row[0] = str(i)


@pytest.mark.parametrize("edit", [_split, _merge_budget, _provincial, _renumber])
def test_checklist_traps(check, edit):
    rep = base()
    edit(rep)
    r = check(rep)
    quiet(r, "checklist_gap")
    assert all(c.status == "covered" for c in r.review.checklist)


# ---------------------------------------------------------------- truncated


def _ending(last: str) -> Report:
    rep = without_annex()
    rep.signoff = []
    rep.parts["other"] = ("八、其他需要报告的事项", [last])
    return rep


def test_unfinished_last_sentence(check):
    r = check(_ending("学校将继续深化信息公开工作，加强对二级单位信息公开工作的督查通报，进一步完善信息公开"))
    f = fired(r, "truncated", severity="error")
    assert f.quote.endswith("进一步完善信息公开")
    quiet(r, "report_date_missing")  # the cut explains the missing sign-off


def test_short_unfinished_last_sentence(check):
    r = check(_ending("学校将继续深化信息公开工作，进一步完善信息公开"))
    assert fired(r, "truncated").quote == "学校将继续深化信息公开工作，进一步完善信息公开"


def test_empty_last_heading(check):
    rep = without_annex()
    rep.signoff = []
    rep.parts["other"] = ("八、其他需要报告的事项", [])
    r = check(rep)
    assert fired(r, "truncated").quote == "八、其他需要报告的事项"


def test_annex_cut_mid_table(check):
    rep = base()
    rep.rows = rep.rows[:31]
    rep.rows[-1][3:] = ["", ""]
    rep.end_newline = False
    r = check(rep)
    f = fired(r, "truncated", quote="促进毕业生就业")
    assert f.part == "annex" and "第31项" in f.message
    # the cut explains the 19 missing items and the empty cells of the cut row
    quiet(r, "checklist_gap")


@pytest.mark.parametrize(
    "tail",
    [[], ["- 5 -"], ["第5页 共5页"], ["https://xxgk.jlut.edu.cn/info/1161/2081.htm"], ["— 12 —"]],
    ids=["signoff", "dash_footer", "page_footer", "url", "emdash_footer"],
)
def test_signoff_and_footers_are_not_truncation(check, tail):
    rep = base()
    rep.signoff_last = True
    rep.tail = tail
    r = check(rep)
    quiet(r, "truncated")
    assert serious(r) == []


# ---------------------------------------------------------------- not_annual_report


@pytest.mark.parametrize(
    "title",
    [
        f"{SCHOOL}信息公开指南",
        "关于做好2024年高校信息公开年度报告工作的通知",
        f"{SCHOOL}2023—2024学年本科教学质量报告",
        f"{SCHOOL}2024届毕业生就业质量年度报告",
        f"{SCHOOL}信息公开实施细则",
    ],
    ids=["guide", "notice", "teaching_quality", "employment_quality", "rules"],
)
def test_not_an_annual_report_by_title(check, title):
    r = check(base().replace(TITLE, title))
    f = fired(r, "not_annual_report", severity="error")
    assert f.quote == title


def test_work_summary_by_body_phrase(check):
    rep = base().replace(TITLE, f"{SCHOOL}2023—2024学年信息公开工作情况")
    rep.replace("要求，学校编制本年度报告。", "要求，现将学校信息公开工作总结如下。")
    r = check(rep)
    assert fired(r, "not_annual_report").quote == "现将学校信息公开工作总结如下"


@pytest.mark.parametrize(
    "title",
    [f"{SCHOOL}2023—2024学年度信息公开年报", f"{SCHOOL}2024年度信息公开工作报告"],
    ids=["nianbao", "niandu_gongzuo_baogao"],
)
def test_title_variants_are_annual_reports(check, title):
    r = check(base().replace(TITLE, title))
    quiet(r, "not_annual_report")
    assert serious(r) == []


def test_report_citing_the_notice_and_the_guide(check):
    rep = base().add(
        "overview",
        "学校根据《教育部办公厅关于做好2024年高校信息公开年度报告工作的通知》编制本报告，并同步修订《江澜理工学院信息公开指南》。",
    )
    r = check(rep)
    quiet(r, "not_annual_report")
    assert serious(r) == []


# ---------------------------------------------------------------- gov_template


def gov_report() -> Report:
    return Report(
        title=[f"{SCHOOL}2023年政府信息公开工作年度报告"],
        preamble=[
            "本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号）编制，统计期限为2023年1月1日至2023年12月31日。"
        ],
        parts={
            "a": ("一、总体情况", ["学校坚持以公开为常态、不公开为例外，全面推进信息公开工作。"]),
            "b": (
                "二、主动公开政府信息情况",
                [
                    "第二十条第（一）项",
                    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
                    "| --- | --- | --- | --- |",
                    "| 规章 | 0 | 0 | 0 |",
                    "| 行政规范性文件 | 2 | 0 | 5 |",
                ],
            ),
            "c": (
                "三、收到和处理政府信息公开申请情况",
                [
                    "| 本年度办理结果 | 自然人 | 法人或其他组织 | 总计 |",
                    "| --- | --- | --- | --- |",
                    "| 本年新收政府信息公开申请数量 | 3 | 1 | 4 |",
                    "| 上年结转政府信息公开申请数量 | 0 | 0 | 0 |",
                    "| （一）予以公开 | 3 | 1 | 4 |",
                    "| （七）总计 | 3 | 1 | 4 |",
                    "| 结转下年度继续办理 | 0 | 0 | 0 |",
                ],
            ),
            "d": ("四、政府信息公开行政复议、行政诉讼情况", ["本年度未发生行政复议、行政诉讼。"]),
            "e": ("五、存在的主要问题及改进情况", ["信息公开的及时性有待提高。"]),
            "f": ("六、其他需要报告的事项", ["无。"]),
        },
        signoff=[SCHOOL, "2024年1月18日"],
        annex_title=None,
        rows=[],
    )


def test_government_template_is_a_warning(check):
    r = check(gov_report())
    f = fired(r, "gov_template", severity="warning")
    assert "政府信息公开工作年度报告" in f.quote
    assert r.review.gov_template
    quiet(r, "not_annual_report")
    quiet(r, "late_report")  # its own deadline is 31 January
    # the template tables carry the request figures; 举报 has no place in them, so its absence is reported
    assert [f.message for f in findings(r, "figure_missing")] == [
        "报告未说明因信息公开工作受到举报的件数（属“因学校信息公开工作受到举报、复议、诉讼的情况”部分）；即使为零，也应明确写出。"
    ]
    assert r.review.fields["requests_received"].value == 4  # the template table's 总计 column, by its header
    assert fired(r, "period_calendar_year").quote == "2023年1月1日至2023年12月31日"
    assert {s.kind for s in r.review.sum_checks} == {"gov_table"}
    assert all(s.adds_up for s in r.review.sum_checks)


def test_government_table_row_that_does_not_add_up(check):
    rep = gov_report()
    rows = rep.parts["c"][1]
    rows[rows.index("| （七）总计 | 3 | 1 | 4 |")] = "| （七）总计 | 3 | 1 | 5 |"
    r = check(rep)
    f = fired(r, "sum_mismatch", quote="（七）总计")
    assert "5" in f.message and "4" in f.message


def test_lone_overall_heading_and_cited_regulation_are_not_gov_template(check):
    rep = base().heading("overview", "一、总体情况")
    rep.replace(
        "根据《高等学校信息公开办法》",
        "根据《中华人民共和国政府信息公开条例》（国务院令第711号）、《高等学校信息公开办法》",
    )
    rep.add("active", "学校不涉及行政许可、行政处罚等事项。")
    r = check(rep)
    quiet(r, "gov_template")
    assert not r.review.gov_template
    assert status(r, "overview") == "present"
    assert serious(r) == []


# ---------------------------------------------------------------- announced part count


def _announce(n: str) -> Report:
    return base().replace(
        "学校编制本年度报告。", f"学校编制本年度报告。报告由概述、主动公开情况等共{n}部分组成。"
    )


def test_announced_part_count_differs(check):
    r = check(_announce("七"))
    f = fired(r, "sum_mismatch", quote="共七部分", severity="warning")
    assert "7" in f.message


@pytest.mark.parametrize("n", ["八", "九"], ids=["eight", "nine"])
def test_announced_part_count_with_or_without_the_annex(check, n):
    """Eight numbered parts plus an unnumbered 附表: 八部分 and 九部分 are both right."""
    r = check(_announce(n))
    quiet(r, "sum_mismatch")
