#!/usr/bin/env bash
# Refresh the UI translation catalogue and rebuild the compiled translation.
#
#   tools/update_translations.sh
#
# 1. pyside6-lupdate scans the GUI sources (xxgk_desk/gui/**/*.py) for self.tr("…") and
#    writes every Chinese source string into resources/i18n/xxgk_desk_<lang>.ts.
#    Existing translations are kept; strings no longer in the code are dropped (-no-obsolete);
#    new strings arrive as <translation type="unfinished"></translation>.
# 2. pyside6-lrelease compiles each .ts into the .qm the app loads (app.install_translation).
#
# Translating new strings:
#   .venv/bin/pyside6-linguist resources/i18n/xxgk_desk_en.ts
# In Qt Linguist, go through the entries with a question mark, type the English, mark
# each one done (Ctrl+Enter), save, then run this script again to rebuild the .qm.
# (Or edit the .ts by hand: fill <translation> and delete type="unfinished".)
# Keep %1 %2 … placeholders and the &-accelerator of menu titles ("文件(&F)" -> "&File");
# rule messages, part names and vocabulary come from data and stay Chinese by design.
# Commit both the .ts and the .qm; tests/gui/test_translation.py checks that every message
# is translated, that placeholders match, and that the .qm is up to date with the .ts.
#
# Note: lupdate only sees tr("literal") calls; tr() inside an f-string, or on a
# variable, is invisible to it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="${PYSIDE_BIN:-.venv/bin}"
LUPDATE="$BIN/pyside6-lupdate"
LRELEASE="$BIN/pyside6-lrelease"
if [[ ! -x "$LUPDATE" ]]; then
    LUPDATE="$(command -v pyside6-lupdate)"
    LRELEASE="$(command -v pyside6-lrelease)"
fi

mapfile -t SOURCES < <(find xxgk_desk/gui -name '*.py' | sort)
LANGUAGES=("${@:-en}")

for lang in "${LANGUAGES[@]}"; do
    ts="resources/i18n/xxgk_desk_${lang}.ts"
    qm="resources/i18n/xxgk_desk_${lang}.qm"
    "$LUPDATE" "${SOURCES[@]}" -ts "$ts" -no-obsolete
    "$LRELEASE" "$ts" -qm "$qm"
    left=$(grep -c 'type="unfinished"' "$ts" || true)
    if [[ "$left" != "0" ]]; then
        echo "$ts: $left message(s) still untranslated — open it in pyside6-linguist" >&2
    fi
done
