"""``xxgk-desk batch``: check a folder of reports on all cores and write the summary.

::

    xxgk-desk batch DIR... -o summary.xlsx [--csv overview.csv] [--jobs N] [--json]
                    [--db PATH] [--merge review1.json ...] [--workspace NAME] [--force]
                    [--notice 通报.docx [--province 省份] [--year 2024]] [--letters DIR] [--with-findings]

Files already checked (same SHA-256, same program and rules) are not read again; results,
reviews and notes live in the review database (``--db``, default as for ``notes``). With
``--merge`` the reviewers' review files are imported first, so the summary carries their
states, conclusions and notes. Progress goes to stderr; ``--json`` prints one JSON object per
file (the ``check --json`` object plus ``overview``). ``--notice`` writes the province's circular
(通报) and ``--letters`` every institution's letter (审核意见) into a folder, both with the
department's settings stored in the database. Exit status 1 if a file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from xxgk_desk.core.errors import one_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="批量检查一个文件夹的报告并导出汇总表（XLSX/CSV）",
        description="批量检查报告（多进程并行），导出汇总表：概览、问题与批注、覆盖情况、年度比较。",
    )
    p.add_argument("paths", nargs="+", metavar="DIR_OR_FILE", help="文件夹（含子文件夹）或报告文件")
    p.add_argument("-o", "--output", metavar="SUMMARY.xlsx", help="汇总表（XLSX）")
    p.add_argument("--csv", metavar="OVERVIEW.csv", help="概览表另存为 CSV（UTF-8 带 BOM）")
    p.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="并行进程数（默认为 CPU 核数；0 表示在本进程中逐个检查）"
    )
    p.add_argument(
        "--json", action="store_true", help="每个文件输出一行 JSON（check --json 的内容加 overview）"
    )
    p.add_argument("--db", metavar="PATH", help="审核数据库文件（默认见 docs/store.md）")
    p.add_argument(
        "--merge",
        nargs="+",
        metavar="REVIEW.json",
        default=[],
        help="先导入这些审核文件并合并（写在文件夹之后）",
    )
    p.add_argument("--workspace", default="batch", metavar="NAME", help="工作区名称（默认 batch）")
    p.add_argument("--force", action="store_true", help="即使文件未变也重新检查")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="扫描页文字识别")
    p.add_argument("--reviewer", help="导入审核文件时记录的审核人（默认 $XXGK_DESK_REVIEWER 或登录名）")
    p.add_argument(
        "--notice",
        metavar="通报.docx",
        help="写出全省审核情况通报（.docx，或 .pdf/.md/.txt）；发文机关等取自审核数据库中的审核单位设置",
    )
    p.add_argument(
        "--province",
        metavar="省份",
        help="通报和汇总表“图表”页的省份（如“湖北省”；默认为报告所属学校最多的省份，按教育部高校名单）",
    )
    p.add_argument(
        "--year",
        type=int,
        metavar="年份",
        help="通报和“图表”页的年度（学年结束的年份；默认为报告中最多的年度）",
    )
    p.add_argument("--letters", metavar="文件夹", help="把每所学校的审核意见（DOCX）写入这个文件夹")
    p.add_argument(
        "--with-findings",
        action="store_true",
        help="通报和审核意见中计入尚未审核报告的自动检查结果（审核意见中标为“系统预审”）",
    )
    from xxgk_desk.commands.check import add_rules_option

    add_rules_option(p)
    p.set_defaults(func=run)


class _Status:
    """Progress on stderr: one self-updating line on a terminal, a line every few seconds otherwise."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tty = out.isatty()
        self.last = 0.0
        self.width = 0

    def __call__(self, p: Any) -> None:
        now = time.monotonic()
        if self.tty:
            bar = "#" * int(p.fraction * 20)
            line = f"\r[{bar:<20}] {p.text()}"
            self.out.write(line + " " * max(0, self.width - len(line)))
            self.width = len(line)
            self.out.flush()
        elif now - self.last >= 5 or p.done == p.total:
            self.last = now
            print(p.text(), file=self.out, flush=True)

    def failure(self, path: str, message: str) -> None:
        self.end()
        print(f"无法读取：{path}：{one_line(message)}", file=self.out, flush=True)

    def end(self) -> None:
        if self.tty and self.width:
            self.out.write("\n")
            self.out.flush()
            self.width = 0


