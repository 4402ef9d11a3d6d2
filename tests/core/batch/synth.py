"""Synthetic annual reports for the batch tests: a few seconds of variety without real files.

``report(...)`` returns the text of a plausible report; ``variant`` picks different wording per
section so two years can share (boilerplate) or differ in any section; ``parts`` leaves some of
the nine standard parts out; ``items`` lists the 清单 item numbers the annex table covers.
"""

from __future__ import annotations

from pathlib import Path

from xxgk_desk.core.rules import load_rules

HEADINGS = {
    "overview": "一、概述",
    "active": "二、主动公开情况",
    "on_request": "三、依申请公开和不予公开情况",
    "evaluation": "四、对信息公开的评议情况",
    "complaints": "五、因学校信息公开工作受到举报、复议、诉讼的情况",
    "practices": "六、新做法新举措或主要经验",
    "problems": "七、存在的主要问题及改进措施",
    "other": "八、其他需要报告的事项",
}
ALL_PARTS = (*HEADINGS, "annex")

_OVERVIEW = [
    "学校高度重视信息公开工作，成立了由校长任组长的信息公开工作领导小组，统筹推进各项工作。领导小组下设办公室，"
    "设在党政办公室，负责日常工作。学校修订了信息公开实施细则，明确了各部门的公开职责和工作流程，"
    "把信息公开纳入年度考核，定期开展督查，确保公开内容真实、准确、及时。",
    "本学年，学校以建设现代大学制度为目标，把信息公开嵌入学校治理的各个环节。新的校务公开平台上线后，"
    "各学院和职能部门按照统一目录发布信息，师生可以按主题检索。学校还组织了两轮专题培训，"
    "覆盖全部信息员，并邀请省内专家讲解个人信息保护的要求。",
    "面对办学规模扩大带来的新情况，学校重新梳理了公开事项目录，删去已过时的栏目，增加了校园安全、"
    "后勤服务和科研诚信等内容。学校纪委对招生、财务、基建三类重点领域的公开情况进行了专项检查，"
    "发现问题当场反馈并限期整改，整改结果在校内公布。",
]
_ACTIVE = [
    "学校通过门户网站、信息公开专栏、微信公众号和校报等渠道主动公开信息。本学年共主动公开信息{active}条，"
    "涵盖学校基本情况、招生考试、财务资产、人事师资、教学质量、学生管理等方面。",
    "本学年学校主动公开各类信息{active}条，其中通过信息公开专栏发布的占大多数，其余通过官方微博、"
    "微信公众号和视频号发布，重要事项同时在校报刊登，方便不同群体获取。",
    "主动公开方面，学校全年发布信息{active}条，比上一学年有所增加；招生、收费、财务预决算等社会关注度高的"
    "信息均在规定时限内公开，并配发政策解读，回应师生和社会关切。",
]
_ON_REQUEST = [
    "本学年学校共受理信息公开申请{received}件，已全部按期答复{answered}件，其中不予公开{withheld}件，"
    "均依法说明了理由并告知救济途径。",
    "本学年收到依申请公开申请{received}件，答复{answered}件，不予公开{withheld}件；申请主要涉及招生录取、"
    "毕业生就业和收费标准。",
    "依申请公开方面，学校本学年受理申请{received}件，答复{answered}件，不予公开{withheld}件，"
    "答复均在法定期限内完成，未收取任何费用。",
]
_EVALUATION = [
    "学校通过问卷和座谈会听取师生员工的意见，满意度较高；社会公众通过留言板和热线电话反映的意见均已办理回复。",
    "本学年开展信息公开工作评议，师生员工和社会公众参与评议，总体评价为满意，对部分栏目更新不及时提出了意见。",
    "学校邀请师生员工代表和社会公众代表对信息公开工作进行评议，评议结果良好，意见建议已分解到相关部门落实。",
]
_COMPLAINTS = ["本学年学校未发生因信息公开工作受到举报、复议、诉讼的情况。"]
_PRACTICES = [
    "学校建成了信息公开一站式平台，实现了公开事项目录化管理，各部门信息员在线填报、审核、发布，"
    "全过程留痕可查。平台与办事大厅打通，师生办理业务时可直接查看相关政策文件，减少了来回咨询。",
    "学校探索建立信息公开与师生诉求办理联动机制，将师生常问的问题整理成问答库并定期公开；"
    "对于招生、资助等重点事项，采用图解和短视频形式进行解读，阅读量明显提高。",
    "学校把信息公开纳入二级单位年度目标考核，考核结果与评优挂钩；同时开展信息公开示范单位评选，"
    "总结推广好的做法，带动各单位提升公开质量。",
]
_PROBLEMS = [
    "存在的问题主要是个别部门公开意识不强，信息更新不够及时，部分栏目内容较少。下一步学校将加强培训和督查，"
    "完善考核办法，推动信息公开工作规范化、常态化，进一步提升公开的质量和实效。",
    "目前部分二级单位网站信息更新滞后，公开内容与清单要求还有差距，信息员队伍流动较大。学校将建立定期通报制度，"
    "加大对二级单位的指导力度，稳定信息员队伍，并把清单事项逐项落实到责任部门。",
    "工作中仍有一些短板：政策解读形式单一，对社会公众关切的回应不够主动，平台检索功能有待完善。"
    "学校计划在下一学年升级公开平台，增加智能检索，并建立重要政策同步解读机制。",
]
_OTHER = ["本学年无其他需要报告的事项。"]


