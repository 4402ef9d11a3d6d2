"""A short fuzz run of each loader on mutated samples: every outcome is a Document or a ReadError.

The project's sample DOCX and PDF and a corpus TXT (and, when ../shared is there, a legacy
.doc) are mutated N times each: bit flips, truncation, a chunk duplicated or deleted, bytes
overwritten, a number token of the PDF changed, one XML part of the DOCX mutated and zipped
again (so the damage gets past the CRC into the XML and the loader). Each mutant is loaded
with ``loaders.load`` in a forked child with a time and memory bound (``tests/hostile/sandbox.py``):
an exception other than ReadError, a crash, or a hang is a finding.

N is 30 per loader (5 for .doc, which LibreOffice converts); ``XXGK_FUZZ_N`` sets it,
``XXGK_FUZZ_SEED`` changes the mutations. ``pytest -s`` prints the outcomes per loader; the
mutants that failed are kept in the test's temporary folder, named in the failure message.
"""

from __future__ import annotations

import io
import os
import random
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.sandbox import Client

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork and rlimits: Linux only")

ROOT = Path(__file__).resolve().parents[2]
N = int(os.environ.get("XXGK_FUZZ_N", "30"))
SEED = int(os.environ.get("XXGK_FUZZ_SEED", "20261122"))
TIMEOUT = 30.0
MEMORY_CAP = 2 << 30
SHARED_DOC = (
    Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared")) / "samples" / "docs" / "seed-002-legacy.doc"
)

Mutator = Callable[[random.Random, bytes], bytes]


def bit_flips(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    chunk = data[i : i + rng.randint(1, 4096)]
    j = rng.randrange(len(data))
    return data[:j] + chunk * rng.randint(1, 8) + data[j:]


def delete_chunk(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 4096) :]


def overwrite(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    value = rng.choice([b"\x00" * 8, b"\xff" * 8, b"99999999999", b"-1", b"0", b"<<", b">>", b"\n", b"%%EOF"])
    return data[:i] + value + data[i + len(value) :]


def pdf_number(rng: random.Random, data: bytes) -> bytes:
    """Change one number token outside streams (a /Length, /Count, offset, reference…)."""
    numbers = [m for m in re.finditer(rb"(?<=[\s\[/<])\d{1,10}(?=[\s\]/>])", data[:200_000])]
    if not numbers:
        return bit_flips(rng, data)
    m = rng.choice(numbers)
    new = rng.choice(
        [b"0", b"-1", b"1", b"2147483647", b"99999999999", str(int(m.group()) + rng.randint(-3, 3)).encode()]
    )
    return data[: m.start()] + new + data[m.end() :]


def docx_part(rng: random.Random, data: bytes) -> bytes:
    """Mutate one XML part and zip the package again (valid CRCs: the damage reaches the XML)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in src.namelist() if n.endswith((".xml", ".rels"))]
    target = rng.choice(names)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == target:
                content = rng.choice(
                    [bit_flips, truncate, duplicate_chunk, delete_chunk, overwrite, xml_tag]
                )(rng, content)
            dst.writestr(info.filename, content)
    return buf.getvalue()


def xml_tag(rng: random.Random, data: bytes) -> bytes:
    """Drop, duplicate or rename one tag."""
    tags = list(re.finditer(rb"<[^<>]{1,200}>", data))
    if not tags:
        return bit_flips(rng, data)
    m = rng.choice(tags)
    op = rng.randrange(3)
    if op == 0:
        return data[: m.start()] + data[m.end() :]
    if op == 1:
        return data[: m.end()] + m.group() * rng.randint(2, 50) + data[m.end() :]
    return (
        data[: m.start()]
        + re.sub(rb"[A-Za-z]", lambda c: bytes([rng.choice(b"wpqxz")]), m.group(), count=3)
        + data[m.end() :]
    )


def recode(rng: random.Random, data: bytes) -> bytes:
    """The text in another encoding, with or without a BOM, then a byte mutation or not."""
    text = data.decode("utf-8", "replace")
    enc = rng.choice(["gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig", "big5", "latin-1"])
    out = text.encode(enc, "replace")
    return rng.choice([lambda r, d: d, bit_flips, truncate])(rng, out)


BYTE_MUTATORS: list[Mutator] = [bit_flips, truncate, duplicate_chunk, delete_chunk, overwrite]
TARGETS: dict[str, tuple[Callable[[], Path | None], list[Mutator], int]] = {
    "pdf": (lambda: ROOT / "resources" / "samples" / "sample-report.pdf", [*BYTE_MUTATORS, pdf_number, pdf_number], N),
    "docx": (lambda: ROOT / "resources" / "samples" / "sample-report.docx", [*BYTE_MUTATORS, docx_part, docx_part, docx_part], N),
    "txt": (lambda: ROOT / "tests" / "corpus" / "c01-inline-headings.txt", [*BYTE_MUTATORS, recode], N),
    "doc": (lambda: SHARED_DOC if SHARED_DOC.exists() else None, BYTE_MUTATORS, max(3, N // 6)),
}  # fmt: skip
SUMMARY: dict[str, Counter] = {}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    c = Client(tmp_path_factory.mktemp("fuzz-server") / "stderr.txt")
    yield c
    c.close()
    if SUMMARY:
        print(f"\n\nfuzz run: seed {SEED}, N={N}")
        for kind, counts in SUMMARY.items():
            print(
                f"  {kind:<5} {sum(counts.values()):>4} runs: "
                + ", ".join(f"{k} ×{v}" for k, v in counts.most_common())
            )


@pytest.mark.parametrize("kind", list(TARGETS))
def test_mutated_samples_load_or_fail_cleanly(kind: str, client: Client, tmp_path: Path) -> None:
    source_of, mutators, runs = TARGETS[kind]
    source = source_of()
    if source is None:
        pytest.skip("no legacy .doc sample (../shared)")
    if kind == "doc":
        from xxgk_desk.core.loaders.doc import find_soffice

        if find_soffice() is None:
            pytest.skip("LibreOffice is not installed")
    original = source.read_bytes()
    rng = random.Random(f"{SEED}-{kind}")
    counts: Counter = Counter()
    failures = []
    for i in range(runs):
        mutate = rng.choice(mutators)
        data = mutate(rng, original)
        path = tmp_path / f"mutant-{i:03d}-{mutate.__name__}{source.suffix}"
        path.write_bytes(data)
        reply = client.run(
            {
                "path": str(path),
                "out": str(tmp_path / "out" / path.stem),
                "timeout": TIMEOUT,
                "mem": MEMORY_CAP,
                "call": "load",
            }  # fmt: skip
        )
        outcome = reply["outcome"]
        counts[outcome] += 1
        if outcome != "ok" and not outcome.startswith("error:"):
            failures.append(f"{path.name}: {outcome} {(reply.get('stderr') or '').strip()[-600:]}")
        else:
            path.unlink()  # keep only the mutants that found something
    SUMMARY[kind] = counts
    assert not failures, (
        f"{len(failures)} of {runs} mutants of {source.name} broke the {kind} loader:\n" + "\n".join(failures)
    )
