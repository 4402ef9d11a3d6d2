"""``xxgk-desk text FILE``: print the canonical text of a report."""

from __future__ import annotations

import argparse
import sys

from xxgk_desk.core.errors import ReadError, one_line
from xxgk_desk.core.loaders import load


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("text", help="输出报告的规范文本")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        doc = load(args.file, ocr=args.ocr)
    except ReadError as e:
        print(f"错误：{one_line(e.message)}", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(doc.text)
        if not doc.text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (``… | head``): stop quietly
        from xxgk_desk.commands.check import silence_stdout  # (it imports the engine: only now)

        silence_stdout()
    return 0
