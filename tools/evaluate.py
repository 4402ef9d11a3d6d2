"""Compare the engine's output on a folder of documents with truth files; print per-rule recall and precision,
field accuracy, section F1, standard-part accuracy and sum-check agreement.

    python tools/evaluate.py                      # the shared seeds in every format, plus tests/corpus
    python tools/evaluate.py DIR [DIR ...] --truth TRUTHDIR [--json] [--verbose]

A document is paired with the truth file whose name (without ``.truth.json``) is the longest prefix of the
document's name: ``seed-002-bold.pdf`` → ``seed-002.truth.json``. Quotes are compared with whitespace removed;
a finding matches a truth defect of the same rule when one quote contains the other or their spans overlap.
Info-level findings are listed but not counted against precision.

Conventions beyond the truth files themselves:
- a truth file that never names a figure (no label of it among ``figures`` or ``figures_absent``) or never
  records the two 评议 groups separately does not assess it: figure_missing / evaluation-group findings about it
  are counted as "not assessed" (listed, neither right nor wrong);
- parts missing after a cut are not wanted as missing_part / annex_missing when the engine's truncated finding
  names them (``cut_parts``): the cut says once that they cannot be judged;
- a wanted finding whose rule does not apply to the report's period (``valid_from``/``valid_to`` in rules.yaml)
  is not wanted;
- institution: the field value against ``institution`` and the official match (``institution`` key of the JSON)
  against ``institution_official`` (name and code; null when the name is not in the list).

    python tools/evaluate.py --match '^u'         # only the truth files whose name matches (here: the unseen set)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xxgk_desk.core.engine.findings.wording import WORDING_RULES  # noqa: E402
from xxgk_desk.core.pipeline import check, to_json  # noqa: E402
from xxgk_desk.core.rules import load_rules  # noqa: E402

KIND_TO_RULE = {
    "placeholder": "placeholder", "sum_mismatch": "sum_mismatch", "personal_mobile": "personal_data",
    "personal_qq_email": "personal_data", "web_footer": "foreign_text", "report_date_after_oct31": "late_report",
    "referenced_appendix_absent": "annex_missing", "truncated_ending": "truncated",
    "missing_report_date": "report_date_missing", "no_period_stated": "period_missing",
    "not_annual_report_format": "not_annual_report", "period_contradicts_title_year": "period_mismatch",
    "word_artefact": "conversion_artefact",
}  # fmt: skip
FIELDS = ("institution", "title_year", "period_start", "period_end", "report_date")
DOC_EXT = {".txt", ".docx", ".pdf", ".doc"}
DOC_LEVEL = {"not_annual_report", "gov_template", "period_missing", "report_date_missing"}


def squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def pairs(dirs: list[Path], truth_dirs: list[Path]) -> list[tuple[Path, Path]]:
    truths = {p.name[: -len(".truth.json")]: p for d in truth_dirs for p in d.glob("*.truth.json")}
    out = []
    for d in dirs:
        for doc in sorted(d.iterdir()):
            if doc.suffix.lower() not in DOC_EXT or "scanned" in doc.name or "radicals" in doc.name:
                continue
            match = max(
                (k for k in truths if doc.stem == k or doc.stem.startswith(k + "-")), key=len, default=None
            )
            if match:
                out.append((doc, truths[match]))
    return out


def _applies(rules, rule_id: str, truth: dict) -> bool:
    """False when the rule's dates (valid_from/valid_to) exclude the report's period."""
    try:
        rule = rules.rule(rule_id)
    except KeyError:
        return True
    start, end = truth.get("period_start"), truth.get("period_end")
    vf, vt = getattr(rule, "valid_from", None), getattr(rule, "valid_to", None)
    if vf and end and end < str(vf):
        return False  # the period ended before the rule came into force
    if vt and start and start > str(vt):
        return False
    return True


def assesses(truth: dict, finding: dict, rules) -> bool:
    """Whether the truth file's scheme records what ``finding`` is about (see the module docstring)."""
    labels = {f["label"] for f in truth.get("figures", [])} | set(truth.get("figures_absent", []))
    if finding["rule"] == "figure_missing":
        key = finding.get("_figure")
        return key is None or any((f := rules.figure_named(lab)) and f.key == key for lab in labels)
    if (
        finding["rule"] == "missing_part"
        and finding.get("part") == "evaluation"
        and finding["start"] is not None
    ):
        groups = any(lab.startswith("满意度-") for lab in labels)
        quoted = any(d["kind"] == "missing_part" for d in truth.get("defects", []))
        return groups or quoted
    return True


