"""``xxgk-desk check``: read and check report files; JSON lines or a readable Chinese summary."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from xxgk_desk.core.errors import one_line
from xxgk_desk.core.pipeline import Analysis, check, to_json
from xxgk_desk.core.rules import RulesError, load_rules

SEVERITY_ORDER = ("error", "warning", "info")
STATUS_MARK = {"present": "✓", "merged": "◐", "missing": "✗"}


def add_rules_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rules",
        metavar="PARTS.yaml",
        type=Path,
        help="用另一份部分清单（与 resources/rules/parts.yaml 同格式）代替标准的九个部分",
    )


def rules_from(args: argparse.Namespace):
    """The rule set the command should use (the shipped one unless --rules names a parts file)."""
    if getattr(args, "rules", None):
        return load_rules(parts_file=args.rules)
    return load_rules()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="读取并检查报告（--json 输出每个文件一行 JSON）")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON 对象")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="扫描页文字识别")
    add_rules_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        rules = rules_from(args)
    except RulesError as e:
        print(f"错误：规则文件有误：{one_line(str(e))}", file=sys.stderr)
        return 2
    status = 0
    try:
        for path in args.files:
            result = check(path, ocr=args.ocr, rules=rules)
            if result.error:
                status = 1
            if args.json:
                print(json.dumps(to_json(result), ensure_ascii=False), flush=True)
            else:
                print_summary(result, rules)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (``… | head``): stop quietly
        silence_stdout()
        return 0
    return status


def silence_stdout() -> None:
    """After a broken pipe: point stdout at the null device, so that Python's own flush at
    exit finds nowhere to fail (else it prints "Exception ignored … BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (captured by a test, replaced)
        pass


def print_summary(result: Analysis, rules, out=None) -> None:
    """A readable Chinese summary for a person at a terminal (``out``: default the current sys.stdout)."""
    w = (out or sys.stdout).write
    w(f"文件：{result.path}\n")
    if result.error:
        w(f"  错误：{result.error}\n\n")
        return
    doc, review = result.document, result.review
    assert doc is not None and review is not None
    f = review.fields
    w(f"  学校：{f['institution'].value or '（未识别）'}　标题年度：{f['title_year'].value or '—'}\n")
    if review.institution and review.institution.get("name"):
        w(f"  名单核对：{review.institution['summary']}\n")  # official name, code, province, level
    period = (
        f"{f['period_start'].value} 至 {f['period_end'].value}" if f["period_start"].value else "（未写明）"
    )
    w(f"  统计期限：{period}　落款日期：{f['report_date'].value or '（无）'}\n")
    page = [(label, v) for label, v in (("发布时间", f["publication_date"].value if "publication_date" in f else None),
            ("来源", f["page_source"].value if "page_source" in f else None),
            ("网址", doc.fact("page_url").value if doc.fact("page_url") else None)) if v]  # fmt: skip
    if page:  # what the web page says about the report
        w("  网页：" + "　".join(f"{label}：{v}" for label, v in page) + "\n")
    pages = doc.page_count if doc.paginated else "文件未记录分页"
    w(f"  类型：{doc.kind.upper()}　页数：{pages}　字数：{len(doc.text)}")
    if doc.image_pages:
        w(f"　扫描页：{', '.join(map(str, doc.image_pages))}")
    w("\n\n  标准部分：\n")
    for p in review.standard_parts:
        label = rules.vocabulary.get("part_statuses", p.status).short_label
        w(f"    {STATUS_MARK[p.status]} {p.name}（{label}）\n")
    w("\n  核心数据：\n")
    for fig in rules.figures:
        fv = f.get(fig.key)
        if fv is None or fig.kind in ("text", "year", "date"):
            continue
        value = "未说明" if fv.value is None else f"{fv.value}{fig.unit or ''}"
        number = doc.page_at(fv.start) if fv.start is not None else None
        page = f"（第{number}页）" if number is not None else ""
        w(f"    {fig.label}：{value}{page}\n")
    s = review.score
    parts = "，".join(f"{rules.score.component(k).name} {v:g}" for k, v in s.components.items())
    w(f"\n  完整性得分：{s.total:g}／100（{parts}）\n")
    for sev in SEVERITY_ORDER:
        items = [x for x in review.findings if x.severity == sev]
        if not items:
            continue
        w(f"\n  {rules.vocabulary.label('severities', sev)}（{len(items)}）：\n")
        for x in items:
            where = f"［第{doc.page_at(x.start)}页］" if x.start is not None else ""
            w(f"    · {x.message}{where}\n")
    if not review.findings:
        w("\n  未发现问题。\n")
    w("\n")
