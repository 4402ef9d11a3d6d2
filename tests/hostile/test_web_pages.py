"""Hostile web pages: scripts and styles never run or shown, nothing fetched (the sandbox refuses and records
every network call, inotify sees any open of the page's own resources), and a 50 MB page or one nested
100,000 elements deep ends in a clear one-line message within bounded time and memory."""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import pytest

from tests.core.web_pages import build_page, save_complete, to_mhtml
from tests.hostile.sandbox import Client, Watch

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork, rlimits and inotify: Linux only")

MEMORY_CAP = 1 << 30
CJK = re.compile(r"[\u4e00-\u9fff]")
MARKS = ("SCRIPT-MARK", "STYLE-MARK", "FRAME-MARK", "OBJECT-MARK", "TEMPLATE-MARK", "ENTITY-MARK")


@pytest.fixture(scope="module")
def box(tmp_path_factory):
    base = tmp_path_factory.mktemp("web-hostile")
    (base / "corpus").mkdir()
    client = Client(base / "sandbox-stderr.txt")
    yield base, client
    client.close()


def _run(box, path: Path, timeout: float = 20.0, also: tuple[str, ...] = ()) -> dict:
    base, client = box
    return client.run(
        {"path": str(path), "out": str(base / "out" / path.name), "watch": str(path.parent), "timeout": timeout,
         "mem": MEMORY_CAP, "ocr": "never", "vanish": None, "contains": [], "markers": list(MARKS),
         "also_allowed": list(also)}
    )  # fmt: skip


def _hostile_page() -> bytes:
    """A report page whose chrome tries everything a page can: scripts, styles, frames, objects, a base
    address, a refresh, remote pictures and fonts, an external entity, a form that posts."""
    page = build_page("u32-clean-control", published="2023-10-30").html.decode("utf-8")
    evil = (
        '<base href="http://127.0.0.1:9/">'
        '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh">'
        "<style>@import url(http://127.0.0.1:9/a.css); body::after{content:'STYLE-MARK'}</style>"
        "<script>fetch('http://127.0.0.1:9/x');document.write('SCRIPT-MARK');</script>"
        '<link rel="preload" href="http://127.0.0.1:9/font.woff2"><link rel="import" href="frame.html">'
    )
    body = (
        '<iframe src="frame.html">FRAME-MARK</iframe><frameset><frame src="frame.html"></frameset>'
        '<object data="frame.html">OBJECT-MARK</object><template><p>TEMPLATE-MARK</p></template>'
        '<img src="http://127.0.0.1:9/p.png" onerror="SCRIPT-MARK"><svg><script>SCRIPT-MARK</script></svg>'
        '<form action="http://127.0.0.1:9/post" method="post"><input name="q" value="SCRIPT-MARK"></form>'
        '<p style="background:url(http://127.0.0.1:9/bg.png)">&xxe;</p>'
        "<a href=\"javascript:alert('SCRIPT-MARK')\">链接</a>"
    )
    doctype = '<!DOCTYPE html [<!ENTITY xxe SYSTEM "frame.html">]>'
    page = page.replace('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">', doctype, 1)
    page = page.replace("</head>", evil + "</head>", 1).replace("</body>", body + "</body>", 1)
    return page.encode("utf-8")


def _judge_error(reply: dict) -> None:
    msg = reply.get("error") or ""
    assert "\n" not in msg and CJK.search(msg) and len(msg) <= 300, msg
    assert "Traceback" not in msg and "Traceback" not in reply.get("stderr", "")


