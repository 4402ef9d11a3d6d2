"""The issuing department's settings for letters and circulars, kept in the review database.

Keys (``letter/…``, text values, see :mod:`xxgk_desk.core.store.settings`): the issuing department
(发文机关, also the signature), an optional masthead (发文机关标志), the document-number pattern
(发文字号, ``{year}`` and ``{no}`` filled in), contact person and phone, the deadline for corrections in
working days, the closing sentence, and whether the letter carries the appendix 审核规则说明 (the rules
behind its problems). Unset keys fall back to the wording file's defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from .errors import ExportError
from .wording import wording

PREFIX = "letter/"
DEFAULT_DAYS = 15
MAX_DAYS = 120
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
#: what a clerk fills by hand when no number is given: two full-width spaces
BLANK_NUMBER = "\u3000\u3000"


@dataclass(frozen=True)
class LetterSettings:
    """What the 审核单位设置 dialog edits, and the export dialog's 附审核规则说明 (empty strings: not set)."""

    issuer: str = ""  # 发文机关署名, e.g. 湖北省教育厅办公室
    masthead: str = ""  # 发文机关标志 above the number (empty: none)
    number_pattern: str = ""  # e.g. 鄂教办函〔{year}〕{no}号 (empty: no 发文字号)
    contact: str = ""
    phone: str = ""
    deadline_days: int = DEFAULT_DAYS
    closing: str = ""  # empty: the wording file's closing (特此函告。)
    rules_appendix: bool = False  # append 附件：审核规则说明 (the rules behind the letter's problems)

    @property
    def closing_text(self) -> str:
        return self.closing.strip() or wording().text("letter.closing")

    @property
    def issuer_text(self) -> str:
        return self.issuer.strip() or wording().text("letter.issuer_missing")

    @property
    def we(self) -> str:
        """How the issuer names itself in the text (我厅, 我委 …), by the end of its name."""
        table = wording().raw("letter.we")
        name = self.issuer.strip()
        for entry in table.get("by_suffix") or []:
            suffix = str(entry.get("suffix", ""))
            if suffix and name.endswith(suffix):
                return str(entry.get("we", ""))
        return str(table.get("default", ""))

    def number(self, no: str | int | None = None, when: date | None = None) -> str:
        """The 发文字号 from the pattern (``""`` without one); no number given leaves a blank to fill."""
        if not self.number_pattern.strip():
            return ""
        year = (when or date.today()).year
        values = {"year": str(year), "no": str(no) if no not in (None, "") else BLANK_NUMBER}
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), self.number_pattern.strip())


_KEYS = {f.name: PREFIX + f.name for f in fields(LetterSettings)}


def check(settings: LetterSettings) -> LetterSettings:
    """The settings, or an ExportError saying in one line what is wrong."""
    if not 1 <= settings.deadline_days <= MAX_DAYS:
        raise ExportError("settings", f"整改期限应为 1 至 {MAX_DAYS} 个工作日。")
    unknown = {m for m in _PLACEHOLDER.findall(settings.number_pattern)} - {"year", "no"}
    if unknown:
        raise ExportError("settings", "发文字号格式中只能使用 {year}（年份）和 {no}（序号）。")
    return settings


def read(store: Any) -> LetterSettings:
    """The settings stored with ``store`` (a Store, or None: the defaults)."""
    if store is None:
        return LetterSettings()
    stored = store.settings()
    values: dict[str, Any] = {}
    for name, key in _KEYS.items():
        if key in stored:
            values[name] = stored[key]
    days = values.pop("deadline_days", None)
    flag = values.pop("rules_appendix", None)
    if flag is not None:
        values["rules_appendix"] = str(flag).strip().lower() in ("1", "true", "yes", "on")
    out = LetterSettings(**values)
    if days is not None:
        try:
            out = replace(out, deadline_days=max(1, min(MAX_DAYS, int(str(days).strip()))))
        except ValueError:
            pass  # a hand-edited value that is no number: the default stands
    return out


def write(store: Any, settings: LetterSettings) -> None:
    """Store the settings (checked first); empty values remove the key."""
    check(settings)
    for f in fields(LetterSettings):
        value = getattr(settings, f.name)
        if f.name == "deadline_days":
            text = None if value == DEFAULT_DAYS else str(value)
        elif f.name == "rules_appendix":
            text = "1" if value else None
        else:
            text = str(value).strip() or None
        store.set_setting(_KEYS[f.name], text)
