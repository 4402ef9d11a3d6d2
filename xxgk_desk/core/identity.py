"""Which report is this: (institution, year) — the one rule the store, batch, memo and window share.

A file is one version of a report; the report is its institution and its year. The year is the
title's year, else the year the statistical period ends (a revised file whose title lost its year
is still the same report). The engine's fields are read either as the Review's FieldValue objects
or as the public JSON of ``check --json`` (``{"value": …}`` per field).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _value(fields: Mapping[str, Any], key: str) -> Any:
    field = fields.get(key)
    if field is None:
        return None
    if isinstance(field, Mapping):
        return field.get("value")
    return getattr(field, "value", None)


def report_year(fields: Mapping[str, Any]) -> int | None:
    """The title year, else the year the statistical period ends."""
    title_year = _value(fields, "title_year")
    if title_year is not None:
        return int(title_year)
    end = _value(fields, "period_end")
    return int(str(end)[:4]) if end else None


def report_identity(fields: Mapping[str, Any]) -> tuple[str | None, int | None]:
    """(institution, year) from the engine's fields (Review.fields or the JSON's ``fields``)."""
    institution = _value(fields, "institution")
    return (str(institution) if institution else None), report_year(fields)


def identify(doc, rules=None) -> tuple[str | None, int | None]:
    """(institution, year) of a Document, running the engine (for commands that only read a file)."""
    from xxgk_desk.core.engine import review
    from xxgk_desk.core.outline import detect_outline
    from xxgk_desk.core.rules import load_rules

    rules = rules or load_rules()
    return report_identity(review(doc, detect_outline(doc), rules).fields)
