"""Read a report file of any supported format into a :class:`Document`.

``load(path)`` checks the file (exists, not empty, content matches the extension) and
dispatches to one loader per format. Every failure is a :class:`ReadError` with a
one-line Chinese message saying what is wrong and what to do.

``load(path, progress=callback)`` reports progress as ``callback(done, total, message)``:
after each page of a PDF (``message`` says when a page was recognised by OCR, else ""),
once ``(1, 1, "")`` at the end for the other formats. To cancel, the callback raises an
exception — :class:`~xxgk_desk.core.errors.Cancelled` or any of its own — and ``load``
re-raises that very exception unchanged (never a ReadError); files and PDFium handles are
closed first.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from xxgk_desk.core.document import Document
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.marker import tool_output

#: ``progress(done, total, message)``; it may raise to cancel the load.
Progress = Callable[[int, int, str], None]

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".wps": "doc", ".txt": "txt", ".text": "txt",
             ".html": "html", ".htm": "html", ".mhtml": "mhtml", ".mht": "mhtml"}  # fmt: skip


def file_patterns() -> str:
    """The supported extensions as a file dialog's name filter (``*.pdf *.docx …``)."""
    return " ".join("*" + ext for ext in SUPPORTED)


#: What each loader kind's content may sniff as (a page fragment without <html> sniffs as text).
#: The first is what the kind should be; a .txt that holds a web page is read as one.
_EXPECTED = {"pdf": ("pdf",), "docx": ("zip",), "doc": ("ole",), "txt": ("text", "html", "mhtml"),
             "html": ("html", "text", "mhtml"), "mhtml": ("mhtml", "html")}  # fmt: skip
MAX_FILE_BYTES = 512 * 1024 * 1024
#: More text than this is no annual report (the longest run to a few hundred thousand
#: characters) and would keep the review engine busy for minutes: refused after reading.
MAX_TEXT_CHARS = 1_000_000
#: The stream Office writes into an OLE container instead of a ZIP when a DOCX has a password.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


#: Signatures of picture formats: a photo or screenshot renamed to .pdf is a picture, not text.
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def image_format(head: bytes) -> str | None:
    """PNG, JPEG, GIF, BMP, TIFF or WEBP when ``head`` starts a picture, else None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:2] == b"BM" and head[6:10] == b"\x00\x00\x00\x00":  # reserved bytes: no text has them
        return "BMP"
    return next((name for magic, name in _IMAGES if head.startswith(magic)), None)


_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I | re.S
)
_MIME_HEADER = re.compile(
    rb"^(?:[A-Za-z-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){0,30}?content-type:\s*multipart/related", re.I
)


def sniff(head: bytes) -> str:
    """Guess a file's real type from its first bytes: pdf, zip, ole, image, html, mhtml, or text."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if image_format(head):
        return "image"
    if _MIME_HEADER.match(head):
        return "mhtml"
    body = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(body) or _HTML_START.match(
        body.decode("utf-16", "ignore").encode("ascii", "ignore")
    ):
        return "html"
    return "text"


_LABEL = {"pdf": "PDF", "zip": "ZIP/DOCX", "ole": "旧版 Word（.doc）", "text": "纯文本", "image": "图片",
          "html": "网页（HTML）", "mhtml": "单个文件网页（MHTML）"}  # fmt: skip


def kind_of(path: str | os.PathLike) -> str:
    """The loader kind for a path by its extension, or raise ReadError for unknown ones."""
    ext = Path(path).suffix.lower()
    if ext not in SUPPORTED:
        raise ReadError(
            "unsupported",
            f"不支持的文件类型“{ext or '（无扩展名）'}”：请提供 PDF、DOCX、DOC、TXT 格式的报告或保存的网页（HTML、MHTML）。",
        )
    return SUPPORTED[ext]


def check_file(path: str | os.PathLike) -> tuple[str, str]:
    """Check that ``path`` is a readable, non-empty file whose content matches its extension.

    Returns ``(kind, sniffed)``.
    """
    p = Path(path)
    kind = kind_of(p)
    if not p.exists():
        raise ReadError("missing", f"找不到文件：{p}。请检查路径是否正确、文件是否已被移动或删除。")
    if not p.is_file():
        raise ReadError("not_file", f"“{p}”不是文件（可能是文件夹）。请选择一个报告文件。")
    try:
        size = p.stat().st_size
        with open(p, "rb") as f:
            head = f.read(2048)
    except PermissionError:
        raise ReadError(
            "permission", f"没有权限读取文件：{p}。请检查文件权限或先复制到本地再打开。"
        ) from None
    except OSError as e:
        raise ReadError("io", f"读取文件失败：{p}（{e.strerror or e}）。请确认文件可以访问。") from None
    if size == 0:
        raise ReadError("empty", f"文件是空的（0 字节）：{p.name}。请重新获取完整的报告文件。")
    if size > MAX_FILE_BYTES:
        raise ReadError(
            "too_big", f"文件过大（{size // (1024 * 1024)} MB）：{p.name}。请确认这是一份报告文件。"
        )
    sniffed = sniff(head)
    allowed = _EXPECTED[kind]
    expected = allowed[0]
    if sniffed == "ole" and kind in ("docx", "doc") and _is_encrypted_ooxml(p):
        raise ReadError(
            "encrypted",
            f"Word 文件设置了打开密码（已加密），无法读取：{p.name}。"
            "请向报送单位索取未加密的版本，或在 Word/WPS 中取消密码后另存为 .docx 再打开。",
        )
    if sniffed not in allowed:
        if kind == "doc" and sniffed == "zip" and _is_docx(p):
            # A .doc that is really a DOCX (renamed by hand): say so instead of failing silently.
            raise ReadError(
                "mismatch",
                f"文件扩展名是 {p.suffix}，但内容其实是 DOCX：{p.name}。请把扩展名改为 .docx 后再打开。",
            )
        if sniffed == "image":
            raise ReadError(
                "mismatch",
                f"文件扩展名是 {p.suffix}，但内容是一张 {image_format(head)} 图片，不是{_LABEL[expected]}：{p.name}。"
                "如果这是报告的扫描件或截图，请向报送单位索取 PDF 原件，或先把图片转成 PDF（可扫描识别）再打开。",
            )
        raise ReadError(
            "mismatch",
            f"文件扩展名是 {p.suffix}，但内容是{_LABEL[sniffed]}，不是{_LABEL[expected]}：{p.name}。"
            "文件可能已损坏或被改名，请重新获取原始文件。",
        )
    if tool_output(p):
        raise ReadError(
            "tool_output",
            f"这是 xxgk-desk 导出的审核文件（审核意见、审核记录或汇总表），不是报告原件：{p.name}。"
            "请打开高校报送的报告文件。",
        )
    return kind, sniffed


