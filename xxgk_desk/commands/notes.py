"""``xxgk-desk notes``: list, add, set the status of, export and import review notes.

Sub-commands (all take ``--db PATH``; default ``$XXGK_DESK_DB`` or the user data folder)::

    notes list FILE [--json] [--all]
    notes add FILE [--quote "…"] --body "…" [--category C] [--severity S] [--reviewer R] [--part KEY]
    notes status NOTE_ID open|resolved|wont_fix
    notes export [FILE] -o review.json [--events]
    notes import review.json
    notes w3c FILE -o notes.jsonld
    notes table FILE -o notes.xlsx|notes.csv|notes.jsonld
    notes backup -o copy.sqlite3

Reading a FILE registers it in the database and re-anchors the report's notes on its
text. A revised file of a known report (same institution and year, given with
``--institution``/``--year`` or read from the report's title) becomes a new version of it,
so the notes follow.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from xxgk_desk.core import loaders
from xxgk_desk.core.atomic import refuse_inputs
from xxgk_desk.core.document import Document
from xxgk_desk.core.errors import ReadError, XxgkError, one_line
from xxgk_desk.core.store import Note, Store, StoreError, vocabulary
from xxgk_desk.core.store.anchoring import TextIndex, strip_ws


def register(sub: argparse._SubParsersAction) -> None:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="审核数据库文件（默认见 docs/store.md）"
    )
    ident = argparse.ArgumentParser(add_help=False)
    ident.add_argument("--institution", help="学校名称（默认从报告标题识别）")
    ident.add_argument("--year", type=int, help="报告年度（默认从报告标题识别）")
    p = sub.add_parser("notes", help="查看、添加、导出和导入审核批注", parents=[db])
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])
    s = p.add_subparsers(dest="notes_command", metavar="SUBCOMMAND")

    q = s.add_parser("list", help="列出一份报告的批注", parents=[db, ident])
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true", help="输出 JSON")
    q.add_argument("--all", action="store_true", help="包括已删除的批注")
    q.set_defaults(func=run_list)

    q = s.add_parser("add", help="按引文添加一条批注（不给引文则是针对整份报告的批注）", parents=[db, ident])
    q.add_argument("file", metavar="FILE")
    q.add_argument("--quote", help="报告原文中的一段文字（须与原文一致）")
    q.add_argument("--body", required=True, help="批注内容")
    q.add_argument(
        "--category", default="other", help="类别：缺项/数据错误/表述不规范/隐私/时效/其他/亮点 或其 id"
    )
    q.add_argument("--severity", default="warning", help="严重程度：error/warning/info 或 严重/警告/提示")
    q.add_argument("--reviewer", help="审核人（默认 $XXGK_DESK_REVIEWER 或登录名）")
    q.add_argument("--part", metavar="KEY", help="批注针对的报告部分（如 evaluation）")
    q.set_defaults(func=run_add)

    q = s.add_parser("status", help="设置批注状态", parents=[db])
    q.add_argument("note_id", metavar="NOTE_ID", help="批注 id（可只写开头几位）")
    q.add_argument("status", metavar="STATUS", help="open / resolved / wont_fix（或 待处理/已解决/不予处理）")
    q.add_argument("--reviewer")
    q.set_defaults(func=run_status)

    q = s.add_parser("export", help="导出审核文件（一份报告或全部）", parents=[db, ident])
    q.add_argument("file", metavar="FILE", nargs="?", help="只导出这份报告（省略则导出全部）")
    q.add_argument("-o", "--output", required=True, metavar="REVIEW.json")
    q.add_argument("--events", action="store_true", help="同时导出操作记录")
    q.set_defaults(func=run_export)

    q = s.add_parser("import", help="导入他人的审核文件并合并", parents=[db])
    q.add_argument("review", metavar="REVIEW.json")
    q.add_argument("--reviewer")
    q.set_defaults(func=run_import)

    q = s.add_parser("backup", help="备份整个审核数据库（使用中也可以）", parents=[db])
    q.add_argument("-o", "--output", required=True, metavar="COPY.sqlite3")
    q.set_defaults(func=run_backup)

    q = s.add_parser("w3c", help="按 W3C Web Annotation 格式导出批注", parents=[db, ident])
    q.add_argument("file", metavar="FILE")
    q.add_argument("-o", "--output", required=True, metavar="NOTES.jsonld")
    q.set_defaults(func=run_w3c)

    from xxgk_desk.commands.memo import add_table_parser  # notes as XLSX/CSV (written with the memo exporter)

    add_table_parser(s, [db, ident])


def _err(message: str) -> int:
    print(f"错误：{one_line(message)}", file=sys.stderr)
    return 1


def _guard(fn):  # noqa: ANN001, ANN202 - a small decorator for the run_* functions
    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except (ReadError, StoreError, XxgkError) as e:
            return _err(e.message)
        except OSError as e:
            return _err(f"无法读写文件：{e.filename or ''}（{e.strerror or e}）")

    return run


def report_problems(store: Store) -> None:
    """Rows of the database that could not be read (skipped): one line each on stderr."""
    for line in store.problems:
        print(f"注意：{one_line(line)}", file=sys.stderr)


def _open(args: argparse.Namespace) -> Store:
    return Store(getattr(args, "db", None), reviewer=getattr(args, "reviewer", None))


def _identity(doc: Document) -> tuple[str | None, int | None]:
    """Institution and year as the engine reads them, by the one identity rule (None when it cannot)."""
    try:
        from xxgk_desk.core.identity import identify

        return identify(doc)
    except Exception:  # the engine is optional here: without it, pass --institution/--year
        return None, None


def _load(store: Store, args: argparse.Namespace, path: str) -> Document:
    doc = loaders.load(path)
    institution, year = getattr(args, "institution", None), getattr(args, "year", None)
    if institution is None or year is None:
        found = _identity(doc)
        institution = institution or found[0]
        year = year if year is not None else found[1]
    store.register_version(doc, institution, year)
    return doc


def _note_json(n: Note) -> dict[str, Any]:
    a = n.anchor
    return {
        "id": n.id,
        "category": n.category,
        "category_label": vocabulary("category").get(n.category, n.category),
        "severity": n.severity,
        "status": n.status,
        "body": n.body,
        "reviewer": n.reviewer,
        "created_at": n.created_at,
        "updated_at": n.updated_at,
        "quote": n.quote,
        "page": a.page if a else n.page,
        "start": a.start if a else None,
        "end": a.end if a else None,
        "section": n.section,
        "part": n.part,
        "parent_id": n.parent_id,
        "finding_id": n.finding_id,
        "conflict_of": n.conflict_of,
        "tags": list(n.tags),
        "deleted": n.deleted,
        "anchor": None if a is None else {"status": a.status, "method": a.method, "score": a.score},
    }


def _line(n: Note) -> str:
    cat = vocabulary("category").get(n.category, n.category)
    sev = vocabulary("severity").get(n.severity, n.severity)
    st = vocabulary("status").get(n.status, n.status)
    where = "整份报告" if not n.has_span and not n.part else (f"部分 {n.part}" if not n.has_span else "")
    if n.has_span:
        a = n.anchor
        page = a.page if a and a.page else n.page
        quote = n.quote if len(n.quote or "") <= 30 else n.quote[:29] + "…"  # type: ignore[index]
        where = f"第{page}页「{quote}」" if page else f"「{quote}」"
        if a is not None and a.status == "fuzzy":
            where += f"（模糊定位 {a.score:.2f}）"
    lead = "  ↳ " if n.parent_id else ""
    extra = "（已删除）" if n.deleted else ""
    return f"{lead}[{st}] {cat}/{sev} {where} {n.body}{extra}  — {n.reviewer or ''} {n.id[:8]}"


@_guard
def run_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        doc = _load(store, args, args.file)
        notes = store.list_notes(doc, include_deleted=args.all)
        if args.json:
            out = {
                "file": args.file,
                "document_id": store.document_id(doc),
                "notes": [_note_json(n) for n in notes],
            }
            print(json.dumps(out, ensure_ascii=False, indent=1))
            report_problems(store)
            return 0
        placed = [n for n in notes if not (n.anchor and n.anchor.is_orphan)]
        orphans = [n for n in notes if n.anchor and n.anchor.is_orphan]
        if not notes:
            print("这份报告还没有批注。")
        for n in placed:
            print(_line(n))
        if orphans:
            print(f"\n无法在本版本中定位的批注（{len(orphans)} 条，可在窗口中手动重新定位）：")
            for n in orphans:
                print(_line(n))
        report_problems(store)
    return 0


def _find_quote(doc: Document, quote: str) -> tuple[int, int, int]:
    """(start, end, occurrences) of ``quote`` in the text; whitespace-insensitive as a fallback."""
    i = doc.text.find(quote)
    if i >= 0:
        count, j = 0, i
        while j >= 0:
            count += 1
            j = doc.text.find(quote, j + 1)
        return i, i + len(quote), count
    index, q = TextIndex(doc.text), strip_ws(quote)
    k = index.stripped.find(q) if q else -1
    if k < 0:
        raise StoreError(
            "no_quote", f"在报告文本中找不到引文“{quote}”。请检查引文是否与报告原文一致（包括标点和数字）。"
        )
    start, end = index.to_text(k, k + len(q))
    return start, end, index.stripped.count(q)


def _section_path(doc: Document, offset: int) -> str | None:
    try:
        from xxgk_desk.core.outline import detect_outline, section_path

        chain = section_path(detect_outline(doc), offset)
    except Exception:  # the outline is a nicety here; a note must never fail for it
        return None
    return " > ".join(s.title for s in chain) or None


@_guard
def run_add(args: argparse.Namespace) -> int:
    with _open(args) as store:
        doc = _load(store, args, args.file)
        start = end = None
        section = None
        if args.quote:
            start, end, count = _find_quote(doc, args.quote)
            if count > 1:
                print(
                    f"注意：引文在报告中出现 {count} 次，已标注第一次出现处（第 {doc.page_at(start)} 页）。",
                    file=sys.stderr,
                )
            section = _section_path(doc, start)
        ch = store.add_note(
            doc,
            start,
            end,
            body=args.body,
            category=args.category,
            severity=args.severity,
            part=args.part,
            section=section,
        )
        print(ch.id)
    return 0


@_guard
def run_status(args: argparse.Namespace) -> int:
    with _open(args) as store:
        note_id = store.resolve_note_id(args.note_id)
        ch = store.set_note_status(note_id, args.status)
        if not ch.after:
            print(f"批注 {note_id[:8]} 的状态已经是 {vocabulary('status')[store.get_note(note_id).status]}。")
        else:
            print(f"批注 {note_id[:8]}：{vocabulary('status')[ch.after['status']]}")
    return 0


@_guard
def run_export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        refuse_inputs(args.output, [args.file, store.path])
        docs = [_load(store, args, args.file)] if args.file else None
        path = store.export_review_file(args.output, docs, include_events=args.events)
        data = json.loads(path.read_text(encoding="utf-8"))
        n = sum(len(d["notes"]) for d in data["documents"])
        print(f"已导出 {len(data['documents'])} 份报告、{n} 条批注：{path}")
        report_problems(store)
    return 0


@_guard
def run_import(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rep = store.import_review(args.review)
        c = rep.counts.get("note", {})
        print(
            f"已导入 {len(rep.document_ids)} 份报告（新增 {rep.documents_added} 份）：批注新增 {c.get('added', 0)} 条、"
            f"更新 {c.get('updated', 0)} 条、未变 {c.get('unchanged', 0)} 条；冲突 {rep.conflicts} 处。"
        )
        if rep.conflicts:
            print("双方都改过的记录已并列保留（本地版本不变，对方版本另存），请在窗口的“冲突”列表中处理。")
    return 0


@_guard
def run_w3c(args: argparse.Namespace) -> int:
    with _open(args) as store:
        refuse_inputs(args.output, [args.file, store.path])
        doc = _load(store, args, args.file)
        data = store.w3c_annotations(doc)
        from xxgk_desk.core.store import write_review_file

        write_review_file(data, args.output)
        print(f"已导出 {data['total']} 条批注（W3C Web Annotation）：{args.output}")
        report_problems(store)
    return 0


@_guard
def run_backup(args: argparse.Namespace) -> int:
    with _open(args) as store:
        path = store.backup(args.output)
        print(f"已备份审核数据库 {store.path} → {path}")
    return 0
