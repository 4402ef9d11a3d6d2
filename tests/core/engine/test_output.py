"""Standard parts, 清单 coverage, the score and the JSON the engine hands to the CLI and the window."""

from __future__ import annotations

import json

import pytest

from tests.core.engine.report import SCHOOL, Report, base, status
from xxgk_desk.core.pipeline import to_json

REVIEW_KEYS = ("standard_parts", "fields", "figures", "sum_checks", "checklist", "findings", "score")
PART_STATUSES = {"present", "merged", "missing"}


def weighted(score) -> float:
    w = score.weights
    return sum(w[k] * v for k, v in score.components.items()) / sum(w.values())


# ---------------------------------------------------------------- standard parts


def test_sub_heading_fallback(check):
    """No top-level heading names 主动公开 or 依申请公开: the （一）（二） sub-headings do."""
    rep = base()
    active, on_request = rep.parts["active"][1], rep.parts["on_request"][1]
    rep.parts["active"] = (
        "二、信息公开工作开展情况",
        ["（一）主动公开情况", *active, "（二）依申请公开和不予公开情况", *on_request],
    )
    rep.drop("on_request")
    r = check(rep)
    hows = {p.key: (p.status, p.how) for p in r.review.standard_parts}
    assert hows["active"] == hows["on_request"] == ("present", "subheading")
    assert r.review.fields["requests_received"].value == 5


def test_run_in_sub_headings_under_a_merged_part(check):
    """A run-in heading ("（二）依申请公开情况。本学年…") ends at the first 。."""
    rep = base()
    active, on_request = rep.parts["active"][1], rep.parts["on_request"][1]
    rep.parts["active"] = (
        "二、主动公开和依申请公开情况",
        [
            f"（一）主动公开情况。{active[0]}",
            f"（二）依申请公开情况。{on_request[0]}",
            f"（三）收费情况。{on_request[1]}",
        ],
    )
    rep.drop("on_request")
    r = check(rep)
    assert status(r, "active") == status(r, "on_request") == "merged"
    assert [s.title for s in r.sections if s.level == 2][1] == "（二）依申请公开情况。"
    assert not [f for f in r.review.findings if f.severity in ("error", "warning")]


def test_missing_part_status(check):
    r = check(base().drop("evaluation"))
    parts = {p.key: p for p in r.review.standard_parts}
    assert parts["evaluation"].status == "missing" and parts["evaluation"].section is None
    assert parts["overview"].status == "present" and r.sections[parts["overview"].section].title == "一、概述"


def test_overview_from_the_preamble(check):
    """No 概述 heading: a preamble of substance is the overview."""
    rep = base().drop("overview")
    rep.preamble.append(
        "本学年，学校坚持“以公开为常态、不公开为例外”，将信息公开纳入二级单位年度目标考核，"
        "修订信息公开实施细则，举办信息公开业务培训一次，进一步健全信息公开工作机制。"
    )
    r = check(rep)
    assert status(r, "overview") == "present"
    assert not [f for f in r.review.findings if f.rule == "missing_part"]


# ---------------------------------------------------------------- 清单 coverage


def test_checklist_entries_point_at_their_rows(check):
    r = check(base())
    entries = r.review.checklist
    assert [c.no for c in entries] == list(range(1, 51))
    text = r.document.text
    e17 = entries[16]
    assert e17.status == "covered" and "校办企业" in text[e17.start : e17.end]
    assert e17.link == "https://xxgk.jlut.edu.cn/qd/17.htm"


def test_checklist_is_not_counted_outside_the_annex(check):
    """收费, 预算, 信息公开年度报告… occur in any report; without an annex nothing is covered."""
    rep = base().replace("各项的栏目链接见附表", "各项均已在信息公开网公开").no_annex()
    rep.add("active", "学校按期公开预算、决算和收费项目，发布信息公开年度报告，公开招生章程和学籍管理办法。")
    r = check(rep)
    assert {c.status for c in r.review.checklist} == {"not_found"}
    assert r.review.score.components["checklist"] == 0


# ---------------------------------------------------------------- score


def test_score_of_the_clean_report(check):
    s = check(base()).review.score
    assert s.total == 100.0
    assert s.components == {"parts": 100.0, "figures": 100.0, "checklist": 100.0, "form": 100.0}
    assert set(s.weights) == set(s.components) and all(w > 0 for w in s.weights.values())
    assert s.details["checklist"] == "50/50 项清单事项"


def _late(rep: Report) -> Report:
    rep.signoff = [SCHOOL, "2024年11月5日"]
    return rep


def _gap(rep: Report) -> Report:
    del rep.rows[16]
    return rep


