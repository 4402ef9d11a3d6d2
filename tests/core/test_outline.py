"""Outline detection against the truth files and on hand-made edge cases."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEEDS, truth
from xxgk_desk.core.loaders import load
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.outline import detect_outline, section_path


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def outline_of(lines: list[str], **cues) -> list[tuple[int, str]]:
    b = TextBuilder()
    b.start_page(1)
    for line in lines:
        if isinstance(line, list):
            b.add_table(line)
        else:
            b.add_block("paragraph", line, **cues.get(line, {}))
    doc = b.build(path="x.txt", kind="txt", file_sha256="0", extractor="t")
    return [(s.level, s.title) for s in detect_outline(doc)]


FORMS = ["txt", "styled.docx", "bold.docx", "styled.pdf", "bold.pdf"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("seed", SEEDS)
def test_sections_match_truth(shared, seed, form):
    if form == "txt":
        path = shared("samples", f"{seed}.txt")
    else:
        path = shared("samples", "docs", f"{seed}-{form}")
    got = [(s.level, squash(s.title)) for s in detect_outline(load(path)) if s.level in (1, 2)]
    want = [(s["level"], squash(s["title"])) for s in truth(seed)["sections"] if s["level"] in (1, 2)]
    assert got == want


def test_run_in_heading_ends_at_first_full_stop():
    got = outline_of(["一、概述", "（三）依申请公开情况。本学年共收到申请3件。", "正文。"])
    assert got == [(1, "一、概述"), (2, "（三）依申请公开情况。")]


def test_title_block_is_level_zero_and_addressee_is_not():
    got = outline_of(
        [
            "某某大学",
            "2023—2024学年信息公开工作年度报告",
            "省教育厅：",
            "根据要求，现将报告如下。",
            "一、概述",
        ]
    )
    assert got == [(0, "某某大学"), (0, "2023—2024学年信息公开工作年度报告"), (1, "一、概述")]


def test_table_rows_and_number_rows_are_not_headings():
    got = outline_of(
        [
            "三、收到和处理政府信息公开申请情况",
            [["一、本年新收政府信息公开申请数量", "95", "0"], ["（一）予以公开", "50", "0"]],
            "一、本年新收政府信息公开申请数量 95 0 0 0 95",
            "（二）部分公开 3 0 0 3",
        ]
    )
    assert got == [(1, "三、收到和处理政府信息公开申请情况")]


def test_list_items_are_not_minor_headings():
    got = outline_of(
        [
            "一、主动公开情况",
            "1.会议公开：通过召开职代会等形式公开学院信息；",
            "2.学校进一步强化信息回应机制，促进信息公开与学校各项工作紧密融合。学校发布公告。",
            "3.通过学校官网发布信息401条，微信公众号发布357条。",
            "4. 其他形式实施公开。",
            "5.加强学习培训工作。组织全体师生员工学习《办法》。",
            "一是完善制度。二是加强培训。",
        ]
    )
    assert got == [(1, "一、主动公开情况"), (3, "5.加强学习培训工作。")]


def test_parts_numbering_pushes_inner_levels_down():
    got = outline_of(["第一部分 概述", "一、组织领导", "（一）领导小组", "第二部分 主动公开情况"])
    assert got == [
        (1, "第一部分 概述"),
        (2, "一、组织领导"),
        (3, "（一）领导小组"),
        (1, "第二部分 主动公开情况"),
    ]


def test_annex_heading_caption_and_attachment_list():
    got = outline_of(
        [
            "七、其他需要报告的事项",
            "附件：1. 信息公开工作联系方式",
            "某某大学",
            "2023年10月30日",
            "附表",
            "某某大学清单事项公开情况表",
            [["序号", "公开事项"], ["1", "办学规模"]],
        ]
    )
    assert got == [(1, "七、其他需要报告的事项"), (1, "附表"), (2, "某某大学清单事项公开情况表")]


def test_bold_cue_breaks_a_tie_for_minor_headings():
    line = "1.通过官网发布信息401条"
    assert outline_of(["一、概述", line]) == [(1, "一、概述")]
    assert outline_of(["一、概述", line], **{line: {"bold": True}}) == [(1, "一、概述"), (3, line)]


def test_section_spans_nest():
    b = TextBuilder()
    b.start_page(1)
    for line in ["一、概述", "正文。", "（一）制度", "正文。", "二、主动公开", "正文。"]:
        b.add_block("paragraph", line)
    doc = b.build(path="x", kind="txt", file_sha256="0", extractor="t")
    secs = detect_outline(doc)
    assert doc.text[secs[0].start : secs[0].end].rstrip().endswith("（一）制度\n正文。")
    assert secs[1].end == secs[2].start
    pos = doc.text.index("正文", secs[1].start)
    assert [s.title for s in section_path(secs, pos)] == ["一、概述", "（一）制度"]
