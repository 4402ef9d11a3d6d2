"""Run ``pipeline.check`` on hostile files, each in its own forked, limited child process.

``python -m tests.hostile.sandbox`` is a small server: it imports the core once (loaders,
engine, rules), then reads one JSON request per line on stdin and answers one JSON line per
request on stdout. For every request it forks a child that

* caps its address space (``RLIMIT_AS``) and CPU time, and is killed with its whole process
  group when the wall-clock bound passes (a hang becomes the outcome ``timeout``);
* refuses network connections: ``socket.connect``/``create_connection``/``getaddrinfo`` raise,
  and an audit hook records every attempt (also from libraries calling the socket module);
* records every Python-level ``open`` outside the project, the Python installation and the
  file under test (an audit hook);
* optionally deletes the file before or right after ``check_file`` looked at it (``vanish``);
* runs ``pipeline.check(path)`` (or only ``loaders.load(path)`` when the request says
  ``"call": "load"``) and writes what came out to a JSON file; an exception other than a
  ReadError from ``load`` is the outcome ``raised:<type>``.

Meanwhile the server watches the folder holding the corpus with inotify, which sees opens
by any code, C libraries included (libxml2, PDFium, LibreOffice): opening any file of that
folder except the one under test is reported.

Preloading and forking keep a case at a few tens of milliseconds of overhead instead of
the ~1.5 s a fresh interpreter needs to import the engine and load the rules.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import select
import signal
import struct
import subprocess
import sys
import sysconfig
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
IN_ACCESS, IN_OPEN, IN_ISDIR = 0x1, 0x20, 0x40000000


def preload() -> None:
    """Import everything a check may need, so children start warm and do not import lazily."""
    import docx  # noqa: F401

    from xxgk_desk.core import pipeline  # noqa: F401
    from xxgk_desk.core.engine import review  # noqa: F401
    from xxgk_desk.core.loaders import doc, pdf, txt  # noqa: F401
    from xxgk_desk.core.loaders import docx as docx_loader  # noqa: F401
    from xxgk_desk.core.rules import load_rules

    load_rules()
    try:
        import charset_normalizer  # noqa: F401
    except ImportError:
        pass


# -- inotify (Linux): who opens files of the corpus folder ---------------------------------------


class Watch:
    """An inotify watch on one folder (no-op where inotify is missing)."""

    def __init__(self, folder: Path) -> None:
        self.fd = -1
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
            if self.fd >= 0 and libc.inotify_add_watch(self.fd, os.fsencode(folder), IN_OPEN | IN_ACCESS) < 0:
                os.close(self.fd)
                self.fd = -1
        except (OSError, AttributeError):
            self.fd = -1

    @property
    def active(self) -> bool:
        return self.fd >= 0

    def events(self) -> list[tuple[int, bytes]]:
        """(mask, name) of the events since the last call."""
        out: list[tuple[int, bytes]] = []
        while self.fd >= 0:
            try:
                buf = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            i = 0
            while i + 16 <= len(buf):
                _wd, mask, _cookie, n = struct.unpack_from("iIII", buf, i)
                out.append((mask, buf[i + 16 : i + 16 + n].rstrip(b"\0")))
                i += 16 + n
        return out


# -- the child -------------------------------------------------------------------------------------


def _allowed(path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folders, name prefixes) where the child may open files: the project's code and data,
    the Python installation, the file under test, the .doc converter's temporary folders."""
    folders = {str(ROOT / "xxgk_desk"), str(ROOT / "resources"), sys.prefix, sys.base_prefix, sys.exec_prefix}
    folders.update(sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib"))
    folders.update(("/proc/self", "/usr/share/zoneinfo", os.getcwd()))
    folders = {os.path.realpath(f) for f in folders} | folders
    files = {
        path,
        os.path.abspath(path),
        os.path.realpath(path),
        "/dev/null",
        "/dev/urandom",
        "/etc/localtime",
    }
    # onnxruntime reads the distro's name when it is imported (the OCR cases)
    files |= {"/etc/os-release", "/etc/lsb-release"}
    prefixes = tuple(f.rstrip("/") + "/" for f in folders) + (os.path.join(tempfile.gettempdir(), "xxgk-"),)
    return tuple(files), prefixes


def _guard(record: dict[str, list], path: str) -> None:
    """Block the network and record opens outside the allowed places (both via audit hooks)."""
    import socket

    def refuse(*_a: Any, **_k: Any) -> Any:
        record["net"].append("socket call")
        raise OSError("network access is not allowed in this test")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]
    files, prefixes = _allowed(path)

    def hook(event: str, args: tuple) -> None:
        if not record["on"]:
            return
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"):
            record["net"].append(f"{event} {args[1:2]!r}")
        elif event == "subprocess.Popen":
            record["spawned"].append(str(args[1][:1] if args[1] else args[0]))
        elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            p = os.fsdecode(args[0])
            full = os.path.abspath(p)
            if full not in files and not full.startswith(prefixes):
                record["opens"].append(full)

    sys.addaudithook(hook)


