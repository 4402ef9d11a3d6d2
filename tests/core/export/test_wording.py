"""resources/rules/wording.yaml: every sentence the code fills is there and uses only placeholders the
code fills; an edit that breaks one is named in one line."""

from __future__ import annotations

import copy

import pytest

from xxgk_desk.core.export import ExportError
from xxgk_desk.core.export.wording import SCHEMA, Wording, wording


def test_the_shipped_wording_fills_every_entry():
    w = wording()
    values = {name: "X" for allowed in SCHEMA.values() for name in allowed}
    for key in SCHEMA:
        value = w.raw(key)
        filled = w.texts(key, **values) if isinstance(value, list) else [w.text(key, **values)]
        assert all("{" not in t for t in filled), key
    assert "教育部令第29号" in w.text("memo.intro", institution="甲大学", report_title="报告")


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("letter", "follow"), "现将{意见}函告如下。", "{意见}"),
        (("letter", "opening"), "根据{basis", "花括号不成对"),
        (("notice", "annex_headers"), ["序号", "学校"], "6 项"),
        (("memo",), {}, "缺少这一项"),
    ],
)
def test_a_broken_edit_is_named(path, value, message):
    data = copy.deepcopy(dict(wording().data))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    with pytest.raises(ExportError) as e:
        Wording(data, "wording.yaml")
    assert message in e.value.message and "wording.yaml" in e.value.message and "\n" not in e.value.message
