"""The review-file format as a schema, checked before anything of an import touches the database.

Review files travel by e-mail and USB stick between reviewers whose copies may be older, newer or
damaged, so :func:`validate_review` checks a parsed file completely first: types (strict: a number
is not a text, a list is not an offset), sizes and counts (:data:`LIMITS`), offsets within the
text's length, nesting, characters SQLite cannot store (lone surrogates), and the vocabulary of
categories, severities, statuses, review states and conclusions against
resources/rules/categories.yaml (through :func:`~.model.vocabulary`, which reads the rules loader).
The first problem becomes a :class:`~.db.StoreError` with one Chinese line naming what is wrong
and where (“第3条批注的 end 不是整数”). Unknown keys from a newer xxgk-desk are ignored.

The schema is written with pydantic (strict mode); the cross-record checks (unique ids, offsets
against the version's text length) are model validators.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import ErrorDetails

from .db import StoreError
from .model import vocabulary

FORMAT = "xxgk-desk-review"
FORMAT_VERSION = 1

#: Bounds a review file must keep (a real one holds a few hundred notes of a few lines each).
LIMITS = {
    "file_bytes": 64 * 1024 * 1024,
    "depth": 32,  # nesting of JSON arrays/objects, field values and event payloads included
    "documents": 5_000,
    "versions": 200,
    "notes": 50_000,  # per report
    "fields": 2_000,
    "decisions": 20_000,
    "events": 500_000,
    "history": 10_000,
    "tags": 100,
    "body": 20_000,  # characters of a note body or a reason
    "quote": 10_000,
    "context": 1_000,  # prefix, suffix
    "text": 2_000,  # titles, sections, paths, names
    "id": 200,
    "offset": 1_000_000,  # = loaders.MAX_TEXT_CHARS: no report text is longer
    "pages": 100_000,
}

_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


class _Problem(ValueError):
    """A value error whose message is already the Chinese phrase for the error line."""


def _storable(s: str) -> str:
    if any("\ud800" <= c <= "\udfff" for c in s):
        raise _Problem("含有无法保存的字符（单独的代理码位）")
    return s


def _sha256(s: str, info: ValidationInfo) -> str:
    if not _SHA256.match(s) and not (info.context and info.context.get("reading")):
        raise _Problem("不是 64 位十六进制的 SHA-256 值")
    return s


#: Validation context for rows read back from the database: types are checked, the vocabulary is
#: not (a category removed from categories.yaml must not hide the notes that use it).
READING = {"reading": True}


def _in(kind: str):  # noqa: ANN202 - a validator factory
    def check(value: str, info: ValidationInfo) -> str:
        if info.context and info.context.get("reading"):
            return value
        options = vocabulary(kind)
        if value not in options:
            listed = "、".join(f"{k}（{v}）" for k, v in options.items())
            raise _Problem(f"“{value[:20]}”不是可用的值（可选：{listed}）")
        return value

    return check


# Each bounded text is an ``Annotated`` alias written out (not built by a function), so that the
# type checker reads it as a ``str``.
Id = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_storable)]
Text = Annotated[StrictStr, Field(max_length=LIMITS["text"]), AfterValidator(_storable)]
Body = Annotated[StrictStr, Field(max_length=LIMITS["body"]), AfterValidator(_storable)]
Quote = Annotated[StrictStr, Field(max_length=LIMITS["quote"]), AfterValidator(_storable)]
Context = Annotated[StrictStr, Field(max_length=LIMITS["context"]), AfterValidator(_storable)]
Stamp = Annotated[StrictStr, Field(max_length=64), AfterValidator(_storable)]
Sha = Annotated[StrictStr, AfterValidator(_sha256)]
Offset = Annotated[StrictInt, Field(ge=0, le=LIMITS["offset"])]
Count = Annotated[StrictInt, Field(ge=0, le=LIMITS["offset"])]
Page = Annotated[StrictInt, Field(ge=1, le=LIMITS["pages"])]
Rev = Annotated[StrictStr, Field(max_length=64), AfterValidator(_storable)]
History = Annotated[list[Rev], Field(max_length=LIMITS["history"])]


# A word of one kind of categories.yaml's vocabulary (not checked when READING).
Category = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("category"))]
Severity = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("severity"))]
Status = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("status"))]
State = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("state"))]
Conclusion = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("conclusion"))]
FieldStatus = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("field_status"))]
Decision = Annotated[StrictStr, Field(max_length=LIMITS["id"]), AfterValidator(_in("decision"))]


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class VersionRec(_Record):
    file_sha256: Sha
    text_sha256: Sha
    path: Text | None = None
    kind: Annotated[StrictStr, Field(max_length=20)] | None = None
    pages: Annotated[StrictInt, Field(ge=0, le=LIMITS["pages"])] | None = None
    extractor: Text | None = None
    text_length: Count | None = None
    added_at: Stamp | None = None


class NoteRec(_Record):
    id: Id
    parent_id: Id | None = None
    conflict_of: Id | None = None
    finding_id: Text | None = None
    text_sha256: Sha | None = None
    start: Offset | None = None
    end: Offset | None = None
    quote: Quote | None = None
    prefix: Context | None = None
    suffix: Context | None = None
    page: Page | None = None
    section: Text | None = None
    part: Annotated[StrictStr, Field(max_length=100)] | None = None
    category: Category
    severity: Severity
    status: Status
    body: Body
    tags: Annotated[list[Text], Field(max_length=LIMITS["tags"])] = []
    reviewer: Text | None = None
    created_at: Stamp
    updated_at: Stamp
    updated_by: Text | None = None
    deleted_at: Stamp | None = None
    rev: Rev | None = None
    history: History = []

    @model_validator(mode="after")
    def _span(self) -> NoteRec:
        if (self.start is None) != (self.end is None):
            raise _Problem("的 start 和 end 须同时给出或同时为空")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise _Problem(f"的 start（{self.start}）大于 end（{self.end}）")
        return self


class ReviewRec(_Record):
    state: State
    conclusion: Conclusion | None = None
    summary: Body | None = None
    reviewer: Text | None = None
    updated_at: Stamp | None = None
    rev: Rev | None = None
    history: History = []


class FieldRec(_Record):
    key: Id
    extracted: Any = None
    value: Any = None
    status: FieldStatus
    reviewer: Text | None = None
    updated_at: Stamp | None = None
    rev: Rev | None = None
    history: History = []


class DecisionRec(_Record):
    finding_id: Text
    decision: Decision
    reason: Body | None = None
    note_id: Id | None = None
    reviewer: Text | None = None
    updated_at: Stamp | None = None
    rev: Rev | None = None
    history: History = []


class DocumentRec(_Record):
    id: Id
    institution: Text | None = None
    year: Annotated[StrictInt, Field(ge=1000, le=9999)] | None = None
    title: Text | None = None
    created_at: Stamp
    updated_at: Stamp
    versions: Annotated[list[VersionRec], Field(max_length=LIMITS["versions"])] = []
    review: ReviewRec | None = None
    notes: Annotated[list[NoteRec], Field(max_length=LIMITS["notes"])] = []
    fields: Annotated[list[FieldRec], Field(max_length=LIMITS["fields"])] = []
    decisions: Annotated[list[DecisionRec], Field(max_length=LIMITS["decisions"])] = []

    @model_validator(mode="after")
    def _within_text(self) -> DocumentRec:
        lengths = {v.text_sha256: v.text_length for v in self.versions if v.text_length is not None}
        for i, n in enumerate(self.notes):
            limit = lengths.get(n.text_sha256 or "")
            if n.end is not None and limit is not None and n.end > limit:
                raise _Problem(f"第{i + 1}条批注的 end（{n.end}）超出报告文本的长度（{limit} 个字）")
        seen: set[str] = set()
        for i, n in enumerate(self.notes):
            if n.id in seen:
                raise _Problem(f"第{i + 1}条批注的 id 与前面的批注重复")
            seen.add(n.id)
        return self


class EventRec(_Record):
    id: Id
    tx: Id
    ts: Stamp
    actor: Text | None = None
    op: Annotated[StrictStr, Field(max_length=40)]
    kind: Annotated[StrictStr, Field(max_length=40)]
    entity_id: Text | None = None
    document_id: Id | None = None
    before: Any = None
    after: Any = None


class ReviewFile(_Record):
    format: Literal["xxgk-desk-review"]
    format_version: StrictInt
    schema_version: StrictInt | None = None
    app_version: Text | None = None
    exported_at: Stamp | None = None
    exported_by: Text | None = None
    documents: Annotated[list[DocumentRec], Field(max_length=LIMITS["documents"])]
    events: Annotated[list[EventRec], Field(max_length=LIMITS["events"])] = []


# -- where and what, in Chinese ------------------------------------------------------------------

_ITEM = {
    "documents": "第{n}份报告",
    "versions": "第{n}个文件版本",
    "notes": "第{n}条批注",
    "fields": "第{n}个字段",
    "decisions": "第{n}条处理决定",
    "events": "第{n}条操作记录",
    "tags": "第{n}个标签",
    "history": "history 的第{n}项",
}
_FIELD = {"review": "审核状态"}


def where(loc: tuple[Any, ...], single_document: bool) -> str:
    """“第1份报告的第3条批注的 end” for ``("documents", 0, "notes", 2, "end")`` (the report is not
    counted when the file holds only one: “第3条批注的 end”, “报告的 id”)."""
    parts: list[str] = []
    i = 0
    while i < len(loc):
        key = loc[i]
        if isinstance(key, str) and key in _ITEM and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            if key == "documents" and single_document and i + 2 < len(loc):
                nxt = loc[i + 2]
                if not (isinstance(nxt, str) and nxt in _ITEM and i + 3 < len(loc)):
                    parts.append("报告")
            else:
                parts.append(_ITEM[key].format(n=loc[i + 1] + 1))
            i += 2
            continue
        if isinstance(key, str):
            parts.append(_FIELD.get(key, key))
        elif isinstance(key, int):
            parts.append(f"第{key + 1}项")
        i += 1
    out = ""
    for part in parts:
        if out:
            out += (" " if out[-1].isascii() else "") + "的" + (" " if part[:1].isascii() else "")
        out += part
    return out


def _what(err: ErrorDetails) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "missing":
        return "缺失"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "不是整数"
    if kind == "string_type":
        return "不是文字"
    if kind == "list_type":
        return "不是列表"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "不是对象（JSON 中用 {…} 写的一组键值）"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        lo, hi = ctx.get("ge", ctx.get("gt")), ctx.get("le", ctx.get("lt"))
        bound = f"不小于 {lo}" if lo is not None and kind.startswith("greater") else f"不大于 {hi}"
        return f"超出范围（应{bound}）"
    if kind == "string_too_long":
        return f"过长（最多 {ctx.get('max_length')} 个字）"
    if kind == "too_long":
        return f"条目过多（最多 {ctx.get('max_length')} 条）"
    if kind == "literal_error":
        return f"应为 {ctx.get('expected')}"
    if kind == "value_error":
        error = ctx.get("error")
        return str(error) if isinstance(error, _Problem) else "取值不正确"
    return "格式不正确"


def _message(err: ErrorDetails, single_document: bool, total: int) -> str:
    loc = tuple(err["loc"])
    place = where(loc, single_document)
    what = _what(err)
    if err["type"] == "value_error" and what.startswith("第"):
        line = (
            place + "的" if place and not single_document else ""
        ) + what  # a document-level check names the note itself
    elif err["type"] == "value_error" and what.startswith("的"):
        line = place + what
    else:
        line = f"{place} {what}" if place else what
    more = f"（另有 {total - 1} 处问题）" if total > 1 else ""
    return line + more


# -- the checks ------------------------------------------------------------------------------------


def reject_constant(name: str) -> Any:
    """``json.loads(parse_constant=…)``: NaN and Infinity are not JSON numbers."""
    raise _Problem(f"含有 {name}（不是合法的数字）")


def _walk(data: Any, single_document: bool) -> None:
    """Nesting depth, non-finite numbers and unstorable characters anywhere (keys included)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > LIMITS["depth"]:
            raise _Problem(f"嵌套过深（超过 {LIMITS['depth']} 层，在{where(loc[:6], single_document)}…）")
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, str) and any("\ud800" <= c <= "\udfff" for c in k):
                    raise _Problem(f"{where(loc, single_document) or '文件'}中有一个键含有无法保存的字符")
                stack.append((v, (*loc, k)))
        elif isinstance(value, list):
            stack.extend((v, (*loc, i)) for i, v in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            raise _Problem(f"{where(loc, single_document)} 不是合法的数字（NaN 或无穷大）")
        elif isinstance(value, str) and any("\ud800" <= c <= "\udfff" for c in value):
            raise _Problem(f"{where(loc, single_document)} 含有无法保存的字符（单独的代理码位）")


def validate_review(data: Any, name: str = "") -> dict[str, Any]:
    """The checked review file as plain dicts (unknown keys dropped); StoreError (code ``format``,
    or ``newer`` for a file of a newer format) with one line naming the first problem."""
    label = f"审核文件“{name}”" if name else "审核文件"
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError("format", f"这不是 xxgk-desk 的审核文件：{name or '（内容）'}。")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError("format", f"{label}的 format_version 不是整数。")
    if version > FORMAT_VERSION:
        raise StoreError(
            "newer",
            f"审核文件来自更新版本的 xxgk-desk（格式版本 {version}，本程序支持到 {FORMAT_VERSION}）。请升级程序。",
        )
    docs = data.get("documents")
    single = isinstance(docs, list) and len(docs) == 1
    try:
        _walk(data, single)
        checked = ReviewFile.model_validate(data)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        raise StoreError("format", f"{label}有误：{_message(errors[0], single, len(errors))}。") from None
    except _Problem as e:
        raise StoreError("format", f"{label}有误：{e}。") from None
    return checked.model_dump(exclude_unset=True)


def row_problem(model: type[BaseModel], rec: dict[str, Any]) -> str | None:
    """What makes a record read back from the database unusable (“end 不是整数”), or None."""
    try:
        model.model_validate(rec, context=READING)
    except ValidationError as e:
        return _message(e.errors(include_url=False)[0], True, 1)
    except _Problem as e:
        return str(e).lstrip("的")
    return None