def child(spec: dict[str, Any]) -> None:
    """Body of the forked child: never returns."""
    out = Path(spec["out"])
    try:
        os.setpgid(0, 0)
        mem = int(spec["mem"])
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        cpu = int(spec["timeout"]) + 10
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        err = os.open(out / "stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(err, 1)
        os.dup2(err, 2)
        path = os.path.abspath(spec["path"])
        scratch = out / "cwd"  # an empty working folder: relative opens (rmtree's) land here
        scratch.mkdir(exist_ok=True)
        os.chdir(scratch)
        record: dict[str, Any] = {"on": False, "net": [], "opens": [], "spawned": []}
        _guard(record, path)
        from xxgk_desk.core import loaders, pipeline
        from xxgk_desk.core.errors import ReadError, one_line

        if spec.get("vanish") == "before":
            os.listdir(os.path.dirname(path) or ".")  # listed…
            os.unlink(path)  # …then gone before it is opened
        elif spec.get("vanish") == "during":
            real_check = loaders.check_file

            def check_then_vanish(p: Any) -> Any:
                kind = real_check(p)
                os.unlink(p)  # gone between the checks and the loader's own open
                return kind

            loaders.check_file = check_then_vanish  # type: ignore[assignment]
        record["on"] = True
        t0 = time.perf_counter()
        if spec.get("call") == "load":
            try:
                result = pipeline.Analysis(path, document=loaders.load(path, ocr=spec.get("ocr", "never")))
            except ReadError as e:
                result = pipeline.Analysis(path, error=one_line(e.message), error_code=e.code)
            except Exception as e:
                (out / "result.json").write_text(json.dumps({"outcome": f"raised:{type(e).__name__}"}))
                raise
        else:
            result = pipeline.check(path, ocr=spec.get("ocr", "never"))
        elapsed = time.perf_counter() - t0
        record["on"] = False
        doc = result.document
        blob = json.dumps(pipeline.to_json(result), ensure_ascii=False)
        text = doc.text if doc else ""
        markers = spec.get("markers", [])
        answer = {
            "outcome": "ok" if result.ok else f"error:{result.error_code}",
            "error": result.error,
            "pages": doc.page_count if doc else None,
            "chars": len(text),
            "warnings": list(doc.warnings) if doc else [],
            "head": text[:120],
            "elapsed": round(elapsed, 3),
            "missing": [s for s in spec.get("contains", []) if s not in text],
            "forbidden": [m for m in markers if m in text or m in blob or m in (result.error or "")],
            "net": record["net"],
            "opens": sorted(set(record["opens"])),
            "spawned": record["spawned"],
        }
        (out / "result.json").write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
        os._exit(0)
    except BaseException:
        try:
            traceback.print_exc()
            sys.stderr.flush()
        finally:
            os._exit(3)


# -- the server ------------------------------------------------------------------------------------


def run(spec: dict[str, Any], watch: Watch) -> dict[str, Any]:
    """Fork a child for one request and wait for it within the bound."""
    out = Path(spec["out"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "result.json").unlink(missing_ok=True)
    watch.events()  # forget whatever happened while the case was being built
    sys.stdout.flush()
    sys.stderr.flush()
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        child(spec)
    deadline = t0 + float(spec["timeout"])
    status, usage, timed_out = 0, None, False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() > deadline:
            timed_out = True
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.01)
    wall = time.perf_counter() - t0
    try:  # a child of the child (LibreOffice) may outlive it
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    name = os.fsencode(os.path.basename(spec["path"]))
    allowed = {name, *(os.fsencode(n) for n in spec.get("also_allowed", []))}
    touched = sorted(
        {os.fsdecode(n) for mask, n in watch.events() if n and n not in allowed and not mask & IN_ISDIR}
    )
    result: dict[str, Any] = {}
    if (out / "result.json").exists():
        result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    stderr = (
        (out / "stderr.txt").read_text(encoding="utf-8", errors="replace")
        if (out / "stderr.txt").exists()
        else ""
    )
    if timed_out:
        outcome = "timeout"
    elif os.WIFSIGNALED(status):
        outcome = f"crash:{signal.Signals(os.WTERMSIG(status)).name}"
    elif str(result.get("outcome", "")).startswith("raised:"):
        outcome = result["outcome"]
    elif os.WEXITSTATUS(status) != 0 or not result:
        outcome = f"crash:exit {os.WEXITSTATUS(status)}"
    else:
        outcome = result["outcome"]
    return {
        **result,
        "outcome": outcome,
        "wall": round(wall, 3),
        "maxrss_mb": round((usage.ru_maxrss if usage else 0) / 1024, 1),
        "stderr": stderr[-4000:],
        "touched": touched,
        "inotify": watch.active,
    }


class Client:
    """Starts the server in a subprocess and sends it requests (used by the tests)."""

    def __init__(self, log: Path) -> None:
        self.log = open(log, "w")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.hostile.sandbox"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            encoding="utf-8",
        )
        ready = self._read(180)
        assert ready.get("ready"), ready

    def _read(self, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            raise AssertionError(f"the sandbox server did not answer within {timeout:.0f} s")
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError("the sandbox server died: " + Path(self.log.name).read_text()[-2000:])
        return json.loads(line)

    def run(self, spec: dict[str, Any]) -> dict[str, Any]:
        """Run one request (see ``child``); returns the server's answer."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(spec, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        return self._read(float(spec["timeout"]) + 60)

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def main() -> int:
    preload()
    watch: Watch | None = None
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        spec = json.loads(line)
        if spec.get("watch") and watch is None:
            watch = Watch(Path(spec["watch"]))
        reply = run(spec, watch or Watch(Path("/nonexistent")))
        print(json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
