"""``xxgk-desk memo``: the letter a department sends a university (审核意见), or with ``--record``
the internal review record (审核记录), as DOCX, PDF, Markdown or text.

    memo FILE [-o OUT.docx] [--format docx|md|txt|pdf] [--db PATH] [--with-findings] [--no-annex]
         [--rules-appendix | --no-rules-appendix] [--number N] [--to 主送单位]
    memo FILE --record [--only-open] [--with-context] [--include-dismissed] [--no-undecided]
         [--no-checklist] [--reviewer NAME]

The letter carries only what the reviewer confirmed in the review database (open notes, accepted
findings, the conclusion) and the department's settings stored with it (File → 审核单位设置 in the
window); ``--with-findings`` adds the findings nobody decided (系统预审); ``--rules-appendix`` appends
审核规则说明 for the rules behind its problems (default: as the settings say). The record, with a database
that knows the report, carries the reviewer's notes, corrected fields, decisions and conclusion;
otherwise it is an automatic pre-review (自动预审). Also ``notes table FILE -o notes.xlsx|.csv|.jsonld``
(registered by commands/notes.py) writes the notes as a table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk_desk.core.errors import ReadError, one_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "memo",
        help="导出审核意见（发给学校的公文）或审核记录（--record，内部工作底稿）",
        description=(
            "导出一份报告的审核意见（公文格式，只写审核人员确认的问题和结论，发文机关等见“审核单位设置”）；"
            "加 --record 导出审核记录（内部工作底稿：报告要素、得分、全部问题及处理情况；无审核记录时为自动预审）。"
        ),
    )
    p.add_argument("file", metavar="FILE", help="报告文件（PDF/DOCX/DOC/TXT）")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="输出文件（默认：报告文件名-审核意见.docx；“-”输出到屏幕，仅限 md/txt）",
    )
    p.add_argument("--format", choices=("docx", "md", "txt", "pdf"), help="输出格式（默认按 -o 的扩展名）")
    p.add_argument(
        "--db", metavar="PATH", help="审核数据库文件（默认见 docs/store.md；不存在时生成自动预审意见）"
    )
    p.add_argument(
        "--record", action="store_true", help="导出审核记录（内部工作底稿），而不是发给学校的审核意见"
    )
    p.add_argument(
        "--with-findings",
        action="store_true",
        help="审核意见中一并列出尚未处理的自动检查结果（附件中标为“系统预审”）",
    )
    p.add_argument("--no-annex", action="store_true", help="审核意见不附问题清单")
    p.add_argument(
        "--rules-appendix",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="审核意见附“审核规则说明”（只列意见中问题涉及的规则：性质、依据、说明、整改建议）；"
        "不写时按审核单位设置",
    )
    p.add_argument("--number", metavar="N", help="发文字号中的序号（按审核单位设置的发文字号格式）")
    p.add_argument("--only-open", action="store_true", help="只列出待处理的批注（审核记录）")
    p.add_argument("--with-context", action="store_true", help="引文前后附上原文上下文（审核记录）")
    p.add_argument(
        "--include-dismissed", action="store_true", help="同时列出已驳回的自动检查结果及驳回理由（审核记录）"
    )
    p.add_argument(
        "--no-undecided", action="store_true", help="不列出审核人员尚未处理的自动检查结果（审核记录）"
    )
    p.add_argument("--no-checklist", action="store_true", help="不附清单事项覆盖情况表（审核记录）")
    p.add_argument("--reviewer", metavar="NAME", help="审核人（审核记录；默认取审核数据库中的审核人）")
    p.add_argument("--to", metavar="主送单位", help="主送单位（默认为学校在教育部名单上的正式名称）")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="扫描页文字识别")
    p.add_argument("--rules", metavar="PARTS.yaml", type=Path, help="另一份部分清单（同 check --rules）")
    p.set_defaults(func=run)


def add_table_parser(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    """``notes table``: the notes of one report as XLSX, CSV or W3C JSON (called by commands/notes.py)."""
    q = sub.add_parser("table", help="把一份报告的批注导出为表格（XLSX/CSV）或 W3C JSON", parents=parents)
    q.add_argument("file", metavar="FILE")
    q.add_argument(
        "-o", "--output", required=True, metavar="NOTES.xlsx", help="输出文件：.xlsx、.csv 或 .jsonld"
    )
    q.add_argument("--format", choices=("xlsx", "csv", "w3c"), help="输出格式（默认按 -o 的扩展名）")
    q.set_defaults(func=run_table)


def _err(message: str) -> int:
    print(f"错误：{one_line(message)}", file=sys.stderr)
    return 1


def _analyse(args: argparse.Namespace):
    """Read and check the file; raises ReadError with the loader's message."""
    from xxgk_desk.core.pipeline import check
    from xxgk_desk.core.rules import load_rules

    rules = load_rules(parts_file=args.rules) if getattr(args, "rules", None) else load_rules()
    result = check(args.file, ocr=getattr(args, "ocr", "auto"), rules=rules)
    if result.error:
        raise ReadError(result.error_code or "error", result.error)
    return result, rules


def _guarded(fn):  # noqa: ANN001, ANN202 - wraps run functions: people get one line, never a traceback
    def run(args: argparse.Namespace) -> int:
        from xxgk_desk.core.errors import XxgkError
        from xxgk_desk.core.export import ExportError
        from xxgk_desk.core.rules import RulesError
        from xxgk_desk.core.store import StoreError

        try:
            return fn(args)
        except (ReadError, StoreError, ExportError, XxgkError) as e:
            return _err(e.message)
        except RulesError as e:
            return _err(f"规则文件有误：{e}")
        except OSError as e:
            return _err(f"无法读写文件：{e.filename or ''}（{e.strerror or e}）")

    run.__doc__ = fn.__doc__
    return run