def overview_json(row: Any, ws: Any, previous: Any = None) -> dict[str, Any]:
    """The overview fields of one row for ``--json`` (machine-readable ids, not labels)."""
    return {
        "document_id": row.document_id,
        "institution": row.institution,
        "year": row.year,
        "period_start": row.period_start,
        "period_end": row.period_end,
        "pages": row.pages,
        "parts": dict(zip(row.part_keys, row.parts, strict=False)),
        "findings": dict(zip(("error", "warning", "info"), row.findings, strict=True)),
        "rules": sorted(row.rules),
        "score": row.score,
        "state": row.state,
        "conclusion": row.conclusion,
        "reviewer": row.reviewer,
        "last_change": row.last_change,
        "notes": row.notes,
        "versions": row.versions,
        "categories": {
            c.number: list(v) for c, v in zip(ws.rules.checklist.categories, row.categories, strict=False)
        },
        "year_over_year": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "start": f.start,
                "end": f.end,
                "quote": f.quote,
                "part": f.part,
                "key": f.key,
            }  # fmt: skip
            for f in ws.findings(row, previous=previous)
            if f.source == "year_over_year"
        ]
        if row.checked
        else [],
    }


def run(args: argparse.Namespace) -> int:
    from xxgk_desk.core.batch import Workspace, scan
    from xxgk_desk.core.export.errors import ExportError
    from xxgk_desk.core.rules import RulesError
    from xxgk_desk.core.store import Store, StoreError

    status = _Status(sys.stderr)
    if args.jobs is not None and args.jobs < 0:
        print("错误：--jobs 不能为负数。", file=sys.stderr)
        return 2
    if not (args.output or args.csv or args.json or args.notice or args.letters):
        print("提示：未指定 -o/--csv/--json/--notice/--letters，只在终端显示概览。", file=sys.stderr)
    try:
        store = Store(args.db, reviewer=args.reviewer)
    except StoreError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    try:
        try:
            ws = Workspace(store, args.workspace, ocr=args.ocr, parts_file=args.rules)
        except RulesError as e:
            print(f"错误：规则文件有误：{one_line(str(e))}", file=sys.stderr)
            return 2
        merged: list[str] = []
        for f in args.merge:
            try:
                rep = ws.merge_reviews([f])[0]
            except (StoreError, OSError) as e:
                print(
                    f"错误：无法导入审核文件 {f}：{one_line(getattr(e, 'message', str(e)))}", file=sys.stderr
                )
                return 1
            merged += rep.document_ids
            print(f"已导入 {f}：{len(rep.document_ids)} 份报告，冲突 {rep.conflicts} 处。", file=sys.stderr)
        files = [str(Path(p).resolve()) for p in scan(args.paths)]
        from xxgk_desk.core.atomic import OutputError, refuse_inputs

        try:
            for out in (args.output, args.csv, args.notice):
                if out:
                    refuse_inputs(out, [*files, *args.merge, store.path])
        except OutputError as e:
            print(f"错误：{e.message}", file=sys.stderr)
            return 2
        if not files and not merged:
            print("错误：没有找到报告文件（支持 PDF、DOCX、DOC、WPS、TXT）。", file=sys.stderr)
            return 1
        failures: dict[str, dict[str, Any]] = {}

        def on_result(res: Any, _row: Any) -> None:
            if not res.ok:
                failures[res.path] = res.data
                status.failure(res.path, res.error or "")

        report = ws.add(files, jobs=args.jobs, on_progress=status, on_result=on_result,
                        force=args.force, replace=True)  # fmt: skip
        status.end()
        print(report.text(), file=sys.stderr)
        rows = ws.rows(documents=merged)
        if args.json:
            _print_json(ws, rows, files, failures)
        if args.output or args.csv:
            from xxgk_desk.core.export.summary import write_summary, write_summary_csv

            try:
                if args.output:
                    out = write_summary(
                        args.output, ws, rows, csv_path=args.csv, province=args.province, year=args.year
                    )
                    print(f"汇总表已写入：{out}", file=sys.stderr)
                else:
                    write_summary_csv(args.csv, ws, rows)
                if args.csv:
                    print(f"概览 CSV 已写入：{args.csv}", file=sys.stderr)
            except ExportError as e:
                print(f"错误：{e.message}", file=sys.stderr)
                return 1
        if args.notice or args.letters:
            code = _documents(args, ws, rows, status)
            if code:
                return code
        if not (args.output or args.csv or args.json or args.notice or args.letters):
            _print_table(ws, rows)
        from xxgk_desk.commands.notes import report_problems

        report_problems(store)
        return 1 if report.failed else 0
    except StoreError as e:
        status.end()
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _documents(args: argparse.Namespace, ws: Any, rows: list[Any], status: _Status) -> int:
    """``--notice`` and ``--letters``: the 通报 and every letter, with the database's settings."""
    from xxgk_desk.core.export import letter_settings, write_letters
    from xxgk_desk.core.export.chart_png import cjk_font
    from xxgk_desk.core.export.errors import ExportError
    from xxgk_desk.core.export.notice_blocks import write_notice
    from xxgk_desk.core.export.notice_model import collect_notice

    settings = letter_settings.read(ws.store)
    try:
        if args.notice:
            notice = collect_notice(ws, rows, province=args.province, year=args.year, settings=settings,
                                    include_automatic=args.with_findings)  # fmt: skip
            if not notice.listed:
                where = f"“{args.province}”" if args.province else "报告所属学校"
                print(
                    f"错误：教育部高校名单中找不到{where}所在省份的高校，请用 --province 指定省份。",
                    file=sys.stderr,
                )
                return 2
            out = write_notice(notice, args.notice, rules=ws.rules)
            print(
                f"通报已写入：{out}（{notice.province}{notice.school_year}：名单内{notice.listed}所，"
                f"收到{notice.received}所，未报送{len(notice.missing)}所）",
                file=sys.stderr,
            )
            if out.suffix.lower() in (".docx", ".pdf") and cjk_font() is None:
                print(
                    "提示：本机未找到中文字体，通报中未附统计图（可安装 fonts-wqy-microhei）。",
                    file=sys.stderr,
                )
        if args.letters:

            def progress(done: int, total: int, text: str) -> None:
                status(_LetterProgress(done, total, text))

            report = write_letters(ws, rows, args.letters, settings=settings, include_automatic=args.with_findings,
                                   progress=progress)  # fmt: skip
            status.end()
            for name, why in report.failed:
                print(f"未能写出审核意见：{name}：{one_line(why)}", file=sys.stderr)
            print(f"{report.text()}文件夹：{args.letters}", file=sys.stderr)
    except ExportError as e:
        status.end()
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    return 0


