# Sourced by scripts/countersign. Decides whether to build natively or inside a cached
# Debian 13 root (mmdebstrap + bubblewrap) and runs commands in that environment.
# shellcheck shell=bash

CS_PACKAGES_FILE="$TOP/scripts/buildroot/packages.txt"
CS_ROOT_KIND=root   # "root" (build and test) or "cross-windows" (scripts/countersign package windows)
CS_SUITE=trixie
CS_MODE=""   # "native" or "root", set by cs_prepare_env
CS_ROOT=""

cs_note() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
cs_die() { printf 'countersign: %s\n' "$*" >&2; exit 1; }

cs_cache_dir() { echo "${XDG_CACHE_HOME:-$HOME/.cache}/countersign"; }

cs_packages() { grep -v -e '^#' -e '^[[:space:]]*$' "$CS_PACKAGES_FILE"; }

cs_root_hash() {
    { echo "$CS_SUITE"; cs_packages; } | sha256sum | cut -c1-16
}

cs_env_suffix() { [ "$CS_MODE" = root ] && echo "-root" || true; }

# Version check without Qt's own tools: they may be Qt 5's on the PATH.
cs_native_ok() {
    command -v cmake >/dev/null && command -v ninja >/dev/null || return 1
    local v
    v=$(pkg-config --modversion Qt6Core 2>/dev/null || true)
    [ -n "$v" ] || v=$(qtpaths6 --qt-version 2>/dev/null || qtpaths --qt-version 2>/dev/null || true)
    case "$v" in
        6.[89]* | 6.[1-9][0-9]* | [7-9].*) ;;
        *) return 1 ;;
    esac
    local d
    for d in ${CMAKE_PREFIX_PATH//:/ } /usr /usr/local /opt/homebrew /opt/local; do
        compgen -G "$d/lib*/cmake/KF6SyntaxHighlighting/KF6SyntaxHighlightingConfig.cmake" >/dev/null && return 0
        compgen -G "$d/lib/*/cmake/KF6SyntaxHighlighting/KF6SyntaxHighlightingConfig.cmake" >/dev/null && return 0
    done
    return 1
}

cs_install_host_tools() {
    command -v mmdebstrap >/dev/null && command -v bwrap >/dev/null && return 0
    [ "$(id -u)" -eq 0 ] || cs_die "mmdebstrap and bubblewrap are needed: sudo apt-get install mmdebstrap bubblewrap"
    command -v apt-get >/dev/null || cs_die "Qt >= 6.8 with KF6 SyntaxHighlighting is not installed and this is no Debian-like system: see README.md for the package lists"
    cs_note "Installing mmdebstrap and bubblewrap on the host"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap bubblewrap >/dev/null
}

# Creates the root once per package list. A lock serialises racing runs; the root is built
# under a temporary name and renamed when complete, so a killed run leaves nothing half-made.
cs_ensure_root() {
    local cache hash lock tmp started
    cache=$(cs_cache_dir)
    hash=$(cs_root_hash)
    CS_ROOT="$cache/$CS_ROOT_KIND-$CS_SUITE-$hash"
    [ -f "$CS_ROOT/.countersign-root-complete" ] && return 0
    cs_install_host_tools
    mkdir -p "$cache"
    lock="$cache/$CS_ROOT_KIND.lock"
    exec 9>"$lock"
    if ! flock -n 9; then
        cs_note "Another run is creating the build root; waiting for it"
        flock 9
    fi
    if [ ! -f "$CS_ROOT/.countersign-root-complete" ]; then
        cs_remove_partial_roots "$cache" "$CS_ROOT_KIND"
        tmp="$CS_ROOT.partial.$$"
        started=$SECONDS
        cs_note "Creating the Debian 13 build root in $CS_ROOT (first run only; about 1-3 minutes, ~1.5 GB)"
        local pkgs
        pkgs=$(cs_packages | paste -sd, -)
        if ! mmdebstrap --variant=apt --include="$pkgs" "$CS_SUITE" "$tmp" </dev/null 2>&1 |
            while IFS= read -r line; do
                case "$line" in
                    I:*|W:*|E:*) printf '    %s\n' "$line" >&2 ;;
                esac
            done; then
            rm -rf "$tmp"
            cs_die "creating the build root failed"
        fi
        [ -x "$tmp/usr/bin/cmake" ] || { rm -rf "$tmp"; cs_die "creating the build root failed (no cmake inside)"; }
        touch "$tmp/.countersign-root-complete"
        mv "$tmp" "$CS_ROOT"
        cs_note "Build root ready after $((SECONDS - started)) s"
    fi
    flock -u 9
    exec 9>&-
}

