#!/usr/bin/env bash
# Applies clang-format to every C++ source; with --check, lists unformatted files and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tracked and new files that exist (a file deleted in the work tree is still listed as tracked).
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' | grep -v '^build/' \
    | while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done)
[ ${#files[@]} -gt 0 ] || exit 0
if [ "${1:-}" = "--check" ]; then
    clang-format --dry-run --Werror "${files[@]}"
    echo "clang-format: ${#files[@]} files checked"
else
    clang-format -i "${files[@]}"
fi