def test_a_hostile_page_runs_nothing_fetches_nothing_shows_nothing(box, tmp_path):
    folder = tmp_path / "site"
    page = build_page("u32-clean-control", published="2023-10-30")
    page.html = _hostile_page()
    page.resources["frame.html"] = b"<p>ENTITY-MARK FRAME-MARK</p>"
    html = save_complete(page, folder)
    (folder / "frame.html").write_text("<p>FRAME-MARK ENTITY-MARK</p>", encoding="utf-8")
    files = Watch(folder / f"{page.probe}_files")  # any open of the page's own resources, by any code
    reply = _run(box, html)
    assert reply["outcome"] == "ok", reply
    assert reply["net"] == [] and reply["opens"] == [] and reply["touched"] == [], reply
    assert not reply.get("forbidden"), reply  # no mark of a script, style, frame or entity in any output
    assert reply["inotify"] and files.active
    assert [name for mask, name in files.events() if name] == [], "a resource of the page was opened"
    assert "Traceback" not in reply.get("stderr", "")


def test_a_hostile_single_file_page(box, tmp_path):
    page = build_page("u32-clean-control", published="2023-10-30")
    page.html = _hostile_page()
    page.resources["frame.html"] = b"<p>FRAME-MARK</p>"
    path = tmp_path / "single.mhtml"
    path.write_bytes(to_mhtml(page, transfer="base64"))
    reply = _run(box, path)
    assert reply["outcome"] == "ok", reply
    assert reply["net"] == [] and reply["opens"] == [] and not reply.get("forbidden"), reply


def test_a_50_mb_page_ends_in_one_line(box, tmp_path):
    path = tmp_path / "big.html"
    para = "<p>" + "本学年学校主动公开信息。" * 40 + "</p>\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write("<html><head><meta charset=utf-8></head><body>")
        while f.tell() < 50 * 1024 * 1024:
            f.write(para * 100)
        f.write("</body></html>")
    reply = _run(box, path)
    assert reply["outcome"] == "error:too_big", reply
    assert reply["wall"] < 10 and reply["maxrss_mb"] < 900, reply
    _judge_error(reply)


def test_a_50_mb_single_file_page_ends_in_one_line(box, tmp_path):
    path = tmp_path / "big.mht"
    html = (
        b"<html><body>" + ("<p>" + "学校主动公开信息。" * 30 + "</p>").encode() * 50_000 + b"</body></html>"
    )
    body = base64.encodebytes(html)
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + body
        + b"\r\n--b--\r\n"
    )
    assert path.stat().st_size > 50 * 1024 * 1024
    reply = _run(box, path, timeout=30)
    assert reply["outcome"] == "error:too_big", reply
    assert reply["wall"] < 20 and reply["maxrss_mb"] < 900, reply
    _judge_error(reply)


@pytest.mark.parametrize("tag", ["div", "b", "table", "span"])
def test_100000_nested_elements_end_in_one_line(box, tmp_path, tag):
    path = tmp_path / f"deep-{tag}.html"
    inner = "<p>" + "学校主动公开信息。" * 20 + "</p>"
    path.write_text(
        "<html><head><meta charset=utf-8><title>深层嵌套</title></head><body>"
        + f"<{tag}>" * 100_000
        + inner
        + f"</{tag}>" * 100_000
        + "</body></html>",
        encoding="utf-8",
    )
    reply = _run(box, path)
    assert reply["outcome"] in ("error:too_deep", "error:too_big", "error:no_content"), reply
    assert reply["wall"] < 10 and reply["maxrss_mb"] < 900, reply
    _judge_error(reply)


def test_200000_flat_elements_end_in_one_line(box, tmp_path):
    path = tmp_path / "flat.html"
    path.write_text("<html><body>" + "<i></i>" * 250_000 + "</body></html>", encoding="utf-8")
    reply = _run(box, path)
    assert reply["outcome"] == "error:too_big", reply
    assert reply["wall"] < 10, reply
    _judge_error(reply)


def test_damaged_and_empty_archives(box, tmp_path):
    cases = {
        "no-parts.mhtml": b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b--\r\n",
        "image-only.mht": b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n",
        "bad-qp.mhtml": b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
        b"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=\r\n--b--\r\n",
    }  # fmt: skip
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        reply = _run(box, path)
        assert reply["outcome"].startswith("error:"), (name, reply)
        _judge_error(reply)
