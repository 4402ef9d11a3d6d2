#!/usr/bin/env python3
"""Build the project's sample report: resources/samples/sample-report.docx and .pdf.

The report belongs to a fictional university, 楚澜理工学院 (名称、地址、电话、邮箱、网址 are all invented). It is a
complete 2023—2024学年 report laid out like real ones, with a few deliberate defects for the review tool to find
(see resources/samples/sample-report.truth.json):

* a sum claim that does not add up (共受理…12件，其中 7 + 2 + 2);
* a template placeholder (“XX处”);
* a wrong citation (教办厅函〔2014〕23号 for 教办函〔2014〕23号);
* an empty 网址链接 cell in the 清单 annex (item 16).

Usage:  python tools/make_sample.py [--no-pdf] [--out DIR]

The DOCX is byte-for-byte reproducible (fixed core properties and zip timestamps). The PDF is produced with
``soffice --headless --convert-to pdf`` under a throw-away user profile; only its timestamps vary between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from xxgk_desk.core.soffice import ConversionError, find_soffice, run_conversion

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "samples"
STEM = "sample-report"
FIXED_TIME = dt.datetime(2024, 10, 28, 9, 0, 0)

SCHOOL = "楚澜理工学院"
SITE = "https://xxgk.chulanit.edu.cn"
BODY_FONT = "仿宋"
HEAD_FONT = "黑体"
LATIN_FONT = "Times New Roman"

# --------------------------------------------------------------------------------------------------------------
# Content. Block kinds: title, p (body, first-line indent), h1, h2, sign (right-aligned 落款), break (page break).

CONTENT: list[tuple[str, str]] = [
    ("title", SCHOOL),
    ("title", "2023—2024学年信息公开工作年度报告"),
    (
        "p",
        "根据《高等学校信息公开办法》（教育部令第29号）、《教育部关于公布〈高等学校信息公开事项清单〉的通知》"
        "（教办厅函〔2014〕23号）和湖北省教育厅办公室关于做好2024年高校信息公开年度报告工作的通知要求，学校编制了"
        "《楚澜理工学院2023—2024学年信息公开工作年度报告》。",
    ),
    (
        "p",
        "本报告由概述、主动公开情况、依申请公开和不予公开情况、对信息公开的评议情况、因学校信息公开工作受到举报、"
        "复议、诉讼的情况、信息公开工作的新做法新举措、存在的主要问题及改进措施、其他需要报告的事项和附表组成。"
        "本报告中所列数据的统计期限为2023年9月1日至2024年8月31日。本报告的电子版可在楚澜理工学院信息公开网"
        f"（{SITE}）查阅和下载。",
    ),
    (
        "p",
        "如对本报告有任何疑问，请与楚澜理工学院党政办公室（信息公开办公室）联系。地址：湖北省武汉市江夏区澜湖大道188号；"
        "邮编：430399；办公电话：027-55550128；电子邮箱：xxgk@chulanit.edu.cn。",
    ),
    ("h1", "一、概述"),
    (
        "p",
        "2023—2024学年，学校以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实《高等学校信息"
        "公开办法》和《高等学校信息公开事项清单》各项要求，坚持“以公开为常态、不公开为例外”，把信息公开作为推进依法"
        "治校、完善现代大学制度的重要抓手，不断健全工作机制、拓展公开渠道、提升公开质量，切实保障师生员工和社会公众的"
        "知情权、参与权和监督权。",
    ),
    ("h2", "（一）健全工作机制，压实公开责任"),
    (
        "p",
        "学校信息公开工作领导小组由校长任组长，分管副校长任副组长，党政办公室、XX处、党委宣传部、教务处、招生就业处、"
        "财务处、人事处、研究生院等部门主要负责人为成员。领导小组办公室设在党政办公室，配备专职工作人员2名；各二级单位"
        "确定信息公开联络员1名，全校共有联络员46名。本学年，领导小组召开专题会议3次，研究部署清单事项落实、重点领域"
        "信息公开和年度报告编制等工作。",
    ),
    ("h2", "（二）完善制度体系，规范公开流程"),
    (
        "p",
        "学校修订《楚澜理工学院信息公开实施办法》，制定《楚澜理工学院信息公开保密审查办法》，明确“先审查、后公开”和"
        "“谁公开、谁审查、谁负责”的原则，规范信息采集、审核、发布、更新和归档流程。对照清单事项逐项明确责任部门、"
        "公开方式和更新时限，确保信息在制作完成或获取后20个工作日内公开。",
    ),
    ("h2", "（三）加强宣传培训，提升业务能力"),
    (
        "p",
        "学校将信息公开纳入新入职教职工培训和中层干部培训内容，本学年举办信息公开专题培训2场，参训人员150余人次；"
        "编印《信息公开工作手册》，通过案例讲解提升联络员的政策把握和信息发布能力。",
    ),
    ("h2", "（四）强化监督考核，推动工作落实"),
    (
        "p",
        "学校将信息公开工作纳入部门年度目标考核，党政办公室会同纪委办公室开展信息公开专项检查2次，发现栏目空缺、"
        "内容过期、链接失效等问题17个，已全部完成整改。",
    ),
    ("h1", "二、主动公开情况"),
    ("h2", "（一）主动公开的主要内容"),
    (
        "p",
        "学校对照《高等学校信息公开事项清单》10类50项内容逐项落实，在信息公开网设置基本信息、招生考试信息、财务资产及"
        "收费信息、人事师资信息、教学质量信息、学生管理服务信息、学风建设信息、学位学科信息、对外交流与合作信息和其他"
        "信息等栏目。除学校未开展的中外合作办学和同等学力人员申请学位2项外，其余清单事项均已公开，逐项公开情况及栏目"
        "链接见附表。",
    ),
    ("h2", "（二）主动公开的数量和渠道"),
    (
        "p",
        "本学年，学校共主动公开各类信息2186条，其中信息公开网发布634条，门户网站发布新闻及通知公告1052条，官方微信"
        "公众号推送500条。此外，官方微博同步发布信息312条，官方视频号发布短视频86条，《楚澜理工学院报》出版24期，"
        "学校召开新闻发布会2场，通过教职工代表大会、学生代表大会、情况通报会等形式向师生员工通报学校重要工作。",
    ),
    ("h2", "（三）重点领域信息公开情况"),
    (
        "p",
        "招生信息方面，学校在招生信息网公开2024年本科招生章程和分省分专业招生计划，本科计划招生4260人；及时公布各"
        "批次录取人数和录取最低分，公开招生咨询及考生申诉渠道。研究生招生简章、招生专业目录、复试录取办法、复试考生"
        "成绩和拟录取名单均在研究生院网站公开，2024年拟录取硕士研究生386人。",
    ),
    (
        "p",
        "财务信息方面，学校于2024年3月公开2024年部门预算，于2024年8月公开2023年部门决算，公开学费、住宿费等收费项目、"
        "收费依据、收费标准及投诉方式。物资设备采购和基建工程招投标信息在“阳光采购”栏目公开，本学年共公开招标公告和"
        "中标结果138条。",
    ),
    (
        "p",
        "人事信息方面，学校公开岗位设置管理与聘用办法、中层干部任免和人员招聘信息，本学年发布招聘公告12条、拟聘用"
        "人员公示15批次。",
    ),
    ("h1", "三、依申请公开和不予公开情况"),
    ("h2", "（一）依申请公开情况"),
    (
        "p",
        "本学年，学校共受理信息公开申请12件，其中予以公开7件、部分公开2件、不予公开2件。12件申请均在15个工作日内"
        "予以答复，无逾期答复情况。申请内容主要涉及招生录取、收费标准、毕业证书补办和科研项目经费使用等方面。",
    ),
    ("h2", "（二）不予公开情况"),
    (
        "p",
        "不予公开的2件申请中，1件申请公开其他考生的考试成绩及个人信息，涉及第三方个人隐私；1件申请公开学校内部会议的"
        "讨论记录，属于内部管理过程信息。学校依法不予公开，并书面告知申请人不予公开的理由和救济途径。",
    ),
    ("h2", "（三）依申请公开的收费及减免情况"),
    ("p", "学校在办理依申请公开事项过程中未收取任何费用，不涉及费用减免。"),
    ("h1", "四、对信息公开的评议情况"),
    ("h2", "（一）师生员工评议情况"),
    (
        "p",
        "2024年6月，学校通过网上问卷开展信息公开工作评议，向师生员工发放问卷2000份，回收有效问卷1864份。师生员工对"
        "学校信息公开工作的满意度为96.8%，对招生、财务、人事等重点领域信息公开的评价较高，同时建议进一步提高部分"
        "二级单位网站的更新频率。",
    ),
    ("h2", "（二）社会公众评议情况"),
    (
        "p",
        "学校通过信息公开网“意见箱”、校园开放日和招生咨询会征求社会公众意见，收回社会公众评议表426份，社会公众满意度"
        "为94.2%。考生及家长对招生信息公开的及时性和完整性评价较好。",
    ),
    ("h1", "五、因学校信息公开工作受到举报、复议、诉讼的情况"),
    (
        "p",
        "本学年，学校未收到因信息公开工作引起的举报，未发生因信息公开工作引起的行政复议和行政诉讼，举报、行政复议、"
        "行政诉讼数量均为0件。",
    ),
    ("h1", "六、信息公开工作的新做法新举措"),
    ("h2", "（一）建立清单事项“一项一档”"),
    (
        "p",
        "学校为每项清单事项建立电子档案，记录责任部门、公开依据、发布时间和更新记录，实现清单事项公开情况可查询、可追溯。",
    ),
    ("h2", "（二）推行政策解读同步发布"),
    (
        "p",
        "对学费调整、奖助学金评定、职称评审等师生关注度高的事项，坚持政策文件与解读材料同步起草、同步审核、同步发布，"
        "本学年发布图解、问答等解读材料21篇。",
    ),
    ("h2", "（三）开通移动端信息公开入口"),
    (
        "p",
        "学校在官方微信公众号开通“信息公开”菜单，师生员工和社会公众可通过手机直接查阅清单事项和依申请公开指南。",
    ),
    ("h1", "七、存在的主要问题及改进措施"),
    ("h2", "（一）存在的主要问题"),
    (
        "p",
        "本学年学校信息公开工作取得了新的进展，但仍存在一些不足：一是个别二级单位对信息公开工作重视不够，栏目更新不够"
        "及时；二是部分公开信息的可读性不强，政策解读形式还不够丰富；三是信息公开网与部门网站之间的数据共享还不够顺畅。",
    ),
    ("h2", "（二）改进措施"),
    ("p", "1.健全动态更新机制。建立清单事项月度巡查和季度通报制度，对更新不及时的单位进行督办。"),
    ("p", "2.提升信息公开质量。推广图解、短视频等解读形式，提高公开信息的可读性和实用性。"),
    (
        "p",
        "3.推进平台整合。推动信息公开网与各部门网站、办事服务平台的数据对接，实现信息“一次发布、多端同步”。",
    ),
    ("h1", "八、其他需要报告的事项"),
    ("p", "本学年，学校无其他需要报告的事项。"),
    ("sign", SCHOOL),
    ("sign", "2024年10月28日"),
    ("break", ""),
    ("h1", "附表：楚澜理工学院清单事项公开情况表"),
]

CATEGORIES = [
    "基本信息",
    "招生考试信息",
    "财务、资产及收费信息",
    "人事师资信息",
    "教学质量信息",
    "学生管理服务信息",
    "学风建设信息",
    "学位、学科信息",
    "对外交流与合作信息",
    "其他",
]
CATEGORY_SIZES = [6, 8, 7, 5, 9, 4, 3, 4, 2, 2]
ITEMS = [
    "办学规模、校级领导班子简介及分工、学校机构设置、学科情况、专业情况、各类在校生情况、教师和专业技术人员数量等办学基本情况",
    "学校章程及制定的各项规章制度",
    "教职工代表大会相关制度、工作报告",
    "学术委员会相关制度、年度报告",
    "学校发展规划、年度工作计划及重点工作安排",
    "信息公开年度报告",
    "招生章程及特殊类型招生办法，分批次、分科类招生计划",
    "保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格及测试结果",
    "考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分",
    "招生咨询及考生申诉渠道，新生复查期间有关举报、调查及处理结果",
    "研究生招生简章、招生专业目录、复试录取办法，各院（系、所）或学科、专业招收研究生人数",
    "参加研究生复试的考生成绩",
    "拟录取研究生名单",
    "研究生招生咨询及申诉渠道",
    "财务、资产管理制度",
    "受捐赠财产的使用与管理情况",
    "校办企业资产、负债、国有资产保值增值等信息",
    "仪器设备、图书、药品等物资设备采购和重大基建工程的招投标",
    "收支预算总表、收入预算表、支出预算表、财政拨款支出预算表",
    "收支决算总表、收入决算表、支出决算表、财政拨款支出决算表",
    "收费项目、收费依据、收费标准及投诉方式",
    "校级领导干部社会兼职情况",
    "校级领导干部因公出国（境）情况",
    "岗位设置管理与聘用办法",
    "校内中层干部任免、人员招聘信息",
    "教职工争议解决办法",
    "本科生占全日制在校生总数的比例、教师数量及结构",
    "专业设置、当年新增专业、停招专业名单",
    "全校开设课程总门数、实践教学学分占总学分比例、选修课学分占总学分比例",
    "主讲本科课程的教授占教授总数的比例、教授授课占课程总门次数的比例",
    "促进毕业生就业的政策措施和指导服务",
    "毕业生的规模、结构、就业率、就业流向",
    "高校毕业生就业质量年度报告",
    "本科教学质量报告",
    "艺术教育发展年度报告",
    "学籍管理办法",
    "学生奖学金、助学金、学费减免、助学贷款、勤工俭学的申请与管理规定",
    "学生奖励处罚办法",
    "学生申诉办法",
    "学风建设机构",
    "学术规范制度",
    "学术不端行为查处机制",
    "授予博士、硕士、学士学位的基本要求",
    "拟授予硕士、博士学位同等学力人员资格审查和学力水平认定",
    "新增硕士、博士学位授权学科或专业学位授权点审核办法",
    "拟新增学位授权学科或专业学位授权点的申报及论证材料",
    "中外合作办学情况",
    "来华留学生管理相关规定",
    "巡视组反馈意见，落实反馈意见整改情况",
    "自然灾害等突发事件的应急处理预案、预警信息和处置情况，涉及学校的重大事件的调查和处理情况",
]
NOT_APPLICABLE = {
    44: "不适用（学校尚未开展同等学力人员申请硕士学位工作）",
    47: "不适用（学校未开展中外合作办学项目）",
}
EMPTY_LINK = {16}  # deliberate defect: 公开情况 says 已公开 but the link cell is empty
COLUMNS = ["序号", "类别", "公开事项", "公开情况", "网址链接"]
COLUMN_WIDTHS = [Cm(1.1), Cm(2.2), Cm(5.6), Cm(2.3), Cm(4.4)]


def link_for(n: int) -> str:
    """A fictional but plausible column link for item n."""
    if 7 <= n <= 10:
        return f"https://zsb.chulanit.edu.cn/info/1021/{3100 + n}.htm"
    if 11 <= n <= 14:
        return f"https://yjsy.chulanit.edu.cn/info/1035/{2200 + n}.htm"
    if n in (19, 20):
        return f"https://cwc.chulanit.edu.cn/info/1008/{1500 + n}.htm"
    column = 1010 + next(i for i, end in enumerate(_ends()) if n <= end)
    return f"{SITE}/info/{column}/{1800 + n * 7}.htm"


def _ends() -> list[int]:
    ends, total = [], 0
    for size in CATEGORY_SIZES:
        total += size
        ends.append(total)
    return ends


def annex_rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    cat_of = [c for c, size in zip(CATEGORIES, CATEGORY_SIZES, strict=True) for _ in range(size)]
    for n, item in enumerate(ITEMS, 1):
        if n in NOT_APPLICABLE:
            status, link = NOT_APPLICABLE[n], "—"
        else:
            status, link = "已公开", ("" if n in EMPTY_LINK else link_for(n))
        rows.append((str(n), cat_of[n - 1], item, status, link))
    return rows


# --------------------------------------------------------------------------------------------------------------
# Formatting helpers


def set_run_fonts(rpr_parent, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Set explicit ascii/hAnsi/eastAsia fonts on a style or run, dropping theme-font attributes."""
    rpr = rpr_parent.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:cs"), latin)


