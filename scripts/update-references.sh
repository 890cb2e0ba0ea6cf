#!/usr/bin/env bash
# Rewrites the differ's reference outputs (tests/data/diff/*/expected) from what the current
# build gives, like KSyntaxHighlighting's update-reference-data target. Review the result with
# `git diff tests/data/diff` before committing it.
# Usage: scripts/update-references.sh [BUILD_DIR]   (default build/ci-root)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci-root}"
binary="$build/tests/core/diff/tst_differ"
[ -x "$binary" ] || { echo "no $binary: build first (./scripts/countersign build ci)" >&2; exit 2; }
COUNTERSIGN_UPDATE_REFERENCES=1 QT_QPA_PLATFORM=offscreen "$binary" referenceCases
git status --short -- tests/data/diff
