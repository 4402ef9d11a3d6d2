"""Charts as PNG without Qt (the 通报 written from the command line too): Pillow paints a
:class:`~.chart_layout.Drawing` with a Chinese font file found on this computer.

:func:`cjk_font` finds the font (Windows' 微软雅黑 / 黑体 / 宋体, macOS' 苹方, Linux's fontconfig
answer or the usual WenQuanYi / Noto CJK files), checking that it really has Chinese glyphs;
None when there is none, and the 通报 then keeps its tables and says so in one line.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

from .chart_layout import Box, Drawing, Line, Text, layout
from .charts import Chart

__all__ = ["cjk_font", "drawing_png", "render_png"]

#: Font files with Chinese glyphs, by platform, best first (the ``.ttc`` collections' first face).
_WINDOWS = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf", "simkai.ttf")
_MAC = ("/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
        "/System/Library/Fonts/Hiragino Sans GB.ttc", "/Library/Fonts/Arial Unicode.ttf")  # fmt: skip
_LINUX = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
#: ``XXGK_DESK_CHART_FONT=/path/font.ttf`` chooses the font (``none``: behave as if there were none)
ENV = "XXGK_DESK_CHART_FONT"


def _candidates() -> list[Path]:
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [d / n for n in _WINDOWS for d in (folder, local)]
    if sys.platform == "darwin":
        return [Path(p) for p in _MAC]
    found = []
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", "sans:lang=zh-cn"], capture_output=True,
                                 text=True, timeout=5, check=False).stdout.strip()  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            found.append(Path(out))
    return found + [Path(p) for p in _LINUX]


def _has_chinese(path: Path) -> bool:
    """The font draws 中 as something else than its missing-glyph box (or nothing)."""
    from PIL import Image, ImageDraw, ImageFont

    def glyph(font: Any, ch: str) -> bytes:
        image = Image.new("L", (40, 40), 0)
        ImageDraw.Draw(image).text((4, 4), ch, font=font, fill=255)
        return image.tobytes()

    try:
        font = ImageFont.truetype(str(path), 24)
        zhong, missing = glyph(font, "中"), glyph(font, "\U0010fffd")
    except (OSError, ValueError):
        return False
    return any(zhong) and zhong != missing


@cache
def cjk_font() -> Path | None:
    """A font file with Chinese glyphs, or None (then no chart can be drawn legibly)."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen:
        if chosen.lower() == "none":
            return None
        path = Path(chosen)
        return path if path.is_file() and _has_chinese(path) else None
    try:
        import PIL  # noqa: F401
    except ImportError:
        return None
    for path in _candidates():
        if path.is_file() and _has_chinese(path):
            return path
    return None


class _Fonts:
    def __init__(self, path: Path, scale: float) -> None:
        self.path, self.scale = path, scale
        self._cache: dict[int, Any] = {}

    def get(self, size: float) -> Any:
        from PIL import ImageFont

        px = max(6, round(size * self.scale))
        if px not in self._cache:
            self._cache[px] = ImageFont.truetype(str(self.path), px)
        return self._cache[px]

    def measure(self, text: str, size: float, bold: bool) -> float:
        extra = 1.0 if bold and text else 0.0
        return float(self.get(size).getlength(text)) / self.scale + extra


def drawing_png(drawing: Drawing, fonts: _Fonts) -> bytes:
    """Paint ``drawing`` at the fonts' scale and return the PNG bytes."""
    from PIL import Image, ImageDraw

    s = fonts.scale
    image = Image.new("RGB", (round(drawing.width * s), round(drawing.height * s)), drawing.background)
    draw = ImageDraw.Draw(image)
    for item in drawing.items:
        if isinstance(item, Box):
            box = [item.x * s, item.y * s, (item.x + item.w) * s - 1, (item.y + item.h) * s - 1]
            draw.rectangle(box, fill=item.fill, outline=item.stroke)
        elif isinstance(item, Line):
            draw.line([item.x1 * s, item.y1 * s, item.x2 * s, item.y2 * s], fill=item.colour,
                      width=max(1, round(item.width * s)))  # fmt: skip
        elif isinstance(item, Text) and item.text:
            anchor = {"left": "lm", "center": "mm", "right": "rm"}[item.align]
            x = {"left": item.x, "center": item.x + item.w / 2, "right": item.x + item.w}[item.align]
            draw.text((x * s, (item.y + item.h / 2) * s), item.text, fill=item.colour, font=fonts.get(item.size),
                      anchor=anchor, stroke_width=max(1, round(s * 0.35)) if item.bold else 0,
                      stroke_fill=item.colour if item.bold else None)  # fmt: skip
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(round(96 * s), round(96 * s)), optimize=True)
    return out.getvalue()


def render_png(
    chart: Chart, width: float = 640.0, scale: float = 2.0, font: Path | None = None, *, title: bool = True
) -> bytes | None:
    """``chart`` as PNG bytes ``width`` logical pixels wide (``scale`` × for print), or None when no
    Chinese font is available; ``title=False`` leaves the title to a caption."""
    path = font or cjk_font()
    if path is None:
        return None
    fonts = _Fonts(path, scale)
    return drawing_png(layout(chart, width, fonts.measure, title=title), fonts)