@_guarded
def run(args: argparse.Namespace) -> int:
    """Write the memo; exit 0, or 1 with a one-line Chinese message."""
    from xxgk_desk.core import export
    from xxgk_desk.core.store import Store, StoreError
    from xxgk_desk.core.store.db import resolve_db_path

    src = Path(args.file)
    to_stdout = args.output == "-"
    if to_stdout:
        fmt = args.format or "md"
        if fmt not in ("md", "txt"):
            return _err("只有 Markdown（md）和文本（txt）格式可以输出到屏幕，请用 -o 指定输出文件。")
        out = Path("-")
    else:
        kind = "审核记录" if args.record else "审核意见"
        out = Path(args.output) if args.output else Path(f"{src.stem}-{kind}.{args.format or 'docx'}")
        fmt = export.memo_format(out, args.format)
    if not to_stdout:
        from xxgk_desk.core.atomic import refuse_inputs

        refuse_inputs(out, [src, resolve_db_path(args.db)])
    if fmt == "pdf" and not export.pdf_available():
        return _err("导出 PDF 需要 LibreOffice（未安装）。请安装 LibreOffice，或改用 --format docx。")
    result, rules = _analyse(args)
    doc, review = result.document, result.review
    db = resolve_db_path(args.db)
    if args.db and not db.exists():
        raise StoreError("not_found", f"找不到审核数据库：{db}。不加 --db 可生成自动预审意见。")
    store = Store(db, reviewer=args.reviewer) if db.exists() else None
    try:
        if store is not None:
            export.attach_document(store, doc, review)
        if not args.record:
            return _letter(args, result, rules, store, out, fmt, to_stdout)
        memo = export.collect_memo(
            doc,
            result.sections,
            review,
            store,
            only_open=args.only_open,
            with_context=args.with_context,
            include_dismissed=args.include_dismissed,
            include_undecided=not args.no_undecided,
            include_checklist=not args.no_checklist,
            reviewer=args.reviewer,
            addressee=args.to,
            rules=rules,
        )
    finally:
        if store is not None:
            from xxgk_desk.commands.notes import report_problems

            report_problems(store)
            store.close()
    if to_stdout:
        sys.stdout.write(export.render_markdown(memo) if fmt == "md" else export.render_text(memo))
        return 0
    path = export.write_memo(memo, out, fmt)
    kind = "自动预审的审核记录" if memo.automatic else "审核记录"
    n = sum(1 for i in memo.issues if i.origin != "dismissed")
    conclusion = f"，结论：{memo.conclusion_label}" if memo.conclusion_label else ""
    print(f"已写出{kind}（问题 {n} 条{conclusion}）：{path}")
    return 0


def _letter(args: argparse.Namespace, result, rules, store, out: Path, fmt: str, to_stdout: bool) -> int:
    """The letter: the reviewer's confirmed problems, the department's settings from the database."""
    from dataclasses import replace

    from xxgk_desk.core import export

    letter = export.collect_letter(
        result.document,
        result.sections,
        result.review,
        store,
        settings=export.letter_settings.read(store),
        include_automatic=args.with_findings,
        include_annex=not args.no_annex,
        rules_appendix=args.rules_appendix,
        number=args.number,
        rules=rules,
    )
    if args.to:
        letter = replace(letter, addressee=args.to.rstrip("：:") + "：")
    if to_stdout:
        render = export.render_letter_markdown if fmt == "md" else export.render_letter_text
        sys.stdout.write(render(letter))
        return 0
    path = export.write_letter(letter, out, fmt)
    n = len(letter.issues)
    conclusion = f"，结论：{letter.conclusion_label}" if letter.conclusion_label else ""
    note = (
        ""
        if letter.reviewed
        else "（审核数据库中没有这份报告的审核记录，所列问题为自动检查结果）"
        if args.with_findings
        else "（审核数据库中没有这份报告的审核记录；加 --with-findings 可列出自动检查结果）"
    )
    rules_note = f"，附审核规则说明 {len(letter.rule_notes)} 条" if letter.rule_notes else ""
    print(f"已写出审核意见（问题 {n} 条{conclusion}{rules_note}）：{path}{note}")
    return 0


@_guarded
def run_table(args: argparse.Namespace) -> int:
    """``notes table``: register the file like the other notes commands, then write the table."""
    from xxgk_desk.core import export
    from xxgk_desk.core.atomic import refuse_inputs
    from xxgk_desk.core.store import Store
    from xxgk_desk.core.store.db import resolve_db_path

    export.table_format(args.output, args.format)  # a bad extension fails before any reading
    refuse_inputs(args.output, [args.file, resolve_db_path(getattr(args, "db", None))])
    result, rules = _analyse(args)
    doc, review = result.document, result.review
    with Store(getattr(args, "db", None), reviewer=getattr(args, "reviewer", None)) as store:
        from xxgk_desk.core.identity import report_identity

        found_institution, found_year = report_identity(review.fields)
        institution = getattr(args, "institution", None) or found_institution
        year = getattr(args, "year", None)
        if year is None:
            year = found_year
        store.register_version(doc, institution, year)
        path, count = export.write_notes(
            args.output, doc, result.sections, review, store, fmt=args.format, rules=rules
        )
        from xxgk_desk.commands.notes import report_problems

        report_problems(store)
    print(f"已导出 {count} 条批注：{path}")
    return 0
