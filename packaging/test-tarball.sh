#!/usr/bin/env bash
# Unpacks the relocatable Countersign .tar.gz into a fresh minimal Debian root that has only
# what a desktop session has (packaging/linux/desktop-packages.txt on top of mmdebstrap's
# minbase) and checks that it runs there as shipped:
#   1. every ELF file has a DT_RUNPATH into lib/ and no DT_RPATH; only the desktop platform
#      plugins are there (xcb, Wayland, offscreen); the copyright files are there;
#   2. `ldd` finds every library of every ELF file (each "not found" line is printed: none
#      may remain);
#   3. countersign-server, countersign-cli and countersign report the tarball's version;
#   4. the server starts on SQLite with demo data and answers /healthz; the app starts with
#      the offscreen platform plugin, draws its main window against the server and quits
#      (--screenshot), and the picture is not blank.
# It prints the newest C library and libstdc++ symbol versions the tarball needs; every
# "not found" of ldd is summed up by what is missing (a library, a symbol version).
#
#   packaging/test-tarball.sh [TARBALL]            default: the newest build/*/countersign-*-Linux.tar.gz
#   packaging/test-tarball.sh --cpack BUILD_DIR    first package BUILD_DIR with `cpack -G TGZ`
#   SUITE=bookworm packaging/test-tarball.sh ...   in Debian 12 instead of 13
#
# Needs root (mmdebstrap --mode=root, unshare --root), on the host or inside the
# build root (`scripts/countersign shell`, which has mmdebstrap). The desktop root is made once
# and cached in ~/.cache/countersign/desktop-SUITE-HASH, keyed by the package list, like the
# build root; each run works in a hard-linked copy of it. Exit status 77 means "cannot run here" (not
# root, or neither mmdebstrap nor a cached root): ctest reports the test as skipped.
set -euo pipefail

SKIP=77
skip() { printf 'SKIPPED: %s\n' "$*"; exit "$SKIP"; }
case "${1:-}" in -h | --help) ;; *) [ "$(id -u)" -eq 0 ] || skip "needs root (mmdebstrap, unshare --root)" ;; esac

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/buildroot/buildroot.sh
source "$TOP/scripts/buildroot/buildroot.sh" # cs_note, cs_die, cs_cache_dir
SUITE=${SUITE:-trixie}
PACKAGES_FILE="$TOP/packaging/linux/desktop-packages.txt"

cpack_dir=""
tarball=""
case "${1:-}" in
    --cpack) cpack_dir=${2:?--cpack needs the build directory} ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) tarball=${1:-} ;;
esac

# Debian 12 has the same libraries under the names from before the 64-bit time_t renames.
desktop_packages() {
    local names
    names=$(grep -v -e '^#' -e '^[[:space:]]*$' "$PACKAGES_FILE")
    # shellcheck disable=SC2001 # per line, not the whole text
    [ "$SUITE" = trixie ] || names=$(sed 's/t64$//' <<<"$names")
    echo "$names"
}

# --- can this run here? (decided before the slow part) ---------------------------------
for tool in unshare tar readelf python3; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
cache=$(cs_cache_dir)
hash=$({ echo "$SUITE"; desktop_packages; } | sha256sum | cut -c1-16)
root="$cache/desktop-$SUITE-$hash"
if [ ! -f "$root/.countersign-root-complete" ] && ! command -v mmdebstrap >/dev/null; then
    skip "no mmdebstrap to create the desktop root $root (apt-get install mmdebstrap)"
fi
unshare --mount --pid --fork true 2>/dev/null || skip "cannot create mount and PID namespaces here"

