"""Builders for each rules file (categories, rules, parts, checklist, citations, figures, score)."""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType

from xxgk_desk.core.rules.model import (
    CHECKLIST_COUNTS,
    EVIDENCE,
    FIGURE_KEYS,
    FIGURE_KINDS,
    RULE_IDS,
    SCORE_CHECKS,
    SEVERITIES,
    STANDARD_PART_KEYS,
    Checklist,
    ChecklistCategory,
    ChecklistItem,
    Choice,
    Citation,
    Citations,
    Figure,
    FigureTerm,
    Keyword,
    Lexicon,
    MergeExample,
    NotApplicableReason,
    Part,
    PartGroup,
    Rule,
    ScoreCheck,
    ScoreComponent,
    ScoreModel,
    ValidCitation,
    Vocabulary,
)
from xxgk_desk.core.rules.reading import Source, compile_regex, read_examples, read_lexicon, read_message

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_OPEN, _CLOSE = "[〔\\[(（【［]", "[〕\\])）】］]"


def _choices(src: Source, key: str, required: tuple[str, ...], exact: bool = False) -> tuple[Choice, ...]:
    out = []
    for where, d in src.items(src.data, key, ""):
        colour = src.text(d, "colour", where, None)
        if colour is not None and not _COLOUR.match(colour):
            raise src.fail(where, f"颜色“{colour}”应写成 #rrggbb")
        out.append(
            Choice(
                src.key(d, where, "id"),
                src.text(d, "label", where),
                src.text(d, "label_en", where),
                colour,
                src.text(d, "note", where, ""),
                src.get(d, "rank", where, int, 0),
                src.text(d, "short", where, ""),
                src.text(d, "note_en", where, ""),
            )
        )
    ids = [c.id for c in out]
    src.unique(ids, key, "id")
    missing = [r for r in required if r not in ids]
    if missing:
        raise src.fail(key, f"缺少必需的 id：{'、'.join(missing)}")
    if exact and len(ids) != len(required):
        raise src.fail(key, f"只能有这些 id：{'、'.join(required)}")
    return tuple(out)


def read_vocabulary(src: Source) -> Vocabulary:
    cats = _choices(
        src,
        "note_categories",
        ("missing", "data_error", "wording", "privacy", "timeliness", "other", "highlight"),
    )
    statuses = _choices(src, "note_statuses", ("open", "resolved", "wont_fix"))
    states = _choices(src, "review_states", ("unreviewed", "in_progress", "done"))
    vocab = Vocabulary(
        cats,
        _choices(src, "severities", SEVERITIES, exact=True),
        statuses,
        states,
        _choices(src, "conclusions", ("pass", "basic_pass", "resubmit")),
        _choices(src, "finding_decisions", ("accepted", "dismissed")),
        src.text(src.data, "default_note_category", "", "other"),
        src.text(src.data, "default_note_status", "", "open"),
        src.text(src.data, "default_review_state", "", "unreviewed"),
        _choices(src, "part_statuses", ("present", "merged", "missing"), exact=True),
        _choices(src, "checklist_statuses", ("covered", "not_found", "not_applicable"), exact=True),
        _choices(src, "coverage_levels", ("present", "partial", "missing"), exact=True),
    )
    for field_name, kind in (
        ("default_note_category", cats),
        ("default_note_status", statuses),
        ("default_review_state", states),
    ):
        value = getattr(vocab, field_name)
        if value not in {c.id for c in kind}:
            raise src.fail(field_name, f"“{value}”不在可选 id 中")
    return vocab


def _date(src: Source, d: dict, key: str, where: str) -> dt.date | None:
    """An optional ISO date (YAML reads 2019-05-14 as a date already)."""
    raw = d.get(key)
    if raw is None:
        return None
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise src.fail(where, f"{key} 不是日期（应写成 2019-05-14）：{raw!r}") from None


