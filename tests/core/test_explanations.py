"""The rule explanations (resources/rules/explanations.yaml) against the rule catalogue."""

from __future__ import annotations

import pytest

from xxgk_desk.core.rules import load_rules
from xxgk_desk.core.rules.explanations import (
    ExplanationsError,
    load_explanations,
    read_explanations,
    rule_entries,
)


def test_every_rule_has_an_explanation_and_no_more():
    rules = {r.id for r in load_rules().rules}
    notes = set(load_explanations())
    assert rules - notes == set(), f"规则缺少说明：{sorted(rules - notes)}"
    assert notes - rules == set(), f"说明了不存在的规则：{sorted(notes - rules)}"


def test_both_languages_for_why_and_todo():
    for ex in load_explanations().values():
        for attr in ("why", "todo"):
            assert ex.get(attr) and ex.get(attr, english=True) != ex.get(attr), (ex.rule, attr)


def test_basis_numbers_are_real_document_numbers():
    valid = {c.number for c in load_rules().citations.valid}
    for ex in load_explanations().values():
        for b in ex.basis:
            assert not b.number or b.number in valid, (ex.rule, b.number)


def test_basis_line_carries_dates():
    banfa = next(b for ex in load_explanations().values() for b in ex.basis if b.key == "banfa")
    assert banfa.text() == "《高等学校信息公开办法》（教育部令第29号），2010-09-01起施行"
    assert "in force from 2010-09-01" in banfa.text(english=True)


def test_rule_entries_follow_the_catalogue():
    rules = load_rules()
    entries = rule_entries(rules, english=True)
    assert [e.id for e in entries] == [r.id for r in rules.rules]
    assert entries[0].title == rules.rules[0].title_en


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("explanations:\n  - {id: x, basis: [nope], why: a, todo: b}\n", "nope"),
        ("bases: {a: {title: t}}\nexplanations:\n  - {id: x, basis: [a], why: a}\n", "todo"),
        ("bases: {a: {title: t, valid_from: 2020}}\n", "YYYY-MM-DD"),
        ("explanations: [\n", "无法读取"),
    ],
)
def test_malformed_file_is_one_line(tmp_path, body, words):
    p = tmp_path / "explanations.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(ExplanationsError) as info:
        read_explanations(p)
    assert words in str(info.value) and "\n" not in str(info.value)
