"""The Ministry's list of institutions (resources/institutions): look a name up as reports write it.

A name is found as written, in traditional characters (the caller passes the simplified view),
with half-width brackets, as an old name (aliases.yaml ``renamed``), as a short name (``short``),
or as a college named without its parent university when the list has exactly one such college.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

import yaml

from xxgk_desk.core.resources import resource

_BRACKETS = str.maketrans({"(": "（", ")": "）", " ": None, "\u3000": None})


def norm(name: str) -> str:
    """The form names are compared in: full-width brackets, no spaces."""
    return name.translate(_BRACKETS)


@dataclass(frozen=True, slots=True)
class Institution:
    code: str
    name: str
    authority: str
    province: str
    city: str
    level: str
    remark: str
    kind: str  # 普通高校 / 成人高校


@dataclass(frozen=True, slots=True)
class Match:
    """A name as written and the list entry it stands for."""

    written: str
    record: Institution
    how: str  # exact / brackets / college / short / renamed
    note: str = ""

    @property
    def renamed(self) -> bool:
        return self.how == "renamed"


@dataclass(frozen=True)
class Registry:
    edition: str
    title: str
    source: str
    by_name: dict[str, tuple[Institution, str, str]]  # normalised name → (record, how, note)
    names: tuple[str, ...]  # official names, for suggestions
    max_len: int

    def lookup(self, name: str) -> Match | None:
        hit = self.by_name.get(norm(name))
        if hit is None:
            return None
        record, how, note = hit
        if how == "exact" and name != record.name:
            how = "brackets"
        return Match(name, record, how, note)

    def suggest(self, name: str) -> str | None:
        """The official name closest to an unlisted one (a typo, a renamed school), if clearly close."""
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # pragma: no cover - rapidfuzz is a dependency
            return None
        best = process.extractOne(norm(name), self.names, scorer=fuzz.ratio, score_cutoff=80)
        return best[0] if best else None


def _read_list(folder) -> tuple[dict, list[Institution]]:
    meta = yaml.safe_load((folder / "list.yaml").read_text(encoding="utf-8")) or {}
    records: list[Institution] = []
    for entry in meta.get("files", []):
        with open(folder / entry["file"], encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                records.append(
                    Institution(
                        row["code"].strip(),
                        row["name"].strip(),
                        row.get("authority", "").strip(),
                        row.get("province", "").strip(),
                        row.get("city", "").strip(),
                        row.get("level", "").strip(),
                        row.get("remark", "").strip(),
                        str(entry.get("kind", "")),
                    )
                )
    return meta, records


@cache
def registry() -> Registry:
    """The shipped list (read once). An unreadable list gives an empty registry, never an error."""
    folder = resource("institutions")
    try:
        meta, records = _read_list(folder)
        aliases = yaml.safe_load((folder / "aliases.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, KeyError, yaml.YAMLError, csv.Error):
        return Registry("", "", "", {}, (), 0)
    by_name: dict[str, tuple[Institution, str, str]] = {}
    official = {r.name: r for r in records}
    for r in records:
        by_name.setdefault(norm(r.name), (r, "exact", ""))
    # a college of a parent university named alone: 集美大学诚毅学院 → 诚毅学院 (only when unique)
    colleges: dict[str, list[Institution]] = {}
    for r in records:
        for i in range(2, len(r.name) - 2):
            parent, rest = r.name[:i], r.name[i:]
            if (
                parent in official
                and parent.endswith("大学")
                and rest.endswith(("学院", "分校"))
                and len(rest) >= 4
            ):
                colleges.setdefault(norm(rest), []).append(r)
    for alone, rs in colleges.items():
        if len(rs) == 1 and alone not in by_name:
            by_name[alone] = (rs[0], "college", rs[0].name)
    for a in aliases.get("short", []) or []:
        listed = official.get(str(a.get("name", "")))
        if listed is not None:
            by_name.setdefault(norm(str(a["short"])), (listed, "short", ""))
    for a in aliases.get("renamed", []) or []:
        listed = official.get(str(a.get("new", "")))
        if listed is not None:
            by_name.setdefault(norm(str(a["old"])), (listed, "renamed", str(a.get("note", ""))))
    return Registry(
        str(meta.get("edition", "")),
        str(meta.get("title", "")),
        str(meta.get("source", "")),
        by_name,
        tuple(official),
        max((len(k) for k in by_name), default=0),
    )
