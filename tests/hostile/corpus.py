"""The hostile corpus: broken, malicious and odd inputs, each with what must come out of it.

Every :class:`Case` builds its file in a corpus folder (``make(folder) -> path``) and says
which outcomes are acceptable: ``ok`` (a read), ``error:<code>`` (a ReadError with that code)
or ``error:*``; for a read, the text it must contain. The test runs each case through
``pipeline.check`` in a limited child process (see ``sandbox.py``) and checks the rest that
holds for all of them: within the time bound, no crash, a one-line Chinese message, no
secret content in the output, no file opened but the one under test, no network.

The folder also holds ``机密-secret.txt``: a marker string nobody may read. XXE entities,
external relationships, PDF launch actions and relative links point at it.
"""

from __future__ import annotations

import codecs
import os
import random
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile.builders import (
    CONTENT_TYPES,
    HELVETICA,
    PACKAGE_RELS,
    Deflated,
    document_xml,
    docx_bytes,
    encrypted_pdf,
    flate_bomb,
    many_pages_pdf,
    pdf_file,
    raw_zip,
    simple_pdf,
    stream,
    text_ops,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SECRET_NAME = "机密-secret.txt"
SECRET_MARK = "XXGK-SECRET-MARKER-5d1e"
EMBED_MARK = "XXGK-EMBEDDED-MARKER-93b0"
BODY = ["HOSTILE TEST BODY LINE ONE", "SECOND LINE OF THE BODY TEXT"]
ZH_BODY = ["第一部分　总体情况", "学校高度重视信息公开工作，本学年主动公开信息二千一百八十六条。"]
MB = 1 << 20
ZH_TRAD = "學校高度重視資訊公開工作，本學年主動公開資訊二千一百八十六條。"

# Known bugs in files this suite may not change: a case that hits one gets ``bug=<why>`` and
# is a strict expected failure until the bug is fixed (none open at the moment).


@dataclass(frozen=True)
class Case:
    """One hostile input and what may come of it."""

    name: str
    group: str
    make: Callable[[Path], Path]
    expect: tuple[str, ...]
    contains: tuple[str, ...] = ()
    timeout: float = 20.0
    vanish: str | None = None  # "before" / "during": the file disappears
    ocr: str = "never"
    pages: int | None = None  # page count a correct read must give
    needs: str | None = None  # "soffice"
    bug: str | None = None  # a known bug elsewhere: expected to fail until fixed
    also_allowed: tuple[str, ...] = field(default=())  # other names of the folder it may open

    def accepts(self, outcome: str) -> bool:
        return outcome in self.expect or (outcome.startswith("error:") and "error:*" in self.expect)


def secret_markers() -> list[str]:
    """Strings that must never appear in any output: the secret file's and the host's name."""
    marks = [SECRET_MARK, EMBED_MARK]
    try:
        host = Path("/etc/hostname").read_text().strip()
        if len(host) >= 6:
            marks.append(host)
    except OSError:
        pass
    return marks


def prepare(folder: Path) -> None:
    """The corpus folder with its secret file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SECRET_NAME).write_text(f"{SECRET_MARK}\n不得读取的文件。\n", encoding="utf-8")


# -- helpers -------------------------------------------------------------------------------------


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        p = folder / name
        p.write_bytes(data)
        return p

    return make


def _lazy(name: str, build: Callable[[Path], bytes]) -> Callable[[Path], Path]:
    """Like _write, but the bytes are built when the case runs (they may need the folder)."""

    def make(folder: Path) -> Path:
        p = folder / name
        p.write_bytes(build(folder))
        return p

    return make


def _copy(src: Path, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        p = folder / name
        shutil.copyfile(src, p)
        return p

    return make


def _rng(seed: str) -> random.Random:
    return random.Random(seed)


def _report_text(repeat: int = 1) -> str:
    para = (
        "一、总体情况\n学校高度重视信息公开工作，成立了以校长为组长的信息公开工作领导小组。"
        "本学年通过学校门户网站主动公开信息2186条。\n"
    )
    return "楚澜理工学院2023—2024学年信息公开工作年度报告\n" + para * repeat


# -- PDF -----------------------------------------------------------------------------------------


def _page_tree(kids: bytes, count: int, extra: bytes = b"") -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, count),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(text_ops(BODY)),
            HELVETICA,
            *([extra] if extra else []),
        ]
    )


def _javascript_pdf() -> bytes:
    js = b"app.launchURL(\\(http://example.invalid/js\\)); this.exportDataObject({cName: \\(x\\)});"
    return simple_pdf(
        BODY,
        catalog_extra=b"/OpenAction << /S /JavaScript /JS (" + js + b") >>"
        b" /Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (" + js + b") >>] >> >>"
        b" /AcroForm << /Fields [] /XFA (<xdp:xdp/>) >> ",
        page_extra=b"/AA << /O << /S /JavaScript /JS (app.alert\\(1\\);) >> >> ",
    )


def _embedded_pdf() -> bytes:
    payload = f"{EMBED_MARK} 附件中的秘密内容".encode()
    return simple_pdf(
        BODY,
        catalog_extra=b"/Names << /EmbeddedFiles << /Names [(secret.txt) 6 0 R] >> >> ",
        page_extra=b"/Annots [7 0 R] ",
        extra_objects=[
            b"<< /Type /Filespec /F (secret.txt) /UF (secret.txt) /EF << /F 8 0 R >> >>",
            b"<< /Type /Annot /Subtype /FileAttachment /Rect [72 72 90 90] /FS 6 0 R /Contents (attached) >>",
            stream(payload, b"/Type /EmbeddedFile "),
        ],
    )


def _launch_pdf() -> bytes:
    secret = SECRET_NAME.encode("utf-8")
    return simple_pdf(
        BODY,
        catalog_extra=b"/OpenAction << /S /Launch /F (" + secret + b") /NewWindow true >> ",
        page_extra=b"/Annots [6 0 R 7 0 R] ",
        extra_objects=[
            b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (http://example.invalid/) >> >>",
            b"<< /Type /Annot /Subtype /Link /Rect [72 650 300 670]"
            b" /A << /S /GoToR /F (" + secret + b") /D [0 /Fit] >> >>",
        ],
    )


def _deep_arrays() -> bytes:
    return simple_pdf(BODY, page_extra=b"/Junk " + b"[" * 200_000 + b"]" * 200_000 + b" ")


def _deep_dicts() -> bytes:
    return simple_pdf(BODY, page_extra=b"/Junk " + b"<< /A " * 50_000 + b"1" + b" >>" * 50_000 + b" ")


def _bomb_pdf() -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 6 0 R]"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(text_ops(BODY)),
            HELVETICA,
            stream(flate_bomb(1536 * MB), b"/Filter /FlateDecode "),
        ]
    )


def _huge_scan_pdf() -> bytes:
    """A 200 × 200 inch page (the largest PDF allows) covered by a tiny image: a 'scan' to OCR."""
    pixels = bytes([0x80]) * 64
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
            stream(b"q 14400 0 0 14400 0 0 cm /Im1 Do Q"),
            stream(
                pixels,
                b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
            ),
        ]
    )


def _sample_pdf() -> bytes:
    return (SAMPLES / "sample-report.pdf").read_bytes()


PDF_CASES = [
    Case("pdf-truncated-half", "pdf", _lazy("截断.pdf", lambda f: _sample_pdf()[: len(_sample_pdf()) // 2]),
         ("ok", "error:damaged")),
    Case("pdf-header-only", "pdf", _write("header-only.pdf", b"%PDF-1.7\n"), ("error:damaged",)),
    Case("pdf-garbage-after-header", "pdf",
         _write("garbage.pdf", b"%PDF-1.7\n" + _rng("garbage").randbytes(64 * 1024)), ("error:damaged",)),
    Case("pdf-page-tree-self-loop", "pdf", _write("kids-self.pdf", _page_tree(b"[3 0 R 2 0 R]", 2)),
         ("ok", "error:damaged"), contains=("HOSTILE TEST BODY",)),
    Case("pdf-page-tree-cycle", "pdf",
         _write("kids-cycle.pdf", _page_tree(b"[6 0 R 3 0 R]", 1_000_000,
                                             b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1000000 >>")),
         ("ok", "error:damaged", "error:too_big"), timeout=10),
    Case("pdf-lying-page-count", "pdf", _write("count-1m.pdf", _page_tree(b"[3 0 R]", 1_000_000)),
         ("ok", "error:damaged", "error:too_big"), timeout=10),
    Case("pdf-javascript", "pdf", _write("javascript.pdf", _javascript_pdf()), ("ok",),
         contains=("HOSTILE TEST BODY",)),
    Case("pdf-embedded-file", "pdf", _write("embedded.pdf", _embedded_pdf()), ("ok",),
         contains=("HOSTILE TEST BODY",)),
    Case("pdf-launch-uri-gotor", "pdf", _write("launch.pdf", _launch_pdf()), ("ok",),
         contains=("HOSTILE TEST BODY",)),
    *[
        Case(f"pdf-encrypted-{m}", "pdf", _write(f"encrypted-{m}.pdf", encrypted_pdf(BODY, method=m)),
             ("error:encrypted",))
        for m in ("rc4-40", "rc4-128", "aes-128", "aes-256")
    ],
    Case("pdf-owner-password-only-aes-256", "pdf",
         _write("owner-only.pdf", encrypted_pdf(BODY, method="aes-256", user=b"")), ("ok",),
         contains=("HOSTILE TEST BODY",)),
    Case("pdf-xref-points-nowhere", "pdf",
         _write("xref-nowhere.pdf", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                                               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                                               b" /Resources << /Font << /F1 5 0 R >> >> >>",
                                               stream(text_ops(BODY)), HELVETICA], startxref=99_999_999)),
         ("ok", "error:damaged"), contains=("HOSTILE TEST BODY",)),
    Case("pdf-no-xref-table", "pdf",
         _write("no-xref.pdf", simple_pdf(BODY).split(b"xref\n")[0] + b"%%EOF\n"), ("ok", "error:damaged")),
    Case("pdf-huge-length", "pdf",
         _write("huge-length.pdf", simple_pdf(BODY).replace(b"/Length 1", b"/Length 99999999999", 1)),
         ("ok", "error:damaged"), contains=("HOSTILE TEST BODY",)),
    Case("pdf-deep-arrays", "pdf", _lazy("deep-arrays.pdf", lambda f: _deep_arrays()), ("ok", "error:damaged")),
    Case("pdf-deep-dicts", "pdf", _lazy("deep-dicts.pdf", lambda f: _deep_dicts()), ("ok", "error:damaged")),
    Case("pdf-5000-pages", "pdf", _lazy("5000页.pdf", lambda f: many_pages_pdf(5000, BODY)), ("ok",),
         contains=("Chapter 4999 opens",), timeout=120, pages=5000),
    Case("pdf-million-operators", "pdf",
         _lazy("operators.pdf", lambda f: simple_pdf(BODY).replace(b"ET", b"ET" + b" q Q" * 3_000_000, 1)),
         ("ok",), contains=("HOSTILE TEST BODY",)),
    Case("pdf-zero-mediabox", "pdf", _write("zero-box.pdf", simple_pdf(BODY, page_extra=b"/MediaBox [0 0 0 0] ")),
         ("ok", "error:damaged")),
    Case("pdf-absurd-geometry", "pdf",
         _write("absurd-box.pdf", simple_pdf(BODY, page_extra=b"/MediaBox [0 0 1e400 -5] /Rotate 45 /UserUnit 75000 ")),
         ("ok", "error:damaged")),
    Case("pdf-no-pages", "pdf",
         _write("no-pages.pdf", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])),
         ("ok", "error:*")),
    Case("pdf-flate-bomb-1.5GB", "pdf", _lazy("flate-bomb.pdf", lambda f: _bomb_pdf()),
         ("error:bomb",), timeout=60),
    Case("pdf-huge-scan-page-ocr", "pdf", _write("huge-scan.pdf", _huge_scan_pdf()), ("ok", "error:*"),
         ocr="auto", timeout=90),
]  # fmt: skip


# -- DOCX ----------------------------------------------------------------------------------------

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xxe_doc(folder: Path) -> bytes:
    secret = (folder / SECRET_NAME).resolve().as_uri()
    doctype = (
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret}"> <!ENTITY host SYSTEM "file:///etc/hostname">'
        f' <!ENTITY rel SYSTEM "{SECRET_NAME}"> <!ENTITY % pe SYSTEM "{secret}">]>'
    )
    return docx_bytes(
        document=document_xml(["外部实体测试 &xxe; &host; &rel;", "HOSTILE DOCX BODY"], doctype=doctype)
    )


def _xxe_rels(folder: Path) -> bytes:
    secret = (folder / SECRET_NAME).resolve().as_uri()
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Relationships [<!ENTITY xxe SYSTEM "{secret}">]>'
        f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId9" Type="{R_TYPES}/hyperlink" '
        f'Target="&xxe;" TargetMode="External"/></Relationships>'
    )
    return docx_bytes(["HOSTILE DOCX BODY"], document_rels=rels)


def _billion_laughs() -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    doctype = "<!DOCTYPE w:document [" + "".join(ents) + "]>"
    return docx_bytes(document=document_xml(["&lol9;", "HOSTILE DOCX BODY"], doctype=doctype))


def _external_rels(folder: Path) -> bytes:
    secret = (folder / SECRET_NAME).resolve().as_uri()
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{RELS_NS}">'
        f'<Relationship Id="rId1" Type="{R_TYPES}/image" Target="http://example.invalid/track.png" TargetMode="External"/>'
        f'<Relationship Id="rId2" Type="{R_TYPES}/attachedTemplate" Target="http://example.invalid/evil.dotm" TargetMode="External"/>'
        f'<Relationship Id="rId3" Type="{R_TYPES}/subDocument" Target="{secret}" TargetMode="External"/>'
        f'<Relationship Id="rId4" Type="{R_TYPES}/oleObject" Target="\\\\example.invalid\\share\\x.bin" TargetMode="External"/>'
        f'<Relationship Id="rId5" Type="{R_TYPES}/hyperlink" Target="http://example.invalid/" TargetMode="External"/>'
        "</Relationships>"
    )
    body = (
        '<w:p><w:hyperlink r:id="rId5"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:subDoc r:id="rId3"/></w:p>'
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
        '<a:blip r:link="rId1"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )
    return docx_bytes(
        document=document_xml(ZH_BODY + ["HOSTILE DOCX BODY"], raw_body=body), document_rels=rels
    )


def _dangling_internal_rel(folder: Path) -> bytes:
    """An internal relationship to a part that is not in the package (resolves outside it)."""
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{RELS_NS}">'
        f'<Relationship Id="rId6" Type="{R_TYPES}/image" Target="../../{SECRET_NAME}"/></Relationships>'
    )
    return docx_bytes(["HOSTILE DOCX BODY"], document_rels=rels)


def _much_text(paragraphs: int) -> bytes:
    rng = _rng("much-text")
    paras = ["".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(2000)) for _ in range(paragraphs)]
    return docx_bytes(paras)


def _huge_document_xml() -> bytes:
    rng = _rng("huge-xml")
    paras = [f"第{rng.getrandbits(40):x}条 学校高度重视信息公开工作。" for _ in range(1_600_000)]
    return docx_bytes(paras)


def _zip_bomb_ratio() -> bytes:
    return docx_bytes(["HOSTILE DOCX BODY"], extra=[("word/media/image1.bin", Deflated.of(bytes(64 * MB)))])


def _zip_bomb_total() -> bytes:
    one = Deflated.of(bytes(MB))
    return docx_bytes(["HOSTILE DOCX BODY"], extra=[(f"word/media/p{i}.bin", one) for i in range(400)])


def _lying_size() -> bytes:
    big = document_xml(["HOSTILE DOCX BODY"]).replace("<w:body>", "<w:body>" + " " * (200 * MB), 1)
    return docx_bytes(document=big, lie_sizes={"word/document.xml": 2000})


def _lying_size_huge() -> bytes:
    """word/document.xml says 60 MB (ratio 40, under every limit) but inflates to 1.5 GB."""
    head, _, tail = document_xml(["HOSTILE DOCX BODY"]).partition("<w:body>")
    member = Deflated.repeated(1536 * MB, b" ", (head + "<w:body>").encode(), tail.encode())
    entries = [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", PACKAGE_RELS.encode()),
               ("word/document.xml", member)]  # fmt: skip
    return raw_zip(entries, lie_sizes={"word/document.xml": 60 * MB})


def _deep_sdt() -> bytes:
    depth = 20_000
    body = (
        "<w:sdt><w:sdtContent>" * depth
        + "<w:p><w:r><w:t>深</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>" * depth
    )
    return docx_bytes(document=document_xml(["HOSTILE DOCX BODY"], raw_body=body))


def _encrypted_docx() -> bytes:
    """What Word writes for a password-protected .docx: an OLE compound file, not a ZIP."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header += bytes(512 - len(header))
    names = b"".join(
        n.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
        for n in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    return header + names + _rng("ole").randbytes(4096)


def _sample_docx() -> bytes:
    return (SAMPLES / "sample-report.docx").read_bytes()


DOCX_CASES = [
    Case("docx-zip-bomb-ratio", "docx", _lazy("bomb-ratio.docx", lambda f: _zip_bomb_ratio()), ("error:bomb",)),
    Case("docx-zip-bomb-400MB-total", "docx", _lazy("bomb-total.docx", lambda f: _zip_bomb_total()), ("error:bomb",)),
    Case("docx-lying-size-field", "docx", _lazy("lying-size.docx", lambda f: _lying_size()),
         ("error:damaged", "error:bomb")),
    Case("docx-lying-size-1.5GB", "docx", _lazy("lying-size-huge.docx", lambda f: _lying_size_huge()),
         ("error:damaged", "error:bomb"), timeout=30),
    Case("docx-xxe-in-document", "docx", _lazy("xxe.docx", _xxe_doc), ("ok", "error:damaged")),
    Case("docx-xxe-in-relationships", "docx", _lazy("xxe-rels.docx", _xxe_rels), ("ok", "error:damaged")),
    Case("docx-billion-laughs", "docx", _lazy("laughs.docx", lambda f: _billion_laughs()), ("ok", "error:damaged")),
    Case("docx-external-relationships", "docx", _lazy("external.docx", _external_rels), ("ok",),
         contains=("HOSTILE DOCX BODY", "学校高度重视信息公开工作")),
    Case("docx-dangling-internal-relationship", "docx", _lazy("dangling-rel.docx", _dangling_internal_rel),
         ("ok", "error:damaged")),
    Case("docx-7M-characters", "docx", _lazy("much-text.docx", lambda f: _much_text(3500)),
         ("ok", "error:too_big"), timeout=60),
    Case("docx-100MB-document-xml", "docx", _lazy("huge-xml.docx", lambda f: _huge_document_xml()),
         ("error:too_big", "error:bomb")),
    Case("docx-zip-of-something-else", "docx",
         _write("photos.docx", raw_zip([("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(2000)), ("说明.txt", "照片".encode())])),
         ("error:mismatch",)),
    Case("docx-broken-document-xml", "docx",
         _write("broken-xml.docx", docx_bytes(document="<w:document><w:body><w:p>未闭合")), ("error:damaged",)),
    Case("docx-missing-content-types", "docx",
         _write("no-types.docx", docx_bytes(["HOSTILE DOCX BODY"], content_types=None)), ("ok", "error:damaged")),
    Case("docx-path-traversal-names", "docx",
         _write("traversal.docx", docx_bytes(["HOSTILE DOCX BODY"], extra=[
             ("../../../../../tmp/xxgk-pwned.txt", b"pwned"), ("/tmp/xxgk-pwned-abs", b"pwned")])),
         ("ok", "error:damaged")),
    Case("docx-deeply-nested-sdt", "docx", _lazy("deep-sdt.docx", lambda f: _deep_sdt()), ("ok", "error:damaged")),
    Case("docx-truncated", "docx", _lazy("truncated.docx", lambda f: _sample_docx()[: len(_sample_docx()) // 2]),
         ("error:damaged",)),
    Case("docx-password-protected-ole", "docx", _write("加密.docx", _encrypted_docx()), ("error:encrypted",)),
    Case("doc-that-is-docx", "doc", _lazy("really-docx.doc", lambda f: _sample_docx()), ("error:mismatch",)),
    Case("doc-ole-garbage", "doc",
         _write("garbage.doc", bytes.fromhex("D0CF11E0A1B11AE1") + _rng("doc").randbytes(20_000)), ("error:damaged",)),
    Case("doc-excel-workbook-named-doc", "doc",
         _write("表格.doc", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600) + "Workbook".encode("utf-16-le") + bytes(600)),
         ("error:mismatch",)),
    Case("doc-garbage-with-word-stream-name", "doc",
         _write("fake-word.doc", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600) + "WordDocument".encode("utf-16-le")
                + _rng("doc").randbytes(20_000)),
         ("ok", "error:convert_failed", "error:damaged", "error:timeout"), timeout=180, needs="soffice"),
]  # fmt: skip


# -- TXT -----------------------------------------------------------------------------------------

ZH_A = "第一部分　概述：学校高度重视信息公开工作。"
ZH_B = "第二部分　主动公开情况：本学年主动公开信息二千条。"


def _invalid_utf8() -> bytes:
    data = bytearray(_report_text(20).encode("utf-8"))
    rng = _rng("invalid-utf8")
    for _ in range(25):
        data.insert(rng.randrange(len(data)), rng.choice([0xFF, 0xC0, 0x80, 0xFE]))
    return bytes(data) + "\n".join([ZH_A, ZH_B]).encode("utf-8")


def _mixed_encodings() -> bytes:
    return (ZH_A + "\n").encode("utf-8") + (ZH_B + "\n").encode("gbk") + (ZH_A + "（续）\n").encode("utf-8")


TXT_CASES = [
    Case("txt-invalid-utf8-bytes", "txt", _write("invalid-utf8.txt", _invalid_utf8()), ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-mixed-utf8-and-gbk-lines", "txt", _write("mixed.txt", _mixed_encodings()), ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-utf32le-with-bom", "txt", _write("utf32le.txt", codecs.BOM_UTF32_LE + (ZH_A + "\n" + ZH_B).encode("utf-32-le")),
         ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-utf32be-with-bom", "txt", _write("utf32be.txt", codecs.BOM_UTF32_BE + (ZH_A + "\n" + ZH_B).encode("utf-32-be")),
         ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-big5", "txt", _write("big5.txt", (ZH_TRAD + "\n" + ZH_TRAD).encode("big5")), ("ok",), contains=(ZH_TRAD,)),
    Case("txt-utf16le-without-bom", "txt", _write("utf16le.txt", (ZH_A + "\n2024年\n" + ZH_B).encode("utf-16-le")),
         ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-utf16be-without-bom", "txt", _write("utf16be.txt", (ZH_A + "\n2024年\n" + ZH_B).encode("utf-16-be")),
         ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-stray-nul-bytes", "txt", _write("nul.txt", (ZH_A + "\x00\x00" + ZH_B).encode("utf-8")),
         ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-utf16le-no-bom-odd-length-damaged", "txt",
         _write("utf16-damaged.txt", (ZH_A + "\n2024年9月\n" + ZH_B + "\n一、二、").encode("utf-16-le")[:-1]),
         ("ok",), contains=(ZH_A, ZH_B)),
    Case("txt-binary-with-nul-pairs", "txt", _write("pairs.txt", b"abc\x00\x01\x02" * 200), ("error:mismatch",)),
    Case("txt-60MB", "txt", _lazy("60MB.txt", lambda f: _report_text(60 * MB // 200).encode("utf-8")[: 60 * MB]),
         ("ok", "error:too_big"), timeout=60),
    Case("txt-single-5MB-line", "txt", _lazy("one-line.txt", lambda f: ("学校高度重视信息公开工作，" * 135_000).encode("utf-8")),
         ("ok", "error:too_big"), timeout=60),
    Case("txt-single-1MB-line", "txt", _lazy("one-line-1MB.txt", lambda f: ("学校高度重视信息公开工作，" * 27_000).encode("utf-8")),
         ("ok",), timeout=60),
    Case("txt-bom-only", "txt", _write("bom-only.txt", b"\xef\xbb\xbf\r\n  \n"), ("error:empty",)),
    Case("txt-png-named-txt", "txt", _write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100) + _rng("png").randbytes(2000)),
         ("error:mismatch",)),
    Case("txt-control-and-bidi-characters", "txt",
         _write("controls.txt", (ZH_A + "\u202e\u200b\x1b[31m\x07\x08" + ZH_B + "\ud7ff\ufffe").encode("utf-8")),
         ("ok",), contains=(ZH_A,)),
]  # fmt: skip


# -- names and the file system -------------------------------------------------------------------


def _chmod(make: Callable[[Path], Path], mode: int) -> Callable[[Path], Path]:
    def wrapped(folder: Path) -> Path:
        p = make(folder)
        p.chmod(mode)
        return p

    return wrapped


def _directory(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        p = folder / name
        p.mkdir(exist_ok=True)
        (p / "inside.txt").write_text("文件夹里的文件", encoding="utf-8")
        return p

    return make


def _symlink_loop(folder: Path) -> Path:
    a, b = folder / "loop-a.pdf", folder / "loop-b.pdf"
    for p in (a, b):
        if p.is_symlink():
            p.unlink()
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    return a


def _dangling(folder: Path) -> Path:
    p = folder / "dangling.docx"
    if p.is_symlink():
        p.unlink()
    p.symlink_to("no-such-target.docx")
    return p


def _fifo(folder: Path) -> Path:
    p = folder / "fifo.txt"
    if not p.exists():
        os.mkfifo(p)
    return p


def _device(folder: Path) -> Path:
    p = folder / "zero.txt"
    if p.is_symlink():
        p.unlink()
    p.symlink_to("/dev/zero")
    return p


def _sparse(name: str, size: int, head: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        p = folder / name
        with open(p, "wb") as f:
            f.write(head)
            f.truncate(size)
        return p

    return make


FS_CASES = [
    Case("name-quotes-spaces-emoji", "fs", _copy(SAMPLES / "sample-report.pdf", "楚澜 \"年报\" 'final' (副本) 📄.pdf"),
         ("ok",), contains=("楚澜理工学院",)),
    Case("name-newline-and-tab", "fs", _write("line\nbreak\tname.txt", _report_text().encode()), ("ok",),
         contains=("楚澜理工学院",)),
    Case("name-leading-dashes", "fs", _copy(SAMPLES / "sample-report.docx", "--json -rf.docx"), ("ok",),
         contains=("楚澜理工学院",)),
    Case("read-only-file", "fs", _chmod(_copy(SAMPLES / "sample-report.docx", "只读.docx"), stat.S_IRUSR | stat.S_IRGRP),
         ("ok",), contains=("楚澜理工学院",)),
    Case("no-read-permission", "fs", _chmod(_write("locked.txt", _report_text().encode()), 0),
         ("ok", "error:permission")),
    Case("vanished-before-open", "fs", _write("vanish-1.pdf", simple_pdf(BODY)), ("error:missing",), vanish="before"),
    *[
        Case(f"vanished-during-read-{ext}", "fs", make, ("error:missing",), vanish="during")
        for ext, make in (("pdf", _write("vanish-2.pdf", simple_pdf(BODY))),
                          ("docx", _lazy("vanish-3.docx", lambda f: _sample_docx())),
                          ("txt", _write("vanish-4.txt", _report_text().encode())))
    ],
    Case("directory-named-pdf", "fs", _directory("x.pdf"), ("error:not_file",)),
    Case("symlink-loop", "fs", _symlink_loop, ("error:missing", "error:not_file", "error:io"),
         also_allowed=("loop-b.pdf",)),
    Case("dangling-symlink", "fs", _dangling, ("error:missing",)),
    Case("fifo-named-txt", "fs", _fifo, ("error:not_file",), timeout=10),
    Case("symlink-to-dev-zero", "fs", _device, ("error:not_file",), timeout=10),
    Case("sparse-600MB-pdf", "fs", _sparse("sparse.pdf", 600 * MB, b"%PDF-1.7\n"), ("error:too_big",)),
    Case("sparse-100MB-txt", "fs", _sparse("sparse.txt", 100 * MB, _report_text().encode()), ("error:too_big",)),
    Case("unknown-extension", "fs", _copy(SAMPLES / "sample-report.pdf", "report.pdf.exe"), ("error:unsupported",)),
]  # fmt: skip

CASES: list[Case] = PDF_CASES + DOCX_CASES + TXT_CASES + FS_CASES
