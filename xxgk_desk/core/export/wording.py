"""The fixed wording of the exported documents (resources/rules/wording.yaml), checked once.

Every sentence with ``{placeholders}`` is validated on loading: a key the code needs and the file
lacks, or a placeholder the code does not fill, is an :class:`ExportError` naming the entry, so a
domain expert's edit fails with one clear line instead of a broken letter. ``{basis}`` (the legal
basis) is filled in everywhere from the file's own ``basis``.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from typing import Any

import yaml

from xxgk_desk.core.resources import resource

from .errors import ExportError

FILE = ("rules", "wording.yaml")

# Each entry the code reads, and the placeholders it fills there.
_B = "basis"
SCHEMA: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "memo.intro": {_B, "institution", "report_title"},
        "memo.intro_automatic": {_B, "institution", "report_title"},
        "memo.unknown_institution": set(),
        "memo.conclusion_automatic": set(),
        "memo.conclusion_none": set(),
        "memo.scope_automatic": set(),
        "memo.scope_only_open": {"status"},
        "memo.scope_undecided": {"mark"},
        "memo.scope_dismissed": set(),
        "letter.title_quoted": {"report_title"},
        "letter.title_named": {"institution", "year"},
        "letter.report_quoted": {"report_title"},
        "letter.report_named": {"year"},
        "letter.opening": {_B, "we", "report", "judgement"},
        "letter.judgement.pass": {"conclusion"},
        "letter.judgement.basic_pass": {"conclusion"},
        "letter.judgement.resubmit": {"conclusion"},
        "letter.judgement.none": set(),
        "letter.judgement.none_clean": set(),
        "letter.follow": set(),
        "letter.heading_problems": set(),
        "letter.heading_requirements": set(),
        "letter.issue_page": {"body", "page", "quote"},
        "letter.issue_section": {"body", "section", "quote"},
        "letter.issue_quote": {"body", "quote"},
        "letter.group_general": set(),
        "letter.group_preamble": set(),
        "letter.group_other": set(),
        "letter.requirements": {"days", "we"},
        "letter.no_requirements": set(),
        "letter.contact": {"contact", "phone"},
        "letter.contact_only": {"contact"},
        "letter.phone_only": {"phone"},
        "letter.closing": set(),
        "letter.annex_label": set(),
        "letter.annex_title": set(),
        "letter.rules_title": set(),
        "letter.rules_intro": set(),
        "letter.rules_labels.severity": set(),
        "letter.rules_labels.basis": set(),
        "letter.rules_labels.article": set(),
        "letter.rules_labels.why": set(),
        "letter.rules_labels.todo": set(),
        "letter.rules_severity.error": set(),
        "letter.rules_severity.warning": set(),
        "letter.rules_severity.info": set(),
        "letter.source_confirmed": set(),
        "letter.source_automatic": set(),
        "letter.annex_headers": set(),
        "letter.issuer_missing": set(),
        "notice.title": {"school_year"},
        "notice.addressee": set(),
        "notice.opening": {_B, "we", "province", "school_year"},
        "notice.heading_basic": set(),
        "notice.basic": {"province", "listed", "received", "timeliness", "missing", "we"},
        "notice.on_time": {"count"},
        "notice.late": {"count"},
        "notice.undated": {"count"},
        "notice.missing": {"missing", "names"},
        "notice.none_missing": set(),
        "notice.unlisted": {"count", "names"},
        "notice.heading_overall": set(),
        "notice.overall": {"counts", "average"},
        "notice.overall_pending": {"count"},
        "notice.overall_good": set(),
        "notice.overall_mixed": set(),
        "notice.heading_problems": set(),
        "notice.problem_line": {"count", "problems", "names"},
        "notice.no_problems": set(),
        "notice.heading_requirements": set(),
        "notice.requirements": {"days", "we"},
        "notice.annex_note": {"school_year"},
        "notice.annex_title": {"school_year"},
        "notice.annex_headers": set(),
        "notice.not_received": set(),
        "notice.no_conclusion": set(),
        "notice.no_date": set(),
    }.items()
}
#: list entries: how many items the code lays out (tables have fixed columns)
LIST_LENGTHS = {"letter.annex_headers": 6, "notice.annex_headers": 6}


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a sentence uses (ValueError when its braces do not pair)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def template_problem(text: str, allowed: frozenset[str]) -> str | None:
    """What is wrong with a sentence of a wording file (braces, unknown placeholders), or None."""
    try:
        unknown = placeholders(text) - allowed
    except ValueError:
        return "花括号不成对"
    if unknown:
        names = "、".join("{" + n + "}" for n in sorted(unknown))
        return f"使用了程序不认识的占位符 {names}"
    return None


class Wording:
    """The checked wording file. ``text("letter.follow", **values)`` fills one sentence."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data, self.where = data, where
        basis = data.get("basis")
        if not isinstance(basis, str) or not basis.strip():
            raise self._fail("basis", "缺少审核依据（basis）")
        self.basis = basis.strip()
        for key, allowed in SCHEMA.items():
            value = self._lookup(key)
            items = value if isinstance(value, list) else [value]
            if key in LIST_LENGTHS and (not isinstance(value, list) or len(value) != LIST_LENGTHS[key]):
                raise self._fail(key, f"应为 {LIST_LENGTHS[key]} 项的列表")
            for item in items:
                if not isinstance(item, str):
                    raise self._fail(key, "应为文字")
                problem = template_problem(item, allowed)
                if problem:
                    raise self._fail(key, problem)

    def _fail(self, key: str, why: str) -> ExportError:
        return ExportError("wording", f"措辞文件 {self.where} 中“{key}”有误：{why}。")

    def _lookup(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise self._fail(key, "缺少这一项")
            node = node[part]
        return node

    def raw(self, key: str) -> Any:
        return self._lookup(key)

    def text(self, key: str, **values: Any) -> str:
        """The sentence at ``key`` with its placeholders filled (``basis`` always available)."""
        template = self._lookup(key)
        return _fill(template, self.basis, values)

    def texts(self, key: str, **values: Any) -> list[str]:
        """A list entry, each item filled; empty items left out."""
        return [t for t in (_fill(x, self.basis, values) for x in self._lookup(key)) if t]

    def optional(self, key: str, **values: Any) -> str | None:
        """Like :meth:`text` for entries outside the schema (e.g. per-category titles)."""
        try:
            template = self._lookup(key)
        except ExportError:
            return None
        return _fill(template, self.basis, values) if isinstance(template, str) else None


def _fill(template: str, basis: str, values: Mapping[str, Any]) -> str:
    return template.format_map({"basis": basis, **{k: "" if v is None else v for k, v in values.items()}})


@cache
def wording() -> Wording:
    """The shipped wording (read and checked once)."""
    path = resource(*FILE)
    where = "resources/" + "/".join(FILE)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as e:
        raise ExportError("wording", f"无法读取措辞文件 {where}：{e.strerror or e}。") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise ExportError("wording", f"措辞文件 {where} {line}格式有误（YAML）。") from None
    if not isinstance(data, Mapping):
        raise ExportError("wording", f"措辞文件 {where} 格式有误。")
    return Wording(data, where)


def memo_wording() -> Wording:
    return wording()
