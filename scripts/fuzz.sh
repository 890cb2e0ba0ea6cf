#!/usr/bin/env bash
# Longer fuzzing than the test command does: configures a clang build with COUNTERSIGN_FUZZ
# (libFuzzer + ASan + UBSan), builds the harnesses under fuzz/ and runs each for SECONDS,
# printing executions and new corpus entries per harness. New inputs stay in the build tree;
# --merge folds the ones that add coverage into fuzz/corpus/<harness>/ (then review and commit).
#
#   scripts/fuzz.sh [SECONDS] [--only HARNESS] [--merge] [--build DIR]
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/buildroot/buildroot.sh
source "$TOP/scripts/buildroot/buildroot.sh"

SECONDS_EACH=60
ONLY=
MERGE=0
BUILD="$TOP/build/fuzz"
while [ $# -gt 0 ]; do
    case "$1" in
        --only) ONLY=$2; shift 2 ;;
        --merge) MERGE=1; shift ;;
        --build) BUILD=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        -h | --help) sed -n 2,8p "$0"; exit 0 ;;
        [0-9]*) SECONDS_EACH=$1; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

HARNESSES=(requestbody requesthead policy unifieddiff differ)
[ -n "$ONLY" ] && HARNESSES=("$ONLY")

cs_prepare_env
if [ ! -f "$BUILD/build.ninja" ]; then
    cs_exec cmake -G Ninja -B "$BUILD" -S "$TOP" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++ -DCOUNTERSIGN_FUZZ=ON -DCOUNTERSIGN_WERROR=ON -DCOUNTERSIGN_BUILD_BENCH=OFF
fi
targets=()
for h in "${HARNESSES[@]}"; do targets+=("fuzz_$h"); done
cs_exec cmake --build "$BUILD" --target "${targets[@]}" --parallel "${COUNTERSIGN_JOBS:-$(nproc)}"

status=0
printf '%-12s %10s %12s %8s %8s\n' harness seconds execs corpus new
for h in "${HARNESSES[@]}"; do
    out="$BUILD/fuzz/corpus/$h"
    mkdir -p "$out"
    before=$(find "$out" -type f | wc -l)
    log="$BUILD/fuzz/fuzz_$h.log"
    if ! cs_exec "$BUILD/fuzz/fuzz_$h" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=512 \
        -print_final_stats=1 -artifact_prefix="$BUILD/fuzz/crash-$h-" "$out" "$TOP/fuzz/corpus/$h" >"$log" 2>&1; then
        echo "fuzz_$h FAILED: see $log and $BUILD/fuzz/crash-$h-*" >&2
        status=1
    fi
    after=$(find "$out" -type f | wc -l)
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    printf '%-12s %10s %12s %8s %8s\n' "$h" "$SECONDS_EACH" "$execs" "$after" "$((after - before))"
    if [ "$MERGE" = 1 ]; then
        cs_exec "$BUILD/fuzz/fuzz_$h" -merge=1 "$TOP/fuzz/corpus/$h" "$out" >>"$log" 2>&1 || status=1
    fi
done
exit $status
