#!/usr/bin/env bash
# Runs the benchmark programs of a release build; `scripts/countersign bench [NAME]` calls it.
set -euo pipefail
BUILD=$1
shift
FILTER=${1:-}
status=0
while IFS= read -r bench; do
    name=$(basename "$bench")
    if [ -n "$FILTER" ] && [[ "$name" != *"$FILTER"* ]]; then continue; fi
    echo "==> $name"
    "$bench" || status=1
    echo
done < <(find "$BUILD/bench" -type f -executable -name '*_bench' | sort)
exit $status