def truth_defects(truth: dict, rules) -> list[dict]:
    """Truth defects as {rule, quote, part}; missing parts become missing_part / annex_missing."""
    out = []
    for d in truth.get("defects", []):
        rule = KIND_TO_RULE.get(d["kind"], d["kind"])
        out.append({"rule": rule, "quote": d.get("quote"), "part": None})
    has_annex_defect = any(d["rule"] == "annex_missing" for d in out)
    for name in truth.get("standard_parts_missing", []):
        keys = [p.key for p in rules.parts_for_heading(name)]
        if not keys:
            continue
        if keys[0] == "annex":
            if not has_annex_defect:
                out.append({"rule": "annex_missing", "quote": None, "part": "annex"})
        else:
            out.append({"rule": "missing_part", "quote": None, "part": keys[0]})
    present = {p.key for n in truth.get("standard_parts_present", []) for p in rules.parts_for_heading(n)}
    zero = {
        f.key
        for t in truth.get("figures", [])
        if t.get("value") == 0 and (f := rules.figure_named(t["label"]))
    }
    for label in truth.get("figures_absent", []):
        fig = rules.figure_named(label)
        if fig and fig.core and (fig.part in present or fig.part is None) and fig.depends_on not in zero:
            out.append({"rule": "figure_missing", "quote": None, "part": fig.key})
    start = truth.get("period_start") or ""
    if start.endswith("-01-01") and not any(d["rule"] == "period_calendar_year" for d in out):
        out.append(
            {"rule": "period_calendar_year", "quote": None, "part": None}
        )  # the truth README expects it
    return [d for d in out if _applies(rules, d["rule"], truth)]


def matches(pred: dict, want: dict, text: str) -> bool:
    if pred["rule"] != want["rule"]:
        return False
    if want["rule"] == "missing_part" and want["part"]:
        return pred.get("part") == want["part"] and pred["start"] is None
    if want["rule"] == "figure_missing":
        return want["part"] in pred["message"] or pred.get("_figure") == want["part"]
    if want["quote"] is None or want["rule"] in DOC_LEVEL:
        return True
    a, b = squash(pred.get("quote")), squash(want["quote"])
    if a and b and (a in b or b in a):
        return True
    if pred["start"] is not None:
        pos = squash(text).find(b)
        if pos >= 0:
            s = len(squash(text[: pred["start"]]))
            e = len(squash(text[: pred["end"]]))
            return s < pos + len(b) and pos < e
    return False


