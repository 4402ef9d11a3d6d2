"""The wording checks (issue 20): the examples of wording_checks.yaml, whole reports, and linear time."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.findings import wording
from xxgk_desk.core.engine.model import FieldValue
from xxgk_desk.core.pipeline import check, read
from xxgk_desk.core.rules import load_rules
from xxgk_desk.core.rules.wording import load_wording

W = load_wording()
RS = load_rules()


@pytest.mark.parametrize("where,lex", W.lexicons(), ids=[w for w, _ in W.lexicons()])
def test_lexicon_examples(where, lex):
    assert lex.examples.match, f"{where}: no examples"
    for ex in lex.examples.match:
        assert lex.matches(ex.text), f"{where}: should match {ex.text!r}"
    for text in lex.examples.no_match:
        assert not lex.matches(text), f"{where}: should not match {text!r}"


def test_every_entry_has_both_kinds_of_example():
    for e in W.word_usage + W.stale:
        assert e.terms.examples.match and e.terms.examples.no_match, e.id
        assert e.fix.endswith("。"), e.id


def test_part_name_examples():
    match, no_match = W.part_examples
    for t in match:
        assert wording.part_slip(t, W) is not None, t
    for t in no_match:
        assert wording.part_slip(t, W) is None, t


def _review(tmp_path, text: str, name: str = "r.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return check(str(p))


@pytest.mark.parametrize("i", range(len(W.institution_examples)))
def test_institution_examples(tmp_path, i):
    ex = W.institution_examples[i]
    ctx, facts = _ctx(tmp_path, ex["text"], ex["own"])
    found = [f.quote for f in wording.other_institutions(ctx, facts, W)]
    if ex["hit"]:
        assert any(ex["hit"] in q for q in found), found
    else:
        assert found == []


def test_stale_formulation_follows_the_period(tmp_path):
    body = "南京工程学院{y}学年信息公开工作年度报告\n本报告统计期限为{a}年9月1日至{b}年8月31日。学校深入学习贯彻党的十九大精神。\n"
    late = _review(tmp_path, body.format(y="2022—2023", a=2022, b=2023), "a.txt")
    early = _review(tmp_path, body.format(y="2020—2021", a=2020, b=2021), "b.txt")
    rules = lambda r: [f.rule for f in r.review.findings]  # noqa: E731
    assert "stale_formulation" in rules(late)
    assert "stale_formulation" not in rules(early)


def test_impossible_dates_and_ranges(tmp_path):
    ctx, _ = _ctx(tmp_path, "2023年9月31日召开会议；期限为2023年9月1日至2022年8月31日；2024年2月29日。")
    got = {(f.message.split("“")[0], f.quote) for f in wording.impossible(ctx, W)}
    quotes = {q for _, q in got}
    assert "2023年9月31日" in quotes
    assert "2023年9月1日至2022年8月31日" in quotes
    assert not any("2024年2月29日" == q for q in quotes)


# ---------------------------------------------------------------- linear time on 1,000,000 characters
SENTENCE = (
    "截止2023年8月31日，浙江大学深入学习贯彻党的十九大精神，认真的做好信息公开工作,满意度达到105%，"
    "共受理-2件，于2023年9月31日完成；与北京大学合作共建，《高校信息公开办法》（教办函[2014]23号）。\n"
)


def _ctx(tmp_path, text: str, own: str = "南京工程学院"):
    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    doc = read(str(p)).document
    facts = SimpleNamespace(fields={"institution": FieldValue("institution", own)})
    return Context(doc, (), RS), facts


CHECKS = {
    "other_institution": lambda c, f: wording.other_institutions(c, f, W),
    "word_usage": lambda c, f: wording.word_usage(c, W, None, None),
    "stale_formulation": lambda c, f: wording.stale(c, W, None, None),
    "impossible_fact": lambda c, f: wording.impossible(c, W),
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_linear_time(tmp_path, name):
    """1,000,000 characters take at most ~4× (bound 10×, plus slack) the time of 250,000: linear, not quadratic."""
    run = CHECKS[name]
    times, counts = [], []
    for n in (250_000, 1_000_000):
        text = (SENTENCE * (n // len(SENTENCE) + 1))[:n]
        ctx, facts = _ctx(tmp_path, text)
        t0 = time.perf_counter()
        counts.append(len(run(ctx, facts)))
        times.append(time.perf_counter() - t0)
    assert counts[1] >= 3 * counts[0] or name == "other_institution"  # every sentence is a slip
    assert times[1] <= 10 * times[0] + 1.0, times


def test_long_line_without_punctuation(tmp_path):
    """One 1,000,000-character line of names (no sentence end): bounded windows keep it linear."""
    ctx, facts = _ctx(tmp_path, "浙江大学学院" * 166_000)
    t0 = time.perf_counter()
    wording.other_institutions(ctx, facts, W)
    assert time.perf_counter() - t0 < 60


def test_another_schools_report_said_once(tmp_path):
    """“中山大学2023—2024学年信息公开…” is foreign_text's other_school; other_institution does not repeat it."""
    text = (
        "南京工程学院2023—2024学年信息公开工作年度报告\n"
        "现公布中山大学2023—2024学年信息公开工作年度报告。浙江大学高度重视信息公开工作。\n"
    )
    found = [(f.rule, f.quote) for f in _review(tmp_path, text).review.findings]
    assert any(r == "foreign_text" and "中山大学" in q for r, q in found), found
    others = [q for r, q in found if r == "other_institution"]
    assert not any("中山大学" in q for q in others) and any("浙江大学" in q for q in others), found