# A run killed while mmdebstrap worked can leave /proc, /sys and /dev mounted inside its
# partial root: unmount those first and never let rm cross into another file system.
cs_remove_partial_roots() {
    local cache=$1 kind=$2 partial mnt
    for partial in "$cache"/"$kind"-*.partial.*; do
        [ -e "$partial" ] || continue
        # grep finds nothing when no mount was left: not an error under pipefail.
        { findmnt -rn -o TARGET | grep -F "$partial/" || true; } | sort -r | while IFS= read -r mnt; do
            umount -l "$mnt" 2>/dev/null || true
        done
        rm -rf --one-file-system "$partial" 2>/dev/null || true
    done
}

cs_prepare_env() {
    case "${COUNTERSIGN_ROOT:-auto}" in
        never) CS_MODE=native ;;
        always) CS_MODE=root ;;
        auto) if cs_native_ok; then CS_MODE=native; else CS_MODE=root; fi ;;
        *) cs_die "COUNTERSIGN_ROOT must be auto, always or never" ;;
    esac
    if [ "$CS_MODE" = root ]; then
        cs_ensure_root
        cs_note "Using the build root $CS_ROOT"
    else
        cs_note "Building natively"
    fi
}

# Runs a command natively or in the root, with the work tree and $HOME at the same paths.
# /tmp is the root's own, empty one; with CS_HOST_TMP=1 it is the host's (for `run`: what the
# app saves there is where the user looks for it). CS_EXTRA_BINDS: more folders, by the same path.
cs_exec() {
    if [ "$CS_MODE" = native ]; then
        "$@"
        return
    fi
    local args=(--bind "$CS_ROOT" / --dev /dev --proc /proc)
    if [ "${CS_HOST_TMP:-0}" = 1 ]; then
        args+=(--bind /tmp /tmp)
    else
        args+=(--perms 1777 --tmpfs /tmp)
    fi
    args+=(--bind "$TOP" "$TOP" --unshare-pid --die-with-parent --chdir "$(cs_chdir)"
        --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
    if [ -n "${HOME:-}" ] && [ -d "$HOME" ]; then
        args+=(--bind "$HOME" "$HOME")
    fi
    local extra
    for extra in ${CS_EXTRA_BINDS:-}; do
        [ -d "$extra" ] && args+=(--bind "$extra" "$extra")
    done
    if [ "${CS_HOST_TMP:-0}" != 1 ] && [ -d /tmp/.X11-unix ]; then
        args+=(--bind /tmp/.X11-unix /tmp/.X11-unix)
    fi
    if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ]; then
        args+=(--bind "$XAUTHORITY" "$XAUTHORITY")
    fi
    if [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -d "$XDG_RUNTIME_DIR" ]; then
        args+=(--bind "$XDG_RUNTIME_DIR" "$XDG_RUNTIME_DIR")
    fi
    bwrap "${args[@]}" "$@"
}

# bwrap can only enter directories that exist inside the sandbox: the work tree or $HOME.
cs_chdir() {
    case "$PWD/" in
        "$TOP"/* | "${HOME:-/nonexistent}"/*) echo "$PWD" ;;
        *) echo "$TOP" ;;
    esac
}
