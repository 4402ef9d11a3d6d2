"""Lexical rules: placeholder, foreign_text, conversion_artefact, personal_data, wrong_citation."""

from __future__ import annotations

import pytest

from tests.core.engine.report import SCHOOL, base, fired, quiet, serious

PREAMBLE_BASIS = "根据《高等学校信息公开办法》"

# ---------------------------------------------------------------- placeholder


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("修订《江澜理工学院信息公开实施细则》", "修订《XXX信息公开实施细则》", "XXX"),
        ("2023年9月1日至2024年8月31日", "20xx年9月1日至20xx年8月31日", "20xx"),
        ("覆盖各单位信息员", "覆盖某某处等单位信息员", "某某处"),
        ("教办函〔2014〕23号", "教办函〔〕号", "〔〕"),
        ("江澜理工学院党政办公室", "××大学党政办公室", "××大学"),
        ("共发布信息1286条", "共发布信息____条", "____"),
        ("回收有效问卷1218份", "回收有效问卷？份", "？份"),
    ],
    ids=["XXX", "20xx", "moumou", "empty_brackets", "crosses", "underline", "question_mark"],
)
def test_placeholder_residue(check, old, new, quote):
    r = check(base().replace(old, new))
    f = fired(r, "placeholder", quote=quote, severity="error")
    assert r.document.text[f.start : f.end] == f.quote


def test_fill_in_instruction(check):
    r = check(base().add("other", "（此处填写其他需要报告的事项）"))
    f = fired(r, "placeholder", quote="（此处填写其他需要报告的事项）")
    assert f.part == "other"


def test_question_mark_for_a_number(check):
    r = check(base().replace("部分公开1件", "部分公开？件"))
    f = fired(r, "placeholder", quote="部分公开？件")
    assert "问号" in f.message


def test_attachment_followed_by_nothing(check):
    rep = base().replace("各项的栏目链接见附表", "各项均已公开").no_annex()
    rep.tail = ["附件："]
    r = check(rep)
    f = fired(r, "placeholder", quote="附件：")
    assert "附件" in f.message


@pytest.mark.parametrize(
    "addition",
    [
        "详见学校信息公开网https://xxgk.jlut.edu.cn/xxgkml/index.htm。",
        "意见建议可发送至xxgk@jlut.edu.cn。",
        "申请人张某于2024年3月提出申请，学校已依法答复。",
        "申请人王某某的申请已按时答复。",
        "某些部门对信息公开的认识仍有不足。",
        "学校落实教办函〔2014〕23号和教办厅函〔2018〕80号要求。",
        "是否满意？学校将继续听取意见。",
    ],
    ids=["xxgk_url", "xxgk_email", "zhang_mou", "wang_moumou", "mouxie", "filled_numbers", "question"],
)
def test_placeholder_traps(check, addition):
    r = check(base().add("problems", addition))
    quiet(r, "placeholder")
    assert serious(r) == []


# ---------------------------------------------------------------- foreign_text


@pytest.mark.parametrize(
    "line",
    [
        "如若转载，请注明出处：https://www.qiantuxiezuo.com/65198.html",
        "声明：本站部分文章来源于网络，版权归原作者所有，如有侵权请联系删除。",
        "上一篇：关于开展2024年评优工作的通知",
    ],
    ids=["reprint", "disclaimer", "prev_link"],
)
def test_web_residue(check, line):
    rep = base()
    rep.signoff_last = True
    rep.tail = [line]
    r = check(rep)
    f = fired(r, "foreign_text", severity="warning")
    assert f.quote == line
    quiet(r, "truncated")  # residue after the 落款 is not a cut-off
    quiet(r, "report_date_missing")


def test_navigation_line_above_the_title(check):
    rep = base()
    rep.title = ["当前位置：范文大全 > 工作报告 > 信息公开", *rep.title]
    r = check(rep)
    assert fired(r, "foreign_text").quote == "当前位置：范文大全 > 工作报告 > 信息公开"
    assert r.review.fields["institution"].value == SCHOOL


