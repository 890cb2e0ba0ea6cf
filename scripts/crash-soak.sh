#!/usr/bin/env bash
# Long crash soak: SIGKILLs the real countersign-server N times at random moments of a
# concurrent submit + decide load on one database, then checks every acknowledged submit and
# decision against the clients' own records (tests/core/server/tst_crash.cpp). The test command
# runs 10 kills; this runs as many as asked and prints the figures.
#
#   scripts/crash-soak.sh [--kills N] [--seed S] [--build DIR]
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/buildroot/buildroot.sh
source "$TOP/scripts/buildroot/buildroot.sh"

KILLS=100
SEED=
BUILD= # default: the test command's build (build/ci, or build/ci-root in the build root)
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) KILLS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --build) BUILD=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        -h | --help) sed -n 2,8p "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
case "$KILLS" in '' | *[!0-9]*) echo "--kills needs a positive number" >&2; exit 2 ;; esac

cs_prepare_env
[ -n "$BUILD" ] || BUILD="$TOP/build/ci$(cs_env_suffix)"
if [ ! -f "$BUILD/build.ninja" ]; then
    cs_exec cmake --preset ci -B "$BUILD" -S "$TOP"
fi
cs_exec cmake --build "$BUILD" --target tst_crash --parallel "${COUNTERSIGN_JOBS:-$(nproc)}"

started=$SECONDS
# QtTest stops a test function after 5 minutes unless told otherwise: allow 5 s a kill.
env=(COUNTERSIGN_CRASH_KILLS="$KILLS" QTEST_FUNCTION_TIMEOUT=$((KILLS * 5000 + 60000)))
[ -n "$SEED" ] && env+=(COUNTERSIGN_CRASH_SEED="$SEED")
cs_exec env "${env[@]}" "$BUILD/tests/core/server/tst_crash" -maxwarnings 0 \
    -o -,txt 2>&1 | tee "$BUILD/crash-soak.log" | grep -E "FIGURES|seed|PASS|FAIL|Totals|QWARN" || true
if grep -q "^Totals: .* 0 failed" "$BUILD/crash-soak.log"; then
    echo "crash soak passed: $KILLS kills in $((SECONDS - started)) s"
    exit 0
fi
echo "crash soak FAILED (full log: $BUILD/crash-soak.log)" >&2
exit 1
