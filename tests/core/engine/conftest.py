"""``check(report)``: run the whole pipeline on a composed report (see ``report.py``)."""

from __future__ import annotations

import itertools

import pytest

from tests.core.engine.report import Report, run


@pytest.fixture
def check(tmp_path):
    counter = itertools.count()

    def _check(report: Report | str):
        return run(tmp_path, report, name=f"report-{next(counter)}.txt")

    return _check
