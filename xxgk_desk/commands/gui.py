"""``xxgk-desk gui [FILE…] [--screenshot OUT.png]``: the review window."""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys

NO_DISPLAY = (
    "没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开审核窗口。"
    "无界面时可用 xxgk-desk check 文件 / xxgk-desk memo 文件 -o 审核意见.docx，"
    "或 xxgk-desk gui 文件 --screenshot 截图.png（离屏截图）。"
)
NO_XCB_CURSOR = (
    "缺少系统库 libxcb-cursor0，Qt 无法在 X11 上打开窗口：请先运行 sudo apt-get install libxcb-cursor0。"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="打开审核窗口")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--screenshot", metavar="OUT.png", help="打开文件，检查完成后保存整个窗口的截图并退出")
    p.add_argument(
        "--screenshot-state",
        metavar="STATE",
        default="window",
        help="截图时窗口的状态：window（默认）、findings、fields、notes、find、page、export、unit、rules、manual、overview",
    )
    p.add_argument(
        "--screenshot-size",
        metavar="WxH",
        default="1600x1000",
        type=_size,
        help="截图时窗口的大小（像素），默认 1600x1000",
    )
    p.add_argument("--db", metavar="PATH", help="审核数据库文件（默认在用户数据目录）")
    p.set_defaults(func=run)


def _size(text: str) -> tuple[int, int]:
    """ "1366x768" → (1366, 768)."""
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"窗口大小应写成 宽x高，如 1366x768：{text}") from None
    if not (400 <= w <= 4000 and 300 <= h <= 3000):
        raise argparse.ArgumentTypeError(f"窗口大小超出范围（400x300 到 4000x3000）：{text}")
    return w, h


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can open here (one line), or None. Checked before Qt is loaded, since Qt aborts."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin")):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if qpa and qpa not in ("xcb", "wayland", "wayland-egl"):
        return None  # offscreen, vnc, eglfs…: the user chose a platform that needs no display
    if qpa.startswith("wayland"):
        return None if env.get("WAYLAND_DISPLAY") else NO_DISPLAY
    if env.get("WAYLAND_DISPLAY") and not qpa:
        return None
    if not env.get("DISPLAY"):
        return NO_DISPLAY
    if ctypes.util.find_library("xcb-cursor") is None:
        return NO_XCB_CURSOR
    return None


def refuse_without_display(argv: list[str]) -> int | None:
    """For ``xxgk-desk [gui …]``: exit status 2 and one line when no window can open, before anything
    heavy is imported (a screenshot or ``--help`` needs no display)."""
    if argv and argv[0] != "gui":
        return None
    if any(a in ("--screenshot", "-h", "--help") or a.startswith("--screenshot=") for a in argv):
        return None
    problem = display_problem()
    if problem is None:
        return None
    print(problem, file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from xxgk_desk.gui.app import cli_entry  # Qt is loaded only for the window

    return cli_entry(args)
