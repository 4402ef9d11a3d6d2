#!/usr/bin/env python3
"""Check the probe corpus truth files against their texts (standard library; python-docx for --sample).

Usage:
    python tests/corpus/validate_corpus.py            # every tests/corpus/*.truth.json
    python tests/corpus/validate_corpus.py c03 c08    # only the named files (by prefix)
    python tests/corpus/validate_corpus.py --sample   # also resources/samples/sample-report.truth.json

For each ``NAME.truth.json`` next to ``NAME.txt`` it checks:

* the keys of the truth format (the shared one plus the corpus-only ``traps``);
* every quote (figures, sum checks, defects, traps) occurs in the text; figure, sum-check and
  defect quotes occur exactly once;
* headings occur in document order, as a whole stripped line or as a run-in prefix of a line
  that ends at the line's first '。';
* the nine standard parts are split exactly into present / missing, consistently with
  ``appendix_table``;
* figure labels follow the label scheme, and every value is visible in its quote, written in
  Arabic or Chinese numerals (0 may also be a negation such as 未/无/没有);
* sum checks: total and parts visible, ``adds_up`` right, a failing sum has a sum_mismatch defect
  with the same quote and vice versa;
* defect kinds and trap rules are known; defects without a quote carry a note; no trap quote is
  also a defect quote for the same rule;
* dates: period and report dates are written in the text (Arabic or Chinese numerals); the
  late / calendar-year / period-mismatch defects agree with the dates;
* contact fields occur in the text; the text is 1,500–5,000 characters (corpus only).

The sample DOCX is checked against its paragraph and table text with all whitespace removed.
Exit status 1 when anything fails.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from xxgk_desk.core.rules.model import RULE_IDS  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLE_DOCX = ROOT / "resources" / "samples" / "sample-report.docx"
SAMPLE_TRUTH = ROOT / "resources" / "samples" / "sample-report.truth.json"

REQUIRED = [
    "institution",
    "title_year",
    "period_start",
    "period_end",
    "report_date",
    "sections",
    "standard_parts_present",
    "standard_parts_missing",
    "figures",
    "sum_checks",
    "defects",
    "contact",
    "figures_absent",
    "appendix_table",
    "traps",
]
OPTIONAL = {"notes", "institution_official", "layout"}

PARTS = [
    "概述",
    "主动公开情况",
    "依申请公开和不予公开情况",
    "对信息公开的评议情况",
    "因学校信息公开工作受到举报、复议、诉讼的情况",
    "新做法新举措或主要经验",
    "存在的主要问题及改进措施",
    "其他需要报告的事项",
    "附表 清单事项公开情况表",
]
ANNEX = PARTS[-1]

# rule ids of domain.md §6 (and the year-over-year ones), as the rules loader knows them
RULES = set(RULE_IDS)
# truth-README kinds -> rule id; a rule id is also accepted as a kind when no truth kind fits
KIND_RULE = {
    "placeholder": "placeholder",
    "sum_mismatch": "sum_mismatch",
    "personal_mobile": "personal_data",
    "personal_qq_email": "personal_data",
    "web_footer": "foreign_text",
    "report_date_after_oct31": "late_report",
    "referenced_appendix_absent": "annex_missing",
    "truncated_ending": "truncated",
    "missing_report_date": "report_date_missing",
    "no_period_stated": "period_missing",
    "not_annual_report_format": "not_annual_report",
    "period_contradicts_title_year": "period_mismatch",
    "word_artefact": "conversion_artefact",
}
KINDS = set(KIND_RULE) | RULES

CORE = {
    "主动公开总数",
    "依申请公开-收到",
    "依申请公开-已答复",
    "依申请公开-收费",
    "不予公开",
    "举报",
    "复议",
    "诉讼",
    "满意度",
    "满意度-师生员工",
    "满意度-社会公众",
}
OUTCOMES = {
    "予以公开",
    "部分公开",
    "不予公开",
    "信息不存在",
    "告知通过其他途径获取",
    "不属于本校公开范围",
    "无法提供",
    "不予处理",
    "其他处理",
}
NEGATIONS = ("未", "没有", "无", "不")

CN_DIGIT = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_RUN = re.compile("[〇零一二两三四五六七八九十百千万]+")


def cn_to_int(s: str) -> int | None:
    """Chinese numerals as written in running text: 三, 十六, 一千零八十六, 二〇二四 (digit by digit)."""
    if not s:
        return None
    if all(ch in CN_DIGIT for ch in s):
        if len(s) == 1:
            return CN_DIGIT[s]
        return int("".join(str(CN_DIGIT[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            unit = CN_UNIT[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
    return total + section + (digit or 0)


def numbers_in(q: str) -> set[float]:
    """Every number visible in a quote: Arabic (with decimals) and Chinese-numeral runs."""
    out = {float(x) for x in re.findall(r"\d+(?:\.\d+)?", q)}
    for run in CN_RUN.findall(q):
        v = cn_to_int(run)
        if v is not None:
            out.add(float(v))
    return out


def date_written(text: str, iso: str) -> bool:
    y, m, d = (int(x) for x in iso.split("-"))
    if re.search(rf"{y}\s*年\s*0?{m}\s*月\s*0?{d}\s*日", text):
        return True
    for hit in re.finditer(
        r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日", text
    ):
        if (cn_to_int(hit.group(1)), cn_to_int(hit.group(2)), cn_to_int(hit.group(3))) == (y, m, d):
            return True
    return False


def label_ok(label: str) -> bool:
    if label in CORE:
        return True
    for prefix in ("主动公开渠道-", "其他-"):
        if label.startswith(prefix) and len(label) > len(prefix):
            return True
    return label.startswith("依申请公开结果-") and label[len("依申请公开结果-") :] in OUTCOMES


def months(a: str, b: str) -> int:
    da, db = dt.date.fromisoformat(a), dt.date.fromisoformat(b) + dt.timedelta(days=1)
    return (db.year - da.year) * 12 + db.month - da.month


def check(truth: dict, text: str, *, squash: bool = False, corpus: bool = True) -> list[str]:
    """Errors found in one truth file. ``squash``: compare with all whitespace removed (DOCX text)."""
    errors: list[str] = []
    err = errors.append

    def norm(s: str) -> str:
        return re.sub(r"\s+", "", s) if squash else s

    hay = norm(text)

    for k in REQUIRED:
        if k not in truth:
            err(f"missing key {k}")
    for k in set(truth) - set(REQUIRED) - OPTIONAL:
        err(f"unexpected key {k}")
    if errors:
        return errors

    if corpus and not 500 <= len(text) <= 5500:
        err(f"text length {len(text)} outside 500–5,500")
    official = truth.get("institution_official")
    if official is not None and not (isinstance(official, dict) and {"name", "code"} <= set(official)):
        err("institution_official must be null or {name, code, province, level[, renamed]}")
    # the official (simplified) name may differ from the text's spelling (traditional, brackets, a college alone)
    if not truth["institution"] or (norm(truth["institution"]) not in hay and not official):
        err(f"institution not in text: {truth['institution']!r}")
    ty = truth["title_year"]
    if ty is not None and not isinstance(ty, int):
        err("title_year must be an int or null")

    for k in ("period_start", "period_end", "report_date"):
        v = truth[k]
        if v is None:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            err(f"{k} is not YYYY-MM-DD: {v}")
        elif not date_written(hay, v):
            err(f"{k} {v} is not written in the text")
    ps, pe, rd = truth["period_start"], truth["period_end"], truth["report_date"]
    if (ps is None) != (pe is None):
        err("period_start and period_end must both be set or both be null")

    def count(q: str) -> int:
        return hay.count(norm(q))

    def quote_ok(q, what: str, unique: bool = True) -> None:
        if not isinstance(q, str) or not q:
            err(f"{what}: empty or non-string quote {q!r}")
            return
        n = count(q)
        if n == 0:
            err(f"{what}: quote not in text: {q!r}")
        elif unique and n > 1:
            err(f"{what}: quote occurs {n} times: {q!r}")

    # headings in order
    lines = [norm(ln.strip()) for ln in text.splitlines()]
    if squash:
        lines = [ln for ln in lines if ln]
    pos = 0
    for i, sec in enumerate(truth["sections"]):
        if set(sec) != {"level", "title"} or sec.get("level") not in (0, 1, 2, 3, 4):
            err(f"section {i}: bad entry {sec}")
            continue
        title = sec["title"]
        if not title or title != title.strip():
            err(f"section {i}: title empty or not stripped: {title!r}")
            continue
        t = norm(title)
        found = None
        if truth.get("layout") == "flattened":  # headings inline in one long line: find them in order
            at = hay.find(t, pos)
            if at < 0:
                err(f"heading not found in order: {title!r}")
            else:
                pos = at + len(t)
            continue
        for j in range(pos, len(lines)):
            ln = lines[j]
            if ln == t or (
                t.endswith("。") and t.index("。") == len(t) - 1 and ln.startswith(t) and len(ln) > len(t)
            ):
                found = j
                break
        if found is None:
            err(f"heading not found in order: {title!r}")
        else:
            pos = found + 1

    # standard parts
    pres, miss = truth["standard_parts_present"], truth["standard_parts_missing"]
    if sorted(pres + miss) != sorted(PARTS) or set(pres) & set(miss):
        err("standard_parts_present + standard_parts_missing must be the nine parts, once each")
    at = truth["appendix_table"]
    if (
        set(at) != {"present", "rows"}
        or not isinstance(at.get("present"), bool)
        or not isinstance(at.get("rows"), int)
    ):
        err("appendix_table must be {present: bool, rows: int}")
    elif at["present"] != (ANNEX in pres) or (not at["present"] and at["rows"]):
        err("appendix_table disagrees with the 附表 standard part")

    # figures
    seen = set()
    for f in truth["figures"]:
        if set(f) != {"label", "value", "unit", "quote", "core"}:
            err(f"figure keys wrong: {f}")
            continue
        lab, v, q = f["label"], f["value"], f["quote"]
        if not label_ok(lab):
            err(f"figure label outside the scheme: {lab!r}")
        if f["core"] != (not lab.startswith("其他-")):
            err(f"figure {lab}: core must be true except for 其他-… labels")
        if lab in seen:
            err(f"figure label repeated: {lab}")
        seen.add(lab)
        quote_ok(q, f"figure {lab}")
        if not isinstance(q, str):
            continue
        if v is None:
            if not re.search(r"XX|xx|？|\?|某某|此处填写", q):
                err(f"figure {lab}: null value but no placeholder in {q!r}")
        elif v == 0:
            if not (any(w in q for w in NEGATIONS) or 0.0 in numbers_in(q)):
                err(f"figure {lab}: value 0 but neither a negation nor 0 in {q!r}")
        elif float(v) not in numbers_in(q) and not (lab.endswith("已答复") and re.search("均|全部", q)):
            err(f"figure {lab}: value {v} not visible in {q!r}")  # 均已答复: answered = received
        if lab.startswith("满意度") and f["unit"] != "%":
            err(f"{lab}: unit must be %")
    for lab in truth["figures_absent"]:
        if lab not in CORE and not (label_ok(lab) and not lab.startswith("其他-")):
            err(f"figures_absent label is not a core label: {lab!r}")
        if lab in seen:
            err(f"figures_absent label also given as a figure: {lab}")

    # defects and sum checks
    defects = truth["defects"]
    mismatch = {d.get("quote") for d in defects if d.get("kind") == "sum_mismatch"}
    failing = set()
    for s in truth["sum_checks"]:
        if set(s) != {"quote", "total", "parts", "adds_up"}:
            err(f"sum_check keys wrong: {s}")
            continue
        quote_ok(s["quote"], "sum_check")
        nums = numbers_in(s["quote"])
        for p in [s["total"], *s["parts"]]:
            if float(p) not in nums:
                err(f"sum_check number {p} not visible in {s['quote']!r}")
        if s["adds_up"] != (sum(s["parts"]) == s["total"]):
            err(f"sum_check adds_up wrong ({sum(s['parts'])} vs {s['total']}): {s['quote']!r}")
        if not s["adds_up"]:
            failing.add(s["quote"])
    for q in failing - mismatch:
        err(f"failing sum_check without a sum_mismatch defect: {q!r}")
    for q in mismatch - failing:
        err(f"sum_mismatch defect without a failing sum_check: {q!r}")

    for d in defects:
        if not set(d) <= {"kind", "quote", "note"} or "kind" not in d or "quote" not in d:
            err(f"defect keys wrong: {d}")
            continue
        if d["kind"] not in KINDS:
            err(f"unknown defect kind {d['kind']!r}")
        if d["quote"] is None:
            if not d.get("note"):
                err(f"defect {d['kind']} has neither quote nor note")
        else:
            quote_ok(d["quote"], f"defect {d['kind']}")
        if d["kind"] == "personal_mobile" and d["quote"] and not re.fullmatch(r"1[3-9]\d{9}", d["quote"]):
            err(f"personal_mobile quote is not a mobile number: {d['quote']!r}")
        if d["kind"] == "personal_qq_email" and d["quote"] and not d["quote"].endswith("@qq.com"):
            err(f"personal_qq_email quote is not a QQ mailbox: {d['quote']!r}")

    kinds = [d.get("kind") for d in defects]
    gov = "gov_template" in kinds

    # traps
    for t in truth["traps"]:
        if not set(t) <= {"rule", "quote", "note"} or "rule" not in t or "quote" not in t:
            err(f"trap keys wrong: {t}")
            continue
        if t["rule"] not in RULES:
            err(f"trap rule unknown: {t['rule']!r}")
        quote_ok(t["quote"], f"trap {t['rule']}", unique=False)
        for d in defects:
            if d.get("quote") == t["quote"] and KIND_RULE.get(d.get("kind"), d.get("kind")) == t["rule"]:
                err(f"trap quote is also a {t['rule']} defect: {t['quote']!r}")

    # date consistency
    late = bool(rd and ty and rd > f"{ty}-10-31")
    if gov:
        if "report_date_after_oct31" in kinds:
            err("gov-template report: late_report must not be recorded (trap it instead)")
    elif late != ("report_date_after_oct31" in kinds):
        err("report_date_after_oct31 must be set exactly when report_date > title_year-10-31")
    if ps and pe:
        calendar = ps[5:] == "01-01"
        if calendar != ("period_calendar_year" in kinds):
            err("period_calendar_year must be recorded exactly when the period starts on 1 January")
        wrong = (not calendar) and (
            months(ps, pe) > 12 or (ty is not None and pe[:4] != str(ty)) or (rd is not None and pe > rd)
        )
        if wrong != ("period_contradicts_title_year" in kinds):
            err(
                f"period_contradicts_title_year must be recorded exactly when the period "
                f"({ps}..{pe}, {months(ps, pe)} months) contradicts title year / report date"
            )
    elif "no_period_stated" not in kinds and "truncated_ending" not in kinds:
        err("no period but no no_period_stated defect")
    if rd is None and "missing_report_date" not in kinds and "truncated_ending" not in kinds:
        err("report_date is null but neither missing_report_date nor truncated_ending is recorded")

    for c in truth["contact"]:
        if set(c) != {"role", "name", "phone", "mobile", "email"}:
            err(f"contact keys wrong: {c}")
            continue
        for k, v in c.items():
            if v is not None and norm(v) not in hay:
                err(f"contact {k} not in text: {v!r}")
    return errors


def docx_text(path: Path) -> str:
    """Paragraphs and table cells of a DOCX in body order (python-docx)."""
    import docx  # noqa: PLC0415 - optional dependency of this script

    doc = docx.Document(str(path))
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for tr in child.iter():
                if tr.tag.endswith("}tr"):
                    cells = []
                    for tc in tr:
                        if tc.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")))
                    out.append("\t".join(cells))
    return "\n".join(out)


def report(name: str, truth: dict, errors: list[str]) -> None:
    if errors:
        print(f"{name}: FAIL")
        for e in errors:
            print("    " + e)
    else:
        print(
            f"{name}: ok  headings={len(truth['sections'])} figures={len(truth['figures'])} "
            f"sums={[s['adds_up'] for s in truth['sum_checks']]} "
            f"defects={[d['kind'] for d in truth['defects']]} traps={len(truth['traps'])}"
        )


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    failed = 0
    files = sorted(HERE.glob("*.truth.json"))
    if args:
        files = [f for f in files if any(f.name.startswith(a) for a in args)]
    for tf in files:
        txt = tf.with_name(tf.name[: -len(".truth.json")] + ".txt")
        if not txt.exists():
            print(f"{tf.name}: FAIL no {txt.name}")
            failed += 1
            continue
        truth = json.loads(tf.read_text(encoding="utf-8"))
        errors = check(truth, txt.read_text(encoding="utf-8"))
        report(txt.stem, truth, errors)
        failed += bool(errors)
    orphans = (
        []
        if args
        else sorted(p.name for p in HERE.glob("*.txt") if not p.with_name(p.stem + ".truth.json").exists())
    )
    for o in orphans:
        print(f"{o}: FAIL no truth file")
        failed += 1
    if "--sample" in argv:
        truth = json.loads(SAMPLE_TRUTH.read_text(encoding="utf-8"))
        errors = check(truth, docx_text(SAMPLE_DOCX), squash=True, corpus=False)
        report("sample-report.docx", truth, errors)
        failed += bool(errors)
    print("all truth files valid" if not failed else f"{failed} file(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
