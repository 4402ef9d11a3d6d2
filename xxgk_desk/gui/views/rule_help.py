"""Why a rule exists, shown to the reviewer: a finding's 说明 and the list of every rule (帮助 → 审核规则).

The text comes from resources/rules/explanations.yaml (core/explanations.py); this module only lays it out.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QLineEdit, QTextBrowser, QVBoxLayout

from xxgk_desk.core.rules.explanations import Explanation, rule_entries
from xxgk_desk.gui.labels import english, vocabulary_label

_LABELS = {
    "basis": QT_TRANSLATE_NOOP("RuleHelp", "依据"),
    "why": QT_TRANSLATE_NOOP("RuleHelp", "为什么重要"),
    "todo": QT_TRANSLATE_NOOP("RuleHelp", "应当怎么做"),
    "example": QT_TRANSLATE_NOOP("RuleHelp", "示例"),
    "detects": QT_TRANSLATE_NOOP("RuleHelp", "检出"),
    "none": QT_TRANSLATE_NOOP("RuleHelp", "没有符合的规则。"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("RuleHelp", _LABELS[key])


def explanation_html(ex: Explanation) -> str:
    """依据 (with dates), why it matters, what to do, an example — as rich text."""
    en = english()
    esc = html.escape
    basis = "；".join(esc(b.text(en)) for b in ex.basis)
    article = ex.get("article", en)
    if article:
        basis += f"<br>{esc(article)}"
    rows = [
        (_tr("basis"), basis),
        (_tr("why"), esc(ex.get("why", en))),
        (_tr("todo"), esc(ex.get("todo", en))),
    ]
    if ex.example:
        rows.append((_tr("example"), esc(ex.get("example", en))))
    return "".join(f"<p style='margin:2px 0'><b>{k}：</b>{v}</p>" for k, v in rows)


def rules_html(rules, needle: str = "") -> str:
    """Every rule with its severity, what it detects and its explanation (filtered by ``needle``)."""
    parts = []
    for e in rule_entries(rules, english()):
        sev = vocabulary_label(rules.vocabulary, "severities", e.severity)
        body = explanation_html(e.explanation)
        detects = f"<p style='margin:2px 0'><b>{_tr('detects')}：</b>{html.escape(e.finds)}</p>"
        block = (
            f"<h3 id='{e.id}'>{html.escape(e.title)}　<small>[{html.escape(sev)}]</small></h3>{detects}{body}"
        )
        if needle and needle.lower() not in html.unescape(block).lower():
            continue
        parts.append(block)
    if not parts:
        return f"<p>{_tr('none')}</p>"
    return "".join(parts)


class RulesDialog(QDialog):
    """帮助 → 审核规则: every rule, searchable."""

    def __init__(self, rules, parent=None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.setWindowTitle(self.tr("审核规则"))
        self.resize(760, 640)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选规则（标题、依据、说明中的文字）"))
        self.filter.setClearButtonEnabled(True)
        self.browser = QTextBrowser()
        self.filter.textChanged.connect(self._refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.browser, 1)
        self._refresh("")

    def _refresh(self, needle: str) -> None:
        self.browser.setHtml(rules_html(self.rules, needle.strip()))
