"""Where the shipped data lives: ``resources/`` in a checkout, ``xxgk_desk/resources`` when installed."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder holding rules, samples, translations and icons."""
    here = Path(__file__).resolve().parent.parent  # xxgk_desk/
    candidates = [here / "resources", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for c in candidates:
        if (c / "rules").is_dir():
            return c
    return candidates[-1]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
