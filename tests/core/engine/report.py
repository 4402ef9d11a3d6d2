"""Compose a realistic annual report (高校信息公开工作年度报告) from parts and inject one defect at a time.

``base()`` is a clean, complete report of a fictional school: title, preamble with the office's
contacts and the statistical period, the eight body parts, the 落款 (name and a date before 10-31)
and a 50-row 清单 annex written as Markdown pipe rows (the TXT loader turns them into a table).
Every value the engine should read from it is a module constant, so tests can assert on them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from xxgk_desk.core.pipeline import Analysis, check

SCHOOL = "江澜理工学院"
TITLE = f"{SCHOOL}2023—2024学年信息公开工作年度报告"
PERIOD = "2023年9月1日至2024年8月31日"
REPORT_DATE = "2024年10月28日"
DOMAIN = "xxgk.jlut.edu.cn"

ACTIVE_TOTAL = 1286
RECEIVED = 5
SATISFACTION = 97.5

# The 50 清单 items as schools usually word them (category shown on the first row of each category).
CHECKLIST_ROWS: list[tuple[str, str]] = [
    ("基本信息", "办学规模、校级领导班子简介及分工、学校机构设置等办学基本情况"),
    ("", "学校章程及制定的各项规章制度"),
    ("", "教职工代表大会相关制度、工作报告"),
    ("", "学术委员会相关制度、年度报告"),
    ("", "学校发展规划、年度工作计划及重点工作安排"),
    ("", "信息公开年度报告"),
    ("招生考试信息", "招生章程及特殊类型招生办法，分批次、分科类招生计划"),
    ("", "保送、高水平运动员等特殊类型招生入选考生资格及测试结果"),
    ("", "考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分"),
    ("", "招生咨询及考生申诉渠道，新生复查期间有关举报、调查及处理结果"),
    ("", "研究生招生简章、招生专业目录、复试录取办法"),
    ("", "参加研究生复试的考生成绩"),
    ("", "拟录取研究生名单"),
    ("", "研究生招生咨询及申诉渠道"),
    ("财务、资产及收费信息", "财务、资产管理制度"),
    ("", "受捐赠财产的使用与管理情况"),
    ("", "校办企业资产、负债、国有资产保值增值等信息"),
    ("", "仪器设备、图书、药品等物资设备采购和重大基建工程的招投标"),
    ("", "收支预算总表、收入预算表、支出预算表、财政拨款支出预算表"),
    ("", "收支决算总表、收入决算表、支出决算表、财政拨款支出决算表"),
    ("", "收费项目、收费依据、收费标准及投诉方式"),
    ("人事师资信息", "校级领导干部社会兼职情况"),
    ("", "校级领导干部因公出国（境）情况"),
    ("", "岗位设置管理与聘用办法"),
    ("", "校内中层干部任免、人员招聘信息"),
    ("", "教职工争议解决办法"),
    ("教学质量信息", "本科生占全日制在校生总数的比例、教师数量及结构"),
    ("", "专业设置、当年新增专业、停招专业名单"),
    ("", "全校开设课程总门数、实践教学学分占总学分比例"),
    ("", "主讲本科课程的教授占教授总数的比例、教授授课占课程总门次数的比例"),
    ("", "促进毕业生就业的政策措施和指导服务"),
    ("", "毕业生的规模、结构、就业率、就业流向"),
    ("", "高校毕业生就业质量年度报告"),
    ("", "本科教学质量报告"),
    ("", "艺术教育发展年度报告"),
    ("学生管理服务信息", "学籍管理办法"),
    ("", "学生奖学金、助学金、学费减免、助学贷款、勤工俭学的申请与管理规定"),
    ("", "学生奖励处罚办法"),
    ("", "学生申诉办法"),
    ("学风建设信息", "学风建设机构"),
    ("", "学术规范制度"),
    ("", "学术不端行为查处机制"),
    ("学位、学科信息", "授予博士、硕士、学士学位的基本要求"),
    ("", "拟授予硕士、博士学位同等学力人员资格审查和学力水平认定"),
    ("", "新增硕士、博士学位授权学科或专业学位授权点审核办法"),
    ("", "拟新增学位授权学科或专业学位授权点的申报及论证材料"),
    ("对外交流与合作信息", "中外合作办学情况"),
    ("", "来华留学生管理相关规定"),
    ("其他", "巡视组反馈意见，落实反馈意见整改情况"),
    ("", "自然灾害等突发事件的应急处理预案、预警信息和处置情况"),
]
assert len(CHECKLIST_ROWS) == 50

ANNEX_HEADER = ["序号", "类别", "公开事项", "公开情况", "网址链接"]


def link(no: int) -> str:
    return f"https://{DOMAIN}/qd/{no:02d}.htm"


def annex_rows() -> list[list[str]]:
    return [[str(i), cat, item, "已公开", link(i)] for i, (cat, item) in enumerate(CHECKLIST_ROWS, start=1)]


def _parts() -> dict[str, tuple[str, list[str]]]:
    return {
        "overview": (
            "一、概述",
            [
                "本学年，学校坚持“以公开为常态、不公开为例外”，把信息公开作为推进依法治校的重要抓手。"
                "学校信息公开工作领导小组召开专题会议两次，修订《江澜理工学院信息公开实施细则》，"
                "将信息公开纳入二级单位年度目标考核；举办信息公开业务培训一次，覆盖各单位信息员四十余人。",
            ],
        ),
        "active": (
            "二、主动公开情况",
            [
                f"本学年，学校通过信息公开网、门户网站、微信公众号等渠道共发布信息{ACTIVE_TOTAL}条，"
                "其中信息公开网发布412条、门户网站发布586条、微信公众号发布288条。",
                "学校对照《高等学校信息公开事项清单》逐项落实，招生、财务等重点领域信息均在规定时限内公开，"
                "各项的栏目链接见附表。",
            ],
        ),
        "on_request": (
            "三、依申请公开和不予公开情况",
            [
                f"本学年，学校共受理信息公开申请{RECEIVED}件，其中予以公开3件，部分公开1件，不予公开1件，"
                "均在15个工作日内予以答复。",
                "不予公开的1件申请涉及个人隐私，学校已书面告知申请人理由。学校办理依申请公开事项未收取任何费用。",
            ],
        ),
        "evaluation": (
            "四、对信息公开的评议情况",
            [
                "学校面向师生员工开展信息公开网上测评，回收有效问卷1218份；"
                "同时通过信息公开网意见箱和招生咨询会征求社会公众意见。"
                f"师生员工和社会公众对学校信息公开工作的满意度为{SATISFACTION}%。",
            ],
        ),
        "complaints": (
            "五、因学校信息公开工作受到举报、复议、诉讼的情况",
            ["本学年，学校未收到因信息公开工作引起的举报，未发生行政复议和行政诉讼。"],
        ),
        "practices": (
            "六、信息公开工作的新做法新举措",
            [
                "学校建立清单责任台账，将清单事项分解到各责任部门，明确更新时限，每季度通报一次更新情况；"
                "开设“政策解读”栏目，对学费调整、奖助学金评定等师生关注事项同步发布解读材料。",
            ],
        ),
        "problems": (
            "七、存在的主要问题及改进措施",
            [
                "个别部门信息更新不够及时，公开信息的可读性有待提高。"
                "学校将加强对二级单位的督查通报，完善信息发布审核流程，加大图解等解读形式的运用。",
            ],
        ),
        "other": ("八、其他需要报告的事项", ["本学年无其他需要报告的事项。"]),
    }


PART_KEYS = ("overview", "active", "on_request", "evaluation", "complaints", "practices", "problems", "other")


@dataclass
class Report:
    """A report under construction. Mutators return ``self`` so defects chain."""

    title: list[str] = field(default_factory=lambda: [TITLE])
    preamble: list[str] = field(
        default_factory=lambda: [
            "根据《高等学校信息公开办法》（教育部令第29号）和《教育部关于公布〈高等学校信息公开事项清单〉的通知》"
            "（教办函〔2014〕23号）要求，学校编制本年度报告。"
            f"本报告所列数据的统计期限为{PERIOD}。"
            f"如对本报告有疑问，请联系{SCHOOL}党政办公室（地址：浙江省江澜市学府路88号；邮编：323001；"
            f"电话：0578-55550166；传真：0578-55550168；电子邮箱：xxgk@jlut.edu.cn）。"
        ]
    )
    parts: dict[str, tuple[str, list[str]]] = field(default_factory=_parts)
    signoff: list[str] = field(default_factory=lambda: [SCHOOL, REPORT_DATE])
    annex_title: str | None = f"附表：{SCHOOL}清单事项公开情况表"
    annex_header: list[str] = field(default_factory=lambda: list(ANNEX_HEADER))
    rows: list[list[str]] = field(default_factory=annex_rows)
    signoff_last: bool = False  # False: 落款 before the annex (common); True: after it
    tail: list[str] = field(default_factory=list)  # lines after everything (footers, residue)
    end_newline: bool = True

    def copy(self) -> Report:
        return copy.deepcopy(self)

    # -- structural defects -------------------------------------------------------------
    def drop(self, key: str) -> Report:
        del self.parts[key]
        return self

    def heading(self, key: str, new: str) -> Report:
        self.parts[key] = (new, self.parts[key][1])
        return self

    def body(self, key: str, *paragraphs: str) -> Report:
        """Replace the paragraphs of a part."""
        self.parts[key] = (self.parts[key][0], list(paragraphs))
        return self

    def add(self, key: str, paragraph: str) -> Report:
        """Append a paragraph to a part."""
        self.parts[key][1].append(paragraph)
        return self

    def order(self, *keys: str) -> Report:
        """Put the named parts first, in this order (the rest keep theirs)."""
        self.parts = {k: self.parts[k] for k in keys} | {k: v for k, v in self.parts.items() if k not in keys}
        return self

    def no_annex(self) -> Report:
        self.annex_title = None
        self.rows = []
        return self

    # -- textual defects ----------------------------------------------------------------
    def replace(self, old: str, new: str) -> Report:
        """Replace ``old`` (which must occur) in the title, preamble, parts, sign-off and tail."""
        hits = 0

        def sub(s: str) -> str:
            nonlocal hits
            hits += s.count(old)
            return s.replace(old, new)

        self.title = [sub(s) for s in self.title]
        self.preamble = [sub(s) for s in self.preamble]
        self.parts = {k: (sub(h), [sub(p) for p in ps]) for k, (h, ps) in self.parts.items()}
        self.signoff = [sub(s) for s in self.signoff]
        self.tail = [sub(s) for s in self.tail]
        assert hits, f"{old!r} is not in the report"
        return self

    # -- output -------------------------------------------------------------------------
    def annex_lines(self) -> list[str]:
        if self.annex_title is None and not self.rows:
            return []
        lines = [self.annex_title] if self.annex_title else []
        if self.rows:
            lines.append(pipe(self.annex_header))
            lines.append(pipe(["---"] * len(self.annex_header)))
            lines += [pipe(r) for r in self.rows]
        return lines

    def text(self) -> str:
        lines = list(self.title) + [""] + list(self.preamble) + [""]
        for head, paras in self.parts.values():
            lines += [head, *paras, ""]
        annex = self.annex_lines()
        if self.signoff_last:
            lines += [*annex, "", *self.signoff]
        else:
            lines += [*self.signoff, "", *annex]
        lines += self.tail
        out = "\n".join(lines).rstrip("\n")
        return out + ("\n" if self.end_newline else "")


def pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def base() -> Report:
    return Report()


def run(tmp_path: Path, report: Report | str, name: str = "report.txt") -> Analysis:
    """Check the report text with the whole pipeline; also assert the evidence invariants."""
    text = report if isinstance(report, str) else report.text()
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.ok, result.error
    assert_evidence(result)
    return result


def assert_evidence(result: Analysis) -> None:
    """Every quote equals the text between its offsets; document-level findings have null offsets."""
    text = result.document.text
    extra = result.extra
    for key, f in extra["fields"].items():
        if f["quote"] is not None:
            assert text[f["start"] : f["end"]] == f["quote"], key
        else:
            assert f["start"] is None and f["end"] is None, key
    for f in extra["findings"]:
        if f["start"] is None:
            assert f["end"] is None and f["quote"] is None, f
        else:
            assert text[f["start"] : f["end"]] == f["quote"], f
    for s in extra["sum_checks"]:
        assert text[s["start"] : s["end"]] == s["quote"], s
    for g in extra["figures"]:
        assert text[g["start"] : g["end"]] == g["quote"], g


def findings(result: Analysis, rule: str | None = None, severities=("error", "warning", "info")) -> list:
    return [
        f for f in result.review.findings if (rule is None or f.rule == rule) and f.severity in severities
    ]


def serious(result: Analysis) -> list:
    """Error and warning findings (what a clean report must not have)."""
    return findings(result, severities=("error", "warning"))


def fired(result: Analysis, rule: str, quote: str | None = None, severity: str | None = None):
    """The finding of ``rule`` (whose quote contains ``quote``, if given); fails when there is none."""
    hits = [
        f
        for f in findings(result, rule)
        if (quote is None or (f.quote is not None and quote in f.quote))
        and (severity is None or f.severity == severity)
    ]
    assert hits, (
        f"{rule} {quote!r} not found; got {[(f.rule, f.severity, f.quote) for f in result.review.findings]}"
    )
    return hits[0]


def quiet(result: Analysis, rule: str, severities=("error", "warning")) -> None:
    hits = findings(result, rule, severities)
    assert not hits, f"unexpected {rule}: {[(f.severity, f.quote, f.message) for f in hits]}"


def status(result: Analysis, key: str) -> str:
    return next(p.status for p in result.review.standard_parts if p.key == key)
