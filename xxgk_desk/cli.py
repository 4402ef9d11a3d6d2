"""Command line: argument parsing and dispatch only; every command calls the core.

Each sub-command lives in ``xxgk_desk/commands/<name>.py`` with ``register(subparsers)``
that adds its parser and sets ``func`` to a function ``(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from xxgk_desk import __version__

COMMANDS = ("check", "text", "notes", "memo", "batch", "gui")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone: a command's module imports
    what it runs on (the store, the export, Qt…), and ``xxgk-desk text FILE`` should not wait for the
    others' (about 0.5 s of a process that reads a report in 0.8)."""
    parser = argparse.ArgumentParser(
        prog="xxgk-desk",
        description="高校信息公开工作年度报告审核工具 — review Chinese universities' information-disclosure reports.",
    )
    parser.add_argument("--version", action="version", version=f"xxgk-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        try:
            module = importlib.import_module(f"xxgk_desk.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"xxgk_desk.commands.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # Chinese output on any console (Windows cp936 included)
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    from xxgk_desk.commands.gui import refuse_without_display

    refused = refuse_without_display(argv)
    if refused is not None:
        return refused
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    if not argv:
        argv = ["gui"] if "gui" in parser._subparsers._group_actions[0].choices else ["--help"]  # type: ignore[union-attr]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
