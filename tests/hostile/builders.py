"""Byte-level builders for hostile files: PDFs written object by object, encrypted PDFs, raw ZIPs.

Nothing here uses a PDF or ZIP library to write: every structure is spelled out so that a
test can break exactly one thing (a length, an offset, a page tree edge, a size field).
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

PDF_HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def stream(data: bytes, extra: bytes = b"", *, length: bytes | None = None) -> bytes:
    """A stream object body; ``length`` overrides the true /Length (to lie about it)."""
    n = str(len(data)).encode() if length is None else length
    return b"<< /Length " + n + b" " + extra + b">>\nstream\n" + data + b"\nendstream"


def text_ops(lines: Sequence[str], size: int = 12, top: int = 760) -> bytes:
    """Content-stream operators showing ASCII ``lines`` in Helvetica (font resource /F1)."""
    out = [b"BT /F1 %d Tf %d TL 72 %d Td" % (size, size + 6, top)]
    for line in lines:
        esc = line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        out.append(b"(" + esc + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


def pdf_file(
    objects: Sequence[bytes],
    *,
    trailer: bytes = b"",
    root: int = 1,
    header: bytes = PDF_HEADER,
    startxref: int | None = None,
    xref: bool = True,
) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct xref table unless told otherwise."""
    out = bytearray(header)
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    where = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % (where if startxref is None else startxref)
    return bytes(out)


def simple_pdf(lines: Sequence[str], *, catalog_extra: bytes = b"", page_extra: bytes = b"",
               extra_objects: Sequence[bytes] = (), trailer: bytes = b"") -> bytes:  # fmt: skip
    """One page of Helvetica text. Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 font, then extras (6…)."""
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
            stream(text_ops(lines)),
            HELVETICA,
            *extra_objects,
        ],
        trailer=trailer,
    )


def _repeated_deflate(
    total: int, fill: bytes, head: bytes = b"", tail: bytes = b""
) -> tuple[bytes, int, int]:
    """Raw deflate data inflating to ``head`` + ``total`` bytes of ``fill`` + ``tail``, with its
    Adler-32 and CRC-32.

    One 16 MB chunk is compressed after a full flush, so its deflate blocks are the same bytes
    every time and can simply be repeated: a gigabyte costs a fraction of a second.
    """
    chunk = fill * ((16 << 20) // len(fill))
    n, rest = divmod(total, len(chunk))
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    last = co.compress(chunk[:rest] + tail) + co.flush()
    adler, crc = zlib.adler32(head), zlib.crc32(head)
    for _ in range(n):
        adler, crc = zlib.adler32(chunk, adler), zlib.crc32(chunk, crc)
    adler, crc = zlib.adler32(chunk[:rest] + tail, adler), zlib.crc32(chunk[:rest] + tail, crc)
    return first + block * n + last, adler, crc


def flate_bomb(total: int, fill: bytes = b" ") -> bytes:
    """A zlib stream (PDF /FlateDecode) inflating to ``total`` bytes of ``fill``."""
    raw, adler, _ = _repeated_deflate(total, fill)
    return b"\x78\xda" + raw + struct.pack(">I", adler)


def many_pages_pdf(pages: int, lines: Sequence[str], fanout: int = 100) -> bytes:
    """``pages`` pages sharing one content stream, in a two-level page tree (``fanout`` per node).

    The shared lines repeat on every page, so the loader drops them as running headers; each
    page also has its own line in the middle ("Chapter N opens here…"), which must survive.
    """
    groups = [list(range(i, min(i + fanout, pages))) for i in range(0, pages, fanout)]
    first_group = 5  # objects: 1 catalog, 2 root, 3 shared content, 4 font, then the groups
    first_page = first_group + len(groups)
    first_own = first_page + pages
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (first_group + g) for g in range(len(groups))), pages),
        stream(text_ops(lines)),
        HELVETICA,
    ]
    for members in groups:
        kids = b" ".join(b"%d 0 R" % (first_page + p) for p in members)
        objs.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (kids, len(members)))
    for g, members in enumerate(groups):
        for p in members:
            objs.append(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents [%d 0 R 3 0 R]"
                b" /Resources << /Font << /F1 4 0 R >> >> >>" % (first_group + g, first_own + p)
            )
    for p in range(pages):
        objs.append(stream(text_ops([f"Chapter {p + 1} opens here with its own words"], top=500)))
    return pdf_file(objs)


