"""Load and validate the review rules in ``resources/rules/*.yaml`` into a :class:`RuleSet`.

``load_rules()`` reads parts, 清单, rule catalogue, citations, vocabularies, core figures and
the score model; every problem raises :class:`RulesError` naming the file and the entry.
The records live in :mod:`xxgk_desk.core.rules.model` (re-exported here); the YAML reading in
:mod:`xxgk_desk.core.rules.reading` and :mod:`xxgk_desk.core.rules.files`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import MappingProxyType

from xxgk_desk.core.resources import resource
from xxgk_desk.core.rules.files import (
    read_checklist,
    read_citations,
    read_figures,
    read_parts,
    read_rules,
    read_score,
    read_vocabulary,
)
from xxgk_desk.core.rules.model import (
    STANDARD_PART_KEYS,
    Checklist,
    ChecklistCategory,
    ChecklistItem,
    Choice,
    Citation,
    CitationHit,
    Citations,
    FieldSpec,
    Figure,
    FigureTerm,
    Hit,
    Keyword,
    Lexicon,
    Message,
    Part,
    PartGroup,
    Rule,
    RuleSet,
    ScoreModel,
    Vocabulary,
)
from xxgk_desk.core.rules.reading import RulesError, Source
from xxgk_desk.core.rules.wording import load_wording

__all__ = [
    "Checklist",
    "ChecklistCategory",
    "ChecklistItem",
    "Choice",
    "Citation",
    "CitationHit",
    "Citations",
    "FieldSpec",
    "Figure",
    "FigureTerm",
    "Hit",
    "Keyword",
    "Lexicon",
    "Message",
    "Part",
    "PartGroup",
    "Rule",
    "RuleSet",
    "RulesError",
    "ScoreModel",
    "Vocabulary",
    "clear_rules_cache",
    "load_rules",
]

FILES = (
    "categories.yaml",
    "rules.yaml",
    "parts.yaml",
    "checklist.yaml",
    "citations.yaml",
    "figures.yaml",
    "score.yaml",
)


def _load(rules_dir: Path, parts_file: Path | None) -> RuleSet:
    paths = {name: rules_dir / name for name in FILES}
    if parts_file is not None:
        paths["parts.yaml"] = Path(parts_file)
    vocab = read_vocabulary(Source(paths["categories.yaml"]))
    rules, placeholders = read_rules(Source(paths["rules.yaml"]), vocab)
    rule_ids = {r.id for r in rules}
    parts, merges = read_parts(Source(paths["parts.yaml"]), rule_ids, standard=parts_file is None)
    checklist = read_checklist(Source(paths["checklist.yaml"]))
    wrong_citation = next(r for r in rules if r.id == "wrong_citation")
    citations = read_citations(Source(paths["citations.yaml"]), set(wrong_citation.messages))
    fig_src = Source(paths["figures.yaml"])
    figures = read_figures(fig_src, set(STANDARD_PART_KEYS) | {p.key for p in parts})
    table_columns = fig_src.texts(fig_src.data, "table_columns", "", ())
    score = read_score(Source(paths["score.yaml"]))
    return RuleSet(
        parts,
        checklist,
        rules,
        MappingProxyType(placeholders),
        citations,
        vocab,
        figures,
        score,
        merges,
        MappingProxyType({k: str(v) for k, v in paths.items()}),
        tuple(table_columns),
    )


@cache
def _default_rules() -> RuleSet:
    load_wording()  # the wording word lists fail (RulesError) when the rules are loaded, not mid-review
    return _load(resource("rules"), None)


def load_rules(rules_dir: Path | None = None, parts_file: Path | None = None) -> RuleSet:
    """The validated rules. With no arguments, the shipped rules (loaded once and cached).

    ``parts_file`` replaces ``parts.yaml`` (it may rename, reorder or add parts, but must have the
    same shape); ``rules_dir`` replaces the whole folder. Raises :class:`RulesError`.
    """
    if rules_dir is None and parts_file is None:
        return _default_rules()
    return _load(Path(rules_dir) if rules_dir is not None else resource("rules"), parts_file)


def clear_rules_cache() -> None:
    """Forget the cached default rules (after the YAML files were edited)."""
    _default_rules.cache_clear()
