"""Decoding a saved web page: its declaration where the bytes agree, else the bytes' own evidence.

School sites declare their encoding in ``<meta charset>`` or ``<meta http-equiv="Content-Type">``
(GBK, GB2312, GB18030 or UTF-8), and often wrongly: a page converted to UTF-8 that still says gb2312,
a GBK page that says utf-8, or none at all. In this order:

1. a byte-order mark;
2. bytes that are valid UTF-8 (with characters beyond ASCII): UTF-8, whatever the page says (GBK bytes
   are almost never valid UTF-8, while UTF-8 bytes often decode as GBK nonsense);
3. the declared encoding when it decodes the bytes cleanly (GB2312 and GBK read as GB18030, their
   superset: pages declaring gb2312 routinely use characters outside it);
4. otherwise :func:`text_decoding.decode`, the evidence-based guess used for text files.

A declaration that the bytes contradict, and a missing one that had to be guessed, are named in a
warning.
"""

from __future__ import annotations

import codecs
import re

from xxgk_desk.core.loaders import text_decoding

#: The declaration is looked for in the page's first bytes, as browsers do (the HTML standard says 1024;
#: school pages put long scripts first, so a little more).
_PRESCAN = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{2,40})""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn", "hz", "x-gbk", "iso-ir-58", "chinese"}
_WESTERN = {"iso8859-1", "cp1252", "ascii", "latin-1", "iso8859-15"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares (meta charset, http-equiv or an XML declaration), normalised: the
    GB family reads as gb18030; None when there is none or Python does not know the name."""
    head = data[:_PRESCAN]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    if not m:
        return None
    return normalise(m.group(1).decode("ascii", "replace"))


def normalise(name: str | None) -> str | None:
    """A charset name as Python's codec name (GB family → gb18030), or None when unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _GB_FAMILY or name.replace("-", "").replace("_", "") in {"gb2312", "gbk", "gb18030", "xgbk"}:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode the bytes of a page. ``declared`` is an encoding said outside the page (an MHTML part's
    Content-Type); the page's own declaration is read when it is None. Returns (text, encoding, warnings)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc, []
    stated = normalise(declared) if declared else declared_encoding(data)
    if not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if stated not in (None, "utf-8"):
                return (
                    text,
                    "utf-8",
                    [f"网页声明的编码是 {stated.upper()}，但内容实为 UTF-8，已按 UTF-8 读取。"],
                )
            return text, "utf-8", [] if stated else ["网页未声明编码，按内容识别为 UTF-8。"]
    if stated and stated not in _WESTERN:  # a Western single-byte codec decodes anything: no evidence
        try:
            return data.decode(stated), stated, []
        except (UnicodeDecodeError, LookupError):
            pass
    text, enc, warnings = text_decoding.decode(data)
    label = enc.upper()
    if stated:
        warnings.insert(0, f"网页声明的编码是 {stated.upper()}，与内容不符，已按内容识别为 {label} 读取。")
    elif not data.isascii():
        warnings.insert(0, f"网页未声明编码，按内容识别为 {label}。")
    return text, enc, warnings
