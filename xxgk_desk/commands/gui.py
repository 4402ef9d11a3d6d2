"""``xxgk-desk gui [FILE…] [--screenshot OUT.png]``: the review window."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="打开审核窗口")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--screenshot", metavar="OUT.png", help="打开文件，检查完成后保存整个窗口的截图并退出")
    p.add_argument("--db", metavar="PATH", help="审核数据库文件（默认在用户数据目录）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from xxgk_desk.gui.app import cli_entry  # Qt is loaded only for the window

    return cli_entry(args)
