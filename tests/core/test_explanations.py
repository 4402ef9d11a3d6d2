"""The rule explanations (resources/rules/explanations.yaml) against the rule catalogue."""

from __future__ import annotations

import re

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


def test_both_languages_for_finds_why_and_todo():
    for ex in load_explanations().values():
        for attr in ("finds", "why", "todo"):
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
    assert entries[0].finds == entries[0].explanation.finds_en


def test_what_a_rule_finds_is_told_in_reviewers_words():
    """The rules list and the letter's appendix speak to reviewers: no file, parameter or key names."""
    for e in rule_entries(load_rules()) + rule_entries(load_rules(), english=True):
        assert not re.search(r"\.ya?ml|params\.|required|severity|threshold|[a-z]+_[a-z]+", e.finds), e.id


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("explanations:\n  - {id: x, basis: [nope], why: a, todo: b}\n", "nope"),
        ("bases: {a: {title: t}}\nexplanations:\n  - {id: x, basis: [a], finds: f, why: a}\n", "todo"),
        ("bases: {a: {title: t}}\nexplanations:\n  - {id: x, basis: [a], why: a, todo: b}\n", "finds"),
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