def read_rules(src: Source, vocab: Vocabulary) -> tuple[tuple[Rule, ...], dict[str, str]]:
    raw_ph = src.get(src.data, "placeholders", "", dict)
    placeholders = {str(k): str(v) for k, v in raw_ph.items()}
    categories = {c.id for c in vocab.note_categories}
    rules = []
    for where, d in src.items(src.data, "rules", ""):
        rid = src.key(d, where, "id")
        where = f"rules[id={rid}]"
        if rid not in RULE_IDS:
            raise src.fail(where, f"未知的规则 id“{rid}”；新规则需要先在引擎中实现")
        raw_msgs = src.get(d, "messages", where, dict)
        if "default" not in raw_msgs:
            raise src.fail(f"{where}.messages", "缺少 default 消息")
        messages = {
            str(k): read_message(src, f"{where}.messages.{k}", str(k), v, placeholders)
            for k, v in raw_msgs.items()
        }
        category = src.text(d, "category", where)
        if category not in categories:
            raise src.fail(where, f"批注分类“{category}”不在 categories.yaml 的 note_categories 中")
        lexicons = {
            str(name): read_lexicon(src, f"{where}.lexicons.{name}", raw, messages=set(messages))
            for name, raw in src.get(d, "lexicons", where, dict, {}).items()
        }
        rules.append(
            Rule(
                rid,
                src.severity(d, where),
                src.text(d, "title", where),
                category,
                MappingProxyType(messages),
                src.text(d, "detects", where, ""),
                src.texts(d, "not_triggered_by", where),
                MappingProxyType(dict(src.get(d, "params", where, dict, {}))),
                MappingProxyType(lexicons),
                _date(src, d, "valid_from", where),
                _date(src, d, "valid_to", where),
                src.text(d, "title_en", where, ""),
            )
        )
    ids = [r.id for r in rules]
    src.unique(ids, "rules", "规则 id")
    missing = [r for r in RULE_IDS if r not in ids]
    if missing:
        raise src.fail("rules", f"缺少规则：{'、'.join(missing)}")
    return tuple(rules), placeholders


def read_parts(
    src: Source, rule_ids: set[str], *, standard: bool
) -> tuple[tuple[Part, ...], tuple[MergeExample, ...]]:
    parts = []
    for i, (where, d) in enumerate(src.items(src.data, "parts", "")):
        key = src.key(d, where)
        where = f"parts[key={key}]"
        missing_rule = src.text(d, "missing_rule", where, "missing_part")
        if missing_rule not in rule_ids:
            raise src.fail(where, f"missing_rule“{missing_rule}”不是已知的规则 id")
        groups = []
        for gw, g in src.items(d, "groups", where) if "groups" in d else ():
            gkey = src.key(g, gw)
            groups.append(
                PartGroup(
                    gkey,
                    src.text(g, "name", gw),
                    read_lexicon(src, f"{gw}.terms", g.get("terms"), ignore_spaces=True),
                )
            )
        src.unique([g.key for g in groups], f"{where}.groups", "组 key")
        headings = read_lexicon(
            src, f"{where}.headings", src.get(d, "headings", where, (list, dict)), ignore_spaces=True
        )
        if not headings.terms:
            raise src.fail(f"{where}.headings", "至少要有一个标题关键词")
        parts.append(
            Part(
                key,
                src.text(d, "name", where),
                src.text(d, "label", where),
                i + 1,
                src.get(d, "required", where, bool, True),
                src.severity(d, where),
                missing_rule,
                headings,
                read_lexicon(src, f"{where}.exclude", d.get("exclude"), ignore_spaces=True),
                read_lexicon(src, f"{where}.legacy", d.get("legacy"), ignore_spaces=True),
                read_lexicon(src, f"{where}.leads", d.get("leads"), ignore_spaces=True),
                tuple(groups),
                src.get(d, "from_preamble", where, bool, False),
                src.text(d, "note", where, ""),
            )
        )
    if not parts:
        raise src.fail("parts", "至少要有一个部分")
    keys = [p.key for p in parts]
    src.unique(keys, "parts", "部分 key")
    src.unique([p.name for p in parts], "parts", "部分名称")
    if standard:
        missing = [k for k in STANDARD_PART_KEYS if k not in keys]
        if missing:
            raise src.fail("parts", f"缺少标准部分：{'、'.join(missing)}")
    merges = []
    for where, d in src.items(src.data, "merge_examples", "") if "merge_examples" in src.data else ():
        mparts = src.texts(d, "parts", where)
        for k in mparts:
            if k not in keys:
                raise src.fail(where, f"部分“{k}”不存在")
        merges.append(MergeExample(src.text(d, "heading", where), mparts))
    return tuple(parts), tuple(merges)


