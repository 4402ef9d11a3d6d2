"""Fixtures for the batch tests: small synthetic reports, a store, a workspace checked once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from xxgk_desk.core.batch import Workspace
from xxgk_desk.core.store import Store

from .synth import report, write, write_docx

# Two years of one institution: the overview (long, copied) and the active part (same figure)
# are boilerplate; practices and problems were rewritten; requests changed.
OLD = dict(year=2023, active=1500, received=10, answered=10, withheld=3, variant=0)
NEW = dict(
    year=2024,
    active=1500,
    received=14,
    answered=14,
    withheld=3,
    variant={"overview": 0, "active": 0, "practices": 1, "problems": 2, "evaluation": 1, "on_request": 1},
)


def make_folder(root: Path) -> dict[str, Path]:
    """A province in miniature: five readable reports (TXT and DOCX), one broken file, noise."""
    files = {
        "old": write(root / "武汉示例大学" / "2023.txt", report("武汉示例大学", **OLD)),
        "new": write_docx(root / "武汉示例大学" / "2024.docx", report("武汉示例大学", **NEW)),
        "partial": write(
            root / "荆州示例学院.txt",
            report(
                "荆州示例学院",
                2024,
                parts=("overview", "active", "on_request", "annex"),
                items=(1, 2, 3, 10, 11),
                extra="信息公开工作联系人：XXX，联系电话：XXXXXXXX。",
            ),
        ),
        "no_annex": write(
            root / "sub" / "deep" / "宜昌示例学院.txt",
            report(
                "宜昌示例学院", 2024, parts=("overview", "active", "on_request", "evaluation", "complaints")
            ),
        ),
        "broken": root / "坏文件.pdf",
        "full": write(root / "襄阳示例大学.txt", report("襄阳示例大学", 2024, variant=1)),
    }
    files["broken"].write_bytes(b"%PDF-1.4\n this is not really a PDF \n%%EOF\n")
    (root / "~$临时.docx").write_bytes(b"lock")
    (root / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    (root / "说明.xlsx").write_bytes(b"not a report")
    return files


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "reviews.sqlite3", reviewer="张三")
    yield s
    s.close()


def checked_province(root: Path, jobs: int) -> tuple[Workspace, dict[str, Path], Any]:
    """The folder of :func:`make_folder` added to a fresh workspace."""
    files = make_folder(root / "reports")
    store = Store(root / "reviews.sqlite3", reviewer="张三")
    ws = Workspace(store, "湖北")
    return ws, files, ws.add([root / "reports"], jobs=jobs)


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """A folder checked once for the module on two processes: (workspace, files, add report)."""
    ws, files, rep = checked_province(tmp_path_factory.mktemp("province"), jobs=2)
    yield ws, files, rep
    ws.store.close()


@pytest.fixture(scope="module")
def province_inline(tmp_path_factory):
    """The same, checked in this process (cheaper, for tests about what comes after)."""
    ws, files, rep = checked_province(tmp_path_factory.mktemp("province"), jobs=0)
    yield ws, files, rep
    ws.store.close()