def test_another_school_as_subject(check):
    r = check(
        base().add("overview", "中山大学2023—2024学年信息公开工作年度报告显示，该校进一步加强清单管理。")
    )
    f = fired(r, "foreign_text", quote="中山大学2023—2024学年")
    assert "中山大学" in f.message


def test_another_schools_regulation(check):
    r = check(base().add("overview", "学校参照《清河大学信息公开实施办法》，明确各部门信息公开联络员。"))
    assert fired(r, "foreign_text").quote == "《清河大学信息公开实施办法》"


@pytest.mark.parametrize(
    "addition",
    [
        "学校认真落实教育部、省教育厅关于信息公开工作的部署，参考21世纪教育研究院的评估指标。",
        "学校与浙江大学共建现代产业学院，相关合作办学信息已在“对外交流与合作”栏目公开。",
        "学校英文名称为Jianglan Institute of Technology。",
        "学校通过官方微信、QQ群、APP发布信息，年度报告PDF版上传至学校信息公开网https://xxgk.jlut.edu.cn。",
        "学校对照《教育部办公厅关于全面推进高校信息公开做好信息公开年度报告工作的通知》开展自查。",
        "学校信息公开网总阅读量121.7万次，开展公文写作培训一次。",
    ],
    ids=["cited_bodies", "partner", "english_name", "app_qq_pdf_own_url", "notice_title", "ordinary_words"],
)
def test_foreign_text_traps(check, addition):
    r = check(base().add("overview", addition))
    quiet(r, "foreign_text")
    assert serious(r) == []


# ---------------------------------------------------------------- conversion_artefact


@pytest.mark.parametrize(
    ("residue", "quote"),
    [
        ("[bookmark: _GoBack]", "[bookmark: _GoBack]"),
        ("错误！未定义书签。", "错误！未定义书签。"),
        ("错误！未找到引用源。", "错误！未找到引用源。"),
        ("Error! Reference source not found.", "Error! Reference source not found."),
        ('HYPERLINK "https://xxgk.jlut.edu.cn"', 'HYPERLINK "'),
        ("PAGEREF _Toc123456 \\h", "PAGEREF _Toc123456"),
    ],
    ids=["bookmark", "undefined_bookmark", "missing_reference", "error_reference", "hyperlink", "pageref"],
)
def test_word_residue(check, residue, quote):
    r = check(base().replace("本学年无其他需要报告的事项。", f"本学年无其他需要报告的事项。{residue}"))
    f = fired(r, "conversion_artefact", severity="warning")
    assert f.quote == quote and f.part == "other"


@pytest.mark.parametrize("garbage", ["\ufffd", "ä¿¡æ¯å…¬å¼€", "锟斤拷"], ids=["fffd", "latin1", "kunjinkao"])
def test_mojibake(check, garbage):
    r = check(base().replace("修订《江澜", f"修订{garbage}《江澜"))
    f = fired(r, "conversion_artefact")
    assert "乱码" in f.message and f.quote in garbage


def test_extraction_artefacts_are_normalised_silently(check):
    """A Kangxi radical (⼀ for 一) and a "- 1 -" footer: fixed or ignored, never reported."""
    rep = base().heading("overview", "⼀、概述").add("problems", "学校网站设置超链接（hyperlink）导航。")
    rep.signoff_last = True
    rep.tail = ["- 1 -"]
    r = check(rep)
    assert "⼀" not in r.document.text and "一、概述" in r.document.text
    quiet(r, "conversion_artefact", severities=("error", "warning", "info"))
    assert serious(r) == []


# ---------------------------------------------------------------- personal_data


@pytest.mark.parametrize(
    ("addition", "quote", "severity"),
    [
        ("联系人：王老师，13812345678。", "13812345678", "error"),
        ("联系人手机：138-1234-5678。", "138-1234-5678", "error"),
        ("申请人身份证号码：11010519491231002X。", "11010519491231002X", "error"),
        ("申请人通过446057527@qq.com提交申请。", "446057527@qq.com", "error"),
        ("学校依申请公开邮箱为jlxxgk@163.com。", "jlxxgk@163.com", "warning"),
        ("申请人王明于2024年3月提出申请，学校已按时答复。", "申请人王明", "error"),
        ("举报人李四反映的问题已核实处理。", "举报人李四", "error"),
    ],
    ids=["mobile", "mobile_dashes", "id_card", "qq_mail", "free_mail", "applicant", "informant"],
)
def test_personal_data(check, addition, quote, severity):
    r = check(base().add("on_request", addition))
    f = fired(r, "personal_data", quote=quote, severity=severity)
    assert f.part == "on_request"


