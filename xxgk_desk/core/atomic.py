"""Writing output files safely: the one way every export, review file and backup is written.

:func:`replacing` hands out a temporary file beside the target; only when the writer finished
without error is it flushed to disk and renamed over the target (``os.replace``, atomic on one
file system). A write that fails half-way (disk full, a file-size limit, a crash) leaves the
previous file exactly as it was and no temporary file behind. :func:`refuse_inputs` stops an
output path that names one of the command's inputs (``memo REPORT -o REPORT``) before anything
is written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from xxgk_desk.core.errors import XxgkError


class OutputError(XxgkError):
    """An output path that must not be written (code ``same_file``)."""


@contextlib.contextmanager
def replacing(path: str | os.PathLike, *, make_parent: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path`` (same extension) that replaces ``path`` if the block
    succeeds; ``make_parent`` creates a missing folder (else that is an OSError, as for ``open``)."""
    target = Path(path)
    if make_parent:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if target.exists():
            _keep_mode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _keep_mode(old: Path, new: Path) -> None:
    try:
        os.chmod(new, old.stat().st_mode & 0o777)
    except OSError:
        pass


def write_failed(path: str | os.PathLike, e: OSError) -> str:
    """The one-line message for a write that failed (the old file, if any, is untouched)."""
    why = e.strerror or type(e).__name__
    return (
        f"无法写入 {Path(path).name}（{why}），原有文件保持不变。"
        "请检查磁盘空间和文件夹权限，以及文件是否正在 Word/WPS/Excel 中打开。"
    )


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def refuse_inputs(output: str | os.PathLike, inputs: Iterable[str | os.PathLike | None]) -> None:
    """OutputError when ``output`` is (the same file as) one of ``inputs``."""
    out = Path(output)
    for given in inputs:
        if given is None:
            continue
        src = Path(given)
        if _same(out, src):
            raise OutputError(
                "same_file",
                f"输出文件 {out.name} 就是输入文件 {src}，写入会覆盖它：请用 -o 指定另一个文件名。",
            )