def style_fonts(style, east_asian: str, size: float, bold: bool = False) -> None:
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_run_fonts(style.element, east_asian)
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)


def setup_styles(doc: Document) -> None:
    normal = doc.styles["Normal"]
    style_fonts(normal, BODY_FONT, 16)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(28)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.widow_control = True

    title = doc.styles["Title"]
    style_fonts(title, HEAD_FONT, 22)
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(0)
    title.font.spacing = Pt(0)

    for name, size, before, after in (("Heading 1", 16, 12, 0), ("Heading 2", 16, 0, 0)):
        st = doc.styles[name]
        style_fonts(st, HEAD_FONT, size)
        f = st.paragraph_format
        f.first_line_indent = Pt(32)
        f.space_before = Pt(before)
        f.space_after = Pt(after)
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(28)
        f.keep_with_next = True


def setup_page(doc: Document) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(2.5)
    # centred page number "- N -"
    para = sec.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("- ")
    run = para.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    para.add_run(" -")
    for r in para.runs:
        r.font.size = Pt(14)
        set_run_fonts(r._r, "宋体")


def add_body(doc: Document, text: str) -> None:
    p = doc.add_paragraph(text, style="Normal")
    p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def cell_text(
    cell, text: str, *, bold: bool = False, font: str = BODY_FONT, size: float = 10.5, center: bool = False
) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        set_run_fonts(run._r, font)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def add_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tblpr.append(borders)