# -- encryption (standard security handler) ------------------------------------------------------


def rc4(key: bytes, data: bytes) -> bytes:
    """RC4 (the PDF standard security handler's stream cipher up to revision 4)."""
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _aes_cbc(key: bytes, iv: bytes, data: bytes, *, pad: bool = True) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if pad:
        n = 16 - len(data) % 16
        data += bytes([n]) * n
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def _aes_ecb(key: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(data) + enc.finalize()


def _hash_r6(password: bytes, salt: bytes, udata: bytes = b"") -> bytes:
    """Algorithm 2.B of ISO 32000-2 (revision 6 password hash)."""
    k = hashlib.sha256(password + salt + udata).digest()
    rnd = 0
    while True:
        k1 = (password + k + udata) * 64
        e = _aes_cbc(k[:16], k[16:32], k1, pad=False)
        k = {0: hashlib.sha256, 1: hashlib.sha384, 2: hashlib.sha512}[sum(e[:16]) % 3](e).digest()
        rnd += 1
        if rnd >= 64 and e[-1] <= rnd - 32:
            return k[:32]


def encrypted_pdf(
    lines: Sequence[str], *, method: str, user: bytes = b"secret", owner: bytes = b"owner"
) -> bytes:
    """A one-page PDF under the standard security handler.

    ``method``: ``rc4-40`` (V1 R2), ``rc4-128`` (V2 R3), ``aes-128`` (V4 R4, AESV2) or
    ``aes-256`` (V5 R6, AESV3). An empty ``user`` password gives a file anyone can open
    (owner-password "protection" only); its text must then read normally.
    """
    file_id = hashlib.md5(b"xxgk-hostile-" + method.encode()).digest()
    perms = -3904  # print, no modify / copy
    p = struct.pack("<i", perms)
    content = text_ops(lines)
    if method == "aes-256":
        key = hashlib.sha256(b"file key " + method.encode()).digest()
        uv, uk, ov, ok = (hashlib.md5(t).digest()[:8] for t in (b"uv", b"uk", b"ov", b"ok"))
        u = _hash_r6(user, uv) + uv + uk
        ue = _aes_cbc(_hash_r6(user, uk), bytes(16), key, pad=False)
        o = _hash_r6(owner, ov, u) + ov + ok
        oe = _aes_cbc(_hash_r6(owner, ok, u), bytes(16), key, pad=False)
        perms_block = _aes_ecb(key, p + b"\xff\xff\xff\xff" + b"Tadb" + b"xxgk")
        enc = (
            b"<< /Filter /Standard /V 5 /R 6 /Length 256 /P %d"
            b" /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF"
            b" /O <%s> /U <%s> /OE <%s> /UE <%s> /Perms <%s> >>"
        ) % (
            perms,
            o.hex().encode(),
            u.hex().encode(),
            oe.hex().encode(),
            ue.hex().encode(),
            perms_block.hex().encode(),
        )
        iv = hashlib.md5(b"iv").digest()
        body = iv + _aes_cbc(key, iv, content)
        return _encrypted_file(body, enc, file_id, header=b"%PDF-2.0\n")
    revision, n = {"rc4-40": (2, 5), "rc4-128": (3, 16), "aes-128": (4, 16)}[method]
    # O entry (algorithm 3)
    h = hashlib.md5((owner + PAD)[:32]).digest()
    if revision >= 3:
        for _ in range(50):
            h = hashlib.md5(h[:n]).digest()
    o = rc4(h[:n], (user + PAD)[:32])
    if revision >= 3:
        for i in range(1, 20):
            o = rc4(bytes(b ^ i for b in h[:n]), o)
    # file key (algorithm 2)
    key = hashlib.md5((user + PAD)[:32] + o + p + file_id).digest()
    if revision >= 3:
        for _ in range(50):
            key = hashlib.md5(key[:n]).digest()
    key = key[:n]
    # U entry (algorithms 4 and 5)
    if revision == 2:
        u = rc4(key, PAD)
    else:
        u = rc4(key, hashlib.md5(PAD + file_id).digest())
        for i in range(1, 20):
            u = rc4(bytes(b ^ i for b in key), u)
        u += bytes(16)
    obj_salt = struct.pack("<I", 4)[:3] + b"\x00\x00"  # the content stream is object 4, generation 0
    if method == "aes-128":
        obj_key = hashlib.md5(key + obj_salt + b"sAlT").digest()[: min(n + 5, 16)]
        iv = hashlib.md5(b"iv").digest()
        body = iv + _aes_cbc(obj_key, iv, content)
        enc = (
            b"<< /Filter /Standard /V 4 /R 4 /Length 128 /P %d"
            b" /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF"
            b" /O <%s> /U <%s> >>"
        ) % (perms, o.hex().encode(), u.hex().encode())
    else:
        obj_key = hashlib.md5(key + obj_salt).digest()[: min(n + 5, 16)]
        body = rc4(obj_key, content)
        v = 1 if revision == 2 else 2
        length = b"" if revision == 2 else b" /Length 128"
        enc = b"<< /Filter /Standard /V %d /R %d%s /P %d /O <%s> /U <%s> >>" % (
            v, revision, length, perms, o.hex().encode(), u.hex().encode(),
        )  # fmt: skip
    return _encrypted_file(body, enc, file_id)


def _encrypted_file(content: bytes, encrypt_dict: bytes, file_id: bytes, header: bytes = PDF_HEADER) -> bytes:
    ids = b"[<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            HELVETICA,
            encrypt_dict,
        ],
        trailer=b"/Encrypt 6 0 R /ID " + ids + b" ",
        header=header,
    )


