"""Batch checking speed: reports per second for N = 25, 50, 100 on 1 and 2 processes.

Generates 100 varied reports once (institutions, years, figures, lengths, missing parts and
defects vary; written with python-docx, 40 % converted to PDF with LibreOffice) into
``bench/.cache/`` and reuses them on later runs. Each configuration runs in a fresh Python
process so its peak memory is its own: the peak RSS of the parent (``RUSAGE_SELF``) and of
the largest worker (``RUSAGE_CHILDREN``) are printed next to the time, with the CPU time of
the workers (CPU ÷ wall near 2 means both cores worked).

Then, end to end on 100 reports with 2 processes: ``Workspace.add`` into a fresh review
database, the same folder added again (unchanged files: nothing is read), and, with
``--rows N`` (default 1000), the overview at scale: N TXT reports added, then ``rows()``,
sort, filter, coverage and the XLSX summary timed. Run it on an idle machine::

    .venv/bin/python bench/bench_batch.py [--sizes 25 50 100] [--jobs 1 2] [--rows 1000] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = ROOT / "bench" / ".cache" / "batch-v1"
MAX_N = 100
PDF_SHARE = 0.4
LINEAR_TOLERANCE = 0.25  # seconds per report at N=100 within 25 % of N=25 (after start-up)

CITIES = ["武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "恩施",
          "仙桃", "潜江", "天门", "江汉", "长江", "楚天", "汉江"]  # fmt: skip
KINDS = ["理工大学", "师范学院", "职业技术学院", "医学院", "财经学院", "艺术职业学院", "工程学院", "科技学院"]
HEADINGS = [
    ("overview", "一、概述"),
    ("active", "二、主动公开情况"),
    ("on_request", "三、依申请公开和不予公开情况"),
    ("evaluation", "四、对信息公开的评议情况"),
    ("complaints", "五、因学校信息公开工作受到举报、复议、诉讼的情况"),
    ("practices", "六、新做法新举措或主要经验"),
    ("problems", "七、存在的主要问题及改进措施"),
    ("other", "八、其他需要报告的事项"),
]
FILLER = [
    "学校坚持以公开为常态、不公开为例外，把信息公开作为推进依法治校的重要抓手。",
    "各职能部门按照清单要求，明确专人负责本部门信息的收集、审核和发布。",
    "学校定期检查门户网站和信息公开专栏，及时清理过时信息，保证内容准确。",
    "对涉及师生切身利益的重要事项，学校在决策前广泛征求意见，决策后及时公开结果。",
    "学校加强对信息员的业务培训，全年组织专题培训{n}次，参训人员{m}人次。",
    "在招生录取、财务预决算、收费标准等重点领域，学校严格执行公开时限要求。",
    "学校将信息公开与校务公开、党务公开统筹推进，形成了协同联动的工作格局。",
    "信息公开工作纳入学校年度目标考核，考核结果作为部门评优的重要依据。",
    "学校通过官方微博、微信公众号、视频号等新媒体平台扩大信息覆盖面。",
    "学校建立了信息发布保密审查制度，做到先审查、后公开，一事一审。",
    "针对师生关注的热点问题，学校通过政策解读、答问等方式主动回应关切。",
    "学校进一步完善依申请公开的受理、登记、办理、答复流程，做到全程留痕。",
]
DEFECTS = {
    "placeholder": "信息公开工作联系人：XXX，联系电话：XXXXXXXX。",
    "phone": "如有疑问请联系办公室张老师，手机13912345678。",
    "calendar": None,  # the period is a calendar year
    "late": None,  # the report is dated after 31 October
}


def report_text(i: int, rng: random.Random, inst: str | None = None) -> tuple[str, str]:
    """(institution, text) of report ``i``: half the institutions report two years."""
    if inst is None:  # i = 4q, 4q+1: one institution, two years; 4q+2, 4q+3: one year each
        k = i // 4 if i % 4 < 2 else 25 + (i // 4) * 2 + i % 4 - 2
        inst = CITIES[k % len(CITIES)] + KINDS[(k // len(CITIES)) % len(KINDS)]
    year = 2023 + (i % 2) if i % 4 < 2 else rng.choice([2022, 2023, 2024])
    defects = {d for d in DEFECTS if rng.random() < 0.15}
    period = (
        f"{year}年1月1日至{year}年12月31日"
        if "calendar" in defects
        else f"{year - 1}年9月1日至{year}年8月31日"
    )
    date = (
        f"{year}年11月{rng.randint(5, 28)}日" if "late" in defects else f"{year}年10月{rng.randint(8, 30)}日"
    )
    figs = {"active": rng.randint(200, 6000), "received": rng.randint(0, 40), "withheld": rng.randint(0, 5)}
    body = {
        "overview": "学校高度重视信息公开工作，成立了信息公开工作领导小组。",
        "active": f"本学年学校主动公开各类信息{figs['active']}条，涵盖基本情况、招生考试、财务资产等方面。",
        "on_request": f"本学年共受理信息公开申请{figs['received']}件，已全部按期答复{figs['received']}件，"
        f"其中不予公开{min(figs['withheld'], figs['received'])}件。",
        "evaluation": f"学校组织师生员工和社会公众对信息公开工作进行评议，满意度为{rng.randint(85, 99)}%。",
        "complaints": "本学年学校未发生因信息公开工作受到举报、复议、诉讼的情况。",
        "practices": "学校建设信息公开一站式平台，实现公开事项目录化管理。",
        "problems": "个别部门信息更新不够及时。下一步学校将加强培训和督查。",
        "other": "本学年无其他需要报告的事项。",
    }
    size = rng.choice([1, 2, 3, 4, 6, 10])  # paragraphs of filler per part: 2 to ~15 pages
    # every third two-year institution copies last year's wording (boilerplate to find)
    words = random.Random(inst) if i % 4 < 2 and (i // 4) % 3 == 0 else rng
    lines = [f"{inst}{year - 1}—{year}学年信息公开工作年度报告", "",
             f"根据《高等学校信息公开办法》要求，现将{year - 1}—{year}学年信息公开工作情况报告如下。本报告统计期限为{period}。"]  # fmt: skip
    for key, heading in HEADINGS:
        if key != "overview" and rng.random() < 0.12:
            continue  # a missing part
        lines.append(heading)
        lines.append(body[key])
        for _ in range(size):
            para = "".join(words.sample(FILLER, 4)).format(n=words.randint(2, 9), m=words.randint(30, 400))
            lines.append(para)
        if key == "overview":
            lines += [DEFECTS[d] for d in sorted(defects) if DEFECTS[d]]
    if rng.random() > 0.1:
        lines.append("附表：清单事项公开情况表")
        lines.append("TABLE")
    lines += [inst, date]
    return inst, "\n".join(lines)


def write_docx(path: Path, text: str, rng: random.Random) -> None:
    import docx

    from xxgk_desk.core.rules import load_rules

    items = load_rules().checklist.items
    d = docx.Document()
    headings = {h for _, h in HEADINGS}
    for line in text.split("\n"):
        if line == "TABLE":
            keep = [it for it in items if rng.random() < 0.85]
            t = d.add_table(rows=1, cols=3)
            for c, h in zip(t.rows[0].cells, ("序号", "公开事项", "公开网址"), strict=True):
                c.text = h
            for it in keep:
                cells = t.add_row().cells
                cells[0].text, cells[1].text = str(it.number), it.text
                cells[2].text = f"https://xxgk.example.edu.cn/{it.number}"
            continue
        if not line:
            continue
        p = d.add_paragraph()
        run = p.add_run(line)
        run.bold = line in headings or line.startswith("附表")
    d.save(str(path))


def generate(n: int = MAX_N) -> list[Path]:
    """The benchmark's reports (made once into bench/.cache): DOCX, 40 % of them as PDF."""
    CACHE.mkdir(parents=True, exist_ok=True)
    done = CACHE / "done.json"
    if done.exists():
        files = [CACHE / f for f in json.loads(done.read_text(encoding="utf-8"))]
        if len(files) >= n and all(f.exists() for f in files):
            return files[:n]
    print(f"生成 {MAX_N} 份测试报告到 {CACHE} …", file=sys.stderr)
    rng = random.Random(20241031)
    files = []
    to_pdf = []
    for i in range(MAX_N):
        inst, text = report_text(i, rng)
        path = CACHE / f"r{i:03d}-{inst}.docx"
        write_docx(path, text, rng)
        files.append(path)
        if rng.random() < PDF_SHARE:
            to_pdf.append(path)
    t0 = time.time()
    profile = Path(tempfile.mkdtemp(prefix="xxgk-bench-lo-"))
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", str(CACHE), *map(str, to_pdf)],
            check=True, capture_output=True, timeout=1200,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for p in to_pdf:  # the PDF replaces its DOCX in the set
        pdf = p.with_suffix(".pdf")
        if pdf.exists():
            files[files.index(p)] = pdf
    print(f"  {len(to_pdf)} 份转为 PDF，用时 {time.time() - t0:.0f} 秒", file=sys.stderr)
    done.write_text(json.dumps([f.name for f in files], ensure_ascii=False), encoding="utf-8")
    return files


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def one(n: int, jobs: int) -> dict:
    """Run in a fresh process: check the first ``n`` reports on ``jobs`` processes."""
    from xxgk_desk.core.batch import run_batch

    files = generate(n)
    t0 = time.perf_counter()
    failed = 0
    for res in run_batch(files, jobs=jobs):
        failed += not res.ok
    wall = time.perf_counter() - t0
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"n": n, "jobs": jobs, "wall": wall, "failed": failed, "parent_mb": _peak_mb(resource.RUSAGE_SELF),
            "worker_mb": ch.ru_maxrss / 1024, "worker_cpu": ch.ru_utime + ch.ru_stime,
            "kinds": {k: sum(f.suffix == k for f in files) for k in (".pdf", ".docx")}}  # fmt: skip


