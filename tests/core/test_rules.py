"""The shipped rules load, validate and pass their own examples; broken rules files fail clearly."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, shared_path, truth
from xxgk_desk.core.hanzi import simplified
from xxgk_desk.core.resources import resource
from xxgk_desk.core.rules import Lexicon, RulesError, load_rules
from xxgk_desk.core.rules.model import CHECKLIST_COUNTS, RULE_IDS, SEVERITIES, STANDARD_PART_KEYS, id_card_ok

RS = load_rules()

DOMAIN_SEVERITY = {
    "missing_part": "error",
    "annex_missing": "error",
    "checklist_gap": "warning",
    "placeholder": "error",
    "sum_mismatch": "error",
    "figure_missing": "warning",
    "period_missing": "error",
    "period_mismatch": "error",
    "period_calendar_year": "warning",
    "report_date_missing": "warning",
    "late_report": "error",
    "truncated": "error",
    "foreign_text": "warning",
    "conversion_artefact": "warning",
    "personal_data": "error",
    "wrong_citation": "warning",
    "gov_template": "warning",
    "not_annual_report": "error",
    "boilerplate": "warning",
    "unchanged_figure": "warning",
    # wording (issue 20): warnings, except facts that cannot be true
    "other_institution": "warning",
    "word_usage": "warning",
    "stale_formulation": "warning",
    "impossible_fact": "error",
    "part_name_typo": "warning",
}


def _nospace(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- shipped data


def test_default_rules_load_once():
    assert load_rules() is RS
    assert {RS: 1, RS.part("evaluation"): 2, RS.rule("placeholder"): 3}  # usable as cache keys
    assert set(RS.files) == {
        "categories.yaml",
        "rules.yaml",
        "parts.yaml",
        "checklist.yaml",
        "citations.yaml",
        "figures.yaml",
        "score.yaml",
    }


def test_parts_are_the_nine_standard_parts_in_order():
    assert RS.part_keys == STANDARD_PART_KEYS
    assert [p.order for p in RS.parts] == list(range(1, 10))
    sev = {p.key: p.severity for p in RS.parts}
    assert sev.pop("practices") == sev.pop("other") == "warning"
    assert set(sev.values()) == {"error"}
    assert RS.part("annex").missing_rule == "annex_missing"
    assert {g.name for g in RS.part("evaluation").groups} == {"师生员工", "社会公众"}


def test_checklist_counts():
    cl = RS.checklist
    assert len(cl.categories) == 10 and len(cl.items) == 50
    assert [it.number for it in cl.items] == list(range(1, 51))
    assert {c.number: len(cl.items_in(c.number)) for c in cl.categories} == CHECKLIST_COUNTS
    assert cl.category("财务资产及收费信息").number == "三"
    assert cl.category("学位学科信息").number == "八"
    assert cl.category(3).name == "财务、资产及收费信息"
    assert str(cl.item(12).keywords[0]) == "复试+成绩"
    assert set(cl.reason("no_graduate").items) == {11, 12, 13, 14, 44, 45, 46}


def test_every_rule_present_with_domain_severity():
    assert {r.id for r in RS.rules} == set(RULE_IDS)
    for rule in RS.rules:
        assert rule.severity in SEVERITIES
        assert rule.severity == DOMAIN_SEVERITY[rule.id], rule.id
        assert rule.title and rule.detects and rule.not_triggered_by
        RS.vocabulary.get("note_categories", rule.category)


def test_severity_lookup():
    assert RS.severity("missing_part", part="practices") == "warning"
    assert RS.severity("missing_part", part="evaluation") == "error"
    assert RS.severity("missing_part", "legacy", part="complaints") == "info"
    assert RS.severity("annex_missing", "linked") == "info"
    assert RS.severity("placeholder") == "error"


def test_every_message_formats():
    values = {name: f"<{name}>" for name in RS.placeholders}
    for rule in RS.rules:
        for variant, msg in rule.messages.items():
            text = rule.message(variant, **values)
            assert "{" not in text and "}" not in text, (rule.id, variant)
            for f in msg.fields:
                assert f"<{f}>" in text
    with pytest.raises(KeyError, match="quote"):
        RS.message("placeholder")
    assert RS.message("missing_part", part="对信息公开的评议情况").startswith(
        "报告缺少“对信息公开的评议情况”"
    )


def test_vocabulary():
    v = RS.vocabulary
    assert [c.label for c in v.note_categories] == [
        "缺项",
        "数据错误",
        "表述不规范",
        "隐私",
        "时效",
        "其他",
        "亮点",
    ]
    assert [(c.id, c.label) for c in v.severities] == [
        ("error", "严重"),
        ("warning", "警告"),
        ("info", "提示"),
    ]
    assert v.label("note_statuses", "wont_fix") == "不予处理"
    assert v.label("review_states", "in_progress") == "审核中"
    assert [c.id for c in v.conclusions] == ["pass", "basic_pass", "resubmit"]
    assert v.label("conclusions", "resubmit") == "需修改后重新报送"
    assert [c.id for c in v.finding_decisions] == ["accepted", "dismissed"]
    for kind in (
        "note_categories",
        "severities",
        "note_statuses",
        "review_states",
        "conclusions",
        "finding_decisions",
    ):
        for c in getattr(v, kind):
            assert c.colour and re.fullmatch(r"#[0-9a-f]{6}", c.colour)


def test_score_model():
    s = RS.score
    assert [c.id for c in s.components] == ["parts", "figures", "checklist", "form"]
    assert len({c.weight for c in s.components}) == 1
    assert s.total({"parts": 1, "figures": 1, "checklist": 1, "form": 1}) == 100
    assert s.total({"parts": 1, "checklist": 0.5}) == 37.5
    assert s.component("checklist").check("checklist_item").options["not_applicable_counts"] is True


def test_figures():
    keys = [f.key for f in RS.figures]
    assert keys[:5] == ["institution", "title_year", "period_start", "period_end", "report_date"]
    core = {f.key for f in RS.core_figures}
    assert core == {
        "active_total",
        "requests_received",
        "requests_answered",
        "withheld",
        "complaints",
        "reconsiderations",
        "lawsuits",
        "satisfaction_pct",
        "fees",
    }
    for f in RS.core_figures:
        assert f.part in STANDARD_PART_KEYS and f.units
    assert RS.figure("requests_answered").all_of == "requests_received"
    specs = {s.key: s for s in RS.field_patterns()}
    assert specs["complaints"].parts == ("complaints",)


# ---------------------------------------------------------------- examples in the YAML

LEXICONS = [(where, lex) for where, lex in RS.lexicons() if lex.examples.match or lex.examples.no_match]


@pytest.mark.parametrize(("where", "lex"), LEXICONS, ids=[w for w, _ in LEXICONS])
def test_lexicon_examples(where: str, lex: Lexicon):
    for ex in lex.examples.match:
        hits = lex.finditer(ex.text)
        assert hits, f"{where}: 应命中 {ex.text!r}"
        if ex.hit is not None:
            assert _nospace(ex.hit) in [_nospace(h.text) for h in hits], (
                f"{where}: {ex.text!r} 应命中 {ex.hit!r}"
            )
        if ex.groups:
            assert any(all(h.groups.get(k) == v for k, v in ex.groups.items()) for h in hits), (
                f"{where}: {ex.text!r} 应取得 {dict(ex.groups)}，实际 {[dict(h.groups) for h in hits]}"
            )
        if ex.min_score is not None:
            assert lex.score(ex.text) >= ex.min_score, where
        if ex.max_score is not None:
            assert lex.score(ex.text) <= ex.max_score, where
    for text in lex.examples.no_match:
        assert not lex.finditer(text), (
            f"{where}: 不应命中 {text!r}，却命中 {[h.text for h in lex.finditer(text)]}"
        )


def test_some_lexicons_have_examples():
    names = {w for w, _ in LEXICONS}
    for rule in (
        "placeholder",
        "foreign_text",
        "conversion_artefact",
        "personal_data",
        "gov_template",
        "not_annual_report",
    ):
        assert any(w.startswith(f"rules: {rule}.") for w in names), rule
    for part in STANDARD_PART_KEYS:
        assert f"parts: {part}.headings" in names


def test_heading_examples_and_merges():
    for p in RS.parts:
        for ex in p.headings.examples.match:
            assert p.matches_heading(ex.text), (p.key, ex.text)
    assert RS.merge_examples
    for m in RS.merge_examples:
        assert tuple(p.key for p in RS.parts_for_heading(m.heading)) == m.parts, m.heading


def test_checklist_item_examples():
    checked = 0
    for it in RS.checklist.items:
        for ex in it.examples.match:
            assert it.matches(ex.text), (it.number, ex.text)
            checked += 1
        for text in it.examples.no_match:
            assert not it.matches(text), (it.number, text)
    assert checked
    assert RS.checklist.item(15).matches("财务资产管理制度")
    assert RS.checklist.column_role("网址链接") == "link"
    assert RS.checklist.column_role("公开事项") == "item"


def test_citation_examples_and_valid_numbers():
    cites = RS.citations
    for c in cites.wrong:
        assert c.examples.match, c.id
        for ex in c.examples.match:
            assert [h for h in cites.find_wrong(ex.text) if h.citation.id == c.id], (c.id, ex.text)
        for text in c.examples.no_match:
            assert not [h for h in cites.find_wrong(text) if h.citation.id == c.id], (c.id, text)
        assert RS.rule("wrong_citation").messages[c.message]
    for v in cites.valid:
        for variant in (
            v.number,
            v.number.replace("〔", "[").replace("〕", "]"),
            v.number.replace("〔", "（").replace("〕", "）"),
        ):
            assert not cites.find_wrong(f"根据{variant}文件"), variant
    hit = cites.find_wrong("依据 教办厅函 [2014] 23号 的要求")[0]
    assert hit.text == "教办厅函 [2014] 23号" and hit.citation.correct == "教办函〔2014〕23号"


def test_id_card_check():
    assert id_card_ok("11010519491231002X")
    assert id_card_ok("11010519491231002x")
    assert not id_card_ok("110105194912310021")


# ---------------------------------------------------------------- against real and probe reports

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CASES = [*SEEDS, *sorted(p.name.removesuffix(".truth.json") for p in CORPUS.glob("*.truth.json"))]
ANNEX = "附表 清单事项公开情况表"
PLACEHOLDER = RS.rule("placeholder").lexicon("triggers")
PERSONAL = [RS.rule("personal_data").lexicon(n) for n in ("mobile", "id_card", "email", "person")]
WEB = RS.rule("foreign_text").lexicon("web_residue")
ARTEFACT = [RS.rule("conversion_artefact").lexicon(n) for n in ("markers", "mojibake")]
# truth defect kind → (rule id, lexicons that must hit its quote; None: not always lexical)
KINDS: dict[str, tuple[str, list[Lexicon] | None]] = {
    "placeholder": ("placeholder", [PLACEHOLDER]),
    "personal_mobile": ("personal_data", PERSONAL),
    "personal_qq_email": ("personal_data", PERSONAL),
    "personal_data": ("personal_data", PERSONAL),
    "web_footer": ("foreign_text", [WEB]),
    "foreign_text": ("foreign_text", None),  # also another school as the subject: not lexical
    "word_artefact": ("conversion_artefact", ARTEFACT),
    "conversion_artefact": ("conversion_artefact", ARTEFACT),
}
RULE_LEXICONS = {
    "placeholder": [PLACEHOLDER],
    "personal_data": PERSONAL,
    "foreign_text": [WEB],
    "conversion_artefact": ARTEFACT,
}


def _case(name: str) -> tuple[str, dict]:
    if name in SEEDS:
        return shared_path("samples", f"{name}.txt").read_text(encoding="utf-8"), truth(name)
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))


def _is_report(t: dict) -> bool:
    return not any(d["kind"] == "not_annual_report_format" for d in t["defects"])


@pytest.mark.parametrize("name", CASES)
def test_top_headings_name_only_present_parts(name: str):
    _, t = _case(name)
    if not _is_report(t):
        pytest.skip("not an annual report: its headings are not parts")
    found = set()
    for s in t["sections"]:
        if s["level"] == 1:
            found |= {p.name for p in RS.parts_for_heading(s["title"])}
    # An annex heading with no table is still a missing annex (seed 004), so the annex is left out.
    assert not found & (set(t["standard_parts_missing"]) - {ANNEX})
    assert found - {ANNEX} <= set(t["standard_parts_present"])


@pytest.mark.parametrize("name", CASES)
def test_lexical_defects_and_traps(name: str):
    """Lexical defects of the truth are hit, trap quotes are not, and nothing else in the text is."""
    text, t = _case(name)
    expected = {rule: [] for rule in RULE_LEXICONS}
    for d in t["defects"]:
        if d["kind"] in KINDS:
            rule, lexicons = KINDS[d["kind"]]
            expected[rule].append(d["quote"])
            assert lexicons is None or any(lex.finditer(d["quote"]) for lex in lexicons), d
    for trap in t.get("traps", []):
        for lex in RULE_LEXICONS.get(trap["rule"], []):
            for h in lex.finditer(trap["quote"]):
                assert any(h.text in q for q in expected[trap["rule"]]), (trap, h.text)
    for rule, lexicons in RULE_LEXICONS.items():
        for lex in lexicons:
            for h in lex.finditer(text):
                assert any(h.text in q or q in text[h.start - 40 : h.end + 40] for q in expected[rule]), (
                    f"{rule} 误报 {h.text!r}"
                )


@pytest.mark.parametrize("name", CASES)
def test_citations_in_reports(name: str):
    """Wrong citations are found and traps are not, judged by the report's period (dated citations)."""
    text, t = _case(name)
    start, end = (dt.date.fromisoformat(t[k]) if t[k] else None for k in ("period_start", "period_end"))
    wrong = [d["quote"] for d in t["defects"] if d["kind"] == "wrong_citation"]
    for q in wrong:
        assert RS.citations.find_wrong(q, start, end), q
    for trap in t.get("traps", []):
        if trap["rule"] == "wrong_citation":
            assert not RS.citations.find_wrong(trap["quote"], start, end), trap
    for h in RS.citations.find_wrong(text, start, end):
        assert any(h.text in q for q in wrong), h.text


