"""Build a realistic review of the project's sample report in a fresh database and export its memo.

    python tools/demo_memo.py [OUTDIR] [--pdf] [--png] [--with-context] [--include-dismissed]

Writes OUTDIR/审核意见.docx, .md, 批注.xlsx, 批注.csv and 批注.jsonld (default OUTDIR: out/demo-memo);
``--pdf`` also converts the DOCX with LibreOffice, ``--png`` renders every page at 60 dpi with
pdftoppm so the layout can be looked at (the quality step of the memo exporter). The review:
notes of several categories and severities (one with a reply, one resolved, one about the
whole report, a highlight, a long quote), one finding accepted and one dismissed, a corrected
field, a conclusion and recommendations.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xxgk_desk.core import export  # noqa: E402
from xxgk_desk.core.pipeline import check  # noqa: E402
from xxgk_desk.core.store import Store  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "sample-report.docx"
RECOMMENDATIONS = """1. 核实依申请公开数据：受理12件与予以公开7件、部分公开2件、不予公开2件合计不符，请说明差额1件的办理结果并更正。
2. 替换概述部分“XX处”等模板占位内容，写明实际部门名称。
3. 更正《高等学校信息公开事项清单》通知的文号为“教办函〔2014〕23号”。
4. 在评议部分补充问卷调查的组织方式和样本构成，便于评估满意度数据的代表性。"""


def span(doc, quote: str) -> tuple[int, int]:
    i = doc.text.index(quote)
    return i, i + len(quote)


def build_review(store: Store, doc, review) -> None:
    """A reviewer's work on the sample: notes, a reply, decisions, a field, the conclusion."""
    store.register_version(doc, "楚澜理工学院", 2024)
    by_rule = {f.rule: f for f in review.findings}

    f = by_rule["sum_mismatch"]
    store.accept_finding(
        doc,
        f.key,
        start=f.start,
        end=f.end,
        body="受理总数12件，分项合计11件，相差1件，请核实并说明该件申请的办理结果。",
        category="data_error",
        severity="error",
        part="on_request",
    )
    f = by_rule["checklist_gap"]
    store.dismiss_finding(
        doc, f.key, "第16项在信息公开网“财务信息”栏目下可查，附表缺链接不影响公开效果，本次不作要求。"
    )

    s, e = span(doc, "党政办公室、XX处、党委宣传部")
    store.add_note(
        doc, s, e, body="“XX处”为模板占位内容，应写明实际部门名称。", category="wording", severity="error"
    )
    s, e = span(doc, "师生员工对学校信息公开工作的满意度为96.8%")
    ch = store.add_note(
        doc,
        s,
        e,
        body="满意度数据未说明问卷的组织方式和样本构成，难以判断其代表性。",
        category="missing",
        severity="warning",
    )
    store.reply(ch.id, "同意。建议学校补充问卷发放对象、方式和有效样本构成。", reviewer="李复核")
    s, e = span(doc, "2024年10月28日")
    ch = store.add_note(
        doc,
        s,
        e,
        body="落款日期为10月28日，在10月31日前发布，符合时限要求。",
        category="timeliness",
        severity="info",
    )
    store.set_note_status(ch.id, "resolved")
    s, e = span(doc, "教办厅函〔2014〕23号")
    store.add_note(
        doc, s, e, body="文号有误，应为“教办函〔2014〕23号”。", category="wording", severity="warning"
    )
    long_quote = "招生信息方面，学校在招生信息网公开2024年本科招生章程和分省分专业招生计划"
    start = doc.text.index(long_quote)
    end = doc.text.index("2024年拟录取硕士研究生386人") + len("2024年拟录取硕士研究生386人")
    store.add_note(
        doc,
        start,
        end,
        body="重点领域信息公开情况只列举了招生信息，建议按招生、财务、人事等领域分别说明公开的数量和渠道。",
        category="other",
        severity="info",
    )
    s, e = span(doc, "学校为每项清单事项建立电子档案")
    store.add_note(
        doc, s, e, body="清单事项“一项一档”做法便于追溯，值得推广。", category="highlight", severity="info"
    )
    store.add_note(
        doc,
        body="报告结构完整，九个部分齐全，清单附表逐项列明公开情况；个别数据和文号需更正。",
        category="other",
        severity="info",
    )
    store.set_field(doc, "active_total", value=2168, extracted=2186)
    store.set_field(doc, "requests_received", value=12, extracted=12)
    store.set_review(doc, state="done", conclusion="basic_pass", summary=RECOMMENDATIONS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?", default=str(ROOT / "out" / "demo-memo"))
    ap.add_argument("--pdf", action="store_true", help="also convert the DOCX to PDF with LibreOffice")
    ap.add_argument("--png", action="store_true", help="also render the PDF pages to PNG (implies --pdf)")
    ap.add_argument("--with-context", action="store_true")
    ap.add_argument("--include-dismissed", action="store_true")
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    result = check(SAMPLE)
    doc, review = result.document, result.review
    assert doc is not None and review is not None
    with (
        tempfile.TemporaryDirectory(prefix="xxgk-demo-") as tmp,
        Store(Path(tmp) / "r.sqlite3", reviewer="王审核") as store,
    ):
        build_review(store, doc, review)
        memo = export.collect_memo(
            doc,
            result.sections,
            review,
            store,
            with_context=args.with_context,
            include_dismissed=args.include_dismissed,
            addressee="楚澜理工学院",
        )
        docx = export.write_memo(memo, out / "审核意见.docx")
        export.write_memo(memo, out / "审核意见.md")
        for name in ("批注.xlsx", "批注.csv", "批注.jsonld"):
            export.write_notes(out / name, doc, result.sections, review, store)
    print(f"memo: {docx}  ({len(memo.issues)} issues, conclusion {memo.conclusion_label})")
    if args.pdf or args.png:
        pdf = export.docx_to_pdf(docx, out / "审核意见.pdf")
        print(f"pdf: {pdf}")
        if args.png:
            if not shutil.which("pdftoppm"):
                print("pdftoppm not found (poppler-utils)", file=sys.stderr)
                return 1
            for old in out.glob("page-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "page")], check=True)
            print("pages:", " ".join(sorted(p.name for p in out.glob("page-*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
