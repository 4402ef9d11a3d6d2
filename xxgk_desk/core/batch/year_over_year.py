"""One institution's reports of neighbouring years: which pairs, and their (cached) comparison.

The comparison itself is :func:`~xxgk_desk.core.batch.compare.compare`; this module pairs the
overview's rows by institution and keeps each pair's result in the store's batch cache, keyed by
both file versions and the engine, so the overview does not compute it twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from xxgk_desk.core.batch.compare import Comparison, ReportText, compare
from xxgk_desk.core.batch.overview import OverviewRow
from xxgk_desk.core.rules import RuleSet
from xxgk_desk.core.store.batch_cache import BatchCache


@dataclass(frozen=True, slots=True)
class YearPair:
    """Two reports of one institution, the older first (neighbouring years present in the workspace)."""

    institution: str
    older: OverviewRow
    newer: OverviewRow


def institution_key(name: str | None) -> str:
    """An institution's name with its spaces removed: the key reports are paired by."""
    return "".join((name or "").split())


def pairs_by_institution(rows: Iterable[OverviewRow]) -> list[YearPair]:
    """Each checked report paired with the nearest earlier year of the same institution (by name)."""
    groups: dict[str, list[OverviewRow]] = {}
    for r in rows:
        if r.checked and r.institution and r.year is not None and r.sha256:
            groups.setdefault(institution_key(r.institution), []).append(r)
    pairs = []
    for inst, group in sorted(groups.items()):
        group.sort(key=lambda r: r.year or 0)
        for older, newer in zip(group, group[1:], strict=False):
            if older.year != newer.year:
                pairs.append(YearPair(inst, older, newer))
    return pairs


class Comparisons:
    """The comparisons of one store's reports, computed once per pair of file versions."""

    def __init__(
        self,
        cache: BatchCache,
        engine: str,
        rules: RuleSet,
        report_text: Callable[[OverviewRow], ReportText | None],
    ) -> None:
        self.cache, self.engine, self.rules, self.report_text = cache, engine, rules, report_text

    def get(self, older: OverviewRow, newer: OverviewRow) -> Comparison | None:
        """The comparison of two rows (None without both texts)."""
        if not older.sha256 or not newer.sha256:
            return None
        cached = self.cache.comparison(older.sha256, newer.sha256, self.engine)
        if cached is not None:
            return Comparison.from_json(cached)
        a, b = self.report_text(older), self.report_text(newer)
        if a is None or b is None:
            return None
        result = compare(a, b, self.rules)
        self.cache.put_comparison(older.sha256, newer.sha256, self.engine, result.to_json())
        return result

    def findings_by_row(self, rows: Sequence[OverviewRow]) -> dict[str, list[tuple[str, str, str]]]:
        """Row key of the newer report → (key, rule, severity) of the findings its comparison gave."""
        extra: dict[str, list[tuple[str, str, str]]] = {}
        for pair in pairs_by_institution(rows):
            c = self.get(pair.older, pair.newer)
            if c is not None:
                extra[pair.newer.key] = [(f.key, f.rule, f.severity) for f in c.findings]
        return extra