# -- ZIP written by hand ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Deflated:
    """A ZIP member compressed once and reused (``comp`` is raw deflate of ``size`` bytes)."""

    comp: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, data: bytes, level: int = 9) -> Deflated:
        co = zlib.compressobj(level, zlib.DEFLATED, -15)
        return cls(co.compress(data) + co.flush(), zlib.crc32(data), len(data))

    @classmethod
    def repeated(cls, total: int, fill: bytes = b" ", head: bytes = b"", tail: bytes = b"") -> Deflated:
        """``head``, ``total`` bytes of ``fill``, ``tail`` (built cheaply, see ``_repeated_deflate``)."""
        raw, _, crc = _repeated_deflate(total, fill, head, tail)
        return cls(raw, crc, len(head) + total + len(tail))


def raw_zip(entries: Sequence[tuple[str, bytes | Deflated]], *, lie_sizes: dict[str, int] | None = None,
            level: int = 6) -> bytes:  # fmt: skip
    """A ZIP archive of deflated ``entries`` (name → data) with a central directory.

    ``lie_sizes`` replaces the uncompressed size recorded for some names (local header and
    central directory) while the data stays what it is: a size field that lies.
    """
    lie_sizes = lie_sizes or {}
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        raw_name = name.encode("utf-8")
        member = data if isinstance(data, Deflated) else Deflated.of(data, level)
        comp, crc = member.comp, member.crc
        size = lie_sizes.get(name, member.size)
        flags = 0x800  # names are UTF-8
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, 0, 0x21, crc, len(comp), size, len(raw_name), 0
        )
        out += raw_name + comp
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, 0, 0x21, crc, len(comp), size,
            len(raw_name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += raw_name
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def document_xml(paragraphs: Sequence[str], *, doctype: str = "", raw_body: str = "") -> str:
    """word/document.xml with one paragraph per string (strings are inserted as is: entities work)."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + doctype
        + f'<w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{body}{raw_body}</w:body></w:document>"
    )


def docx_bytes(
    paragraphs: Sequence[str] = (),
    *,
    document: str | None = None,
    document_rels: str | None = None,
    extra: Sequence[tuple[str, bytes | Deflated]] = (),
    content_types: str | None = CONTENT_TYPES,
    lie_sizes: dict[str, int] | None = None,
) -> bytes:
    """A minimal DOCX; every part can be replaced or left out (``content_types=None``)."""
    entries: list[tuple[str, bytes | Deflated]] = []
    if content_types is not None:
        entries.append(("[Content_Types].xml", content_types.encode()))
    entries.append(("_rels/.rels", PACKAGE_RELS.encode()))
    entries.append(("word/document.xml", (document or document_xml(paragraphs)).encode()))
    if document_rels is not None:
        entries.append(("word/_rels/document.xml.rels", document_rels.encode()))
    entries.extend(extra)
    return raw_zip(entries, lie_sizes=lie_sizes)
