#!/usr/bin/env bash
# `scripts/countersign package windows [--test]`, run inside the cross root (see
# scripts/buildroot/windows-packages.txt). Fetches the Debian source packages the Windows build
# is made from (sources.txt) into the cross cache, then builds Qt and the KDE and keychain
# libraries for Windows, Countersign and its NSIS installer.
#
# The build stops at the first step: the package registry this project builds from serves the
# source packages of qt6-base and sqlite3, but not those of the other Qt modules, KF6
# SyntaxHighlighting or QtKeychain (see packaging/README.md, "Windows"). Until it does, this
# command names what is missing and fails; nothing is built from any other origin.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
SOURCES_FILE="$HERE/sources.txt"
JOBS=${COUNTERSIGN_JOBS:-$(nproc)}
# shellcheck source=packaging/windows/cross/qtbase.sh
source "$HERE/qtbase.sh"
# shellcheck source=packaging/windows/cross/foundation.sh
source "$HERE/foundation.sh"

note() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'countersign package windows: %s\n' "$*" >&2; exit "${2:-1}"; }

sources() { grep -v -e '^#' -e '^[[:space:]]*$' "$SOURCES_FILE"; }

# The cache is keyed by the cross root's package list and the source versions: a change to
# either starts a fresh one, an unchanged pair reuses everything built so far.
cache_dir() {
    local key
    key=$({ cat "$TOP/scripts/buildroot/windows-packages.txt"; sources; } | sha256sum | cut -c1-16)
    echo "${XDG_CACHE_HOME:-$HOME/.cache}/countersign/windows-$key"
}

# The root's apt knows binary packages only; source indexes are added from the same origins
# (read from the root's own sources.list, so no host is written anywhere) and refreshed daily.
enable_source_indexes() {
    local list=/etc/apt/sources.list.d/countersign-sources.list stamp=/var/lib/apt/countersign-sources-updated
    if [ ! -f "$list" ]; then
        sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >"$list"
    fi
    if [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ]; then
        note "Reading the source package indexes"
        apt-get update -qq
        touch "$stamp"
    fi
}

# Downloads and unpacks each source package once (dpkg-source applies Debian's patches); a
# package the registry does not serve is collected and reported together with the others.
MISSING_SOURCES=()
fetch_sources() {
    local src=$1 name version
    mkdir -p "$src"
    while read -r name version; do
        [ -f "$src/$name-$version.unpacked" ] && continue
        note "Fetching the source of $name $version"
        local work="$src/.fetch-$name"
        rm -rf "$work" && mkdir -p "$work"
        if (cd "$work" && apt-get source -qq "$name=$version" >"$work.log" 2>&1); then
            rm -rf "${src:?}/$name" && mv "$work" "$src/$name"
            touch "$src/$name-$version.unpacked"
        else
            MISSING_SOURCES+=("$name $version")
            rm -rf "$work"
        fi
    done < <(sources)
}

report_missing_sources() {
    printf 'countersign package windows: the package registry does not serve these source packages:\n' >&2
    printf '    %s\n' "${MISSING_SOURCES[@]}" >&2
    printf 'The installer needs all of %s; nothing is built from another origin.\n' \
        "$(sources | cut -d' ' -f1 | paste -sd, - | sed 's/,/, /g')" >&2
}

have_source() { [ -n "$(find "$1" -maxdepth 1 -name "$2-*.unpacked" -print -quit)" ]; }

main() {
    local test=0 available=0
    for arg in "$@"; do
        case "$arg" in
            --test) test=1 ;;
            --only-available) available=1 ;;
            *) die "unknown argument '$arg' (usage: scripts/countersign package windows [--test] [--only-available])" 2 ;;
        esac
    done
    local cache
    cache=$(cache_dir)
    note "Windows cross cache: $cache"
    export CCACHE_DIR="$cache/ccache" CCACHE_MAXSIZE=8G
    enable_source_indexes
    fetch_sources "$cache/src"
    if [ ${#MISSING_SOURCES[@]} -gt 0 ] && [ "$available" = 0 ]; then
        report_missing_sources
        exit 3
    fi
    have_source "$cache/src" qt6-base || { report_missing_sources; exit 3; }
    build_qtbase "$cache/src" "$cache" "$cache/prefix"
    if [ ${#MISSING_SOURCES[@]} -gt 0 ]; then
        # What the available sources can carry: core and store, tested under Wine.
        build_foundation "$cache" "$cache/prefix"
        [ "$test" = 1 ] && test_foundation "$cache"
        report_missing_sources
        exit 3
    fi
}

main "$@"
