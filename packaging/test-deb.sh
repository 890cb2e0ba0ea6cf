#!/usr/bin/env bash
# Installs the Countersign .deb into a fresh minimal Debian 13 root and checks it as a user
# would meet it: apt resolves the Depends, the server starts and answers, the three programs
# report their version, the machine-readable copyright file is there, the app draws its main
# window (offscreen) against the server, and `apt-get purge` leaves no file behind. Prints the package size and the install time.
#
# Runs on the HOST as root (it runs the test root with bubblewrap, which the build root lacks):
#   packaging/test-deb.sh [path/to/countersign_VERSION_ARCH.deb]
# Without an argument it takes the newest build/*/countersign_*.deb (cpack's output).
# KEEP_ROOT=1 keeps the test root (its path is printed) for a look after a failure.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The project's root machinery: cs_note, cs_die, cs_install_host_tools, cs_exec, CS_SUITE.
# shellcheck source=scripts/buildroot/buildroot.sh
source "$TOP/scripts/buildroot/buildroot.sh"

deb=${1:-}
if [ -z "$deb" ]; then
    # shellcheck disable=SC2012 # newest first; the names are cpack's
    deb=$(ls -t "$TOP"/build/*/countersign_*.deb 2>/dev/null | head -1 || true)
    [ -n "$deb" ] || cs_die "no build/*/countersign_*.deb: build one with cpack first (packaging/README.md)"
fi
[ -f "$deb" ] || cs_die "no such package: $deb"
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
[ "$(id -u)" -eq 0 ] || cs_die "run as root: mmdebstrap and apt inside the test root need it"
cs_install_host_tools

work=$(mktemp -d "${TMPDIR:-/var/tmp}/countersign-test-deb.XXXXXX")
CS_ROOT="$work/root"
CS_MODE=root
cleanup() {
    if [ "${KEEP_ROOT:-0}" = 1 ]; then
        cs_note "Keeping the test root $CS_ROOT"
        return
    fi
    # No mounts is the usual case: grep's status must not stop the cleanup (set -e, pipefail).
    { findmnt -rn -o TARGET | grep -F "$work/" || true; } | sort -r | while IFS= read -r mnt; do
        umount -l "$mnt" 2>/dev/null || true
    done
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# Runs a shell script inside the test root as root, with the network (apt) and nothing of the
# host bound but the work tree (cs_exec binds it; the script does not use it).
in_root() { cs_exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 bash -euo pipefail -c "$1"; }

started=$SECONDS
cs_note "Creating a minimal Debian 13 root (mmdebstrap --variant=apt $CS_SUITE, with systemd's units)"
# systemd only so that systemd-analyze can check the unit against the targets it names.
mmdebstrap --quiet --variant=apt --include=systemd "$CS_SUITE" "$CS_ROOT" </dev/null
cs_note "Root ready after $((SECONDS - started)) s"

mkdir -p "$CS_ROOT/var/tmp/countersign-test"
cp "$deb" "$CS_ROOT/var/tmp/countersign-test/"
debname=$(basename "$deb")
packages_before=$(in_root "dpkg-query -f '.\n' -W | wc -l")

cs_note "apt-get install ./$debname"
t0=$(date +%s.%N)
in_root "cd /var/tmp/countersign-test && apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ./$debname >/dev/null"
t1=$(date +%s.%N)
install_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
packages_after=$(in_root "dpkg-query -f '.\n' -W | wc -l")
in_root "dpkg -L countersign" >"$work/files.txt"

cs_note "Smoke test: versions, server, CLI, app screenshot"
# One bwrap call: its /tmp (a tmpfs) lives as long as the server it starts.
# shellcheck disable=SC2016 # expanded inside the root
in_root '
v=$(dpkg-query -f "\${Version}" -W countersign)
for p in countersign countersign-server countersign-cli; do
    out=$(QT_QPA_PLATFORM=offscreen "$p" --version)
    echo "    $out"
    [ "$out" = "$p $v" ] || { echo "FAIL: $p --version says \"$out\", the package is $v"; exit 1; }
done
copyright=/usr/share/doc/countersign/copyright
head -1 "$copyright" 2>/dev/null | grep -qx "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ||
    { echo "FAIL: no machine-readable $copyright (Debian policy 12.5)"; exit 1; }
echo "    $copyright: machine-readable (DEP-5)"
for p in countersign countersign-server countersign-cli; do
    QT_QPA_PLATFORM=offscreen "$p" --help >/dev/null || { echo "FAIL: $p --help"; exit 1; }
    man -w "$p" >/dev/null 2>&1 || [ -f "/usr/share/man/man1/$p.1.gz" ] || { echo "FAIL: no man page for $p"; exit 1; }
done

export HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/runtime QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" /tmp/server && chmod 700 "$XDG_RUNTIME_DIR"
t0=$(date +%s%N)
countersign-server --listen 127.0.0.1:0 --db /tmp/server/countersign.db --demo --demo-interval 1 \
    >/tmp/server/out.log 2>/tmp/server/err.log &
server=$!
url=""
for _ in $(seq 1 100); do
    url=$(sed -n "s/.*listening on \(http:\/\/[0-9.:]*\).*/\1/p" /tmp/server/out.log | head -1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "FAIL: the server did not start"; cat /tmp/server/*.log; exit 1; }
echo "    server listening on $url after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
hostport=${url#http://}
exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}"
printf "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3
health=$(timeout 5 cat <&3 || true)
exec 3>&-
case "$health" in
    *"200 OK"*"\"ok\""*) echo "    GET /healthz: 200 ok" ;;
    *) echo "FAIL: /healthz answered: $health"; exit 1 ;;
esac
sleep 2 # a few demo actions arrive
countersign --server "$url" --demo-tokens /tmp/server/demo-tokens.json --history /tmp/home/history.db \
    --screenshot /var/tmp/countersign-test/main-window.ppm 2>/tmp/app.log \
    || { echo "FAIL: the app did not save its screenshot"; cat /tmp/app.log; exit 1; }
echo "    app screenshot saved"
kill -TERM "$server"
wait "$server" || { echo "FAIL: the server did not stop cleanly on SIGTERM"; cat /tmp/server/err.log; exit 1; }
echo "    server stopped cleanly on SIGTERM"
'

# Not blank (many colours, no one colour covering nearly everything); kept as PNG.
python3 "$TOP/packaging/check-screenshot.py" "$CS_ROOT/var/tmp/countersign-test/main-window.ppm" "$work/main-window.png"
mkdir -p "$(dirname "$deb")/test-deb"
cp "$work/main-window.png" "$(dirname "$deb")/test-deb/main-window.png"
echo "    picture: $(dirname "$deb")/test-deb/main-window.png"

# The unit as systemd reads it, from the host's systemd against the test root.
if command -v systemd-analyze >/dev/null; then
    cs_note "systemd-analyze on the installed unit"
    unit="$CS_ROOT/usr/lib/systemd/system/countersign-server.service"
    [ -f "$unit" ] || unit="$CS_ROOT/lib/systemd/system/countersign-server.service"
    if systemd-analyze verify --man=no --root="$CS_ROOT" "$unit" 2>"$work/verify.log"; then
        echo "    verify: clean"
    else
        sed 's/^/    /' "$work/verify.log"
        cs_die "systemd-analyze verify found problems in the unit"
    fi
    exposure=$(systemd-analyze security --offline=true --root="$CS_ROOT" "$unit" 2>/dev/null | tail -1 || true)
    echo "    security: ${exposure:-n/a}"
fi

cs_note "apt-get purge countersign"
# The state a running service would have left (DynamicUser + StateDirectory): purge removes it.
in_root "mkdir -p /var/lib/private/countersign-server && touch /var/lib/private/countersign-server/countersign.db \
    && ln -s private/countersign-server /var/lib/countersign-server"
in_root "DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq countersign >/dev/null"
left=""
while IFS= read -r f; do
    [ -e "$CS_ROOT$f" ] || [ -L "$CS_ROOT$f" ] || continue
    [ -d "$CS_ROOT$f" ] && [ ! -L "$CS_ROOT$f" ] && continue # shared directories (/usr/bin, ...)
    left+="$f"$'\n'
done <"$work/files.txt"
left+=$(find "$CS_ROOT" -xdev \( -path "$CS_ROOT/var/tmp/countersign-test" -prune \) -o -iname '*countersign*' -print |
    sed "s|^$CS_ROOT||")
if [ -n "${left//[$'\n']/}" ]; then
    printf '%s\n' "$left" | sed '/^$/d; s/^/    left behind: /'
    cs_die "files remain after apt-get purge"
fi
echo "    no files remain"

size_kib=$(( $(stat -c %s "$deb") / 1024 ))
installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
cs_note "Passed: $debname"
printf '    %-28s %s\n' \
    "package size" "$size_kib KiB" \
    "installed size" "$installed_kib KiB" \
    "packages pulled in by apt" "$((packages_after - packages_before - 1)) (plus countersign)" \
    "install time (apt-get)" "$install_seconds s" \
    "Depends" "$(dpkg-deb -f "$deb" Depends)" \
    "whole test" "$((SECONDS - started)) s"
