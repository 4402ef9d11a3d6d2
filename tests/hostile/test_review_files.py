"""Hostile review files: each is refused with one Chinese line naming what is wrong and where,
and the database is left exactly as it was (byte for byte).

Review files come from colleagues by e-mail and USB stick; before issue 18 thirteen of these
ended in a traceback and a file with wrong types was imported and broke every later command on
the database. Each case below is built from a real export (or byte by byte where JSON itself is
the attack) and written down with the phrase its message must contain.
"""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.core.store.conftest import REPORT, make_doc, span
from xxgk_desk.cli import main as cli_main
from xxgk_desk.core.store import Store, StoreError

ROOT = Path(__file__).resolve().parents[2]
Mutation = Callable[[dict[str, Any]], Any]


def _fill(store: Store, doc) -> None:
    store.register_version(doc, "某某大学", 2024)
    n1 = store.add_note(
        doc, *span(doc, "予以公开8件"), body="应为9件", category="data_error", severity="error"
    )
    store.add_note(doc, body="缺评议部分", category="missing", part="evaluation", tags=["评议"])
    store.reply(n1.id, "已核对原始台账")
    store.set_field(doc, "on_request.received", extracted=12, value=12)
    store.dismiss_finding(doc, "gov_template", "本校为地方政府举办")
    store.set_review(doc, state="in_progress", conclusion="resubmit")


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("source")
    with Store(d / "a.sqlite3", reviewer="甲") as a:
        _fill(a, make_doc(REPORT))
        return a.export_review(include_events=True)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A reviewer's database with work of its own, closed (so its bytes can be compared)."""
    path = tmp_path / "reviews.sqlite3"
    with Store(path, reviewer="乙") as b:
        doc = make_doc(REPORT, salt="own")
        b.register_version(doc, "另一所大学", 2024)
        b.add_note(doc, *span(doc, "新闻动态667条"), body="自己的批注")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _set(*loc: Any, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> dict[str, Any]:
        node = data
        for k in loc[:-1]:
            node = node[k]
        node[loc[-1]] = value
        return data

    return mutate


def _drop(*loc: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> dict[str, Any]:
        node = data
        for k in loc[:-1]:
            node = node[k]
        del node[loc[-1]]
        return data

    return mutate


def _deep(depth: int) -> Mutation:
    def mutate(data: dict[str, Any]) -> bytes:
        text = json.dumps(data, ensure_ascii=False)
        return text.replace('"extracted": 12', '"extracted": ' + "[" * depth + "]" * depth, 1).encode()

    return mutate


def _raw(old: str, new: str) -> Mutation:
    """Edit the JSON text itself (NaN, escapes, big literals cannot be written through json.dumps)."""

    def mutate(data: dict[str, Any]) -> bytes:
        text = json.dumps(data, ensure_ascii=False)
        assert old in text
        return text.replace(old, new, 1).encode("utf-8")

    return mutate


N = ("documents", 0, "notes")
CASES: dict[str, tuple[Mutation, str]] = {
    # (how the file is broken, a phrase the one-line message must contain)
    "nested-100000-deep": (_deep(100_000), "嵌套过深"),
    "nested-40-deep": (_deep(40), "嵌套过深"),
    "document-is-a-string": (_set("documents", 0, value="报告"), "第1份报告 不是对象"),
    "documents-is-an-object": (_set("documents", value={"a": 1}), "documents 不是列表"),
    "format-version-text": (_set("format_version", value="1"), "format_version 不是整数"),
    "format-version-object": (_set("format_version", value={"v": 1}), "format_version 不是整数"),
    "notes-a-string": (_set(*N, value="批注"), "notes 不是列表"),
    "note-missing-id": (_drop(*N, 0, "id"), "第1条批注的 id 缺失"),
    "version-missing-file-sha256": (_drop("documents", 0, "versions", 0, "file_sha256"), "file_sha256 缺失"),
    "event-without-keys": (_set("events", 0, value={"id": "x"}), "第1条操作记录"),
    "offset-2**70": (_set(*N, 0, "end", value=2**70), "end 超出范围"),
    "offset-beyond-text": (_set(*N, 0, "end", value=5000), "超出报告文本的长度"),
    "start-after-end": (_set(*N, 0, "start", value=190), "start（190）大于 end"),
    "nan-literal": (_raw('"page": 3', '"page": NaN'), "NaN"),
    "infinity-literal": (_raw('"page": 3', '"page": -Infinity'), "Infinity"),
    "huge-float": (_raw('"page": 3', '"page": 1e400'), "page 不是合法的数字"),
    "lone-surrogate-in-body": (_raw('"应为9件"', '"应为9件\\ud800"'), "body 含有无法保存的字符"),
    "lone-surrogate-in-key": (_raw('"quote":', '"q\\udfffx": 1, "quote":'), "键含有无法保存的字符"),
    "body-a-number": (_set(*N, 0, "body", value=42), "第1条批注的 body 不是文字"),
    "offset-a-list": (_set(*N, 0, "start", value=[1]), "第1条批注的 start 不是整数"),
    "page-an-object": (_set(*N, 0, "page", value={"n": 3}), "第1条批注的 page 不是整数"),
    "offset-a-bool": (_set(*N, 0, "start", value=True), "start 不是整数"),
    "tags-a-string": (_set(*N, 1, "tags", value="评议"), "tags 不是列表"),
    "unknown-category": (_set(*N, 0, "category", value="typo"), "category “typo”不是可用的值"),
    "unknown-severity": (_set(*N, 0, "severity", value="fatal"), "severity “fatal”不是可用的值"),
    "unknown-status": (_set(*N, 0, "status", value="done"), "status “done”不是可用的值"),
    "unknown-review-state": (_set("documents", 0, "review", "state", value="x"), "审核状态的 state"),
    "unknown-conclusion": (_set("documents", 0, "review", "conclusion", value="ok"), "conclusion"),
    "body-1MB": (_set(*N, 0, "body", value="很长" * 500_000), "body 过长"),
    "duplicate-note-ids": (
        lambda d: _set(*N, 1, "id", value=d["documents"][0]["notes"][0]["id"])(d),
        "id 与前面的批注重复",
    ),
    "bad-sha256": (_set("documents", 0, "versions", 0, "text_sha256", value="abc"), "SHA-256"),
    "not-utf8": (lambda d: json.dumps(d, ensure_ascii=False).encode("gb18030"), "不是 UTF-8"),
    "truncated-json": (lambda d: json.dumps(d).encode()[:-40], "无法解析"),
    "thousands-of-digits": (_raw('"page": 3', '"page": ' + "9" * 5000), "审核文件有误"),
    "second-document-bad": (
        lambda d: {**d, "documents": [d["documents"][0], {**d["documents"][0], "id": 7}]},
        "第2份报告的 id 不是文字",
    ),
}


def _write(tmp_path: Path, export: dict[str, Any], mutate: Mutation) -> Path:
    out = mutate(copy.deepcopy(export))
    path = tmp_path / "张三.json"
    path.write_bytes(out if isinstance(out, bytes) else json.dumps(out, ensure_ascii=False).encode("utf-8"))
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_review_file_is_refused_and_changes_nothing(name, export, target, tmp_path):
    mutate, phrase = CASES[name]
    path = _write(tmp_path, export, mutate)
    before = _digest(target)
    t0 = time.perf_counter()
    with Store(target, reviewer="乙") as store, pytest.raises(StoreError) as e:
        store.import_review(path)
    assert time.perf_counter() - t0 < 10
    msg = e.value.message
    assert phrase in msg, msg
    assert "\n" not in msg and len(msg) < 400 and "Traceback" not in msg
    assert _digest(target) == before, "a refused import changed the database"


def test_the_untouched_export_imports(export, target, tmp_path):
    """The control: the same file unbroken goes in (so the cases above fail for their one defect)."""
    path = _write(tmp_path, export, lambda d: d)
    with Store(target, reviewer="乙") as store:
        rep = store.import_review(path)
        assert rep.counts["note"]["added"] == 3
        assert len(store.list_documents()) == 2


def test_a_100MB_file_is_refused_before_it_is_read(target, tmp_path):
    path = tmp_path / "巨大.json"
    with open(path, "wb") as f:  # sparse: costs nothing on disk
        f.truncate(100 << 20)
    before = _digest(target)
    with Store(target) as store, pytest.raises(StoreError) as e:
        store.import_review(path)
    assert "过大" in e.value.message and _digest(target) == before


def test_dict_input_is_checked_too(export, target):
    """The window and batch hand dicts or paths; a dict is validated like a file."""
    bad = _set(*N, 0, "end", value="十")(copy.deepcopy(export))
    with Store(target) as store, pytest.raises(StoreError) as e:
        store.import_review(bad)
    assert "第1条批注的 end 不是整数" in e.value.message


@pytest.mark.parametrize("name", ["body-a-number", "nested-100000-deep", "lone-surrogate-in-body"])
def test_notes_import_on_the_command_line(name, export, target, tmp_path, capsys):
    path = _write(tmp_path, export, CASES[name][0])
    before = _digest(target)
    code = cli_main(["notes", "import", str(path), "--db", str(target)])
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.startswith("错误：") and "\n" not in err and "Traceback" not in err
    assert CASES[name][1] in err
    assert _digest(target) == before


def test_batch_merge_refuses_a_bad_file(export, target, tmp_path):
    path = _write(tmp_path, export, CASES["unknown-category"][0])
    before = _digest(target)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "xxgk_desk",
            "batch",
            str(tmp_path),
            "--db",
            str(target),
            "--merge",
            str(path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert "category “typo”不是可用的值" in out.stderr and "Traceback" not in out.stderr
    assert _digest(target) == before
