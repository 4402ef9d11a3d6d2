"""The memo as a Word document laid out like a Chinese official document (GB/T 9704-2012).

A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm type area of
22 lines); title in 二号 方正小标宋简体, body in 三号 仿宋_GB2312 on a fixed 28.95 pt line,
``一、`` headings in 黑体 and ``（一）`` headings in 楷体, tables in 四号 with single borders
and a repeated header row, page numbers ``— 1 —`` in 四号 宋体 at the outer edge (odd pages
right, even pages left). Every run names its East Asian font; the font table tells Word
and WPS what to use when a font is missing (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 黑体 …).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt, RGBColor

from xxgk_desk.core.atomic import replacing, write_failed
from xxgk_desk.core.marker import mark_properties

from . import docx_kit as kit
from .errors import ExportError
from .fmt import xml_safe
from .memo_blocks import Block, Figure, Heading, PageBreak, Para, Table, Title, memo_blocks
from .memo_model import Memo, text_width


@dataclass(frozen=True)
class Typography:
    """Fonts, sizes and page geometry (defaults: GB/T 9704-2012)."""

    title_font: str = "方正小标宋简体"
    heading_font: str = "黑体"
    subheading_font: str = "楷体_GB2312"
    body_font: str = "仿宋_GB2312"
    page_number_font: str = "宋体"
    latin_font: str = "Times New Roman"
    body_size: float = 16.0  # 三号
    table_size: float = 14.0  # 四号
    line_pitch: float = 28.95  # 22 lines on the 225 mm type area
    top_mm: float = 37.0
    bottom_mm: float = 35.0
    left_mm: float = 28.0
    right_mm: float = 26.0
    footer_mm: float = 23.0  # puts the page number's dashes about 7 mm below the type area


GB9704 = Typography()


@dataclass(frozen=True)
class DocMeta:
    """The document properties (File → Properties in Word)."""

    title: str
    subject: str
    author: str = "xxgk-desk"
    comments: str = "由 xxgk-desk 生成"
    keywords: str = "信息公开;年度报告;审核意见"


def memo_meta(memo: Memo) -> DocMeta:
    return DocMeta(
        title=memo.title,
        subject="高校信息公开工作年度报告审核意见",
        author=memo.reviewer or "xxgk-desk",
        comments="由 xxgk-desk 生成" + ("（自动预审）" if memo.automatic else ""),
    )


_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}


class _Writer:
    """Lays out blocks. ``official``: the letter and the 通报 — headings in Word's heading styles
    (the navigation pane shows the outline), a 28-character grid, the signature kept with the
    last lines of the body, a masthead and a document number."""

    def __init__(self, meta: DocMeta, typo: Typography, *, official: bool = False) -> None:
        self.meta, self.t, self.official = meta, typo, official
        self.doc = new_document()
        self.break_before = False
        self.last_was_table = False

    # -- setup -----------------------------------------------------------------------------------
    def setup(self) -> None:
        t, doc = self.t, self.doc
        for p in list(doc.paragraphs):  # the template's empty first paragraph
            p._p.getparent().remove(p._p)
        kit.set_defaults(doc, t.body_font, t.latin_font, t.body_size)
        normal = doc.styles["Normal"]
        kit.set_fonts(normal.element, t.body_font, t.latin_font)
        normal.font.size = Pt(t.body_size)
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(t.line_pitch)
        pf.widow_control = True
        for name in ("Header", "Footer"):
            kit.set_fonts(doc.styles[name].element, t.page_number_font, t.page_number_font)
        sec = doc.sections[0]
        sec.start_type = WD_SECTION.NEW_PAGE
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(t.top_mm), Mm(t.bottom_mm)
        sec.left_margin, sec.right_margin = Mm(t.left_mm), Mm(t.right_mm)
        sec.header_distance = Mm(15)
        sec.footer_distance = Mm(t.footer_mm)
        doc.settings.odd_and_even_pages_header_footer = True
        self._page_number(sec.footer.paragraphs[0], odd=True)
        self._page_number(sec.even_page_footer.paragraphs[0], odd=False)
        kit.add_font_fallbacks(
            doc, [t.title_font, t.heading_font, t.subheading_font, t.body_font, t.page_number_font]
        )
        kit.drop_thumbnail(doc)
        if self.official:
            self._heading_styles()
            # 28 characters of 三号 on the 156 mm line: each character a quarter point narrower
            kit.set_char_spacing(
                normal.element, kit.tracking_for(t.body_size, Mm(210 - t.left_mm - t.right_mm).pt)
            )
        cp = doc.core_properties
        m = self.meta
        cp.title = m.title
        cp.subject = m.subject
        cp.author = m.author
        cp.last_modified_by = m.author
        cp.comments = m.comments
        cp.keywords = m.keywords
        cp.language = "zh-CN"
        mark_properties(cp)  # a review file, never read back as a report
        cp.revision = 1
        now = datetime.now()
        cp.created = now
        cp.modified = now

    def _page_number(self, p, *, odd: bool) -> None:
        """``— 1 —`` at the outer edge, one character in from the margin."""
        size = 14.0
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
        pf = p.paragraph_format
        pf.right_indent = Pt(size) if odd else None
        pf.left_indent = None if odd else Pt(size)
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        runs = [p.add_run("— ")] + kit.add_field(p, "PAGE") + [p.add_run(" —")]
        for r in runs:
            kit.set_fonts(r, self.t.page_number_font, self.t.page_number_font)
            r.font.size = Pt(size)

    # -- blocks ----------------------------------------------------------------------------------
    def paragraph(self, *, align: str = "justify", size: float | None = None, line: float | None = None):
        p = self.doc.add_paragraph()
        p.alignment = _ALIGN[align]
        if line is not None:
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            p.paragraph_format.line_spacing = Pt(line)
        if self.break_before:
            p.paragraph_format.page_break_before = True
            self.break_before = False
        if self.last_was_table:
            p.paragraph_format.space_before = Pt(8)
            self.last_was_table = False
        return p

    def run(self, p, text: str, font: str, size: float, *, bold: bool = False, underline: bool = False):
        r = p.add_run(xml_safe(text))
        kit.set_fonts(r, font, self.t.latin_font)
        r.font.size = Pt(size)
        if bold:
            r.font.bold = True
        if underline:
            r.font.underline = True
        return r

    def font(self, role: str | None) -> str:
        return {
            "fs": self.t.body_font,
            "kai": self.t.subheading_font,
            "hei": self.t.heading_font,
            "xbs": self.t.title_font,
        }.get(role or "fs", self.t.body_font)

    def blank(self, keep: bool = False) -> None:
        p = self.paragraph()
        if keep:
            p.paragraph_format.keep_with_next = True

    def title(self, b: Title) -> None:
        p = self.paragraph(align="center", line=max(b.size * 1.6, self.t.line_pitch))
        p.paragraph_format.keep_with_next = True
        for i, line in enumerate(b.lines):
            r = self.run(p, line, self.t.title_font, b.size)
            if i < len(b.lines) - 1:
                r.add_break()

    def _heading_font(self, level: int) -> str:
        return {1: self.t.heading_font, 2: self.t.subheading_font}.get(level, self.t.body_font)

    def _heading_styles(self) -> None:
        """Word's Heading 1–3 restyled as 公文 headings: 黑体, 楷体, 仿宋 bold; 三号, black, no spacing."""
        for level in (1, 2, 3):
            st = self.doc.styles[f"Heading {level}"]
            kit.set_fonts(st.element, self._heading_font(level), self.t.latin_font)
            f = st.font
            f.size = Pt(self.t.body_size)
            f.bold = level == 3
            f.italic = False
            f.color.rgb = RGBColor(0, 0, 0)
            pf = st.paragraph_format
            pf.space_before = Pt(0)
            pf.space_after = Pt(0)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(self.t.line_pitch)
            pf.keep_with_next = True
            pf.first_line_indent = Pt(2 * self.t.body_size)

    def heading(self, b: Heading) -> None:
        p = self.paragraph(align="justify")
        if self.official:
            p.style = self.doc.styles[f"Heading {min(b.level, 3)}"]
        kit.first_line_chars(p, 2, self.t.body_size)
        p.paragraph_format.keep_with_next = True
        self.run(
            p, b.text, self._heading_font(b.level), self.t.body_size, bold=self.official and b.level >= 3
        )
        if not self.official:
            kit.set_outline_level(p, b.level - 1)

    def masthead(self, b: Para) -> None:
        """发文机关标志: red 小标宋 over a red line (GB/T 9704 §7.2.3, 信函格式 §10.1)."""
        p = self.paragraph(align="center", line=b.size * 1.3 if b.size else None)
        r = self.run(p, b.text, self.t.title_font, b.size or 26.0)
        r.font.color.rgb = RGBColor(0xE6, 0, 0)
        kit.set_bottom_border(p, "E60000", 18, 4)

    def para(self, b: Para, keep: bool, right_chars: float | None = None) -> None:
        if b.role == "masthead":
            self.masthead(b)
            return
        p = self.paragraph(align=b.align)
        if b.indent:
            kit.first_line_chars(p, 2, self.t.body_size)
        if right_chars is not None:
            p.paragraph_format.right_indent = Pt(right_chars * self.t.body_size)
        if keep or b.keep_with_next:
            p.paragraph_format.keep_with_next = True
        for r in b.runs:
            self.run(
                p, r.text, self.font(r.font or b.font), self.t.body_size, bold=r.bold, underline=r.underline
            )

    def table(self, b: Table) -> None:
        t = self.t
        ncols = len(b.header)
        table = self.doc.add_table(rows=1 + len(b.rows), cols=ncols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        kit.set_fixed_layout(table, int(round(sum(b.widths) * 56.7)))
        kit.set_table_borders(table)
        kit.set_cell_margins(table)
        for i, w in enumerate(b.widths):
            table.columns[i].width = Mm(w)
        line = b.size + 6
        for r, values in enumerate((b.header, *b.rows)):
            row = table.rows[r]
            kit.set_row_flags(row, header=r == 0, cant_split=r == 0 or not b.split_rows)
            for c, value in enumerate(values):
                cell = row.cells[c]
                cell.width = Mm(b.widths[c])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if b.merge_column == c and r > 0 and r > 1 and b.rows[r - 2][c] == value:
                    continue  # merged below
                p = cell.paragraphs[0]
                p.alignment = _ALIGN["center" if r == 0 else b.align[c]]
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                p.paragraph_format.line_spacing = Pt(line)
                p.paragraph_format.first_line_indent = Pt(0)
                font = t.heading_font if r == 0 else t.body_font
                self.run(p, value, font, b.size, bold=r > 0 and (r - 1, c) in b.bold_cells)
        if b.merge_column is not None:
            self._merge_runs(table, b)
        self.last_was_table = True

    def figure(self, b: Figure) -> None:
        """The picture on a single-spaced centred line (an exact line pitch would crop it), kept
        with its caption in 楷体 below."""
        p = self.paragraph(align="center")
        pf = p.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        pf.keep_with_next = True
        pf.space_before = Pt(6)
        shape = p.add_run().add_picture(io.BytesIO(b.png), width=Mm(b.width))
        shape._inline.docPr.set("descr", xml_safe(b.alt or b.caption))
        caption = self.paragraph(align="center")
        caption.paragraph_format.space_after = Pt(6)
        self.run(caption, b.caption, self.t.subheading_font, self.t.table_size)

    def _merge_runs(self, table, b: Table) -> None:
        c = b.merge_column
        assert c is not None
        start = 0
        rows = b.rows
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i][c] != rows[start][c]:
                if i - start > 1:
                    top = table.cell(start + 1, c)
                    top.merge(table.cell(i, c))
                    top.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                start = i

    # -- the whole memo --------------------------------------------------------------------------
    def write(self, blocks: list[Block]) -> None:
        self.setup()
        signed = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Para) and b.role == "signature"]
        signature = [i for i, _ in signed]
        sig_indent = self._signature_indents([b for _, b in signed])
        if self.official and signature:
            blocks = self._keep_with_signature(blocks, signature)
        for i, b in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(b, Title):
                self.title(b)
                if not (isinstance(nxt, Para) and nxt.role == "subtitle"):
                    self.blank()
            elif isinstance(b, Heading):
                self.heading(b)
            elif isinstance(b, Para):
                if (
                    b.role == "annex"
                    and b.indent
                    or (signature and i == signature[0] and b.role == "signature")
                ):
                    self.blank(keep=self.official)  # 附件说明 and 署名 are set off by an empty line
                # an issue stays with the first lines of its quote; replies may flow on
                keep = b.role == "body" and isinstance(nxt, Para) and nxt.role in ("quote", "meta", "reply")
                right = sig_indent.get(signature.index(i)) if i in signature else None
                self.para(b, keep, right)
                if b.role == "subtitle":
                    self.blank()
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Figure):
                self.figure(b)
            elif isinstance(b, PageBreak):
                self.break_before = True

    @staticmethod
    def _keep_with_signature(blocks: list[Block], signature: list[int]) -> list[Block]:
        """The last body paragraph and what follows it up to the signature keep with the next
        paragraph (and the signature with its date), so the signature never stands alone at the
        top of a page."""
        out = list(blocks)
        for j in signature[:-1]:
            b = out[j]
            assert isinstance(b, Para)
            out[j] = replace(b, keep_with_next=True)
        i = signature[0] - 1
        while i >= 0 and isinstance(out[i], Para):
            b = out[i]
            assert isinstance(b, Para)
            out[i] = replace(b, keep_with_next=True)
            if b.role in ("body", "closing") and b.text.strip():
                break
            i -= 1
        return out

    def _signature_indents(self, paras: list[Para]) -> dict[int, float]:
        """GB/T 9704 §7.3.5.2 (no seal): the date 右空二字 under the signature, whose first
        character is two characters left of the date's; a longer date moves the signature."""
        if len(paras) != 2:
            return {}
        ws, wd = text_width(paras[0].text), text_width(paras[1].text)
        date_right = ws - wd
        if date_right >= 2:
            return {0: 2.0, 1: date_right}
        return {0: 4.0 + wd - ws, 1: 2.0}


def write_docx(memo: Memo, path: str | os.PathLike, typography: Typography = GB9704) -> Path:
    """Write the memo as DOCX; :class:`ExportError` if the file cannot be written."""
    return write_blocks(memo_blocks(memo), memo_meta(memo), path, typography)


def write_blocks(
    blocks: list[Block],
    meta: DocMeta,
    path: str | os.PathLike,
    typography: Typography = GB9704,
    *,
    official: bool = False,
) -> Path:
    """Lay ``blocks`` out as a DOCX at ``path`` (atomically; marked as a review file)."""
    path = Path(path)
    w = _Writer(meta, typography, official=official)
    w.write(blocks)
    try:
        package = io.BytesIO()  # built in memory: a failing disk then fails our write, not zipfile's
        w.doc.save(package)
        with replacing(path) as tmp:
            tmp.write_bytes(package.getvalue())
    except OSError as e:
        raise ExportError("write", write_failed(path, e)) from None
    return path
