"""The lock (requirements/*.txt, made by tools/lock.sh) matches pyproject.toml: every dependency of
each set is locked with hashes, the tools that judge the code at exactly pyproject's pins, and
./dev installs from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SETS = {"run": ["ocr"], "test": ["ocr", "test"], "packaging": ["ocr", "packaging"]}


def _name(req: str) -> str:
    return re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0].lower().replace("_", "-")


def locked(set_name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / f"{set_name}.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==([^ ;\\\n]+)", text, flags=re.M | re.I))
    assert text.count("--hash=sha256:") >= len(pins), "every pin carries its hashes"
    return {k.lower().replace("_", "-"): v for k, v in pins.items()}


@pytest.mark.parametrize("set_name", SETS)
def test_every_dependency_of_the_set_is_locked(set_name: str) -> None:
    pins = locked(set_name)
    wanted = PROJECT["dependencies"] + [
        r for e in SETS[set_name] for r in PROJECT["optional-dependencies"][e]
    ]
    missing = sorted({_name(r) for r in wanted} - set(pins))
    assert not missing, f"requirements/{set_name}.txt lacks {missing}: run bash tools/lock.sh"


def test_judges_are_pinned_exactly_and_locked_at_that_pin() -> None:
    pins = locked("test")
    exact = [r for r in PROJECT["optional-dependencies"]["test"] if "==" in r]
    names = {_name(r) for r in exact}
    assert {"ruff", "mypy", "import-linter"} <= names
    for req in exact:
        assert pins[_name(req)] == req.split("==")[1].split()[0], req


def test_one_version_per_package_for_every_python() -> None:
    for set_name in SETS:
        text = (ROOT / "requirements" / f"{set_name}.txt").read_text(encoding="utf-8")
        names = re.findall(r"^([a-z0-9][a-z0-9._-]*)==", text, flags=re.M | re.I)
        assert len(names) == len(set(names)), f"{set_name}: a package locked twice (per-Python forks)"


def test_dev_installs_from_the_lock_with_hashes() -> None:
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r" in dev and "requirements/$set.txt" in dev
    for cmd, set_name in (("cmd_run", "run"), ("cmd_test", "test"), ("cmd_build", "packaging")):
        body = dev.split(f"{cmd}() {{", 1)[1].split("\n}", 1)[0]
        assert f"setup_python {set_name}" in body, cmd
