"""What the page a report was published on says about it, as key fields: 发布时间 (``publication_date``,
by which the deadline rule judges when it is there) and 来源 (``page_source``).

A saved web page gives them as document facts (the loader read the page's information line); a copied or
pasted page, or a text file of one, has the same line under its title, read here with the phrasings of
``figures.yaml``. Fields are added only when found, so reports that are not web pages keep their fields.
"""

from __future__ import annotations

import datetime as dt

from xxgk_desk.core.engine.context import Context
from xxgk_desk.core.engine.model import FieldValue

PAGE_FIELDS = ("publication_date", "page_source")
#: The information line sits under the title: it is looked for before the first heading, and no further.
_OPENING = 1500


def page_fields(ctx: Context) -> dict[str, FieldValue]:
    out: dict[str, FieldValue] = {}
    for key in PAGE_FIELDS:
        fv = _from_fact(ctx, key) if ctx.doc.facts else _from_text(ctx, key)
        if fv is not None:
            out[key] = fv
    return out


def _from_fact(ctx: Context, key: str) -> FieldValue | None:
    fact = ctx.doc.fact(key)
    if fact is None:
        return None
    if fact.start is not None and fact.end is not None:
        return FieldValue(key, fact.value, fact.start, fact.end, ctx.text[fact.start : fact.end])
    return FieldValue(key, fact.value, None, None, fact.quote)


def _from_text(ctx: Context, key: str) -> FieldValue | None:
    try:
        fig = ctx.rules.figure(key)
    except KeyError:
        return None
    end = min(ctx.first_part_start(), _OPENING)
    hit = fig.patterns.search(ctx.text[:end])
    if hit is None:
        return None
    if key == "publication_date":
        g = hit.groups
        try:
            day = dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        except (KeyError, ValueError):
            return None
        return FieldValue(key, day, hit.start, hit.end, hit.text)
    value = hit.groups.get("value")
    if not value:
        return None
    start = hit.start + hit.text.rfind(value)
    return FieldValue(key, value, start, start + len(value), value)