@pytest.mark.parametrize(
    ("defect", "lowered"),
    [
        # 8/9 parts, and no 评议 groups at all (the 满意度 went with the part)
        (lambda rep: rep.drop("evaluation"), {"parts": 44.4, "figures": 88.9}),
        # 评议 of 师生员工 only: half the groups
        (lambda rep: rep.body("evaluation", "学校面向师生员工开展测评，满意度为97.5%。"), {"parts": 75.0}),
        (lambda rep: rep.replace("的满意度为97.5%", "总体评价良好"), {"figures": 88.9}),
        (_gap, {"checklist": 98.0}),
        (_late, {"form": 50.0}),
    ],
    ids=["no_evaluation", "one_group", "no_satisfaction", "checklist_gap", "late"],
)
def test_each_defect_lowers_its_component(check, defect, lowered):
    s = check(defect(base())).review.score
    assert s.components == {k: lowered.get(k, 100.0) for k in s.components}
    assert s.total == pytest.approx(weighted(s), abs=0.1) and s.total < 100


def test_score_of_a_poor_document_stays_in_range(check):
    rep = (
        base()
        .replace("2023—2024学年信息公开工作年度报告", "信息公开指南")
        .replace("本报告所列数据的统计期限为2023年9月1日至2024年8月31日。", "")
    )
    rep.no_annex()
    rep.drop("evaluation").drop("complaints").drop("practices")
    rep.signoff = [SCHOOL]
    s = check(rep).review.score
    assert 0 <= s.total < 50
    assert s.components["checklist"] == 0 and s.components["form"] == 0
    assert all(0 <= v <= 100 for v in s.components.values())
    assert s.total == pytest.approx(weighted(s), abs=0.1)


# ---------------------------------------------------------------- JSON


def _defective() -> Report:
    rep = base().drop("evaluation").add("on_request", "联系人：王老师，13812345678。")
    rep.signoff = [SCHOOL, "2024年11月5日"]
    return rep


def test_json_keys_and_shapes(check):
    r = check(_defective())
    out = json.loads(json.dumps(to_json(r), ensure_ascii=False))
    for key in REVIEW_KEYS:
        assert key in out, key
    assert out["sections"] and out["error"] is None

    assert len(out["standard_parts"]) == 9
    for p in out["standard_parts"]:
        assert set(p) >= {"key", "name", "status", "section"} and p["status"] in PART_STATUSES

    assert list(out["fields"])[:5] == [
        "institution",
        "title_year",
        "period_start",
        "period_end",
        "report_date",
    ]
    for name, f in out["fields"].items():
        assert set(f) == {"value", "start", "end", "quote"}, name

    for s in out["sum_checks"]:
        assert set(s) >= {"quote", "start", "end", "total", "parts", "adds_up"}
    for g in out["figures"]:
        assert set(g) >= {"label", "value", "unit", "start", "end", "quote"}
    assert [c["no"] for c in out["checklist"]] == list(range(1, 51))
    assert set(out["score"]) >= {"total", "components", "weights"}
    assert 0 <= out["score"]["total"] <= 100


def test_json_findings(check):
    r = check(_defective())
    text = r.document.text
    findings = to_json(r)["findings"]
    rules = {f["rule"] for f in findings}
    assert {"missing_part", "personal_data", "late_report"} <= rules
    for f in findings:
        assert set(f) >= {"rule", "severity", "message", "start", "end", "quote", "part"}
        assert f["severity"] in ("error", "warning", "info") and f["message"]
        if f["start"] is None:
            assert f["end"] is None and f["quote"] is None
        else:
            assert text[f["start"] : f["end"]] == f["quote"]
    doc_level = next(f for f in findings if f["rule"] == "missing_part")
    assert (doc_level["start"], doc_level["end"], doc_level["quote"], doc_level["part"]) == (
        None,
        None,
        None,
        "evaluation",
    )
    mobile = next(f for f in findings if f["rule"] == "personal_data")
    assert mobile["quote"] == "13812345678" and mobile["part"] == "on_request"


def test_json_fields_quote_the_text(check):
    r = check(base())
    text = r.document.text
    fields = to_json(r)["fields"]
    for name, f in fields.items():
        assert f["value"] is not None, name
        assert text[f["start"] : f["end"]] == f["quote"], name
    assert fields["report_date"] == {
        "value": "2024-10-28",
        "start": text.rindex("2024年10月28日"),
        "end": text.rindex("2024年10月28日") + len("2024年10月28日"),
        "quote": "2024年10月28日",
    }


def test_json_null_field_when_the_report_is_silent(check):
    rep = base()
    rep.signoff = [SCHOOL]
    f = to_json(check(rep))["fields"]["report_date"]
    assert f == {"value": None, "start": None, "end": None, "quote": None}