def _is_encrypted_ooxml(p: Path) -> bool:
    """True for an OLE container holding an encrypted Office Open XML package (a DOCX with a password)."""
    try:
        with open(p, "rb") as f:
            return _ENCRYPTED_PACKAGE in f.read(64 * 1024 * 1024)
    except OSError:
        return False


def _is_docx(p: Path) -> bool:
    try:
        with zipfile.ZipFile(p) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def load(path: str | os.PathLike, *, ocr: str = "never", progress: Progress | None = None) -> Document:
    """Read ``path`` into a Document. Raises :class:`ReadError` on any bad input.

    ``ocr``: ``"never"``, ``"auto"`` (recognise PDF pages without a text layer when the OCR
    extra is installed) or ``"always"`` (recognise every PDF page). ``progress``: see the
    module docstring; whatever it raises comes out of ``load`` unchanged.
    """
    if ocr not in ("never", "auto", "always"):
        raise ValueError(f"ocr must be never, auto or always, not {ocr!r}")
    kind, sniffed = check_file(path)
    if sniffed in ("html", "mhtml"):  # a .txt or .mht that is really an HTML page, an .html that is MHTML
        kind = sniffed
    p = str(path)
    stopped: list[Exception] = []  # what the progress callback raised

    def report(done: int, total: int, message: str = "") -> None:
        try:
            if progress is not None:  # always so: report is passed on only with a progress
                progress(done, total, message)
        except Exception as e:
            stopped.append(e)
            raise

    try:
        doc = _dispatch(kind, p, ocr, report if progress is not None else None)
        if len(doc.text) > MAX_TEXT_CHARS:
            raise ReadError(
                "too_big",
                f"文件中的文字过多（约 {len(doc.text) // 10000} 万字），远超一份年度报告的篇幅，"
                f"已停止检查：{Path(p).name}。请确认文件内容。",
            )
        if progress is not None and kind != "pdf":
            report(1, 1, "")
        return doc
    except Exception as e:
        if stopped:  # the callback asked to stop: its own exception, unchanged
            if e is stopped[0]:
                raise
            raise stopped[0] from e
        if not os.path.lexists(p):  # moved or deleted while it was being read
            raise ReadError(
                "missing", f"文件在读取过程中被移动或删除：{Path(p).name}。请确认文件仍在原处后重新打开。"
            ) from None
        if isinstance(e, ReadError):
            raise
        if isinstance(e, MemoryError):
            raise ReadError("too_big", f"文件内容过大，无法读取：{Path(p).name}。") from None
        if isinstance(e, PermissionError):
            raise ReadError(
                "permission", f"没有权限读取文件：{Path(p).name}。请检查文件权限或先复制到本地再打开。"
            ) from None
        if isinstance(e, OSError):
            raise ReadError(
                "io",
                f"读取文件失败：{Path(p).name}（{e.strerror or type(e).__name__}）。请确认文件可以访问。",
            ) from None
        # a loader bug or a library choking on a damaged file
        raise ReadError(
            "damaged",
            f"无法读取文件 {Path(p).name}：文件可能已损坏（{type(e).__name__}）。请用原软件打开确认，或重新获取文件。",
        ) from e


def _dispatch(kind: str, p: str, ocr: str, progress: Progress | None) -> Document:
    if kind == "pdf":
        from xxgk_desk.core.loaders import pdf

        return pdf.load_pdf(p, ocr=ocr, progress=progress)
    if kind == "docx":
        from xxgk_desk.core.loaders import docx

        return docx.load_docx(p)
    if kind == "doc":
        from xxgk_desk.core.loaders import doc

        return doc.load_doc(p)
    if kind in ("html", "mhtml"):
        from xxgk_desk.core.loaders import html as web

        return web.load_html(p) if kind == "html" else web.load_mhtml(p)
    from xxgk_desk.core.loaders import txt

    return txt.load_txt(p)