class _LetterProgress:
    """The shape :class:`_Status` shows (done, total, fraction, text())."""

    def __init__(self, done: int, total: int, text: str) -> None:
        self.done, self.total, self._text = done, total, text
        self.fraction = done / total if total else 1.0

    def text(self) -> str:
        return self._text


def _print_json(ws: Any, rows: list[Any], files: list[str], failures: dict[str, dict[str, Any]]) -> None:
    by_sha = {r.sha256: r for r in rows if r.sha256}
    by_doc = {r.document_id: r for r in rows if r.document_id}
    shas = {f["path"]: f["file_sha256"] for f in ws.files()}
    previous = {p.newer.key: p.older for p in ws.pairs_by_institution(rows)}
    for path in files:
        sha = shas.get(path)
        data = ws.summary(sha) if sha else None
        if data is None:
            data = failures.get(path) or {"file": path, "error": "未检查。"}
            row = next((r for r in rows if r.path == path), None)
        else:
            data["file"] = path
            row = by_sha.get(sha) or by_doc.get(ws.store.find_document(sha))
        if row is not None:
            data["overview"] = overview_json(row, ws, previous.get(row.key))
        print(json.dumps(data, ensure_ascii=False), flush=True)


def _print_table(ws: Any, rows: list[Any]) -> None:
    from xxgk_desk.core.batch import PART_MARK, sort_rows

    for r in sort_rows(rows, "institution"):
        if r.error:
            print(f"✗ {Path(r.path).name}：{r.error}")
            continue
        marks = "".join(PART_MARK.get(s, "·") for s in r.parts)
        score = f"{r.score:g}" if r.score is not None else "—"
        print(f"{r.label}　{marks}　严重{r.errors} 警告{r.warnings} 提示{r.infos}　得分 {score}")