def read_checklist(src: Source) -> Checklist:
    cats = []
    for where, d in src.items(src.data, "categories", ""):
        cats.append(
            ChecklistCategory(
                src.text(d, "number", where),
                src.get(d, "index", where, int),
                src.text(d, "name", where),
                src.texts(d, "variants", where),
                src.get(d, "count", where, int),
                src.text(d, "note", where, ""),
            )
        )
    numbers = [c.number for c in cats]
    if numbers != list(CHECKLIST_COUNTS):
        raise src.fail(
            "categories", f"类别应依次为 {'、'.join(CHECKLIST_COUNTS)}，实际为 {'、'.join(numbers)}"
        )
    for i, c in enumerate(cats, 1):
        if c.index != i or c.count != CHECKLIST_COUNTS[c.number]:
            raise src.fail(
                f"categories[number={c.number}]", f"index 应为 {i}，count 应为 {CHECKLIST_COUNTS[c.number]}"
            )
    src.unique([c.name for c in cats], "categories", "类别名称")

    reasons_raw = src.get(src.data, "not_applicable", "", dict)
    reasons = []
    for where, d in src.items(reasons_raw, "reasons", "not_applicable"):
        key = src.key(d, where)
        nums = src.get(d, "items", where, list)
        if not all(isinstance(n, int) and 1 <= n <= 50 for n in nums):
            raise src.fail(where, "items 应为 1～50 的事项序号")
        reasons.append(
            NotApplicableReason(
                key,
                src.text(d, "label", where),
                tuple(nums),
                read_lexicon(src, f"{where}.terms", d.get("terms"), ignore_spaces=True),
                src.text(d, "note", where, ""),
            )
        )
    src.unique([r.key for r in reasons], "not_applicable.reasons", "key")
    reason_items = {r.key: set(r.items) for r in reasons}

    items = []
    for where, d in src.items(src.data, "items", ""):
        number = src.get(d, "number", where, int)
        where = f"items[number={number}]"
        category = src.text(d, "category", where)
        if category not in CHECKLIST_COUNTS:
            raise src.fail(where, f"类别“{category}”不存在")
        evidence = src.text(d, "evidence", where)
        if evidence not in EVIDENCE:
            raise src.fail(where, f"evidence“{evidence}”无效，应为 {'/'.join(EVIDENCE)}")
        keywords = []
        for i, k in enumerate(src.get(d, "keywords", where, list)):
            kw = f"{where}.keywords[{i}]"
            if isinstance(k, dict) and set(k) == {"all"}:
                terms = src.texts(k, "all", kw, ...)
            elif isinstance(k, (str, int)) and not isinstance(k, bool) and str(k).strip():
                terms = (str(k).strip(),)
            else:
                raise src.fail(kw, "关键词应为文字或 {all: [词1, 词2]}")
            if not terms:
                raise src.fail(kw, "all 至少要有一个词")
            keywords.append(Keyword(terms))
        if not keywords:
            raise src.fail(where, "至少要有一个关键词")
        na = src.texts(d, "not_applicable", where)
        for r in na:
            if r not in reason_items:
                raise src.fail(where, f"not_applicable 引用了不存在的情形“{r}”")
            if number not in reason_items[r]:
                raise src.fail(where, f"情形“{r}”的 items 中没有第{number}项")
        items.append(
            ChecklistItem(
                number,
                category,
                src.text(d, "text", where),
                evidence,
                tuple(keywords),
                src.text(d, "evidence_note", where, ""),
                na,
                src.text(d, "note", where, ""),
                read_examples(src, f"{where}.examples", d.get("examples")),
            )
        )
    numbers_seen = [it.number for it in items]
    if numbers_seen != list(range(1, 51)):
        raise src.fail(
            "items", f"事项应为第1～50项、按序排列且不重复，实际共 {len(items)} 项：{numbers_seen}"
        )
    for c in cats:
        got = sum(1 for it in items if it.category == c.number)
        if got != c.count:
            raise src.fail(f"categories[number={c.number}]", f"该类应有 {c.count} 项，items 中实有 {got} 项")
    for reason in reasons:
        for n in reason.items:
            if reason.key not in items[n - 1].not_applicable:
                raise src.fail(
                    f"not_applicable.reasons[key={reason.key}]",
                    f"第{n}项的 not_applicable 中没有“{reason.key}”",
                )

    columns_raw = src.get(src.data, "annex_columns", "", dict)
    columns = {str(role): src.texts(columns_raw, role, "annex_columns", ...) for role in columns_raw}
    return Checklist(
        tuple(cats),
        tuple(items),
        read_lexicon(src, "not_applicable.phrases", reasons_raw.get("phrases")),
        tuple(reasons),
        MappingProxyType(columns),
        read_lexicon(src, "link", src.data.get("link")),
    )