@pytest.mark.parametrize("name", CASES)
def test_core_figure_quotes(name: str):
    _, t = _case(name)
    for fig in t["figures"]:
        spec = RS.figure_named(fig["label"])
        if spec is None or not spec.core or fig["value"] is None or "\t" in fig["quote"]:
            continue  # table rows are read as tables
        if fig["quote"].startswith("|"):
            continue  # a table row: read by its row label (tests/core/engine/test_generalise.py)
        quote = simplified(fig["quote"])  # lexicons run on the simplified view
        hits = spec.patterns.finditer(quote) or spec.zero.finditer(quote) or spec.all.finditer(quote)
        # or by structure: a subject word of the field, then the number, in one clause
        hits = hits or (
            spec.subjects.finditer(quote)
            and re.search(r"\d", quote.split(spec.subjects.search(quote).text, 1)[1])
        )
        assert hits, (spec.key, fig["quote"])


@pytest.mark.parametrize("name", CASES)
def test_period_title_and_template(name: str):
    text, t = _case(name)
    if t["period_start"]:
        y, m, d = (str(int(x)) for x in t["period_start"].split("-"))
        hits = RS.figure("period_start").patterns.finditer(text)
        assert any((h.groups.get("y1"), h.groups.get("m1"), h.groups.get("d1")) == (y, m, d) for h in hits)
    title = "".join(s["title"] for s in t["sections"] if s["level"] == 0)
    if title:
        assert RS.rule("not_annual_report").lexicon("title_reject").matches(title) != _is_report(t), title
    gov = RS.rule("gov_template")
    is_gov = any(d["kind"] == "gov_template" for d in t["defects"])
    assert (gov.lexicon("markers").score(text) >= gov.params["threshold"]) == is_gov


