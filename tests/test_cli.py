"""The command line: JSON lines in input order, errors as one-line messages, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from xxgk_desk.cli import main


def test_check_json_one_object_per_file_in_order(tmp_path, capsys):
    good = tmp_path / "好 报告.txt"
    good.write_text("某某大学2023—2024学年信息公开工作年度报告\n一、概述\n正文。", encoding="utf-8")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    status = main(
        ["check", "--json", str(good), str(tmp_path / "missing.docx"), str(empty), str(fake), "x.xyz"]
    )
    lines = capsys.readouterr().out.strip().split("\n")
    objs = [json.loads(line) for line in lines]
    assert status == 1
    assert [o["file"] for o in objs] == [
        str(good),
        str(tmp_path / "missing.docx"),
        str(empty),
        str(fake),
        "x.xyz",
    ]
    assert objs[0]["error"] is None and objs[0]["kind"] == "txt" and objs[0]["chars"] > 10
    assert [s["title"] for s in objs[0]["sections"]] == [
        "某某大学2023—2024学年信息公开工作年度报告",
        "一、概述",
    ]
    for o in objs[1:]:
        assert o["error"] and "\n" not in o["error"]
    assert "找不到文件" in objs[1]["error"]
    assert "空" in objs[2]["error"]
    assert "不是PDF" in objs[3]["error"]
    assert "不支持" in objs[4]["error"]
    keys = {"file", "sha256", "kind", "pages", "chars", "image_pages", "sections", "error"}
    assert all(keys <= o.keys() for o in objs)


def test_text_prints_the_canonical_text(tmp_path, capsys):
    p = tmp_path / "r.txt"
    p.write_text("第一行\r\n\r\n第二行", encoding="utf-8")
    assert main(["text", str(p)]) == 0
    assert capsys.readouterr().out == "第一行\n第二行\n"


def test_python_dash_m_runs_without_traceback(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "xxgk_desk", "check", str(tmp_path / "nope.pdf")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout
    assert "找不到文件" in r.stdout


def _report(path: Path, lines: int) -> Path:
    path.write_text(
        "某某大学2023—2024学年信息公开工作年度报告\n"
        + "".join(f"第{i}条：本学年主动公开信息二千条。\n" for i in range(lines)),
        encoding="utf-8",
    )
    return path


def _env() -> dict[str, str]:
    """The environment without PYTHONUNBUFFERED (unbuffered output hides the problem)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def _into_head(args: list[str]) -> tuple[str, str, int]:
    """``xxgk-desk ARGS | head -1``: what head printed, our stderr and our exit status."""
    ours = subprocess.Popen(
        [sys.executable, "-m", "xxgk_desk", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()
    )
    head = subprocess.Popen(["head", "-1"], stdin=ours.stdout, stdout=subprocess.PIPE)
    assert ours.stdout is not None and ours.stderr is not None
    ours.stdout.close()  # head alone reads it now
    out = head.communicate(timeout=120)[0].decode("utf-8")
    err = ours.stderr.read().decode("utf-8")
    return out, err, ours.wait(timeout=120)


def _into_closed_pipe(args: list[str]) -> tuple[str, int]:
    """Our stderr and exit status when the reader of stdout is gone before we write."""
    read, write = os.pipe()
    os.close(read)
    try:
        r = subprocess.run(
            [sys.executable, "-m", "xxgk_desk", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            env=_env(),
            timeout=120,
        )
    finally:
        os.close(write)
    return r.stderr.decode("utf-8"), r.returncode


def test_text_and_check_into_head_stop_quietly(tmp_path):
    long = _report(tmp_path / "long.txt", 20_000)
    assert _into_head(["text", str(long)]) == ("某某大学2023—2024学年信息公开工作年度报告\n", "", 0)
    many = [str(_report(tmp_path / f"r{k}.txt", 3)) for k in range(40)]
    assert _into_head(["check", *many]) == (f"文件：{many[0]}\n", "", 0)
    assert _into_head(["check", "--json", *many])[1:] == ("", 0)


def test_a_reader_gone_before_the_output_is_no_error(tmp_path):
    """What ``| head`` does when it exits while output is still buffered, without the race:
    before the fix Python's flush at exit printed "Exception ignored … BrokenPipeError" (exit 120)."""
    short = str(_report(tmp_path / "short.txt", 3))
    assert _into_closed_pipe(["text", short]) == ("", 0)
    assert _into_closed_pipe(["check", short]) == ("", 0)
    assert _into_closed_pipe(["check", "--json", short]) == ("", 0)


def test_the_window_without_a_display_ends_with_one_line_and_status_2():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for argv in ([], ["gui"], ["gui", "report.pdf"]):
        proc = subprocess.run(
            [sys.executable, "-m", "xxgk_desk", *argv], env=env, capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "DISPLAY" in lines[0] and "--screenshot" in lines[0]
        assert "xcb" not in proc.stderr and "Traceback" not in proc.stderr


def test_which_platforms_need_a_display():
    from xxgk_desk.commands.gui import NO_DISPLAY, display_problem

    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "wayland"}, "linux") == NO_DISPLAY
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_a_command_imports_only_what_it_runs(tmp_path):
    """``xxgk-desk text FILE`` reads a report: it must not wait for the review store, the engine or
    Qt (the other commands' imports took 0.5 s of a 1.3 s run); ``--help`` still lists them all."""
    report = tmp_path / "r.txt"
    report.write_text("某某大学2023—2024学年信息公开工作年度报告\n一、概述\n正文。", encoding="utf-8")
    code = (
        "import sys\n"
        "from xxgk_desk.cli import main\n"
        f"assert main(['text', {str(report)!r}]) == 0\n"
        "heavy = [m for m in ('xxgk_desk.core.store', 'xxgk_desk.core.engine', 'xxgk_desk.core.export',"
        " 'PySide6.QtWidgets', 'sqlite_utils') if m in sys.modules]\n"
        "print('heavy:', heavy)\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "正文。" in done.stdout
    assert done.stdout.strip().endswith("heavy: []")
    shown = subprocess.run(
        [sys.executable, "-m", "xxgk_desk", "--help"], capture_output=True, text=True, env=env, timeout=120
    )
    for name in ("check", "text", "notes", "memo", "batch", "gui"):
        assert name in shown.stdout
