"""Same input, same output on every supported Python: ``check --json`` on the bundled sample is
byte-identical in each project venv (.venv and .venv-3.12, .venv-3.13 made by ``./dev test --python``).
Skips when fewer than two venvs exist."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("compare_pythons", ROOT / "tools" / "compare_pythons.py")
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)


@pytest.mark.slow
def test_check_output_is_identical_across_pythons() -> None:
    venvs = compare.project_venvs()
    if len(venvs) < 2:
        pytest.skip(
            f"one Python venv only ({[v.name for v in venvs]}): make another with ./dev test --python 3.12"
        )
    outputs = {v.name: compare.check_json(v) for v in venvs}
    versions = {version[:4] for version, _ in outputs.values()}
    assert len(versions) == len(outputs), f"two venvs with one Python: {outputs.keys()}"
    first_name, (_, first) = next(iter(outputs.items()))
    assert b'"sections"' in first
    for name, (version, out) in outputs.items():
        assert out == first, f"{name} (Python {version}) differs from {first_name}"
