"""Saved web pages built from the probe reports (tests/corpus/*.txt), wrapped in the chrome of a school's
信息公开网: a top bar with a search box, the menu, a side column, the breadcrumb 当前位置：首页 > 信息公开 > …,
"发布时间：… 来源：… 点击数：…", share buttons, 打印本页/关闭窗口, 上一篇/下一篇 and a footer with an ICP
number, plus scripts, styles, images and a frame that must never be fetched. No real page is copied: the
markup is written here, after the way school CMSs lay out an article.

``build_page(probe, …)`` gives the page as bytes in the encoding asked for; ``to_mhtml`` wraps it as a
"网页，单个文件" save (multipart/related, quoted-printable or base64); ``save_complete`` writes the
"网页，完整" form (the .html and its ``_files`` folder).
"""

from __future__ import annotations

import base64
import html
import json
import quopri
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: Text that belongs to the page's chrome: none of it may reach the canonical text.
CHROME_MARKERS = (
    "当前位置",
    "上一篇",
    "下一篇",
    "分享到",
    "ICP备",
    "公网安备",
    "版权所有",
    "点击数",
    "浏览次数",
    "打印本页",
    "关闭窗口",
    "技术支持",
    "请输入关键字",
    "字号",
    "学校概况",
    "网站地图",
    "_hmt",
    "document.write",
    "function(",
    "font-size",
    "{",
)


@dataclass
class Page:
    """One built page and what a reader must find in it."""

    probe: str
    html: bytes
    encoding: str
    title: str
    published: str  # ISO date of 发布时间
    source: str
    url: str
    truth: dict
    late: bool  # a late_report finding is due (by publication date, or the 落款 already late)
    attachment: str | None = None  # file name of the PDF linked from the page
    resources: dict[str, bytes] = field(default_factory=dict)  # name in the _files folder -> bytes


def _truth(probe: str) -> dict:
    return json.loads((CORPUS / f"{probe}.truth.json").read_text(encoding="utf-8"))