def _pick(pool: list[str], variant: int) -> str:
    return pool[variant % len(pool)]


def report(
    institution: str = "示例理工大学",
    year: int = 2024,
    *,
    active: int = 1234,
    received: int = 12,
    answered: int = 12,
    withheld: int = 2,
    parts: tuple[str, ...] = ALL_PARTS,
    variant: int | dict[str, int] = 0,
    items: tuple[int, ...] = tuple(range(1, 51)),
    date: str | None = None,
    extra: str = "",
) -> str:
    """The text of a report; ``variant`` is one number or a number per part key; ``extra`` is
    added to the overview (a defect to find, say)."""

    def v(key: str) -> int:
        return variant.get(key, 0) if isinstance(variant, dict) else variant

    period = f"{year - 1}年9月1日至{year}年8月31日"
    figs = {"active": active, "received": received, "answered": answered, "withheld": withheld}
    body = {
        "overview": _pick(_OVERVIEW, v("overview")) + extra,
        "active": _pick(_ACTIVE, v("active")).format(**figs),
        "on_request": _pick(_ON_REQUEST, v("on_request")).format(**figs),
        "evaluation": _pick(_EVALUATION, v("evaluation")),
        "complaints": _pick(_COMPLAINTS, v("complaints")),
        "practices": _pick(_PRACTICES, v("practices")),
        "problems": _pick(_PROBLEMS, v("problems")),
        "other": _pick(_OTHER, v("other")),
    }
    lines = [
        f"{institution}{year - 1}—{year}学年信息公开工作年度报告",
        "",
        f"根据《高等学校信息公开办法》要求，现将{institution}{year - 1}—{year}学年信息公开工作情况报告如下。"
        f"本报告统计期限为{period}。",
        "",
    ]
    for key, heading in HEADINGS.items():
        if key in parts:
            lines += [heading, body[key], ""]
    if "annex" in parts:
        cl = load_rules().checklist
        lines += ["附表：清单事项公开情况表", "", "| 序号 | 公开事项 | 公开情况 |", "| --- | --- | --- |"]
        for n in items:
            lines.append(f"| {n} | {cl.item(n).text} | 已公开 |")
        lines.append("")
    lines.append(institution)
    lines.append(date or f"{year}年10月20日")
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_docx(path: Path, text: str) -> Path:
    """The same report as a DOCX (headings as bold paragraphs, the annex as a real table)."""
    import docx

    d = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        t = d.add_table(rows=0, cols=len(rows[0]))
        for r in rows:
            cells = t.add_row().cells
            for c, value in zip(cells, r, strict=False):
                c.text = value
        rows.clear()

    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
            continue
        flush()
        if not line.strip():
            continue
        p = d.add_paragraph()
        run = p.add_run(line)
        run.bold = line in HEADINGS.values() or line.startswith("附表")
    flush()
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path
