"""The clean base report and a report full of traps: no error or warning findings (catches false positives)."""

from __future__ import annotations

from tests.core.engine.report import (
    ACTIVE_TOTAL,
    CHECKLIST_ROWS,
    PART_KEYS,
    RECEIVED,
    SATISFACTION,
    SCHOOL,
    base,
    findings,
    serious,
)


def test_clean_report_has_no_findings(check):
    r = check(base())
    assert serious(r) == []
    assert findings(r) == []  # not even an info


def test_clean_report_reads_every_field(check):
    r = check(base())
    values = {k: v.value for k, v in r.review.fields.items()}
    assert values == {
        "institution": SCHOOL,
        "title_year": 2024,
        "period_start": "2023-09-01",
        "period_end": "2024-08-31",
        "report_date": "2024-10-28",
        "active_total": ACTIVE_TOTAL,
        "requests_received": RECEIVED,
        "requests_answered": RECEIVED,  # 均在15个工作日内予以答复
        "withheld": 1,
        "complaints": 0,  # 未收到…举报
        "reconsiderations": 0,
        "lawsuits": 0,
        "satisfaction_pct": SATISFACTION,
        "fees": 0,  # 未收取任何费用
    }


def test_clean_report_has_all_parts_and_full_coverage(check):
    r = check(base())
    assert [(p.key, p.status) for p in r.review.standard_parts] == [
        (k, "present") for k in (*PART_KEYS, "annex")
    ]
    assert len(r.review.checklist) == len(CHECKLIST_ROWS) == 50
    assert {c.status for c in r.review.checklist} == {"covered"}
    assert r.review.score.total == 100.0


def test_clean_report_with_signoff_after_the_annex(check):
    rep = base()
    rep.signoff_last = True
    r = check(rep)
    assert serious(r) == []
    assert r.review.fields["report_date"].value == "2024-10-28"


def test_clean_report_in_chinese_numerals(check):
    """Counts and the 落款 date written in Chinese numerals (三件, 十五个工作日, 二〇二四年十月二十八日)."""
    rep = base().body(
        "on_request",
        "本学年，学校共收到依申请公开申请三件，均在十五个工作日内予以答复，其中予以公开两件，告知通过其他途径获取一件。"
        "本学年无不予公开的情况。学校办理依申请公开事项未收取任何费用。",
    )
    rep.replace("2024年10月28日", "二〇二四年十月二十八日")
    r = check(rep)
    assert serious(r) == []
    f = r.review.fields
    assert (f["requests_received"].value, f["requests_answered"].value, f["withheld"].value) == (3, 3, 0)
    assert f["report_date"].value == "2024-10-28"
    assert f["report_date"].quote == "二〇二四年十月二十八日"


def test_report_full_of_traps_stays_clean(check):
    """Everything domain.md §6 lists under "Must NOT trigger", in one otherwise clean report."""
    rep = base()
    rep.replace(
        "要求，学校编制本年度报告。",
        "和《中华人民共和国政府信息公开条例》（国务院令第711号）、"
        "《教育部办公厅关于全面推进高校信息公开做好信息公开年度报告工作的通知》（教办厅函〔2018〕80号）要求，"
        "学校编制本年度报告。",
    )
    rep.add(
        "overview",
        "2019年国务院修订公布《中华人民共和国政府信息公开条例》，原国务院令第492号同时废止。"
        "学校党委书记张建国主持召开信息公开工作会议，副校长李红梅分管信息公开工作；"
        "经研究决定，任命赵强为党政办公室主任。学校与浙江大学开展信息公开工作交流。",
    )
    rep.add(
        "active",
        "学校通过官方微信、QQ群、APP发布信息，年度报告PDF版同步上传至学校信息公开网https://xxgk.jlut.edu.cn/ndbg/2024.htm。"
        "按内容分类，招生类信息384条、财务类信息356条、人事类信息298条、教学类信息320条。"
        "全年发布通知公告近300条，其中教学类180条、科研类140条。",
    )
    rep.add("on_request", "申请人张某于2024年3月提出申请，学校已依法答复。")
    rep.add("problems", "某些部门对信息公开的认识仍有不足，学校计划于2024年12月31日前完成信息公开网改版。")
    rep.add("other", "根据省教育厅通知，本报告于2024年11月10日前报省教育厅备案。")
    rep.signoff_last = True
    rep.tail = ["- 5 -"]
    r = check(rep)
    assert serious(r) == []
    assert r.review.fields["report_date"].value == "2024-10-28"
