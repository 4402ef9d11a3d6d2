"""The window's side of the letter and the 通报: File → 审核单位设置, the export dialog's two documents,
and the overview's 通报 and every-letter exports (with progress)."""

from __future__ import annotations

import docx
from PySide6.QtWidgets import QMessageBox

from tests.gui.test_overview import main, write_reports  # noqa: F401  (fixture)
from tests.gui.test_window import messages, open_sample, settings_dir, window  # noqa: F401  (fixtures)
from xxgk_desk.core.export import letter_settings


def test_unit_settings_are_stored_with_the_database(window, messages):  # noqa: F811
    from xxgk_desk.gui.views.unit_settings import UnitSettingsDialog

    dialog = UnitSettingsDialog(window.store, window)
    dialog.issuer.setText("湖北省教育厅")
    dialog.number_pattern.setText("鄂教函〔{year}〕{no}号")
    dialog.contact.setText("王明")
    dialog.deadline.setValue(20)
    dialog.accept()
    s = letter_settings.read(window.store)
    assert (s.issuer, s.number_pattern, s.contact, s.deadline_days) == (
        "湖北省教育厅",
        "鄂教函〔{year}〕{no}号",
        "王明",
        20,
    )
    assert window.store.setting("letter/issuer") == "湖北省教育厅"
    again = UnitSettingsDialog(window.store, window)
    assert again.issuer.text() == "湖北省教育厅" and again.deadline.value() == 20
    again.number_pattern.setText("鄂教函〔{yr}〕号")
    again.accept()  # refused with a message, nothing stored
    assert messages and messages[-1][0] == "warning" and "{year}" in messages[-1][1]
    assert letter_settings.read(window.store).number_pattern == "鄂教函〔{year}〕{no}号"


def test_export_dialog_offers_the_letter_and_the_record(window, monkeypatch, tmp_path):  # noqa: F811
    from xxgk_desk.gui.views import export_dialog

    open_sample(window)
    window.store.set_setting("letter/issuer", "湖北省教育厅")
    dialog = export_dialog.ExportDialog(window.session, window)
    assert dialog.letter_chosen
    letter_preview = dialog.preview.toPlainText()
    assert "楚澜理工学院：" in letter_preview and "湖北省教育厅" in letter_preview
    assert not dialog.only_open.isEnabled() and dialog.include_automatic.isEnabled()
    dialog.include_automatic.setChecked(True)
    assert "系统预审" in dialog.preview.toPlainText()
    dialog.kind.setCurrentIndex(dialog.kind.findData(export_dialog.RECORD))
    assert dialog.only_open.isEnabled() and not dialog.include_automatic.isEnabled()
    assert "报告基本情况" in dialog.preview.toPlainText()
    out = tmp_path / "记录.docx"
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.save_memo()
    assert "文件校验值" in "\n".join(
        c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells
    )


def test_overview_exports_the_notice_and_every_letter(main, tmp_path, monkeypatch):  # noqa: F811
    from xxgk_desk.gui.views import overview as ov_mod

    folder = tmp_path / "报告"
    write_reports(folder)
    main.store.set_setting("letter/issuer", "某省教育厅")
    ov = main.show_overview()
    ov.runner.synchronous = True
    ov.add_paths([str(folder)])
    out = tmp_path / "通报.docx"
    monkeypatch.setattr(ov_mod.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("青海省", True))
    ov.export_notice()
    paras = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("青海省列入教育部高等学校名单的普通高等学校共13所" in p for p in paras)
    assert any("学校名称未能与教育部名单对应" in p and "甲大学" in p for p in paras)
    letters = tmp_path / "审核意见"
    letters.mkdir()
    monkeypatch.setattr(ov_mod.QFileDialog, "getExistingDirectory", lambda *a, **k: str(letters))
    progress = []
    real = ov._progressed
    monkeypatch.setattr(ov, "_progressed", lambda d, t, text: (progress.append((d, t)), real(d, t, text)))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a, **k: shown.append(text))
    ov.export_letters()
    names = sorted(p.name for p in letters.iterdir())
    assert names == ["乙学院-审核意见.docx", "甲大学-2023-审核意见.docx", "甲大学-2024-审核意见.docx"]
    assert shown and "已写出 3 份审核意见" in shown[-1]
    assert progress[0] == (0, 3) and progress[-1] == (3, 3)
    assert ov.progress_label.text() == "已写出 3 份审核意见。"


def test_the_file_menu_opens_the_unit_settings(window, monkeypatch):  # noqa: F811
    from xxgk_desk.gui.views import unit_settings

    opened = []
    monkeypatch.setattr(unit_settings.UnitSettingsDialog, "exec", lambda self: opened.append(self.store) or 0)
    actions = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    action = next(a for a in actions if a.text().replace("&", "") == "审核单位设置…")
    action.trigger()
    assert opened == [window.store]


def test_export_dialog_rules_appendix_is_remembered(window, messages):  # noqa: F811
    """The 附审核规则说明 box adds the annex to the preview and is kept in the letter's settings (the
    unit-settings dialog, which does not show it, leaves it as it is)."""
    from xxgk_desk.gui.views import export_dialog
    from xxgk_desk.gui.views.unit_settings import UnitSettingsDialog

    open_sample(window)
    dialog = export_dialog.ExportDialog(window.session, window)
    dialog.include_automatic.setChecked(True)  # the sample's findings: the letter has rules to explain
    assert not dialog.rules_appendix.isChecked() and "审核规则说明" not in dialog.preview.toPlainText()
    dialog.rules_appendix.setChecked(True)
    assert "审核规则说明" in dialog.preview.toPlainText() and "整改建议：" in dialog.preview.toPlainText()
    assert letter_settings.read(window.store).rules_appendix is True
    dialog.kind.setCurrentIndex(dialog.kind.findData(export_dialog.RECORD))
    assert not dialog.rules_appendix.isEnabled()
    dialog.reject()
    unit = UnitSettingsDialog(window.store, window)
    unit.issuer.setText("湖北省教育厅")
    unit.accept()
    assert letter_settings.read(window.store).rules_appendix is True
    again = export_dialog.ExportDialog(window.session, window)
    assert again.rules_appendix.isChecked()
    again.rules_appendix.setChecked(False)
    assert letter_settings.read(window.store).rules_appendix is False
    again.reject()
