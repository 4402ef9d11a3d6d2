"""Every regular expression the engine runs stays fast on long adversarial strings.

A pattern with a leading unbounded repeat (``[a-z0-9]*xiezuo``), nested repeats or a repeat
before an anchor backtracks quadratically (or worse) when searched through a long run of the
characters it repeats: one such footer pattern turned an 800 KB pipe table into 18 minutes.

The patterns are collected from the loaded rules (every compiled pattern reachable from
``load_rules()``: lexicon terms, exempt terms, citations, figure phrasings…) and from the
module-level patterns of the core (outline, engine, loaders, normalisation). Each is searched
(``finditer`` to the end, as the engine does) through strings of 50,000 characters built from
the pattern's own characters: each character alone, the whole alphabet cycled, and runs of
digits, letters, CJK and blanks with separators. A linear pattern needs milliseconds for one
string (a quarter of a second for the slowest, which tries 24 label lengths at each start); a
quadratic one needs tens of seconds to minutes, so the bound (2 s per string, enforced by an
alarm) leaves a wide margin on a busy machine.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import signal
import sys
from collections.abc import Iterator
from types import MappingProxyType

import pytest

from xxgk_desk.core.rules import load_rules

try:  # Python 3.11+: re._parser; 3.10: sre_parse
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGALRM to stop a runaway pattern")

LENGTH = 50_000
BOUND_S = 2.0
CORE_PACKAGES = ("xxgk_desk.core.engine", "xxgk_desk.core.loaders")
CORE_MODULES = ("xxgk_desk.core.outline", "xxgk_desk.core.normalize", "xxgk_desk.core.batch.compare")
# Patterns the code only ever matches at one position (``match``/``fullmatch``), never searches:
# for them one attempt per string is what has to stay linear.
MATCH_ONLY = {
    "xxgk_desk.core.engine.sums.ITEM_RE": "ITEM_RE.match(text, pos) after each separator",
    "xxgk_desk.core.engine.sums._PAREN": "_PAREN.match(text, end of the total)",
    "xxgk_desk.core.loaders.pdf_layout.NUMBERING": "NUMBERING.match(line)",
    "xxgk_desk.core.normalize._PAGE_NUMBER": "_PAGE_NUMBER.fullmatch(line)",
}
GENERIC = ("1", "1 ", "1,", "1.", "a", "a1", "中", "中，", "一、", "（一）", " ", "\t1", "|1", "-", "x.")


def _walk(obj: object, seen: set[int]) -> Iterator[re.Pattern[str]]:
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _walk(getattr(obj, f.name), seen)
    elif isinstance(obj, (dict, MappingProxyType)):
        for v in obj.values():
            yield from _walk(v, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            yield from _walk(v, seen)


def _code_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    names = list(CORE_MODULES)
    for pkg in CORE_PACKAGES:
        mod = importlib.import_module(pkg)
        names += [f"{pkg}.{m.name}" for m in pkgutil.walk_packages(mod.__path__, "") if not m.ispkg]
        names += [f"{pkg}.{m.name}" for m in pkgutil.iter_modules(mod.__path__) if m.ispkg]
    for name in names:
        try:
            mod = importlib.import_module(name)
        except ImportError:  # an optional extra (OCR) that is not installed
            continue
        for attr, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{name}.{attr}", value
            elif isinstance(value, (list, tuple)):
                for i, p in enumerate(_walk(value, set())):
                    if isinstance(p.pattern, str):
                        yield f"{name}.{attr}[{i}]", p


def all_patterns() -> dict[str, re.Pattern[str]]:
    """id → pattern, de-duplicated by pattern text and flags."""
    out: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()
    rules = [(f"rules:{p.pattern[:60]}", p) for p in _walk(load_rules(), set())]
    for name, p in [*rules, *_code_patterns()]:
        if (p.pattern, p.flags) not in seen:
            seen.add((p.pattern, p.flags))
            out[name] = p
    return out


def _chars(parsed: object, out: set[str]) -> None:
    """Characters a parsed pattern mentions: literals, both ends of ranges, one per category."""
    for op, av in parsed:  # type: ignore[attr-defined]
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "IN":
            for iop, iav in av:
                iname = str(iop)
                if iname == "LITERAL":
                    out.add(chr(iav))
                elif iname == "RANGE":
                    out.update((chr(iav[0]), chr(iav[1]), chr((iav[0] + iav[1]) // 2)))
                elif iname == "CATEGORY":
                    out.update({"CATEGORY_DIGIT": "7", "CATEGORY_SPACE": " "}.get(str(iav), "a"))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _chars(av[2], out)
        elif name == "SUBPATTERN":
            _chars(av[-1], out)
        elif name == "BRANCH":
            for b in av[1]:
                _chars(b, out)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _chars(av[1], out)
        elif name == "ANY":
            out.add("a")


def adversarial(pattern: re.Pattern[str]) -> Iterator[str]:
    chars: set[str] = set()
    try:
        _chars(sre_parse.parse(pattern.pattern, pattern.flags), chars)
    except Exception:  # an unusual construct: the generic strings still run
        pass
    chars = {c for c in chars if c not in "\n\r"}
    for c in sorted(chars):
        yield c * LENGTH
    if chars:
        alphabet = "".join(sorted(chars))
        yield (alphabet * (LENGTH // len(alphabet) + 1))[:LENGTH]
    for unit in GENERIC:
        yield unit * (LENGTH // len(unit))


class _Runaway(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Runaway


PATTERNS = all_patterns()


def test_patterns_were_collected() -> None:
    # The rules alone hold well over a hundred patterns; an empty walk would pass vacuously.
    assert sum(1 for k in PATTERNS if k.startswith("rules:")) >= 100
    assert any(k.startswith("xxgk_desk.core.outline.") for k in PATTERNS)
    assert set(MATCH_ONLY) <= set(PATTERNS), "a MATCH_ONLY entry names a pattern that no longer exists"


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_long_strings(name: str) -> None:
    pattern = PATTERNS[name]
    old = signal.signal(signal.SIGALRM, _alarm)
    text = ""
    try:
        for text in adversarial(pattern):
            signal.setitimer(signal.ITIMER_REAL, BOUND_S)
            if name in MATCH_ONLY:
                pattern.match(text)
                pattern.fullmatch(text)
            else:
                for _ in pattern.finditer(text):
                    pass
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Runaway:
        pytest.fail(
            f"{pattern.pattern!r} needs more than {BOUND_S} s on {LENGTH} characters of "
            f"{text[:12]!r}…: it backtracks (bound the repeat or anchor it with a look-behind)",
            pytrace=False,
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
