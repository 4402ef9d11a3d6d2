"""Re-anchoring notes onto changed text: pure functions on strings, no database.

A note remembers several selectors (W3C ``TextPositionSelector`` + ``TextQuoteSelector``):
``start``/``end`` (code points into the text it was made on), the ``exact`` quote and up
to :data:`CONTEXT_CHARS` characters of ``prefix`` and ``suffix``. :func:`anchor` finds the
quote again in a new text in tiers, stopping at the first that succeeds:

1. **position** — ``text[start:end]`` still equals the quote (and its context has not
   changed beyond recognition).
2. **exact** — every occurrence of the quote (first as is, then ignoring whitespace, since
   extractors disagree on spaces and line breaks) is scored and the best wins. If its
   context agrees only weakly (< :data:`CONTEXT_STRONG`), the fuzzy candidates are scored
   too and one elsewhere beating it by :data:`FUZZY_MARGIN` wins: the sentence may have
   been edited in place while a copy of its old wording sits elsewhere.
3. **fuzzy** — RapidFuzz aligns the whitespace-stripped quote with the whitespace-stripped
   text (near the old position first, then everywhere), and the span between the old
   prefix and suffix is tried too; candidates are scored and the best is kept if it
   passes the threshold.
4. **orphan** — nothing convincing; the caller keeps the note and lists it as an orphan.

Scoring follows the Hypothesis client: ``(50·quote + 20·prefix + 20·suffix + 2·position) / 92``
where each part is a similarity in [0, 1] (RapidFuzz normalised Indel similarity,
whitespace ignored) and ``position`` is ``1 - distance / len(text)``.

Thresholds (chosen on the seed reports and the tests in tests/core/store/test_anchoring.py):

* an exact match is ``anchored`` when its context agrees (mean of prefix and suffix
  similarity ≥ :data:`CONTEXT_OK`) or when it is the only occurrence of a quote of at least
  :data:`LONG_QUOTE` characters; otherwise it is returned with status ``fuzzy`` so a person
  checks it (a short quote such as ``0件`` with unrelated context may be another sentence);
* a fuzzy candidate is accepted when its total score is ≥ :data:`FUZZY_THRESHOLD` and its
  quote similarity is ≥ :data:`MIN_QUOTE_SIMILARITY`, or when the quote is long (≥
  :data:`LONG_QUOTE`) and at least :data:`LONG_QUOTE_SIMILARITY` similar on its own.
  A wrong sentence in the same report typically scores about 0.4 (shared vocabulary,
  unrelated context); the right sentence with a third of its quote rewritten scores ≥ 0.8.

Offsets are Python code points throughout.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

CONTEXT_CHARS = 32
W_QUOTE, W_PREFIX, W_SUFFIX, W_POSITION = 50.0, 20.0, 20.0, 2.0
W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION
CONTEXT_OK = 0.5
CONTEXT_STRONG = 0.8  # an exact match with weaker context is compared with the fuzzy candidates
FUZZY_MARGIN = 0.05  # how much better a fuzzy candidate must score to beat an exact one
LONG_QUOTE = 16
FUZZY_THRESHOLD = 0.60
MIN_QUOTE_SIMILARITY = 0.5
LONG_QUOTE_SIMILARITY = 0.85
MIN_FUZZY_QUOTE = 4  # stripped characters needed to align a quote on its own
MAX_OCCURRENCES = 2000  # exact occurrences scored per note (a one-character quote…)
WINDOW_MIN = 2000  # characters searched each side of the old position before the whole text

ANCHORED, FUZZY, ORPHAN = "anchored", "fuzzy", "orphan"
STATUSES = (ANCHORED, FUZZY, ORPHAN)
METHODS = ("position", "exact", "fuzzy", "manual")


@dataclass(frozen=True, slots=True)
class Selector:
    """Where a note points: a position and a quote with its context (code points)."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class AnchorResult:
    """The outcome of anchoring one selector on one text."""

    status: str  # anchored / fuzzy / orphan
    method: str | None  # position / exact / fuzzy (None for an orphan)
    start: int | None
    end: int | None
    score: float

    @property
    def found(self) -> bool:
        return self.status != ORPHAN


ORPHAN_RESULT = AnchorResult(ORPHAN, None, None, None, 0.0)


