"""A cheap check of a PDF's compressed streams before PDFium sees them ("decompression bombs").

PDFium inflates a stream whole when it needs it; a page whose content inflates to gigabytes
makes it abort the process (it does not fail softly when memory runs out). So before the
file is opened, every stream whose dictionary names ``/FlateDecode`` is inflated here in
bounded pieces, counting bytes and keeping none:

* a single stream that inflates beyond :data:`MAX_STREAM` is refused;
* so is a file whose streams together inflate beyond :data:`MAX_TOTAL` at more than
  :data:`MAX_RATIO` times the file's size (PDFium joins the content streams of a page into
  one buffer, so several streams just under the single limit are as bad as one over it).

Real reports inflate to a few times their size (the sample and bench PDFs: 2–5 times) and
their largest stream to under a megabyte; a scanned page kept as an uncompressed-grey Flate
image is about 9 MB at 300 dpi. The scan is no PDF parser: it looks for the ``stream``
keyword after a dictionary in the raw bytes and tries zlib from there up to ``endstream``.
Streams it cannot follow (encrypted, or with another filter before Flate) are not counted;
data that is not zlib stops the stream's count at once. Cost: about 10 ms for a 300-page,
1 MB report; refusing a 1.5 GB bomb takes about 0.4 s.
"""

from __future__ import annotations

import zlib

from xxgk_desk.core.errors import ReadError

MB = 1 << 20
#: No single stream of a report inflates to more than this.
MAX_STREAM = 200 * MB
#: All streams together may inflate beyond MAX_TOTAL only at a ratio real PDFs have.
MAX_TOTAL = 512 * MB
MAX_RATIO = 100
#: How far before ``stream`` the dictionary with its /Filter may start.
_LOOKBACK = 4096
_IN_CHUNK = 1 * MB  # compressed bytes fed at a time
_OUT_CHUNK = 8 * MB  # inflated bytes produced at a time (then dropped)
_SPACE = b" \t\r\n\f\x00"


def check_streams(data: bytes, name: str) -> None:
    """Raise ReadError("bomb") when a FlateDecode stream of ``data`` (a PDF) inflates too far."""
    total = 0
    limit_total = max(MAX_TOTAL, MAX_RATIO * len(data))
    for start, end in flate_streams(data):
        size = inflated_size(data, start, end, MAX_STREAM)
        total += size
        if size > MAX_STREAM or total > limit_total:
            raise ReadError("bomb", f"PDF 文件内部数据异常（解压后过大），已拒绝打开：{name}。")


def flate_streams(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of the data of every stream whose dictionary names /FlateDecode."""
    out = []
    pos = 0
    while (k := data.find(b"stream", pos)) >= 0:
        pos = k + 6
        if data[k - 3 : k] == b"end":
            continue
        start = _data_start(data, pos)
        j = k
        while j > 0 and data[j - 1] in _SPACE:
            j -= 1
        if start < 0 or data[j - 2 : j] != b">>":
            continue  # not the keyword after a dictionary (text or binary data that says "stream")
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        head = max(k - _LOOKBACK, data.rfind(b"obj", max(k - _LOOKBACK, 0), k), 0)
        if b"/FlateDecode" in data[head:k]:
            out.append((start, end))
        pos = end
    return out


def _data_start(data: bytes, pos: int) -> int:
    """Where a stream's data starts after its keyword ending at ``pos`` (-1: not a keyword)."""
    while data[pos : pos + 1] in (b" ", b"\t"):
        pos += 1
    if data[pos : pos + 2] == b"\r\n":
        return pos + 2
    if data[pos : pos + 1] in (b"\n", b"\r"):
        return pos + 1
    return -1


def inflated_size(data: bytes, start: int, end: int, cap: int) -> int:
    """How many bytes the zlib data at ``data[start:end]`` inflates to; stops once past ``cap``.

    Data that is not zlib, or breaks off, counts up to where inflating stopped.
    """
    view = memoryview(data)
    d = zlib.decompressobj()
    size = 0
    pending: bytes | memoryview = b""
    while not d.eof and size <= cap:
        if not pending:
            if start >= end:
                break
            pending = view[start : min(start + _IN_CHUNK, end)]
            start += len(pending)
        try:
            size += len(d.decompress(pending, _OUT_CHUNK))
        except zlib.error:
            break
        pending = d.unconsumed_tail
    return size
