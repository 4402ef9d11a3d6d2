"""The report, not the page: the main content of a school's article page, found by trafilatura.

trafilatura was chosen over readability-lxml by measuring both on pages built from the probe reports
in the chrome of school sites (``bench/bench_web_extract.py``): see the README's section on web pages.
It is given the parsed page and never asked to fetch anything; its output (HTML) is read by
:mod:`web_blocks` like any other HTML.
"""

from __future__ import annotations

import copy

from lxml import html as lxml_html

from xxgk_desk.core.loaders.web_blocks import Item, items_of

EXTRACTOR = "trafilatura"


def main_content(root) -> list[Item]:
    """The headings, paragraphs and tables of the page's main content (empty when none was found)."""
    import trafilatura

    out = trafilatura.extract(
        copy.deepcopy(root),
        output_format="html",
        include_tables=True,
        include_formatting=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
        favor_recall=True,
        fast=False,
    )
    if not out:
        return []
    return items_of(lxml_html.document_fromstring(out))


def library_version() -> str:
    try:
        from importlib.metadata import version

        return version("trafilatura")
    except Exception:  # not installed as a distribution (a frozen app): the name alone
        return "?"
