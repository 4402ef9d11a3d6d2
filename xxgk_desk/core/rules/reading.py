"""YAML reading for the rules files: a strict loader, typed accessors and lexicon parsing.

Every problem raises :class:`RulesError` with the file and the entry (``rules[id=placeholder]…``).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from types import MappingProxyType
from typing import Any, overload

import yaml

from xxgk_desk.core.rules.model import CHECKS, SEVERITIES, Example, Examples, Lexicon, Message, Term

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_FRAGMENT = re.compile(r"\{\{(\w+)\}\}")


class RulesError(Exception):
    """A rules file is missing or wrong. The message names the file and the entry (Chinese)."""

    def __init__(self, path: Path | str, where: str, problem: str) -> None:
        self.path = str(path)
        self.where = where
        self.problem = problem
        loc = f"（{where}）" if where else ""
        super().__init__(f"规则文件 {path} 有误{loc}：{problem}")


# ---------------------------------------------------------------- YAML reading


class _Loader(yaml.SafeLoader):
    """Safe loader that rejects duplicate keys and reads only true/false as booleans (not no/on/yes)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"重复的键“{key}”", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class Source:
    """One YAML file being read: its path and small typed accessors that fail with RulesError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise RulesError(path, "", "找不到该文件")
        try:
            self.data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            raise RulesError(path, "", f"YAML 格式错误：{' '.join(str(e).split())}") from None
        if not isinstance(self.data, dict):
            raise RulesError(path, "", "文件顶层应为键值对（mapping）")

    def fail(self, where: str, problem: str) -> RulesError:
        return RulesError(self.path, where, problem)

    def get(self, d: Any, key: str, where: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if not isinstance(d, dict):
            raise self.fail(where, "应为键值对（mapping）")
        if key not in d or d[key] is None:
            if default is ...:
                raise self.fail(where, f"缺少字段“{key}”")
            return default
        value = d[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            raise self.fail(f"{where}.{key}", f"类型应为 {_kind_name(kind)}，实际为 {value!r}")
        return value

    @overload
    def text(self, d: Any, key: str, where: str, default: None) -> str | None: ...
    @overload
    def text(self, d: Any, key: str, where: str, default: str = ...) -> str: ...
    def text(self, d: Any, key: str, where: str, default: Any = ...) -> str | None:
        value = self.get(d, key, where, (str, int), default)
        return str(value).strip() if value is not None else value

    def texts(self, d: Any, key: str, where: str, default: Any = ()) -> tuple[str, ...]:
        items = self.get(d, key, where, list, list(default) if default is not ... else ...)
        out = []
        for i, v in enumerate(items):
            if not isinstance(v, (str, int)) or isinstance(v, bool) or not str(v).strip():
                raise self.fail(f"{where}.{key}[{i}]", f"应为非空文字，实际为 {v!r}")
            out.append(str(v).strip())
        return tuple(out)

    def items(self, d: Any, key: str, where: str) -> list[tuple[str, dict]]:
        """A list of mappings with its entry labels (``parts[3]``)."""
        seq = self.get(d, key, where, list)
        out = []
        for i, entry in enumerate(seq):
            label = f"{where}.{key}[{i}]" if where else f"{key}[{i}]"
            if not isinstance(entry, dict):
                raise self.fail(label, "应为键值对（mapping）")
            out.append((label, entry))
        return out

    def key(self, d: dict, where: str, field: str = "key") -> str:
        value = self.text(d, field, where)
        if not _KEY.match(value):
            raise self.fail(where, f"{field} “{value}” 只能用小写英文字母、数字和下划线")
        return value

    def severity(self, d: dict, where: str, field: str = "severity", default: Any = ...) -> str:
        value = self.text(d, field, where, default)
        if value is not None and value not in SEVERITIES:
            raise self.fail(where, f"严重程度“{value}”无效，应为 {'/'.join(SEVERITIES)}")
        return value

    def unique(self, values: list[str], where: str, what: str) -> None:
        seen: set[str] = set()
        for v in values:
            if v in seen:
                raise self.fail(where, f"{what}“{v}”重复")
            seen.add(v)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "文字", int: "整数", float: "数字", bool: "true/false", list: "列表", dict: "键值对"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return "或".join(names.get(k, k.__name__) for k in kinds)


# ---------------------------------------------------------------- lexicons

_TERM_KEYS = {"re", "text", "name", "note", "weight", "check", "message"}
_LEXICON_KEYS = {"terms", "exempt", "ignore_spaces", "examples", "note"}


def _expand(src: Source, where: str, pattern: str, fragments: dict[str, str] | None) -> str:
    if not fragments:
        return pattern
    for _ in range(8):
        names = _FRAGMENT.findall(pattern)
        if not names:
            return pattern
        for n in names:
            if n not in fragments:
                raise src.fail(where, f"未定义的片段 {{{{{n}}}}}")
        pattern = _FRAGMENT.sub(lambda m: fragments[m.group(1)], pattern)
    raise src.fail(where, "片段嵌套过深（可能互相引用）")


def compile_regex(src: Source, where: str, pattern: str) -> re.Pattern[str]:
    try:
        rx = re.compile(pattern)
    except re.error as e:
        raise src.fail(where, f"正则表达式无法编译（{e}）：{pattern}") from None
    if rx.search("") is not None:
        raise src.fail(where, f"正则表达式能匹配空文字，会到处命中：{pattern}")
    return rx


def _term(
    src: Source, where: str, raw: Any, fragments: dict[str, str] | None, messages: set[str] | None
) -> Term:
    if isinstance(raw, (str, int)) and not isinstance(raw, bool):
        text = str(raw).strip()
        if not text:
            raise src.fail(where, "词条不能为空")
        return Term(text, compile_regex(src, where, re.escape(text)))
    if not isinstance(raw, dict):
        raise src.fail(where, f"词条应为文字或 {{re: …}}，实际为 {raw!r}")
    unknown = set(raw) - _TERM_KEYS
    if unknown:
        raise src.fail(where, f"未知的字段：{'、'.join(sorted(map(str, unknown)))}")
    if ("re" in raw) == ("text" in raw):
        raise src.fail(where, "词条须有 re（正则）或 text（文字）之一")
    if "re" in raw:
        pattern = src.text(raw, "re", where)
        rx = compile_regex(src, where, _expand(src, where, pattern, fragments))
        name = src.text(raw, "name", where, pattern)
    else:
        literal = src.text(raw, "text", where)
        rx = compile_regex(src, where, re.escape(literal))
        name = src.text(raw, "name", where, literal)
    weight = src.get(raw, "weight", where, int, 1)
    check = src.text(raw, "check", where, None)
    if check is not None and check not in CHECKS:
        raise src.fail(where, f"未知的校验“{check}”，可用：{'、'.join(CHECKS)}")
    message = src.text(raw, "message", where, None)
    if message is not None and (messages is None or message not in messages):
        raise src.fail(where, f"消息变体“{message}”不存在")
    return Term(name, rx, src.text(raw, "note", where, ""), weight, check, message)


def read_examples(src: Source, where: str, raw: Any) -> Examples:
    if raw is None:
        return Examples()
    if not isinstance(raw, dict) or set(raw) - {"match", "no_match"}:
        raise src.fail(where, "examples 只能有 match 和 no_match 两项")
    match = []
    for i, e in enumerate(src.get(raw, "match", where, list, [])):
        w = f"{where}.match[{i}]"
        if isinstance(e, (str, int)) and not isinstance(e, bool):
            match.append(Example(str(e)))
            continue
        if not isinstance(e, dict) or set(e) - {"text", "hit", "value", "groups", "min_score", "max_score"}:
            raise src.fail(w, "示例应为文字或 {text, hit, value, groups, min_score, max_score}")
        groups = {str(k): str(v) for k, v in src.get(e, "groups", w, dict, {}).items()}
        if "value" in e:
            groups["value"] = src.text(e, "value", w)
        match.append(
            Example(
                src.text(e, "text", w),
                src.text(e, "hit", w, None),
                MappingProxyType(groups),
                src.get(e, "min_score", w, int, None),
                src.get(e, "max_score", w, int, None),
            )
        )
    no_match = src.texts(raw, "no_match", where)
    return Examples(tuple(match), no_match)


def read_lexicon(
    src: Source,
    where: str,
    raw: Any,
    *,
    ignore_spaces: bool = False,
    fragments: dict[str, str] | None = None,
    messages: set[str] | None = None,
) -> Lexicon:
    """A lexicon from a list of terms or from ``{terms, exempt, ignore_spaces, examples, note}``."""
    if raw is None:
        return Lexicon(ignore_spaces=ignore_spaces)
    if isinstance(raw, list):
        raw = {"terms": raw}
    if not isinstance(raw, dict):
        raise src.fail(where, "词表应为列表或 {terms: […]}")
    unknown = set(raw) - _LEXICON_KEYS
    if unknown:
        raise src.fail(where, f"未知的字段：{'、'.join(sorted(map(str, unknown)))}")

    def terms(key: str) -> tuple[Term, ...]:
        seq = src.get(raw, key, where, list, [])
        return tuple(_term(src, f"{where}.{key}[{i}]", t, fragments, messages) for i, t in enumerate(seq))

    return Lexicon(
        terms("terms"),
        terms("exempt"),
        src.get(raw, "ignore_spaces", where, bool, ignore_spaces),
        src.text(raw, "note", where, ""),
        read_examples(src, f"{where}.examples", raw.get("examples")),
    )


def read_message(src: Source, where: str, variant: str, raw: Any, placeholders: dict[str, str]) -> Message:
    severity = None
    if isinstance(raw, dict):
        text = src.text(raw, "text", where)
        severity = src.severity(raw, where, default=None)
    elif isinstance(raw, str):
        text = raw.strip()
    else:
        raise src.fail(where, "消息应为文字或 {text, severity}")
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as e:
        raise src.fail(where, f"占位符写法有误（{e}）；字面的大括号要写成 {{{{ 和 }}}}") from None
    fields: list[str] = []
    for _, name, _spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or conversion:
            raise src.fail(where, f"占位符 {{{name}}} 写法有误，应为 {{名称}}")
        if name not in placeholders:
            raise src.fail(where, f"未知的占位符 {{{name}}}，可用的见 rules.yaml 的 placeholders")
        if name not in fields:
            fields.append(name)
    return Message(variant, text, tuple(fields), severity)