# --- the tarball -----------------------------------------------------------------------
started=$SECONDS
# Beside the cached root: its hard-linked copy must be on the same file system.
mkdir -p "$cache"
work=$(mktemp -d "$cache/test-tarball.XXXXXX")
trap 'rm -rf --one-file-system "$work"' EXIT
if [ -n "$cpack_dir" ]; then
    [ -f "$cpack_dir/CPackConfig.cmake" ] || cs_die "no CPackConfig.cmake in $cpack_dir"
    cs_note "cpack -G TGZ in $cpack_dir"
    t0=$SECONDS
    (cd "$work" && cpack -G TGZ --config "$cpack_dir/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1) ||
        { tail -40 "$work/cpack.log"; cs_die "cpack -G TGZ failed (whole log: rerun by hand)"; }
    tarball=$(ls "$work"/cpack/countersign-*-Linux.tar.gz)
    echo "    packaged in $((SECONDS - t0)) s"
elif [ -z "$tarball" ]; then
    # shellcheck disable=SC2012 # newest first; the names are cpack's
    tarball=$(ls -t "$TOP"/build/*/countersign-*-Linux.tar.gz 2>/dev/null | head -1 || true)
    [ -n "$tarball" ] || cs_die "no build/*/countersign-*-Linux.tar.gz: build one with cpack first (packaging/README.md)"
fi
[ -f "$tarball" ] || cs_die "no such tarball: $tarball"
name=$(basename "$tarball" .tar.gz)
version=${name#countersign-}
version=${version%-Linux}
mkdir -p "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
app="$work/unpacked/$name"
[ -x "$app/bin/countersign" ] || cs_die "$name.tar.gz has no $name/bin/countersign"

# --- 1. layout, RUNPATH, what it needs from the C library ------------------------------
cs_note "Checking $name.tar.gz: RUNPATH, plugins, copyright"
fail=0
elves=()
while IFS= read -r -d '' f; do
    [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] && elves+=("$f")
done < <(find "$app/bin" "$app/lib" "$app/plugins" -type f -print0)
for f in "${elves[@]}"; do
    rel=${f#"$app"/}
    dynamic=$(readelf -d "$f")
    if grep -q '(RPATH)' <<<"$dynamic"; then
        echo "    FAIL: $rel has a DT_RPATH"; fail=1
    fi
    depth=$(($(tr -cd / <<<"$rel" | wc -c) - 1)) # bin/x: 0, plugins/platforms/x: 1
    # shellcheck disable=SC2016 # the value is literally $ORIGIN
    want='$ORIGIN'
    case "$rel" in
        lib/*) ;;
        *) want+=$(printf '/..%.0s' $(seq 0 "$depth"))/lib ;;
    esac
    got=$(sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p' <<<"$dynamic")
    [ "$got" = "$want" ] || { echo "    FAIL: $rel has RUNPATH \"$got\", expected \"$want\""; fail=1; }
done
echo "    ${#elves[@]} ELF files: RUNPATH checked"
platforms=$(cd "$app/plugins/platforms" && ls)
for p in $platforms; do
    case "$p" in
        libqxcb.so | libqwayland*.so | libqoffscreen.so) ;;
        *) echo "    FAIL: platform plugin $p is bundled (only xcb, Wayland, offscreen belong)"; fail=1 ;;
    esac
done
for p in libqxcb.so libqoffscreen.so; do
    [ -f "$app/plugins/platforms/$p" ] || { echo "    FAIL: platform plugin $p is missing"; fail=1; }
done
compgen -G "$app/plugins/platforms/libqwayland*.so" >/dev/null ||
    { echo "    FAIL: no Wayland platform plugin"; fail=1; }
echo "    platform plugins: $(echo "$platforms" | paste -sd' ')"
[ -f "$app/share/doc/countersign/copyright" ] || { echo "    FAIL: no share/doc/countersign/copyright"; fail=1; }
third_party=$(find "$app/share/doc/countersign/third-party" -name copyright 2>/dev/null | wc -l)
echo "    copyright files of bundled packages: $third_party"
[ "$third_party" -gt 0 ] || { echo "    FAIL: no copyright files of the bundled libraries"; fail=1; }
# The newest symbol versions any ELF file asks of the C library and of libstdc++.
newest() { for f in "${elves[@]}"; do readelf -V "$f"; done | grep -o "Name: $1_[0-9.]*" |
    sed 's/Name: //' | sort -u -V | tail -1; }
glibc=$(newest GLIBC)
glibcxx="$(newest GLIBCXX) $(newest CXXABI)"
echo "    needs from the system: $glibc, $glibcxx (libstdc++)"
[ "$fail" = 0 ] || cs_die "the tarball's layout is wrong"

# --- the desktop root ------------------------------------------------------------------
if [ ! -f "$root/.countersign-root-complete" ]; then
    exec 9>"$cache/desktop.lock"
    flock 9
    if [ ! -f "$root/.countersign-root-complete" ]; then
        rm -rf --one-file-system "$cache"/desktop-"$SUITE"-*.partial.* 2>/dev/null || true
        tmp="$root.partial.$$"
        cs_note "Creating the Debian ($SUITE) desktop root in $root (first run only, about a minute)"
        t0=$SECONDS
        # Inside the build root mmdebstrap cannot mount /proc and /dev for the root (it says so
        # with warnings); minbase and these libraries need neither.
        mmdebstrap --quiet --mode=root --variant=minbase --include="$(desktop_packages | paste -sd, -)" \
            "$SUITE" "$tmp" </dev/null 2>&1 | grep -v -e '^W: skipping' -e '^Can.t exec "mount"' -e '^$' || true
        [ -x "$tmp/usr/bin/ldd" ] || { rm -rf --one-file-system "$tmp"; cs_die "creating the desktop root failed"; }
        touch "$tmp/.countersign-root-complete"
        mv "$tmp" "$root"
        echo "    root ready after $((SECONDS - t0)) s"
    fi
    flock -u 9
    exec 9>&-
fi

# --- 2.-4. inside the root -------------------------------------------------------------
cs_note "Running it in the $SUITE desktop root ($(desktop_packages | wc -l) packages on minbase)"
# shellcheck disable=SC2016 # expanded inside the root
inner='
set -u
app=/opt/countersign
fail=0
missing=$(find "$app/bin" "$app/lib" "$app/plugins" -type f \( -perm -u+x -o -name "*.so*" \) -print0 |
    xargs -0 -n 1 sh -c "ldd \"\$0\" 2>/dev/null | grep \"not found\" | sed \"s|^|\$0: |\"" | sed "s|^$app/||")
if [ -n "$missing" ]; then
    echo "    ldd: $(echo "$missing" | wc -l) lines say \"not found\"; what is missing, how often:"
    echo "$missing" | sed -n -e "s/.*\(version .[A-Za-z0-9_.]*. not found\).*/\1/p" \
        -e "s/.*[[:space:]]\([^[:space:]]*\) => not found.*/\1 not found/p" | sort | uniq -c | sed "s/^/      /"
    echo "    the first of them:"
    echo "$missing" | head -10 | sed "s/^/      /"
    fail=1
else
    echo "    ldd: every library of every ELF file found"
fi
check_version() {
    out=$("$@" 2>&1) || { echo "    FAIL: $* exited with $?: $(echo "$out" | head -2)"; fail=1; return; }
    echo "    $out"
    [ "$out" = "$(basename "$1") $VERSION" ] || { echo "    FAIL: expected \"$(basename "$1") $VERSION\""; fail=1; }
}
check_version "$app/bin/countersign-server" --version
check_version "$app/bin/countersign-cli" --version
# --version answers before any platform plugin loads; the real start is --screenshot below.
QT_QPA_PLATFORM=offscreen check_version "$app/bin/countersign" --version
[ "$fail" = 0 ] || exit 1

export HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/runtime QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" /tmp/server && chmod 700 "$XDG_RUNTIME_DIR"
"$app/bin/countersign-server" --listen 127.0.0.1:0 --db /tmp/server/countersign.db --demo --demo-interval 1 \
    >/tmp/server/out.log 2>/tmp/server/err.log &
server=$!
url=""
for _ in $(seq 1 100); do
    url=$(sed -n "s/.*listening on \(http:\/\/[0-9.:]*\).*/\1/p" /tmp/server/out.log | head -1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "    FAIL: the server did not start"; cat /tmp/server/*.log; exit 1; }
echo "    server listening on $url (SQLite)"
hostport=${url#http://}
exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}"
printf "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3
health=$(timeout 5 cat <&3 || true)
exec 3>&-
case "$health" in
    *"200 OK"*"\"ok\""*) echo "    GET /healthz: 200 ok" ;;
    *) echo "    FAIL: /healthz answered: $health"; kill "$server"; exit 1 ;;
esac
"$app/bin/countersign" --server "$url" --demo-tokens /tmp/server/demo-tokens.json --history "$HOME/history.db" \
    --screenshot /opt/out/main-window.ppm 2>/tmp/app.log ||
    { echo "    FAIL: the app did not start and save its screenshot"; cat /tmp/app.log; kill "$server"; exit 1; }
echo "    app started offscreen and saved its screenshot"
kill -TERM "$server"
wait "$server" || { echo "    FAIL: the server did not stop cleanly on SIGTERM"; cat /tmp/server/err.log; exit 1; }
'
# The test's own root: a hard-linked copy of the cached one (instant; the test only adds files,
# in /tmp and /opt, so the cache stays as mmdebstrap made it), the tarball unpacked into
# /opt/countersign. unshare chroots into it with a fresh /proc (Qt finds its folder there).
sysroot="$work/sysroot"
cp -al "$root" "$sysroot"
mkdir -p "$sysroot/opt/countersign" "$sysroot/opt/out"
tar -xzf "$tarball" -C "$sysroot/opt/countersign" --strip-components=1
unshare --mount --pid --fork --mount-proc=/proc --root="$sysroot" --wd=/ \
    /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 VERSION="$version" bash -c "$inner" ||
    cs_die "$name.tar.gz does not run in a fresh Debian ($SUITE) desktop root"

python3 "$TOP/packaging/check-screenshot.py" "$sysroot/opt/out/main-window.ppm" "$work/main-window.png"
shots="${cpack_dir:-$(dirname "$tarball")}/test-tarball"
if mkdir -p "$shots" 2>/dev/null && cp "$work/main-window.png" "$shots/main-window-$SUITE.png" 2>/dev/null; then
    echo "    picture: $shots/main-window-$SUITE.png"
fi

cs_note "Passed: $name.tar.gz runs in a fresh Debian ($SUITE) desktop root"
printf '    %-26s %s\n' \
    "tarball size" "$(($(stat -c %s "$tarball") / 1024 / 1024)) MiB" \
    "unpacked size" "$(du -sm "$app" | cut -f1) MiB" \
    "bundled libraries" "$(find "$app/lib" -type f | wc -l)" \
    "needs" "$glibc, $glibcxx" \
    "whole test" "$((SECONDS - started)) s"