def test_free_mailbox_of_the_office_in_the_preamble_is_info(check):
    r = check(base().replace("电子邮箱：xxgk@jlut.edu.cn", "电子邮箱：jlxxgk@163.com"))
    quiet(r, "personal_data")
    assert fired(r, "personal_data", quote="jlxxgk@163.com", severity="info")


@pytest.mark.parametrize(
    "addition",
    [
        "学校党委书记张建国主持召开信息公开工作会议，副校长李红梅分管信息公开工作。",
        "经研究决定，任命赵强为党政办公室主任。",
        "申请人张某于2024年3月提出申请，申请人王某某的申请已按时答复。",
        "申请人均在15个工作日内得到答复，申请人对答复结果表示满意。",
        "学校统一社会信用代码为12330000470012345X，信息公开咨询电话0578-55550166。",
    ],
    ids=["leaders", "appointment", "anonymised", "applicant_word", "credit_code_landline"],
)
def test_personal_data_traps(check, addition):
    """Also in the base: the office's address, postcode, landline, fax and institutional e-mail."""
    r = check(base().add("overview", addition))
    quiet(r, "personal_data", severities=("error", "warning", "info"))
    assert serious(r) == []


# ---------------------------------------------------------------- wrong_citation


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("教办函〔2014〕23号", "教办厅函〔2014〕23号", "教办厅函〔2014〕23号"),
        ("教办函〔2014〕23号", "教办厅函[2014]23号", "教办厅函[2014]23号"),
        (
            PREAMBLE_BASIS,
            "根据《中华人民共和国政府信息公开条例》（国务院令第492号）、《高等学校信息公开办法》",
            "国务院令第492号",
        ),
        ("教育部令第29号", "教育部令第28号", "教育部令第28号"),
    ],
    ids=["ting_23", "ting_23_brackets", "tiaoli_492", "banfa_28"],
)
def test_wrong_citation(check, old, new, quote):
    r = check(base().replace(old, new))
    f = fired(r, "wrong_citation", quote=quote, severity="warning")
    assert f.start is not None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("教办函〔2014〕23号", "教办函[2014]23号"),
        ("教办函〔2014〕23号", "教办函（2014）23号"),
        ("教育部令第29号", "教育部第29号令"),
        (
            "要求，学校编制本年度报告",
            "和教办厅函〔2013〕48号、教办厅函〔2014〕55号、教办厅函〔2015〕48号、教办厅函〔2016〕74号、"
            "教办厅函〔2018〕80号、教办厅函〔2021〕37号要求，学校编制本年度报告",
        ),
        (
            PREAMBLE_BASIS,
            "根据《中华人民共和国政府信息公开条例》（国务院令第711号）、《高等学校信息公开办法》",
        ),
        (
            PREAMBLE_BASIS,
            "根据《中华人民共和国政府信息公开条例》（2007年国务院令第492号公布，2019年国务院令第711号修订）、"
            "《高等学校信息公开办法》",
        ),
    ],
    ids=["square_brackets", "round_brackets", "di29haoling", "real_notices", "tiaoli_711", "historical_492"],
)
def test_wrong_citation_traps(check, old, new):
    """Not a wrong citation; a 文号 in [] or （） is a wording slip (word_usage says 〔〕), nothing else."""
    r = check(base().replace(old, new))
    quiet(r, "wrong_citation")
    assert [f for f in serious(r) if f.rule != "word_usage"] == []
    if "[" in new or "（2014）" in new:
        assert any(f.rule == "word_usage" and "〔〕" in f.message for f in serious(r))