# ---------------------------------------------------------------- replacement and broken files

PARTS_REPLACEMENT = """
parts:
  - key: summary
    name: 总体情况
    label: Summary
    required: true
    severity: error
    headings: [总体情况]
  - key: requests
    name: 依申请公开情况
    label: Requests
    required: false
    severity: info
    headings:
      terms: [依申请]
      examples: {match: [三、依申请公开情况], no_match: [一、总体情况]}
  - key: extra
    name: 疫情防控信息公开
    label: Epidemic
    required: false
    severity: warning
    headings: [{re: '疫情'}]
"""


def test_replacement_parts_file(tmp_path: Path):
    f = tmp_path / "my-parts.yaml"
    f.write_text(PARTS_REPLACEMENT, encoding="utf-8")
    rs = load_rules(parts_file=f)
    assert rs.part_keys == ("summary", "requests", "extra")
    assert rs.part("requests").severity == "info" and not rs.part("requests").required
    assert [p.key for p in rs.parts_for_heading("三、依申请公开情况")] == ["requests"]
    assert len(rs.checklist.items) == 50 and load_rules() is RS


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    d = tmp_path / "rules"
    shutil.copytree(resource("rules"), d)
    return d


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


BROKEN = [
    pytest.param(
        "parts.yaml",
        "  - key: active\n",
        "  - key: overview\n",
        "部分 key“overview”重复",
        id="duplicate-part-key",
    ),
    pytest.param(
        "parts.yaml",
        "  - key: other\n",
        "  - key: other2\n",
        "缺少标准部分：other",
        id="standard-part-missing",
    ),
    pytest.param("rules.yaml", "re: '某某'", "re: '某某('", "正则表达式无法编译", id="bad-regex"),
    pytest.param("rules.yaml", "re: '某某'", "re: '(某某)?'", "能匹配空文字", id="empty-regex"),
    pytest.param(
        "rules.yaml",
        "    severity: warning\n    title: 清单事项不全\n",
        "    title: 清单事项不全\n",
        "缺少字段“severity”",
        id="missing-field",
    ),
    pytest.param(
        "rules.yaml",
        "    severity: warning\n    title: 清单事项不全\n",
        "    severity: fatal\n    title: 清单事项不全\n",
        "严重程度“fatal”无效",
        id="bad-severity",
    ),
    pytest.param(
        "rules.yaml",
        "  - id: truncated\n",
        "  - id: truncation\n",
        "未知的规则 id“truncation”",
        id="unknown-rule",
    ),
    pytest.param(
        "rules.yaml",
        "      default: 存在未替换的模板占位内容“{quote}”",
        "      default: 存在未替换的模板占位内容“{quote”",
        "占位符写法有误",
        id="bad-placeholder",
    ),
    pytest.param(
        "rules.yaml",
        "      default: 存在未替换的模板占位内容“{quote}”",
        "      default: 存在未替换的模板占位内容“{quoted}”",
        "未知的占位符",
        id="unknown-placeholder",
    ),
    pytest.param(
        "rules.yaml",
        "    title: 数据合计不符\n",
        "    title: 数据合计不符\n    title: 重复\n",
        "重复的键“title”",
        id="duplicate-yaml-key",
    ),
    pytest.param(
        "checklist.yaml", "  - number: 50\n", "  - number: 49\n", "事项应为第1～50项", id="duplicate-item"
    ),
    pytest.param("checklist.yaml", "    category: 十\n", "    category: 九\n", "该类应有", id="wrong-count"),
    pytest.param(
        "checklist.yaml",
        "    evidence: label\n",
        "    evidence: hearsay\n",
        "evidence“hearsay”无效",
        id="bad-evidence",
    ),
    pytest.param("categories.yaml", 'colour: "#e63946"', 'colour: "red"', "#rrggbb", id="bad-colour"),
    pytest.param(
        "citations.yaml",
        "number: 教办厅函〔2014〕23号",
        "number: 教办函〔2014〕23号",
        "真实文号",
        id="citation-flags-valid",
    ),
    pytest.param(
        "figures.yaml", "  - key: fees\n", "  - key: charges\n", "缺少字段：fees", id="figure-missing"
    ),
    pytest.param(
        "figures.yaml", "(?:达)?\\s*{{num}}", "(?:达)?\\s*{{number}}", "未定义的片段", id="unknown-fragment"
    ),
    pytest.param(
        "score.yaml",
        "      - id: on_time\n",
        "      - id: punctual\n",
        "没有检查项“punctual”",
        id="unknown-score-check",
    ),
    pytest.param("score.yaml", "scale: 100\n", "scale: [100\n", "YAML 格式错误", id="yaml-syntax"),
]


