#!/bin/sh
# A throw-away PostgreSQL server for the tests, started once per ctest run as a fixture:
#   postgres-fixture.sh start DIR    initdb in DIR/data, listen on the Unix socket in DIR only
#   postgres-fixture.sh stop DIR     stop the server and remove DIR
# The tests connect to postgresql://countersign@/postgres?host=DIR (COUNTERSIGN_TEST_PG_URL).
# Without PostgreSQL binaries "start" succeeds but writes DIR/unavailable with the reason, and
# the PostgreSQL tests skip with that message instead of failing or passing vacuously.
set -eu

action=${1:?usage: postgres-fixture.sh start|stop DIR}
dir=${2:?usage: postgres-fixture.sh start|stop DIR}

find_bin() {
    if [ -n "${COUNTERSIGN_PG_BINDIR:-}" ] && [ -x "$COUNTERSIGN_PG_BINDIR/initdb" ]; then
        echo "$COUNTERSIGN_PG_BINDIR"; return 0
    fi
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir; return 0
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

# PostgreSQL refuses to run as root: run it as the postgres user (or nobody) when we are root.
as_server() {
    if [ "$(id -u)" != 0 ]; then "$@"; return; fi
    user=postgres
    id -u "$user" >/dev/null 2>&1 || user=nobody
    if command -v runuser >/dev/null 2>&1; then
        runuser -u "$user" -- "$@"
    else
        setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups -- "$@"
    fi
}

server_owner() {
    if [ "$(id -u)" != 0 ]; then id -un; elif id -u postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi
}

stop_server() {
    bin=$(find_bin 2>/dev/null || true)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "$action" in
start)
    stop_server # a server left over by an interrupted run
    mkdir -p "$dir"
    if ! bin=$(find_bin); then
        echo "PostgreSQL unavailable: no initdb/pg_ctl found (install postgresql >= 15 or set COUNTERSIGN_PG_BINDIR)" \
            | tee "$dir/unavailable"
        exit 0
    fi
    version=$("$bin/pg_ctl" --version | sed 's/[^0-9]*\([0-9]*\).*/\1/')
    if [ "${version:-0}" -lt 15 ]; then
        echo "PostgreSQL unavailable: $bin is version $version, Countersign needs 15 or later" | tee "$dir/unavailable"
        exit 0
    fi
    chown "$(server_owner)" "$dir" 2>/dev/null || true
    chmod 700 "$dir"
    if ! as_server "$bin/initdb" -D "$dir/data" -A trust -U countersign -E UTF8 --locale=C --no-sync \
        >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        exit 1
    fi
    # Unix socket only (no TCP port to collide with parallel runs). Durability off for test data;
    # COUNTERSIGN_PG_DURABLE=1 (benchmarks) keeps fsync on, like SQLite's synchronous=FULL.
    settings="-k $dir -c listen_addresses= -c max_connections=300 -c shared_buffers=64MB"
    if [ -z "${COUNTERSIGN_PG_DURABLE:-}" ]; then
        settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    if ! as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$settings" start >/dev/null; then
        cat "$dir/server.log" >&2
        exit 1
    fi
    echo "PostgreSQL $version ($bin) listening in $dir"
    ;;
stop)
    stop_server
    ;;
*)
    echo "usage: postgres-fixture.sh start|stop DIR" >&2
    exit 2
    ;;
esac
