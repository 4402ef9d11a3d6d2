"""A reviewer's corrected field re-runs the checks that depend on it (issue 14)."""

from __future__ import annotations

import pytest

from tests.core.engine.report import base
from xxgk_desk.core.pipeline import check
from xxgk_desk.core.session import ReviewSession
from xxgk_desk.core.store import Store


@pytest.fixture
def session(tmp_path):
    rep = base().body(
        "on_request", "本学年，学校受理信息公开申请若干件，均在15个工作日内予以答复。学校未收取任何费用。"
    )
    path = tmp_path / "report.txt"
    path.write_text(rep.text(), encoding="utf-8")
    store = Store(tmp_path / "reviews.sqlite3", reviewer="张三")
    s = ReviewSession(store, check(str(path)))
    yield s
    store.close()


def _rules(s: ReviewSession) -> list[str]:
    return [f.rule for f in s.review.findings]


def test_a_correction_fills_a_missing_figure_and_the_score(session):
    before = session.review.score.components["figures"]
    assert "figure_missing" in _rules(session)
    assert session.review.fields["requests_received"].value is None
    text = session.doc.text
    s = text.index("受理信息公开申请若干件")
    session.set_field("requests_received", 4, evidence=(s, s + 11))
    assert session.review.fields["requests_received"].value == 4
    assert session.review.fields["requests_answered"].value == 4  # 均…答复 now has a number to follow
    assert session.review.score.components["figures"] > before
    row = next(r for r in session.field_rows() if r.key == "requests_received")
    assert row.value == 4 and row.extracted is None and row.quote == "受理信息公开申请若干件"


def test_a_correction_re_runs_the_request_balance(session):
    session.set_field("requests_received", 4)
    session.set_field("requests_answered", 6)
    f = next(f for f in session.review.findings if f.rule == "sum_mismatch")
    assert "收到4件" in f.message and "6件" in f.message
    change = session.set_field("requests_answered", 4)
    assert "sum_mismatch" not in _rules(session)
    session.undo(change)
    assert "sum_mismatch" in _rules(session)


def test_corrections_survive_reopening(session, tmp_path):
    session.set_field("requests_received", 4)
    again = ReviewSession(session.store, session.analysis)
    assert again.review.fields["requests_received"].value == 4
    assert not any(f.rule == "figure_missing" and "受理" in f.message for f in again.review.findings)
