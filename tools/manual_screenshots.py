#!/usr/bin/env python3
"""Make the manual's pictures with the tool itself: resources/manual/images/[en/]STATE.png.

For each state the manual describes (xxgk_desk/gui/screenshot.py STATES) it runs

    xxgk-desk gui resources/samples/sample-report.pdf --screenshot OUT.png --screenshot-state STATE

(for the overview, with three invented variants of the sample beside it) on a fresh review database and
fresh settings (so the user's own window layout, recent files and
reviews are neither used nor touched), once in Chinese and once with the UI in English, then
scales the picture to at most 1200 px wide and stores it as an optimised 256-colour PNG.

Usage:  python tools/manual_screenshots.py [--lang zh|en|all] [--width 1200] [STATE ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample-report.pdf"
IMAGES = ROOT / "resources" / "manual" / "images"
WINDOW = "1440x900"  # a common laptop screen: the pictures show the window as reviewers see it
NOT_SHOWN = ("manual",)  # states the manual has no picture of (made only when asked for)


def out_dir(lang: str) -> Path:
    return IMAGES if lang == "zh" else IMAGES / lang


# For the overview's picture: three more (invented) universities, written as text files from the sample's
# text, each different in one way a reviewer meets — a part left out, a late report, a clean one.
VARIANTS = {
    "云岭师范学院": ("drop_part", "四、对信息公开的评议情况", "五、"),
    "北湖职业技术学院": ("replace", "2024年10月28日", "2024年11月15日"),
    "东川医科大学": ("clean",),
}
SAMPLE_NAME = "楚澜理工学院"
CLEAN = (("XX处", "学生处"), ("教办厅函〔2014〕23号", "教办函〔2014〕23号"), ("不予公开2件", "不予公开3件"))


def overview_reports(work: Path) -> list[Path]:
    """The variants of the sample, as .txt files in ``work`` (the sample's text read by the tool itself)."""
    r = subprocess.run(
        [sys.executable, "-m", "xxgk_desk", "text", str(SAMPLE.with_suffix(".docx"))],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    out = []
    for name, (how, *args) in VARIANTS.items():
        text = r.stdout.replace(SAMPLE_NAME, name)
        if how == "drop_part":
            start, end = text.index(args[0]), text.index(args[1])
            text = text[:start] + text[end:]
        elif how == "replace":
            text = text.replace(args[0], args[1])
        else:
            for old, new in CLEAN:
                text = text.replace(old, new)
        path = work / f"{name}2023—2024学年信息公开工作年度报告.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def shoot(state: str, lang: str, raw: Path, work: Path) -> None:
    """One picture of the window in ``state`` with the UI in ``lang``, written to ``raw``."""
    config = work / f"config-{lang}-{state}"
    (config / "xxgk-desk").mkdir(parents=True, exist_ok=True)
    language = "en" if lang == "en" else "zh_CN"
    (config / "xxgk-desk" / "xxgk-desk.conf").write_text(f"[ui]\nlanguage={language}\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),  # QSettings on Linux: a clean layout and the chosen language
        "XDG_DATA_HOME": str(work / "data"),
        "PYTHONPATH": str(ROOT),
    }
    args = [
        sys.executable,
        "-m",
        "xxgk_desk",
        "gui",
        str(SAMPLE),
        *(str(p) for p in (overview_reports(work) if state == "overview" else ())),
        "--db",
        str(work / f"reviews-{lang}-{state}.sqlite3"),
        "--screenshot",
        str(raw),
        "--screenshot-state",
        state,
        "--screenshot-size",
        WINDOW,
    ]
    r = subprocess.run(args, env=env, capture_output=True, text=True, timeout=180)
    if r.returncode != 0 or not raw.exists():
        raise SystemExit(f"{state} ({lang}): no picture — {r.stderr.strip()[-400:]}")


def optimise(raw: Path, target: Path, width: int) -> int:
    """Scale ``raw`` to at most ``width`` px wide, store as a 256-colour PNG; its size in bytes."""
    from PIL import Image

    with Image.open(raw) as im:
        im = im.convert("RGB")
        if im.width > width:
            im = im.resize((width, round(im.height * width / im.width)), Image.Resampling.LANCZOS)
        im = im.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        target.parent.mkdir(parents=True, exist_ok=True)
        im.save(target, optimize=True)
    return target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from xxgk_desk.gui.screenshot import STATES

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("states", nargs="*", metavar="STATE", help="of: " + ", ".join(STATES))
    p.add_argument("--lang", choices=("zh", "en", "all"), default="all")
    p.add_argument("--width", type=int, default=1200)
    args = p.parse_args(argv)
    states = args.states or [s for s in STATES if s not in NOT_SHOWN]
    unknown = [s for s in states if s not in STATES]
    if unknown:
        p.error(f"unknown state(s) {', '.join(unknown)}; known: {', '.join(STATES)}")
    langs = ("zh", "en") if args.lang == "all" else (args.lang,)
    total = 0
    with tempfile.TemporaryDirectory(prefix="xxgk-shots-") as tmp:
        work = Path(tmp)
        for lang in langs:
            for state in states:
                raw = work / f"{lang}-{state}.png"
                shoot(state, lang, raw, work)
                target = out_dir(lang) / f"{state}.png"
                size = optimise(raw, target, args.width)
                total += size
                print(f"{target.relative_to(ROOT)}\t{size // 1024} KB")
    print(f"total {total // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