def _is_pipe(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def _cells(line: str) -> list[str]:
    s = line.strip()
    if _is_pipe(s):
        return [c.strip() for c in s.strip("|").split("|")]
    return [c.strip() for c in s.split("\t")]


def _table(rows: list[str]) -> str:
    rows = [r for r in rows if not re.fullmatch(r"\|?[\s:\-|]+\|?", r.strip())]
    out = ['<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="width:100%">']
    for i, r in enumerate(rows):
        tag = "td"
        cells = "".join(
            f'<{tag} valign="top"><p align="center"><span>{"<strong>" if i == 0 else ""}{html.escape(c)}'
            f"{'</strong>' if i == 0 else ''}</span></p></{tag}>"
            for c in _cells(r)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _body(lines: list[str], headings: dict[str, int], style: str) -> str:
    """The article body: headings as <h2>/<h3> (style "h") or bold paragraphs (style "strong"), run-in
    headings bold at the start of their paragraph, tables as tables, the rest as indented paragraphs."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if _is_pipe(line) or "\t" in line:
            j = i
            while j < len(lines) and (_is_pipe(lines[j]) or "\t" in lines[j].strip()):
                j += 1
            out.append(_table(lines[i:j]))
            i = j
            continue
        esc = html.escape(line)
        level = headings.get(line)
        run_in = next((h for h in headings if line.startswith(h) and h != line and h.endswith("。")), None)
        if level and style == "h":
            out.append(f"<h{level + 1}>{esc}</h{level + 1}>")
        elif level:
            out.append(
                f'<p style="text-indent:2em"><strong><span style="font-family:黑体">{esc}</span></strong></p>'
            )
        elif run_in:
            rest = html.escape(line[len(run_in) :])
            out.append(
                f'<p class="MsoNormal" style="text-indent:32pt"><b>{html.escape(run_in)}</b>'
                f'<span style="font-family:仿宋_GB2312">{rest}</span></p>'
            )
        elif i > len(lines) - 12 and len(line) < 30 and re.search(r"\d{4}年|学院$|大学$|学校$", line):
            out.append(f'<p style="text-align:right">{esc}</p>')  # the 落款
        else:
            out.append(f'<p class="MsoNormal" style="text-indent:2em">&nbsp;&nbsp;<span>{esc}</span></p>')
        i += 1
    return "\n".join(out)


def build_page(
    probe: str,
    *,
    encoding: str = "utf-8",
    declare: str = "meta",
    style: str = "strong",
    published: str | None = None,
    source: str = "党政办公室",
    repeat_title: bool = False,
    attachment: bool = False,
    canonical: bool = True,
    layout: str = "div",
    breaks: bool = False,
    related: bool = False,
) -> Page:
    """The probe report as a saved school web page.

    ``declare``: how the charset is declared — ``meta`` (<meta charset>), ``http-equiv``, ``none`` or
    ``wrong`` (says UTF-8 for GBK bytes or the other way round). ``published``: the 发布时间 (default: the
    truth's 落款 date). ``repeat_title``: the body starts with the title again, as when a Word file is pasted
    in. ``attachment``: a PDF of the report is linked in the ``_files`` folder. ``layout="table"``: the
    page laid out with nested tables, as older school sites are. ``breaks``: the body's lines separated by
    ``<br>`` in one element instead of paragraphs. ``related``: a 相关文章 list of other articles below.
    """
    truth = _truth(probe)
    lines = (CORPUS / f"{probe}.txt").read_text(encoding="utf-8").split("\n")
    title_lines = [s["title"] for s in truth["sections"] if s["level"] == 0]
    n_title = 0
    while n_title < len(lines) and (lines[n_title].strip() in title_lines or not lines[n_title].strip()):
        n_title += 1
    title = "".join(title_lines)
    body_lines = lines[n_title:]
    headings = {s["title"]: s["level"] for s in truth["sections"] if s["level"] > 0}
    published = published or truth["report_date"]
    school = truth["institution"]
    url = f"https://xxgk.example.edu.cn/info/1012/{zlib.crc32(probe.encode()) % 9000 + 1000}.htm"
    res = f"{probe}_files"
    charset = {"meta": f'<meta charset="{encoding}">',
               "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
               "none": "",
               "wrong": '<meta charset="{}">'.format("utf-8" if encoding.lower().startswith("g") else "gbk"),
               }[declare]  # fmt: skip
    links = (
        f'<link rel="canonical" href="{url}">' if canonical else f'<meta property="og:url" content="{url}">'
    )
    body = _body(body_lines, headings, style)
    if breaks:  # one element, lines separated by <br> (tables stay tables)
        body = re.sub(r"</p>\s*<p[^>]*>", "<br>\n", body)
        body = re.sub(r"^<p[^>]*>|</p>$", "", body.strip())
    if repeat_title:
        body = (
            f'<p align="center"><strong><span style="font-size:22px">{html.escape(title)}</span></strong></p>\n'
            + body
        )
    attach_html, attach_name = "", None
    if attachment:
        attach_name = f"{probe}.pdf"
        attach_html = f'<div class="attach"><p>附件【<a href="./{res}/{attach_name}">{html.escape(title)}.pdf</a>】已下载次</p></div>'
    year = published[:4]
    related_html = ""
    if related:
        items = "".join(
            f'<li><a href="/info/1012/{900 + i}.htm">{html.escape(school)}关于{topic}的通知</a><span>{year}-0{i % 9 + 1}-1{i}</span></li>'
            for i, topic in enumerate(("开展2024年度教职工考核工作", "公布第二批课程思政示范课程名单",
                                       "做好寒假期间学生安全教育工作", "举办第十届校园读书节系列活动",
                                       "调整部分学生公寓住宿费标准", "开展校园安全隐患集中排查整治",
                                       "公示2024年度优秀共产党员拟表彰名单", "组织申报省级一流本科课程"))
        )  # fmt: skip
        related_html = f'<div class="related"><h3>相关文章</h3><ul>{items}</ul></div>'
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
{charset}
<title>{html.escape(title)}-{html.escape(school)}信息公开网</title>
<meta name="keywords" content="{html.escape(school)},信息公开">
{links}
<link rel="stylesheet" type="text/css" href="./{res}/style.css">
<script type="text/javascript" src="./{res}/jquery.min.js"></script>
<style type="text/css">body{{font-size:14px;margin:0}} .nav li{{float:left;list-style:none}}</style>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");hm.src="https://hm.example.com/hm.js?1f2e";document.body.appendChild(hm);}})();</script>
</head>
<body>
<div class="top"><img src="./{res}/logo.png" alt="{html.escape(school)}信息公开网">
<div class="search"><form action="/search.jsp"><input type="text" name="q" value="请输入关键字"><input type="submit" value="搜索"></form></div></div>
<div class="nav"><ul><li><a href="/index.htm">首页</a></li><li><a href="/xxgk/xxgk.htm">学校概况</a></li>
<li><a href="/xxgkzn.htm">信息公开指南</a></li><li><a href="/xxgkml.htm">信息公开目录</a></li>
<li><a href="/xxgkzd.htm">信息公开制度</a></li><li><a href="/ndbg.htm">信息公开年报</a></li>
<li><a href="/ysqgk.htm">依申请公开</a></li><li><a href="/sitemap.htm">网站地图</a></li></ul></div>
<div class="main">
<div class="left"><h3>信息公开年报</h3><ul><li><a href="/jbxx.htm">基本信息</a></li><li><a href="/zsks.htm">招生考试信息</a></li>
<li><a href="/cwzc.htm">财务、资产及收费信息</a></li><li><a href="/rsxx.htm">人事师资信息</a></li>
<li><a href="/jxzl.htm">教学质量信息</a></li><li><a href="/xsgl.htm">学生管理服务信息</a></li></ul></div>
<div class="right">
<div class="position">当前位置：<a href="/index.htm">首页</a> &gt; <a href="/xxgk.htm">信息公开</a> &gt; <a href="/ndbg.htm">信息公开年度报告</a> &gt; 正文</div>
<form name="_newscontent_fromname"><div class="article">
<h1 class="arti_title">{html.escape(title)}</h1>
<div class="arti_metas"><span class="arti_update">发布时间：{published} 09:30</span>&nbsp;&nbsp;<span class="arti_source">来源：{html.escape(source)}</span>&nbsp;&nbsp;<span class="arti_views">点击数：<span id="clicks"><script>document.write(1234)</script></span></span>&nbsp;&nbsp;<span>字号：【<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</span></div>
<div class="wp_articlecontent" id="vsb_content">
{body}
</div>
{attach_html}
<div class="bdsharebuttonbox share">分享到：<a class="bds_weixin" title="分享到微信">微信</a><a class="bds_tsina" title="分享到新浪微博">微博</a><a class="bds_qzone">QQ空间</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="pre_next"><p>上一篇：<a href="/info/1012/1001.htm">{html.escape(school)}{int(year) - 2}—{int(year) - 1}学年信息公开工作年度报告</a></p>
<p>下一篇：<a href="/info/1012/1003.htm">关于公布{year}年校级教学成果奖的通知</a></p></div>
{related_html}
</div></form></div></div>
<div class="footer"><p>版权所有 © {year} {html.escape(school)}　地址：某省某市大学路1号　邮编：100000</p>
<p><a href="https://beian.example.cn/">京ICP备05004617号-1</a>　京公网安备 11010802020000号　技术支持：某某网络科技有限公司</p></div>
<iframe src="https://counter.example.com/c.htm" width="0" height="0"></iframe>
<script src="https://cdn.example.com/stat.js"></script>
</body></html>
"""
    if layout == "table":  # the same page laid out with tables: the menu in one cell, the article in another
        page = page.replace(
            '<div class="main">', '<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr>', 1
        )
        page = page.replace(
            '<div class="left">', '<td width="220" valign="top" class="left"><table width="100%"><tr><td>', 1
        )
        page = page.replace(
            '</ul></div>\n<div class="right">',
            '</ul></td></tr></table></td>\n<td valign="top" class="right">',
            1,
        )
        page = page.replace(
            '</div></form></div></div>\n<div class="footer">',
            '</div></form></td></tr></table>\n<div class="footer">',
            1,
        )
    late_by_date = _late(truth, published)
    resources = {
        "style.css": b"body{background:url(http://img.example.com/bg.png)}",
        "jquery.min.js": b"/* a script that must never run */ window.location='http://evil.example.com';",
        "logo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    }
    if attach_name:
        resources[attach_name] = b"%PDF-1.4\n%stand-in\n"
    return Page(
        probe=probe,
        html=page.encode(encoding, errors="xmlcharrefreplace"),
        encoding=encoding,
        title=title,
        published=published,
        source=source,
        url=url,
        truth=truth,
        late=late_by_date,
        attachment=attach_name,
        resources=resources,
    )


def _late(truth: dict, published: str) -> bool:
    """Due a late_report finding: published after 31 October of the title year (or the period's end year),
    or already late by the truth (its 落款)."""
    if any(d["kind"] == "report_date_after_oct31" for d in truth.get("defects", [])):
        return True
    year = truth.get("title_year") or int(str(truth.get("period_end"))[:4])
    return published > f"{year}-10-31"


def to_mhtml(page: Page, *, transfer: str = "quoted-printable") -> bytes:
    """The page as a single-file save: multipart/related with the page and its resources."""
    boundary = "----MultipartBoundary--xxgkTestBoundary0123456789----"
    if transfer == "base64":
        body = base64.encodebytes(page.html).decode("ascii")
    else:
        body = quopri.encodestring(page.html).decode("ascii")
    parts = [
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {page.url}\r\n"
        f"Subject: =?utf-8?B?{base64.b64encode(page.title.encode()).decode()}?=\r\n"
        "Date: Mon, 4 Nov 2024 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n',
        f"--{boundary}\r\n"
        f'Content-Type: text/html; charset="{page.encoding}"\r\n'
        f"Content-Transfer-Encoding: {transfer}\r\n"
        f"Content-Location: {page.url}\r\n\r\n"
        f"{body}\r\n",
    ]
    for name, data in page.resources.items():
        ctype = {"css": "text/css", "js": "application/javascript", "png": "image/png"}.get(
            name.rsplit(".", 1)[-1], "application/pdf"
        )
        parts.append(
            f"--{boundary}\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: https://xxgk.example.edu.cn/_files/{name}\r\n\r\n"
            f"{base64.encodebytes(data).decode('ascii')}\r\n"
        )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode("ascii")


def save_complete(page: Page, folder: Path) -> Path:
    """Write the "网页，完整" save: NAME.html and NAME_files/ with the resources; returns the .html path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{page.probe}.html"
    path.write_bytes(page.html)
    res = folder / f"{page.probe}_files"
    res.mkdir(exist_ok=True)
    for name, data in page.resources.items():
        (res / name).write_bytes(data)
    return path


#: The pages the tests and the comparison bench use: (probe, options).
PAGES: tuple[tuple[str, dict], ...] = (
    ("c01-inline-headings", {"encoding": "gbk", "declare": "http-equiv"}),
    ("c02-merged-parts", {"style": "h", "repeat_title": True}),
    ("c04-late-long-period", {"encoding": "gb2312", "declare": "meta"}),
    ("u01-decimal-numbering", {"published": "2024-11-03", "attachment": True}),
    ("u08-chapter-section", {"encoding": "gbk", "declare": "none", "style": "h"}),
    ("u09-nested-numbering", {"encoding": "gb18030", "declare": "wrong", "canonical": False}),
    ("u22-figures-in-table", {"published": "2023-10-30"}),
    ("u32-clean-control", {"encoding": "gbk", "declare": "http-equiv", "published": "2023-11-02"}),
    ("u33-fullwidth-dot-headings", {"declare": "wrong"}),
    ("u30-arabic-dot-parts", {"style": "h", "repeat_title": True, "source": "信息公开办公室"}),
    ("u03-decimal-three-levels", {"layout": "table", "encoding": "gbk", "related": True}),
    ("u21-figure-phrasings", {"breaks": True, "related": True, "published": "2024-11-08"}),
    ("c10-truncated-placeholders", {"layout": "table", "breaks": True}),
    ("u04-unnumbered-part-headings", {"style": "h", "related": True, "layout": "table"}),
)


def all_pages() -> list[Page]:
    return [build_page(probe, **opts) for probe, opts in PAGES]
