"""Names from ``resources/rules`` in the UI's language: one language at a time.

Every entry of the rule files has its Chinese name (``label``, ``title``, ``name``) and may have
an English one beside it (``label_en``, ``title_en``, ``name_en``); the window shows the English
one in the English UI and falls back to the Chinese one where a file has none.
"""

from __future__ import annotations

_language = "zh_CN"


def set_language(code: str) -> None:
    """Called once when the UI translation is installed."""
    global _language
    _language = code or "zh_CN"


def english() -> bool:
    return not _language.startswith("zh")


def localized(entry: object, attr: str = "label") -> str:
    """``entry.<attr>`` in the UI's language (``<attr>_en`` in English, when the file has it)."""
    if english():
        value = getattr(entry, f"{attr}_en", None)
        if value:
            return str(value)
    return str(getattr(entry, attr))


def vocabulary_label(vocabulary, kind: str, id: str | None) -> str:
    """The label of ``id`` in one of categories.yaml's lists, or the id itself when unknown."""
    if id is None:
        return ""
    try:
        return localized(vocabulary.get(kind, id))
    except KeyError:
        return id
