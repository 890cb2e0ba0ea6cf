#!/usr/bin/env bash
# Started by `scripts/countersign run` inside the build environment: runs countersign-server with
# demo data on loopback and, when a display is available, the reviewer app connected to it.
set -euo pipefail

BUILD=$1
shift
RESET=0
for a in "$@"; do
    case "$a" in
        --reset) RESET=1 ;;
        *) echo "run: unknown option $a (known: --reset)" >&2; exit 2 ;;
    esac
done

LISTEN=${COUNTERSIGN_LISTEN:-127.0.0.1:8470}
DATA=${XDG_DATA_HOME:-$HOME/.local/share}/countersign
SERVER="$BUILD/app/countersign-server/countersign-server"
APP="$BUILD/app/countersign/countersign"
mkdir -p "$DATA"
if [ "$RESET" = 1 ]; then
    rm -f "$DATA"/countersign.db "$DATA"/countersign.db-wal "$DATA"/countersign.db-shm "$DATA"/demo-tokens.json
fi

echo "==> Starting countersign-server on http://$LISTEN (database $DATA/countersign.db, demo policy and actions)"
"$SERVER" --listen "$LISTEN" --db "$DATA/countersign.db" --demo &
SERVER_PID=$!
stop_server() { kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
trap stop_server EXIT INT TERM

for _ in $(seq 1 100); do
    if curl -fsS "http://$LISTEN/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "countersign-server exited; see its messages above" >&2; exit 1; }
    sleep 0.1
done
echo "==> Server ready: http://$LISTEN  (API: http://$LISTEN/v1/openapi.json, metrics: http://$LISTEN/metrics)"
[ -f "$DATA/demo-tokens.json" ] && echo "==> Demo tokens: $DATA/demo-tokens.json"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "==> Starting the reviewer app ($APP)"
    # The app's export dialogs open in the folder used last, else Documents, else home.
    docs=${COUNTERSIGN_DOCUMENTS:-$HOME/Documents}
    if [ -d "$docs" ]; then
        echo "    Exports (decision history, reports) open in $docs; /tmp is the host's /tmp"
    else
        echo "    Exports (decision history, reports) open in $HOME (no $docs); /tmp is the host's /tmp"
    fi
    "$APP" --server "http://$LISTEN" --demo-tokens "$DATA/demo-tokens.json" || true
    echo "==> The app closed; stopping the server"
else
    echo "==> No display (DISPLAY and WAYLAND_DISPLAY are unset): not starting the desktop app."
    echo "    The server keeps running in the foreground; press Ctrl+C to stop it."
    wait "$SERVER_PID"
fi