def run_one(n: int, jobs: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(n), str(jobs)], capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def end_to_end(rows_n: int) -> None:
    from xxgk_desk.core.batch import RowFilter, Workspace, filter_rows, sort_rows
    from xxgk_desk.core.export.summary import write_summary
    from xxgk_desk.core.store import Store

    files = generate(MAX_N)
    tmp = Path(tempfile.mkdtemp(prefix="xxgk-bench-batch-"))
    try:
        folder = tmp / "reports"
        folder.mkdir()
        for f in files:
            shutil.copy2(f, folder / f.name)
        with Store(tmp / "reviews.sqlite3") as store:
            ws = Workspace(store)
            t0 = time.perf_counter()
            rep = ws.add([folder], jobs=2)
            t1 = time.perf_counter()
            rep2 = ws.add([folder], jobs=2)
            t2 = time.perf_counter()
            print(f"\nWorkspace.add，{MAX_N} 份，2 个进程：{t1 - t0:.2f} s（{MAX_N / (t1 - t0):.1f} 份/秒，"
                  f"检查 {rep.checked}，失败 {rep.failed}，年度比较对 {len(ws.pairs_by_institution())}）")  # fmt: skip
            print(
                f"再次添加同一文件夹（文件未变）：{t2 - t1:.2f} s（未变 {rep2.cached}，重新检查 {rep2.checked}）"
            )
        if rows_n:
            _overview_at_scale(
                tmp, rows_n, Workspace, Store, sort_rows, filter_rows, RowFilter, write_summary
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _overview_at_scale(tmp, n, Workspace, Store, sort_rows, filter_rows, RowFilter, write_summary) -> None:  # noqa: ANN001, N803
    rng = random.Random(7)
    folder = tmp / "many"
    folder.mkdir()
    for i in range(n):
        inst = f"{CITIES[i % len(CITIES)]}第{i + 1}{KINDS[i % len(KINDS)]}"
        _, text = report_text(i, rng, inst)
        (folder / f"m{i:04d}.txt").write_text(text.replace("TABLE", ""), encoding="utf-8")
    with Store(tmp / "many.sqlite3") as store:
        ws = Workspace(store)
        t0 = time.perf_counter()
        rep = ws.add([folder], jobs=2)
        t1 = time.perf_counter()
        rows = ws.rows()
        t2 = time.perf_counter()
        rows = ws.rows()
        t3 = time.perf_counter()
        sort_rows(rows, "score", descending=True)
        filter_rows(rows, RowFilter(text="武汉", missing_part="*"))
        t4 = time.perf_counter()
        ws.coverage(rows)
        t5 = time.perf_counter()
        write_summary(tmp / "summary.xlsx", ws, rows)
        t6 = time.perf_counter()
    print(f"\n概览规模：{n} 份 TXT 报告（{len(rows)} 行，{rep.failed} 失败）")
    print(f"  添加并检查 {t1 - t0:.1f} s（{n / (t1 - t0):.1f} 份/秒）；rows() 首次 {t2 - t1:.2f} s，再次 {t3 - t2:.2f} s；"
          f"排序+筛选 {1000 * (t4 - t3):.0f} ms；覆盖情况 {1000 * (t5 - t4):.0f} ms；XLSX 汇总 {t6 - t5:.1f} s")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument(
        "--rows", type=int, default=1000, help="overview at scale with this many TXT reports (0: skip)"
    )
    ap.add_argument("--runs", type=int, default=1, help="best of this many runs per configuration")
    ap.add_argument("--one", type=int, nargs=2, metavar=("N", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(*args.one)))
        return 0
    files = generate(max(args.sizes))
    print(f"报告：{len(files)} 份（PDF {sum(f.suffix == '.pdf' for f in files)}，DOCX {sum(f.suffix == '.docx' for f in files)}）；"
          f"CPU {len(os.sched_getaffinity(0))} 个；开始时负载 {os.getloadavg()[0]:.2f}")  # fmt: skip
    results: dict[tuple[int, int], dict] = {}
    # Runs are interleaved (every configuration once, then again …) and the best kept, so a
    # burst of other work on the machine does not spoil one configuration's every run.
    for rep in range(args.runs):
        for n in args.sizes:
            for j in args.jobs:
                r = run_one(n, j)
                if (n, j) not in results or r["wall"] < results[(n, j)]["wall"]:
                    results[(n, j)] = r
        print(
            f"  第 {rep + 1}/{args.runs} 轮完成，负载 {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True
        )
    print(f"\n{'N':>4} {'进程':>4} {'用时 s':>8} {'份/秒':>7} {'s/份':>7} {'子进程CPU s':>11} {'CPU/墙钟':>8}"
          f" {'父进程峰值MB':>12} {'子进程峰值MB':>12} {'失败':>4}")  # fmt: skip
    for (n, j), r in sorted(results.items()):
        busy = "  ← 另一核被占用" if j > 1 and r["worker_cpu"] / r["wall"] < 0.75 * j else ""
        print(f"{n:>4} {j:>4} {r['wall']:>8.2f} {n / r['wall']:>7.1f} {r['wall'] / n:>7.3f} {r['worker_cpu']:>11.1f}"
              f" {r['worker_cpu'] / r['wall']:>8.2f} {r['parent_mb']:>12.0f} {r['worker_mb']:>12.0f} {r['failed']:>4}{busy}",
              flush=True)  # fmt: skip
    lo, hi = min(args.sizes), max(args.sizes)
    print()
    for j in args.jobs if hi > lo else ():
        a, b = results[(lo, j)]["wall"], results[(hi, j)]["wall"]
        per_lo, per_hi = a / lo, b / hi
        marginal = (b - a) / (hi - lo)
        ok = abs(per_hi - per_lo) / per_lo <= LINEAR_TOLERANCE or marginal <= per_lo * (1 + LINEAR_TOLERANCE)
        print(f"{j} 个进程：N={lo}→{hi} 时间 ×{b / a:.2f}（份数 ×{hi / lo:.0f}）；每份 {per_lo:.3f}→{per_hi:.3f} s，"
              f"边际 {marginal:.3f} s/份：{'线性' if ok else '非线性'}")  # fmt: skip
    if 1 in args.jobs and 2 in args.jobs:
        for n in args.sizes:
            print(f"N={n}：2 个进程加速 ×{results[(n, 1)]['wall'] / results[(n, 2)]['wall']:.2f}")
    cpu = [r["worker_cpu"] / r["n"] for r in results.values()]
    print(
        f"子进程 CPU 每份 {min(cpu):.3f}–{max(cpu):.3f} s（与负载无关的成本）；结束时负载 {os.getloadavg()[0]:.2f}"
    )
    mems = [r["worker_mb"] for r in results.values()]
    print(f"子进程峰值内存 {min(mems):.0f}–{max(mems):.0f} MB，父进程 "
          f"{min(r['parent_mb'] for r in results.values()):.0f}–{max(r['parent_mb'] for r in results.values()):.0f} MB")  # fmt: skip
    end_to_end(args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
