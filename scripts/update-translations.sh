#!/usr/bin/env bash
# Updates translations/*.ts from the current sources (the `update_translations` target runs
# lupdate over countersign-ui, countersign and countersign-client), then lists what still needs
# a translator. Usage: scripts/update-translations.sh [BUILD-DIR]   (default: build/dev)
# Runs through scripts/countersign, so natively or in the Debian 13 build root as needed.
set -euo pipefail
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$TOP/build/dev}
case "$BUILD" in /*) ;; *) BUILD=$PWD/$BUILD ;; esac

run() {
    if [ -f /.countersign-root-complete ]; then
        "$@" # already inside the build root
    else
        "$TOP/scripts/countersign" shell "$@" # natively where Qt 6.8 is installed, else in the root
    fi
}

if [ ! -f "$BUILD/build.ninja" ] && [ ! -f "$BUILD/Makefile" ]; then
    echo "==> Configuring $BUILD"
    run cmake --preset dev -B "$BUILD" -S "$TOP"
fi
echo "==> Running lupdate (target update_translations) in $BUILD"
run cmake --build "$BUILD" --target update_translations

for ts in "$TOP"/translations/*.ts; do
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    total=$(grep -c '<message' "$ts" || true)
    echo "$(basename "$ts"): $total messages, $unfinished to translate"
done
