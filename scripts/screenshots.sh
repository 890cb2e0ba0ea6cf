#!/usr/bin/env bash
# Runs the reviewer app under Xvfb against a demo server and saves screenshots of its main
# windows to docs/screenshots/. Usage: scripts/countersign shell scripts/screenshots.sh [BUILD-DIR]
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$TOP/build/ci-root}
OUT=$TOP/docs/screenshots
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

PORT=$((20000 + RANDOM % 20000))
"$BUILD/app/countersign-server/countersign-server" --listen "127.0.0.1:$PORT" --db "$WORK/demo.db" --demo \
    >"$WORK/server.log" 2>&1 &
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 1 # let the demo seed its first actions
tour() { # SIZE LANG THEME SUFFIX
    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 \
        COUNTERSIGN_TOUR_SIZE="$1" COUNTERSIGN_TOUR_LANG="$2" COUNTERSIGN_TOUR_THEME="$3" COUNTERSIGN_TOUR_SUFFIX="$4" \
        "$BUILD/tests/ui/app/screenshottour" "http://127.0.0.1:$PORT" "$WORK/demo-tokens.json" "$OUT"
}
# A laptop (1366x768) in English light, dark and German, and half of a 1920 screen.
tour 1366x768 en light ""
tour 1366x768 en dark -dark
tour 1366x768 de light -de
tour 960x1000 en light -960

# The app while its server is down, from the reviewer trust test's outage.
xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 COUNTERSIGN_SCREENSHOT_DIR="$OUT" \
    "$BUILD/tests/ui/app/tst_reviewertrust" anOutageIsShownAtOnceAndDecisionsWaitForTheServer >"$WORK/trust.log" 2>&1 \
    || { tail -20 "$WORK/trust.log"; exit 1; }

# The report window, its recommendations and the quarterly review (with its PDF), from the
# report window test's seeded server.
xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 COUNTERSIGN_SCREENSHOT_DIR="$OUT" \
    "$BUILD/tests/ui/report/tst_reportwindow" >"$WORK/reportwindow.log" 2>&1 \
    || { tail -20 "$WORK/reportwindow.log"; exit 1; }

# The report window and the quarterly review (PDF and its pages) from the demo server's 90 days
# of history: these replace the report test's pictures of its few seeded decisions.
xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 \
    "$BUILD/tests/ui/report/reportscreenshots" "http://127.0.0.1:$PORT" "$WORK/demo-tokens.json" "$OUT"
