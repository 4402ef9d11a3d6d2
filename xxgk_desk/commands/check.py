"""``xxgk-desk check``: read and check report files; JSON lines or a readable Chinese summary."""

from __future__ import annotations

import argparse
import json
import sys

from xxgk_desk.core.pipeline import Analysis, read, to_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="读取并检查报告（--json 输出每个文件一行 JSON）")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON 对象")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="扫描页文字识别")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        result = read(path, ocr=args.ocr)
        if result.error:
            status = 1
        if args.json:
            print(json.dumps(to_json(result), ensure_ascii=False), flush=True)
        else:
            print_summary(result)
    return status


def print_summary(result: Analysis, out=sys.stdout) -> None:
    """A readable Chinese summary for a person at a terminal."""
    w = out.write
    w(f"文件：{result.path}\n")
    if result.error:
        w(f"  错误：{result.error}\n\n")
        return
    doc = result.document
    assert doc is not None
    w(f"  类型：{doc.kind.upper()}　页数：{doc.page_count}　字数：{len(doc.text)}\n")
    if doc.image_pages:
        w(f"  无文字层的页（扫描页）：{', '.join(map(str, doc.image_pages))}\n")
    w("  目录：\n")
    for s in result.sections:
        w(f"  {'  ' * s.level}{s.title}（第{s.page}页）\n")
    w("\n")
