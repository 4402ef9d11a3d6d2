"""The report, not the page: the main content of a school's article page, found by readability-lxml.

readability-lxml was chosen over trafilatura by measuring both on pages built from the probe reports in
the chrome of school sites (``bench/bench_web_extract.py``; figures in the README's section on web pages):
both were right on pages laid out with <div>s, but trafilatura took a page laid out with tables (older
school sites) for one big table and dropped the opening paragraph of a body written as lines separated by
``<br>``, while readability-lxml kept both, in half the time and with far fewer dependencies.
It is given the page already parsed and cleaned of the information line, as text, and never fetches
anything; its output (HTML) is read by :mod:`web_blocks` like any other HTML.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from xxgk_desk.core.loaders.web_blocks import Item, items_of

EXTRACTOR = "readability"


def main_content(root) -> list[Item]:
    """The headings, paragraphs and tables of the page's main content (empty when none was found)."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(etree.tostring(root, encoding="unicode")).summary(html_partial=True)
    except Unparseable:
        return []
    if not summary or not summary.strip():
        return []
    return items_of(lxml_html.fragment_fromstring(summary, create_parent="div"))