def make_selector(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selector:
    """Selectors for ``text[start:end]``; raises ValueError for an empty or out-of-range span."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"bad span {start}..{end} for a text of {len(text)} characters")
    return Selector(
        start, end, text[start:end], text[max(0, start - context) : start], text[end : end + context]
    )


def strip_ws(s: str) -> str:
    """``s`` without any whitespace (spaces, tabs, line breaks, ideographic space)."""
    return "".join(s.split())


class TextIndex:
    """A text prepared for anchoring many selectors: the whitespace-free copy is built lazily."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tail = len(text.rstrip())

    @cached_property
    def _built(self) -> tuple[str, list[int]]:
        offsets = [i for i, ch in enumerate(self.text) if not ch.isspace()]
        return "".join(self.text[i] for i in offsets), offsets

    @property
    def stripped(self) -> str:
        return self._built[0]

    @property
    def offsets(self) -> list[int]:
        """``offsets[i]`` is the position in ``text`` of stripped character ``i``."""
        return self._built[1]

    def to_stripped(self, pos: int) -> int:
        """The stripped position of the first non-space character at or after ``pos``."""
        return bisect.bisect_left(self.offsets, pos)

    def to_text(self, a: int, b: int) -> tuple[int, int]:
        """The text span covering stripped span ``[a, b)`` (``a < b``)."""
        return self.offsets[a], self.offsets[b - 1] + 1


def _sim(a: str, b: str) -> float:
    return Indel.normalized_similarity(a, b)


def _before(text: str, pos: int, n: int) -> str:
    """Up to ``n`` non-space characters ending at ``pos``."""
    if n <= 0:
        return ""
    return strip_ws(text[max(0, pos - 3 * n - 8) : pos])[-n:]


def _after(text: str, pos: int, n: int) -> str:
    """Up to ``n`` non-space characters starting at ``pos``."""
    if n <= 0:
        return ""
    return strip_ws(text[pos : pos + 3 * n + 8])[:n]


@dataclass(slots=True)
class _Scorer:
    """Scores candidate spans of one text for one selector (all comparisons whitespace-free)."""

    text: str
    quote: str
    prefix: str
    suffix: str
    hint: int
    tail: int  # end of the text without trailing whitespace

    def context(self, start: int, end: int) -> tuple[float, float]:
        p = (
            _sim(self.prefix, _before(self.text, start, len(self.prefix)))
            if self.prefix
            else _edge(start == 0)
        )
        s = (
            _sim(self.suffix, _after(self.text, end, len(self.suffix)))
            if self.suffix
            else _edge(end >= self.tail)
        )
        return p, s

    def total(self, q: float, p: float, s: float, start: int) -> float:
        pos = 1.0 - min(1.0, abs(start - self.hint) / max(1, len(self.text)))
        return (W_QUOTE * q + W_PREFIX * p + W_SUFFIX * s + W_POSITION * pos) / W_TOTAL


def _edge(at_edge: bool) -> float:
    # A quote with no stored prefix started the text; it still agrees if it still does.
    return 1.0 if at_edge else 0.5


def anchor(sel: Selector, text: str | TextIndex) -> AnchorResult:
    """Find ``sel`` in ``text``; never raises for odd selectors (they come back as orphans)."""
    index = text if isinstance(text, TextIndex) else TextIndex(text)
    t = index.text
    if not sel.exact or not strip_ws(sel.exact):
        return ORPHAN_RESULT
    scorer = _Scorer(
        t, strip_ws(sel.exact), strip_ws(sel.prefix), strip_ws(sel.suffix), sel.start, index.tail
    )

    # 1. position still holds the quote
    if 0 <= sel.start < sel.end <= len(t) and t[sel.start : sel.end] == sel.exact:
        p, s = scorer.context(sel.start, sel.end)
        if (p + s) / 2 >= CONTEXT_OK:
            return AnchorResult(
                ANCHORED, "position", sel.start, sel.end, round(scorer.total(1.0, p, s, sel.start), 4)
            )

    # 2. exact quote, as is, then ignoring whitespace
    spans = list(_occurrences(t, sel.exact))
    if not spans:
        spans = [index.to_text(a, b) for a, b in _occurrences(index.stripped, scorer.quote)]
    exact, ctx = _best_exact(spans, scorer, len(sel.exact)) if spans else (ORPHAN_RESULT, 0.0)
    if exact.found and ctx >= CONTEXT_STRONG:
        return exact

    # 3. fuzzy — also when the exact quote was found only with a doubtful context: the
    # sentence itself may have been edited while a copy of its old wording sits elsewhere.
    fuzzy = _fuzzy(index, scorer)
    if not exact.found:
        return fuzzy
    if not fuzzy.found or _overlap(exact, fuzzy):  # same place: the exact span delimits it better
        return exact
    return fuzzy if fuzzy.score > exact.score + FUZZY_MARGIN else exact


def _overlap(a: AnchorResult, b: AnchorResult) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:  # an orphan is nowhere
        return False
    return a.start < b.end and b.start < a.end


def anchor_many(selectors: Iterable[Selector], text: str) -> list[AnchorResult]:
    """Anchor many selectors on one text, sharing the prepared index."""
    index = TextIndex(text)
    return [anchor(sel, index) for sel in selectors]


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    i = text.find(needle)
    n = 0
    while i >= 0 and n < MAX_OCCURRENCES:
        yield i, i + len(needle)
        n += 1
        i = text.find(needle, i + 1)


def _best_exact(
    spans: Sequence[tuple[int, int]], scorer: _Scorer, quote_len: int
) -> tuple[AnchorResult, float]:
    """The best-scoring exact occurrence and its context similarity."""
    best: tuple[float, float, int, int] | None = None
    for a, b in spans:
        p, s = scorer.context(a, b)
        total = scorer.total(1.0, p, s, a)
        if best is None or total > best[0]:
            best = (total, (p + s) / 2, a, b)
    assert best is not None
    total, ctx, a, b = best
    confident = ctx >= CONTEXT_OK or (len(spans) == 1 and quote_len >= LONG_QUOTE)
    return AnchorResult(ANCHORED if confident else FUZZY, "exact", a, b, round(total, 4)), ctx


def _fuzzy(index: TextIndex, scorer: _Scorer) -> AnchorResult:
    s_text = index.stripped
    if not s_text:
        return ORPHAN_RESULT
    q = scorer.quote
    hint = min(index.to_stripped(scorer.hint), len(s_text))
    candidates: set[tuple[int, int]] = set()
    if len(q) >= MIN_FUZZY_QUOTE:
        margin = max(WINDOW_MIN, 20 * len(q))
        lo, hi = max(0, hint - margin), min(len(s_text), hint + margin + len(q))
        for w_lo, w_hi in ((lo, hi), (0, len(s_text))):
            al = fuzz.partial_ratio_alignment(q, s_text[w_lo:w_hi], score_cutoff=MIN_QUOTE_SIMILARITY * 100)
            if al is not None and al.dest_end > al.dest_start:
                candidates.add(_refine(q, s_text, w_lo + al.dest_start, w_lo + al.dest_end))
            if w_lo == 0 and w_hi == len(s_text):
                break
    candidates.update(_bracketed(s_text, scorer, hint))
    best: tuple[float, int, int] | None = None
    for a, b in candidates:
        ta, tb = index.to_text(a, b)
        qs = _sim(q, s_text[a:b])
        p, s = scorer.context(ta, tb)
        total = scorer.total(qs, p, s, ta)
        ok = (total >= FUZZY_THRESHOLD and qs >= MIN_QUOTE_SIMILARITY and (p + s) / 2 >= CONTEXT_OK) or (
            len(q) >= LONG_QUOTE and qs >= LONG_QUOTE_SIMILARITY
        )
        if ok and (best is None or total > best[0]):
            best = (total, ta, tb)
    if best is None:
        return ORPHAN_RESULT
    return AnchorResult(FUZZY, "fuzzy", best[1], best[2], round(best[0], 4))


def _refine(q: str, s: str, a: int, b: int) -> tuple[int, int]:
    """Move the ends of an aligned span to maximise its similarity with the quote."""
    slack = max(2, len(q) // 4)
    best = (_sim(q, s[a:b]), a, b)
    for _ in range(2):
        _, a, b = best
        for nb in range(max(a + 1, b - slack), min(len(s), b + slack) + 1):
            sc = _sim(q, s[a:nb])
            if sc > best[0]:
                best = (sc, a, nb)
        _, a, b = best
        for na in range(max(0, a - slack), min(b - 1, a + slack) + 1):
            sc = _sim(q, s[na:b])
            if sc > best[0]:
                best = (sc, na, b)
    return best[1], best[2]


def _bracketed(s_text: str, scorer: _Scorer, hint: int) -> list[tuple[int, int]]:
    """Spans lying between an occurrence of the old prefix's tail and the old suffix's head."""
    pre, suf = scorer.prefix[-16:], scorer.suffix[:16]
    if len(pre) < 4 or len(suf) < 4:
        return []
    limit = 2 * len(scorer.quote) + CONTEXT_CHARS
    out: list[tuple[int, int]] = []
    for _, p_end in _occurrences(s_text, pre):
        j = s_text.find(suf, p_end)
        if j > p_end and j - p_end <= limit:
            out.append((p_end, j))
    out.sort(key=lambda ab: abs(ab[0] - hint))
    return out[:3]
