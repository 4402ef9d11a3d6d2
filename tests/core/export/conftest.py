"""Fixtures for the exporter tests: the project's sample report, checked once, and a review of it
in a fresh database with notes of every kind (reply, resolved, whole-report, highlight, long,
special characters), an accepted and a dismissed finding, a corrected field and a conclusion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from xxgk_desk.core.pipeline import Analysis, check
from xxgk_desk.core.store import Store

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "samples" / "sample-report.docx"

SPECIAL = "引号“中文”与\"直引号\"和'单引号'，尖括号<b>加粗</b>&amp; a<b && c>d，表情😀，扩展汉字𠀀𪚥。"
LONG = "".join(f"第{i:04d}段长批注内容，检查超长文本是否完整保留。" for i in range(200))  # > 5,000 characters
FORMULA = '=HYPERLINK("http://example.com","点这里")'
RECOMMENDATIONS = "1. 核实依申请公开数据并更正。\n2. 替换模板占位内容。"


@dataclass
class Demo:
    """What the review put in the store, to check the exports against."""

    analysis: Analysis
    store: Store
    notes: dict[str, str] = field(default_factory=dict)  # name → note id
    bodies: dict[str, str] = field(default_factory=dict)  # name → body
    quotes: dict[str, str] = field(default_factory=dict)  # name → quote
    pages: dict[str, int] = field(default_factory=dict)  # name → page
    reply: str = ""
    accepted: str = ""  # finding key
    dismissed: str = ""
    dismiss_reason: str = ""
    undecided: list[str] = field(default_factory=list)

    @property
    def doc(self):
        return self.analysis.document

    @property
    def review(self):
        return self.analysis.review

    @property
    def sections(self):
        return self.analysis.sections


@pytest.fixture(scope="session")
def sample() -> Analysis:
    result = check(SAMPLE)
    assert result.ok and result.review is not None
    return result


def _span(doc, quote: str) -> tuple[int, int]:
    i = doc.text.index(quote)
    return i, i + len(quote)


@pytest.fixture
def demo(sample, tmp_path) -> Demo:
    store = Store(tmp_path / "reviews.sqlite3", reviewer="张三")
    d = Demo(sample, store)
    doc, review = sample.document, sample.review
    store.register_version(doc, "楚澜理工学院", 2024)
    by_rule = {f.rule: f for f in review.findings}

    def note(name: str, quote: str | None, body: str, **kw) -> str:
        if quote is None:
            ch = store.add_note(doc, body=body, **kw)
        else:
            s, e = _span(doc, quote)
            ch = store.add_note(doc, s, e, body=body, **kw)
            d.quotes[name] = quote
            d.pages[name] = doc.page_at(s)
        d.notes[name], d.bodies[name] = ch.id, body
        return ch.id

    f = by_rule["sum_mismatch"]
    ch = store.accept_finding(
        doc,
        f.key,
        start=f.start,
        end=f.end,
        body="受理12件，分项合计11件。",
        category="data_error",
        severity="error",
    )
    d.accepted = f.key
    d.notes["accepted"], d.bodies["accepted"] = ch.related[0].id, "受理12件，分项合计11件。"
    d.quotes["accepted"], d.pages["accepted"] = re.sub(r"\s+", " ", f.quote).strip(), doc.page_at(f.start)
    f = by_rule["checklist_gap"]
    d.dismissed, d.dismiss_reason = f.key, "栏目路径已写明，不要求单独网址。"
    store.dismiss_finding(doc, f.key, d.dismiss_reason)
    d.undecided = [x.key for x in review.findings if x.key not in (d.accepted, d.dismissed)]

    parent = note("reply_parent", "师生员工对学校信息公开工作的满意度为96.8%", "满意度调查方式未说明。",
                  category="missing", severity="warning")  # fmt: skip
    d.reply = "同意，请补充问卷发放对象和方式。"
    store.reply(parent, d.reply, reviewer="李四")
    rid = note("resolved", "2024年10月28日", "落款日期符合时限要求。", category="timeliness", severity="info")
    store.set_note_status(rid, "resolved")
    note("special", "学校共主动公开各类信息2186条", SPECIAL, category="wording", severity="warning")
    note("long", "招生信息方面，学校在招生信息网公开", LONG, category="other", severity="info")
    note("formula", "官方微博同步发布信息312条", FORMULA, category="data_error", severity="warning")
    note(
        "highlight",
        "学校为每项清单事项建立电子档案",
        "“一项一档”值得推广。",
        category="highlight",
        severity="info",
    )
    note("whole", None, "报告结构完整，个别数据需更正。", category="other", severity="info")
    store.set_field(doc, "active_total", value=2168, extracted=2186)
    store.set_review(doc, state="done", conclusion="basic_pass", summary=RECOMMENDATIONS)
    yield d
    store.close()


def docx_text(path) -> str:
    """Every paragraph and table cell of a DOCX, in order, one per line."""
    import docx

    document = docx.Document(str(path))
    out = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts = [
                (t.text or "") if t.tag.endswith("}t") else "\n"
                for t in child.iter()
                if t.tag.endswith(("}t", "}br"))
            ]
            out.append("".join(parts))
        elif tag == "tbl":
            for tr in child.iter():
                if tr.tag.endswith("}tc"):
                    out.append("".join(t.text or "" for t in tr.iter() if t.tag.endswith("}t")))
    return "\n".join(out)


def md_unescape(text: str) -> str:
    """Undo the Markdown escaping of md_escape (backslash escapes, hard breaks)."""
    text = text.replace("\\\n", "\n")
    return re.sub(r"\\([\\`*_\[\]<>&|~#+\-=.)!])", r"\1", text)


# -- the letter (审核意见): a realistic review of the sample PDF (it has pages) -------------------------

SAMPLE_PDF = ROOT / "resources" / "samples" / "sample-report.pdf"
LETTER_SETTINGS = {
    "letter/issuer": "湖北省教育厅办公室",
    "letter/masthead": "湖北省教育厅办公室",
    "letter/number_pattern": "鄂教办函〔{year}〕{no}号",
    "letter/contact": "王明",
    "letter/phone": "027-87328000",
    "letter/deadline_days": "10",
}


@dataclass
class LetterCase:
    analysis: Analysis
    store: Store
    confirmed: dict[str, str] = field(default_factory=dict)  # name → body the letter must carry
    left_out: dict[str, str] = field(default_factory=dict)  # name → body it must not carry
    undecided: str = ""  # the message of a finding nobody decided

    @property
    def doc(self):
        return self.analysis.document

    @property
    def review(self):
        return self.analysis.review

    @property
    def sections(self):
        return self.analysis.sections


@pytest.fixture(scope="session")
def sample_pdf() -> Analysis:
    result = check(SAMPLE_PDF)
    assert result.ok and result.review is not None
    return result


@pytest.fixture
def letter_case(sample_pdf, tmp_path) -> LetterCase:
    """Several confirmed problems (two accepted findings, three notes), a highlight, a resolved note,
    a dismissed finding, an undecided one; conclusion 基本合格 with the reviewer's own requirement."""
    store = Store(tmp_path / "letter.sqlite3", reviewer="张三")
    case = LetterCase(sample_pdf, store)
    doc, review = sample_pdf.document, sample_pdf.review
    store.register_version(doc, "楚澜理工学院", 2024)
    for key, value in LETTER_SETTINGS.items():
        store.set_setting(key, value)
    by_rule = {f.rule: f for f in review.findings}
    for rule, body, category in (
        (
            "sum_mismatch",
            "依申请公开数据合计不符：受理12件，而予以公开、部分公开、不予公开合计11件。",
            "data_error",
        ),
        ("placeholder", "报告中仍有模板占位内容“XX处”，未填写实际部门名称。", "wording"),
    ):
        f = by_rule[rule]
        store.accept_finding(
            doc, f.key, start=f.start, end=f.end, body=body, category=category, severity="error"
        )
        case.confirmed[rule] = body

    def note(name: str, quote: str | None, body: str, *, keep: bool = True, **kw) -> str:
        if quote is None:
            ch = store.add_note(doc, body=body, **kw)
        else:
            s, e = _span(doc, quote)
            ch = store.add_note(doc, s, e, body=body, **kw)
        (case.confirmed if keep else case.left_out)[name] = body
        return ch.id

    note("evaluation", "师生员工对学校信息公开工作的满意度为96.8%",
         "评议部分只写了师生员工的满意度，未说明社会公众的评议情况。", category="missing", severity="warning")  # fmt: skip
    note("channels", "官方微博同步发布信息312条", "各渠道发布数量之和与主动公开总数的关系未作说明。",
         category="data_error", severity="info")  # fmt: skip
    note(
        "whole", None, "报告未附清单事项的栏目链接，请逐项补充网址。", category="missing", severity="warning"
    )
    note("highlight", "学校为每项清单事项建立电子档案", "“一项一档”做法值得推广。", keep=False,
         category="highlight", severity="info")  # fmt: skip
    rid = note("resolved", "2024年10月28日", "落款日期符合时限要求。", keep=False, category="timeliness",
               severity="info")  # fmt: skip
    store.set_note_status(rid, "resolved")
    f = by_rule["checklist_gap"]
    store.dismiss_finding(doc, f.key, "栏目路径已写明。")
    case.left_out["dismissed"] = f.message
    case.undecided = by_rule["wrong_citation"].message
    store.set_review(doc, state="done", conclusion="basic_pass", summary="1. 补充社会公众的评议情况。")
    yield case
    store.close()


