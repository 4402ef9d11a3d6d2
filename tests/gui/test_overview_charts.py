"""The overview's 图表 tab: four charts painted with Chinese text, following the reports as they are
added, the province chosen, and saved as PNG (one chart or all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.core.export.conftest import QINGHAI, _report_text
from tests.gui.test_overview import main  # noqa: F401  (fixture)
from tests.gui.test_window import messages, settings_dir  # noqa: F401  (fixtures)
from xxgk_desk.core.export.charts import KEYS


def _folder(root: Path, names: tuple[str, ...]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        (root / f"{i:02d}-{name}.txt").write_text(_report_text(name, i), encoding="utf-8")
    return root


def _colours(image: QImage, step: int = 3) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


@pytest.fixture
def overview(main, tmp_path):  # noqa: F811
    ov = main.show_overview()
    ov.runner.synchronous = True
    ov.charts_page.runner.synchronous = True
    ov.resize(1400, 900)
    ov.add_paths([str(_folder(tmp_path / "a", QINGHAI[:3]))])
    return ov


def test_the_tab_shows_four_charts_and_follows_the_reports(overview, tmp_path, qtbot):
    ov = overview
    names = [ov.tabs.tabText(i) for i in range(ov.tabs.count())]
    assert names[3] == "图表"
    ov.tabs.setCurrentIndex(3)
    page = ov.charts_page
    assert tuple(c.key for c in page.charts) == KEYS
    assert "青海省" in page.summary.text() and "收到 3 所" in page.summary.text()
    timeliness = next(c for c in page.charts if c.key == "timeliness")
    assert sum(timeliness.series[0].values) == 13  # the province's list, not the workspace
    assert timeliness.series[0].values[-1] == 10  # not received
    # painted: white background, bars in the status colours, dark text
    widget = page.widgets[2]
    qtbot.waitUntil(lambda: widget.height() > 150)
    image = widget.grab().toImage()
    colours = _colours(image)
    assert QColor("#2E7D32").rgb() in colours and QColor("#C62828").rgb() in colours
    assert len(colours) > 20
    # more reports arrive: the charts are recomputed (the tab is open)
    ov.add_paths([str(_folder(tmp_path / "b", QINGHAI[3:6]))])
    assert "收到 6 所" in page.summary.text()
    timeliness = next(c for c in page.charts if c.key == "timeliness")
    assert timeliness.series[0].values[-1] == 7


def test_png_export_of_one_chart_and_of_all(overview, tmp_path):
    ov = overview
    ov.tabs.setCurrentIndex(3)
    page = ov.charts_page
    assert page.export_btn.isEnabled()
    actions = [a.text() for a in page.export_menu.actions() if a.text()]
    assert len(actions) == 5 and actions[-1].startswith("全部图表")
    one = page.save_png(tmp_path / "问题.png", "problems")
    image = QImage(str(one))
    assert not image.isNull() and image.width() >= 1400
    assert len(_colours(image)) > 20
    both = page.save_png(tmp_path / "全部.png")
    image_all = QImage(str(both))
    assert image_all.width() == 2 * image.width() and image_all.height() > image.height()


def test_another_province_says_nobody_was_received(overview):
    ov = overview
    ov.tabs.setCurrentIndex(3)
    page = ov.charts_page
    page.province_box.setCurrentIndex(page.province_box.findData("湖北省"))
    assert "湖北省" in page.summary.text() and "收到 0 所" in page.summary.text()
    scores = next(c for c in page.charts if c.key == "scores")
    assert scores.empty


def test_the_summary_uses_the_tabs_province(overview, tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    ov = overview
    ov.tabs.setCurrentIndex(3)
    page = ov.charts_page
    page.province_box.setCurrentIndex(page.province_box.findData("湖北省"))
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "*.xlsx"))
    ov.export_summary()
    sheet = openpyxl.load_workbook(out)["图表"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("湖北省普通高校共" in t for t in texts)


def test_a_review_change_moves_the_charts(overview):
    ov = overview
    ov.tabs.setCurrentIndex(3)
    page = ov.charts_page

    def late() -> float:
        return next(c for c in page.charts if c.key == "timeliness").series[0].values[1]

    assert late() == 1  # QINGHAI[2]'s report is dated 6 November
    row = next(r for r in ov.model.rows if r.institution == QINGHAI[2])
    finding = next(f for f in ov.workspace.findings(row) if f.rule == "late_report")
    ov.store.dismiss_finding(row.document_id, finding.key, "已按期报送纸质版。")
    ov.refresh_report(row.path)
    assert late() == 0


def test_the_school_year_can_be_chosen(overview, tmp_path):
    ov = overview
    older = tmp_path / "older"
    older.mkdir()
    text = _report_text(QINGHAI[0], 0).replace("2023", "2022").replace("2024", "2023")
    (older / "旧.txt").write_text(text, encoding="utf-8")
    ov.add_paths([str(older)])
    ov.tabs.setCurrentIndex(3)
    page = ov.charts_page
    years = [page.year_box.itemData(i) for i in range(page.year_box.count())]
    assert years == [None, 2024, 2023]
    assert "2023—2024学年" in page.summary.text()  # 自动: the year most reports are of
    page.year_box.setCurrentIndex(2)
    assert "2022—2023学年" in page.summary.text() and "收到 1 所" in page.summary.text()
    ov.reload()  # the choice survives a reload
    assert page.year() == 2023 and "收到 1 所" in page.summary.text()