def _widen(pattern: str) -> str:
    """Let 〔〕 in a document number stand for any bracket pair ([] () （） 【】 ［］)."""
    return pattern.replace("〔", _OPEN).replace("〕", _CLOSE)


def _number_regex(src: Source, where: str, d: dict) -> re.Pattern[str]:
    if ("number" in d) == ("re" in d):
        raise src.fail(where, "须有 number（文号原文）或 re（正则）之一")
    if "number" in d:
        literal = re.sub(r"\s+", "", src.text(d, "number", where))
        return compile_regex(
            src, where, _widen(re.escape(literal).replace("\\〔", "〔").replace("\\〕", "〕"))
        )
    return compile_regex(src, where, _widen(src.text(d, "re", where)))


def read_citations(src: Source, messages: set[str]) -> Citations:
    wrong = []
    for where, d in src.items(src.data, "wrong", ""):
        cid = src.key(d, where, "id")
        where = f"wrong[id={cid}]"
        message = src.text(d, "message", where, "default")
        if message not in messages:
            raise src.fail(where, f"消息变体“{message}”在 wrong_citation 规则中不存在")
        wrong.append(
            Citation(
                cid,
                _number_regex(src, where, d),
                src.text(d, "correct", where),
                src.text(d, "title", where),
                message,
                src.texts(d, "historical", where),
                src.get(d, "window", where, int, 40),
                src.text(d, "note", where, ""),
                read_examples(src, f"{where}.examples", d.get("examples")),
                _date(src, d, "valid_from", where),
                _date(src, d, "valid_to", where),
            )
        )
    src.unique([c.id for c in wrong], "wrong", "id")
    valid = []
    for where, d in src.items(src.data, "valid", ""):
        number = src.text(d, "number", where)
        valid.append(
            ValidCitation(
                number,
                _number_regex(src, where, d),
                src.text(d, "title", where),
                src.get(d, "year", where, int, None),
                src.text(d, "note", where, ""),
                _date(src, d, "valid_from", where),
                _date(src, d, "valid_to", where),
            )
        )
    src.unique([v.number for v in valid], "valid", "文号")
    for v in valid:
        for c in wrong:
            if c.regex.search(re.sub(r"\s+", "", v.number)):
                raise src.fail(f"wrong[id={c.id}]", f"会把真实文号“{v.number}”当作错误")
    return Citations(tuple(wrong), tuple(valid))