# -- a province's folder of ten reports (for the 通报) ----------------------------------------------------

QINGHAI = ("青海大学", "青海师范大学", "青海民族大学", "青海卫生职业技术学院", "青海警官职业学院",
           "青海农牧科技职业学院", "青海职业技术大学", "青海建筑职业技术学院", "青海大学昆仑学院",
           "西宁城市职业技术学院")  # fmt: skip  # ten of the list's thirteen
QINGHAI_MISSING = ("青海高等职业技术学院", "青海柴达木职业技术学院", "青海理工学院")
LATE = {2, 5}  # report dated 2024年11月6日


@dataclass
class Province:
    folder: Path
    store: Store
    workspace: object
    conclusions: dict[str, str | None]  # school → conclusion id
    problems: dict[str, int]  # school → confirmed problems


def _report_text(name: str, i: int) -> str:
    from xxgk_desk.core.loaders import load

    text = load(SAMPLE).text.replace("楚澜理工学院", name)
    if i in LATE:
        text = text.replace("2024年10月28日", "2024年11月6日")
    if i % 2 == 0:
        text = text.replace("XX处", "保卫处")
    return text


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Province:
    from xxgk_desk.core.batch import Workspace

    root = tmp_path_factory.mktemp("qinghai")
    folder = root / "reports"
    folder.mkdir()
    for i, name in enumerate(QINGHAI):
        (folder / f"{i:02d}-{name}.txt").write_text(_report_text(name, i), encoding="utf-8")
    store = Store(root / "province.sqlite3", reviewer="李审")
    ws = Workspace(store)
    ws.add([folder], jobs=0)
    case = Province(folder, store, ws, {}, {})
    for i, name in enumerate(QINGHAI):
        if i == 9:  # not reviewed yet
            case.conclusions[name], case.problems[name] = None, 0
            continue
        result = check(folder / f"{i:02d}-{name}.txt")
        doc, review = result.document, result.review
        by_rule = {f.rule: f for f in review.findings}
        n = 0
        if i % 3 == 0:
            conclusion = "pass"
            for f in review.findings:
                store.dismiss_finding(doc, f.key, "不构成问题。")
        else:
            conclusion = "basic_pass" if i % 3 == 1 else "resubmit"
            f = by_rule["sum_mismatch"]
            store.accept_finding(doc, f.key, start=f.start, end=f.end, body="依申请公开数据合计不符。",
                                 category="data_error", severity="error")  # fmt: skip
            n += 1
            if "placeholder" in by_rule:
                f = by_rule["placeholder"]
                store.accept_finding(doc, f.key, start=f.start, end=f.end, body="有未替换的占位内容。",
                                     category="wording", severity="error")  # fmt: skip
                n += 1
            if conclusion == "resubmit":
                store.add_note(doc, body="缺少社会公众评议情况。", category="missing", severity="error")
                n += 1
            s = doc.text.index("学校为每项清单事项建立电子档案")
            store.add_note(doc, s, s + 8, body="值得推广。", category="highlight", severity="info")
        store.set_review(doc, state="done", conclusion=conclusion)
        case.conclusions[name], case.problems[name] = conclusion, n
    yield case
    store.close()
