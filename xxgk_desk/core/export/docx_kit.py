"""Low-level WordprocessingML helpers python-docx does not offer: East Asian fonts on every
run, the font table's fallback names, PAGE fields, table borders, header rows, merges.

Why ``set_fonts``: python-docx's ``font.name`` writes only ``w:ascii``/``w:hAnsi``; Word and
WPS pick the font for Chinese characters from ``w:eastAsia``, so without it the text falls
back to the theme's East Asian font (often 等线 or 宋体). ``w:hint="eastAsia"`` makes
characters both scripts share (“ ” — …) use the Chinese font too.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

# Fonts the memo names and what to use when a reader lacks them (w:altName is a comma list
# Word and WPS try in turn), with the GB2312 charset and a PANOSE close to the family.
FALLBACKS: dict[str, tuple[str, str]] = {
    "方正小标宋简体": ("方正小标宋_GBK,华文中宋,黑体,SimHei", "02000000000000000000"),
    "仿宋_GB2312": ("仿宋,FangSong", "02010609030101010101"),
    "楷体_GB2312": ("楷体,KaiTi", "02010609030101010101"),
    "黑体": ("SimHei", "02010609060101010101"),
    "宋体": ("SimSun", "02010600030101010101"),
}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Schema order of the w:tblPr children (Word rejects files with them out of order).
_TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
    "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
    "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip


def _tblpr_child(table, tag: str):
    """The ``tag`` child of the table's w:tblPr, created in schema order if missing."""
    tblPr = table._tbl.tblPr
    el = tblPr.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        later = _TBLPR_ORDER[_TBLPR_ORDER.index(tag) + 1 :]
        tblPr.insert_element_before(el, *later)
    return el


def set_fonts(rpr_owner, east_asia: str, latin: str = "Times New Roman") -> None:
    """Set ``w:rFonts`` eastAsia/ascii/hAnsi/cs (and the eastAsia hint) on a run, a style or
    an ``w:rPr`` element; theme font references, which would win over them, are removed."""
    el = getattr(rpr_owner, "_element", rpr_owner)
    rpr = el if el.tag == qn("w:rPr") else el.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(1 if len(rpr) and rpr[0].tag == qn("w:rStyle") else 0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def set_defaults(document, east_asia: str, latin: str, size_pt: float) -> None:
    """Document defaults: fonts, size and Chinese as the East Asian language (line breaking)."""
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:  # pragma: no cover - python-docx's template has it
        return
    set_fonts(rpr, east_asia, latin)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), str(int(round(size_pt * 2))))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def add_font_fallbacks(document, names: list[str]) -> None:
    """Describe ``names`` in word/fontTable.xml with their fallbacks (see FALLBACKS)."""
    part = next(
        (p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None
    )
    if part is None:
        return
    root = parse_xml(part.blob)
    have = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name in names:
        if name in have or name not in FALLBACKS:
            continue
        alt, panose = FALLBACKS[name]
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, val in (
            ("w:altName", alt),
            ("w:panose1", panose),
            ("w:charset", "86"),
            ("w:family", "modern" if name != "方正小标宋简体" else "script"),
            ("w:pitch", "fixed" if name != "方正小标宋简体" else "variable"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            font.append(child)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_thumbnail(document) -> None:
    """Remove the template's thumbnail image (it would show an unrelated page in file browsers)."""
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rid]


def first_line_chars(paragraph, chars: float, size_pt: float) -> None:
    """A first-line indent of ``chars`` characters (Word/WPS scale it with the font; others use the points)."""
    paragraph.paragraph_format.first_line_indent = Pt(chars * size_pt)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), str(int(round(chars * 100))))


def add_field(paragraph, instruction: str, placeholder: str = "1"):
    """A complex field (``PAGE``, ``NUMPAGES``) as its four runs; returns the result run."""
    runs = []
    for kind in ("begin", None, "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "result":
            run.text = placeholder
        elif kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        runs.append(run)
    return runs


def set_table_borders(table, size_eighths: int = 6) -> None:
    """Single borders all round and inside (explicit, so every reader draws them)."""
    borders = _tblpr_child(table, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.find(qn(f"w:{edge}"))
        if el is None:
            el = OxmlElement(f"w:{edge}")
            borders.append(el)
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")


def set_fixed_layout(table, total_twips: int) -> None:
    width = _tblpr_child(table, "w:tblW")
    width.set(qn("w:w"), str(total_twips))
    width.set(qn("w:type"), "dxa")
    _tblpr_child(table, "w:tblLayout").set(qn("w:type"), "fixed")


def set_row_flags(row, *, header: bool = False, cant_split: bool = True) -> None:
    """Repeat ``row`` at the top of every page (header) and keep it on one page (cant_split)."""
    trPr = row._tr.get_or_add_trPr()
    if cant_split:
        trPr.append(OxmlElement("w:cantSplit"))
    if header:
        trPr.append(OxmlElement("w:tblHeader"))


def set_cell_margins(table, left_mm: float = 1.5, right_mm: float = 1.5, top_mm: float = 0.6) -> None:
    mar = _tblpr_child(table, "w:tblCellMar")
    for edge, mm in (("top", top_mm), ("left", left_mm), ("bottom", top_mm), ("right", right_mm)):
        el = mar.find(qn(f"w:{edge}"))
        if el is None:
            el = OxmlElement(f"w:{edge}")
            mar.append(el)
        el.set(qn("w:w"), str(int(round(mm * 56.7))))
        el.set(qn("w:type"), "dxa")


def set_outline_level(paragraph, level: int) -> None:
    """Show the paragraph in Word's navigation pane at ``level`` (0 = top)."""
    pPr = paragraph._p.get_or_add_pPr()
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    pPr.insert_element_before(el, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def tracking_for(font_pt: float, width_pt: float) -> float:
    """The (negative) character spacing in points that fits a whole number of ``font_pt``
    characters on a ``width_pt`` line — one more than fit without it, when nearly one more fits
    (GB/T 9704: 28 characters of 三号 on 156 mm, where 27.6 would fit untouched)."""
    fit = width_pt / font_pt
    chars = int(fit) + 1 if fit - int(fit) > 0.5 else int(fit)
    return min(0.0, (width_pt - 0.5) / chars - font_pt)


def set_char_spacing(rpr_owner, points: float) -> None:
    """``w:spacing`` (character spacing, in twentieths of a point) on a style or run."""
    el = getattr(rpr_owner, "_element", rpr_owner)
    rpr = el if el.tag == qn("w:rPr") else el.get_or_add_rPr()
    sp = rpr.find(qn("w:spacing"))
    if sp is None:
        sp = OxmlElement("w:spacing")
        rpr.append(sp)
    sp.set(qn("w:val"), str(int(round(points * 20))))


def set_bottom_border(paragraph, colour: str, size_eighths: int, space_pt: int = 1) -> None:
    """A line under the paragraph (the red line under a masthead)."""
    pPr = paragraph._p.get_or_add_pPr()
    borders = pPr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        pPr.insert_element_before(
            borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
            "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
            "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
            "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
            "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
            "w:pPrChange",
        )  # fmt: skip
    el = OxmlElement("w:bottom")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), str(space_pt))
    el.set(qn("w:color"), colour)
    borders.append(el)
