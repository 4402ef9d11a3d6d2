"""MHTML: the ``start`` parameter naming the page, also in RFC 2231 form (``start*=…''…``)."""

import pytest

from xxgk_desk.core.loaders.mhtml import read_mhtml


def _mhtml(start_param: str) -> bytes:
    return (
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; boundary="b"; type="text/html"; {start_param}\r\n\r\n'
        "--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <frame>\r\n\r\n"
        "<html><body>frame</body></html>\r\n"
        "--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <page>\r\n\r\n"
        "<html><body>page</body></html>\r\n"
        "--b--\r\n"
    ).encode()


@pytest.mark.parametrize("param", ['start="<page>"', "start*=us-ascii''%3Cpage%3E"])
def test_the_start_parameter_names_the_page(param):
    archive = read_mhtml(_mhtml(param), "x.mht", 1 << 20)
    assert b"page" in archive.html and b"frame" not in archive.html
