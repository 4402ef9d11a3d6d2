"""Helpers for store tests: documents built in memory, a fresh Store per test."""

from __future__ import annotations

import hashlib

import pytest

from xxgk_desk.core.document import Document
from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.store import Store

REPORT = [
    "某某大学2023—2024学年信息公开工作年度报告",
    "一、总体情况",
    "学校高度重视信息公开工作，成立了以校长为组长的信息公开工作领导小组，统筹推进各项工作。",
    "二、主动公开情况",
    "本学年通过学校门户网站主动公开信息1234条，其中通知公告567条，新闻动态667条。",
    "三、依申请公开情况",
    "本学年共受理信息公开申请12件，其中予以公开8件，不予公开2件，信息不存在2件。",
    "四、收费及减免情况",
    "学校在依申请公开工作中未收取任何费用。",
]


def make_doc(
    paragraphs: list[str] | str, *, name: str = "report", per_page: int = 3, salt: str = ""
) -> Document:
    """A Document as a loader would build it: one block per paragraph, ``per_page`` per page.

    The file SHA-256 is derived from the text (plus ``salt``), so the same text gives the
    same "file" and a revised text a new one.
    """
    if isinstance(paragraphs, str):
        paragraphs = paragraphs.split("\n")
    b = TextBuilder()
    for i, p in enumerate(paragraphs):
        if i % per_page == 0:
            b.start_page(i // per_page + 1)
        b.add_block("paragraph", p)
    text = "\n".join(p for p in paragraphs if p.strip())
    sha = hashlib.sha256((salt + text).encode("utf-8")).hexdigest()
    return b.build(path=f"/reports/{name}.txt", kind="txt", file_sha256=sha, extractor="test-1")


def span(doc: Document, quote: str) -> tuple[int, int]:
    i = doc.text.index(quote)
    return i, i + len(quote)


@pytest.fixture
def doc() -> Document:
    return make_doc(REPORT)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "reviews.sqlite3", reviewer="张三")
    yield s
    s.close()
