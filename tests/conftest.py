"""Shared fixtures: the ``../shared`` samples (tests skip when the folder is absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared"))
SAMPLES = SHARED / "samples"
SEEDS = [f"seed-{i:03d}" for i in range(5)]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p


def truth(seed: str) -> dict:
    return json.loads(shared_path("samples", "truth", f"{seed}.truth.json").read_text(encoding="utf-8"))


@pytest.fixture
def shared():
    return shared_path
