#!/usr/bin/env bash
# Refresh the dependency locks in requirements/ from pyproject.toml (the one command to run after
# changing a dependency):   bash tools/lock.sh   [--upgrade]  (--upgrade: newest allowed releases)
#
# One universal resolution per set, with hashes, valid for Python 3.11–3.13 on Linux, Windows and
# macOS; one version of each package for every Python (--fork-strategy fewest: same verdicts, same results):
#   requirements/run.txt        what running needs, OCR included (./dev run)
#   requirements/test.txt       run + the test extra (./dev test, CI)
#   requirements/packaging.txt  run + the packaging extra (./dev build, the Windows workflow)
# test and packaging are constrained by run.txt, so the shared packages have the same versions.
# The lock tool is uv, pinned here; it is installed into .venv when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
PYMIN=3.11
UV=${UV:-.venv/bin/uv}
if ! "$UV" --version 2>/dev/null | grep -q "^uv $UV_VERSION\b"; then
  [ -x .venv/bin/python ] || { echo "tools/lock.sh: no .venv (run ./dev test once) and no UV=…" >&2; exit 1; }
  .venv/bin/python -m pip install -q "uv==$UV_VERSION"
  UV=.venv/bin/uv
fi

compile() {  # compile OUT [uv options…]
  local out=$1; shift
  "$UV" pip compile pyproject.toml --universal --python-version "$PYMIN" --fork-strategy fewest --generate-hashes \
    --no-header --quiet --custom-compile-command "bash tools/lock.sh" -o "$out" "$@"
}
extra=()
[ "${1:-}" = --upgrade ] && extra+=(--upgrade)
compile requirements/run.txt --extra ocr "${extra[@]}"
compile requirements/test.txt --extra ocr --extra test -c requirements/run.txt "${extra[@]}"
compile requirements/packaging.txt --extra ocr --extra packaging -c requirements/run.txt "${extra[@]}"
for f in requirements/*.txt; do
  # Header: what this file is and how it is made (uv's own header names a temporary command line).
  { echo "# Locked by: bash tools/lock.sh (uv $UV_VERSION, universal, Python >= $PYMIN). Do not edit by hand."
    cat "$f"; } > "$f.new" && mv "$f.new" "$f"
  echo "$f: $(grep -c '^[a-z0-9]' "$f") packages"
done