def evaluate(pairs_: list[tuple[Path, Path]], verbose: bool = False) -> dict:
    rules = load_rules()
    inst = {"name": 0, "official": 0, "total": 0}
    unassessed: list[str] = []
    per_rule = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    field_hits = field_total = 0
    sec = {"tp": 0, "fp": 0, "fn": 0}
    part_hits = part_total = 0
    sum_hits = sum_total = sum_pred = 0
    misses, extras, infos = [], [], []
    for doc, tpath in pairs_:
        truth = json.loads(tpath.read_text(encoding="utf-8"))
        result = check(str(doc))
        if result.error:
            print(f"{doc.name}: {result.error}", file=sys.stderr)
            continue
        text = result.document.text
        out = to_json(result)
        label = doc.name
        # fields
        for key in FIELDS:
            field_total += 1
            got = out["fields"][key]["value"]
            ok = (
                (squash(str(got)) == squash(str(truth.get(key))))
                if got is not None
                else truth.get(key) is None
            )
            field_hits += ok
            if not ok and verbose:
                print(f"  field {label} {key}: got {got!r} want {truth.get(key)!r}")
        # institution: the name and its official match
        inst["total"] += 1
        name_ok = squash(str(out["fields"]["institution"]["value"])) == squash(str(truth.get("institution")))
        want_off = truth.get("institution_official")
        got_off = out.get("institution") or {}
        got_code = got_off.get("code") if got_off.get("listed") or got_off.get("renamed") else None
        off_ok = "institution_official" not in truth or (want_off or {}).get("code") == got_code
        inst["name"] += name_ok
        inst["official"] += name_ok and off_ok
        if verbose and not (name_ok and off_ok):
            print(
                f"  institution {label}: got {out['fields']['institution']['value']!r} {got_code!r} "
                f"want {truth.get('institution')!r} {(want_off or {}).get('code')!r}"
            )
        wanted_values: dict[str, list] = defaultdict(list)
        for fig in truth.get("figures", []):
            spec = rules.figure_named(fig["label"])
            if spec is None or not fig.get("core") or spec.key not in out["fields"]:
                continue
            if spec.key == "active_total" and fig["label"] != "主动公开总数":
                continue
            wanted_values[spec.key].append(fig["value"])
        for (
            key,
            values,
        ) in wanted_values.items():  # a field stated twice (满意度 of two groups): either counts
            field_total += 1
            got = out["fields"][key]["value"]
            ok = got is not None and any(v is not None and float(got) == float(v) for v in values)
            field_hits += ok
            if not ok and verbose:
                print(f"  field {label} {key}: got {got!r} want {values!r}")
        for absent in truth.get("figures_absent", []):
            spec = rules.figure_named(absent)
            if spec and spec.key in out["fields"] and spec.key not in wanted_values:
                field_total += 1
                ok = out["fields"][spec.key]["value"] is None
                field_hits += ok
                if not ok and verbose:
                    print(f"  field {label} {spec.key}: got {out['fields'][spec.key]['value']!r} want absent")
        # sections (levels 1 and 2)
        want = {(s["level"], squash(s["title"])) for s in truth["sections"] if s["level"] in (1, 2)}
        got = {(s["level"], squash(s["title"])) for s in out["sections"] if s["level"] in (1, 2)}
        sec["tp"] += len(want & got)
        sec["fp"] += len(got - want)
        sec["fn"] += len(want - got)
        # parts
        present = {
            p.key for n in truth.get("standard_parts_present", []) for p in rules.parts_for_heading(n)[:1]
        }
        for p in out["standard_parts"]:
            part_total += 1
            part_hits += (p["status"] != "missing") == (p["key"] in present)
            if verbose and (p["status"] != "missing") != (p["key"] in present):
                print(f"  part {label} {p['key']}: got {p['status']}")
        # sums
        sum_pred += len(out["sum_checks"])
        for s in truth.get("sum_checks", []):
            sum_total += 1
            sum_hits += any(
                g["total"] == s["total"] and g["adds_up"] == s["adds_up"] for g in out["sum_checks"]
            )
        # findings
        wanted = truth_defects(truth, rules)
        cut = {k for f in out["findings"] if f["rule"] == "truncated" for k in f.get("cut_parts") or []}
        wanted = [
            w for w in wanted if not (w["rule"] in ("missing_part", "annex_missing") and w["part"] in cut)
        ]
        preds = []
        for f in out["findings"]:
            f = dict(f)
            if f["rule"] == "figure_missing":
                spec = next((x for x in rules.core_figures if x.label in f["message"]), None)
                f["_figure"] = spec.key if spec else None
            preds.append(f)
        used = set()
        for w in wanted:
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(p, w, text)), None)
            if hit is None:
                per_rule[w["rule"]]["fn"] += 1
                misses.append(f"{label}: {w['rule']} {w['quote'] or w['part'] or ''}")
            else:
                used.add(hit)
                per_rule[w["rule"]]["tp"] += 1
        for i, p in enumerate(preds):
            if i in used:
                continue
            if p["severity"] == "info":
                infos.append(f"{label}: {p['rule']} {p['quote'] or ''}"[:120])
                continue
            if not assesses(truth, p, rules):
                unassessed.append(f"{label}: {p['rule']} {squash(p['quote'])[:30]} — {p['message'][:50]}")
                continue
            if any(matches(p, w, text) for w in wanted):
                continue  # a second finding on an already-matched defect (e.g. a repeated quote)
            per_rule[p["rule"]]["fp"] += 1
            extras.append(
                f"{label}: {p['rule']} ({p['severity']}) {squash(p['quote'])[:50]} — {p['message'][:60]}"
            )
    wording = {r: per_rule.pop(r) for r in WORDING_RULES if r in per_rule}
    return {
        "wording": wording,
        "per_rule": dict(per_rule),
        "fields": (field_hits, field_total),
        "sections": sec,
        "parts": (part_hits, part_total),
        "sums": (sum_hits, sum_total, sum_pred),
        "misses": misses,
        "extras": extras,
        "infos": infos,
        "institution": inst,
        "unassessed": unassessed,
    }


def ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "—"


def rule_table(rows: list[tuple[str, dict]], indent: str, width: int, total: str) -> None:
    """Print one line per rule (tp, fp, fn, recall, precision), then the line of their sums."""

    def line(name: str, c: dict) -> None:
        print(f"{indent}{name:{width}} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} "
              f"{ratio(c['tp'], c['tp'] + c['fn']):>7} {ratio(c['tp'], c['tp'] + c['fp']):>9}")  # fmt: skip

    tot = {"tp": 0, "fp": 0, "fn": 0}
    for rule, c in rows:
        for k in tot:
            tot[k] += c[k]
        line(rule, c)
    line(total, tot)


def report(res: dict, n_docs: int) -> None:
    print(f"documents: {n_docs}")
    print(f"{'rule':24} {'tp':>4} {'fp':>4} {'fn':>4} {'recall':>7} {'precision':>9}")
    rule_table(sorted(res["per_rule"].items()), "", 24, "ALL")
    fh, ft = res["fields"]
    s = res["sections"]
    p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0
    r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 0
    print(f"field accuracy: {fh}/{ft} = {ratio(fh, ft)}")
    print(f"section F1 (levels 1–2): {2 * p * r / (p + r) if p + r else 0:.3f} (P {p:.3f}, R {r:.3f})")
    it = res["institution"]
    print(
        f"institution name: {it['name']}/{it['total']} = {ratio(it['name'], it['total'])}; "
        f"name and official match: {it['official']}/{it['total']} = {ratio(it['official'], it['total'])}"
    )
    ph, pt = res["parts"]
    print(f"standard parts present/missing agreement: {ph}/{pt} = {ratio(ph, pt)}")
    sh, st, sp = res["sums"]
    print(f"sum checks found with the right verdict: {sh}/{st}; sum checks reported: {sp}")
    print("\nwording checks (issue 20; not in the table above):")
    zero = {"tp": 0, "fp": 0, "fn": 0}
    rule_table([(r, res["wording"].get(r, zero)) for r in WORDING_RULES], "  ", 22, "wording ALL")
    if res["misses"]:
        print("\nmissed:")
        for m in res["misses"]:
            print("  " + m)
    if res["extras"]:
        print("\nnot in truth (warning/error):")
        for m in res["extras"]:
            print("  " + m)
    if res["unassessed"]:
        print(f"\nnot assessed by the truth file (not counted): {len(res['unassessed'])}")
        for m in res["unassessed"]:
            print("  " + m)
    if res["infos"]:
        print(f"\ninfo-level findings (not counted): {len(res['infos'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--truth", type=Path, action="append")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--match", help="only truth files whose name matches this regular expression")
    args = ap.parse_args(argv)
    shared = ROOT.parent / "shared" / "samples"
    dirs = args.dirs or [d for d in (shared, shared / "docs", ROOT / "tests" / "corpus") if d.is_dir()]
    truth_dirs = args.truth or [d for d in (shared / "truth", ROOT / "tests" / "corpus") if d.is_dir()]
    ps = pairs(dirs, truth_dirs)
    if args.match:
        ps = [(d, t) for d, t in ps if re.search(args.match, t.name)]
    res = evaluate(ps, verbose=args.verbose)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        report(res, len(ps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