def add_annex_table(doc: Document) -> None:
    rows = annex_rows()
    table = doc.add_table(rows=1 + len(rows), cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    add_borders(table)
    header = table.rows[0]
    trpr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    for i, name in enumerate(COLUMNS):
        cell_text(header.cells[i], name, bold=True, font=HEAD_FONT, size=11, center=True)
    for r, row in enumerate(rows, 1):
        cells = table.rows[r].cells
        for c, value in enumerate(row):
            if c == 1:
                continue  # category column is filled when merging below
            cell_text(
                cells[c],
                value,
                center=(c in (0, 3) and value == "已公开") or c == 0,
                size=9 if c == 4 else 10.5,
            )
    # merge the category column over each category's rows
    start = 1
    for cat, size in zip(CATEGORIES, CATEGORY_SIZES, strict=True):
        top = table.cell(start, 1)
        if size > 1:
            top = top.merge(table.cell(start + size - 1, 1))
        for p in top.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        cell_text(top, cat, center=True)
        start += size
    for c, width in enumerate(COLUMN_WIDTHS):
        table.columns[c].width = width  # w:gridCol, which LibreOffice uses
        for row in table.rows:
            row.cells[c].width = width  # w:tcW, which Word uses


def build_docx() -> bytes:
    doc = Document()
    setup_styles(doc)
    setup_page(doc)
    # python-docx starts with one empty paragraph in some templates; the default has none, keep it that way
    for kind, text in CONTENT:
        if kind == "title":
            doc.add_paragraph(text, style="Title")
        elif kind == "h1":
            doc.add_paragraph(text, style="Heading 1")
        elif kind == "h2":
            doc.add_paragraph(text, style="Heading 2")
        elif kind == "p":
            add_body(doc, text)
        elif kind == "sign":
            p = doc.add_paragraph(text, style="Normal")
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.right_indent = Pt(32)
            if text == SCHOOL:
                p.paragraph_format.space_before = Pt(28)
        elif kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(kind)
    add_annex_table(doc)

    cp = doc.core_properties
    cp.title = f"{SCHOOL}2023—2024学年信息公开工作年度报告"
    cp.author = f"{SCHOOL}党政办公室"
    cp.last_modified_by = f"{SCHOOL}党政办公室"
    cp.subject = "信息公开工作年度报告（示例，虚构学校）"
    cp.keywords = "信息公开; 年度报告; 示例"
    cp.comments = "Fictional sample generated by tools/make_sample.py"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps so that the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def convert_to_pdf(docx_path: Path, pdf_path: Path) -> None:
    soffice = find_soffice()
    if not soffice:
        raise SystemExit("soffice (LibreOffice) not found; rerun with --no-pdf to build the DOCX only")
    outdir = Path(tempfile.mkdtemp(prefix="xxgk-sample-pdf-"))
    try:
        try:
            produced = run_conversion(soffice, docx_path, "pdf", outdir, 180)
        except ConversionError as e:
            raise SystemExit(f"PDF conversion failed: {e.code} {e.detail}") from None
        if produced is None:
            raise SystemExit("PDF conversion failed: LibreOffice wrote no PDF")
        shutil.move(str(produced), pdf_path)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default resources/samples)")
    ap.add_argument("--no-pdf", action="store_true", help="build the DOCX only")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    docx_path = args.out / f"{STEM}.docx"
    docx_path.write_bytes(build_docx())
    print(f"wrote {docx_path}")
    if not args.no_pdf:
        pdf_path = args.out / f"{STEM}.pdf"
        convert_to_pdf(docx_path, pdf_path)
        print(f"wrote {pdf_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