def read_figures(src: Source, part_keys: set[str]) -> tuple[Figure, ...]:
    fragments = {str(k): str(v) for k, v in src.get(src.data, "fragments", "", dict, {}).items()}
    figures = []
    for where, d in src.items(src.data, "fields", ""):
        key = src.key(d, where)
        where = f"fields[key={key}]"
        part = src.text(d, "part", where, None)
        if part is not None and part not in part_keys:
            raise src.fail(where, f"部分“{part}”不存在")
        kind = src.text(d, "kind", where)
        if kind not in FIGURE_KINDS:
            raise src.fail(where, f"kind“{kind}”无效，应为 {'/'.join(FIGURE_KINDS)}")

        def lex(name: str, where: str = where, d: dict = d) -> Lexicon:
            return read_lexicon(src, f"{where}.{name}", d.get(name), fragments=fragments)

        def subterms(name: str, where: str = where, d: dict = d) -> tuple[FigureTerm, ...]:
            if name not in d:
                return ()
            out = []
            for sw, s in src.items(d, name, where):
                out.append(
                    FigureTerm(
                        src.key(s, sw),
                        src.text(s, "label", sw),
                        read_lexicon(src, f"{sw}.terms", s.get("terms")),
                    )
                )
            return tuple(out)

        patterns = lex("patterns")
        if not patterns.terms:
            raise src.fail(f"{where}.patterns", "至少要有一个正则")
        if kind in ("count", "percent", "money", "text", "year"):
            for t in patterns.terms:
                if "value" not in t.regex.groupindex:
                    raise src.fail(f"{where}.patterns", f"正则缺少 (?P<value>…) 分组：{t.regex.pattern}")
        figures.append(
            Figure(
                key,
                src.text(d, "label", where),
                part,
                src.get(d, "core", where, bool),
                kind,
                src.texts(d, "units", where),
                patterns,
                lex("zero"),
                lex("all"),
                src.text(d, "all_of", where, None),
                src.text(d, "depends_on", where, None),
                src.texts(d, "hints", where),
                src.text(d, "note", where, ""),
                src.texts(d, "aliases", where),
                subterms("channels"),
                subterms("outcomes"),
                lex("subjects"),
            )
        )
    keys = [f.key for f in figures]
    src.unique(keys, "fields", "key")
    missing = [k for k in FIGURE_KEYS if k not in keys]
    if missing:
        raise src.fail("fields", f"缺少字段：{'、'.join(missing)}")
    for f in figures:
        for ref in (f.all_of, f.depends_on):
            if ref is not None and ref not in keys:
                raise src.fail(f"fields[key={f.key}]", f"引用的字段“{ref}”不存在")
        if f.all.terms and f.all_of is None:
            raise src.fail(f"fields[key={f.key}]", "有 all 词表时必须写 all_of")
    return tuple(figures)


def read_score(src: Source) -> ScoreModel:
    comps = []
    for where, d in src.items(src.data, "components", ""):
        cid = src.text(d, "id", where)
        where = f"components[id={cid}]"
        if cid not in SCORE_CHECKS:
            raise src.fail(where, f"未知的分项 id“{cid}”，可用：{'、'.join(SCORE_CHECKS)}")
        checks = []
        for cw, c in src.items(d, "checks", where):
            chk = src.text(c, "id", cw)
            if chk not in SCORE_CHECKS[cid]:
                raise src.fail(cw, f"分项 {cid} 没有检查项“{chk}”，可用：{'、'.join(SCORE_CHECKS[cid])}")
            weight = src.get(c, "weight", cw, float)
            if weight < 0:
                raise src.fail(cw, "权重不能为负数")
            options = {k: v for k, v in c.items() if k not in ("id", "name", "weight", "explain")}
            checks.append(
                ScoreCheck(
                    chk,
                    src.text(c, "name", cw),
                    weight,
                    src.text(c, "explain", cw, ""),
                    MappingProxyType(options),
                )
            )
        src.unique([c.id for c in checks], f"{where}.checks", "检查项 id")
        weight = src.get(d, "weight", where, float)
        if weight < 0:
            raise src.fail(where, "权重不能为负数")
        comps.append(
            ScoreComponent(
                cid,
                src.text(d, "name", where),
                src.text(d, "label", where),
                weight,
                src.text(d, "explain", where, ""),
                tuple(checks),
            )
        )
    ids = [c.id for c in comps]
    src.unique(ids, "components", "分项 id")
    missing = [c for c in SCORE_CHECKS if c not in ids]
    if missing:
        raise src.fail("components", f"缺少分项：{'、'.join(missing)}（不用时可把权重设为 0）")
    if sum(c.weight for c in comps) <= 0:
        raise src.fail("components", "分项权重之和必须大于 0")
    scale = src.get(src.data, "scale", "", float, 100.0)
    if scale <= 0:
        raise src.fail("scale", "满分必须大于 0")
    return ScoreModel(scale, src.get(src.data, "decimals", "", int, 1), tuple(comps))