@pytest.mark.parametrize(("name", "old", "new", "problem"), BROKEN)
def test_broken_files_raise_rules_error(rules_copy: Path, name: str, old: str, new: str, problem: str):
    _edit(rules_copy / name, old, new)
    with pytest.raises(RulesError) as e:
        load_rules(rules_copy)
    assert e.value.path == str(rules_copy / name)
    assert name in str(e.value) and problem in str(e.value)


def test_missing_file(rules_copy: Path):
    (rules_copy / "score.yaml").unlink()
    with pytest.raises(RulesError, match="score.yaml.*找不到该文件"):
        load_rules(rules_copy)


def test_error_names_the_entry(rules_copy: Path):
    _edit(rules_copy / "rules.yaml", "re: '某某'", "re: '某某('")
    with pytest.raises(RulesError) as e:
        load_rules(rules_copy)
    assert e.value.where.startswith("rules[id=placeholder].lexicons.triggers.terms[")


def test_broken_replacement_parts_file(tmp_path: Path):
    f = tmp_path / "parts.yaml"
    f.write_text(PARTS_REPLACEMENT.replace("headings: [总体情况]", "headings: []"), encoding="utf-8")
    with pytest.raises(RulesError, match="至少要有一个标题关键词"):
        load_rules(parts_file=f)


def test_no_yes_stay_text(rules_copy: Path):
    """YAML 1.1 would read no/yes/on/off as booleans; the loader keeps them as text."""
    _edit(rules_copy / "categories.yaml", "    label: 其他\n", "    label: no\n")
    rs = load_rules(rules_copy)
    assert rs.vocabulary.label("note_categories", "other") == "no"


def test_squash_drops_exactly_what_isspace_calls_whitespace():
    """``squash`` works run by run with ``\\s+``; it must keep and map the same characters as a
    character-by-character ``str.isspace`` loop, for every code point."""
    from xxgk_desk.core.rules.model import squash

    def by_char(text: str) -> tuple[str, list[int]]:
        kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
        return "".join(ch for _, ch in kept), [i for i, _ in kept]

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert squash(every) == by_char(every)
    spaces = [c for c in every if c.isspace()]
    for text in (
        "",
        " ",
        "  a",
        "a  ",
        "第 一 部分\n\t概述",
        "".join(spaces) + "甲" + "".join(spaces),
        "甲乙",
    ):
        assert squash(text) == by_char(text)
    assert squash(" 信息 公开 ")[0] == "信息公开" and squash(" 信息 公开 ")[1] == [1, 2, 4, 5]
